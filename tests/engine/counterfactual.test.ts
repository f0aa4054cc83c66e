// The counterfactual debrief (game-design.md: "replay the run with one decision undone and show what
// it was worth"): src/engine/counterfactual.ts. The replay without nothing is the run itself; a
// decision that changes nothing is worth exactly 0 in every market; the lecture's pricing is worth
// points in nearly every market; decisions that lose their footing are dropped and named; the check
// on other markets is deterministic and covers the best and worst decisions.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getScenario } from "../../src/content/scenarios";
import {
  asPlayed,
  canonicalJson,
  type Decision,
  decisionRefs,
  decisionValue,
  newGame,
  otherMarketSeeds,
  POLICIES,
  replayWithout,
  type Scenario,
  turnStarts,
  WHATIF_DEFAULTS,
  type WhatIfEvent,
  whatIf,
} from "../../src/engine";
import { launch, playRun, seeds } from "./helpers";

function scenario(id: string): Scenario {
  const s = getScenario(id);
  if (!s) throw new Error(`scenario ${id} missing`);
  return s;
}

function textbookTurns(sc: Scenario, seed: string): Decision[][] {
  return playRun(sc, seed, (s, st, reports) => POLICIES.textbook(s, st, reports)).turns as Decision[][];
}

describe("replaying a run with a decision undone", () => {
  it("undoing nothing gives the run as played, bit for bit (launch and the 26-week season)", () => {
    for (const id of ["launch", "season"]) {
      const sc = scenario(id);
      const played = playRun(sc, "cf-same", (s, st, reports) => POLICIES.textbook(s, st, reports));
      const again = asPlayed(sc, "cf-same", played.turns as Decision[][]);
      expect(canonicalJson(again.final)).toBe(canonicalJson(played.state));
      expect(again.dropped).toEqual([]);
    }
  });

  it("starting from the saved week-start states gives the same result as replaying from week 1", () => {
    const sc = launch();
    const turns = textbookTurns(sc, "cf-starts");
    const starts = turnStarts(sc, "cf-starts", turns);
    expect(starts).toHaveLength(turns.length + 1);
    expect(canonicalJson(starts[0])).toBe(canonicalJson(newGame(sc, "cf-starts")));
    for (const ref of [
      { turn: 0, index: 0 },
      { turn: 3, index: 1 },
      { turn: turns.length - 1, index: 0 },
    ]) {
      const fast = replayWithout(sc, "cf-starts", turns, ref, starts);
      const slow = replayWithout(sc, "cf-starts", turns, ref);
      expect(canonicalJson(fast.final)).toBe(canonicalJson(slow.final));
      expect(fast.score).toEqual(slow.score);
    }
    // The saved states were not changed by the replays.
    expect(canonicalJson(starts[0])).toBe(canonicalJson(newGame(sc, "cf-starts")));
  });

  it("every decision's value is the same with the saved week starts (and the shortcut for unchanged settings) as by a full replay", () => {
    const sc = launch();
    const turns = textbookTurns(sc, "cf-shortcut");
    const starts = turnStarts(sc, "cf-shortcut", turns);
    const played = asPlayed(sc, "cf-shortcut", turns, starts);
    let zero = 0;
    for (const ref of decisionRefs(turns)) {
      const fast = decisionValue(sc, "cf-shortcut", turns, ref, played, starts);
      const full = decisionValue(sc, "cf-shortcut", turns, ref, played); // no starts: replays from week 1
      expect(fast).toEqual(full);
      if (fast.objectiveDeltas.every((d) => d === 0) && fast.netProfitDeltaFen === 0) zero++;
    }
    // The textbook re-issues settings it already has: those are worth exactly nothing.
    expect(zero).toBeGreaterThan(0);
  });

  it("a decision that changes nothing is worth exactly 0 in every market (common random numbers)", () => {
    const sc = launch();
    const cup = sc.skus.find((k) => k.id === "cup300");
    if (!cup) throw new Error("cup300 missing");
    const current = newGame(sc, "x").skus.find((k) => k.id === "cup300")?.priceFen;
    if (current === undefined) throw new Error("no price");
    for (const seed of ["cf-noop", ...otherMarketSeeds("cf-noop", 3)]) {
      const turns: Decision[][] = [
        [
          { type: "setPrice", sku: "cup300", priceFen: current },
          { type: "setPrice", sku: "cup500", priceFen: 12900 },
        ],
        [{ type: "reorder", sku: "cup300", qty: 80 }],
      ];
      const starts = turnStarts(sc, seed, turns);
      const played = asPlayed(sc, seed, turns, starts);
      const v = decisionValue(sc, seed, turns, { turn: 0, index: 0 }, played, starts);
      expect(v.scoreDelta).toBe(0);
      expect(v.netProfitDeltaFen).toBe(0);
      expect(v.gmvDeltaFen).toBe(0);
      expect(v.dropped).toBe(0);
    }
  });

  it("P1.2f: the textbook's week-1 price for the 300 ml cup is worth points on ≥ 27 of 30 seeds, median 30–150 (measured 29/30, median 92)", () => {
    const sc = launch();
    const values: number[] = [];
    for (const seed of seeds(30, "cf-price")) {
      const turns = textbookTurns(sc, seed);
      const index = turns[0]?.findIndex((d) => d.type === "setPrice" && d.sku === "cup300") ?? -1;
      expect(index).toBeGreaterThanOrEqual(0);
      const starts = turnStarts(sc, seed, turns);
      const played = asPlayed(sc, seed, turns, starts);
      values.push(decisionValue(sc, seed, turns, { turn: 0, index }, played, starts).scoreDelta);
    }
    const sorted = [...values].sort((a, b) => a - b);
    const median = ((sorted[14] ?? 0) + (sorted[15] ?? 0)) / 2;
    console.log(`week-1 price value: ${values.filter((v) => v > 0).length}/30 positive, median ${median}`);
    expect(values.filter((v) => v > 0).length).toBeGreaterThanOrEqual(27);
    expect(median).toBeGreaterThanOrEqual(30);
    expect(median).toBeLessThanOrEqual(150);
  });

  it("later decisions that lose their footing are dropped and named (a clearance of a product never launched)", () => {
    const sc = scenario("assortment");
    const turns: Decision[][] = [
      [{ type: "launch", sku: "cup-air" }],
      [
        { type: "clearance", sku: "cup-air", priceFen: 9900 },
        { type: "setPrice", sku: "cup300", priceFen: 8900 },
      ],
    ];
    const played = asPlayed(sc, "cf-drop", turns);
    if (played.dropped.length > 0) throw new Error(`the run itself drops: ${JSON.stringify(played.dropped)}`);
    const without = replayWithout(sc, "cf-drop", turns, { turn: 0, index: 0 });
    expect(without.dropped).toEqual([{ turn: 1, index: 0, error: expect.objectContaining({ key: "err.notListed" }) }]);
    // The week-2 price still applies.
    expect(without.final.skus.find((k) => k.id === "cup300")?.priceFen).toBe(8900);
  });

  it("a log played where some of its decisions do not apply (another market) skips them and still covers every week", () => {
    const sc = scenario("assortment");
    const turns: Decision[][] = [
      [{ type: "clearance", sku: "cup-air", priceFen: 9900 }], // not launched: does not apply anywhere
      [{ type: "setPrice", sku: "cup300", priceFen: 8900 }],
      [{ type: "reorder", sku: "cup300", qty: 60 }],
    ];
    const starts = turnStarts(sc, "cf-skip", turns);
    expect(starts).toHaveLength(turns.length + 1);
    const played = asPlayed(sc, "cf-skip", turns, starts);
    expect(played.dropped.map((d) => [d.turn, d.index, d.error.key])).toEqual([[0, 0, "err.notListed"]]);
    const events = [...whatIf(sc, "cf-skip", turns, { otherMarkets: 2, candidates: 3 })];
    const values = events.flatMap((e) => (e.kind === "value" ? [e.value] : []));
    expect(values).toHaveLength(3);
    expect(values[0]?.scoreDelta).toBe(0); // never applied: worth nothing
    expect(values[0]?.objectiveDeltas.every((d) => d === 0)).toBe(true);
    const checks = events.flatMap((e) => (e.kind === "check" ? [e.check] : []));
    expect(checks).toHaveLength(3);
    expect(checks.every((c) => c.markets === 3)).toBe(true);
  });

  it("whatIf: a value for every decision in run order, then market checks for the best and worst, deterministic", () => {
    const sc = launch();
    const turns = textbookTurns(sc, "cf-check");
    const events = [...whatIf(sc, "cf-check", turns, { otherMarkets: 3, candidates: 4 })];
    const values = events.flatMap((e) => (e.kind === "value" ? [e.value] : []));
    const checks = events.flatMap((e) => (e.kind === "check" ? [e.check] : []));
    const refs = decisionRefs(turns);
    expect(values.map((v) => [v.turn, v.index])).toEqual(refs.map((r) => [r.turn, r.index]));
    expect(events.findIndex((e) => e.kind === "check")).toBe(refs.length); // values first
    expect(checks).toHaveLength(8);
    const ranked = [...values].sort((a, b) => b.scoreDelta - a.scoreDelta || b.netProfitDeltaFen - a.netProfitDeltaFen);
    const best = ranked.slice(0, 4).map((v) => `${v.turn}:${v.index}`);
    const worst = ranked.slice(-4).map((v) => `${v.turn}:${v.index}`);
    expect(checks.map((c) => `${c.turn}:${c.index}`)).toEqual([...best, ...worst]);
    for (const c of checks) {
      expect(c.markets).toBe(4);
      expect(c.helpedIn).toBeGreaterThanOrEqual(0);
      expect(c.helpedIn).toBeLessThanOrEqual(4);
      expect(Number.isFinite(c.meanScoreDelta)).toBe(true);
      expect(Number.isInteger(c.meanNetProfitDeltaFen)).toBe(true);
    }
    const again: WhatIfEvent[] = [...whatIf(sc, "cf-check", turns, { otherMarkets: 3, candidates: 4 })];
    expect(again).toEqual(events);
    expect(WHATIF_DEFAULTS.otherMarkets).toBeGreaterThanOrEqual(5);
    const other = otherMarketSeeds("cf-check", 7);
    expect(new Set(other).size).toBe(7);
    expect(other).not.toContain("cf-check");
  });

  it("never throws, and every undone run is a whole run with finite numbers (random decisions undone, random seeds)", () => {
    const sc = launch();
    const turns = textbookTurns(sc, "cf-prop");
    const refs = decisionRefs(turns);
    const starts = turnStarts(sc, "cf-prop", turns);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: refs.length - 1 }), (i) => {
        const ref = refs[i];
        if (!ref) return;
        const r = replayWithout(sc, "cf-prop", turns, ref, starts);
        expect(r.final.week === sc.weeks || r.final.status === "bankrupt").toBe(true);
        for (const v of Object.values(r.kpis)) expect(Number.isFinite(v)).toBe(true);
        expect(r.final.skus.every((k) => k.stock >= 0)).toBe(true);
      }),
      { numRuns: 12 },
    );
  });
});
