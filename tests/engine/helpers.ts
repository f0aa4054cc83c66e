// Shared harness for the engine's behavioural tests.
//
// Lever experiments use common random numbers: the baseline and the variant are played on the
// same seeds (`p-0`, `p-1`, …), from `newGame(scenario, seed)`, with identical decisions except
// the one lever under test. Each engine system draws from its own named stream, so the variant's
// first difference does not reshuffle the other systems' randomness.
import { getScenario } from "../../src/content/scenarios";
import {
  type Decision,
  type DetailSection,
  type GameState,
  GENESIS_HASH,
  newGame,
  type Scenario,
  type StoreSettings,
  stateHash,
  step,
  type WeekReport,
} from "../../src/engine";
import { STORAGE_FEN_PER_UNIT_WEEK } from "../../src/engine/model";
import { charmPriceBelow, TEXTBOOK_DETAIL, textbookTitle } from "../../src/engine/policies";

/** Chooses a turn's decisions from what a player could see. `turn` is 0-based. */
export type DecideFn = (
  scenario: Scenario,
  state: GameState,
  reports: readonly WeekReport[],
  turn: number,
) => unknown[];

export interface PlayedRun {
  state: GameState;
  reports: WeekReport[];
  /** Chained state hash after each turn. */
  hashes: string[];
  /** Decisions as played, one array per turn. */
  turns: unknown[][];
}

export function launch(): Scenario {
  const s = getScenario("launch");
  if (!s) throw new Error("launch scenario missing");
  return s;
}

/**
 * Plays a run to the end (or `opts.weeks` turns). Throws if any turn is rejected, naming the turn,
 * so a test never silently measures a run in which its lever was not applied. `opts.init` edits the
 * fresh state before turn 1 (for levers no decision reaches, such as the reviews a listing starts with).
 */
export function playRun(
  scenario: Scenario,
  seed: string,
  decide: DecideFn,
  opts: { weeks?: number; init?: (state: GameState) => void } = {},
): PlayedRun {
  let state = newGame(scenario, seed);
  opts.init?.(state);
  const reports: WeekReport[] = [];
  const hashes: string[] = [];
  const turns: unknown[][] = [];
  let prev = GENESIS_HASH;
  const weeks = Math.min(opts.weeks ?? scenario.weeks, scenario.weeks);
  for (let t = 0; t < weeks && state.status === "playing"; t++) {
    const decisions = decide(scenario, state, reports, t);
    const out = step(scenario, state, decisions);
    if (!out.ok) {
      const e = out.errors[0];
      throw new Error(`seed ${seed}, turn ${t + 1}, decision ${(e?.index ?? 0) + 1}: ${e?.error.message}`);
    }
    state = out.state;
    reports.push(out.report);
    prev = stateHash(state, prev);
    hashes.push(prev);
    turns.push(decisions);
  }
  return { state, reports, hashes, turns };
}

export const seeds = (n: number, prefix = "p"): string[] => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

export function meanOver(seedList: readonly string[], fn: (seed: string) => number): number {
  let sum = 0;
  for (const s of seedList) sum += fn(s);
  return sum / seedList.length;
}

/** Mean of fn over seeds for a baseline and a variant (same seeds), with the relative change. */
export function compareOver(
  seedList: readonly string[],
  baseline: (seed: string) => number,
  variant: (seed: string) => number,
): { base: number; variant: number; rel: number; wins: number } {
  let b = 0;
  let v = 0;
  let wins = 0;
  for (const s of seedList) {
    const x = baseline(s);
    const y = variant(s);
    b += x;
    v += y;
    if (y > x) wins++;
  }
  b /= seedList.length;
  v /= seedList.length;
  return { base: b, variant: v, rel: b !== 0 ? v / b - 1 : Number.NaN, wins };
}

// ---------- scenario and plan variants ----------

/** A deep copy of a scenario with `edit` applied (scenarios are plain data). */
export function withScenario(base: Scenario, edit: (s: Scenario) => void): Scenario {
  const s = structuredClone(base);
  edit(s);
  return s;
}

/**
 * The laboratory version of a scenario: enough designer hours to make every lever change in turn 1,
 * enough stock that inventory never caps sales, and no ads unless a test turns them on. Only used
 * to isolate demand-side levers; inventory tests use the real scenario.
 */
export function lab(base: Scenario = launch(), opts: { stock?: number; hours?: number } = {}): Scenario {
  return withScenario(base, (s) => {
    s.start.designerHoursPerWeek = opts.hours ?? 200;
    for (const sku of s.skus) sku.stock = opts.stock ?? 20_000;
    // Engine 0.3.0 charges a storage fee per unit-week (STORAGE_FEN_PER_UNIT_WEEK). The lab's stock is far
    // more than a real shop would hold, so its fee would bankrupt the lab shop and cut runs short; the lab
    // gets that fee for the whole game as start cash, so cash never limits the levers under test.
    const units = sum(s.skus.map((k) => k.stock));
    s.start.cashFen += units * STORAGE_FEN_PER_UNIT_WEEK * s.weeks;
  });
}

/** The fixed sensible plan both arms of an experiment play in turn 1 (the lecture's shop). */
export function sensiblePlan(scenario: Scenario): Decision[] {
  const title = textbookTitle(scenario);
  const plan: Decision[] = [
    { type: "setStore", categoryDepth: 2, inStoreSearch: true, banner: "hero", mobileLevel: 3, speedLevel: 3 },
  ];
  for (const sku of scenario.skus) {
    plan.push({ type: "setTitle", sku: sku.id, keywords: title });
    plan.push({ type: "setDetail", sku: sku.id, sections: [...TEXTBOOK_DETAIL] });
    plan.push({ type: "setImage", sku: sku.id, style: "differentiated" });
    plan.push({ type: "setPrice", sku: sku.id, priceFen: charmPriceBelow(Math.round(sku.marketPriceFen * 0.92)) });
  }
  return plan;
}

/**
 * Decide function: turn 1 plays `sensiblePlan` followed by the lever override `extra` (if any);
 * turn `k` (0-based) plays `later[k]` if given; every other turn plays nothing.
 */
export function planWith(extra: Decision[] = [], later: Record<number, Decision[]> = {}): DecideFn {
  return (scenario, _state, _reports, turn) => {
    if (turn === 0) return [...sensiblePlan(scenario), ...extra];
    return later[turn] ?? [];
  };
}

/** Turn-1 override of one store setting. */
export const withStore = (patch: Partial<StoreSettings>): Decision[] => [{ type: "setStore", ...patch }];

/** Turn-1 override of one SKU's detail page. */
export const withDetail = (sku: string, sections: DetailSection[]): Decision[] => [
  { type: "setDetail", sku, sections },
];

export const withTitle = (sku: string, keywords: string[]): Decision[] => [{ type: "setTitle", sku, keywords }];
export const withImage = (sku: string, style: "white" | "scene" | "detail" | "differentiated"): Decision[] => [
  { type: "setImage", sku, style },
];
export const withPrice = (sku: string, priceFen: number): Decision[] => [{ type: "setPrice", sku, priceFen }];
export const withAds = (sku: string, dailyBudgetFen: number, target: string): Decision[] => [
  { type: "setAds", sku, dailyBudgetFen, target },
];

// ---------- measurements over a run ----------

export const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

/** Product-page visitors that came from the home page in a week: SKU UV minus search and ad visitors. */
export function homeProductVisitors(r: WeekReport): number {
  const skuUv = sum(r.skus.map((k) => k.uv));
  const searchUv = sum(r.skus.flatMap((k) => k.keywords.map((kw) => kw.uv)));
  return skuUv - searchUv - r.factors.adClicks;
}

export function searchVisitors(r: WeekReport, sku?: string): number {
  return sum(r.skus.filter((k) => sku === undefined || k.id === sku).flatMap((k) => k.keywords.map((kw) => kw.uv)));
}

export function keywordVisitors(r: WeekReport, sku: string, keyword: string): number {
  return r.skus.find((k) => k.id === sku)?.keywords.find((kw) => kw.id === keyword)?.uv ?? 0;
}

export const totalOver = (run: PlayedRun, fn: (r: WeekReport) => number): number => sum(run.reports.map(fn));

export function skuUnits(run: PlayedRun, sku: string): number {
  return sum(run.reports.map((r) => r.skus.find((k) => k.id === sku)?.units ?? 0));
}

export function skuUv(run: PlayedRun, sku: string): number {
  return sum(run.reports.map((r) => r.skus.find((k) => k.id === sku)?.uv ?? 0));
}

/** Rounds to 6 significant digits (for golden tables). */
export function sig6(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  return Number(x.toPrecision(6));
}

/** Walks any JSON-like value and returns the paths of numbers that are NaN or ±Infinity. */
export function nonFinitePaths(value: unknown, path = "$", out: string[] = []): string[] {
  if (typeof value === "number") {
    if (!Number.isFinite(value)) out.push(path);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => {
      nonFinitePaths(v, `${path}[${i}]`, out);
    });
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) nonFinitePaths(v, `${path}.${k}`, out);
  }
  return out;
}
