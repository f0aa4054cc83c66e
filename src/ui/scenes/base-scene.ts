// Shared scene plumbing: background, keyboard focus, the language switch, and store
// subscriptions that are dropped when the scene shuts down.
import Phaser from "phaser";
import { getLang, type Lang, t } from "../../i18n";
import type { GameStore, GameStoreApi } from "../../store/game-store";
import { appStore } from "../app";
import { C, DESIGN_H, DESIGN_W } from "../theme";
import { screenShown } from "../viewport";
import { Button } from "../widgets/button";
import { FocusManager } from "../widgets/focus";

export abstract class BaseScene extends Phaser.Scene {
  protected store!: GameStoreApi;
  protected focus!: FocusManager;
  private unsubs: (() => void)[] = [];

  protected get s(): GameStore {
    return this.store.getState();
  }

  /** Subclasses build their UI here; called from create(). */
  protected abstract build(): void;

  create(): void {
    this.store = appStore();
    this.focus = new FocusManager(this);
    this.cameras.main.setBackgroundColor(C.bg);
    screenShown(this.sys.settings.key);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      for (const u of this.unsubs) u();
      this.unsubs = [];
    });
    this.build();
  }

  /** Subscribe to a slice of the store for the life of this scene. */
  protected watch<U>(selector: (s: GameStore) => U, listener: (v: U, prev: U) => void): void {
    this.unsubs.push(this.store.subscribe(selector, listener));
  }

  /** A subtle backdrop: deep gradient bands and a soft grid, drawn once. */
  protected drawBackdrop(): void {
    // Drawn into a texture once and shown as one image: a Graphics object would be re-tessellated
    // every frame, which costs real frame time on lab PCs without a GPU.
    if (!this.textures.exists("backdrop")) {
      const g = this.make.graphics({ x: 0, y: 0 }, false);
      g.fillGradientStyle(C.bgDeep, C.bgDeep, C.bg, C.bg, 1);
      g.fillRect(0, 0, DESIGN_W, DESIGN_H);
      g.lineStyle(1, C.line, 0.18);
      for (let x = 0; x <= DESIGN_W; x += 40) g.lineBetween(x, 0, x, DESIGN_H);
      for (let y = 0; y <= DESIGN_H; y += 40) g.lineBetween(0, y, DESIGN_W, y);
      g.generateTexture("backdrop", DESIGN_W, DESIGN_H);
      g.destroy();
    }
    this.add.image(0, 0, "backdrop").setOrigin(0, 0);
  }

  /** 中文 | English switch; ids lang.zh-CN / lang.en. */
  protected addLangSwitch(x: number, y: number, h = 32): void {
    const langs: { lang: Lang; key: "lang.zh" | "lang.en" }[] = [
      { lang: "zh-CN", key: "lang.zh" },
      { lang: "en", key: "lang.en" },
    ];
    const w = 84;
    langs.forEach((l, i) => {
      const selected = getLang() === l.lang;
      new Button(this, {
        id: `lang.${l.lang}`,
        x: x + i * (w + 4),
        y,
        w,
        h,
        label: selected ? `✓ ${t(l.key)}` : t(l.key),
        variant: "chip",
        size: 14,
        selected,
        focus: this.focus,
        onClick: () => {
          if (!selected) this.store.getState().setLang(l.lang);
        },
      });
    });
  }
}
