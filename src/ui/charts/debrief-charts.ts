// echarts option for the debrief's comparison: the trainee's weekly GMV and net profit against the
// textbook strategy's on the same seed. Every axis is named with its unit; the tooltip shows both
// runs' numbers with units; the textbook's lines are dashed so colour is not the only key.
import type { WeekReport } from "../../engine";
import { money, moneyShort, t } from "../../i18n";
import { C, css } from "../theme";
import { axisStyle, type ChartOption } from "./chart-host";

export function compareOption(you: readonly WeekReport[], textbook: readonly WeekReport[]): ChartOption {
  const n = Math.max(you.length, textbook.length);
  const weeks = Array.from({ length: n }, (_, i) => t("chart.week", { n: i + 1 }));
  const ax = axisStyle();
  const yuan = (rs: readonly WeekReport[], f: (r: WeekReport) => number) => rs.map((r) => f(r) / 100);
  const yAxis = (gridIndex: number, name: string) => ({
    type: "value",
    gridIndex,
    name,
    ...ax,
    nameGap: 8,
    nameTextStyle: { ...ax.nameTextStyle, align: "left" },
    axisLabel: { ...ax.axisLabel, formatter: (v: number) => moneyShort(v * 100) },
  });
  const line = (name: string, data: number[], grid: number, color: string, dashed: boolean) => ({
    name,
    type: "line",
    data,
    xAxisIndex: grid,
    yAxisIndex: grid,
    symbol: dashed ? "emptyCircle" : "circle",
    symbolSize: 6,
    itemStyle: { color },
    lineStyle: { width: dashed ? 2 : 3, type: dashed ? "dashed" : "solid", color },
  });
  const names = [t("debrief.sYouGmv"), t("debrief.sTbGmv"), t("debrief.sYouProfit"), t("debrief.sTbProfit")];
  const cell = (rs: readonly WeekReport[], i: number, f: (r: WeekReport) => number) => {
    const r = rs[i];
    return r ? money(f(r)) : "—";
  };
  return {
    legend: {
      top: 0,
      data: names,
      textStyle: { color: css(C.text), fontSize: 12 },
      itemWidth: 18,
      itemHeight: 8,
    },
    tooltip: {
      trigger: "axis",
      formatter: (ps: { dataIndex: number }[]) => {
        const i = ps[0]?.dataIndex ?? 0;
        return [
          `<b>${weeks[i] ?? ""}</b>`,
          `${names[0]}: ${cell(you, i, (r) => r.kpis.gmvFen)}`,
          `${names[1]}: ${cell(textbook, i, (r) => r.kpis.gmvFen)}`,
          `${names[2]}: ${cell(you, i, (r) => r.kpis.netProfitFen)}`,
          `${names[3]}: ${cell(textbook, i, (r) => r.kpis.netProfitFen)}`,
        ].join("<br/>");
      },
    },
    grid: [
      { left: 64, right: 20, top: 56, height: "32%" },
      { left: 64, right: 20, bottom: 30, height: "32%" },
    ],
    xAxis: [
      { type: "category", data: weeks, gridIndex: 0, ...ax, axisLabel: { show: false } },
      { type: "category", data: weeks, gridIndex: 1, ...ax },
    ],
    yAxis: [yAxis(0, t("debrief.axisGmv")), yAxis(1, t("debrief.axisProfit"))],
    series: [
      line(
        names[0] ?? "",
        yuan(you, (r) => r.kpis.gmvFen),
        0,
        css(C.accent),
        false,
      ),
      line(
        names[1] ?? "",
        yuan(textbook, (r) => r.kpis.gmvFen),
        0,
        "#4fb3ff",
        true,
      ),
      line(
        names[2] ?? "",
        yuan(you, (r) => r.kpis.netProfitFen),
        1,
        css(C.good),
        false,
      ),
      line(
        names[3] ?? "",
        yuan(textbook, (r) => r.kpis.netProfitFen),
        1,
        "#c28bff",
        true,
      ),
    ],
  };
}
