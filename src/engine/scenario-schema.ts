// Scenario files (scenarios/*.json) are data written by course designers and instructors.
// This schema is the single definition of their shape; `parseScenario` turns zod's issues
// into messages naming the file, the JSON path and the reason.

import { z } from "zod";
import { LEVERS } from "./decisions";
import { SOCIAL_PLATFORMS } from "./systems/marketing";
import { PROVIDERS, REFUND_SPEEDS } from "./systems/service";
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
    /** 0–1: how strongly deals (满减, coupons, group buys) move them; default = priceSensitivity. P1.2g */
    dealProneness: fraction.optional(),
    /** Natural basket sizes: share of orders with 1, 2, 3… units (sums to 1); default [1]. P1.2g */
    basket: z.array(fraction).min(1).max(5).optional(),
    /**
     * Relative presence on each social platform (1 = as the segment's share suggests). Shapes who
     * arrives from own content on that platform. Optional; absent = 1 everywhere.
     */
    platforms: z
      .object({
        douyin: z.number().min(0).max(5).optional(),
        xiaohongshu: z.number().min(0).max(5).optional(),
        weibo: z.number().min(0).max(5).optional(),
        wechat: z.number().min(0).max(5).optional(),
      })
      .strict()
      .optional(),
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

// ---------- operations and team (domain B; sim/operations.ts, systems/service.ts, systems/team.ts) ----------
const perRole = <T extends z.ZodTypeAny>(t: T) =>
  z
    .object({
      designer: t.optional(),
      content: t.optional(),
      service: t.optional(),
      operations: t.optional(),
      analyst: t.optional(),
    })
    .strict();

/** PX.c: the team a scenario starts with; roles not listed start empty. */
export const TeamStartSchema = z
  .object({
    members: perRole(z.number().int().min(0).max(20)),
    /** Working hours per person per week except designers (they work designerHoursPerWeek); default 40. */
    hoursPerWeek: z.number().int().min(0).max(80).optional(),
    /** Weekly salary per role (fen); default: designers designerSalaryFen, others the model's KNOBs. */
    salaryFen: perRole(fen.min(0)).optional(),
  })
  .strict();

/** P1.3a–b: the service lever's starting settings (any subset). */
export const ServiceStartSchema = z
  .object({
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

/** P1.3a–c: the operations market; the object turns the mechanisms on, its fields override KNOBs. */
export const OpsMarketSchema = z
  .object({
    /** Share of engaged visitors who ask service before buying (default 8%). */
    inquiryShare: fraction.optional(),
    /** Share of orders with a wrong address before verification (default 2%). */
    addressErrorRate: fraction.optional(),
  })
  .strict();

// ---------- marketing channels (P2.1a–c, P2.2a–c; src/engine/systems/marketing.ts) ----------
const socialPlatform = z.enum(SOCIAL_PLATFORMS);

export const FeedAdsSchema = z
  .object({
    /** Daily-spend adstock (fen/day) at which the feed response is half saturated (Hill EC50). */
    ec50Fen: fen.min(100),
  })
  .strict();

export const SearchAdsSchema = z
  .object({
    /** Reserve price per click (fen). */
    minBidFen: fen.min(1),
    /** Auctioned core keywords and the competitors' bids on each (fen per click). */
    keywords: z
      .array(z.object({ keyword: id, competitorBidsFen: z.array(fen.min(1)).max(40) }).strict())
      .min(1)
      .max(40),
  })
  .strict();

export const KolSchema = z
  .object({
    id,
    name: Bilingual,
    platform: socialPlatform,
    followers: z.number().int().min(100).max(500_000_000),
    /** Engagement rate in the KOL's media kit. */
    claimedEngagement: fraction,
    /** Engagement visible on their recent posts (interactions / followers); inflated followers drag it down. */
    realEngagement: fraction,
    feeFen: fen.min(0),
    /** Share of the audience in each market segment (the rest is outside the category). */
    audience: z.record(z.string(), fraction),
    /** Share of interactions by real people (0–1). */
    authenticity: fraction,
  })
  .strict();

export const ContentMarketSchema = z
  .object({
    /** Content hours a week when the team model offers none. */
    hoursPerWeek: z.number().int().min(0).max(400),
    platforms: z
      .array(z.object({ platform: socialPlatform, startFollowers: z.number().int().min(0).max(100_000_000) }).strict())
      .min(1)
      .max(4),
  })
  .strict();

export const CommunityMarketSchema = z
  .object({
    /** Members of the shop's fan group at the start. */
    startMembers: z.number().int().min(0).max(10_000_000),
  })
  .strict();

/** Domain D: the customer base (BG/NBD-like repurchase). Every field optional; the object turns it on. */
export const CustomersSchema = z
  .object({
    /** Share of alive customers who come back to the shop in a week (default: the model's KNOB). */
    revisitPerWeek: fraction.optional(),
    /** Chance a customer drops out after a purchase (default: the model's KNOB). */
    dropout: fraction.optional(),
  })
  .strict();

/** Domain D: one SKU's product market as a Bass diffusion (P1.2b). */
export const LifecycleSkuSchema = z
  .object({
    sku: id,
    /** Market potential M (people who will ever adopt this kind of product). */
    marketSize: z.number().int().min(1).max(1_000_000_000),
    /** Bass innovation / imitation coefficients per YEAR (default 0.03 / 0.38). */
    p: z.number().min(0.001).max(5).optional(),
    q: z.number().min(0).max(20).optional(),
    /** Share of M that has adopted at the start (0 = brand-new product). */
    adoptedShare: fraction,
    /** Weekly obsolescence hazard once past the peak (newer models take over). */
    obsolescencePerWeek: fraction.optional(),
    /** Cash (fen) and designer hours an upgrade to a new version costs. */
    upgradeCostFen: fen.min(0).optional(),
    upgradeHours: z.number().int().min(0).max(200).optional(),
  })
  .strict();

export const LifecycleSchema = z.object({ skus: z.array(LifecycleSkuSchema).max(20) }).strict();

/** Domain D: a SKU of `skus` that starts unlisted and can be launched (P1.2b). */
export const CatalogueItemSchema = z
  .object({
    sku: id,
    launchCostFen: fen.min(0),
    launchHours: z.number().int().min(0).max(200).optional(),
  })
  .strict();

// ---------- commerce: platform calendar and competitors' prices (domain A; sim/commerce.ts) ----------
/** A platform event (618, 双11, 年货节): traffic multiplier on its days, a lull before it (buyers wait). */
export const CalendarEventSchema = z
  .object({
    id,
    name: Bilingual,
    /** First and last day of the event, counted from day 1 of the run. */
    startDay: z.number().int().min(1).max(400),
    endDay: z.number().int().min(1).max(400),
    /** Searches and home visits on event days, × an ordinary day (双11 ≈ 14). */
    trafficMult: z.number().min(0.1).max(50),
    /** Days before the event when buyers hold back, and their demand multiplier then. */
    preLullDays: z.number().int().min(0).max(60),
    lullMult: z.number().min(0.05).max(1),
  })
  .strict();

/** Competitors' prices react to the shop's sustained price cuts and promotions (P1.2f). */
export const CompetitorPricingSchema = z
  .object({
    /** Share of the shop's (smoothed) price cut that competitors match in the long run. */
    reaction: fraction,
    /** Cuts smaller than this share of the market price are ignored. */
    tolerance: z.number().min(0).max(0.5),
    /** Competitors' event-day discount per ln(trafficMult) (双11 at 0.05: −13%). */
    eventCut: z.number().min(0).max(0.3),
    /** Weekly noise (sd) of the competitors' price index. */
    noise: z.number().min(0).max(0.2),
  })
  .strict();

export const ObjectiveSchema = z
  .object({
    id,
    /** Which run KPI is measured. */
    kpi: z.enum([
      "netProfitFen",
      "gmvFen",
      "conversionRate",
      "dsr",
      "stockoutDays",
      "orders",
      "roas",
      "cashEndFen",
      "repurchaseRate",
    ]),
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
        /** The team at start (PX.c); absent = one designer with designerHoursPerWeek and designerSalaryFen. */
        team: TeamStartSchema.optional(),
        /** Service settings at start (P1.3a–b); absent = defaults (8-hour shift, stock synced, standard courier). */
        service: ServiceStartSchema.optional(),
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
        /** Platform events (618, 双11, 年货节) with their pre-event lull (domain A). */
        calendar: z.array(CalendarEventSchema).max(30).optional(),
        /** Demand multiplier for each week of the run (seasonality; domain A). */
        seasonality: z.array(z.number().min(0.05).max(20)).max(60).optional(),
        /** Competitors' price reactions (P1.2f); absent = the market price stays the scenario's. */
        competitorPricing: CompetitorPricingSchema.optional(),
        /** Customer base and repurchase (domain D); without it the placeholder returning-buyer traffic applies. */
        customers: CustomersSchema.optional(),
        /** Product lifecycle per SKU (P1.2b); SKUs not listed keep their demand. */
        lifecycle: LifecycleSchema.optional(),
        /** SKUs of `skus` that start unlisted and can be launched (P1.2b). */
        catalogue: z.array(CatalogueItemSchema).max(20).optional(),
        /** Info-flow ads with learning, carryover and saturation (P2.1a); absent = the simple CPM model. */
        feedAds: FeedAdsSchema.optional(),
        /** Paid search auctions (P2.1a). */
        searchAds: SearchAdsSchema.optional(),
        /** KOL/KOC roster (P2.1b). */
        kols: z.array(KolSchema).max(40).optional(),
        /** Own content platforms (P2.2a–b). */
        content: ContentMarketSchema.optional(),
        /** User community (P2.1c, P2.2c). */
        community: CommunityMarketSchema.optional(),
        /** Operations (P1.3a–c, PX.a): service queue, order exceptions, review topics; absent = not modelled. */
        ops: OpsMarketSchema.optional(),
      })
      .strict(),
    skus: z.array(SkuSchema).min(1).max(20),
    objectives: z.array(ObjectiveSchema).min(1),
    /** Score thresholds (0–1000) for 1, 2 and 3 stars, ascending. */
    stars: z.tuple([z.number(), z.number(), z.number()]),
    /** What happens if cash drops below zero. */
    cashPolicy: z.enum(["bankrupt", "loan"]),
  })
  .strict();

export type Scenario = z.infer<typeof ScenarioSchema>;
export type ScenarioKeyword = z.infer<typeof KeywordSchema>;
export type ScenarioSegment = z.infer<typeof SegmentSchema>;
export type ScenarioSku = z.infer<typeof SkuSchema>;
export type Objective = z.infer<typeof ObjectiveSchema>;
export type ScenarioLifecycleSku = z.infer<typeof LifecycleSkuSchema>;
export type CalendarEvent = z.infer<typeof CalendarEventSchema>;
