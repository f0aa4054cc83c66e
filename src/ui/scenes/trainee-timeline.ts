// Instructor: one trainee's verified best run — score, KPIs, and week by week what they decided
// and what happened — plus their other attempts. Paged a few weeks at a time.
import { getScenario } from "../../content/scenarios";
import { Decision, ENGINE_VERSION, scenarioAt, scenarioContentHash } from "../../engine";
import { money, t } from "../../i18n";
import { breakLines } from "../../i18n/line-break";
import { apiErrorText, challengeStore, watchChallenge } from "../challenge-ui";
import { formatKpi } from "../format-kpi";
import { describeDecisionIn } from "../panels/pending-text";
import { C, DESIGN_H, DESIGN_W, FS } from "../theme";
import { Button } from "../widgets/button";
import { Card } from "../widgets/card";
import { addText, fitText, measureWidth } from "../widgets/text";
import { drawWhatIf } from "../widgets/whatif-view";
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
  /** The week whose decisions are opened in full (null: the weeks table). */
  private openWeek: number | null = null;
  private body: Card | null = null;
  /** The weeks table, or what each decision of the best run was worth (kept across a language switch). */
  private view: "weeks" | "whatif" = "weeks";
  private viewFor: string | null = null;

  constructor() {
    super("TraineeTimeline");
  }

  protected build(): void {
    this.page = 0;
    this.openWeek = null;
    const trainee = challengeStore().getState().trainee.name;
    if (trainee !== this.viewFor) {
      this.view = "weeks";
      this.viewFor = trainee;
    }
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

  /** A week's decisions as lines, each once (two hires of a role already read "×2" on one line). */
  private lines(decisions: { type: string; [k: string]: unknown }[]): string[] {
    return [...new Set(decisions.map((x) => this.describe(x, decisions)))];
  }

  private render(): void {
    this.body?.destroy();
    const { trainee } = challengeStore().getState();
    // An invisible full-screen card holding everything that is redrawn (the test hook checks texts against it).
    const root = new Card(this, { x: 0, y: 0, w: DESIGN_W, h: DESIGN_H, fill: C.bg, stroke: C.bg });
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
    const toggle = new Button(this, {
      id: "tl.whatif",
      x: this.view === "weeks" && pages > 1 && this.openWeek === null ? 416 : 24,
      y: DESIGN_H - 84,
      w: 260,
      h: 56,
      label: this.view === "weeks" ? `⚖ ${t("tl.whatif")}` : `‹ ${t("tl.backToWeeks")}`,
      variant: "secondary",
      size: FS.h3,
      focus: this.focus,
      onClick: () => {
        this.view = this.view === "weeks" ? "whatif" : "weeks";
        this.openWeek = null;
        this.render();
      },
    });
    root.add(toggle);
    if (this.view === "whatif") {
      this.drawWhatIf(root, best.id, weeks);
      return;
    }
    this.page = Math.min(this.page, pages - 1);
    const opened = this.openWeek === null ? undefined : weeks.find((w) => w.week === this.openWeek);
    if (opened) {
      this.drawWeek(root, opened);
      return;
    }
    const card = new Card(this, {
      x: 24,
      y: 184,
      w: DESIGN_W - 48,
      h: DESIGN_H - 184 - 100,
      title: t("tl.weeks", { page: this.page + 1, pages }),
      parent: root,
    });
    const cw = DESIGN_W - 48;
    const cols = [16, 110, 226, 330, 440, 556];
    const cellW = (i: number) => (cols[i + 1] ?? 0) - (cols[i] ?? 0) - 10;
    let y = card.contentY;
    const head = [t("tl.week"), t("kpi.uv"), t("kpi.orders"), t("kpi.gmv"), t("kpi.netProfit"), t("tl.decisions")];
    head.forEach((label, i) => {
      const h = addText(this, cols[i] ?? 0, y, label, { size: FS.small, color: C.muted });
      fitText(h, i < 5 ? cellW(i) : 200, 10);
      card.add(h);
    });
    y += 26;
    const rowH = Math.floor((card.bg.height - y - 8) / PER_PAGE);
    const dx = cols[5] ?? 0;
    const dw = cw - dx - 16;
    for (const w of weeks.slice(this.page * PER_PAGE, (this.page + 1) * PER_PAGE)) {
      const cells: [string, number][] = [
        [t("tl.weekN", { n: w.week }), C.text],
        [formatKpi("uv", w.kpis.uv), C.text],
        [formatKpi("orders", w.kpis.orders), C.text],
        [formatKpi("gmvFen", w.kpis.gmvFen), C.text],
        [formatKpi("netProfitFen", w.kpis.netProfitFen), w.kpis.netProfitFen < 0 ? C.bad : C.good],
      ];
      cells.forEach(([text, color], i) => {
        const c = addText(this, cols[i] ?? 0, y, text, { size: FS.body, color, bold: i === 0 });
        fitText(c, cellW(i), 10);
        card.add(c);
      });
      const all = this.lines(w.decisions);
      if (all.length === 0) {
        card.add(addText(this, dx, y, t("tl.noChange"), { size: FS.small, color: C.faint }));
      } else {
        // As many whole decisions as two lines hold; the rest behind "+N more", which opens the week.
        const lines = (text: string, width: number) => breakLines(text, width, (s) => measureWidth(s, FS.small)).length;
        let shown = all.length;
        if (lines(all.join(" · "), dw) > 2) {
          shown = 0;
          while (shown < all.length - 1 && lines(all.slice(0, shown + 1).join(" · "), dw - 120) <= 2) shown++;
        }
        const dt = addText(this, dx, y, all.slice(0, Math.max(1, shown)).join(" · "), {
          size: FS.small,
          color: C.text,
          width: shown < all.length ? dw - 120 : dw,
          maxLines: 2,
        });
        card.add(dt);
        if (shown < all.length) {
          const more = new Button(this, {
            id: `tl.more.${w.week}`,
            x: cw - 16 - 110,
            y: y - 2,
            w: 110,
            h: 30,
            label: t("tl.more", { n: all.length - Math.max(1, shown) }),
            variant: "chip",
            size: FS.small,
            focus: this.focus,
            parent: card,
            onClick: () => {
              this.openWeek = w.week;
              this.render();
            },
          });
          void more;
        }
      }
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

  /** What each decision of the best run was worth: the debrief's what-if, replayed here from the log. */
  private drawWhatIf(root: Card, id: number, weeks: { decisions: { type: string; [k: string]: unknown }[] }[]): void {
    const challenge = challengeStore().getState().klass.challenge;
    const sc = challenge ? getScenario(challenge.scenario.id) : undefined;
    const turns = weeks.map((w) =>
      w.decisions.flatMap((d) => {
        const p = Decision.safeParse(d);
        return p.success ? [p.data] : [];
      }),
    );
    const replayable =
      challenge &&
      sc &&
      challenge.engineVersion === ENGINE_VERSION &&
      challenge.contentHash === scenarioContentHash(sc) &&
      turns.every((turn, i) => turn.length === weeks[i]?.decisions.length);
    if (!replayable || !challenge || !sc) {
      const engine = challenge?.engineVersion ?? "?";
      root.add(
        addText(this, 24, 190, t("tl.whatifUnavailable", { engine }), {
          size: FS.body,
          color: C.muted,
          width: DESIGN_W - 48,
        }),
      );
      return;
    }
    drawWhatIf(this, {
      x: 24,
      y: 184,
      w: DESIGN_W - 48,
      h: DESIGN_H - 184 - 100,
      key: `challenge|${challenge.code}|${id}`,
      scenario: scenarioAt(sc, challenge.difficulty), // the market the class played
      seed: challenge.seed,
      turns,
      introKey: "tl.whatifIntro",
      parent: root,
    });
  }

  /** One week's decisions in full, one per line in two columns, with a way back to the weeks. */
  private drawWeek(root: Card, w: { week: number; decisions: { type: string; [k: string]: unknown }[] }): void {
    const cw = DESIGN_W - 48;
    const ch = DESIGN_H - 184 - 100;
    const all = this.lines(w.decisions);
    const card = new Card(this, {
      x: 24,
      y: 184,
      w: cw,
      h: ch,
      title: t("tl.weekAll", { n: w.week, count: all.length }),
      parent: root,
    });
    const back = new Button(this, {
      id: "tl.weekBack",
      x: cw - 16 - 200,
      y: 8,
      w: 200,
      h: 36,
      label: `‹ ${t("tl.backToWeeks")}`,
      variant: "secondary",
      size: FS.small,
      focus: this.focus,
      parent: card,
      onClick: () => {
        this.openWeek = null;
        this.render();
      },
    });
    void back;
    const colW = (cw - 32 - 24) / 2;
    const top = Math.max(card.contentY, 52);
    let col = 0;
    let y = top;
    let drawn = 0;
    for (const text of all) {
      const line = addText(this, 16 + col * (colW + 24), y, `• ${text}`, { size: FS.small, width: colW });
      if (y + line.height > ch - 12) {
        if (col === 1) {
          line.destroy();
          break;
        }
        col = 1;
        y = top;
        line.setPosition(16 + colW + 24, y);
      }
      card.add(line);
      y += line.height + 6;
      drawn++;
    }
    if (drawn < all.length) {
      card.add(
        addText(this, 16, ch - 26, t("report.more", { n: all.length - drawn }), { size: FS.small, color: C.muted }),
      );
    }
  }
}
