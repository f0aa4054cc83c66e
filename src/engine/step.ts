// One turn = one week = seven daily sub-steps. `step` is pure: it copies the state, applies the
// turn's decisions, simulates the days and returns the next state with the week's report.
// The systems live in sim/: traffic (search, home, ads) → funnel (convert, ship) → aftersale.
//
// Rounding rule: every count (visitors, carts, orders, units, reviews) is drawn as an integer from
// a binomial or Poisson; every money amount is rounded to whole fen (Math.round) where it enters
// the ledger, once per SKU per day.
import type { DecisionError } from "./decisions";
import { clamp } from "./detmath";
import { DAILY_DEMAND_SD } from "./model";
import { closeStreams, openStreams, type Rng } from "./rng";
import { normal } from "./sampling";
import type { Scenario } from "./scenario-schema";
import { endOfWeek, receiveArrivals, settlePending } from "./sim/aftersale";
import { convert, ship } from "./sim/funnel";
import { buildReport, weekFactors } from "./sim/report";
import { adTraffic, homeTraffic, searchTraffic } from "./sim/traffic";
import {
  type DayCtx,
  dayOfWeek,
  newWeekAcc,
  SOURCES,
  type Source,
  STREAMS,
  type StreamName,
  type Visitors,
  type WeekAcc,
} from "./sim/week";
import type { DayReport, GameState, WeekFactors, WeekReport } from "./types";
import { validateTurn } from "./validate";

export type StepOutcome =
  | { ok: true; state: GameState; report: WeekReport }
  | { ok: false; errors: { index: number; error: DecisionError }[] };

function namedStreams(rngs: Record<string, Rng>): Record<StreamName, Rng> {
  for (const name of STREAMS) if (!rngs[name]) throw new Error(`random stream "${name}" missing from state`);
  return rngs as Record<StreamName, Rng>;
}

export function step(scenario: Scenario, state: GameState, decisions: readonly unknown[]): StepOutcome {
  // A finished or bankrupt game is over: no further week (not even an empty one, which would
  // otherwise charge another week's salary and advance the week past the scenario's end).
  if (state.status !== "playing") {
    const message = `the game is over (${state.status}); no more turns`;
    return {
      ok: false,
      errors: [{ index: 0, error: { key: "err.gameOver", params: { status: state.status }, message } }],
    };
  }
  const validation = validateTurn(scenario, state, decisions);
  if (!validation.ok) return validation;
  const s = validation.draft; // already a private copy with the decisions applied
  const rngs = namedStreams(openStreams(s.rng));
  const acc = newWeekAcc(s);
  // The inventory payments made by this turn's reorders belong to this week's ledger.
  const paidForStock = (s.ledger.inventory ?? 0) - (state.ledger.inventory ?? 0);
  if (paidForStock !== 0) acc.ledger.inventory = paidForStock;
  const factors = weekFactors(scenario, s);
  for (let d = 0; d < 7 && s.status === "playing"; d++) {
    simulateDay(scenario, s, rngs, s.week * 7 + d, acc, factors);
  }
  endOfWeek(scenario, s, acc);
  s.rng = closeStreams(rngs);
  const report = buildReport(scenario, state, s, acc, factors);
  s.week += 1;
  s.designerHoursLeft = scenario.start.designerHoursPerWeek;
  if (s.status === "playing" && s.week >= scenario.weeks) s.status = "finished";
  return { ok: true, state: s, report };
}

function simulateDay(
  scenario: Scenario,
  s: GameState,
  rng: Record<StreamName, Rng>,
  day: number,
  acc: WeekAcc,
  factors: WeekFactors,
): void {
  const visitors: Visitors = new Map();
  const cartMult = new Map<string, number[]>();
  const segments = scenario.market.segments;
  for (const sku of s.skus) {
    visitors.set(
      sku.id,
      Object.fromEntries(SOURCES.map((k) => [k, segments.map(() => 0)])) as Record<Source, number[]>,
    );
    cartMult.set(
      sku.id,
      segments.map(() => 1),
    );
  }
  const report: DayReport = { day, uv: 0, orders: 0, gmvFen: 0, stockouts: [] };
  const ctx: DayCtx = { scenario, s, rng, day, acc, factors, demand: 1, visitors, cartMult, sales: [], report };

  receiveArrivals(ctx);
  settlePending(ctx);
  ctx.demand = clamp(1 + DAILY_DEMAND_SD * normal(rng.market, 0, 1), 0.6, 1.4);
  searchTraffic(ctx);
  homeTraffic(ctx);
  adTraffic(ctx);
  for (const sku of s.skus) ship(ctx, sku, convert(ctx, sku));

  if (s.cashFen < 0 && scenario.cashPolicy === "bankrupt") {
    s.status = "bankrupt";
    acc.events.push({ key: "ev.bankrupt", params: { day: dayOfWeek(ctx) } });
  }
  for (const id of report.stockouts) acc.events.push({ key: "ev.stockout", params: { sku: id, day: dayOfWeek(ctx) } });
  acc.days.push(report);
}
