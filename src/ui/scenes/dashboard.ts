// Dashboard: the run so far, week by week — money (GMV bars, net profit line), conversion and DSR,
// and a table of the key numbers with units. Reached from the week report and the shop's HUD.
import type { Kpis } from "../../engine";
import { bi, t } from "../../i18n";
import { addChart } from "../charts/chart-host";
import { moneyWeeksOption, ratesWeeksOption } from "../charts/report-charts";
import { formatKpi, kpiLabel } from "../format-kpi";
import { C, DESIGN_H, DESIGN_W, FS } from "../theme";
import { Card } from "../widgets/card";
import { backButton } from "../widgets/page-buttons";
import { addText, fitText } from "../widgets/text";
import { BaseScene } from "./base-scene";

/** The KPIs compared week by week, one row each. */
const ROWS: (keyof Kpis)[] = ["uv", "orders", "gmvFen", "conversionRate", "netProfitFen", "dsr", "stockoutDays"];

export class Dashboard extends BaseScene {
  constructor() {
    super("Dashboard");
  }

  protected build(): void {
    const { scenario, reports } = this.s;
    this.drawBackdrop();
    addText(this, 24, 18, `▤ ${t("dash.title")}`, { size: FS.h1, bold: true });
    this.addLangSwitch(DESIGN_W - 196, 20);
    if (scenario) {
      addText(this, 26, 64, t("dash.sub", { title: bi(scenario.title), n: reports.length }), {
        size: FS.small,
        color: C.muted,
      });
    }
    if (!scenario || reports.length === 0) {
      addText(this, DESIGN_W / 2, 300, t("dash.empty"), { size: FS.h3, color: C.muted, originX: 0.5, width: 700 });
    } else {
      const w = (DESIGN_W - 48 - 12) / 2;
      const h = 290;
      const c1 = new Card(this, { x: 24, y: 96, w, h, title: t("dash.money") });
      addChart(this, "dash.money", 30, 96 + c1.contentY, w - 12, h - c1.contentY - 6, moneyWeeksOption(reports));
      const c2 = new Card(this, { x: 36 + w, y: 96, w, h, title: t("dash.rates") });
      addChart(this, "dash.rates", 42 + w, 96 + c2.contentY, w - 12, h - c2.contentY - 6, ratesWeeksOption(reports));
      this.drawTable(24, 96 + h + 12, DESIGN_W - 48, DESIGN_H - 84 - (96 + h + 12) - 8);
    }
    backButton(this, { id: "dashboard.back", x: 24, y: DESIGN_H - 76, focus: this.focus, onBack: () => this.s.back() });
  }

  private drawTable(x: number, y: number, w: number, h: number): void {
    const reports = this.s.reports;
    const card = new Card(this, { x, y, w, h, title: t("dash.table") });
    const shown = reports.slice(-8);
    const labelW = 190;
    const colW = (w - 32 - labelW) / Math.max(1, shown.length);
    const rowH = Math.min(24, (h - card.contentY - 30) / ROWS.length);
    shown.forEach((r, i) => {
      const head = addText(this, 16 + labelW + (i + 1) * colW - 8, card.contentY, t("chart.week", { n: r.week + 1 }), {
        size: FS.small,
        bold: true,
        color: C.muted,
        originX: 1,
      });
      card.add(head);
    });
    ROWS.forEach((kpi, j) => {
      const cy = card.contentY + 24 + j * rowH;
      const label = addText(this, 16, cy, kpiLabel(kpi), { size: FS.small, color: C.muted });
      fitText(label, labelW - 8, 10);
      card.add(label);
      shown.forEach((r, i) => {
        const v = addText(this, 16 + labelW + (i + 1) * colW - 8, cy, formatKpi(kpi, r.kpis[kpi]), {
          size: FS.small,
          originX: 1,
        });
        fitText(v, colW - 10, 9);
        card.add(v);
      });
    });
  }
}
