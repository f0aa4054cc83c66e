// Scenario files: the launch scenario parses; each kind of mistake an instructor can make is
// reported with the file, the JSON path and a reason that names the problem; the content hash
// identifies content, not formatting.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseScenario, type ScenarioError, scenarioContentHash } from "../../src/engine";

const FILE = "scenarios/launch.json";
const RAW = JSON.parse(readFileSync(new URL("../../scenarios/launch.json", import.meta.url), "utf8")) as Record<
  string,
  unknown
>;

// biome-ignore lint/suspicious/noExplicitAny: test fixtures edit arbitrary paths of plain JSON
type Json = any;
function broken(edit: (s: Json) => void): ScenarioError[] {
  const s = structuredClone(RAW) as Json;
  edit(s);
  const r = parseScenario(s, FILE);
  if (r.ok) throw new Error("expected the broken scenario to be rejected");
  return r.errors;
}

/** Reverses the key order of every object, recursively. */
function reorderKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(reorderKeys);
  if (v !== null && typeof v === "object") {
    return Object.fromEntries(
      Object.entries(v)
        .reverse()
        .map(([k, x]) => [k, reorderKeys(x)]),
    );
  }
  return v;
}

describe("parseScenario", () => {
  it("accepts scenarios/launch.json", () => {
    const r = parseScenario(RAW, FILE);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.scenario.id).toBe("launch");
    expect(r.scenario.weeks).toBe(8);
    expect(r.scenario.skus.map((k) => k.id)).toEqual(["cup300", "cup500"]);
  });

  it.each<[string, (s: Json) => void, { path: string | RegExp; reason: RegExp }]>([
    [
      "segment shares not summing to 1",
      (s) => {
        s.market.segments[0].share = 0.5;
      },
      { path: "market.segments", reason: /shares sum to 1\.150, not 1/ },
    ],
    [
      "an unknown keyword in a SKU title",
      (s) => {
        s.skus[1].title = ["portable-juicer", "turbo-blender"];
      },
      { path: "skus.1.title.1", reason: /unknown keyword "turbo-blender"/ },
    ],
    [
      "star thresholds out of order",
      (s) => {
        s.stars = [700, 450, 850];
      },
      { path: "stars", reason: /star thresholds must ascend \(got 700, 450, 850\)/ },
    ],
    [
      "a wrong type at a nested path",
      (s) => {
        s.skus[0].supplier.tiers[1].unitCostFen = "39";
      },
      { path: "skus.0.supplier.tiers.1.unitCostFen", reason: /expected number/i },
    ],
    [
      "a duplicate SKU id",
      (s) => {
        s.skus[1].id = "cup300";
      },
      { path: "skus", reason: /SKU id "cup300" is used twice/ },
    ],
    [
      "a bad principle code",
      (s) => {
        s.goals[2].code = "P1.9z";
      },
      { path: "goals.2.code", reason: /"P1\.9z" is not a principle code/ },
    ],
    [
      "a principle code of the wrong shape",
      (s) => {
        s.goals[0].code = "lecture-1";
      },
      { path: "goals.0.code", reason: /invalid|match/i },
    ],
    [
      "a missing required field",
      (s) => {
        delete s.market.adCpmFen;
      },
      { path: "market.adCpmFen", reason: /expected number/i },
    ],
    [
      "an unknown field (typo)",
      (s) => {
        s.start.designerHoursPerWek = 40;
      },
      { path: "start", reason: /designerHoursPerWek/ },
    ],
    [
      "an unknown ad target at start",
      (s) => {
        s.start.ads.target = "retirees";
      },
      { path: "start.ads.target", reason: /unknown ad target "retirees"/ },
    ],
    [
      "supplier tiers out of order",
      (s) => {
        s.skus[0].supplier.tiers[2].minQty = 100;
      },
      { path: "skus.0.supplier.tiers.2", reason: /ascending minQty/ },
    ],
    [
      "a starting price below unit cost",
      (s) => {
        s.skus[1].priceFen = 6000;
      },
      { path: "skus.1.unitCostFen", reason: /does not cover the unit cost/ },
    ],
    [
      "a duplicate detail section",
      (s) => {
        s.skus[0].detail = ["specs", "specs"];
      },
      { path: "skus.0.detail", reason: /appears twice/ },
    ],
  ])("rejects %s, naming the file, path and reason", (_name, edit, want) => {
    const errors = broken(edit);
    const hit = errors.find(
      (e) =>
        (typeof want.path === "string" ? e.path === want.path : want.path.test(e.path)) && want.reason.test(e.reason),
    );
    expect(hit, JSON.stringify(errors)).toBeDefined();
    for (const e of errors) expect(e.file).toBe(FILE);
  });

  it("reports several problems at once", () => {
    const errors = broken((s) => {
      s.market.segments[0].share = 0.5;
      s.stars = [900, 800, 700];
      s.skus[1].id = "cup300";
    });
    expect(errors.map((e) => e.path).sort()).toEqual(["market.segments", "skus", "stars"]);
  });
});

describe("scenarioContentHash", () => {
  const parsed = (raw: unknown) => {
    const r = parseScenario(raw, FILE);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.scenario;
  };

  it("is a 64-hex-digit SHA-256", () => {
    expect(scenarioContentHash(parsed(RAW))).toMatch(/^[0-9a-f]{64}$/);
  });

  it("is stable under key reordering at every level", () => {
    const reordered = reorderKeys(RAW);
    expect(Object.keys(reordered as object)[0]).not.toBe(Object.keys(RAW)[0]);
    expect(scenarioContentHash(parsed(reordered))).toBe(scenarioContentHash(parsed(RAW)));
  });

  it.each<[string, (s: Json) => void]>([
    [
      "a number deep inside",
      (s) => {
        s.skus[0].supplier.tiers[0].unitCostFen += 1;
      },
    ],
    [
      "a translated text",
      (s) => {
        s.title.en = "Grand Opening!";
      },
    ],
    [
      "the order of an array",
      (s) => {
        s.skus[0].title.reverse();
      },
    ],
    [
      "the cash at start",
      (s) => {
        s.start.cashFen += 100;
      },
    ],
  ])("changes when content changes: %s", (_name, edit) => {
    const s = structuredClone(RAW) as Json;
    edit(s);
    expect(scenarioContentHash(parsed(s))).not.toBe(scenarioContentHash(parsed(RAW)));
  });
});

describe("check-scenario: references and locked levers (issue 4)", () => {
  const SANDBOX = JSON.parse(readFileSync(new URL("../../scenarios/sandbox.json", import.meta.url), "utf8")) as Json;
  function brokenSandbox(edit: (s: Json) => void): ScenarioError[] {
    const s = structuredClone(SANDBOX);
    edit(s);
    const r = parseScenario(s, "scenarios/sandbox.json");
    if (r.ok) throw new Error("expected the broken scenario to be rejected");
    return r.errors;
  }

  it.each<[string, (s: Json) => void, { path: string; reason: RegExp }]>([
    [
      "an objective on ROAS with marketing locked",
      (s) => {
        s.objectives.push({
          id: "roas",
          kpi: "roas",
          floor: 1,
          target: 3,
          weight: 1,
          label: { "zh-CN": "投产比", en: "ROAS" },
        });
        s.levers = s.levers.filter((l: string) => l !== "marketing");
      },
      { path: "objectives.5.kpi", reason: /objective "roas" measures roas, which needs the "marketing" lever/ },
    ],
    [
      "an objective on stockout days with inventory locked",
      (s) => {
        s.levers = s.levers.filter((l: string) => l !== "inventory");
      },
      { path: "objectives.4.kpi", reason: /needs the "inventory" lever, but levers lock it/ },
    ],
    [
      "a private-domain goal with the private lever locked",
      (s) => {
        s.levers = s.levers.filter((l: string) => l !== "private");
      },
      { path: "goals.2.code", reason: /goal P2\.3a is played with the "private" lever, but levers lock it/ },
    ],
    [
      "an unknown SKU in the lifecycle data",
      (s) => {
        s.market.lifecycle.skus[0].sku = "cup900";
      },
      { path: "market.lifecycle.skus.0.sku", reason: /unknown SKU "cup900"/ },
    ],
    [
      "an unknown SKU in the catalogue",
      (s) => {
        s.market.catalogue[0].sku = "cup900";
      },
      { path: "market.catalogue.0.sku", reason: /unknown SKU "cup900"/ },
    ],
  ])("rejects %s with the path and the reason", (_name, edit, want) => {
    const errors = brokenSandbox(edit);
    expect(errors).toContainEqual({
      file: "scenarios/sandbox.json",
      path: want.path,
      reason: expect.stringMatching(want.reason),
    });
  });

  it("accepts every shipped scenario", () => {
    for (const id of [
      "launch",
      "assortment",
      "double11",
      "service",
      "feedads",
      "kol",
      "community",
      "private",
      "season",
      "sandbox",
    ]) {
      const raw = JSON.parse(readFileSync(new URL(`../../scenarios/${id}.json`, import.meta.url), "utf8"));
      const r = parseScenario(raw, `scenarios/${id}.json`);
      expect(r.ok ? [] : r.errors).toEqual([]);
    }
  });
});
