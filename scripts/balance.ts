// npm run balance [-- --seeds N] [--scenario ID] [--file scenario.json] [--optimize-seconds S]
//                 [--families ID,ID…] [--no-redteam] [--no-optimize] [--threads N] [--markdown FILE|-] [--docs]
// Per scenario: the reference policies' balance table and checks (textbook beats naive, ablation gap, stars),
// then the red team (issue 10): every degenerate family whose lever is open, built from textbook's own
// decisions, must score strictly below textbook on ≥ 90% of the seeds; and the optimizer's best plan over
// textbook's prices, reorders, ad budgets and promotions (trained on its own seeds, judged on held-out ones),
// in words and with the degenerate patterns it contains. Runs on a piscina worker pool (both cores).
// Exits 1 naming each failing scenario / family; prints the elapsed time. --markdown writes the red-team
// section of docs/SCENARIOS.md (to a file, or - for stdout); --docs replaces it in docs/SCENARIOS.md.
import { readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Piscina } from "piscina";
import { BUNDLED_SCENARIOS } from "../src/content/scenarios";
import { POLICIES, type PolicyName, type Scenario } from "../src/engine";
import { formatScenarioError, parseScenario } from "../src/engine/scenario";
import { balanceFromRuns, balanceSeeds, formatBalance, type ScenarioBalance } from "./balance-core";
import {
  type FamilyResult,
  type FamilyRun,
  familiesFor,
  familyById,
  familyResult,
  formatRedTeam,
  judge,
  type RedTeamResult,
} from "./redteam-core";
import { redTeamMarkdown, spliceDocs } from "./redteam-markdown";
import { formatOptimize, type OptimizeResult, optimizerFailure } from "./redteam-optimize";
import type { PolicyRun, RedTeamTask } from "./redteam-worker";

const t0 = performance.now();
const args = process.argv.slice(2);
const KNOWN = new Set([
  "--seeds",
  "--scenario",
  "--file",
  "--optimize-seconds",
  "--families",
  "--no-redteam",
  "--no-optimize",
  "--threads",
  "--markdown",
  "--docs",
]);
const FLAGS = new Set(["--no-redteam", "--no-optimize", "--docs"]);
for (let i = 0; i < args.length; i++) {
  const a = args[i] ?? "";
  if (!KNOWN.has(a)) usage(`unknown option "${a}"`);
  if (!FLAGS.has(a)) i++;
}
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (v === undefined || (v.startsWith("--") && v !== "-")) usage(`${name} needs a value`);
  return v;
};
const num = (name: string, dflt: number, min: number): number => {
  const raw = opt(name);
  if (raw === undefined) return dflt;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min) usage(`${name} must be a number ≥ ${min}, got "${raw}"`);
  return n;
};
function usage(msg: string): never {
  console.error(`balance: ${msg}`);
  console.error(
    "usage: npm run balance -- [--seeds N] [--scenario ID] [--file scenario.json] [--optimize-seconds S] [--families ID,ID…] [--no-redteam] [--no-optimize] [--threads N] [--markdown FILE|-] [--docs]",
  );
  process.exit(2);
}

const seeds = Math.floor(num("--seeds", 50, 1));
const optimizeSeconds = num("--optimize-seconds", 60, 0);
const threads = Math.floor(num("--threads", Math.max(1, Math.min(2, availableParallelism())), 1));
const redTeam = !args.includes("--no-redteam");
const optimizer = redTeam && !args.includes("--no-optimize") && optimizeSeconds > 0;
const only = opt("--scenario");
const file = opt("--file");
const markdownOut = opt("--markdown");
const onlyFamilies = opt("--families")?.split(",").filter(Boolean);
for (const id of onlyFamilies ?? []) {
  try {
    familyById(id);
  } catch (e) {
    usage(`--families: ${(e as Error).message}`); // names the known families
  }
}

let scenarios: Scenario[];
if (file) {
  const r = parseScenario(JSON.parse(readFileSync(file, "utf8")), file);
  if (!r.ok) {
    console.error(r.errors.map(formatScenarioError).join("\n"));
    process.exit(2);
  }
  scenarios = [r.scenario];
} else {
  // The sandbox is a free-play playground, not a campaign scenario: it is not balanced.
  scenarios = BUNDLED_SCENARIOS.filter((s) => s.id !== "sandbox" && (!only || s.id === only));
}
if (scenarios.length === 0) {
  console.error(`no scenario "${only}"`);
  process.exit(2);
}

const pool = new Piscina<RedTeamTask, unknown>({
  filename: new URL("./redteam-worker.ts", import.meta.url).href,
  minThreads: threads,
  maxThreads: threads,
});
const ref = (s: Scenario): Scenario | string => (file ? s : s.id);
const seedList = balanceSeeds(seeds);
/** The optimizer trains on seeds of its own (8: fewer let it fit one market's luck) and is judged on balance seeds. */
const trainSeeds = Array.from({ length: 8 }, (_, i) => `opt-train-${i}`);
const testSeeds = seedList.slice(0, Math.min(20, seeds));

interface Pending {
  scenario: Scenario;
  optimize?: Promise<OptimizeResult>;
  policies: Record<PolicyName, Promise<PolicyRun[]>>;
  families: { id: string; runs: Promise<FamilyRun[]> }[];
}
// The optimizers first: they are the longest tasks, so the short ones fill the other thread around them.
const pending: Pending[] = scenarios.map((s) => ({
  scenario: s,
  optimize: optimizer
    ? (pool.run({
        kind: "optimize",
        scenario: ref(s),
        seconds: optimizeSeconds,
        trainSeeds,
        testSeeds,
      }) as Promise<OptimizeResult>)
    : undefined,
  policies: {} as Record<PolicyName, Promise<PolicyRun[]>>,
  families: [],
}));
for (const p of pending) {
  for (const name of Object.keys(POLICIES) as PolicyName[])
    p.policies[name] = pool.run({
      kind: "policy",
      scenario: ref(p.scenario),
      policy: name,
      seeds: seedList,
    }) as Promise<PolicyRun[]>;
  if (!redTeam) continue;
  const fams = familiesFor(p.scenario).filter((f) => !onlyFamilies || onlyFamilies.includes(f.id));
  for (const f of fams)
    p.families.push({
      id: f.id,
      runs: pool.run({ kind: "family", scenario: ref(p.scenario), family: f.id, seeds: seedList }) as Promise<
        FamilyRun[]
      >,
    });
}

const failures: string[] = [];
const results: { balance: ScenarioBalance; redTeam?: RedTeamResult; optimize?: OptimizeResult }[] = [];
try {
  for (const p of pending) {
    const runs = {} as Record<PolicyName, PolicyRun[]>;
    for (const name of Object.keys(p.policies) as PolicyName[]) runs[name] = await p.policies[name];
    const balance = balanceFromRuns(p.scenario, seeds, runs);
    console.log(formatBalance(balance));
    failures.push(...balance.failures.map((f) => `${p.scenario.id}: ${f}`));
    let rt: RedTeamResult | undefined;
    if (redTeam) {
      const tb = runs.textbook.map((r) => r.score);
      const fams: FamilyResult[] = [];
      for (const f of p.families) fams.push(familyResult(f.id, tb, await f.runs));
      rt = judge(p.scenario.id, seedList, tb, fams);
      console.log(formatRedTeam(rt));
      failures.push(...rt.failures);
    }
    let o: OptimizeResult | undefined;
    if (p.optimize) {
      o = await p.optimize;
      console.log(formatOptimize(o));
      const f = optimizerFailure(o);
      if (f) failures.push(f);
    }
    results.push({ balance, redTeam: rt, optimize: o });
  }
} finally {
  await pool.destroy();
}

const elapsed = (performance.now() - t0) / 1000;
const meta = { seeds, optimizeSeconds: optimizer ? optimizeSeconds : 0, threads, elapsedSeconds: Math.round(elapsed) };
if (markdownOut !== undefined || args.includes("--docs")) {
  const md = redTeamMarkdown(results, meta);
  if (markdownOut === "-") console.log(md);
  else if (markdownOut !== undefined) writeFileSync(markdownOut, md);
  if (args.includes("--docs")) {
    const path = new URL("../docs/SCENARIOS.md", import.meta.url);
    writeFileSync(path, spliceDocs(readFileSync(path, "utf8"), md));
    console.log("docs/SCENARIOS.md: red-team section updated");
  }
}
console.log(
  `elapsed ${elapsed.toFixed(1)} s (${scenarios.length} scenario(s), ${seeds} seeds, ${threads} thread(s), optimizer ${meta.optimizeSeconds} s per scenario)`,
);
if (failures.length > 0) {
  console.error(`${failures.length} balance / red-team check(s) fail:`);
  for (const f of failures) console.error(`  - ${f}`);
  process.exit(1);
}
