// The engine's purity rule is enforced by Biome; this checks the rule really fires, so a config
// change cannot silently switch it off.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// The probe is linted in a scratch copy of the project's biome.json, at the engine's path.
const scratch = mkdtempSync(join(tmpdir(), "shopsim-lint-"));
copyFileSync("biome.json", join(scratch, "biome.json"));
mkdirSync(join(scratch, "src/engine"), { recursive: true });
const biome = resolve("node_modules/.bin/biome");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let n = 0;
function lintAsEngineFile(code: string): string {
  const file = `src/engine/probe${n++}.ts`;
  writeFileSync(join(scratch, file), code);
  const r = spawnSync(biome, ["lint", file], { cwd: scratch, encoding: "utf8" });
  return `${r.stdout}\n${r.stderr}`;
}

describe("engine purity boundary (biome)", () => {
  it.each([
    ['import Phaser from "phaser";\nexport const p = Phaser;\n', "no Phaser"],
    ['import { createStore } from "zustand/vanilla";\nexport const c = createStore;\n', "no zustand"],
    ['import { readFileSync } from "node:fs";\nexport const r = readFileSync;\n', "no Node built-ins"],
    ['import { inspect } from "util";\nexport const i = inspect;\n', "noNodejsModules"],
    ['import { EventEmitter } from "events";\nexport const e = EventEmitter;\n', "noNodejsModules"],
    ['import { useGame } from "../store/game-store";\nexport const u = useGame;\n', "imports nothing from the UI"],
    ["export const r = Math.random();\n", "seeded stream"],
    ["export const e = Math.exp(1);\n", "detmath.exp"],
    ["export const d = Date.now();\n", "Date"],
    ["export const s = (1).toLocaleString();\n", "toLocaleString"],
  ])("rejects %j", (code, expected) => {
    expect(lintAsEngineFile(code)).toContain(expected);
  });

  it("accepts pure code", () => {
    const out = lintAsEngineFile('import { exp } from "./detmath";\nexport const e = exp(1) + Math.sqrt(2);\n');
    expect(out).not.toMatch(/×/);
  });
});
