// Pure numbers behind the 营销 and 私域 panels and the 商品 lifecycle tab: what a paid-search bid is expected to buy, which
// marketing sub-sections a scenario has, KOL roster facts a trainee can read off a media kit, and the
// private domain's join / push outlook. Built only from the engine's exported pure formulas (no
// Phaser), so tests/ui can check them in Node.
import type { GameState, Scenario, WeekReport } from "../../engine";
import { COMMUNITY, CONTENT_HOURS } from "../../engine/model";
import { aliveCount, joinShare, memberCount, pushResponse, unsubscribeShare } from "../../engine/systems/customers";
import { bassPeak, bassRate } from "../../engine/systems/lifecycle";
import {
  type CommunityActivity,
  type ContentFormat,
  contentCapacity,
  contentCostFen,
  contentHours,
  engagementBenchmark,
  gspAuction,
  type KolTier,
  kolTier,
  type SocialPlatform,
  searchAdCtr,
  searchQuality,
  searchVolumeLift,
} from "../../engine/systems/marketing";

// ---------- sub-sections ----------

export const MARKETING_SUBS = ["feed", "search", "kol", "content", "community"] as const;
export type MarketingSub = (typeof MARKETING_SUBS)[number];

/** Sub-sections the scenario's market has: info-flow ads always (the simple CPM model), the rest if defined. */
export function marketingSubs(scenario: Scenario): MarketingSub[] {
  const m = scenario.market;
  const out: MarketingSub[] = ["feed"];
  if (m.searchAds) out.push("search");
  if (m.kols && m.kols.length > 0) out.push("kol");
  if (m.content) out.push("content");
  if (m.community) out.push("community");
  return out;
}

/**
 * The sub-section shown: the chosen one if the scenario has it, else the channel the scenario is about
 * (the first it defines beyond the simple ads: feed with learning, search, KOLs, content, community).
 */
export function currentMarketingSub(scenario: Scenario, chosen: string | undefined): MarketingSub {
  const subs = marketingSubs(scenario);
  if (chosen && (subs as string[]).includes(chosen)) return chosen as MarketingSub;
  if (scenario.market.feedAds) return "feed";
  return subs.find((s) => s !== "feed") ?? "feed";
}

/**
 * Last week's return of one channel: spend, GMV and ROI (GMV / spend; null when nothing was spent), or
 * null when the channel did not run. For the sub-section chips (channel ROI at a glance).
 */
export function channelReturn(
  report: WeekReport | undefined,
  sub: MarketingSub,
): { spendFen: number; gmvFen: number; orders: number; roi: number | null } | null {
  if (!report) return null;
  const m = report.marketing;
  const out = (spendFen: number, gmvFen: number, orders: number) =>
    spendFen <= 0 && orders <= 0 ? null : { spendFen, gmvFen, orders, roi: spendFen > 0 ? gmvFen / spendFen : null };
  switch (sub) {
    case "feed": {
      if (m?.feed) return out(m.feed.spendFen, m.feed.gmvFen, m.feed.orders);
      const spend = report.kpis.adSpendFen - (m?.search?.spendFen ?? 0);
      return spend > 0 ? { spendFen: spend, gmvFen: spend * report.kpis.roas, orders: 0, roi: report.kpis.roas } : null;
    }
    case "search":
      return m?.search ? out(m.search.spendFen, m.search.gmvFen, m.search.orders) : null;
    case "kol": {
      if (!m || (m.kols.length === 0 && m.kolCarry.orders === 0)) return null;
      const fee = m.kols.reduce((a, k) => a + k.feeFen, 0);
      const gmv = m.kols.reduce((a, k) => a + k.gmvFen, 0) + m.kolCarry.gmvFen;
      const orders = m.kols.reduce((a, k) => a + k.orders, 0) + m.kolCarry.orders;
      return out(fee, gmv, orders);
    }
    case "content": {
      if (!m || m.content.length === 0) return null;
      return out(
        m.content.reduce((a, c) => a + c.costFen, 0),
        m.content.reduce((a, c) => a + c.gmvFen, 0),
        m.content.reduce((a, c) => a + c.orders, 0),
      );
    }
    case "community":
      return m?.community && m.community.activity !== "none"
        ? out(m.community.costFen, m.community.gmvFen, m.community.orders)
        : null;
  }
}

// ---------- paid search ----------

export interface KeywordEstimate {
  keyword: string;
  /** Searches a day (with the seeding lift), before seasonality. */
  volume: number;
  /** Competitors bidding on it and their highest bid (fen). */
  rivals: number;
  topBidFen: number;
  inTitle: boolean;
  /** Quality factor of our ad on it (1 = an average listing). */
  quality: number;
  /** Expected position (0 = not shown) and price per click at an average day's competition. */
  position: number;
  cpcFen: number;
  clicksPerDay: number;
  costPerDayFen: number;
}

/** Expected outcome of one keyword bid, at the competitors' listed bids with average quality. */
export function estimateKeyword(
  scenario: Scenario,
  state: GameState,
  skuId: string,
  keyword: string,
  bidFen: number,
): KeywordEstimate {
  const sa = scenario.market.searchAds;
  const spec = sa?.keywords.find((k) => k.keyword === keyword);
  const kw = scenario.market.keywords.find((k) => k.id === keyword);
  const sku = state.skus.find((k) => k.id === skuId);
  const bids = spec?.competitorBidsFen ?? [];
  const inTitle = sku?.title.includes(keyword) ?? false;
  const quality = sku ? searchQuality(inTitle, sku.ctrIndex, sku.cvrIndex) : 0;
  const volume = (kw?.dailySearches ?? 0) * searchVolumeLift(state, scenario);
  const a = bidFen > 0 && sa ? gspAuction(bidFen, quality, bids, sa.minBidFen) : { position: 0, cpcFen: 0 };
  const clicksPerDay = a.position > 0 ? volume * searchAdCtr(a.position) * (sku?.ctrIndex ?? 1) : 0;
  return {
    keyword,
    volume,
    rivals: bids.length,
    topBidFen: bids.reduce((m, b) => Math.max(m, b), 0),
    inTitle,
    quality,
    position: a.position,
    cpcFen: a.cpcFen,
    clicksPerDay,
    costPerDayFen: clicksPerDay * a.cpcFen,
  };
}

export interface CampaignEstimate {
  keywords: KeywordEstimate[];
  clicksPerDay: number;
  costPerDayFen: number;
  /** True when the daily budget caps the clicks the bids would win. */
  budgetLimited: boolean;
}

/** The whole campaign a day: the platform paces all keywords alike when the budget is short. */
export function estimateSearchCampaign(
  scenario: Scenario,
  state: GameState,
  c: { sku: string; dailyBudgetFen: number; bids: readonly { keyword: string; bidFen: number }[] },
): CampaignEstimate {
  const keywords = c.bids.map((b) => estimateKeyword(scenario, state, c.sku, b.keyword, b.bidFen));
  const wanted = keywords.reduce((a, k) => a + k.costPerDayFen, 0);
  const pace = wanted > 0 ? Math.min(1, c.dailyBudgetFen / wanted) : 0;
  return {
    keywords,
    clicksPerDay: keywords.reduce((a, k) => a + k.clicksPerDay, 0) * pace,
    costPerDayFen: wanted * pace,
    budgetLimited: wanted > c.dailyBudgetFen,
  };
}

/** Next bid when stepping: below the reserve price a bid is off (0); from off, + jumps to the reserve. */
export function stepBid(current: number, dir: 1 | -1, step: number, minBidFen: number): number {
  if (dir > 0) return current <= 0 ? minBidFen : current + step;
  const next = current - step;
  return next < minBidFen ? 0 : next;
}

// ---------- KOL roster ----------

export interface KolFacts {
  tier: KolTier;
  /** Typical engagement for the platform and follower tier (what a real account of that size gets). */
  typicalEngagement: number;
  /** Interactions per post one can expect from the visible engagement. */
  interactionsPerPost: number;
  /** Share of the audience in the shop's market segments (the rest is outside the category). */
  inMarket: number;
  feePerInteractionFen: number;
}

export function kolFacts(k: {
  platform: SocialPlatform;
  followers: number;
  realEngagement: number;
  feeFen: number;
  audience: Record<string, number>;
}): KolFacts {
  const interactions = k.followers * k.realEngagement;
  return {
    tier: kolTier(k.followers),
    typicalEngagement: engagementBenchmark(k.platform, k.followers),
    interactionsPerPost: interactions,
    inMarket: Math.min(
      1,
      Object.values(k.audience).reduce((a, b) => a + b, 0),
    ),
    feePerInteractionFen: interactions > 0 ? k.feeFen / interactions : 0,
  };
}

// ---------- own content and community ----------

export interface ContentLoad {
  /** Content hours a week the plan needs and the team has. */
  hours: number;
  capacity: number;
  /** Cash a week of the plan costs: posts and the community activity. */
  costFen: number;
}

export function contentLoad(scenario: Scenario, state: GameState): ContentLoad {
  const mk = state.marketing;
  let cost = scenario.market.community ? COMMUNITY[mk.community.activity].costFen : 0;
  for (const plan of Object.values(mk.content)) if (plan) cost += contentCostFen(plan.format, plan.postsPerWeek);
  return {
    hours: contentHours(mk.content, mk.community.activity),
    capacity: contentCapacity(scenario, state),
    costFen: cost,
  };
}

/** A plan's hours and cash a week on one platform. */
export function platformLoad(format: ContentFormat, posts: number): { hours: number; costFen: number } {
  return { hours: posts * CONTENT_HOURS[format], costFen: contentCostFen(format, posts) };
}

/** Hours and cash a week of a community activity. */
export function communityLoad(activity: CommunityActivity): { hours: number; costFen: number } {
  return { hours: COMMUNITY[activity].hours, costFen: COMMUNITY[activity].costFen };
}

export type { CommunityActivity, ContentFormat, SocialPlatform };

// ---------- private domain ----------

export interface PrivateOutlook {
  members: number;
  activeCustomers: number;
  /** Share of new buyers expected to join with the card and coupon. */
  joinShare: number;
  /** Share of members who visit after one push at this frequency. */
  pushResponse: number;
  /** Share and number of members expected to unsubscribe this week. */
  unsubscribeShare: number;
  unsubscribers: number;
  /** Members' visits a week from pushes (response × pushes × members). */
  pushVisits: number;
}

export function privateOutlook(
  state: GameState,
  s: { insertCard: boolean; inviteCouponFen: number; pushesPerWeek: number },
): PrivateOutlook {
  const c = state.customers;
  const members = memberCount(c);
  const unsub = s.pushesPerWeek > 0 ? unsubscribeShare(s.pushesPerWeek) : 0;
  const resp = pushResponse(s.pushesPerWeek);
  return {
    members,
    activeCustomers: aliveCount(c),
    joinShare: joinShare(s.insertCard, s.inviteCouponFen),
    pushResponse: resp,
    unsubscribeShare: unsub,
    unsubscribers: Math.round(members * unsub),
    pushVisits: Math.round(members * resp * s.pushesPerWeek),
  };
}

// ---------- product lifecycle ----------

/**
 * The demand curve of a Bass market week by week (rate relative to its peak, 0–1), from a brand-new
 * product to saturation, and the index of the week matching adopted share `adopted`.
 */
export function bassCurve(p: number, q: number, adopted: number, samples = 120): { points: number[]; at: number } {
  const peak = bassPeak(p, q);
  // Week by week until the market is nearly saturated (or ~40 years), then sampled down.
  const rates: number[] = [];
  let f = 0;
  let at = -1;
  for (let i = 0; i < 2000; i++) {
    if (at < 0 && f >= adopted) at = i;
    rates.push(peak > 0 ? bassRate(p, q, f) / peak : 0);
    f = Math.min(1, f + bassRate(p, q, f));
    if (f > 0.97 && at >= 0) break;
  }
  if (at < 0) at = rates.length - 1;
  const n = Math.min(samples, rates.length);
  const points: number[] = [];
  for (let k = 0; k < n; k++) points.push(rates[Math.round((k * (rates.length - 1)) / Math.max(1, n - 1))] ?? 0);
  return { points, at: Math.round((at * (n - 1)) / Math.max(1, rates.length - 1)) };
}

// ---------- compact counts ----------

/** 68000 → {key:"wan", n:"6.8"} (zh) or {key:"k", n:"68"} (en); small numbers → null (use group()). */
export function compactParts(n: number, lang: "zh-CN" | "en"): { unit: "wan" | "k" | "m"; value: number } | null {
  if (lang === "zh-CN") return n >= 10_000 ? { unit: "wan", value: n / 10_000 } : null;
  if (n >= 1_000_000) return { unit: "m", value: n / 1_000_000 };
  if (n >= 10_000) return { unit: "k", value: n / 1_000 };
  return null;
}
