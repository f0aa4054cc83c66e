// Run KPIs (the CLI's `kpis` object) and the scenario's score: weighted objectives → 0–1000, stars.
import type { Objective, Scenario } from "./scenario-schema";
import type { GameState, Kpis } from "./types";

/** KPIs over the whole run, in the CLI contract's names. Rates are fractions, money is fen. */
export function runKpis(_scenario: Scenario, s: GameState): Kpis {
  const L = (k: string) => s.ledger[k] ?? 0;
  const t = s.totals;
  // GMV is 支付金额 (after discounts); the ledger books the discounts as costs on list-price sales: add them back once.
  const gross = t.gmvFen - t.refundFen - t.cogsFen;
  const net =
    gross + t.discountFen + L("commission") + L("logistics") + L("ads") + L("salaries") + L("holding") + L("design");
  const netOps = L("ops") + L("interest"); // P1.3a compensation, P1.3c feedback fixes; loan interest
  const netMarketing = L("kol") + L("content"); // P2.1b fees, P2.2 content production
  const netPromotion = L("promotion"); // P1.2g discounts and gifts
  const netDomainD = L("private") - t.liquidationLossFen; // P2.3a costs; closing stock at liquidation value (P1.2b)
  return {
    gmvFen: t.gmvFen,
    orders: t.orders,
    uv: t.uv,
    pv: t.pv,
    conversionRate: t.uv > 0 ? t.orders / t.uv : 0,
    aovFen: t.orders > 0 ? Math.round(t.gmvFen / t.orders) : 0,
    addToCartRate: t.uv > 0 ? t.addToCart / t.uv : 0,
    grossProfitFen: gross,
    netProfitFen: net + netMarketing + netPromotion + netOps + netDomainD,
    adSpendFen: t.adSpendFen,
    roas: t.adSpendFen > 0 ? t.adGmvFen / t.adSpendFen : 0,
    ppcFen: t.adClicks > 0 ? Math.round(t.adSpendFen / t.adClicks) : 0,
    dsr: (s.dsr.description + s.dsr.service + s.dsr.logistics) / 3,
    refundRate: t.units > 0 ? t.refundUnits / t.units : 0,
    repurchaseRate: t.buyers > 0 ? t.repeatBuyers / t.buyers : 0,
    stockoutDays: t.stockoutDays,
    cashEndFen: s.cashFen,
  };
}

/** The KPIs the engine contract names (CLI `--json`, server submissions, run rankings), in its order. */
export interface ContractKpis {
  gmvFen: number;
  orders: number;
  uv: number;
  conversionRate: number;
  aovFen: number;
  grossProfitFen: number;
  netProfitFen: number;
  adSpendFen: number;
  roas: number;
  dsr: number;
  refundRate: number;
  repurchaseRate: number;
  stockoutDays: number;
  cashEndFen: number;
}

/** The contract's `kpis` object for a run: `runKpis` without the UI-only extras (pv, add-to-cart, PPC). */
export function contractKpis(scenario: Scenario, s: GameState): ContractKpis {
  const k = runKpis(scenario, s);
  return {
    gmvFen: k.gmvFen,
    orders: k.orders,
    uv: k.uv,
    conversionRate: k.conversionRate,
    aovFen: k.aovFen,
    grossProfitFen: k.grossProfitFen,
    netProfitFen: k.netProfitFen,
    adSpendFen: k.adSpendFen,
    roas: k.roas,
    dsr: k.dsr,
    refundRate: k.refundRate,
    repurchaseRate: k.repurchaseRate,
    stockoutDays: k.stockoutDays,
    cashEndFen: k.cashEndFen,
  };
}

export interface ObjectiveResult {
  id: string;
  label: Objective["label"];
  kpi: Objective["kpi"];
  value: number;
  floor: number;
  target: number;
  /** 0–1: how far from floor to target the run got. */
  fraction: number;
  points: number;
  maxPoints: number;
}

export interface ScoreResult {
  score: number;
  stars: 0 | 1 | 2 | 3;
  objectives: ObjectiveResult[];
}

/** Linear between floor (0) and target (1), clamped; works for lower-is-better when floor > target. */
export function objectiveFraction(value: number, floor: number, target: number): number {
  if (floor === target) return value >= target ? 1 : 0;
  return Math.min(1, Math.max(0, (value - floor) / (target - floor)));
}

export function scoreRun(scenario: Scenario, s: GameState): ScoreResult {
  const kpis = runKpis(scenario, s);
  const totalWeight = scenario.objectives.reduce((a, o) => a + o.weight, 0);
  const objectives = scenario.objectives.map((o) => {
    const value = kpis[o.kpi];
    const fraction = objectiveFraction(value, o.floor, o.target);
    const maxPoints = (1000 * o.weight) / totalWeight;
    return {
      id: o.id,
      label: o.label,
      kpi: o.kpi,
      value,
      floor: o.floor,
      target: o.target,
      fraction,
      points: fraction * maxPoints,
      maxPoints,
    };
  });
  // A bankrupt shop keeps what it earned before, but cannot earn stars.
  const score = Math.round(objectives.reduce((a, o) => a + o.points, 0));
  const [one, two, three] = scenario.stars;
  let stars: 0 | 1 | 2 | 3 = score >= three ? 3 : score >= two ? 2 : score >= one ? 1 : 0;
  if (s.status === "bankrupt") stars = 0;
  return { score, stars, objectives };
}
