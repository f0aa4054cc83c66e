// Instructor: one trainee's verified best run — score, KPIs, and week by week what they decided
// and what happened — plus their other attempts. Paged a few weeks at a time.
import { getScenario } from "../../content/scenarios";
import { Decision } from "../../engine";
import { money, t } from "../../i18n";
import { apiErrorText, challengeStore, watchChallenge } from "../challenge-ui";
import { formatKpi } from "../format-kpi";
import { describeDecisionIn } from "../panels/pending-text";
import { C, DESIGN_H, DESIGN_W, FS } from "../theme";
import { Button } from "../widgets/button";
import { Card } from "../widgets/card";
import { addText, fitText } from "../widgets/text";
import { BaseScene } from "./base-scene";

const PER_PAGE = 6;

/** One decision in a line of plain words (unknown decision types show their type). */
export function describeDecision(d: { type: string; [k: string]: unknown }): string {
  const sku = typeof d.sku === "string" ? d.sku : "";
  switch (d.type) {
    case "setPrice":
      return t("tl.setPrice", { sku, price: money(Number(d.priceFen)) });
    case "reorder":
      return t("tl.reorder", { sku, qty: Number(d.qty) });
    case "setAds":
      return t("tl.setAds", { budget: money(Number(d.dailyBudgetFen)), target: String(d.target) });
    case "setTitle":
      return t("tl.setTitle", { sku, n: Array.isArray(d.keywords) ? d.keywords.length : 0 });
    case "setImage":
      return t("tl.setImage", { sku, style: String(d.style) });
    case "setDetail":
      return t("tl.setDetail", { sku, n: Array.isArray(d.sections) ? d.sections.length : 0 });
    case "setStore":
      return t("tl.setStore", {
        fields: Object.entries(d)
          .filter(([k]) => k !== "type")
          .map(([k, v]) => `${k}=${String(v)}`)
          .join(", "),
      });
    default:
      return d.type;
  }
}

export class TraineeTimeline extends BaseScene {
  private page = 0;
  private body: Card | null = null;

  constructor() {
    super("TraineeTimeline");
  }

  protected build(): void {
    this.page = 0;
    this.drawBackdrop();
    this.addLangSwitch(DESIGN_W - 196, 20);
    this.render();
    watchChallenge(this, (s, prev) => {
      if (s.trainee !== prev.trainee) this.render();
    });
    new Button(this, {
      id: "tl.back",
      x: DESIGN_W - 24 - 220,
      y: DESIGN_H - 84,
      w: 220,
      h: 56,
      label: `← ${t("tl.back")}`,
      variant: "ghost",
      size: FS.h3,
      focus: this.focus,
      onClick: () => this.s.goTo("instructorClass"),
    });
  }

  /**
   * A decision in the shop's own words, with names from the class's scenario; the plain fallback where
   * the run's decision is not one this engine knows (the server stored it, the game did not make it).
   */
  private describe(d: { type: string; [k: string]: unknown }, week: { type: string }[]): string {
    const klass = challengeStore().getState().klass;
    const sc = klass.challenge ? getScenario(klass.challenge.scenario.id) : undefined;
    const parsed = Decision.safeParse(d);
    if (!sc || !parsed.success) return describeDecision(d);
    const sameTurn = week.flatMap((x) => {
      const p = Decision.safeParse(x);
      return p.success ? [p.data] : [];
    });
    return describeDecisionIn(sc, parsed.data, sameTurn);
  }

  private render(): void {
    this.body?.destroy();
    const { trainee } = challengeStore().getState();
    const root = new Card(this, { x: 0, y: 0, w: 1, h: 1, fill: C.bg, stroke: C.bg });
    root.bg.setVisible(false);
    this.body = root;
    const title = addText(this, 24, 18, t("tl.title", { name: trainee.name ?? "" }), { size: FS.h1, bold: true });
    fitText(title, DESIGN_W - 260, 16);
    root.add(title);
    const d = trainee.detail;
    if (trainee.status !== "ok" || !d) {
      const msg = trainee.status === "error" ? `⚠ ${apiErrorText(trainee.error)}` : t("ch.loading");
      root.add(addText(this, 24, 100, msg, { size: FS.body, color: trainee.status === "error" ? C.bad : C.muted }));
      return;
    }
    const best = d.best;
    const attempts = d.submissions.length;
    const rejected = d.submissions.filter((s) => !s.verified).length;
    // Summary strip.
    const strip = new Card(this, { x: 24, y: 80, w: DESIGN_W - 48, h: 92, parent: root });
    const items: [string, string][] = best?.kpis
      ? [
          [t("lb.score"), `${best.score ?? 0} ${"★".repeat(best.stars ?? 0)}`],
          [t("kpi.gmv"), formatKpi("gmvFen", best.kpis.gmvFen)],
          [t("kpi.orders"), formatKpi("orders", best.kpis.orders)],
          [t("kpi.conversionRate"), formatKpi("conversionRate", best.kpis.conversionRate)],
          [t("kpi.netProfit"), formatKpi("netProfitFen", best.kpis.netProfitFen)],
          [t("kpi.dsr"), formatKpi("dsr", best.kpis.dsr)],
          [t("tl.attempts"), t("tl.attemptsValue", { n: attempts, rejected })],
        ]
      : [[t("tl.attempts"), t("tl.attemptsValue", { n: attempts, rejected })]];
    const colW = (DESIGN_W - 48 - 32) / items.length;
    items.forEach(([label, value], i) => {
      const l = addText(this, 16 + i * colW, 14, label, { size: FS.tiny, color: C.muted });
      const v = addText(this, 16 + i * colW, 36, value, {
        size: FS.h3,
        bold: true,
        color: i === 0 ? C.accentHi : C.text,
      });
      fitText(l, colW - 10, 9);
      fitText(v, colW - 10, 11);
      strip.add([l, v]);
    });
    if (!best) {
      root.add(addText(this, 24, 190, t("tl.noVerified"), { size: FS.body, color: C.muted }));
      return;
    }
    // Weeks.
    const weeks = best.timeline;
    const pages = Math.max(1, Math.ceil(weeks.length / PER_PAGE));
    this.page = Math.min(this.page, pages - 1);
    const card = new Card(this, {
      x: 24,
      y: 184,
      w: DESIGN_W - 48,
      h: DESIGN_H - 184 - 100,
      title: t("tl.weeks", { page: this.page + 1, pages }),
      parent: root,
    });
    const cw = DESIGN_W - 48;
    let y = card.contentY;
    const head: [string, number][] = [
      [t("tl.week"), 16],
      [t("kpi.uv"), 120],
      [t("kpi.orders"), 260],
      [t("kpi.gmv"), 380],
      [t("kpi.netProfit"), 500],
      [t("tl.decisions"), 630],
    ];
    for (const [label, x] of head) {
      const h = addText(this, x, y, label, { size: FS.small, color: C.muted });
      fitText(h, 124, 10);
      card.add(h);
    }
    y += 26;
    const rowH = Math.floor((card.bg.height - y - 8) / PER_PAGE);
    for (const w of weeks.slice(this.page * PER_PAGE, (this.page + 1) * PER_PAGE)) {
      const cells: [string, number, number][] = [
        [t("tl.weekN", { n: w.week }), 16, C.text],
        [formatKpi("uv", w.kpis.uv), 120, C.text],
        [formatKpi("orders", w.kpis.orders), 260, C.text],
        [formatKpi("gmvFen", w.kpis.gmvFen), 380, C.text],
        [formatKpi("netProfitFen", w.kpis.netProfitFen), 500, w.kpis.netProfitFen < 0 ? C.bad : C.good],
      ];
      for (const [text, x, color] of cells) {
        const c = addText(this, x, y, text, { size: FS.body, color, bold: x === 16 });
        fitText(c, 124, 10);
        card.add(c);
      }
      const decisions =
        w.decisions.length === 0 ? t("tl.noChange") : w.decisions.map((x) => this.describe(x, w.decisions)).join(" · ");
      const dt = addText(this, 630, y, decisions, {
        size: FS.small,
        color: w.decisions.length === 0 ? C.faint : C.text,
        width: cw - 630 - 16,
        maxLines: 2,
      });
      card.add(dt);
      y += rowH;
    }
    if (pages > 1) {
      const prev = new Button(this, {
        id: "tl.prev",
        x: 24,
        y: DESIGN_H - 84,
        w: 180,
        h: 56,
        label: `‹ ${t("tl.prev")}`,
        variant: "secondary",
        size: FS.h3,
        enabled: this.page > 0,
        focus: this.focus,
        onClick: () => {
          this.page--;
          this.render();
        },
      });
      const next = new Button(this, {
        id: "tl.next",
        x: 220,
        y: DESIGN_H - 84,
        w: 180,
        h: 56,
        label: `${t("tl.next")} ›`,
        variant: "secondary",
        size: FS.h3,
        enabled: this.page < pages - 1,
        focus: this.focus,
        onClick: () => {
          this.page++;
          this.render();
        },
      });
      root.add([prev, next]);
    }
  }
}
