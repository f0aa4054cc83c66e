// How each run KPI is written on screen, always with its unit.
import type { Kpis } from "../engine";
import { days, fixed, group, moneyShort, orders, people, percent, times } from "../i18n";

export type KpiName = keyof Kpis;

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

/** Is a rise in this KPI good news? (null: neither, e.g. ad spend is a choice.) */
export function riseIsGood(kpi: KpiName | string): boolean | null {
  if (kpi === "stockoutDays" || kpi === "refundRate") return false;
  if (kpi === "adSpendFen") return null;
  return true;
}
