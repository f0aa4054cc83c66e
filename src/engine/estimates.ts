// Stock estimates for the inventory panel (P1.3a): days of cover and a suggested reorder per SKU,
// from the SKU's recent sales and its supplier's lead time. Pure and deterministic; the UI only
// renders the result. What a real seller can see: on-hand stock, lots on their way, past sales.

/** Weeks of sales the daily rate is taken from (the most recent ones). */
export const COVER_WEEKS = 3;
/** A reorder is placed once a week (one turn), so stock must last the lead time plus this long. */
export const REVIEW_DAYS = 7;
/** KNOB: extra days of demand kept in hand against a busier week than the recent ones. */
export const SAFETY_DAYS = 3;
/** Suggested quantities are rounded up to this many units (the stepper's fine step). */
export const ORDER_ROUNDING = 10;

export interface StockEstimateInput {
  /** Units on hand now. */
  stock: number;
  /** Lots on their way (units), whatever day they arrive. */
  onOrder: number;
  /** Recent weeks of this SKU, oldest first: units sold and days it was out of stock. */
  weeks: readonly { units: number; stockoutDays: number }[];
  leadDays: number;
  minOrder: number;
}

export interface StockEstimate {
  /** Units sold per day on the days it was in stock (recent weeks); null before any sales data. */
  dailyUnits: number | null;
  /** Days the stock on hand lasts at that rate; null without a rate (nothing sold yet). */
  coverDays: number | null;
  /** Days the stock on hand and on its way lasts. */
  coverWithOrderDays: number | null;
  /** Units to order this week so stock lasts the lead time, a week and the safety days: 0 = none
   * needed; at least the supplier's minimum order; null without a rate. */
  suggestedQty: number | null;
}

/**
 * Days of cover and the order-up-to suggestion: target = daily rate × (lead time + REVIEW_DAYS +
 * SAFETY_DAYS); suggestion = target − on hand − on order, rounded up to ORDER_ROUNDING and raised to
 * the minimum order. Sales in a sold-out week undercount demand, so the rate uses in-stock days.
 */
export function stockEstimate(input: StockEstimateInput): StockEstimate {
  const recent = input.weeks.slice(-COVER_WEEKS);
  let units = 0;
  let days = 0;
  for (const w of recent) {
    units += Math.max(0, w.units);
    days += Math.max(0, 7 - Math.min(7, Math.max(0, w.stockoutDays)));
  }
  if (recent.length === 0 || (days === 0 && units === 0))
    return { dailyUnits: null, coverDays: null, coverWithOrderDays: null, suggestedQty: null };
  // A week sold out on every day still sold something before it ran out: count it as one day.
  const daily = units / Math.max(1, days);
  if (daily <= 0) return { dailyUnits: 0, coverDays: null, coverWithOrderDays: null, suggestedQty: 0 };
  const stock = Math.max(0, input.stock);
  const onOrder = Math.max(0, input.onOrder);
  const target = daily * (input.leadDays + REVIEW_DAYS + SAFETY_DAYS);
  const short = target - stock - onOrder;
  let qty = short > 0 ? Math.ceil(short / ORDER_ROUNDING) * ORDER_ROUNDING : 0;
  if (qty > 0 && qty < input.minOrder) qty = input.minOrder;
  return {
    dailyUnits: daily,
    coverDays: stock / daily,
    coverWithOrderDays: (stock + onOrder) / daily,
    suggestedQty: qty,
  };
}
