// Golden replays of every bundled scenario (issue #10 item 5): the textbook and the random bot, one
// seed each, played to the end. Their final chained state hashes and scores are pinned, with the
// engine version, in tests/engine/goldens.json. A changed hash under the same ENGINE_VERSION means a
// change that alters replayed results went in without a version bump (old run files would replay
// differently yet still be accepted). `npm run goldens:update` (scripts/goldens-update.ts) rewrites
// the file, and refuses to when a hash moved but the version did not.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { BUNDLED_SCENARIOS } from "../../src/content/scenarios";
import {
  ENGINE_VERSION,
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

export const GOLDENS_PATH = fileURLToPath(new URL("./goldens.json", import.meta.url));
export const GOLDEN_POLICIES = ["textbook", "random"] as const;
export type GoldenPolicy = (typeof GOLDEN_POLICIES)[number];

export interface GoldenRun {
  seed: string;
  /** The last hash of the run's chain (sha256(previous + canonical state), as run files record). */
  stateHash: string;
  score: number;
  stars: number;
  status: string;
  turns: number;
  /** A few run KPIs, to show in a diff what moved (informative; the hash is what is compared). */
  kpis: Record<string, number>;
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

/** Plays one bot through a scenario on the golden seed. Throws if the engine refuses a bot's turn. */
export function goldenRun(sc: Scenario, policy: GoldenPolicy): GoldenRun {
  const seed = goldenSeed(sc.id);
  let state = newGame(sc, seed);
  const reports: WeekReport[] = [];
  let hash = GENESIS_HASH;
  let turns = 0;
  while (state.status === "playing") {
    const decisions = POLICIES[policy](sc, state, reports);
    const out = step(sc, state, decisions);
    if (!out.ok) throw new Error(`${sc.id} ${policy} week ${state.week + 1}: ${out.errors[0]?.error.message}`);
    state = out.state;
    reports.push(out.report);
    hash = stateHash(state, hash);
    turns++;
  }
  const score = scoreRun(sc, state);
  const all = runKpis(sc, state) as unknown as Record<string, number>;
  const kpis: Record<string, number> = {};
  for (const k of KPI_KEYS) if (typeof all[k] === "number") kpis[k] = Number((all[k] as number).toPrecision(6));
  return { seed, stateHash: hash, score: score.score, stars: score.stars, status: state.status, turns, kpis };
}

/** The goldens of the engine as it is now. */
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

export const REGENERATE = "npm run goldens:update";

/**
 * What is wrong with the recorded goldens against the current ones, as sentences (empty = all match).
 * `versionBumpNeeded` is true when a hash or score moved while ENGINE_VERSION and the scenario's
 * content stayed the same: the one case a regeneration must not paper over.
 */
export function compareGoldens(
  recorded: GoldensFile,
  current: GoldensFile,
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
    const edited = rec.contentHash !== cur.contentHash;
    for (const policy of GOLDEN_POLICIES) {
      const a = rec[policy];
      const b = cur[policy];
      if (a.seed === b.seed && a.stateHash === b.stateHash && a.score === b.score) continue;
      const what = `${id}/${policy} (seed ${b.seed}): hash ${a.stateHash.slice(0, 12)}… → ${b.stateHash.slice(0, 12)}…, score ${a.score} → ${b.score}`;
      if (edited) problems.push(`${what}: the scenario file changed, run \`${REGENERATE}\``);
      else if (sameVersion) {
        versionBumpNeeded = true;
        problems.push(
          `${what} under the same ENGINE_VERSION ${current.engineVersion}: a change alters replayed runs, so bump ENGINE_VERSION in src/engine/version.ts and run \`${REGENERATE}\``,
        );
      } else problems.push(`${what}`);
    }
    if (edited && GOLDEN_POLICIES.every((p) => rec[p].stateHash === cur[p].stateHash))
      problems.push(`scenario "${id}" content hash changed: run \`${REGENERATE}\``);
  }
  for (const id of Object.keys(recorded.scenarios))
    if (!current.scenarios[id]) problems.push(`scenario "${id}" is no longer bundled: run \`${REGENERATE}\``);
  return { problems, versionBumpNeeded };
}
