// echarts options for the week report and the dashboard: every axis named with its unit, every
// tooltip showing numbers with units, and labels on the bars so colour is never the only key.
import type { WeekReport } from "../../engine";
import { SOURCES } from "../../engine/sim/week";
import { group, money, moneyShort, percent, t } from "../../i18n";
import { C, css } from "../theme";
import { axisStyle, type ChartOption } from "./chart-host";

const SOURCE_COLORS: Record<string, string> = {
  search: "#4fb3ff",
  home: css(C.good),
  ads: css(C.accent),
  paidSearch: "#ffa04d",
  kol: "#c28bff",
  content: "#f5a3c7",
  community: "#7fd7e8",
  private: css(C.warn),
};

/** Sources with visitors this week, largest first. */
export function activeSources(r: WeekReport): { id: string; uv: number }[] {
  return SOURCES.map((id) => ({ id, uv: r.traffic[id] ?? 0 }))
    .filter((s) => s.uv > 0)
    .sort((a, b) => b.uv - a.uv);
}

export function trendOption(r: WeekReport): ChartOption {
  const days = r.days.map((_, i) => t("chart.day", { n: i + 1 }));
  const ax = axisStyle();
  return {
    legend: { top: 0, textStyle: { color: css(C.text), fontSize: 12 }, itemWidth: 14, itemHeight: 10 },
    tooltip: {
      trigger: "axis",
      valueFormatter: undefined,
      formatter: (ps: { dataIndex: number }[]) => {
        const i = ps[0]?.dataIndex ?? 0;
        const d = r.days[i];
        if (!d) return "";
        return [
          `<b>${days[i]}</b>`,
          `${t("chart.uv")}: ${t("unit.people", { n: group(d.uv) })}`,
          `${t("chart.orders")}: ${t("unit.orders", { n: group(d.orders) })}`,
          `${t("chart.gmv")}: ${money(d.gmvFen)}`,
        ].join("<br/>");
      },
    },
    // Two stacked grids that never overlap at any card height (the axis name sits above each grid).
    grid: [
      { left: 56, right: 64, top: 46, bottom: "55%" },
      { left: 56, right: 64, top: "60%", bottom: 28 },
    ],
    xAxis: [
      { type: "category", data: days, gridIndex: 0, ...ax, axisLabel: { show: false } },
      { type: "category", data: days, gridIndex: 1, ...ax },
    ],
    yAxis: [
      { type: "value", gridIndex: 0, name: t("chart.uv"), minInterval: 1, splitNumber: 2, ...ax, nameGap: 8 },
      { type: "value", gridIndex: 1, name: t("chart.orders"), minInterval: 1, splitNumber: 2, ...ax, nameGap: 8 },
      {
        type: "value",
        gridIndex: 1,
        name: t("chart.gmv"),
        position: "right",
        splitNumber: 2,
        ...ax,
        splitLine: { show: false },
        nameGap: 8,
        axisLabel: { ...ax.axisLabel, formatter: (v: number) => moneyShort(v * 100) },
      },
    ],
    series: [
      {
        name: t("chart.uv"),
        type: "bar",
        data: r.days.map((d) => d.uv),
        xAxisIndex: 0,
        yAxisIndex: 0,
        itemStyle: { color: "#4fb3ff", borderRadius: 3 },
      },
      {
        name: t("chart.orders"),
        type: "bar",
        data: r.days.map((d) => d.orders),
        xAxisIndex: 1,
        yAxisIndex: 1,
        itemStyle: { color: css(C.good), borderRadius: 3 },
      },
      {
        name: t("chart.gmv"),
        type: "line",
        data: r.days.map((d) => d.gmvFen / 100),
        xAxisIndex: 1,
        yAxisIndex: 2,
        symbol: "diamond",
        symbolSize: 8,
        itemStyle: { color: css(C.accent) },
        lineStyle: { width: 2 },
      },
    ],
  };
}

export function trafficOption(r: WeekReport): ChartOption {
  const src = activeSources(r).reverse();
  const total = Math.max(
    1,
    src.reduce((a, s) => a + s.uv, 0),
  );
  const ax = axisStyle();
  return {
    tooltip: {
      trigger: "item",
      formatter: (p: { name: string; value: number }) =>
        `${p.name}: ${t("unit.people", { n: group(p.value) })} (${percent(p.value / total, 0)})`,
    },
    grid: { left: 92, right: 110, top: 6, bottom: 24 },
    // Many sources (up to eight): two value ticks that never collide, every source named, small labels.
    xAxis: {
      type: "value",
      minInterval: 1,
      ...ax,
      splitNumber: 2,
      axisLabel: { ...(ax as { axisLabel?: object }).axisLabel, hideOverlap: true, formatter: (v: number) => group(v) },
    },
    yAxis: {
      type: "category",
      data: src.map((s) => t(`src.${s.id}`)),
      ...ax,
      axisLabel: { ...(ax as { axisLabel?: object }).axisLabel, interval: 0, fontSize: src.length > 5 ? 10 : 12 },
    },
    series: [
      {
        type: "bar",
        data: src.map((s) => ({
          value: s.uv,
          name: t(`src.${s.id}`),
          itemStyle: { color: SOURCE_COLORS[s.id], borderRadius: 3 },
        })),
        barMaxWidth: 22,
        barCategoryGap: "25%",
        label: {
          show: true,
          position: "right",
          color: css(C.text),
          fontSize: src.length > 5 ? 10 : 12,
          formatter: (p: { value: number }) =>
            `${t("unit.people", { n: group(p.value) })} (${percent(p.value / total, 0)})`,
        },
      },
    ],
  };
}

/** What each funnel step is a share of: the step before it. */
const FUNNEL_BASE = ["visitors", "engaged", "addToCart", "orders"] as const;

export function funnelOption(r: WeekReport): ChartOption {
  const f = r.funnel;
  const steps: [string, number][] = [
    [t("funnel.visitors"), f.visitors],
    [t("funnel.engaged"), f.engaged],
    [t("funnel.addToCart"), f.addToCart],
    [t("funnel.orders"), f.orders],
    [t("funnel.paid"), f.paid],
  ];
  const colors = ["#4fb3ff", "#5fa8f0", "#ffa04d", "#ff8a3d", css(C.accent)];
  return {
    tooltip: {
      trigger: "item",
      formatter: (p: { dataIndex: number; name: string; data: { real: number } }) => {
        const before = steps[p.dataIndex - 1];
        const base = t(`funnel.base.${FUNNEL_BASE[p.dataIndex - 1]}`);
        const step = before?.[1] ? ` · ${t("funnel.ofBase", { rate: percent(p.data.real / before[1]), base })}` : "";
        return `${p.name}: ${t("unit.people", { n: group(p.data.real) })}${step}`;
      },
    },
    series: [
      {
        type: "funnel",
        left: 8,
        right: 8,
        top: 4,
        bottom: 4,
        sort: "none",
        gap: 2,
        minSize: "58%",
        // √ scale so a 2% step is still visible; labels carry the exact numbers.
        data: steps.map(([name, v], i) => ({
          name,
          value: Math.sqrt(Math.max(0, v)),
          real: v,
          itemStyle: { color: colors[i] },
        })),
        label: {
          show: true,
          position: "inside",
          color: "#0a1222",
          fontSize: 11,
          fontWeight: "bold",
          formatter: (p: { dataIndex: number; name: string; data: { real: number } }) => {
            // Each step says its base (the step before): add-to-cart is of engaged visitors, not of all.
            const before = steps[p.dataIndex - 1];
            if (!before?.[1]) return `${p.name} ${group(p.data.real)}`;
            const rate = percent(p.data.real / before[1], 0);
            const base = t(`funnel.base.${FUNNEL_BASE[p.dataIndex - 1]}`);
            return t("funnel.step", { name: p.name, n: group(p.data.real), rate, base });
          },
        },
      },
    ],
  };
}

export function moneyWeeksOption(reports: WeekReport[]): ChartOption {
  const weeks = reports.map((r) => t("chart.week", { n: r.week + 1 }));
  const ax = axisStyle();
  return {
    legend: { top: 0, textStyle: { color: css(C.text), fontSize: 12 } },
    tooltip: { trigger: "axis", valueFormatter: (v: number) => money(Math.round(v * 100)) },
    grid: { left: 70, right: 20, top: 40, bottom: 30 },
    xAxis: { type: "category", data: weeks, ...ax },
    yAxis: {
      type: "value",
      name: "¥",
      ...ax,
      axisLabel: { ...ax.axisLabel, formatter: (v: number) => moneyShort(v * 100) },
    },
    series: [
      {
        name: t("chart.gmv"),
        type: "bar",
        data: reports.map((r) => r.kpis.gmvFen / 100),
        barMaxWidth: 48,
        itemStyle: { color: "#4fb3ff", borderRadius: 3 },
      },
      {
        name: t("chart.netProfit"),
        type: "line",
        data: reports.map((r) => r.kpis.netProfitFen / 100),
        symbol: "diamond",
        symbolSize: 8,
        itemStyle: { color: css(C.accent) },
      },
    ],
  };
}

export function ratesWeeksOption(reports: WeekReport[]): ChartOption {
  const weeks = reports.map((r) => t("chart.week", { n: r.week + 1 }));
  const ax = axisStyle();
  return {
    legend: { top: 0, textStyle: { color: css(C.text), fontSize: 12 } },
    tooltip: { trigger: "axis" },
    grid: { left: 56, right: 56, top: 40, bottom: 30 },
    xAxis: { type: "category", data: weeks, ...ax },
    yAxis: [
      { type: "value", name: "%", ...ax, axisLabel: { ...ax.axisLabel, formatter: (v: number) => `${v}%` } },
      {
        type: "value",
        name: t("chart.dsr"),
        min: (v: { min: number }) => Math.max(0, Math.floor(Math.min(v.min, 4.5) * 2) / 2),
        max: 5,
        position: "right",
        ...ax,
        splitLine: { show: false },
      },
    ],
    series: [
      {
        name: t("chart.cvr"),
        type: "line",
        data: reports.map((r) => Math.round(r.kpis.conversionRate * 10000) / 100),
        symbol: "circle",
        symbolSize: 8,
        itemStyle: { color: css(C.good) },
        tooltip: { valueFormatter: (v: number) => `${v}%` },
      },
      {
        name: t("chart.dsr"),
        type: "line",
        yAxisIndex: 1,
        data: reports.map((r) => Math.round(r.kpis.dsr * 100) / 100),
        symbol: "triangle",
        symbolSize: 9,
        lineStyle: { type: "dashed" },
        itemStyle: { color: css(C.warn) },
      },
    ],
  };
}
