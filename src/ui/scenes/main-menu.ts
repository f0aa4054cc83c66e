// Main menu: title, start (default classroom seed or a random one), continue when a save exists,
// the language switch, and any notice about a save that had to be set aside.

import { getScenario } from "../../content/scenarios";
import { ENGINE_VERSION } from "../../engine";
import { bi, errorText, plural, t } from "../../i18n";
import { DEFAULT_SEED, randomSeed } from "../../store/game-store";
import { guardOverwrite } from "../guard";
import { addStorefront } from "../panels/storefront";
import { C, DESIGN_H, DESIGN_W, FS } from "../theme";
import { Button } from "../widgets/button";
import { Card } from "../widgets/card";
import { addText, fitText } from "../widgets/text";
import { BaseScene } from "./base-scene";
import { codeFromLink } from "./challenge-entry";

export const FIRST_SCENARIO = "launch";

export class MainMenu extends BaseScene {
  /** y of the menu row left free for further buttons (challenge code, instructor). */
  protected extraRowY = 0;

  constructor() {
    super("MainMenu");
  }

  protected build(): void {
    // A challenge link (?c=CODE) opens the challenge screen with the code filled in.
    if (codeFromLink()) {
      this.time.delayedCall(1, () => this.s.goTo("challenge"));
      return;
    }
    this.drawBackdrop();
    const left = 96;
    this.add.image(left + 48, 150, "logo").setDisplaySize(96, 96);
    const title = addText(this, left + 116, 100, t("app.title"), { size: FS.hero, bold: true });
    fitText(title, 600 - 116, 36);
    const sub = addText(this, left + 120, title.y + title.height + 2, t("app.subtitle"), {
      size: FS.h3,
      color: C.accentHi,
      width: 480,
    });
    const tagY = Math.max(sub.y + sub.height, 200) + 24;
    const tag = addText(this, left, tagY, t("menu.tagline"), {
      size: FS.body,
      color: C.muted,
      width: 540,
      lineSpacing: 8,
    });

    let y = Math.max(300, tag.y + tag.height + 24);
    // With a save, continuing is the main action; starting over is still one click away.
    const info = this.s.probeSave();
    if (info) {
      const sc = getScenario(info.scenarioId);
      new Button(this, {
        id: "menu.continue",
        x: left,
        y,
        w: 532,
        h: 56,
        label: `⟳ ${t("menu.continue")}`,
        variant: "primary",
        size: FS.h2,
        focus: this.focus,
        onClick: () => {
          if (!this.s.resume()) this.scene.restart();
        },
      });
      const line = sc
        ? t("menu.continueInfo", { title: bi(sc.title), week: Math.min(info.week + 1, info.weeks), weeks: info.weeks })
        : "";
      addText(this, left, y + 62, line, { size: FS.small, color: C.muted });
      y += 92;
    }
    new Button(this, {
      id: "menu.start",
      x: left,
      y,
      w: 360,
      h: 56,
      label: `▶ ${t("menu.start")}`,
      variant: info ? "secondary" : "primary",
      size: FS.h2,
      focus: this.focus,
      onClick: () => guardOverwrite(this, this.focus, this.s, () => this.s.startScenario(FIRST_SCENARIO, DEFAULT_SEED)),
    });
    new Button(this, {
      id: "menu.startRandom",
      x: left + 372,
      y,
      w: 160,
      h: 56,
      label: `⚄ ${t("menu.startRandom")}`,
      variant: "secondary",
      size: FS.body,
      focus: this.focus,
      onClick: () => guardOverwrite(this, this.focus, this.s, () => this.s.startScenario(FIRST_SCENARIO, randomSeed())),
    });
    addText(this, left, y + 62, t("menu.seed", { seed: DEFAULT_SEED }), { size: FS.small, color: C.faint });
    y += 92;
    // Campaign, glossary, settings. The row below is kept free for the challenge-code and
    // instructor buttons (menu.challenge / menu.instructor) of the leaderboard work.
    const third = (532 - 2 * 12) / 3;
    const side: { id: string; icon: string; key: string; go: () => void }[] = [
      { id: "menu.campaign", icon: "⚑", key: "menu.campaign", go: () => this.s.goTo("campaign") },
      { id: "menu.glossary", icon: "✎", key: "menu.glossary", go: () => this.s.openAside("glossary") },
      { id: "menu.settings", icon: "⚙", key: "menu.settings", go: () => this.s.openAside("settings") },
    ];
    side.forEach((b, i) => {
      new Button(this, {
        id: b.id,
        x: left + i * (third + 12),
        y,
        w: third,
        h: 48,
        label: `${b.icon} ${t(b.key)}`,
        variant: "secondary",
        size: FS.h3,
        focus: this.focus,
        onClick: b.go,
      });
    });
    y += 60;
    /** Top of the free row for menu.challenge / menu.instructor (48 px high, 532 wide). */
    this.extraRowY = y;
    // Challenges: join one with the instructor's code, or (instructors) create and watch one.
    new Button(this, {
      id: "menu.challenge",
      x: left,
      y,
      w: 350,
      h: 48,
      label: `# ${t("menu.challenge")}`,
      variant: "secondary",
      size: FS.h3,
      focus: this.focus,
      onClick: () => this.s.goTo("challenge"),
    });
    new Button(this, {
      id: "menu.instructor",
      x: left + 362,
      y,
      w: 170,
      h: 48,
      label: `☰ ${t("menu.instructor")}`,
      variant: "ghost",
      size: FS.h3,
      focus: this.focus,
      onClick: () => this.s.goTo("instructor"),
    });
    y += 60;

    const notice = this.s.notice;
    if (notice) {
      const reason = notice.reason ? errorText(notice.reason) : String(notice.params.reason ?? "");
      const msg = t(notice.key, { ...notice.params, reason });
      const card = new Card(this, { x: left, y, w: 532, h: 10, fill: 0x3a1e22, stroke: C.bad });
      const txt = addText(this, 16, 12, `⚠ ${msg}`, { size: FS.small, color: C.text, width: 500 });
      card.add(txt);
      new Button(this, {
        id: "menu.dismissNotice",
        x: 532 - 16 - 110,
        y: txt.height + 20,
        w: 110,
        h: 30,
        label: t("menu.dismiss"),
        size: FS.small,
        variant: "secondary",
        focus: this.focus,
        parent: card,
        onClick: () => {
          this.s.dismissNotice();
          this.scene.restart();
        },
      });
      card.bg.setSize(532, txt.height + 62);
    }

    addStorefront(this, {
      x: 720,
      y: 150,
      w: 464,
      h: 400,
      sign: t("app.title"),
      skus: (getScenario(FIRST_SCENARIO)?.skus ?? []).map((k) => ({ name: bi(k.name), stock: k.stock })),
      uv: 160,
      hideUv: true,
      fullShelf: 100,
    });

    this.addLangSwitch(DESIGN_W - 196, 24);
    addText(this, left, DESIGN_H - 40, t("menu.hint"), { size: FS.small, color: C.faint });
    const stars = Object.values(this.s.progress).reduce((a, p) => a + p.stars, 0);
    addText(this, DESIGN_W - 24, DESIGN_H - 66, plural("menu.profile", stars, { slot: this.s.slot }), {
      size: FS.small,
      color: C.muted,
      originX: 1,
    });
    addText(this, DESIGN_W - 24, DESIGN_H - 40, t("app.version", { version: ENGINE_VERSION }), {
      size: FS.small,
      color: C.faint,
      originX: 1,
    });
  }
}
