// Scenarios shipped with the game, bundled into the browser build and used by the CLI by id.
// Instructors' own files are loaded by path through the same parser.

import launchJson from "../../scenarios/launch.json";
import sandboxJson from "../../scenarios/sandbox.json";
import { formatScenarioError, parseScenario } from "../engine/scenario";
import type { Scenario } from "../engine/scenario-schema";

const RAW: Record<string, unknown> = { launch: launchJson, sandbox: sandboxJson };

function load(id: string, raw: unknown): Scenario {
  const r = parseScenario(raw, `scenarios/${id}.json`);
  if (!r.ok) throw new Error(r.errors.map(formatScenarioError).join("\n"));
  return r.scenario;
}

export const BUNDLED_SCENARIOS: Scenario[] = Object.entries(RAW).map(([id, raw]) => load(id, raw));

export function getScenario(id: string): Scenario | undefined {
  return BUNDLED_SCENARIOS.find((s) => s.id === id);
}
