// `npm run goldens:update`: replays the textbook and random bots on every bundled scenario and writes
// their decisions, final state hashes and scores, with ENGINE_VERSION, to tests/engine/goldens.json.
// Refuses (exit 1, nothing written) when the recorded decisions replay to another hash or score while
// ENGINE_VERSION and the scenario file stayed the same: bump the version in src/engine/version.ts
// first, so old run files are refused instead of replaying to different results. A bot that now plays
// differently (policies.ts) only needs the rewrite. `--check` only compares (exit 1 on any difference).
import { existsSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import {
  compareGoldens,
  computeGoldens,
  GOLDENS_PATH,
  type GoldensFile,
  readGoldens,
  replayAll,
} from "../tests/engine/golden-replays";

const check = process.argv.includes("--check");
const current = computeGoldens();
const where = relative(process.cwd(), GOLDENS_PATH);
const recorded: GoldensFile | null = existsSync(GOLDENS_PATH) ? readGoldens() : null;
const { problems, versionBumpNeeded } = recorded
  ? compareGoldens(recorded, current, replayAll(recorded))
  : { problems: [`${where} does not exist yet`], versionBumpNeeded: false };

if (problems.length === 0) {
  console.log(
    `${where} is up to date (engine ${current.engineVersion}, ${Object.keys(current.scenarios).length} scenarios)`,
  );
  process.exit(0);
}
for (const p of problems) console.log(`- ${p}`);
if (check) process.exit(1);
if (versionBumpNeeded) {
  console.error(
    `\nnot written: replayed results changed under ENGINE_VERSION ${current.engineVersion}. Bump ENGINE_VERSION in src/engine/version.ts, then run this again.`,
  );
  process.exit(1);
}
writeFileSync(GOLDENS_PATH, `${JSON.stringify(current, null, 2)}\n`);
console.log(`\nwrote ${where} (engine ${current.engineVersion})`);
