// The starting state of a run: the scenario's shop, plus everything drawn once from the seed.
import { type Difficulty, scenarioAt, scenarioDifficulty } from "./difficulty";
import { REF_WINDOW_WEEKS } from "./model";
import { closeStreams, createStreams, openStreams } from "./rng";
import type { Scenario } from "./scenario-schema";
import { initOpsState } from "./sim/operations";
import { STREAMS } from "./sim/week";
import { newCustomersState } from "./systems/customers";
import { newLifecycleState } from "./systems/lifecycle";
import { newMarketingState } from "./systems/marketing";
import { newCommerceState } from "./systems/promotions";
import { drawCompetitorScores } from "./systems/search";
import type { GameState, RunTotals } from "./types";

export function emptyTotals(): RunTotals {
  return {
    uv: 0,
    pv: 0,
    orders: 0,
    units: 0,
    gmvFen: 0,
    refundFen: 0,
    refundUnits: 0,
    cogsFen: 0,
    discountFen: 0,
    liquidationLossFen: 0,
    adSpendFen: 0,
    adClicks: 0,
    adOrders: 0,
    adGmvFen: 0,
    stockoutDays: 0,
    addToCart: 0,
    repeatBuyers: 0,
    buyers: 0,
  };
}

/**
 * A new game on `seed` at `difficulty` (default: the scenario's own, i.e. "standard" for a scenario
 * file; a scenario from `scenarioAt` carries its difficulty). Standard leaves `difficulty` out of the
 * state so its hashes are those of a game before difficulty existed.
 */
export function newGame(file: Scenario, seed: string, difficulty: Difficulty = scenarioDifficulty(file)): GameState {
  const scenario = scenarioAt(file, difficulty);
  const rngStates = createStreams(seed, STREAMS);
  const rngs = openStreams(rngStates);
  const market = rngs.market;
  if (!market) throw new Error("market stream missing");
  const competitors: Record<string, number[]> = {};
  for (const kw of scenario.market.keywords) {
    if (kw.kind !== "core") continue;
    competitors[kw.id] = drawCompetitorScores(market, kw, scenario.market.competitorsPerKeyword);
  }
  const firstSku = scenario.skus[0]?.id ?? "";
  const opsInit = initOpsState(scenario); // PX.c team, P1.3a–c operations
  return {
    week: 0,
    seed,
    scenarioId: scenario.id,
    cashFen: scenario.start.cashFen,
    ledger: {},
    store: { ...scenario.start.store },
    skus: scenario.skus.map((s) => ({
      id: s.id,
      priceFen: s.priceFen,
      title: [...s.title],
      image: s.image,
      detail: [...s.detail],
      stock: s.stock,
      unitCostFen: s.unitCostFen,
      pipeline: [],
      refPriceFen: s.marketPriceFen,
      soldListFen: new Array<number>(REF_WINDOW_WEEKS).fill(s.marketPriceFen), // the shop's history before the game
      priceFlagUntilDay: 0,
      recentSales: [0, 0, 0, 0, 0, 0, 0],
      reviewCount: 0,
      ratingSum: 0,
      listedDay: 0,
      unitsSold: 0,
      stockoutDays: 0,
      ctrIndex: 1,
      cvrIndex: 1,
    })),
    ads: { dailyBudgetFen: scenario.start.ads.dailyBudgetFen, target: scenario.start.ads.target, sku: firstSku },
    designerHoursLeft: opsInit.team.members.designer * opsInit.team.hoursPerPerson.designer,
    dsr: { description: scenario.start.dsr, service: scenario.start.dsr, logistics: scenario.start.dsr },
    totals: emptyTotals(),
    rng: closeStreams(rngs),
    status: "playing",
    competitors,
    pending: [],
    lastTurn: [],
    commerce: newCommerceState(scenario),
    customers: newCustomersState(scenario),
    lifecycle: newLifecycleState(scenario),
    marketing: newMarketingState(scenario),
    team: opsInit.team,
    ops: opsInit.ops,
    ...(difficulty === "standard" ? {} : { difficulty }),
  };
}
