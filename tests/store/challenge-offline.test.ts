// Offline challenges in the challenge store: a code or a challenge file opens the market; playing it
// starts that scenario and seed with the player's name and the code on the run file (labels that
// survive every week and the replay); bad input leaves an error and changes nothing else.
import { describe, expect, it } from "vitest";
import { getScenario } from "../../src/content/scenarios";
import { replayRun } from "../../src/engine";
import { challengeFileJson, createOfflineChallenge, offlineCode } from "../../src/shared/offline-challenge";
import type { ChallengeApi } from "../../src/store/challenge-api";
import { createChallengeStore } from "../../src/store/challenge-store";
import { createGameStore } from "../../src/store/game-store";
import { memoryStorage } from "../../src/store/persistence";

function stores() {
  const game = createGameStore({ getScenario, storage: memoryStorage(), now: () => 1700000000000 });
  const challenge = createChallengeStore(game, {} as ChallengeApi); // offline: the API is never called
  return { game, challenge, g: () => game.getState(), c: () => challenge.getState() };
}

describe("offline challenge store", () => {
  it("opens a code, plays it with the name and code on the run file, and the run replays", () => {
    const { g, c } = stores();
    const code = offlineCode("launch", "class-9");
    expect(c().openOfflineCode(code.toLowerCase())).toBe(true);
    expect(c().offline.challenge).toMatchObject({ code, scenarioId: "launch", seed: "class-9", from: "code" });
    expect(c().playOffline()).toBe(false); // no name yet
    c().setName("  王芳 ");
    expect(c().playOffline()).toBe(true);
    expect(g().scenario?.id).toBe("launch");
    expect(g().game?.seed).toBe("class-9");
    expect(g().run?.meta).toEqual({ player: "王芳", challenge: code });
    expect(c().active).toBeNull(); // not a server challenge: the debrief offers no submission
    g().endWeek();
    g().endWeek();
    const run = g().run;
    if (!run) throw new Error("no run");
    expect(run.turns.length).toBe(2);
    expect(run.meta).toEqual({ player: "王芳", challenge: code });
    const launch = getScenario("launch");
    if (!launch) throw new Error("launch missing");
    expect(replayRun(run, launch).ok).toBe(true);
  });

  it("opens a challenge file with its class name; refuses a typo or an edited file with a reason", () => {
    const { g, c } = stores();
    const launch = getScenario("launch");
    if (!launch) throw new Error("launch missing");
    const file = createOfflineChallenge({
      scenario: launch,
      seed: "class-9",
      difficulty: "easy",
      className: "电商 2303 班",
      deadline: null,
    });
    expect(c().openChallengeFile(challengeFileJson(file))).toBe(true);
    expect(c().offline.challenge).toMatchObject({ className: "电商 2303 班", difficulty: "easy", from: "file" });
    c().setName("李四");
    expect(c().playOffline()).toBe(true);
    expect(g().run?.meta).toEqual({ player: "李四", className: "电商 2303 班", challenge: file.code });

    const typo = `${file.code.slice(0, -1)}${file.code.endsWith("Z") ? "Y" : "Z"}`;
    expect(c().openOfflineCode(typo)).toBe(false);
    expect(c().offline).toMatchObject({ status: "error", challenge: null, error: { key: "off.err.codeTypo" } });
    expect(c().openChallengeFile(challengeFileJson({ ...file, seed: "class-10" }))).toBe(false);
    expect(c().offline.error?.key).toBe("off.err.edited");
    expect(c().playOffline()).toBe(false);
    expect(g().game?.seed).toBe("class-9"); // the game in progress is untouched
  });
});
