// Commerce's daily and weekly flow (domain A): the platform calendar scales demand (618, 双11, the
// pre-event lull, seasonality); promotions add flash-sale and group-share visitors and lift
// conversion (P1.2g); orders become baskets that top up towards thresholds and ship whole; at the
// week's end competitors react to the shop's price cuts (P1.2f) and deep discounts leave a scar.
// Formulas: systems/promotions.ts, systems/market.ts. Random draws: streams "promotions" and
// "competitors" only.
import type { Decision } from "../decisions";
import { clamp } from "../detmath";
import {
  BORROW_MAX_DAILY_CUT,
  BORROW_SPREAD_DAYS,
  BORROWED_SHARE,
  GROUP_K_FACTOR,
  MAX_BASKET_UNITS,
  QUALITY_SCAR_DECAY,
  QUALITY_SCAR_MAX,
  REF_PRICE_MEMORY,
  RETURNING_BUYER_DAILY,
} from "../model";
import type { Rng } from "../rng";
import { binomial, normal, poisson } from "../sampling";
import type { Scenario } from "../scenario-schema";
import {
  type CalendarDay,
  calendarDay,
  competitorPriceFen,
  marketPriceOn,
  nextCompetitorIndex,
  nextPressure,
} from "../systems/market";
import { priceFactor, referenceOf } from "../systems/pricing";
import {
  basketOf,
  type CouponAudience,
  couponClaimShare,
  dealProneness,
  flashVisitors,
  giftOffer,
  groupFillProbability,
  groupLift,
  groupWillingness,
  holderOrderShare,
  PROMOTION_KINDS,
  type PromotionKind,
  qualifyingShare,
  qualityPenalty,
  thresholdLift,
  topUpProbability,
  topUpUnitsPerOrder,
  unitsToReach,
} from "../systems/promotions";
import type { GameState, SkuState } from "../types";
import type { Demand } from "./funnel";
import { type DayCtx, dayOfWeek, SOURCES, type Source, skuSpec, skuWeek, type WeekAcc } from "./week";

/** Order-value histogram: bins of a tenth of the threshold from half of it to 1.5×, plus both tails. */
export const HISTOGRAM_BINS = 12;

/** What today looks like to commerce: set by `commerceDemand`, completed by `commerceBeforeFunnel`. */
export interface CommerceDay {
  calendar: CalendarDay;
  /** The flash sale running today (its SKU and price), if any. */
  flash: { sku: string; priceFen: number } | null;
  /** Market price per SKU today (competitors, event-day cuts). */
  marketPrice: Record<string, number>;
  /** Per SKU, per segment: share of orders placed by coupon holders. */
  holderShare: Record<string, number[]>;
  /** Per SKU, per segment: share of orders that go through a group (拼团). */
  groupShare: Record<string, number[]>;
}

export interface CommerceWeekAcc {
  orders: number;
  units: number;
  multiUnitOrders: number;
  toppedUp: number;
  frQualified: number;
  frDiscountFen: number;
  couponClaimed: number;
  couponUsed: number;
  couponFen: number;
  gifts: number;
  giftFen: number;
  flash: FlashSaleWeek | null;
  group: GroupWeek;
  /** Order values of regular orders around the reference threshold (see HISTOGRAM_BINS). */
  histogram: number[];
  histogramThresholdFen: number;
  /** Units and net revenue per SKU (competitors react to the net price). */
  skuNet: Record<string, { units: number; netFen: number }>;
  days: CalendarNote[];
}

/** A flash sale's week as the days count it (the report adds the quality penalty). */
export interface FlashSaleWeek {
  sku: string;
  day: number;
  priceFen: number;
  listFen: number;
  qtyCap: number;
  visitors: number;
  sold: number;
  boughtAtList: number;
  missed: number;
  /** Units the SKU sold on an ordinary day before the sale. */
  baselineUnits: number;
  /** Days of normal demand borrowed from the days after (repaid by lower sales). */
  borrowedDays: number;
}

/** How the week's groups (拼团) went. */
export interface GroupWeek {
  initiators: number;
  filled: number;
  unfilled: number;
  joiners: number;
  shareVisitors: number;
}

/** A day of the week: its traffic multiplier, and the platform event or the lull before one. */
export interface CalendarNote {
  day: number;
  mult: number;
  event: string | null;
  lull: string | null;
}

/** Week-report evidence of commerce (report.commerce). Money in fen. */
export interface CommerceWeekReport {
  /** Promotions running at the week's end (the flash sale: this week's). */
  active: PromotionKind[];
  baskets: { orders: number; units: number; unitsPerOrder: number; multiUnitOrders: number; toppedUp: number };
  /** Order values of regular orders around the threshold: counts per bin of thresholdFen/10 from 0.5T. */
  orderValues: { thresholdFen: number; binFen: number; fromFen: number; counts: number[] } | null;
  fullReduction: { thresholdFen: number; discountFen: number; qualifiedOrders: number; costFen: number } | null;
  coupon: {
    faceFen: number;
    minSpendFen: number;
    audience: CouponAudience;
    claimed: number;
    used: number;
    /** used / claimed this week. */
    redemption: number;
    costFen: number;
    left: number;
  } | null;
  flashSale:
    | (FlashSaleWeek & {
        /** Conversion share lost for weeks because the discount signals low quality. */
        qualityPenalty: number;
      })
    | null;
  groupBuy: ({ sku: string; groupPriceFen: number; groupSize: number; fillProbability: number } & GroupWeek) | null;
  gift: { minSpendFen: number; giftCostFen: number; gifts: number; costFen: number } | null;
  /** Discounts given and gift costs (ledger "promotion", positive fen). */
  promotionCostFen: number;
  competitors: {
    sku: string;
    marketPriceFen: number;
    competitorPriceFen: number;
    index: number;
    pressure: number;
    ourPriceFen: number;
  }[];
  days: CalendarNote[];
  /** Lingering conversion penalty of deep discounts, per SKU. */
  qualityScar: Record<string, number>;
}

function weekAcc(acc: WeekAcc): CommerceWeekAcc {
  if (!acc.commerce) {
    acc.commerce = {
      orders: 0,
      units: 0,
      multiUnitOrders: 0,
      toppedUp: 0,
      frQualified: 0,
      frDiscountFen: 0,
      couponClaimed: 0,
      couponUsed: 0,
      couponFen: 0,
      gifts: 0,
      giftFen: 0,
      flash: null,
      group: { initiators: 0, filled: 0, unfilled: 0, joiners: 0, shareVisitors: 0 },
      histogram: new Array(HISTOGRAM_BINS).fill(0),
      histogramThresholdFen: 0,
      skuNet: {},
      days: [],
    };
  }
  return acc.commerce;
}

function dayState(ctx: DayCtx): CommerceDay {
  if (!ctx.commerce) {
    ctx.commerce = {
      calendar: calendarDay(ctx.scenario, ctx.day),
      flash: null,
      marketPrice: {},
      holderShare: {},
      groupShare: {},
    };
  }
  return ctx.commerce;
}

// ---------- prices the funnel sees ----------

/** The price shoppers see today: the flash price on the flash sale's day, else the list price. */
export function todayPriceFen(ctx: DayCtx, sku: SkuState): number {
  const f = ctx.commerce?.flash;
  return f && f.sku === sku.id ? f.priceFen : sku.priceFen;
}

/** The market price shoppers compare against today (competitors' reactions and event-day cuts). */
export function todayMarketPriceFen(ctx: DayCtx, skuId: string): number {
  return ctx.commerce?.marketPrice[skuId] ?? marketPriceOn(ctx.scenario, ctx.s, skuId, ctx.day);
}

// ---------- daily hooks ----------

/** Platform calendar and seasonality: scales today's demand (searches, home visits). Draws nothing. */
export function commerceDemand(ctx: DayCtx): void {
  const d = dayState(ctx);
  const cal = d.calendar;
  if (cal.mult !== 1) ctx.demand *= cal.mult;
  const w = ctx.scenario.market.calendar || ctx.scenario.market.seasonality ? weekAcc(ctx.acc) : null;
  if (!w) return;
  w.days.push({ day: ctx.day, mult: cal.mult, event: cal.event?.id ?? null, lull: cal.lullFor?.id ?? null });
  const dayNo = ctx.day + 1;
  const e = cal.event;
  if (e && (dayNo === e.startDay || dayOfWeek(ctx) === 1)) {
    ctx.acc.events.push({
      key: "ev.platformEvent",
      params: { "name.zh-CN": e.name["zh-CN"], "name.en": e.name.en, mult: e.trafficMult, day: dayOfWeek(ctx) },
    });
  }
  const l = cal.lullFor;
  if (l && (dayNo === l.startDay - l.preLullDays || dayOfWeek(ctx) === 1)) {
    ctx.acc.events.push({
      key: "ev.preEventLull",
      params: {
        "name.zh-CN": l.name["zh-CN"],
        "name.en": l.name.en,
        days: l.startDay - dayNo,
        pct: Math.round((1 - l.lullMult) * 100),
      },
    });
  }
}

/** Splits n by weights (sequential binomials = multinomial); no draws when n = 0 or one weight is all. */
function splitWeighted(rng: Rng, n: number, weights: readonly number[]): number[] {
  const out = weights.map(() => 0);
  let left = n;
  let wLeft = weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weights.length && left > 0; i++) {
    const w = weights[i] ?? 0;
    if (i === weights.length - 1 || wLeft <= 0) {
      out[i] = left;
      left = 0;
      break;
    }
    const k = binomial(rng, left, clamp(w / wLeft, 0, 1));
    out[i] = k;
    left -= k;
    wLeft -= w;
  }
  return out;
}

/** Share of a source's visitors a coupon's audience covers. */
function audienceShare(audience: CouponAudience, source: Source, returningShare: number): number {
  if (audience === "public") return 1;
  if (audience === "members") return source === "private" ? 1 : 0;
  // "new": first-time buyers — not the private domain, not returning buyers on the home page.
  if (source === "private") return 0;
  if (source === "home") return 1 - returningShare;
  return 1;
}

/**
 * After every traffic source, before the funnel: flash-sale channel visitors, visitors from group
 * shares, coupon claims, and the promotions' conversion multipliers (ctx.cartMult).
 */
export function commerceBeforeFunnel(ctx: DayCtx): void {
  const { scenario, s } = ctx;
  const c = s.commerce;
  const d = dayState(ctx);
  const rng = ctx.rng.promotions;
  const segments = scenario.market.segments;
  for (const sku of s.skus) d.marketPrice[sku.id] = marketPriceOn(scenario, s, sku.id, ctx.day);

  // 秒杀: the flash price on its day, and the platform's flash channel brings deal-seekers.
  const fs = c.flashSale;
  const fsSku = fs ? s.skus.find((k) => k.id === fs.sku) : undefined;
  if (fs && fsSku && dayOfWeek(ctx) === fs.day && fs.sold < fs.qtyCap) {
    const priceFen = Math.min(fs.priceFen, fsSku.priceFen);
    d.flash = { sku: fs.sku, priceFen };
    const depth = 1 - priceFen / fsSku.priceFen;
    const n = poisson(rng, flashVisitors(depth) * ctx.demand);
    const split = splitWeighted(
      rng,
      n,
      segments.map((g) => g.share * dealProneness(g)),
    );
    const v = ctx.visitors.get(fs.sku);
    if (v) v.search = v.search.map((x, i) => x + (split[i] ?? 0));
    const w = weekAcc(ctx.acc);
    w.flash = {
      sku: fs.sku,
      day: fs.day,
      priceFen,
      listFen: fsSku.priceFen,
      qtyCap: fs.qtyCap,
      visitors: n,
      sold: 0,
      boughtAtList: 0,
      missed: 0,
      baselineUnits: fsSku.recentSales.reduce((a, b) => a + b, 0) / 7,
      borrowedDays: 0,
    };
  }

  // 拼团 sharing: visitors who followed yesterday's filled groups' links land on the product.
  for (const sku of s.skus) {
    const lambda = c.shareVisitors[sku.id] ?? 0;
    if (lambda <= 0) continue;
    c.shareVisitors[sku.id] = 0;
    const n = poisson(rng, lambda);
    const split = splitWeighted(
      rng,
      n,
      segments.map((g) => g.share),
    );
    const v = ctx.visitors.get(sku.id);
    if (v) v.home = v.home.map((x, i) => x + (split[i] ?? 0));
    ctx.acc.traffic.home += n;
    weekAcc(ctx.acc).group.shareVisitors += n;
  }

  const coupon = c.coupon;
  const returningBuyers = RETURNING_BUYER_DAILY * s.totals.buyers;
  const homeBase = scenario.market.homeVisitorsPerDay * ctx.demand + returningBuyers;
  const returningShare = homeBase > 0 ? returningBuyers / homeBase : 0;
  for (const sku of s.skus) {
    const mult = ctx.cartMult.get(sku.id);
    const v = ctx.visitors.get(sku.id);
    if (!mult || !v) continue;
    const isFlash = d.flash?.sku === sku.id;
    const price = sku.priceFen;
    const group = !isFlash && c.groupBuy?.sku === sku.id ? c.groupBuy : null;
    // Repaying demand a flash sale borrowed from these days (van Heerde et al.: ⅓ of the bump).
    let borrowCut = 0;
    const owed = c.borrowedDays[sku.id] ?? 0;
    if (owed > 0 && !isFlash) {
      borrowCut = Math.min(BORROW_MAX_DAILY_CUT, owed / BORROW_SPREAD_DAYS);
      c.borrowedDays[sku.id] = owed - borrowCut < 1e-6 ? 0 : owed - borrowCut;
    }
    const scar = c.qualityScar[sku.id] ?? 0;
    const holder: number[] = [];
    const groupShare: number[] = [];
    segments.forEach((g, gi) => {
      const seg = { elasticity: g.elasticity, dealProne: dealProneness(g), basket: basketOf(g) };
      let m = 1;
      holder[gi] = 0;
      groupShare[gi] = 0;
      if (!isFlash) {
        const fr = c.fullReduction;
        if (fr) m *= thresholdLift(price, { thresholdFen: fr.thresholdFen, valueFen: fr.discountFen }, seg);
        if (c.gift) m *= thresholdLift(price, giftOffer(c.gift), seg);
        if (coupon && coupon.claimed < coupon.quantity) {
          let segVisitors = 0;
          let eligible = 0;
          for (const src of SOURCES) {
            const n = v[src][gi] ?? 0;
            segVisitors += n;
            eligible += n * audienceShare(coupon.audience, src, returningShare);
          }
          const want = binomial(rng, Math.floor(eligible), couponClaimShare(seg.dealProne));
          const claimed = Math.min(want, coupon.quantity - coupon.claimed);
          if (claimed > 0) {
            coupon.claimed += claimed;
            weekAcc(ctx.acc).couponClaimed += claimed;
            if (coupon.claimed >= coupon.quantity) {
              ctx.acc.events.push({
                key: "ev.couponsGone",
                params: { quantity: coupon.quantity, day: dayOfWeek(ctx) },
              });
            }
            const lift = thresholdLift(
              price,
              { thresholdFen: coupon.minSpendFen > 0 ? coupon.minSpendFen : price, valueFen: coupon.faceFen },
              seg,
            );
            const share = segVisitors > 0 ? claimed / segVisitors : 0;
            m *= 1 + share * (lift - 1);
            holder[gi] = holderOrderShare(share, lift);
          }
        }
        if (group) {
          const ref = { marketPriceFen: d.marketPrice[sku.id] ?? price, ...referenceOf(sku) };
          const pf = (p: number) =>
            priceFactor({ priceFen: p, ...ref, elasticity: g.elasticity, priceSensitivity: g.priceSensitivity });
          const base = pf(price);
          const ratio = base > 0 ? pf(Math.min(group.groupPriceFen, price)) / base : 1;
          const depth = 1 - Math.min(group.groupPriceFen, price) / price;
          const w = groupWillingness(seg.dealProne, depth);
          const fill = groupFillProbability(group.groupSize, depth);
          const gl = groupLift(w, ratio, fill);
          m *= gl;
          groupShare[gi] = gl > 0 ? (gl - (1 - w)) / gl : 0;
        }
      }
      m *= (1 - scar) * (1 - borrowCut);
      mult[gi] = (mult[gi] ?? 1) * m;
    });
    d.holderShare[sku.id] = holder;
    d.groupShare[sku.id] = groupShare;
  }
}

// ---------- orders → baskets → shipping ----------

interface Cell {
  seg: number;
  k: number;
  priceFen: number;
  holder: boolean;
  kind: "flash" | "group" | "regular";
  count: number;
}

export interface Settlement {
  /** Whole orders shipped and their units. */
  orders: number;
  units: number;
  /** Units buyers wanted (more than `units` = a stockout). */
  wantedUnits: number;
  /** Σ units × the price they were sold at (list, flash or group price). */
  gmvFen: number;
  /** 满减 and coupon discounts on the shipped orders. */
  discountFen: number;
  /** Discounts plus gift costs (ledger "promotion"). */
  promotionFen: number;
  /** What a unit was paid after discounts, rounded (refunds of returns use it). */
  netUnitPriceFen: number;
  /** Units shipped at the list price (not a flash or group price): they make it a transacted price (P1.2f). */
  listUnits: number;
}

interface Threshold {
  kind: "coupon" | "fullReduction" | "gift";
  thresholdFen: number;
  /** What reaching it is worth to the buyer (discount, face value, perceived gift value). */
  valueFen: number;
}

/**
 * Turns the day's paid orders of one SKU into baskets (natural sizes, top-ups towards thresholds),
 * applies flash-sale caps, group fills and discounts, and ships whole orders while stock lasts.
 * Without promotions and with one-unit baskets it draws nothing and ships min(stock, orders) units.
 */
export function settleOrders(ctx: DayCtx, sku: SkuState, demand: Demand): Settlement {
  const { scenario, s } = ctx;
  const c = s.commerce;
  const rng = ctx.rng.promotions;
  const segments = scenario.market.segments;
  const d = ctx.commerce;
  const P = sku.priceFen;
  const cells: Cell[] = [];
  const regular = segments.map((_, gi) => demand.bySegment[gi] ?? 0);
  // Orders not attributed to a segment (a source that did not fill bySegment) count as the first's.
  const attributed = regular.reduce((a, b) => a + b, 0);
  if (attributed < demand.units && regular.length > 0) regular[0] = (regular[0] ?? 0) + demand.units - attributed;
  const w = c.fullReduction || c.coupon || c.gift || c.groupBuy || d?.flash ? weekAcc(ctx.acc) : ctx.acc.commerce;

  // 秒杀: flash orders up to the cap; the rest buy at the list price only if they would have anyway.
  const flash = d?.flash?.sku === sku.id ? d.flash : null;
  if (flash && c.flashSale && w) {
    let capLeft = Math.max(0, c.flashSale.qtyCap - c.flashSale.sold);
    const market = d?.marketPrice[sku.id] ?? P;
    segments.forEach((g, gi) => {
      const n = regular[gi] ?? 0;
      const take = Math.min(capLeft, n);
      capLeft -= take;
      if (take > 0) cells.push({ seg: gi, k: 1, priceFen: flash.priceFen, holder: false, kind: "flash", count: take });
      const overflow = n - take;
      let atList = 0;
      if (overflow > 0) {
        const pf = (p: number) =>
          priceFactor({
            priceFen: p,
            marketPriceFen: market,
            ...referenceOf(sku),
            elasticity: g.elasticity,
            priceSensitivity: g.priceSensitivity,
          });
        const fp = pf(flash.priceFen);
        atList = binomial(rng, overflow, fp > 0 ? clamp(pf(P) / fp, 0, 1) : 0);
        if (w.flash) {
          w.flash.boughtAtList += atList;
          w.flash.missed += overflow - atList;
        }
      }
      regular[gi] = atList;
    });
  }

  // 拼团: some orders start a group; filled groups bring their joiners, unfilled ones are refunded.
  const group = !flash && c.groupBuy?.sku === sku.id ? c.groupBuy : null;
  if (group && w) {
    const shares = d?.groupShare[sku.id] ?? [];
    let initiators = 0;
    segments.forEach((_, gi) => {
      const n = regular[gi] ?? 0;
      const k = binomial(rng, n, clamp(shares[gi] ?? 0, 0, 1));
      regular[gi] = n - k;
      initiators += k;
    });
    if (initiators > 0) {
      const depth = 1 - Math.min(group.groupPriceFen, P) / P;
      const filled = binomial(rng, initiators, groupFillProbability(group.groupSize, depth));
      const joiners = filled * (group.groupSize - 1);
      w.group.initiators += initiators;
      w.group.filled += filled;
      w.group.unfilled += initiators - filled;
      w.group.joiners += joiners;
      if (filled > 0) {
        const gp = Math.min(group.groupPriceFen, P);
        cells.push({ seg: -1, k: 1, priceFen: gp, holder: false, kind: "group", count: filled * group.groupSize });
        c.shareVisitors[sku.id] = (c.shareVisitors[sku.id] ?? 0) + GROUP_K_FACTOR * filled * group.groupSize;
      }
      // Joiners came through a shared link: they are visitors who bought.
      if (joiners > 0) countJoiners(ctx, sku.id, joiners);
    }
  }

  // Natural basket sizes, then coupon holders.
  const regularCells: Cell[] = [];
  segments.forEach((g, gi) => {
    const n = regular[gi] ?? 0;
    if (n <= 0) return;
    const basket = basketOf(g);
    const sizes = basket.length > 1 ? splitWeighted(rng, n, basket) : [n];
    const h = flash ? 0 : (d?.holderShare[sku.id]?.[gi] ?? 0);
    sizes.forEach((count, i) => {
      if (count <= 0) return;
      const holders = h > 0 ? binomial(rng, count, clamp(h, 0, 1)) : 0;
      if (holders > 0)
        regularCells.push({ seg: gi, k: i + 1, priceFen: P, holder: true, kind: "regular", count: holders });
      if (count - holders > 0)
        regularCells.push({ seg: gi, k: i + 1, priceFen: P, holder: false, kind: "regular", count: count - holders });
    });
  });

  // Top-ups towards each threshold, lowest first (P1.2g: order values bunch just above it).
  const thresholds: Threshold[] = [];
  if (!flash) {
    const cp = c.coupon;
    if (cp && cp.minSpendFen > 0)
      thresholds.push({ kind: "coupon", thresholdFen: cp.minSpendFen, valueFen: cp.faceFen });
    const fr = c.fullReduction;
    if (fr) thresholds.push({ kind: "fullReduction", thresholdFen: fr.thresholdFen, valueFen: fr.discountFen });
    if (c.gift && c.gift.minSpendFen > 0) thresholds.push({ kind: "gift", ...giftOffer(c.gift) });
    thresholds.sort((a, b) => a.thresholdFen - b.thresholdFen);
  }
  for (const t of thresholds) {
    for (let i = 0; i < regularCells.length; i++) {
      const cell = regularCells[i] as Cell;
      if (cell.count <= 0 || (t.kind === "coupon" && !cell.holder)) continue;
      const gap = t.thresholdFen - cell.k * P;
      if (gap <= 0) continue;
      const k2 = cell.k + unitsToReach(cell.k, P, t.thresholdFen);
      if (k2 > MAX_BASKET_UNITS) continue;
      const g = segments[cell.seg];
      const p = g ? topUpProbability(gap, t.thresholdFen, dealProneness(g), t.valueFen) : 0;
      const moved = binomial(rng, cell.count, p);
      if (moved <= 0) continue;
      cell.count -= moved;
      if (w) w.toppedUp += moved;
      const target = regularCells.find((x) => x.seg === cell.seg && x.k === k2 && x.holder === cell.holder);
      if (target) target.count += moved;
      else regularCells.push({ ...cell, k: k2, count: moved });
    }
  }
  regularCells.sort((a, b) => a.k - b.k || a.seg - b.seg || Number(b.holder) - Number(a.holder));
  cells.push(...regularCells);

  // Ship whole orders while stock lasts; discounts and gifts on what ships.
  let stockLeft = sku.stock;
  const out: Settlement = {
    orders: 0,
    units: 0,
    wantedUnits: 0,
    gmvFen: 0,
    discountFen: 0,
    promotionFen: 0,
    netUnitPriceFen: P,
    listUnits: 0,
  };
  const fr = flash ? null : c.fullReduction;
  const coupon = flash ? null : c.coupon;
  const gift = flash ? null : c.gift;
  const refT = fr?.thresholdFen ?? coupon?.minSpendFen ?? gift?.minSpendFen ?? 0;
  if (w && refT > 0) w.histogramThresholdFen = refT;
  let giftFen = 0;
  for (const cell of cells) {
    if (cell.count <= 0) continue;
    out.wantedUnits += cell.count * cell.k;
    const n = Math.min(cell.count, Math.floor(stockLeft / cell.k));
    if (n <= 0) continue;
    stockLeft -= n * cell.k;
    out.orders += n;
    out.units += n * cell.k;
    out.gmvFen += n * cell.k * cell.priceFen;
    if (cell.kind === "regular") out.listUnits += n * cell.k;
    if (cell.kind === "flash") {
      if (c.flashSale) c.flashSale.sold += n;
      if (w?.flash) w.flash.sold += n;
    }
    if (cell.kind !== "regular" || !w) continue;
    const value = cell.k * cell.priceFen;
    if (cell.k > 1) w.multiUnitOrders += n;
    if (refT > 0) w.histogram[histogramBin(value, refT)] = (w.histogram[histogramBin(value, refT)] ?? 0) + n;
    const frOff = fr && value >= fr.thresholdFen ? Math.min(fr.discountFen, value) : 0;
    if (frOff > 0) {
      w.frQualified += n;
      w.frDiscountFen += n * frOff;
    }
    out.discountFen += n * frOff;
    if (coupon && cell.holder && value >= coupon.minSpendFen) {
      const avail = Math.max(0, coupon.claimed - coupon.used);
      const uses = Math.min(n, avail);
      const off = Math.min(frOff + coupon.faceFen, value) - frOff;
      if (uses > 0 && off > 0) {
        coupon.used += uses;
        w.couponUsed += uses;
        w.couponFen += uses * off;
        out.discountFen += uses * off;
      }
    }
    if (gift && value >= gift.minSpendFen) {
      w.gifts += n;
      w.giftFen += n * gift.giftCostFen;
      giftFen += n * gift.giftCostFen;
    }
  }
  out.promotionFen = out.discountFen + giftFen;
  if (out.units > 0) out.netUnitPriceFen = Math.round((out.gmvFen - out.discountFen) / out.units);
  if (w) {
    w.orders += out.orders;
    w.units += out.units;
  }
  if (scenario.market.competitorPricing) {
    const net = weekAcc(ctx.acc).skuNet;
    const rec = net[sku.id] ?? { units: 0, netFen: 0 };
    rec.units += out.units;
    rec.netFen += out.gmvFen - out.discountFen;
    net[sku.id] = rec;
  }

  // A flash sale borrows ⅓ of its bump from the days after (van Heerde, Leeflang & Wittink 2004).
  if (flash && w?.flash && out.units > 0) {
    const base = w.flash.baselineUnits;
    const bump = out.units - base;
    if (bump > 0) {
      const days = Math.min(BORROW_SPREAD_DAYS, (BORROWED_SHARE * bump) / Math.max(1, base));
      c.borrowedDays[sku.id] = (c.borrowedDays[sku.id] ?? 0) + days;
      w.flash.borrowedDays += days;
    }
  }
  return out;
}

function histogramBin(valueFen: number, thresholdFen: number): number {
  const x = valueFen / thresholdFen;
  if (x < 0.5) return 0;
  if (x >= 1.5) return HISTOGRAM_BINS - 1;
  return clamp(1 + Math.floor((x - 0.5) * 10), 1, HISTOGRAM_BINS - 2);
}

function countJoiners(ctx: DayCtx, skuId: string, n: number): void {
  const { acc, s } = ctx;
  acc.traffic.home += n;
  acc.funnel.visitors += n;
  acc.funnel.engaged += n;
  acc.funnel.addToCart += n;
  acc.funnel.orders += n;
  s.totals.uv += n;
  s.totals.pv += 3 * n;
  s.totals.addToCart += n;
  ctx.report.uv += n;
  skuWeek(acc, skuId).uv += n;
}

// ---------- the week's end ----------

/** Competitors react, deep discounts scar, the flash price enters memory; the flash sale ends. */
export function commerceEndOfWeek(scenario: Scenario, s: GameState, acc: WeekAcc, rng: Rng): void {
  const c = s.commerce;
  const w = acc.commerce;
  // The flash price is one of the week's seven days of prices buyers remember (P1.2f reference price).
  if (w?.flash) {
    const f = w.flash;
    const sku = s.skus.find((k) => k.id === f.sku);
    // It pulls the memory toward the flash price (never past it, never below it: a list price raised
    // after the flash sale once pushed this negative).
    if (sku && f.priceFen < sku.refPriceFen)
      sku.refPriceFen = Math.max(
        f.priceFen,
        sku.refPriceFen + ((1 - REF_PRICE_MEMORY) * (f.priceFen - sku.refPriceFen)) / 7,
      );
    acc.events.push({
      key: "ev.flashSale",
      params: { sku: f.sku, day: f.day, sold: f.sold, cap: f.qtyCap, visitors: f.visitors },
    });
  }
  for (const sku of s.skus) {
    let fresh = 0;
    if (w?.flash && w.flash.sku === sku.id) fresh += qualityPenalty(1 - w.flash.priceFen / w.flash.listFen);
    if (c.groupBuy && c.groupBuy.sku === sku.id) fresh += qualityPenalty(1 - c.groupBuy.groupPriceFen / sku.priceFen);
    const prev = c.qualityScar[sku.id] ?? 0;
    const next = Math.min(QUALITY_SCAR_MAX, prev * QUALITY_SCAR_DECAY + fresh);
    c.qualityScar[sku.id] = next < 1e-6 ? 0 : next;
  }
  if (w && (w.group.initiators > 0 || w.group.shareVisitors > 0) && c.groupBuy) {
    acc.events.push({
      key: "ev.groupBuy",
      params: { sku: c.groupBuy.sku, filled: w.group.filled, unfilled: w.group.unfilled, joiners: w.group.joiners },
    });
  }
  // Competitors (P1.2f): react with a lag to the net price the shop sold at, relative to the market.
  const cp = scenario.market.competitorPricing;
  if (cp) {
    for (const sku of s.skus) {
      const spec = skuSpec(scenario, sku.id);
      const rec = w?.skuNet[sku.id];
      const net = rec && rec.units > 0 ? rec.netFen / rec.units : sku.priceFen;
      const cut = Math.max(0, 1 - net / spec.marketPriceFen);
      const pressure = nextPressure(c.pricePressure[sku.id] ?? 0, cut, cp.tolerance);
      c.pricePressure[sku.id] = pressure < 1e-9 ? 0 : pressure;
      const before = c.competitorIndex[sku.id] ?? 1;
      const noise = cp.noise > 0 ? normal(rng, 0, cp.noise) : 0;
      const after = nextCompetitorIndex(before, pressure, cp.reaction, noise);
      c.competitorIndex[sku.id] = after;
      if (after < before * 0.97) {
        acc.events.push({
          key: "ev.priceWar",
          params: {
            sku: sku.id,
            priceFen: Math.round(spec.marketPriceFen * after),
            pct: Math.round((1 - after / before) * 100),
          },
        });
      }
    }
  }
  c.flashSale = null;
}

/** The week report's commerce section. */
/** A group buy's discount depth off its SKU's list price (0 when the SKU is unknown). */
function groupDepth(s: GameState, gp: { sku: string; groupPriceFen: number }): number {
  const list = s.skus.find((k) => k.id === gp.sku)?.priceFen ?? 0;
  return list > 0 ? 1 - Math.min(gp.groupPriceFen, list) / list : 0;
}

export function commerceReport(scenario: Scenario, s: GameState, acc: WeekAcc): CommerceWeekReport | undefined {
  const c = s.commerce;
  const w = acc.commerce;
  const hasMarket = !!(scenario.market.calendar || scenario.market.seasonality || scenario.market.competitorPricing);
  if (!w && !hasMarket && !scenario.levers.includes("promotion")) return undefined;
  const active = PROMOTION_KINDS.filter((k) => c[k] !== null || (k === "flashSale" && !!w?.flash));
  const orders = w?.orders ?? 0;
  const units = w?.units ?? 0;
  const T = w?.histogramThresholdFen ?? 0;
  const gp = c.groupBuy;
  return {
    active,
    baskets: {
      orders,
      units,
      unitsPerOrder: orders > 0 ? units / orders : 0,
      multiUnitOrders: w?.multiUnitOrders ?? 0,
      toppedUp: w?.toppedUp ?? 0,
    },
    orderValues: w && T > 0 ? { thresholdFen: T, binFen: T / 10, fromFen: T / 2, counts: [...w.histogram] } : null,
    fullReduction: c.fullReduction
      ? {
          thresholdFen: c.fullReduction.thresholdFen,
          discountFen: c.fullReduction.discountFen,
          qualifiedOrders: w?.frQualified ?? 0,
          costFen: w?.frDiscountFen ?? 0,
        }
      : null,
    coupon: c.coupon
      ? {
          faceFen: c.coupon.faceFen,
          minSpendFen: c.coupon.minSpendFen,
          audience: c.coupon.audience,
          claimed: w?.couponClaimed ?? 0,
          used: w?.couponUsed ?? 0,
          redemption: w && w.couponClaimed > 0 ? w.couponUsed / w.couponClaimed : 0,
          costFen: w?.couponFen ?? 0,
          left: Math.max(0, c.coupon.quantity - c.coupon.claimed),
        }
      : null,
    flashSale: w?.flash
      ? {
          ...w.flash,
          qualityPenalty: qualityPenalty(1 - w.flash.priceFen / w.flash.listFen),
        }
      : null,
    groupBuy: gp
      ? {
          sku: gp.sku,
          groupPriceFen: gp.groupPriceFen,
          groupSize: gp.groupSize,
          fillProbability: groupFillProbability(gp.groupSize, groupDepth(s, gp)),
          ...(w?.group ?? { initiators: 0, filled: 0, unfilled: 0, joiners: 0, shareVisitors: 0 }),
        }
      : null,
    gift: c.gift
      ? {
          minSpendFen: c.gift.minSpendFen,
          giftCostFen: c.gift.giftCostFen,
          gifts: w?.gifts ?? 0,
          costFen: w?.giftFen ?? 0,
        }
      : null,
    promotionCostFen: -(acc.ledger.promotion ?? 0),
    competitors: s.skus.map((sku) => {
      const spec = skuSpec(scenario, sku.id);
      return {
        sku: sku.id,
        marketPriceFen: spec.marketPriceFen,
        competitorPriceFen: competitorPriceFen(scenario, s, sku.id),
        index: c.competitorIndex[sku.id] ?? 1,
        pressure: c.pricePressure[sku.id] ?? 0,
        ourPriceFen: sku.priceFen,
      };
    }),
    days: w?.days ?? [],
    qualityScar: { ...c.qualityScar },
  };
}

// ---------- estimates for the promotion panel (P1.2g: weigh cost against gain) ----------

export interface PromotionEstimate {
  /** Extra orders a week the promotion is expected to bring (borrowed demand already netted out). */
  extraOrders: number;
  /** Extra units a week (top-ups and extra orders). */
  extraUnits: number;
  /** What the promotion gives away a week: discounts, gift costs, flash/group price below list (fen). */
  costFen: number;
  /** Expected change in the week's contribution margin (after goods, commission, parcels and cost), fen. */
  marginImpactFen: number;
}

type PromotionDecision = Extract<
  Decision,
  { type: "setFullReduction" | "setCoupon" | "setFlashSale" | "setGroupBuy" | "setGift" | "endPromotion" }
>;

/**
 * Expected weekly effect of a promotion decision, from what the player can see: the last seven days'
 * sales of each SKU, the run's average weekly visitors, and the same formulas the simulation uses.
 * A rough guide, not a forecast: it ignores stock limits, events and competitors' reactions.
 */
export function estimatePromotion(scenario: Scenario, state: GameState, d: PromotionDecision): PromotionEstimate {
  const out: PromotionEstimate = { extraOrders: 0, extraUnits: 0, costFen: 0, marginImpactFen: 0 };
  if (d.type === "endPromotion") return out;
  const comm = scenario.market.commissionRate;
  const ship = scenario.market.shippingFen;
  const segments = scenario.market.segments;
  const weeklyUv = state.week > 0 ? state.totals.uv / state.week : 0;
  const unitsAll = state.skus.reduce((a, k) => a + k.recentSales.reduce((x, y) => x + y, 0), 0);
  let couponLeft = d.type === "setCoupon" ? d.quantity : 0;
  for (const sku of state.skus) {
    const units = sku.recentSales.reduce((a, b) => a + b, 0);
    if (units <= 0) continue;
    const P = sku.priceFen;
    const unitMargin = (p: number) => p * (1 - comm) - sku.unitCostFen;
    const visitors = unitsAll > 0 ? (weeklyUv * units) / unitsAll : 0;
    const market = marketPriceOn(scenario, state, sku.id, state.week * 7);
    for (const g of segments) {
      const basket = basketOf(g);
      const meanK = basket.reduce((a, p, i) => a + p * (i + 1), 0);
      const seg = { elasticity: g.elasticity, dealProne: dealProneness(g), basket };
      const orders = ((units / meanK) * g.share) / segments.reduce((a, x) => a + x.share, 0);
      const orderMargin = meanK * unitMargin(P) - ship;
      const pf = (p: number) =>
        priceFactor({
          priceFen: p,
          marketPriceFen: market,
          ...referenceOf(sku),
          elasticity: g.elasticity,
          priceSensitivity: g.priceSensitivity,
        });
      switch (d.type) {
        case "setFullReduction":
        case "setGift": {
          const T = d.type === "setFullReduction" ? d.thresholdFen : d.minSpendFen;
          const value = d.type === "setFullReduction" ? d.discountFen : giftOffer(d).valueFen;
          const costPer = d.type === "setFullReduction" ? d.discountFen * (1 - comm) : d.giftCostFen;
          const lift = thresholdLift(P, { thresholdFen: T, valueFen: value }, seg);
          const after = orders * lift;
          const offer = { thresholdFen: T, valueFen: value };
          const q = qualifyingShare(P, basket, offer, seg.dealProne);
          const top = topUpUnitsPerOrder(P, basket, offer, seg.dealProne);
          const given = after * q * (d.type === "setFullReduction" ? d.discountFen : d.giftCostFen);
          out.extraOrders += after - orders;
          out.extraUnits += (after - orders) * meanK + after * top;
          out.costFen += given;
          out.marginImpactFen += (after - orders) * orderMargin + after * top * unitMargin(P) - after * q * costPer;
          break;
        }
        case "setCoupon": {
          const eligible = d.audience === "public" ? 1 : d.audience === "new" ? 0.85 : 0;
          const segVisitors = (visitors * g.share) / segments.reduce((a, x) => a + x.share, 0);
          const claims = Math.min(couponLeft, segVisitors * eligible * couponClaimShare(seg.dealProne));
          couponLeft -= claims;
          if (claims <= 0 || segVisitors <= 0) break;
          const T = d.minSpendFen > 0 ? d.minSpendFen : P;
          const lift = thresholdLift(P, { thresholdFen: T, valueFen: d.faceFen }, seg);
          const c = claims / segVisitors;
          const after = orders * (1 + c * (lift - 1));
          const holders = after * holderOrderShare(c, lift);
          const offer = { thresholdFen: T, valueFen: d.faceFen };
          const used = Math.min(claims, holders * qualifyingShare(P, basket, offer, seg.dealProne));
          const top = holders * topUpUnitsPerOrder(P, basket, offer, seg.dealProne);
          out.extraOrders += after - orders;
          out.extraUnits += (after - orders) * meanK + top;
          out.costFen += used * d.faceFen;
          out.marginImpactFen += (after - orders) * orderMargin + top * unitMargin(P) - used * d.faceFen * (1 - comm);
          break;
        }
        case "setFlashSale": {
          if (d.sku !== sku.id) break;
          const fp = Math.min(d.priceFen, P);
          const ratio = pf(P) > 0 ? pf(fp) / pf(P) : 1;
          const daily = orders / 7;
          const conv = visitors > 0 ? units / meanK / visitors : 0;
          const share = (g.share * dealProneness(g)) / segments.reduce((a, x) => a + x.share * dealProneness(x), 0);
          const want = (daily + flashVisitors(1 - fp / P) * share * conv) * ratio;
          const cap = (d.qtyCap * g.share) / segments.reduce((a, x) => a + x.share, 0);
          const sold = Math.min(cap, want);
          const bump = Math.max(0, sold - daily);
          const extra = bump * (1 - BORROWED_SHARE) - (sold < daily ? daily - sold : 0);
          out.extraOrders += extra;
          out.extraUnits += extra;
          out.costFen += sold * (P - fp);
          out.marginImpactFen +=
            sold * (unitMargin(fp) - ship) - daily * orderMargin - bump * BORROWED_SHARE * orderMargin;
          break;
        }
        case "setGroupBuy": {
          if (d.sku !== sku.id) break;
          const gp = Math.min(d.groupPriceFen, P);
          const ratio = pf(P) > 0 ? pf(gp) / pf(P) : 1;
          const w = groupWillingness(seg.dealProne, 1 - gp / P);
          const fill = groupFillProbability(d.groupSize, 1 - gp / P);
          const gl = groupLift(w, ratio, fill);
          const after = orders * gl;
          const share = gl > 0 ? (gl - (1 - w)) / gl : 0;
          const groupOrders = after * share * fill * d.groupSize;
          const regular = after * (1 - share);
          out.extraOrders += regular + groupOrders - orders;
          out.extraUnits += regular * meanK + groupOrders - orders * meanK;
          out.costFen += groupOrders * (P - gp);
          out.marginImpactFen += regular * orderMargin + groupOrders * (unitMargin(gp) - ship) - orders * orderMargin;
          break;
        }
      }
    }
  }
  out.costFen = Math.round(out.costFen);
  out.marginImpactFen = Math.round(out.marginImpactFen);
  return out;
}
