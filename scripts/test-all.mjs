// `npm test`: every check a change must pass, in order, ending with one "N passed, M failed" line.
//   lint + format (biome) → types (tsc) → build → unit/property/golden/server tests (vitest) → browser tests.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";

let passed = 0;
let failed = 0;
const failures = [];

function run(name, cmd, args, opts = {}) {
  console.log(`\n── ${name}: ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, {
    stdio: opts.capture ? ["inherit", "pipe", "inherit"] : "inherit",
    encoding: "utf8",
    env: { ...process.env, FORCE_COLOR: "0", ...opts.env },
  });
  if (opts.capture && r.stdout) process.stdout.write(r.stdout);
  return r;
}

function step(name, cmd, args) {
  const r = run(name, cmd, args);
  if (r.status === 0) passed++;
  else {
    failed++;
    failures.push(name);
  }
}

mkdirSync("test-results", { recursive: true });
step("lint", "npx", ["biome", "check", "."]);
step("types", "npx", ["tsc", "--noEmit"]);

// Build first: the server tests serve the built game from dist/, and the browser tests need it.
const build = run("build", "npx", ["vite", "build", "--logLevel", "warn"]);
if (build.status !== 0) {
  failed++;
  failures.push("build");
}

const vitest = run(
  "unit, property and golden tests",
  "npx",
  [
    "vitest",
    "run",
    "--config",
    "vitest.config.ts",
    "--reporter=default",
    "--reporter=json",
    "--outputFile.json=test-results/vitest.json",
  ],
  { env: { CI: "true" } },
); // CI: a missing snapshot fails instead of being written
if (existsSync("test-results/vitest.json")) {
  const j = JSON.parse(readFileSync("test-results/vitest.json", "utf8"));
  passed += j.numPassedTests;
  failed += j.numFailedTests;
  if (j.numFailedTests > 0 || vitest.status !== 0) failures.push("vitest");
  if (vitest.status !== 0 && j.numFailedTests === 0) failed++; // e.g. a suite failed to load
} else {
  failed++;
  failures.push("vitest (no report)");
}

if (build.status === 0) {
  const ensure = run("browser prerequisites", "bash", ["scripts/ensure-browser.sh"]);
  if (ensure.status !== 0) {
    failed++;
    failures.push("browser prerequisites (chromium, fonts-noto-cjk)");
  } else {
    const b = run("browser tests (headless Chromium)", "node", ["scripts/browser-tests.mjs"], { capture: true });
    const m = /^(\d+) passed, (\d+) failed/m.exec(b.stdout ?? "");
    if (m) {
      passed += Number(m[1]);
      failed += Number(m[2]);
    }
    if (!m || b.status !== 0) {
      if (!m || Number(m[2]) === 0) failed++;
      failures.push("browser tests");
    }
  }
}

console.log(failures.length ? `\nfailed: ${failures.join(", ")}` : "\nall checks passed");
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
