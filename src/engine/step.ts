// One turn = one week = seven daily sub-steps. `step` is pure: it copies the state, applies the
// turn's decisions, simulates the days and returns the next state with the week's report.
//
// Rounding rule: every count (visitors, carts, orders, units, reviews) is drawn as an integer from
// a binomial or Poisson; every money amount is rounded to whole fen (Math.round) where it enters
// the ledger, once per SKU per day.
import type { DecisionError } from "./decisions";
import { clamp } from "./detmath";
import {
  ADD_TO_CART_BASE,
  ADD_TO_CART_CAP,
  AD_CTR_BASE,
  AD_TARGETED_CTR_LIFT,
  BROAD_AD_INTENT,
  CART_TO_ORDER,
  CATEGORY_CVR,
  CVR_INDEX_EMA,
  DAILY_DEMAND_SD,
  DSR_EMA,
  HOLDING_RATE_PER_WEEK,
  ORDER_TO_PAY,
  REF_PRICE_MEMORY,
  RETURN_DELAY_DAYS,
  REVIEW_DELAY_DAYS,
  RETURNING_BUYER_DAILY,
  REVIEW_RATE,
  SOURCE_INTENT,
} from "./model";
import { closeStreams, openStreams, type Rng } from "./rng";
import { binomial, normal, poisson } from "./sampling";
import type { Scenario, ScenarioSegment } from "./scenario-schema";
import { bannerLift, bounceRates, loadSeconds, navigationReach } from "./systems/storefront";
import { detailQuality, estimateTitleFromPool, imageCtr, keywordRelevance } from "./systems/listing";
import { priceFactor } from "./systems/pricing";
import { averageRating, ratingFactor, reviewCountFactor } from "./systems/reputation";
import { rankAmong, rankingScore, searchCtr } from "./systems/search";
import type {
  DayReport,
  Funnel,
  GameState,
  Kpis,
  LedgerTotals,
  SkuState,
  SkuWeekReport,
  WeekEvent,
  WeekFactors,
  WeekReport,
} from "./types";
import { validateTurn } from "./validate";

export type StepOutcome =
  | { ok: true; state: GameState; report: WeekReport }
  | { ok: false; errors: { index: number; error: DecisionError }[] };

type Source = "search" | "home" | "ads";
const SOURCES: readonly Source[] = ["search", "home", "ads"];

/** Counters for one SKU over the week. */
interface SkuWeek {
  uv: number;
  searches: number;
  searchClicks: number;
  orders: number;
  units: number;
  gmvFen: number;
  stockoutDays: number;
  arrived: number;
  rankWeighted: number;
  rankWeight: number;
  keywords: Map<string, { rankSum: number; days: number; uv: number }>;
}

interface WeekAcc {
  days: DayReport[];
  traffic: Record<Source, number>;
  funnel: Funnel;
  ledger: LedgerTotals;
  events: WeekEvent[];
  reviews: { sku: string; stars: number; key: string }[];
  adImpressions: number;
  adClicks: number;
  adOrders: number;
  adGmvFen: number;
  cogsFen: number;
  refundUnits: number;
  skus: Map<string, SkuWeek>;
}

function book(state: GameState, acc: WeekAcc, category: string, amountFen: number): void {
  if (amountFen === 0) return;
  state.cashFen += amountFen;
  state.ledger[category] = (state.ledger[category] ?? 0) + amountFen;
  acc.ledger[category] = (acc.ledger[category] ?? 0) + amountFen;
}

function need(rngs: Record<string, Rng>, name: string): Rng {
  const r = rngs[name];
  if (!r) throw new Error(`random stream "${name}" missing from state`);
  return r;
}

/** Splits n visitors across segments by their shares (sequential binomials = multinomial). */
function splitBySegment(rng: Rng, n: number, segments: readonly ScenarioSegment[]): number[] {
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

export function step(scenario: Scenario, state: GameState, decisions: readonly unknown[]): StepOutcome {
  // A finished or bankrupt game is over: no further week (not even an empty one, which would
  // otherwise charge another week's salary and advance the week past the scenario's end).
  if (state.status !== "playing") {
    const message = `the game is over (${state.status}); no more turns`;
    return { ok: false, errors: [{ index: 0, error: { key: "err.gameOver", params: { status: state.status }, message } }] };
  }
  const validation = validateTurn(scenario, state, decisions);
  if (!validation.ok) return validation;
  const s = validation.draft; // already a private copy with the decisions applied
  const rngs = openStreams(s.rng);
  const acc: WeekAcc = {
    days: [],
    traffic: { search: 0, home: 0, ads: 0 },
    funnel: { visitors: 0, engaged: 0, addToCart: 0, orders: 0, paid: 0 },
    ledger: {},
    events: [],
    reviews: [],
    adImpressions: 0,
    adClicks: 0,
    adOrders: 0,
    adGmvFen: 0,
    cogsFen: 0,
    refundUnits: 0,
    skus: new Map(),
  };
  // The inventory payments made by this turn's reorders belong to this week's ledger.
  const paidForStock = (s.ledger.inventory ?? 0) - (state.ledger.inventory ?? 0);
  if (paidForStock !== 0) acc.ledger.inventory = paidForStock;
  for (const sku of s.skus) {
    acc.skus.set(sku.id, {
      uv: 0,
      searches: 0,
      searchClicks: 0,
      orders: 0,
      units: 0,
      gmvFen: 0,
      stockoutDays: 0,
      arrived: 0,
      rankWeighted: 0,
      rankWeight: 0,
      keywords: new Map(),
    });
  }

  const factors = weekFactors(scenario, s);
  for (let d = 0; d < 7 && s.status === "playing"; d++) {
    simulateDay(scenario, s, rngs, s.week * 7 + d, acc, factors);
  }
  endOfWeek(scenario, s, acc);
  s.rng = closeStreams(rngs);
  const report = buildReport(scenario, state, s, acc, factors);
  s.week += 1;
  s.designerHoursLeft = scenario.start.designerHoursPerWeek;
  if (s.status === "playing" && s.week >= scenario.weeks) s.status = "finished";
  return { ok: true, state: s, report };
}

/** Levers are fixed for the week, so their multipliers are computed once. */
function weekFactors(scenario: Scenario, s: GameState): WeekFactors {
  const bounce = bounceRates(s.store);
  const f: WeekFactors = {
    navReach: navigationReach(s.store),
    bannerLift: bannerLift(s.store, false),
    bounceMobile: bounce.mobile,
    bounceDesktop: bounce.desktop,
    loadSeconds: loadSeconds(s.store),
    detailQuality: {},
    titleReadability: {},
    imageCtr: {},
    priceFactor: {},
    reviewFactor: {},
    adImpressions: 0,
    adClicks: 0,
  };
  for (const sku of s.skus) {
    const title = estimateTitleFromPool(scenario.market.keywords, sku.title);
    f.titleReadability[sku.id] = title.readability;
    f.imageCtr[sku.id] = imageCtr(sku.image);
    // The ranking's click index reflects what shoppers see on the results page this week.
    sku.ctrIndex = title.readability * imageCtr(sku.image);
  }
  return f;
}

function skuSpec(scenario: Scenario, id: string) {
  const spec = scenario.skus.find((k) => k.id === id);
  if (!spec) throw new Error(`SKU "${id}" is not in scenario "${scenario.id}"`);
  return spec;
}

function simulateDay(
  scenario: Scenario,
  s: GameState,
  rngs: Record<string, Rng>,
  day: number,
  acc: WeekAcc,
  f: WeekFactors,
): void {
  const market = need(rngs, "market");
  const traffic = need(rngs, "traffic");
  const funnelRng = need(rngs, "funnel");
  const adsRng = need(rngs, "ads");
  const reviewsRng = need(rngs, "reviews");
  const returnsRng = need(rngs, "returns");
  const segments = scenario.market.segments;
  const dayReport: DayReport = { day, uv: 0, orders: 0, gmvFen: 0, stockouts: [] };

  receiveArrivals(s, day, acc);
  settlePending(scenario, s, day, acc, reviewsRng);

  const demand = clamp(1 + DAILY_DEMAND_SD * normal(market, 0, 1), 0.6, 1.4);
  const dsrMean = (s.dsr.description + s.dsr.service + s.dsr.logistics) / 3;

  // Visitors per SKU, per source, per segment.
  const visitors = new Map<string, Record<Source, number[]>>();
  const zeros = () => segments.map(() => 0);
  for (const sku of s.skus) visitors.set(sku.id, { search: zeros(), home: zeros(), ads: zeros() });

  // Organic search (P1.2c, P1.2d): each core keyword's searches × click rate at our rank.
  for (const sku of s.skus) {
    const week = acc.skus.get(sku.id);
    const v = visitors.get(sku.id);
    if (!week || !v) continue;
    const avgTrust = segments.reduce((a, g) => a + g.share * g.trustNeed, 0);
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
      const rank = rankAmong(score, s.competitors[kw.id] ?? []);
      const searches = kw.dailySearches * demand;
      // A broad match is shown on only part of the searches (rel < 1), and ranks lower there too.
      const expected = searches * rel * searchCtr(rank) * sku.ctrIndex;
      const k = poisson(traffic, expected);
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
    v.search = splitBySegment(traffic, clicks, segments);
  }

  // Home page (P1.1a, P1.1b): direct visitors and past buyers coming back to the shop.
  const homeExpected = scenario.market.homeVisitorsPerDay * demand + RETURNING_BUYER_DAILY * s.totals.buyers;
  const homeUv = poisson(traffic, homeExpected);
  const reachP = clamp(f.navReach * f.bannerLift, 0, 0.95);
  const reached = binomial(traffic, homeUv, reachP);
  acc.traffic.home += homeUv;
  acc.funnel.visitors += homeUv - reached; // home visitors who never reached a product
  dayReport.uv += homeUv - reached;
  // A hero banner sends most of them to the hero product (the first SKU).
  let left = reached;
  s.skus.forEach((sku, i) => {
    const v = visitors.get(sku.id);
    if (!v) return;
    let n: number;
    if (i === s.skus.length - 1) n = left;
    else if (i === 0 && s.store.banner === "hero") n = binomial(traffic, left, 0.7);
    else n = binomial(traffic, left, 1 / (s.skus.length - i));
    left -= n;
    v.home = splitBySegment(traffic, n, segments);
  });

  // Info-flow ads (P2.1a, small budget): impressions bought at CPM, clicks by creative and targeting.
  if (s.ads.dailyBudgetFen > 0 && s.cashFen > 0) {
    const budget = Math.min(s.ads.dailyBudgetFen, s.cashFen);
    const impressions = Math.floor((budget * 1000) / scenario.market.adCpmFen);
    const targeted = s.ads.target !== "broad";
    const ctr = AD_CTR_BASE * imageCtrOf(s, s.ads.sku) * (targeted ? AD_TARGETED_CTR_LIFT : 1);
    const clicks = binomial(adsRng, impressions, clamp(ctr, 0, 1));
    const spend = Math.round((impressions * scenario.market.adCpmFen) / 1000);
    book(s, acc, "ads", -spend);
    s.totals.adSpendFen += spend;
    acc.adImpressions += impressions;
    acc.adClicks += clicks;
    s.totals.adClicks += clicks;
    const v = visitors.get(s.ads.sku);
    if (v) {
      v.ads = targeted ? segments.map((g) => (g.id === s.ads.target ? clicks : 0)) : splitBySegment(adsRng, clicks, segments);
    }
  }

  // The funnel, per SKU: land → stay → cart → order → pay, then stock decides what ships.
  for (const sku of s.skus) {
    const spec = skuSpec(scenario, sku.id);
    const week = acc.skus.get(sku.id);
    const v = visitors.get(sku.id);
    if (!week || !v) continue;
    let demandUnits = 0;
    let adDemand = 0;
    let skuUv = 0;
    for (const source of SOURCES) {
      const bySeg = v[source];
      segments.forEach((seg, gi) => {
        const n = bySeg[gi] ?? 0;
        if (n === 0) return;
        skuUv += n;
        acc.traffic[source] += source === "home" ? 0 : n; // home counted on arrival above
        const mobile = binomial(funnelRng, n, seg.mobileShare);
        const engaged =
          binomial(funnelRng, mobile, 1 - f.bounceMobile) + binomial(funnelRng, n - mobile, 1 - f.bounceDesktop);
        const pf = priceFactor({
          priceFen: sku.priceFen,
          marketPriceFen: spec.marketPriceFen,
          refPriceFen: sku.refPriceFen,
          elasticity: seg.elasticity,
          priceSensitivity: seg.priceSensitivity,
        });
        const dq = detailQuality(sku.detail, seg.trustNeed, sku.reviewCount > 0);
        const rf = reviewCountFactor(sku.reviewCount, seg.trustNeed) * ratingFactor(sku.reviewCount, sku.ratingSum);
        let intent = SOURCE_INTENT[source];
        if (source === "ads" && s.ads.target === "broad") intent *= BROAD_AD_INTENT;
        const pCart = clamp(ADD_TO_CART_BASE * seg.fit * pf * dq * rf * intent, 0, ADD_TO_CART_CAP);
        const carts = binomial(funnelRng, engaged, pCart);
        const orders = binomial(funnelRng, carts, CART_TO_ORDER);
        const paid = binomial(funnelRng, orders, ORDER_TO_PAY);
        acc.funnel.visitors += n;
        acc.funnel.engaged += engaged;
        acc.funnel.addToCart += carts;
        acc.funnel.orders += orders;
        s.totals.addToCart += carts;
        s.totals.pv += n + engaged * 2;
        demandUnits += paid;
        if (source === "ads") adDemand += paid;
      });
    }
    week.uv += skuUv;
    dayReport.uv += skuUv;

    const sold = Math.min(sku.stock, demandUnits);
    if (demandUnits > sold) {
      week.stockoutDays += 1;
      sku.stockoutDays += 1;
      s.totals.stockoutDays += 1;
      dayReport.stockouts.push(sku.id);
    }
    sku.stock -= sold;
    sku.unitsSold += sold;
    sku.recentSales.push(sold);
    if (sku.recentSales.length > 7) sku.recentSales.shift();
    acc.funnel.paid += sold;
    if (sold > 0) {
      const gmv = sold * sku.priceFen;
      const adSold = demandUnits > 0 ? Math.floor((adDemand * sold) / demandUnits) : 0;
      book(s, acc, "sales", gmv);
      book(s, acc, "commission", -Math.round(gmv * scenario.market.commissionRate));
      book(s, acc, "logistics", -sold * scenario.market.shippingFen);
      const cogs = sold * sku.unitCostFen;
      acc.cogsFen += cogs;
      s.totals.cogsFen += cogs;
      s.totals.gmvFen += gmv;
      s.totals.orders += sold;
      s.totals.units += sold;
      s.totals.buyers += sold;
      s.totals.adOrders += adSold;
      s.totals.adGmvFen += adSold * sku.priceFen;
      acc.adOrders += adSold;
      acc.adGmvFen += adSold * sku.priceFen;
      week.orders += sold;
      week.units += sold;
      week.gmvFen += gmv;
      dayReport.orders += sold;
      dayReport.gmvFen += gmv;
      // Reviews and returns follow delivery; their timing is fixed, their counts drawn now.
      const reviews = binomial(reviewsRng, sold, REVIEW_RATE);
      if (reviews > 0) s.pending.push({ day: day + REVIEW_DELAY_DAYS, kind: "review", sku: sku.id, qty: reviews, priceFen: sku.priceFen });
      const returns = binomial(returnsRng, sold, spec.returnRate);
      if (returns > 0) s.pending.push({ day: day + RETURN_DELAY_DAYS, kind: "return", sku: sku.id, qty: returns, priceFen: sku.priceFen });
    }
    // Holding cost on what sits in the warehouse tonight (25%/year).
    const holding = Math.round((sku.stock * sku.unitCostFen * HOLDING_RATE_PER_WEEK) / 7);
    book(s, acc, "holding", -holding);
    s.totals.uv += skuUv;
  }
  s.totals.uv += homeUv - reached;
  s.totals.pv += homeUv - reached;
  if (s.cashFen < 0 && scenario.cashPolicy === "bankrupt") {
    s.status = "bankrupt";
    acc.events.push({ key: "ev.bankrupt", params: { day: day - s.week * 7 + 1 } });
  }
  for (const id of dayReport.stockouts) acc.events.push({ key: "ev.stockout", params: { sku: id, day: day - s.week * 7 + 1 } });
  acc.days.push(dayReport);
}

function imageCtrOf(s: GameState, skuId: string): number {
  const sku = s.skus.find((k) => k.id === skuId);
  return sku ? imageCtr(sku.image) : 1;
}

function receiveArrivals(s: GameState, day: number, acc: WeekAcc): void {
  for (const sku of s.skus) {
    const due = sku.pipeline.filter((p) => p.arriveDay <= day);
    if (due.length === 0) continue;
    sku.pipeline = sku.pipeline.filter((p) => p.arriveDay > day);
    for (const lot of due) {
      // Moving-average unit cost, rounded to whole fen.
      const total = sku.stock + lot.qty;
      sku.unitCostFen = total > 0 ? Math.round((sku.stock * sku.unitCostFen + lot.qty * lot.unitCostFen) / total) : lot.unitCostFen;
      sku.stock = total;
      const week = acc.skus.get(sku.id);
      if (week) week.arrived += lot.qty;
      acc.events.push({ key: "ev.arrival", params: { sku: sku.id, qty: lot.qty } });
    }
  }
}

function settlePending(scenario: Scenario, s: GameState, day: number, acc: WeekAcc, rng: Rng): void {
  const due = s.pending.filter((p) => p.day <= day);
  if (due.length === 0) return;
  s.pending = s.pending.filter((p) => p.day > day);
  for (const p of due) {
    const sku = s.skus.find((k) => k.id === p.sku);
    if (!sku) continue;
    if (p.kind === "return") {
      // Refund the price paid; the unit comes back to stock and its cost out of COGS.
      const refund = p.qty * p.priceFen;
      book(s, acc, "refunds", -refund);
      s.totals.refundFen += refund;
      s.totals.refundUnits += p.qty;
      acc.refundUnits += p.qty;
      sku.stock += p.qty;
      s.totals.cogsFen -= p.qty * sku.unitCostFen;
      acc.cogsFen -= p.qty * sku.unitCostFen;
      continue;
    }
    const spec = skuSpec(scenario, sku.id);
    let batchSum = 0;
    for (let i = 0; i < p.qty; i++) {
      const stars = clamp(Math.round(normal(rng, spec.quality, 0.7)), 1, 5);
      batchSum += stars;
      if (acc.reviews.length < 4) {
        acc.reviews.push({ sku: sku.id, stars, key: stars >= 5 ? "review.great" : stars === 4 ? "review.good" : stars === 3 ? "review.meh" : "review.bad" });
      }
    }
    if (sku.reviewCount === 0) acc.events.push({ key: "ev.firstReview", params: { sku: sku.id } });
    sku.reviewCount += p.qty;
    sku.ratingSum += batchSum;
    s.dsr.description = s.dsr.description + DSR_EMA * (batchSum / p.qty - s.dsr.description);
  }
}

function endOfWeek(scenario: Scenario, s: GameState, acc: WeekAcc): void {
  book(s, acc, "salaries", -scenario.start.designerSalaryFen);
  if (s.cashFen < 0 && s.status === "playing") {
    s.status = "bankrupt";
    acc.events.push({ key: "ev.bankrupt", params: { day: 7 } });
  }
  for (const sku of s.skus) {
    // P1.2f: buyers' reference price drifts towards the prices they saw.
    sku.refPriceFen = REF_PRICE_MEMORY * sku.refPriceFen + (1 - REF_PRICE_MEMORY) * sku.priceFen;
    const week = acc.skus.get(sku.id);
    if (week && week.uv >= 30) {
      const observed = clamp(week.orders / week.uv / CATEGORY_CVR, 0.2, 3);
      sku.cvrIndex = sku.cvrIndex + CVR_INDEX_EMA * (observed - sku.cvrIndex);
    }
    // P1.3a early warning: less than a week of cover and nothing on the way.
    const daily = sku.recentSales.reduce((a, b) => a + b, 0) / 7;
    if (sku.pipeline.length === 0 && daily > 0 && sku.stock < daily * 7) {
      acc.events.push({ key: "ev.lowStock", params: { sku: sku.id, days: Math.floor(sku.stock / daily) } });
    }
  }
}

function buildReport(scenario: Scenario, before: GameState, s: GameState, acc: WeekAcc, f: WeekFactors): WeekReport {
  const skus: SkuWeekReport[] = s.skus.map((sku: SkuState) => {
    const w = acc.skus.get(sku.id);
    const keywords = w
      ? [...w.keywords.entries()].map(([id, k]) => ({ id, rank: Math.round(k.rankSum / Math.max(1, k.days)), uv: k.uv }))
      : [];
    return {
      id: sku.id,
      uv: w?.uv ?? 0,
      orders: w?.orders ?? 0,
      units: w?.units ?? 0,
      gmvFen: w?.gmvFen ?? 0,
      avgRank: w && w.rankWeight > 0 ? Math.round((w.rankWeighted / w.rankWeight) * 10) / 10 : 0,
      ctr: w && w.searches > 0 ? w.searchClicks / w.searches : 0,
      conversion: w && w.uv > 0 ? w.orders / w.uv : 0,
      stockEnd: sku.stock,
      stockoutDays: w?.stockoutDays ?? 0,
      rating: averageRating(sku.reviewCount, sku.ratingSum),
      reviewCount: sku.reviewCount,
      arrived: w?.arrived ?? 0,
      keywords,
    };
  });
  f.adImpressions = acc.adImpressions;
  f.adClicks = acc.adClicks;
  for (const sku of s.skus) {
    const spec = skuSpec(scenario, sku.id);
    let pf = 0;
    let rf = 0;
    let dq = 0;
    for (const g of scenario.market.segments) {
      pf += g.share * priceFactor({ priceFen: sku.priceFen, marketPriceFen: spec.marketPriceFen, refPriceFen: before.skus.find((k) => k.id === sku.id)?.refPriceFen ?? spec.marketPriceFen, elasticity: g.elasticity, priceSensitivity: g.priceSensitivity });
      rf += g.share * reviewCountFactor(sku.reviewCount, g.trustNeed) * ratingFactor(sku.reviewCount, sku.ratingSum);
      dq += g.share * detailQuality(sku.detail, g.trustNeed, sku.reviewCount > 0);
    }
    f.priceFactor[sku.id] = pf;
    f.reviewFactor[sku.id] = rf;
    f.detailQuality[sku.id] = dq;
  }
  const kpis = weekKpis(s, acc);
  return {
    week: before.week,
    days: acc.days,
    traffic: { ...acc.traffic },
    funnel: acc.funnel,
    skus,
    ledger: acc.ledger,
    kpis,
    events: acc.events,
    reviews: acc.reviews,
    dsr: { ...s.dsr },
    factors: f,
  };
}

function weekKpis(s: GameState, acc: WeekAcc): Kpis {
  const L = (k: string) => acc.ledger[k] ?? 0;
  const gmv = L("sales");
  const orders = acc.funnel.paid;
  const uv = acc.funnel.visitors;
  const gross = gmv + L("refunds") - acc.cogsFen;
  const net = gross + L("commission") + L("logistics") + L("ads") + L("salaries") + L("holding") + L("design");
  const adSpend = -L("ads");
  const units = [...acc.skus.values()].reduce((a, w) => a + w.units, 0);
  return {
    gmvFen: gmv,
    orders,
    uv,
    pv: uv + acc.funnel.engaged * 2,
    conversionRate: uv > 0 ? orders / uv : 0,
    aovFen: orders > 0 ? Math.round(gmv / orders) : 0,
    addToCartRate: uv > 0 ? acc.funnel.addToCart / uv : 0,
    grossProfitFen: gross,
    netProfitFen: net,
    adSpendFen: adSpend,
    roas: adSpend > 0 ? acc.adGmvFen / adSpend : 0,
    ppcFen: acc.adClicks > 0 ? Math.round(adSpend / acc.adClicks) : 0,
    dsr: (s.dsr.description + s.dsr.service + s.dsr.logistics) / 3,
    refundRate: units > 0 ? acc.refundUnits / units : 0,
    repurchaseRate: 0,
    stockoutDays: [...acc.skus.values()].reduce((a, w) => a + w.stockoutDays, 0),
    cashEndFen: s.cashFen,
  };
}
