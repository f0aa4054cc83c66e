// Reference strategies ("bots"). A policy is a pure function of what the player can see: the
// scenario, the current state and the past week reports. Never keyed to a seed, so balance
// measured over many seeds means something.
import type { Decision } from "./decisions";
import { unitCostFor } from "./levers";
import { TITLE_MAX_CHARS } from "./model";
import { textbookOps } from "./ops-policy";
import { createStreams, openStreams } from "./rng";
import type { Scenario } from "./scenario-schema";
import { estimatePromotion } from "./sim/commerce";
import { clearancePriceFor, isListed } from "./sim/lifecycle";
import { sharedKeywords, substitutability } from "./systems/lifecycle";
import { calendarDay, seasonality } from "./systems/market";
import { type ContentFormat, kolValuePerFen, type SocialPlatform } from "./systems/marketing";
import type { DetailSection, GameState, SkuState, WeekReport } from "./types";
import { applyDecision, parseDecision } from "./validate";

export type Policy = (scenario: Scenario, state: GameState, reports: readonly WeekReport[]) => Decision[];

/** Adds decisions that still fit (hours, cash) to a plan, in priority order. */
class Plan {
  readonly decisions: Decision[] = [];
  private readonly draft: GameState;
  constructor(
    private readonly scenario: Scenario,
    state: GameState,
  ) {
    this.draft = structuredClone(state);
  }
  get state(): GameState {
    return this.draft;
  }
  try(d: Decision): boolean {
    const r = parseDecision(this.scenario, this.draft, d);
    if (!r.ok) return false;
    applyDecision(this.scenario, this.draft, r.decision);
    this.decisions.push(r.decision);
    return true;
  }
}

/** Core keywords with the best searches-to-competition trade-off, a selling point, one marketing word. */
export function textbookTitle(scenario: Scenario): string[] {
  const kws = scenario.market.keywords;
  const core = kws
    .filter((k) => k.kind === "core")
    .sort((a, b) => b.dailySearches * (1 - b.competition) - a.dailySearches * (1 - a.competition));
  const title: string[] = [];
  let chars = 0;
  const push = (id: string, c: number) => {
    title.push(id);
    chars += c;
  };
  const selling = kws.filter((k) => k.kind === "selling").sort((a, b) => a.chars - b.chars)[0];
  const marketing = kws.filter((k) => k.kind === "marketing").sort((a, b) => a.chars - b.chars)[0];
  const reserve = (selling?.chars ?? 0) + (marketing?.chars ?? 0);
  for (const k of core) {
    if (title.length >= 3) break;
    if (chars + k.chars + reserve <= TITLE_MAX_CHARS) push(k.id, k.chars);
  }
  if (selling) push(selling.id, selling.chars);
  if (marketing) push(marketing.id, marketing.chars);
  return title;
}

/** The lecture's page: pain point → solution → trust → purchase guide, then content that answers doubts. */
export const TEXTBOOK_DETAIL: DetailSection[] = [
  "painPoint",
  "solution",
  "trust",
  "purchaseGuide",
  "video",
  "reviews",
  "comparison",
];

/** Largest price ending in 9 yuan at or below `fen` (¥91.08 → ¥89). */
export function charmPriceBelow(fen: number): number {
  const yuan = Math.floor((Math.floor(fen / 100) + 1) / 10) * 10 - 1;
  return Math.max(1, yuan) * 100;
}

/** The highest ¥x.90 price at or below `fen` (a charm price ending in 9 jiao). */
export function charmJiaoBelow(fen: number): number {
  return Math.max(90, Math.floor((fen - 90) / 100) * 100 + 90);
}

function avgDailySales(state: GameState, skuId: string): number {
  const sku = state.skus.find((k) => k.id === skuId);
  return sku ? sku.recentSales.reduce((a, b) => a + b, 0) / 7 : 0;
}

/** Orders up to cover lead time plus two weeks of expected sales (periodic review). */
function reorderToCover(plan: Plan, scenario: Scenario, state: GameState, skuId: string, fallbackDaily: number): void {
  const spec = scenario.skus.find((k) => k.id === skuId);
  const sku = plan.state.skus.find((k) => k.id === skuId);
  if (!spec || !sku) return;
  const daily = Math.max(eventFreeDailySales(scenario, state, skuId), state.week < 2 ? fallbackDaily : 0);
  const weeksLeft = scenario.weeks - state.week;
  const coverDays = Math.min(spec.supplier.leadDays + 14, weeksLeft * 7);
  // A platform event before this order can arrive eats into the stock on hand (with a margin for its flash sale).
  const today = state.week * 7;
  const eventBefore = (scenario.market.calendar ?? [])
    .filter((e) => e.startDay - 1 >= today && e.startDay - 1 < today + spec.supplier.leadDays)
    .reduce((a, e) => a + daily * (e.trafficMult - 1) * (e.endDay - e.startDay + 1) * 2.5, 0);
  const position = sku.stock + sku.pipeline.reduce((a, p) => a + p.qty, 0) - Math.ceil(eventBefore);
  // Safety stock: more while a long game is young (a stockout costs ranking for weeks), less towards the end,
  // where what is left goes to a liquidator (newsvendor: the last weeks order about the expected demand).
  const safety = weeksLeft > 8 ? 1.6 : weeksLeft > 2 ? 1.2 : 1;
  const want = Math.ceil(daily * safety * coverDays) - position;
  if (want <= 0) return;
  // At the end, an order must arrive with days left to sell, and a minimum order mostly unsold is not worth it.
  if (weeksLeft <= 2 && (weeksLeft * 7 - spec.supplier.leadDays < 3 || want < spec.supplier.minOrder / 2)) return;
  let qty = Math.max(spec.supplier.minOrder, want);
  // Keep a cash cushion for ads and salaries.
  const budget = plan.state.cashFen - 300_000;
  while (qty >= spec.supplier.minOrder && unitCostFor(scenario, skuId, qty) * qty > budget) qty = Math.floor(qty * 0.8);
  if (qty >= spec.supplier.minOrder) plan.try({ type: "reorder", sku: skuId, qty });
}

function bestSegment(scenario: Scenario): string {
  const best = [...scenario.market.segments].sort((a, b) => b.share * b.fit - a.share * a.fit)[0];
  return best?.id ?? "broad";
}

/** Plays the way the lecture teaches, as far as this week's designer hours allow. */
export const textbook: Policy = (scenario, state, reports) => {
  const plan = new Plan(scenario, state);
  const levers = new Set(scenario.levers);
  const hero = state.skus[0];
  // P1.2a–b first: the listings worth working on (redundant ones cleared, declining ones upgraded or cleared).
  const kept = levers.has("product") ? textbookAssortment(plan, scenario, state) : listedSkus(state);
  if (levers.has("private")) textbookPrivateDomain(plan, scenario, state); // P2.3a–b
  if (levers.has("store"))
    plan.try({
      type: "setStore",
      categoryDepth: Math.min(state.store.categoryDepth, 2),
      inStoreSearch: true,
      banner: "hero",
    });
  if (levers.has("product")) {
    const title = textbookTitle(scenario);
    for (const sku of kept) plan.try({ type: "setTitle", sku: sku.id, keywords: title });
    if (hero) plan.try({ type: "setDetail", sku: hero.id, sections: TEXTBOOK_DETAIL });
  }
  if (levers.has("store")) {
    for (let lvl = plan.state.store.mobileLevel + 1; lvl <= 3; lvl++)
      if (!plan.try({ type: "setStore", mobileLevel: lvl })) break;
  }
  if (levers.has("product") && hero) plan.try({ type: "setImage", sku: hero.id, style: "differentiated" });
  if (levers.has("store")) {
    for (let lvl = plan.state.store.speedLevel + 1; lvl <= 3; lvl++)
      if (!plan.try({ type: "setStore", speedLevel: lvl })) break;
  }
  if (levers.has("product")) {
    for (const sku of kept.filter((k) => k !== hero)) {
      plan.try({ type: "setDetail", sku: sku.id, sections: TEXTBOOK_DETAIL });
      plan.try({ type: "setImage", sku: sku.id, style: "differentiated" });
    }
  }
  if (levers.has("pricing")) {
    for (const sku of kept) {
      const spec = scenario.skus.find((k) => k.id === sku.id);
      if (!spec) continue;
      // Competition-based (P1.2f): 13% below the market where rivals do not follow a cut, 8% below where they
      // do (a deeper cut there starts a price war: competitorPricing).
      // Both charm prices (P1.2f): ¥…9 just below the market, ¥….90 (e.g. ¥85.90) further below.
      const target = scenario.market.competitorPricing
        ? charmPriceBelow(Math.round(spec.marketPriceFen * 0.92))
        : charmJiaoBelow(Math.round(spec.marketPriceFen * 0.87));
      if (target > spec.unitCostFen * 1.5 && target !== sku.priceFen)
        plan.try({ type: "setPrice", sku: sku.id, priceFen: target });
    }
  }
  if (levers.has("inventory")) {
    // Before there is a sales history, plan on 8 a day for the hero product and 5 for the others.
    for (const sku of kept) reorderToCover(plan, scenario, state, sku.id, sku === hero ? 8 : 5);
    if (scenario.market.calendar) textbookEventStock(plan, scenario, state, kept); // stock up before 618 / 双11
  }
  if (levers.has("promotion")) textbookPromotions(plan, scenario, state, reports); // P1.2g
  textbookOps(scenario, state, reports, plan); // P1.3a–c, PX.a, PX.c: service, exceptions, team, feedback
  const m = scenario.market;
  const channels = m.feedAds || m.searchAds || (m.kols && m.kols.length > 0) || m.content || m.community;
  if (levers.has("marketing") && hero && channels) textbookMarketing(plan, scenario, state); // P2.1a–c, P2.2a–c, PX.b
  if (levers.has("marketing") && hero && !m.feedAds) {
    // A small, targeted budget to get the first sales and reviews (破零), then a maintenance level.
    const budget = plan.state.cashFen < 500_000 ? 0 : hero.reviewCount < 15 ? 10_000 : 4_000;
    if (budget !== state.ads.dailyBudgetFen || state.ads.target !== bestSegment(scenario)) {
      plan.try({ type: "setAds", dailyBudgetFen: budget, target: bestSegment(scenario), sku: hero.id });
    }
  }
  return plan.decisions;
};

/** A plausible beginner: leaves the shop as it came, buys broad ads, reorders only when nearly out. */
export const naive: Policy = (scenario, state) => {
  const plan = new Plan(scenario, state);
  const hero = state.skus[0];
  if (scenario.levers.includes("marketing") && hero && state.week === 0) {
    plan.try({ type: "setAds", dailyBudgetFen: 15_000, target: "broad", sku: hero.id });
  }
  if (scenario.levers.includes("marketing")) naiveMarketing(plan, scenario, state);
  if (scenario.levers.includes("promotion")) naivePromotions(plan, state); // P1.2g: a blanket discount
  if (scenario.levers.includes("inventory")) {
    for (const sku of listedSkus(state)) {
      const spec = scenario.skus.find((k) => k.id === sku.id);
      if (!spec || sku.pipeline.length > 0 || sku.stock >= 30) continue;
      let qty = Math.max(spec.supplier.minOrder, 300);
      while (qty >= spec.supplier.minOrder && unitCostFor(scenario, sku.id, qty) * qty > plan.state.cashFen)
        qty = Math.floor(qty / 2);
      if (qty >= spec.supplier.minOrder) plan.try({ type: "reorder", sku: sku.id, qty });
    }
  }
  return plan.decisions;
};

// ---------- marketing channels (domain C: P2.1a–c, P2.2a–c, PX.b) ----------

/**
 * The lecture's marketing: targeted feed ads on a moderate, stable budget (learning, below saturation); search
 * ads on long-tail keywords that are in the title, bid just above the competition; a KOL chosen by audience fit
 * and real engagement (never the same one twice in a row); a content series in each platform's native format;
 * community topics.
 */
function textbookMarketing(plan: Plan, scenario: Scenario, state: GameState): void {
  const m = scenario.market;
  const hero = plan.state.skus[0];
  if (!hero) return;
  const cash = plan.state.cashFen;
  if (m.feedAds) {
    // A fifth of the half-saturation budget a day: still on the steep part of the Hill curve (P2.1a), stable.
    const budget = cash < 500_000 ? 0 : Math.round(m.feedAds.ec50Fen / 5 / 100) * 100;
    const target = bestSegment(scenario);
    if (budget !== state.ads.dailyBudgetFen || state.ads.target !== target || state.ads.sku !== hero.id)
      plan.try({ type: "setAds", dailyBudgetFen: budget, target, sku: hero.id });
  }
  if (m.searchAds) {
    const bids = m.searchAds.keywords
      .filter((k) => hero.title.includes(k.keyword))
      .filter((k) => (m.keywords.find((x) => x.id === k.keyword)?.competition ?? 1) <= 0.5)
      .map((k) => ({ keyword: k.keyword, bidFen: Math.min(150, Math.max(...k.competitorBidsFen, 0) + 10) }))
      .filter((b) => b.bidFen >= (m.searchAds?.minBidFen ?? 0));
    const budget = cash < 500_000 || bids.length === 0 ? 0 : 10_000;
    const cur = state.marketing.search;
    if (cur.dailyBudgetFen !== budget || cur.sku !== hero.id || JSON.stringify(cur.bids) !== JSON.stringify(bids))
      plan.try({ type: "setSearchAds", sku: hero.id, dailyBudgetFen: budget, bids });
  }
  if (m.kols && m.kols.length > 0 && state.week % 2 === 0 && cash > 2_000_000) {
    const priceFen = hero.priceFen;
    const ranked = m.kols
      .filter((k) => k.feeFen <= cash * 0.04)
      .map((k) => ({
        k,
        value: kolValuePerFen(k, m.segments, priceFen) / (1 + (state.marketing.kolFatigue[k.id] ?? 0)),
      }))
      .sort((a, b) => b.value - a.value);
    const best = ranked[0];
    if (best) plan.try({ type: "hireKol", kol: best.k.id, sku: hero.id });
  }
  // P2.1c, P2.2c: a community with user stories (more participation than topics alone) when hours allow.
  if (m.community) {
    const cur = state.marketing.community.activity;
    if (cur !== "stories" && !plan.try({ type: "setCommunity", activity: "stories" }) && cur !== "topics")
      plan.try({ type: "setCommunity", activity: "topics" });
  }
  if (m.content) {
    // Each platform's native format, as a series, starting with the best-fitting one, as hours allow; then
    // more notes on the best-fitting platform while the content hours last (P2.2a–b).
    const wanted: { platform: SocialPlatform; format: ContentFormat; posts: number }[] = [
      { platform: "xiaohongshu", format: "article", posts: 3 },
      { platform: "douyin", format: "video", posts: 1 },
    ];
    for (const w of wanted) {
      const cur = state.marketing.content[w.platform];
      if (!cur) continue;
      if (cur.postsPerWeek === w.posts && cur.format === w.format && cur.series) continue;
      plan.try({ type: "setContent", platform: w.platform, postsPerWeek: w.posts, format: w.format, series: true });
    }
    const xhs = plan.state.marketing.content.xiaohongshu;
    if (xhs && xhs.format === "article" && xhs.series)
      for (let n = xhs.postsPerWeek + 1; n <= 6; n++)
        if (
          !plan.try({ type: "setContent", platform: "xiaohongshu", postsPerWeek: n, format: "article", series: true })
        )
          break;
  }
}

/**
 * A beginner's marketing (the broad feed ads are set in `naive`): bids on the biggest keyword, books the KOL with
 * the most followers now and then, posts one-off articles on Douyin, leaves the community alone.
 */
function naiveMarketing(plan: Plan, scenario: Scenario, state: GameState): void {
  const m = scenario.market;
  const hero = plan.state.skus[0];
  if (!hero) return;
  if (m.searchAds && state.week === 0) {
    const top = [...m.searchAds.keywords].sort(
      (a, b) =>
        (m.keywords.find((x) => x.id === b.keyword)?.dailySearches ?? 0) -
        (m.keywords.find((x) => x.id === a.keyword)?.dailySearches ?? 0),
    )[0];
    if (top)
      plan.try({
        type: "setSearchAds",
        sku: hero.id,
        dailyBudgetFen: 10_000,
        bids: [{ keyword: top.keyword, bidFen: 250 }],
      });
  }
  if (m.kols && m.kols.length > 0 && state.week % 8 === 0) {
    const biggest = [...m.kols].sort((a, b) => b.followers - a.followers)[0];
    if (biggest && biggest.feeFen * 3 <= plan.state.cashFen)
      plan.try({ type: "hireKol", kol: biggest.id, sku: hero.id });
  }
  if (m.content && state.week === 0 && state.marketing.content.douyin)
    plan.try({ type: "setContent", platform: "douyin", postsPerWeek: 3, format: "article", series: false });
}

// ---------- customers, private domain, lifecycle, assortment (domain D: P2.3a–b, P1.2a–b) ----------

/** SKUs currently listed (launched and not delisted). */
export function listedSkus(state: GameState): SkuState[] {
  return state.skus.filter((k) => isListed(state, k.id));
}

/**
 * P1.2a, P1.2b as the lecture teaches: put the redundant twin of a listing on clearance (it is delisted
 * when sold out), upgrade a declining product while there is time (else clear it), restock a launched
 * product. Returns the listings worth working on this week (listed, not on clearance).
 */
function textbookAssortment(plan: Plan, scenario: Scenario, state: GameState): SkuState[] {
  const listed = listedSkus(state);
  const title = textbookTitle(scenario);
  const clearing = new Set(listed.filter((k) => isClearingNow(state, k)).map((k) => k.id));
  // Redundant twins: substitutes that would meet on the same keywords; keep the better seller (earlier on ties).
  listed.forEach((a, i) => {
    for (const b of listed.slice(i + 1)) {
      if (clearing.has(a.id) || clearing.has(b.id)) continue;
      const sa = scenario.skus.find((k) => k.id === a.id);
      const sb = scenario.skus.find((k) => k.id === b.id);
      if (!sa || !sb || substitutability(sa, sb) < 0.5) continue;
      if (sharedKeywords(scenario, title, title).length === 0) continue;
      const drop = b.unitsSold > a.unitsSold ? a : b;
      if (drop.stock > 0 && plan.try({ type: "clearance", sku: drop.id, priceFen: clearancePriceFor(drop) }))
        clearing.add(drop.id);
      else if (drop.stock === 0 && plan.try({ type: "delist", sku: drop.id })) clearing.add(drop.id);
    }
  });
  // Products past their peak: a new version before they decline into dead stock (P1.2b) while enough weeks
  // are left; a declining one that cannot be renewed is cleared.
  for (const sku of listed) {
    const lc = state.lifecycle?.skus[sku.id];
    if (!lc || clearing.has(sku.id)) continue;
    const pastPeak = lc.stage === "decline" || (lc.stage === "maturity" && lc.obsolescence < 0.95);
    if (!pastPeak) continue;
    if (lc.stage !== "decline") {
      if (scenario.weeks - state.week >= 6 && plan.state.cashFen > 2_000_000)
        plan.try({ type: "upgrade", sku: sku.id });
      continue;
    }
    const weeksLeft = scenario.weeks - state.week;
    if (weeksLeft >= 6 && plan.state.cashFen > 2_000_000 && plan.try({ type: "upgrade", sku: sku.id })) continue;
    if (sku.stock > 0 && plan.try({ type: "clearance", sku: sku.id, priceFen: clearancePriceFor(sku) }))
      clearing.add(sku.id);
  }
  return plan.state.skus
    .filter((k) => isListed(plan.state, k.id) && !clearing.has(k.id))
    .map((k) => state.skus.find((x) => x.id === k.id) ?? k);
}

function isClearingNow(state: GameState, sku: SkuState): boolean {
  const lc = state.lifecycle?.skus[sku.id];
  return lc !== undefined && lc.clearancePriceFen > 0 && sku.priceFen === lc.clearancePriceFen;
}

/** P2.3a–b: package-insert card, a ¥10 join coupon, two pushes a week, a 10% members' price. */
function textbookPrivateDomain(plan: Plan, scenario: Scenario, state: GameState): void {
  if (!scenario.market.customers) return;
  const want = { insertCard: true, inviteCouponFen: 1000, pushesPerWeek: 2, memberOfferPct: 10 };
  const c = state.customers.settings;
  if (
    c.insertCard !== want.insertCard ||
    c.inviteCouponFen !== want.inviteCouponFen ||
    c.pushesPerWeek !== want.pushesPerWeek ||
    c.memberOfferPct !== want.memberOfferPct
  )
    plan.try({ type: "setPrivateDomain", ...want });
}

// ---------- promotions and the platform calendar (domain A: P1.2g, P1.2f) ----------

/**
 * The lecture's promotions, each weighed by its estimated cost and gain (estimatePromotion): a 满减 threshold
 * just above the typical order with a discount that keeps margin; coupons for new buyers; a flash sale only
 * on a platform event's day.
 */
function textbookPromotions(plan: Plan, scenario: Scenario, state: GameState, reports: readonly WeekReport[]): void {
  const hero = listedSkus(plan.state)[0];
  if (!hero || state.week < 1) return; // estimates need a week of sales
  const c = plan.state.commerce;
  const last = reports[reports.length - 1];
  const aov = last && last.kpis.aovFen > 0 ? last.kpis.aovFen : hero.priceFen;
  if (state.week % 4 === 1 || !c.fullReduction) {
    let best: { d: Decision; gain: number } | null = null;
    for (const f of [1.05, 1.5, 2.05]) {
      for (const share of [0.05, 0.08, 0.12]) {
        const thresholdFen = Math.ceil((aov * f) / 1000) * 1000;
        const discountFen = Math.max(100, Math.round((thresholdFen * share) / 100) * 100);
        const d = { type: "setFullReduction" as const, thresholdFen, discountFen };
        const gain = estimatePromotion(scenario, plan.state, d).marginImpactFen;
        if (!best || gain > best.gain) best = { d, gain };
      }
    }
    const fr = c.fullReduction;
    if (best && best.gain > 0 && best.d.type === "setFullReduction") {
      if (!fr || fr.thresholdFen !== best.d.thresholdFen || fr.discountFen !== best.d.discountFen) plan.try(best.d);
    } else if (fr) plan.try({ type: "endPromotion", promotion: "fullReduction" });
  }
  // Coupons for first-time buyers, re-issued when nearly all are claimed.
  if (!c.coupon || c.coupon.quantity - c.coupon.claimed < 30) {
    const faceFen = Math.max(300, Math.round((aov * 0.06) / 100) * 100);
    const minSpendFen = Math.ceil((aov * 1.05) / 1000) * 1000;
    const d = { type: "setCoupon" as const, faceFen, minSpendFen, quantity: 300, audience: "new" as const };
    if (estimatePromotion(scenario, plan.state, d).marginImpactFen > 0) plan.try(d);
  }
  // 秒杀 only around a platform event: on its first day this week, modest depth, capped by stock.
  const event = (scenario.market.calendar ?? []).find((e) => {
    const first = state.week * 7 + 1;
    return e.trafficMult >= 3 && e.endDay >= first && e.startDay <= first + 6;
  });
  if (event) {
    const day = Math.max(1, event.startDay - state.week * 7);
    const priceFen = charmPriceBelow(Math.round(hero.priceFen * 0.85));
    const qtyCap = Math.floor(hero.stock / 2);
    if (priceFen > hero.unitCostFen * 1.4 && qtyCap > 0)
      plan.try({ type: "setFlashSale", sku: hero.id, priceFen, qtyCap, day });
  }
}

/** Before a platform event, orders the extra stock its traffic will sell, to arrive just before it. */
function textbookEventStock(plan: Plan, scenario: Scenario, state: GameState, kept: readonly SkuState[]): void {
  for (const sku of kept) {
    const spec = scenario.skus.find((k) => k.id === sku.id);
    if (!spec) continue;
    const lead = spec.supplier.leadDays;
    const first = state.week * 7 + lead + 1;
    const event = (scenario.market.calendar ?? []).find((e) => e.startDay >= first && e.startDay <= first + 6);
    if (!event) continue;
    const days = event.endDay - event.startDay + 1;
    // The event's whole traffic lift (sales measured without the pre-event lull), with a margin for the flash
    // sale; less of one when the event falls in the game's last week, where leftovers go to a liquidator.
    const last = event.endDay >= (scenario.weeks - 1) * 7;
    const margin = last ? 1.3 : 3.2;
    const extra = Math.ceil(eventFreeDailySales(scenario, state, sku.id) * (event.trafficMult - 1) * days * margin);
    let qty = Math.max(spec.supplier.minOrder, extra);
    const budget = plan.state.cashFen - 300_000;
    while (qty >= spec.supplier.minOrder && unitCostFor(scenario, sku.id, qty) * qty > budget)
      qty = Math.floor(qty * 0.8);
    if (extra > 0 && qty >= spec.supplier.minOrder) plan.try({ type: "reorder", sku: sku.id, qty });
  }
}

/** A beginner's promotion: a blanket 20% off (满减 at the hero's price) every week, whatever it costs. */
function naivePromotions(plan: Plan, state: GameState): void {
  const hero = listedSkus(state)[0];
  if (!hero || state.commerce.fullReduction) return;
  plan.try({ type: "setFullReduction", thresholdFen: hero.priceFen, discountFen: Math.round(hero.priceFen * 0.2) });
}

/** Average daily sales over the last week with platform events and pre-event lulls divided out. */
function eventFreeDailySales(scenario: Scenario, state: GameState, skuId: string): number {
  const sku = state.skus.find((k) => k.id === skuId);
  if (!sku) return 0;
  if (!scenario.market.calendar) return avgDailySales(state, skuId);
  const n = sku.recentSales.length;
  let total = 0;
  sku.recentSales.forEach((units, i) => {
    const day = state.week * 7 - n + i;
    const cal = day >= 0 ? calendarDay(scenario, day) : null;
    const eventMult = cal ? cal.mult / seasonality(scenario, Math.floor(day / 7)) : 1;
    total += eventMult > 0 ? units / eventMult : units;
  });
  return total / 7;
}

// ---------- random and ablation (balance checks) ----------

/** The project's seeded streams (rng.ts), seeded by the text: the same text gives the same draws. */
function localRng(text: string): () => number {
  const stream = openStreams(createStreams(text, ["policy"])).policy;
  if (!stream) throw new Error("policy stream missing");
  return () => stream.next();
}

/** Random valid decisions on the unlocked levers, the same for the same state (seed + week). */
export const random: Policy = (scenario, state) => {
  const plan = new Plan(scenario, state);
  const r = localRng(`${state.seed}#${state.week}`);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const levers = new Set(scenario.levers);
  const skus = listedSkus(state);
  const kws = scenario.market.keywords.map((k) => k.id);
  for (const sku of skus) {
    const spec = scenario.skus.find((k) => k.id === sku.id);
    if (!spec) continue;
    if (levers.has("pricing") && r() < 0.5)
      plan.try({
        type: "setPrice",
        sku: sku.id,
        priceFen: Math.round((spec.marketPriceFen * (0.6 + r() * 0.7)) / 100) * 100,
      });
    if (levers.has("inventory") && r() < 0.4)
      plan.try({ type: "reorder", sku: sku.id, qty: spec.supplier.minOrder + Math.floor(r() * 300) });
    if (levers.has("product") && r() < 0.3) {
      const n = 1 + Math.floor(r() * 5);
      plan.try({ type: "setTitle", sku: sku.id, keywords: [...new Set(Array.from({ length: n }, () => pick(kws)))] });
    }
    if (levers.has("product") && r() < 0.2)
      plan.try({ type: "setImage", sku: sku.id, style: pick(["white", "scene", "detail", "differentiated"] as const) });
  }
  const hero = skus[0];
  if (hero && levers.has("promotion") && r() < 0.5) {
    const threshold = Math.round((hero.priceFen * (0.8 + r() * 1.5)) / 100) * 100;
    plan.try({
      type: "setFullReduction",
      thresholdFen: threshold,
      discountFen: Math.round((threshold * r() * 0.3) / 100) * 100 + 100,
    });
  }
  if (hero && levers.has("promotion") && r() < 0.3)
    plan.try({
      type: "setCoupon",
      faceFen: 300 + Math.floor(r() * 20) * 100,
      minSpendFen: Math.round((hero.priceFen * (0.5 + r())) / 100) * 100,
      quantity: 50 + Math.floor(r() * 500),
      audience: pick(["public", "new", "members"] as const),
    });
  if (hero && levers.has("promotion") && r() < 0.2)
    plan.try({
      type: "setFlashSale",
      sku: hero.id,
      priceFen: Math.round((hero.priceFen * (0.5 + r() * 0.4)) / 100) * 100,
      qtyCap: 10 + Math.floor(r() * 200),
      day: 1 + Math.floor(r() * 7),
    });
  if (hero && levers.has("marketing") && r() < 0.5) {
    const targets = ["broad", ...scenario.market.segments.map((g) => g.id)];
    plan.try({ type: "setAds", dailyBudgetFen: Math.floor(r() * 30) * 1000, target: pick(targets), sku: hero.id });
  }
  if (hero && levers.has("marketing") && scenario.market.kols && scenario.market.kols.length > 0 && r() < 0.2)
    plan.try({ type: "hireKol", kol: pick(scenario.market.kols).id, sku: hero.id });
  // Drawn last, so that scenarios without a private domain keep the draws above unchanged.
  if (levers.has("private") && scenario.market.customers && r() < 0.3) {
    const insertCard = r() < 0.5;
    plan.try({
      type: "setPrivateDomain",
      insertCard,
      inviteCouponFen: insertCard ? Math.floor(r() * 11) * 200 : 0,
      pushesPerWeek: Math.floor(r() * 15),
      memberOfferPct: Math.floor(r() * 31),
    });
  }
  return plan.decisions;
};

/** Decision types that carry each taught principle (by code prefix), for the ablation. */
const TAUGHT_DECISIONS: [RegExp, Decision["type"][]][] = [
  [/^P1\.1[abd]/, ["setStore"]],
  [/^P1\.1c/, ["setDetail"]],
  [/^P1\.2[a-b]/, ["clearance", "delist", "upgrade", "launch"]],
  [/^P1\.2[c-e]/, ["setTitle", "setImage", "setDetail"]],
  [/^P1\.2f/, ["setPrice"]],
  [/^P1\.2g/, ["setFullReduction", "setCoupon", "setFlashSale", "setGroupBuy", "setGift", "endPromotion"]],
  [/^P1\.3/, ["setService", "hire", "fire", "actOnFeedback"]],
  [/^P2\.1a/, ["setAds", "setSearchAds"]],
  [/^P2\.1b/, ["hireKol", "setContent"]],
  [/^P2\.1c/, ["setCommunity", "setContent"]],
  [/^P2\.2a/, ["setContent"]],
  [/^P2\.2b/, ["setContent", "hireKol"]],
  [/^P2\.2c/, ["setCommunity"]],
  [/^P2\.3/, ["setPrivateDomain"]],
];

/** The decision types a scenario teaches (from its goals' principle codes). */
export function taughtDecisionTypes(scenario: Scenario): Set<Decision["type"]> {
  const out = new Set<Decision["type"]>();
  for (const g of scenario.goals)
    for (const [re, types] of TAUGHT_DECISIONS) if (re.test(g.code)) for (const t of types) out.add(t);
  return out;
}

/** `textbook` with the scenario's taught levers played as `naive` plays them: does the principle matter? */
export const ablation: Policy = (scenario, state, reports) => {
  const taught = taughtDecisionTypes(scenario);
  const plan = new Plan(scenario, state);
  for (const d of naive(scenario, state, reports)) if (taught.has(d.type)) plan.try(d);
  for (const d of textbook(scenario, state, reports)) if (!taught.has(d.type)) plan.try(d);
  return plan.decisions;
};

export const POLICIES = { textbook, naive, random, ablation } as const satisfies Record<string, Policy>;
export type PolicyName = keyof typeof POLICIES;
