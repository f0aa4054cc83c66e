// Decisions are the only way a player (or a bot) changes the game. Each is a plain object
// validated by zod (shape) and then by `checkDecision` against the state (SKU exists,
// lever unlocked, cash and designer hours suffice). Invalid decisions are rejected with a
// message key + params, so the UI can show it in the trainee's language and the CLI in English.

import { z } from "zod";
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

export const Decision = z.discriminatedUnion("type", [
  SetStoreDecision,
  SetTitleDecision,
  SetImageDecision,
  SetDetailDecision,
  SetPriceDecision,
  ReorderDecision,
  SetAdsDecision,
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
