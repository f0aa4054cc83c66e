// Customer base, repurchase and the private domain (P2.3a, P2.3b): pure formulas and the state shape.
// Customers are kept as four aggregate pools (never individuals, so the state stays small):
// alive non-members who bought once / more than once, and alive members who bought once / more than once.
// The process is BG/NBD-like: an alive customer comes back with a daily visit rate, and after every
// purchase drops out with a fixed chance (docs/MODEL.md, "Customers and repurchase").
import { clamp, pow } from "../detmath";
import {
  CUSTOMER_DROPOUT,
  CUSTOMER_REVISIT_DAILY,
  JOIN_COUPON_HALF_FEN,
  JOIN_COUPON_MAX,
  JOIN_WITH_CARD,
  MEMBER_DROPOUT_MULT,
  MEMBER_OFFER_ELASTICITY,
  PUSH_FATIGUE,
  PUSH_FREE_PER_WEEK,
  PUSH_RESPONSE,
  UNSUB_PER_PUSH,
  UNSUB_STEEP,
  UNSUB_STEEP_EXP,
} from "../model";
import type { Scenario } from "../scenario-schema";

/** The player's private-domain settings (decision setPrivateDomain). P2.3a */
export interface PrivateDomainSettings {
  /** Package-insert card inviting buyers to the WeChat group / membership. */
  insertCard: boolean;
  /** Coupon (fen) promised to a buyer who joins, redeemed on the member's next purchase. */
  inviteCouponFen: number;
  /** Messages pushed to members per week (0–14). P2.3b */
  pushesPerWeek: number;
  /** Members-only discount on every member purchase (0–30 %). */
  memberOfferPct: number;
}

/** Aggregate customer pools (integer counts) and run totals of the private domain. */
export interface CustomersState {
  /** False for scenarios without `market.customers`: the placeholder returning-buyer traffic applies. */
  active: boolean;
  /** Alive non-members who have bought exactly once / at least twice. */
  once: number;
  repeat: number;
  /** Alive members who have bought exactly once (coupon still unused) / at least twice. */
  memberOnce: number;
  memberRepeat: number;
  /** Customers who dropped out (BG/NBD "inactive") over the run. */
  lapsed: number;
  /** Members who unsubscribed over the run. */
  unsubscribed: number;
  /** Members who ever joined. */
  joined: number;
  /** Refund units already seen (returns make customers drop out). */
  refundUnitsSeen: number;
  settings: PrivateDomainSettings;
}

export function newCustomersState(scenario: Scenario): CustomersState {
  return {
    active: scenario.market.customers !== undefined,
    once: 0,
    repeat: 0,
    memberOnce: 0,
    memberRepeat: 0,
    lapsed: 0,
    unsubscribed: 0,
    joined: 0,
    refundUnitsSeen: 0,
    settings: { insertCard: false, inviteCouponFen: 0, pushesPerWeek: 0, memberOfferPct: 0 },
  };
}

/** Scenarios with `market.customers` run the customer model; others keep the placeholder returning buyers. */
export function usesCustomerModel(scenario: Scenario): boolean {
  return scenario.market.customers !== undefined;
}

export function memberCount(c: CustomersState): number {
  return c.memberOnce + c.memberRepeat;
}

export function aliveCount(c: CustomersState): number {
  return c.once + c.repeat + c.memberOnce + c.memberRepeat;
}

/** Daily chance an alive customer comes back to the shop (scenario override or the model default). */
export function revisitDaily(scenario: Scenario): number {
  const perWeek = scenario.market.customers?.revisitPerWeek;
  return perWeek === undefined ? CUSTOMER_REVISIT_DAILY : perWeek / 7;
}

/** Chance an alive customer drops out after a purchase (BG/NBD p); members drop out less. */
export function dropoutChance(scenario: Scenario, member: boolean, loyalty: number): number {
  const base = scenario.market.customers?.dropout ?? CUSTOMER_DROPOUT;
  return clamp((base * (member ? MEMBER_DROPOUT_MULT : 1)) / Math.max(0.2, loyalty), 0, 1);
}

/** P2.3a: share of new buyers who join the private domain: the card invites, the coupon persuades. */
export function joinShare(insertCard: boolean, couponFen: number): number {
  if (!insertCard) return 0;
  const c = Math.max(0, couponFen);
  return JOIN_WITH_CARD + (JOIN_COUPON_MAX * c) / (c + JOIN_COUPON_HALF_FEN);
}

/** P2.3b: share of members who visit after one push; falls as pushes per week rise above the free level. */
export function pushResponse(pushesPerWeek: number): number {
  // Squared: beyond the free level more pushes bring fewer visits in all, not just fewer per push (P2.3b).
  const f = 1 + PUSH_FATIGUE * Math.max(0, pushesPerWeek - PUSH_FREE_PER_WEEK);
  return PUSH_RESPONSE / (f * f);
}

/** P2.3b: share of members who unsubscribe in a week; rises steeply above ~2 pushes a week. */
export function unsubscribeShare(pushesPerWeek: number): number {
  const over = Math.max(0, pushesPerWeek - PUSH_FREE_PER_WEEK);
  return clamp(UNSUB_PER_PUSH * pushesPerWeek + UNSUB_STEEP * pow(over, UNSUB_STEEP_EXP), 0, 0.95);
}

/** Pushes sent on day-of-week d (0–6): P per week spread evenly (P = 2 → days 3 and 6). */
export function pushesOnDay(pushesPerWeek: number, d: number): number {
  return Math.floor(((d + 1) * pushesPerWeek) / 7) - Math.floor((d * pushesPerWeek) / 7);
}

/** Conversion multiplier a members-only discount gives member visitors: (1 − pct)^ε, ε = −2.6. */
export function memberOfferLift(pct: number): number {
  if (pct <= 0) return 1;
  return pow(1 - clamp(pct, 0, 90) / 100, -MEMBER_OFFER_ELASTICITY);
}

/** Conversion multiplier of "private" visitors: the members-only offer (1 without a customer base). */
export function privateIntentMult(c: CustomersState | undefined): number {
  return c?.active ? memberOfferLift(c.settings.memberOfferPct) : 1;
}
