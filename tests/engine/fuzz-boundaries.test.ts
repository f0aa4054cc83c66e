// Fuzzing at the boundaries (issue #10 item 4): every decision type of the zod union at its schema's
// extremes, in every bundled scenario and difficulty, over multi-week sequences. Nothing the schema
// accepts may make `step` throw or put NaN/∞ anywhere in the state, the week report or the score; cash
// stays start + Σ ledger (whole fen) and stock never goes negative; refusals carry an err.* key both
// languages know; a finished run verifies on the server's path (verifyRunWith) to the same hash and score.
//
// Sized for `npm test` (about a minute on two cores). A deeper hunt:
//   FUZZ_RUNS=400 FUZZ_SEED=random npx vitest run tests/engine/fuzz-boundaries.test.ts
// FUZZ_SEED=<n> replays fast-check's seed (default fixed, so CI is deterministic; FUZZ_SEED=random explores);
// FUZZ_MAX_DECISIONS=30 makes busier turns; FUZZ_STATS=1 prints weeks played and bankruptcies.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BUNDLED_SCENARIOS } from "../../src/content/scenarios";
import {
  appendTurn,
  Decision,
  type DecisionType,
  DIFFICULTIES,
  type Difficulty,
  ENGINE_VERSION,
  type GameState,
  GENESIS_HASH,
  LEVER_OF,
  newGame,
  newRunFile,
  runKpis,
  type Scenario,
  scenarioContentHash,
  scoreRun,
  stateHash,
  step,
  type WeekReport,
  whatIf,
} from "../../src/engine";
import { playedScenario } from "../../src/engine/difficulty";
import { PRICE_FACTOR_CAP, PRICE_FACTOR_FLOOR, TEAM_ROLES } from "../../src/engine/model";
import { priceFactor } from "../../src/engine/systems/pricing";
import { parseDecision } from "../../src/engine/validate";
import { hasKey } from "../../src/i18n";
import { verifyRunWith } from "../../src/shared/verify-run";
import {
  acceptable,
  anyBoundaryDecision,
  DECISION_SCHEMAS,
  DECISION_TYPES,
  decisionArbFor,
  extremeValues,
  type FuzzTurn,
  fuzzDomain,
  fuzzTurnArb,
  KNOWN_BOUNDARY_FEN,
} from "./fuzz-arbitraries";
import { nonFinitePaths, sum } from "./helpers";

const RUNS = Number(process.env.FUZZ_RUNS ?? 32);
/** Candidate decisions per week (FUZZ_MAX_DECISIONS=30 for busier turns). */
const MAX_PER_TURN = Number(process.env.FUZZ_MAX_DECISIONS ?? 8);
/** A bigger FUZZ_RUNS needs more than vitest's 60 s per test (a 26-week run takes ≈ 0.1–0.3 s). */
const TIMEOUT_MS = Math.max(60_000, RUNS * 1_500);
const FC_SEED =
  process.env.FUZZ_SEED === "random" ? undefined : Number(process.env.FUZZ_SEED ?? 20_261_207) || undefined;

/** Every check on one turn's result; returns a description of the first broken invariant, or null. */
function checkTurn(sc: Scenario, before: GameState, after: GameState, report: WeekReport): string | null {
  const badState = nonFinitePaths(after, "state");
  if (badState.length > 0) return `non-finite numbers in the state: ${badState.slice(0, 5).join(", ")}`;
  const badReport = nonFinitePaths(report, "report");
  if (badReport.length > 0) return `non-finite numbers in the report: ${badReport.slice(0, 5).join(", ")}`;
  const ledgerTotal = sum(Object.values(after.ledger));
  const startCash = playedScenario(sc, after).start.cashFen; // easy/hard start with other cash
  if (after.cashFen !== startCash + ledgerTotal)
    return `cash ${after.cashFen} ≠ start ${startCash} + Σ ledger ${ledgerTotal}`;
  const weekLedger = sum(Object.values(report.ledger));
  if (weekLedger !== after.cashFen - before.cashFen)
    return `week ledger ${weekLedger} ≠ cash change ${after.cashFen - before.cashFen}`;
  if (!Number.isInteger(after.cashFen)) return `cash ${after.cashFen} is not whole fen`;
  for (const [k, v] of [...Object.entries(after.ledger), ...Object.entries(report.ledger)])
    if (!Number.isInteger(v)) return `ledger ${k} = ${v} is not whole fen`;
  for (const k of after.skus) {
    if (!Number.isInteger(k.stock) || k.stock < 0) return `SKU ${k.id} stock ${k.stock}`;
    for (const lot of k.pipeline) if (!(lot.qty > 0)) return `SKU ${k.id} has an incoming lot of ${lot.qty}`;
    for (const x of k.recentSales) if (!(x >= 0)) return `SKU ${k.id} recent sales ${x}`;
  }
  for (const k of report.skus) if (!(k.stockEnd >= 0)) return `report SKU ${k.id} stockEnd ${k.stockEnd}`;
  if (report.kpis.cashEndFen !== after.cashFen) return "report's cashEndFen is not the state's cash";
  return null;
}

/** Step that turns a throw into a failure naming the decisions (fast-check then shrinks them). */
function safeStep(sc: Scenario, state: GameState, decisions: readonly unknown[]): ReturnType<typeof step> {
  try {
    return step(sc, state, decisions);
  } catch (e) {
    throw new Error(
      `step threw in ${sc.id} week ${state.week + 1}: ${(e as Error).message}\ndecisions: ${JSON.stringify(decisions)}`,
    );
  }
}

function checkRefusals(out: ReturnType<typeof step>): void {
  if (out.ok) return;
  for (const e of out.errors) {
    expect(e.error.key).toMatch(/^err\./);
    expect(hasKey(e.error.key), `i18n key ${e.error.key}`).toBe(true);
    expect(e.error.message.length).toBeGreaterThan(0);
  }
}

interface FuzzOutcome {
  accepted: Set<DecisionType>;
  weeks: number;
  status: GameState["status"];
}

/** Plays candidate turns through the accepting player, checking every turn; what it accepted and how it ended. */
function playFuzz(sc: Scenario, seed: string, turns: readonly FuzzTurn[], difficulty: Difficulty): FuzzOutcome {
  let state = newGame(sc, seed, difficulty);
  const accepted = new Set<DecisionType>();
  // The run file as the game builds it, for the server's verification at the end.
  let run = newRunFile(sc, seed, undefined, difficulty);
  let hash = GENESIS_HASH;
  for (let t = 0; t < turns.length && state.status === "playing"; t++) {
    const turn = turns[t] ?? { decisions: [], spendShare: 1 };
    // The raw list, refusals included: applied or refused with keys, never thrown.
    checkRefusals(safeStep(sc, state, turn.decisions));
    const { kept, refused } = acceptable(sc, state, turn.decisions, turn.spendShare);
    for (const key of refused) expect(hasKey(key), `i18n key ${key}`).toBe(true);
    const out = safeStep(sc, state, kept);
    if (!out.ok) throw new Error(`accepted decisions refused as a turn: ${JSON.stringify(out.errors)}`);
    const broken = checkTurn(sc, state, out.state, out.report);
    if (broken) throw new Error(`${sc.id} week ${t + 1}: ${broken}\ndecisions: ${JSON.stringify(kept)}`);
    for (const d of kept) accepted.add(d.type);
    state = out.state;
    hash = stateHash(state, hash);
    run = appendTurn(run, kept, hash);
  }
  if (state.status !== "playing") {
    const played = playedScenario(sc, state);
    const score = scoreRun(played, state);
    expect(Number.isFinite(score.score), `${sc.id} score ${score.score}`).toBe(true);
    expect(nonFinitePaths(score, "score")).toEqual([]);
    expect(nonFinitePaths(runKpis(played, state), "kpis")).toEqual([]);
    // What the challenge server's worker does with the exported file: the same hash and score, all finite.
    const target = {
      scenarioId: sc.id,
      seed,
      engineVersion: ENGINE_VERSION,
      contentHash: scenarioContentHash(sc),
      difficulty,
    };
    const v = verifyRunWith(target, JSON.parse(JSON.stringify(run)));
    if (!v.ok) throw new Error(`${sc.id}: the server refused the run: ${v.code} ${v.message}`);
    expect(v.stateHash).toBe(hash);
    expect(v.score).toBe(score.score);
    expect(nonFinitePaths(v, "verified")).toEqual([]);
  }
  return { accepted, weeks: state.week, status: state.status };
}

describe("the fuzzer covers the whole decision union", () => {
  it("one schema per decision type, and every type belongs to a lever", () => {
    expect(DECISION_TYPES.length).toBe(Object.keys(LEVER_OF).length);
    expect(new Set(DECISION_TYPES)).toEqual(new Set(Object.keys(LEVER_OF)));
  });
  it("every type's arbitrary yields decisions the schema parses", () => {
    for (const sc of BUNDLED_SCENARIOS) {
      const d = fuzzDomain(sc);
      for (const type of DECISION_TYPES)
        for (const dec of fc.sample(decisionArbFor(type, d), { numRuns: 20, seed: 1 })) {
          expect(dec.type).toBe(type);
          const parsed = Decision.safeParse(dec);
          expect(parsed.success, `${sc.id} ${JSON.stringify(dec)}: ${parsed.error?.message}`).toBe(true);
        }
    }
  });
});

const acceptedAnywhere = new Set<DecisionType>();

describe.each(BUNDLED_SCENARIOS.map((sc) => [sc.id, sc] as const))("fuzz at the boundaries: %s", (_id, sc) => {
  const d = fuzzDomain(sc);
  const unlocked = DECISION_TYPES.filter((t) => sc.levers.includes(LEVER_OF[t]));
  // Mostly decisions of unlocked levers (the ones that reach the simulation), some locked (refusals).
  const decision = fc.oneof(
    { weight: 6, arbitrary: fc.oneof(...unlocked.map((t) => decisionArbFor(t, d))) },
    { weight: 1, arbitrary: anyBoundaryDecision(d) },
  );
  // Mostly a new turn each week; sometimes one turn every week, so an extreme is kept up (budgets,
  // posts, prices) and what accumulates (reference prices, adstock, followers, stock) goes to its limit.
  const turns = fc.oneof(
    {
      weight: 3,
      arbitrary: fc.array(fuzzTurnArb(decision, MAX_PER_TURN), { minLength: sc.weeks, maxLength: sc.weeks }),
    },
    { weight: 1, arbitrary: fuzzTurnArb(decision, MAX_PER_TURN).map((t) => Array.from({ length: sc.weeks }, () => t)) },
  );

  it(
    "multi-week sequences of boundary decisions on every difficulty: no throw, all finite, cash conserved, stock ≥ 0",
    () => {
      const outcomes: FuzzOutcome[] = [];
      fc.assert(
        fc.property(
          fc.string({ minLength: 1, maxLength: 8 }),
          turns,
          fc.constantFrom(...DIFFICULTIES),
          (seed, ts, df) => {
            const o = playFuzz(sc, seed, ts, df);
            for (const t of o.accepted) acceptedAnywhere.add(t);
            outcomes.push(o);
          },
        ),
        { numRuns: RUNS, seed: FC_SEED, endOnFailure: true },
      );
      if (process.env.FUZZ_STATS) {
        const by = (st: string) => outcomes.filter((o) => o.status === st).length;
        const meanWeeks = sum(outcomes.map((o) => o.weeks)) / outcomes.length;
        console.log(
          `${sc.id}: ${outcomes.length} runs, mean ${meanWeeks.toFixed(1)} of ${sc.weeks} weeks, finished ${by("finished")}, bankrupt ${by("bankrupt")}`,
        );
      }
      // Multi-week: most runs live to the scenario's last week (bankruptcy ends the others).
      expect(outcomes.filter((o) => o.status === "finished").length).toBeGreaterThan(0);
    },
    TIMEOUT_MS,
  );

  it("every field of every unlocked decision type at each extreme, alone and after a list price at each extreme", () => {
    const base = newGame(sc, `grid-${sc.id}`);
    // Warm up one week so there are sales, reviews and customers for the decisions to act on, and
    // (where the team lever is open) one more person of each role, so analyst decisions can apply.
    const hires = sc.levers.includes("team") ? TEAM_ROLES.map((role) => ({ type: "hire" as const, role })) : [];
    const warm = safeStep(sc, base, acceptable(sc, base, hires).kept);
    const start = warm.ok ? warm.state : base;
    const skus = d.sku;
    const prices = sc.levers.includes("pricing") ? [1, 10_000_000, ...KNOWN_BOUNDARY_FEN] : [];
    let tried = 0;
    for (const node of DECISION_SCHEMAS) {
      const type = node.properties?.type?.const as DecisionType;
      if (!unlocked.includes(type)) continue;
      // The base decision: the first sample the engine accepts here (so most variants reach the simulation).
      const samples = fc.sample(decisionArbFor(type, d), { numRuns: 60, seed: 7 });
      const typical = (samples.find((x) => parseDecision(sc, start, x).ok) ?? samples[0]) as Decision;
      for (const [field, values] of Object.entries(extremeValues(node, d))) {
        for (const value of values) {
          const dec = { ...typical, [field]: value } as Decision;
          const lists: Decision[][] = [[dec]];
          const sku = "sku" in dec ? dec.sku : (skus[0] as string);
          for (const p of prices) lists.push([{ type: "setPrice", sku, priceFen: p }, dec]);
          for (const list of lists) {
            tried++;
            const { kept } = acceptable(sc, start, list);
            for (const k of kept) acceptedAnywhere.add(k.type);
            let s = start;
            // Two weeks: the week it is made, and one that lives with its consequences.
            for (const turn of [kept, []]) {
              if (s.status !== "playing") break;
              const out = safeStep(sc, s, turn);
              checkRefusals(out);
              if (!out.ok) throw new Error(`accepted decisions refused: ${JSON.stringify(out.errors)}`);
              const broken = checkTurn(sc, s, out.state, out.report);
              if (broken) throw new Error(`${sc.id}: ${broken}\ndecisions: ${JSON.stringify(turn)}`);
              s = out.state;
            }
          }
        }
      }
    }
    expect(tried).toBeGreaterThan(unlocked.length);
  });
  it("every unlocked decision type at once, all fields at their minima or all at their maxima, for three weeks", () => {
    for (const pick of ["min", "max"] as const) {
      let s = newGame(sc, `sink-${pick}`);
      const turn: Decision[] = [];
      for (const node of DECISION_SCHEMAS) {
        const type = node.properties?.type?.const as DecisionType;
        if (!unlocked.includes(type)) continue;
        const samples = fc.sample(decisionArbFor(type, d), { numRuns: 60, seed: 11 });
        const dec = { ...(samples.find((x) => parseDecision(sc, s, x).ok) ?? samples[0]) } as Record<string, unknown>;
        for (const [field, values] of Object.entries(extremeValues(node, d))) {
          const spec = node.properties?.[field];
          if (spec?.type === "integer") dec[field] = pick === "min" ? spec.minimum : spec.maximum;
          else if (spec?.type === "array") dec[field] = pick === "min" ? values[0] : values[values.length - 1];
        }
        turn.push(dec as unknown as Decision);
      }
      for (let w = 0; w < 3 && s.status === "playing"; w++) {
        checkRefusals(safeStep(sc, s, turn));
        const { kept } = acceptable(sc, s, turn);
        for (const k of kept) acceptedAnywhere.add(k.type);
        const out = safeStep(sc, s, kept);
        if (!out.ok) throw new Error(`accepted decisions refused: ${JSON.stringify(out.errors)}`);
        const broken = checkTurn(sc, s, out.state, out.report);
        if (broken) throw new Error(`${sc.id} (${pick}) week ${w + 1}: ${broken}\ndecisions: ${JSON.stringify(kept)}`);
        s = out.state;
      }
    }
  });
});

describe("coverage of the random runs", () => {
  it("every decision type was accepted in some scenario (random runs and grids)", () => {
    const missing = DECISION_TYPES.filter((t) => !acceptedAnywhere.has(t));
    expect(missing).toEqual([]);
  });
});

describe("just outside the schema: refused with err.shape naming the field", () => {
  const sc = BUNDLED_SCENARIOS.find((s) => s.id === "sandbox") ?? (BUNDLED_SCENARIOS[0] as Scenario);
  const d = fuzzDomain(sc);
  const state = newGame(sc, "outside");

  it("every integer field below its minimum, above its maximum, fractional, NaN, ±∞ or a string; every list and id empty or too long", () => {
    let cases = 0;
    for (const node of DECISION_SCHEMAS) {
      const type = node.properties?.type?.const as DecisionType;
      const base = fc.sample(decisionArbFor(type, d), { numRuns: 1, seed: 3 })[0] as Record<string, unknown>;
      for (const [field, spec] of Object.entries(node.properties ?? {})) {
        if (field === "type") continue;
        const bad: unknown[] = [];
        if (spec.type === "integer") {
          if (spec.minimum !== undefined) bad.push(spec.minimum - 1, spec.minimum + 0.5);
          if (spec.maximum !== undefined) bad.push(spec.maximum + 1);
          bad.push(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, "12", null);
        } else if (spec.type === "array") {
          if ((spec.minItems ?? 0) > 0) bad.push([]); // e.g. an empty title
          const item = field === "keywords" ? d.keyword[0] : spec.items?.enum?.[0];
          if (item !== undefined && spec.maxItems !== undefined) bad.push(Array(spec.maxItems + 1).fill(item));
          bad.push("not a list");
        } else if (spec.type === "string" && !spec.enum) bad.push("", "x".repeat((spec.maxLength ?? 40) + 1), 7);
        else if (spec.enum) bad.push("no-such-value", 0);
        else if (spec.type === "boolean") bad.push("yes", 1);
        for (const value of bad) {
          cases++;
          const r = parseDecision(sc, state, { ...base, [field]: value });
          const what = `${type}.${field} = ${JSON.stringify(value)}`;
          expect(r.ok, what).toBe(false);
          if (r.ok) continue;
          expect(r.error.key, what).toBe("err.shape");
          expect(String(r.error.params.path), what).toMatch(new RegExp(`^${field}(\\.|$)`));
          const out = step(sc, state, [{ ...base, [field]: value }]);
          expect(out.ok, what).toBe(false);
          if (!out.ok) expect(out.errors[0]?.error.key, what).toBe("err.shape");
        }
      }
    }
    expect(cases).toBeGreaterThan(200);
  });
});

describe("issue #10: a list price around ¥34,300–36,300 with a group buy threw (∞/∞ in the group lift)", () => {
  it("the price factor stays in [floor, cap] at every price the schema accepts, so its ratios are finite", () => {
    for (const priceFen of [1, 100, 9_900, 1_000_000, 3_430_000, 3_500_000, 3_630_000, 10_000_000])
      for (const elasticity of [-1, -2.2, -3.2, -4])
        for (const refPriceFen of [9_900, 10_000_000]) {
          const f = priceFactor({ priceFen, marketPriceFen: 9_900, refPriceFen, elasticity, priceSensitivity: 0.5 });
          expect(f).toBeGreaterThanOrEqual(PRICE_FACTOR_FLOOR);
          expect(f).toBeLessThanOrEqual(PRICE_FACTOR_CAP);
          expect(Number.isFinite(PRICE_FACTOR_CAP / f)).toBe(true);
        }
  });

  it("every list price from ¥34,000 to ¥36,500 with a group buy plays two weeks in every scenario with promotions", () => {
    let played = 0;
    for (const sc of BUNDLED_SCENARIOS.filter((s) => s.levers.includes("promotion") && s.levers.includes("pricing"))) {
      const sku = sc.skus[0]?.id as string;
      for (let priceFen = 3_400_000; priceFen <= 3_650_000; priceFen += 25_000)
        for (const [groupPriceFen, groupSize] of [
          [1, 2],
          [5_000, 2],
          [9_900, 10],
        ] as const) {
          let state = newGame(sc, `band-${priceFen}`);
          const turn: Decision[] = [
            { type: "setPrice", sku, priceFen },
            { type: "setGroupBuy", sku, groupPriceFen, groupSize },
          ];
          for (const decisions of [turn, []]) {
            const out = safeStep(sc, state, decisions);
            if (!out.ok) throw new Error(`${sc.id} ¥${priceFen / 100}: ${out.errors[0]?.error.message}`);
            expect(checkTurn(sc, state, out.state, out.report)).toBeNull();
            state = out.state;
          }
          played++;
        }
    }
    expect(played).toBeGreaterThanOrEqual(3 * 11 * 3);
  });
});

describe("the debrief's what-if on boundary runs", () => {
  // Every decision of the run undone in turn and the best and worst checked on another market: what
  // the debrief and the instructor's timeline replay. Two short scenarios, one run each (it is costly).
  for (const id of ["double11", "service"]) {
    it(`${id}: whatIf never throws and every value it yields is finite`, () => {
      const sc = BUNDLED_SCENARIOS.find((s) => s.id === id) as Scenario;
      const d = fuzzDomain(sc);
      const unlocked = DECISION_TYPES.filter((t) => sc.levers.includes(LEVER_OF[t]));
      const arb = fc.array(fuzzTurnArb(fc.oneof(...unlocked.map((t) => decisionArbFor(t, d))), 3), {
        minLength: sc.weeks,
        maxLength: sc.weeks,
      });
      const [plan] = fc.sample(arb, { numRuns: 1, seed: 17 });
      let state = newGame(sc, `whatif-${id}`);
      const turns: Decision[][] = [];
      for (const t of plan ?? []) {
        if (state.status !== "playing") break;
        const { kept } = acceptable(sc, state, t.decisions, t.spendShare);
        const out = safeStep(sc, state, kept);
        if (!out.ok) throw new Error(`refused: ${JSON.stringify(out.errors)}`);
        state = out.state;
        turns.push(kept);
      }
      let events = 0;
      for (const ev of whatIf(sc, `whatif-${id}`, turns, { otherMarkets: 1, candidates: 2 })) {
        events++;
        expect(nonFinitePaths(ev, "whatIf")).toEqual([]);
      }
      const made = sum(turns.map((t) => t.length));
      expect(made).toBeGreaterThan(5);
      expect(events).toBeGreaterThanOrEqual(made); // one value per decision, then the checks
    }, 120_000);
  }
});
