// Marketing channels (P2.1a–c, P2.2a–c, PX.b): pure formulas and the state slice `state.marketing`.
// Info-flow ads with learning, carryover (adstock) and saturation (Hill); paid search as a generalised
// second-price auction; a KOL/KOC roster; own content per platform; a user community; Xiaohongshu
// seeding that lifts later search volume. The daily flow that draws random numbers is in sim/marketing.ts.

import type { Decision, DecisionError } from "../decisions";
import { clamp, exp, pow } from "../detmath";
import {
  COMMUNITY,
  COMMUNITY_LOYALTY_PER_ENGAGEMENT,
  CONTENT_COST_FEN,
  CONTENT_DISCOVERY,
  CONTENT_HOURS,
  CONTENT_INTERACTION,
  CONTENT_REACH_RATE,
  ENGAGEMENT_BENCHMARK,
  FEED_CTR_MAX,
  FEED_HILL_SHAPE,
  FEED_LEARN_CONVERSIONS,
  FEED_LEARN_CPM_START,
  FEED_LEARN_CTR_START,
  FEED_SEARCH_LIFT_MAX,
  FORMAT_FIT,
  IMAGE_CTR,
  KOL_PRICE_EXP,
  KOL_PRICE_PIVOT_FEN,
  KOL_REACH_RATE,
  SEARCH_AD_CTR,
  SEARCH_AD_OFFTITLE_RELEVANCE,
  SEARCH_QS_W,
  SEEDING_HALF,
  SEEDING_LIFT_MAX,
  SERIES_GAIN,
  SERIES_ONE_OFF,
  SERIES_RAMP,
  VISITS_PER_INTERACTION,
} from "../model";
import type { Scenario } from "../scenario-schema";
import type { GameState } from "../types";
import { teamHours } from "./team";

export const SOCIAL_PLATFORMS = ["douyin", "xiaohongshu", "weibo", "wechat"] as const;
export type SocialPlatform = (typeof SOCIAL_PLATFORMS)[number];
export const CONTENT_FORMATS = ["article", "video", "live"] as const;
export type ContentFormat = (typeof CONTENT_FORMATS)[number];
export const COMMUNITY_ACTIVITIES = ["none", "topics", "stories", "events"] as const;
export type CommunityActivity = (typeof COMMUNITY_ACTIVITIES)[number];

// ---------- state slice ----------

export interface FeedCampaign {
  /** Adstock of the daily budget (fen/day): A_t = x_t + λ·A_{t−1}, updated at each week's start. */
  adstockFen: number;
  /** Orders the campaign has converted so far (drives learning); reset when targeting changes. */
  conversions: number;
  /** Target and SKU the learning belongs to. */
  target: string;
  sku: string;
  /** Budget of last week (a large change is a "significant edit" that costs learning). */
  lastBudgetFen: number;
}

export interface SearchCampaign {
  sku: string;
  dailyBudgetFen: number;
  bids: { keyword: string; bidFen: number }[];
  /** Adstock of paid-search visitors per day (carryover λ = 0.2). */
  carry: number;
}

export interface ContentPlan {
  postsPerWeek: number;
  format: ContentFormat;
  series: boolean;
  followers: number;
  /** Consecutive weeks the platform has run a series in this format. */
  seriesWeeks: number;
}

export interface MarketingState {
  feed: FeedCampaign;
  search: SearchCampaign;
  /** KOL posts booked for this week (cleared at the week's end). */
  hires: { kol: string; sku: string }[];
  /** Per KOL: adstock of their posts for us (audience fatigue), decays 0.4 a week. */
  kolFatigue: Record<string, number>;
  /** Per SKU: adstock of KOL visitors per day (carryover λ = 0.4). */
  kolCarry: Record<string, number>;
  content: Partial<Record<SocialPlatform, ContentPlan>>;
  community: { activity: CommunityActivity; members: number; engagement: number };
  /** Xiaohongshu seeding stock: real interactions on xiaohongshu, decaying (PX.b). */
  seeding: number;
}

export function newMarketingState(scenario: Scenario): MarketingState {
  const m = scenario.market;
  const content: Partial<Record<SocialPlatform, ContentPlan>> = {};
  for (const p of m.content?.platforms ?? []) {
    content[p.platform] = {
      postsPerWeek: 0,
      format: "article",
      series: false,
      followers: p.startFollowers,
      seriesWeeks: 0,
    };
  }
  return {
    feed: { adstockFen: 0, conversions: 0, target: scenario.start.ads.target, sku: "", lastBudgetFen: 0 },
    search: { sku: scenario.skus[0]?.id ?? "", dailyBudgetFen: 0, bids: [], carry: 0 },
    hires: [],
    kolFatigue: {},
    kolCarry: {},
    content,
    community: { activity: "none", members: m.community?.startMembers ?? 0, engagement: 0 },
    seeding: 0,
  };
}

// ---------- week report ----------

export interface FeedWeekReport {
  budgetFen: number;
  spendFen: number;
  impressions: number;
  clicks: number;
  /** Observed click rate: clicks / impressions. */
  ctr: number;
  cpcFen: number;
  /** Effective CPM paid this week (fen). */
  cpmFen: number;
  /** Learning progress 0–1 at the week's start. */
  learning: number;
  adstockFen: number;
  /** Share of the unsaturated response left at this adstock (1 = no saturation). */
  saturation: number;
  orders: number;
  gmvFen: number;
  roas: number;
}

export interface SearchKeywordReport {
  keyword: string;
  bidFen: number;
  quality: number;
  /** Mean ad position on days shown (0 = never shown). */
  position: number;
  cpcFen: number;
  impressions: number;
  clicks: number;
}

export interface SearchWeekReport {
  sku: string;
  budgetFen: number;
  spendFen: number;
  clicks: number;
  carryVisitors: number;
  cpcFen: number;
  ctr: number;
  orders: number;
  gmvFen: number;
  roas: number;
  keywords: SearchKeywordReport[];
}

export interface KolWeekReport {
  kol: string;
  platform: SocialPlatform;
  sku: string;
  feeFen: number;
  followers: number;
  reach: number;
  /** Real interactions (likes, comments, saves by real people). */
  interactions: number;
  /** Real interactions / followers (comparable with the claimed engagement): what inflated followers cannot fake. */
  interactionRate: number;
  claimedEngagement: number;
  visitors: number;
  orders: number;
  gmvFen: number;
  /** GMV / fee. */
  roi: number;
}

export interface ContentWeekReport {
  platform: SocialPlatform;
  format: ContentFormat;
  series: boolean;
  posts: number;
  hours: number;
  costFen: number;
  reads: number;
  interactions: number;
  interactionRate: number;
  visitors: number;
  orders: number;
  gmvFen: number;
  followers: number;
  followerGain: number;
  /** Format fit × series quality. */
  quality: number;
}

export interface CommunityWeekReport {
  activity: CommunityActivity;
  members: number;
  engagement: number;
  joined: number;
  visitors: number;
  orders: number;
  gmvFen: number;
  costFen: number;
  /** Multiplier domain D's repurchase may use (1 = none). */
  loyalty: number;
}

export interface MarketingWeekReport {
  feed?: FeedWeekReport;
  search?: SearchWeekReport;
  kols: KolWeekReport[];
  /** Visitors and orders from earlier KOL posts' tail (carryover). */
  kolCarry: { visitors: number; orders: number; gmvFen: number };
  content: ContentWeekReport[];
  community?: CommunityWeekReport;
  contentHours: { used: number; capacity: number };
  /** Xiaohongshu seeding stock and the organic-search lift it gives this week (PX.b). */
  seeding: { stock: number; searchLift: number };
}

// ---------- carryover and saturation (P2.1a) ----------

/** Adstock: A_t = x_t + λ·A_{t−1}. */
export function adstockStep(prev: number, x: number, lambda: number): number {
  return x + lambda * prev;
}

/** Hill saturation 1 / (1 + (A/EC50)^−s) (LightweightMMM's form); 0 at A = 0, ½ at EC50. */
export function hill(a: number, ec50: number, shape: number): number {
  if (a <= 0 || ec50 <= 0) return 0;
  return 1 / (1 + pow(a / ec50, -shape));
}

/**
 * Expected paid visitors per day from a channel with adstock `a` (fen/day): clicksPerFen · (1 − λ) · EC50 · H(A).
 * With shape 1 and small spend this is clicksPerFen · spend (the plain CPM/CTR arithmetic); it saturates at
 * clicksPerFen · (1 − λ) · EC50.
 */
export function paidResponse(a: number, ec50: number, shape: number, lambda: number, clicksPerFen: number): number {
  return clicksPerFen * (1 - lambda) * ec50 * hill(a, ec50, shape);
}

/** Response at adstock `a` relative to the unsaturated linear response clicksPerFen · (1 − λ) · A (≤ 1). */
export function saturationShare(a: number, ec50: number, shape: number): number {
  if (a <= 0) return 1;
  return (ec50 * hill(a, ec50, shape)) / a;
}

// ---------- info-flow ads: learning and creative (P2.1a) ----------

/** Learning progress 0–1 from the campaign's conversions: 1 − e^(−n/50). */
export function learningProgress(conversions: number): number {
  return 1 - exp(-Math.max(0, conversions) / FEED_LEARN_CONVERSIONS);
}

export interface FeedEfficiency {
  ctr: number;
  cpmFen: number;
  clicksPerFen: number;
}

/** Click rate and CPM of a feed campaign: creative (main image), targeting and learning. */
export function feedEfficiency(p: {
  image: keyof typeof IMAGE_CTR;
  targeted: boolean;
  learning: number;
  cpmFen: number;
}) {
  const creative = IMAGE_CTR[p.image] / IMAGE_CTR.differentiated;
  const targeting = p.targeted ? 1 : 1 / 1.35;
  const learnCtr = FEED_LEARN_CTR_START + (1 - FEED_LEARN_CTR_START) * p.learning;
  const learnCpm = FEED_LEARN_CPM_START - (FEED_LEARN_CPM_START - 1) * p.learning;
  const ctr = FEED_CTR_MAX * creative * targeting * learnCtr;
  const cpmFen = p.cpmFen * learnCpm;
  const out: FeedEfficiency = { ctr, cpmFen, clicksPerFen: (ctr * 1000) / cpmFen };
  return out;
}

// ---------- paid search: quality score and GSP (P2.1a) ----------

/** Quality factor (1 = an average listing): relevance · ctrIndex^0.5 · cvrIndex^0.5. */
export function searchQuality(inTitle: boolean, ctrIndex: number, cvrIndex: number): number {
  const rel = inTitle ? 1 : SEARCH_AD_OFFTITLE_RELEVANCE;
  return rel * pow(Math.max(0.01, ctrIndex), SEARCH_QS_W.ctr) * pow(Math.max(0.01, cvrIndex), SEARCH_QS_W.cvr);
}

export interface AuctionResult {
  /** 1-based ad position, 0 if not shown (below the last slot). */
  position: number;
  /** Price per click (fen): the next ad rank below divided by our quality, + 1 fen, at most our bid. */
  cpcFen: number;
}

/**
 * Generalised second price: ad rank = bid × quality; slots in rank order; each pays the least bid that
 * would keep its rank: rank of the next ad below / own quality + 1 fen (at least the reserve price).
 */
export function gspAuction(
  bidFen: number,
  quality: number,
  competitorRanks: readonly number[],
  minBidFen: number,
): AuctionResult {
  if (bidFen < minBidFen || quality <= 0) return { position: 0, cpcFen: 0 };
  const ours = bidFen * quality;
  let above = 0;
  let nextBelow = 0;
  for (const r of competitorRanks) {
    if (r > ours) above++;
    else if (r > nextBelow) nextBelow = r;
  }
  const position = above + 1;
  if (position > SEARCH_AD_CTR.length) return { position: 0, cpcFen: 0 };
  const cpc = Math.min(bidFen, Math.max(minBidFen, Math.floor(nextBelow / quality) + 1));
  return { position, cpcFen: cpc };
}

/** Search ad CTR at a position (WordStream average 3.2%, range 2–9%). */
export function searchAdCtr(position: number): number {
  return position >= 1 ? (SEARCH_AD_CTR[position - 1] ?? 0) : 0;
}

// ---------- KOL / KOC (P2.1b) ----------

export type KolTier = "nano" | "micro" | "macro" | "mega";

export function kolTier(followers: number): KolTier {
  if (followers < 10_000) return "nano";
  if (followers < 100_000) return "micro";
  if (followers < 1_000_000) return "macro";
  return "mega";
}

/** Typical engagement (interactions / followers) for the tier: nano 6%, micro 4%, mega 1.2%; Douyin higher. */
export function engagementBenchmark(platform: SocialPlatform, followers: number): number {
  const table = platform === "douyin" ? ENGAGEMENT_BENCHMARK.douyin : ENGAGEMENT_BENCHMARK.other;
  return table[kolTier(followers)];
}

export interface KolSpec {
  platform: SocialPlatform;
  followers: number;
  realEngagement: number;
  authenticity: number;
  feeFen: number;
  audience: Record<string, number>;
}

export interface KolOutcome {
  reach: number;
  interactions: number;
  /** Expected shop visitors from the post over its first week. */
  visitors: number;
  /** In-market share of the audience, weighted by segment fit. */
  audienceFit: number;
}

/** Audience fit: Σ audience share × segment fit (the rest of the audience is outside the category). */
export function audienceFit(audience: Record<string, number>, segments: readonly { id: string; fit: number }[]) {
  let f = 0;
  for (const g of segments) f += (audience[g.id] ?? 0) * g.fit;
  return f;
}

/** Impulse damping for pricier items: min(1, (¥100 / price)^1.9) — KOL ROI falls to ≤ 1× above ¥200. */
export function kolPriceDamping(priceFen: number): number {
  if (priceFen <= KOL_PRICE_PIVOT_FEN) return 1;
  return pow(KOL_PRICE_PIVOT_FEN / priceFen, KOL_PRICE_EXP);
}

/**
 * Expected outcome of one post: reach = followers · reachRate(platform) (views, bots included);
 * real interactions = followers · realEngagement · authenticity; visitors = real interactions ·
 * visitsPerInteraction(platform) · audienceFit · priceDamping / (1 + fatigue).
 */
export function kolOutcome(
  k: KolSpec,
  segments: readonly { id: string; fit: number }[],
  priceFen: number,
  fatigue: number,
): KolOutcome {
  const reach = k.followers * KOL_REACH_RATE[k.platform];
  const interactions = k.followers * k.realEngagement * k.authenticity;
  const fit = audienceFit(k.audience, segments);
  const visitors =
    (interactions * VISITS_PER_INTERACTION[k.platform] * fit * kolPriceDamping(priceFen)) / (1 + Math.max(0, fatigue));
  return { reach, interactions, visitors, audienceFit: fit };
}

/** What a careful player can compute from the roster: expected visitors per ¥ of fee. */
export function kolValuePerFen(k: KolSpec, segments: readonly { id: string; fit: number }[], priceFen: number): number {
  return kolOutcome(k, segments, priceFen, 0).visitors / Math.max(1, k.feeFen);
}

// ---------- own content (P2.2a–b) ----------

/** Quality multiplier of a platform's content: a series builds up, one-offs stay flat. */
export function seriesQuality(series: boolean, seriesWeeks: number): number {
  if (!series) return SERIES_ONE_OFF;
  return 1 + SERIES_GAIN * (1 - pow(SERIES_RAMP, Math.max(0, seriesWeeks)));
}

export function formatFit(platform: SocialPlatform, format: ContentFormat): number {
  return FORMAT_FIT[platform][format];
}

export interface ContentOutcome {
  readsPerPost: number;
  interactionRate: number;
  /** Shop visits per real interaction. */
  visitsPerInteraction: number;
  quality: number;
}

/** reads/post = followers·reachRate + discovery·fit·quality; interaction rate = base(format)·fit·quality. */
export function contentOutcome(
  platform: SocialPlatform,
  format: ContentFormat,
  followers: number,
  series: boolean,
  seriesWeeks: number,
): ContentOutcome {
  const fit = formatFit(platform, format);
  const q = seriesQuality(series, seriesWeeks);
  return {
    readsPerPost: followers * CONTENT_REACH_RATE[platform] + CONTENT_DISCOVERY[platform] * fit * q,
    interactionRate: clamp(CONTENT_INTERACTION[format] * fit * q, 0, 1),
    visitsPerInteraction: VISITS_PER_INTERACTION[platform],
    quality: fit * q,
  };
}

export function contentHours(plans: Partial<Record<SocialPlatform, ContentPlan>>, activity: CommunityActivity): number {
  let h = COMMUNITY[activity].hours;
  for (const p of SOCIAL_PLATFORMS) {
    const plan = plans[p];
    if (plan) h += plan.postsPerWeek * CONTENT_HOURS[plan.format];
  }
  return h;
}

export function contentCostFen(format: ContentFormat, posts: number): number {
  return CONTENT_COST_FEN[format] * posts;
}

// ---------- community (P2.1c, P2.2c) ----------

/** Repurchase multiplier from community engagement (for domain D's repurchase model; 1 = none). */
export function communityLoyalty(state: { marketing?: MarketingState }): number {
  const e = state.marketing?.community.engagement ?? 0;
  return 1 + COMMUNITY_LOYALTY_PER_ENGAGEMENT * e;
}

// ---------- cross-channel: Xiaohongshu seeding lifts organic search (PX.b) ----------

/** Multiplier on keyword search volume: 1 + 0.3 · S / (S + 6000), S = seeding stock at last week's end. */
export function seedingLift(stock: number): number {
  if (stock <= 0) return 1;
  return 1 + (SEEDING_LIFT_MAX * stock) / (stock + SEEDING_HALF);
}

/**
 * PX.b: feed-ad exposure sends some of the people who saw the ad to search for the product later
 * (view-through searches): 1 + FEED_SEARCH_LIFT_MAX · H(A), A the feed campaign's adstock at the week's start,
 * H its Hill saturation (the same as its clicks). Display ads lift the advertiser's searches by 30–45%
 * (Lewis & Nguyen 2015, Quantitative Marketing and Economics 13(2)).
 */
export function feedSearchLift(adstockFen: number, ec50Fen: number): number {
  if (adstockFen <= 0 || ec50Fen <= 0) return 1;
  return 1 + FEED_SEARCH_LIFT_MAX * hill(adstockFen, ec50Fen, FEED_HILL_SHAPE);
}

/** Search-volume multiplier for a state (1 for states and scenarios without marketing data). PX.b */
export function searchVolumeLift(state: { marketing?: MarketingState }, scenario?: Scenario): number {
  const feedAds = scenario?.market.feedAds;
  const feed = feedAds ? feedSearchLift(state.marketing?.feed.adstockFen ?? 0, feedAds.ec50Fen) : 1;
  return seedingLift(state.marketing?.seeding ?? 0) * feed;
}

// ---------- decisions: checks and application (called from validate.ts) ----------

export type MarketingDecision = Extract<Decision, { type: "setSearchAds" | "hireKol" | "setContent" | "setCommunity" }>;

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;
const fail = (key: string, params: Record<string, string | number>, message: string): DecisionError => ({
  key,
  params,
  message,
});

/** Content hours a week: the scenario's own capacity plus the team's content staff (domain B). PX.c */
export function contentCapacity(scenario: Scenario, state: GameState): number {
  const base = scenario.market.content?.hoursPerWeek ?? 0;
  const team = (state as Partial<GameState>).team;
  return base + (team ? teamHours(state, "content") : 0);
}

/** Cash a week of the community activity costs (fen). */
export function communityCostFen(activity: CommunityActivity): number {
  return COMMUNITY[activity].costFen;
}

/** Null if the marketing decision can be applied to `state`, else why not. */
export function checkMarketingDecision(
  scenario: Scenario,
  state: GameState,
  d: MarketingDecision,
): DecisionError | null {
  const m = scenario.market;
  const mk = state.marketing;
  switch (d.type) {
    case "setSearchAds": {
      const sa = m.searchAds;
      if (!sa) return fail("err.noChannel", { channel: "searchAds" }, "this market has no search ads");
      const seen = new Set<string>();
      for (const b of d.bids) {
        if (!sa.keywords.some((k) => k.keyword === b.keyword))
          return fail("err.searchKeyword", { keyword: b.keyword }, `"${b.keyword}" is not an auctioned keyword`);
        if (seen.has(b.keyword))
          return fail("err.duplicateKeyword", { keyword: b.keyword }, `keyword "${b.keyword}" is bid on twice`);
        seen.add(b.keyword);
        if (b.bidFen < sa.minBidFen)
          return fail(
            "err.bidTooLow",
            { keyword: b.keyword, bidFen: b.bidFen, minFen: sa.minBidFen },
            `the bid on "${b.keyword}" is below the reserve price ${yuan(sa.minBidFen)}`,
          );
      }
      const weekly = d.dailyBudgetFen * 7;
      if (weekly > state.cashFen)
        return fail(
          "err.adsCash",
          { needFen: weekly, haveFen: state.cashFen },
          `a week of this budget costs ${yuan(weekly)} but the shop has ${yuan(state.cashFen)}`,
        );
      return null;
    }
    case "hireKol": {
      const kol = m.kols?.find((k) => k.id === d.kol);
      if (!kol) return fail("err.unknownKol", { kol: d.kol }, `"${d.kol}" is not on the KOL roster`);
      if (mk.hires.some((h) => h.kol === d.kol))
        return fail("err.kolTwice", { kol: d.kol }, `"${d.kol}" is already booked this week`);
      const booked = mk.hires.reduce((a, h) => a + (m.kols?.find((k) => k.id === h.kol)?.feeFen ?? 0), 0);
      if (booked + kol.feeFen > state.cashFen)
        return fail(
          "err.cash",
          { needFen: booked + kol.feeFen, haveFen: state.cashFen },
          `this week's KOL fees come to ${yuan(booked + kol.feeFen)} but the shop has ${yuan(state.cashFen)}`,
        );
      return null;
    }
    case "setContent": {
      if (!m.content?.platforms.some((p) => p.platform === d.platform))
        return fail("err.unknownPlatform", { platform: d.platform }, `the shop has no account on ${d.platform}`);
      const plans = { ...mk.content };
      const old = plans[d.platform];
      if (old) plans[d.platform] = { ...old, postsPerWeek: d.postsPerWeek, format: d.format };
      return checkHours(scenario, state, contentHours(plans, mk.community.activity));
    }
    case "setCommunity": {
      if (!m.community) return fail("err.noChannel", { channel: "community" }, "this shop has no community");
      const cost = communityCostFen(d.activity);
      if (cost > state.cashFen)
        return fail(
          "err.cash",
          { needFen: cost, haveFen: state.cashFen },
          `a week of this activity costs ${yuan(cost)} but the shop has ${yuan(state.cashFen)}`,
        );
      return checkHours(scenario, state, contentHours(mk.content, d.activity));
    }
  }
}

/** A plan may not need more content hours than the week has, unless it needs no more than before. */
function checkHours(scenario: Scenario, state: GameState, need: number): DecisionError | null {
  const capacity = contentCapacity(scenario, state);
  const current = contentHours(state.marketing.content, state.marketing.community.activity);
  if (need <= capacity || need <= current) return null;
  return fail(
    "err.contentHours",
    { need, capacity },
    `this content plan needs ${need} content hours a week; the team has ${capacity}`,
  );
}

/** Applies a checked marketing decision to `state` in place. */
export function applyMarketingDecision(state: GameState, d: MarketingDecision): void {
  const mk = state.marketing;
  switch (d.type) {
    case "setSearchAds":
      mk.search = {
        sku: d.sku,
        dailyBudgetFen: d.dailyBudgetFen,
        bids: d.bids.map((b) => ({ keyword: b.keyword, bidFen: b.bidFen })),
        carry: mk.search.carry,
      };
      return;
    case "hireKol":
      mk.hires.push({ kol: d.kol, sku: d.sku });
      return;
    case "setContent": {
      const plan = mk.content[d.platform];
      if (!plan) return;
      // A series keeps its momentum only while it continues in the same format.
      if (!d.series || d.format !== plan.format || d.postsPerWeek === 0) plan.seriesWeeks = 0;
      plan.postsPerWeek = d.postsPerWeek;
      plan.format = d.format;
      plan.series = d.series;
      return;
    }
    case "setCommunity":
      mk.community.activity = d.activity;
      return;
  }
}

/** True if the scenario defines any marketing channel beyond the simple ads (the week report then has `marketing`). */
export function hasMarketingChannels(scenario: Scenario): boolean {
  const m = scenario.market;
  return !!(m.feedAds || m.searchAds || (m.kols && m.kols.length > 0) || m.content || m.community);
}

/** Cross-references of the marketing market data: [path, reason] pairs for parseScenario. */
export function checkMarketingScenario(sc: Scenario): [string, string][] {
  const out: [string, string][] = [];
  const m = sc.market;
  const segIds = new Set(m.segments.map((g) => g.id));
  const seenKw = new Set<string>();
  m.searchAds?.keywords.forEach((k, i) => {
    const kw = m.keywords.find((x) => x.id === k.keyword);
    if (!kw) out.push([`market.searchAds.keywords.${i}.keyword`, `unknown keyword "${k.keyword}"`]);
    else if (kw.kind !== "core")
      out.push([`market.searchAds.keywords.${i}.keyword`, `"${k.keyword}" is not a core (searched) keyword`]);
    if (seenKw.has(k.keyword)) out.push([`market.searchAds.keywords.${i}.keyword`, `"${k.keyword}" is listed twice`]);
    seenKw.add(k.keyword);
  });
  const seenKol = new Set<string>();
  m.kols?.forEach((k, i) => {
    if (seenKol.has(k.id)) out.push([`market.kols.${i}.id`, `KOL id "${k.id}" is used twice`]);
    seenKol.add(k.id);
    let total = 0;
    for (const [g, share] of Object.entries(k.audience)) {
      if (!segIds.has(g)) out.push([`market.kols.${i}.audience.${g}`, `unknown segment "${g}"`]);
      total += share;
    }
    if (total > 1.001) out.push([`market.kols.${i}.audience`, `audience shares sum to ${total.toFixed(3)}, above 1`]);
    if (k.realEngagement > k.claimedEngagement + 1e-9)
      out.push([`market.kols.${i}.realEngagement`, "real engagement cannot exceed the claimed engagement"]);
  });
  const seenPf = new Set<string>();
  m.content?.platforms.forEach((p, i) => {
    if (seenPf.has(p.platform)) out.push([`market.content.platforms.${i}.platform`, `"${p.platform}" is listed twice`]);
    seenPf.add(p.platform);
  });
  return out;
}
