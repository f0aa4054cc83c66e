// Top bar of the shop: week, cash, last week's GMV, DSR and designer hours left, each with its
// unit; the language switch and a way back to the menu (the game is saved, nothing is lost).
import Phaser from "phaser";
import { difficultyOf, type GameState, type Scenario, type WeekReport } from "../../engine";
import { bi, fixed, moneyShort, t } from "../../i18n";
import { difficultyName } from "../difficulty-text";
import { C, DESIGN_W, FS } from "../theme";
import { addText, clipText, fitText } from "../widgets/text";

export const HUD_H = 64;

export interface HudData {
  scenario: Scenario;
  game: GameState;
  draft: GameState;
  lastReport: WeekReport | undefined;
}

export class Hud extends Phaser.GameObjects.Container {
  private values: Phaser.GameObjects.Text[] = [];

  constructor(
    scene: Phaser.Scene,
    private rightReserve: number,
  ) {
    super(scene, 0, 0);
    scene.add.existing(this);
    const g = scene.add.graphics();
    g.fillStyle(C.bgDeep, 1);
    g.fillRect(0, 0, DESIGN_W, HUD_H);
    g.fillStyle(C.accent, 1);
    g.fillRect(0, HUD_H - 3, DESIGN_W, 3);
    this.add(g);
    this.add(scene.add.image(34, HUD_H / 2, "logo").setDisplaySize(40, 40));
  }

  show(d: HudData): void {
    for (const v of this.values) v.destroy();
    this.values = [];
    const title = addText(this.scene, 64, 9, bi(d.scenario.title), { size: FS.small, color: C.muted });
    const week = addText(
      this.scene,
      64,
      28,
      t("hud.week", { week: Math.min(d.game.week + 1, d.scenario.weeks), weeks: d.scenario.weeks }),
      {
        size: FS.h3,
        bold: true,
      },
    );
    fitText(title, 150, 10);
    if (title.width > 150) clipText(title, 150); // long English titles must not run into 现金 Cash
    // The market's difficulty beside the week (easy/hard in colour: it is not the scenario as written).
    const diff = difficultyOf(d.game);
    const tag = addText(this.scene, week.x + week.width + 8, 33, difficultyName(diff), {
      size: FS.tiny,
      bold: diff !== "standard",
      color: diff === "hard" ? C.warn : diff === "easy" ? C.good : C.muted,
    });
    fitText(tag, Math.max(30, 226 - tag.x), 9);
    this.values.push(title, week, tag);
    const dsr = (d.draft.dsr.description + d.draft.dsr.service + d.draft.dsr.logistics) / 3;
    const stats: [string, string, number][] = [
      [t("hud.cash"), moneyShort(d.draft.cashFen), d.draft.cashFen < 0 ? C.bad : C.text],
      [t("hud.gmv"), d.lastReport ? moneyShort(d.lastReport.kpis.gmvFen) : t("hud.noData"), C.text],
      [t("hud.dsr"), fixed(dsr, 2), C.text],
      [
        t("hud.hours"),
        t("hud.hoursValue", {
          left: fixed(d.draft.designerHoursLeft, 0),
          total: d.scenario.start.designerHoursPerWeek,
        }),
        d.draft.designerHoursLeft <= 0 ? C.warn : C.text,
      ],
    ];
    const x0 = 230;
    const colW = (DESIGN_W - this.rightReserve - x0) / stats.length;
    stats.forEach(([label, value, color], i) => {
      const x = x0 + i * colW;
      const l = addText(this.scene, x, 9, label, { size: FS.tiny, color: C.muted });
      const v = addText(this.scene, x, 28, value, { size: FS.h3, bold: true, color });
      fitText(l, colW - 12, 9);
      fitText(v, colW - 12, 11);
      this.values.push(l, v);
    });
    this.add(this.values);
  }
}
