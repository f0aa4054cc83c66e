// What a lever change costs before it is committed: designer hours (PX.c), cash, title length.
// Used by validation and by the UI to show estimates next to each control.
import type { Decision } from "./decisions";
import { HOURS } from "./model";
import type { Scenario } from "./scenario-schema";
import { lifecycleHours } from "./sim/lifecycle";
import { estimateTitleFromPool, type TitleEstimate } from "./systems/listing";
import type { GameState } from "./types";

/** Designer hours the decision takes, given the state it would change. */
export function designerHoursFor(_scenario: Scenario, state: GameState, d: Decision): number {
  switch (d.type) {
    case "setStore": {
      let h = 0;
      const s = state.store;
      if (d.mobileLevel !== undefined && d.mobileLevel > s.mobileLevel)
        h += HOURS.mobilePerLevel * (d.mobileLevel - s.mobileLevel);
      if (d.speedLevel !== undefined && d.speedLevel > s.speedLevel)
        h += HOURS.speedPerLevel * (d.speedLevel - s.speedLevel);
      if (d.categoryDepth !== undefined && d.categoryDepth !== s.categoryDepth) h += HOURS.depth;
      if (d.banner !== undefined && d.banner !== s.banner) h += HOURS.banner;
      return h;
    }
    case "setTitle": {
      const sku = state.skus.find((k) => k.id === d.sku);
      return sku && sameList(sku.title, d.keywords) ? 0 : HOURS.title;
    }
    case "setImage": {
      const sku = state.skus.find((k) => k.id === d.sku);
      return sku && sku.image === d.style ? 0 : HOURS.image;
    }
    case "setDetail": {
      const sku = state.skus.find((k) => k.id === d.sku);
      if (!sku) return 0;
      const added = d.sections.filter((s) => !sku.detail.includes(s)).length;
      const kept = d.sections.filter((s) => sku.detail.includes(s));
      const oldOrder = sku.detail.filter((s) => kept.includes(s));
      const reordered = !sameList(kept, oldOrder);
      return added * HOURS.detailPerAddedSection + (reordered ? HOURS.detailReorder : 0);
    }
    case "upgrade":
    case "launch":
      return lifecycleHours(_scenario, d);
    default:
      return 0;
  }
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Unit cost for an order of `qty` from the SKU's supplier: the best tier the quantity reaches. */
export function unitCostFor(scenario: Scenario, skuId: string, qty: number): number {
  const sku = scenario.skus.find((s) => s.id === skuId);
  if (!sku) return 0;
  let cost = sku.supplier.tiers[0]?.unitCostFen ?? sku.unitCostFen;
  for (const tier of sku.supplier.tiers) if (qty >= tier.minQty) cost = Math.min(cost, tier.unitCostFen);
  return cost;
}

export function reorderCostFen(scenario: Scenario, skuId: string, qty: number): number {
  return unitCostFor(scenario, skuId, qty) * qty;
}

export function estimateTitle(scenario: Scenario, keywordIds: readonly string[]): TitleEstimate {
  return estimateTitleFromPool(scenario.market.keywords, keywordIds);
}
