// One turn = one week = seven daily sub-steps. `step` is pure: it copies the state, applies the
// turn's decisions, simulates the days and returns the next state with the week's report.
// The systems live in sim/: traffic (search, home, ads) → funnel (convert, ship) → aftersale.
//
// Rounding rule: every count (visitors, carts, orders, units, reviews) is drawn as an integer from
// a binomial or Poisson; every money amount is rounded to whole fen (Math.round) where it enters
// the ledger, once per SKU per day.
import type { DecisionError } from "./decisions";
import { clamp } from "./detmath";
import { DIFFICULTY, difficultyOf, playedScenario } from "./difficulty";
import { DAILY_DEMAND_SD } from "./model";
import { closeStreams, openStreams, type Rng } from "./rng";
import { normal } from "./sampling";
import type { Scenario } from "./scenario-schema";
import { endOfWeek, receiveArrivals, settlePending } from "./sim/aftersale";
import { commerceBeforeFunnel, commerceDemand, commerceEndOfWeek, commerceReport } from "./sim/commerce";
import { customerSales, customersReport, customersWeekEnd, customerTraffic } from "./sim/customers";
import { convert, ship } from "./sim/funnel";
import { autoReplenish, closeInventory } from "./sim/inventory";
import { lifecycleBeforeFunnel, lifecycleReport, lifecycleWeekEnd } from "./sim/lifecycle";
import { beginMarketingWeek, endMarketingWeek, feedAdTraffic, marketingSales, marketingTraffic } from "./sim/marketing";
import { opsAfterShip, opsMorning, opsReport, serviceConversion, startTeamWeek } from "./sim/operations";
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

export function step(baseScenario: Scenario, state: GameState, decisions: readonly unknown[]): StepOutcome {
  const scenario = playedScenario(baseScenario, state); // easy/hard change the market (difficulty.ts)
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
  // Payments made by this turn's decisions (reorders, upgrades, launches…) belong to this week's ledger.
  for (const [k, v] of Object.entries(s.ledger)) {
    const paid = v - (state.ledger[k] ?? 0);
    if (paid !== 0) acc.ledger[k] = paid;
  }
  const factors = weekFactors(scenario, s);
  beginMarketingWeek(scenario, s, acc, rngs); // P2.1–P2.2: adstocks, learning, KOL fees, posts
  for (let d = 0; d < 7 && s.status === "playing"; d++) {
    simulateDay(scenario, s, rngs, s.week * 7 + d, acc, factors);
  }
  endOfWeek(scenario, s, acc);
  endMarketingWeek(scenario, s, acc);
  customersWeekEnd(scenario, s, acc, rngs.customers); // P2.3b unsubscribes
  lifecycleWeekEnd(scenario, s, acc); // P1.2b diffusion, stages, dead-stock write-down
  commerceEndOfWeek(scenario, s, acc, rngs.competitors); // P1.2f competitors react; P1.2g discount scars
  autoReplenish(scenario, s, acc); // the supply team's reorders where inventory is not a lever
  closeInventory(scenario, s, acc); // the last week: closing stock at liquidation value
  s.rng = closeStreams(rngs);
  const report = buildReport(scenario, state, s, acc, factors);
  const customers = customersReport(s, acc);
  if (customers) report.customers = customers;
  report.lifecycle = lifecycleReport(scenario, s, acc);
  const commerce = commerceReport(scenario, s, acc);
  if (commerce) report.commerce = commerce;
  const fixes = validation.decisions.flatMap((d) => (d.type === "actOnFeedback" ? [d.topic] : []));
  report.ops = opsReport(scenario, s, acc, fixes); // P1.3a–c, PX.a, PX.c
  s.lastTurn = validation.decisions;
  s.week += 1;
  startTeamWeek(s); // PX.c: designer, analyst and operations hours from the team
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
  opsMorning(ctx); // P1.3c: topic reviews fall due
  const demandSd = DAILY_DEMAND_SD * DIFFICULTY[difficultyOf(s)].demandNoise; // standard: × 1 exactly
  ctx.demand = clamp(1 + demandSd * normal(rng.market, 0, 1), 0.6, 1.4);
  commerceDemand(ctx); // platform events (618, 双11), pre-event lull, seasonality
  searchTraffic(ctx);
  homeTraffic(ctx);
  // P2.1a: feed ads with learning, carryover and saturation where the scenario defines them.
  if (scenario.market.feedAds) feedAdTraffic(ctx);
  else adTraffic(ctx);
  marketingTraffic(ctx); // search ads, KOL, content, community
  customerTraffic(ctx); // P2.3a: returning customers (home) and members (private)
  commerceBeforeFunnel(ctx); // P1.2g: flash-sale and group-share visitors, coupon claims, promotion lifts
  lifecycleBeforeFunnel(ctx); // P1.2a–b: unlisted SKUs' visitors, clearance badge — keep right before the funnel
  serviceConversion(ctx); // P1.3b: service queue → reply time → conversion
  for (const sku of s.skus) ship(ctx, sku, convert(ctx, sku));
  marketingSales(ctx);
  customerSales(ctx); // new vs repeat buyers, members joining, coupons and member offers
  opsAfterShip(ctx); // P1.3a: exceptions, logistics, refunds; cash policy "loan"

  if (s.cashFen < 0 && scenario.cashPolicy === "bankrupt") {
    s.status = "bankrupt";
    acc.events.push({ key: "ev.bankrupt", params: { day: dayOfWeek(ctx) } });
  }
  for (const id of report.stockouts) acc.events.push({ key: "ev.stockout", params: { sku: id, day: dayOfWeek(ctx) } });
  acc.days.push(report);
}
