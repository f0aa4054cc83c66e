// A smaller version of `npm run balance` (8 seeds per campaign scenario) and a golden table of its numbers,
// so a change to the model or a scenario that shifts the balance shows up as a snapshot diff to review.
// Update deliberately with `npx vitest run --config vitest.config.ts tests/balance -u`.
import { describe, expect, it } from "vitest";
import { ABLATION_GAP, balanceScenario, type ScenarioBalance } from "../../scripts/balance-core";
import { BUNDLED_SCENARIOS } from "../../src/content/scenarios";
import { POLICIES } from "../../src/engine";
import { newGame } from "../../src/engine/state";

const SEEDS = 8;
/**
 * Shipped scenarios that fail a balance check, kept visible rather than skipped: the test asserts the imbalance
 * still holds, so it flips (and this entry must go) once the scenario is fixed. Fixing a shipped scenario changes
 * its content hash (old challenges on it stop verifying), so it is the lead's decision.
 */
const KNOWN_IMBALANCE: Record<string, string> = {};
const CAMPAIGN = BUNDLED_SCENARIOS.filter((s) => s.id !== "sandbox");
const results = new Map<string, ScenarioBalance>();
function balance(id: string): ScenarioBalance {
  let b = results.get(id);
  if (!b) {
    const sc = CAMPAIGN.find((s) => s.id === id);
    if (!sc) throw new Error(id);
    b = balanceScenario(sc, SEEDS);
    results.set(id, b);
  }
  return b;
}

describe("random policy", () => {
  it("is deterministic for the same state and differs between weeks", () => {
    const sc = CAMPAIGN[0];
    if (!sc) throw new Error("no scenario");
    const s = newGame(sc, "det-1");
    expect(POLICIES.random(sc, s, [])).toEqual(POLICIES.random(sc, structuredClone(s), []));
    const other = { ...structuredClone(s), week: 1 };
    expect(JSON.stringify(POLICIES.random(sc, other, []))).not.toEqual(JSON.stringify(POLICIES.random(sc, s, [])));
  });
});

describe.each(CAMPAIGN.map((s) => s.id))("balance of %s (small)", (id) => {
  it("textbook beats naive on at least 90% of seeds", () => {
    expect(balance(id).textbookBeatsNaive).toBeGreaterThanOrEqual(0.9);
  });
  it(`the ablation scores at least ${ABLATION_GAP} below textbook`, () => {
    const p = balance(id).policies;
    expect(p.textbook.mean - p.ablation.mean).toBeGreaterThanOrEqual(ABLATION_GAP);
  });
  it("random never earns 3 stars; textbook can, but not full marks on every seed", () => {
    const p = balance(id).policies;
    expect(p.random.starRates[2]).toBe(0);
    if (KNOWN_IMBALANCE[id]) expect(p.textbook.starRates[2], KNOWN_IMBALANCE[id]).toBeLessThan(0.5);
    else expect(p.textbook.starRates[2]).toBeGreaterThanOrEqual(0.5);
    expect(p.textbook.scores.every((s) => s >= 1000)).toBe(false);
  });
  it("golden balance table", () => {
    const table = Object.fromEntries(
      Object.entries(balance(id).policies).map(([name, p]) => [
        name,
        { mean: p.mean, sd: p.sd, min: p.min, max: p.max, stars: p.starRates },
      ]),
    );
    expect(table).toMatchSnapshot();
  });
});
