// Piscina worker for `npm run balance`: one task plays a reference policy, a red-team family (or textbook
// through the red team's identity transform) or the optimizer for one scenario over a list of seeds, so
// both cores share the work (scripts/balance.ts builds the tasks).
import { BUNDLED_SCENARIOS } from "../src/content/scenarios";
import type { PolicyName, Scenario } from "../src/engine";
import { playScore } from "./balance-core";
import { type FamilyRun, familyById, identity, playFamily } from "./redteam-core";
import { type OptimizeResult, optimize } from "./redteam-optimize";

export type RedTeamTask =
  | { kind: "policy"; scenario: Scenario | string; policy: PolicyName; seeds: string[] }
  | { kind: "family"; scenario: Scenario | string; family: string; seeds: string[] }
  | { kind: "optimize"; scenario: Scenario | string; seconds: number; trainSeeds: string[]; testSeeds: string[] };

export type PolicyRun = { score: number; stars: number };

function scenarioOf(s: Scenario | string): Scenario {
  if (typeof s !== "string") return s;
  const found = BUNDLED_SCENARIOS.find((x) => x.id === s);
  if (!found) throw new Error(`no bundled scenario "${s}"`);
  return found;
}

export default function run(task: RedTeamTask): PolicyRun[] | FamilyRun[] | OptimizeResult {
  const scenario = scenarioOf(task.scenario);
  switch (task.kind) {
    case "policy":
      return task.seeds.map((seed) => playScore(scenario, task.policy, seed));
    case "optimize":
      return optimize(scenario, { seconds: task.seconds, trainSeeds: task.trainSeeds, testSeeds: task.testSeeds });
    case "family": {
      const turn = task.family === "textbook" ? identity : familyById(task.family).turn;
      return task.seeds.map((seed) => playFamily(scenario, turn, seed));
    }
  }
}
