// The customer base and the private domain, day by day (P2.3a, P2.3b, repurchase).
// 1. customerTraffic (after the other traffic sources): alive customers come back — non-members to the
//    shop's product pages (source "home"), members through the group and the pushes (source "private").
// 2. customerSales (after shipping): today's buyers are split into repeat buyers (members' purchases and
//    the returning share of home purchases) and new customers; new customers join the pools, some as
//    members; every purchase may end a customer's life (BG/NBD drop-out); coupons and member offers cost.
// 3. customersWeekEnd: pushes above ~2 a week make members unsubscribe (P2.3b).
// Scenarios without `market.customers` skip all of it (the placeholder returning-buyer traffic stays).

import type { DecisionError } from "../decisions";
import { clamp } from "../detmath";
import { MEMBER_REVISIT_MULT, RETURN_DELAY_DAYS, RETURNER_DROPOUT, UNSUB_LOST_SHARE } from "../model";
import type { Rng } from "../rng";
import { binomial } from "../sampling";
import type { Scenario } from "../scenario-schema";
import {
  aliveCount,
  dropoutChance,
  joinShare,
  memberCount,
  type PrivateDomainSettings,
  pushesOnDay,
  pushResponse,
  revisitDaily,
  unsubscribeShare,
  usesCustomerModel,
} from "../systems/customers";
import { communityLoyalty } from "../systems/marketing";
import { serviceLoyalty } from "../systems/service";
import type { GameState, WeekEvent } from "../types";
import { splitBySegment } from "./traffic";
import { book, type DayCtx, type WeekAcc } from "./week";

/** Ledger category of private-domain costs: join coupons redeemed and members-only discounts. */
export const PRIVATE_LEDGER = "private";

/** The week report's evidence of the customer base and the private domain. */
export interface CustomersReport {
  /** First-time buyers this week. */
  newCustomers: number;
  /** Purchases by customers who had bought before (members' and returning non-members'). */
  repeatOrders: number;
  /** Customers whose second purchase fell in this week. */
  newRepeatBuyers: number;
  /** … of them members (their second purchase came through the private domain). */
  newMemberRepeatBuyers: number;
  /** Returning non-member visits (source "home"). */
  returningVisits: number;
  /** Member visits: spontaneous (group) and after pushes (source "private"). */
  memberVisits: number;
  pushVisits: number;
  memberOrders: number;
  pushes: number;
  /** Share of members who visit after one push this week (falls with over-pushing). */
  pushResponse: number;
  joined: number;
  unsubscribed: number;
  /** Customers who dropped out this week (after a purchase or a return). */
  lapsed: number;
  couponsUsed: number;
  couponCostFen: number;
  offerCostFen: number;
  /** At the week's end. */
  members: number;
  activeCustomers: number;
  /** Run to date: repeat buyers / buyers. */
  repurchaseRate: number;
}

interface DayScratch {
  /** Returning non-member visitors sent to each SKU, and member visitors. */
  returning: Map<string, number>;
  members: Map<string, number>;
  vOnce: number;
  vRepeat: number;
  vMemberOnce: number;
  vMemberRepeat: number;
}

const weeks = new WeakMap<WeekAcc, CustomersReport>();
const days = new WeakMap<DayCtx, DayScratch>();

function weekOf(acc: WeekAcc): CustomersReport {
  let w = weeks.get(acc);
  if (!w) {
    w = {
      newCustomers: 0,
      repeatOrders: 0,
      newRepeatBuyers: 0,
      newMemberRepeatBuyers: 0,
      returningVisits: 0,
      memberVisits: 0,
      pushVisits: 0,
      memberOrders: 0,
      pushes: 0,
      pushResponse: 0,
      joined: 0,
      unsubscribed: 0,
      lapsed: 0,
      couponsUsed: 0,
      couponCostFen: 0,
      offerCostFen: 0,
      members: 0,
      activeCustomers: 0,
      repurchaseRate: 0,
    };
    weeks.set(acc, w);
  }
  return w;
}

/** Repurchase multiplier from service (domain B) and community (domain C); 1 when neither is played. */
export function customerLoyalty(s: GameState): number {
  return serviceLoyalty(s) * communityLoyalty(s);
}

/** Splits n visitors over the listed SKUs, weighted by 1 + units sold so far (customers return to what sells). */
function splitOverSkus(rng: Rng, n: number, ids: readonly string[], weights: readonly number[]): number[] {
  const out = ids.map(() => 0);
  let left = n;
  let wLeft = weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < ids.length && left > 0; i++) {
    const w = weights[i] ?? 0;
    const k = i === ids.length - 1 ? left : binomial(rng, left, wLeft > 0 ? clamp(w / wLeft, 0, 1) : 0);
    out[i] = k;
    left -= k;
    wLeft -= w;
  }
  return out;
}

/** Removes up to n customers from the pools in order (once-buyers first); returns how many were removed. */
function removeFromPools(c: GameState["customers"], n: number): number {
  let left = n;
  for (const k of ["once", "memberOnce", "repeat", "memberRepeat"] as const) {
    const x = Math.min(left, c[k]);
    c[k] -= x;
    left -= x;
  }
  return n - left;
}

export function customerTraffic(ctx: DayCtx): void {
  const { scenario, s, acc } = ctx;
  const c = s.customers;
  if (!c?.active) return;
  const rng = ctx.rng.customers;
  const w = weekOf(acc);
  // Returns make customers drop out (repurchase shifts down with returns).
  const newRefunds = s.totals.refundUnits - c.refundUnitsSeen;
  c.refundUnitsSeen = s.totals.refundUnits;
  if (newRefunds > 0) {
    const gone = removeFromPools(c, binomial(rng, newRefunds, RETURNER_DROPOUT));
    c.lapsed += gone;
    w.lapsed += gone;
  }
  const r = clamp(revisitDaily(scenario) * customerLoyalty(s), 0, 1);
  const d = ctx.day - s.week * 7;
  const pushes = pushesOnDay(c.settings.pushesPerWeek, d);
  const pPush = clamp(pushes * pushResponse(c.settings.pushesPerWeek), 0, 1);
  w.pushes += pushes;
  const vOnce = binomial(rng, c.once, r);
  const vRepeat = binomial(rng, c.repeat, r);
  // P2.3a: members see the shop in their group and feed, so they come back on their own more often.
  const rMember = clamp(r * MEMBER_REVISIT_MULT, 0, 1);
  const spontMO = binomial(rng, c.memberOnce, rMember);
  const spontMR = binomial(rng, c.memberRepeat, rMember);
  const pushMO = binomial(rng, c.memberOnce - spontMO, pPush);
  const pushMR = binomial(rng, c.memberRepeat - spontMR, pPush);
  const scratch: DayScratch = {
    returning: new Map(),
    members: new Map(),
    vOnce,
    vRepeat,
    vMemberOnce: spontMO + pushMO,
    vMemberRepeat: spontMR + pushMR,
  };
  days.set(ctx, scratch);
  const listed = s.skus.filter((k) => s.lifecycle?.skus[k.id]?.listed ?? true);
  if (listed.length === 0) return;
  const ids = listed.map((k) => k.id);
  const weights = listed.map((k) => 1 + k.unitsSold);
  const segments = scenario.market.segments;
  const home = splitOverSkus(rng, vOnce + vRepeat, ids, weights);
  const priv = splitOverSkus(rng, scratch.vMemberOnce + scratch.vMemberRepeat, ids, weights);
  ids.forEach((id, i) => {
    const v = ctx.visitors.get(id);
    if (!v) return;
    const h = home[i] ?? 0;
    const m = priv[i] ?? 0;
    if (h > 0) {
      const bySeg = splitBySegment(rng, h, segments);
      bySeg.forEach((x, g) => {
        v.home[g] = (v.home[g] ?? 0) + x;
      });
      // Home visitors are counted on arrival (the funnel counts every other source itself).
      acc.traffic.home += h;
      scratch.returning.set(id, h);
    }
    if (m > 0) {
      const bySeg = splitBySegment(rng, m, segments);
      bySeg.forEach((x, g) => {
        v.private[g] = (v.private[g] ?? 0) + x;
      });
      scratch.members.set(id, m);
    }
  });
  w.returningVisits += vOnce + vRepeat;
  w.memberVisits += scratch.vMemberOnce + scratch.vMemberRepeat;
  w.pushVisits += pushMO + pushMR;
}

/** How many of n purchases came from pool a (a visits) rather than pool b (b visits); n ≤ a + b. */
function splitBuys(rng: Rng, n: number, a: number, b: number): number {
  if (n <= 0 || a + b <= 0) return 0;
  const k = binomial(rng, n, clamp(a / (a + b), 0, 1));
  return clamp(k, Math.max(0, n - b), Math.min(n, a));
}

export function customerSales(ctx: DayCtx): void {
  const { scenario, s, acc } = ctx;
  const c = s.customers;
  if (!c?.active) return;
  const rng = ctx.rng.customers;
  const w = weekOf(acc);
  const day = days.get(ctx);
  const set = c.settings;
  const loyalty = customerLoyalty(s);
  const pNon = dropoutChance(scenario, false, loyalty);
  const pMem = dropoutChance(scenario, true, loyalty);
  const join = joinShare(set.insertCard, set.inviteCouponFen);
  let vOnce = day?.vOnce ?? 0;
  let vRepeat = day?.vRepeat ?? 0;
  let vMO = day?.vMemberOnce ?? 0;
  let vMR = day?.vMemberRepeat ?? 0;
  for (const b of ctx.sales) {
    // Members' purchases: "private" buyers, at most the member visitors this SKU had today.
    const memberBuys = Math.min(b.bySource.private ?? 0, day?.members.get(b.sku) ?? 0, vMO + vMR);
    // Returning non-members: their share of today's home visitors to this SKU.
    const v = ctx.visitors.get(b.sku);
    const homeUv = v ? v.home.reduce((a, x) => a + x, 0) : 0;
    const ret = day?.returning.get(b.sku) ?? 0;
    const homeBuys = homeUv > 0 && ret > 0 ? binomial(rng, b.bySource.home ?? 0, clamp(ret / homeUv, 0, 1)) : 0;
    const nonMemberBuys = Math.min(homeBuys, ret, vOnce + vRepeat);
    // Which pool bought: proportional to the visits each pool made today.
    const fromMO = splitBuys(rng, memberBuys, vMO, vMR);
    const fromMR = memberBuys - fromMO;
    const fromOnce = splitBuys(rng, nonMemberBuys, vOnce, vRepeat);
    const fromRepeat = nonMemberBuys - fromOnce;
    vMO -= fromMO;
    vMR -= fromMR;
    vOnce -= fromOnce;
    vRepeat -= fromRepeat;
    // Second purchases: once → repeat pools (or out, after the BG/NBD drop-out draw).
    const survOnce = fromOnce - binomial(rng, fromOnce, pNon);
    const survMO = fromMO - binomial(rng, fromMO, pMem);
    const outRepeat = binomial(rng, fromRepeat, pNon);
    const outMR = binomial(rng, fromMR, pMem);
    c.once -= fromOnce;
    c.repeat += survOnce - outRepeat;
    c.memberOnce -= fromMO;
    c.memberRepeat += survMO - outMR;
    const lapsed = fromOnce - survOnce + outRepeat + (fromMO - survMO) + outMR;
    c.lapsed += lapsed;
    w.lapsed += lapsed;
    const repeat = memberBuys + nonMemberBuys;
    s.totals.repeatBuyers += fromOnce + fromMO;
    w.newRepeatBuyers += fromOnce + fromMO;
    w.newMemberRepeatBuyers += fromMO;
    w.repeatOrders += repeat;
    w.memberOrders += memberBuys;
    // Buyers count distinct customers: shipping counted every unit as a buyer.
    s.totals.buyers -= repeat;
    // Costs: the join coupon is redeemed on a member's next purchase; every member purchase gets the offer.
    const orderFen = b.orders > 0 ? b.gmvFen / b.orders : b.priceFen;
    const coupon = Math.min(set.inviteCouponFen, Math.floor(orderFen)) * fromMO;
    const offer = Math.round((memberBuys * orderFen * set.memberOfferPct) / 100);
    book(s, acc, PRIVATE_LEDGER, -coupon);
    book(s, acc, PRIVATE_LEDGER, -offer);
    // Both are discounts on what the member paid: 支付金额 (GMV) is net of them.
    const off = coupon + offer;
    if (off > 0) {
      s.totals.gmvFen -= off;
      s.totals.discountFen += off;
      acc.discountFen += off;
      ctx.report.gmvFen -= off;
      const sw = acc.skus.get(b.sku);
      if (sw) sw.gmvFen -= off;
      // The platform's commission is on what the buyer paid; a return refunds what was paid (the day's
      // returns of this SKU carry the average discount per unit).
      book(s, acc, "commission", Math.round(off * scenario.market.commissionRate));
      const perUnit = b.units > 0 ? Math.floor(off / b.units) : 0;
      const ret = s.pending.find(
        (p) => p.kind === "return" && p.sku === b.sku && p.day === ctx.day + RETURN_DELAY_DAYS,
      );
      if (ret && perUnit > 0) ret.priceFen = Math.max(0, ret.priceFen - perUnit);
    }
    w.couponsUsed += set.inviteCouponFen > 0 ? fromMO : 0;
    w.couponCostFen += coupon;
    w.offerCostFen += offer;
    // New customers: some join the private domain; each may drop out after this first purchase.
    const fresh = Math.max(0, b.orders - repeat);
    const joiners = binomial(rng, fresh, join);
    const others = fresh - joiners;
    const aliveMembers = joiners - binomial(rng, joiners, pMem);
    const aliveOthers = others - binomial(rng, others, pNon);
    c.memberOnce += aliveMembers;
    c.once += aliveOthers;
    c.joined += joiners;
    c.lapsed += fresh - aliveMembers - aliveOthers;
    w.lapsed += fresh - aliveMembers - aliveOthers;
    w.joined += joiners;
    w.newCustomers += fresh;
  }
}

export function customersWeekEnd(_scenario: Scenario, s: GameState, acc: WeekAcc, rng: Rng): void {
  const c = s.customers;
  if (!c?.active) return;
  const w = weekOf(acc);
  // P2.3b: unsubscribers leave the group; half of them are annoyed enough to stop buying altogether,
  // the others stay customers (non-members).
  const u = unsubscribeShare(c.settings.pushesPerWeek);
  if (u > 0) {
    const outMO = binomial(rng, c.memberOnce, u);
    const outMR = binomial(rng, c.memberRepeat, u);
    const lostMO = binomial(rng, outMO, UNSUB_LOST_SHARE);
    const lostMR = binomial(rng, outMR, UNSUB_LOST_SHARE);
    c.memberOnce -= outMO;
    c.memberRepeat -= outMR;
    c.once += outMO - lostMO;
    c.repeat += outMR - lostMR;
    c.lapsed += lostMO + lostMR;
    w.lapsed += lostMO + lostMR;
    c.unsubscribed += outMO + outMR;
    w.unsubscribed += outMO + outMR;
  }
  w.pushResponse = pushResponse(c.settings.pushesPerWeek);
  if (w.unsubscribed >= 20 && w.unsubscribed >= 0.05 * (memberCount(c) + w.unsubscribed)) {
    acc.events.push({
      key: "ev.unsubscribes",
      params: { n: w.unsubscribed, pushes: c.settings.pushesPerWeek },
    } satisfies WeekEvent);
  }
}

export function customersReport(s: GameState, acc: WeekAcc): CustomersReport | undefined {
  const c = s.customers;
  if (!c?.active) return undefined;
  const w = weekOf(acc);
  w.members = memberCount(c);
  w.activeCustomers = aliveCount(c);
  w.repurchaseRate = s.totals.buyers > 0 ? s.totals.repeatBuyers / s.totals.buyers : 0;
  return { ...w };
}

// ---------- the decision ----------

export function checkSetPrivateDomain(
  scenario: Scenario,
  d: PrivateDomainSettings,
  err: (key: string, params: Record<string, string | number>, message: string) => DecisionError,
): DecisionError | null {
  if (!usesCustomerModel(scenario))
    return err("err.noCustomers", {}, "this scenario has no customer base for a private domain");
  if (d.inviteCouponFen > 0 && !d.insertCard)
    return err("err.couponNeedsCard", {}, "a join coupon needs the package-insert card that carries it");
  return null;
}

export function applySetPrivateDomain(s: GameState, d: PrivateDomainSettings): void {
  s.customers.settings = {
    insertCard: d.insertCard,
    inviteCouponFen: d.inviteCouponFen,
    pushesPerWeek: d.pushesPerWeek,
    memberOfferPct: d.memberOfferPct,
  };
}

/** The week's repurchase KPI: repeat orders / orders (0 for scenarios without a customer base). */
export function weekRepurchaseRate(acc: WeekAcc): number {
  const w = weeks.get(acc);
  if (!w) return 0;
  const orders = w.newCustomers + w.repeatOrders;
  return orders > 0 ? w.repeatOrders / orders : 0;
}
