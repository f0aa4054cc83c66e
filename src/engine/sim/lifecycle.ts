// Product lifecycle (P1.2b) and assortment (P1.2a), day by day and at the week's end.
// - searchAdjust (called by organic search per SKU × keyword): the lifecycle's demand multiplier on the
//   SKU's searches, and the duplicate-listing rules (重复铺货: both near-duplicates demoted, the weaker folded).
// - lifecycleBeforeFunnel (right before the funnel): visitors that reached an unlisted SKU (home page,
//   channels) go to its closest listed substitute; clearance items get the 清仓 badge's lift.
// - lifecycleWeekEnd: one week of Bass diffusion and obsolescence, stage changes, sold-out clearances
//   delisted, and the dead-stock write-down at the end of the run.
import type { DecisionError } from "../decisions";
import {
  CLEARANCE_LIFT,
  DUPLICATE_FOLD,
  DUPLICATE_RANK_PENALTY,
  LAUNCH_HOURS,
  UPGRADE_HOURS,
  UPGRADE_MIN_WEEKS,
  UPGRADE_RESTART_SHARE,
} from "../model";
import type { Scenario } from "../scenario-schema";
import { privateIntentMult } from "../systems/customers";
import {
  bassStep,
  lifecycleMultiplier,
  type SkuLifecycle,
  type Stage,
  sharedKeywords,
  stageOf,
  substitutability,
  weeklyBass,
} from "../systems/lifecycle";
import { keywordRelevance } from "../systems/listing";
import type { GameState, SkuState } from "../types";
import { type DayCtx, SOURCES, type Source, type WeekAcc } from "./week";

/** Ledger category of upgrade and launch costs (product design, samples, tooling). */
export const LIFECYCLE_LEDGER = "design";

export interface LifecycleSkuReport {
  sku: string;
  listed: boolean;
  delisted: boolean;
  stage: Stage;
  /** Multiplier on the SKU's searches from its product market (1 for SKUs without lifecycle data). */
  demandMult: number;
  /** Adopted share of the product market (N/M) and this week's adopters. */
  adoptedShare: number;
  adopters: number;
  version: number;
  clearing: boolean;
  /** Stock of a declining or delisted SKU: it will not sell at full price (P1.2b). */
  deadStockUnits: number;
  deadStockFen: number;
  /** Weeks of stock at this week's sales rate (Infinity-free: 999 when nothing sold). */
  coverWeeks: number;
}

export interface OverlapReport {
  a: string;
  b: string;
  /** 0–1 substitutability (same price tier and quality). */
  similarity: number;
  /** Core keywords both titles carry: where the two listings compete (P1.2a). */
  sharedKeywords: string[];
  /** The listing folded away on those keywords (fewer recent sales). */
  folded: string;
}

export interface LifecycleReport {
  skus: LifecycleSkuReport[];
  overlaps: OverlapReport[];
  /** Dead-stock write-down booked this week (non-cash; only at the end of the run). */
  writedownFen: number;
}

export function isListed(s: GameState, id: string): boolean {
  return s.lifecycle?.skus[id]?.listed ?? true;
}

function entryOf(scenario: Scenario, id: string) {
  return scenario.market.lifecycle?.skus.find((e) => e.sku === id);
}

/** This week's demand multiplier of a SKU's product market (1 without lifecycle data). */
export function demandMultiplier(scenario: Scenario, s: GameState, id: string): number {
  const entry = entryOf(scenario, id);
  const lc = s.lifecycle?.skus[id];
  if (!entry || !lc) return 1;
  const { p, q } = weeklyBass(entry);
  return lifecycleMultiplier(p, q, lc.adopted, lc.obsolescence);
}

function specOf(scenario: Scenario, id: string) {
  return scenario.skus.find((k) => k.id === id);
}

function similarity(scenario: Scenario, a: string, b: string): number {
  const x = specOf(scenario, a);
  const y = specOf(scenario, b);
  return x && y ? substitutability(x, y) : 0;
}

const sales7 = (k: SkuState) => k.recentSales.reduce((a, b) => a + b, 0);

/**
 * Multipliers for one SKU on one core keyword: `score` on its ranking score, `clicks` on its clicks.
 * Exactly 1 and 1 when neither a lifecycle nor a duplicate listing applies (the launch scenario).
 */
export function searchAdjust(ctx: DayCtx, sku: SkuState, keywordId: string): { score: number; clicks: number } {
  const { scenario, s } = ctx;
  let score = 1;
  let clicks = demandMultiplier(scenario, s, sku.id);
  if (keywordRelevance(sku.title, keywordId) === 1) {
    let worst = 0;
    let fold = 0;
    s.skus.forEach((other, j) => {
      if (other.id === sku.id || !isListed(s, other.id)) return;
      if (keywordRelevance(other.title, keywordId) !== 1) return;
      const sim = similarity(scenario, sku.id, other.id);
      if (sim <= 0) return;
      worst = Math.max(worst, sim);
      const i = s.skus.indexOf(sku);
      const dominates = sales7(other) > sales7(sku) || (sales7(other) === sales7(sku) && j < i);
      if (dominates) fold = Math.max(fold, sim);
    });
    if (worst > 0) score *= 1 - DUPLICATE_RANK_PENALTY * worst;
    if (fold > 0) clicks *= 1 - DUPLICATE_FOLD * fold;
  }
  return { score, clicks };
}

/**
 * Intent multiplier per SKU and source, used by the funnel: members' offer on "private" visitors (P2.3a);
 * waning interest in a product past its prime for visitors who did not search for it (P1.2b: searches
 * are already scaled by the lifecycle). Exactly 1 without a customer base and lifecycle data.
 */
export function domainDIntent(ctx: DayCtx, sku: SkuState, source: Source): number {
  let m = source === "private" ? privateIntentMult(ctx.s.customers) : 1;
  if (source !== "search") m *= demandMultiplier(ctx.scenario, ctx.s, sku.id);
  return m;
}

/** Moves visitors away from unlisted SKUs and applies the clearance badge's lift. */
export function lifecycleBeforeFunnel(ctx: DayCtx): void {
  const { scenario, s } = ctx;
  const lc = s.lifecycle;
  if (!lc) return;
  const listed = s.skus.filter((k) => isListed(s, k.id));
  for (const sku of s.skus) {
    const state = lc.skus[sku.id];
    if (!state) continue;
    if (!state.listed) {
      const v = ctx.visitors.get(sku.id);
      if (!v || listed.length === 0) continue;
      // The closest listed substitute (else the first listed SKU) gets the visitors.
      let target = listed[0] as SkuState;
      let best = 0;
      for (const k of listed) {
        const sim = similarity(scenario, sku.id, k.id);
        if (sim > best) {
          best = sim;
          target = k;
        }
      }
      const to = ctx.visitors.get(target.id);
      if (!to) continue;
      for (const src of SOURCES) {
        v[src].forEach((n, g) => {
          if (n > 0) to[src][g] = (to[src][g] ?? 0) + n;
          v[src][g] = 0;
        });
      }
      continue;
    }
    if (isClearing(sku, state)) {
      const mult = ctx.cartMult.get(sku.id);
      if (!mult) continue;
      scenario.market.segments.forEach((seg, g) => {
        mult[g] = (mult[g] ?? 1) * (1 + CLEARANCE_LIFT * seg.priceSensitivity);
      });
    }
  }
}

function isClearing(sku: SkuState, lc: SkuLifecycle): boolean {
  return lc.clearancePriceFen > 0 && sku.priceFen === lc.clearancePriceFen;
}

/** True while the SKU is sold off at its clearance price (P1.2b): running out is the aim, not a stockout. */
export function isClearingSku(s: GameState, sku: SkuState): boolean {
  const lc = s.lifecycle?.skus[sku.id];
  return lc !== undefined && isClearing(sku, lc);
}

function deadStock(lc: SkuLifecycle | undefined): boolean {
  return lc !== undefined && (lc.delisted || lc.stage === "decline");
}

export function lifecycleWeekEnd(scenario: Scenario, s: GameState, acc: WeekAcc): void {
  const lcs = s.lifecycle;
  if (!lcs) return;
  lcs.writedownWeekFen = 0;
  for (const sku of s.skus) {
    const lc = lcs.skus[sku.id];
    if (!lc) continue;
    const entry = entryOf(scenario, sku.id);
    if (entry) {
      const { p, q } = weeklyBass(entry);
      const next = bassStep(p, q, lc.adopted, lc.obsolescence, entry.obsolescencePerWeek ?? 0);
      lc.adopted = next.adopted;
      lc.obsolescence = next.obsolescence;
      const stage = stageOf(p, q, lc.adopted, lc.obsolescence);
      if (stage !== lc.stage) {
        lc.stage = stage;
        if (lc.listed) acc.events.push({ key: `ev.stage.${stage}`, params: { sku: sku.id } });
        if (stage === "decline" && lc.listed && sku.stock > 0)
          acc.events.push({ key: "ev.deadStockRisk", params: { sku: sku.id, units: sku.stock } });
      }
    }
    // A new regular price ends a clearance.
    if (lc.clearancePriceFen > 0 && sku.priceFen !== lc.clearancePriceFen && lc.listed) lc.clearancePriceFen = 0;
    // A clearance that sold out (nothing on order) ends with the listing.
    if (lc.listed && isClearing(sku, lc) && sku.stock === 0 && sku.pipeline.length === 0) {
      lc.listed = false;
      lc.delisted = true;
      acc.events.push({ key: "ev.clearedOut", params: { sku: sku.id } });
    }
  }
  // The last week's write-down of dead stock is part of the closing stock valuation (sim/inventory.ts).
}

/** True when the SKU's stock is dead stock: declining or delisted (P1.2b). */
export function isDeadStock(s: GameState, id: string): boolean {
  return deadStock(s.lifecycle?.skus[id]);
}

export function lifecycleReport(scenario: Scenario, s: GameState, acc: WeekAcc): LifecycleReport {
  const lcs = s.lifecycle;
  const skus: LifecycleSkuReport[] = s.skus.map((sku) => {
    const lc = lcs?.skus[sku.id];
    const entry = entryOf(scenario, sku.id);
    const { p, q } = weeklyBass(entry);
    const units = acc.skus.get(sku.id)?.units ?? 0;
    const dead = deadStock(lc);
    return {
      sku: sku.id,
      listed: lc?.listed ?? true,
      delisted: lc?.delisted ?? false,
      stage: lc?.stage ?? "maturity",
      demandMult: demandMultiplier(scenario, s, sku.id),
      adoptedShare: lc?.adopted ?? 0,
      adopters: entry && lc ? Math.round((p + q * lc.adopted) * (1 - lc.adopted) * entry.marketSize) : 0,
      version: lc?.version ?? 1,
      clearing: lc ? lc.listed && isClearing(sku, lc) : false,
      deadStockUnits: dead ? sku.stock : 0,
      deadStockFen: dead ? sku.stock * sku.unitCostFen : 0,
      coverWeeks: units > 0 ? Math.round((sku.stock / units) * 10) / 10 : 999,
    };
  });
  return { skus, overlaps: assortmentOverlaps(scenario, s), writedownFen: lcs?.writedownWeekFen ?? 0 };
}

/** P1.2a diagnostic: pairs of listed SKUs that are substitutes and meet on the same keywords. */
export function assortmentOverlaps(scenario: Scenario, s: GameState): OverlapReport[] {
  const out: OverlapReport[] = [];
  const listed = s.skus.filter((k) => isListed(s, k.id));
  listed.forEach((a, i) => {
    for (const b of listed.slice(i + 1)) {
      const sim = similarity(scenario, a.id, b.id);
      if (sim <= 0) continue;
      const shared = sharedKeywords(scenario, a.title, b.title);
      if (shared.length === 0) continue;
      const folded = sales7(b) > sales7(a) ? a.id : b.id;
      out.push({ a: a.id, b: b.id, similarity: Math.round(sim * 1000) / 1000, sharedKeywords: shared, folded });
    }
  });
  return out;
}

// ---------- decisions: clearance, upgrade, delist, launch (lever "product") ----------

type ErrFn = (key: string, params: Record<string, string | number>, message: string) => DecisionError;
export type LifecycleDecision =
  | { type: "clearance"; sku: string; priceFen: number }
  | { type: "upgrade"; sku: string }
  | { type: "delist"; sku: string }
  | { type: "launch"; sku: string };

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

export function upgradeCost(scenario: Scenario, id: string): { cashFen: number; hours: number } {
  const e = entryOf(scenario, id);
  return { cashFen: e?.upgradeCostFen ?? 0, hours: e?.upgradeHours ?? UPGRADE_HOURS };
}

export function launchCost(scenario: Scenario, id: string): { cashFen: number; hours: number } {
  const c = scenario.market.catalogue?.find((k) => k.sku === id);
  return { cashFen: c?.launchCostFen ?? 0, hours: c?.launchHours ?? LAUNCH_HOURS };
}

/** Designer hours a lifecycle decision takes (PX.c). */
export function lifecycleHours(scenario: Scenario, d: LifecycleDecision): number {
  if (d.type === "upgrade") return upgradeCost(scenario, d.sku).hours;
  if (d.type === "launch") return launchCost(scenario, d.sku).hours;
  return 0;
}

export function checkLifecycleDecision(
  scenario: Scenario,
  state: GameState,
  d: LifecycleDecision,
  err: ErrFn,
): DecisionError | null {
  const lc = state.lifecycle?.skus[d.sku];
  if (!lc) return err("err.unknownSku", { sku: d.sku }, `unknown SKU "${d.sku}"`);
  const cash = (need: number) =>
    need > state.cashFen
      ? err(
          "err.cash",
          { needFen: need, haveFen: state.cashFen },
          `this costs ${yuan(need)} but the shop has ${yuan(state.cashFen)}`,
        )
      : null;
  switch (d.type) {
    case "clearance":
      if (!lc.listed) return err("err.notListed", { sku: d.sku }, `SKU "${d.sku}" is not listed`);
      return null;
    case "delist": {
      if (!lc.listed) return err("err.notListed", { sku: d.sku }, `SKU "${d.sku}" is not listed`);
      const others = state.skus.filter((k) => k.id !== d.sku && isListed(state, k.id)).length;
      if (others === 0) return err("err.lastListing", { sku: d.sku }, "the shop must keep at least one listed SKU");
      return null;
    }
    case "upgrade": {
      if (!lc.listed) return err("err.notListed", { sku: d.sku }, `SKU "${d.sku}" is not listed`);
      if (!entryOf(scenario, d.sku))
        return err("err.notUpgradable", { sku: d.sku }, `SKU "${d.sku}" has no product lifecycle to restart`);
      // A new version takes a development cycle (design, samples, tooling): not again within UPGRADE_MIN_WEEKS.
      const since = state.week - (lc.upgradedWeek ?? -UPGRADE_MIN_WEEKS);
      if (since < UPGRADE_MIN_WEEKS)
        return err(
          "err.upgradeTooSoon",
          { sku: d.sku, week: (lc.upgradedWeek ?? 0) + UPGRADE_MIN_WEEKS + 1 },
          `SKU "${d.sku}" was upgraded ${since} week(s) ago; the next version is ready from week ${(lc.upgradedWeek ?? 0) + UPGRADE_MIN_WEEKS + 1}`,
        );
      return cash(upgradeCost(scenario, d.sku).cashFen);
    }
    case "launch":
      if (!scenario.market.catalogue?.some((c) => c.sku === d.sku))
        return err("err.notInCatalogue", { sku: d.sku }, `SKU "${d.sku}" is not in the launch catalogue`);
      if (lc.listed || lc.delisted)
        return err("err.alreadyLaunched", { sku: d.sku }, `SKU "${d.sku}" has already been launched`);
      return cash(launchCost(scenario, d.sku).cashFen);
  }
}

/** Applies a checked lifecycle decision to the (draft) state; costs are paid at once. */
export function applyLifecycleDecision(scenario: Scenario, state: GameState, d: LifecycleDecision): void {
  const lc = state.lifecycle.skus[d.sku];
  const sku = state.skus.find((k) => k.id === d.sku);
  if (!lc || !sku) return;
  const pay = (fen: number) => {
    if (fen <= 0) return;
    state.cashFen -= fen;
    state.ledger[LIFECYCLE_LEDGER] = (state.ledger[LIFECYCLE_LEDGER] ?? 0) - fen;
  };
  switch (d.type) {
    case "clearance":
      sku.priceFen = d.priceFen;
      lc.clearancePriceFen = d.priceFen;
      return;
    case "delist":
      lc.listed = false;
      lc.delisted = true;
      return;
    case "upgrade": {
      pay(upgradeCost(scenario, d.sku).cashFen);
      const entry = entryOf(scenario, d.sku);
      const { p, q } = weeklyBass(entry);
      lc.adopted = Math.min(lc.adopted, UPGRADE_RESTART_SHARE);
      lc.obsolescence = 1;
      lc.version += 1;
      lc.upgradedWeek = state.week;
      lc.clearancePriceFen = 0;
      lc.stage = stageOf(p, q, lc.adopted, lc.obsolescence);
      // The new version keeps its listing (换款不换链接): sales history and reviews stay, and so does the
      // listing's age: the platform's new-item boost is for new products (a launch), not a relabelled link.
      return;
    }
    case "launch":
      pay(launchCost(scenario, d.sku).cashFen);
      lc.listed = true;
      sku.listedDay = state.week * 7;
      return;
  }
}

/** A clearance price for policies: 25% off the current price, ending in 9 yuan, but not below 1.15 × unit cost. */
export function clearancePriceFor(sku: SkuState): number {
  const target = Math.floor(Math.round(sku.priceFen * 0.75) / 1000) * 1000 - 100; // …9 yuan
  return Math.max(1, Math.min(sku.priceFen, Math.max(target, Math.round(sku.unitCostFen * 1.15))));
}
