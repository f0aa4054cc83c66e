// Phaser game configuration: fixed 1280×720 design space scaled to fit the window (letterboxed),
// WebGL, and roundPixels on so small UI text stays crisp (Phaser 4 defaults it to false).
import Phaser from "phaser";
import { Boot } from "./scenes/boot";
import { Briefing } from "./scenes/briefing";
import { Campaign } from "./scenes/campaign";
import { ChallengeEntry } from "./scenes/challenge-entry";
import { Dashboard } from "./scenes/dashboard";
import { Debrief } from "./scenes/debrief";
import { Glossary } from "./scenes/glossary";
import { InstructorClass } from "./scenes/instructor-class";
import { InstructorCreate } from "./scenes/instructor-create";
import { InstructorRank } from "./scenes/instructor-rank";
import { Leaderboard } from "./scenes/leaderboard";
import { MainMenu } from "./scenes/main-menu";
import { Preloader } from "./scenes/preloader";
import { Settings } from "./scenes/settings";
import { Shop } from "./scenes/shop";
import { TraineeTimeline } from "./scenes/trainee-timeline";
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
    // Touches are not captured, so a drag on the canvas scrolls the page on small screens
    // (src/ui/viewport.ts); buttons tell taps from drags themselves.
    input: { keyboard: true, mouse: true, touch: { capture: false } },
    // echarts charts are DOM elements in Phaser's container, which Scale.FIT scales with the canvas.
    dom: { createContainer: true },
    // No banner in the console: tests treat console output as signal.
    banner: false,
    // Our sound effects are synthesised on their own AudioContext after the first gesture (sfx.ts);
    // Phaser's sound manager would open another one at boot (≈0.3 s before the menu, measured).
    audio: { noAudio: true },
    scene: [
      Boot,
      Preloader,
      MainMenu,
      Briefing,
      Shop,
      WeekReport,
      Debrief,
      Campaign,
      Glossary,
      Settings,
      Dashboard,
      ChallengeEntry,
      Leaderboard,
      InstructorCreate,
      InstructorClass,
      TraineeTimeline,
      InstructorRank,
    ],
  };
}
