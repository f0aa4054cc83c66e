// Phaser game configuration: fixed 1280×720 design space scaled to fit the window (letterboxed),
// WebGL, and roundPixels on so small UI text stays crisp (Phaser 4 defaults it to false).
import Phaser from "phaser";
import { Boot } from "./scenes/boot";
import { Briefing } from "./scenes/briefing";
import { Debrief } from "./scenes/debrief";
import { MainMenu } from "./scenes/main-menu";
import { Preloader } from "./scenes/preloader";
import { Shop } from "./scenes/shop";
import { WeekReport } from "./scenes/week-report";
import { C, DESIGN_H, DESIGN_W } from "./theme";

export function createGameConfig(parent: string): Phaser.Types.Core.GameConfig {
  return {
    type: Phaser.WEBGL,
    parent,
    width: DESIGN_W,
    height: DESIGN_H,
    backgroundColor: C.bgDeep,
    roundPixels: true,
    antialias: true,
    scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH },
    input: { keyboard: true, mouse: true, touch: true },
    // No banner in the console: tests treat console output as signal.
    banner: false,
    scene: [Boot, Preloader, MainMenu, Briefing, Shop, WeekReport, Debrief],
  };
}
