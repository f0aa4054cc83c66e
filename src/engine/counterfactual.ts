// What a decision was worth: the run replayed on the same seed with that one decision undone and
// everything else as played (game-design.md, "counterfactual debrief"). Every system draws from its
// own named stream, so undoing a decision does not reshuffle the others' luck; within a system a
// changed count (more visitors one day) does shift its later draws, so one market's difference mixes
// the decision's effect with the luck of the new path. The check on other markets (`whatIf`) separates
// the two.
//
// Undoing a decision can leave a later one without its footing (a price for a SKU that was never
// launched, a second reorder the cash no longer covers). Such decisions are dropped, one by one, and
// listed, so the trainee sees the replay is "your run without X" and not a different strategy.
// A run that ended early (bankrupt) is carried on with no further decisions to the scenario's end
// when the replay survives, so both are scored over the same weeks.
import { clonePlain } from "./clone";
import type { Decision, DecisionError } from "./decisions";
import { canonicalJson } from "./hash";
import type { Scenario } from "./scenario-schema";
import { runKpis, type ScoreResult, scoreRun } from "./scoring";
import { newGame } from "./state";
import { step } from "./step";
import type { GameState, Kpis } from "./types";
import { applyDecision, parseDecision } from "./validate";

/** One decision of a run: the turn (0-based week) and its place in that turn's list. */
export interface DecisionRef {
  turn: number;
  index: number;
}

export interface DroppedDecision extends DecisionRef {
  error: DecisionError;
}

export interface Counterfactual {
  /** The decision undone, or null for a plain replay. */
  omitted: DecisionRef | null;
  final: GameState;
  score: ScoreResult;
  kpis: Kpis;
  /** Later decisions of the run that no longer applied and were skipped. */
  dropped: DroppedDecision[];
}

/**
 * The states at the start of each turn of a run: `[newGame, after turn 1, …]`, as long as the game
 * lasts. A replay that undoes a decision of turn t starts from `starts[t]` instead of from week 1.
 * Decisions that do not apply where they stand (the log played on another market) are skipped, as
 * `replayWithout` skips them.
 */
export function turnStarts(scenario: Scenario, seed: string, turns: readonly (readonly Decision[])[]): GameState[] {
  let s = newGame(scenario, seed);
  const starts: GameState[] = [s];
  for (const [t, turn] of turns.entries()) {
    if (s.status !== "playing") break;
    const out = step(scenario, s, stillValid(scenario, s, turn, t, -1).kept);
    if (!out.ok) break; // cannot happen: every kept decision was checked against this state
    s = out.state;
    starts.push(s);
  }
  return starts;
}

/** The decisions of `turn` that still apply to `state`, in order; the others are returned as dropped. */
function stillValid(
  scenario: Scenario,
  state: GameState,
  turn: readonly Decision[],
  turnNo: number,
  skip: number,
): { kept: Decision[]; dropped: DroppedDecision[] } {
  const draft = clonePlain(state);
  const kept: Decision[] = [];
  const dropped: DroppedDecision[] = [];
  turn.forEach((d, index) => {
    if (index === skip) return;
    const r = parseDecision(scenario, draft, d);
    if (!r.ok) {
      dropped.push({ turn: turnNo, index, error: r.error });
      return;
    }
    applyDecision(scenario, draft, r.decision);
    kept.push(r.decision);
  });
  return { kept, dropped };
}

/**
 * Replays `turns` on `seed` without the decision `omit` (null: without none). `starts` (from
 * `turnStarts`) saves replaying the weeks before the omitted decision's turn.
 */
export function replayWithout(
  scenario: Scenario,
  seed: string,
  turns: readonly (readonly Decision[])[],
  omit: DecisionRef | null,
  starts?: readonly GameState[],
): Counterfactual {
  const from = omit ? Math.min(omit.turn, turns.length) : 0;
  // The game may have ended before `from` (then nothing is replayed: the decision was never made).
  const before = starts ?? turnStarts(scenario, seed, turns.slice(0, from));
  let s = before[Math.min(from, before.length - 1)] as GameState;
  const dropped: DroppedDecision[] = [];
  for (let t = from; t < scenario.weeks && s.status === "playing"; t++) {
    const turn = turns[t] ?? [];
    const v = stillValid(scenario, s, turn, t, omit && omit.turn === t ? omit.index : -1);
    dropped.push(...v.dropped);
    const out = step(scenario, s, v.kept);
    if (!out.ok) break; // cannot happen: every kept decision was checked against this state
    s = out.state;
  }
  return { omitted: omit, final: s, score: scoreRun(scenario, s), kpis: runKpis(scenario, s), dropped };
}

/** A decision's contribution: the run as played minus the run without it (positive = it helped). */
export interface DecisionValue extends DecisionRef {
  decision: Decision;
  scoreDelta: number;
  netProfitDeltaFen: number;
  gmvDeltaFen: number;
  /** Per objective of the scenario (in its order): points as played minus points without it. */
  objectiveDeltas: number[];
  /** How many later decisions had to be dropped in the replay without this one. */
  dropped: number;
  /** How the replay without this decision ended. */
  statusWithout: GameState["status"];
  /** The run survived, the replay without this decision went bankrupt: the decision saved the shop. */
  savedTheShop: boolean;
}

/** Every decision of a run, in order, as references for `decisionValue`. */
export function decisionRefs(turns: readonly (readonly Decision[])[]): DecisionRef[] {
  return turns.flatMap((turn, t) => turn.map((_, index) => ({ turn: t, index })));
}

/** Scores the run as played, for comparison with its counterfactuals (the same replay path, no decision undone). */
export function asPlayed(
  scenario: Scenario,
  seed: string,
  turns: readonly (readonly Decision[])[],
  starts?: readonly GameState[],
): Counterfactual {
  return replayWithout(scenario, seed, turns, null, starts);
}

/**
 * Whether decision `index` of a turn, applied where it stands (after the turn's earlier decisions
 * that still apply), leaves the state exactly as it was. The engine reads nothing of a turn but the
 * state its decisions leave (`lastTurn` is written for the UI, never read), so such a decision is
 * worth 0 in every respect.
 */
function changesNothing(scenario: Scenario, start: GameState, turn: readonly Decision[], index: number): boolean {
  if (start.status !== "playing") return true;
  const draft = clonePlain(start);
  for (let i = 0; i < index; i++) {
    const r = parseDecision(scenario, draft, turn[i]);
    if (r.ok) applyDecision(scenario, draft, r.decision);
  }
  const r = parseDecision(scenario, draft, turn[index]);
  if (!r.ok) return true; // dropped where it stands: the run never applied it either
  const before = canonicalJson(draft);
  applyDecision(scenario, draft, r.decision);
  return canonicalJson(draft) === before;
}

/** What decision `ref` of the run was worth, against `played` (from `asPlayed`). */
export function decisionValue(
  scenario: Scenario,
  seed: string,
  turns: readonly (readonly Decision[])[],
  ref: DecisionRef,
  played: Counterfactual,
  starts?: readonly GameState[],
): DecisionValue {
  const decision = turns[ref.turn]?.[ref.index];
  if (!decision) throw new Error(`decisionValue: the run has no decision ${ref.index + 1} in turn ${ref.turn + 1}`);
  const start = starts?.[ref.turn];
  // A decision that leaves the shop as it was (a setting re-issued unchanged) is worth exactly 0:
  // the replay without it would be the same run, so it is not simulated again.
  const without =
    start && changesNothing(scenario, start, turns[ref.turn] ?? [], ref.index)
      ? played
      : replayWithout(scenario, seed, turns, ref, starts);
  return {
    ...ref,
    decision,
    scoreDelta: played.score.score - without.score.score,
    netProfitDeltaFen: played.kpis.netProfitFen - without.kpis.netProfitFen,
    gmvDeltaFen: played.kpis.gmvFen - without.kpis.gmvFen,
    objectiveDeltas: played.score.objectives.map((o, i) => o.points - (without.score.objectives[i]?.points ?? 0)),
    dropped: without.dropped.length,
    statusWithout: without.final.status,
    savedTheShop: without.final.status === "bankrupt" && played.final.status !== "bankrupt",
  };
}

/**
 * The same decision undone in other markets like the trainee's (the scenario on other seeds, played
 * with the same decision log as far as it applies there). One market's difference mixes the
 * decision's effect with the luck of a changed path (more visitors one day shift every later draw of
 * that system); the mean over several markets, and in how many of them it helped, separate the two.
 */
export interface MarketCheck extends DecisionRef {
  /** Markets compared, the trainee's own included. */
  markets: number;
  /** In how many of them the decision raised the score (or, where the score did not move, net profit). */
  helpedIn: number;
  meanScoreDelta: number;
  meanNetProfitDeltaFen: number;
  /** Per objective (in the scenario's order): the mean difference in points — which objective moved. */
  meanObjectiveDeltas: number[];
}

export type WhatIfEvent = { kind: "value"; value: DecisionValue } | { kind: "check"; check: MarketCheck };

/** Seven other markets, the ten best and ten worst decisions: a season's check takes a few seconds. */
export const WHATIF_DEFAULTS = { otherMarkets: 7, candidates: 10 } as const;

export interface WhatIfOptions {
  /** Other markets (seeds) each candidate is checked on. */
  otherMarkets?: number;
  /** How many decisions from each end of the own-market ranking are checked on the other markets. */
  candidates?: number;
}

/** The seeds of the other markets: derived from the run's seed, so every replay checks the same ones. */
export function otherMarketSeeds(seed: string, n: number): string[] {
  return Array.from({ length: n }, (_, k) => `${seed}#market-${k + 1}`);
}

const helpedBy = (score: number, profitFen: number) => score > 0 || (score === 0 && profitFen > 0);

/** Orders values as the what-if lists do: score first, then net profit. */
export function byDecisionValue(a: DecisionValue, b: DecisionValue): number {
  return b.scoreDelta - a.scoreDelta || b.netProfitDeltaFen - a.netProfitDeltaFen;
}

/**
 * The what-if analysis of a run, one result at a time (a driver can stop between two, or spread
 * them over frames): first every decision's value in the trainee's own market, in run order; then,
 * for the `candidates` best and worst of them, the check on `otherMarkets` other markets.
 */
export function* whatIf(
  scenario: Scenario,
  seed: string,
  turns: readonly (readonly Decision[])[],
  opts: WhatIfOptions = {},
): Generator<WhatIfEvent, void, undefined> {
  const otherMarkets = opts.otherMarkets ?? WHATIF_DEFAULTS.otherMarkets;
  const candidates = opts.candidates ?? WHATIF_DEFAULTS.candidates;
  const values: DecisionValue[] = [];
  for (const value of decisionValues(scenario, seed, turns)) {
    values.push(value);
    yield { kind: "value", value };
  }
  const ranked = [...values].sort(byDecisionValue);
  const picked =
    ranked.length <= 2 * candidates ? ranked : [...ranked.slice(0, candidates), ...ranked.slice(-candidates)];
  if (picked.length === 0 || otherMarkets === 0) return;
  const markets = otherMarketSeeds(seed, otherMarkets).map((s) => {
    const starts = turnStarts(scenario, s, turns);
    return { seed: s, starts, played: asPlayed(scenario, s, turns, starts) };
  });
  for (const own of picked) {
    let helpedIn = helpedBy(own.scoreDelta, own.netProfitDeltaFen) ? 1 : 0;
    let score = own.scoreDelta;
    let profit = own.netProfitDeltaFen;
    const objectives = [...own.objectiveDeltas];
    for (const m of markets) {
      // A decision that came after the game ended in that market, or did not apply there, is worth 0.
      const v = decisionValue(scenario, m.seed, turns, own, m.played, m.starts);
      score += v.scoreDelta;
      profit += v.netProfitDeltaFen;
      v.objectiveDeltas.forEach((d, i) => {
        objectives[i] = (objectives[i] ?? 0) + d;
      });
      if (helpedBy(v.scoreDelta, v.netProfitDeltaFen)) helpedIn++;
    }
    const n = markets.length + 1;
    yield {
      kind: "check",
      check: {
        turn: own.turn,
        index: own.index,
        markets: n,
        helpedIn,
        meanScoreDelta: score / n,
        meanNetProfitDeltaFen: Math.round(profit / n),
        meanObjectiveDeltas: objectives.map((d) => d / n),
      },
    };
  }
}

/**
 * Every decision's value, one at a time (a driver can stop between two, or spread them over frames).
 * The first result needs one replay of the whole run; each next one replays from its own week on.
 */
export function* decisionValues(
  scenario: Scenario,
  seed: string,
  turns: readonly (readonly Decision[])[],
): Generator<DecisionValue, void, undefined> {
  const starts = turnStarts(scenario, seed, turns);
  const played = asPlayed(scenario, seed, turns, starts);
  for (const ref of decisionRefs(turns)) yield decisionValue(scenario, seed, turns, ref, played, starts);
}
