// Operations formulas (pure): the customer-service queue (P1.3b), order exceptions and logistics
// (P1.3a), review topics and the DSR sub-scores they drive (P1.3c). The daily flow that draws
// random numbers and moves money is in sim/operations.ts.
import { clamp, pow } from "../detmath";
import {
  ADDRESS_CHECK_CATCH,
  ADDRESS_ERROR_RATE,
  CHAT_FAST_S,
  CHAT_HALF_LIFE_S,
  CHAT_LIFT,
  INQUIRY_DAY_HOURS,
  LOGISTICS,
  LOGISTICS_RATING,
  MINUTES_PER_INQUIRY,
  NOT_DESCRIBED_RATE,
  PERSONAL_MINUTES_PER_LEVEL,
  QUALITY_ISSUE_PER_STAR,
  REPLY_BASE_S,
  REPLY_QUEUE_S,
  REPLY_RHO_CAP,
  SCRIPT_TIME_FACTOR,
  SERVICE_RATING,
  SPECS_DESCRIBED_FACTOR,
  UNANSWERED_LOSS,
} from "../model";
import type { GameState } from "../types";

/** What a review can be about: what actually went wrong (or right) for that buyer. P1.3c */
export const TOPICS = [
  "slowReply",
  "lateDelivery",
  "wrongAddress",
  "oversold",
  "refund",
  "quality",
  "notAsDescribed",
  "greatService",
] as const;
export type Topic = (typeof TOPICS)[number];
/** Topics a feedback action can fix (every complaint; praise needs no fixing). */
export const FIXABLE_TOPICS = [
  "slowReply",
  "lateDelivery",
  "wrongAddress",
  "oversold",
  "refund",
  "quality",
  "notAsDescribed",
] as const;
export type FixableTopic = (typeof FIXABLE_TOPICS)[number];

/** i18n keys of the topics (literal, so the dictionary check sees them). */
export const TOPIC_KEYS: Record<Topic, string> = {
  slowReply: "review.topic.slowReply",
  lateDelivery: "review.topic.lateDelivery",
  wrongAddress: "review.topic.wrongAddress",
  oversold: "review.topic.oversold",
  refund: "review.topic.refund",
  quality: "review.topic.quality",
  notAsDescribed: "review.topic.notAsDescribed",
  greatService: "review.topic.greatService",
};

/** Root cause an analyst names for each topic, and the fix a feedback action applies (PX.a). */
export const ROOT_CAUSES: Record<Topic, { cause: string; action: string }> = {
  slowReply: { cause: "serviceCapacity", action: "trainStaff" },
  lateDelivery: { cause: "carrierDelays", action: "carrierReview" },
  wrongAddress: { cause: "addressEntry", action: "addressPrompt" },
  oversold: { cause: "stockNotSynced", action: "stockAlert" },
  refund: { cause: "refundHandling", action: "refundProcess" },
  quality: { cause: "damageInTransit", action: "improvePackaging" },
  notAsDescribed: { cause: "descriptionGap", action: "fixDescription" },
  greatService: { cause: "personalService", action: "none" },
};

export const PROVIDERS = ["express", "standard", "economy"] as const;
export type Provider = (typeof PROVIDERS)[number];
export const REFUND_SPEEDS = ["fast", "normal", "slow"] as const;
export type RefundSpeed = (typeof REFUND_SPEEDS)[number];

/** The service lever's settings (客服 panel). P1.3a, P1.3b */
export interface ServicePolicy {
  /** Hours of the day someone answers chats (of the 16 in which inquiries arrive). */
  shiftHours: number;
  /** Standard pre/in/after-sale scripts (快捷话术, 标准流程). */
  scripts: boolean;
  /** Personal touches beyond the script: 0 none, 1 some, 2 a lot. */
  personalization: number;
  /** Verify addresses before shipping. */
  addressCheck: boolean;
  /** Sync stock so sold-out listings stop taking orders (no overselling). */
  stockSync: boolean;
  /** Tell buyers about a delay before they ask. */
  delayNotice: boolean;
  refundSpeed: RefundSpeed;
  logistics: Provider;
}

/** A new shop's habits unless the scenario says otherwise: stock synced, standard courier, no extras. */
export const DEFAULT_POLICY: ServicePolicy = {
  shiftHours: 8,
  scripts: false,
  personalization: 0,
  addressCheck: false,
  stockSync: true,
  delayNotice: false,
  refundSpeed: "normal",
  logistics: "standard",
};

/** Complaint reviews waiting to be written. */
export interface PendingTopicReview {
  day: number;
  sku: string;
  topic: Topic;
  qty: number;
}

/** Operations state (state.ops). */
export interface OpsState {
  policy: ServicePolicy;
  /** After-sale inquiries arriving today (raised by yesterday's orders and exceptions). */
  carryInquiries: number;
  /** Back-office minutes the service staff must cover today (checks and refunds nobody else did). */
  carryMinutes: number;
  /** Operations staff minutes left this week for address checks and fast refunds. */
  opsMinutesLeft: number;
  /** Data-analyst hours left this week (feedback actions). PX.a */
  analystHoursLeft: number;
  /** Feedback fixes: the day each takes effect. P1.3c */
  fixes: Partial<Record<FixableTopic, number>>;
  pending: PendingTopicReview[];
  /** Topic reviews written over the run. */
  topicTotals: Record<Topic, number>;
  /** Outstanding loan (cash policy "loan"). */
  loanFen: number;
  /** Repurchase multiplier from personal, fast service (read by the customers domain). P1.3b */
  loyalty: number;
}

export function initOps(policy: Partial<ServicePolicy> | undefined, analystHours: number, opsHours: number): OpsState {
  return {
    policy: { ...DEFAULT_POLICY, ...(policy ?? {}) },
    carryInquiries: 0,
    carryMinutes: 0,
    opsMinutesLeft: opsHours * 60,
    analystHoursLeft: analystHours,
    fixes: {},
    pending: [],
    topicTotals: Object.fromEntries(TOPICS.map((t) => [t, 0])) as Record<Topic, number>,
    loanFen: 0,
    loyalty: 1,
  };
}

/** Repurchase multiplier earned by personal, fast service (1 = neutral). For the customers domain. P1.3b */
export function serviceLoyalty(state: GameState): number {
  return state.ops?.loyalty ?? 1;
}

/** The factor a feedback fix applies to its topic on `day` (1 before it takes effect). */
export function fixFactor(ops: OpsState, topic: FixableTopic, day: number, factor: number): number {
  const from = ops.fixes[topic];
  return from !== undefined && day >= from ? factor : 1;
}

/** Staff minutes one inquiry takes: scripts save time, personal touches cost time. P1.3b */
export function minutesPerInquiry(policy: ServicePolicy, trained: boolean): number {
  const base = MINUTES_PER_INQUIRY * (policy.scripts ? SCRIPT_TIME_FACTOR : 1) * (trained ? 0.85 : 1);
  return base + PERSONAL_MINUTES_PER_LEVEL * policy.personalization;
}

export interface QueueInput {
  /** Inquiries arriving today (pre- and after-sale). */
  inquiries: number;
  /** Back-office minutes the service staff must also cover today. */
  backMinutes: number;
  /** Service staff hours available today. */
  staffHoursPerDay: number;
  shiftHours: number;
  minutesPerInquiry: number;
}

export interface QueueResult {
  /** Share of inquiries arriving while someone is on duty. */
  coverage: number;
  /** Staff utilisation (load / capacity; > 1 = overloaded). */
  rho: number;
  /** Mean first-reply time of answered inquiries (s). */
  replySec: number;
  /** Share of all inquiries answered in time. */
  answered: number;
}

/**
 * The service queue of one day (P1.3b). Inquiries arrive evenly over 16 hours; staff answer during
 * their shift (at most the hours they work); first-reply time grows with utilisation as in a queue,
 * and an overloaded team answers only capacity/load of what arrives.
 */
export function serviceQueue(q: QueueInput): QueueResult {
  const capacity = q.staffHoursPerDay * 60;
  if (capacity <= 0 || q.shiftHours <= 0) return { coverage: 0, rho: 0, replySec: 0, answered: 0 };
  const coverage = clamp(Math.min(q.shiftHours, q.staffHoursPerDay) / INQUIRY_DAY_HOURS, 0, 1);
  const load = q.inquiries * coverage * q.minutesPerInquiry + q.backMinutes;
  const rho = load / capacity;
  const r = Math.min(rho, REPLY_RHO_CAP);
  const replySec = REPLY_BASE_S + (REPLY_QUEUE_S * r) / (1 - r);
  return { coverage, rho, replySec, answered: coverage * (rho <= 1 ? 1 : 1 / rho) };
}

/** How much of the live-chat lift a reply time keeps: full up to 10 s, halving every 40 s after. KNOB */
export function replySpeedFactor(replySec: number): number {
  return replySec <= CHAT_FAST_S ? 1 : pow(0.5, (replySec - CHAT_FAST_S) / CHAT_HALF_LIFE_S);
}

/**
 * Conversion multiplier of a day's service (P1.3b): fast answers lift purchase probability up to
 * +16% (Tan, Wang & Tan 2019); unanswered pre-sale questions lose sales.
 */
export function chatMultiplier(answered: number, replySec: number): number {
  return 1 + CHAT_LIFT * answered * replySpeedFactor(replySec) - UNANSWERED_LOSS * (1 - answered);
}

/** Share of answered askers who found the reply too slow (30 s fine, 150 s and more all annoyed). KNOB */
export function slowShare(replySec: number): number {
  return clamp((replySec - 30) / 120, 0, 1);
}

/** Share of orders with a wrong address after the (optional) verification. P1.3a */
export function addressErrorRate(base: number | undefined, checkCoverage: number, fix: number): number {
  return (base ?? ADDRESS_ERROR_RATE) * (1 - ADDRESS_CHECK_CATCH * clamp(checkCoverage, 0, 1)) * fix;
}

/** Share of orders with a quality problem (10% per star below 5). P1.3c */
export function qualityIssueRate(quality: number, fix: number): number {
  return clamp(QUALITY_ISSUE_PER_STAR * Math.max(0, 5 - quality), 0, 1) * fix;
}

/** Share of orders "not as described" (3%; halved when the page shows specs). P1.3c */
export function notDescribedRate(hasSpecs: boolean, fix: number): number {
  return NOT_DESCRIBED_RATE * (hasSpecs ? SPECS_DESCRIBED_FACTOR : 1) * fix;
}

export interface ServiceWeek {
  /** Share of inquiries unanswered. */
  unanswered: number;
  /** Share of inquiries answered too slowly. */
  slow: number;
  /** Share of inquiries with a bad (inconsistent) answer. */
  badAnswer: number;
  /** Share of inquiries that delighted the buyer. */
  delight: number;
  /** Refund disputes per order. */
  disputes: number;
  /** Oversold (cancelled) orders per order taken. */
  oversold: number;
}

/** The week's 服务态度 rating the DSR moves toward. P1.3c */
export function serviceRating(w: ServiceWeek): number {
  const r = SERVICE_RATING;
  return clamp(
    r.base -
      r.unanswered * w.unanswered -
      r.slow * w.slow -
      r.badAnswer * w.badAnswer -
      r.dispute * w.disputes -
      r.oversold * w.oversold +
      r.delight * w.delight,
    1,
    5,
  );
}

/** The week's 物流服务 rating: the provider's, minus delays (softened by notices) and wrong addresses. P1.3c */
export function logisticsRating(provider: Provider, delayShare: number, addressShare: number, notice: boolean): number {
  return clamp(
    LOGISTICS[provider].rating -
      LOGISTICS_RATING.delay * delayShare * (notice ? 0.5 : 1) -
      LOGISTICS_RATING.wrongAddress * addressShare,
    1,
    5,
  );
}
