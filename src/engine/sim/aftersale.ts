// What falls due on a day or at the week's end: supplier deliveries, reviews and returns that
// follow earlier sales, salaries, reference prices, ranking indices and stock warnings.
import { clamp } from "../detmath";
import { CATEGORY_CVR, CVR_INDEX_EMA, DSR_EMA, REF_PRICE_MEMORY, REF_WINDOW_WEEKS } from "../model";
import { normal } from "../sampling";
import type { Scenario } from "../scenario-schema";
import type { GameState } from "../types";
import { opsEndOfWeek } from "./operations";
import { book, type DayCtx, skuSpec, type WeekAcc } from "./week";

export function receiveArrivals(ctx: DayCtx): void {
  const { s, day, acc } = ctx;
  for (const sku of s.skus) {
    const due = sku.pipeline.filter((p) => p.arriveDay <= day);
    if (due.length === 0) continue;
    sku.pipeline = sku.pipeline.filter((p) => p.arriveDay > day);
    for (const lot of due) {
      // Moving-average unit cost, rounded to whole fen.
      const total = sku.stock + lot.qty;
      sku.unitCostFen =
        total > 0 ? Math.round((sku.stock * sku.unitCostFen + lot.qty * lot.unitCostFen) / total) : lot.unitCostFen;
      sku.stock = total;
      const week = acc.skus.get(sku.id);
      if (week) week.arrived += lot.qty;
      acc.events.push({ key: "ev.arrival", params: { sku: sku.id, qty: lot.qty } });
    }
  }
}

export function settlePending(ctx: DayCtx): void {
  const { scenario, s, day, acc } = ctx;
  const rng = ctx.rng.reviews;
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
        acc.reviews.push({
          sku: sku.id,
          stars,
          key: stars >= 5 ? "review.great" : stars === 4 ? "review.good" : stars === 3 ? "review.meh" : "review.bad",
        });
      }
    }
    if (sku.reviewCount === 0) acc.events.push({ key: "ev.firstReview", params: { sku: sku.id } });
    sku.reviewCount += p.qty;
    sku.ratingSum += batchSum;
    s.dsr.description = s.dsr.description + DSR_EMA * (batchSum / p.qty - s.dsr.description);
  }
}

export function endOfWeek(scenario: Scenario, s: GameState, acc: WeekAcc): void {
  opsEndOfWeek(scenario, s, acc); // PX.c salaries; P1.3c DSR service/logistics; loan interest
  if (s.cashFen < 0 && s.status === "playing") {
    s.status = "bankrupt";
    acc.events.push({ key: "ev.bankrupt", params: { day: 7 } });
  }
  for (const sku of s.skus) {
    const week = acc.skus.get(sku.id);
    // P1.2f: buyers' reference price drifts towards the prices they paid; a price nobody paid (a week
    // listed at ¥99,999) is not remembered. The last weeks' sold list prices cap the "was" price.
    const soldAtList = week !== undefined && week.listUnits > 0;
    if (soldAtList) sku.refPriceFen = REF_PRICE_MEMORY * sku.refPriceFen + (1 - REF_PRICE_MEMORY) * sku.priceFen;
    sku.soldListFen.push(soldAtList ? sku.priceFen : 0);
    while (sku.soldListFen.length > REF_WINDOW_WEEKS) sku.soldListFen.shift();
    if (week && week.abnormalDays > 0)
      acc.events.push({ key: "ev.priceFlag", params: { sku: sku.id, days: week.abnormalDays } });
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
