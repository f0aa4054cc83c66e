// The week report's "why it moved" in words (src/ui/explain-text.ts), its income statement rows, and
// the advisor speaking from the engine's drivers and the state (src/ui/advisor-drivers.ts).
import { afterAll, describe, expect, it } from "vitest";
import { BUNDLED_SCENARIOS, getScenario } from "../../src/content/scenarios";
import {
  type GameState,
  newGame,
  POLICIES,
  type PolicyName,
  type Scenario,
  step,
  type WeekReport,
} from "../../src/engine";
import { DICTS, message, setLang, t } from "../../src/i18n";
import { advisorNotes } from "../../src/ui/advisor";
import { breakEvenRoas, rankNotes } from "../../src/ui/advisor-drivers";
import { incomeRows, topDriverLines } from "../../src/ui/explain-text";
import { lab, launch, sensiblePlan } from "../engine/helpers";

function play(sc: Scenario, seed: string, policy: PolicyName) {
  let state = newGame(sc, seed);
  const reports: WeekReport[] = [];
  const states: GameState[] = [];
  while (state.status === "playing") {
    const out = step(sc, state, POLICIES[policy](sc, state, reports));
    if (!out.ok) throw new Error(out.errors[0]?.error.message);
    state = out.state;
    reports.push(out.report);
    states.push(state);
  }
  return { reports, states };
}

afterAll(() => setLang("zh-CN"));

describe("income statement rows", () => {
  for (const lang of ["zh-CN", "en"] as const) {
    it(`${lang}: subtotals and the total equal the KPI cards; the lines add up to net profit`, () => {
      setLang(lang);
      const sc = launch();
      const { reports } = play(sc, "rows-1", "textbook");
      for (const r of reports) {
        const { rows, cashNote } = incomeRows(r);
        const total = rows.filter((x) => x.kind === "total");
        expect(total).toHaveLength(1);
        expect(total[0]!.fen).toBe(r.kpis.netProfitFen);
        expect(rows[rows.length - 1]!.kind).toBe("total");
        const subs = rows.filter((x) => x.kind === "subtotal").map((x) => x.fen);
        expect(subs).toEqual([r.kpis.gmvFen, r.kpis.grossProfitFen]);
        const lines = rows.filter((x) => x.kind === "line");
        expect(lines.reduce((a, x) => a + x.fen, 0)).toBe(r.kpis.netProfitFen);
        for (const x of rows) expect(x.label).not.toMatch(/\{|inc\.|undefined/);
        if ((r.ledger.inventory ?? 0) !== 0) expect(cashNote).toContain(lang === "en" ? "stock bought" : "进货");
      }
      // The last week shows the closing stock's liquidation line.
      const last = incomeRows(reports[reports.length - 1]!).rows.map((x) => x.label);
      expect(last).toContain(t("inc.liquidation"));
    });
  }
});

describe("the overview's three biggest drivers", () => {
  const sc = lab(launch());
  const sku = sc.skus[0]!;
  const week2 = () => {
    const s0 = newGame(sc, "drv-stock");
    const w1 = step(sc, s0, sensiblePlan(sc));
    if (!w1.ok) throw new Error("rejected");
    const short = structuredClone(w1.state);
    for (const k of short.skus) if (k.id === sku.id) k.stock = 3;
    const w2 = step(sc, short, []);
    if (!w2.ok) throw new Error("rejected");
    return { w1, w2 };
  };

  it("week 1 has none (no last week); a sold-out week names the stock-out among them, its SKU and P1.3a, in both languages", () => {
    const { w1, w2 } = week2();
    expect(topDriverLines(sc, w1.report, undefined)).toEqual([]);
    for (const lang of ["zh-CN", "en"] as const) {
      setLang(lang);
      const lines = topDriverLines(sc, w2.report, w1.report);
      expect(lines.length).toBe(3);
      // (The lab shop's 20,000 units cost storage: selling out also cuts that cost, another top driver.)
      const first = lines.find((l) => l.cause === `stockout:${sku.id}`)!;
      expect(first).toBeDefined();
      expect(first.good).toBe(false);
      expect(first.principle).toMatch(/^P1\.3a \S/);
      expect(first.text).toContain(sku.name[lang]);
      expect(first.text).toMatch(lang === "en" ? /out of stock 0 → \d days: GMV -¥/ : /缺货 0 → \d 天：支付金额 -¥/);
      for (const l of lines) expect(l.text).not.toMatch(/\{\w+\}|exp\.|undefined|NaN/);
    }
  });

  it("the advisor speaks from that week's drivers and stock cover (P1.3a), not a generic line", () => {
    const { w1, w2 } = week2();
    setLang("en");
    const notes = advisorNotes(sc, w2.state, w2.report, w1.report, [w1.report, w2.report]);
    expect(notes.some((n) => n.code === "P1.3a" && n.from === "driver" && /out of stock/.test(n.text))).toBe(true);
    expect(notes.length).toBeGreaterThanOrEqual(2);
  });
});

describe("the advisor is never generic", () => {
  const generic = (lang: "zh-CN" | "en") =>
    [DICTS[lang]["adv.allGood"], DICTS[lang]["adv.growth"].split("{")[0]!].map((x) => x.slice(0, 12));

  it("every scenario, two bots: no 'nothing wrong' / 'visitors changed' filler; the last week advises no more spend or reorders", () => {
    for (const lang of ["zh-CN", "en"] as const) {
      setLang(lang);
      for (const sc of BUNDLED_SCENARIOS) {
        for (const policy of ["textbook", "naive"] as const) {
          const { reports, states } = play(sc, `never-${sc.id}`, policy);
          reports.forEach((r, i) => {
            const notes = advisorNotes(sc, states[i]!, r, reports[i - 1], reports.slice(0, i + 1));
            const where = `${lang} ${sc.id}/${policy} week ${i + 1}`;
            expect(notes.length, where).toBeGreaterThanOrEqual(1);
            for (const n of notes) {
              for (const g of generic(lang)) expect(n.text.startsWith(g), `${where}: ${n.text}`).toBe(false);
              expect(n.text, where).not.toMatch(/\{\w+\}|adv\.|exp\.|undefined|NaN/);
            }
            if (i === reports.length - 1) {
              // The game is over: no "raise the budget", no reorder suggestion.
              for (const n of notes) {
                expect(n.text, where).not.toMatch(lang === "en" ? /raise the budget/ : /可以小步加预算/);
                expect(n.text, where).not.toMatch(lang === "en" ? /: reorder \d+\.$/ : /建议补货 \d+ 件/);
              }
            }
          });
        }
      }
    }
  });

  it("break-even ROAS is GMV over GMV's contribution after COGS, refunds, commission and shipping", () => {
    const sc = getScenario("launch")!;
    const { reports } = play(sc, "be-1", "textbook");
    const r = reports[2]!;
    const be = breakEvenRoas(r);
    expect(be).not.toBeNull();
    expect(be!).toBeGreaterThan(1);
    const cogs = r.money!.cogsFen;
    const contribution =
      r.kpis.gmvFen + (r.ledger.refunds ?? 0) - cogs + (r.ledger.commission ?? 0) + (r.ledger.logistics ?? 0);
    expect(be!).toBeCloseTo(r.kpis.gmvFen / contribution, 10);
  });
});

describe("ranking notes", () => {
  it("a SKU that fell 3+ places and 20%+ in search gets a P1.2c note, unless the search driver's note said it", () => {
    setLang("en");
    const sc = launch();
    const { reports } = play(sc, "rank-1", "textbook");
    const prev = structuredClone(reports[2]!);
    const r = structuredClone(reports[3]!);
    const id = r.skus[0]!.id;
    prev.skus[0]!.avgRank = 10;
    r.skus[0]!.avgRank = 16;
    for (const k of r.skus.slice(1)) k.avgRank = prev.skus.find((x) => x.id === k.id)!.avgRank;
    const notes: { code: string; text: string }[] = [];
    const add = (code: string, text: string) => notes.push({ code, text });
    rankNotes(sc, r, prev, new Set(), add);
    expect(notes).toHaveLength(1);
    expect(notes[0]!.code).toBe("P1.2c");
    expect(notes[0]!.text).toContain(
      `${sc.skus.find((k) => k.id === id)!.name.en}'s average search rank fell from #10 to #16`,
    );
    rankNotes(sc, r, prev, new Set(["traffic:search"]), add);
    expect(notes).toHaveLength(1);
    r.skus[0]!.avgRank = 12; // 2 places: not a fall worth a note
    rankNotes(sc, r, prev, new Set(), add);
    expect(notes).toHaveLength(1);
  });
});

describe("the last week's events", () => {
  it("the closing stock's liquidation event shows money, not raw fen", () => {
    setLang("en");
    expect(message("ev.liquidation", { fen: 461280, units: 162 })).toContain("¥4,612.80");
    setLang("zh-CN");
    expect(message("ev.writedown", { fen: 12345 })).toContain("¥123.45");
  });
});
