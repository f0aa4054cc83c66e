// The KPI change decomposition (src/engine/explain.ts): every KPI's drivers add up to its change
// (exactly for money and counts), over random scenarios, seeds and bots; the drivers of constructed
// weeks point the right way (a stock-out, a price cut, an ad budget); it is deterministic.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BUNDLED_SCENARIOS } from "../../src/content/scenarios";
import {
  type Decision,
  type GameState,
  newGame,
  POLICIES,
  type PolicyName,
  type Scenario,
  step,
  type WeekReport,
} from "../../src/engine";
import { EXPLAIN_KPIS, explainRun, explainWeek, roundToTotal } from "../../src/engine/explain";
import { lab, launch, sensiblePlan } from "./helpers";

function play(sc: Scenario, seed: string, policy: PolicyName) {
  let state = newGame(sc, seed);
  const reports: WeekReport[] = [];
  while (state.status === "playing") {
    const out = step(sc, state, POLICIES[policy](sc, state, reports));
    if (!out.ok) throw new Error(`${sc.id}/${seed}/${policy}: ${out.errors[0]?.error.message}`);
    state = out.state;
    reports.push(out.report);
  }
  return reports;
}

function must(sc: Scenario, state: GameState, decisions: Decision[]) {
  const out = step(sc, state, decisions);
  if (!out.ok) throw new Error(out.errors[0]?.error.message);
  return out;
}

const sumOf = (xs: readonly { delta: number }[]) => xs.reduce((a, d) => a + d.delta, 0);

describe("explain: the drivers add up", () => {
  it("every week, every KPI, random scenario × seed × bot: Σ drivers = to − from", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: BUNDLED_SCENARIOS.length - 1 }),
        fc.string({ minLength: 1, maxLength: 8 }),
        fc.constantFrom<PolicyName>("textbook", "random", "naive"),
        (si, seed, policy) => {
          const sc = BUNDLED_SCENARIOS[si]!;
          const reports = play(sc, seed, policy);
          const all = explainRun(sc, reports);
          expect(all.length).toBe(reports.length);
          for (const [w, ex] of all.entries()) {
            const r = reports[w]!;
            const p = reports[w - 1];
            expect(ex.changes.map((c) => c.kpi)).toEqual([...EXPLAIN_KPIS]);
            for (const c of ex.changes) {
              const where = `${sc.id}/${seed}/${policy} week ${w + 1} ${c.kpi}`;
              expect(c.to, where).toBe(r.kpis[c.kpi]);
              expect(c.from, where).toBe(p ? p.kpis[c.kpi] : 0);
              for (const d of c.drivers) expect(Number.isFinite(d.delta), `${where} ${d.cause}`).toBe(true);
              if (c.kpi === "conversionRate")
                expect(Math.abs(sumOf(c.drivers) - (c.to - c.from)), where).toBeLessThan(1e-12);
              else {
                for (const d of c.drivers) expect(Number.isInteger(d.delta), `${where} ${d.cause}`).toBe(true);
                expect(sumOf(c.drivers), where).toBe(c.to - c.from);
              }
            }
            expect(ex.top.length).toBeLessThanOrEqual(3);
          }
        },
      ),
      { numRuns: 24, seed: 16 },
    );
  });

  it("the identities leave little to 'other': UV by source and conversion by SKU cover the whole change", () => {
    for (const sc of BUNDLED_SCENARIOS) {
      const reports = play(sc, "exp-cover", "textbook");
      for (const ex of explainRun(sc, reports)) {
        for (const c of ex.changes) {
          const other = c.drivers.find((d) => d.cause === "other");
          const tol = c.kpi === "aovFen" ? 1 : c.kpi === "conversionRate" ? 1e-9 : 0;
          expect(Math.abs(other?.delta ?? 0), `${sc.id} week ${ex.week + 1} ${c.kpi}`).toBeLessThanOrEqual(tol);
        }
      }
    }
  });

  it("roundToTotal keeps the total and moves each part by less than one", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e7, max: 1e7, noNaN: true }), { minLength: 1, maxLength: 12 }), (xs) => {
        const total = Math.round(xs.reduce((a, b) => a + b, 0));
        const r = roundToTotal(xs, total);
        expect(r.reduce((a, b) => a + b, 0) === total).toBe(true);
        for (const [i, v] of r.entries()) expect(Math.abs(v - xs[i]!)).toBeLessThan(1 + 1e-6);
      }),
    );
  });
});

describe("explain: drivers point the right way", () => {
  const sc = lab(launch());
  const sku = sc.skus[0]!.id;

  it("a week that sells out shows a stock-out driver taking conversion and orders down", () => {
    const w1 = must(sc, newGame(sc, "exp-stock"), sensiblePlan(sc));
    const short = structuredClone(w1.state);
    for (const k of short.skus) k.stock = k.id === sku ? 3 : k.stock;
    const w2 = must(sc, short, []);
    expect(w2.report.kpis.stockoutDays).toBeGreaterThan(0);
    const ex = explainWeek(sc, w2.report, w1.report);
    for (const kpi of ["conversionRate", "orders"] as const) {
      const c = ex.changes.find((x) => x.kpi === kpi)!;
      const so = c.drivers.find((d) => d.cause === `stockout:${sku}`);
      expect(so, kpi).toBeDefined();
      expect(so!.delta, kpi).toBeLessThan(0);
      expect(so!.after).toBeGreaterThan(so!.before!);
      // It is the biggest negative driver of the week's conversion.
      const worst = [...c.drivers].sort((a, b) => a.delta - b.delta)[0]!;
      expect(worst.cause, kpi).toBe(`stockout:${sku}`);
    }
    expect(ex.top.some((d) => d.cause === `stockout:${sku}`)).toBe(true);
    expect(ex.top[0]!.code).toBe("P1.3a");
  });

  it("a price cut shows as a positive price driver of conversion", () => {
    const plan = sensiblePlan(sc);
    const w1 = must(sc, newGame(sc, "exp-price"), plan);
    const price = w1.state.skus.find((k) => k.id === sku)!.priceFen;
    const cut = must(sc, w1.state, [{ type: "setPrice", sku, priceFen: Math.round(price * 0.8) }]);
    const ex = explainWeek(sc, cut.report, w1.report);
    const cr = ex.changes.find((x) => x.kpi === "conversionRate")!;
    const d = cr.drivers.find((x) => x.cause === `price:${sku}`);
    expect(d).toBeDefined();
    expect(d!.delta).toBeGreaterThan(0);
    expect(d!.code).toBe("P1.2f");
    // Told the week's decisions, the driver says it was the trainee's; without a setPrice it is the market's.
    const told = explainWeek(sc, cut.report, w1.report, [{ type: "setPrice", sku, priceFen: Math.round(price * 0.8) }]);
    const mine = told.changes.find((x) => x.kpi === "conversionRate")!.drivers.find((x) => x.cause === `price:${sku}`);
    expect(mine?.decided).toBe(true);
    expect(mine?.delta).toBe(d!.delta);
    const none = explainWeek(sc, cut.report, w1.report, []);
    const crNone = none.changes.find((x) => x.kpi === "conversionRate")!.drivers;
    expect(crNone.find((x) => x.cause === `price:${sku}`)).toBeUndefined();
    expect(crNone.find((x) => x.cause === `competitor:${sku}`)?.delta).toBe(d!.delta);
    expect(crNone.some((x) => x.decided)).toBe(false);
    // Cheaper orders: list value per order falls.
    const aov = ex.changes.find((x) => x.kpi === "aovFen")!;
    expect(aov.drivers.find((x) => x.cause === "listValue")!.delta).toBeLessThan(0);
  });

  it("switching on ads: the ads traffic driver raises UV and the ads line lowers net profit", () => {
    const w1 = must(sc, newGame(sc, "exp-ads"), sensiblePlan(sc));
    const w2 = must(sc, w1.state, [{ type: "setAds", sku, dailyBudgetFen: 20_000, target: "broad" }]);
    const ex = explainWeek(sc, w2.report, w1.report, w2.state.lastTurn);
    const uv = ex.changes.find((x) => x.kpi === "uv")!;
    expect(uv.drivers.find((x) => x.cause === "traffic:ads")!.decided).toBe(true);
    expect(uv.drivers.find((x) => x.cause === "traffic:search")?.decided).toBeUndefined();
    expect(uv.drivers.find((x) => x.cause === "traffic:ads")!.delta).toBe(
      w2.report.traffic.ads - w1.report.traffic.ads,
    );
    expect(w2.report.traffic.ads).toBeGreaterThan(0);
    const net = ex.changes.find((x) => x.kpi === "netProfitFen")!;
    const ads = net.drivers.find((x) => x.cause === "income:ads")!;
    expect(ads.delta).toBe(-(w2.report.kpis.adSpendFen - w1.report.kpis.adSpendFen));
    expect(ads.code).toBe("P2.1a");
  });
});

describe("explain: determinism", () => {
  it("the same reports (also after a JSON round trip) give the same explanation", () => {
    const sc = BUNDLED_SCENARIOS.find((s) => s.id === "season") ?? BUNDLED_SCENARIOS[0]!;
    const reports = play(sc, "exp-det", "textbook");
    const a = explainRun(sc, reports);
    const b = explainRun(sc, JSON.parse(JSON.stringify(reports)) as WeekReport[]);
    expect(b).toEqual(a);
    expect(JSON.stringify(explainRun(sc, play(sc, "exp-det", "textbook")))).toBe(JSON.stringify(a));
  });
});
