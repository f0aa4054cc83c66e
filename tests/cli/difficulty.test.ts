// --difficulty on `bot` and `play` (default standard), reported by --json and `verify`; a bad value is
// one clear stderr line and a non-zero exit; `rank` refuses a run on another difficulty.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TSX = join(ROOT, "node_modules", ".bin", "tsx");

function cli(...args: string[]) {
  const r = spawnSync(TSX, ["src/cli/main.ts", ...args], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
function json(args: string[]): Record<string, unknown> {
  const r = cli(...args);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Record<string, unknown>;
}

let dir = "";
const bot = (d?: string, out?: string) =>
  json([
    "bot",
    "--scenario",
    "launch",
    "--seed",
    "cli-d",
    "--policy",
    "textbook",
    ...(d ? ["--difficulty", d] : []),
    ...(out ? ["--out", out] : []),
    "--json",
  ]);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "shopsim-diff-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("--difficulty", () => {
  it("bot: default standard; hard is recorded in the run file, the JSON and verify, and changes the game", () => {
    const std = bot();
    expect(std.difficulty).toBe("standard");
    expect(bot("standard")).toEqual(std);
    const file = join(dir, "hard.json");
    const hard = bot("hard", file);
    expect(hard.difficulty).toBe("hard");
    expect(hard.stateHash).not.toBe(std.stateHash);
    const run = JSON.parse(readFileSync(file, "utf8"));
    expect(run.difficulty).toBe("hard");
    const v = json(["verify", file, "--json"]);
    expect(v).toEqual(hard); // verify replays on the run's difficulty and scores the same
    const text = cli("verify", file);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain("difficulty hard");
  });

  it("play: the same decisions on easy give another result, recorded as easy", () => {
    const decisions = join(dir, "turns.json");
    writeFileSync(decisions, JSON.stringify([[{ type: "setPrice", sku: "cup300", priceFen: 8900 }], []]));
    const args = ["play", "--scenario", "launch", "--seed", "cli-d", "--decisions", decisions, "--json"];
    const std = json(args);
    const easy = json([...args, "--difficulty", "easy"]);
    expect(std.difficulty).toBe("standard");
    expect(easy.difficulty).toBe("easy");
    expect(easy.stateHash).not.toBe(std.stateHash);
  });

  it("a bad value is one clear line on stderr and a non-zero exit", () => {
    for (const bad of ["nightmare", "Hard", ""]) {
      const r = cli("bot", "--scenario", "launch", "--seed", "x", "--policy", "textbook", "--difficulty", bad);
      expect(r.status).not.toBe(0);
      expect(r.stdout).toBe("");
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toContain(`unknown difficulty "${bad}"; known: easy, standard, hard`);
    }
    const v = cli("verify", "x.json", "--difficulty", "hard");
    expect(v.status).not.toBe(0);
    expect(v.stderr).toContain("option --difficulty does not apply to `verify`");
  });

  it("rank --difficulty refuses runs played on another one", () => {
    const hard = join(dir, "hard.json");
    const std = join(dir, "std.json");
    bot(undefined, std);
    const r = json(["rank", "--difficulty", "hard", "--json", hard, std]);
    expect((r.ranked as { file: string }[]).map((x) => x.file)).toEqual([hard]);
    expect(r.rejected).toMatchObject([{ file: std, code: "wrong_difficulty" }]);
  });
});
