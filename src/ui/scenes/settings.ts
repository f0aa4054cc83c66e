// Settings: language, sound effects on/off with a volume, and motion (follow the system's
// prefers-reduced-motion, full, or reduced). Every change is saved by the store at once.
import { t } from "../../i18n";
import { reducedMotion, systemPrefersReduced } from "../motion";
import { playSfx } from "../sfx";
import { C, DESIGN_H, DESIGN_W, FS } from "../theme";
import { Button } from "../widgets/button";
import { Card } from "../widgets/card";
import { backButton } from "../widgets/page-buttons";
import { addText } from "../widgets/text";
import { BaseScene } from "./base-scene";

export class Settings extends BaseScene {
  constructor() {
    super("Settings");
  }

  protected build(): void {
    this.drawBackdrop();
    addText(this, 32, 20, `⚙ ${t("settings.title")}`, { size: FS.h1, bold: true });
    const set = this.s.settings;
    const x = 160;
    const w = DESIGN_W - 2 * x;
    const card = new Card(this, { x, y: 96, w, h: 470 });
    const labelX = 32;
    const ctlX = 300;
    const row = (y: number, key: string) =>
      card.add(addText(this, labelX, y + 22, t(key), { size: FS.h2, bold: true, originY: 0.5 }));

    row(24, "settings.language");
    this.addLangSwitch(x + ctlX, 96 + 24 + 2, 44);

    row(112, "settings.sound");
    const onOff: [boolean, string][] = [
      [true, "common.on"],
      [false, "common.off"],
    ];
    onOff.forEach(([on, key], i) => {
      new Button(this, {
        id: `settings.sfx.${on ? "on" : "off"}`,
        x: ctlX + i * 128,
        y: 112,
        w: 120,
        h: 44,
        label: set.sfx === on ? `✓ ${t(key)}` : t(key),
        variant: "chip",
        size: FS.h3,
        selected: set.sfx === on,
        focus: this.focus,
        parent: card,
        onClick: () => {
          this.s.setSettings({ sfx: on });
          this.scene.restart();
        },
      });
    });

    row(196, "settings.volume");
    const vol = Math.round(set.volume * 100);
    const step = (d: number) => {
      this.s.setSettings({ volume: Math.max(0, Math.min(1, Math.round((set.volume + d) * 10) / 10)) });
      playSfx("click");
      this.scene.restart();
    };
    new Button(this, {
      id: "settings.volume.minus",
      x: ctlX,
      y: 196,
      w: 56,
      h: 44,
      label: "−",
      size: FS.h2,
      enabled: set.sfx && vol > 0,
      focus: this.focus,
      parent: card,
      onClick: () => step(-0.1),
    });
    // A bar and the number: the level reads without colour.
    const g = this.add.graphics();
    g.fillStyle(C.bgDeep, 1).fillRoundedRect(ctlX + 68, 210, 200, 16, 8);
    g.fillStyle(set.sfx ? C.accent : C.disabled, 1).fillRoundedRect(ctlX + 68, 210, Math.max(16, 2 * vol), 16, 8);
    card.add(g);
    card.add(
      addText(this, ctlX + 280, 218, t("settings.volumeValue", { n: vol }), { size: FS.h3, bold: true, originY: 0.5 }),
    );
    new Button(this, {
      id: "settings.volume.plus",
      x: ctlX + 350,
      y: 196,
      w: 56,
      h: 44,
      label: "+",
      size: FS.h2,
      enabled: set.sfx && vol < 100,
      focus: this.focus,
      parent: card,
      onClick: () => step(0.1),
    });
    new Button(this, {
      id: "settings.test",
      x: ctlX + 420,
      y: 196,
      w: 120,
      h: 44,
      label: `♪ ${t("settings.test")}`,
      size: FS.body,
      enabled: set.sfx && vol > 0,
      focus: this.focus,
      parent: card,
      onClick: () => playSfx("cash"),
    });

    row(280, "settings.motion");
    (["auto", "full", "reduced"] as const).forEach((m, i) => {
      new Button(this, {
        id: `settings.motion.${m}`,
        x: ctlX + i * 180,
        y: 280,
        w: 172,
        h: 44,
        label: set.motion === m ? `✓ ${t(`settings.motion.${m}`)}` : t(`settings.motion.${m}`),
        variant: "chip",
        size: FS.body,
        selected: set.motion === m,
        focus: this.focus,
        parent: card,
        onClick: () => {
          this.s.setSettings({ motion: m });
          this.scene.restart();
        },
      });
    });
    card.add(
      addText(this, ctlX, 336, t(systemPrefersReduced() ? "settings.systemReduced" : "settings.systemFull"), {
        size: FS.body,
        color: C.muted,
      }),
    );
    // Reduced motion in effect → a still marker; otherwise a gently moving one (a live preview).
    const dot = this.add.circle(ctlX + 560, 346, 8, C.good);
    card.add(dot);
    if (!reducedMotion()) this.tweens.add({ targets: dot, x: ctlX + 620, yoyo: true, repeat: -1, duration: 900 });
    card.add(addText(this, labelX, 420, t("settings.saved"), { size: FS.body, color: C.muted, width: w - 64 }));

    backButton(this, { id: "settings.back", x: 32, y: DESIGN_H - 84, focus: this.focus, onBack: () => this.s.back() });
  }
}
