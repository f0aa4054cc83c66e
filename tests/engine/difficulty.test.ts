// Difficulty (src/engine/difficulty.ts): standard is the scenario as written (same states, same
// hashes); easy and hard change the market through one table, are kept in the state (so the hash
// chain covers them) and in the run file, and a replay plays the run's own difficulty.
import { describe, expect, it } from "vitest";
import { BUNDLED_SCENARIOS, getScenario } from "../../src/content/scenarios";
import {
  appendTurn,
  baseScenario,
  canonicalJson,
  DIFFICULTIES,
  DIFFICULTY,
  type Difficulty,
  GENESIS_HASH,
  newGame,
  newRunFile,
  POLICIES,
  parseRunFile,
  type RunFile,
  replayRun,
  type Scenario,
  scenarioAt,
  scenarioContentHash,
  scenarioDifficulty,
  scoreRun,
  stateHash,
  step,
  validateTurn,
  type WeekReport,
} from "../../src/engine";
import { ADDRESS_ERROR_RATE, CUSTOMER_DROPOUT, PRESALE_INQUIRY_SHARE } from "../../src/engine/model";

function scenario(id: string): Scenario {
  const s = getScenario(id);
  if (!s) throw new Error(id);
  return s;
}

/** A textbook run file on `difficulty`, built as the game builds it. */
function textbookRun(id: string, seed: string, difficulty: Difficulty): RunFile {
  const sc = scenarioAt(scenario(id), difficulty);
  let state = newGame(sc, seed);
  let run = newRunFile(sc, seed);
  let prev = GENESIS_HASH;
  const reports: WeekReport[] = [];
  while (state.status === "playing") {
    const turn = POLICIES.textbook(sc, state, reports);
    const out = step(sc, state, turn);
    if (!out.ok) throw new Error(JSON.stringify(out.errors[0]));
    state = out.state;
    reports.push(out.report);
    prev = stateHash(state, prev);
    run = appendTurn(run, turn, prev);
  }
  return run;
}

describe("standard is the scenario as written", () => {
  it("scenarioAt(sc, standard) is sc itself, and newGame leaves difficulty out of the state", () => {
    for (const sc of BUNDLED_SCENARIOS) {
      expect(scenarioAt(sc, "standard")).toBe(sc);
      const plain = newGame(sc, "d-1");
      expect("difficulty" in plain).toBe(false);
      expect(canonicalJson(newGame(sc, "d-1", "standard"))).toBe(canonicalJson(plain));
    }
  });

  it("a standard run's hash chain is the one the engine gave before difficulty (same as with no argument)", () => {
    const sc = scenario("launch");
    const a = textbookRun("launch", "d-std", "standard");
    // Played without any difficulty anywhere: newGame(sc, seed), step(sc, …) as before.
    let state = newGame(sc, "d-std");
    let prev = GENESIS_HASH;
    const reports: WeekReport[] = [];
    const hashes: string[] = [];
    while (state.status === "playing") {
      const out = step(sc, state, POLICIES.textbook(sc, state, reports));
      if (!out.ok) throw new Error("rejected");
      state = out.state;
      reports.push(out.report);
      prev = stateHash(state, prev);
      hashes.push(prev);
    }
    expect(a.hashes).toEqual(hashes);
    expect(a.difficulty).toBe("standard");
  });

  it("the table's standard row is all ones", () => {
    for (const v of Object.values(DIFFICULTY.standard)) expect(v).toBe(1);
  });
});

describe("easy and hard change the market through the table", () => {
  const sc = scenario("service"); // has ops, supplier lead times; double11 has competitor pricing
  it("multiplies start cash, demand, competition, ad prices, lead times and service load", () => {
    for (const d of ["easy", "hard"] as const) {
      const k = DIFFICULTY[d];
      const p = scenarioAt(sc, d);
      expect(p.start.cashFen).toBe(Math.round(sc.start.cashFen * k.startCash));
      expect(p.market.homeVisitorsPerDay).toBeCloseTo(sc.market.homeVisitorsPerDay * k.demand, 9);
      expect(p.market.adCpmFen).toBe(Math.round(sc.market.adCpmFen * k.adCost));
      sc.market.keywords.forEach((kw, i) => {
        const q = p.market.keywords[i];
        expect(q?.dailySearches).toBe(kw.dailySearches === 0 ? 0 : Math.round(kw.dailySearches * k.demand));
        expect(q?.competition).toBeCloseTo(Math.min(1, kw.competition * k.competition), 12);
      });
      sc.skus.forEach((s, i) => {
        expect(p.skus[i]?.supplier.leadDays).toBe(Math.round(s.supplier.leadDays * k.leadTime));
      });
      const ops = sc.market.ops;
      expect(p.market.ops?.inquiryShare).toBeCloseTo((ops?.inquiryShare ?? PRESALE_INQUIRY_SHARE) * k.serviceLoad, 12);
      expect(p.market.ops?.addressErrorRate).toBeCloseTo(
        (ops?.addressErrorRate ?? ADDRESS_ERROR_RATE) * k.serviceLoad,
        12,
      );
      // What the difficulty does not touch stays the scenario's: objectives, stars, weeks, levers.
      expect(p.objectives).toEqual(sc.objectives);
      expect(p.stars).toEqual(sc.stars);
      expect(p.weeks).toBe(sc.weeks);
      expect(scenarioContentHash(baseScenario(p))).toBe(scenarioContentHash(sc));
    }
    // Hard is harder than easy on every knob.
    const e = scenarioAt(sc, "easy");
    const h = scenarioAt(sc, "hard");
    expect(h.start.cashFen).toBeLessThan(e.start.cashFen);
    expect(h.market.adCpmFen).toBeGreaterThan(e.market.adCpmFen);
    expect(h.skus.every((s, i) => s.supplier.leadDays > (e.skus[i]?.supplier.leadDays ?? 0))).toBe(true);
  });

  it("competitors react harder on hard; customers drop out more (where the scenario models them)", () => {
    const d11 = scenario("double11");
    const cp = d11.market.competitorPricing;
    if (!cp) throw new Error("double11 has competitor pricing");
    expect(scenarioAt(d11, "hard").market.competitorPricing?.reaction).toBeCloseTo(
      Math.min(1, cp.reaction * DIFFICULTY.hard.competitorReaction),
      12,
    );
    expect(scenarioAt(d11, "easy").market.competitorPricing?.tolerance).toBeCloseTo(
      Math.min(0.5, cp.tolerance * DIFFICULTY.easy.competitorTolerance),
      12,
    );
    const pr = scenario("private");
    expect(scenarioAt(pr, "hard").market.customers?.dropout).toBeCloseTo(
      Math.min(1, (pr.market.customers?.dropout ?? CUSTOMER_DROPOUT) * DIFFICULTY.hard.dropout),
      12,
    );
    // A scenario without the mechanism does not get it from the difficulty.
    const launch = scenario("launch");
    expect(scenarioAt(launch, "hard").market.competitorPricing).toBe(launch.market.competitorPricing);
    expect(scenarioAt(launch, "hard").market.ops).toBe(launch.market.ops);
  });

  it("scenarioAt is cached and idempotent; a derived scenario knows its file and difficulty", () => {
    const h = scenarioAt(sc, "hard");
    expect(scenarioAt(sc, "hard")).toBe(h);
    expect(scenarioAt(h, "hard")).toBe(h); // step and validateTurn may both resolve it
    expect(scenarioAt(h, "easy")).toBe(scenarioAt(sc, "easy"));
    expect(scenarioAt(h, "standard")).toBe(sc);
    expect(baseScenario(h)).toBe(sc);
    expect(scenarioDifficulty(h)).toBe("hard");
    expect(scenarioDifficulty(sc)).toBe("standard");
    // The bundled scenario itself is never modified.
    expect(canonicalJson(sc)).toBe(canonicalJson(structuredClone(sc)));
    expect(sc.start.cashFen).not.toBe(h.start.cashFen);
  });

  it("easy and hard are in the state (so in every hash) and give other games than standard and each other", () => {
    const sc2 = scenario("launch");
    const states = DIFFICULTIES.map((d) => newGame(sc2, "d-2", d));
    expect(states.map((s) => s.difficulty)).toEqual(["easy", undefined, "hard"]);
    expect(newGame(scenarioAt(sc2, "hard"), "d-2")).toEqual(states[2]); // the derived scenario carries it
    const runs = DIFFICULTIES.map((d) => textbookRun("launch", "d-2", d));
    const finals = runs.map((r) => r.hashes.at(-1));
    expect(new Set(finals).size).toBe(3);
    expect(runs[0]?.hashes[0]).not.toBe(runs[2]?.hashes[0]);
    // Even an empty first week differs: the state records the difficulty.
    const e = step(sc2, newGame(sc2, "d-3", "easy"), []);
    const h = step(sc2, newGame(sc2, "d-3", "hard"), []);
    if (!e.ok || !h.ok) throw new Error("empty week rejected");
    expect(stateHash(e.state, GENESIS_HASH)).not.toBe(stateHash(h.state, GENESIS_HASH));
    expect(e.state.difficulty).toBe("easy");
    expect(h.state.difficulty).toBe("hard");
  });

  it("a reorder arrives after the played lead time (validation reads the played scenario)", () => {
    const sc3 = scenario("launch");
    const sku = sc3.skus[0];
    if (!sku) throw new Error("sku");
    const leads = DIFFICULTIES.map((d) => {
      const v = validateTurn(sc3, newGame(sc3, "d-4", d), [
        { type: "reorder", sku: sku.id, qty: sku.supplier.minOrder },
      ]);
      if (!v.ok) throw new Error(JSON.stringify(v.errors[0]));
      expect(v.draft.skus[0]?.pipeline.at(-1)?.arriveDay).toBe(
        Math.round(sku.supplier.leadDays * DIFFICULTY[d].leadTime),
      );
      return v.draft.skus[0]?.pipeline.at(-1)?.arriveDay ?? 0;
    });
    expect(leads[0]).toBeLessThan(leads[1] ?? 0);
    expect(leads[1]).toBeLessThan(leads[2] ?? 0);
  });
});

describe("run files carry the difficulty and replay on it", () => {
  it("round trip: JSON → parse → replay on hard reproduces every hash and the score", () => {
    const run = textbookRun("launch", "d-rt", "hard");
    expect(run.difficulty).toBe("hard");
    const parsed = parseRunFile(JSON.parse(JSON.stringify(run)));
    if (!parsed.ok) throw new Error(parsed.error);
    const r = replayRun(parsed.run, scenario("launch"));
    if (!r.ok) throw new Error(r.error.message);
    expect(r.hashes).toEqual(run.hashes);
    expect(r.state.difficulty).toBe("hard");
    // The played scenario is accepted too (taken back to its file).
    expect(replayRun(parsed.run, scenarioAt(scenario("launch"), "hard")).ok).toBe(true);
    expect(scoreRun(scenario("launch"), r.state).score).toBeGreaterThanOrEqual(0);
  });

  it("a changed or removed difficulty breaks the hash chain at turn 1", () => {
    const run = textbookRun("launch", "d-edit", "hard");
    for (const edited of [
      { ...run, difficulty: "standard" as const },
      { ...run, difficulty: "easy" as const },
      (({ difficulty: _d, ...rest }) => rest)(run),
    ]) {
      const r = replayRun(edited as RunFile, scenario("launch"));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error).toMatchObject({ key: "err.hashMismatch", params: { turn: 1 } });
    }
  });

  it("a file without the field (written before difficulty existed) replays as standard", () => {
    const run = textbookRun("launch", "d-old", "standard");
    const { difficulty: _d, ...old } = run;
    const parsed = parseRunFile(JSON.parse(JSON.stringify(old)));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.run.difficulty).toBeUndefined();
    const r = replayRun(parsed.run, scenario("launch"));
    expect(r.ok).toBe(true);
  });

  it("an unknown difficulty is refused by the schema with its path", () => {
    const run = { ...textbookRun("launch", "d-bad", "standard"), difficulty: "nightmare" };
    const parsed = parseRunFile(run);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(/^not a valid run file: difficulty: /);
  });
});
