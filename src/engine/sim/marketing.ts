// The marketing channels' daily flow (P2.1a–c, P2.2a–c, PX.b): feed ads with learning, carryover and
// saturation; paid-search auctions; KOL posts; own content; the community; Xiaohongshu seeding. Formulas
// are in systems/marketing.ts. Streams: "ads" (feed ads, as before), "paidsearch", "kol", "content".
//
// Order inside a week: beginMarketingWeek (after the turn's decisions: adstocks, learning, posts, fees) →
// each day marketingTraffic (after the other traffic sources) and marketingSales (after shipping) →
// endMarketingWeek (followers, members, fatigue, carryover, seeding, the report).
import { clamp, exp, pow } from "../detmath";
import {
  ADSTOCK,
  COMMUNITY,
  COMMUNITY_CHURN,
  COMMUNITY_ENGAGEMENT_EMA,
  COMMUNITY_VISITS_PER_ACTIVE,
  CONTENT_HOURS,
  FEED_BUDGET_EDIT_FACTOR,
  FEED_EDIT_KEEP,
  FEED_HILL_SHAPE,
  FOLLOW_PER_INTERACTION,
  FOLLOWER_CHURN,
  POST_DAY_DECAY,
  SEARCH_COMPETITOR_QS_SD,
  SEEDING_DECAY,
  SERIES_FOLLOW_MULT,
} from "../model";
import type { Rng } from "../rng";
import { binomial, normal, poisson } from "../sampling";
import type { Scenario } from "../scenario-schema";
import {
  type CommunityWeekReport,
  type ContentWeekReport,
  communityLoyalty,
  contentCapacity,
  contentCostFen,
  contentOutcome,
  type FeedEfficiency,
  feedEfficiency,
  gspAuction,
  hasMarketingChannels,
  type KolWeekReport,
  kolOutcome,
  learningProgress,
  type MarketingWeekReport,
  paidResponse,
  SOCIAL_PLATFORMS,
  type SocialPlatform,
  saturationShare,
  searchAdCtr,
  searchQuality,
  searchVolumeLift,
} from "../systems/marketing";
import { abnormalPrice } from "../systems/pricing";
import type { GameState } from "../types";
import { todayMarketPriceFen } from "./commerce";
import { splitBySegment } from "./traffic";
import { book, type DayCtx, type Source, type WeekAcc } from "./week";

type Channel = "ads" | "paidSearch" | "kol" | "content" | "community";
const CHANNELS: readonly Channel[] = ["ads", "paidSearch", "kol", "content", "community"];

interface KolPost {
  report: KolWeekReport;
  /** Expected visitors of the post over the week (after the draw of real interactions). */
  expected: number;
  audience: number[];
  visitors: number;
}

interface ContentRun {
  report: ContentWeekReport;
  perDay: number;
}

/** What the week's marketing accumulates (kept on WeekAcc.marketing). */
export interface MarketingAcc {
  feed?: {
    eff: FeedEfficiency;
    perDay: number;
    learning: number;
    budgetFen: number;
    spendFen: number;
    impressions: number;
    clicks: number;
  };
  search?: {
    budgetFen: number;
    carryPerDay: number;
    spendFen: number;
    clicks: number;
    carryVisitors: number;
    impressions: number;
    keywords: Map<
      string,
      { bidFen: number; q: number; posSum: number; days: number; spend: number; imp: number; clicks: number }
    >;
  };
  kols: KolPost[];
  kolCarryPerDay: Record<string, number>;
  kolCarryVisitors: Record<string, number>;
  content: ContentRun[];
  contentHoursUsed: number;
  community?: { perDay: number; visitors: number; costFen: number };
  /** Orders and GMV by SKU and channel. */
  sales: Record<string, Record<Channel, { orders: number; gmvFen: number }>>;
  report?: MarketingWeekReport;
}

const dayWeights: number[] = (() => {
  const w = Array.from({ length: 7 }, (_, d) => pow(POST_DAY_DECAY, d));
  const t = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / t);
})();

/** Splits n visitors by weights (sequential binomials = multinomial). */
function splitByWeights(rng: Rng, n: number, weights: readonly number[]): number[] {
  const out: number[] = [];
  let left = n;
  let wLeft = weights.reduce((a, b) => a + b, 0);
  weights.forEach((w, i) => {
    if (i === weights.length - 1 || wLeft <= 0) {
      out.push(i === weights.length - 1 ? left : 0);
      return;
    }
    const k = left > 0 ? binomial(rng, left, clamp(w / wLeft, 0, 1)) : 0;
    out.push(k);
    left -= k;
    wLeft -= w;
  });
  return out;
}

function addVisitors(ctx: DayCtx, skuId: string, source: Source, bySegment: readonly number[]): void {
  const v = ctx.visitors.get(skuId);
  if (!v) return;
  const row = v[source];
  bySegment.forEach((n, i) => {
    row[i] = (row[i] ?? 0) + n;
  });
}

/**
 * Segment weights of a platform's audience: share × the segment's affinity for it. Null when no
 * segment states affinities (then visitors follow the market's shares, as before).
 */
function platformWeights(ctx: DayCtx, platform: SocialPlatform): number[] | null {
  const segs = ctx.scenario.market.segments;
  if (!segs.some((g) => g.platforms)) return null;
  return segs.map((g) => g.share * (g.platforms?.[platform] ?? 1));
}

/** Spreads n brand-level visitors (content, community) evenly over the SKUs, then by market segment. */
function addBrandVisitors(ctx: DayCtx, rng: Rng, source: Source, n: number, weights: number[] | null = null): void {
  if (n <= 0) return;
  const skus = ctx.s.skus;
  const perSku = splitByWeights(
    rng,
    n,
    skus.map(() => 1),
  );
  skus.forEach((sku, i) => {
    const k = perSku[i] ?? 0;
    if (k <= 0) return;
    const bySegment = weights ? splitByWeights(rng, k, weights) : splitBySegment(rng, k, ctx.scenario.market.segments);
    addVisitors(ctx, sku.id, source, bySegment);
  });
}

function emptySales(): Record<Channel, { orders: number; gmvFen: number }> {
  return Object.fromEntries(CHANNELS.map((c) => [c, { orders: 0, gmvFen: 0 }])) as Record<
    Channel,
    { orders: number; gmvFen: number }
  >;
}

// ---------- week start ----------

export function beginMarketingWeek(scenario: Scenario, s: GameState, acc: WeekAcc, rng: Record<string, Rng>): void {
  const m = scenario.market;
  const mk = s.marketing;
  const ma: MarketingAcc = {
    kols: [],
    kolCarryPerDay: {},
    kolCarryVisitors: {},
    content: [],
    contentHoursUsed: 0,
    sales: {},
  };
  for (const sku of s.skus) ma.sales[sku.id] = emptySales();
  acc.marketing = ma;

  // P2.1a info-flow ads: learning, adstock and saturation (only where the scenario defines feedAds).
  if (m.feedAds) {
    const f = mk.feed;
    const budget = s.ads.dailyBudgetFen;
    if (s.ads.target !== f.target || s.ads.sku !== f.sku) {
      if (f.conversions > 0) acc.events.push({ key: "ev.feedReset" });
      f.conversions = 0; // new targeting: the platform's model starts learning again
      f.target = s.ads.target;
      f.sku = s.ads.sku;
    } else if (
      budget > 0 &&
      f.lastBudgetFen > 0 &&
      (budget > f.lastBudgetFen * FEED_BUDGET_EDIT_FACTOR || budget * FEED_BUDGET_EDIT_FACTOR < f.lastBudgetFen)
    ) {
      f.conversions *= FEED_EDIT_KEEP; // a significant edit re-enters learning
    }
    f.lastBudgetFen = budget;
    f.adstockFen = budget + ADSTOCK.feed * f.adstockFen;
    const learning = learningProgress(f.conversions);
    const sku = s.skus.find((k) => k.id === s.ads.sku);
    const eff = feedEfficiency({
      image: sku?.image ?? "white",
      targeted: s.ads.target !== "broad",
      learning,
      cpmFen: m.adCpmFen,
    });
    const perDay = paidResponse(f.adstockFen, m.feedAds.ec50Fen, FEED_HILL_SHAPE, ADSTOCK.feed, eff.clicksPerFen);
    ma.feed = { eff, perDay, learning, budgetFen: budget, spendFen: 0, impressions: 0, clicks: 0 };
  }

  // P2.1a paid search: carryover of earlier clicks (λ = 0.2).
  if (m.searchAds) {
    ma.search = {
      budgetFen: mk.search.dailyBudgetFen,
      carryPerDay: ADSTOCK.search * mk.search.carry,
      spendFen: 0,
      clicks: 0,
      carryVisitors: 0,
      impressions: 0,
      keywords: new Map(),
    };
  }

  // P2.1b KOL posts booked this week: fee paid now, real interactions drawn now, visits spread over the week.
  const kolRng = rng.kol;
  for (const h of mk.hires) {
    const k = m.kols?.find((x) => x.id === h.kol);
    const sku = s.skus.find((x) => x.id === h.sku);
    if (!k || !sku || !kolRng) continue;
    book(s, acc, "kol", -k.feeFen);
    const fatigue = mk.kolFatigue[k.id] ?? 0;
    const o = kolOutcome(k, m.segments, sku.priceFen, fatigue);
    const interactions = poisson(kolRng, o.interactions);
    const expected = o.interactions > 0 ? (o.visitors * interactions) / o.interactions : 0;
    const reach = Math.round(o.reach);
    ma.kols.push({
      expected,
      audience: m.segments.map((g) => k.audience[g.id] ?? 0),
      visitors: 0,
      report: {
        kol: k.id,
        platform: k.platform,
        sku: sku.id,
        feeFen: k.feeFen,
        followers: k.followers,
        reach,
        interactions,
        interactionRate: interactions / k.followers,
        claimedEngagement: k.claimedEngagement,
        visitors: 0,
        orders: 0,
        gmvFen: 0,
        roi: 0,
      },
    });
  }
  for (const [skuId, carry] of Object.entries(mk.kolCarry)) {
    ma.kolCarryPerDay[skuId] = ADSTOCK.social * carry;
    ma.kolCarryVisitors[skuId] = 0;
  }

  // P2.2a–b own content: posts up to the content hours; reads and interactions drawn now.
  const contentRng = rng.content;
  if (m.content && contentRng) {
    let hoursLeft = contentCapacity(scenario, s) - COMMUNITY[mk.community.activity].hours;
    for (const platform of SOCIAL_PLATFORMS) {
      const plan = mk.content[platform];
      if (!plan || plan.postsPerWeek <= 0) continue;
      const hoursPer = CONTENT_HOURS[plan.format];
      let posts = Math.min(plan.postsPerWeek, Math.max(0, Math.floor(hoursLeft / hoursPer)));
      const unit = contentCostFen(plan.format, 1);
      while (posts > 0 && unit * posts > s.cashFen) posts--;
      if (posts < plan.postsPerWeek)
        acc.events.push({ key: "ev.contentShort", params: { platform, posts, planned: plan.postsPerWeek } });
      if (posts <= 0) continue;
      hoursLeft -= posts * hoursPer;
      ma.contentHoursUsed += posts * hoursPer;
      const cost = contentCostFen(plan.format, posts);
      book(s, acc, "content", -cost);
      const o = contentOutcome(platform, plan.format, plan.followers, plan.series, plan.seriesWeeks);
      const reads = poisson(contentRng, posts * o.readsPerPost);
      const interactions = binomial(contentRng, reads, o.interactionRate);
      ma.content.push({
        perDay: (interactions * o.visitsPerInteraction) / 7,
        report: {
          platform,
          format: plan.format,
          series: plan.series,
          posts,
          hours: posts * hoursPer,
          costFen: cost,
          reads,
          interactions,
          interactionRate: reads > 0 ? interactions / reads : 0,
          visitors: 0,
          orders: 0,
          gmvFen: 0,
          followers: plan.followers,
          followerGain: 0,
          quality: o.quality,
        },
      });
    }
  }

  // P2.1c, P2.2c community: engagement moves toward the activity's level; events cost cash.
  if (m.community) {
    const c = mk.community;
    // A shop that cannot pay for this week's activity runs none (engagement fades).
    const held = COMMUNITY[c.activity].costFen <= s.cashFen ? COMMUNITY[c.activity] : COMMUNITY.none;
    const cost = held.costFen;
    book(s, acc, "content", -cost);
    ma.contentHoursUsed += held.hours;
    c.engagement += COMMUNITY_ENGAGEMENT_EMA * (held.engagement - c.engagement);
    ma.community = { perDay: c.members * c.engagement * COMMUNITY_VISITS_PER_ACTIVE, visitors: 0, costFen: cost };
  }
}

// ---------- each day ----------

/** Info-flow ads in a scenario with `market.feedAds`: spend at the effective CPM, visitors from the Hill response. */
export function feedAdTraffic(ctx: DayCtx): void {
  const { scenario, s, acc } = ctx;
  const fa = acc.marketing?.feed;
  if (!fa) return;
  const rng = ctx.rng.ads;
  const budget = Math.min(s.ads.dailyBudgetFen, Math.max(0, s.cashFen));
  const impressions = budget > 0 ? Math.floor((budget * 1000) / fa.eff.cpmFen) : 0;
  const spend = Math.round((impressions * fa.eff.cpmFen) / 1000);
  // A cash-starved day buys only part of the planned pressure; carryover from earlier weeks still works.
  const planned = s.ads.dailyBudgetFen;
  const carryShare = planned > 0 ? clamp(spend / planned, 0, 1) : 1;
  const mu = fa.perDay * (planned > 0 ? carryShare : 1);
  const clicks = poisson(rng, mu);
  book(s, acc, "ads", -spend);
  s.totals.adSpendFen += spend;
  s.totals.adClicks += clicks;
  acc.adImpressions += impressions;
  acc.adClicks += clicks;
  fa.spendFen += spend;
  fa.impressions += impressions;
  fa.clicks += clicks;
  const segments = scenario.market.segments;
  const targeted = s.ads.target !== "broad";
  addVisitors(
    ctx,
    s.ads.sku,
    "ads",
    targeted ? segments.map((g) => (g.id === s.ads.target ? clicks : 0)) : splitBySegment(rng, clicks, segments),
  );
}

/** Paid search, KOL posts, content and community visitors of the day. */
export function marketingTraffic(ctx: DayCtx): void {
  const ma = ctx.acc.marketing;
  if (!ma) return;
  searchAdTraffic(ctx, ma);
  kolTraffic(ctx, ma);
  const rng = ctx.rng.content;
  for (const c of ma.content) {
    const n = poisson(rng, c.perDay);
    c.report.visitors += n;
    // P2.1c: platforms differ in audience — a segment at home on the platform arrives more often.
    addBrandVisitors(ctx, rng, "content", n, platformWeights(ctx, c.report.platform));
  }
  if (ma.community && ma.community.perDay > 0) {
    const n = poisson(rng, ma.community.perDay);
    ma.community.visitors += n;
    addBrandVisitors(ctx, rng, "community", n);
  }
}

function searchAdTraffic(ctx: DayCtx, ma: MarketingAcc): void {
  const { scenario, s } = ctx;
  const sa = scenario.market.searchAds;
  const w = ma.search;
  if (!sa || !w) return;
  const rng = ctx.rng.paidsearch;
  const camp = s.marketing.search;
  const sku = s.skus.find((k) => k.id === camp.sku);
  if (!sku) return;
  let visitors = poisson(rng, w.carryPerDay);
  w.carryVisitors += visitors;
  // P1.2f: a listing flagged for an abnormal price (价格异常) takes part in no auction.
  const flagged = abnormalPrice(sku.priceFen, todayMarketPriceFen(ctx, sku.id)) || ctx.day < sku.priceFlagUntilDay;
  let budgetLeft = flagged ? 0 : Math.min(camp.dailyBudgetFen, Math.max(0, s.cashFen));
  if (budgetLeft > 0 && camp.bids.length > 0) {
    const lift = searchVolumeLift(s, scenario);
    // Auction each keyword: competitors' quality varies from day to day.
    const plans: {
      kw: string;
      bid: number;
      q: number;
      position: number;
      cpc: number;
      expected: number;
      imp: number;
    }[] = [];
    for (const b of camp.bids) {
      const spec = sa.keywords.find((k) => k.keyword === b.keyword);
      const kw = scenario.market.keywords.find((k) => k.id === b.keyword);
      if (!spec || !kw) continue;
      const ranks = spec.competitorBidsFen.map((bid) => bid * exp(SEARCH_COMPETITOR_QS_SD * normal(rng, 0, 1)));
      const q = searchQuality(sku.title.includes(b.keyword), sku.ctrIndex, sku.cvrIndex);
      const a = gspAuction(b.bidFen, q, ranks, sa.minBidFen);
      const searches = kw.dailySearches * ctx.demand * lift;
      const imp = a.position > 0 ? Math.round(searches) : 0;
      plans.push({
        kw: b.keyword,
        bid: b.bidFen,
        q,
        position: a.position,
        cpc: a.cpcFen,
        expected: imp * searchAdCtr(a.position) * sku.ctrIndex,
        imp,
      });
    }
    // The budget caps clicks: the platform paces the ads over the day (all keywords alike).
    const wanted = plans.reduce((acc2, p) => acc2 + p.expected * p.cpc, 0);
    const pace = wanted > 0 ? Math.min(1, budgetLeft / wanted) : 0;
    let spend = 0;
    let clicks = 0;
    for (const p of plans) {
      let k = p.position > 0 ? poisson(rng, p.expected * pace) : 0;
      if (p.cpc > 0) k = Math.min(k, Math.floor(budgetLeft / p.cpc));
      const cost = k * p.cpc;
      budgetLeft -= cost;
      spend += cost;
      clicks += k;
      const r = w.keywords.get(p.kw) ?? { bidFen: p.bid, q: p.q, posSum: 0, days: 0, spend: 0, imp: 0, clicks: 0 };
      r.q = p.q;
      if (p.position > 0) {
        r.posSum += p.position;
        r.days += 1;
      }
      r.spend += cost;
      r.imp += Math.round(p.imp * pace);
      r.clicks += k;
      w.keywords.set(p.kw, r);
      w.impressions += Math.round(p.imp * pace);
    }
    book(s, ctx.acc, "ads", -spend);
    s.totals.adSpendFen += spend;
    s.totals.adClicks += clicks;
    w.spendFen += spend;
    w.clicks += clicks;
    visitors += clicks;
  }
  if (visitors > 0) addVisitors(ctx, sku.id, "paidSearch", splitBySegment(rng, visitors, scenario.market.segments));
}

function kolTraffic(ctx: DayCtx, ma: MarketingAcc): void {
  const rng = ctx.rng.kol;
  const d = ctx.day - ctx.s.week * 7;
  for (const post of ma.kols) {
    const n = poisson(rng, post.expected * (dayWeights[d] ?? 0));
    if (n <= 0) continue;
    post.visitors += n;
    addVisitors(ctx, post.report.sku, "kol", splitByWeights(rng, n, post.audience));
  }
  for (const [skuId, perDay] of Object.entries(ma.kolCarryPerDay)) {
    const n = poisson(rng, perDay);
    if (n <= 0) continue;
    ma.kolCarryVisitors[skuId] = (ma.kolCarryVisitors[skuId] ?? 0) + n;
    addVisitors(ctx, skuId, "kol", splitBySegment(rng, n, ctx.scenario.market.segments));
  }
}

/** After shipping: orders and GMV by channel (for ROI, learning and the report). */
export function marketingSales(ctx: DayCtx): void {
  const ma = ctx.acc.marketing;
  if (!ma) return;
  for (const b of ctx.sales) {
    const row = ma.sales[b.sku] ?? emptySales();
    ma.sales[b.sku] = row;
    for (const c of CHANNELS) {
      const n = b.bySource[c] ?? 0;
      row[c].orders += n;
      row[c].gmvFen += b.orders > 0 ? (b.gmvFen * n) / b.orders : 0;
    }
  }
}

// ---------- week end ----------

export function endMarketingWeek(scenario: Scenario, s: GameState, acc: WeekAcc): void {
  const ma = acc.marketing;
  if (!ma) return;
  const mk = s.marketing;
  const total = (c: Channel) =>
    Object.values(ma.sales).reduce((a, r) => ({ orders: a.orders + r[c].orders, gmvFen: a.gmvFen + r[c].gmvFen }), {
      orders: 0,
      gmvFen: 0,
    });
  const report: MarketingWeekReport = {
    kols: [],
    kolCarry: { visitors: 0, orders: 0, gmvFen: 0 },
    content: [],
    contentHours: { used: ma.contentHoursUsed, capacity: contentCapacity(scenario, s) },
    seeding: { stock: mk.seeding, searchLift: searchVolumeLift(s, scenario) },
  };
  let xhsInteractions = 0;

  if (ma.feed && scenario.market.feedAds) {
    const f = ma.feed;
    const sold = total("ads");
    mk.feed.conversions += sold.orders;
    report.feed = {
      budgetFen: f.budgetFen,
      spendFen: f.spendFen,
      impressions: f.impressions,
      clicks: f.clicks,
      ctr: f.impressions > 0 ? f.clicks / f.impressions : 0,
      cpcFen: f.clicks > 0 ? Math.round(f.spendFen / f.clicks) : 0,
      cpmFen: Math.round(f.eff.cpmFen),
      learning: f.learning,
      adstockFen: mk.feed.adstockFen,
      saturation: saturationShare(mk.feed.adstockFen, scenario.market.feedAds.ec50Fen, FEED_HILL_SHAPE),
      orders: sold.orders,
      gmvFen: sold.gmvFen,
      roas: f.spendFen > 0 ? sold.gmvFen / f.spendFen : 0,
    };
  }

  if (ma.search) {
    const w = ma.search;
    const sold = total("paidSearch");
    mk.search.carry = w.clicks / 7 + ADSTOCK.search * mk.search.carry;
    report.search = {
      sku: mk.search.sku,
      budgetFen: w.budgetFen,
      spendFen: w.spendFen,
      clicks: w.clicks,
      carryVisitors: w.carryVisitors,
      cpcFen: w.clicks > 0 ? Math.round(w.spendFen / w.clicks) : 0,
      ctr: w.impressions > 0 ? w.clicks / w.impressions : 0,
      orders: sold.orders,
      gmvFen: sold.gmvFen,
      roas: w.spendFen > 0 ? sold.gmvFen / w.spendFen : 0,
      keywords: [...w.keywords.entries()].map(([keyword, r]) => ({
        keyword,
        bidFen: r.bidFen,
        quality: r.q,
        position: r.days > 0 ? Math.round((r.posSum / r.days) * 10) / 10 : 0,
        cpcFen: r.clicks > 0 ? Math.round(r.spend / r.clicks) : 0,
        impressions: r.imp,
        clicks: r.clicks,
      })),
    };
  }

  // KOL orders of a SKU are shared among that week's posts and the carryover by their visitors.
  const kolVisitorsBySku: Record<string, number> = {};
  for (const p of ma.kols) kolVisitorsBySku[p.report.sku] = (kolVisitorsBySku[p.report.sku] ?? 0) + p.visitors;
  for (const [skuId, n] of Object.entries(ma.kolCarryVisitors))
    kolVisitorsBySku[skuId] = (kolVisitorsBySku[skuId] ?? 0) + n;
  const kolShare = (skuId: string, n: number) => {
    const all = kolVisitorsBySku[skuId] ?? 0;
    const sold = ma.sales[skuId]?.kol ?? { orders: 0, gmvFen: 0 };
    return all > 0 ? { orders: (sold.orders * n) / all, gmvFen: (sold.gmvFen * n) / all } : { orders: 0, gmvFen: 0 };
  };
  for (const p of ma.kols) {
    const share = kolShare(p.report.sku, p.visitors);
    p.report.visitors = p.visitors;
    p.report.orders = Math.round(share.orders);
    p.report.gmvFen = Math.round(share.gmvFen);
    p.report.roi = p.report.feeFen > 0 ? share.gmvFen / p.report.feeFen : 0;
    report.kols.push(p.report);
    acc.events.push({
      key: "ev.kolPost",
      params: {
        kol: p.report.kol,
        reach: p.report.reach,
        rate: Math.round(p.report.interactionRate * 1000) / 10,
        orders: p.report.orders,
        roi: Math.round(p.report.roi * 100) / 100,
      },
    });
    if (p.report.platform === "xiaohongshu") xhsInteractions += p.report.interactions;
  }
  for (const [skuId, n] of Object.entries(ma.kolCarryVisitors)) {
    const share = kolShare(skuId, n);
    report.kolCarry.visitors += n;
    report.kolCarry.orders += Math.round(share.orders);
    report.kolCarry.gmvFen += Math.round(share.gmvFen);
  }
  // Fatigue and carryover decay; this week's posts add to them.
  const fatigue: Record<string, number> = {};
  for (const [id, f] of Object.entries(mk.kolFatigue)) if (f * ADSTOCK.social >= 0.01) fatigue[id] = f * ADSTOCK.social;
  for (const h of mk.hires) fatigue[h.kol] = (fatigue[h.kol] ?? 0) + 1;
  mk.kolFatigue = fatigue;
  const carry: Record<string, number> = {};
  for (const [id, c] of Object.entries(mk.kolCarry)) if (c * ADSTOCK.social >= 0.05) carry[id] = c * ADSTOCK.social;
  for (const p of ma.kols) carry[p.report.sku] = (carry[p.report.sku] ?? 0) + p.visitors / 7;
  mk.kolCarry = carry;
  mk.hires = [];

  // Content: followers grow with real interactions, a series keeps its momentum.
  const contentSold = total("content");
  const contentVisitors = ma.content.reduce((a, c) => a + c.report.visitors, 0);
  for (const platform of SOCIAL_PLATFORMS) {
    const plan = mk.content[platform];
    if (!plan) continue;
    const run = ma.content.find((c) => c.report.platform === platform);
    const posted = run ? run.report.posts : 0;
    const gain = run
      ? Math.round(run.report.interactions * FOLLOW_PER_INTERACTION * (plan.series ? SERIES_FOLLOW_MULT : 1))
      : 0;
    const churn = Math.round(plan.followers * (posted > 0 ? FOLLOWER_CHURN.posting : FOLLOWER_CHURN.idle));
    plan.followers = Math.max(0, plan.followers + gain - churn);
    plan.seriesWeeks = plan.series && posted > 0 ? plan.seriesWeeks + 1 : 0;
    if (run) {
      const share = contentVisitors > 0 ? run.report.visitors / contentVisitors : 0;
      run.report.orders = Math.round(contentSold.orders * share);
      run.report.gmvFen = Math.round(contentSold.gmvFen * share);
      run.report.followerGain = gain - churn;
      run.report.followers = plan.followers;
      report.content.push(run.report);
      if (platform === "xiaohongshu") xhsInteractions += run.report.interactions;
    }
  }

  // Community: buyers join at the activity's rate; members drift away slowly.
  if (ma.community && scenario.market.community) {
    const c = mk.community;
    const joined = Math.round(acc.funnel.paid * COMMUNITY[c.activity].join);
    c.members = Math.max(0, c.members + joined - Math.round(c.members * COMMUNITY_CHURN));
    const sold = total("community");
    const cr: CommunityWeekReport = {
      activity: c.activity,
      members: c.members,
      engagement: c.engagement,
      joined,
      visitors: ma.community.visitors,
      orders: sold.orders,
      gmvFen: sold.gmvFen,
      costFen: ma.community.costFen,
      loyalty: communityLoyalty(s),
    };
    report.community = cr;
  }

  // PX.b: Xiaohongshu interactions seed later searches (decaying stock, used from next week).
  mk.seeding = mk.seeding * SEEDING_DECAY + xhsInteractions;
  if (mk.seeding < 1) mk.seeding = 0;
  if (hasMarketingChannels(scenario)) ma.report = report;
}
