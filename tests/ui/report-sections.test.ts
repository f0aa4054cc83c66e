// The week report's topic tabs: which appear for which scenario, and that their figures agree with
// the engine's ledger (a table that disagrees with the money would teach the wrong lesson).
import { beforeAll, describe, expect, it } from "vitest";
import { BUNDLED_SCENARIOS, getScenario } from "../../src/content/scenarios";
import { type GameState, newGame, POLICIES, type Scenario, step, type WeekReport } from "../../src/engine";
import { DICTS, setLang } from "../../src/i18n";
import { channelRows, REPORT_TABS, reportTables, reportTabs, stockCoverDays } from "../../src/ui/report-sections";

function play(sc: Scenario, weeks: number, seed = "report-1"): { state: GameState; reports: WeekReport[] } {
  let state = newGame(sc, seed);
  const reports: WeekReport[] = [];
  for (let w = 0; w < weeks; w++) {
    const r = step(sc, state, POLICIES.textbook(sc, state, reports));
    if (!("state" in r)) throw new Error(`week ${w + 1} rejected`);
    state = r.state;
    reports.push(r.report);
  }
  return { state, reports };
}

const sc = (id: string) => {
  const s = getScenario(id);
  if (!s) throw new Error(id);
  return s;
};

describe("week report topic tabs", () => {
  beforeAll(() => setLang("en"));

  it("launch shows only overview and details; the full sandbox shows every topic", () => {
    expect(reportTabs(sc("launch"), play(sc("launch"), 2).reports[1]!)).toEqual(["overview", "details"]);
    expect(reportTabs(sc("sandbox"), play(sc("sandbox"), 3).reports[2]!)).toEqual([...REPORT_TABS]);
  });

  it("each scenario gets the tab of what it teaches", () => {
    const want: Record<string, string> = {
      double11: "promotions",
      service: "service",
      feedads: "channels",
      kol: "channels",
      community: "channels",
      assortment: "products",
      season: "customers",
    };
    for (const [id, tab] of Object.entries(want)) {
      const { reports } = play(sc(id), 3);
      expect(reportTabs(sc(id), reports[2]!), id).toContain(tab);
    }
  });

  it("channel spend in the ROI table adds up to the ledger's ads, KOL, content and private-domain costs", () => {
    for (const id of ["sandbox", "kol", "community", "feedads"]) {
      const s = sc(id);
      const { reports } = play(s, 4);
      for (const r of reports) {
        const spend = channelRows(r, s).reduce((a, c) => a + c.spendFen, 0);
        const L = (k: string) => -(r.ledger[k] ?? 0);
        // Community activities are booked under "content" (sim/marketing.ts), so they are in L("content").
        const booked = L("ads") + L("kol") + L("content") + L("private");
        expect(Math.abs(spend - booked), `${id} week ${r.week + 1}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it("every table row has as many cells as the table has columns, in both languages, with no missing text", () => {
    for (const lang of ["zh-CN", "en"] as const) {
      setLang(lang);
      for (const s of BUNDLED_SCENARIOS) {
        const { reports } = play(s, 3);
        const r = reports[2]!;
        for (const tab of reportTabs(s, r)) {
          for (const tb of reportTables(tab, s, r)) {
            for (const row of tb.rows) expect(row.length, `${s.id}/${tab}/${tb.title}`).toBe(tb.columns.length);
            const all = [tb.title, tb.note ?? "", ...tb.columns, ...tb.rows.flat()].join(" ");
            expect(all, `${s.id}/${tab}`).not.toMatch(/\brep\.|\{\w+\}|NaN|undefined|Infinity/);
          }
        }
      }
    }
    setLang("en");
    expect(Object.keys(DICTS.en).filter((k) => k.startsWith("rep.tab.")).length).toBe(REPORT_TABS.length);
  });

  it("stock cover is stock over average daily sales, and absent without sales", () => {
    const r = play(sc("launch"), 2).reports[1]!;
    const stock = r.skus.reduce((a, s) => a + s.stockEnd, 0);
    const units = r.skus.reduce((a, s) => a + s.units, 0);
    expect(units).toBeGreaterThan(0);
    expect(stockCoverDays(r)).toBeCloseTo((stock * 7) / units, 9);
    expect(stockCoverDays({ ...r, skus: r.skus.map((s) => ({ ...s, units: 0 })) })).toBeNull();
  });
});

describe("ledger categories", () => {
  it("every ledger category has a name in both languages (the report's money card lists them all)", async () => {
    const { LEDGER_CATEGORIES } = await import("../../src/engine");
    for (const c of LEDGER_CATEGORIES)
      for (const lang of ["zh-CN", "en"] as const)
        expect(DICTS[lang][`ledger.${c}` as keyof typeof DICTS.en], `${lang} ledger.${c}`).toBeTruthy();
  });
});
