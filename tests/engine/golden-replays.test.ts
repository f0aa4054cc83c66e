// Golden replays of every bundled scenario, pinned with the engine version in tests/engine/goldens.json
// (see golden-replays.ts). Same ENGINE_VERSION + a different hash fails: bump the version in
// src/engine/version.ts and run `npm run goldens:update`.
import { beforeAll, describe, expect, it } from "vitest";
import { BUNDLED_SCENARIOS } from "../../src/content/scenarios";
import { ENGINE_VERSION } from "../../src/engine";
import {
  compareGoldens,
  computeGoldens,
  GOLDEN_POLICIES,
  type GoldensFile,
  goldenSeed,
  REGENERATE,
  readGoldens,
} from "./golden-replays";

let recorded: GoldensFile;
let current: GoldensFile;
beforeAll(() => {
  recorded = readGoldens();
  current = computeGoldens();
});

describe("golden replays (tests/engine/goldens.json)", () => {
  it("were recorded on this engine version", () => {
    expect(recorded.engineVersion, `the engine is ${ENGINE_VERSION}: run \`${REGENERATE}\``).toBe(ENGINE_VERSION);
  });

  it("cover every bundled scenario, textbook and random, one seed each", () => {
    expect(Object.keys(recorded.scenarios).sort()).toEqual(BUNDLED_SCENARIOS.map((s) => s.id).sort());
    for (const [id, g] of Object.entries(recorded.scenarios))
      for (const p of GOLDEN_POLICIES) {
        expect(g[p].seed).toBe(goldenSeed(id));
        expect(g[p].stateHash).toMatch(/^[0-9a-f]{64}$/);
        expect(g[p].status).not.toBe("playing");
      }
  });

  for (const sc of BUNDLED_SCENARIOS)
    for (const policy of GOLDEN_POLICIES)
      it(`${sc.id} / ${policy} replays to the recorded hash and score`, () => {
        const rec = recorded.scenarios[sc.id];
        const cur = current.scenarios[sc.id];
        const one: GoldensFile = { engineVersion: recorded.engineVersion, scenarios: {} };
        if (rec) one.scenarios[sc.id] = rec;
        const now: GoldensFile = { engineVersion: current.engineVersion, scenarios: {} };
        if (cur) now.scenarios[sc.id] = cur;
        const { problems } = compareGoldens(one, now);
        const mine = problems.filter((p) => p.startsWith(`${sc.id}/${policy}`) || p.includes(`"${sc.id}"`));
        expect(mine.join("\n") || "matches").toBe("matches");
        expect(cur?.[policy].stateHash).toBe(rec?.[policy].stateHash);
        expect(cur?.[policy].score).toBe(rec?.[policy].score);
      });

  it("textbook beats random in every scenario (the recorded runs)", () => {
    for (const [id, g] of Object.entries(recorded.scenarios))
      expect(g.textbook.score, `${id}: textbook ${g.textbook.score}, random ${g.random.score}`).toBeGreaterThan(
        g.random.score,
      );
  });
});

describe("the version guard (compareGoldens, used by the test above and by goldens:update)", () => {
  const base = (): GoldensFile => structuredClone(current);
  const moved = (g: GoldensFile): GoldensFile => {
    const out = structuredClone(g);
    const first = Object.values(out.scenarios)[0];
    if (first) first.textbook.stateHash = "0".repeat(64);
    return out;
  };

  it("equal goldens: no problems", () => {
    expect(compareGoldens(base(), base())).toEqual({ problems: [], versionBumpNeeded: false });
  });

  it("a moved hash under the same version: fails, says to bump ENGINE_VERSION and regenerate", () => {
    const r = compareGoldens(moved(base()), base());
    expect(r.versionBumpNeeded).toBe(true);
    expect(r.problems.join("\n")).toMatch(/bump ENGINE_VERSION in src\/engine\/version\.ts/);
    expect(r.problems.join("\n")).toContain(REGENERATE);
  });

  it("a moved hash after a version bump: regenerating is allowed (no bump needed), but the file is stale", () => {
    const old = moved(base());
    old.engineVersion = `${current.engineVersion}-old`;
    const r = compareGoldens(old, base());
    expect(r.versionBumpNeeded).toBe(false);
    expect(r.problems[0]).toMatch(/recorded on engine .*-old/);
  });

  it("a moved hash because the scenario file changed: regenerate, no version bump needed", () => {
    const old = moved(base());
    const first = Object.values(old.scenarios)[0];
    if (first) first.contentHash = "edited";
    const r = compareGoldens(old, base());
    expect(r.versionBumpNeeded).toBe(false);
    expect(r.problems.join("\n")).toMatch(/scenario file changed/);
  });

  it("a missing or an extra scenario is named", () => {
    const old = base();
    const [firstId] = Object.keys(old.scenarios);
    if (firstId) delete old.scenarios[firstId];
    old.scenarios.gone = structuredClone(Object.values(current.scenarios)[0]) as GoldensFile["scenarios"][string];
    const text = compareGoldens(old, base()).problems.join("\n");
    expect(text).toContain(`"${firstId}" has no goldens`);
    expect(text).toContain(`"gone" is no longer bundled`);
  });
});
