// The income statement (src/engine/income.ts) reconciles exactly with the KPI cards: every week of
// every bundled scenario, three bots, several seeds, the last week (closing-stock liquidation) included.
import { describe, expect, it } from "vitest";
import { BUNDLED_SCENARIOS } from "../../src/content/scenarios";
import { newGame, POLICIES, type PolicyName, runKpis, type Scenario, step, type WeekReport } from "../../src/engine";
import { INCOME_LINES, runIncome, weekIncome } from "../../src/engine/income";

function play(sc: Scenario, seed: string, policy: PolicyName) {
  let state = newGame(sc, seed);
  const reports: WeekReport[] = [];
  while (state.status === "playing") {
    const out = step(sc, state, POLICIES[policy](sc, state, reports));
    if (!out.ok) throw new Error(`${sc.id}/${seed}/${policy}: ${out.errors[0]?.error.message}`);
    state = out.state;
    reports.push(out.report);
  }
  return { state, reports };
}

const POLICY_NAMES: PolicyName[] = ["textbook", "random", "naive"];

describe("income statement", () => {
  for (const sc of BUNDLED_SCENARIOS) {
    it(`${sc.id}: every week's statement and the run's equal the KPI cards' net profit, GMV and gross profit`, () => {
      let liquidated = 0;
      for (const policy of POLICY_NAMES) {
        for (const seed of ["inc-1", "inc-2"]) {
          const { state, reports } = play(sc, seed, policy);
          let sumNet = 0;
          for (const r of reports) {
            const st = weekIncome(r);
            const where = `${policy}/${seed} week ${r.week + 1}`;
            expect(st.netProfitFen, where).toBe(r.kpis.netProfitFen);
            expect(st.gmvFen, where).toBe(r.kpis.gmvFen);
            expect(st.grossProfitFen, where).toBe(r.kpis.grossProfitFen);
            // Every line is a whole number of fen; the discount-free promotion and private lines stay costs.
            for (const k of INCOME_LINES) expect(Number.isInteger(st.lines[k]), `${where} ${k}`).toBe(true);
            expect(st.lines.promotions, where).toBeLessThanOrEqual(0);
            expect(st.lines.private, where).toBeLessThanOrEqual(0);
            expect(st.lines.discounts, where).toBeLessThanOrEqual(0);
            if (st.lines.liquidation < 0) liquidated++;
            sumNet += st.netProfitFen;
          }
          const run = runIncome(sc, state, reports);
          const k = runKpis(sc, state);
          expect(run.netProfitFen, `${policy}/${seed} run`).toBe(k.netProfitFen);
          expect(run.gmvFen).toBe(k.gmvFen);
          expect(run.grossProfitFen).toBe(k.grossProfitFen);
          expect(sumNet, `${policy}/${seed}: the weeks add up to the run`).toBe(run.netProfitFen);
        }
      }
      // The closing-stock line is exercised (the last week of at least one run holds stock).
      expect(liquidated).toBeGreaterThan(0);
    });
  }

  it("a report without money (older engine) falls back to what its KPIs imply", () => {
    const sc = BUNDLED_SCENARIOS[0]!;
    const { reports } = play(sc, "inc-old", "textbook");
    const r = reports[1]!;
    const { money: _m, ...old } = r;
    const st = weekIncome(old as WeekReport);
    expect(st.gmvFen).toBe(r.kpis.gmvFen);
    expect(st.grossProfitFen).toBe(r.kpis.grossProfitFen);
  });
});
