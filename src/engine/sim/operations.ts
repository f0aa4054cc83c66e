// Operations in the daily flow: the service queue before the funnel (P1.3b), order exceptions and
// logistics after shipping (P1.3a), topic reviews and the DSR sub-scores they drive (P1.3c), the
// analyst's deeper report and feedback actions (PX.a), the team's weekly hours and salaries (PX.c),
// and the "loan" cash policy. Everything here is inert when the scenario has no `market.ops`
// section (except salaries, which follow the team, and loans, which follow the cash policy).
//
// Streams: "service" (inquiries, buyers' experiences, topic reviews), "logistics" (address errors,
// delays). Money: "logistics" (courier premium, reships), "ops" (oversell compensation, feedback
// actions), "interest", "loan" (principal in and out; not profit).
import type { DecisionError } from "../decisions";
import { clamp } from "../detmath";
import {
  ADDRESS_CHECK_MIN,
  AFTERSALE_INQUIRY_SHARE,
  BAD_ANSWER_SHARE,
  BUYER_ASK_SHARE,
  DELAY_NOTICE_FACTOR,
  DELIGHT_SHARE,
  DSR_EMA,
  DSR_WEEK_EMA,
  FEEDBACK_DELAY_DAYS,
  FEEDBACK_FIX,
  LOAN_INTEREST_WEEKLY,
  LOAN_REPAY_BUFFER_FEN,
  LOAN_STEP_FEN,
  LOGISTICS,
  LOYALTY_PER_LEVEL,
  OVERSELL_COMPENSATION,
  PRESALE_INQUIRY_SHARE,
  REFUND_FAST_MIN,
  REFUND_SPEED,
  RESHIP_FEE_MULT,
  RETURN_DELAY_DAYS,
  TOPIC_REVIEW_DELAY,
  TOPIC_REVIEW_RATE,
  TOPIC_STARS,
} from "../model";
import { binomial, normal, poisson } from "../sampling";
import type { Scenario } from "../scenario-schema";
import {
  addressErrorRate,
  chatMultiplier,
  FIXABLE_TOPICS,
  type FixableTopic,
  fixFactor,
  initOps,
  logisticsRating,
  minutesPerInquiry,
  notDescribedRate,
  type OpsState,
  type Provider,
  qualityIssueRate,
  ROOT_CAUSES,
  type ServicePolicy,
  serviceQueue,
  serviceRating,
  slowShare,
  TOPIC_KEYS,
  TOPICS,
  type Topic,
} from "../systems/service";
import {
  initTeam,
  startPayrollWeek,
  TEAM_ROLES,
  type TeamRole,
  type TeamState,
  teamHours,
  weeklySalaryFen,
} from "../systems/team";
import type { GameState } from "../types";
import { book, type DayCtx, SOURCES, type Source, skuSpec, type WeekAcc } from "./week";

/** True when the scenario models operations (service queue, exceptions, topics). */
export function opsActive(scenario: Scenario): boolean {
  return scenario.market.ops !== undefined;
}

/** The team and operations slices of a new game. */
export function initOpsState(scenario: Scenario): { team: TeamState; ops: OpsState } {
  const team = initTeam(scenario);
  const ops = initOps(
    scenario.start.service,
    team.members.analyst * team.hoursPerPerson.analyst,
    team.members.operations * team.hoursPerPerson.operations,
  );
  return { team, ops };
}

/** A new week's hours: designers, analysts and operations staff start fresh. */
export function startTeamWeek(s: GameState): void {
  startPayrollWeek(s); // PX.c: this week's payroll starts from the people employed now
  s.designerHoursLeft = teamHours(s, "designer");
  s.ops.analystHoursLeft = teamHours(s, "analyst");
  s.ops.opsMinutesLeft = teamHours(s, "operations") * 60;
}

// ---------- the week's counters (kept beside the week accumulator, dropped with it) ----------

interface Cell {
  visitors: number;
  engaged: number;
  carts: number;
  paid: number;
}
interface OpsWeek {
  presale: number;
  aftersale: number;
  answered: number;
  replySecWeighted: number;
  coverageWeighted: number;
  rhoWeighted: number;
  multWeighted: number;
  visitorsForMult: number;
  unansweredW: number;
  slowW: number;
  badW: number;
  delightW: number;
  staffHours: number;
  minutesPerInquiry: number;
  /** Today's queue result, for the buyers' experience after shipping. */
  today: { answered: number; replySec: number } | null;
  shipped: number;
  addressErrors: number;
  checked: number;
  reshipFen: number;
  delayed: number;
  noticed: number;
  oversold: number;
  compensationFen: number;
  extraShippingFen: number;
  returnRequests: number;
  refundsApproved: number;
  disputes: number;
  qualityIssues: number;
  notDescribed: number;
  topics: Record<Topic, number>;
  unmet: Map<string, number>;
  bySegment: Map<number, Cell>;
  bySource: Map<Source, Cell>;
  borrowedFen: number;
  repaidFen: number;
  interestFen: number;
  feedback: { topic: FixableTopic; costFen: number }[];
  serviceRating: number;
  logisticsRating: number;
  descriptionRating: number;
}

const weeks = new WeakMap<WeekAcc, OpsWeek>();
const emptyCell = (): Cell => ({ visitors: 0, engaged: 0, carts: 0, paid: 0 });

function opsWeek(acc: WeekAcc): OpsWeek {
  let w = weeks.get(acc);
  if (!w) {
    w = {
      presale: 0,
      aftersale: 0,
      answered: 0,
      replySecWeighted: 0,
      coverageWeighted: 0,
      rhoWeighted: 0,
      multWeighted: 0,
      visitorsForMult: 0,
      unansweredW: 0,
      slowW: 0,
      badW: 0,
      delightW: 0,
      staffHours: 0,
      minutesPerInquiry: 0,
      today: null,
      shipped: 0,
      addressErrors: 0,
      checked: 0,
      reshipFen: 0,
      delayed: 0,
      noticed: 0,
      oversold: 0,
      compensationFen: 0,
      extraShippingFen: 0,
      returnRequests: 0,
      refundsApproved: 0,
      disputes: 0,
      qualityIssues: 0,
      notDescribed: 0,
      topics: Object.fromEntries(TOPICS.map((t) => [t, 0])) as Record<Topic, number>,
      unmet: new Map(),
      bySegment: new Map(),
      bySource: new Map(),
      borrowedFen: 0,
      repaidFen: 0,
      interestFen: 0,
      feedback: [],
      serviceRating: 0,
      logisticsRating: 0,
      descriptionRating: 0,
    };
    weeks.set(acc, w);
  }
  return w;
}

/** Called by the funnel for each visitor cell (for the analyst's funnel by segment and source). */
export function recordFunnelCell(
  ctx: DayCtx,
  source: Source,
  segment: number,
  visitors: number,
  engaged: number,
  carts: number,
  paid: number,
): void {
  if (!opsActive(ctx.scenario)) return;
  const w = opsWeek(ctx.acc);
  for (const cell of [
    w.bySegment.get(segment) ?? w.bySegment.set(segment, emptyCell()).get(segment),
    w.bySource.get(source) ?? w.bySource.set(source, emptyCell()).get(source),
  ]) {
    if (!cell) continue;
    cell.visitors += visitors;
    cell.engaged += engaged;
    cell.carts += carts;
    cell.paid += paid;
  }
}

/** Called by shipping when buyers wanted more than the stock (the orders an unsynced listing takes). */
export function noteUnmet(ctx: DayCtx, sku: string, qty: number): void {
  if (!opsActive(ctx.scenario) || qty <= 0) return;
  const w = opsWeek(ctx.acc);
  w.unmet.set(sku, (w.unmet.get(sku) ?? 0) + qty);
}

// ---------- morning: complaint reviews fall due ----------

/** Topic reviews whose day has come are written: they count in the SKU's rating. P1.3c */
export function opsMorning(ctx: DayCtx): void {
  const { scenario, s, day, acc } = ctx;
  if (!opsActive(scenario)) return;
  const due = s.ops.pending.filter((p) => p.day <= day);
  if (due.length === 0) return;
  s.ops.pending = s.ops.pending.filter((p) => p.day > day);
  const w = opsWeek(acc);
  for (const p of due) {
    const sku = s.skus.find((k) => k.id === p.sku);
    if (!sku) continue;
    let sum = 0;
    for (let i = 0; i < p.qty; i++) {
      const stars = clamp(Math.round(normal(ctx.rng.service, TOPIC_STARS[p.topic], 0.6)), 1, 5);
      sum += stars;
      if (acc.reviews.length < 8 && i === 0) acc.reviews.push({ sku: sku.id, stars, key: TOPIC_KEYS[p.topic] });
    }
    sku.reviewCount += p.qty;
    sku.ratingSum += sum;
    w.topics[p.topic] += p.qty;
    s.ops.topicTotals[p.topic] += p.qty;
    if (p.topic === "quality" || p.topic === "notAsDescribed") {
      // 描述相符 hears about the product like any review batch.
      s.dsr.description += DSR_EMA * (p.qty / (p.qty + 4)) * (sum / p.qty - s.dsr.description);
    }
  }
}

// ---------- before the funnel: the service queue ----------

/** Today's inquiries meet today's service staff; the reply time multiplies conversion. P1.3b */
export function serviceConversion(ctx: DayCtx): void {
  const { scenario, s, acc, factors: f } = ctx;
  if (!opsActive(scenario)) return;
  const w = opsWeek(acc);
  const policy = s.ops.policy;
  let engagedExp = 0;
  let visitors = 0;
  for (const v of ctx.visitors.values()) {
    for (const source of SOURCES) {
      scenario.market.segments.forEach((seg, gi) => {
        const n = v[source][gi] ?? 0;
        visitors += n;
        engagedExp += n * (1 - (seg.mobileShare * f.bounceMobile + (1 - seg.mobileShare) * f.bounceDesktop));
      });
    }
  }
  const share = scenario.market.ops?.inquiryShare ?? PRESALE_INQUIRY_SHARE;
  const presale = poisson(ctx.rng.service, engagedExp * share);
  const aftersale = s.ops.carryInquiries;
  const back = s.ops.carryMinutes;
  s.ops.carryInquiries = 0;
  s.ops.carryMinutes = 0;
  const staffHoursPerDay = teamHours(s, "service") / 7;
  const trained = fixFactor(s.ops, "slowReply", ctx.day, 0) === 0;
  const mpi = minutesPerInquiry(policy, trained);
  const q = serviceQueue({
    inquiries: presale + aftersale,
    backMinutes: back,
    staffHoursPerDay,
    shiftHours: policy.shiftHours,
    minutesPerInquiry: mpi,
  });
  const mult = chatMultiplier(q.answered, q.replySec);
  for (const m of ctx.cartMult.values()) for (let i = 0; i < m.length; i++) m[i] = (m[i] ?? 1) * mult;
  const inq = presale + aftersale;
  const slow = slowShare(q.replySec);
  const bad = (policy.scripts ? BAD_ANSWER_SHARE.scripts : BAD_ANSWER_SHARE.noScripts) * (trained ? 0.5 : 1);
  w.presale += presale;
  w.aftersale += aftersale;
  w.answered += inq * q.answered;
  w.replySecWeighted += inq * q.answered * q.replySec;
  w.coverageWeighted += inq * q.coverage;
  w.rhoWeighted += inq * q.rho;
  w.multWeighted += visitors * mult;
  w.visitorsForMult += visitors;
  w.unansweredW += inq * (1 - q.answered);
  w.slowW += inq * q.answered * slow;
  w.badW += inq * q.answered * bad * (1 - slow);
  w.delightW += inq * q.answered * (1 - slow) * (DELIGHT_SHARE[policy.personalization] ?? 0);
  w.staffHours += staffHoursPerDay;
  w.minutesPerInquiry = mpi;
  w.today = { answered: q.answered, replySec: q.replySec };
  if (q.answered < 0.5 && inq >= 20 && !acc.events.some((e) => e.key === "ev.serviceOverload")) {
    acc.events.push({ key: "ev.serviceOverload", params: { share: Math.round((1 - q.answered) * 100) } });
  }
}

// ---------- after shipping: exceptions, logistics, buyers' experiences ----------

function schedule(s: GameState, day: number, sku: string, topic: Topic, qty: number): void {
  if (qty > 0) s.ops.pending.push({ day: day + TOPIC_REVIEW_DELAY, sku, topic, qty });
}

/** Minutes of back-office work: the operations staff do it if they have time, else the service staff tomorrow. */
function backOffice(s: GameState, minutes: number): boolean {
  if (minutes <= 0) return true;
  if (s.ops.opsMinutesLeft >= minutes) {
    s.ops.opsMinutesLeft -= minutes;
    return true;
  }
  if (s.team.members.service > 0) {
    s.ops.carryMinutes += minutes;
    return true;
  }
  return false;
}

/** What happens to today's orders after they leave the warehouse (P1.3a), and the loan (cash policy). */
export function opsAfterShip(ctx: DayCtx): void {
  const { scenario, s, acc, day } = ctx;
  if (opsActive(scenario)) afterShip(ctx);
  borrowIfNeeded(scenario, s, acc, day);
}

function afterShip(ctx: DayCtx): void {
  const { scenario, s, acc, day } = ctx;
  const w = opsWeek(acc);
  const ops = s.ops;
  const policy = ops.policy;
  const courier = LOGISTICS[policy.logistics];
  const shippingFen = scenario.market.shippingFen;
  const svc = ctx.rng.service;
  const lrng = ctx.rng.logistics;
  const today = w.today ?? { answered: 0, replySec: 0 };
  const slow = slowShare(today.replySec);
  const trained = fixFactor(ops, "slowReply", day, 0) === 0;
  const bad = (policy.scripts ? BAD_ANSWER_SHARE.scripts : BAD_ANSWER_SHARE.noScripts) * (trained ? 0.5 : 1);
  let inquiries = 0;
  for (const sale of ctx.sales) {
    const n = sale.orders;
    if (n <= 0) continue;
    const sku = s.skus.find((k) => k.id === sale.sku);
    const spec = skuSpec(scenario, sale.sku);
    w.shipped += n;
    // Courier premium (or saving) over the scenario's standard fee.
    const extra = Math.round(n * shippingFen * (courier.costMult - 1));
    book(s, acc, "logistics", -extra);
    w.extraShippingFen += extra;
    // Wrong addresses: verification catches most, if someone has time to check.
    const checked = policy.addressCheck && backOffice(s, n * ADDRESS_CHECK_MIN);
    if (checked) w.checked += n;
    const pAddr = addressErrorRate(
      scenario.market.ops?.addressErrorRate,
      checked ? 1 : 0,
      fixFactor(ops, "wrongAddress", day, FEEDBACK_FIX.wrongAddress.factor),
    );
    const errors = binomial(lrng, n, pAddr);
    if (errors > 0) {
      const reship = errors * shippingFen * RESHIP_FEE_MULT;
      book(s, acc, "logistics", -reship);
      w.reshipFen += reship;
      w.addressErrors += errors;
      schedule(s, day, sale.sku, "wrongAddress", binomial(svc, errors, TOPIC_REVIEW_RATE.wrongAddress));
    }
    // Delays: the courier's own, fewer complaints when buyers were told first.
    const pDelay = courier.delay * fixFactor(ops, "lateDelivery", day, FEEDBACK_FIX.lateDelivery.factor);
    const delayed = binomial(lrng, n - errors, pDelay);
    if (delayed > 0) {
      w.delayed += delayed;
      const notice = policy.delayNotice && backOffice(s, delayed);
      if (notice) w.noticed += delayed;
      const rate = TOPIC_REVIEW_RATE.lateDelivery * (notice ? DELAY_NOTICE_FACTOR : 1);
      schedule(s, day, sale.sku, "lateDelivery", binomial(svc, delayed, rate));
      inquiries += notice ? Math.round(delayed * DELAY_NOTICE_FACTOR) : delayed;
    }
    // Product-caused issues: quality and "not as described".
    const q = binomial(
      svc,
      n,
      qualityIssueRate(spec.quality, fixFactor(ops, "quality", day, FEEDBACK_FIX.quality.factor)),
    );
    const hasSpecs = sku?.detail.includes("specs") ?? false;
    const nad = binomial(
      svc,
      n,
      notDescribedRate(hasSpecs, fixFactor(ops, "notAsDescribed", day, FEEDBACK_FIX.notAsDescribed.factor)),
    );
    w.qualityIssues += q;
    w.notDescribed += nad;
    schedule(s, day, sale.sku, "quality", binomial(svc, q, TOPIC_REVIEW_RATE.quality));
    schedule(s, day, sale.sku, "notAsDescribed", binomial(svc, nad, TOPIC_REVIEW_RATE.notAsDescribed));
    // Buyers who talked to service remember how it went.
    const askers = binomial(svc, n, BUYER_ASK_SHARE);
    const pAnnoyed = 1 - today.answered + today.answered * (slow + bad * (1 - slow));
    schedule(s, day, sale.sku, "slowReply", binomial(svc, askers, clamp(pAnnoyed * TOPIC_REVIEW_RATE.slowReply, 0, 1)));
    const pDelight = today.answered * (1 - slow) * (DELIGHT_SHARE[policy.personalization] ?? 0);
    schedule(s, day, sale.sku, "greatService", binomial(svc, askers, pDelight * TOPIC_REVIEW_RATE.greatService));
    // Return requests (drawn by shipping): approval speed sets their timing, share approved and disputes.
    inquiries += binomial(svc, n, AFTERSALE_INQUIRY_SHARE) + errors;
    const ret = s.pending.find(
      (p) =>
        p.kind === "return" && p.sku === sale.sku && p.day === day + RETURN_DELAY_DAYS && p.priceFen === sale.priceFen,
    );
    if (ret) {
      const speed = REFUND_SPEED[policy.refundSpeed];
      const requests = ret.qty;
      const fast = policy.refundSpeed === "fast" && backOffice(s, requests * REFUND_FAST_MIN);
      const mode = fast ? REFUND_SPEED.fast : policy.refundSpeed === "fast" ? REFUND_SPEED.normal : speed;
      const approved =
        mode.approve >= 1
          ? requests + binomial(svc, requests, mode.approve - 1)
          : binomial(svc, requests, mode.approve);
      const disputes = binomial(
        svc,
        requests,
        mode.dispute * fixFactor(ops, "refund", day, FEEDBACK_FIX.refund.factor),
      );
      ret.qty = approved;
      ret.day = day + mode.days;
      if (approved === 0) s.pending = s.pending.filter((p) => p !== ret);
      w.returnRequests += requests;
      w.refundsApproved += approved;
      w.disputes += disputes;
      schedule(s, day, sale.sku, "refund", binomial(svc, disputes, TOPIC_REVIEW_RATE.refund));
      inquiries += requests;
    }
  }
  // Overselling: without stock sync the listing keeps taking orders on the day it sells out (its
  // count only catches up overnight); with sync, or once the listing shows zero, a stockout just stops sales.
  for (const [skuId, unmet] of w.unmet) {
    if (policy.stockSync || unmet <= 0 || !ctx.sales.some((b) => b.sku === skuId && b.units > 0)) continue;
    const sku = s.skus.find((k) => k.id === skuId);
    if (!sku) continue;
    const oversold = binomial(svc, unmet, fixFactor(ops, "oversold", day, FEEDBACK_FIX.oversold.factor));
    if (oversold <= 0) continue;
    const comp = Math.round(oversold * sku.priceFen * OVERSELL_COMPENSATION);
    book(s, acc, "ops", -comp);
    w.compensationFen += comp;
    w.oversold += oversold;
    schedule(s, day, skuId, "oversold", binomial(svc, oversold, TOPIC_REVIEW_RATE.oversold));
    inquiries += oversold;
    acc.events.push({ key: "ev.oversold", params: { sku: skuId, qty: oversold } });
  }
  w.unmet.clear();
  ops.carryInquiries += inquiries;
}

// ---------- money: loans (cash policy "loan") ----------

/** Instead of bankruptcy, a costly loan in steps of ¥10,000 keeps the shop open. */
export function borrowIfNeeded(scenario: Scenario, s: GameState, acc: WeekAcc, day: number): void {
  if (scenario.cashPolicy !== "loan" || s.cashFen >= 0) return;
  const amount = Math.ceil(-s.cashFen / LOAN_STEP_FEN) * LOAN_STEP_FEN;
  book(s, acc, "loan", amount);
  s.ops.loanFen += amount;
  opsWeek(acc).borrowedFen += amount;
  acc.events.push({ key: "ev.loan", params: { amountFen: amount, day: day - s.week * 7 + 1 } });
}

function loanWeekEnd(scenario: Scenario, s: GameState, acc: WeekAcc): void {
  const w = opsWeek(acc);
  if (s.ops.loanFen > 0) {
    const interest = Math.round(s.ops.loanFen * LOAN_INTEREST_WEEKLY);
    book(s, acc, "interest", -interest);
    w.interestFen += interest;
    const repay = Math.min(s.ops.loanFen, s.cashFen - LOAN_REPAY_BUFFER_FEN);
    if (repay > 0) {
      book(s, acc, "loan", -repay);
      s.ops.loanFen -= repay;
      w.repaidFen += repay;
    }
  }
  borrowIfNeeded(scenario, s, acc, s.week * 7 + 6);
}

// ---------- week end ----------

/** Salaries, the DSR sub-scores' rolling means, loyalty, and the loan. */
export function opsEndOfWeek(scenario: Scenario, s: GameState, acc: WeekAcc): void {
  book(s, acc, "salaries", -weeklySalaryFen(scenario, s));
  if (opsActive(scenario)) {
    const w = opsWeek(acc);
    const inq = w.presale + w.aftersale;
    const taken = w.shipped + w.oversold;
    const sr = serviceRating({
      unanswered: inq > 0 ? w.unansweredW / inq : 0,
      slow: inq > 0 ? w.slowW / inq : 0,
      badAnswer: inq > 0 ? w.badW / inq : 0,
      delight: inq > 0 ? w.delightW / inq : 0,
      disputes: w.shipped > 0 ? w.disputes / w.shipped : 0,
      oversold: taken > 0 ? w.oversold / taken : 0,
    });
    const lr = logisticsRating(
      s.ops.policy.logistics,
      w.shipped > 0 ? w.delayed / w.shipped : 0,
      w.shipped > 0 ? w.addressErrors / w.shipped : 0,
      w.delayed > 0 && w.noticed >= w.delayed,
    );
    const dr = clamp(
      4.9 - (w.shipped > 0 ? (2.5 * (w.qualityIssues + w.notDescribed) + w.returnRequests) / w.shipped : 0),
      1,
      5,
    );
    w.serviceRating = sr;
    w.logisticsRating = lr;
    w.descriptionRating = dr;
    if (inq > 0 || taken > 0) s.dsr.service += DSR_WEEK_EMA * (sr - s.dsr.service);
    if (w.shipped > 0) {
      s.dsr.logistics += DSR_WEEK_EMA * (lr - s.dsr.logistics);
      s.dsr.description += DSR_WEEK_EMA * 0.5 * (dr - s.dsr.description);
    }
    const good = inq > 0 ? (w.answered - w.slowW) / inq : 0;
    // Loyalty builds (and fades) gradually: a rolling mean of the weeks' personal, timely service.
    const target = 1 + LOYALTY_PER_LEVEL * s.ops.policy.personalization * clamp(good, 0, 1);
    s.ops.loyalty += DSR_WEEK_EMA * (target - s.ops.loyalty);
  }
  loanWeekEnd(scenario, s, acc);
}

// ---------- decisions ----------

export type ServiceDecisionFields = Partial<ServicePolicy>;

function derr(key: string, params: Record<string, string | number>, message: string): DecisionError {
  return { key, params, message };
}

export function checkSetService(scenario: Scenario): DecisionError | null {
  if (!opsActive(scenario))
    return derr("err.opsOff", {}, "this scenario does not model customer service and order handling");
  return null;
}

export function applySetService(s: GameState, fields: ServiceDecisionFields): void {
  for (const [k, v] of Object.entries(fields)) {
    if (v !== undefined) (s.ops.policy as unknown as Record<string, unknown>)[k] = v;
  }
}

export function checkFeedback(scenario: Scenario, s: GameState, topic: FixableTopic): DecisionError | null {
  if (!opsActive(scenario))
    return derr("err.opsOff", {}, "this scenario does not model customer service and order handling");
  if (s.team.members.analyst <= 0)
    return derr("err.noAnalyst", {}, "acting on feedback needs a data analyst on the team");
  if (s.ops.fixes[topic] !== undefined)
    return derr("err.feedbackDone", { topic }, `the root cause of "${topic}" has already been addressed`);
  const fix = FEEDBACK_FIX[topic];
  if (fix.costFen > s.cashFen)
    return derr(
      "err.feedbackCash",
      { needFen: fix.costFen, haveFen: s.cashFen },
      `this fix costs ¥${(fix.costFen / 100).toFixed(2)} but the shop has ¥${(s.cashFen / 100).toFixed(2)}`,
    );
  if (fix.analystHours > s.ops.analystHoursLeft)
    return derr(
      "err.analystHours",
      { need: fix.analystHours, left: s.ops.analystHoursLeft },
      `this needs ${fix.analystHours} analyst hours; ${s.ops.analystHoursLeft} are left this week`,
    );
  return null;
}

/** Pays for the fix (cash and ledger, like a reorder) and schedules it. */
export function applyFeedback(s: GameState, topic: FixableTopic): void {
  const fix = FEEDBACK_FIX[topic];
  s.cashFen -= fix.costFen;
  s.ledger.ops = (s.ledger.ops ?? 0) - fix.costFen;
  s.ops.analystHoursLeft -= fix.analystHours;
  s.ops.fixes[topic] = s.week * 7 + FEEDBACK_DELAY_DAYS;
}

// ---------- the week report ----------

export interface FunnelCellReport extends Cell {
  conversion: number;
}

export interface OpsWeekReport {
  /** Whether the scenario models operations (else only team, salaries and loans are shown). */
  active: boolean;
  team: { members: Record<TeamRole, number>; hours: Record<TeamRole, number>; salaryFen: number };
  service?: {
    presale: number;
    aftersale: number;
    answeredShare: number;
    avgReplySec: number;
    coverage: number;
    utilisation: number;
    conversionMult: number;
    minutesPerInquiry: number;
    staffHoursPerDay: number;
    /** Repurchase multiplier from personal, timely service (serviceLoyalty). */
    loyalty: number;
    policy: ServicePolicy;
  };
  orders?: {
    shipped: number;
    provider: Provider;
    deliveryDays: number;
    extraShippingFen: number;
    addressErrors: number;
    addressChecked: number;
    reshipFen: number;
    delayed: number;
    delayNoticed: number;
    oversold: number;
    compensationFen: number;
    returnRequests: number;
    refundsApproved: number;
    disputes: number;
    qualityIssues: number;
    notDescribed: number;
  };
  ratings?: { service: number; logistics: number; description: number };
  /** Topic reviews written this week. */
  topics?: Record<Topic, number>;
  feedback: { topic: FixableTopic; costFen: number }[];
  fixes: Partial<Record<FixableTopic, number>>;
  loan: { borrowedFen: number; repaidFen: number; interestFen: number; outstandingFen: number };
  /** Deeper sections, only with a data analyst on the team (PX.a). */
  analysis?: {
    funnelBySegment: Record<string, FunnelCellReport>;
    funnelBySource: Partial<Record<Source, FunnelCellReport>>;
    rootCauses: { topic: Topic; count: number; share: number; cause: string; action: string; fixed: boolean }[];
  };
  /** True when the analysis exists in principle but nobody on the team does it. */
  analysisLocked: boolean;
}

const cellReport = (c: Cell): FunnelCellReport => ({ ...c, conversion: c.visitors > 0 ? c.paid / c.visitors : 0 });

export function opsReport(scenario: Scenario, s: GameState, acc: WeekAcc, feedback: FixableTopic[]): OpsWeekReport {
  const w = opsWeek(acc);
  const active = opsActive(scenario);
  const hours = Object.fromEntries(TEAM_ROLES.map((r) => [r, teamHours(s, r)])) as Record<TeamRole, number>;
  const report: OpsWeekReport = {
    active,
    team: { members: { ...s.team.members }, hours, salaryFen: weeklySalaryFen(scenario, s) },
    feedback: feedback.map((topic) => ({ topic, costFen: FEEDBACK_FIX[topic].costFen })),
    fixes: { ...s.ops.fixes },
    loan: {
      borrowedFen: w.borrowedFen,
      repaidFen: w.repaidFen,
      interestFen: w.interestFen,
      outstandingFen: s.ops.loanFen,
    },
    analysisLocked: active && s.team.members.analyst <= 0,
  };
  if (!active) return report;
  const inq = w.presale + w.aftersale;
  report.service = {
    presale: w.presale,
    aftersale: w.aftersale,
    answeredShare: inq > 0 ? w.answered / inq : 0,
    avgReplySec: w.answered > 0 ? w.replySecWeighted / w.answered : 0,
    coverage: inq > 0 ? w.coverageWeighted / inq : 0,
    utilisation: inq > 0 ? w.rhoWeighted / inq : 0,
    conversionMult: w.visitorsForMult > 0 ? w.multWeighted / w.visitorsForMult : 1,
    minutesPerInquiry: w.minutesPerInquiry,
    staffHoursPerDay: w.staffHours / 7,
    loyalty: s.ops.loyalty,
    policy: { ...s.ops.policy },
  };
  report.orders = {
    shipped: w.shipped,
    provider: s.ops.policy.logistics,
    deliveryDays: LOGISTICS[s.ops.policy.logistics].days,
    extraShippingFen: w.extraShippingFen,
    addressErrors: w.addressErrors,
    addressChecked: w.checked,
    reshipFen: w.reshipFen,
    delayed: w.delayed,
    delayNoticed: w.noticed,
    oversold: w.oversold,
    compensationFen: w.compensationFen,
    returnRequests: w.returnRequests,
    refundsApproved: w.refundsApproved,
    disputes: w.disputes,
    qualityIssues: w.qualityIssues,
    notDescribed: w.notDescribed,
  };
  report.ratings = { service: w.serviceRating, logistics: w.logisticsRating, description: w.descriptionRating };
  report.topics = { ...w.topics };
  if (s.team.members.analyst > 0) {
    const funnelBySegment: Record<string, FunnelCellReport> = {};
    scenario.market.segments.forEach((g, i) => {
      funnelBySegment[g.id] = cellReport(w.bySegment.get(i) ?? emptyCell());
    });
    const funnelBySource: Partial<Record<Source, FunnelCellReport>> = {};
    for (const src of SOURCES) {
      const c = w.bySource.get(src);
      if (c) funnelBySource[src] = cellReport(c);
    }
    const complaints = FIXABLE_TOPICS.reduce((a, t) => a + w.topics[t], 0);
    const rootCauses = FIXABLE_TOPICS.filter((t) => w.topics[t] > 0)
      .map((t) => ({
        topic: t as Topic,
        count: w.topics[t],
        share: complaints > 0 ? w.topics[t] / complaints : 0,
        cause: ROOT_CAUSES[t].cause,
        action: ROOT_CAUSES[t].action,
        fixed: s.ops.fixes[t] !== undefined,
      }))
      .sort((a, b) => b.count - a.count || TOPICS.indexOf(a.topic) - TOPICS.indexOf(b.topic));
    report.analysis = { funnelBySegment, funnelBySource, rootCauses };
  }
  return report;
}

export type { FixableTopic, Topic };
export { FIXABLE_TOPICS, TOPICS };

// ---------- scenario cross-references ----------

/** Problems zod cannot see in a scenario's operations and team data: [path, reason]. */
export function checkOpsScenario(sc: Scenario): [string, string][] {
  const out: [string, string][] = [];
  const hasOps = sc.market.ops !== undefined;
  if (!hasOps && sc.levers.includes("service"))
    out.push(["levers", 'the "service" lever needs market.ops (the service queue and order exceptions)']);
  if (!hasOps && sc.start.service) out.push(["start.service", "service settings need market.ops"]);
  const team = sc.start.team;
  if (team) {
    const total = TEAM_ROLES.reduce((a, r) => a + (team.members[r] ?? 0), 0);
    if (total === 0) out.push(["start.team.members", "a team needs at least one person"]);
    if ((team.members.designer ?? 0) === 0 && (sc.levers.includes("store") || sc.levers.includes("product")))
      out.push(["start.team.members.designer", "store and product changes need designer hours: add a designer"]);
  }
  return out;
}
