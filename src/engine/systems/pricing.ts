// Price response (P1.2f): constant elasticity against the market price, a reference-price
// memory where losses weigh twice gains, and the psychology of price endings.
import { clamp, exp, pow } from "../detmath";
import { CHARM_LIFT, PRICE_FACTOR_CAP, REF_GAIN, REF_LOSS, ROUND_LIFT, ROUND_MIN_PRICE_FEN } from "../model";

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
  refPriceFen: number;
  elasticity: number;
  priceSensitivity: number;
}

/** Multiplier on add-to-cart for one segment. */
export function priceFactor(p: PriceResponseInput): number {
  const relative = p.priceFen / p.marketPriceFen;
  let f = pow(relative, p.elasticity);
  const gain = Math.max(0, (p.refPriceFen - p.priceFen) / p.refPriceFen);
  const loss = Math.max(0, (p.priceFen - p.refPriceFen) / p.refPriceFen);
  f *= exp(REF_GAIN * gain - REF_LOSS * loss);
  if (isCharmPrice(p.priceFen)) f *= 1 + CHARM_LIFT * p.priceSensitivity;
  else if (isRoundPrice(p.priceFen) && p.priceFen >= ROUND_MIN_PRICE_FEN)
    f *= 1 + ROUND_LIFT * (1 - p.priceSensitivity);
  return clamp(f, 0, PRICE_FACTOR_CAP);
}
