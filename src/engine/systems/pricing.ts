// Price response (P1.2f): constant elasticity against the market price, a reference-price
// memory where losses weigh twice gains, and the psychology of price endings.
import { clamp, exp, pow } from "../detmath";
import {
  ABNORMAL_PRICE_HIGH,
  ABNORMAL_PRICE_LOW,
  CHARM_LIFT,
  PRICE_FACTOR_CAP,
  PRICE_FACTOR_FLOOR,
  REF_GAIN,
  REF_LOSS,
  ROUND_LIFT,
  ROUND_MIN_PRICE_FEN,
} from "../model";

/** A charm price ends in 9 in its last non-zero yuan/jiao digit: ¥89, ¥9.9, ¥199.90, ¥8.99. */
export function isCharmPrice(priceFen: number): boolean {
  if (priceFen % 100 === 99) return true; // ¥x.99
  if (priceFen % 100 === 90) return true; // ¥x.90
  return priceFen % 100 === 0 && Math.floor(priceFen / 100) % 10 === 9; // ¥…9.00
}

/** A round price is a whole multiple of ¥10 (¥100, ¥150, ¥200). */
export function isRoundPrice(priceFen: number): boolean {
  return priceFen % 1000 === 0;
}

export interface PriceResponseInput {
  priceFen: number;
  marketPriceFen: number;
  /** Buyers' remembered price: paying more than it is a loss. */
  refPriceFen: number;
  /** The honest "was" price (lowest list price sold at in ≈30 days, at most refPriceFen): paying less is a gain. */
  wasPriceFen?: number;
  elasticity: number;
  priceSensitivity: number;
}

/** The "was" price a SKU's gains count from: its remembered price, capped by the 30-day lowest sold list price. */
export function wasPriceFen(sku: { refPriceFen: number; soldListFen: readonly number[] }): number {
  let was = sku.refPriceFen;
  for (const p of sku.soldListFen) if (p > 0 && p < was) was = p;
  return was;
}

/** Reference prices of a SKU for `priceFactor` (spread into its input). */
export function referenceOf(sku: { refPriceFen: number; soldListFen: readonly number[] }): {
  refPriceFen: number;
  wasPriceFen: number;
} {
  return { refPriceFen: sku.refPriceFen, wasPriceFen: wasPriceFen(sku) };
}

/**
 * True when a list price deviates so far from the market price that the platform flags it (价格异常) and
 * hides the listing from search (P1.2f; ABNORMAL_PRICE_HIGH / _LOW in model.ts).
 */
export function abnormalPrice(priceFen: number, marketPriceFen: number): boolean {
  return priceFen > ABNORMAL_PRICE_HIGH * marketPriceFen || priceFen < ABNORMAL_PRICE_LOW * marketPriceFen;
}

/** Multiplier on add-to-cart for one segment. */
export function priceFactor(p: PriceResponseInput): number {
  const relative = p.priceFen / p.marketPriceFen;
  let f = pow(relative, p.elasticity);
  const was = Math.min(p.wasPriceFen ?? p.refPriceFen, p.refPriceFen);
  const gain = Math.max(0, (was - p.priceFen) / was);
  const loss = Math.max(0, (p.priceFen - p.refPriceFen) / p.refPriceFen);
  f *= exp(REF_GAIN * gain - REF_LOSS * loss);
  if (isCharmPrice(p.priceFen)) f *= 1 + CHARM_LIFT * p.priceSensitivity;
  else if (isRoundPrice(p.priceFen) && p.priceFen >= ROUND_MIN_PRICE_FEN)
    f *= 1 + ROUND_LIFT * (1 - p.priceSensitivity);
  return clamp(f, PRICE_FACTOR_FLOOR, PRICE_FACTOR_CAP); // the floor keeps ratios of factors finite
}
