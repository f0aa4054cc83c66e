// docs/run-file.schema.json is the published JSON Schema of run files; it must match the zod schemas.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runFileJsonSchema, scenarioJsonSchema } from "../../src/cli/json-schema";
import { LEVER_OF } from "../../src/engine";

describe("published run-file JSON Schema", () => {
  it("is up to date (regenerate: npm run sim --silent -- schema > docs/run-file.schema.json)", () => {
    const published = JSON.parse(readFileSync("docs/run-file.schema.json", "utf8"));
    expect(published).toEqual(JSON.parse(JSON.stringify(runFileJsonSchema())));
  });

  it("lists every decision type the engine knows (LEVER_OF)", () => {
    const text = JSON.stringify(runFileJsonSchema());
    const types = Object.keys(LEVER_OF);
    expect(types.length).toBeGreaterThanOrEqual(26);
    for (const t of types) expect(text).toContain(`"${t}"`);
  });

  it("scenario schema is up to date (npm run sim --silent -- schema scenario > docs/scenario.schema.json)", () => {
    const published = JSON.parse(readFileSync("docs/scenario.schema.json", "utf8"));
    expect(published).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
  });
});
