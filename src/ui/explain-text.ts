// Plain words for the engine's "why it moved" (src/engine/explain.ts) and its income statement
// (src/engine/income.ts): the week report's overview lines, the income-statement rows of the details
// tab, and the driver sentences the advisor speaks. Pure (no Phaser), tested in tests/ui.
import {
  type Decision,
  type Driver,
  explainWeek,
  INCOME_LINES,
  type IncomeLine,
  type Scenario,
  type WeekExplanation,
  type WeekReport,
  weekIncome,
} from "../engine";
import { bi, fixed, group, money, percent, t } from "../i18n";
import { principleLabel } from "./principle-text";

const signedMoney = (fen: number) => (fen > 0 ? `+${money(fen)}` : money(fen));

function skuName(sc: Scenario, id: string | undefined): string {
  const s = sc.skus.find((k) => k.id === id);
  return s ? bi(s.name) : (id ?? "");
}

/** What the driver is, with its underlying figure last week → this week. */
export function driverWhat(sc: Scenario, d: Driver): string {
  const b = d.before ?? 0;
  const a = d.after ?? 0;
  const sku = skuName(sc, d.sku);
  switch (d.kind) {
    case "traffic":
      return t("exp.k.traffic", { source: t(`src.${d.source}`), before: group(b), after: group(a) });
    case "price":
    case "competitor":
    case "reviews":
      return t(`exp.k.${d.kind}`, { sku, before: fixed(b, 2), after: fixed(a, 2) });
    case "detail":
      return t("exp.k.detail", { sku, before: percent(b, 0), after: percent(a, 0) });
    case "stockout":
      return t("exp.k.stockout", { sku, before: b, after: a });
    case "conversion":
      // Small conversion rates keep a third decimal (0.042%), so a change never reads "0.00% → 0.00%".
      return t("exp.k.conversion", {
        sku,
        before: percent(b, Math.max(a, b) < 0.01 ? 3 : 2),
        after: percent(a, Math.max(a, b) < 0.01 ? 3 : 2),
      });
    case "listValue":
    case "discounts":
      return t(`exp.k.${d.kind}`, { before: money(Math.round(b)), after: money(Math.round(a)) });
    case "income":
      return t("exp.k.income", { line: t(`inc.${d.line}`), before: money(b), after: money(a) });
    default:
      return t(`exp.k.${d.kind}`);
  }
}

/** The KPI the driver moved, in money: GMV for demand drivers, net profit for an income line. */
export function driverEffect(d: Driver): string {
  return d.kind === "income"
    ? t("exp.onNet", { delta: signedMoney(d.delta) })
    : t("exp.onGmv", { delta: signedMoney(d.delta) });
}

export interface DriverLine {
  cause: string;
  code: string;
  /** "P1.2c 标题" */
  principle: string;
  text: string;
  /** The driver raised the KPI (shown ▲), else lowered it (▼). */
  good: boolean;
}

/** The week's three biggest drivers in plain words (empty in week 1: there is no last week). */
export function topDriverLines(
  sc: Scenario,
  r: WeekReport,
  prev: WeekReport | undefined,
  /** The week's decisions (the state's lastTurn): drivers they act on say "your decision". */
  decisions?: readonly Decision[],
): DriverLine[] {
  if (!prev) return [];
  return explainWeek(sc, r, prev, decisions).top.map((d) => driverLine(sc, d));
}

export function driverLine(sc: Scenario, d: Driver): DriverLine {
  return {
    cause: d.cause,
    code: d.code,
    principle: principleLabel(d.code),
    text: t("exp.line", { what: `${driverWhat(sc, d)}${d.decided ? t("exp.decided") : ""}`, effect: driverEffect(d) }),
    good: d.delta > 0,
  };
}

/** The explanation the advisor and the overview share, or null in week 1. */
export function weekExplanation(
  sc: Scenario,
  r: WeekReport,
  prev: WeekReport | undefined,
  decisions?: readonly Decision[],
): WeekExplanation | null {
  return prev ? explainWeek(sc, r, prev, decisions) : null;
}

export interface IncomeRow {
  label: string;
  /** Signed fen. */
  fen: number;
  value: string;
  kind: "line" | "subtotal" | "total";
}

const SUBTOTAL_AFTER: Partial<Record<IncomeLine, "gmv" | "gross">> = { discounts: "gmv", cogs: "gross" };

/**
 * The income statement as rows: every line that moved money (list sales, discounts, COGS always),
 * the subtotals GMV and gross profit (equal to the KPI cards), net profit last; and one note with the
 * cash that is not profit (stock bought, loan), or null.
 */
export function incomeRows(r: WeekReport): { rows: IncomeRow[]; cashNote: string | null } {
  const st = weekIncome(r);
  const rows: IncomeRow[] = [];
  const always = new Set<IncomeLine>(["listSales", "discounts", "cogs"]);
  for (const line of INCOME_LINES) {
    const fen = st.lines[line];
    if (fen !== 0 || always.has(line)) rows.push({ label: t(`inc.${line}`), fen, value: money(fen), kind: "line" });
    const sub = SUBTOTAL_AFTER[line];
    if (sub === "gmv") rows.push({ label: t("inc.gmv"), fen: st.gmvFen, value: money(st.gmvFen), kind: "subtotal" });
    if (sub === "gross")
      rows.push({ label: t("inc.gross"), fen: st.grossProfitFen, value: money(st.grossProfitFen), kind: "subtotal" });
  }
  rows.push({ label: t("inc.net"), fen: st.netProfitFen, value: money(st.netProfitFen), kind: "total" });
  const cash: string[] = [];
  const inv = r.ledger.inventory ?? 0;
  const loan = r.ledger.loan ?? 0;
  if (inv !== 0) cash.push(t("inc.cash.inventory", { v: money(inv) }));
  if (loan !== 0) cash.push(t("inc.cash.loan", { v: money(loan) }));
  return { rows, cashNote: cash.length > 0 ? t("inc.cashOnly", { list: cash.join(" · ") }) : null };
}
