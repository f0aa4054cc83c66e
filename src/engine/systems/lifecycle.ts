// Product lifecycle (P1.2b) and assortment (P1.2a): pure formulas and the state shape.
// Each SKU with a `market.lifecycle` entry has a product market that diffuses as a discrete Bass
// process n_t = (p + q·N_{t−1}/M)(M − N_{t−1}); the SKU's search demand is n_t relative to the
// curve's peak, times an obsolescence factor that decays once the market is past its peak.
// Listings of the shop that are substitutes (same price tier) and share keywords are duplicates
// (重复铺货): the platform demotes both and folds the weaker away (docs/MODEL.md).
import { clamp, log } from "../detmath";
import {
  BASS_P_YEAR,
  BASS_Q_YEAR,
  STAGE_DECLINE_BELOW,
  STAGE_GROWTH_FROM,
  SUBSTITUTE_PRICE_RATIO,
  UPGRADE_MIN_WEEKS,
  WEEKS_PER_YEAR,
} from "../model";
import type { Scenario, ScenarioLifecycleSku } from "../scenario-schema";
import { keywordRelevance } from "./listing";

export const STAGES = ["introduction", "growth", "maturity", "decline"] as const;
export type Stage = (typeof STAGES)[number];

export interface SkuLifecycle {
  /** Visible in the shop (false before a launch and after a delisting). */
  listed: boolean;
  /** Delisted by the player (a listing never launched has listed = false, delisted = false). */
  delisted: boolean;
  /** Adopted share N/M of the SKU's product market (tracked SKUs only). */
  adopted: number;
  /** Obsolescence factor (1 → 0) once the market is past its peak. */
  obsolescence: number;
  /** Product version (1 at start, +1 per upgrade). */
  version: number;
  /** The week of the last upgrade (−UPGRADE_MIN_WEEKS at start: an upgrade is possible from week 0). */
  upgradedWeek: number;
  /** Clearance price set by the player (0 = none); the SKU is on clearance while its price equals it. */
  clearancePriceFen: number;
  stage: Stage;
}

export interface LifecycleState {
  skus: Record<string, SkuLifecycle>;
  /** Dead-stock write-down (fen, non-cash, accrual) over the run and in the week just played. */
  writedownFen: number;
  writedownWeekFen: number;
}

/** Weekly Bass coefficients from the yearly ones (p/52, q/52). */
export function weeklyBass(entry: ScenarioLifecycleSku | undefined): { p: number; q: number } {
  return {
    p: (entry?.p ?? BASS_P_YEAR) / WEEKS_PER_YEAR,
    q: (entry?.q ?? BASS_Q_YEAR) / WEEKS_PER_YEAR,
  };
}

/** Bass adoption in a period as a share of M: (p + q·F)(1 − F). */
export function bassRate(p: number, q: number, adopted: number): number {
  const f = clamp(adopted, 0, 1);
  return (p + q * f) * (1 - f);
}

/** The curve's peak rate (p + q)² / 4q, reached at F* = (q − p) / 2q (p itself if q ≤ p). */
export function bassPeak(p: number, q: number): number {
  if (q <= p) return p;
  return ((p + q) * (p + q)) / (4 * q);
}

export function bassPeakShare(p: number, q: number): number {
  return q <= p ? 0 : (q - p) / (2 * q);
}

/** Demand multiplier on the SKU's searches: rate relative to the peak × obsolescence (0–1). */
export function lifecycleMultiplier(p: number, q: number, adopted: number, obsolescence: number): number {
  const peak = bassPeak(p, q);
  return peak > 0 ? clamp((bassRate(p, q, adopted) / peak) * obsolescence, 0, 1) : 0;
}

/** Introduction / growth before the peak (by demand level); maturity / decline after it. */
export function stageOf(p: number, q: number, adopted: number, obsolescence: number): Stage {
  const m = lifecycleMultiplier(p, q, adopted, obsolescence);
  if (adopted < bassPeakShare(p, q)) return m < STAGE_GROWTH_FROM ? "introduction" : "growth";
  return m < STAGE_DECLINE_BELOW ? "decline" : "maturity";
}

/** One week of diffusion: the new adopted share and obsolescence. */
export function bassStep(
  p: number,
  q: number,
  adopted: number,
  obsolescence: number,
  hazard: number,
): { adopted: number; obsolescence: number } {
  const next = clamp(adopted + bassRate(p, q, adopted), 0, 1);
  const past = next >= bassPeakShare(p, q);
  return { adopted: next, obsolescence: past ? obsolescence * (1 - clamp(hazard, 0, 1)) : obsolescence };
}

export function newLifecycleState(scenario: Scenario): LifecycleState {
  const skus: Record<string, SkuLifecycle> = {};
  const catalogue = new Set((scenario.market.catalogue ?? []).map((c) => c.sku));
  for (const spec of scenario.skus) {
    const entry = scenario.market.lifecycle?.skus.find((e) => e.sku === spec.id);
    const { p, q } = weeklyBass(entry);
    const adopted = entry?.adoptedShare ?? bassPeakShare(p, q);
    skus[spec.id] = {
      listed: !catalogue.has(spec.id),
      delisted: false,
      adopted,
      obsolescence: 1,
      version: 1,
      upgradedWeek: -UPGRADE_MIN_WEEKS,
      clearancePriceFen: 0,
      stage: entry ? stageOf(p, q, adopted, 1) : "maturity",
    };
  }
  return { skus, writedownFen: 0, writedownWeekFen: 0 };
}

/**
 * P1.2a: how far two listings are substitutes (0–1), from their market price tiers:
 * 1 at the same reference price, 0 from a price ratio of 1.3 on (KNOB), and 0 if their quality differs by
 * a star or more.
 */
export function substitutability(
  a: { marketPriceFen: number; quality: number },
  b: { marketPriceFen: number; quality: number },
): number {
  if (Math.abs(a.quality - b.quality) >= 1) return 0;
  const r = Math.abs(log(a.marketPriceFen / b.marketPriceFen));
  return clamp(1 - r / log(SUBSTITUTE_PRICE_RATIO), 0, 1);
}

/** Core keywords both titles contain in full (the ones on which the two listings meet). */
export function sharedKeywords(scenario: Scenario, a: readonly string[], b: readonly string[]): string[] {
  return scenario.market.keywords
    .filter((k) => k.kind === "core" && keywordRelevance(a, k.id) === 1 && keywordRelevance(b, k.id) === 1)
    .map((k) => k.id);
}

/** Scenario cross-checks for `market.customers`, `market.lifecycle` and `market.catalogue`. */
export function checkDomainDScenario(sc: Scenario, add: (path: string, reason: string) => void): void {
  const skuIds = new Set(sc.skus.map((k) => k.id));
  const seen = new Set<string>();
  (sc.market.lifecycle?.skus ?? []).forEach((e, i) => {
    if (!skuIds.has(e.sku)) add(`market.lifecycle.skus.${i}.sku`, `unknown SKU "${e.sku}"`);
    if (seen.has(e.sku)) add(`market.lifecycle.skus.${i}.sku`, `SKU "${e.sku}" has two lifecycle entries`);
    seen.add(e.sku);
  });
  const cat = new Set<string>();
  (sc.market.catalogue ?? []).forEach((c, i) => {
    if (!skuIds.has(c.sku))
      add(`market.catalogue.${i}.sku`, `unknown SKU "${c.sku}" (catalogue items are SKUs of "skus")`);
    if (cat.has(c.sku)) add(`market.catalogue.${i}.sku`, `SKU "${c.sku}" is in the catalogue twice`);
    cat.add(c.sku);
  });
  if (sc.skus.every((k) => cat.has(k.id))) add("market.catalogue", "at least one SKU must be listed at the start");
  if (sc.levers.includes("private") && !sc.market.customers)
    add("market.customers", 'the "private" lever needs a customer base (market.customers)');
}
