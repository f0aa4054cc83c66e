// Helpers for the server tests and the load benchmark: build the real server bundle, start it as
// a child process on 127.0.0.1 with a random port and a temp SQLite file, call the API with fetch,
// and produce runs the way the game does (a bot plays, the run file records the hash chain).
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { getScenario } from "../../src/content/scenarios";
import {
  appendTurn,
  type Difficulty,
  type GameState,
  GENESIS_HASH,
  newGame,
  newRunFile,
  POLICIES,
  type PolicyName,
  type RunFile,
  scenarioAt,
  stateHash,
  step,
  type WeekReport,
} from "../../src/engine";

const ROOT = resolve(import.meta.dirname, "../..");

/** Builds the server bundle into its own directory (inside the repo, so node_modules resolve). */
export function buildBundle(tag: string): string {
  const outdir = join(ROOT, "test-results", `server-bundle-${tag}-${process.pid}`);
  const r = spawnSync(process.execPath, ["scripts/build-server.mjs", "--outdir", outdir], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`server build failed: ${r.stderr}`);
  return outdir;
}

export interface RunningServer {
  url: string;
  proc: ChildProcess;
  output: () => string;
  /** SIGTERM and wait for exit. */
  stop(): Promise<void>;
  kill9(): Promise<void>;
}

export function tempDb(): string {
  return join(mkdtempSync(join(tmpdir(), "shopsim-db-")), "test.sqlite");
}

export async function startServer(bundle: string, env: Record<string, string> = {}): Promise<RunningServer> {
  const proc = spawn(process.execPath, [join(bundle, "server.mjs")], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      PORT: "0",
      HOST: "127.0.0.1",
      DB_FILE: tempDb(),
      STATIC_DIR: join(ROOT, "dist"),
      LOG_LEVEL: "silent",
      VERIFY_WORKERS: "2",
      RATE_LIMIT: "100000",
      RATE_LIMIT_SUBMIT: "100000",
      RATE_LIMIT_CREATE: "100000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  proc.stdout?.on("data", (d) => {
    out += String(d);
  });
  proc.stderr?.on("data", (d) => {
    out += String(d);
  });
  const exited = new Promise<void>((r) => proc.once("exit", () => r()));
  const url = await new Promise<string>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`server did not start: ${out}`)), 20_000);
    const check = () => {
      const m = /is running: (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        res(m[1]);
      }
    };
    proc.stdout?.on("data", check);
    proc.once("exit", (code) => {
      clearTimeout(timer);
      rej(new Error(`server exited with ${code}: ${out}`));
    });
  });
  return {
    url,
    proc,
    output: () => out,
    stop: async () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGTERM");
      await exited;
    },
    kill9: async () => {
      proc.kill("SIGKILL");
      await exited;
    },
  };
}

/** Response bodies in tests are read as loose JSON. */
// biome-ignore lint/suspicious/noExplicitAny: tests read response JSON freely
export type Json = any;

export interface ApiResponse<T = Json> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

export async function api<T = Json>(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<ApiResponse<T>> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    (init.headers as Record<string, string>)["content-type"] ??= "application/json";
  }
  const res = await fetch(base + path, init);
  const text = await res.text();
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  return { status: res.status, body: parsed as T, headers: res.headers, text };
}

/** Plays a whole scenario with a bot policy (on a difficulty) and returns the run file the game would export. */
export function botRun(
  scenarioId: string,
  seed: string,
  policy: PolicyName = "textbook",
  difficulty: Difficulty = "standard",
): RunFile {
  const file = getScenario(scenarioId);
  if (!file) throw new Error(`no scenario ${scenarioId}`);
  const scenario = scenarioAt(file, difficulty); // newGame and newRunFile take the difficulty from it
  let state: GameState = newGame(scenario, seed);
  let run = newRunFile(scenario, seed);
  let prev = GENESIS_HASH;
  const reports: WeekReport[] = [];
  for (let t = 0; t < scenario.weeks && state.status === "playing"; t++) {
    const decisions = POLICIES[policy](scenario, state, reports);
    const out = step(scenario, state, decisions);
    if (!out.ok) throw new Error(`bot decision rejected in week ${t + 1}`);
    state = out.state;
    reports.push(out.report);
    prev = stateHash(state, prev);
    run = appendTurn(run, decisions, prev);
  }
  return run;
}

export async function createChallenge(
  base: string,
  over: Record<string, unknown> = {},
): Promise<{ code: string; secret: string; link: string; challenge: Json }> {
  const r = await api(base, "POST", "/api/challenges", {
    scenario: "launch",
    seed: "class-1",
    className: "电商1班",
    ...over,
  });
  if (r.status !== 201) throw new Error(`create failed: ${r.status} ${r.text}`);
  return r.body;
}

/** A run file for a given decision log, with its hash chain recomputed (as the game would record it). */
export function runOf(scenarioId: string, seed: string, turns: readonly unknown[][]): RunFile {
  const scenario = getScenario(scenarioId);
  if (!scenario) throw new Error(`no scenario ${scenarioId}`);
  let state: GameState = newGame(scenario, seed);
  let run = newRunFile(scenario, seed);
  let prev = GENESIS_HASH;
  for (const [i, t] of turns.entries()) {
    const out = step(scenario, state, t as Parameters<typeof step>[2]);
    if (!out.ok) throw new Error(`decision rejected in week ${i + 1}`);
    state = out.state;
    prev = stateHash(state, prev);
    run = appendTurn(run, t as Parameters<typeof appendTurn>[1], prev);
  }
  return run;
}
