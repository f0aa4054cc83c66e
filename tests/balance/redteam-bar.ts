// Shared by the red-team tests in npm test (tests/balance/redteam*.test.ts): the small sample, the families
// that matter most, and the bar suite — split over two files so vitest runs them on both cores.
import { describe, expect, it } from "vitest";
import { balanceSeeds, playScore } from "../../scripts/balance-core";
import { familiesFor, familyById, playFamily, smallSampleLosses } from "../../scripts/redteam-core";
import { BUNDLED_SCENARIOS } from "../../src/content/scenarios";
import type { Scenario } from "../../src/engine";

export const SEEDS = balanceSeeds(12);
export const NEED = smallSampleLosses(SEEDS.length);
/** The exploits the issue names, and the cheapest family of each other kind. */
export const TEST_FAMILIES = [
  "belowCost+maxAds",
  "90%off:all",
  "90%off:fullReduction",
  "overstock×10",
  "zeroService",
  "oneChannel:search",
  "keywordStuffing",
  "push×7",
  "push×14",
  "joinCoupon¥50+member30%",
  "emptyTurns",
  "anchor:week1-others",
  "price×10",
  "hireFire:designers",
  "hireFire:analyst",
  "harvest:last2",
  "kolEveryWeek",
  "upgrade:every2",
  "memberPrice30%",
  "ads×5",
  "price×100:last2",
];
export const CAMPAIGN = BUNDLED_SCENARIOS.filter((s) => s.id !== "sandbox");
export const scenario = (id: string): Scenario => {
  const s = BUNDLED_SCENARIOS.find((x) => x.id === id);
  if (!s) throw new Error(`no scenario ${id}`);
  return s;
};
const textbookScores = new Map<string, number[]>();
export function textbook(sc: Scenario): number[] {
  let t = textbookScores.get(sc.id);
  if (!t) {
    t = SEEDS.map((seed) => playScore(sc, "textbook", seed).score);
    textbookScores.set(sc.id, t);
  }
  return t;
}

// The bar on a small sample. A family that fails names itself, the scenario, its losses and both means.
export function barSuite(ids: readonly string[]): void {
  describe.each(ids)("red team in %s (12 seeds)", (id) => {
    const sc = scenario(id);
    const fams = familiesFor(sc).filter((f) => TEST_FAMILIES.includes(f.id));
    it.each(fams.map((f) => f.id))(`%s loses to textbook on ≥ ${NEED} of ${SEEDS.length} seeds`, (fid) => {
      const tb = textbook(sc);
      const runs = SEEDS.map((seed) => playFamily(sc, familyById(fid).turn, seed).score);
      const losses = runs.filter((s, i) => s < (tb[i] ?? 0)).length;
      const mean = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10;
      expect(losses, `${fid} in ${id}: mean ${mean(runs)} vs textbook ${mean(tb)}`).toBeGreaterThanOrEqual(NEED);
    });
  });
}
