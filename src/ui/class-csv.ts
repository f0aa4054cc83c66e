// The instructor's class CSV, built in the browser from the class board and each trainee's best
// verified run (its decision log replayed with the engine): times in the instructor's local time
// with the zone in the header, each objective's points, and one column per principle taught
// (applied / partly / missed, from debrief-recap.ts). Trainees with only rejected runs follow,
// with the reason in words. Pure: the caller fetches the data and formats times.
import { Decision, type GameState, newGame, type Scenario, scoreRun, step, type WeekReport } from "../engine";
import { bi, type Lang, t } from "../i18n";
import { toCsv } from "../shared/csv";
import type { BoardRow, SubmissionView } from "../store/challenge-api";
import { recapRun, type Verdict } from "./debrief-recap";
import { principleName } from "./principle-text";

export interface ClassCsvInput {
  /** The scenario as the class played it (scenarioAt(file, difficulty)). */
  scenario: Scenario;
  seed: string;
  rows: readonly BoardRow[];
  /** Each ranked trainee's best run's decisions by week (from the trainee view's timeline), by name. */
  bests: ReadonlyMap<string, readonly { decisions: readonly unknown[] }[]>;
  /** Trainees with only rejected submissions: their latest one, with the reason already in words. */
  rejectedOnly: readonly { s: SubmissionView; reason: string }[];
  /** ISO time → the instructor's local time ("2026-12-07 18:03:12"). */
  localTime: (iso: string) => string;
  /** The zone those times are in ("Asia/Shanghai, UTC+08:00"). */
  zone: string;
}

/** Both languages in a header cell, like the server's CSV ("排名 rank"). */
const head = (key: string, params: Record<string, string | number> = {}) => {
  const zh = t(key, params, "zh-CN");
  const en = t(key, params, "en");
  return zh === en ? zh : `${zh} ${en}`;
};

const VERDICT: Record<Verdict, string> = { applied: "applied", partial: "partly", missed: "missed" };

/** A best run replayed: score, objective points and the recap's verdict per goal; null if it does not replay. */
export function replayBest(
  scenario: Scenario,
  seed: string,
  weeks: readonly { decisions: readonly unknown[] }[],
): { points: number[]; verdicts: Verdict[]; score: number } | null {
  let s: GameState = newGame(scenario, seed);
  const turns: Decision[][] = [];
  const reports: WeekReport[] = [];
  const states: GameState[] = [];
  for (const w of weeks) {
    const turn: Decision[] = [];
    for (const d of w.decisions) {
      const p = Decision.safeParse(d);
      if (!p.success) return null;
      turn.push(p.data);
    }
    const r = step(scenario, s, turn);
    if (!r.ok) return null;
    s = r.state;
    turns.push(turn);
    reports.push(r.report);
    states.push(s);
  }
  const score = scoreRun(scenario, s);
  const recap = recapRun({ scenario, turns, reports, final: s }, states);
  return { points: score.objectives.map((o) => o.points), verdicts: recap.map((g) => g.verdict), score: score.score };
}

/** The table (header first); `lang` only picks the words of the verdicts and reasons already given. */
export function classCsvTable(o: ClassCsvInput, _lang: Lang = "zh-CN"): (string | number | null)[][] {
  const sc = o.scenario;
  const goalCols = sc.goals.map((g, i) => {
    const n = sc.goals.filter((x) => x.code === g.code).length;
    const nth = n > 1 ? ` (${sc.goals.slice(0, i + 1).filter((x) => x.code === g.code).length})` : "";
    return `${g.code}${nth} ${principleName(g.code)}`;
  });
  const header = [
    head("csv.rank"),
    head("csv.name"),
    head("csv.score"),
    head("csv.stars"),
    `${head("csv.submitted")} (${o.zone})`,
    head("csv.attempts"),
    head("csv.gmv"),
    head("csv.orders"),
    head("csv.uv"),
    head("csv.conversion"),
    head("csv.netProfit"),
    head("csv.dsr"),
    ...sc.objectives.map((ob) => `${head("csv.objective")}: ${bi(ob.label, "zh-CN")} / ${bi(ob.label, "en")}`),
    ...goalCols,
    head("csv.note"),
  ];
  const yuan = (fen: number) => Math.round(fen) / 100;
  const table: (string | number | null)[][] = [header];
  for (const r of o.rows) {
    const best = o.bests.get(r.name);
    const replay = best ? replayBest(sc, o.seed, best) : null;
    table.push([
      r.rank,
      r.name,
      r.score,
      r.stars,
      o.localTime(r.submittedAt),
      r.attempts,
      yuan(r.kpis.gmvFen),
      r.kpis.orders,
      r.kpis.uv,
      Number(r.kpis.conversionRate.toFixed(4)),
      yuan(r.kpis.netProfitFen),
      Number(r.kpis.dsr.toFixed(2)),
      ...sc.objectives.map((_, i) => (replay ? Math.round((replay.points[i] ?? 0) * 10) / 10 : null)),
      ...sc.goals.map((_, i) => (replay ? VERDICT[replay.verdicts[i] ?? "missed"] : null)),
      replay ? (replay.score === r.score ? "" : head("csv.scoreDiffers")) : head("csv.noReplay"),
    ]);
  }
  for (const { s, reason } of o.rejectedOnly) {
    const blanks = Array(6 + sc.objectives.length + sc.goals.length).fill(null);
    table.push([
      null,
      s.name,
      null,
      null,
      o.localTime(s.submittedAt),
      null,
      ...blanks,
      `${head("csv.rejected")}: ${reason}`,
    ]);
  }
  return table;
}

export function classCsv(o: ClassCsvInput): string {
  return toCsv(classCsvTable(o));
}

/** "2026-12-07 18:03:12" in the browser's zone. */
export function localTimeOf(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** "Asia/Shanghai, UTC+08:00" for the browser's zone (at `at`). */
export function zoneLabel(at: Date = new Date()): string {
  const off = -at.getTimezoneOffset();
  const sign = off >= 0 ? "+" : "−";
  const hh = String(Math.floor(Math.abs(off) / 60)).padStart(2, "0");
  const mm = String(Math.abs(off) % 60).padStart(2, "0");
  let name = "";
  try {
    name = Intl.DateTimeFormat().resolvedOptions().timeZone ?? "";
  } catch {
    name = "";
  }
  return `${name ? `${name}, ` : ""}UTC${sign}${hh}:${mm}`;
}
