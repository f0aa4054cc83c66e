// Shared plumbing of a simulated week: the accumulators a week report is built from, the day
// context every system receives, and the one function that moves money (the ledger).
import type { Rng } from "../rng";
import type { Scenario, ScenarioSku } from "../scenario-schema";
import type { DayReport, Funnel, GameState, LedgerTotals, WeekEvent, WeekFactors } from "../types";
import type { CommerceDay, CommerceWeekAcc } from "./commerce";
import type { MarketingAcc } from "./marketing";

/**
 * Where a visitor came from. The order is the order the funnel processes them in; a source with no
 * visitors draws no random numbers, so adding one does not change existing runs.
 */
export const SOURCES = [
  "search", // organic search (P1.2c)
  "home", // shop home page: direct, favourites, returning buyers (P1.1a–b)
  "ads", // info-flow ads (P2.1a)
  "paidSearch", // search ads (P2.1a)
  "kol", // KOL/KOC posts (P2.1b)
  "content", // own content on social platforms (P2.2a–b)
  "community", // community activities (P2.1c, P2.2c)
  "private", // private domain: groups, members, pushes (P2.3a)
] as const;
export type Source = (typeof SOURCES)[number];

export function emptyBySource(): Record<Source, number> {
  // A literal (not built from SOURCES) because it sits on the daily hot path; the type keeps it complete.
  return { search: 0, home: 0, ads: 0, paidSearch: 0, kol: 0, content: 0, community: 0, private: 0 };
}

/** Counters for one SKU over the week. */
export interface SkuWeek {
  uv: number;
  searches: number;
  searchClicks: number;
  orders: number;
  units: number;
  gmvFen: number;
  stockoutDays: number;
  arrived: number;
  /** Units sold at the list price this week (P1.2f: a transacted price). */
  listUnits: number;
  /** Days the listing was hidden from search for an abnormal price (P1.2f). */
  abnormalDays: number;
  rankWeighted: number;
  rankWeight: number;
  keywords: Map<string, { rankSum: number; days: number; uv: number }>;
}

export interface WeekAcc {
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
  /** Discounts on this week's paid orders (满减, coupons, members' price): list value − 支付金额. */
  discountFen: number;
  /** The last week: closing stock's cost minus its liquidation value (non-cash). */
  liquidationLossFen: number;
  refundUnits: number;
  skus: Map<string, SkuWeek>;
  /** Promotions, baskets, calendar: created by sim/commerce.ts when first needed. */
  commerce?: CommerceWeekAcc;
  /** Marketing channels this week: created by sim/marketing.ts at the week's start. */
  marketing?: MarketingAcc;
}

/** Visitors of one day, per SKU, per source, per segment (index as in scenario.market.segments). */
export type Visitors = Map<string, Record<Source, number[]>>;

/** Everything a system needs on one simulated day. */
export interface DayCtx {
  scenario: Scenario;
  /** The state being advanced (a private copy owned by this step). */
  s: GameState;
  rng: Record<StreamName, Rng>;
  /** Absolute day (7·week + day of week). */
  day: number;
  acc: WeekAcc;
  factors: WeekFactors;
  /** Today's market demand multiplier (noise around 1). */
  demand: number;
  visitors: Visitors;
  /**
   * Multipliers on the add-to-cart probability, per SKU, per segment (index as in the scenario).
   * Systems that change how persuasive a product page is today (service reply time, promotions…)
   * multiply into it before the funnel runs.
   */
  cartMult: Map<string, number[]>;
  /** What shipped today, per SKU, for systems that act after a sale (service, customers…). */
  sales: SaleBatch[];
  report: DayReport;
  /** Today's prices and promotion shares: set by sim/commerce.ts before the funnel. */
  commerce?: CommerceDay;
}

/** Units shipped for one SKU on one day. */
export interface SaleBatch {
  sku: string;
  units: number;
  /** Orders (one unit each in this version). */
  orders: number;
  gmvFen: number;
  priceFen: number;
  /** Units bought by visitors from each source (scaled to what shipped). */
  bySource: Record<Source, number>;
}

/** One stream per system, so a new draw in one system never shifts another's sequence. */
export const STREAMS = [
  "market",
  "traffic",
  "funnel",
  "ads",
  "reviews",
  "returns",
  "customers", // domain D: repurchase, members, pushes (P2.3a–b)
  "lifecycle", // domain D: lifecycle and assortment (P1.2a–b)
  "promotions", // domain A: baskets, coupons, flash sales, group buys (P1.2g)
  "competitors", // domain A: competitors' price reactions (P1.2f)
  "paidsearch", // domain C: search-ad auctions and clicks (P2.1a)
  "kol", // domain C: KOL/KOC posts (P2.1b)
  "content", // domain C: own content and community (P2.2a–c, P2.1c)
  "service", // domain B: inquiries, buyers' service experiences, topic reviews (P1.3b–c)
  "logistics", // domain B: address errors and delivery delays (P1.3a)
] as const;
export type StreamName = (typeof STREAMS)[number];

export function newWeekAcc(s: GameState): WeekAcc {
  const acc: WeekAcc = {
    days: [],
    traffic: emptyBySource(),
    funnel: { visitors: 0, engaged: 0, addToCart: 0, favourites: 0, orders: 0, paid: 0 },
    ledger: {},
    events: [],
    reviews: [],
    adImpressions: 0,
    adClicks: 0,
    adOrders: 0,
    adGmvFen: 0,
    cogsFen: 0,
    discountFen: 0,
    liquidationLossFen: 0,
    refundUnits: 0,
    skus: new Map(),
  };
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
      listUnits: 0,
      abnormalDays: 0,
      rankWeighted: 0,
      rankWeight: 0,
      keywords: new Map(),
    });
  }
  return acc;
}

/** The only way money moves: cash, the run's ledger and the week's ledger change together. */
export function book(s: GameState, acc: WeekAcc, category: string, amountFen: number): void {
  if (amountFen === 0) return;
  s.cashFen += amountFen;
  s.ledger[category] = (s.ledger[category] ?? 0) + amountFen;
  acc.ledger[category] = (acc.ledger[category] ?? 0) + amountFen;
}

export function skuSpec(scenario: Scenario, id: string): ScenarioSku {
  const spec = scenario.skus.find((k) => k.id === id);
  if (!spec) throw new Error(`SKU "${id}" is not in scenario "${scenario.id}"`);
  return spec;
}

export function skuWeek(acc: WeekAcc, id: string): SkuWeek {
  const w = acc.skus.get(id);
  if (!w) throw new Error(`SKU "${id}" has no week counters`);
  return w;
}

/** The day of the week, 1–7, for messages. */
export function dayOfWeek(ctx: DayCtx): number {
  return ctx.day - ctx.s.week * 7 + 1;
}
