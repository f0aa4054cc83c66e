// Scenario files (scenarios/*.json) are data written by course designers and instructors.
// This schema is the single definition of their shape; `parseScenario` turns zod's issues
// into messages naming the file, the JSON path and the reason.

import { z } from "zod";
import { LEVERS } from "./decisions";
import { BANNER_FOCUS, DETAIL_SECTIONS, IMAGE_STYLES } from "./types";

/** Text in both languages the game ships. zh-CN first. */
export const Bilingual = z.object({ "zh-CN": z.string().min(1), en: z.string().min(1) }).strict();
export type Bilingual = z.infer<typeof Bilingual>;

const id = z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, "ids are lower-case letters, digits, - or _");
const fen = z.number().int().safe();
const fraction = z.number().min(0).max(1);

export const KeywordSchema = z
  .object({
    id,
    text: Bilingual,
    /** core search term / selling point / marketing word. P1.2c */
    kind: z.enum(["core", "selling", "marketing"]),
    /** Daily searches in this market (core keywords only; 0 for others). */
    dailySearches: z.number().int().min(0).max(10_000_000),
    /** Competition 0–1: how strong the other listings ranking for it are. */
    competition: fraction,
    /** Characters the word takes in a title (Chinese characters count 1). */
    chars: z.number().int().min(1).max(30),
  })
  .strict();

export const SegmentSchema = z
  .object({
    id,
    name: Bilingual,
    /** Share of the category's shoppers. Shares must sum to 1. */
    share: fraction,
    /** Price elasticity (negative). */
    elasticity: z.number().min(-8).max(-0.1),
    /** 0–1: how much a missing trust block and few reviews put them off. */
    trustNeed: fraction,
    /** Share of this segment shopping on phones. */
    mobileShare: fraction,
    /** 0–1: how much charm (…9) endings appeal (deal-seekers) vs round prices (quality-seekers). */
    priceSensitivity: fraction,
    /** Conversion multiplier for this segment's fit with the product. */
    fit: z.number().min(0).max(3),
  })
  .strict();

export const SkuSchema = z
  .object({
    id,
    name: Bilingual,
    priceFen: fen.min(1),
    unitCostFen: fen.min(1),
    stock: z.number().int().min(0),
    /** Market reference price: what comparable listings charge. */
    marketPriceFen: fen.min(1),
    /** Intrinsic quality 1–5: the mean star rating satisfied buyers give. */
    quality: z.number().min(1).max(5),
    /** Share of delivered units returned (category figure). */
    returnRate: fraction,
    title: z.array(z.string()).min(1),
    image: z.enum(IMAGE_STYLES),
    detail: z.array(z.enum(DETAIL_SECTIONS)),
    supplier: z
      .object({
        leadDays: z.number().int().min(0).max(60),
        minOrder: z.number().int().min(1),
        /** Unit-cost tiers: ordering at least `minQty` costs `unitCostFen` each. */
        tiers: z.array(z.object({ minQty: z.number().int().min(1), unitCostFen: fen.min(1) }).strict()).min(1),
      })
      .strict(),
  })
  .strict();

export const ObjectiveSchema = z
  .object({
    id,
    /** Which run KPI is measured. */
    kpi: z.enum(["netProfitFen", "gmvFen", "conversionRate", "dsr", "stockoutDays", "orders", "roas", "cashEndFen"]),
    /** Value scoring 0 and value scoring full marks; if floor > target, lower is better. */
    floor: z.number(),
    target: z.number(),
    weight: z.number().positive(),
    label: Bilingual,
  })
  .strict();

export const ScenarioSchema = z
  .object({
    format: z.literal("shopsim-scenario"),
    id,
    contentVersion: z.number().int().min(1),
    title: Bilingual,
    story: Bilingual,
    goals: z
      .array(z.object({ code: z.string().regex(/^P(X|\d)\.[\w.]+$/), section: z.string(), text: Bilingual }).strict())
      .min(1),
    weeks: z.number().int().min(1).max(52),
    levers: z.array(z.enum(LEVERS)).min(1),
    start: z
      .object({
        cashFen: fen.min(0),
        designerHoursPerWeek: z.number().int().min(0).max(200),
        designerSalaryFen: fen.min(0),
        store: z
          .object({
            categoryDepth: z.number().int().min(1).max(5),
            inStoreSearch: z.boolean(),
            banner: z.enum(BANNER_FOCUS),
            mobileLevel: z.number().int().min(0).max(3),
            speedLevel: z.number().int().min(0).max(3),
          })
          .strict(),
        ads: z.object({ dailyBudgetFen: fen.min(0), target: z.string() }).strict(),
        /** DSR at start (a new shop shows the platform default). */
        dsr: z.number().min(1).max(5),
      })
      .strict(),
    market: z
      .object({
        keywords: z.array(KeywordSchema).min(1),
        segments: z.array(SegmentSchema).min(1),
        /** Visitors/day arriving at the home page (shop name searches, favourites, direct). */
        homeVisitorsPerDay: z.number().min(0),
        /** Info-flow ads cost per thousand impressions (fen). */
        adCpmFen: fen.min(1),
        /** Platform commission on sales (fraction). */
        commissionRate: fraction,
        /** Courier cost per parcel (fen). */
        shippingFen: fen.min(0),
        /** Competing listings per keyword. */
        competitorsPerKeyword: z.number().int().min(1).max(200),
      })
      .strict(),
    skus: z.array(SkuSchema).min(1).max(20),
    objectives: z.array(ObjectiveSchema).min(1),
    /** Score thresholds (0–1000) for 1, 2 and 3 stars, ascending. */
    stars: z.tuple([z.number(), z.number(), z.number()]),
    /** What happens if cash drops below zero. */
    cashPolicy: z.enum(["bankrupt"]),
  })
  .strict();

export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioKeyword = z.infer<typeof KeywordSchema>;
export type ScenarioSegment = z.infer<typeof SegmentSchema>;
export type ScenarioSku = z.infer<typeof SkuSchema>;
export type Objective = z.infer<typeof ObjectiveSchema>;
