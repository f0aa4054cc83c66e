// Debrief, on four pages: the summary (objectives with value, target and points, the score out of
// 1000 and stars, the run's key totals, the textbook strategy's score on the same seed), the
// comparison with the textbook strategy (KPIs side by side with the difference, weekly GMV and net
// profit on a chart), the principle recap (each goal of the scenario: applied, partly or missed,
// with the evidence from the run) and what if (what each decision was worth, widgets/whatif-view.ts).
// The run file for the instructor (the file, not the score, is what gets verified) and the challenge
// submission stay at the bottom of every page.
import {
  type GameState,
  type Kpis,
  POLICIES,
  type RunFile,
  runDifficulty,
  runKpis,
  type Scenario,
  type ScoreResult,
  scenarioDifficulty,
  scoreRun,
} from "../../engine";
import { bi, fixed, group, money, percent, t } from "../../i18n";
import { DEFAULT_SEED } from "../../store/game-store";
import { lectureSection, lectureSectionShort } from "../advisor";
import { apiErrorText, challengeStore } from "../challenge-ui";
import { addChart } from "../charts/chart-host";
import { compareOption } from "../charts/debrief-charts";
import { type GoalRecap, type PlayedRun, playPolicy, recapRun, type Verdict } from "../debrief-recap";
import { formatKpi, riseIsGood, roasText } from "../format-kpi";
import { guardOverwrite } from "../guard";
import { downloadJson, runFileName } from "../run-file";
import { registerTarget } from "../test-hook";
import { C, DESIGN_H, DESIGN_W, FS } from "../theme";
import { whatIfJob } from "../whatif-job";
import { Button } from "../widgets/button";
import { Card } from "../widgets/card";
import { exitButton } from "../widgets/page-buttons";
import { addText, fitOrClip, fitText } from "../widgets/text";
import { drawWhatIf } from "../widgets/whatif-view";
import { BaseScene } from "./base-scene";
import { nextInCampaign } from "./campaign";

type Page = "summary" | "compare" | "recap" | "whatif";
const PAGES: Page[] = ["summary", "compare", "recap", "whatif"];
/** The page shown; kept across restarts (tab clicks, language switch), back to the summary for a new run. */
const view: { run: string; page: Page } = { run: "", page: "summary" };

interface Reference {
  key: string;
  run: PlayedRun;
  score: ScoreResult;
  kpis: Kpis;
  recap: GoalRecap[];
}
/** The textbook strategy on the run's scenario and seed: computed once per debrief. */
let reference: Reference | null = null;
let traineeRecap: { key: string; recap: GoalRecap[] } | null = null;

function textbookOn(scenario: Scenario, seed: string): Reference {
  const key = `${scenario.id}|${scenarioDifficulty(scenario)}|${scenario.weeks}|${seed}`; // played scenario: its difficulty
  if (reference?.key === key) return reference;
  const run = playPolicy(scenario, seed, POLICIES.textbook);
  const recap = recapRun({ scenario, turns: run.turns, reports: run.reports, final: run.final }, run.states);
  reference = { key, run, score: scoreRun(scenario, run.final), kpis: runKpis(scenario, run.final), recap };
  return reference;
}

const starsText = (n: number) => `${"★".repeat(n)}${"☆".repeat(3 - n)}`;
const VERDICT_COLOR: Record<Verdict, string> = { applied: "#1f8f55", partial: "#a86b00", missed: "#b23a3a" };

/** Evidence params as text: money (…Fen), percentages (…Pct), decimals with one or two digits, counts grouped. */
function evidenceParams(params: Record<string, number>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(params)) {
    if (k === "fen" || k.endsWith("Fen")) out[k] = money(v);
    else if (k === "pct" || k.endsWith("Pct")) out[k] = percent(v, v > 0 && v < 0.1 ? 2 : 1);
    else if (!Number.isInteger(v)) out[k] = fixed(v, k === "x" ? 2 : 1);
    else out[k] = group(v);
  }
  return out;
}

export function evidenceText(g: GoalRecap): string {
  const parts = g.evidence.map((e) => t(e.key, evidenceParams(e.params)));
  const text = parts.join(t("common.listSepStrong"));
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Signed difference you − textbook in the KPI's unit (rates in percentage points). */
function kpiDiff(kpi: keyof Kpis, you: number, tb: number): { text: string; good: boolean | null } {
  const d = you - tb;
  const rate = kpi === "conversionRate" || kpi === "refundRate" || kpi === "repurchaseRate";
  const shown = rate ? Math.round(d * 10000) : kpi === "dsr" || kpi === "roas" ? Math.round(d * 100) : Math.round(d);
  if (shown === 0) return { text: "±0", good: null };
  const sign = d > 0 ? "+" : "−";
  const abs = Math.abs(d);
  const body = rate ? t("unit.pp", { n: fixed(abs * 100, 2) }) : kpi === "dsr" ? fixed(abs, 2) : formatKpi(kpi, abs);
  const rise = riseIsGood(kpi);
  return { text: `${sign}${body}`, good: rise === null ? null : d > 0 === rise };
}

export class Debrief extends BaseScene {
  constructor() {
    super("Debrief");
  }

  protected build(): void {
    const { scenario, game, run } = this.s;
    if (!scenario || !game || !run) {
      this.s.goTo("menu");
      return;
    }
    this.drawBackdrop();
    const runKey = `${run.scenario.id}|${run.seed}|${run.hashes[run.hashes.length - 1] ?? ""}`;
    if (view.run !== runKey) {
      view.run = runKey;
      view.page = "summary";
    }
    const ref = textbookOn(scenario, run.seed);
    // The what-if replays start now, in a worker, so the page is ready when the trainee opens it.
    whatIfJob(runKey, scenario, run.seed, run.turns);
    addText(this, 24, 18, t("debrief.title"), { size: FS.h1, bold: true });
    const sub = addText(this, 26, 62, bi(scenario.title), { size: FS.small, color: C.muted });
    fitText(sub, 400, 10);
    this.addLangSwitch(DESIGN_W - 196, 20);
    const tabW = 150;
    PAGES.forEach((p, i) => {
      new Button(this, {
        id: `debrief.tab.${p}`,
        x: 404 + i * (tabW + 8),
        y: 22,
        w: tabW,
        h: 40,
        label: `${view.page === p ? "● " : ""}${t(`debrief.tab.${p}`)}`,
        variant: "chip",
        size: FS.body,
        selected: view.page === p,
        focus: this.focus,
        onClick: () => {
          if (view.page === p) return;
          view.page = p;
          this.scene.restart();
        },
      });
    });
    if (view.page === "summary") this.summaryPage(scenario, game, ref);
    else if (view.page === "compare") this.comparePage(scenario, game, ref);
    else if (view.page === "recap") this.recapPage(scenario, game, run, ref, runKey);
    else this.whatIfPage(scenario, run, runKey);

    const last = run.hashes[run.hashes.length - 1] ?? "";
    addText(this, 24, 548, t("debrief.runInfo", { seed: run.seed, hash: last.slice(0, 12) }), {
      size: FS.small,
      color: C.faint,
    });
    const status = addText(this, 24, 574, "", { size: FS.small, color: C.good });

    const by = DESIGN_H - 84;
    new Button(this, {
      id: "debrief.replay",
      x: 24,
      y: by,
      w: 260,
      h: 56,
      label: `↻ ${t("debrief.replay")}`,
      variant: "primary",
      size: FS.h3,
      focus: this.focus,
      onClick: () =>
        guardOverwrite(this, this.focus, this.s, () =>
          this.s.startScenario(scenario.id, run.seed, undefined, runDifficulty(run)),
        ),
    });
    new Button(this, {
      id: "debrief.export",
      x: 300,
      y: by,
      w: 260,
      h: 56,
      label: `⇩ ${t("debrief.export")}`,
      variant: "secondary",
      size: FS.h3,
      focus: this.focus,
      onClick: () => {
        const file = this.exportRun();
        if (file) status.setText(`✓ ${t("debrief.exported", { file })}`);
      },
    });
    // Playing a challenge: submit the run file (the server replays it and computes the score).
    const cs = challengeStore();
    const active = cs.getState().active;
    // 下一关: the next scenario on the campaign path, open once this one has a star.
    const next = nextInCampaign(scenario.id);
    if (next && !(active && cs.getState().runMatchesActive()) && game.status !== "playing") {
      const won = scoreRun(scenario, game).stars >= 1 || (this.s.progress[scenario.id]?.stars ?? 0) >= 1;
      new Button(this, {
        id: "debrief.next",
        x: 576,
        y: by,
        w: 300,
        h: 56,
        label: won ? `▶ ${t("debrief.nextLevel")} · ${bi(next.title)}` : t("debrief.nextLocked"),
        variant: won ? "primary" : "secondary",
        size: FS.body,
        enabled: won,
        focus: this.focus,
        onClick: () => guardOverwrite(this, this.focus, this.s, () => this.s.startScenario(next.id, DEFAULT_SEED)),
      });
    }
    if (active && cs.getState().runMatchesActive() && game.status !== "playing") {
      addText(this, 24, 600, t("debrief.challengeInfo", { code: active.code, className: active.className }), {
        size: FS.small,
        color: C.muted,
      });
      const submitBtn = new Button(this, {
        id: "debrief.submit",
        x: 576,
        y: by,
        w: 260,
        h: 56,
        label: `⇪ ${t("debrief.submit")}`,
        variant: "primary",
        size: FS.h3,
        focus: this.focus,
        onClick: () => {
          submitBtn.setEnabled(false);
          status.setColor("#9fb0cc").setText(t("debrief.submitting"));
          void cs
            .getState()
            .submitRun()
            .then((ok) => {
              if (ok) {
                void cs.getState().loadBoard(active.code);
                this.s.goTo("leaderboard");
                return;
              }
              if (!submitBtn.active) return;
              submitBtn.setEnabled(true);
              status.setColor("#ff5a5f").setText(`⚠ ${apiErrorText(cs.getState().submit.error)}`);
            });
        },
      });
    }
    exitButton(this, {
      id: "debrief.menu",
      y: by,
      label: t("debrief.menu"),
      focus: this.focus,
      onClick: () => this.s.goTo("menu"),
    });
  }

  /** Page 1: score and stars, objectives, the run's key totals. */
  private summaryPage(scenario: Scenario, game: GameState, ref: Reference): void {
    const score = scoreRun(scenario, game);
    const kpis = runKpis(scenario, game);

    // Score block.
    const sb = new Card(this, { x: 24, y: 96, w: 380, h: 250, fill: C.card });
    const stars = starsText(score.stars);
    const starText = addText(this, 190, 62, stars, { size: 72, color: C.warn, originX: 0.5, originY: 0.5 });
    const starLabel = addText(this, 190, 114, t("debrief.stars", { n: score.stars }), {
      size: FS.h3,
      color: C.muted,
      originX: 0.5,
    });
    const scoreText = addText(this, 190, 150, t("debrief.score", { score: score.score }), {
      size: FS.h1,
      bold: true,
      originX: 0.5,
    });
    fitText(scoreText, 350);
    sb.add([starText, starLabel, scoreText]);
    // The thresholds, and how far the next star is, on one line under the score (above the card
    // when the shop went bankrupt, whose message takes that place).
    const [one, two, three] = scenario.stars;
    const next = [one, two, three].find((x) => score.score < x);
    const parts = [t("debrief.starLine", { one, two, three })];
    if (next !== undefined && game.status !== "bankrupt")
      parts.push(t("debrief.nextStar", { pts: next - score.score }));
    const th = addText(this, 190, game.status === "bankrupt" ? 8 : 198, parts.join(" · "), {
      size: FS.tiny,
      color: C.warn,
      originX: 0.5,
    });
    fitText(th, 356, 9);
    registerTarget("debrief.stars", th);
    sb.add(th);
    if (game.status === "bankrupt") {
      sb.add(
        addText(this, 190, 198, `⚠ ${t("debrief.bankrupt")}`, {
          size: FS.small,
          color: C.bad,
          bold: true,
          originX: 0.5,
          width: 340,
          align: "center",
        }),
      );
    }

    // The textbook strategy on the same seed, for scale (details on the comparison page).
    const tbLine = addText(
      this,
      190,
      226,
      t("debrief.textbookLine", { score: ref.score.score, stars: starsText(ref.score.stars) }),
      { size: FS.small, color: C.accentHi, originX: 0.5 },
    );
    fitText(tbLine, 350, 10);
    sb.add(tbLine);

    // Objectives.
    const ox = 420;
    const ow = DESIGN_W - ox - 24;
    const oc = new Card(this, { x: ox, y: 96, w: ow, h: 250, title: t("debrief.objectives") });
    const g = this.add.graphics();
    oc.add(g);
    let y = oc.contentY;
    for (const o of score.objectives) {
      const name = addText(this, 16, y, bi(o.label), { size: FS.body, bold: true });
      fitText(name, 220, 11);
      const line = addText(
        this,
        250,
        y + 1,
        t("debrief.objLine", { value: formatKpi(o.kpi, o.value), target: formatKpi(o.kpi, o.target) }),
        {
          size: FS.small,
          color: C.text,
        },
      );
      fitText(line, 320, 10);
      const pts = addText(
        this,
        ow - 16,
        y + 1,
        t("debrief.points", { points: Math.round(o.points), max: Math.round(o.maxPoints) }),
        {
          size: FS.small,
          bold: true,
          originX: 1,
        },
      );
      const barX = 590;
      const barW = ow - 16 - 110 - barX;
      g.fillStyle(C.bgDeep, 1);
      g.fillRoundedRect(barX, y + 5, barW, 12, 6);
      g.fillStyle(o.fraction >= 1 ? C.good : C.accent, 1);
      if (o.fraction > 0) g.fillRoundedRect(barX, y + 5, Math.max(12, barW * o.fraction), 12, 6);
      oc.add([name, line, pts]);
      y += 36;
    }

    // Key totals.
    const tc = new Card(this, { x: 24, y: 362, w: DESIGN_W - 48, h: 170, title: t("debrief.totals") });
    const totals: [string, string][] = [
      [t("kpi.gmv"), formatKpi("gmvFen", kpis.gmvFen)],
      [t("kpi.orders"), formatKpi("orders", kpis.orders)],
      [t("kpi.uv"), formatKpi("uv", kpis.uv)],
      [t("kpi.conversionRate"), formatKpi("conversionRate", kpis.conversionRate)],
      [t("kpi.grossProfit"), formatKpi("grossProfitFen", kpis.grossProfitFen)],
      [t("kpi.netProfit"), formatKpi("netProfitFen", kpis.netProfitFen)],
      [
        t("kpi.adSpend"),
        `${formatKpi("adSpendFen", kpis.adSpendFen)} · ${t("kpi.roasShort", { v: roasText(kpis.roas, kpis.adSpendFen) })}`,
      ],
      [t("kpi.dsr"), formatKpi("dsr", kpis.dsr)],
      [t("kpi.stockoutDays"), formatKpi("stockoutDays", kpis.stockoutDays)],
      [t("kpi.cashEnd"), formatKpi("cashEndFen", kpis.cashEndFen)],
    ];
    const colW = (DESIGN_W - 48 - 32) / 5;
    totals.forEach(([label, value], i) => {
      const x = 16 + (i % 5) * colW;
      const ty = tc.contentY + Math.floor(i / 5) * 56;
      const l = addText(this, x, ty, label, { size: FS.tiny, color: C.muted });
      const v = addText(this, x, ty + 18, value, { size: FS.h3, bold: true });
      fitText(l, colW - 12, 9);
      fitText(v, colW - 12, 11);
      tc.add([l, v]);
    });
  }

  /** Page 2: the run against the textbook strategy on the same seed, KPI by KPI and week by week. */
  private comparePage(scenario: Scenario, game: GameState, ref: Reference): void {
    const you = runKpis(scenario, game);
    const score = scoreRun(scenario, game);
    const cw = 548;
    const card = new Card(this, { x: 24, y: 96, w: cw, h: 444, title: t("debrief.cmpTitle") });
    const cols = [
      { x: 16, label: t("debrief.colKpi"), right: false },
      { x: 300, label: t("debrief.colYou"), right: true },
      { x: 414, label: t("debrief.colTextbook"), right: true },
      { x: cw - 16, label: t("debrief.colDiff"), right: true },
    ];
    let y = card.contentY;
    for (const c of cols)
      card.add(addText(this, c.x, y, c.label, { size: FS.tiny, bold: true, color: C.muted, originX: c.right ? 1 : 0 }));
    y += 24;
    const g = this.add.graphics();
    card.addAt(g, 1);
    type Row = { label: string; you: string; tb: string; diff: { text: string; good: boolean | null } };
    const signed = (d: number, text: string) => (d === 0 ? "±0" : `${d > 0 ? "+" : "−"}${text}`);
    const rows: Row[] = [
      {
        label: t("debrief.rowScore"),
        you: t("debrief.pts", { n: score.score }),
        tb: t("debrief.pts", { n: ref.score.score }),
        diff: {
          text: signed(score.score - ref.score.score, t("debrief.pts", { n: Math.abs(score.score - ref.score.score) })),
          good: score.score === ref.score.score ? null : score.score > ref.score.score,
        },
      },
      {
        label: t("debrief.rowStars"),
        you: starsText(score.stars),
        tb: starsText(ref.score.stars),
        diff: {
          text: signed(
            score.stars - ref.score.stars,
            t("debrief.starsN", { n: Math.abs(score.stars - ref.score.stars) }),
          ),
          good: score.stars === ref.score.stars ? null : score.stars > ref.score.stars,
        },
      },
    ];
    const kpiRows: [keyof Kpis, string][] = [
      ["gmvFen", t("kpi.gmv")],
      ["netProfitFen", t("kpi.netProfit")],
      ["grossProfitFen", t("kpi.grossProfit")],
      ["orders", t("kpi.orders")],
      ["uv", t("kpi.uv")],
      ["conversionRate", t("kpi.conversionRate")],
      ["dsr", t("kpi.dsr")],
      ["roas", t("kpi.roas")],
      ["stockoutDays", t("kpi.stockoutDays")],
      ["cashEndFen", t("kpi.cashEnd")],
    ];
    for (const [k, label] of kpiRows) {
      // ROAS without ad spend is no result: "—", and no difference to compare.
      if (k === "roas" && (you.adSpendFen <= 0 || ref.kpis.adSpendFen <= 0)) {
        rows.push({
          label,
          you: roasText(you.roas, you.adSpendFen),
          tb: roasText(ref.kpis.roas, ref.kpis.adSpendFen),
          diff: { text: "—", good: null },
        });
        continue;
      }
      rows.push({
        label,
        you: formatKpi(k, you[k]),
        tb: formatKpi(k, ref.kpis[k]),
        diff: kpiDiff(k, you[k], ref.kpis[k]),
      });
    }
    const rowH = 27;
    rows.forEach((r, i) => {
      const ry = y + i * rowH;
      if (i % 2 === 0) {
        g.fillStyle(C.bgDeep, 0.45);
        g.fillRect(8, ry - 4, cw - 16, rowH);
      }
      const l = addText(this, 16, ry, r.label, { size: FS.small });
      fitText(l, 170, 10);
      const a = addText(this, 300, ry, r.you, { size: FS.small, bold: true, originX: 1 });
      const b = addText(this, 414, ry, r.tb, { size: FS.small, color: C.muted, originX: 1 });
      const d = addText(this, cw - 16, ry, r.diff.text, {
        size: FS.small,
        bold: true,
        color: r.diff.good === null ? C.muted : r.diff.good ? C.good : C.bad,
        originX: 1,
      });
      fitText(a, 110, 10);
      fitText(b, 104, 10);
      fitText(d, 110, 10);
      card.add([l, a, b, d]);
    });
    const note = addText(this, 16, 444 - 26, t("debrief.cmpNote"), { size: FS.tiny, color: C.faint });
    fitText(note, cw - 32, 9);
    card.add(note);

    // Weekly GMV and net profit, both runs (echarts, loaded lazily).
    const x = 24 + cw + 16;
    const w = DESIGN_W - 24 - x;
    const cc = new Card(this, { x, y: 96, w, h: 444, title: t("debrief.trendTitle") });
    const loading = addText(this, w / 2, 222, t("report.chartLoading"), {
      size: FS.small,
      color: C.muted,
      originX: 0.5,
    });
    cc.add(loading);
    addChart(
      this,
      "debrief.trend",
      x + 6,
      96 + cc.contentY,
      w - 12,
      444 - cc.contentY - 6,
      compareOption(this.s.reports, ref.run.reports),
      () => loading.destroy(),
    );
  }

  /** Page 3: each goal of the scenario, applied, partly or missed, with the evidence; the textbook's verdict. */
  private recapPage(scenario: Scenario, game: GameState, run: RunFile, ref: Reference, key: string): void {
    if (traineeRecap?.key !== key)
      traineeRecap = {
        key,
        recap: recapRun({ scenario, turns: run.turns, reports: this.s.reports, final: game }),
      };
    const recap = traineeRecap.recap;
    const w = DESIGN_W - 48;
    // As tall as the goals need (at most down to the run info line).
    const rowsH = Math.min(72, Math.floor((444 - 52 - 8) / Math.max(1, recap.length)));
    const card = new Card(this, {
      x: 24,
      y: 96,
      w,
      h: Math.min(444, 52 + rowsH * recap.length + 8),
      title: t("debrief.recapTitle"),
    });
    const count = (r: GoalRecap[], v: Verdict) => r.filter((g) => g.verdict === v).length;
    const sum = addText(
      this,
      w - 16,
      14,
      t("debrief.recapSummary", {
        a: count(recap, "applied"),
        p: count(recap, "partial"),
        m: count(recap, "missed"),
        ta: count(ref.recap, "applied"),
      }),
      { size: FS.small, color: C.muted, originX: 1 },
    );
    fitText(sum, w - 460, 10);
    card.add(sum);
    const g = this.add.graphics();
    card.addAt(g, 1);
    const top = card.contentY;
    const rowH = Math.min(72, Math.floor((card.bg.height - top - 8) / Math.max(1, recap.length)));
    const big = rowH >= 52;
    const rightW = 250;
    recap.forEach((r, i) => {
      const y = top + i * rowH;
      if (i % 2 === 0) {
        g.fillStyle(C.bgDeep, 0.45);
        g.fillRoundedRect(8, y - 3, w - 16, rowH - 2, 6);
      }
      const chip = addText(this, 16, y, t(`recap.${r.verdict}`), { size: FS.small, bold: true, color: C.white });
      chip.setBackgroundColor(VERDICT_COLOR[r.verdict]).setPadding(6, 1, 6, 1);
      fitText(chip, 108, 10);
      const code = addText(this, 136, y, r.code, { size: FS.small, bold: true, color: C.accentHi });
      const goal = scenario.goals[r.goal];
      // Tall rows (few goals): the goal may take two lines, the evidence what is left.
      const goalW = w - 200 - rightW - 16;
      const text = addText(this, 200, y, goal ? bi(goal.text) : "", {
        size: FS.small,
        bold: true,
        ...(big ? { width: goalW, maxLines: 2, lineSpacing: 1 } : {}),
      });
      if (!big || text.height < 30) fitOrClip(text, goalW, 11);
      const ey = big ? y + Math.max(21, text.height + 1) : y + 21;
      const evLines = big && ey + 34 <= y + rowH - 4 ? 2 : 1;
      const evW = w - 136 - rightW - 16;
      const evidence = addText(this, 136, ey, evidenceText(r), {
        size: FS.tiny,
        color: C.text,
        ...(evLines === 2 ? { width: evW, maxLines: 2, lineSpacing: 2 } : {}),
      });
      if (evLines === 1) fitOrClip(evidence, evW, 10);
      const tbv = ref.recap[i]?.verdict ?? "missed";
      const tb = addText(this, w - 16, y, t("debrief.recapTextbook", { v: t(`recap.${tbv}`) }), {
        size: FS.tiny,
        color: C.muted,
        originX: 1,
      });
      fitText(tb, rightW - 8, 11);
      const sec = addText(this, w - 16, y + 21, t("debrief.lecture", { section: lectureSection(r.section) }), {
        size: FS.tiny,
        color: C.faint,
        originX: 1,
      });
      // The section's title when it fits at the smallest type size, else just its number.
      if (sec.width > rightW - 8) sec.setText(t("debrief.lecture", { section: lectureSectionShort(r.section) }));
      fitOrClip(sec, rightW - 8, 11);
      card.add([chip, code, text, evidence, tb, sec]);
    });
  }

  /** Page 4: what each decision was worth (widgets/whatif-view.ts). */
  private whatIfPage(scenario: Scenario, run: RunFile, key: string): void {
    drawWhatIf(this, {
      x: 24,
      y: 96,
      w: DESIGN_W - 48,
      h: 444,
      key,
      scenario,
      seed: run.seed,
      turns: run.turns,
    });
  }

  /** Downloads the run file as JSON; returns the file name. */
  private exportRun(): string | null {
    const json = this.s.exportRunJson();
    const run = this.s.run;
    if (!json || !run) return null;
    const file = runFileName(run);
    downloadJson(json, file);
    return file;
  }
}
