// JSON Schema of run files, generated from the zod schemas (the decisions' full union included),
// so the published schema can never drift from what the engine accepts.
import { z } from "zod";
import { Decision } from "../engine/decisions";
import { RunFileSchema } from "../engine/run";
import { ScenarioSchema } from "../engine/scenario-schema";

export function runFileJsonSchema(): unknown {
  const full = RunFileSchema.extend({ turns: z.array(z.array(Decision).max(200)).max(60) });
  return {
    ...z.toJSONSchema(full, { target: "draft-2020-12" }),
    $id: "https://shopsim.invalid/schema/run-file.json",
    title: "ShopSim run file",
    description: "A ShopSim run: the save file, the leaderboard submission and the replay input. Money in integer fen.",
  };
}

/** JSON Schema of scenario files, for instructors' editors (cross-references are checked by check-scenario). */
export function scenarioJsonSchema(): unknown {
  return {
    ...z.toJSONSchema(ScenarioSchema, { target: "draft-2020-12" }),
    $id: "https://shopsim.invalid/schema/scenario.json",
    title: "ShopSim scenario file",
    description:
      "A ShopSim scenario: story, market, starting shop, objectives. Money in integer fen; text in zh-CN and en.",
  };
}
