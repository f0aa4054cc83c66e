// Keeps the visible Phaser scene in step with the store's `screen`, and re-renders the current
// scene when the language changes. Scenes never start each other directly.
import type Phaser from "phaser";
import type { GameStoreApi, Screen } from "../store/game-store";

export const SCENE_OF: Record<Screen, string> = {
  menu: "MainMenu",
  briefing: "Briefing",
  shop: "Shop",
  report: "WeekReport",
  debrief: "Debrief",
  campaign: "Campaign",
  glossary: "Glossary",
  settings: "Settings",
  dashboard: "Dashboard",
  challenge: "ChallengeEntry",
  leaderboard: "Leaderboard",
  instructor: "InstructorCreate",
  instructorClass: "InstructorClass",
  trainee: "TraineeTimeline",
  instructorRank: "InstructorRank",
};

const SCREEN_SCENES = new Set(Object.values(SCENE_OF));

let started = false;

function show(game: Phaser.Game, key: string, restart: boolean): void {
  for (const s of game.scene.getScenes(false)) {
    const k = s.sys.settings.key;
    if (SCREEN_SCENES.has(k) && k !== key && (s.sys.isActive() || s.sys.isPaused())) game.scene.stop(k);
  }
  const target = game.scene.getScene(key);
  if (target?.sys.isActive()) {
    if (restart) target.scene.restart();
  } else {
    game.scene.start(key);
  }
}

/** Called by the Preloader once textures are ready: from here on the store drives the screens. */
export function startDirector(game: Phaser.Game, store: GameStoreApi): void {
  if (started) return;
  started = true;
  store.subscribe(
    (s) => s.screen,
    (screen) => show(game, SCENE_OF[screen], true),
  );
  store.subscribe(
    (s) => s.lang,
    () => show(game, SCENE_OF[store.getState().screen], true),
  );
  show(game, SCENE_OF[store.getState().screen], false);
}
