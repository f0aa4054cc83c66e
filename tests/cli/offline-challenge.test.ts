// Offline challenges: the challenge file and code an instructor hands out without a server, the
// run file's labels, and the ranking: the CLI's `rank` and the game's ranking screen (which calls
// src/shared/rank.ts with the engine's own SHA-256) must rank the same files the same way.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { getScenario } from "../../src/content/scenarios";
import { canonicalJson, parseRunFile, replayRun, sha256Hex } from "../../src/engine";
import {
  challengeFileJson,
  createOfflineChallenge,
  looksLikeOfflineCode,
  normaliseOfflineCode,
  offlineCode,
  parseChallengeFile,
  parseOfflineCode,
} from "../../src/shared/offline-challenge";
import { rankRunFiles } from "../../src/shared/rank";
import { botRun } from "../server/helpers";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const TSX = join(ROOT, "node_modules", ".bin", "tsx");
const launch = getScenario("launch");
if (!launch) throw new Error("launch missing");

describe("offline code", () => {
  it("carries scenario and seed, in groups of four, whatever the seed's script", () => {
    for (const seed of ["class-1", "电商2301班", "A b_c.d", "x"]) {
      const code = offlineCode("launch", seed);
      expect(code).toMatch(/^1[0-9A-Z]{3}(-[0-9A-Z]{1,4})+$/);
      expect(looksLikeOfflineCode(code)).toBe(true);
      const r = parseOfflineCode(code);
      if (!r.ok) throw new Error(r.error.key);
      expect(r.value.scenario.id).toBe("launch");
      expect(r.value.seed).toBe(seed);
      expect(r.value.code).toBe(code);
    }
    expect(looksLikeOfflineCode("K7QX3M")).toBe(false); // a server code
  });

  it("forgives case, spaces, dashes and O/I/L, and catches a typo", () => {
    const code = offlineCode("season", "class-7");
    const sloppy = code.toLowerCase().replace(/-/g, " ").replace(/0/g, "o").replace(/1/g, "l");
    expect(normaliseOfflineCode(sloppy)).toBe(code.replace(/-/g, ""));
    expect(parseOfflineCode(sloppy).ok).toBe(true);
    const compact = code.replace(/-/g, "");
    let caught = 0;
    for (let i = 1; i < compact.length; i++) {
      const ch = compact[i] === "Z" ? "Y" : "Z";
      const typo = compact.slice(0, i) + ch + compact.slice(i + 1);
      const r = parseOfflineCode(typo);
      if (!r.ok) caught++;
    }
    expect(caught).toBe(compact.length - 1);
    expect(parseOfflineCode("1UUU-UUUU-UUUU")).toEqual({ ok: false, error: { key: "off.err.codeChars", params: {} } });
    expect(parseOfflineCode(offlineCode("nope", "s"))).toEqual({
      ok: false,
      error: { key: "off.err.unknownScenario", params: { id: "nope" } },
    });
  });
});

describe("difficulty in the offline code and file", () => {
  it("a standard code is as before (version 1); easy and hard codes (version 2) carry it back", () => {
    expect(offlineCode("launch", "class-7", "standard")).toBe(offlineCode("launch", "class-7"));
    expect(offlineCode("launch", "class-7")).toMatch(/^1/);
    const codes = new Set<string>();
    for (const d of ["easy", "standard", "hard"] as const) {
      for (const [id, seed] of [
        ["launch", "class-7"],
        ["myown", "电商2301班"], // a scenario id outside the numbered list: its id is spelled out
      ] as const) {
        const code = offlineCode(id, seed, d);
        codes.add(code);
        expect(code.startsWith(d === "standard" ? "1" : "2")).toBe(true);
        expect(looksLikeOfflineCode(code)).toBe(true);
        if (id !== "launch") {
          expect(parseOfflineCode(code)).toMatchObject({ ok: false, error: { key: "off.err.unknownScenario" } });
          continue;
        }
        const r = parseOfflineCode(code.toLowerCase());
        if (!r.ok) throw new Error(r.error.key);
        expect(r.value).toMatchObject({ code, seed, difficulty: d });
        expect(r.value.scenario.id).toBe(id);
      }
    }
    expect(codes.size).toBe(6);
    // A typo in the difficulty part is caught by the checksum like any other.
    const hard = offlineCode("launch", "class-7", "hard").replace(/-/g, "");
    const typo = `${hard.slice(0, 1)}${hard[1] === "Z" ? "Y" : "Z"}${hard.slice(2)}`;
    expect(parseOfflineCode(typo)).toMatchObject({ ok: false, error: { key: "off.err.codeTypo" } });
  });

  it("the file's difficulty is covered by its hash and its code", () => {
    const f = createOfflineChallenge({
      scenario: launch,
      seed: "class-9",
      difficulty: "easy",
      className: "",
      deadline: null,
    });
    expect(f.code).toBe(offlineCode("launch", "class-9", "easy"));
    const edited = { ...f, difficulty: "hard" };
    expect(parseChallengeFile(JSON.stringify(edited))).toMatchObject({ ok: false, error: { key: "off.err.edited" } });
    const { hash: _h, ...body } = edited;
    const rehashed = { ...body, hash: sha256Hex(canonicalJson(body)) }; // hash redone, code left as it was
    expect(parseChallengeFile(JSON.stringify(rehashed))).toMatchObject({ ok: false, error: { key: "off.err.edited" } });
  });

  it("the ranking refuses a run on another difficulty than the challenge's", () => {
    const hard = botRun("launch", "class-7", "textbook", "hard");
    const standard = botRun("launch", "class-7", "textbook");
    const r = rankRunFiles(
      [
        { file: "hard.json", raw: hard },
        { file: "standard.json", raw: standard },
      ],
      { scenario: "launch", seed: "class-7", difficulty: "hard" },
    );
    if ("error" in r) throw new Error(r.error);
    expect(r.challenge.difficulty).toBe("hard");
    expect(r.ranked.map((x) => x.file)).toEqual(["hard.json"]);
    expect(r.rejected).toMatchObject([{ file: "standard.json", code: "wrong_difficulty", key: "err.wrongDifficulty" }]);
    // Without a challenge file the first run's difficulty is the challenge's.
    const byFirst = rankRunFiles([{ file: "hard.json", raw: hard }], {});
    if ("error" in byFirst) throw new Error(byFirst.error);
    expect(byFirst.challenge.difficulty).toBe("hard");
    expect(byFirst.ranked).toHaveLength(1);
  });
});

describe("challenge file", () => {
  const base = {
    scenario: launch,
    seed: "class-7",
    difficulty: "hard" as const,
    className: "电商 2301 班",
    deadline: "2026-12-01T10:00:00.000Z",
  };
  const c = createOfflineChallenge(base);

  it("round-trips and names the market by its offline code", () => {
    const r = parseChallengeFile(challengeFileJson(c));
    expect(r).toEqual({ ok: true, value: c });
    expect(c.code).toBe(offlineCode("launch", "class-7", "hard"));
  });

  it("refuses edited, damaged and wrong files with a reason", () => {
    const edited = JSON.parse(challengeFileJson(c));
    edited.seed = "class-8";
    expect(parseChallengeFile(JSON.stringify(edited))).toMatchObject({ ok: false, error: { key: "off.err.edited" } });
    expect(parseChallengeFile("{ not json")).toMatchObject({ ok: false, error: { key: "off.err.notJson" } });
    expect(parseChallengeFile(JSON.stringify(botRun("launch", "class-7", "naive")))).toMatchObject({
      ok: false,
      error: { key: "off.err.isRunFile" },
    });
    expect(parseChallengeFile(JSON.stringify({ format: "other" }))).toMatchObject({
      ok: false,
      error: { key: "off.err.notChallenge" },
    });
    // Another game version's file, hashed correctly: refused for the version, not as edited.
    const other = createOfflineChallenge({ ...base, scenario: launch });
    const { hash: _hash, ...body } = { ...other, engineVersion: "0.0.1" };
    const rehashed = { ...body, hash: sha256Hex(canonicalJson(body)) };
    expect(parseChallengeFile(JSON.stringify(rehashed))).toMatchObject({
      ok: false,
      error: { key: "off.err.version", params: { file: "0.0.1" } },
    });
  });
});

describe("run labels and offline ranking", () => {
  it("a run's meta labels it without changing its replay", () => {
    const run = { ...botRun("launch", "class-7", "naive"), meta: { player: "张三", challenge: c7() } };
    const parsed = parseRunFile(JSON.parse(JSON.stringify(run)));
    if (!parsed.ok) throw new Error(parsed.error);
    const replay = replayRun(parsed.run, launch);
    expect(replay.ok).toBe(true);
    expect(parseRunFile({ ...run, meta: { score: 999 } }).ok).toBe(false); // labels only, no score
  });

  it("the CLI and the game's ranking give the same ranking for the same files", () => {
    const good = { ...botRun("launch", "class-7", "textbook"), meta: { player: "李雷", challenge: c7() } };
    const naive = { ...botRun("launch", "class-7", "naive"), meta: { player: "韩梅梅" } };
    const copy = { ...good, meta: { player: "抄作业" } }; // the same play under another name
    const forged = JSON.parse(JSON.stringify(naive));
    forged.meta.player = "伪造";
    forged.turns[2].push({ type: "setPrice", sku: launch.skus[0]?.id, priceFen: 100 });
    const files: [string, unknown][] = [
      ["naive.json", naive],
      ["good.json", good],
      ["copy.json", copy],
      ["forged.json", forged],
      ["other-seed.json", botRun("launch", "class-8", "naive")],
    ];
    const dir = mkdtempSync(join(tmpdir(), "shopsim-rank-"));
    for (const [name, raw] of files) writeFileSync(join(dir, name), JSON.stringify(raw));
    const cli = spawnSync(
      TSX,
      [
        "src/cli/main.ts",
        "rank",
        "--scenario",
        "launch",
        "--seed",
        "class-7",
        "--json",
        ...files.map(([n]) => join(dir, n)),
      ],
      { cwd: ROOT, encoding: "utf8", timeout: 120_000 },
    );
    expect(cli.stderr).toBe("");
    const fromCli = JSON.parse(cli.stdout) as ReturnType<typeof rankRunFiles>;
    const inGame = rankRunFiles(
      files.map(([file, raw]) => ({ file: join(dir, file), raw })),
      { scenario: "launch", seed: "class-7" },
    );
    expect(fromCli).toEqual(inGame);
    if ("error" in inGame) throw new Error(inGame.error);
    expect(inGame.ranked.map((r) => r.player)).toEqual(["李雷", "韩梅梅"]);
    expect(inGame.duplicates.map((d) => d.player)).toEqual(["抄作业"]);
    expect(inGame.rejected.map((r) => [r.player, r.code])).toEqual([
      ["伪造", "hash_mismatch"],
      [null, "wrong_seed"],
    ]);
  });
});

function c7(): string {
  return offlineCode("launch", "class-7");
}
