// Closing stock (P1.2b, issue 10): when the game ends, what is left in the warehouse or still on its way
// counts at what a stock liquidator (尾货商) pays, not at cost. Without it an unsold unit would cost nothing
// at the end of the game and ten times every reorder (for the bulk price) would pay.
import { DEAD_STOCK_SALVAGE, LIQUIDATION_SALVAGE } from "../model";
import type { Scenario } from "../scenario-schema";
import type { GameState } from "../types";
import { isDeadStock } from "./lifecycle";
import type { WeekAcc } from "./week";

/** Books the closing stock's loss against cost (non-cash) in the week the game ends. */
export function closeInventory(scenario: Scenario, s: GameState, acc: WeekAcc): void {
  const ends = s.status !== "playing" || s.week + 1 >= scenario.weeks;
  if (!ends) return;
  let loss = 0;
  let deadLoss = 0;
  let units = 0;
  for (const sku of s.skus) {
    const incoming = sku.pipeline.reduce((a, p) => a + p.qty, 0);
    const costFen = sku.stock * sku.unitCostFen + sku.pipeline.reduce((a, p) => a + p.qty * p.unitCostFen, 0);
    if (costFen <= 0) continue;
    const dead = isDeadStock(s, sku.id);
    const l = Math.round(costFen * (1 - (dead ? DEAD_STOCK_SALVAGE : LIQUIDATION_SALVAGE)));
    loss += l;
    if (dead) deadLoss += l;
    units += sku.stock + incoming;
  }
  acc.liquidationLossFen = loss;
  s.totals.liquidationLossFen += loss;
  if (s.lifecycle) {
    s.lifecycle.writedownWeekFen = deadLoss;
    s.lifecycle.writedownFen += deadLoss;
  }
  if (deadLoss > 0) acc.events.push({ key: "ev.writedown", params: { fen: deadLoss } });
  if (loss > 0) acc.events.push({ key: "ev.liquidation", params: { fen: loss, units } });
}
