// Difficulty must mean something: textbook's mean score falls from easy to standard to hard (the
// full table over 30 seeds and every campaign scenario: `npx tsx scripts/difficulty-balance.ts`,
// docs/SCENARIOS.md "Difficulty"). Here: 12 seeds in three scenarios and 30 seeds in one.
import { describe, expect, it } from "vitest";
import { difficultyMeans } from "../../scripts/difficulty-balance";
import { getScenario } from "../../src/content/scenarios";

function means(id: string, seeds: number) {
  const sc = getScenario(id);
  if (!sc) throw new Error(id);
  return difficultyMeans(sc, seeds);
}

describe("textbook's mean score falls from easy to standard to hard", () => {
  it.each(["launch", "double11", "private"])("%s, 12 seeds", (id) => {
    const m = means(id, 12);
    expect(m.easy).toBeGreaterThan(m.standard);
    expect(m.standard).toBeGreaterThan(m.hard);
  });

  it("kol, 30 seeds, by a clear margin (≥ 25 points each step)", () => {
    const m = means("kol", 30);
    expect(m.easy - m.standard).toBeGreaterThanOrEqual(25);
    expect(m.standard - m.hard).toBeGreaterThanOrEqual(25);
  });
});
