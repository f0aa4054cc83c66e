// How each run KPI is written on screen, always with its unit.
import type { Kpis } from "../engine";
import { days, fixed, group, moneyShort, orders, people, percent, t, times } from "../i18n";

export type KpiName = keyof Kpis;

/** The i18n key of each KPI's name (生意参谋 names), shared by the week report and the dashboard. */
const KPI_LABEL_KEY: Partial<Record<KpiName, string>> = {
  uv: "kpi.uv",
  orders: "kpi.orders",
  gmvFen: "kpi.gmv",
  conversionRate: "kpi.conversionRate",
  aovFen: "kpi.aov",
  addToCartRate: "kpi.addToCartRate",
  grossProfitFen: "kpi.grossProfit",
  netProfitFen: "kpi.netProfit",
  adSpendFen: "kpi.adSpend",
  roas: "kpi.roas",
  dsr: "kpi.dsr",
  stockoutDays: "kpi.stockoutDays",
  cashEndFen: "kpi.cashEnd",
};

/** A KPI's name in the current language. */
export function kpiLabel(kpi: KpiName): string {
  const key = KPI_LABEL_KEY[kpi];
  return key ? t(key) : kpi;
}

export function formatKpi(kpi: KpiName | string, value: number): string {
  switch (kpi) {
    case "gmvFen":
    case "aovFen":
    case "grossProfitFen":
    case "netProfitFen":
    case "adSpendFen":
    case "ppcFen":
    case "cashEndFen":
      return moneyShort(value);
    case "conversionRate":
    case "addToCartRate":
    case "refundRate":
    case "repurchaseRate":
      return percent(value, value < 0.1 ? 2 : 1);
    case "dsr":
      return fixed(value, 2);
    case "roas":
      return times(value);
    case "stockoutDays":
      return days(value);
    case "orders":
      return orders(value);
    case "uv":
    case "pv":
      return people(value);
    default:
      return group(value);
  }
}

/** ROAS with its unit, or "—" when nothing was spent on ads (a ratio of 0 ÷ 0 is not a result). */
export function roasText(roas: number, adSpendFen: number): string {
  return adSpendFen > 0 && Number.isFinite(roas) ? times(roas) : "—";
}

/** Is a rise in this KPI good news? (null: neither, e.g. ad spend is a choice.) */
export function riseIsGood(kpi: KpiName | string): boolean | null {
  if (kpi === "stockoutDays" || kpi === "refundRate") return false;
  if (kpi === "adSpendFen") return null;
  return true;
}

/** Change between two weeks, written with a sign: % for counts and money, points for rates. */
export function kpiDelta(kpi: keyof Kpis, now: number, prev: number): { text: string; dir: 1 | 0 | -1 } {
  const raw = now - prev;
  // The arrow follows the number shown: a DSR change of −0.003 reads "0.00" and gets no arrow.
  const shownStep =
    kpi === "conversionRate" || kpi === "addToCartRate" || kpi === "refundRate" ? 0.0001 : kpi === "dsr" ? 0.01 : 1e-9;
  const diff = Math.abs(raw) < shownStep / 2 ? 0 : raw;
  const dir = diff > 0 ? 1 : diff < 0 ? -1 : 0;
  const sign = dir > 0 ? "+" : "";
  if (kpi === "conversionRate" || kpi === "addToCartRate" || kpi === "refundRate") {
    return { text: `${sign}${t("unit.pp", { n: fixed(diff * 100, 2) })}`, dir };
  }
  if (kpi === "dsr") return { text: `${sign}${fixed(diff, 2)}`, dir };
  if (kpi === "stockoutDays") return { text: `${sign}${fixed(diff, 0)}`, dir };
  if (prev === 0 || Math.sign(prev) !== Math.sign(now)) {
    return { text: `${sign}${formatKpi(kpi, diff)}`, dir };
  }
  return { text: `${sign}${percent(diff / Math.abs(prev))}`, dir };
}
