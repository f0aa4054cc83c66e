// The command line as instructors, tests and benchmarks use it: spawned as a real process.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POLICIES, scoreRun } from "../../src/engine";
import { launch, playRun } from "../engine/helpers";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TSX = join(ROOT, "node_modules", ".bin", "tsx");

interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Result {
  const r = spawnSync(TSX, ["src/cli/main.ts", ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function json(r: Result): Record<string, unknown> {
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  const lines = r.stdout.trim().split("\n");
  expect(lines).toHaveLength(1); // one JSON object
  return JSON.parse(lines[0] ?? "") as Record<string, unknown>;
}

const KPI_FIELDS = [
  "gmvFen",
  "orders",
  "uv",
  "conversionRate",
  "aovFen",
  "grossProfitFen",
  "netProfitFen",
  "adSpendFen",
  "roas",
  "dsr",
  "refundRate",
  "repurchaseRate",
  "stockoutDays",
  "cashEndFen",
];

let dir = "";
let runPath = "";
let bot: Record<string, unknown> = {};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "shopsim-cli-"));
  runPath = join(dir, "run.json");
  bot = json(cli("bot", "--scenario", "launch", "--seed", "cli-1", "--policy", "textbook", "--out", runPath, "--json"));
});
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("cli: happy paths", () => {
  it("scenarios --json lists launch", () => {
    const r = cli("scenarios", "--json");
    expect(r.status).toBe(0);
    const list = JSON.parse(r.stdout) as { id: string; weeks: number }[];
    expect(list.map((s) => s.id)).toContain("launch");
    expect(list.find((s) => s.id === "launch")?.weeks).toBe(8);
  });

  it("bot --json prints one object with the contract's fields", () => {
    expect(Object.keys(bot).sort()).toEqual(
      ["difficulty", "engineVersion", "kpis", "scenario", "score", "seed", "stars", "stateHash", "turns"].sort(),
    );
    expect(bot.scenario).toBe("launch");
    expect(bot.seed).toBe("cli-1");
    expect(bot.turns).toBe(8);
    expect(bot.stateHash).toMatch(/^[0-9a-f]{64}$/);
    expect(typeof bot.score).toBe("number");
    expect([0, 1, 2, 3]).toContain(bot.stars);
    const kpis = bot.kpis as Record<string, number>;
    expect(Object.keys(kpis).sort()).toEqual([...KPI_FIELDS].sort());
    for (const k of KPI_FIELDS) expect(Number.isFinite(kpis[k])).toBe(true);
    for (const k of ["gmvFen", "aovFen", "grossProfitFen", "netProfitFen", "adSpendFen", "cashEndFen"])
      expect(Number.isInteger(kpis[k])).toBe(true);
    for (const k of ["conversionRate", "refundRate", "repurchaseRate"]) {
      expect(kpis[k]).toBeGreaterThanOrEqual(0);
      expect(kpis[k]).toBeLessThanOrEqual(1);
    }
  });

  it("bot agrees with the engine run in-process", () => {
    const sc = launch();
    const r = playRun(sc, "cli-1", (s, st, reps) => POLICIES.textbook(s, st, reps));
    expect(bot.stateHash).toBe(r.hashes[r.hashes.length - 1]);
    expect(bot.score).toBe(scoreRun(sc, r.state).score);
  });

  it("bot --out then verify --json gives the same stateHash and score", () => {
    const v = json(cli("verify", runPath, "--json"));
    expect(v.stateHash).toBe(bot.stateHash);
    expect(v.score).toBe(bot.score);
    expect(v.kpis).toEqual(bot.kpis);
  });

  it("play --decisions with the run's decisions gives the same hash", () => {
    const run = JSON.parse(readFileSync(runPath, "utf8")) as { turns: unknown[][] };
    const decisions = join(dir, "decisions.json");
    writeFileSync(decisions, JSON.stringify(run.turns));
    const p = json(cli("play", "--scenario", "launch", "--seed", "cli-1", "--decisions", decisions, "--json"));
    expect(p.stateHash).toBe(bot.stateHash);
    expect(p.score).toBe(bot.score);
  });

  it("schema prints a JSON Schema with the decision union", () => {
    const r = cli("schema");
    expect(r.status).toBe(0);
    const schema = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(String(schema.$schema)).toContain("2020-12");
    const text = JSON.stringify(schema);
    for (const t of ["setPrice", "setStore", "setTitle", "setImage", "setDetail", "reorder", "setAds"])
      expect(text).toContain(`"${t}"`);
    expect(text).toContain("shopsim-run");
  });

  it("help prints the usage on stdout and exits 0", () => {
    const r = cli("help");
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
    for (const c of ["scenarios", "bot", "play", "verify", "schema"]) expect(r.stdout).toContain(c);
  });

  it("whatif --json values every decision of the verified run, and checks the best and worst on other markets", () => {
    const run = JSON.parse(readFileSync(runPath, "utf8")) as { turns: unknown[][] };
    const r = json(cli("whatif", runPath, "--json"));
    const decisions = r.decisions as { turn: number; decision: number; scoreDelta: number; markets: unknown }[];
    expect(r.score).toBe(bot.score);
    expect(decisions).toHaveLength(run.turns.reduce((n, t) => n + t.length, 0));
    expect(decisions[0]).toMatchObject({ turn: 1, decision: 1 });
    const checked = decisions.filter((d) => d.markets !== null);
    expect(checked).toHaveLength(Math.min(decisions.length, 20));
    expect(checked[0]?.markets).toMatchObject({ markets: 8 });
    // The same figures as the engine computes in-process for one of them.
    const top = [...decisions].sort((a, b) => b.scoreDelta - a.scoreDelta)[0];
    expect(top?.scoreDelta).toBeGreaterThan(0);
  });

  it("whatif --top 3 prints a table of the three best and three worst decisions", () => {
    const r = cli("whatif", runPath, "--top", "3");
    expect(r.status).toBe(0);
    const rows = r.stdout.split("\n").filter((l) => /^\d+\t\d+\t/.test(l));
    expect(rows).toHaveLength(6);
    expect(r.stdout).toMatch(/more/);
  });

  it("check-scenario accepts the shipped launch.json", () => {
    const r = cli("check-scenario", "scenarios/launch.json");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/ok \(launch, 8 weeks\)/);
  });
});

describe("cli: bad input exits non-zero with exactly one line on stderr and no stack trace", () => {
  const cases: [string, () => string[], RegExp][] = [
    ["unknown command", () => ["frobnicate"], /unknown command "frobnicate"/],
    [
      "unknown scenario",
      () => ["bot", "--scenario", "atlantis", "--seed", "s", "--policy", "textbook"],
      /unknown scenario "atlantis"/,
    ],
    ["missing seed", () => ["bot", "--scenario", "launch", "--policy", "textbook"], /missing --seed/],
    [
      "unknown policy",
      () => ["bot", "--scenario", "launch", "--seed", "s", "--policy", "genius"],
      /unknown policy "genius"/,
    ],
    ["missing file", () => ["verify", join(dir, "no-such-run.json")], /cannot read run file/],
    ["whatif with a bad --top", () => ["whatif", runPath, "--top", "zero"], /--top must be a whole number/],
    [
      "whatif on an edited run file",
      () => {
        const run = JSON.parse(readFileSync(runPath, "utf8")) as { turns: Record<string, unknown>[][] };
        const order = run.turns[1]?.find((d) => d.type === "reorder");
        if (!order) throw new Error("textbook run has no reorder in turn 2");
        order.qty = Number(order.qty) + 1;
        const f = join(dir, "edited-whatif.json");
        writeFileSync(f, JSON.stringify(run));
        return ["whatif", f];
      },
      /turn 2: the recorded state hash does not match/,
    ],
    [
      "malformed JSON run file",
      () => {
        const f = join(dir, "malformed.json");
        writeFileSync(f, '{"format": "shopsim-run", ');
        return ["verify", f];
      },
      /is not valid JSON/,
    ],
    [
      "run file with an edited decision (hash mismatch)",
      () => {
        const run = JSON.parse(readFileSync(runPath, "utf8")) as { turns: Record<string, unknown>[][] };
        const price = run.turns[0]?.find((d) => d.type === "setPrice");
        if (!price) throw new Error("textbook run has no setPrice in turn 1");
        price.priceFen = Number(price.priceFen) + 100;
        const f = join(dir, "edited.json");
        writeFileSync(f, JSON.stringify(run));
        return ["verify", f];
      },
      /turn 1: the recorded state hash does not match/,
    ],
    [
      "run with another engine version",
      () => {
        const run = JSON.parse(readFileSync(runPath, "utf8")) as Record<string, unknown>;
        run.engineVersion = "9.9.9";
        const f = join(dir, "other-engine.json");
        writeFileSync(f, JSON.stringify(run));
        return ["verify", f];
      },
      /played on engine 9\.9\.9/,
    ],
    [
      "decisions file of the wrong shape",
      () => {
        const f = join(dir, "wrong-shape.json");
        writeFileSync(f, JSON.stringify({ turns: [[{ type: "setPrice", sku: "cup300", priceFen: 8900 }]] }));
        return ["play", "--scenario", "launch", "--seed", "s", "--decisions", f];
      },
      /must be a JSON array of turns/,
    ],
    [
      "check-scenario on a broken scenario file (several problems)",
      () => {
        const raw = JSON.parse(readFileSync(join(ROOT, "scenarios", "launch.json"), "utf8"));
        raw.market.segments[0].share = 0.5;
        raw.stars = [900, 800, 700];
        const f = join(dir, "broken-scenario.json");
        writeFileSync(f, JSON.stringify(raw));
        return ["check-scenario", f];
      },
      /market\.segments: segment shares sum to 1\.150, not 1.*stars: star thresholds must ascend/,
    ],
    [
      "a decision the engine rejects, in play",
      () => {
        const f = join(dir, "rejected.json");
        writeFileSync(f, JSON.stringify([[{ type: "setPrice", sku: "cup999", priceFen: 8900 }]]));
        return ["play", "--scenario", "launch", "--seed", "s", "--decisions", f];
      },
      /turn 1, decision 1 \(setPrice\): unknown SKU "cup999"/,
    ],
    ["no command", () => [], /missing command; commands: scenarios, bot, play, verify/],
    [
      "missing policy",
      () => ["bot", "--scenario", "launch", "--seed", "s"],
      /missing --policy NAME; known: .*textbook/,
    ],
    [
      "a policy named like an Object.prototype member",
      () => ["bot", "--scenario", "launch", "--seed", "s", "--policy", "constructor"],
      /unknown policy "constructor"/,
    ],
    [
      "the scenario as a positional argument",
      () => ["bot", "launch", "--seed", "s", "--policy", "textbook"],
      /unexpected argument "launch" for `bot`; did you mean --scenario launch\?/,
    ],
    ["an option the command does not take", () => ["verify", runPath, "--seed", "s"], /option --seed does not apply/],
    ["two run files to verify", () => ["verify", runPath, runPath], /unexpected argument/],
    ...(
      [
        ["a run file of another format version", (r) => (r.version = 99), /not a valid run file: version/],
        [
          "a run file of edited scenario content",
          (r) => ((r.scenario as Record<string, unknown>).contentHash = "a".repeat(64)),
          /scenario "launch" has changed since this run was played/,
        ],
        [
          "a run file of an unknown scenario",
          (r) => ((r.scenario as Record<string, unknown>).id = "atlantis"),
          /run-\d\.json: unknown scenario "atlantis"/,
        ],
        [
          "a run file with an unknown decision type",
          (r) => (r.turns as unknown[][])[1]?.push({ type: "launchRocket" }),
          /turn 2, decision \d+ \(launchRocket\): malformed decision at type/,
        ],
        ["a run file missing a hash", (r) => (r.hashes as string[]).pop(), /8 turns but 7 hashes/],
      ] as [string, (r: Record<string, unknown>) => unknown, RegExp][]
    ).map(([name, edit, message], i): [string, () => string[], RegExp] => [
      name,
      () => {
        const run = JSON.parse(readFileSync(runPath, "utf8")) as Record<string, unknown>;
        edit(run);
        const f = join(dir, `run-${i}.json`);
        writeFileSync(f, JSON.stringify(run));
        return ["verify", f];
      },
      message,
    ]),
  ];

  it.each(cases)("%s", (_name, args, message) => {
    const r = cli(...args());
    expect(r.status).not.toBe(0);
    expect(r.status).not.toBeNull();
    expect(r.stdout).toBe("");
    const lines = r.stderr.split("\n").filter((l) => l.length > 0);
    expect(lines, r.stderr).toHaveLength(1);
    expect(r.stderr).not.toMatch(/^\s+at /m);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(lines[0]).toMatch(/^shopsim: /);
    expect(lines[0]).toMatch(message);
  });
});

describe("balance", () => {
  it("textbook beats naive on at least 8 of 10 seeds", () => {
    const sc = launch();
    let wins = 0;
    for (let i = 0; i < 10; i++) {
      const seed = `balance-${i}`;
      const t = scoreRun(sc, playRun(sc, seed, (s, st, reps) => POLICIES.textbook(s, st, reps)).state).score;
      const n = scoreRun(sc, playRun(sc, seed, (s, st, reps) => POLICIES.naive(s, st, reps)).state).score;
      if (t > n) wins++;
    }
    expect(wins).toBeGreaterThanOrEqual(8);
  });
});
