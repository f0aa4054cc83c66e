// The CLI's defence against an engine exception (issue #10): one located line saying it is a bug,
// never a stack trace or a bare "internal error"; and the input that used to throw now plays.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { EngineFailure, engineFailure, guardEngine } from "../../src/cli/engine-guard";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const dir = mkdtempSync(join(tmpdir(), "shopsim-guard-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("guardEngine", () => {
  it("passes results through", () => {
    expect(guardEngine("in turn 1", () => 42)).toBe(42);
  });

  it("turns an exception into an EngineFailure naming where it happened and that it is a bug", () => {
    let caught: unknown;
    try {
      guardEngine('in turn 3 of double11 (seed "s")', () => {
        throw new Error("binomial: probability must be in [0, 1], got NaN");
      });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(EngineFailure);
    const m = (caught as Error).message;
    expect(m).toContain('in turn 3 of double11 (seed "s")');
    expect(m).toContain("binomial: probability must be in [0, 1], got NaN");
    expect(m).toMatch(/a bug in ShopSim, not in your input/);
    expect(m).not.toMatch(/internal error|\n/);
  });

  it("keeps the innermost location when guards nest", () => {
    const inner = engineFailure(new Error("x"), "in turn 2");
    const outer = () =>
      guardEngine("replaying run.json", () =>
        guardEngine("in turn 2", () => {
          throw new Error("x");
        }),
      );
    expect(outer).toThrow(inner.message);
  });
});

describe("the input that threw (a ¥35,000 list price with a group buy) plays through the CLI", () => {
  it("sim play exits 0 with a score", () => {
    const turns = [
      [
        { type: "setPrice", sku: "cup300", priceFen: 3_500_000 },
        { type: "setGroupBuy", sku: "cup300", groupPriceFen: 5_000, groupSize: 2 },
      ],
      [{ type: "setPrice", sku: "cup300", priceFen: 3_430_000 }],
    ];
    const file = join(dir, "turns.json");
    writeFileSync(file, JSON.stringify(turns));
    const r = spawnSync(
      TSX,
      ["src/cli/main.ts", "play", "--scenario", "double11", "--seed", "x", "--decisions", file, "--json"],
      { cwd: ROOT, encoding: "utf8", timeout: 60_000 },
    );
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { score: number };
    expect(Number.isFinite(out.score)).toBe(true);
  });
});
