// Core data types of the engine. Everything here is plain JSON-serialisable data:
// the game state is hashed, saved in run files and replayed on the server.
// Money is always integer fen (分): ¥1 = 100 fen.

import type { StreamStates } from "./rng";
import type { Scenario } from "./scenario-schema";
import type { CommerceWeekReport } from "./sim/commerce";
import type { CustomersReport } from "./sim/customers";
import type { LifecycleReport } from "./sim/lifecycle";
import type { CustomersState } from "./systems/customers";
import type { LifecycleState } from "./systems/lifecycle";
import type { MarketingState, MarketingWeekReport } from "./systems/marketing";
import type { CommerceState } from "./systems/promotions";

export type Fen = number;

/** Landing-page sections a detail page can be built from (P1.1c, P1.2e). */
export const DETAIL_SECTIONS = [
  "painPoint",
  "solution",
  "trust",
  "purchaseGuide",
  "video",
  "comparison",
  "reviews",
  "specs",
] as const;
export type DetailSection = (typeof DETAIL_SECTIONS)[number];

export const IMAGE_STYLES = ["white", "scene", "detail", "differentiated"] as const;
export type ImageStyle = (typeof IMAGE_STYLES)[number];

export const BANNER_FOCUS = ["hero", "promotion", "brand"] as const;
export type BannerFocus = (typeof BANNER_FOCUS)[number];

export const AD_TARGETS = ["broad", "segment"] as const;

export interface StoreSettings {
  /** Levels in the category tree from home page to product (1–5). P1.1a */
  categoryDepth: number;
  /** In-store search box on/off. P1.1a */
  inStoreSearch: boolean;
  /** What the home-page focus banner features. P1.1b */
  banner: BannerFocus;
  /** Mobile adaptation level 0 (shrunk desktop page) … 3 (mobile-first). P1.1d */
  mobileLevel: number;
  /** Page-speed work level 0 … 3; sets load time. P1.1d */
  speedLevel: number;
}

export interface SkuState {
  id: string;
  priceFen: Fen;
  /** Keyword ids from the scenario's keyword pool, in title order. P1.2c */
  title: string[];
  image: ImageStyle;
  /** Ordered detail-page sections. P1.1c, P1.2e */
  detail: DetailSection[];
  stock: number;
  /** Average unit cost of the stock on hand (fen, rounded). */
  unitCostFen: Fen;
  /** Orders placed with the supplier, arriving on a given absolute day. */
  pipeline: { arriveDay: number; qty: number; unitCostFen: Fen }[];
  /** Reference price buyers remember (fen, kept as a float then rounded for display); losses count from it. P1.2f */
  refPriceFen: number;
  /**
   * The list price at which units sold in each of the last REF_WINDOW_WEEKS weeks (oldest first; 0 = a week
   * without such sales). The lowest of them caps the "was" price gains count from (30-day lowest price). P1.2f
   */
  soldListFen: number[];
  /** The listing is out of search until this absolute day for an abnormal price (价格异常, P1.2f); 0 = never flagged. */
  priceFlagUntilDay: number;
  /** Units sold on each of the last 7 days (most recent last): sales velocity for ranking. */
  recentSales: number[];
  /** Cumulative review count and sum of stars. */
  reviewCount: number;
  ratingSum: number;
  /** Absolute day the SKU was listed (for the new-item boost). */
  listedDay: number;
  /** Units sold over the whole run. */
  unitsSold: number;
  /** Days on which the SKU was out of stock while buyers wanted it. */
  stockoutDays: number;
  /** Smoothed click-through and conversion used by search ranking (relative to category = 1). */
  ctrIndex: number;
  cvrIndex: number;
}

export interface AdSettings {
  /** Info-flow ad daily budget (fen). */
  dailyBudgetFen: Fen;
  /** "broad" or the id of the segment targeted. P2.1a */
  target: string;
  /** SKU the ads point at. */
  sku: string;
}

/** Rolling means of the three DSR sub-scores (1–5). */
export interface Dsr {
  description: number;
  service: number;
  logistics: number;
}

export interface LedgerTotals {
  [category: string]: Fen;
}

export const LEDGER_CATEGORIES = [
  "sales",
  "refunds",
  "inventory",
  "commission",
  "logistics",
  "ads",
  "salaries",
  "holding",
  "design",
  "promotion", // discounts given (满减, coupons) and gift costs (P1.2g)
  "kol", // KOL/KOC fees (P2.1b)
  "content", // content production and community events (P2.2a–c)
  "ops", // oversell compensation, feedback actions (sim/operations.ts)
  "interest", // loan interest (cash policy "loan")
  "loan", // loan principal in/out: financing, not profit
  "private", // private domain: join coupons redeemed, members-only discounts (P2.3a)
] as const;
export type LedgerCategory = (typeof LEDGER_CATEGORIES)[number];

export interface GameState {
  /** Turn about to be played (0-based). Equals the number of weeks simulated so far. */
  week: number;
  seed: string;
  scenarioId: string;
  cashFen: Fen;
  /** Cumulative ledger by category; cashFen = startCash + Σ ledger (cash conservation). */
  ledger: LedgerTotals;
  store: StoreSettings;
  skus: SkuState[];
  ads: AdSettings;
  /** Designer hours left this week (reset every week). PX.c */
  designerHoursLeft: number;
  dsr: Dsr;
  /** Cumulative KPIs over the run. */
  totals: RunTotals;
  /** Named seeded stream states (seedrandom {state:true}). */
  rng: StreamStates;
  /** "playing" until the last turn, then "finished"; "bankrupt" if cash ran out. */
  status: "playing" | "finished" | "bankrupt";
  /** The market's difficulty (difficulty.ts). Absent = "standard" (left out so standard states hash as before). */
  difficulty?: import("./difficulty").Difficulty;
  /** Competing listings' ranking scores per core keyword, highest first (drawn at start). */
  competitors: Record<string, number[]>;
  /** Things that happen some days after a sale: reviews written, units returned. */
  pending: PendingEffect[];
  /**
   * The decisions applied in the last turn, as validated. Kept in the state so the per-turn state
   * hash commits to the decision log too: an edit with no effect on the market is still detected.
   */
  lastTurn: import("./decisions").Decision[];
  /** Team members and their weekly hours (PX.c; systems/team.ts). */
  team: import("./systems/team").TeamState;
  /** Service policy, exceptions, topic reviews, feedback fixes, loan (P1.3a–c, PX.a; systems/service.ts). */
  ops: import("./systems/service").OpsState;
  /** Promotions, competitors' price reactions and what deep discounts left behind (P1.2f, P1.2g). */
  commerce: CommerceState;
  /** Marketing channels: campaigns, KOL posts, content, community, seeding (P2.1a–c, P2.2a–c, PX.b). */
  marketing: MarketingState;
  /** Customer base (aggregate BG/NBD-like pools) and private domain (P2.3a–b). */
  customers: CustomersState;
  /** Per-SKU product lifecycle and listing status (P1.2a–b). */
  lifecycle: LifecycleState;
}

export interface PendingEffect {
  day: number;
  kind: "review" | "return";
  sku: string;
  qty: number;
  priceFen: Fen;
}

export interface RunTotals {
  uv: number;
  pv: number;
  orders: number;
  units: number;
  /** 支付金额: what buyers paid, after 满减, coupons and members' discounts (as in 生意参谋). */
  gmvFen: Fen;
  /** The discounts between list-price value and paid value (满减, coupons, join coupons, members' price). */
  discountFen: Fen;
  refundFen: Fen;
  refundUnits: number;
  cogsFen: Fen;
  /**
   * Closing stock valued at what a liquidator pays instead of cost (on hand and on its way, at the game's
   * end): cost minus salvage value, a non-cash loss in net profit.
   */
  liquidationLossFen: Fen;
  adSpendFen: Fen;
  adClicks: number;
  adOrders: number;
  adGmvFen: Fen;
  stockoutDays: number;
  addToCart: number;
  repeatBuyers: number;
  /** Paying buyers (one unit per order in this version). */
  buyers: number;
}

/** Visitors by where they came from (keys: sim/week.ts SOURCES). */
export type TrafficBySource = Record<import("./sim/week").Source, number>;

export interface DayReport {
  day: number;
  uv: number;
  orders: number;
  gmvFen: Fen;
  stockouts: string[];
}

export interface SkuWeekReport {
  id: string;
  uv: number;
  orders: number;
  units: number;
  gmvFen: Fen;
  /** Average organic rank over its keywords weighted by volume (1 = top). */
  avgRank: number;
  /** Main-image click rate on search results (fraction). */
  ctr: number;
  conversion: number;
  stockEnd: number;
  stockoutDays: number;
  rating: number;
  reviewCount: number;
  arrived: number;
  /** Per keyword: rank and visitors from it. */
  keywords: { id: string; rank: number; uv: number }[];
}

export interface Funnel {
  /** Visitors (UV). */
  visitors: number;
  /** Visitors who stayed past the landing page (did not bounce). */
  engaged: number;
  addToCart: number;
  /** Engaged visitors who saved the item without adding it to the cart (expected count, not drawn). */
  favourites: number;
  orders: number;
  paid: number;
}

export interface WeekEvent {
  /** i18n key with params, rendered by the UI. */
  key: string;
  params?: Record<string, string | number>;
}

export interface WeekReport {
  week: number;
  days: DayReport[];
  traffic: TrafficBySource;
  funnel: Funnel;
  skus: SkuWeekReport[];
  /** Money movements of the week by ledger category (fen, signed). */
  ledger: LedgerTotals;
  /** The week's non-ledger money (src/engine/income.ts builds the income statement from it and the ledger). */
  money?: WeekMoney;
  kpis: Kpis;
  events: WeekEvent[];
  /** Sample reviews written this week. */
  reviews: { sku: string; stars: number; key: string }[];
  dsr: Dsr;
  /** Diagnostics: the factors behind the numbers, for the advisor and tests. */
  factors: WeekFactors;
  /** Operations: team, service queue, order exceptions, review topics, analyst sections, loan (sim/operations.ts). */
  ops?: import("./sim/operations").OpsWeekReport;
  /** Promotions, baskets, competitor prices and platform events of the week (P1.2f, P1.2g). */
  commerce?: CommerceWeekReport;
  /** Marketing channels' evidence (scenarios that define feed ads, search ads, KOLs, content or a community). */
  marketing?: MarketingWeekReport;
  /** Customers and private domain: new vs repeat buyers, members, pushes, unsubscribes (P2.3a–b). */
  customers?: CustomersReport;
  /** Lifecycle stage and demand per SKU, clearance, dead stock, assortment overlaps (P1.2a–b). */
  lifecycle?: LifecycleReport;
}

/** Figures of the week that are not ledger movements, for the income statement (fen). */
export interface WeekMoney {
  /** Cost of the goods shipped this week, net of returned goods restocked. */
  cogsFen: Fen;
  /** List value − 支付金额: 满减, coupons, members' price (booked in the ledger as "promotion" and "private"). */
  discountFen: Fen;
  /** The last week: closing stock's cost minus its liquidation value (non-cash); else 0. */
  liquidationLossFen: Fen;
}

export interface WeekFactors {
  navReach: number;
  bannerLift: number;
  bounceMobile: number;
  bounceDesktop: number;
  loadSeconds: number;
  detailQuality: Record<string, number>;
  titleReadability: Record<string, number>;
  imageCtr: Record<string, number>;
  priceFactor: Record<string, number>;
  reviewFactor: Record<string, number>;
  adImpressions: number;
  adClicks: number;
}

/** KPIs named as 生意参谋 names them. Rates are fractions, money is fen. */
export interface Kpis {
  gmvFen: Fen;
  orders: number;
  uv: number;
  pv: number;
  conversionRate: number;
  aovFen: Fen;
  addToCartRate: number;
  grossProfitFen: Fen;
  netProfitFen: Fen;
  adSpendFen: Fen;
  roas: number;
  ppcFen: Fen;
  dsr: number;
  refundRate: number;
  repurchaseRate: number;
  stockoutDays: number;
  cashEndFen: Fen;
}

export interface StepResult {
  state: GameState;
  report: WeekReport;
}

export type { Scenario };
