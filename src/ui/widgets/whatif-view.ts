// The what-if view (what each decision was worth): an intro line, the decisions that helped most
// and the ones that cost most as two cards, and a progress/summary line, filling in as the replays
// arrive from the worker (whatif-job.ts). The debrief shows it for the trainee's own run and the
// instructor's trainee timeline for a trainee's verified best run.
import Phaser from "phaser";
import { type Decision, type Scenario, WHATIF_DEFAULTS } from "../../engine";
import { bi, moneyShort, t } from "../../i18n";
import { mainObjectives, rankWhatIf, SMALL_POINTS, type WhatIfRow } from "../debrief-whatif";
import { describeDecisionIn } from "../panels/pending-text";
import { C, css, FS } from "../theme";
import { onWhatIf, whatIfJob } from "../whatif-job";
import { Card } from "./card";
import { addText, fitOrClip } from "./text";

/** Rows per list (helped, cost you). */
const ROWS = 5;
/**
 * Text shrinks to fit down to this size, then ends in "…": 11 design px stays ≥ 9 CSS px on a phone,
 * where the canvas scale never drops below 0.84 (viewport.ts).
 */
const MIN_TYPE = 11;

export const signedPts = (n: number) => `${n > 0 ? "+" : n < 0 ? "−" : "±"}${t("debrief.pts", { n: Math.abs(n) })}`;
const signedMoney = (fen: number) =>
  Math.round(fen) === 0 ? "±¥0" : `${fen > 0 ? "+" : "−"}${moneyShort(Math.abs(fen))}`;

export interface WhatIfViewOpts {
  x: number;
  y: number;
  w: number;
  h: number;
  /** Identifies the run: the job is kept (and not restarted) while the key stays the same. */
  key: string;
  scenario: Scenario;
  seed: string;
  turns: readonly (readonly Decision[])[];
  /** The intro's i18n key: the trainee's own run (default) or, for the instructor, a trainee's. */
  introKey?: "debrief.whatifIntro" | "tl.whatifIntro";
  parent?: Phaser.GameObjects.Container;
}

/** The view's words for the trainee ("cost you") or, in the instructor's timeline, about the trainee. */
type Voice = "helped" | "hurt" | "delta" | "checked" | "noneHelped" | "noneHurt" | "empty";
const VOICE: Record<Voice, [trainee: string, instructor: string]> = {
  helped: ["debrief.whatifHelped", "tl.whatifHelped"],
  hurt: ["debrief.whatifHurt", "tl.whatifHurt"],
  delta: ["debrief.whatifDelta", "tl.whatifDelta"],
  checked: ["debrief.whatifChecked", "tl.whatifChecked"],
  noneHelped: ["debrief.whatifNoneHelped", "tl.whatifNoneHelped"],
  noneHurt: ["debrief.whatifNoneHurt", "tl.whatifNoneHurt"],
  empty: ["debrief.whatifEmpty", "tl.whatifEmpty"],
};
export function whatIfKey(o: Pick<WhatIfViewOpts, "introKey">, v: Voice): string {
  return VOICE[v][o.introKey === "tl.whatifIntro" ? 1 : 0];
}

/** Draws the view and keeps it current until the scene shuts down or `destroy()` is called. */
export function drawWhatIf(scene: Phaser.Scene, o: WhatIfViewOpts): { destroy: () => void } {
  const job = whatIfJob(o.key, o.scenario, o.seed, o.turns);
  const root = scene.add.container(o.x, o.y);
  o.parent?.add(root);
  const intro = addText(scene, 0, 0, t(o.introKey ?? "debrief.whatifIntro", { n: WHATIF_DEFAULTS.otherMarkets }), {
    size: FS.small,
    color: C.muted,
    width: o.w,
    maxLines: 2,
  });
  const top = Math.max(44, intro.height + 8);
  const cardH = o.h - 24 - top;
  const cardW = (o.w - 16) / 2;
  const footer = addText(scene, 0, o.h - 18, "", { size: FS.tiny, color: C.faint });
  root.add([intro, footer]);
  let layer: Phaser.GameObjects.Container | null = null;
  const draw = () => {
    layer?.destroy();
    const into = scene.add.container(0, 0);
    root.add(into);
    layer = into;
    const lists = rankWhatIf(job.values, job.checks, job.done && !job.error, ROWS);
    const sides: [string, WhatIfRow[], string][] = [
      [t(whatIfKey(o, "helped")), lists.helped, t(whatIfKey(o, "noneHelped"))],
      [t(whatIfKey(o, "hurt")), lists.hurt, t(whatIfKey(o, "noneHurt"))],
    ];
    sides.forEach(([title, rows, none], i) => {
      const card = new Card(scene, { x: i * (cardW + 16), y: top, w: cardW, h: cardH, title, parent: into });
      const rowH = Math.min(68, Math.floor((cardH - card.contentY - 8) / ROWS));
      if (rows.length === 0 && job.done) {
        const empty = job.decisions === 0 ? t(whatIfKey(o, "empty")) : none;
        card.add(addText(scene, 16, card.contentY, empty, { size: FS.small, color: C.muted, width: cardW - 32 }));
      }
      for (const [r, row] of rows.entries())
        drawRow(scene, card, o, row, { y: card.contentY + r * rowH, w: cardW, h: rowH, i: r });
    });
    const done = job.values.length + job.checks.length;
    if (job.error) footer.setColor(css(C.bad)).setText(`⚠ ${job.error}`);
    else if (job.values.length < job.decisions)
      footer.setText(t("debrief.whatifProgress", { done: job.values.length, total: job.decisions }));
    else if (!job.done)
      footer.setText(
        t("debrief.whatifChecking", {
          n: WHATIF_DEFAULTS.otherMarkets,
          done: done - job.decisions,
          total: job.total - job.decisions,
        }),
      );
    else if (job.decisions > 0)
      footer.setText(t("debrief.whatifDone", { total: job.decisions, small: lists.small, pts: SMALL_POINTS }));
    else footer.setText("");
    fitOrClip(footer, o.w, MIN_TYPE);
  };
  draw();
  // Redraw as results come in, at most every 250 ms, and once more when the last one arrives.
  let last = 0;
  let off: (() => void) | null = job.done
    ? null
    : onWhatIf((j) => {
        if (j !== job || !root.active) return;
        const now = scene.time.now;
        if (!j.done && now - last < 250) return;
        last = now;
        draw();
      });
  const destroy = () => {
    off?.();
    off = null;
    root.destroy();
  };
  scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => off?.());
  root.once(Phaser.GameObjects.Events.DESTROY, () => off?.()); // redrawn by its parent
  return { destroy };
}

/**
 * One decision: the week, what it was, and its value in points — the mean over the markets once
 * checked, else the own market's — with net profit and GMV, and the objectives that moved most.
 */
function drawRow(
  scene: Phaser.Scene,
  card: Card,
  o: WhatIfViewOpts,
  row: WhatIfRow,
  at: { y: number; w: number; h: number; i: number },
): void {
  const { value: v, check } = row;
  const { y, w } = at;
  if (at.i % 2 === 0) card.add(scene.add.rectangle(8, y - 5, w - 16, at.h - 4, C.bgDeep, 0.45).setOrigin(0, 0));
  const week = addText(scene, 16, y, t("debrief.whatifWeek", { n: v.turn + 1 }), {
    size: FS.tiny,
    bold: true,
    color: C.white,
  });
  week.setBackgroundColor(css(C.cardHi)).setPadding(6, 1, 6, 1);
  const weekW = 74;
  fitOrClip(week, weekW - 8, MIN_TYPE);
  const points = check ? Math.round(check.meanScoreDelta) : v.scoreDelta;
  const profit = check ? check.meanNetProfitDeltaFen : v.netProfitDeltaFen;
  const good = points > 0 || (points === 0 && profit > 0);
  const bad = points < 0 || (points === 0 && profit < 0);
  const score = addText(scene, w - 16, y - 2, signedPts(points), {
    size: FS.h3,
    bold: true,
    color: good ? C.good : bad ? C.bad : C.muted,
    originX: 1,
  });
  const what = addText(scene, 16 + weekW, y, describeDecisionIn(o.scenario, v.decision, o.turns[v.turn] ?? []), {
    size: FS.small,
    bold: true,
  });
  fitOrClip(what, w - 16 - weekW - score.width - 24, 11);
  const detail = check
    ? t(whatIfKey(o, "checked"), {
        markets: check.markets,
        helped: check.helpedIn,
        own: signedPts(v.scoreDelta),
        profit: signedMoney(check.meanNetProfitDeltaFen),
      })
    : t(whatIfKey(o, "delta"), { profit: signedMoney(v.netProfitDeltaFen), gmv: signedMoney(v.gmvDeltaFen) });
  const line = addText(scene, 16 + weekW, y + 21, detail, { size: FS.tiny, color: C.muted });
  fitOrClip(line, w - 32 - weekW, MIN_TYPE);
  card.add([week, score, what, line]);
  // Why: the objectives whose points moved most (the mean over the markets once checked).
  const parts = mainObjectives(check ? check.meanObjectiveDeltas : v.objectiveDeltas, 2).map((m) => {
    const obj = o.scenario.objectives[m.index];
    return `${obj ? bi(obj.label) : "?"} ${signedPts(m.points)}`;
  });
  const whyText = parts.length > 0 ? t("debrief.whatifWhy", { parts: parts.join(t("common.listSep")) }) : "";
  const why = addText(scene, 16 + weekW, y + 39, whyText, { size: FS.tiny, color: C.text });
  card.add(why);
  // What undoing it did in the own market beyond the numbers: later decisions skipped, or bankruptcy.
  const note = v.savedTheShop
    ? t("debrief.whatifSaved")
    : v.dropped > 0
      ? t("debrief.whatifDropped", { n: v.dropped })
      : "";
  const room = w - 32 - weekW - (whyText ? why.width + 16 : 0);
  if (note && room >= 120) {
    const n = addText(scene, w - 16, y + 39, note, { size: FS.tiny, color: C.warn, originX: 1 });
    fitOrClip(n, room, MIN_TYPE);
    card.add(n);
  } else fitOrClip(why, w - 32 - weekW, MIN_TYPE);
}
