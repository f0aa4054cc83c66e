// The offline path: `sim rank FILE...` verifies exported run files against one challenge and ranks
// them with the server's checks (same module), so an instructor without a network gets the same answer.
import { describe, expect, it } from "vitest";
import { rankRunFiles } from "../../src/cli/rank";
import { botRun } from "./helpers";

describe("rank (offline instructor)", () => {
  it("ranks verified runs, reports duplicates once and rejects foreign or edited runs with reasons", () => {
    const textbook = botRun("launch", "class-1", "textbook");
    const naive = botRun("launch", "class-1", "naive");
    const other = botRun("launch", "class-2", "naive");
    const edited = JSON.parse(JSON.stringify(textbook));
    edited.hashes[0] = "f".repeat(64);
    const r = rankRunFiles(
      [
        { file: "b.json", raw: naive },
        { file: "a.json", raw: textbook },
        { file: "a-copy.json", raw: textbook },
        { file: "other-seed.json", raw: other },
        { file: "edited.json", raw: edited },
        { file: "junk.json", raw: { hello: 1 } },
      ],
      { scenario: "launch", seed: "class-1" },
    );
    if ("error" in r) throw new Error(r.error);
    const byScore = [...r.ranked].sort((x, y) => y.score - x.score);
    expect(r.ranked).toEqual(byScore);
    expect(r.ranked.map((x) => x.file).sort()).toEqual(["a.json", "b.json"]);
    expect(r.duplicates).toEqual([{ file: "a-copy.json", player: null, sameAs: "a.json" }]);
    expect(Object.fromEntries(r.rejected.map((x) => [x.file, x.code]))).toEqual({
      "other-seed.json": "wrong_seed",
      "edited.json": "hash_mismatch",
      "junk.json": "invalid_run",
    });
    expect(r.table).toContain("2 verified, 1 duplicate, 3 rejected");
  });

  it("needs a known scenario", () => {
    expect(rankRunFiles([{ file: "x", raw: 1 }], {})).toEqual({
      error: "cannot tell the scenario; pass --scenario ID",
    });
  });
});
