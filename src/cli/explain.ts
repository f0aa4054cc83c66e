// `sim explain RUNFILE [--week N] [--json]`: why each KPI of a verified run moved, week by week —
// the engine's decomposition (src/engine/explain.ts), the same drivers the week report's overview
// and advisor speak from. Each KPI's drivers add up to its change on the week before (week 1 is
// measured against an empty shop: from = 0).
import {
  type Decision,
  EXPLAIN_KPIS,
  type ExplainKpi,
  explainRun,
  type RunFile,
  type Scenario,
  type WeekReport,
} from "../engine";

export interface ExplainDriverRow {
  cause: string;
  delta: number;
  /** The lecture principle the driver teaches. */
  code: string;
  /** Present (true) when one of that week's decisions acts on the driver. */
  decided?: true;
}

export interface ExplainRow {
  /** 1-based, as `verify` names turns. */
  week: number;
  kpi: ExplainKpi;
  from: number;
  to: number;
  drivers: ExplainDriverRow[];
}

export interface ExplainResult {
  scenario: string;
  seed: string;
  /** The KPIs explained, in order (fen for money, a fraction for conversion). */
  kpis: readonly ExplainKpi[];
  changes: ExplainRow[];
  /** Per week, the three biggest drivers in money (GMV's drivers and net profit's cost lines, fen). */
  top: { week: number; drivers: ExplainDriverRow[] }[];
}

/** `week`: 1-based, or undefined for every week. The caller has checked it is in range. */
export function explainReport(
  scenario: Scenario,
  run: RunFile,
  reports: readonly WeekReport[],
  week?: number,
): ExplainResult {
  const row = (d: { cause: string; delta: number; code: string; decided?: true }) => ({
    cause: d.cause,
    delta: d.delta,
    code: d.code,
    ...(d.decided ? { decided: true as const } : {}),
  });
  const turns = run.turns as unknown as Decision[][];
  const all = explainRun(scenario, reports, turns).filter((e) => week === undefined || e.week + 1 === week);
  return {
    scenario: scenario.id,
    seed: run.seed,
    kpis: EXPLAIN_KPIS,
    changes: all.flatMap((e) =>
      e.changes.map((c) => ({ week: e.week + 1, kpi: c.kpi, from: c.from, to: c.to, drivers: c.drivers.map(row) })),
    ),
    top: all.map((e) => ({ week: e.week + 1, drivers: e.top.map(row) })),
  };
}

const LABEL: Record<ExplainKpi, string> = {
  uv: "UV",
  orders: "orders",
  conversionRate: "conversion",
  aovFen: "AOV",
  gmvFen: "GMV",
  netProfitFen: "net profit",
};

function value(kpi: ExplainKpi, v: number, signed = false): string {
  const sign = signed && v > 0 ? "+" : v < 0 ? "-" : "";
  const a = Math.abs(v);
  if (kpi === "conversionRate") return `${sign}${(a * 100).toFixed(2)}${signed ? "pp" : "%"}`;
  if (kpi === "aovFen" || kpi === "gmvFen" || kpi === "netProfitFen") return `${sign}¥${(a / 100).toFixed(2)}`;
  return `${sign}${a}`;
}

/** The text form: per week, one line per KPI with its change and its biggest drivers. */
export function explainTable(r: ExplainResult, perKpi = 5): string {
  const lines = [
    `scenario ${r.scenario}  seed ${r.seed}`,
    "each KPI's change on the week before (week 1: on an empty shop), split into drivers that add up to it",
  ];
  for (const t of r.top) {
    const top = t.drivers
      .map((d) => `${d.cause} ${value("gmvFen", d.delta, true)} (${d.code}${d.decided ? ", decided this week" : ""})`)
      .join("; ");
    lines.push("", `week ${t.week}  biggest drivers: ${top || "-"}`);
    for (const c of r.changes.filter((x) => x.week === t.week)) {
      const shown = c.drivers.slice(0, perKpi).map((d) => `${d.cause} ${value(c.kpi, d.delta, true)}`);
      if (c.drivers.length > perKpi) shown.push(`${c.drivers.length - perKpi} more`);
      lines.push(
        `  ${LABEL[c.kpi]} ${value(c.kpi, c.from)} → ${value(c.kpi, c.to)} (${value(c.kpi, c.to - c.from, true)}): ${shown.join(", ") || "no change"}`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
