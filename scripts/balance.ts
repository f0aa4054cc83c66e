// npm run balance [-- --seeds N] [--scenario ID] [--file scenario.json]
// Prints per-scenario balance tables; exits non-zero when a balance check fails.
import { readFileSync } from "node:fs";
import { BUNDLED_SCENARIOS } from "../src/content/scenarios";
import type { Scenario } from "../src/engine";
import { formatScenarioError, parseScenario } from "../src/engine/scenario";
import { balanceScenario, formatBalance } from "./balance-core";

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const seeds = Number(opt("--seeds") ?? 50);
const only = opt("--scenario");
const file = opt("--file");
let scenarios: Scenario[];
if (file) {
  const r = parseScenario(JSON.parse(readFileSync(file, "utf8")), file);
  if (!r.ok) {
    console.error(r.errors.map(formatScenarioError).join("\n"));
    process.exit(2);
  }
  scenarios = [r.scenario];
} else {
  // The sandbox is a free-play playground, not a campaign scenario: it is not balanced.
  scenarios = BUNDLED_SCENARIOS.filter((s) => s.id !== "sandbox" && (!only || s.id === only));
}
if (scenarios.length === 0) {
  console.error(`no scenario "${only}"`);
  process.exit(2);
}
let failed = 0;
for (const s of scenarios) {
  const b = balanceScenario(s, seeds);
  console.log(formatBalance(b));
  if (b.failures.length > 0) failed++;
}
if (failed > 0) {
  console.error(`${failed} scenario(s) fail the balance checks`);
  process.exit(1);
}
