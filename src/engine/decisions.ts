// Decisions are the only way a player (or a bot) changes the game. Each is a plain object
// validated by zod (shape) and then by `checkDecision` against the state (SKU exists,
// lever unlocked, cash and designer hours suffice). Invalid decisions are rejected with a
// message key + params, so the UI can show it in the trainee's language and the CLI in English.

import { z } from "zod";
import { TEAM_ROLES } from "./model";
import { COMMUNITY_ACTIVITIES, CONTENT_FORMATS, SOCIAL_PLATFORMS } from "./systems/marketing";
import { FIXABLE_TOPICS, PROVIDERS, REFUND_SPEEDS } from "./systems/service";
import { BANNER_FOCUS, DETAIL_SECTIONS, IMAGE_STYLES } from "./types";

const skuId = z.string().min(1).max(40);
const fen = z.number().int().safe();

export const SetStoreDecision = z
  .object({
    type: z.literal("setStore"),
    categoryDepth: z.number().int().min(1).max(5).optional(),
    inStoreSearch: z.boolean().optional(),
    banner: z.enum(BANNER_FOCUS).optional(),
    mobileLevel: z.number().int().min(0).max(3).optional(),
    speedLevel: z.number().int().min(0).max(3).optional(),
  })
  .strict();

export const SetTitleDecision = z
  .object({
    type: z.literal("setTitle"),
    sku: skuId,
    keywords: z.array(z.string().min(1).max(40)).min(1).max(12),
  })
  .strict();

export const SetImageDecision = z
  .object({ type: z.literal("setImage"), sku: skuId, style: z.enum(IMAGE_STYLES) })
  .strict();

export const SetDetailDecision = z
  .object({
    type: z.literal("setDetail"),
    sku: skuId,
    sections: z.array(z.enum(DETAIL_SECTIONS)).max(DETAIL_SECTIONS.length),
  })
  .strict();

export const SetPriceDecision = z
  .object({ type: z.literal("setPrice"), sku: skuId, priceFen: fen.min(1).max(10_000_000) })
  .strict();

export const ReorderDecision = z
  .object({ type: z.literal("reorder"), sku: skuId, qty: z.number().int().min(1).max(100_000) })
  .strict();

export const SetAdsDecision = z
  .object({
    type: z.literal("setAds"),
    dailyBudgetFen: fen.min(0).max(100_000_000),
    target: z.string().min(1).max(40),
    sku: skuId,
  })
  .strict();

// ---------- marketing channels (P2.1a–c, P2.2a–c; checks in systems/marketing.ts) ----------
export const SetSearchAdsDecision = z
  .object({
    type: z.literal("setSearchAds"),
    sku: skuId,
    dailyBudgetFen: fen.min(0).max(100_000_000),
    bids: z.array(z.object({ keyword: z.string().min(1).max(40), bidFen: fen.min(1).max(100_000) }).strict()).max(12),
  })
  .strict();

export const HireKolDecision = z
  .object({ type: z.literal("hireKol"), kol: z.string().min(1).max(40), sku: skuId })
  .strict();

export const SetContentDecision = z
  .object({
    type: z.literal("setContent"),
    platform: z.enum(SOCIAL_PLATFORMS),
    postsPerWeek: z.number().int().min(0).max(14),
    format: z.enum(CONTENT_FORMATS),
    series: z.boolean(),
  })
  .strict();

export const SetCommunityDecision = z
  .object({ type: z.literal("setCommunity"), activity: z.enum(COMMUNITY_ACTIVITIES) })
  .strict();

// ---------- promotions (P1.2g; checks in systems/promotions.ts) ----------
/** 满减: orders worth at least the threshold get the discount. */
export const SetFullReductionDecision = z
  .object({
    type: z.literal("setFullReduction"),
    thresholdFen: fen.min(1).max(10_000_000),
    discountFen: fen.min(1).max(10_000_000),
  })
  .strict();

/** Coupons: face value off orders of at least minSpend (0 = no threshold), quantity issued, audience. */
export const SetCouponDecision = z
  .object({
    type: z.literal("setCoupon"),
    faceFen: fen.min(1).max(10_000_000),
    minSpendFen: fen.min(0).max(10_000_000),
    quantity: z.number().int().min(1).max(1_000_000),
    audience: z.enum(["public", "new", "members"]),
  })
  .strict();

/** 秒杀: one SKU at a flash price on one day of this week, up to a quantity cap. */
export const SetFlashSaleDecision = z
  .object({
    type: z.literal("setFlashSale"),
    sku: skuId,
    priceFen: fen.min(1).max(10_000_000),
    qtyCap: z.number().int().min(1).max(100_000),
    day: z.number().int().min(1).max(7),
  })
  .strict();

/** 拼团: a group price for groups of groupSize buyers; unfilled groups are refunded. */
export const SetGroupBuyDecision = z
  .object({
    type: z.literal("setGroupBuy"),
    sku: skuId,
    groupPriceFen: fen.min(1).max(10_000_000),
    groupSize: z.number().int().min(2).max(10),
  })
  .strict();

/** Gift with purchase: orders of at least minSpend get a gift costing giftCost. */
export const SetGiftDecision = z
  .object({
    type: z.literal("setGift"),
    minSpendFen: fen.min(0).max(10_000_000),
    giftCostFen: fen.min(1).max(1_000_000),
  })
  .strict();

/** Ends a running promotion. */
export const EndPromotionDecision = z
  .object({
    type: z.literal("endPromotion"),
    promotion: z.enum(["fullReduction", "coupon", "flashSale", "groupBuy", "gift"]),
  })
  .strict();

// ---------- private domain (P2.3a–b) and product lifecycle (P1.2a–b); checks in sim/customers.ts, sim/lifecycle.ts ----------
/** Private domain: package-insert card, join coupon, pushes per week, members-only offer. */
export const SetPrivateDomainDecision = z
  .object({
    type: z.literal("setPrivateDomain"),
    insertCard: z.boolean(),
    inviteCouponFen: fen.min(0).max(5_000),
    pushesPerWeek: z.number().int().min(0).max(14),
    memberOfferPct: z.number().int().min(0).max(30),
  })
  .strict();

/** Clearance (清仓): a sell-off price; the listing ends when the stock is gone. */
export const ClearanceDecision = z
  .object({ type: z.literal("clearance"), sku: skuId, priceFen: fen.min(1).max(10_000_000) })
  .strict();

/** Upgrade to a new version: restarts the product's lifecycle curve (design hours and cash). */
export const UpgradeDecision = z.object({ type: z.literal("upgrade"), sku: skuId }).strict();

/** Delist: the SKU stops selling; its visitors go to the other listings. */
export const DelistDecision = z.object({ type: z.literal("delist"), sku: skuId }).strict();

/** Launch a SKU from the scenario's catalogue. */
export const LaunchDecision = z.object({ type: z.literal("launch"), sku: skuId }).strict();

// ---------- operations (P1.3a–c, PX.a, PX.c); checks in sim/operations.ts, systems/team.ts ----------
/** 客服 panel: shifts, scripts, personalisation, exception policies, logistics provider. */
export const SetServiceDecision = z
  .object({
    type: z.literal("setService"),
    shiftHours: z.number().int().min(4).max(16).optional(),
    scripts: z.boolean().optional(),
    personalization: z.number().int().min(0).max(2).optional(),
    addressCheck: z.boolean().optional(),
    stockSync: z.boolean().optional(),
    delayNotice: z.boolean().optional(),
    refundSpeed: z.enum(REFUND_SPEEDS).optional(),
    logistics: z.enum(PROVIDERS).optional(),
  })
  .strict();

/** 团队: hire or let go one person of a role. */
export const HireDecision = z.object({ type: z.literal("hire"), role: z.enum(TEAM_ROLES) }).strict();
export const FireDecision = z.object({ type: z.literal("fire"), role: z.enum(TEAM_ROLES) }).strict();

/** Feedback loop: fix the root cause of a review topic (needs a data analyst). */
export const ActOnFeedbackDecision = z
  .object({ type: z.literal("actOnFeedback"), topic: z.enum(FIXABLE_TOPICS) })
  .strict();

export const Decision = z.discriminatedUnion("type", [
  SetStoreDecision,
  SetTitleDecision,
  SetImageDecision,
  SetDetailDecision,
  SetPriceDecision,
  ReorderDecision,
  SetAdsDecision,
  SetSearchAdsDecision,
  HireKolDecision,
  SetContentDecision,
  SetCommunityDecision,
  SetFullReductionDecision,
  SetCouponDecision,
  SetFlashSaleDecision,
  SetGroupBuyDecision,
  SetGiftDecision,
  EndPromotionDecision,
  SetPrivateDomainDecision,
  ClearanceDecision,
  UpgradeDecision,
  DelistDecision,
  LaunchDecision,
  SetServiceDecision,
  HireDecision,
  FireDecision,
  ActOnFeedbackDecision,
]);
export type Decision = z.infer<typeof Decision>;
export type DecisionType = Decision["type"];

/** The lever group each decision type belongs to; scenarios unlock groups. */
export const LEVER_OF: Record<DecisionType, Lever> = {
  setStore: "store",
  setTitle: "product",
  setImage: "product",
  setDetail: "product",
  setPrice: "pricing",
  reorder: "inventory",
  setAds: "marketing",
  setSearchAds: "marketing",
  hireKol: "marketing",
  setContent: "marketing",
  setCommunity: "marketing",
  setFullReduction: "promotion",
  setCoupon: "promotion",
  setFlashSale: "promotion",
  setGroupBuy: "promotion",
  setGift: "promotion",
  endPromotion: "promotion",
  setPrivateDomain: "private",
  clearance: "product",
  upgrade: "product",
  delist: "product",
  launch: "product",
  setService: "service",
  hire: "team",
  fire: "team",
  actOnFeedback: "product",
};
/** Lever groups in the order the game design lists them (店铺 商品 定价 促销 库存 营销 私域 客服 团队). */
export const LEVERS = [
  "store",
  "product",
  "pricing",
  "promotion",
  "inventory",
  "marketing",
  "private",
  "service",
  "team",
] as const;
export type Lever = (typeof LEVERS)[number];

export const TurnDecisions = z.array(Decision).max(200);

/** A rejection: an i18n key plus its parameters, and an English sentence for logs/CLI. */
export interface DecisionError {
  key: string;
  params: Record<string, string | number>;
  message: string;
}
