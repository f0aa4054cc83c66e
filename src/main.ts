// Entry point: create the store (the only owner of game state), then the Phaser game.
import Phaser from "phaser";
import { getScenario } from "./content/scenarios";
import { createGameStore } from "./store/game-store";
import { setAppStore } from "./ui/app";
import { createGameConfig } from "./ui/game-config";
import { installTestHook } from "./ui/test-hook";
import { installReadableScale } from "./ui/viewport";

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
game.events.once(Phaser.Core.Events.READY, () => installReadableScale(game));
// Harmless in production: it only reads state and widget positions.
installTestHook(game, store);
