// Scenarios shipped with the game, bundled into the browser build and used by the CLI by id.
// Instructors' own files are loaded by path through the same parser.

import assortmentJson from "../../scenarios/assortment.json";
import communityJson from "../../scenarios/community.json";
import double11Json from "../../scenarios/double11.json";
import feedadsJson from "../../scenarios/feedads.json";
import kolJson from "../../scenarios/kol.json";
import launchJson from "../../scenarios/launch.json";
import privateJson from "../../scenarios/private.json";
import sandboxJson from "../../scenarios/sandbox.json";
import seasonJson from "../../scenarios/season.json";
import serviceJson from "../../scenarios/service.json";
import { formatScenarioError, parseScenario } from "../engine/scenario";
import type { Scenario } from "../engine/scenario-schema";

// Campaign order (game-design.md "Scenarios"); the sandbox is free play.
const RAW: Record<string, unknown> = {
  launch: launchJson,
  assortment: assortmentJson,
  double11: double11Json,
  service: serviceJson,
  feedads: feedadsJson,
  kol: kolJson,
  community: communityJson,
  private: privateJson,
  season: seasonJson,
  sandbox: sandboxJson,
};

function load(id: string, raw: unknown): Scenario {
  const r = parseScenario(raw, `scenarios/${id}.json`);
  if (!r.ok) throw new Error(r.errors.map(formatScenarioError).join("\n"));
  return r.scenario;
}

export const BUNDLED_SCENARIOS: Scenario[] = Object.entries(RAW).map(([id, raw]) => load(id, raw));

export function getScenario(id: string): Scenario | undefined {
  return BUNDLED_SCENARIOS.find((s) => s.id === id);
}
