// Small fixes of issue 16: one charm-price definition (the engine's) in the recap, plural forms by
// Intl.PluralRules, ROAS "—" without ad spend, reviews that do not repeat a sentence, list separators.
import { describe, expect, it } from "vitest";
import { getScenario } from "../../src/content/scenarios";
import { type Decision, newGame, type Scenario, step, type WeekReport } from "../../src/engine";
import { isCharmPrice } from "../../src/engine/systems/pricing";
import { items, plural, pluralCategory, setLang, t } from "../../src/i18n";
import { RULES, recapRun } from "../../src/ui/debrief-recap";
import { roasText } from "../../src/ui/format-kpi";
import { reviewKeys, reviewVariants } from "../../src/ui/review-text";

function launch(): Scenario {
  const sc = getScenario("launch");
  if (!sc) throw new Error("no launch scenario");
  return sc;
}

/** Plays `weeks` weeks of launch with `first` as week 1's decisions. */
function play(first: Decision[], weeks = 2) {
  const sc = launch();
  let game = newGame(sc, "fix-1");
  const reports: WeekReport[] = [];
  const turns: Decision[][] = [];
  for (let w = 0; w < weeks; w++) {
    const d = w === 0 ? first : [];
    const r = step(sc, game, d);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    game = r.state;
    reports.push(r.report);
    turns.push(d);
  }
  return { sc, turns, reports, final: game };
}

describe("charm prices in the recap", () => {
  it("grades ¥148.90 and ¥89.90 as charm prices, as the engine's isCharmPrice does", () => {
    expect(isCharmPrice(14890)).toBe(true);
    const run = play([
      { type: "setPrice", sku: "cup300", priceFen: 8990 },
      { type: "setPrice", sku: "cup500", priceFen: 14890 },
    ]);
    const [, ev] = RULES["P1.2f"](
      { sc: run.sc, turns: run.turns, reports: run.reports, final: run.final, states: [], weeks: 2 } as never,
      0,
      1,
    );
    expect(ev[0]).toEqual({ key: "recap.ev.charm", params: { ok: 2, n: 2 } });
  });

  it("does not count ¥150.00 or ¥148.50", () => {
    const run = play([
      { type: "setPrice", sku: "cup300", priceFen: 15000 },
      { type: "setPrice", sku: "cup500", priceFen: 14850 },
    ]);
    const recap = recapRun({ scenario: run.sc, turns: run.turns, reports: run.reports, final: run.final });
    const pricing = recap.find((g) => g.code === "P1.2f");
    expect(pricing?.evidence[0]).toEqual({ key: "recap.ev.charm", params: { ok: 0, n: 2 } });
    expect(pricing?.verdict).not.toBe("applied");
  });
});

describe("plural forms", () => {
  it("picks one/other by Intl.PluralRules in English, one form in Chinese", () => {
    expect(pluralCategory(1, "en")).toBe("one");
    expect(pluralCategory(0, "en")).toBe("other");
    expect(pluralCategory(1, "zh-CN")).toBe("other");
    expect(plural("menu.profile", 1, { slot: 2 }, "en")).toBe("Profile: slot 2 · 1 star earned");
    expect(plural("menu.profile", 3, { slot: 2 }, "en")).toBe("Profile: slot 2 · 3 stars earned");
    expect(plural("menu.profile", 1, { slot: 1 }, "zh-CN")).toBe("当前档案：存档位 1 · 已获 1 星");
  });

  it("keeps the unit helpers' forms (base key = other form)", () => {
    setLang("en");
    expect(items(1)).toBe("1 pc");
    expect(items(1200)).toBe("1,200 pcs");
    setLang("zh-CN");
    expect(items(1)).toBe("1 件");
  });
});

describe("ROAS without ad spend", () => {
  it('is "—", not 0.00×', () => {
    expect(roasText(0, 0)).toBe("—");
    expect(roasText(Number.NaN, 0)).toBe("—");
    expect(roasText(2.5, 10000)).not.toBe("—");
    expect(roasText(2.5, 10000)).toContain("2.50");
  });
});

describe("review texts", () => {
  it("gives repeats of a key different wordings, the same in every run of the same week", () => {
    const reviews = [{ key: "review.good" }, { key: "review.good" }, { key: "review.good" }];
    const keys = reviewKeys(reviews, 3);
    expect(new Set(keys).size).toBe(3);
    expect(reviewKeys(reviews, 3)).toEqual(keys);
    for (const k of keys) expect(k.startsWith("review.good")).toBe(true);
    // A key with no other wordings stays itself.
    expect(reviewKeys([{ key: "review.topic.refund" }, { key: "review.topic.refund" }], 1)).toEqual([
      "review.topic.refund",
      "review.topic.refund",
    ]);
    expect(reviewVariants("review.bad")).toEqual(["review.bad", "review.bad.v2", "review.bad.v3"]);
  });

  it("has each wording in both languages", () => {
    for (const k of ["great", "good", "meh", "bad"])
      for (const v of reviewVariants(`review.${k}`)) {
        expect(t(v, {}, "en")).not.toBe(v);
        expect(t(v, {}, "zh-CN")).not.toBe(t(v, {}, "en"));
      }
  });
});

describe("list separators", () => {
  it("are half-width in English and full-width in Chinese", () => {
    expect(t("common.listSep", {}, "en")).toBe(", ");
    expect(t("common.listSep", {}, "zh-CN")).toBe("，");
  });
});
