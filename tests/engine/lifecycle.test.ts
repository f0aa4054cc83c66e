// Domain D, product lifecycle (P1.2b) and assortment (P1.2a). Experiments use common random numbers on a
// lab version of the sandbox (enough designer hours for the fixed plan; a fixed restocking rule) and change
// only the lever under test. Bands were set from measured means with margins that catch a sign flip or an
// order-of-magnitude change; measured values are in the test names (SHOPSIM_REPORT=1 prints them again).
import { describe, expect, it } from "vitest";
import { getScenario } from "../../src/content/scenarios";
import {
  type Decision,
  type GameState,
  newGame,
  POLICIES,
  parseScenario,
  runKpis,
  type Scenario,
  scoreRun,
} from "../../src/engine";
import { clearancePriceFor, isListed } from "../../src/engine/sim/lifecycle";
import {
  bassPeak,
  bassPeakShare,
  bassRate,
  bassStep,
  lifecycleMultiplier,
  stageOf,
  substitutability,
  weeklyBass,
} from "../../src/engine/systems/lifecycle";
import { parseDecision } from "../../src/engine/validate";
import {
  type DecideFn,
  launch,
  type PlayedRun,
  playRun,
  seeds,
  sensiblePlan,
  sig6,
  sum,
  withScenario,
} from "./helpers";

const SEEDS = seeds(30, "lc");
const SANDBOX = (() => {
  const s = getScenario("sandbox");
  if (!s) throw new Error("sandbox scenario missing");
  return s;
})();
const TWIN = "cup300-color";
const OLD = "cup500";

function note(label: string, value: number): number {
  if (process.env.SHOPSIM_REPORT) console.log(`[measure] ${label}: ${value.toFixed(4)}`);
  return value;
}
const cache = new Map<string, PlayedRun[]>();
function arm(key: string, scenario: Scenario, decide: DecideFn, weeks?: number): PlayedRun[] {
  const hit = cache.get(key);
  if (hit) return hit;
  const runs = SEEDS.map((s) => playRun(scenario, s, decide, { weeks }));
  cache.set(key, runs);
  return runs;
}
const mean = (runs: PlayedRun[], f: (r: PlayedRun) => number) => sum(runs.map(f)) / runs.length;

/** The sandbox with enough designer hours for the fixed plan in turn 1. */
const LAB = withScenario(SANDBOX, (s) => {
  s.start.designerHoursPerWeek = 200;
  if (s.start.team) s.start.team.members.designer = 4;
});

/** Restocks listed SKUs that are not on clearance (and not in `skip`) to 3 weeks of cover. */
function restock(scenario: Scenario, state: GameState, skip: ReadonlySet<string> = new Set()): Decision[] {
  const out: Decision[] = [];
  let cash = state.cashFen - 500_000;
  for (const sku of state.skus) {
    const lc = state.lifecycle.skus[sku.id];
    if (!lc?.listed || skip.has(sku.id) || (lc.clearancePriceFen > 0 && lc.clearancePriceFen === sku.priceFen))
      continue;
    const spec = scenario.skus.find((k) => k.id === sku.id);
    if (!spec) continue;
    const daily = Math.max(sum(sku.recentSales) / 7, 4);
    const cover = (spec.supplier.leadDays + 14) * daily;
    const position = sku.stock + sum(sku.pipeline.map((p) => p.qty));
    if (position >= cover) continue;
    const qty = Math.max(spec.supplier.minOrder, Math.ceil(cover * 1.3 - position));
    const cost = qty * (spec.supplier.tiers[0]?.unitCostFen ?? spec.unitCostFen);
    if (cost > cash) continue;
    cash -= cost;
    out.push({ type: "reorder", sku: sku.id, qty });
  }
  return out;
}

/** Turn 1: the sensible plan for the listed SKUs; every turn: `extra[turn]`, then restocking. */
function labPlan(extra: Record<number, (state: GameState) => Decision[]> = {}, skip: string[] = []): DecideFn {
  const skipSet = new Set(skip);
  return (scenario, state, _reports, turn) => {
    const listed = new Set(state.skus.filter((k) => isListed(state, k.id)).map((k) => k.id));
    const first = turn === 0 ? sensiblePlan(scenario).filter((d) => !("sku" in d) || listed.has(d.sku)) : [];
    const more = extra[turn]?.(state) ?? [];
    // Restock after the turn's own decisions, on the state they leave (a clearance stops restocking).
    const after = structuredClone(state);
    for (const d of more) {
      if (d.type === "clearance") {
        const lc = after.lifecycle.skus[d.sku];
        const sku = after.skus.find((k) => k.id === d.sku);
        if (lc && sku) {
          lc.clearancePriceFen = d.priceFen;
          sku.priceFen = d.priceFen;
        }
      }
      if (d.type === "delist") {
        const lc = after.lifecycle.skus[d.sku];
        if (lc) lc.listed = false;
      }
    }
    return [...first, ...more, ...restock(scenario, after, skipSet)];
  };
}

const clearTwin = (state: GameState): Decision[] => {
  const twin = state.skus.find((k) => k.id === TWIN);
  return twin ? [{ type: "clearance", sku: TWIN, priceFen: clearancePriceFor(twin) }] : [];
};

// ---------- metrics ----------
const listedSkuWeeks = (r: PlayedRun) =>
  sum(r.reports.map((w) => w.lifecycle?.skus.filter((k) => k.listed || k.clearing).length ?? 0));
const searchUv = (r: PlayedRun) => sum(r.reports.flatMap((w) => w.skus.flatMap((k) => k.keywords.map((x) => x.uv))));
const orders = (r: PlayedRun) => r.state.totals.orders;
const holding = (r: PlayedRun) => -(r.state.ledger.holding ?? 0);
const netProfit = (sc: Scenario) => (r: PlayedRun) => runKpis(sc, r.state).netProfitFen;
const skuUnits =
  (id: string, from = 0) =>
  (r: PlayedRun) =>
    sum(r.reports.slice(from).map((w) => w.skus.find((k) => k.id === id)?.units ?? 0));

describe("golden tables: Bass diffusion, stages, substitutes", () => {
  it("weekly Bass rate, multiplier and stage over adopted share × obsolescence (calibrated p 0.03, q 0.38 a year)", () => {
    const { p, q } = weeklyBass(undefined);
    const table: Record<string, unknown> = {
      p: sig6(p),
      q: sig6(q),
      peak: sig6(bassPeak(p, q)),
      peakShare: sig6(bassPeakShare(p, q)),
    };
    for (const f of [0, 0.02, 0.1, 0.3, 0.46, 0.5, 0.7, 0.9, 0.99]) {
      for (const o of [1, 0.6, 0.3]) {
        table[`F=${f} obs=${o}`] = {
          rate: sig6(bassRate(p, q, f)),
          mult: sig6(lifecycleMultiplier(p, q, f, o)),
          stage: stageOf(p, q, f, o),
        };
      }
    }
    expect(table).toMatchSnapshot();
  });

  it("a fast trend product (p 0.5, q 4 a year) goes introduction → growth → maturity → decline within a year", () => {
    const { p, q } = weeklyBass({ sku: "x", marketSize: 1, p: 0.5, q: 4, adoptedShare: 0 });
    let f = 0.02;
    let o = 1;
    const stages: string[] = [];
    for (let t = 0; t < 52; t++) {
      stages.push(stageOf(p, q, f, o));
      ({ adopted: f, obsolescence: o } = bassStep(p, q, f, o, 0));
    }
    expect(stages[0]).toBe("introduction");
    const order = stages.filter((x, i) => i === 0 || stages[i - 1] !== x);
    expect(order).toEqual(["introduction", "growth", "maturity", "decline"]);
  });

  it("obsolescence only bites after the peak", () => {
    const { p, q } = weeklyBass(undefined);
    expect(bassStep(p, q, 0.1, 1, 0.1).obsolescence).toBe(1);
    expect(bassStep(p, q, 0.5, 1, 0.1).obsolescence).toBeCloseTo(0.9, 12);
  });

  it("substitutability: same price tier and quality → 1; ≥ 30% apart → 0", () => {
    expect(substitutability({ marketPriceFen: 9900, quality: 4.9 }, { marketPriceFen: 9900, quality: 4.9 })).toBe(1);
    expect(substitutability({ marketPriceFen: 9900, quality: 4.9 }, { marketPriceFen: 14900, quality: 4.8 })).toBe(0);
    expect(substitutability({ marketPriceFen: 9900, quality: 4.9 }, { marketPriceFen: 9900, quality: 3.5 })).toBe(0);
    const table = [9900, 10900, 11900, 12900].map((x) =>
      sig6(substitutability({ marketPriceFen: 9900, quality: 4.8 }, { marketPriceFen: x, quality: 4.8 })),
    );
    expect(table).toMatchSnapshot();
  });

  it("launch SKUs are no substitutes: the duplicate-listing rules never touch the launch scenario", () => {
    const sc = launch();
    const [a, b] = sc.skus;
    if (!a || !b) throw new Error("launch SKUs");
    expect(substitutability(a, b)).toBe(0);
    expect(sc.market.lifecycle).toBeUndefined();
  });
});

describe("the sandbox's lifecycle data", () => {
  it("cup500 declines during the 26 weeks (maturity → decline), the catalogue SKU starts unlisted", () => {
    const r = playRun(LAB, "lc-data", labPlan());
    const stages = r.reports.map((w) => w.lifecycle?.skus.find((k) => k.sku === OLD)?.stage);
    expect(stages[0]).toBe("maturity");
    expect(stages[25]).toBe("decline");
    expect(
      r.reports.some((w) => w.events.some((e) => e.key === "ev.deadStockRisk" || e.key === "ev.stage.decline")),
    ).toBe(true);
    const air = r.reports.map((w) => w.skus.find((k) => k.id === "cup-air")?.uv ?? -1);
    expect(sum(air)).toBe(0);
  });

  it("scenario checks: unknown lifecycle / catalogue SKUs and a private lever without customers are reported", () => {
    const bad = structuredClone(SANDBOX) as unknown as Record<string, Record<string, unknown>>;
    const market = bad.market as Record<string, unknown>;
    market.lifecycle = { skus: [{ sku: "nope", marketSize: 10, adoptedShare: 0.1 }] };
    market.catalogue = [{ sku: "nada", launchCostFen: 0 }];
    delete market.customers;
    const r = parseScenario(bad, "bad.json");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      const paths = r.errors.map((e) => e.path);
      expect(paths).toContain("market.lifecycle.skus.0.sku");
      expect(paths).toContain("market.catalogue.0.sku");
      expect(paths).toContain("market.customers");
    }
  });
});

describe("P1.2a SKU planning: a focused assortment wins", () => {
  const WEEKS = 16;
  const keep = () => arm("keep", LAB, labPlan(), WEEKS);
  const focus = () => arm("focus", LAB, labPlan({ 0: clearTwin }), WEEKS);

  it("duplicates split search traffic: the twin listing gets 5–30% of the pair's search visitors (measured 14%)", () => {
    const twinShare = note(
      "P1.2a twin share of pair search visitors",
      mean(keep(), (r) => {
        const uv = (id: string) =>
          sum(r.reports.flatMap((w) => w.skus.find((k) => k.id === id)?.keywords.map((x) => x.uv) ?? []));
        return uv(TWIN) / (uv(TWIN) + uv("cup300"));
      }),
    );
    expect(twinShare).toBeGreaterThan(0.05);
    expect(twinShare).toBeLessThan(0.3);
    const ov = keep()[0]?.reports[1]?.lifecycle?.overlaps ?? [];
    expect(ov.some((o) => [o.a, o.b].includes(TWIN) && o.sharedKeywords.length > 0)).toBe(true);
  });

  it("clearing the twin raises search visitors per listed SKU-week by 15–70% (measured +34%)", () => {
    const per = (r: PlayedRun) => searchUv(r) / listedSkuWeeks(r);
    const lift = note("P1.2a search visitors per listed SKU-week", mean(focus(), per) / mean(keep(), per) - 1);
    expect(lift).toBeGreaterThan(0.15);
    expect(lift).toBeLessThan(0.7);
  });

  it("… raises orders per listed SKU-week by 15–70% (measured +36%) without losing total orders (−5% to +15%, measured +2%)", () => {
    const per = (r: PlayedRun) => orders(r) / listedSkuWeeks(r);
    const lift = note("P1.2a orders per listed SKU-week", mean(focus(), per) / mean(keep(), per) - 1);
    expect(lift).toBeGreaterThan(0.15);
    expect(lift).toBeLessThan(0.7);
    const total = note("P1.2a total orders", mean(focus(), orders) / mean(keep(), orders) - 1);
    expect(total).toBeGreaterThan(-0.05);
    expect(total).toBeLessThan(0.15);
  });

  it("… cuts holding cost by 3–30% (measured −8.5%) with net profit no worse (within ±¥5k; measured +¥0.8k)", () => {
    const cut = note("P1.2a holding cost cut", 1 - mean(focus(), holding) / mean(keep(), holding));
    expect(cut).toBeGreaterThan(0.03);
    expect(cut).toBeLessThan(0.3);
    const gain = note("P1.2a net profit gain (fen)", mean(focus(), netProfit(LAB)) - mean(keep(), netProfit(LAB)));
    expect(Math.abs(gain)).toBeLessThan(500_000);
  });
});

describe("P1.2b lifecycle: declining items cleared or upgraded beat holding them", () => {
  // An overstocked, fast-declining cup500 (1,500 units, 10% obsolescence a week past the peak), not restocked
  // (the upgrade arm restocks the new version when it runs low).
  const LC_LAB = withScenario(LAB, (s) => {
    const e = s.market.lifecycle?.skus.find((k) => k.sku === OLD);
    if (e) e.obsolescencePerWeek = 0.1;
    const sku = s.skus.find((k) => k.id === OLD);
    if (sku) sku.stock = 1500;
  });
  const AT = 8; // week 9, when the stage report turns to decline
  const hold = () => arm("hold", LC_LAB, labPlan({}, [OLD]));
  const clear = () =>
    arm(
      "clear",
      LC_LAB,
      labPlan(
        {
          [AT]: (st) => {
            const sku = st.skus.find((k) => k.id === OLD);
            return sku ? [{ type: "clearance", sku: OLD, priceFen: clearancePriceFor(sku) }] : [];
          },
        },
        [OLD],
      ),
    );
  const upgrade = () => arm("upgrade", LC_LAB, labPlan({ [AT]: () => [{ type: "upgrade", sku: OLD }] }));
  const writedown = (r: PlayedRun) => r.state.lifecycle.writedownFen;

  it("holding an overstocked declining SKU ends with dead stock written down (measured ¥38k)", () => {
    const wd = note("P1.2b hold: write-down (fen)", mean(hold(), writedown));
    expect(wd).toBeGreaterThan(500_000);
    for (const r of hold().slice(0, 3))
      expect(r.reports[25]?.lifecycle?.skus.find((k) => k.sku === OLD)?.stage).toBe("decline");
  });

  it("the week report carries the evidence: stage, demand, dead stock every week, the write-down in the last", () => {
    const r = hold()[0] as PlayedRun;
    const mid = r.reports[12]?.lifecycle?.skus.find((k) => k.sku === OLD);
    expect(mid?.stage).toBe("decline");
    expect(mid?.demandMult).toBeGreaterThan(0);
    expect(mid?.demandMult).toBeLessThan(0.6);
    expect(mid?.deadStockUnits).toBeGreaterThan(0);
    expect(mid?.adopters).toBeGreaterThan(0);
    const last = r.reports[25];
    expect(last?.lifecycle?.writedownFen).toBe(r.state.lifecycle.writedownFen);
    expect(last?.events.some((e) => e.key === "ev.writedown")).toBe(true);
    expect(r.reports.slice(0, 25).every((w) => w.lifecycle?.writedownFen === 0)).toBe(true);
  });

  it("a clearance at the start of decline sells 100–350% more of it (measured +190%) and cuts the write-down by ≥ 30% (measured −52%)", () => {
    const more = note(
      "P1.2b clear: units sold after decline",
      mean(clear(), skuUnits(OLD, AT)) / mean(hold(), skuUnits(OLD, AT)) - 1,
    );
    expect(more).toBeGreaterThan(1);
    expect(more).toBeLessThan(3.5);
    const cut = note("P1.2b clear: write-down cut", 1 - mean(clear(), writedown) / mean(hold(), writedown));
    expect(cut).toBeGreaterThan(0.3);
  });

  it("… and net profit after the write-down beats holding by ¥5k–¥60k (measured +¥17.8k)", () => {
    const gain = note(
      "P1.2b clear vs hold net profit (fen)",
      mean(clear(), netProfit(LC_LAB)) - mean(hold(), netProfit(LC_LAB)),
    );
    expect(gain).toBeGreaterThan(500_000);
    expect(gain).toBeLessThan(6_000_000);
  });

  it("an upgrade restarts the curve: 200–900% more units after decline (measured +436%) and higher net profit (measured +¥83k)", () => {
    const more = note(
      "P1.2b upgrade: units sold after decline",
      mean(upgrade(), skuUnits(OLD, AT)) / mean(hold(), skuUnits(OLD, AT)) - 1,
    );
    expect(more).toBeGreaterThan(2);
    expect(more).toBeLessThan(9);
    const gain = note(
      "P1.2b upgrade vs hold net profit (fen)",
      mean(upgrade(), netProfit(LC_LAB)) - mean(hold(), netProfit(LC_LAB)),
    );
    expect(gain).toBeGreaterThan(0);
    const r = upgrade()[0] as PlayedRun;
    expect(r.reports[AT]?.lifecycle?.skus.find((k) => k.sku === OLD)?.version).toBe(2);
    expect(r.reports[AT]?.ledger.design).toBe(
      -(LC_LAB.market.lifecycle?.skus.find((k) => k.sku === OLD)?.upgradeCostFen ?? 0),
    );
  });
});

describe("launch, delist, clearance decisions", () => {
  const s0 = newGame(SANDBOX, "dec");
  const check = (d: unknown, st: GameState = s0) => {
    const r = parseDecision(SANDBOX, st, d);
    return r.ok ? "ok" : r.error.key;
  };
  it("are validated against the listing state", () => {
    expect(check({ type: "launch", sku: "cup-air" })).toBe("ok");
    expect(check({ type: "launch", sku: "cup300" })).toBe("err.notInCatalogue");
    expect(check({ type: "upgrade", sku: "cup300" })).toBe("err.notUpgradable");
    expect(check({ type: "upgrade", sku: OLD })).toBe("ok");
    expect(check({ type: "clearance", sku: "cup-air", priceFen: 5000 })).toBe("err.notListed");
    expect(check({ type: "delist", sku: "cup-air" })).toBe("err.notListed");
    expect(check({ type: "delist", sku: "nope" })).toBe("err.unknownSku");
    const one = structuredClone(s0);
    for (const id of ["cup500", TWIN]) {
      const lc = one.lifecycle.skus[id];
      if (lc) lc.listed = false;
    }
    expect(check({ type: "delist", sku: "cup300" }, one)).toBe("err.lastListing");
  });

  it("a launched catalogue SKU gets visitors and sales; launching costs design hours and cash", () => {
    const runs = SEEDS.slice(0, 5).map((s) =>
      playRun(LAB, s, labPlan({ 1: () => [{ type: "launch", sku: "cup-air" }] }), { weeks: 10 }),
    );
    for (const r of runs) {
      expect(r.reports[1]?.ledger.design).toBe(-500_000);
      expect(r.reports[1]?.events.length).toBeGreaterThanOrEqual(0);
      expect(sum(r.reports.slice(2).map((w) => w.skus.find((k) => k.id === "cup-air")?.units ?? 0))).toBeGreaterThan(0);
    }
  });

  it("a delisted SKU sells nothing and its visitors go to the other listings", () => {
    const r = playRun(LAB, "lc-delist", labPlan({ 0: () => [{ type: "delist", sku: TWIN }] }), { weeks: 6 });
    expect(sum(r.reports.map((w) => w.skus.find((k) => k.id === TWIN)?.units ?? -1))).toBe(0);
    expect(sum(r.reports.map((w) => w.skus.find((k) => k.id === TWIN)?.uv ?? -1))).toBe(0);
    expect(r.state.lifecycle.skus[TWIN]?.delisted).toBe(true);
  });
});

describe("bots on the sandbox", () => {
  const BOT_SEEDS = SEEDS.slice(0, 10);
  const runs = (name: "textbook" | "naive") => {
    const key = `bot:${name}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const out = BOT_SEEDS.map((seed) => playRun(SANDBOX, seed, (s, st, reps) => POLICIES[name](s, st, reps)));
    cache.set(key, out);
    return out;
  };

  it("textbook clears the redundant twin, upgrades or clears the declining SKU; naive keeps every SKU", () => {
    for (const r of runs("textbook").slice(0, 5)) {
      const types = r.turns.flat().map((d) => `${(d as Decision).type}:${(d as { sku?: string }).sku ?? ""}`);
      expect(types).toContain(`clearance:${TWIN}`);
      expect(types.some((t) => t === `upgrade:${OLD}` || t === `clearance:${OLD}`)).toBe(true);
    }
    for (const r of runs("naive").slice(0, 5)) {
      const types = r.turns.flat().map((d) => (d as Decision).type);
      expect(types).not.toContain("clearance");
      expect(types).not.toContain("delist");
    }
  });

  it("textbook beats naive on the sandbox on every seed", () => {
    const t = runs("textbook").map((r) => scoreRun(SANDBOX, r.state).score);
    const n = runs("naive").map((r) => scoreRun(SANDBOX, r.state).score);
    expect(t.every((x, i) => x > (n[i] ?? 0))).toBe(true);
  });
});
