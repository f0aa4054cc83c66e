// Pure helpers for the instructor's moderation view and the public board's copies (no Phaser):
// the "copy of Alice, 14:02" mark, the order entries are listed in, and the roster text box.
import { t } from "../i18n";
import type { CopyBoardRow, SubmissionView } from "../store/challenge-api";

/** "14:02" in the viewer's local time (or the zone given, for tests); "—" for a missing or bad time. */
export function hhmm(iso: string | null | undefined, timeZone?: string): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "—";
  return new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone }).format(d);
}

/** "copy of Alice, 14:02" / "抄自 Alice，14:02": the earlier trainee and when they submitted (local time). */
export function copyOfText(of: { name: string; submittedAt: string }, timeZone?: string): string {
  return t("mod.copyOf", { name: of.name, time: hhmm(of.submittedAt, timeZone) });
}

export interface EntryLine {
  s: SubmissionView;
  copy: boolean;
  hidden: boolean;
  /** The mark shown beside the entry ("copy of Alice, 14:02", "hidden"), "" for none. */
  mark: string;
}

/**
 * The instructor's verified entries: originals first (higher score first, then the earlier), then
 * copies apart (oldest first). Rejected attempts are listed elsewhere.
 */
export function entryLines(subs: readonly SubmissionView[], timeZone?: string): EntryLine[] {
  const lines = subs
    .filter((s) => s.verified)
    .map((s) => {
      const copy = !!s.copyOf;
      const hidden = !!s.hidden;
      const marks: string[] = [];
      if (s.copyOf) marks.push(copyOfText(s.copyOf, timeZone));
      if (hidden) marks.push(t("mod.hiddenTag"));
      return { s, copy, hidden, mark: marks.join(" · ") };
    });
  const at = (l: EntryLine) => Date.parse(l.s.submittedAt) || 0;
  const originals = lines
    .filter((l) => !l.copy)
    .sort((a, b) => (b.s.score ?? 0) - (a.s.score ?? 0) || at(a) - at(b) || a.s.id - b.s.id);
  const copies = lines.filter((l) => l.copy).sort((a, b) => at(a) - at(b) || a.s.id - b.s.id);
  return [...originals, ...copies];
}

/** The stars of a board row as ★★☆. */
export function starsOf(n: number): string {
  const k = Math.max(0, Math.min(3, Math.round(n)));
  return `${"★".repeat(k)}${"☆".repeat(3 - k)}`;
}

/** One copy on the public board: "Bob · 705 pts ★★☆ · copy of Alice, 14:02". */
export function copyBoardLine(c: CopyBoardRow, timeZone?: string): string {
  return t("lb.copyLine", {
    name: c.name,
    score: c.score,
    stars: starsOf(c.stars),
    of: c.copyOf.name,
    time: hhmm(c.copyOf.submittedAt, timeZone),
  });
}

/**
 * The roster text box → names: split at commas, Chinese commas and enumeration marks, semicolons and
 * line breaks, trimmed, blanks dropped, the same name (case-insensitive, NFC) kept once (the first
 * spelling). An empty box gives an empty list (the caller asks to clear instead).
 */
export function parseRosterText(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/[,，、;；\n\r]+/)) {
    const name = raw.trim().normalize("NFC");
    if (!name) continue;
    const key = name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

/** Names → the roster text box. */
export function rosterText(names: readonly string[] | null): string {
  return names ? names.join(", ") : "";
}
