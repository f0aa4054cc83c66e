// Week report in 生意参谋 terms: KPI cards with week-on-week change, the conversion funnel,
// traffic by source, per-SKU rank and keywords, and what happened this week.
import type { Kpis, WeekReport as Report } from "../../engine";
import { bi, fixed, items, message, moneyShort, orders, people, percent, t } from "../../i18n";
import { advisorNotes } from "../advisor";
import { addChart } from "../charts/chart-host";
import { funnelOption, trafficOption, trendOption } from "../charts/report-charts";
import { incomeRows, topDriverLines } from "../explain-text";
import { formatKpi, kpiDelta, kpiLabel, riseIsGood, roasText } from "../format-kpi";
import { type ReportTab, type ReportTable, reportTables, reportTabs, stockCoverDays } from "../report-sections";
import { reviewKeys } from "../review-text";
import { playSfx } from "../sfx";
import { C, DESIGN_H, DESIGN_W, FS } from "../theme";
import { Button } from "../widgets/button";
import { Card } from "../widgets/card";
import { addKpiCard } from "../widgets/kpi-card";
import { addText, clipText, fitText, measureWidth } from "../widgets/text";
import { BaseScene } from "./base-scene";

/** The report's KPI cards, in reading order (2 rows of 5). */
const KPI_CARDS: (keyof Kpis)[] = [
  "uv",
  "conversionRate",
  "aovFen",
  "gmvFen",
  "addToCartRate",
  "grossProfitFen",
  "netProfitFen",
  "adSpendFen",
  "dsr",
  "stockoutDays",
];

/** Space between table columns. */
const COL_GAP = 10;

/**
 * Column widths of a topic table within `inner`: each column as wide as its widest cell; when they do
 * not all fit, the widest columns are capped to a common width (they wrap) and the narrow ones (numbers)
 * keep theirs. Space left over is shared out, the name column taking its usual share first.
 */
function columnWidths(tb: ReportTable, inner: number): { widths: number[]; wraps: boolean } {
  const n = tb.columns.length;
  const avail = inner - COL_GAP * (n - 1);
  const header = n > 2;
  const nat = tb.columns.map(
    (c, i) =>
      Math.max(
        header ? measureWidth(c, FS.tiny) : 0,
        ...tb.rows.map((r) => measureWidth(r[i] ?? "", FS.tiny, i === 0)),
      ) + 2,
  );
  const sum = nat.reduce((a, b) => a + b, 0);
  if (sum > avail) {
    // Water-filling: the largest cap such that the capped widths fit.
    const sorted = [...nat].sort((a, b) => a - b);
    let rest = avail;
    let cap = avail / n;
    for (let k = 0; k < n; k++) {
      const share = rest / (n - k);
      if ((sorted[k] ?? 0) <= share) rest -= sorted[k] ?? 0;
      else {
        cap = share;
        break;
      }
    }
    return { widths: nat.map((v) => Math.floor(Math.min(v, cap))), wraps: true };
  }
  const out = [...nat];
  let extra = avail - sum;
  const firstWant = Math.round(avail * (tb.firstShare ?? (n > 2 ? 0.34 : 0.5)));
  const grow = Math.min(extra, Math.max(0, firstWant - (out[0] ?? 0)));
  out[0] = (out[0] ?? 0) + grow;
  extra -= grow;
  return { widths: out.map((v, i) => (n > 1 ? (i === 0 ? v : v + extra / (n - 1)) : v + extra)), wraps: false };
}

/** Overview (charts + advisor), details (SKUs, events, reviews, ledger) or a topic tab; kept across restarts. */
let tab: ReportTab = "overview";
/** The week whose arrival sound was played (a language switch must not replay it). */
let soundedFor = "";

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
    const tag = `${game.seed}|${scenario.id}|${report.week}`;
    if (soundedFor !== tag) {
      soundedFor = tag;
      playSfx(report.kpis.orders > 0 ? "cash" : "chime");
    }
    // Topic tabs appear only where the scenario's mechanisms produced data (src/ui/report-sections.ts).
    const tabs = reportTabs(scenario, report);
    if (!tabs.includes(tab)) tab = "overview";
    const tabW = Math.min(140, Math.floor((DESIGN_W - 300 - 220 - (tabs.length - 1) * 8) / tabs.length));
    const tabX = Math.round((DESIGN_W - (tabs.length * tabW + (tabs.length - 1) * 8)) / 2) + 20;
    tabs.forEach((k, i) => {
      new Button(this, {
        id: `report.tab.${k}`,
        x: tabX + i * (tabW + 8),
        y: 22,
        w: tabW,
        h: 40,
        label: `${tab === k ? "● " : ""}${t(`rep.tab.${k}`)}`,
        variant: "chip",
        size: tabs.length > 4 ? FS.small : FS.body,
        selected: tab === k,
        focus: this.focus,
        onClick: () => {
          tab = k;
          this.scene.restart();
        },
      });
    });

    // KPI cards: 2 rows of 5.
    const cw = (DESIGN_W - 48 - 4 * 10) / 5;
    KPI_CARDS.forEach((kpi, i) => {
      const now = report.kpis[kpi];
      let value = formatKpi(kpi, now);
      if (kpi === "adSpendFen")
        value = `${value} · ${t("kpi.roasShort", { v: roasText(report.kpis.roas, report.kpis.adSpendFen) })}`;
      if (kpi === "addToCartRate" && report.kpis.uv > 0)
        value = `${value} · ${t("kpi.favShort", { v: percent(report.funnel.favourites / report.kpis.uv, 1) })}`;
      if (kpi === "stockoutDays") {
        const cover = stockCoverDays(report);
        value = `${value} · ${cover === null ? t("kpi.stockCoverNone") : t("kpi.stockCoverV", { n: fixed(cover, 0) })}`;
      }
      let delta = null;
      if (prev) {
        const d = kpiDelta(kpi, now, prev.kpis[kpi]);
        const good = riseIsGood(kpi);
        delta = {
          ...d,
          text: t("report.vsLast", { delta: d.text }),
          good: good === null ? null : d.dir > 0 ? good : !good,
        };
      }
      addKpiCard(this, {
        x: 24 + (i % 5) * (cw + 10),
        y: 88 + Math.floor(i / 5) * 88,
        w: cw,
        h: 80,
        // Rates say their base: all visitors (the funnel's steps are each of the step before).
        name:
          kpi === "conversionRate" || kpi === "addToCartRate" ? `${kpiLabel(kpi)} · ${t("kpi.ofAll")}` : kpiLabel(kpi),
        value,
        delta,
        deltaNone: `■ ${t("report.first")}`,
      });
    });

    const top = 88 + 2 * 88 + 2;
    const bottom = DESIGN_H - 80;
    const h = bottom - top;
    if (tab === "overview") {
      // The overview opens with why the week moved: the engine's three biggest drivers (src/engine/explain.ts).
      const dh = this.drawDrivers(report, prev, 24, top, DESIGN_W - 48);
      const ct = top + dh + 8;
      const chartH = bottom - ct;
      // Charts under the drivers keep a one-line title (FS.small) so their plots keep their height.
      this.chartCard("report.trend", t("report.trend"), 24, ct, 452, chartH, () => trendOption(report), true);
      const half = Math.floor((chartH - 8) / 2);
      this.chartCard("report.traffic", t("report.traffic"), 488, ct, 318, half, () => trafficOption(report), true);
      this.chartCard(
        "report.funnel",
        t("report.funnel"),
        488,
        ct + half + 8,
        318,
        chartH - half - 8,
        () => funnelOption(report),
        true,
      );
      this.drawAdvisor(report, prev, 818, ct, DESIGN_W - 818 - 24, chartH);
    } else if (tab === "details") {
      this.drawSkus(report, 24, top, 400, h);
      this.drawEvents(report, 436, top, 420, h);
      this.drawIncome(report, 868, top, DESIGN_W - 868 - 24, h);
    } else {
      this.drawTables(reportTables(tab, scenario, report), 24, top, DESIGN_W - 48, h);
    }

    const by = DESIGN_H - 68;
    new Button(this, {
      id: "report.glossary",
      x: 24,
      y: by,
      w: 180,
      h: 52,
      label: `✎ ${t("report.glossary")}`,
      size: FS.h3,
      focus: this.focus,
      onClick: () => this.s.openAside("glossary"),
    });
    new Button(this, {
      id: "report.dashboard",
      x: 214,
      y: by,
      w: 180,
      h: 52,
      label: `▤ ${t("report.dashboard")}`,
      size: FS.h3,
      focus: this.focus,
      onClick: () => this.s.openAside("dashboard"),
    });
    const last = game.status !== "playing";
    new Button(this, {
      id: "report.continue",
      x: DESIGN_W - 24 - 320,
      y: by - 4,
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

  /** A card with a Phaser title and an echarts chart filling the rest (loaded lazily); `compact`: a small title. */
  private chartCard(
    id: string,
    title: string,
    x: number,
    y: number,
    w: number,
    h: number,
    option: () => object,
    compact = false,
  ): void {
    const card = compact ? new Card(this, { x, y, w, h }) : new Card(this, { x, y, w, h, title });
    const contentY = compact ? 30 : card.contentY;
    if (compact) card.add(addText(this, 16, 8, title, { size: FS.small, bold: true }));
    const loading = addText(this, w / 2, h / 2, t("report.chartLoading"), {
      size: FS.small,
      color: C.faint,
      originX: 0.5,
    });
    card.add(loading);
    addChart(this, id, x + 6, y + contentY, w - 12, h - contentY - 6, option(), () => loading.destroy());
  }

  private drawAdvisor(r: Report, prev: Report | undefined, x: number, y: number, w: number, h: number): void {
    const { scenario, game } = this.s;
    if (!scenario || !game) return;
    const card = new Card(this, { x, y, w, h, title: `✦ ${t("report.advisor")}` });
    let cy = card.contentY;
    for (const n of advisorNotes(scenario, game, r, prev, this.s.reports)) {
      if (cy > h - 60) break;
      const mark = addText(this, 16, cy, n.good ? "✓" : "!", {
        size: FS.h3,
        bold: true,
        color: n.good ? C.good : C.warn,
      });
      const body = addText(this, 40, cy, n.text, { size: FS.small, width: w - 56, maxLines: 4 });
      const cite = addText(this, 40, cy + body.height + 2, t("adv.cite", { code: n.code, section: t(n.section) }), {
        size: FS.tiny,
        color: C.accentHi,
        width: w - 56,
        maxLines: 2,
      });
      if (cy + body.height + cite.height > h - 8) {
        // No room for the whole note: leave it out rather than spill over the card's edge.
        for (const o of [mark, body, cite]) o.destroy();
        break;
      }
      card.add([mark, body, cite]);
      cy += body.height + cite.height + 14;
    }
  }

  /**
   * Topic tables: up to three cards side by side, widths by weight. With more, the first (main)
   * table takes the left column at full height and the others share a 2×2 grid on the right.
   * Rows that do not fit end with "+N more" rather than spill.
   */
  private drawTables(tables: ReportTable[], x: number, y: number, w: number, h: number): void {
    const gap = 12;
    if (tables.length <= 3) {
      const total = tables.reduce((a, tb) => a + (tb.weight ?? 1), 0);
      let cx = x;
      for (const tb of tables) {
        const cw = Math.floor(((w - gap * (tables.length - 1)) * (tb.weight ?? 1)) / total);
        this.drawTable(tb, cx, y, cw, h);
        cx += cw + gap;
      }
      return;
    }
    const [main, ...rest] = tables;
    const mainW = Math.round(w * 0.46);
    this.drawTable(main!, x, y, mainW, h);
    const gw = (w - mainW - gap * 2) / 2;
    const gh = (h - gap) / 2;
    rest.slice(0, 4).forEach((tb, i) => {
      this.drawTable(tb, x + mainW + gap + (i % 2) * (gw + gap), y + Math.floor(i / 2) * (gh + gap), gw, gh);
    });
  }

  private drawTable(tb: ReportTable, x: number, y: number, w: number, h: number): void {
    const card = new Card(this, { x, y, w, h, title: tb.title });
    const inner = w - 32;
    const { widths, wraps } = columnWidths(tb, inner);
    // Column 0 is left-aligned at 16; column i ≥ 1 is right-aligned at its right edge.
    const rights: number[] = [];
    widths.reduce((acc, cw, i) => {
      rights[i] = acc + cw;
      return acc + cw + COL_GAP;
    }, 16);
    const lineH = 18;
    const note = tb.note
      ? addText(this, 16, 0, tb.note, { size: FS.tiny, color: C.accentHi, width: inner, maxLines: 3 })
      : null;
    const noteH = note ? note.height + 8 : 0;
    // A cell wraps within its column (long promotion terms, SKU names) instead of losing its tail.
    const cell = (text: string, i: number, cy: number, style: { bold?: boolean; color?: number }) =>
      addText(this, i === 0 ? 16 : (rights[i] ?? 0), cy, text, {
        size: FS.tiny,
        originX: i === 0 ? 0 : 1,
        align: i === 0 ? "left" : "right",
        width: widths[i] ?? inner,
        lineSpacing: 1,
        ...style,
      });
    const oneLine = addText(this, 0, 0, "0", { size: FS.tiny });
    const lineTextH = oneLine.height;
    oneLine.destroy();
    /** Draws a row at cy; returns its height (one line: lineH). */
    const row = (cells: string[], cy: number, style: (i: number) => { bold?: boolean; color?: number }) => {
      const objs = cells.map((c, i) => cell(c, i, cy, style(i)));
      const tallest = Math.max(lineTextH, ...objs.map((o) => o.height));
      // Tables with wrapped cells get a little air (and a rule) between rows.
      return { objs, height: lineH + tallest - lineTextH + (wraps ? 6 : 0) };
    };
    let cy = card.contentY;
    // Two-column tables are item → value lists: a header would only say so.
    if (tb.columns.length > 2) {
      const head = row(tb.columns, cy, () => ({ color: C.muted }));
      card.add(head.objs);
      cy += head.height + 2;
    }
    const limit = h - noteH - 8;
    const rules = this.add.graphics();
    card.add(rules);
    let shown = 0;
    for (const [k, r] of tb.rows.entries()) {
      const drawn = row(r, cy, (i) => ({ bold: i === 0 }));
      // Room for this row, and for the "+N more" line if rows remain after it.
      const needMore = k < tb.rows.length - 1 ? lineH : 0;
      if (cy + drawn.height + needMore > limit) {
        for (const o of drawn.objs) o.destroy();
        break;
      }
      card.add(drawn.objs);
      if (wraps && k > 0) {
        // A faint rule between rows, so wrapped cells read as one row.
        rules.lineStyle(1, C.line, 0.6);
        rules.lineBetween(16, cy - 4, w - 16, cy - 4);
      }
      cy += drawn.height;
      shown++;
    }
    if (shown < tb.rows.length) {
      card.add(
        addText(this, 16, cy, t("report.more", { n: tb.rows.length - shown }), { size: FS.tiny, color: C.muted }),
      );
    }
    if (note) {
      note.setY(h - 8 - note.height);
      card.add(note);
    }
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

  /** The three biggest drivers of the week in plain words, each with its principle; returns the card's height. */
  private drawDrivers(r: Report, prev: Report | undefined, x: number, y: number, w: number): number {
    const { scenario } = this.s;
    if (!scenario) return 0;
    const lines = topDriverLines(scenario, r, prev, this.s.game?.lastTurn);
    const rowH = 20;
    const first = 30;
    const h = first + Math.max(1, lines.length) * rowH + 4;
    const card = new Card(this, { x, y, w, h });
    card.add(addText(this, 16, 7, `⚑ ${t("exp.title")}`, { size: FS.small, bold: true, color: C.accentHi }));
    if (lines.length === 0) {
      const msg = prev ? t("exp.none") : t("exp.first");
      card.add(addText(this, 16, first, msg, { size: FS.small, color: C.muted }));
      return h;
    }
    lines.forEach((l, i) => {
      const cy = first + i * rowH;
      const mark = addText(this, 16, cy, l.good ? "▲" : "▼", {
        size: FS.small,
        bold: true,
        color: l.good ? C.good : C.warn,
      });
      const code = addText(this, w - 16, cy + 1, l.principle, { size: FS.tiny, color: C.accentHi, originX: 1 });
      fitText(code, 280, 10);
      const textW = w - 16 - 36 - code.width - 16;
      const body = addText(this, 36, cy, l.text, { size: FS.small });
      fitText(body, textW, 11);
      if (body.width > textW) clipText(body, textW);
      card.add([mark, body, code]);
    });
    return h;
  }

  /** 本周损益表: list sales to net profit, reconciling with the KPI cards (src/engine/income.ts). */
  private drawIncome(r: Report, x: number, y: number, w: number, h: number): void {
    const card = new Card(this, { x, y, w, h, title: t("inc.title") });
    const { rows, cashNote } = incomeRows(r);
    const note = cashNote
      ? addText(this, 16, 0, cashNote, { size: FS.tiny, color: C.muted, width: w - 32, maxLines: 2 })
      : null;
    const noteH = note ? note.height + 6 : 0;
    const avail = h - card.contentY - 8 - noteH;
    const lineH = Math.max(14, Math.min(19, Math.floor(avail / Math.max(1, rows.length))));
    rows.forEach((row, i) => {
      const cy = card.contentY + i * lineH;
      const strong = row.kind !== "line";
      const label = addText(this, 16, cy, row.label, {
        size: FS.tiny,
        bold: strong,
        color: strong ? C.text : C.muted,
      });
      const value = addText(this, w - 16, cy, row.value, {
        size: FS.tiny,
        bold: true,
        color: row.kind === "total" ? (row.fen >= 0 ? C.good : C.bad) : row.fen > 0 ? C.good : C.text,
        originX: 1,
      });
      const labelW = w - 32 - value.width - 8;
      fitText(label, labelW, 10);
      if (label.width > labelW) clipText(label, labelW);
      card.add([label, value]);
      if (strong) {
        const rule = this.add.graphics();
        rule.lineStyle(1, C.line, 0.8);
        rule.lineBetween(16, cy - 1, w - 16, cy - 1);
        card.add(rule);
      }
    });
    if (note) {
      note.setY(h - 8 - note.height);
      card.add(note);
    }
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
      const shown = r.reviews.slice(0, 3);
      const keys = reviewKeys(shown, r.week);
      for (const [i, rv] of shown.entries()) {
        if (cy > h - 30) break;
        const stars = `${"★".repeat(rv.stars)}${"☆".repeat(5 - rv.stars)}`;
        const txt = addText(this, 16, cy, `${stars} ${message(keys[i] ?? rv.key)}`, {
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
