// Verifying one run against a challenge: the checks the CLI's `verify` makes plus "is this the
// challenge's market?". Pure (engine + bundled scenarios), so the server's verification workers,
// the CLI's `rank` and the game's offline ranking screen all run this one function. It never
// looks at a score the client sent: the score is recomputed.
import { getScenario } from "../content/scenarios";
import {
  type ContractKpis,
  canonicalJson,
  contractKpis,
  type Difficulty,
  ENGINE_VERSION,
  parseRunFile,
  type RunFile,
  replayRun,
  runDifficulty,
  type Sha256Hex,
  scenarioAt,
  scenarioContentHash,
  scoreRun,
  sha256Hex,
} from "../engine";

/** One week of a verified run, for the instructor's timeline. */
export interface TimelineWeek {
  week: number;
  decisions: unknown[];
  kpis: {
    uv: number;
    orders: number;
    gmvFen: number;
    conversionRate: number;
    netProfitFen: number;
    cashEndFen: number;
  };
}

export interface ChallengeTarget {
  scenarioId: string;
  seed: string;
  engineVersion: string;
  contentHash: string;
  /** The challenge's difficulty; a run played on another one is refused ("wrong_difficulty"). */
  difficulty: Difficulty;
}

export type RejectCode =
  | "invalid_run"
  | "engine_version"
  | "wrong_scenario"
  | "scenario_changed"
  | "wrong_seed"
  | "wrong_difficulty"
  | "invalid_decision"
  | "hash_mismatch"
  | "run_incomplete"
  | "replay_failed";

export type VerifyOutcome =
  | {
      ok: true;
      runHash: string;
      score: number;
      stars: number;
      stateHash: string;
      turns: number;
      kpis: ContractKpis;
      timeline: TimelineWeek[];
      /** The run re-serialised from its validated form (what is stored). */
      runJson: string;
    }
  | {
      ok: false;
      runHash: string | null;
      code: RejectCode;
      message: string;
      /** The engine's translatable reason, when there is one. */
      key?: string;
      params?: Record<string, string | number>;
    };

// A worker verifies many runs of the same few scenarios: hash each scenario's content once.
const contentHashes = new Map<string, string>();
function contentHashOf(scenario: NonNullable<ReturnType<typeof getScenario>>): string {
  let h = contentHashes.get(scenario.id);
  if (h === undefined) {
    h = scenarioContentHash(scenario);
    contentHashes.set(scenario.id, h);
  }
  return h;
}

/** The run's identity: SHA-256 of its canonical JSON (labels in `meta` included). */
export function runHashOf(run: RunFile, sha: Sha256Hex = sha256Hex): string {
  return sha(canonicalJson(run));
}

const KEY_TO_CODE: Record<string, RejectCode> = {
  "err.engineVersion": "engine_version",
  "err.scenarioId": "wrong_scenario",
  "err.scenarioContent": "scenario_changed",
  "err.tooManyTurns": "invalid_run",
  "err.replayDecision": "invalid_decision",
  "err.hashMismatch": "hash_mismatch",
};

/**
 * Replays `raw` against the challenge and recomputes its score. `sha` is the SHA-256 to use (the
 * server and the CLI pass Node's native one; the browser uses the engine's): the digest, hence the
 * outcome, is the same.
 */
export function verifyRunWith(target: ChallengeTarget, raw: unknown, sha: Sha256Hex = sha256Hex): VerifyOutcome {
  const parsed = parseRunFile(raw);
  if (!parsed.ok) return { ok: false, runHash: null, code: "invalid_run", message: parsed.error };
  const run = parsed.run;
  const runHash = runHashOf(run, sha);
  const no = (code: RejectCode, message: string, key?: string, params?: Record<string, string | number>) =>
    ({ ok: false, runHash, code, message, ...(key ? { key, params } : {}) }) as VerifyOutcome;

  if (run.engineVersion !== target.engineVersion || run.engineVersion !== ENGINE_VERSION) {
    return no(
      "engine_version",
      `run was played on engine ${run.engineVersion}; this challenge needs engine ${target.engineVersion}` +
        (target.engineVersion !== ENGINE_VERSION ? ` (the server runs ${ENGINE_VERSION})` : ""),
      "err.engineVersion",
      { run: run.engineVersion, engine: target.engineVersion },
    );
  }
  if (run.scenario.id !== target.scenarioId) {
    return no(
      "wrong_scenario",
      `run is for scenario "${run.scenario.id}"; this challenge is "${target.scenarioId}"`,
      "err.scenarioId",
      { run: run.scenario.id, scenario: target.scenarioId },
    );
  }
  const scenario = getScenario(target.scenarioId);
  if (!scenario) return no("wrong_scenario", `the server no longer has scenario "${target.scenarioId}"`);
  if (run.scenario.contentHash !== target.contentHash || contentHashOf(scenario) !== target.contentHash) {
    return no(
      "scenario_changed",
      `scenario "${target.scenarioId}" content differs from the challenge's (content hash)`,
      "err.scenarioContent",
      { id: target.scenarioId },
    );
  }
  if (run.seed !== target.seed) {
    return no("wrong_seed", "run was played on another market seed than this challenge's", "err.wrongSeed", {});
  }
  const played = runDifficulty(run);
  if (played !== target.difficulty) {
    return no(
      "wrong_difficulty",
      `run was played on difficulty "${played}"; this challenge is "${target.difficulty}"`,
      "err.wrongDifficulty",
      { run: played, challenge: target.difficulty },
    );
  }
  const replay = replayRun(run, scenario, { sha256Hex: sha, contentHash: contentHashOf(scenario) });
  if (!replay.ok) {
    return no(
      KEY_TO_CODE[replay.error.key] ?? "replay_failed",
      replay.error.message,
      replay.error.key,
      replay.error.params,
    );
  }
  if (replay.state.status === "playing") {
    return no(
      "run_incomplete",
      `run has ${run.turns.length} of ${scenario.weeks} weeks; submit it after the last week`,
      "err.runIncomplete",
      { turns: run.turns.length, weeks: scenario.weeks },
    );
  }
  const score = scoreRun(scenarioAt(scenario, played), replay.state);
  const kpis: ContractKpis = contractKpis(scenarioAt(scenario, played), replay.state);
  const timeline: TimelineWeek[] = replay.reports.map((r, i) => ({
    week: i + 1,
    decisions: run.turns[i] ?? [],
    kpis: {
      uv: r.kpis.uv,
      orders: r.kpis.orders,
      gmvFen: r.kpis.gmvFen,
      conversionRate: r.kpis.conversionRate,
      netProfitFen: r.kpis.netProfitFen,
      cashEndFen: r.kpis.cashEndFen,
    },
  }));
  return {
    ok: true,
    runHash,
    score: score.score,
    stars: score.stars,
    stateHash: replay.hashes[replay.hashes.length - 1] ?? "",
    turns: run.turns.length,
    kpis,
    timeline,
    runJson: JSON.stringify(run),
  };
}
