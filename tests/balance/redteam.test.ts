// The red team of `npm run balance` (issue 10, item 3) on a small sample: the families that matter most,
// 12 seeds per campaign scenario, each family must score strictly below textbook on at least the number of
// seeds a family losing on 90% of all seeds reaches with 95% probability (smallSampleLosses: 9 of 12).
// Plus the harness itself: textbook through the red team's identity transform is textbook, a refused
// transform falls back to textbook's decision and is counted, the optimizer's words and pattern flags.
import { describe, expect, it } from "vitest";
import { playScore } from "../../scripts/balance-core";
import {
  add,
  assembleTurn,
  change,
  FAMILIES,
  familiesFor,
  familyById,
  identity,
  keep,
  playFamily,
  playFrom,
  RED_TEAM_BAR,
  smallSampleLosses,
  type TurnStats,
} from "../../scripts/redteam-core";
import {
  degeneratePatterns,
  describePlan,
  firstDifference,
  optimize,
  optimizerFailure,
  planTransform,
  textbookPlan,
} from "../../scripts/redteam-optimize";
import { newGame, POLICIES } from "../../src/engine";
import { barSuite, CAMPAIGN, SEEDS, scenario, TEST_FAMILIES } from "./redteam-bar";

describe("the small-sample bar", () => {
  it("is the 5% binomial quantile of a 90% losing share", () => {
    expect(smallSampleLosses(12)).toBe(9);
    expect(smallSampleLosses(10)).toBe(7);
    expect(smallSampleLosses(50)).toBe(41);
    expect(RED_TEAM_BAR).toBe(0.9);
  });
  it("names only known families", () => {
    for (const id of TEST_FAMILIES) expect(familyById(id).id).toBe(id);
    expect(() => familyById("nope")).toThrow(/unknown red-team family "nope"/);
  });
});

describe("the harness", () => {
  it.each(CAMPAIGN.map((s) => s.id))("textbook through the identity transform is textbook (%s)", (id) => {
    const sc = scenario(id);
    for (const seed of SEEDS.slice(0, 2)) {
      const r = playFamily(sc, identity, seed);
      expect(r.score).toBe(playScore(sc, "textbook", seed).score);
      expect(r.stats).toEqual({ transformed: 0, refused: 0, tbDropped: 0 });
    }
  });

  it("a refused transform falls back to textbook's decision and is counted", () => {
    const sc = scenario("launch");
    const state = newGame(sc, "fallback-1");
    const tb = POLICIES.textbook(sc, state, []);
    const order = tb.find((d) => d.type === "reorder");
    if (order?.type !== "reorder") throw new Error("textbook orders in week 1 of launch");
    const stats: TurnStats = { transformed: 0, refused: 0, tbDropped: 0 };
    const items = tb.map((d) => (d === order ? change(d, { ...d, qty: 100_000 }) : keep(d)));
    const out = assembleTurn(sc, state, items, stats);
    expect(stats).toEqual({ transformed: 1, refused: 1, tbDropped: 0 });
    expect(out).toEqual(tb); // ¥4.2 million of cups is refused (cash): textbook's own order is played
    // An added decision that is refused has no fallback: it is left out.
    const stats2: TurnStats = { transformed: 0, refused: 0, tbDropped: 0 };
    const out2 = assembleTurn(sc, state, [...tb.map(keep), add({ type: "hire", role: "analyst" })], stats2);
    expect(out2).toEqual(tb); // the team lever is closed in launch
    expect(stats2).toEqual({ transformed: 1, refused: 1, tbDropped: 0 });
  });

  it("families apply only where their lever is open", () => {
    const ids = (id: string) => familiesFor(scenario(id)).map((f) => f.id);
    expect(ids("private")).toEqual(["push×7", "push×14", "joinCoupon¥50+member30%", "memberPrice30%", "emptyTurns"]);
    expect(ids("launch")).not.toContain("90%off:all"); // no promotion lever
    expect(ids("season")).toEqual(expect.arrayContaining(["hireFire:designers", "90%off:all", "zeroService"]));
    expect(ids("season")).not.toContain("noSuchFamily");
    expect(FAMILIES.filter((f) => f.applies(scenario("season"))).length).toBeGreaterThan(25);
  });
});

describe("the optimizer", () => {
  it("describes a plan in words and flags the degenerate patterns", () => {
    const sc = scenario("launch");
    const plan = textbookPlan(sc.weeks);
    expect(describePlan(plan)).toEqual(["plays as textbook"]);
    expect(degeneratePatterns(sc, plan)).toEqual([]);
    plan.price = [1.12, 1.12, 1.12, 1, 1, 1, 1, 1];
    plan.reorder = [2.5, 2.5, 1, 1, 1, 1, 1, 0];
    expect(describePlan(plan)).toEqual([
      "prices +12% in weeks 1–3",
      "reorders ×2.5 in weeks 1–2",
      "reorders none in week 8",
    ]);
    expect(degeneratePatterns(sc, plan)).toEqual([]);
    plan.price[0] = 100;
    plan.reorder[3] = 10;
    plan.ads[4] = 0.2;
    const flags = degeneratePatterns(sc, plan);
    expect(flags).toContain("reference-price anchoring (×3+ in week 1, then lower)");
    expect(flags).toContain("overstock (reorders ×5+ in week 4)");
    expect(flags.some((f) => f.startsWith("below-cost"))).toBe(false);
    plan.price[2] = 0.4; // ¥89 × 0.4 < the ¥42 unit cost
    expect(degeneratePatterns(sc, plan)).toContain("below-cost pricing (week 3)");
  });

  it("flags the private domain's patterns, and no harvest for reorders alone", () => {
    const pv = scenario("private");
    const plan = textbookPlan(pv.weeks);
    expect(degeneratePatterns(pv, plan)).toEqual([]); // no reorder, ad or promotion lever: not "empty turns"
    plan.pushes[0] = 7;
    plan.coupon[1] = 5;
    plan.offer[1] = 3;
    plan.offer[2] = 3;
    expect(degeneratePatterns(pv, plan)).toEqual([
      "daily member pushes (7+ a week in week 1)",
      "big join coupon with a deep members' price (week 2)",
      "deep members' price (25%+ in week 3)",
    ]);
    expect(describePlan(plan)).toEqual([
      "member pushes ×7 in week 1",
      "join coupon ×5 in week 2",
      "members' price cut ×3 in weeks 2–3",
    ]);
    const svc = scenario("service"); // reorders are its only optimised dimension
    const late = textbookPlan(svc.weeks);
    late.reorder = late.reorder.map((m, w) => (w >= svc.weeks - 2 ? 0 : m));
    expect(degeneratePatterns(svc, late)).toEqual([]);
  });

  it("replays a game from a recorded week exactly", () => {
    const sc = scenario("double11");
    const plan = textbookPlan(sc.weeks);
    const whole = playFrom(sc, planTransform(plan), { state: newGame(sc, "replay-1"), reports: [] }, true);
    plan.price[3] = 1.2;
    plan.reorder[5] = 2;
    const changed = playFamily(sc, planTransform(plan), "replay-1").score;
    const state = whole.states[3];
    if (!state) throw new Error("week 4 was played");
    const from3 = playFrom(sc, planTransform(plan), { state, reports: whole.reports.slice(0, 3) }, false);
    expect(from3.score).toBe(changed);
    expect(firstDifference(textbookPlan(sc.weeks), plan)).toBe(3);
  });

  it("climbs from textbook on training seeds and reports held-out seeds", () => {
    const sc = scenario("double11");
    const o = optimize(sc, {
      seconds: 60,
      maxEvaluations: 12,
      trainSeeds: ["opt-train-0"],
      testSeeds: SEEDS.slice(0, 2),
    });
    expect(o.evaluations).toBe(12);
    // Candidates are replayed from the first week they change: the same score as a whole game.
    const whole = ["opt-train-0"].map((seed) => playFamily(sc, planTransform(o.plan), seed).score);
    expect(o.train.plan).toBe(whole[0]);
    expect(o.train.plan).toBeGreaterThanOrEqual(o.train.textbook); // never worse than where it started
    expect(o.test.textbook).toEqual(SEEDS.slice(0, 2).map((s) => playScore(sc, "textbook", s).score));
    expect(o.test.plan).toHaveLength(2);
    expect(o.words.length).toBeGreaterThan(0);
    const flagged = { ...o, flags: ["overstock (reorders ×5+ in week 1)"], test: { ...o.test, plan: [1000, 1000] } };
    expect(optimizerFailure(flagged)).toMatch(/^optimizer in double11: .*overstock/);
    expect(optimizerFailure({ ...flagged, flags: [] })).toBeNull();
  });
});

// The bar on a small sample, every campaign scenario but season (tests/balance/redteam-season.test.ts).
barSuite(CAMPAIGN.map((s) => s.id).filter((id) => id !== "season"));
