// The server verifies a run on its challenge's difficulty: a challenge created on hard accepts a run
// played on hard (scored on hard) and refuses one played on another difficulty (422 wrong_difficulty).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getScenario } from "../../src/content/scenarios";
import { replayRun, scenarioAt, scoreRun } from "../../src/engine";
import { api, botRun, buildBundle, createChallenge, type RunningServer, startServer } from "./helpers";

let srv: RunningServer;
let base: string;
beforeAll(async () => {
  srv = await startServer(buildBundle("difficulty"));
  base = srv.url;
});
afterAll(async () => {
  await srv?.stop();
});

const submit = (code: string, name: string, run: unknown) =>
  api(base, "POST", `/api/challenges/${code}/submissions`, { name, run });

describe("challenge difficulty", () => {
  it("a hard challenge scores a hard run on hard and refuses standard and easy runs", async () => {
    const ch = await createChallenge(base, { seed: "class-h", difficulty: "hard" });
    expect(ch.challenge.difficulty).toBe("hard");
    const read = await api(base, "GET", `/api/challenges/${ch.code}`);
    expect(read.body.challenge.difficulty).toBe("hard");

    const hard = botRun("launch", "class-h", "textbook", "hard");
    const ok = await submit(ch.code, "困难模式", hard);
    expect(ok.status).toBe(201);
    const sc = getScenario("launch");
    if (!sc) throw new Error("launch");
    const replay = replayRun(hard, sc);
    if (!replay.ok) throw new Error(replay.error.message);
    expect(ok.body.submission).toMatchObject({
      verified: true,
      score: scoreRun(scenarioAt(sc, "hard"), replay.state).score,
    });

    for (const d of ["standard", "easy"] as const) {
      const r = await submit(ch.code, `play-${d}`, botRun("launch", "class-h", "textbook", d));
      expect(r.status).toBe(422);
      expect(r.body.error).toMatchObject({
        code: "wrong_difficulty",
        key: "err.wrongDifficulty",
        params: { run: d, challenge: "hard" },
      });
      expect(r.body.error.message).toContain(`difficulty "${d}"`);
    }
    // A standard run relabelled as hard passes the label check and fails the hash chain at turn 1.
    const relabelled = { ...botRun("launch", "class-h", "textbook", "standard"), difficulty: "hard" };
    const r = await submit(ch.code, "relabel", relabelled);
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe("hash_mismatch");
  });

  it("a standard challenge (the default) refuses a hard run", async () => {
    const ch = await createChallenge(base, { seed: "class-s" });
    expect(ch.challenge.difficulty).toBe("standard");
    const r = await submit(ch.code, "hard-player", botRun("launch", "class-s", "textbook", "hard"));
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe("wrong_difficulty");
    const ok = await submit(ch.code, "std-player", botRun("launch", "class-s", "textbook"));
    expect(ok.status).toBe(201);
  });
});
