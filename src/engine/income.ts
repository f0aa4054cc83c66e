// The income statement of a week (or of a whole run): list-price sales down to net profit, one line
// per cost, built from the ledger and the week's non-ledger money (COGS, discounts, closing-stock
// liquidation). It reconciles exactly with the KPI card's net profit (`weekKpis` in sim/report.ts,
// `runKpis` in scoring.ts): tests/engine/income.test.ts checks it over seeds and every scenario.
//
// The ledger books discounts twice over list-price sales: revenue at list value ("sales") and the
// discount as a cost ("promotion" for 满减 and coupons, "private" for members' coupons and price). The
// statement shows them once, as discounts between list value and 支付金额 (GMV), so the promotion and
// private-domain lines keep only what is not a discount (gifts; other private-domain costs).
import type { Scenario } from "./scenario-schema";
import type { GameState, LedgerTotals, WeekReport } from "./types";

/** The statement's lines, in reading order. Subtotals are not lines (see IncomeStatement). */
export const INCOME_LINES = [
  "listSales", // revenue at list (or flash / group) price
  "discounts", // 满减, coupons, join coupons, members' price (negative)
  "refunds", // money returned to buyers (negative)
  "cogs", // cost of goods shipped, net of restocked returns (negative)
  "commission", // platform commission on 支付金额
  "shipping", // one parcel per order; logistics exceptions
  "ads", // info-flow and search ads
  "marketing", // KOL/KOC fees, content production, community events
  "promotions", // promotion costs other than discounts: gifts
  "salaries", // team payroll
  "holding", // storage fee, capital and shrink on stock held
  "design", // designer work, product launches and upgrades
  "private", // private-domain costs other than members' discounts
  "ops", // oversell compensation, feedback fixes
  "interest", // loan interest
  "liquidation", // the last week: closing stock at liquidation value (non-cash)
] as const;
export type IncomeLine = (typeof INCOME_LINES)[number];

/** The principle each line teaches (the UI cites it beside a driver). */
export const INCOME_LINE_CODE: Record<IncomeLine, string> = {
  listSales: "P1.2f",
  discounts: "P1.2g",
  refunds: "P1.3c",
  cogs: "P1.2f",
  commission: "P1.2f",
  shipping: "P1.3a",
  ads: "P2.1a",
  marketing: "P2.1b",
  promotions: "P1.2g",
  salaries: "PX.c",
  holding: "P1.3a",
  design: "P1.2e",
  private: "P2.3a",
  ops: "P1.3a",
  interest: "PX.a",
  liquidation: "P1.2b",
};

export interface IncomeStatement {
  /** Signed fen per line: revenue positive, costs negative. Every line is present (0 when unused). */
  lines: Record<IncomeLine, number>;
  /** listSales + discounts = 支付金额 (the GMV card). */
  gmvFen: number;
  /** GMV + refunds + COGS (the gross-profit card). */
  grossProfitFen: number;
  /** The sum of every line (the net-profit card). */
  netProfitFen: number;
}

interface MoneyInput {
  ledger: LedgerTotals;
  discountFen: number;
  /** The part of discountFen booked as "private" (members' coupons and price). */
  privateDiscountFen: number;
  cogsFen: number;
  liquidationLossFen: number;
}

function statement(m: MoneyInput): IncomeStatement {
  const L = (k: string) => m.ledger[k] ?? 0;
  const lines: Record<IncomeLine, number> = {
    listSales: L("sales"),
    discounts: -m.discountFen,
    refunds: L("refunds"),
    cogs: -m.cogsFen,
    commission: L("commission"),
    shipping: L("logistics"),
    ads: L("ads"),
    marketing: L("kol") + L("content"),
    // The ledger's promotion and private costs include the discounts already shown above: add them back.
    promotions: L("promotion") + (m.discountFen - m.privateDiscountFen),
    salaries: L("salaries"),
    holding: L("holding"),
    design: L("design"),
    private: L("private") + m.privateDiscountFen,
    ops: L("ops"),
    interest: L("interest"),
    liquidation: -m.liquidationLossFen,
  };
  const gmvFen = lines.listSales + lines.discounts;
  const grossProfitFen = gmvFen + lines.refunds + lines.cogs;
  let net = 0;
  for (const k of INCOME_LINES) net += lines[k];
  return { lines, gmvFen, grossProfitFen, netProfitFen: net };
}

/** Members' coupons and members' price of a week (the discounts booked as "private"). */
function privateDiscount(r: WeekReport): number {
  const c = r.customers;
  return c ? c.couponCostFen + c.offerCostFen : 0;
}

/**
 * The week's income statement. A report without `money` (built by an older engine) falls back to
 * what its KPIs imply: discounts = list sales − GMV, COGS = GMV + refunds − gross profit.
 */
export function weekIncome(r: WeekReport): IncomeStatement {
  const sales = r.ledger.sales ?? 0;
  const money = r.money ?? {
    discountFen: sales - r.kpis.gmvFen,
    cogsFen: r.kpis.gmvFen + (r.ledger.refunds ?? 0) - r.kpis.grossProfitFen,
    liquidationLossFen: 0,
  };
  return statement({ ledger: r.ledger, privateDiscountFen: privateDiscount(r), ...money });
}

/**
 * The whole run's income statement, from the state's cumulative ledger and totals; `reports` (every
 * week's) split the discounts between the promotion and private-domain lines.
 */
export function runIncome(_scenario: Scenario, s: GameState, reports: readonly WeekReport[]): IncomeStatement {
  let privateDiscountFen = 0;
  for (const r of reports) privateDiscountFen += privateDiscount(r);
  return statement({
    ledger: s.ledger,
    discountFen: s.totals.discountFen,
    privateDiscountFen,
    cogsFen: s.totals.cogsFen,
    liquidationLossFen: s.totals.liquidationLossFen,
  });
}
