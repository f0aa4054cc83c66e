// Whole-run checks of play styles: sensible play lands in the public ranges (calibration.md), and
// the tempting shortcuts a trainee will try score lower than sensible play on the same seeds.
// (Domain files hold the other extreme strategies: commerce — deep discounts, selling below cost;
// operations — no service staff, hiring everyone, ordering ten times demand; marketing — the whole
// budget in one channel; customers — pushing members every day.)
import { describe, expect, it } from "vitest";
import { getScenario } from "../../src/content/scenarios";
import { type Decision, POLICIES, runKpis, type Scenario, scoreRun } from "../../src/engine";
import { TITLE_MAX_CHARS } from "../../src/engine/model";
import { playRun } from "./helpers";

const scenario = (id: string): Scenario => {
  const s = getScenario(id);
  if (!s) throw new Error(`scenario ${id} missing`);
  return s;
};
const seeds = (n: number) => Array.from({ length: n }, (_, i) => `strategy-${i}`);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

function textbookRun(sc: Scenario, seed: string) {
  return playRun(sc, seed, (s, st, reports) => POLICIES.textbook(s, st, reports));
}

describe("calibration: sensible (textbook) play lands in the public ranges", () => {
  const runs = seeds(12).map((seed) => textbookRun(scenario("launch"), seed));
  const kpis = runs.map((r) => runKpis(scenario("launch"), r.state));

  it("overall conversion sessions → orders is 1.1–3.2% (Wolfgang Digital 2016 1.1–2.6%; Monetate 2.58%)", () => {
    const c = mean(kpis.map((k) => k.conversionRate));
    expect(c).toBeGreaterThan(0.011);
    expect(c).toBeLessThan(0.032);
  });

  it("add-to-cart per session is 2–20% (Salesforce shopping index, by category)", () => {
    const a = mean(kpis.map((k) => k.addToCartRate));
    expect(a).toBeGreaterThan(0.02);
    expect(a).toBeLessThan(0.2);
  });

  it("收藏加购率 (saves + carts per visitor) is 7–14% (calibration.md: healthy 10%, band 8–12%, practitioner C; measured ≈ 11.7%), with saves 20–40% of carts", () => {
    let uv = 0;
    let saves = 0;
    let carts = 0;
    for (const r of runs)
      for (const w of r.reports) {
        uv += w.funnel.visitors;
        saves += w.funnel.favourites;
        carts += w.funnel.addToCart;
      }
    expect((saves + carts) / uv).toBeGreaterThan(0.07);
    expect((saves + carts) / uv).toBeLessThan(0.14);
    expect(saves / carts).toBeGreaterThan(0.2);
    expect(saves / carts).toBeLessThan(0.4);
  });

  it("refund rate of small electronics is 6–15% (industry compilations: electronics 8–15%, 10% default)", () => {
    const r = mean(kpis.map((k) => k.refundRate));
    expect(r).toBeGreaterThan(0.06);
    expect(r).toBeLessThan(0.15);
  });

  it("info-flow ad CPC is ¥0.5–2 (千川 practitioner figures)", () => {
    const ppc = mean(kpis.filter((k) => k.ppcFen > 0).map((k) => k.ppcFen));
    expect(ppc).toBeGreaterThan(50);
    expect(ppc).toBeLessThan(200);
  });
});

/** Every core keyword that fits the 30-character title: the stuffed title a beginner writes. */
function stuffedTitle(sc: Scenario): string[] {
  const out: string[] = [];
  let chars = 0;
  for (const k of sc.market.keywords.filter((kw) => kw.kind === "core")) {
    if (chars + k.chars <= TITLE_MAX_CHARS) {
      out.push(k.id);
      chars += k.chars;
    }
  }
  return out;
}

describe("extreme strategies do not pay", () => {
  it("P1.2c a title stuffed with every keyword scores lower than the textbook title on most seeds", () => {
    const sc = scenario("launch");
    const stuffed = stuffedTitle(sc);
    expect(stuffed.length).toBeGreaterThan(3);
    let lower = 0;
    const list = seeds(8);
    for (const seed of list) {
      const base = scoreRun(sc, textbookRun(sc, seed).state).score;
      const run = playRun(sc, seed, (s, st, reports) =>
        POLICIES.textbook(s, st, reports).map((d: Decision) =>
          d.type === "setTitle" ? { ...d, keywords: stuffed } : d,
        ),
      );
      if (scoreRun(sc, run.state).score < base) lower++;
    }
    expect(lower).toBeGreaterThanOrEqual(6);
  });
});
