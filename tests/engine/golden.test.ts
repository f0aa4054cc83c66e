// Golden replays and golden tables. Any change to the model's numbers shows up here as a snapshot
// diff to review (and, for replays, as a reason to bump ENGINE_VERSION). Update deliberately with
// `npx vitest run --config vitest.config.ts tests/engine/golden.test.ts -u`.
import { describe, expect, it } from "vitest";
import { type DetailSection, ENGINE_VERSION, POLICIES, type PolicyName, runKpis, scoreRun } from "../../src/engine";
import { loadBounceMult } from "../../src/engine/model";
import { detailQuality, estimateTitleFromPool } from "../../src/engine/systems/listing";
import { priceFactor } from "../../src/engine/systems/pricing";
import { ratingFactor, reviewCountFactor } from "../../src/engine/systems/reputation";
import { searchCtr } from "../../src/engine/systems/search";
import { bounceRates } from "../../src/engine/systems/storefront";
import { launch, playRun, sig6 } from "./helpers";

const SC = launch();

/** Rounds every number in a table to 6 significant digits (for readable, stable snapshots). */
function round6<T>(value: T): T {
  if (typeof value === "number") return sig6(value) as T;
  if (Array.isArray(value)) return value.map(round6) as T;
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, round6(v)])) as T;
  }
  return value;
}

describe("golden replays", () => {
  it("was recorded on this engine version", () => {
    expect(ENGINE_VERSION).toMatchSnapshot();
  });

  for (const policy of ["textbook", "naive"] as PolicyName[]) {
    for (const seed of ["golden-1", "golden-2"]) {
      it(`${policy} on ${seed}`, () => {
        const r = playRun(SC, seed, (s, st, reps) => POLICIES[policy](s, st, reps));
        const score = scoreRun(SC, r.state);
        expect({
          finalHash: r.hashes[r.hashes.length - 1],
          turns: r.turns.length,
          status: r.state.status,
          score: score.score,
          stars: score.stars,
          kpis: round6(runKpis(SC, r.state)),
        }).toMatchSnapshot();
      });
    }
  }

  it("textbook beats naive on both golden seeds", () => {
    for (const seed of ["golden-1", "golden-2"]) {
      const t = scoreRun(SC, playRun(SC, seed, (s, st, reps) => POLICIES.textbook(s, st, reps)).state).score;
      const n = scoreRun(SC, playRun(SC, seed, (s, st, reps) => POLICIES.naive(s, st, reps)).state).score;
      expect(t).toBeGreaterThan(n);
    }
  });
});

describe("golden tables", () => {
  it("priceFactor over price × elasticity (market ¥99, reference ¥99, price sensitivity 0.5)", () => {
    const table: Record<string, Record<string, number>> = {};
    for (const price of [5900, 7900, 8900, 9000, 9500, 9900, 10_000, 10_900, 12_900, 14_900]) {
      const row: Record<string, number> = {};
      for (const elasticity of [-1, -2.2, -2.6, -3.2, -4]) {
        row[`e=${elasticity}`] = priceFactor({
          priceFen: price,
          marketPriceFen: 9900,
          refPriceFen: 9900,
          elasticity,
          priceSensitivity: 0.5,
        });
      }
      table[`¥${price / 100}`] = row;
    }
    expect(round6(table)).toMatchSnapshot();
  });

  it("priceFactor over price × reference price (market ¥95, ε −2.6, price sensitivity 0.5)", () => {
    const table: Record<string, Record<string, number>> = {};
    for (const price of [8550, 9500, 10_450]) {
      const row: Record<string, number> = {};
      for (const ref of [8550, 9000, 9500, 10_000, 10_450]) {
        row[`ref ¥${ref / 100}`] = priceFactor({
          priceFen: price,
          marketPriceFen: 9500,
          refPriceFen: ref,
          elasticity: -2.6,
          priceSensitivity: 0.5,
        });
      }
      table[`¥${price / 100}`] = row;
    }
    expect(round6(table)).toMatchSnapshot();
  });

  it("bounceRates over mobile level × speed level", () => {
    const table: Record<string, Record<string, { mobile: number; desktop: number }>> = {};
    for (let mobileLevel = 0; mobileLevel <= 3; mobileLevel++) {
      const row: Record<string, { mobile: number; desktop: number }> = {};
      for (let speedLevel = 0; speedLevel <= 3; speedLevel++) {
        row[`speed ${speedLevel}`] = bounceRates({
          categoryDepth: 2,
          inStoreSearch: true,
          banner: "hero",
          mobileLevel,
          speedLevel,
        });
      }
      table[`mobile ${mobileLevel}`] = row;
    }
    expect(round6(table)).toMatchSnapshot();
    expect(
      round6(Object.fromEntries([0.5, 1, 1.8, 2.4, 3, 3.2, 4.5, 6].map((s) => [`${s}s`, loadBounceMult(s)]))),
    ).toMatchSnapshot();
  });

  it("detailQuality over section lists × trust need", () => {
    const pages: Record<string, DetailSection[]> = {
      empty: [],
      specsOnly: ["specs"],
      launchStart: ["specs", "solution", "painPoint"],
      coreOrdered: ["painPoint", "solution", "trust", "purchaseGuide"],
      coreNoTrust: ["painPoint", "solution", "purchaseGuide"],
      coreScrambled: ["purchaseGuide", "trust", "solution", "painPoint"],
      textbook: ["painPoint", "solution", "trust", "purchaseGuide", "video", "reviews", "comparison"],
      everything: ["painPoint", "solution", "trust", "purchaseGuide", "video", "comparison", "reviews", "specs"],
    };
    const table: Record<string, Record<string, number>> = {};
    for (const [name, sections] of Object.entries(pages)) {
      const row: Record<string, number> = {};
      for (const trustNeed of [0, 0.3, 0.5, 0.9, 1])
        row[`trust ${trustNeed}`] = detailQuality(sections, trustNeed, true);
      row["trust 0.5, no reviews yet"] = detailQuality(sections, 0.5, false);
      table[name] = row;
    }
    expect(round6(table)).toMatchSnapshot();
  });

  it("estimateTitleFromPool for several titles", () => {
    const titles: Record<string, string[]> = {
      launchHero: ["juicer-cup", "new"],
      launchPro: ["portable-juicer"],
      textbook: ["portable-juicer", "wireless-cup", "juicer-cup", "big-capacity", "new"],
      stuffed6: ["juicer-cup", "portable-juicer", "wireless-cup", "mini-home", "juice-cup", "dorm-cup"],
      core4: ["juicer-cup", "portable-juicer", "wireless-cup", "juice-cup"],
      hype: ["juicer-cup", "new", "free-ship", "bestseller", "limited-deal"],
      sellingOnly: ["six-blade", "usb-c"],
      unknownIgnored: ["juicer-cup", "not-a-keyword"],
    };
    const table = Object.fromEntries(
      Object.entries(titles).map(([k, t]) => [k, estimateTitleFromPool(SC.market.keywords, t)]),
    );
    expect(round6(table)).toMatchSnapshot();
  });

  it("searchCtr over ranks", () => {
    expect(round6(Object.fromEntries([1, 2, 3, 5, 10, 20, 41].map((r) => [`#${r}`, searchCtr(r)])))).toMatchSnapshot();
  });

  it("reviewCountFactor over counts × trust need, and ratingFactor over averages", () => {
    const table: Record<string, Record<string, number>> = {};
    for (const count of [0, 1, 2, 3, 5, 10, 20, 50]) {
      const row: Record<string, number> = {};
      for (const trustNeed of [0, 0.3, 0.5, 0.9, 1]) row[`trust ${trustNeed}`] = reviewCountFactor(count, trustNeed);
      table[`${count} reviews`] = row;
    }
    expect(round6(table)).toMatchSnapshot();
    expect(
      round6(
        Object.fromEntries([1, 2, 3, 3.5, 4, 4.2, 4.5, 4.7, 4.9, 5].map((r) => [`${r}★`, ratingFactor(10, 10 * r)])),
      ),
    ).toMatchSnapshot();
  });
});
