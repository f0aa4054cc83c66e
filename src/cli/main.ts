// The command line: how instructors, tests and benchmarks drive the engine.
//   scenarios [--json] | bot | play | verify | whatif | explain | rank | schema | check-scenario
// Every failure prints one clear line on stderr and exits non-zero; never a stack trace.
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { BUNDLED_SCENARIOS, getScenario } from "../content/scenarios";
import {
  appendTurn,
  contractKpis,
  DIFFICULTIES,
  type Difficulty,
  ENGINE_VERSION,
  type GameState,
  GENESIS_HASH,
  isDifficulty,
  newGame,
  newRunFile,
  POLICIES,
  type PolicyName,
  parseRunFile,
  type RunFile,
  replayRun,
  runDifficulty,
  type Scenario,
  scenarioAt,
  scoreRun,
  stateHash,
  step,
  type WeekReport,
} from "../engine";
import { formatScenarioError, parseScenario } from "../engine/scenario";
import { EngineFailure, engineFailure, guardEngine } from "./engine-guard";
import { explainReport, explainTable } from "./explain";
import { runFileJsonSchema, scenarioJsonSchema } from "./json-schema";
import { rankRunFiles } from "./rank";
import { whatIfReport, whatIfTable } from "./whatif";

class CliError extends Error {}

const USAGE = `usage: npm run sim --silent -- <command>
  scenarios [--json]
  bot    --scenario ID --seed SEED --policy NAME [--difficulty easy|standard|hard] [--out run.json] [--json]
  play   --scenario ID --seed SEED --decisions FILE [--difficulty easy|standard|hard] [--out run.json] [--json]
  verify RUNFILE [--json]
  whatif RUNFILE [--top N] [--json]
  explain RUNFILE [--week N] [--json]
  rank   RUNFILE... [--scenario ID] [--seed SEED] [--difficulty D] [--json]
  schema [scenario]
  check-scenario FILE`;

function readJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new CliError(`cannot read ${what} "${path}"`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CliError(`${what} "${path}" is not valid JSON: ${(e as Error).message}`);
  }
}

function scenarioById(id: string | undefined): Scenario {
  if (!id) throw new CliError("missing --scenario ID (see `scenarios`)");
  const s = getScenario(id);
  if (!s) throw new CliError(`unknown scenario "${id}"; known: ${BUNDLED_SCENARIOS.map((x) => x.id).join(", ")}`);
  return s;
}

function requireSeed(seed: string | undefined): string {
  if (!seed) throw new CliError("missing --seed SEED");
  if (seed.length > 200) throw new CliError("--seed is longer than 200 characters");
  return seed;
}

/** --difficulty (default standard): the market's difficulty (src/engine/difficulty.ts). */
function requireDifficulty(value: string | undefined): Difficulty {
  if (value === undefined) return "standard";
  if (!isDifficulty(value)) throw new CliError(`unknown difficulty "${value}"; known: ${DIFFICULTIES.join(", ")}`);
  return value;
}

/** The contract's result object. */
function summary(scenario: Scenario, run: RunFile, state: GameState) {
  const score = scoreRun(scenario, state);
  return {
    scenario: scenario.id,
    seed: run.seed,
    difficulty: runDifficulty(run),
    engineVersion: ENGINE_VERSION,
    turns: run.turns.length,
    score: score.score,
    stars: score.stars,
    stateHash: run.hashes[run.hashes.length - 1] ?? GENESIS_HASH,
    kpis: contractKpis(scenario, state),
  };
}

function print(result: ReturnType<typeof summary>, json: boolean | undefined): void {
  if (json) {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    return;
  }
  const y = (fen: number) => `¥${(fen / 100).toFixed(2)}`;
  const k = result.kpis;
  process.stdout.write(
    [
      `scenario ${result.scenario}  seed ${result.seed}  difficulty ${result.difficulty}  engine ${result.engineVersion}  turns ${result.turns}`,
      `score ${result.score}/1000  stars ${"★".repeat(result.stars)}${"☆".repeat(3 - result.stars)}`,
      `GMV ${y(k.gmvFen)}  orders ${k.orders}  UV ${k.uv}  conversion ${(k.conversionRate * 100).toFixed(2)}%  AOV ${y(k.aovFen)}`,
      `gross profit ${y(k.grossProfitFen)}  net profit ${y(k.netProfitFen)}  ad spend ${y(k.adSpendFen)}  ROAS ${k.roas.toFixed(2)}`,
      `DSR ${k.dsr.toFixed(2)}  refund rate ${(k.refundRate * 100).toFixed(1)}%  stockout days ${k.stockoutDays}  cash ${y(k.cashEndFen)}`,
      `state hash ${result.stateHash}`,
      "",
    ].join("\n"),
  );
}

/**
 * Plays turns from a source of decisions, building the run file as the UI does. `scenario` is the
 * scenario as played (`scenarioAt(file, difficulty)`): the run file names its file and difficulty.
 */
function playTurns(
  scenario: Scenario,
  seed: string,
  nextTurn: (state: GameState, reports: WeekReport[], t: number) => unknown[],
): { run: RunFile; state: GameState } {
  let state = newGame(scenario, seed);
  let run = newRunFile(scenario, seed);
  let prev = GENESIS_HASH;
  const reports: WeekReport[] = [];
  for (let t = 0; t < scenario.weeks && state.status === "playing"; t++) {
    const decisions = nextTurn(state, reports, t);
    const before = state;
    const out = guardEngine(`in turn ${t + 1} of ${scenario.id} (seed "${seed}")`, () =>
      step(scenario, before, decisions),
    );
    if (!out.ok) {
      // Named as `verify` names it: turn, decision (number and type), reason.
      const e = out.errors[0];
      const i = e?.index ?? 0;
      const d = decisions[i];
      const type = d !== null && typeof d === "object" && "type" in d ? ` (${String(d.type)})` : "";
      throw new CliError(`turn ${t + 1}, decision ${i + 1}${type}: ${e?.error.message ?? "rejected"}`);
    }
    state = out.state;
    reports.push(out.report);
    prev = stateHash(state, prev);
    run = appendTurn(run, out.ok ? (decisions as RunFile["turns"][number]) : [], prev);
  }
  return { run, state };
}

/** The options and the most positional arguments each command takes; anything else is bad input. */
const COMMANDS: Record<string, { options: string[]; maxArgs: number }> = {
  scenarios: { options: ["json"], maxArgs: 0 },
  bot: { options: ["scenario", "seed", "policy", "difficulty", "out", "json"], maxArgs: 0 },
  play: { options: ["scenario", "seed", "decisions", "difficulty", "out", "json"], maxArgs: 0 },
  verify: { options: ["json"], maxArgs: 1 },
  whatif: { options: ["top", "json"], maxArgs: 1 },
  explain: { options: ["week", "json"], maxArgs: 1 },
  rank: { options: ["scenario", "seed", "difficulty", "json"], maxArgs: Number.POSITIVE_INFINITY },
  schema: { options: [], maxArgs: 1 },
  "check-scenario": { options: [], maxArgs: 1 },
};

function checkUsage(command: string, values: Record<string, unknown>, positionals: string[]): void {
  const spec = COMMANDS[command];
  if (!spec) return;
  for (const [k, v] of Object.entries(values))
    if (v !== undefined && !spec.options.includes(k))
      throw new CliError(`option --${k} does not apply to \`${command}\``);
  const extra = positionals[spec.maxArgs];
  if (extra !== undefined) {
    const hint = spec.options.includes("scenario") && getScenario(extra) ? `; did you mean --scenario ${extra}?` : "";
    throw new CliError(`unexpected argument "${extra}" for \`${command}\`${hint}`);
  }
}

function writeOut(path: string | undefined, run: RunFile): void {
  if (!path) return;
  try {
    writeFileSync(path, `${JSON.stringify(run, null, 2)}\n`);
  } catch {
    throw new CliError(`cannot write "${path}"`);
  }
}

/** Reads, parses and replays a run file (hash chain checked), or says in one line why not. */
function verifiedRun(file: string | undefined): {
  run: RunFile;
  scenario: Scenario;
  state: GameState;
  reports: WeekReport[];
} {
  if (!file) throw new CliError("missing RUNFILE");
  const parsed = parseRunFile(readJson(file, "run file"));
  if (!parsed.ok) throw new CliError(`${file}: ${parsed.error}`);
  const scenario = getScenario(parsed.run.scenario.id);
  if (!scenario)
    throw new CliError(
      `${file}: unknown scenario "${parsed.run.scenario.id}"; known: ${BUNDLED_SCENARIOS.map((x) => x.id).join(", ")}`,
    );
  const replay = guardEngine(`replaying ${file}`, () => replayRun(parsed.run, scenario));
  if (!replay.ok) throw new CliError(`${file}: ${replay.error.message}`);
  // The scenario as the run played it (its difficulty), for the score and the what-if replays.
  return {
    run: parsed.run,
    scenario: scenarioAt(scenario, runDifficulty(parsed.run)),
    state: replay.state,
    reports: replay.reports,
  };
}

function main(argv: string[]): void {
  const [command, ...rest] = argv;
  const { values, positionals } = (() => {
    try {
      return parseArgs({
        args: rest,
        allowPositionals: true,
        options: {
          scenario: { type: "string" },
          seed: { type: "string" },
          policy: { type: "string" },
          difficulty: { type: "string" },
          decisions: { type: "string" },
          out: { type: "string" },
          json: { type: "boolean" },
          top: { type: "string" },
          week: { type: "string" },
        },
      });
    } catch (e) {
      throw new CliError((e as Error).message);
    }
  })();

  if (command !== undefined) checkUsage(command, values, positionals);
  switch (command) {
    case "scenarios": {
      const list = BUNDLED_SCENARIOS.map((s) => ({ id: s.id, title: s.title, weeks: s.weeks, levers: s.levers }));
      if (values.json) process.stdout.write(`${JSON.stringify(list)}\n`);
      else
        for (const s of list) process.stdout.write(`${s.id}\t${s.title["zh-CN"]} / ${s.title.en}\t${s.weeks} weeks\n`);
      return;
    }
    case "bot": {
      const scenario = scenarioAt(scenarioById(values.scenario), requireDifficulty(values.difficulty));
      const seed = requireSeed(values.seed);
      const known = Object.keys(POLICIES).join(", ");
      const name = values.policy;
      if (!name) throw new CliError(`missing --policy NAME; known: ${known}`);
      if (!Object.hasOwn(POLICIES, name)) throw new CliError(`unknown policy "${name}"; known: ${known}`);
      const policy = POLICIES[name as PolicyName];
      const { run, state } = playTurns(scenario, seed, (st, reports) => policy(scenario, st, reports));
      writeOut(values.out, run);
      print(summary(scenario, run, state), values.json);
      return;
    }
    case "play": {
      const scenario = scenarioAt(scenarioById(values.scenario), requireDifficulty(values.difficulty));
      const seed = requireSeed(values.seed);
      if (!values.decisions)
        throw new CliError("missing --decisions FILE (a JSON array of turns, each an array of decisions)");
      const turns = readJson(values.decisions, "decisions file");
      if (!Array.isArray(turns) || !turns.every((t) => Array.isArray(t))) {
        throw new CliError(
          `decisions file "${values.decisions}" must be a JSON array of turns, each an array of decisions`,
        );
      }
      if (turns.length > scenario.weeks)
        throw new CliError(
          `decisions file has ${turns.length} turns; scenario "${scenario.id}" has ${scenario.weeks} weeks`,
        );
      const { run, state } = playTurns(scenario, seed, (_s, _r, t) =>
        t < turns.length ? (turns[t] as unknown[]) : [],
      );
      if (run.turns.length < turns.length)
        throw new CliError(
          `the game ended (${state.status}) after turn ${run.turns.length}; the decisions file has ${turns.length} turns`,
        );
      writeOut(values.out, run);
      print(summary(scenario, run, state), values.json);
      return;
    }
    case "verify": {
      const { run, scenario, state } = verifiedRun(positionals[0]);
      print(summary(scenario, run, state), values.json);
      return;
    }
    case "whatif": {
      // What each decision was worth: the verified run replayed without it (src/engine/counterfactual.ts).
      const top = values.top === undefined ? Number.POSITIVE_INFINITY : Number(values.top);
      if (values.top !== undefined && !(Number.isInteger(top) && top >= 1))
        throw new CliError(`--top must be a whole number ≥ 1, not "${values.top}"`);
      const { run, scenario, state } = verifiedRun(positionals[0]);
      const result = whatIfReport(scenario, run, state);
      if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
      else process.stdout.write(whatIfTable(result, top));
      return;
    }
    case "explain": {
      // Why each KPI moved, week by week: the engine's decomposition of the verified run (src/engine/explain.ts).
      const week = values.week === undefined ? undefined : Number(values.week);
      if (values.week !== undefined && !(Number.isInteger(week) && (week ?? 0) >= 1))
        throw new CliError(`--week must be a whole number ≥ 1, not "${values.week}"`);
      const { run, scenario, reports } = verifiedRun(positionals[0]);
      if (week !== undefined && week > reports.length)
        throw new CliError(`--week ${week}: the run has ${reports.length} week(s)`);
      const result = explainReport(scenario, run, reports, week);
      if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
      else process.stdout.write(explainTable(result));
      return;
    }
    case "rank": {
      // Offline classroom: verify trainees' exported run files against one challenge and rank them.
      if (positionals.length === 0) throw new CliError("missing RUNFILE... (the trainees' exported run files)");
      const files = positionals.map((file) => ({ file, raw: readJson(file, "run file") }));
      const difficulty = values.difficulty === undefined ? undefined : requireDifficulty(values.difficulty);
      const result = rankRunFiles(files, { scenario: values.scenario, seed: values.seed, difficulty });
      if ("error" in result) throw new CliError(result.error);
      if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
      else process.stdout.write(result.table);
      return;
    }
    case "schema":
      // `schema` alone is the contract's run-file schema; `schema scenario` is for scenario authors.
      if (positionals[0] === "scenario") process.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
      else if (positionals[0] === undefined) process.stdout.write(`${JSON.stringify(runFileJsonSchema(), null, 2)}\n`);
      else throw new CliError(`unknown schema "${positionals[0]}"; use \`schema\` (run files) or \`schema scenario\``);
      return;
    case "check-scenario": {
      const file = positionals[0];
      if (!file) throw new CliError("missing FILE");
      const r = parseScenario(readJson(file, "scenario file"), file);
      if (!r.ok) throw new CliError(r.errors.map(formatScenarioError).join("; ")); // one line on stderr
      process.stdout.write(`${file}: ok (${r.scenario.id}, ${r.scenario.weeks} weeks)\n`);
      return;
    }
    case "help":
    case "--help":
    case "-h":
      process.stdout.write(`${USAGE}\n`);
      return;
    case undefined:
      throw new CliError(`missing command; commands: ${Object.keys(COMMANDS).join(", ")} (see \`help\`)`);
    default:
      // One line on stderr (engine contract): name the commands instead of printing the usage block.
      throw new CliError(`unknown command "${command}"; commands: ${Object.keys(COMMANDS).join(", ")} (see \`help\`)`);
  }
}

try {
  main(process.argv.slice(2));
} catch (e) {
  // Bad input is a CliError; anything else came from the engine or a driver bug: one located line.
  const msg = e instanceof CliError || e instanceof EngineFailure ? e.message : engineFailure(e, "").message;
  process.stderr.write(`shopsim: ${msg}\n`);
  process.exitCode = e instanceof CliError ? 2 : 1;
}
