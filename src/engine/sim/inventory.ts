// Stock the trainee does not manage, and stock left at the end (issue 10).
// - Closing stock (P1.2b): when the game ends, what is left in the warehouse or still on its way counts at
//   what a stock liquidator (尾货商) pays, not at cost. Without it an unsold unit would cost nothing at the
//   end of the game and ten times every reorder (for the bulk price) would pay.
// - Where inventory is not one of the scenario's levers, the company's supply team replenishes each week
//   with a periodic-review order-up-to rule (cover = lead time + one review week, × AUTO_SAFETY), paid from
//   the shop's cash like any reorder; it orders nothing that could not arrive and sell before the end.
import { unitCostFor } from "../levers";
import { AUTO_SAFETY, DEAD_STOCK_SALVAGE, LIQUIDATION_SALVAGE } from "../model";
import type { Scenario } from "../scenario-schema";
import type { GameState } from "../types";
import { isDeadStock, isListed } from "./lifecycle";
import { book, type WeekAcc } from "./week";

/** The supply team's weekly reorders for a shop whose inventory lever is closed. Draws nothing. */
export function autoReplenish(scenario: Scenario, s: GameState, acc: WeekAcc): void {
  if (scenario.levers.includes("inventory") || s.status !== "playing") return;
  const nextDay = (s.week + 1) * 7; // orders go out at the next week's start
  const endDay = scenario.weeks * 7;
  for (const sku of s.skus) {
    const spec = scenario.skus.find((k) => k.id === sku.id);
    if (!spec || !isListed(s, sku.id)) continue;
    const lead = spec.supplier.leadDays;
    const sellDays = Math.min(lead + 7, endDay - nextDay); // cover until the next order can arrive, or the end
    if (sellDays <= lead) continue; // it would arrive too late to sell
    const daily = sku.recentSales.reduce((a, b) => a + b, 0) / 7;
    const position = sku.stock + sku.pipeline.reduce((a, p) => a + p.qty, 0);
    const want = Math.ceil(daily * AUTO_SAFETY * sellDays) - position;
    if (want <= 0) continue;
    let qty = Math.max(spec.supplier.minOrder, want);
    while (qty >= spec.supplier.minOrder && unitCostFor(scenario, sku.id, qty) * qty > s.cashFen)
      qty = Math.floor(qty * 0.8);
    if (qty < spec.supplier.minOrder) continue;
    const unit = unitCostFor(scenario, sku.id, qty);
    sku.pipeline.push({ arriveDay: nextDay + lead, qty, unitCostFen: unit });
    book(s, acc, "inventory", -unit * qty);
    acc.events.push({ key: "ev.autoReorder", params: { sku: sku.id, qty } });
  }
}

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
