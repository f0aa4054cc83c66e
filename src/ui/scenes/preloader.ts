// Preloader: progress bar while sprites are drawn into textures, the logo is rasterised and the CJK
// font is confirmed; then the director takes over and shows whatever screen the store says.
import Phaser from "phaser";
import logoUrl from "../../../assets/ui/logo.svg?no-inline";
import { t } from "../../i18n";
import { appStore } from "../app";
import { startDirector } from "../director";
import { makeTextures } from "../sprites";
import { C, DESIGN_H, DESIGN_W, FONT_STACK, FS } from "../theme";
import { addText } from "../widgets/text";

// The logo starts decoding as soon as this module is evaluated, in parallel with Phaser's boot, instead
// of through Phaser's loader once the scene runs (that cost ≈0.5 s before the menu, measured in headless
// Chromium).
const LOGO_PX = 256;
function startLogo(): { image: HTMLImageElement | null; ready: Promise<boolean> } {
  if (typeof Image === "undefined") return { image: null, ready: Promise.resolve(false) };
  const image = new Image();
  image.src = logoUrl;
  return {
    image,
    ready: image.decode().then(
      () => true,
      () => false,
    ),
  };
}
const logo = startLogo();

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
    this.bar = bar;
  }

  private bar?: Phaser.GameObjects.Rectangle;

  async create(): Promise<void> {
    makeTextures(this);
    if (this.bar) this.bar.width = 480 * 0.6;
    // Make sure Chinese glyphs are available before any text is measured for wrapping, and the logo is decoded.
    const fonts = document.fonts.load(`${FS.body}px ${FONT_STACK}`, "电商店长").catch(() => undefined);
    const decoded = await Promise.race([
      Promise.all([logo.ready, fonts]).then(([ok]) => ok),
      new Promise<boolean>((r) => setTimeout(() => r(false), 1500)),
    ]);
    this.addLogo(decoded);
    if (this.bar) this.bar.width = 480;
    this.scene.stop();
    startDirector(this.game, appStore());
  }

  /** The logo as a 256 px texture (drawn from the SVG), or an empty one if it could not be decoded. */
  private addLogo(decoded: boolean): void {
    if (this.textures.exists("logo")) return;
    const canvas = document.createElement("canvas");
    canvas.width = LOGO_PX;
    canvas.height = LOGO_PX;
    if (decoded && logo.image) canvas.getContext("2d")?.drawImage(logo.image, 0, 0, LOGO_PX, LOGO_PX);
    this.textures.addCanvas("logo", canvas);
  }
}
