// Preloader: progress bar while the logo loads, sprites are drawn into textures and the CJK font
// is confirmed; then the director takes over and shows whatever screen the store says.
import Phaser from "phaser";
import logoUrl from "../../../assets/ui/logo.svg?no-inline";
import { t } from "../../i18n";
import { appStore } from "../app";
import { startDirector } from "../director";
import { makeTextures } from "../sprites";
import { C, DESIGN_H, DESIGN_W, FONT_STACK, FS } from "../theme";
import { addText } from "../widgets/text";

export class Preloader extends Phaser.Scene {
  constructor() {
    super("Preloader");
  }

  preload(): void {
    const cx = DESIGN_W / 2;
    const cy = DESIGN_H / 2;
    const barW = 480;
    this.add
      .rectangle(cx, cy, barW + 8, 28, C.panel)
      .setStrokeStyle(1, C.line)
      .setRounded(14);
    const bar = this.add
      .rectangle(cx - barW / 2, cy, 4, 20, C.accent)
      .setOrigin(0, 0.5)
      .setRounded(10);
    addText(this, cx, cy - 44, t("app.loading"), { size: FS.h3, color: C.muted, originX: 0.5, originY: 0.5 });
    this.load.on("progress", (p: number) => {
      bar.width = Math.max(4, barW * p * 0.8);
    });
    this.load.svg("logo", logoUrl, { width: 256, height: 256 });
    this.bar = bar;
  }

  private bar?: Phaser.GameObjects.Rectangle;

  async create(): Promise<void> {
    makeTextures(this);
    if (this.bar) this.bar.width = 480 * 0.9;
    // Make sure Chinese glyphs are available before any text is measured for wrapping.
    try {
      await Promise.race([
        document.fonts.load(`${FS.body}px ${FONT_STACK}`, "电商店长"),
        new Promise((r) => setTimeout(r, 1500)),
      ]);
    } catch {
      /* system font stack: falling back is fine */
    }
    if (this.bar) this.bar.width = 480;
    this.scene.stop();
    startDirector(this.game, appStore());
  }
}
