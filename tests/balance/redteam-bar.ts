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

/**
 * Families that still miss the 90% bar in a scenario (docs/SCENARIOS.md "Red team", open findings; the full
 * `npm run balance` still fails on them and names them). They lose on average — a mean below textbook's on the
 * same seeds, and on at least half of them — but not yet on 90% of the seeds. Each entry is a known gap to close,
 * not a pass: remove it once the family meets the bar.
 */
export const OPEN_FINDINGS: Record<string, readonly string[]> = {
  launch: ["ads×5"],
  double11: ["overstock×10"],
  feedads: ["oneChannel:search"],
  kol: ["ads×5"],
  community: ["harvest:last2"],
  season: ["hireFire:analyst", "upgrade:every2"],
};
/**
 * Families that pay in a scenario (a mean above textbook's): the model rewards them and the fix is open
 * (docs/SCENARIOS.md "Red team"). They are not asserted here; `npm run balance` fails on them.
 */
export const PAYING: Record<string, readonly string[]> = {
  private: ["memberPrice30%"],
  season: ["memberPrice30%"],
};

const mean = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10;

// The bar on a small sample. A family that fails names itself, the scenario, its losses and both means.
export function barSuite(ids: readonly string[]): void {
  describe.each(ids)("red team in %s (12 seeds)", (id) => {
    const sc = scenario(id);
    const open = OPEN_FINDINGS[id] ?? [];
    const paying = PAYING[id] ?? [];
    const fams = familiesFor(sc).filter((f) => TEST_FAMILIES.includes(f.id) && !paying.includes(f.id));
    const play = (fid: string) => {
      const tb = textbook(sc);
      const runs = SEEDS.map((seed) => playFamily(sc, familyById(fid).turn, seed).score);
      const losses = runs.filter((s, i) => s < (tb[i] ?? 0)).length;
      return { tb, runs, losses, what: `${fid} in ${id}: mean ${mean(runs)} vs textbook ${mean(tb)}` };
    };
    const strict = fams.filter((f) => !open.includes(f.id)).map((f) => f.id);
    it.each(strict)(`%s loses to textbook on ≥ ${NEED} of ${SEEDS.length} seeds`, (fid) => {
      const r = play(fid);
      expect(r.losses, r.what).toBeGreaterThanOrEqual(NEED);
    });
    const weak = fams.filter((f) => open.includes(f.id)).map((f) => f.id);
    if (weak.length > 0)
      it.each(weak)(
        `%s (open finding) loses on average and on ≥ ${SEEDS.length / 2} of ${SEEDS.length} seeds`,
        (fid) => {
          const r = play(fid);
          expect(mean(r.runs), r.what).toBeLessThan(mean(r.tb));
          expect(r.losses, r.what).toBeGreaterThanOrEqual(SEEDS.length / 2);
        },
      );
  });
}
