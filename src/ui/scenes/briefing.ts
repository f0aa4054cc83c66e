// Briefing: what this scenario is about, what it teaches (with principle codes), how it is
// scored, and which levers it unlocks. Cards size themselves to their text in either language.

import { difficultyOf } from "../../engine";
import { bi, t } from "../../i18n";
import { difficultyBriefing } from "../difficulty-text";
import { formatKpi } from "../format-kpi";
import { PANEL_LEVERS } from "../panels/panel-context";
import { registerTarget } from "../test-hook";
import { C, DESIGN_H, DESIGN_W, FS } from "../theme";
import { Button } from "../widgets/button";
import { Card } from "../widgets/card";
import { drawLock } from "../widgets/icons";
import { addText, fitText } from "../widgets/text";
import { BaseScene } from "./base-scene";

/** How tightly the briefing's texts are set: the first that fits is used. */
interface Density {
  size: number;
  storySpacing: number;
  goalSpacing: number;
  goalGap: number;
  objRow: number;
  pad: number;
}
const DENSITY: Density[] = [
  { size: FS.small, storySpacing: 6, goalSpacing: 4, goalGap: 8, objRow: 30, pad: 4 },
  { size: FS.small, storySpacing: 3, goalSpacing: 2, goalGap: 6, objRow: 27, pad: 0 },
  { size: 13, storySpacing: 2, goalSpacing: 1, goalGap: 5, objRow: 26, pad: 0 },
  { size: FS.tiny, storySpacing: 2, goalSpacing: 1, goalGap: 4, objRow: 25, pad: 0 },
];

export class Briefing extends BaseScene {
  constructor() {
    super("Briefing");
  }

  protected build(): void {
    this.drawBackdrop();
    const sc = this.s.scenario;
    const game = this.s.game;
    if (!sc || !game) {
      this.s.goTo("menu");
      return;
    }
    addText(this, 48, 24, t("briefing.title"), { size: FS.small, color: C.accentHi, bold: true });
    addText(this, 48, 44, bi(sc.title), { size: FS.h1, bold: true });
    const info = addText(
      this,
      48,
      92,
      `${t("briefing.weeks", { weeks: sc.weeks })}  ·  ${t("briefing.seed", { seed: game.seed })}  ·  ${difficultyBriefing(difficultyOf(game), sc)}`,
      {
        size: FS.small,
        color: C.muted,
      },
    );
    fitText(info, DESIGN_W - 96, 10);
    this.addLangSwitch(DESIGN_W - 196, 24);

    // Both columns must end above the bottom bar (its "levers" caption sits at DESIGN_H - 100 on the
    // left, its chips at DESIGN_H - 74 under the right column): long texts (the season's story, nine
    // goals) are set tighter, then smaller, until they fit.
    const leftLimit = DESIGN_H - 108;
    const rightLimit = DESIGN_H - 82;
    for (const [i, d] of DENSITY.entries()) {
      const left = this.leftColumn(d);
      if (left.bottom <= leftLimit || i === DENSITY.length - 1) break;
      for (const o of left.objects) o.destroy();
    }
    for (const [i, d] of DENSITY.entries()) {
      const right = this.rightColumn(d);
      if (right.bottom <= rightLimit || i === DENSITY.length - 1) break;
      for (const o of right.objects) o.destroy();
    }

    // Levers sit in the bottom bar between the two buttons, so long goal texts never push them off.
    const barX = 228;
    const barW = DESIGN_W - 48 - 300 - 20 - barX;
    addText(this, barX, DESIGN_H - 100, t("briefing.levers"), { size: FS.small, bold: true, color: C.muted });
    // All nine groups in one row with short labels.
    const gap = 6;
    const chipW = (barW - (PANEL_LEVERS.length - 1) * gap) / PANEL_LEVERS.length;
    PANEL_LEVERS.forEach((lever, i) => {
      const open = sc.levers.includes(lever);
      const cx = barX + i * (chipW + gap);
      const cy = DESIGN_H - 74;
      const chip = this.add
        .rectangle(cx, cy, chipW, 48, open ? 0x3a2412 : C.bgDeep)
        .setOrigin(0, 0)
        .setRounded(8);
      chip.setStrokeStyle(1, open ? C.accent : C.disabled);
      const label = addText(this, cx + chipW / 2, cy + 31, t(`lever.tab.${lever}`), {
        size: FS.small,
        bold: open,
        color: open ? C.accentHi : C.faint,
        originX: 0.5,
        originY: 0.5,
      });
      fitText(label, chipW - 10, 10);
      // The mark sits above the label (✓ open, padlock locked), so it is never only a colour.
      if (open)
        addText(this, cx + chipW / 2, cy + 3, "✓", { size: FS.tiny, bold: true, color: C.accentHi, originX: 0.5 });
      else drawLock(this, cx + chipW / 2, cy + 12, C.faint).setScale(0.7);
    });

    new Button(this, {
      id: "briefing.back",
      x: 48,
      y: DESIGN_H - 74,
      w: 160,
      h: 48,
      label: `‹ ${t("briefing.back")}`,
      variant: "ghost",
      focus: this.focus,
      onClick: () => this.s.abandon(),
    });
    new Button(this, {
      id: "briefing.start",
      x: DESIGN_W - 48 - 300,
      y: DESIGN_H - 74,
      w: 300,
      h: 48,
      label: `${t("briefing.start")} ›`,
      variant: "primary",
      size: FS.h2,
      focus: this.focus,
      onClick: () => this.s.goTo("shop"),
    });
  }

  /** Story, then objectives; returns the cards and where the column ends. */
  private leftColumn(d: Density): { objects: Card[]; bottom: number } {
    const sc = this.s.scenario;
    if (!sc) return { objects: [], bottom: 0 };
    const lx = 48;
    const lw = 560;
    const top = 128;
    const story = new Card(this, { x: lx, y: top, w: lw, h: 10, title: t("briefing.story") });
    const storyText = addText(this, 16, story.contentY, bi(sc.story), {
      size: d.size,
      color: C.text,
      width: lw - 32,
      lineSpacing: d.storySpacing,
    });
    story.add(storyText);
    const storyH = story.contentY + storyText.height + 12 + d.pad;
    story.bg.setSize(lw, storyH);

    const oy = top + storyH + 8 + d.pad;
    const obj = new Card(this, { x: lx, y: oy, w: lw, h: 10, title: t("briefing.objectives") });
    let y = obj.contentY;
    for (const o of sc.objectives) {
      const name = addText(this, 16, y, `● ${bi(o.label)}`, { size: FS.body, bold: true });
      const target = addText(
        this,
        lw - 16,
        y + 2,
        `${t("briefing.target", { target: formatKpi(o.kpi, o.target), floor: formatKpi(o.kpi, o.floor) })} · ${t("briefing.weight", { weight: o.weight })}`,
        { size: FS.small, color: C.muted, originX: 1 },
      );
      obj.add([name, target]);
      y += d.objRow;
    }
    // What the stars take: the scenario's score thresholds.
    const [one, two, three] = sc.stars;
    const th = addText(this, 16, y + 2, t("briefing.starThresholds", { one, two, three }), {
      size: FS.small,
      bold: true,
      color: C.warn,
      width: lw - 32,
    });
    registerTarget("briefing.stars", th);
    obj.add(th);
    y += th.height + 8;
    obj.bg.setSize(lw, y + 6);
    return { objects: [story, obj], bottom: oy + y + 6 };
  }

  /** Learning goals with their principle codes; returns the card and where it ends. */
  private rightColumn(d: Density): { objects: Card[]; bottom: number } {
    const sc = this.s.scenario;
    if (!sc) return { objects: [], bottom: 0 };
    const rx = 640;
    const rw = DESIGN_W - rx - 48;
    const goals = new Card(this, { x: rx, y: 128, w: rw, h: 10, title: t("briefing.goals") });
    let y = goals.contentY;
    for (const g of sc.goals) {
      const badge = this.add
        .rectangle(16, y + 1, 58, 22, C.accent, 0.18)
        .setOrigin(0, 0)
        .setRounded(6);
      badge.setStrokeStyle(1, C.accent);
      const code = addText(this, 45, y + 12, g.code, {
        size: FS.tiny,
        bold: true,
        color: C.accentHi,
        originX: 0.5,
        originY: 0.5,
      });
      const text = addText(this, 86, y, bi(g.text), { size: d.size, width: rw - 102, lineSpacing: d.goalSpacing });
      goals.add([badge, code, text]);
      y += Math.max(26, text.height) + d.goalGap;
    }
    goals.bg.setSize(rw, y + 4);
    return { objects: [goals], bottom: 128 + y + 4 };
  }
}
