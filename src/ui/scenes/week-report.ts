// Week report in 生意参谋 terms: KPI cards with week-on-week change, the conversion funnel,
// traffic by source, per-SKU rank and keywords, and what happened this week.
import type { Kpis, WeekReport as Report } from "../../engine";
import { LEDGER_CATEGORIES } from "../../engine";
import { bi, fixed, items, message, money, moneyShort, orders, people, percent, t } from "../../i18n";
import { formatKpi, kpiDelta, riseIsGood } from "../format-kpi";
import { C, DESIGN_H, DESIGN_W, FS } from "../theme";
import { Button } from "../widgets/button";
import { Card } from "../widgets/card";
import { addKpiCard } from "../widgets/kpi-card";
import { addText, fitText } from "../widgets/text";
import { BaseScene } from "./base-scene";

const KPI_CARDS: { key: string; kpi: keyof Kpis }[] = [
  { key: "kpi.uv", kpi: "uv" },
  { key: "kpi.conversionRate", kpi: "conversionRate" },
  { key: "kpi.aov", kpi: "aovFen" },
  { key: "kpi.gmv", kpi: "gmvFen" },
  { key: "kpi.addToCartRate", kpi: "addToCartRate" },
  { key: "kpi.grossProfit", kpi: "grossProfitFen" },
  { key: "kpi.netProfit", kpi: "netProfitFen" },
  { key: "kpi.adSpend", kpi: "adSpendFen" },
  { key: "kpi.dsr", kpi: "dsr" },
  { key: "kpi.stockoutDays", kpi: "stockoutDays" },
];

export class WeekReport extends BaseScene {
  constructor() {
    super("WeekReport");
  }

  protected build(): void {
    const { scenario, reports, game } = this.s;
    const report = reports[reports.length - 1];
    const prev = reports[reports.length - 2];
    if (!scenario || !report || !game) {
      this.s.goTo("menu");
      return;
    }
    this.drawBackdrop();
    addText(this, 24, 18, t("report.title", { week: report.week + 1 }), { size: FS.h1, bold: true });
    addText(this, 26, 62, `${bi(scenario.title)} · ${t("report.kpis")}`, { size: FS.small, color: C.muted });
    this.addLangSwitch(DESIGN_W - 196, 20);

    // KPI cards: 2 rows of 5.
    const cw = (DESIGN_W - 48 - 4 * 10) / 5;
    KPI_CARDS.forEach((k, i) => {
      const now = report.kpis[k.kpi];
      let value = formatKpi(k.kpi, now);
      if (k.kpi === "adSpendFen") value = `${value} · ${t("kpi.roasShort", { v: fixed(report.kpis.roas, 2) })}`;
      let delta = null;
      if (prev) {
        const d = kpiDelta(k.kpi, now, prev.kpis[k.kpi]);
        const good = riseIsGood(k.kpi);
        delta = {
          ...d,
          text: t("report.vsLast", { delta: d.text }),
          good: good === null ? null : d.dir > 0 ? good : !good,
        };
      }
      addKpiCard(this, {
        x: 24 + (i % 5) * (cw + 10),
        y: 92 + Math.floor(i / 5) * 96,
        w: cw,
        h: 86,
        name: t(k.key),
        value,
        delta,
        deltaNone: `■ ${t("report.first")}`,
      });
    });

    const top = 92 + 2 * 96 + 6;
    const bottom = DESIGN_H - 84;
    this.drawFunnel(report, 24, top, 440, bottom - top);
    this.drawTraffic(report, 476, top, 380, 150);
    this.drawSkus(report, 476, top + 160, 380, bottom - top - 160);
    const evH = Math.round((bottom - top) * 0.52);
    this.drawEvents(report, 868, top, DESIGN_W - 868 - 24, evH);
    this.drawLedger(report, 868, top + evH + 10, DESIGN_W - 868 - 24, bottom - top - evH - 10);

    const last = game.status !== "playing";
    new Button(this, {
      id: "report.continue",
      x: DESIGN_W - 24 - 320,
      y: DESIGN_H - 72,
      w: 320,
      h: 56,
      label: `${last ? t("report.toDebrief") : t("report.continue")} ›`,
      variant: "primary",
      size: FS.h2,
      focus: this.focus,
      onClick: () => this.s.continueFromReport(),
    });
    this.focus.onDefaultEnter = () => this.s.continueFromReport();
  }

  private drawFunnel(r: Report, x: number, y: number, w: number, h: number): void {
    const card = new Card(this, { x, y, w, h, title: t("report.funnel") });
    const f = r.funnel;
    const steps: [string, number][] = [
      [t("funnel.visitors"), f.visitors],
      [t("funnel.engaged"), f.engaged],
      [t("funnel.addToCart"), f.addToCart],
      [t("funnel.orders"), f.orders],
      [t("funnel.paid"), f.paid],
    ];
    const g = this.add.graphics();
    card.add(g);
    const top = card.contentY;
    const rowH = (h - top - 12) / steps.length;
    const labelW = 150;
    const rateW = 70;
    const barX = 16 + labelW;
    const maxW = w - barX - rateW - 16;
    const v0 = Math.max(1, f.visitors);
    const colors = [0x4fb3ff, 0x5fa8f0, 0xffa04d, 0xff8a3d, C.accent];
    steps.forEach(([label, v], i) => {
      // √ scale so a 2% step is still visible; the numbers carry the exact values.
      const bw = Math.max(8, maxW * Math.sqrt(Math.max(0, v) / v0));
      const by = top + i * rowH;
      const midY = by + rowH / 2 - 4;
      g.fillStyle(colors[i] ?? C.accent, 0.9);
      g.fillRoundedRect(barX + (maxW - bw) / 2, by + 4, bw, rowH - 16, 6);
      const name = addText(this, 16, midY - 10, label, { size: FS.small, color: C.muted });
      const count = addText(this, 16, midY + 8, people(v), { size: FS.body, bold: true });
      fitText(name, labelW - 8, 10);
      fitText(count, labelW - 8, 11);
      card.add([name, count]);
      if (i > 0) {
        const prevV = steps[i - 1]?.[1] ?? 0;
        const rate = `→ ${prevV > 0 ? percent(v / prevV) : "—"}`;
        card.add(addText(this, w - 16, midY, rate, { size: FS.small, color: C.text, originX: 1, originY: 0.5 }));
      }
    });
  }

  private drawTraffic(r: Report, x: number, y: number, w: number, h: number): void {
    const card = new Card(this, { x, y, w, h, title: t("report.traffic") });
    const src: [string, number, number][] = [
      [t("traffic.search"), r.traffic.search, 0x4fb3ff],
      [t("traffic.ads"), r.traffic.ads, C.accent],
      [t("traffic.home"), r.traffic.home, C.good],
    ];
    const total = Math.max(
      1,
      src.reduce((a, s) => a + s[1], 0),
    );
    const g = this.add.graphics();
    card.add(g);
    const barY = card.contentY;
    let bx = 16;
    const barW = w - 32;
    for (const [, v, c] of src) {
      const sw = (barW * v) / total;
      g.fillStyle(c, 1);
      g.fillRect(bx, barY, sw, 14);
      bx += sw;
    }
    src.forEach(([label, v, c], i) => {
      const ly = barY + 24 + i * 22;
      g.fillStyle(c, 1);
      g.fillRect(16, ly + 5, 10, 10);
      card.add(addText(this, 32, ly, `${label}  ${people(v)}（${percent(v / total, 0)}）`, { size: FS.small }));
    });
  }

  private drawSkus(r: Report, x: number, y: number, w: number, h: number): void {
    const sc = this.s.scenario;
    if (!sc) return;
    const card = new Card(this, { x, y, w, h, title: t("report.skus") });
    let cy = card.contentY;
    for (const s of r.skus) {
      const name = sc.skus.find((k) => k.id === s.id)?.name;
      const rank = s.avgRank > 0 ? t("report.rank", { rank: fixed(s.avgRank, 0) }) : t("report.rankNone");
      const head = addText(this, 16, cy, `${name ? bi(name) : s.id} · ${rank}`, { size: FS.small, bold: true });
      fitText(head, w - 32, 10);
      const line = addText(
        this,
        16,
        cy + 20,
        t("report.skuLine", {
          uv: people(s.uv),
          orders: orders(s.orders),
          gmv: moneyShort(s.gmvFen),
          stock: items(s.stockEnd),
        }),
        { size: FS.tiny, color: C.muted },
      );
      fitText(line, w - 32, 9);
      const kws = [...s.keywords]
        .filter((k) => k.rank > 0)
        .sort((a, b) => b.uv - a.uv)
        .slice(0, 3)
        .map((k) => {
          const kw = sc.market.keywords.find((m) => m.id === k.id);
          return t("report.kwRank", { kw: kw ? bi(kw.text) : k.id, rank: k.rank });
        });
      const kwLine = addText(this, 16, cy + 38, kws.join("  ·  ") || "—", { size: FS.tiny, color: C.text });
      fitText(kwLine, w - 32, 9);
      card.add([head, line, kwLine]);
      cy += 62;
      if (cy > h - 40) break;
    }
  }

  private drawLedger(r: Report, x: number, y: number, w: number, h: number): void {
    const card = new Card(this, { x, y, w, h, title: t("report.ledger") });
    const rows = LEDGER_CATEGORIES.map((c) => [c, r.ledger[c] ?? 0] as const).filter(([, v]) => v !== 0);
    const colW = (w - 32) / 2;
    const lineH = 22;
    const perCol = Math.max(1, Math.floor((h - card.contentY - 8) / lineH));
    rows.slice(0, perCol * 2).forEach(([cat, v], i) => {
      const cx = 16 + Math.floor(i / perCol) * colW;
      const cy = card.contentY + (i % perCol) * lineH;
      const label = addText(this, cx, cy, t(`ledger.${cat}`), { size: FS.tiny, color: C.muted });
      const value = addText(this, cx + colW - 12, cy, v > 0 ? `+${money(v)}` : money(v), {
        size: FS.tiny,
        bold: true,
        color: v > 0 ? C.good : C.text,
        originX: 1,
      });
      card.add([label, value]);
    });
  }

  private drawEvents(r: Report, x: number, y: number, w: number, h: number): void {
    const sc = this.s.scenario;
    const card = new Card(this, { x, y, w, h, title: t("report.events") });
    const resolve = (param: string, value: string) => {
      if (param !== "sku" || !sc) return undefined;
      const s = sc.skus.find((k) => k.id === value);
      return s ? bi(s.name) : undefined;
    };
    let cy = card.contentY;
    const events =
      r.events.length > 0
        ? r.events.map((e) => `• ${message(e.key, e.params ?? {}, resolve)}`)
        : [t("report.noEvents")];
    for (const line of events) {
      if (cy > h - 110) break;
      const txt = addText(this, 16, cy, line, { size: FS.small, width: w - 32 });
      card.add(txt);
      cy += txt.height + 6;
    }
    if (r.reviews.length > 0) {
      cy += 6;
      card.add(addText(this, 16, cy, t("report.reviews"), { size: FS.small, bold: true, color: C.muted }));
      cy += 24;
      for (const rv of r.reviews.slice(0, 3)) {
        if (cy > h - 30) break;
        const stars = `${"★".repeat(rv.stars)}${"☆".repeat(5 - rv.stars)}`;
        const txt = addText(this, 16, cy, `${stars} ${message(rv.key)}`, {
          size: FS.small,
          width: w - 32,
          color: rv.stars >= 4 ? C.text : C.warn,
        });
        card.add(txt);
        cy += txt.height + 4;
      }
    }
  }
}
