// Loading scenario files: shape (zod) plus the cross-references zod cannot see. Every problem is
// reported with the file, the JSON path and the reason, so an instructor can fix it.

import type { Lever } from "./decisions";
import { canonicalJson, sha256Hex } from "./hash";
import { isPrincipleCode } from "./principles";
import { type Scenario, ScenarioSchema } from "./scenario-schema";
import { checkOpsScenario } from "./sim/operations";
import { checkDomainDScenario } from "./systems/lifecycle";
import { checkCommerceScenario } from "./systems/market";
import { checkMarketingScenario } from "./systems/marketing";

export interface ScenarioError {
  file: string;
  path: string;
  reason: string;
}

export function formatScenarioError(e: ScenarioError): string {
  return `${e.file}: ${e.path || "(root)"}: ${e.reason}`;
}

export function parseScenario(
  raw: unknown,
  file: string,
): { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] } {
  const parsed = ScenarioSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      errors: parsed.error.issues.map((i) => ({ file, path: i.path.map(String).join("."), reason: i.message })),
    };
  }
  const sc = parsed.data;
  const errors: ScenarioError[] = [];
  const add = (path: string, reason: string) => errors.push({ file, path, reason });

  const shareSum = sc.market.segments.reduce((a, g) => a + g.share, 0);
  if (Math.abs(shareSum - 1) > 0.001) add("market.segments", `segment shares sum to ${shareSum.toFixed(3)}, not 1`);
  const idLists: [string, string, string[]][] = [
    ["market.segments", "segment", sc.market.segments.map((g) => g.id)],
    ["market.keywords", "keyword", sc.market.keywords.map((k) => k.id)],
    ["skus", "SKU", sc.skus.map((k) => k.id)],
    ["objectives", "objective", sc.objectives.map((o) => o.id)],
  ];
  for (const [path, what, ids] of idLists) {
    for (const id of dupes(ids)) add(path, `${what} id "${id}" is used twice`);
  }
  sc.market.keywords.forEach((k, i) => {
    if (k.kind === "core" && k.dailySearches === 0)
      add(`market.keywords.${i}.dailySearches`, "a core keyword needs searches");
  });
  sc.skus.forEach((sku, i) => {
    sku.title.forEach((kw, j) => {
      if (!sc.market.keywords.some((k) => k.id === kw)) add(`skus.${i}.title.${j}`, `unknown keyword "${kw}"`);
    });
    if (new Set(sku.detail).size !== sku.detail.length) add(`skus.${i}.detail`, "a section appears twice");
    const tiers = sku.supplier.tiers;
    for (let j = 1; j < tiers.length; j++) {
      if ((tiers[j]?.minQty ?? 0) <= (tiers[j - 1]?.minQty ?? 0))
        add(`skus.${i}.supplier.tiers.${j}`, "tiers must be in ascending minQty");
    }
    if (sku.unitCostFen >= sku.priceFen)
      add(`skus.${i}.unitCostFen`, "the starting price does not cover the unit cost");
  });
  const [a, b, c] = sc.stars;
  if (!(a < b && b < c)) add("stars", `star thresholds must ascend (got ${a}, ${b}, ${c})`);
  if (c > 1000 || a < 0) add("stars", "star thresholds must lie within 0–1000");
  sc.objectives.forEach((o, i) => {
    if (o.floor === o.target) add(`objectives.${i}`, "floor and target must differ");
  });
  const t = sc.start.ads.target;
  if (t !== "broad" && !sc.market.segments.some((g) => g.id === t)) add("start.ads.target", `unknown ad target "${t}"`);
  for (const [path, reason] of checkMarketingScenario(sc)) add(path, reason); // P2.1–P2.2 market data
  for (const [path, reason] of checkCommerceScenario(sc)) add(path, reason); // calendar, seasonality, baskets
  for (const [path, reason] of checkOpsScenario(sc)) add(path, reason); // P1.3a–c, PX.c team and service
  sc.goals.forEach((g, i) => {
    if (!isPrincipleCode(g.code))
      add(`goals.${i}.code`, `"${g.code}" is not a principle code of the lecture (e.g. P1.2c)`);
  });
  checkDomainDScenario(sc, add); // market.customers, market.lifecycle, market.catalogue
  checkLockedLevers(sc, add);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, scenario: sc };
}

/** Levers an objective's KPI cannot be moved without. */
const KPI_LEVERS: Partial<Record<Scenario["objectives"][number]["kpi"], Lever>> = {
  roas: "marketing", // no ad spend, no ROAS
  stockoutDays: "inventory", // without restocking the player cannot act on stockouts
};
/** The lever a principle is played with (by code prefix, first match). */
const PRINCIPLE_LEVERS: [RegExp, Lever[]][] = [
  [/^P1\.1c/, ["product"]],
  [/^P1\.1/, ["store"]],
  [/^P1\.2[a-e]/, ["product"]],
  [/^P1\.2f/, ["pricing"]],
  [/^P1\.2g/, ["promotion"]],
  [/^P1\.3/, ["service", "team"]],
  [/^P2\.[12]/, ["marketing"]],
  [/^P2\.3/, ["private"]],
];

/** An objective or a learning goal that needs a lever the file locks (not in `levers`). */
function checkLockedLevers(sc: Scenario, add: (path: string, reason: string) => void): void {
  const open = new Set<Lever>(sc.levers);
  sc.objectives.forEach((o, i) => {
    const need = KPI_LEVERS[o.kpi];
    if (need && !open.has(need))
      add(
        `objectives.${i}.kpi`,
        `objective "${o.id}" measures ${o.kpi}, which needs the "${need}" lever, but levers lock it`,
      );
    if (o.kpi === "repurchaseRate" && !sc.market.customers)
      add(
        `objectives.${i}.kpi`,
        `objective "${o.id}" measures repurchaseRate, which needs a customer base (market.customers), but there is none`,
      );
  });
  sc.goals.forEach((g, i) => {
    const need = PRINCIPLE_LEVERS.find(([re]) => re.test(g.code))?.[1];
    if (need && !need.some((l) => open.has(l)))
      add(`goals.${i}.code`, `goal ${g.code} is played with the "${need.join('" or "')}" lever, but levers lock it`);
  });
}

function dupes(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const out = new Set<string>();
  for (const id of ids) (seen.has(id) ? out : seen).add(id);
  return [...out];
}

/** Identifies the exact content a run was played on; recorded in every run file. */
export function scenarioContentHash(scenario: Scenario): string {
  return sha256Hex(canonicalJson(scenario));
}
