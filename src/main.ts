// Entry point: create the store (the only owner of game state), then the Phaser game.
import Phaser from "phaser";
import { getScenario } from "./content/scenarios";
import { createGameStore } from "./store/game-store";
import { setAppStore } from "./ui/app";
import { createGameConfig } from "./ui/game-config";
import { installTestHook } from "./ui/test-hook";

const store = createGameStore({ getScenario });
setAppStore(store);
document.documentElement.lang = store.getState().lang;
store.subscribe(
  (s) => s.lang,
  (lang) => {
    document.documentElement.lang = lang;
  },
);

const game = new Phaser.Game(createGameConfig("game"));
// Harmless in production: it only reads state and widget positions.
installTestHook(game, store);
