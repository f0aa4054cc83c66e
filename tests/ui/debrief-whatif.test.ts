// The what-if page's lists (src/ui/debrief-whatif.ts): before the market checks are in, the own
// market's values rank; after, only checked decisions by their mean, so one that looked good by the
// luck of one market moves to the other list or drops out.
import { describe, expect, it } from "vitest";
import type { DecisionValue, MarketCheck } from "../../src/engine";
import { mainObjectives, rankWhatIf, SMALL_POINTS } from "../../src/ui/debrief-whatif";

function value(turn: number, scoreDelta: number, netProfitDeltaFen = scoreDelta * 100): DecisionValue {
  return {
    turn,
    index: 0,
    decision: { type: "reorder", sku: "cup300", qty: 10 + turn },
    scoreDelta,
    netProfitDeltaFen,
    gmvDeltaFen: 0,
    objectiveDeltas: [scoreDelta],
    dropped: 0,
    statusWithout: "finished",
    savedTheShop: false,
  };
}

function check(turn: number, meanScoreDelta: number, helpedIn: number): MarketCheck {
  return {
    turn,
    index: 0,
    markets: 8,
    helpedIn,
    meanScoreDelta,
    meanNetProfitDeltaFen: meanScoreDelta * 100,
    meanObjectiveDeltas: [meanScoreDelta],
  };
}

describe("rankWhatIf", () => {
  const values = [value(0, 40), value(1, -3), value(2, 0, 500), value(3, 120), value(4, -60), value(5, 0, 0)];

  it("ranks the own market's values while the checks are running; ±0 points is in neither list", () => {
    const r = rankWhatIf(values, [], false, 6);
    // Turn 2 is worth 0 points (+¥5 net profit): not "helped", and turn 5 (0, ¥0) neither.
    expect(r.helped.map((x) => x.value.turn)).toEqual([3, 0]);
    expect(r.hurt.map((x) => x.value.turn)).toEqual([4, 1]);
    expect(r.helped.every((x) => x.check === null)).toBe(true);
    expect(r.small).toBe(values.filter((v) => Math.abs(v.scoreDelta) < SMALL_POINTS).length);
  });

  it("does not list a checked decision whose mean rounds to ±0 points as costing points", () => {
    // −0.4 points on average (and a net-profit loss) is shown as "±0 pts": in neither list.
    const checks = [check(1, -0.4, 3), check(4, -50, 1), check(3, 0.3, 5)];
    const r = rankWhatIf(values, checks, true, 6);
    expect(r.hurt.map((x) => x.value.turn)).toEqual([4]);
    expect(r.helped).toEqual([]);
  });

  it("keeps at most n per list", () => {
    const many = Array.from({ length: 20 }, (_, i) => value(i, i + 1));
    expect(rankWhatIf(many, [], false, 6).helped.map((x) => x.value.turn)).toEqual([19, 18, 17, 16, 15, 14]);
  });

  it("once checked, ranks by the mean over the markets and shows only checked decisions", () => {
    // Turn 0 looked good in the own market (+40) but costs points on average: it moves to the other list.
    const checks = [check(3, 95, 8), check(0, -12, 2), check(4, -50, 1)];
    const r = rankWhatIf(values, checks, true, 6);
    expect(r.helped.map((x) => x.value.turn)).toEqual([3]);
    expect(r.hurt.map((x) => x.value.turn)).toEqual([4, 0]);
    expect(r.hurt[1]?.check?.helpedIn).toBe(2);
    expect(r.hurt[1]?.value.scoreDelta).toBe(40); // the own market's value stays with the row
  });
});

describe("mainObjectives", () => {
  it("names the objectives that moved most, largest first, leaving out those under half a point", () => {
    expect(mainObjectives([12.4, -98.2, 0.3, 40], 2)).toEqual([
      { index: 1, points: -98 },
      { index: 3, points: 40 },
    ]);
    expect(mainObjectives([0.2, -0.4], 2)).toEqual([]);
    expect(mainObjectives([5, -5, 5], 5).map((o) => o.index)).toEqual([0, 1, 2]);
  });
});
