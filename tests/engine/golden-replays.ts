// Golden replays of every bundled scenario (issue #10 item 5): the textbook and the random bot, one
// seed each, played to the end. Their decision logs, final chained state hashes and scores are pinned,
// with the engine version, in tests/engine/goldens.json. Two checks per run:
// - the recorded decisions, replayed by today's engine, must reach the recorded hash. If they do not
//   under the same ENGINE_VERSION, old run files would replay to other results yet still be accepted:
//   bump the version (src/engine/version.ts), then regenerate;
// - the bot, played today, must make the same decisions. If only that moved, a bot changed
//   (policies.ts): regenerate, no version bump needed.
// `npm run goldens:update` (scripts/goldens-update.ts) rewrites the file and refuses to when replays
// moved but the version did not.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { BUNDLED_SCENARIOS } from "../../src/content/scenarios";
import {
  canonicalJson,
  ENGINE_VERSION,
  type GameState,
  GENESIS_HASH,
  newGame,
  POLICIES,
  runKpis,
  type Scenario,
  scenarioContentHash,
  scoreRun,
  stateHash,
  step,
  type WeekReport,
} from "../../src/engine";

/** The goldens file; GOLDENS_FILE points the update script at another copy (its own test does). */
export const GOLDENS_PATH = process.env.GOLDENS_FILE ?? fileURLToPath(new URL("./goldens.json", import.meta.url));
export const GOLDEN_POLICIES = ["textbook", "random"] as const;
export type GoldenPolicy = (typeof GOLDEN_POLICIES)[number];
export const REGENERATE = "npm run goldens:update";

export interface GoldenRun {
  seed: string;
  /** The last hash of the run's chain (sha256(previous + canonical state), as run files record). */
  stateHash: string;
  score: number;
  stars: number;
  status: string;
  weeks: number;
  /** A few run KPIs, to show in a diff what moved (informative; the hash is what is compared). */
  kpis: Record<string, number>;
  /** The bot's decisions, one array per week, as canonical JSON (what a run file's `turns` holds). */
  decisions: string;
}

export interface GoldenScenario {
  /** scenarioContentHash of the bundled file: an edited scenario changes its replays without an engine change. */
  contentHash: string;
  textbook: GoldenRun;
  random: GoldenRun;
}

export interface GoldensFile {
  engineVersion: string;
  scenarios: Record<string, GoldenScenario>;
}

export const goldenSeed = (scenarioId: string): string => `golden-${scenarioId}`;

const KPI_KEYS = ["gmvFen", "netProfitFen", "cashEndFen", "orders", "uv", "refundRate", "dsr"] as const;

function summarise(sc: Scenario, seed: string, state: GameState, hash: string, turns: unknown[][]): GoldenRun {
  const score = scoreRun(sc, state);
  const all = runKpis(sc, state) as unknown as Record<string, number>;
  const kpis: Record<string, number> = {};
  for (const k of KPI_KEYS) if (typeof all[k] === "number") kpis[k] = Number((all[k] as number).toPrecision(6));
  return {
    seed,
    stateHash: hash,
    score: score.score,
    stars: score.stars,
    status: state.status,
    weeks: turns.length,
    kpis,
    decisions: canonicalJson(turns),
  };
}

/** Plays one bot through a scenario on the golden seed. Throws if the engine refuses a bot's turn. */
export function goldenRun(sc: Scenario, policy: GoldenPolicy): GoldenRun {
  const seed = goldenSeed(sc.id);
  let state = newGame(sc, seed);
  const reports: WeekReport[] = [];
  const turns: unknown[][] = [];
  let hash = GENESIS_HASH;
  while (state.status === "playing") {
    const decisions = POLICIES[policy](sc, state, reports);
    const out = step(sc, state, decisions);
    if (!out.ok) throw new Error(`${sc.id} ${policy} week ${state.week + 1}: ${out.errors[0]?.error.message}`);
    state = out.state;
    reports.push(out.report);
    turns.push(decisions);
    hash = stateHash(state, hash);
  }
  return summarise(sc, seed, state, hash, turns);
}

/** What today's engine makes of a recorded run's decisions: its final hash and score, or why it stopped. */
export type ReplayOutcome = { stateHash: string; score: number } | { error: string };

export function replayGolden(sc: Scenario, run: GoldenRun): ReplayOutcome {
  let turns: unknown[][];
  try {
    turns = JSON.parse(run.decisions) as unknown[][];
  } catch {
    return { error: "the recorded decisions are not valid JSON" };
  }
  let state = newGame(sc, run.seed);
  let hash = GENESIS_HASH;
  for (let t = 0; t < turns.length; t++) {
    if (state.status !== "playing") return { error: `the game ended before week ${t + 1}` };
    let out: ReturnType<typeof step>;
    try {
      out = step(sc, state, turns[t] ?? []);
    } catch (e) {
      return { error: `week ${t + 1} threw: ${(e as Error).message}` };
    }
    if (!out.ok) return { error: `week ${t + 1} refused: ${out.errors[0]?.error.message}` };
    state = out.state;
    hash = stateHash(state, hash);
  }
  return { stateHash: hash, score: scoreRun(sc, state).score };
}

/** The goldens of the engine and bots as they are now. */
export function computeGoldens(scenarios: readonly Scenario[] = BUNDLED_SCENARIOS): GoldensFile {
  const out: GoldensFile = { engineVersion: ENGINE_VERSION, scenarios: {} };
  for (const sc of scenarios)
    out.scenarios[sc.id] = {
      contentHash: scenarioContentHash(sc),
      textbook: goldenRun(sc, "textbook"),
      random: goldenRun(sc, "random"),
    };
  return out;
}

export function readGoldens(path: string = GOLDENS_PATH): GoldensFile {
  return JSON.parse(readFileSync(path, "utf8")) as GoldensFile;
}

/** Replays every recorded run with today's engine (for compareGoldens). */
export function replayAll(recorded: GoldensFile, scenarios: readonly Scenario[] = BUNDLED_SCENARIOS) {
  return (id: string, policy: GoldenPolicy): ReplayOutcome => {
    const sc = scenarios.find((s) => s.id === id);
    const run = recorded.scenarios[id]?.[policy];
    if (!sc || !run) return { error: `no scenario or run for ${id}/${policy}` };
    return replayGolden(sc, run);
  };
}

const short = (h: string) => `${h.slice(0, 12)}…`;

/**
 * What is wrong with the recorded goldens against the current ones, as sentences (empty = all match).
 * `replay(id, policy)` is what today's engine makes of the recorded decisions. `versionBumpNeeded` is
 * true when a recorded run replays differently while ENGINE_VERSION and the scenario file stayed the
 * same: the one case a regeneration must not paper over.
 */
export function compareGoldens(
  recorded: GoldensFile,
  current: GoldensFile,
  replay: (id: string, policy: GoldenPolicy) => ReplayOutcome,
): { problems: string[]; versionBumpNeeded: boolean } {
  const problems: string[] = [];
  let versionBumpNeeded = false;
  const sameVersion = recorded.engineVersion === current.engineVersion;
  if (!sameVersion)
    problems.push(
      `goldens were recorded on engine ${recorded.engineVersion}, the engine is ${current.engineVersion}: run \`${REGENERATE}\``,
    );
  for (const [id, cur] of Object.entries(current.scenarios)) {
    const rec = recorded.scenarios[id];
    if (!rec) {
      problems.push(`scenario "${id}" has no goldens: run \`${REGENERATE}\``);
      continue;
    }
    if (rec.contentHash !== cur.contentHash) {
      problems.push(`scenario "${id}": the scenario file changed, run \`${REGENERATE}\``);
      continue;
    }
    for (const policy of GOLDEN_POLICIES) {
      const a = rec[policy];
      const b = cur[policy];
      if (typeof a.decisions !== "string") {
        problems.push(`${id}/${policy}: recorded without its decisions (an older goldens file): run \`${REGENERATE}\``);
        continue;
      }
      const r = replay(id, policy);
      const replayed = "error" in r ? `a failure (${r.error})` : `hash ${short(r.stateHash)}, score ${r.score}`;
      if ("error" in r || r.stateHash !== a.stateHash || r.score !== a.score) {
        const what = `${id}/${policy} (seed ${a.seed}): the recorded decisions replay to ${replayed}, recorded hash ${short(a.stateHash)}, score ${a.score}`;
        if (sameVersion) {
          versionBumpNeeded = true;
          problems.push(
            `${what}, under the same ENGINE_VERSION ${current.engineVersion}: a change alters replayed runs, so bump ENGINE_VERSION in src/engine/version.ts and run \`${REGENERATE}\``,
          );
        } else problems.push(what);
      } else if (b.decisions !== a.decisions || b.stateHash !== a.stateHash || b.score !== a.score)
        problems.push(
          `${id}/${policy}: the ${policy} bot now plays differently (hash ${short(a.stateHash)} → ${short(b.stateHash)}, score ${a.score} → ${b.score}); the engine replays the recorded decisions unchanged, so no version bump is needed: run \`${REGENERATE}\``,
        );
    }
  }
  for (const id of Object.keys(recorded.scenarios))
    if (!current.scenarios[id]) problems.push(`scenario "${id}" is no longer bundled: run \`${REGENERATE}\``);
  return { problems, versionBumpNeeded };
}
