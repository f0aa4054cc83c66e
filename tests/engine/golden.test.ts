// Golden tables: any change to the model's formulas shows up here as a snapshot diff to review. Update
// deliberately with `npx vitest run --config vitest.config.ts tests/engine/golden.test.ts -u`.
// Golden replays (hashes pinned with ENGINE_VERSION) are in golden-replays.test.ts.
import { describe, expect, it } from "vitest";
import { getScenario } from "../../src/content/scenarios";
import { type DetailSection, newGame, POLICIES, type Scenario, type StoreSettings, scoreRun } from "../../src/engine";
import { loadBounceMult, TEAM_ROLES } from "../../src/engine/model";
import { dropoutChance, revisitDaily } from "../../src/engine/systems/customers";
import { detailQuality, estimateTitleFromPool, imageCtr, keywordRelevance } from "../../src/engine/systems/listing";
import { calendarDay, seasonality } from "../../src/engine/systems/market";
import {
  COMMUNITY_ACTIVITIES,
  CONTENT_FORMATS,
  communityCostFen,
  contentCostFen,
  contentHours,
  engagementBenchmark,
  formatFit,
  kolTier,
  SOCIAL_PLATFORMS,
  searchAdCtr,
} from "../../src/engine/systems/marketing";
import { isCharmPrice, isRoundPrice, priceFactor } from "../../src/engine/systems/pricing";
import { ratingFactor, reviewCountFactor } from "../../src/engine/systems/reputation";
import { rankAmong, rankingScore, searchCtr } from "../../src/engine/systems/search";
import { bannerLift, bounceRates, loadSeconds, navigationReach } from "../../src/engine/systems/storefront";
import { salaryFen, teamHours, weeklySalaryFen } from "../../src/engine/systems/team";
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

// The golden replays (every bundled scenario, textbook and random, pinned with ENGINE_VERSION) live in
// tests/engine/goldens.json, checked by golden-replays.test.ts and rewritten by `npm run goldens:update`.
describe("launch: textbook and naive on the golden seeds", () => {
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

// The remaining systems' formulas (team, storefront navigation and banner, search ranking, listing
// relevance and image, calendar and seasonality, customer revisit/dropout, marketing tables, price endings),
// so every file in src/engine/systems/ has its numbers in a snapshot.
describe("golden tables (the remaining systems)", () => {
  const SANDBOX = getScenario("sandbox") as Scenario;

  it("team: salary and hours per role, weekly salary over team sizes (launch and sandbox) [PX.c]", () => {
    const table: Record<string, unknown> = {};
    for (const [name, sc] of [
      ["launch", SC],
      ["sandbox", SANDBOX],
    ] as const) {
      table[`${name} salary/role`] = Object.fromEntries(TEAM_ROLES.map((r) => [r, salaryFen(sc, r)]));
      const st = newGame(sc, "golden-team");
      table[`${name} start hours/role`] = Object.fromEntries(TEAM_ROLES.map((r) => [r, teamHours(st, r)]));
      table[`${name} start weekly salary`] = weeklySalaryFen(sc, st);
      const rows: Record<string, number> = {};
      for (const n of [0, 1, 2, 4, 8]) {
        const s2 = structuredClone(st);
        // A week that starts with n of each role: they are on this week's payroll (PX.c).
        for (const r of TEAM_ROLES) {
          s2.team.members[r] = n;
          s2.team.paidThisWeek[r] = n;
        }
        rows[`${n} of each role`] = weeklySalaryFen(sc, s2);
      }
      table[`${name} weekly salary`] = rows;
    }
    expect(table).toMatchSnapshot();
  });

  it("storefront: navigation reach over depth × in-store search, banner lift, load seconds [P1.1a, P1.1b, P1.1d]", () => {
    const base: StoreSettings = {
      categoryDepth: 2,
      inStoreSearch: true,
      banner: "hero",
      mobileLevel: 3,
      speedLevel: 3,
    };
    const reach: Record<string, number> = {};
    for (const depth of [1, 2, 3, 4, 5, 6])
      for (const search of [true, false])
        reach[`depth ${depth} search ${search}`] = navigationReach({
          ...base,
          categoryDepth: depth,
          inStoreSearch: search,
        });
    const banner: Record<string, number> = {};
    for (const b of ["brand", "hero", "promotion"] as const)
      for (const running of [false, true])
        banner[`${b} promotion running ${running}`] = bannerLift({ ...base, banner: b }, running);
    const load = [0, 1, 2, 3].map((speedLevel) => loadSeconds({ ...base, speedLevel }));
    expect(round6({ reach, banner, load })).toMatchSnapshot();
  });

  it("search: ranking score over each input, rank among competitors, keyword relevance, image CTR [P1.2c, P1.2d]", () => {
    const base = { relevance: 1, ctrIndex: 1, cvrIndex: 1, sales7d: 0, dsr: 4.8, reviewFactor: 1, ageDays: 30 };
    const score: Record<string, number> = { base: rankingScore(base) };
    for (const relevance of [0.12, 1]) score[`relevance ${relevance}`] = rankingScore({ ...base, relevance });
    for (const ctrIndex of [0.5, 1.25, 1.6]) score[`ctrIndex ${ctrIndex}`] = rankingScore({ ...base, ctrIndex });
    for (const cvrIndex of [0.2, 0.5, 2, 3]) score[`cvrIndex ${cvrIndex}`] = rankingScore({ ...base, cvrIndex });
    for (const sales7d of [1, 10, 100, 1000]) score[`sales7d ${sales7d}`] = rankingScore({ ...base, sales7d });
    for (const dsr of [4.2, 4.5, 4.9]) score[`dsr ${dsr}`] = rankingScore({ ...base, dsr });
    for (const reviewFactor of [0.27, 0.6])
      score[`reviewFactor ${reviewFactor}`] = rankingScore({ ...base, reviewFactor });
    for (const ageDays of [0, 13, 14]) score[`ageDays ${ageDays}`] = rankingScore({ ...base, ageDays });
    const competitors = [12, 8, 6, 4, 3, 2, 1.5, 1, 0.5];
    const rank = Object.fromEntries([0.1, 1, 1.5, 3.5, 7, 20].map((x) => [`score ${x}`, rankAmong(x, competitors)]));
    const title = ["portable-juicer", "juicer-cup"];
    const relevance = Object.fromEntries(["juicer-cup", "wireless-cup"].map((k) => [k, keywordRelevance(title, k)]));
    const image = Object.fromEntries(
      (["white", "scene", "detail", "differentiated"] as const).map((st) => [st, imageCtr(st)]),
    );
    expect(round6({ score, rank, relevance, image })).toMatchSnapshot();
  });

  it("market: sandbox seasonality by week and the calendar's multiplier on event and lull days", () => {
    const season = Array.from({ length: 27 }, (_, w) => seasonality(SANDBOX, w));
    const days: Record<string, unknown> = {};
    for (const d of [0, 20, 21, 27, 28, 29, 30, 60, 164, 165, 174, 175, 176]) {
      const c = calendarDay(SANDBOX, d);
      days[`day ${d + 1}`] = { mult: c.mult, event: c.event?.id ?? null, lullFor: c.lullFor?.id ?? null };
    }
    expect(round6({ season, days, launchDay1: calendarDay(SC, 0).mult })).toMatchSnapshot();
  });

  it("customers: daily revisit chance per scenario, dropout over membership × loyalty [P2.3a]", () => {
    const revisit: Record<string, number> = {};
    const dropout: Record<string, number> = {};
    for (const id of ["launch", "sandbox", "private"]) {
      const sc = getScenario(id) as Scenario;
      revisit[id] = revisitDaily(sc);
      for (const member of [false, true])
        for (const loyalty of [0.1, 0.5, 1, 1.15, 1.5])
          dropout[`${id} member ${member} loyalty ${loyalty}`] = dropoutChance(sc, member, loyalty);
    }
    expect(round6({ revisit, dropout })).toMatchSnapshot();
  });

  it("marketing: search-ad CTR by position, format fit, KOL tiers and benchmarks, content and community hours and cost [P2.1a, P2.1b, P2.2b, P2.2c]", () => {
    const ctr = [0, 1, 2, 3, 4, 5, 6].map(searchAdCtr);
    const fit: Record<string, number> = {};
    for (const p of SOCIAL_PLATFORMS) for (const f of CONTENT_FORMATS) fit[`${p}/${f}`] = formatFit(p, f);
    const tiers: Record<string, unknown> = {};
    for (const followers of [500, 9_999, 10_000, 99_999, 100_000, 999_999, 1_000_000, 5_000_000])
      tiers[`${followers}`] = {
        tier: kolTier(followers),
        douyin: engagementBenchmark("douyin", followers),
        xiaohongshu: engagementBenchmark("xiaohongshu", followers),
      };
    const hours: Record<string, number> = {};
    const cost: Record<string, number> = {};
    for (const f of CONTENT_FORMATS) {
      hours[`3 ${f} posts on xiaohongshu, no community`] = contentHours(
        { xiaohongshu: { postsPerWeek: 3, format: f, series: true, followers: 0, seriesWeeks: 0 } },
        "none",
      );
      cost[`3 ${f} posts`] = contentCostFen(f, 3);
    }
    for (const a of COMMUNITY_ACTIVITIES) {
      hours[`community ${a}`] = contentHours({}, a);
      cost[`community ${a}`] = communityCostFen(a);
    }
    expect(round6({ ctr, fit, tiers, hours, cost })).toMatchSnapshot();
  });

  it("pricing: charm and round endings [P1.2f]", () => {
    const prices = [8800, 8880, 8900, 8990, 8999, 9000, 9900, 9990, 10_000, 12_000, 12_900, 15_000];
    expect(
      Object.fromEntries(prices.map((p) => [`¥${p / 100}`, { charm: isCharmPrice(p), round: isRoundPrice(p) }])),
    ).toMatchSnapshot();
  });
});
