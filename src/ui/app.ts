// The UI's handle on the game store, set once by main.ts. Scenes read it instead of importing a
// global store module, so the store stays creatable in Node tests with a fake storage.
import type { GameStoreApi } from "../store/game-store";

let storeRef: GameStoreApi | null = null;

export function setAppStore(store: GameStoreApi): void {
  storeRef = store;
}

export function appStore(): GameStoreApi {
  if (!storeRef) throw new Error("app store not set (main.ts must call setAppStore first)");
  return storeRef;
}
