// Run files: the save, the submission and the replay input are one format. Replaying a run
// recomputes every state and checks the recorded hash chain; any difference is named by turn.
import { z } from "zod";
import type { Decision } from "./decisions";
import { baseScenario, DIFFICULTIES, type Difficulty, scenarioDifficulty } from "./difficulty";
import { GENESIS_HASH, type Sha256Hex, stateHash } from "./hash";
import { scenarioContentHash } from "./scenario";
import type { Scenario } from "./scenario-schema";
import { newGame } from "./state";
import { step } from "./step";
import type { GameState, WeekReport } from "./types";
import { ENGINE_VERSION, RUN_FORMAT } from "./version";

// Decisions inside a run are validated by the engine during replay (with turn-located errors);
// here they only need to be objects with a type.
const RawDecision = z.looseObject({ type: z.string() });

export const RunFileSchema = z
  .object({
    format: z.literal(RUN_FORMAT),
    version: z.literal(1),
    engineVersion: z.string(),
    scenario: z.object({ id: z.string(), contentHash: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
    seed: z.string().min(1).max(200),
    difficulty: z
      .enum(DIFFICULTIES)
      .optional()
      .describe(
        'The market\'s difficulty (docs/SCENARIOS.md "Difficulty"); absent = "standard" (files from before difficulty existed). Covered by the hash chain: easy and hard states carry it',
      ),
    turns: z.array(z.array(RawDecision).max(200)).max(60),
    hashes: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(60),
    meta: z
      .object({
        player: z.string().max(64).optional(),
        className: z.string().max(60).optional(),
        challenge: z.string().max(80).optional(),
      })
      .strict()
      .optional()
      .describe(
        "Optional labels for people (the player's name, the class, the offline challenge code); never read by the replay or the score",
      ),
  })
  .strict();

/** Who played a run and for which offline challenge: labels only, outside the hash chain. */
export interface RunMeta {
  player?: string;
  className?: string;
  challenge?: string;
}

export interface RunFile {
  format: typeof RUN_FORMAT;
  version: 1;
  engineVersion: string;
  scenario: { id: string; contentHash: string };
  seed: string;
  /** Absent in files from before difficulty existed: "standard". */
  difficulty?: Difficulty;
  turns: Decision[][];
  hashes: string[];
  meta?: RunMeta;
}

/** The difficulty a run was played on (absent in old files = standard). */
export function runDifficulty(run: Pick<RunFile, "difficulty">): Difficulty {
  return run.difficulty ?? "standard";
}

/**
 * A new run file. `difficulty` defaults to the scenario's own (a scenario from `scenarioAt` carries
 * its difficulty); the file names and hashes the scenario file it comes from.
 */
export function newRunFile(
  played: Scenario,
  seed: string,
  meta?: RunMeta,
  difficulty: Difficulty = scenarioDifficulty(played),
): RunFile {
  const scenario = baseScenario(played);
  const run: RunFile = {
    format: RUN_FORMAT,
    version: 1,
    engineVersion: ENGINE_VERSION,
    scenario: { id: scenario.id, contentHash: scenarioContentHash(scenario) },
    seed,
    difficulty,
    turns: [],
    hashes: [],
  };
  if (meta && Object.keys(meta).length > 0) run.meta = { ...meta };
  return run;
}

export function appendTurn(run: RunFile, decisions: readonly Decision[], hash: string): RunFile {
  return { ...run, turns: [...run.turns, [...decisions]], hashes: [...run.hashes, hash] };
}

export function parseRunFile(raw: unknown): { ok: true; run: RunFile } | { ok: false; error: string } {
  const r = RunFileSchema.safeParse(raw);
  if (!r.success) {
    const i = r.error.issues[0];
    const path = i && i.path.length > 0 ? i.path.map(String).join(".") : "(root)";
    return { ok: false, error: `not a valid run file: ${path}: ${i?.message ?? "invalid"}` };
  }
  if (r.data.turns.length !== r.data.hashes.length) {
    return {
      ok: false,
      error: `not a valid run file: ${r.data.turns.length} turns but ${r.data.hashes.length} hashes`,
    };
  }
  return { ok: true, run: r.data as unknown as RunFile };
}

export interface ReplayError {
  key: string;
  params: Record<string, string | number>;
  message: string;
}

export type ReplayResult =
  | { ok: true; state: GameState; reports: WeekReport[]; hashes: string[] }
  | { ok: false; error: ReplayError };

export interface ReplayOptions {
  /** false: recompute the hashes without comparing them to the recorded ones. */
  checkHashes?: boolean;
  /** The SHA-256 to chain state hashes with (the same digest; a native one is faster than the default). */
  sha256Hex?: Sha256Hex;
  /** scenarioContentHash(scenario), when the caller has it already (a verification worker caches it). */
  contentHash?: string;
}

/**
 * Replays a run from its seed on its difficulty; refuses other engine/scenario versions; checks every
 * hash. `file` is the scenario file the run names (a scenario from `scenarioAt` is taken back to it).
 */
export function replayRun(run: RunFile, file: Scenario, opts: ReplayOptions = {}): ReplayResult {
  const scenario = baseScenario(file);
  const fail = (key: string, params: Record<string, string | number>, message: string): ReplayResult => ({
    ok: false,
    error: { key, params, message },
  });
  if (run.engineVersion !== ENGINE_VERSION) {
    return fail(
      "err.engineVersion",
      { run: run.engineVersion, engine: ENGINE_VERSION },
      `run was played on engine ${run.engineVersion}; this is engine ${ENGINE_VERSION}`,
    );
  }
  if (run.scenario.id !== scenario.id) {
    return fail(
      "err.scenarioId",
      { run: run.scenario.id, scenario: scenario.id },
      `run is for scenario "${run.scenario.id}", not "${scenario.id}"`,
    );
  }
  const contentHash = opts.contentHash ?? scenarioContentHash(scenario);
  if (run.scenario.contentHash !== contentHash) {
    return fail(
      "err.scenarioContent",
      { id: scenario.id },
      `scenario "${scenario.id}" has changed since this run was played (content hash differs)`,
    );
  }
  if (run.turns.length > scenario.weeks) {
    return fail(
      "err.tooManyTurns",
      { turns: run.turns.length, weeks: scenario.weeks },
      `run has ${run.turns.length} turns; the scenario has ${scenario.weeks} weeks`,
    );
  }
  let state = newGame(scenario, run.seed, runDifficulty(run));
  let prev = GENESIS_HASH;
  const reports: WeekReport[] = [];
  const hashes: string[] = [];
  for (let t = 0; t < run.turns.length; t++) {
    const turn = run.turns[t] ?? [];
    const out = step(scenario, state, turn);
    if (!out.ok) {
      const e = out.errors[0];
      const idx = e?.index ?? 0;
      return fail(
        "err.replayDecision",
        { turn: t + 1, decision: idx + 1, reason: e?.error.message ?? "" },
        `turn ${t + 1}, decision ${idx + 1} (${String(turn[idx]?.type)}): ${e?.error.message ?? "rejected"}`,
      );
    }
    state = out.state;
    reports.push(out.report);
    prev = stateHash(state, prev, opts.sha256Hex);
    hashes.push(prev);
    if (opts.checkHashes !== false && run.hashes[t] !== prev) {
      return fail(
        "err.hashMismatch",
        { turn: t + 1 },
        `turn ${t + 1}: the recorded state hash does not match the replay (the log was edited or played on another engine)`,
      );
    }
  }
  return { ok: true, state, reports, hashes };
}
