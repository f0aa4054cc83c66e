// `sim explain RUNFILE [--week N] [--json]`, spawned as a real process: it verifies the run, then
// prints per week and KPI {kpi, from, to, drivers} whose deltas add up to to − from; bad input is one
// clear stderr line and a non-zero exit.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getScenario } from "../../src/content/scenarios";
import { type Decision, explainRun, POLICIES } from "../../src/engine";
import { playRun } from "../engine/helpers";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TSX = join(ROOT, "node_modules", ".bin", "tsx");

function cli(...args: string[]) {
  const r = spawnSync(TSX, ["src/cli/main.ts", ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Row {
  week: number;
  kpi: string;
  from: number;
  to: number;
  drivers: { cause: string; delta: number; code: string; decided?: true }[];
}

let dir = "";
let runPath = "";

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "shopsim-explain-"));
  runPath = join(dir, "run.json");
  const r = cli("bot", "--scenario", "season", "--seed", "ex-1", "--policy", "textbook", "--out", runPath, "--json");
  expect(r.status).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("sim explain", () => {
  it("--json: every week and KPI, drivers adding up to the change, the same as the engine's explainRun", () => {
    const r = cli("explain", runPath, "--json");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]!) as { scenario: string; changes: Row[]; top: { week: number }[] };
    expect(out.scenario).toBe("season");
    const sc = getScenario("season")!;
    const played = playRun(sc, "ex-1", (s, st, reps) => POLICIES.textbook(s, st, reps));
    const weeks = played.reports.length;
    expect(out.changes).toHaveLength(weeks * 6);
    expect(out.top.map((t) => t.week)).toEqual(Array.from({ length: weeks }, (_, i) => i + 1));
    const engine = explainRun(sc, played.reports, played.turns as Decision[][]);
    // The run's decisions mark the drivers they act on (textbook sets prices, titles, stock…).
    expect(out.changes.some((c) => c.drivers.some((d) => d.decided === true))).toBe(true);
    for (const c of out.changes) {
      const sum = c.drivers.reduce((a, d) => a + d.delta, 0);
      if (c.kpi === "conversionRate") expect(Math.abs(sum - (c.to - c.from))).toBeLessThan(1e-12);
      else expect(sum, `week ${c.week} ${c.kpi}`).toBe(c.to - c.from);
      const report = played.reports[c.week - 1]!;
      expect(c.to).toBe(report.kpis[c.kpi as keyof typeof report.kpis]);
      const same = engine[c.week - 1]!.changes.find((x) => x.kpi === c.kpi)!;
      expect(c.drivers.map((d) => [d.cause, d.delta, d.code, d.decided ?? false])).toEqual(
        same.drivers.map((d) => [d.cause, d.delta, d.code, d.decided ?? false]),
      );
      for (const d of c.drivers) expect(d.code).toMatch(/^P[12X]\.[0-9a-z]+$/);
    }
  });

  it("--week N prints only that week; the text form names each KPI's change and drivers", () => {
    const r = cli("explain", runPath, "--week", "3", "--json");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { changes: Row[] };
    expect(new Set(out.changes.map((c) => c.week))).toEqual(new Set([3]));
    expect(out.changes.map((c) => c.kpi)).toEqual([
      "uv",
      "orders",
      "conversionRate",
      "aovFen",
      "gmvFen",
      "netProfitFen",
    ]);
    const text = cli("explain", runPath, "--week", "3");
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/week 3 {2}biggest drivers: /);
    expect(text.stdout).toMatch(/\n {2}GMV ¥[\d.]+ → ¥[\d.]+ \([+-]¥[\d.]+\): /);
    expect(text.stdout).not.toMatch(/week 2 /);
  });

  const bad: [string, () => string[], RegExp][] = [
    ["missing RUNFILE", () => ["explain"], /missing RUNFILE/],
    ["unreadable file", () => ["explain", join(dir, "nope.json")], /cannot read run file/],
    [
      "--week not a number",
      () => ["explain", runPath, "--week", "two"],
      /--week must be a whole number ≥ 1, not "two"/,
    ],
    ["--week 0", () => ["explain", runPath, "--week", "0"], /--week must be a whole number/],
    ["--week past the run", () => ["explain", runPath, "--week", "99"], /--week 99: the run has \d+ week\(s\)/],
    [
      "an option of another command",
      () => ["explain", runPath, "--top", "3"],
      /option --top does not apply to `explain`/,
    ],
    [
      "an edited run (hash mismatch)",
      () => {
        const run = JSON.parse(readFileSync(runPath, "utf8")) as { turns: Record<string, unknown>[][] };
        const price = run.turns[0]?.find((d) => d.type === "setPrice");
        if (!price) throw new Error("textbook run has no setPrice in turn 1");
        price.priceFen = Number(price.priceFen) + 100;
        const f = join(dir, "edited.json");
        writeFileSync(f, JSON.stringify(run));
        return ["explain", f];
      },
      /turn 1: the recorded state hash does not match/,
    ],
  ];
  for (const [name, args, message] of bad) {
    it(`bad input: ${name} → one stderr line, exit ≠ 0, nothing on stdout`, () => {
      const r = cli(...args());
      expect(r.status).not.toBe(0);
      expect(r.stdout).toBe("");
      const lines = r.stderr.trim().split("\n");
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^shopsim: /);
      expect(lines[0]).toMatch(message);
    });
  }
});
