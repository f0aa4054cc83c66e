// Decisions at the schema's boundaries, built from the zod union itself (src/engine/decisions.ts via
// z.toJSONSchema), so a new decision type or a changed limit is fuzzed without editing this file.
// Numbers lean on the extremes (min, min+1, max−1, max, 0), log-uniform values (huge prices and
// budgets as often as small ones) and known trouble spots; enums take every value; strings that
// name things take the scenario's ids (and sometimes one it does not know).
import fc from "fast-check";
import { z } from "zod";
import {
  Decision,
  type DecisionError,
  type DecisionType,
  type GameState,
  newGame,
  type Scenario,
} from "../../src/engine";
import { applyDecision, parseDecision } from "../../src/engine/validate";

/** The part of JSON Schema that z.toJSONSchema emits for the decision union. */
export interface JsonNode {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  items?: JsonNode;
  properties?: Record<string, JsonNode>;
  required?: string[];
  oneOf?: JsonNode[];
  anyOf?: JsonNode[];
}

const ROOT = z.toJSONSchema(Decision) as JsonNode;
/** One JSON schema per member of the decision union, in the union's order. */
export const DECISION_SCHEMAS: readonly JsonNode[] = ROOT.oneOf ?? ROOT.anyOf ?? [];
export const DECISION_TYPES: readonly DecisionType[] = DECISION_SCHEMAS.map(
  (s) => s.properties?.type?.const as DecisionType,
);

/** String fields that name something in the scenario; any other string field fails loudly. */
export const NAMED_STRING_FIELDS = ["sku", "target", "kol", "keyword", "keywords"] as const;
type NamedField = (typeof NAMED_STRING_FIELDS)[number];

/** Known trouble spots: list prices where the price factor underflows (issue #10: ¥34,300–36,300). */
export const KNOWN_BOUNDARY_FEN = [3_430_000, 3_500_000, 3_630_000, 9_999_900] as const;

/** The ids a scenario's decisions may name. */
export interface FuzzDomain {
  sku: string[];
  target: string[];
  kol: string[];
  keyword: string[];
  /** Market prices of the scenario's SKUs (prices near them are the ones checks accept). */
  marketPrices: number[];
}

export function fuzzDomain(scenario: Scenario): FuzzDomain {
  const st = newGame(scenario, "domain");
  return {
    sku: st.skus.map((k) => k.id),
    target: ["broad", ...scenario.market.segments.map((g) => g.id)],
    kol: (scenario.market.kols ?? []).map((k) => k.id),
    keyword: scenario.market.keywords.map((k) => k.id),
    marketPrices: scenario.skus.map((k) => k.marketPriceFen),
  };
}

const UNKNOWN_ID = "no-such-id";

function named(field: NamedField, d: FuzzDomain): fc.Arbitrary<string> {
  const ids = field === "keywords" ? d.keyword : d[field];
  if (ids.length === 0) return fc.constant(UNKNOWN_ID);
  return fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...ids) },
    { weight: 1, arbitrary: fc.constant(UNKNOWN_ID) },
  );
}

/** Integers from min to max spread evenly over orders of magnitude. */
function logUniform(min: number, max: number): fc.Arbitrary<number> {
  const lo = Math.max(1, min);
  if (max <= lo) return fc.constant(max);
  const a = Math.log(lo);
  const b = Math.log(max);
  return fc
    .double({ min: 0, max: 1, noNaN: true })
    .map((u) => Math.min(max, Math.max(min, Math.round(Math.exp(a + u * (b - a))))));
}

function integerArb(field: string, node: JsonNode, d: FuzzDomain): fc.Arbitrary<number> {
  const min = node.minimum ?? -(2 ** 31);
  const max = node.maximum ?? 2 ** 31;
  const inRange = (x: number) => Number.isSafeInteger(x) && x >= min && x <= max;
  const edges = [...new Set([min, min + 1, max - 1, max, 0, 1].filter(inRange))];
  const arbs: fc.WeightedArbitrary<number>[] = [
    { weight: 4, arbitrary: fc.constantFrom(...edges) },
    { weight: 3, arbitrary: logUniform(min, max) },
    { weight: 2, arbitrary: fc.integer({ min, max }) },
  ];
  if (/Fen$/.test(field)) {
    // Money: the trouble spots, and multiples of a market price (from a tenth to a thousand times).
    const spots = KNOWN_BOUNDARY_FEN.filter(inRange);
    if (spots.length > 0) arbs.push({ weight: 1, arbitrary: fc.constantFrom(...spots) });
    if (d.marketPrices.length > 0)
      arbs.push({
        weight: 3,
        arbitrary: fc
          .tuple(fc.constantFrom(...d.marketPrices), fc.constantFrom(0.1, 0.5, 0.8, 0.95, 1, 1.05, 2, 10, 100, 1000))
          .map(([p, f]) => Math.min(max, Math.max(min, Math.round(p * f)))),
      });
  }
  return fc.oneof(...arbs);
}

/** An arbitrary for one node of the schema; `field` is the property's name. */
export function nodeArb(field: string, node: JsonNode, d: FuzzDomain): fc.Arbitrary<unknown> {
  if (node.const !== undefined) return fc.constant(node.const);
  if (node.enum) return fc.constantFrom(...node.enum);
  switch (node.type) {
    case "boolean":
      return fc.boolean();
    case "integer":
    case "number":
      return integerArb(field, node, d);
    case "string": {
      if (!(NAMED_STRING_FIELDS as readonly string[]).includes(field))
        throw new Error(`fuzz: string field "${field}" names nothing the fuzzer knows; add it to NAMED_STRING_FIELDS`);
      return named(field as NamedField, d);
    }
    case "array": {
      const items = node.items ?? {};
      const minLength = node.minItems ?? 0;
      const maxLength = node.maxItems ?? 12;
      // Distinct entries (what checks accept), now and then one repeated (what they refuse).
      if (items.type === "object") {
        const key = Object.keys(items.properties ?? {}).find((k) => k !== "type") ?? "";
        const pool = field === "bids" ? d.keyword.length : maxLength;
        const unique = fc.uniqueArray(nodeArb(field, items, d) as fc.Arbitrary<Record<string, unknown>>, {
          minLength: Math.min(minLength, pool),
          maxLength: Math.min(maxLength, Math.max(pool, minLength)),
          selector: (x) => x[key],
        });
        return unique;
      }
      const itemField = field === "keywords" ? "keywords" : field;
      const item = nodeArb(itemField, items, d);
      const pool = items.enum ? items.enum.length : field === "keywords" ? d.keyword.length : maxLength;
      const hi = Math.max(minLength, Math.min(maxLength, pool));
      return fc.oneof(
        { weight: 8, arbitrary: fc.uniqueArray(item, { minLength: Math.min(minLength, hi), maxLength: hi }) },
        { weight: 1, arbitrary: fc.array(item, { minLength, maxLength }) },
      );
    }
    case "object": {
      const props = node.properties ?? {};
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of Object.entries(props)) record[k] = nodeArb(k, v, d);
      return fc.record(record, { requiredKeys: node.required ?? Object.keys(props) });
    }
    default:
      throw new Error(`fuzz: schema node of type "${String(node.type)}" at "${field}" is not handled`);
  }
}

/** Boundary decisions of one type, or of every type of the union. */
export function decisionArbFor(type: DecisionType, d: FuzzDomain): fc.Arbitrary<Decision> {
  const node = DECISION_SCHEMAS.find((s) => s.properties?.type?.const === type);
  if (!node) throw new Error(`fuzz: no schema for decision type "${type}"`);
  return nodeArb("decision", node, d) as fc.Arbitrary<Decision>;
}

export function anyBoundaryDecision(d: FuzzDomain): fc.Arbitrary<Decision> {
  return fc.oneof(...DECISION_TYPES.map((t) => decisionArbFor(t, d)));
}

// ---------- the values a field takes at its extremes (for exhaustive grids) ----------

/** For every field of a decision type: the decisions that set it to each of its extremes. */
export function extremeValues(node: JsonNode, d: FuzzDomain): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const [k, v] of Object.entries(node.properties ?? {})) {
    if (k === "type") continue;
    if (v.enum) out[k] = [...v.enum];
    else if (v.type === "boolean") out[k] = [false, true];
    else if (v.type === "integer" || v.type === "number") {
      const min = v.minimum ?? 0;
      const max = v.maximum ?? 2 ** 31;
      const vals = [min, max, 0, ...(/Fen$/.test(k) ? KNOWN_BOUNDARY_FEN : [])];
      out[k] = [...new Set(vals.filter((x) => x >= min && x <= max))];
    } else if (v.type === "string") out[k] = (d[k as Exclude<NamedField, "keywords">] ?? []).slice(0, 1);
    else if (v.type === "array") {
      const items = v.items ?? {};
      if (k === "keywords") out[k] = [d.keyword.slice(0, 1), d.keyword.slice(0, v.maxItems ?? 12)];
      else if (items.enum) out[k] = [[], items.enum.slice(0, v.maxItems)];
      else if (k === "bids")
        out[k] = [
          [],
          d.keyword
            .slice(0, v.maxItems ?? 12)
            .map((keyword) => ({ keyword, bidFen: items.properties?.bidFen?.maximum })),
          d.keyword.slice(0, 1).map((keyword) => ({ keyword, bidFen: items.properties?.bidFen?.minimum })),
        ];
      else out[k] = [[]];
    }
  }
  return out;
}

// ---------- a random player that keeps what the engine accepts ----------

/** Fields a player scales down when the shop cannot afford a decision (to hit "spend all the cash"). */
const SCALABLE = ["qty", "dailyBudgetFen"] as const;

function cashShort(e: DecisionError): number | null {
  const need = e.params.needFen;
  const have = e.params.haveFen;
  return typeof need === "number" && typeof have === "number" && need > 0 ? Math.max(0, have) / need : null;
}

/**
 * Keeps the candidates the engine accepts, in order, each seeing the ones before it. A decision
 * refused for cash is scaled down (quantity, budget) to `spendShare` of what the shop can afford
 * and tried again, so "all the cash" (spendShare 1) is reached as well as the schema's maximum. Returns the kept decisions
 * and how often each type was refused (by error key).
 */
export function acceptable(
  scenario: Scenario,
  state: GameState,
  candidates: readonly Decision[],
  spendShare = 1,
): { kept: Decision[]; refused: string[] } {
  const draft = structuredClone(state);
  const kept: Decision[] = [];
  const refused: string[] = [];
  for (const cand of candidates) {
    let d: Decision = cand;
    for (let attempt = 0; attempt < 4; attempt++) {
      const r = parseDecision(scenario, draft, d);
      if (r.ok) {
        applyDecision(scenario, draft, r.decision);
        kept.push(r.decision);
        break;
      }
      const ratio = cashShort(r.error);
      const field = SCALABLE.find((f) => f in d);
      if (ratio === null || !field || attempt === 3) {
        refused.push(r.error.key);
        break;
      }
      const rec = d as unknown as Record<string, number>;
      const scaled = Math.floor((rec[field] as number) * ratio * spendShare * (attempt === 0 ? 1 : 0.9));
      d = { ...d, [field]: field === "qty" ? Math.max(1, scaled) : Math.max(0, scaled) } as Decision;
    }
  }
  return { kept, refused };
}

/** One turn of a fuzzed run: candidate decisions and the share of cash a refused purchase is cut to. */
export interface FuzzTurn {
  decisions: Decision[];
  spendShare: number;
}

export function fuzzTurnArb(decision: fc.Arbitrary<Decision>, maxLength = 8): fc.Arbitrary<FuzzTurn> {
  return fc.record({
    decisions: fc.array(decision, { maxLength }),
    spendShare: fc.oneof(
      { weight: 1, arbitrary: fc.constant(1) },
      { weight: 4, arbitrary: fc.constantFrom(0.02, 0.1, 0.3) },
    ),
  });
}
