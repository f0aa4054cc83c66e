// The conversion funnel for one SKU's visitors of the day, then what the stock can ship.
// land → stay (bounce: P1.1d) → cart (price P1.2f, page P1.1c/P1.2e, reviews, rating) → order → pay.
import { clamp } from "../detmath";
import {
  ADD_TO_CART_BASE,
  ADD_TO_CART_CAP,
  BROAD_AD_INTENT,
  CART_TO_ORDER,
  HOLDING_RATE_PER_WEEK,
  ORDER_TO_PAY,
  RETURN_DELAY_DAYS,
  REVIEW_DELAY_DAYS,
  REVIEW_RATE,
  SOURCE_INTENT,
} from "../model";
import { binomial } from "../sampling";
import { detailQuality } from "../systems/listing";
import { priceFactor } from "../systems/pricing";
import { ratingFactor, reviewCountFactor } from "../systems/reputation";
import type { SkuState } from "../types";
import { book, type DayCtx, emptyBySource, SOURCES, type Source, skuSpec, skuWeek } from "./week";

export interface Demand {
  /** Units buyers paid for today (before stock). */
  units: number;
  /** The same, by the source of the visitor who bought. */
  bySource: Record<Source, number>;
}

/** Runs the funnel for every visitor group of the SKU; returns the units buyers want. */
export function convert(ctx: DayCtx, sku: SkuState): Demand {
  const { scenario, s, acc, factors: f } = ctx;
  const rng = ctx.rng.funnel;
  const spec = skuSpec(scenario, sku.id);
  const week = skuWeek(acc, sku.id);
  const v = ctx.visitors.get(sku.id);
  const demand: Demand = { units: 0, bySource: emptyBySource() };
  if (!v) return demand;
  const mult = ctx.cartMult.get(sku.id);
  let skuUv = 0;
  for (const source of SOURCES) {
    scenario.market.segments.forEach((seg, gi) => {
      const n = v[source][gi] ?? 0;
      if (n === 0) return;
      skuUv += n;
      if (source !== "home") acc.traffic[source] += n; // home visitors are counted on arrival
      const mobile = binomial(rng, n, seg.mobileShare);
      const engaged = binomial(rng, mobile, 1 - f.bounceMobile) + binomial(rng, n - mobile, 1 - f.bounceDesktop);
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
      const today = mult?.[gi] ?? 1;
      const pCart = clamp(ADD_TO_CART_BASE * seg.fit * pf * dq * rf * intent * today, 0, ADD_TO_CART_CAP);
      const carts = binomial(rng, engaged, pCart);
      const orders = binomial(rng, carts, CART_TO_ORDER);
      const paid = binomial(rng, orders, ORDER_TO_PAY);
      acc.funnel.visitors += n;
      acc.funnel.engaged += engaged;
      acc.funnel.addToCart += carts;
      acc.funnel.orders += orders;
      s.totals.addToCart += carts;
      s.totals.pv += n + engaged * 2;
      demand.units += paid;
      demand.bySource[source] += paid;
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
  const sold = Math.min(sku.stock, demand.units);
  if (demand.units > sold) {
    week.stockoutDays += 1;
    sku.stockoutDays += 1;
    s.totals.stockoutDays += 1;
    ctx.report.stockouts.push(sku.id);
  }
  sku.stock -= sold;
  sku.unitsSold += sold;
  sku.recentSales.push(sold);
  if (sku.recentSales.length > 7) sku.recentSales.shift();
  acc.funnel.paid += sold;
  if (sold > 0) {
    const gmv = sold * sku.priceFen;
    const adSold = demand.units > 0 ? Math.floor((demand.bySource.ads * sold) / demand.units) : 0;
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
    ctx.report.orders += sold;
    ctx.report.gmvFen += gmv;
    const bySource = emptyBySource();
    for (const k of SOURCES) bySource[k] = Math.floor((demand.bySource[k] * sold) / demand.units);
    ctx.sales.push({ sku: sku.id, units: sold, orders: sold, gmvFen: gmv, priceFen: sku.priceFen, bySource });
    // Reviews and returns follow delivery; their timing is fixed, their counts drawn now.
    const reviews = binomial(ctx.rng.reviews, sold, REVIEW_RATE);
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
        priceFen: sku.priceFen,
      });
    }
  }
  // Holding cost on what sits in the warehouse tonight (25%/year).
  book(s, acc, "holding", -Math.round((sku.stock * sku.unitCostFen * HOLDING_RATE_PER_WEEK) / 7));
}
