// Where visitors come from each day: organic search (P1.2c, P1.2d), the home page through
// navigation and banner (P1.1a, P1.1b), and info-flow ads (P2.1a).
import { clamp } from "../detmath";
import { ABNORMAL_FLAG_DAYS, AD_CTR_BASE, AD_TARGETED_CTR_LIFT, RETURNING_BUYER_DAILY } from "../model";
import type { Rng } from "../rng";
import { binomial, poisson } from "../sampling";
import type { ScenarioSegment } from "../scenario-schema";
import { usesCustomerModel } from "../systems/customers";
import { imageCtr, keywordRelevance } from "../systems/listing";
import { searchVolumeLift } from "../systems/marketing";
import { abnormalPrice } from "../systems/pricing";
import { reviewCountFactor } from "../systems/reputation";
import { rankAmong, rankingScore, searchCtr } from "../systems/search";
import { todayMarketPriceFen } from "./commerce";
import { isListed, searchAdjust } from "./lifecycle";
import { book, type DayCtx, skuWeek } from "./week";

/** Splits n visitors across segments by their shares (sequential binomials = multinomial). */
export function splitBySegment(rng: Rng, n: number, segments: readonly ScenarioSegment[]): number[] {
  const out: number[] = [];
  let left = n;
  let shareLeft = 1;
  segments.forEach((seg, i) => {
    if (i === segments.length - 1) {
      out.push(left);
      return;
    }
    const k = shareLeft > 0 ? binomial(rng, left, clamp(seg.share / shareLeft, 0, 1)) : 0;
    out.push(k);
    left -= k;
    shareLeft -= seg.share;
  });
  return out;
}

/** Organic search: each core keyword's searches × click rate at the listing's rank. */
export function searchTraffic(ctx: DayCtx): void {
  const { scenario, s, day, demand } = ctx;
  const segments = scenario.market.segments;
  const dsrMean = (s.dsr.description + s.dsr.service + s.dsr.logistics) / 3;
  const avgTrust = segments.reduce((a, g) => a + g.share * g.trustNeed, 0);
  const seedLift = searchVolumeLift(s, scenario); // 1 without marketing channels (PX.b seeding, feed exposure)
  for (const sku of s.skus) {
    const week = skuWeek(ctx.acc, sku.id);
    const v = ctx.visitors.get(sku.id);
    if (!v) continue;
    if (!isListed(s, sku.id)) continue; // delisted or not yet launched (P1.2a–b)
    // P1.2f: a list price far from the market's is flagged (价格异常): out of search today and for
    // ABNORMAL_FLAG_DAYS after it is corrected.
    if (abnormalPrice(sku.priceFen, todayMarketPriceFen(ctx, sku.id)))
      sku.priceFlagUntilDay = day + ABNORMAL_FLAG_DAYS + 1;
    if (day < sku.priceFlagUntilDay) {
      skuWeek(ctx.acc, sku.id).abnormalDays += 1;
      continue;
    }
    const sales7d = sku.recentSales.reduce((a, b) => a + b, 0);
    let clicks = 0;
    for (const kw of scenario.market.keywords) {
      if (kw.kind !== "core") continue;
      const rel = keywordRelevance(sku.title, kw.id);
      const score = rankingScore({
        relevance: rel,
        ctrIndex: sku.ctrIndex,
        cvrIndex: sku.cvrIndex,
        sales7d,
        dsr: dsrMean,
        reviewFactor: reviewCountFactor(sku.reviewCount, avgTrust),
        ageDays: day - sku.listedDay,
      });
      // P1.2b lifecycle demand, P1.2a duplicate listings (both exactly 1 without them).
      const adj = searchAdjust(ctx, sku, kw.id);
      const rank = rankAmong(score * adj.score, s.competitors[kw.id] ?? []);
      const searches = kw.dailySearches * demand * seedLift; // PX.b: Xiaohongshu seeding lifts searches
      // A broad match is shown on only part of the searches (rel < 1), and ranks lower there too.
      const k = poisson(ctx.rng.traffic, searches * rel * searchCtr(rank) * sku.ctrIndex * adj.clicks);
      clicks += k;
      week.searches += Math.round(searches);
      const kwAcc = week.keywords.get(kw.id) ?? { rankSum: 0, days: 0, uv: 0 };
      kwAcc.rankSum += rank;
      kwAcc.days += 1;
      kwAcc.uv += k;
      week.keywords.set(kw.id, kwAcc);
      week.rankWeighted += rank * kw.dailySearches;
      week.rankWeight += kw.dailySearches;
    }
    week.searchClicks += clicks;
    v.search = splitBySegment(ctx.rng.traffic, clicks, segments);
  }
}

/** Home page: direct visitors and returning buyers; navigation and banner decide who reaches a product. */
export function homeTraffic(ctx: DayCtx): void {
  const { scenario, s, acc, factors: f } = ctx;
  const rng = ctx.rng.traffic;
  const homeUv = poisson(
    rng,
    // Scenarios with a customer base send returning buyers from sim/customers.ts instead.
    scenario.market.homeVisitorsPerDay * ctx.demand +
      (usesCustomerModel(scenario) ? 0 : RETURNING_BUYER_DAILY * s.totals.buyers),
  );
  const reached = binomial(rng, homeUv, clamp(f.navReach * f.bannerLift, 0, 0.95));
  acc.traffic.home += homeUv;
  // Home visitors who never reach a product page are visitors who bounced.
  acc.funnel.visitors += homeUv - reached;
  ctx.report.uv += homeUv - reached;
  s.totals.uv += homeUv - reached;
  s.totals.pv += homeUv - reached;
  // A hero banner sends most of them to the hero product (the first SKU).
  let left = reached;
  s.skus.forEach((sku, i) => {
    const v = ctx.visitors.get(sku.id);
    if (!v) return;
    let n: number;
    if (i === s.skus.length - 1) n = left;
    else if (i === 0 && s.store.banner === "hero") n = binomial(rng, left, 0.7);
    else n = binomial(rng, left, 1 / (s.skus.length - i));
    left -= n;
    v.home = splitBySegment(rng, n, scenario.market.segments);
  });
}

/** Info-flow ads: impressions bought at CPM; clicks by creative (main image) and targeting. */
export function adTraffic(ctx: DayCtx): void {
  const { scenario, s, acc } = ctx;
  if (s.ads.dailyBudgetFen <= 0 || s.cashFen <= 0) return;
  const rng = ctx.rng.ads;
  const segments = scenario.market.segments;
  const budget = Math.min(s.ads.dailyBudgetFen, s.cashFen);
  const impressions = Math.floor((budget * 1000) / scenario.market.adCpmFen);
  const targeted = s.ads.target !== "broad";
  const sku = s.skus.find((k) => k.id === s.ads.sku);
  const ctr = AD_CTR_BASE * (sku ? imageCtr(sku.image) : 1) * (targeted ? AD_TARGETED_CTR_LIFT : 1);
  const clicks = binomial(rng, impressions, clamp(ctr, 0, 1));
  const spend = Math.round((impressions * scenario.market.adCpmFen) / 1000);
  book(s, acc, "ads", -spend);
  s.totals.adSpendFen += spend;
  s.totals.adClicks += clicks;
  acc.adImpressions += impressions;
  acc.adClicks += clicks;
  const v = ctx.visitors.get(s.ads.sku);
  if (v) {
    v.ads = targeted
      ? segments.map((g) => (g.id === s.ads.target ? clicks : 0))
      : splitBySegment(rng, clicks, segments);
  }
}
