// Golden replays of every bundled scenario, pinned with the engine version in tests/engine/goldens.json
// (see golden-replays.ts). The recorded decisions replaying to another hash under the same
// ENGINE_VERSION fails: bump the version in src/engine/version.ts and run `npm run goldens:update`.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { BUNDLED_SCENARIOS } from "../../src/content/scenarios";
import { ENGINE_VERSION } from "../../src/engine";
import {
  compareGoldens,
  computeGoldens,
  GOLDEN_POLICIES,
  type GoldenPolicy,
  type GoldensFile,
  goldenSeed,
  REGENERATE,
  type ReplayOutcome,
  readGoldens,
  replayAll,
} from "./golden-replays";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TSX = join(ROOT, "node_modules", ".bin", "tsx");

let recorded: GoldensFile;
let current: GoldensFile;
let replay: (id: string, policy: GoldenPolicy) => ReplayOutcome;
// Twenty bot games and twenty replays: more than vitest's 10 s hook default on a busy machine.
beforeAll(() => {
  recorded = readGoldens();
  current = computeGoldens();
  replay = replayAll(recorded);
}, 180_000);

/** The problems compareGoldens finds for one scenario alone. */
function problemsOf(id: string): string[] {
  const pick = (g: GoldensFile): GoldensFile => {
    const out: GoldensFile = { engineVersion: g.engineVersion, scenarios: {} };
    const s = g.scenarios[id];
    if (s) out.scenarios[id] = s;
    return out;
  };
  return compareGoldens(pick(recorded), pick(current), replay).problems;
}

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
        expect((JSON.parse(g[p].decisions) as unknown[]).length).toBe(g[p].weeks);
      }
  });

  for (const sc of BUNDLED_SCENARIOS)
    it(`${sc.id}: the recorded decisions replay to the recorded hash and score, and the bots still play them`, () => {
      expect(problemsOf(sc.id).join("\n") || "matches").toBe("matches");
      for (const policy of GOLDEN_POLICIES) {
        const r = replay(sc.id, policy);
        expect("error" in r ? r.error : r.stateHash).toBe(recorded.scenarios[sc.id]?.[policy].stateHash);
        expect(current.scenarios[sc.id]?.[policy].stateHash).toBe(recorded.scenarios[sc.id]?.[policy].stateHash);
      }
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
  const first = (g: GoldensFile) => Object.values(g.scenarios)[0] as GoldensFile["scenarios"][string];
  const firstId = () => Object.keys(current.scenarios)[0] as string;
  /** Today's engine replays every recorded run to what was recorded... */
  const faithful =
    (g: GoldensFile) =>
    (id: string, p: GoldenPolicy): ReplayOutcome => {
      const run = g.scenarios[id]?.[p];
      return run ? { stateHash: run.stateHash, score: run.score } : { error: "none" };
    };
  /** ...or, after an engine change, the first scenario's textbook run to another hash. */
  const changedEngine =
    (g: GoldensFile) =>
    (id: string, p: GoldenPolicy): ReplayOutcome =>
      id === firstId() && p === "textbook" ? { stateHash: "f".repeat(64), score: 1 } : faithful(g)(id, p);

  it("equal goldens: no problems", () => {
    const g = base();
    expect(compareGoldens(g, base(), faithful(g))).toEqual({ problems: [], versionBumpNeeded: false });
  });

  it("recorded decisions replaying differently under the same version: fails, says to bump ENGINE_VERSION and regenerate", () => {
    const g = base();
    const r = compareGoldens(g, base(), changedEngine(g));
    expect(r.versionBumpNeeded).toBe(true);
    const text = r.problems.join("\n");
    expect(text).toMatch(/bump ENGINE_VERSION in src\/engine\/version\.ts/);
    expect(text).toContain(REGENERATE);
    expect(text).toContain(`${firstId()}/textbook`);
  });

  it("a recorded run the engine now refuses counts as a replay change too", () => {
    const g = base();
    const r = compareGoldens(g, base(), (id, p) =>
      id === firstId() && p === "random" ? { error: "week 3 refused: unknown SKU" } : faithful(g)(id, p),
    );
    expect(r.versionBumpNeeded).toBe(true);
    expect(r.problems.join("\n")).toContain("week 3 refused");
  });

  it("the same change after a version bump: regenerating is allowed, the file is named stale", () => {
    const g = base();
    g.engineVersion = `${current.engineVersion}-old`;
    const r = compareGoldens(g, base(), changedEngine(g));
    expect(r.versionBumpNeeded).toBe(false);
    expect(r.problems[0]).toMatch(/recorded on engine .*-old/);
  });

  it("a bot that plays differently while the engine replays the old decisions unchanged: regenerate, no bump", () => {
    const g = base();
    const now = base();
    const run = first(now).textbook;
    run.stateHash = "e".repeat(64);
    run.decisions = "[[]]";
    const r = compareGoldens(g, now, faithful(g));
    expect(r.versionBumpNeeded).toBe(false);
    expect(r.problems.join("\n")).toMatch(/textbook bot now plays differently.*no version bump is needed/);
  });

  it("a run recorded without its decisions (an older file): regenerate, no bump", () => {
    const g = base();
    delete (first(g).random as Partial<GoldensFile["scenarios"][string]["random"]>).decisions;
    const r = compareGoldens(g, base(), faithful(g));
    expect(r.versionBumpNeeded).toBe(false);
    expect(r.problems.join("\n")).toMatch(/random: recorded without its decisions/);
  });

  it("an edited scenario file: regenerate, no version bump needed", () => {
    const g = base();
    first(g).contentHash = "edited";
    const r = compareGoldens(g, base(), changedEngine(g));
    expect(r.versionBumpNeeded).toBe(false);
    expect(r.problems.join("\n")).toMatch(/the scenario file changed/);
  });

  it("a missing or an extra scenario is named", () => {
    const g = base();
    const id = firstId();
    delete g.scenarios[id];
    g.scenarios.gone = structuredClone(first(current));
    const text = compareGoldens(g, base(), faithful(g)).problems.join("\n");
    expect(text).toContain(`"${id}" has no goldens`);
    expect(text).toContain(`"gone" is no longer bundled`);
  });
});

describe("npm run goldens:update (scripts/goldens-update.ts)", () => {
  it("refuses to rewrite the file when a recorded run replays differently under the same version", () => {
    const dir = mkdtempSync(join(tmpdir(), "shopsim-goldens-"));
    try {
      const file = join(dir, "goldens.json");
      const tampered = structuredClone(recorded);
      const run = Object.values(tampered.scenarios)[0]?.textbook;
      if (run) run.stateHash = "0".repeat(64);
      const text = `${JSON.stringify(tampered, null, 2)}\n`;
      writeFileSync(file, text);
      const r = spawnSync(TSX, ["scripts/goldens-update.ts"], {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, GOLDENS_FILE: file },
        timeout: 120_000,
      });
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/not written: .*Bump ENGINE_VERSION in src\/engine\/version\.ts/);
      expect(readFileSync(file, "utf8")).toBe(text);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
