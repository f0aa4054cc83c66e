// The debrief's principle recap (src/ui/debrief-recap.ts): runs built by the reference bots on the
// registered scenarios. The textbook strategy should be credited with more applied principles than
// the naive one, every goal gets a verdict with evidence that has a string in both languages.
import { describe, expect, it } from "vitest";
import { BUNDLED_SCENARIOS, getScenario } from "../../src/content/scenarios";
import { isPrincipleCode, POLICIES, PRINCIPLES, type Scenario } from "../../src/engine";
import { en, zh } from "../../src/i18n/parts/debrief";
import {
  type GoalRecap,
  type PlayedRun,
  playPolicy,
  RULES,
  recapRun,
  recapScore,
  weekStates,
} from "../../src/ui/debrief-recap";

const SEED = "recap-1";
const runs = new Map<string, PlayedRun>();
function played(sc: Scenario, policy: "textbook" | "naive"): PlayedRun {
  const key = `${sc.id}/${policy}`;
  let r = runs.get(key);
  if (!r) {
    r = playPolicy(sc, SEED, POLICIES[policy]);
    runs.set(key, r);
  }
  return r;
}
function recap(sc: Scenario, policy: "textbook" | "naive"): GoalRecap[] {
  const r = played(sc, policy);
  return recapRun({ scenario: sc, turns: r.turns, reports: r.reports, final: r.final }, r.states);
}
const applied = (r: GoalRecap[]) => r.filter((g) => g.verdict === "applied").length;
const scenario = (id: string) => {
  const sc = getScenario(id);
  if (!sc) throw new Error(`no scenario ${id}`);
  return sc;
};

describe("debrief recap", () => {
  it("has a rule for every principle code, and covers every code the registered scenarios teach", () => {
    expect(Object.keys(RULES).sort()).toEqual(Object.keys(PRINCIPLES).sort());
    for (const sc of BUNDLED_SCENARIOS) for (const g of sc.goals) expect(isPrincipleCode(g.code)).toBe(true);
  });

  it("launch: the textbook strategy applies every principle, the naive one few", () => {
    const tb = recap(scenario("launch"), "textbook");
    const nv = recap(scenario("launch"), "naive");
    expect(tb.map((g) => g.code)).toEqual(scenario("launch").goals.map((g) => g.code));
    expect(applied(tb)).toBe(tb.length);
    expect(applied(nv)).toBeLessThan(applied(tb));
    expect(recapScore(nv)).toBeLessThan(recapScore(tb) / 2);
    // The example: title keywords by week 2.
    const title = tb.find((g) => g.code === "P1.2c");
    expect(title?.evidence[0]).toEqual({ key: "recap.ev.titleCover", params: { covered: 3, total: 4, week: 2 } });
    expect(nv.find((g) => g.code === "P1.1a")?.verdict).toBe("missed");
  });

  it("the textbook strategy is credited more than the naive one on the other scenarios that teach by levers", () => {
    const better: string[] = [];
    for (const id of ["assortment", "kol", "community", "season", "sandbox", "service", "feedads"]) {
      const sc = scenario(id);
      if (applied(recap(sc, "textbook")) > applied(recap(sc, "naive"))) better.push(id);
      expect(recapScore(recap(sc, "textbook"))).toBeGreaterThanOrEqual(recapScore(recap(sc, "naive")));
    }
    expect(better.length).toBeGreaterThanOrEqual(2);
    expect(better).toEqual(expect.arrayContaining(["assortment", "kol", "community"]));
  });

  it("gives each goal of each scenario a verdict with evidence whose key exists in both languages", () => {
    for (const sc of BUNDLED_SCENARIOS) {
      for (const policy of ["textbook", "naive"] as const) {
        const r = recap(sc, policy);
        expect(r).toHaveLength(sc.goals.length);
        for (const g of r) {
          expect(["applied", "partial", "missed"]).toContain(g.verdict);
          expect(g.evidence.length).toBeGreaterThan(0);
          for (const e of g.evidence) {
            expect(Object.hasOwn(zh, e.key), e.key).toBe(true);
            expect(Object.hasOwn(en, e.key), e.key).toBe(true);
            for (const v of Object.values(e.params)) expect(Number.isFinite(v)).toBe(true);
            // Every {placeholder} of the text has a param.
            for (const m of (zh as Record<string, string>)[e.key]?.matchAll(/\{(\w+)\}/g) ?? [])
              expect(e.params, `${e.key} needs ${m[1]}`).toHaveProperty(m[1] as string);
          }
        }
      }
    }
  });

  it("reads the week-by-week states by replaying the decisions (same as the states the run produced)", () => {
    const sc = scenario("double11");
    const r = played(sc, "textbook");
    const states = weekStates(sc, SEED, r.turns);
    expect(states).toHaveLength(r.states.length);
    expect(states.at(-1)).toEqual(r.final);
    // Without states given, recapRun replays them: same answer.
    expect(recapRun({ scenario: sc, turns: r.turns, reports: r.reports, final: r.final })).toEqual(
      recap(sc, "textbook"),
    );
  });

  it("double 11: the second P1.2g goal (stocking up) is judged on stock-outs, the first on promotions", () => {
    const tb = recap(scenario("double11"), "textbook");
    const nv = recap(scenario("double11"), "naive");
    const [promoT, stockT] = tb.filter((g) => g.code === "P1.2g");
    const [promoN, stockN] = nv.filter((g) => g.code === "P1.2g");
    expect(promoT?.evidence[0]?.key).toBe("recap.ev.promoUse");
    expect(stockT?.evidence[0]?.key).toBe("recap.ev.stockout");
    expect(stockT?.verdict).toBe("applied");
    expect(stockN?.verdict).not.toBe("applied");
    expect((promoN?.evidence[0]?.params.costPct ?? 0) > (promoT?.evidence[0]?.params.costPct ?? 1)).toBe(true);
  });
});
