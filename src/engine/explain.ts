// Why a week's KPIs moved: each KPI's change on last week split into drivers whose deltas add up to
// the change. The splits are exact identities over the week reports, not estimates:
//   UV          = Σ visitors by source; search and home visitors follow the calendar's demand, so
//                 their change is split into the calendar (platform events, seasons) and the rest
//   conversion  = Σ_k share_k × conversion_k over SKUs: the mix of visitors between SKUs and each
//                 SKU's own conversion (two-factor Shapley), each SKU's split further by the factors
//                 behind it (price vs market and reference, reviews, detail page, days in stock,
//                 bounce) with log-mean weights, the rest named "other"
//   orders      = UV × conversion (Shapley), each half carried down to the drivers above
//   AOV         = list value per order − discount per order
//   GMV         = orders × AOV (Shapley), carried down to every driver of orders and AOV
//   net profit  = Σ income-statement lines (src/engine/income.ts)
// Money and counts are split into whole fen / units by largest remainders, so their drivers add up
// to the change exactly; conversion's add up within floating-point rounding. Pure and deterministic.

import type { Decision } from "./decisions";
import { log } from "./detmath";
import { INCOME_LINE_CODE, INCOME_LINES, weekIncome } from "./income";
import type { Scenario } from "./scenario-schema";
import { SOURCES, type Source } from "./sim/week";
import { calendarDay } from "./systems/market";
import type { WeekReport } from "./types";

export const EXPLAIN_KPIS = ["uv", "orders", "conversionRate", "aovFen", "gmvFen", "netProfitFen"] as const;
export type ExplainKpi = (typeof EXPLAIN_KPIS)[number];

/** What a driver is: a traffic source, a conversion factor of a SKU, an income line… */
export type DriverKind =
  | "traffic" // visitors from one source (`source`)
  | "season" // the calendar's demand: platform events, seasons, lulls
  | "mix" // visitors moving between SKUs that convert differently
  | "price" // a SKU's price factor, the trainee's price changed this week
  | "competitor" // a SKU's price factor, the trainee's price unchanged (competitors, reference price)
  | "reviews" // a SKU's review factor (count and rating)
  | "detail" // a SKU's detail-page quality
  | "stockout" // a SKU's days in stock
  | "bounce" // the store's bounce rate (load time, mobile)
  | "conversion" // the rest of a SKU's conversion change (demand noise, promotions, service…)
  | "listValue" // list value per order (prices, baskets, SKU mix)
  | "discounts" // discount per order (满减, coupons, members' price)
  | "income" // one income-statement line (`line`)
  | "other"; // what an identity does not cover (visitors the funnel did not count by SKU…)

export interface Driver {
  /** Stable id: "traffic:search", "price:tee", "income:ads", "mix"… */
  cause: string;
  kind: DriverKind;
  /** The driver's part of the KPI's change (the KPI's unit: fen, visitors, orders, a fraction). */
  delta: number;
  /** The lecture principle it teaches. */
  code: string;
  sku?: string;
  source?: Source;
  line?: string;
  /** The underlying figure last week and this week (visitors of the source, the SKU's stock-out days,
   * its factor, fen per order…), for plain words. */
  before?: number;
  after?: number;
  /** One of this week's decisions acts on this driver (its price, its detail page, the ad budget…). */
  decided?: true;
}

export interface KpiChange {
  kpi: ExplainKpi;
  from: number;
  to: number;
  /** Ordered by |delta|, largest first; they add up to `to − from`. */
  drivers: Driver[];
}

export interface WeekExplanation {
  /** 0-based week of the report explained. */
  week: number;
  changes: KpiChange[];
  /** The three biggest named drivers of the week in money (GMV's drivers and net profit's cost lines). */
  top: Driver[];
}

const SOURCE_CODE: Record<Source, string> = {
  search: "P1.2c",
  home: "P1.1a",
  ads: "P2.1a",
  paidSearch: "P2.1a",
  kol: "P2.1b",
  content: "P2.2a",
  community: "P2.2c",
  private: "P2.3a",
};

const KIND_CODE: Record<Exclude<DriverKind, "traffic" | "income">, string> = {
  season: "P1.2g",
  mix: "P1.2a",
  price: "P1.2f",
  competitor: "P1.2f",
  reviews: "P1.3c",
  detail: "P1.2e",
  stockout: "P1.3a",
  bounce: "P1.1d",
  conversion: "PX.a",
  listValue: "P1.2f",
  discounts: "P1.2g",
  other: "PX.a",
};

/** The drivers each decision acts on (cause ids), so a driver can say "your decision this week". */
export function decidedCauses(decisions: readonly Decision[]): Set<string> {
  const out = new Set<string>();
  const add = (...c: string[]) => {
    for (const x of c) out.add(x);
  };
  for (const d of decisions) {
    const sku = "sku" in d && typeof d.sku === "string" ? d.sku : "";
    switch (d.type) {
      case "setStore":
        add("bounce", "traffic:home", "income:design");
        break;
      case "setTitle":
      case "setImage":
        add("traffic:search", "income:design");
        break;
      case "setDetail":
        add(`detail:${sku}`, "income:design");
        break;
      case "setPrice":
      case "clearance":
        add(`price:${sku}`, "listValue");
        break;
      case "reorder":
        add(`stockout:${sku}`, "income:holding");
        break;
      case "setAds":
        add("traffic:ads", "income:ads");
        break;
      case "setSearchAds":
        add("traffic:paidSearch", "income:ads");
        break;
      case "hireKol":
        add("traffic:kol", "income:marketing");
        break;
      case "setContent":
      case "setCommunity":
        add("traffic:content", "traffic:community", "income:marketing");
        break;
      case "setFullReduction":
      case "setCoupon":
      case "setGift":
      case "setFlashSale":
      case "setGroupBuy":
      case "endPromotion":
        add("discounts", "listValue", "income:promotions");
        break;
      case "setPrivateDomain":
        add("traffic:private", "income:private", "discounts");
        break;
      case "upgrade":
      case "launch":
      case "delist":
        add("mix", "income:design");
        break;
      case "setService":
      case "hire":
      case "fire":
        add("income:salaries");
        break;
      case "actOnFeedback":
        add("income:ops");
        break;
    }
  }
  return out;
}

/** Logarithmic mean: (a − b) / ln(a/b), a for a = b; 0 when either is not positive. */
function logMean(a: number, b: number): number {
  if (a <= 0 || b <= 0) return 0;
  if (Math.abs(a - b) <= 1e-12 * Math.max(a, b)) return a;
  return (a - b) / log(a / b);
}

/** ln(a/b) for positive a, b; 0 otherwise. */
function lnRatio(a: number, b: number): number {
  return a > 0 && b > 0 && a !== b ? log(a / b) : 0;
}

/**
 * Rounds real parts to integers that add up to `total` exactly (largest remainders; ties by order,
 * so the result is deterministic).
 */
export function roundToTotal(parts: readonly number[], total: number): number[] {
  const out = parts.map((x) => Math.floor(x));
  let rest = total - out.reduce((a, b) => a + b, 0);
  if (parts.length === 0) return out;
  const frac = parts.map((x, i) => ({ i, f: x - Math.floor(x) }));
  const up = [...frac].sort((a, b) => b.f - a.f || a.i - b.i);
  const down = [...frac].sort((a, b) => a.f - b.f || a.i - b.i);
  for (let k = 0; rest > 0; k++, rest--) {
    const j = up[k % up.length]!.i;
    out[j] = out[j]! + 1;
  }
  for (let k = 0; rest < 0; k++, rest++) {
    const j = down[k % down.length]!.i;
    out[j] = out[j]! - 1;
  }
  return out;
}

type Part = Omit<Driver, "delta" | "code"> & { delta: number; code?: string };

function codeOf(p: Part): string {
  if (p.code) return p.code;
  if (p.kind === "traffic" && p.source) return SOURCE_CODE[p.source];
  if (p.kind === "income") return INCOME_LINE_CODE[p.line as keyof typeof INCOME_LINE_CODE] ?? "PX.a";
  return KIND_CODE[p.kind as keyof typeof KIND_CODE] ?? "PX.a";
}

/** Merges parts with the same cause, closes the identity with "other", rounds if integral, sorts. */
function finish(
  kpi: ExplainKpi,
  from: number,
  to: number,
  parts: Part[],
  integral: boolean,
  decided: Set<string> | null,
): KpiChange {
  const merged = new Map<string, Part>();
  for (const p of parts) {
    const m = merged.get(p.cause);
    if (m) m.delta += p.delta;
    else merged.set(p.cause, { ...p });
  }
  const list = [...merged.values()];
  const change = to - from;
  const covered = list.reduce((a, p) => a + p.delta, 0);
  const gap = change - covered;
  if (Math.abs(gap) > (integral ? 1e-6 : 1e-12)) {
    const o = merged.get("other");
    if (o) o.delta += gap;
    else list.push({ cause: "other", kind: "other", delta: gap });
  } else if (!integral && list.length > 0) {
    // Floating-point dust goes to the largest driver, so the sum is as exact as floats allow.
    const big = list.reduce((a, b) => (Math.abs(b.delta) > Math.abs(a.delta) ? b : a));
    big.delta += gap;
  }
  if (integral) {
    const r = roundToTotal(
      list.map((p) => p.delta),
      change,
    );
    list.forEach((p, i) => {
      p.delta = r[i]!;
    });
  }
  const drivers: Driver[] = list
    .filter((p) => p.delta !== 0)
    .map((p) => ({ ...p, code: codeOf(p), ...(decided?.has(p.cause) ? { decided: true as const } : {}) }))
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || (a.cause < b.cause ? -1 : a.cause > b.cause ? 1 : 0));
  return { kpi, from, to, drivers };
}

const EMPTY: Pick<WeekReport, "traffic" | "skus" | "factors" | "kpis" | "ledger" | "funnel"> = {
  traffic: { search: 0, home: 0, ads: 0, paidSearch: 0, kol: 0, content: 0, community: 0, private: 0 },
  skus: [],
  factors: {
    navReach: 0,
    bannerLift: 1,
    bounceMobile: 0,
    bounceDesktop: 0,
    loadSeconds: 0,
    detailQuality: {},
    titleReadability: {},
    imageCtr: {},
    priceFactor: {},
    reviewFactor: {},
    adImpressions: 0,
    adClicks: 0,
  },
  kpis: {
    gmvFen: 0,
    orders: 0,
    uv: 0,
    pv: 0,
    conversionRate: 0,
    aovFen: 0,
    addToCartRate: 0,
    grossProfitFen: 0,
    netProfitFen: 0,
    adSpendFen: 0,
    roas: 0,
    ppcFen: 0,
    dsr: 0,
    refundRate: 0,
    repurchaseRate: 0,
    stockoutDays: 0,
    cashEndFen: 0,
  },
  ledger: {},
  funnel: { visitors: 0, engaged: 0, addToCart: 0, favourites: 0, orders: 0, paid: 0 },
};

/** The calendar's mean demand multiplier over a week's seven days. */
function weekDemand(scenario: Scenario, week: number): number {
  let m = 0;
  for (let d = 0; d < 7; d++) m += calendarDay(scenario, week * 7 + d).mult;
  return m / 7;
}

function uvParts(scenario: Scenario, r: WeekReport, p: typeof EMPTY, week: number, hasPrev: boolean): Part[] {
  const parts: Part[] = [];
  const season = hasPrev ? lnRatio(weekDemand(scenario, week), weekDemand(scenario, week - 1)) : 0;
  for (const s of SOURCES) {
    const a = r.traffic[s] ?? 0;
    const b = p.traffic[s] ?? 0;
    let d = a - b;
    if (d === 0 && a === 0) continue;
    if (season !== 0 && (s === "search" || s === "home")) {
      // The calendar scales search and home visitors alike (sim/commerce.ts: ctx.demand).
      const part = logMean(a, b) * season;
      parts.push({ cause: "season", kind: "season", delta: part });
      d -= part;
    }
    parts.push({ cause: `traffic:${s}`, kind: "traffic", source: s, delta: d, before: b, after: a });
  }
  return parts;
}

/** Conversion's drivers (fractions of visitors). */
function conversionParts(r: WeekReport, p: typeof EMPTY, hasPrev: boolean, decided: Set<string> | null): Part[] {
  const U = r.kpis.uv;
  const Up = p.kpis.uv;
  const ids = [...new Set([...p.skus.map((s) => s.id), ...r.skus.map((s) => s.id)])];
  const parts: Part[] = [];
  const stockIn = (so: number) => Math.max(0.5, 7 - so);
  const inStore = (f: WeekReport["factors"]) => 1 - (f.bounceMobile + f.bounceDesktop) / 2;
  const ourPrice = (rep: WeekReport | typeof EMPTY, id: string) =>
    "commerce" in rep ? rep.commerce?.competitors.find((c) => c.sku === id)?.ourPriceFen : undefined;
  for (const id of ids) {
    const k = r.skus.find((s) => s.id === id);
    const kp = p.skus.find((s) => s.id === id);
    const a = U > 0 ? (k?.uv ?? 0) / U : 0;
    const ap = Up > 0 ? (kp?.uv ?? 0) / Up : 0;
    const c = k && k.uv > 0 ? k.orders / k.uv : 0;
    const cp = kp && kp.uv > 0 ? kp.orders / kp.uv : 0;
    const mix = ((a - ap) * (c + cp)) / 2;
    if (mix !== 0) parts.push({ cause: "mix", kind: "mix", delta: mix });
    const rate = ((c - cp) * (a + ap)) / 2;
    if (rate === 0) continue;
    const so = k?.stockoutDays ?? 0;
    const sop = kp?.stockoutDays ?? 0;
    if (!hasPrev || !k || !kp || c <= 0 || cp <= 0) {
      // No ratio to split (a first week, a new SKU, no orders on one side): a change in days in stock
      // explains it where it points the same way, else it is the SKU's own conversion.
      const sl = lnRatio(stockIn(so), stockIn(sop));
      const kind = sl !== 0 && Math.sign(sl) === Math.sign(rate) ? "stockout" : "conversion";
      const [before, after] = kind === "stockout" ? [sop, so] : [cp, c];
      parts.push({ cause: `${kind}:${id}`, kind, sku: id, delta: rate, before, after });
      continue;
    }
    const w = (logMean(c, cp) * (a + ap)) / 2;
    const f = r.factors;
    const fp = p.factors;
    const pa = ourPrice(r, id);
    const pb = ourPrice(p, id);
    // With the week's decisions known, "price" means the trainee set it this week; else the listed
    // prices tell (where the report has them).
    const priceKind = decided
      ? decided.has(`price:${id}`)
        ? "price"
        : "competitor"
      : pa !== undefined && pb !== undefined && pa === pb
        ? "competitor"
        : "price";
    const factors: [DriverKind, number, number][] = [
      [priceKind, f.priceFactor[id] ?? 0, fp.priceFactor[id] ?? 0],
      ["reviews", f.reviewFactor[id] ?? 0, fp.reviewFactor[id] ?? 0],
      ["detail", f.detailQuality[id] ?? 0, fp.detailQuality[id] ?? 0],
      ["stockout", stockIn(so), stockIn(sop)],
      ["bounce", inStore(f), inStore(fp)],
    ];
    let rest = rate;
    for (const [kind, now, before] of factors) {
      const part = w * lnRatio(now, before);
      if (part === 0) continue;
      rest -= part;
      const shown = kind === "stockout" ? [sop, so] : [before, now];
      const cause = kind === "bounce" ? "bounce" : `${kind}:${id}`;
      parts.push({
        cause,
        kind,
        sku: kind === "bounce" ? undefined : id,
        delta: part,
        before: shown[0],
        after: shown[1],
      });
    }
    parts.push({ cause: `conversion:${id}`, kind: "conversion", sku: id, delta: rest, before: cp, after: c });
  }
  return parts;
}

const scaled = (parts: readonly Part[], by: number): Part[] => parts.map((x) => ({ ...x, delta: x.delta * by }));

/**
 * Explains one week's KPIs against the week before (`prev`; without it, against an empty shop, so
 * the first week's drivers are its visitors' sources and its income lines).
 */
export function explainWeek(
  scenario: Scenario,
  r: WeekReport,
  prev?: WeekReport,
  /** The week's decisions (run.turns[week] or the state's lastTurn): drivers they act on say so. */
  decisions?: readonly Decision[],
): WeekExplanation {
  const decided = decisions ? decidedCauses(decisions) : null;
  const p = prev ?? EMPTY;
  const has = prev !== undefined;
  const U = r.kpis.uv;
  const Up = p.kpis.uv;
  const CR = r.kpis.conversionRate;
  const CRp = p.kpis.conversionRate;
  const O = r.kpis.orders;
  const Op = p.kpis.orders;

  const uv = uvParts(scenario, r, p, r.week, has);
  const cr = conversionParts(r, p, has, decided);
  // orders = UV × conversion: ΔO = ΔUV·mean(CR) + ΔCR·mean(UV).
  const orderParts = [...scaled(uv, (CR + CRp) / 2), ...scaled(cr, (U + Up) / 2)];

  // AOV = list value per order − discount per order (unrounded; the card rounds to the fen).
  const sales = r.ledger.sales ?? 0;
  const salesP = p.ledger.sales ?? 0;
  const disc = sales - r.kpis.gmvFen;
  const discP = salesP - p.kpis.gmvFen;
  const V = O > 0 ? sales / O : 0;
  const Vp = Op > 0 ? salesP / Op : 0;
  const D = O > 0 ? disc / O : 0;
  const Dp = Op > 0 ? discP / Op : 0;
  const aovParts: Part[] = [
    { cause: "listValue", kind: "listValue", delta: V - Vp, before: Vp, after: V },
    { cause: "discounts", kind: "discounts", delta: -(D - Dp), before: Dp, after: D },
  ];
  // GMV = orders × AOV: ΔG = ΔO·mean(AOV) + ΔAOV·mean(O).
  const A = V - D;
  const Ap = Vp - Dp;
  const gmvParts = [...scaled(orderParts, (A + Ap) / 2), ...scaled(aovParts, (O + Op) / 2)];

  const inc = weekIncome(r);
  const incP = prev ? weekIncome(prev) : null;
  const netParts: Part[] = INCOME_LINES.map((line) => ({
    cause: `income:${line}`,
    kind: "income" as const,
    line,
    delta: inc.lines[line] - (incP?.lines[line] ?? 0),
    before: incP?.lines[line] ?? 0,
    after: inc.lines[line],
  }));

  const changes: KpiChange[] = [
    finish("uv", Up, U, uv, true, decided),
    finish("orders", Op, O, orderParts, true, decided),
    finish("conversionRate", CRp, CR, cr, false, decided),
    finish("aovFen", p.kpis.aovFen, r.kpis.aovFen, aovParts, true, decided),
    finish("gmvFen", p.kpis.gmvFen, r.kpis.gmvFen, gmvParts, true, decided),
    finish("netProfitFen", p.kpis.netProfitFen, r.kpis.netProfitFen, netParts, true, decided),
  ];
  // The week's story in money: what moved GMV, and the costs that moved net profit (revenue lines
  // are GMV's drivers already; COGS, commission and shipping follow sales).
  const gmv = changes[4]!.drivers.filter((d) => d.kind !== "other");
  const costs = changes[5]!.drivers.filter((d) => !SALES_LINES.has(d.line ?? ""));
  const top = [...gmv, ...costs]
    .sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || (a.cause < b.cause ? -1 : a.cause > b.cause ? 1 : 0))
    .slice(0, 3);
  return { week: r.week, changes, top };
}

/** Income lines that move with sales (GMV's drivers explain them), left out of a week's top drivers. */
export const SALES_LINES: ReadonlySet<string> = new Set(["listSales", "discounts", "cogs", "commission", "shipping"]);

/**
 * Every week of a run explained against the week before (the first against an empty shop); `turns`
 * (the run's decisions, one list per week) mark the drivers each week's decisions act on.
 */
export function explainRun(
  scenario: Scenario,
  reports: readonly WeekReport[],
  turns?: readonly (readonly Decision[])[],
): WeekExplanation[] {
  return reports.map((r, i) =>
    explainWeek(scenario, r, i > 0 ? reports[i - 1] : undefined, turns ? (turns[i] ?? []) : undefined),
  );
}
