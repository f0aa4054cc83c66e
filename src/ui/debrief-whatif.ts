// The debrief's "what if" page, as data: a run's decision values and their checks on other markets
// (src/engine/counterfactual.ts) sorted into the decisions that helped most and the ones that cost
// the trainee. Pure, so it is tested in Node; the replays run off the main thread (whatif-job.ts).
import { byDecisionValue, type DecisionValue, type MarketCheck } from "../engine";

/** Undoing a decision that moves the score by less than this counts as "made little difference". */
export const SMALL_POINTS = 5;

export interface WhatIfRow {
  /** In the trainee's own market. */
  value: DecisionValue;
  /** On other markets too, once checked. */
  check: MarketCheck | null;
}

export interface WhatIfLists {
  helped: WhatIfRow[];
  hurt: WhatIfRow[];
  /** Decisions whose undoing moves the own market's score by less than SMALL_POINTS. */
  small: number;
}

// A row is listed by the points it shows (whole points): a decision worth "±0 pts" neither helped
// nor cost points, whatever its net profit, so it is in neither list (it counts as small).
const helps = (score: number, _profitFen: number) => Math.round(score) > 0;
const costs = (score: number, _profitFen: number) => Math.round(score) < 0;

/**
 * The `n` decisions that helped most and the `n` that cost most. Until the market checks are all in
 * (`checked` false) the lists rank the own market's values; after, only checked decisions, by their
 * mean over the markets, so a decision that looked good only by the luck of one market drops out.
 */
export function rankWhatIf(
  values: readonly DecisionValue[],
  checks: readonly MarketCheck[],
  checked: boolean,
  n: number,
): WhatIfLists {
  const small = values.filter((v) => Math.abs(v.scoreDelta) < SMALL_POINTS).length;
  const checkOf = (v: DecisionValue) => checks.find((c) => c.turn === v.turn && c.index === v.index) ?? null;
  if (!checked) {
    const sorted = [...values].sort(byDecisionValue);
    const row = (value: DecisionValue) => ({ value, check: checkOf(value) });
    return {
      helped: sorted
        .filter((v) => helps(v.scoreDelta, v.netProfitDeltaFen))
        .slice(0, n)
        .map(row),
      hurt: sorted
        .filter((v) => costs(v.scoreDelta, v.netProfitDeltaFen))
        .reverse()
        .slice(0, n)
        .map(row),
      small,
    };
  }
  const rows: { value: DecisionValue; check: MarketCheck }[] = [];
  for (const c of checks) {
    const value = values.find((v) => v.turn === c.turn && v.index === c.index);
    if (value) rows.push({ value, check: c });
  }
  rows.sort(
    (a, b) =>
      b.check.meanScoreDelta - a.check.meanScoreDelta || b.check.meanNetProfitDeltaFen - a.check.meanNetProfitDeltaFen,
  );
  return {
    helped: rows.filter((r) => helps(r.check.meanScoreDelta, r.check.meanNetProfitDeltaFen)).slice(0, n),
    hurt: rows
      .filter((r) => costs(r.check.meanScoreDelta, r.check.meanNetProfitDeltaFen))
      .reverse()
      .slice(0, n),
    small,
  };
}

/**
 * The objectives whose points a decision moved most (at most `n`, largest first; less than half a
 * point is left out): why undoing it changes the score, e.g. "stockout days −98 pts".
 */
export function mainObjectives(deltas: readonly number[], n: number): { index: number; points: number }[] {
  return deltas
    .map((d, index) => ({ index, points: Math.round(d) }))
    .filter((o) => o.points !== 0)
    .sort((a, b) => Math.abs(b.points) - Math.abs(a.points) || a.index - b.index)
    .slice(0, n);
}
