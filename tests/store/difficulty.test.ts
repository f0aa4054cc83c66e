// Difficulty in the game store: each save slot has a campaign difficulty, chosen while the slot is new
// and kept from then on; a new shop opens on it, a challenge (online, offline file or code) brings its
// own; the game, the run file and the store's scenario are the played ones, and a resumed save keeps it.
import { describe, expect, it } from "vitest";
import { getScenario } from "../../src/content/scenarios";
import { DIFFICULTY, replayRun } from "../../src/engine";
import { offlineCode } from "../../src/shared/offline-challenge";
import type { ChallengeApi } from "../../src/store/challenge-api";
import { createChallengeStore } from "../../src/store/challenge-store";
import { createGameStore } from "../../src/store/game-store";
import { memoryStorage } from "../../src/store/persistence";

const launch = getScenario("launch");
if (!launch) throw new Error("launch missing");

function fresh(storage = memoryStorage()) {
  const game = createGameStore({ getScenario, storage, now: () => 1700000000000 });
  return { storage, game, g: () => game.getState() };
}

describe("campaign difficulty per save slot", () => {
  it("is chosen while the slot is new, opens new shops on it and is then fixed", () => {
    const { storage, g } = fresh();
    expect(g().difficulty).toBe("standard");
    expect(g().canChooseDifficulty()).toBe(true);
    expect(g().setDifficulty("hard")).toBe(true);
    expect(g().difficulty).toBe("hard");
    expect(g().startScenario("launch", "slot-h")).toBe(true);
    expect(g().game?.difficulty).toBe("hard");
    expect(g().run?.difficulty).toBe("hard");
    // The store's scenario is the market as played (panels, debrief and what-if read it).
    expect(g().scenario?.start.cashFen).toBe(Math.round(launch.start.cashFen * DIFFICULTY.hard.startCash));
    expect(g().game?.cashFen).toBe(g().scenario?.start.cashFen);
    // Starting over before a week is played may still change it; after a week it is fixed.
    expect(g().canChooseDifficulty()).toBe(true);
    g().endWeek();
    expect(g().canChooseDifficulty()).toBe(false);
    expect(g().setDifficulty("easy")).toBe(false);
    expect(g().difficulty).toBe("hard");
    expect(g().peekSlot(1)?.difficulty).toBe("hard");

    // Another slot has its own; coming back reads the slot's, and the save resumes on hard.
    g().selectSlot(2);
    expect(g().difficulty).toBe("standard");
    expect(g().slotDifficulty(1)).toBe("hard");
    expect(g().setDifficulty("easy")).toBe(true);
    g().selectSlot(1);
    expect(g().difficulty).toBe("hard");
    expect(g().resume()).toBe(true);
    expect(g().game?.difficulty).toBe("hard");
    expect(g().scenario?.start.cashFen).toBe(Math.round(launch.start.cashFen * DIFFICULTY.hard.startCash));
    g().endWeek();
    const run = g().run;
    if (!run) throw new Error("no run");
    const replay = replayRun(run, launch);
    expect(replay.ok).toBe(true);
    if (replay.ok) expect(replay.state).toEqual(g().game);

    // A new store on the same storage (a reload) remembers both slots' difficulties.
    const again = createGameStore({ getScenario, storage, now: () => 1700000000000 }).getState();
    expect(again.difficulty).toBe("hard");
    expect(again.slotDifficulty(2)).toBe("easy");
  });

  it("a slot with stars or scores keeps its difficulty", () => {
    const { g } = fresh();
    g().startScenario("sandbox", "s");
    while (g().game?.status === "playing") g().endWeek();
    expect(Object.keys(g().progress).length).toBeGreaterThan(0);
    g().abandon();
    expect(g().canChooseDifficulty()).toBe(false);
    expect(g().setDifficulty("easy")).toBe(false);
    expect(g().difficulty).toBe("standard");
  });

  it("a challenge brings its own difficulty, whatever the slot's", () => {
    const { game, g } = fresh();
    g().setDifficulty("easy");
    const store = createChallengeStore(game, {} as ChallengeApi);
    const c = () => store.getState();
    expect(c().openOfflineCode(offlineCode("launch", "class-1", "hard"))).toBe(true);
    expect(c().offline.challenge?.difficulty).toBe("hard");
    c().setName("王芳");
    expect(c().playOffline()).toBe(true);
    expect(g().game?.difficulty).toBe("hard");
    expect(g().run?.difficulty).toBe("hard");
    expect(g().difficulty).toBe("easy"); // the slot's campaign difficulty is untouched
    // A standard code plays standard.
    expect(c().openOfflineCode(offlineCode("launch", "class-1"))).toBe(true);
    expect(c().playOffline()).toBe(true);
    expect(g().game?.difficulty).toBeUndefined();
    expect(g().run?.difficulty).toBe("standard");
  });
});
