// Promotions (P1.2g): 满减 full reduction, coupons, 秒杀 flash sales, 拼团 group buys and gifts.
// Pure formulas (table-tested in tests/engine/commerce.test.ts), the promotion state, and the checks
// and application of the promotion decisions. The daily flow that draws numbers is sim/commerce.ts.
import type { Decision, DecisionError } from "../decisions";
import { clamp, logistic, pow } from "../detmath";
import {
  COUPON_CLAIM_RATE,
  FLASH_CHANNEL_VISITORS,
  FLASH_COOLDOWN_WEEKS,
  FLASH_MAX_VISITOR_MULT,
  FLASH_REF_DEPTH,
  GIFT_PERCEIVED_VALUE,
  GROUP_FILL_BASE,
  GROUP_REF_DEPTH,
  GROUP_WILLINGNESS,
  PRICE_FACTOR_CAP,
  QUALITY_PENALTY_PER_POINT,
  QUALITY_PENALTY_START,
  TOPUP_K0,
  TOPUP_K1,
  TOPUP_K2,
} from "../model";
import type { Scenario, ScenarioSegment } from "../scenario-schema";
import type { GameState } from "../types";

export const COUPON_AUDIENCES = ["public", "new", "members"] as const;
export type CouponAudience = (typeof COUPON_AUDIENCES)[number];
export const PROMOTION_KINDS = ["fullReduction", "coupon", "flashSale", "groupBuy", "gift"] as const;
export type PromotionKind = (typeof PROMOTION_KINDS)[number];

export interface FullReduction {
  thresholdFen: number;
  discountFen: number;
}
export interface CouponState {
  faceFen: number;
  minSpendFen: number;
  /** Coupons issued; claims stop when they are gone. */
  quantity: number;
  audience: CouponAudience;
  claimed: number;
  used: number;
}
export interface FlashSaleState {
  sku: string;
  priceFen: number;
  qtyCap: number;
  /** Day of the week, 1–7. */
  day: number;
  sold: number;
}
export interface GroupBuyState {
  sku: string;
  groupPriceFen: number;
  groupSize: number;
}
export interface GiftState {
  minSpendFen: number;
  giftCostFen: number;
}

/** `state.commerce`: the shop's promotions and what the market remembers of them. */
export interface CommerceState {
  fullReduction: FullReduction | null;
  coupon: CouponState | null;
  /** This week only; cleared at the week's end. */
  flashSale: FlashSaleState | null;
  groupBuy: GroupBuyState | null;
  gift: GiftState | null;
  /** Competitors' price level per SKU relative to the scenario's market price (1 = unchanged). P1.2f */
  competitorIndex: Record<string, number>;
  /** Smoothed price cut (vs the market price) competitors react to, per SKU. */
  pricePressure: Record<string, number>;
  /** Lingering conversion penalty from deep discounts (0–0.5), per SKU. */
  qualityScar: Record<string, number>;
  /** Days of normal demand still owed after a flash sale borrowed from the future, per SKU. */
  borrowedDays: Record<string, number>;
  /** Expected visitors tomorrow from filled groups' sharing, per SKU. */
  shareVisitors: Record<string, number>;
  /** The week each SKU last had a flash sale (秒杀), for the platform's re-entry rule (FLASH_COOLDOWN_WEEKS). */
  flashWeek: Record<string, number>;
}

export function newCommerceState(scenario: Scenario): CommerceState {
  const perSku = (v: number) => Object.fromEntries(scenario.skus.map((k) => [k.id, v]));
  return {
    fullReduction: null,
    coupon: null,
    flashSale: null,
    groupBuy: null,
    gift: null,
    competitorIndex: perSku(1),
    pricePressure: perSku(0),
    qualityScar: perSku(0),
    borrowedDays: perSku(0),
    shareVisitors: perSku(0),
    flashWeek: perSku(-FLASH_COOLDOWN_WEEKS),
  };
}

// ---------- formulas ----------

/** Segment's deal-proneness: scenario value, else its price sensitivity. */
export function dealProneness(seg: ScenarioSegment): number {
  return seg.dealProneness ?? seg.priceSensitivity;
}

/** Natural basket-size distribution (P(1 unit), P(2 units), …); default: everyone buys one. */
export function basketOf(seg: ScenarioSegment): readonly number[] {
  return seg.basket && seg.basket.length > 0 ? seg.basket : [1];
}

/**
 * Probability that a cart short of threshold T by `gapFen` tops up for an offer worth `valueFen`:
 * dealProne · σ(K0 + K2·V/T − K1·g/T).
 */
export function topUpProbability(gapFen: number, thresholdFen: number, dealProne: number, valueFen: number): number {
  if (gapFen <= 0) return 1;
  if (thresholdFen <= 0) return 0;
  const x = TOPUP_K0 + (TOPUP_K2 * valueFen) / thresholdFen - (TOPUP_K1 * gapFen) / thresholdFen;
  return clamp(dealProne * logistic(x), 0, 1);
}

/** Units to add to a basket of k units at price P to reach threshold T. */
export function unitsToReach(k: number, priceFen: number, thresholdFen: number): number {
  const gap = thresholdFen - k * priceFen;
  return gap <= 0 ? 0 : Math.ceil(gap / priceFen);
}

export interface ThresholdOffer {
  thresholdFen: number;
  /** What a qualifying order saves (discount) or gets (perceived gift value), fen. */
  valueFen: number;
}

/** Share of orders of one segment that reach a threshold: naturally, or by topping up. */
export function qualifyingShare(
  priceFen: number,
  basket: readonly number[],
  offer: ThresholdOffer,
  dealProne: number,
): number {
  let q = 0;
  basket.forEach((p, i) => {
    const k = i + 1;
    const gap = offer.thresholdFen - k * priceFen;
    q += p * topUpProbability(gap, offer.thresholdFen, dealProne, offer.valueFen);
  });
  return clamp(q, 0, 1);
}

/** Expected units a threshold adds per order (top-ups). */
export function topUpUnitsPerOrder(
  priceFen: number,
  basket: readonly number[],
  offer: ThresholdOffer,
  dealProne: number,
): number {
  const T = offer.thresholdFen;
  let u = 0;
  basket.forEach((p, i) => {
    const k = i + 1;
    const add = unitsToReach(k, priceFen, T);
    if (add > 0) u += p * topUpProbability(T - k * priceFen, T, dealProne, offer.valueFen) * add;
  });
  return u;
}

/** Conversion multiplier of an expected price cut `e` (share of the order value) at elasticity ε. */
export function discountLift(e: number, elasticity: number): number {
  if (!(e > 0)) return 1;
  return clamp(pow(1 - clamp(e, 0, 0.9), elasticity), 1, PRICE_FACTOR_CAP);
}

/**
 * P1.2g: how much more likely a segment's visitor is to buy because of a threshold offer: the expected
 * saving (value / threshold × share of orders that qualify) acts as a price cut at the segment's elasticity.
 */
export function thresholdLift(
  priceFen: number,
  offer: ThresholdOffer,
  seg: { elasticity: number; dealProne: number; basket: readonly number[] },
): number {
  const t = Math.max(offer.thresholdFen, priceFen);
  const q = qualifyingShare(priceFen, seg.basket, offer, seg.dealProne);
  return discountLift((offer.valueFen / t) * q, seg.elasticity);
}

export function giftOffer(g: GiftState): ThresholdOffer {
  return { thresholdFen: g.minSpendFen, valueFen: GIFT_PERCEIVED_VALUE * g.giftCostFen };
}

/** Share of eligible visitors of a segment who claim a coupon. */
export function couponClaimShare(dealProne: number): number {
  return clamp(COUPON_CLAIM_RATE * dealProne, 0, 1);
}

/** Of a segment's orders, the share placed by coupon holders (they convert `lift` times as often). */
export function holderOrderShare(claimShare: number, lift: number): number {
  const c = clamp(claimShare, 0, 1);
  const num = c * lift;
  const den = num + (1 - c);
  return den > 0 ? num / den : 0;
}

/** 拼团: probability a group of n fills in time. Falls with the group size. */
export function groupFillProbability(groupSize: number, depth = GROUP_REF_DEPTH): number {
  // Friends join for a real discount: below GROUP_REF_DEPTH each place is harder to fill (at 1% off, ≈ never).
  const appeal = clamp(depth / GROUP_REF_DEPTH, 0.05, 1);
  return pow(GROUP_FILL_BASE, (Math.max(1, groupSize) - 1) / appeal);
}

/**
 * Share of a segment's would-be buyers willing to buy through a group: nobody recruits friends for a token
 * discount, so it grows with the group discount's depth up to GROUP_REF_DEPTH (then full).
 */
export function groupWillingness(dealProne: number, depth: number): number {
  const d = clamp(depth / GROUP_REF_DEPTH, 0, 1);
  return clamp(GROUP_WILLINGNESS * dealProne * d, 0, 1);
}

/**
 * 拼团 conversion multiplier: the willing share w sees the group price (price-factor ratio `pfRatio` ≥ 1)
 * discounted by the risk that the group does not fill; the rest see the list price.
 */
export function groupLift(w: number, pfRatio: number, fill: number): number {
  return 1 - w + w * Math.max(1, 1 + (pfRatio - 1) * fill);
}

/** Flash-sale channel visitors expected on the day for a discount depth (share off the list price). */
export function flashVisitors(depth: number): number {
  if (!(depth > 0)) return 0;
  return FLASH_CHANNEL_VISITORS * Math.min(FLASH_MAX_VISITOR_MULT, depth / FLASH_REF_DEPTH);
}

/** Deep-discount quality signal (Cao, Hui & Xu): conversion share lost for a discount depth. */
export function qualityPenalty(depth: number): number {
  return Math.max(0, depth - QUALITY_PENALTY_START) * 100 * QUALITY_PENALTY_PER_POINT;
}

/** Is any promotion running (for the home banner's "promotion" focus, P1.1b)? */
export function promotionRunning(c: CommerceState | undefined): boolean {
  if (!c) return false;
  return (
    c.fullReduction !== null || c.coupon !== null || c.flashSale !== null || c.groupBuy !== null || c.gift !== null
  );
}

// ---------- decisions ----------

type CommerceDecision = Extract<
  Decision,
  { type: "setFullReduction" | "setCoupon" | "setFlashSale" | "setGroupBuy" | "setGift" | "endPromotion" }
>;

function isCommerce(d: Decision): d is CommerceDecision {
  return (
    d.type === "setFullReduction" ||
    d.type === "setCoupon" ||
    d.type === "setFlashSale" ||
    d.type === "setGroupBuy" ||
    d.type === "setGift" ||
    d.type === "endPromotion"
  );
}

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;
const err = (key: string, params: Record<string, string | number>, message: string): DecisionError => ({
  key,
  params,
  message,
});

/** Null if a promotion decision can be applied, else why not. Other decisions pass (null). */
export function checkCommerceDecision(scenario: Scenario, state: GameState, d: Decision): DecisionError | null {
  if (!isCommerce(d)) return null;
  switch (d.type) {
    case "setFullReduction":
      if (d.discountFen >= d.thresholdFen) {
        return err(
          "err.promoDiscount",
          { discountFen: d.discountFen, thresholdFen: d.thresholdFen },
          `the discount ${yuan(d.discountFen)} must be less than the threshold ${yuan(d.thresholdFen)}`,
        );
      }
      return null;
    case "setCoupon": {
      const cheapest = Math.min(...state.skus.map((k) => k.priceFen));
      const floor = d.minSpendFen > 0 ? d.minSpendFen : cheapest;
      if (d.faceFen >= floor) {
        return err(
          "err.couponFace",
          { faceFen: d.faceFen, minSpendFen: floor },
          `a coupon of ${yuan(d.faceFen)} must be worth less than its minimum spend ${yuan(floor)}`,
        );
      }
      return null;
    }
    case "setFlashSale":
    case "setGroupBuy": {
      const sku = state.skus.find((k) => k.id === d.sku);
      // The platform's activity rule: an item re-enters a flash-sale slot only 30 days after its last one.
      const last = d.type === "setFlashSale" ? (state.commerce.flashWeek?.[d.sku] ?? -FLASH_COOLDOWN_WEEKS) : 0;
      if (
        d.type === "setFlashSale" &&
        state.week - last < FLASH_COOLDOWN_WEEKS &&
        state.commerce.flashSale?.sku !== d.sku
      )
        return err(
          "err.flashCooldown",
          { sku: d.sku, week: last + FLASH_COOLDOWN_WEEKS + 1 },
          `${d.sku} had a flash sale in week ${last + 1}; the platform takes it again from week ${last + FLASH_COOLDOWN_WEEKS + 1}`,
        );
      const price = d.type === "setFlashSale" ? d.priceFen : d.groupPriceFen;
      if (sku && price >= sku.priceFen) {
        return err(
          "err.promoPrice",
          { priceFen: price, listFen: sku.priceFen },
          `the promotion price ${yuan(price)} must be below the list price ${yuan(sku.priceFen)}`,
        );
      }
      return null;
    }
    default:
      void scenario;
      return null;
  }
}

/** Applies a checked promotion decision to `state` (a private copy). Returns false if not a promotion. */
export function applyCommerceDecision(state: GameState, d: Decision): boolean {
  if (!isCommerce(d)) return false;
  const c = state.commerce;
  switch (d.type) {
    case "setFullReduction":
      c.fullReduction = { thresholdFen: d.thresholdFen, discountFen: d.discountFen };
      break;
    case "setCoupon":
      c.coupon = {
        faceFen: d.faceFen,
        minSpendFen: d.minSpendFen,
        quantity: d.quantity,
        audience: d.audience,
        claimed: 0,
        used: 0,
      };
      break;
    case "setFlashSale":
      c.flashSale = { sku: d.sku, priceFen: d.priceFen, qtyCap: d.qtyCap, day: d.day, sold: 0 };
      c.flashWeek = { ...c.flashWeek, [d.sku]: state.week };
      break;
    case "setGroupBuy":
      c.groupBuy = { sku: d.sku, groupPriceFen: d.groupPriceFen, groupSize: d.groupSize };
      break;
    case "setGift":
      c.gift = { minSpendFen: d.minSpendFen, giftCostFen: d.giftCostFen };
      break;
    case "endPromotion":
      c[d.promotion] = null;
      break;
  }
  return true;
}
