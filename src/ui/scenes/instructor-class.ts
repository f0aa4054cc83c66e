// Instructor: watch the class. The ranking (each trainee's best verified run), rejected attempts
// with their reasons, a trainee's timeline on click, CSV export and closing the challenge.
// Refreshes itself every few seconds. 管理条目 switches to the moderation view (instructor-entries.ts):
// every verified entry with copies apart and marked, hide/show, remove, reset claim, and the roster.
import type Phaser from "phaser";
import { getScenario } from "../../content/scenarios";
import { ENGINE_VERSION, scenarioAt } from "../../engine";
import { bi, plural, t } from "../../i18n";
import { createChallengeApi, type SubmissionView } from "../../store/challenge-api";
import { recoveryFileName } from "../../store/challenge-store";
import {
  addTextInput,
  apiErrorText,
  challengeStore,
  clock,
  dateTime,
  downloadBlob,
  watchChallenge,
} from "../challenge-ui";
import { classCsv, localTimeOf, zoneLabel } from "../class-csv";
import { copyOfText, parseRosterText, rosterText } from "../moderation";
import { downloadJson } from "../run-file";
import { C, DESIGN_H, DESIGN_W, FS } from "../theme";
import { Button } from "../widgets/button";
import { Card } from "../widgets/card";
import { confirmDialog } from "../widgets/confirm";
import { addText, fitOrClip, fitText } from "../widgets/text";
import { BaseScene } from "./base-scene";
import { drawEntries } from "./instructor-entries";
import { drawBoardTable, REFRESH_MS } from "./leaderboard";

/** Rejected submissions shown at once, and the first one shown (the list scrolls). */
const REJ_ROWS = 4;
const REJ_ROW_H = 22;
let rejTop = 0;
/** Which view the screen shows: the ranking or the moderation list (kept across restarts). */
let view: "board" | "entries" = "board";
/** Card-local offsets of the moderation view: the roster line, its box, the list. */
const ROSTER_DY = 28;
const ROSTER_BOX_DY = 50;
const ENTRIES_DY = 104;

export class InstructorClass extends BaseScene {
  private body: Card | null = null;
  private status!: Phaser.GameObjects.Text;
  private updatedAt: string | null = null;
  /** Whether the button row was built for a closed challenge (reopen) or an open one (close). */
  private closedShown = false;
  /** What the last moderation did (or why it failed), on the status line. */
  private note = "";
  private rosterInput: HTMLInputElement | null = null;
  /** The roster box was typed in: refreshes no longer overwrite it. */
  private rosterDirty = false;

  constructor() {
    super("InstructorClass");
  }

  protected build(): void {
    const cs = challengeStore();
    this.drawBackdrop();
    addText(this, 24, 18, t("cls.title"), { size: FS.h1, bold: true });
    this.addLangSwitch(DESIGN_W - 196, 20);
    this.note = "";
    this.rosterInput = null;
    this.rosterDirty = false;
    new Button(this, {
      id: "cls.view",
      x: DESIGN_W - 196 - 16 - 220,
      y: 20,
      w: 220,
      h: 40,
      label: view === "board" ? `☰ ${t("mod.viewEntries")}` : `▤ ${t("mod.viewBoard")}`,
      variant: view === "entries" ? "primary" : "secondary",
      size: FS.body,
      focus: this.focus,
      onClick: () => {
        view = view === "board" ? "entries" : "board";
        this.scene.restart();
      },
    });
    this.status = addText(this, 24, DESIGN_H - 118, "", { size: FS.small, color: C.muted, width: DESIGN_W - 48 });
    this.render();
    if (view === "entries" && this.body) this.buildRoster(84 + this.body.contentY + ROSTER_BOX_DY);
    watchChallenge(this, (s, prev) => {
      // Closed elsewhere, reopened, or just loaded as closed: the button row changes (close ↔ reopen).
      const ch = s.klass.challenge;
      if (ch && ch.closed !== this.closedShown) {
        this.scene.restart();
        return;
      }
      if (s.klass !== prev.klass) {
        if (s.klass.status === "ok") this.updatedAt = new Date().toISOString();
        this.render();
      }
    });
    if (cs.getState().klass.status === "idle") void cs.getState().refreshClass();
    this.time.addEvent({ delay: REFRESH_MS, loop: true, callback: () => void cs.getState().refreshClass() });

    const by = DESIGN_H - 84;
    // Closing can be undone until the deadline: a closed challenge shows 重新开放 in its place.
    const ch = cs.getState().klass.challenge;
    const closed = !!ch?.closed;
    this.closedShown = closed;
    const canReopen = closed && (ch?.deadline === null || Date.parse(ch?.deadline ?? "") > Date.now());
    const buttons: [string, string, "secondary" | "ghost", () => void, boolean][] = [
      ["cls.refresh", `↻ ${t("lb.refresh")}`, "secondary", () => void cs.getState().refreshClass(), true],
      ["cls.export", `⇩ ${t("cls.export")}`, "secondary", () => void this.exportCsv(), true],
      closed
        ? ["cls.reopen", `▶ ${t("cls.reopen")}`, "secondary", () => void this.reopenChallenge(), canReopen]
        : ["cls.close", `■ ${t("cls.close")}`, "secondary", () => this.confirmClose(), true],
      ["cls.recovery", `⤓ ${t("recovery.save")}`, "ghost", () => this.saveRecovery(), true],
    ];
    buttons.forEach(([id, label, variant, onClick, enabled], i) => {
      new Button(this, {
        id,
        x: 24 + i * 236,
        y: by,
        w: 220,
        h: 56,
        label,
        variant,
        size: FS.h3,
        focus: this.focus,
        enabled,
        onClick,
      });
    });
    new Button(this, {
      id: "cls.back",
      x: DESIGN_W - 24 - 220,
      y: by,
      w: 220,
      h: 56,
      label: `← ${t("cls.back")}`,
      variant: "ghost",
      size: FS.h3,
      focus: this.focus,
      onClick: () => this.s.goTo("instructor"),
    });
  }

  /** The roster box (built once, so typing survives refreshes) with 保存名单 and 清除名单. */
  private buildRoster(y: number): void {
    const cs = challengeStore();
    const input = addTextInput(this, {
      id: "mod.roster",
      x: 40,
      y,
      w: 760,
      h: 40,
      value: rosterText(cs.getState().klass.roster),
      placeholder: t("mod.rosterPlaceholder"),
      maxLength: 20_000,
      onChange: () => {
        this.rosterDirty = true;
      },
      onEnter: () => void this.saveRoster(),
    });
    this.rosterInput = input;
    const buttons: [string, string, () => void][] = [
      ["mod.rosterSave", t("mod.rosterSave"), () => void this.saveRoster()],
      ["mod.rosterClear", t("mod.rosterClear"), () => void this.clearRoster()],
    ];
    buttons.forEach(([id, label, onClick], i) => {
      // Above the card, which is rebuilt (and so drawn last) on every refresh.
      const b = new Button(this, {
        id,
        x: 812 + i * 192,
        y,
        w: 180,
        h: 40,
        label,
        variant: "secondary",
        size: FS.body,
        focus: this.focus,
        onClick,
      });
      b.setDepth(5);
    });
  }

  private setNote(text: string): void {
    this.note = text;
    if (this.sys.isActive()) this.render();
  }

  private async saveRoster(): Promise<void> {
    const names = parseRosterText(this.rosterInput?.value ?? "");
    if (names.length === 0) {
      this.setNote(`⚠ ${t("mod.rosterEmpty")}`);
      return;
    }
    const ok = await challengeStore().getState().setRoster(names);
    if (ok) this.rosterDirty = false;
    this.setNote(
      ok
        ? t("mod.rosterSaved", { n: names.length })
        : t("mod.failed", { reason: apiErrorText(challengeStore().getState().klass.error) }),
    );
  }

  private async clearRoster(): Promise<void> {
    const ok = await challengeStore().getState().setRoster(null);
    if (ok) {
      this.rosterDirty = false;
      if (this.rosterInput) this.rosterInput.value = "";
    }
    this.setNote(
      ok ? t("mod.rosterCleared") : t("mod.failed", { reason: apiErrorText(challengeStore().getState().klass.error) }),
    );
  }

  /**
   * The class CSV, built here (class-csv.ts): each ranked trainee's best run is fetched and replayed
   * for its objective points and principle verdicts, times are local with the zone. If the runs
   * cannot be fetched, the server's CSV (UTC times) is downloaded instead.
   */
  private async exportCsv(): Promise<void> {
    const cs = challengeStore().getState();
    const { klass, instructor } = cs;
    const entry = instructor.find((e) => e.code === klass.code);
    const ch = klass.challenge;
    const file = getScenario(ch?.scenario.id ?? "");
    if (entry && ch && file && ch.engineVersion === ENGINE_VERSION) {
      this.status.setText(t("cls.exporting"));
      const api = createChallengeApi();
      const bests = new Map<string, { decisions: unknown[] }[]>();
      let ok = true;
      for (const r of klass.rows) {
        const d = await api.trainee(entry.code, r.name, entry.secret);
        if (!d.ok || !d.data.best) {
          ok = false;
          break;
        }
        bests.set(r.name, d.data.best.timeline);
      }
      if (ok) {
        const ranked = new Set(klass.rows.map((r) => r.name.trim().toLowerCase()));
        const latest = new Map<string, SubmissionView>();
        for (const s of klass.submissions)
          if (!s.verified && !ranked.has(s.name.trim().toLowerCase())) latest.set(s.name.trim().toLowerCase(), s);
        const csv = classCsv({
          scenario: scenarioAt(file, ch.difficulty),
          seed: ch.seed,
          rows: klass.rows,
          bests,
          rejectedOnly: [...latest.values()].map((s) => ({ s, reason: this.rejectReason(s) })),
          localTime: localTimeOf,
          zone: zoneLabel(),
        });
        const name = `shopsim-${entry.code}.csv`;
        downloadBlob(new Blob([csv], { type: "text/csv;charset=utf-8" }), name);
        this.status.setText(`✓ ${t("debrief.exported", { file: name })}`);
        return;
      }
    }
    const r = await cs.exportCsv();
    if (!r) {
      this.status.setText(`⚠ ${t("cls.exportFailed")}`);
      return;
    }
    downloadBlob(r.blob, r.file);
    this.status.setText(`✓ ${t("debrief.exported", { file: r.file })}`);
  }

  /** A rejection's reason in the instructor's language (the engine's key + params when sent, else the code). */
  private rejectReason(s: SubmissionView): string {
    const r = s.rejected;
    return apiErrorText({
      code: r?.code ?? "rejected",
      message: r?.message ?? "",
      ...(r?.key ? { key: r.key, params: r.params ?? {} } : {}),
      status: 422,
    });
  }

  /** 结束挑战 asks first: trainees can no longer submit; it can be reopened until the deadline. */
  private confirmClose(): void {
    const ch = challengeStore().getState().klass.challenge;
    if (!ch) return;
    confirmDialog(this, {
      id: "confirm.close",
      title: t("guard.closeTitle", { code: ch.code }),
      body: ch.deadline ? t("guard.closeBodyDeadline", { deadline: dateTime(ch.deadline) }) : t("guard.closeBody"),
      confirmLabel: t("cls.close"),
      danger: true,
      focus: this.focus,
      onConfirm: () => void this.closeChallenge(),
    });
  }

  private async closeChallenge(): Promise<void> {
    // On success the refreshed challenge is closed and the watcher rebuilds the screen.
    const ok = await challengeStore().getState().closeClass();
    if (!ok) this.status.setText(`⚠ ${apiErrorText(challengeStore().getState().klass.error)}`);
  }

  private async reopenChallenge(): Promise<void> {
    const ok = await challengeStore().getState().reopenClass();
    if (!ok) this.status.setText(`⚠ ${apiErrorText(challengeStore().getState().klass.error)}`);
  }

  /** Saves the code and secret as a file, so the class can be opened from another computer. */
  private saveRecovery(): void {
    const cs = challengeStore().getState();
    const code = cs.klass.code;
    const json = code ? cs.recoveryJson(code) : null;
    if (!code || !json) {
      this.status.setText(`⚠ ${t("cls.noSecret")}`);
      return;
    }
    const file = recoveryFileName({ code });
    downloadJson(json, file);
    this.status.setText(`✓ ${t("recovery.saved", { file })}`);
  }

  /** Every rejected submission, newest first, a page at a time (▲ ▼ and the wheel scroll it). */
  private drawRejected(card: Card, w: number, y: number, rejected: SubmissionView[], rejectedOnly: Set<string>): void {
    const list = [...rejected].reverse();
    rejTop = Math.max(0, Math.min(rejTop, list.length - REJ_ROWS));
    const layer = this.add.container(0, 0);
    card.add(layer);
    const draw = () => {
      layer.removeAll(true);
      layer.add(
        addText(this, 16, y, t("cls.rejectedAll", { n: list.length }), { size: FS.small, bold: true, color: C.muted }),
      );
      list.slice(rejTop, rejTop + REJ_ROWS).forEach((s, i) => {
        const reason = this.rejectReason(s);
        const only = rejectedOnly.has(s.name.trim().toLowerCase()) ? ` [${t("cls.rejectedOnlyTag")}]` : "";
        const line = addText(
          this,
          16,
          y + 24 + i * REJ_ROW_H,
          `✗ ${s.name}${only} — ${reason} · ${clock(s.submittedAt)}`,
          { size: FS.small, color: C.bad },
        );
        fitOrClip(line, w - 32 - 80, 10);
        layer.add(line);
      });
      if (list.length > REJ_ROWS) {
        const range = addText(
          this,
          w - 16 - 76,
          y + 8,
          t("shop.pendingRange", { from: rejTop + 1, to: Math.min(list.length, rejTop + REJ_ROWS), n: list.length }),
          { size: FS.tiny, color: C.muted, originX: 1, originY: 0.5 },
        );
        layer.add(range);
        const arrows: [string, string, number, boolean][] = [
          ["cls.rejected.up", "▲", -1, rejTop > 0],
          ["cls.rejected.down", "▼", 1, rejTop + REJ_ROWS < list.length],
        ];
        arrows.forEach(([id, label, d, enabled], i) => {
          new Button(this, {
            id,
            x: w - 16 - (2 - i) * 34 + 4,
            y: y - 4,
            w: 30,
            h: 26,
            label,
            size: FS.tiny,
            variant: "chip",
            enabled,
            focus: this.focus,
            parent: layer,
            onClick: () => scroll(d * (REJ_ROWS - 1)),
          });
        });
      }
    };
    const scroll = (d: number) => {
      const next = Math.max(0, Math.min(rejTop + d, list.length - REJ_ROWS));
      if (next === rejTop) return;
      const f = this.focus.focusedId();
      rejTop = next;
      draw();
      this.focus.focusById(f);
    };
    const zone = this.add.zone(0, y - 8, w, REJ_ROWS * REJ_ROW_H + 34).setOrigin(0, 0);
    zone.setInteractive();
    zone.on("wheel", (_p: unknown, _dx: number, dy: number) => scroll(dy > 0 ? 1 : -1));
    card.addAt(zone, 1);
    draw();
  }

  private render(): void {
    const { klass, instructor } = challengeStore().getState();
    this.body?.destroy();
    const ch = klass.challenge;
    const entry = instructor.find((e) => e.code === klass.code);
    const head = ch
      ? `${ch.className} · ${t("ch.codeShort", { code: ch.code })} · ${bi(ch.scenario.title)} · ${ch.seed}`
      : (entry?.className ?? klass.code ?? "");
    const w = DESIGN_W - 48;
    const card = new Card(this, { x: 24, y: 84, w, h: DESIGN_H - 84 - 130, title: head });
    this.body = card;
    if (!entry) {
      card.add(addText(this, 16, card.contentY, `⚠ ${t("cls.noSecret")}`, { size: FS.body, color: C.bad }));
      return;
    }
    const rejected = klass.submissions.filter((s) => !s.verified);
    const verified = klass.submissions.filter((s) => s.verified);
    // A name counts as a trainee on the board only with a verified run; names with only rejected
    // runs (a forged file, a wrong seed) are counted apart.
    const key = (n: string) => n.trim().toLowerCase();
    const ranked = new Set(verified.map((s) => key(s.name)));
    const rejectedOnly = new Set(rejected.map((s) => key(s.name)).filter((n) => !ranked.has(n)));
    const summary = addText(
      this,
      16,
      card.contentY,
      t("cls.summaryCounts", {
        // Trainees whose verified runs are all copies are listed apart, not ranked.
        ranked: new Set(verified.filter((s) => !s.copyOf).map((s) => key(s.name))).size,
        rejectedOnly: rejectedOnly.size,
        verified: verified.length,
        rejected: rejected.length,
        status: ch?.closed ? t("ch.closed") : t("ch.open"),
        deadline: dateTime(ch?.deadline ?? null),
      }),
      { size: FS.small, color: ch?.closed ? C.warn : C.muted },
    );
    fitText(summary, w - 32, 10);
    card.add(summary);
    if (view === "entries") {
      this.renderEntries(card, w);
      return;
    }
    const tableY = card.contentY + 28;
    const rejH = rejected.length > 0 ? REJ_ROWS * REJ_ROW_H + 30 : 0;
    if (klass.rows.length === 0) {
      card.add(
        addText(this, 16, tableY + 8, klass.status === "error" ? `⚠ ${apiErrorText(klass.error)}` : t("cls.empty"), {
          size: FS.body,
          color: klass.status === "error" ? C.bad : C.muted,
          width: w - 32,
        }),
      );
    } else {
      const maxRows = (rejected.length > 0 ? 6 : 10) - (klass.copies.length > 0 ? 1 : 0);
      drawBoardTable(this, card, klass.rows, {
        y: tableY,
        w,
        maxRows,
        idPrefix: "cls",
        onRow: (r) => {
          void challengeStore().getState().openTrainee(r.name);
          this.s.goTo("trainee");
        },
      });
    }
    // Copies apart, below the ranking: who, and whose earlier run they repeat.
    if (klass.copies.length > 0) {
      const shown = Math.min(klass.rows.length, (rejected.length > 0 ? 6 : 10) - 1);
      const list = klass.copies.map((c) => `${c.name} (${copyOfText(c.copyOf)})`).join(t("common.listSep"));
      const line = addText(this, 16, tableY + 34 + Math.max(1, shown) * 34 + 4, t("cls.copies", { list }), {
        size: FS.small,
        color: C.warn,
      });
      fitOrClip(line, w - 32, 10);
      card.add(line);
    }
    if (rejected.length > 0) this.drawRejected(card, w, card.bg.height - rejH, rejected, rejectedOnly);
    this.status.setText(
      `${this.note ? `${this.note}   ·   ` : ""}${t("cls.hint")}   ·   ${t("lb.updated", { time: clock(this.updatedAt), s: REFRESH_MS / 1000 })}`,
    );
  }

  /** The moderation view: the roster line (its box is built once, above), then every verified entry. */
  private renderEntries(card: Card, w: number): void {
    const { klass } = challengeStore().getState();
    const roster = klass.roster;
    const line = addText(
      this,
      16,
      card.contentY + ROSTER_DY,
      roster ? plural("mod.rosterSet", roster.length, { n: roster.length }) : t("mod.rosterNone"),
      { size: FS.small, color: roster ? C.warn : C.muted },
    );
    fitOrClip(line, w - 32, 10);
    card.add(line);
    if (this.rosterInput && !this.rosterDirty && document.activeElement !== this.rosterInput)
      this.rosterInput.value = rosterText(roster);
    drawEntries(this, card, {
      y: card.contentY + ENTRIES_DY,
      w,
      focus: this.focus,
      note: (text) => this.setNote(text),
    });
    const err = klass.status === "error" ? `⚠ ${apiErrorText(klass.error)}   ·   ` : "";
    this.status.setText(
      `${err}${this.note ? `${this.note}   ·   ` : ""}${t("lb.updated", { time: clock(this.updatedAt), s: REFRESH_MS / 1000 })}`,
    );
  }
}
