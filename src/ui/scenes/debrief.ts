// Debrief: objectives with value, target and points, the score out of 1000 and stars, the run's
// key totals, and the run file for the instructor (the file, not the score, is what gets verified).
import { runKpis, scoreRun } from "../../engine";
import { bi, t } from "../../i18n";
import { apiErrorText, challengeStore } from "../challenge-ui";
import { formatKpi } from "../format-kpi";
import { C, DESIGN_H, DESIGN_W, FS } from "../theme";
import { Button } from "../widgets/button";
import { Card } from "../widgets/card";
import { addText, fitText } from "../widgets/text";
import { BaseScene } from "./base-scene";

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
    const score = scoreRun(scenario, game);
    const kpis = runKpis(scenario, game);
    addText(this, 24, 18, t("debrief.title"), { size: FS.h1, bold: true });
    addText(this, 26, 62, bi(scenario.title), { size: FS.small, color: C.muted });
    this.addLangSwitch(DESIGN_W - 196, 20);

    // Score block.
    const sb = new Card(this, { x: 24, y: 96, w: 380, h: 250, fill: C.card });
    const stars = `${"★".repeat(score.stars)}${"☆".repeat(3 - score.stars)}`;
    const starText = addText(this, 190, 70, stars, { size: 72, color: C.warn, originX: 0.5, originY: 0.5 });
    const starLabel = addText(this, 190, 128, t("debrief.stars", { n: score.stars }), {
      size: FS.h3,
      color: C.muted,
      originX: 0.5,
    });
    const scoreText = addText(this, 190, 170, t("debrief.score", { score: score.score }), {
      size: FS.h1,
      bold: true,
      originX: 0.5,
    });
    fitText(scoreText, 350);
    sb.add([starText, starLabel, scoreText]);
    if (game.status === "bankrupt") {
      sb.add(
        addText(this, 190, 216, `⚠ ${t("debrief.bankrupt")}`, {
          size: FS.small,
          color: C.bad,
          bold: true,
          originX: 0.5,
          width: 340,
          align: "center",
        }),
      );
    }

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
        `${formatKpi("adSpendFen", kpis.adSpendFen)} · ${t("kpi.roasShort", { v: formatKpi("roas", kpis.roas) })}`,
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
      onClick: () => this.s.startScenario(scenario.id, run.seed),
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
    new Button(this, {
      id: "debrief.menu",
      x: DESIGN_W - 24 - 220,
      y: by,
      w: 220,
      h: 56,
      label: t("debrief.menu"),
      variant: "ghost",
      size: FS.h3,
      focus: this.focus,
      onClick: () => this.s.goTo("menu"),
    });
  }

  /** Downloads the run file as JSON; returns the file name. */
  private exportRun(): string | null {
    const json = this.s.exportRunJson();
    const run = this.s.run;
    if (!json || !run) return null;
    const safeSeed = run.seed.replace(/[^\w-]+/g, "_").slice(0, 40);
    const file = `shopsim-${run.scenario.id}-${safeSeed}-w${run.turns.length}.json`;
    const url = URL.createObjectURL(new Blob([json], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = file;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    return file;
  }
}
