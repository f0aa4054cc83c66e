// Reference strategies ("bots"). A policy is a pure function of what the player can see: the
// scenario, the current state and the past week reports. Never keyed to a seed, so balance
// measured over many seeds means something.
import type { Decision } from "./decisions";
import { unitCostFor } from "./levers";
import { TITLE_MAX_CHARS } from "./model";
import type { Scenario } from "./scenario-schema";
import type { DetailSection, GameState, WeekReport } from "./types";
import { applyDecision, parseDecision } from "./validate";

export type Policy = (scenario: Scenario, state: GameState, reports: readonly WeekReport[]) => Decision[];

/** Adds decisions that still fit (hours, cash) to a plan, in priority order. */
class Plan {
  readonly decisions: Decision[] = [];
  private readonly draft: GameState;
  constructor(
    private readonly scenario: Scenario,
    state: GameState,
  ) {
    this.draft = structuredClone(state);
  }
  get state(): GameState {
    return this.draft;
  }
  try(d: Decision): boolean {
    const r = parseDecision(this.scenario, this.draft, d);
    if (!r.ok) return false;
    applyDecision(this.scenario, this.draft, r.decision);
    this.decisions.push(r.decision);
    return true;
  }
}

/** Core keywords with the best searches-to-competition trade-off, a selling point, one marketing word. */
export function textbookTitle(scenario: Scenario): string[] {
  const kws = scenario.market.keywords;
  const core = kws
    .filter((k) => k.kind === "core")
    .sort((a, b) => b.dailySearches * (1 - b.competition) - a.dailySearches * (1 - a.competition));
  const title: string[] = [];
  let chars = 0;
  const push = (id: string, c: number) => {
    title.push(id);
    chars += c;
  };
  const selling = kws.filter((k) => k.kind === "selling").sort((a, b) => a.chars - b.chars)[0];
  const marketing = kws.filter((k) => k.kind === "marketing").sort((a, b) => a.chars - b.chars)[0];
  const reserve = (selling?.chars ?? 0) + (marketing?.chars ?? 0);
  for (const k of core) {
    if (title.length >= 3) break;
    if (chars + k.chars + reserve <= TITLE_MAX_CHARS) push(k.id, k.chars);
  }
  if (selling) push(selling.id, selling.chars);
  if (marketing) push(marketing.id, marketing.chars);
  return title;
}

/** The lecture's page: pain point → solution → trust → purchase guide, then content that answers doubts. */
export const TEXTBOOK_DETAIL: DetailSection[] = [
  "painPoint",
  "solution",
  "trust",
  "purchaseGuide",
  "video",
  "reviews",
  "comparison",
];

/** Largest price ending in 9 yuan at or below `fen` (¥91.08 → ¥89). */
export function charmPriceBelow(fen: number): number {
  const yuan = Math.floor((Math.floor(fen / 100) + 1) / 10) * 10 - 1;
  return Math.max(1, yuan) * 100;
}

function avgDailySales(state: GameState, skuId: string): number {
  const sku = state.skus.find((k) => k.id === skuId);
  return sku ? sku.recentSales.reduce((a, b) => a + b, 0) / 7 : 0;
}

/** Orders up to cover lead time plus two weeks of expected sales (periodic review). */
function reorderToCover(plan: Plan, scenario: Scenario, state: GameState, skuId: string, fallbackDaily: number): void {
  const spec = scenario.skus.find((k) => k.id === skuId);
  const sku = plan.state.skus.find((k) => k.id === skuId);
  if (!spec || !sku) return;
  const daily = Math.max(avgDailySales(state, skuId), state.week < 2 ? fallbackDaily : 0);
  const weeksLeft = scenario.weeks - state.week;
  const coverDays = Math.min(spec.supplier.leadDays + 14, weeksLeft * 7);
  const position = sku.stock + sku.pipeline.reduce((a, p) => a + p.qty, 0);
  const want = Math.ceil(daily * 1.2 * coverDays) - position;
  if (want <= 0) return;
  let qty = Math.max(spec.supplier.minOrder, want);
  // Keep a cash cushion for ads and salaries.
  const budget = plan.state.cashFen - 300_000;
  while (qty >= spec.supplier.minOrder && unitCostFor(scenario, skuId, qty) * qty > budget) qty = Math.floor(qty * 0.8);
  if (qty >= spec.supplier.minOrder) plan.try({ type: "reorder", sku: skuId, qty });
}

function bestSegment(scenario: Scenario): string {
  const best = [...scenario.market.segments].sort((a, b) => b.share * b.fit - a.share * a.fit)[0];
  return best?.id ?? "broad";
}

/** Plays the way the lecture teaches, as far as this week's designer hours allow. */
export const textbook: Policy = (scenario, state) => {
  const plan = new Plan(scenario, state);
  const levers = new Set(scenario.levers);
  const hero = state.skus[0];
  if (levers.has("store"))
    plan.try({
      type: "setStore",
      categoryDepth: Math.min(state.store.categoryDepth, 2),
      inStoreSearch: true,
      banner: "hero",
    });
  if (levers.has("product")) {
    const title = textbookTitle(scenario);
    for (const sku of state.skus) plan.try({ type: "setTitle", sku: sku.id, keywords: title });
    if (hero) plan.try({ type: "setDetail", sku: hero.id, sections: TEXTBOOK_DETAIL });
  }
  if (levers.has("store")) {
    for (let lvl = plan.state.store.mobileLevel + 1; lvl <= 3; lvl++)
      if (!plan.try({ type: "setStore", mobileLevel: lvl })) break;
  }
  if (levers.has("product") && hero) plan.try({ type: "setImage", sku: hero.id, style: "differentiated" });
  if (levers.has("store")) {
    for (let lvl = plan.state.store.speedLevel + 1; lvl <= 3; lvl++)
      if (!plan.try({ type: "setStore", speedLevel: lvl })) break;
  }
  if (levers.has("product")) {
    for (const sku of state.skus.slice(1)) {
      plan.try({ type: "setDetail", sku: sku.id, sections: TEXTBOOK_DETAIL });
      plan.try({ type: "setImage", sku: sku.id, style: "differentiated" });
    }
  }
  if (levers.has("pricing")) {
    for (const sku of state.skus) {
      const spec = scenario.skus.find((k) => k.id === sku.id);
      if (!spec) continue;
      const target = charmPriceBelow(Math.round(spec.marketPriceFen * 0.92));
      if (target > spec.unitCostFen * 1.5 && target !== sku.priceFen)
        plan.try({ type: "setPrice", sku: sku.id, priceFen: target });
    }
  }
  if (levers.has("inventory")) {
    // Before there is a sales history, plan on 8 a day for the hero product and 5 for the others.
    state.skus.forEach((sku, i) => {
      reorderToCover(plan, scenario, state, sku.id, i === 0 ? 8 : 5);
    });
  }
  if (levers.has("marketing") && hero) {
    // A small, targeted budget to get the first sales and reviews (破零), then a maintenance level.
    const budget = plan.state.cashFen < 500_000 ? 0 : hero.reviewCount < 15 ? 10_000 : 4_000;
    if (budget !== state.ads.dailyBudgetFen || state.ads.target !== bestSegment(scenario)) {
      plan.try({ type: "setAds", dailyBudgetFen: budget, target: bestSegment(scenario), sku: hero.id });
    }
  }
  return plan.decisions;
};

/** A plausible beginner: leaves the shop as it came, buys broad ads, reorders only when nearly out. */
export const naive: Policy = (scenario, state) => {
  const plan = new Plan(scenario, state);
  const hero = state.skus[0];
  if (scenario.levers.includes("marketing") && hero && state.week === 0) {
    plan.try({ type: "setAds", dailyBudgetFen: 15_000, target: "broad", sku: hero.id });
  }
  if (scenario.levers.includes("inventory")) {
    for (const sku of state.skus) {
      const spec = scenario.skus.find((k) => k.id === sku.id);
      if (!spec || sku.pipeline.length > 0 || sku.stock >= 30) continue;
      let qty = Math.max(spec.supplier.minOrder, 300);
      while (qty >= spec.supplier.minOrder && unitCostFor(scenario, sku.id, qty) * qty > plan.state.cashFen)
        qty = Math.floor(qty / 2);
      if (qty >= spec.supplier.minOrder) plan.try({ type: "reorder", sku: sku.id, qty });
    }
  }
  return plan.decisions;
};

export const POLICIES = { textbook, naive } as const satisfies Record<string, Policy>;
export type PolicyName = keyof typeof POLICIES;
