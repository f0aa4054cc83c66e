// `sim whatif RUNFILE`: what each decision of a verified run was worth — the run replayed on the
// same seed without that decision, and the best and worst of them checked on other markets
// (src/engine/counterfactual.ts): the same figures the debrief's "what if" page shows, so an
// instructor can see which choices made a trainee's score.
import {
  type DecisionValue,
  type GameState,
  type MarketCheck,
  type RunFile,
  type Scenario,
  scoreRun,
  whatIf,
} from "../engine";

/** A decision's value as `--json` prints it: week and place 1-based, as `verify` names them. */
export type WhatIfRow = Omit<DecisionValue, "turn" | "index" | "decision"> & {
  turn: number;
  decision: number;
  detail: DecisionValue["decision"];
  /** The check on other markets, for the decisions that mattered most in the own one. */
  markets: Omit<MarketCheck, "turn" | "index"> | null;
};

export interface WhatIfResult {
  scenario: string;
  seed: string;
  score: number;
  /** The scenario's objective ids, the order of every `objectiveDeltas`. */
  objectives: string[];
  decisions: WhatIfRow[];
}

export function whatIfReport(scenario: Scenario, run: RunFile, final: GameState): WhatIfResult {
  const decisions: WhatIfRow[] = [];
  for (const e of whatIf(scenario, run.seed, run.turns)) {
    if (e.kind === "value") {
      const { turn, index, decision, ...value } = e.value;
      decisions.push({ ...value, turn: turn + 1, decision: index + 1, detail: decision, markets: null });
      continue;
    }
    const { turn, index, ...markets } = e.check;
    const row = decisions.find((d) => d.turn === turn + 1 && d.decision === index + 1);
    if (row) row.markets = markets;
  }
  const objectives = scenario.objectives.map((o) => o.id);
  return { scenario: scenario.id, seed: run.seed, score: scoreRun(scenario, final).score, objectives, decisions };
}

const yuan = (fen: number) => `${fen < 0 ? "-" : "+"}¥${(Math.abs(fen) / 100).toFixed(2)}`;
const pts = (n: number) => `${n > 0 ? "+" : ""}${n}`;

/** The decisions ranked by what they added to the score (then net profit), at most `top` from each end. */
export function whatIfTable(r: WhatIfResult, top: number): string {
  const ranked = [...r.decisions].sort(
    (a, b) => b.scoreDelta - a.scoreDelta || b.netProfitDeltaFen - a.netProfitDeltaFen,
  );
  const shown = ranked.length <= 2 * top ? ranked : [...ranked.slice(0, top), ...ranked.slice(-top)];
  const lines = [
    `scenario ${r.scenario}  seed ${r.seed}  score ${r.score}/1000  decisions ${r.decisions.length}`,
    "value = the run as played minus the run without that decision (same seed); + means it helped;",
    "markets = the same decision undone on other seeds too: helped in N of M, mean score difference",
    ["week", "#", "score", "net profit", "GMV", "markets", "decision"].join("\t"),
  ];
  for (const [i, d] of shown.entries()) {
    if (shown.length < ranked.length && i === top) lines.push(`…\t${ranked.length - 2 * top} more`);
    const notes = [
      d.dropped > 0 ? `${d.dropped} later decision(s) no longer applied` : "",
      d.savedTheShop ? "bankrupt without it" : "",
    ].filter(Boolean);
    const m = d.markets;
    const markets = m ? `${m.helpedIn}/${m.markets} ${pts(Math.round(m.meanScoreDelta))}` : "-";
    const cells = [d.turn, d.decision, pts(d.scoreDelta), yuan(d.netProfitDeltaFen), yuan(d.gmvDeltaFen), markets];
    lines.push([...cells, JSON.stringify(d.detail)].join("\t") + (notes.length > 0 ? `  (${notes.join("; ")})` : ""));
  }
  return `${lines.join("\n")}\n`;
}
