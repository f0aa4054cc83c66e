// The conversion funnel for one SKU's visitors of the day, then what the stock can ship.
// land → stay (bounce: P1.1d) → cart (price P1.2f, page P1.1c/P1.2e, reviews, rating) → order → pay.
import { clamp } from "../detmath";
import {
  ADD_TO_CART_BASE,
  ADD_TO_CART_CAP,
  BROAD_AD_INTENT,
  CART_TO_ORDER,
  FAVOURITE_PER_CART,
  HOLDING_RATE_PER_WEEK,
  ORDER_TO_PAY,
  RETURN_DELAY_DAYS,
  REVIEW_DELAY_DAYS,
  REVIEW_RATE,
  SOURCE_INTENT,
  STORAGE_FEN_PER_UNIT_WEEK,
} from "../model";
import { binomial } from "../sampling";
import { detailQuality } from "../systems/listing";
import { priceFactor, referenceOf } from "../systems/pricing";
import { ratingFactor, reviewCountFactor } from "../systems/reputation";
import type { SkuState } from "../types";
import { settleOrders, todayMarketPriceFen, todayPriceFen } from "./commerce";
import { domainDIntent, isClearingSku } from "./lifecycle";
import { noteUnmet, recordFunnelCell } from "./operations";
import { book, type DayCtx, emptyBySource, SOURCES, type Source, skuSpec, skuWeek } from "./week";

export interface Demand {
  /** Paid orders today (before stock); sim/commerce.ts turns them into baskets of one or more units. */
  units: number;
  /** The same, by the source of the visitor who bought. */
  bySource: Record<Source, number>;
  /** The same, by segment (index as in the scenario). */
  bySegment: number[];
}

/** Runs the funnel for every visitor group of the SKU; returns the units buyers want. */
export function convert(ctx: DayCtx, sku: SkuState): Demand {
  const { scenario, s, acc, factors: f } = ctx;
  const rng = ctx.rng.funnel;
  const week = skuWeek(acc, sku.id);
  const v = ctx.visitors.get(sku.id);
  const demand: Demand = { units: 0, bySource: emptyBySource(), bySegment: scenario.market.segments.map(() => 0) };
  if (!v) return demand;
  const mult = ctx.cartMult.get(sku.id);
  // The segment's part of the add-to-cart probability (price, page, reviews) does not depend on
  // the source: work it out once per segment, on the first source that brings visitors of it.
  const segmentBase: (number | undefined)[] = [];
  let skuUv = 0;
  for (const source of SOURCES) {
    scenario.market.segments.forEach((seg, gi) => {
      const n = v[source][gi] ?? 0;
      if (n === 0) return;
      skuUv += n;
      if (source !== "home") acc.traffic[source] += n; // home visitors are counted on arrival
      const mobile = binomial(rng, n, seg.mobileShare);
      const engaged = binomial(rng, mobile, 1 - f.bounceMobile) + binomial(rng, n - mobile, 1 - f.bounceDesktop);
      let base = segmentBase[gi];
      if (base === undefined) {
        const pf = priceFactor({
          priceFen: todayPriceFen(ctx, sku), // a flash sale's price on its day (P1.2g)
          marketPriceFen: todayMarketPriceFen(ctx, sku.id), // competitors' prices today (P1.2f)
          ...referenceOf(sku), // remembered price (losses) and 30-day lowest sold list price (gains)
          elasticity: seg.elasticity,
          priceSensitivity: seg.priceSensitivity,
        });
        const dq = detailQuality(sku.detail, seg.trustNeed, sku.reviewCount > 0);
        const rf = reviewCountFactor(sku.reviewCount, seg.trustNeed) * ratingFactor(sku.reviewCount, sku.ratingSum);
        base = ADD_TO_CART_BASE * seg.fit * pf * dq * rf; // the product's leading factors, in the same order
        segmentBase[gi] = base;
      }
      let intent = SOURCE_INTENT[source];
      if (source === "ads" && s.ads.target === "broad") intent *= BROAD_AD_INTENT;
      intent *= domainDIntent(ctx, sku, source); // P2.3a member offer, P1.2b waning interest (else exactly 1)
      const today = mult?.[gi] ?? 1;
      const pCart = clamp(base * intent * today, 0, ADD_TO_CART_CAP);
      const carts = binomial(rng, engaged, pCart);
      const orders = binomial(rng, carts, CART_TO_ORDER);
      const paid = binomial(rng, orders, ORDER_TO_PAY);
      recordFunnelCell(ctx, source, gi, n, engaged, carts, paid); // PX.a: the analyst's funnel by segment/source
      acc.funnel.visitors += n;
      acc.funnel.engaged += engaged;
      acc.funnel.addToCart += carts;
      // 收藏: an expected count (no draw, so no stream moves); rounded in the report.
      acc.funnel.favourites += (engaged - carts) * Math.min(1, pCart * FAVOURITE_PER_CART);
      acc.funnel.orders += orders;
      s.totals.addToCart += carts;
      s.totals.pv += n + engaged * 2;
      demand.units += paid;
      demand.bySource[source] += paid;
      demand.bySegment[gi] = (demand.bySegment[gi] ?? 0) + paid;
    });
  }
  week.uv += skuUv;
  ctx.report.uv += skuUv;
  s.totals.uv += skuUv;
  return demand;
}

/** Ships what stock allows, books the money, and schedules the reviews and returns that follow. */
export function ship(ctx: DayCtx, sku: SkuState, demand: Demand): void {
  const { scenario, s, acc, day } = ctx;
  const spec = skuSpec(scenario, sku.id);
  const week = skuWeek(acc, sku.id);
  // Orders → baskets → promotions → whole orders the stock can ship (sim/commerce.ts, P1.2g).
  const order = settleOrders(ctx, sku, demand);
  const sold = order.units;
  if (order.wantedUnits > sold && !isClearingSku(s, sku)) {
    week.stockoutDays += 1;
    sku.stockoutDays += 1;
    s.totals.stockoutDays += 1;
    ctx.report.stockouts.push(sku.id);
    noteUnmet(ctx, sku.id, order.wantedUnits - sold); // P1.3a: an unsynced listing oversells these
  }
  sku.stock -= sold;
  sku.unitsSold += sold;
  week.listUnits += order.listUnits;
  sku.recentSales.push(sold);
  if (sku.recentSales.length > 7) sku.recentSales.shift();
  acc.funnel.paid += order.orders;
  if (sold > 0) {
    const listFen = order.gmvFen; // list (or flash/group) price × units
    const gmv = listFen - order.discountFen; // 支付金额: what buyers paid after 满减 and coupons
    const orders = order.orders;
    // Paid traffic: info-flow ads and search ads (P2.1a).
    const adDemand = demand.bySource.ads + demand.bySource.paidSearch;
    const adSold = demand.units > 0 ? Math.floor((adDemand * orders) / demand.units) : 0;
    const adGmv = Math.round((gmv * adSold) / orders);
    book(s, acc, "sales", listFen);
    book(s, acc, "promotion", -order.promotionFen); // the discounts again as a cost, and gifts
    book(s, acc, "commission", -Math.round(gmv * scenario.market.commissionRate));
    acc.discountFen += order.discountFen;
    s.totals.discountFen += order.discountFen;
    book(s, acc, "logistics", -orders * scenario.market.shippingFen); // one parcel per order
    const cogs = sold * sku.unitCostFen;
    acc.cogsFen += cogs;
    s.totals.cogsFen += cogs;
    s.totals.gmvFen += gmv;
    s.totals.orders += orders;
    s.totals.units += sold;
    s.totals.buyers += orders;
    s.totals.adOrders += adSold;
    s.totals.adGmvFen += adGmv;
    acc.adOrders += adSold;
    acc.adGmvFen += adGmv;
    week.orders += orders;
    week.units += sold;
    week.gmvFen += gmv;
    ctx.report.orders += orders;
    ctx.report.gmvFen += gmv;
    const bySource = emptyBySource();
    for (const k of SOURCES) bySource[k] = Math.floor((demand.bySource[k] * orders) / demand.units);
    const paidFen = order.netUnitPriceFen; // what a unit was paid, after discounts
    ctx.sales.push({ sku: sku.id, units: sold, orders, gmvFen: gmv, priceFen: paidFen, bySource });
    // Reviews and returns follow delivery; their timing is fixed, their counts drawn now.
    const reviews = binomial(ctx.rng.reviews, orders, REVIEW_RATE);
    if (reviews > 0) {
      s.pending.push({
        day: day + REVIEW_DELAY_DAYS,
        kind: "review",
        sku: sku.id,
        qty: reviews,
        priceFen: sku.priceFen,
      });
    }
    const returns = binomial(ctx.rng.returns, sold, spec.returnRate);
    if (returns > 0) {
      s.pending.push({
        day: day + RETURN_DELAY_DAYS,
        kind: "return",
        sku: sku.id,
        qty: returns,
        priceFen: paidFen,
      });
    }
  }
  // Holding cost on what sits in the warehouse tonight: capital and shrink (25%/year) plus the storage fee.
  book(
    s,
    acc,
    "holding",
    -Math.round((sku.stock * (sku.unitCostFen * HOLDING_RATE_PER_WEEK + STORAGE_FEN_PER_UNIT_WEEK)) / 7),
  );
}
