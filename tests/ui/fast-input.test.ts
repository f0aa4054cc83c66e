// Issue 16 item 3, pure parts: typed numbers (prices in yuan → fen, counts), with located refusals,
// and the engine's stock estimate (days of cover, suggested reorder from recent sales and lead time).
import { describe, expect, it } from "vitest";
import { stockEstimate } from "../../src/engine/estimates";
import { t } from "../../src/i18n";
import { normaliseTyped, parseTyped, typedText } from "../../src/ui/typed-number";

describe("typed numbers", () => {
  it("reads prices in yuan as fen, with ¥, 元, spaces and full-width digits", () => {
    expect(parseTyped("89.9", "money", 100, 100_000)).toEqual({ ok: true, value: 8990 });
    expect(parseTyped("¥89.90", "money", 100, 100_000)).toEqual({ ok: true, value: 8990 });
    expect(parseTyped(" 148.9元 ", "money", 100, 100_000)).toEqual({ ok: true, value: 14890 });
    expect(parseTyped("８９．９", "money", 100, 100_000)).toEqual({ ok: true, value: 8990 });
    expect(parseTyped("99", "money", 100, 100_000)).toEqual({ ok: true, value: 9900 });
    expect(parseTyped("1,299.5", "money", 100, 1_000_000)).toEqual({ ok: true, value: 129950 });
    expect(normaliseTyped("１，２００ 件")).toBe("1200");
  });

  it("refuses what is not a usable number, with a key saying why", () => {
    expect(parseTyped("", "money", 0, 10)).toMatchObject({ ok: false, key: "typed.empty" });
    expect(parseTyped("abc", "money", 0, 10)).toMatchObject({ ok: false, key: "typed.notNumber" });
    expect(parseTyped("8.999", "money", 0, 10_000)).toMatchObject({ ok: false, key: "typed.decimals" });
    expect(parseTyped("12.5", "int", 0, 100)).toMatchObject({ ok: false, key: "typed.whole" });
    expect(parseTyped("abc", "int", 0, 100)).toMatchObject({ ok: false, key: "typed.notCount" });
    expect(parseTyped("0.5", "money", 100, 10_000)).toEqual({
      ok: false,
      key: "typed.minFen",
      params: { min: 100, max: 10_000 },
    });
    expect(parseTyped("30000", "int", 0, 20_000)).toEqual({
      ok: false,
      key: "typed.max",
      params: { min: 0, max: 20_000 },
    });
    for (const k of ["typed.empty", "typed.notNumber", "typed.decimals", "typed.whole", "typed.max", "typed.minFen"])
      expect(t(k, { min: "1", max: "2" }, "en")).not.toBe(k);
  });

  it("counts are whole units; the box starts with the value as one would type it", () => {
    expect(parseTyped("1200", "int", 0, 20_000)).toEqual({ ok: true, value: 1200 });
    expect(typedText(8990, "money")).toBe("89.9");
    expect(typedText(9900, "money")).toBe("99");
    expect(typedText(14895, "money")).toBe("148.95");
    expect(typedText(120, "int")).toBe("120");
    expect(parseTyped(typedText(14895, "money"), "money", 0, 1e6)).toEqual({ ok: true, value: 14895 });
  });
});

describe("stock estimate", () => {
  const base = { leadDays: 7, minOrder: 50 };

  it("has no figures before any sales", () => {
    expect(stockEstimate({ ...base, stock: 100, onOrder: 0, weeks: [] })).toEqual({
      dailyUnits: null,
      coverDays: null,
      coverWithOrderDays: null,
      suggestedQty: null,
    });
  });

  it("covers days at the recent in-stock daily rate and suggests an order-up-to quantity", () => {
    // 70 units in a full week = 10 a day; 90 on hand = 9 days; target 10 × (7 + 7 + 3) = 170.
    const e = stockEstimate({ ...base, stock: 90, onOrder: 0, weeks: [{ units: 70, stockoutDays: 0 }] });
    expect(e.dailyUnits).toBe(10);
    expect(e.coverDays).toBe(9);
    expect(e.suggestedQty).toBe(80);
    // What is on its way counts against the suggestion.
    const withLot = stockEstimate({ ...base, stock: 90, onOrder: 60, weeks: [{ units: 70, stockoutDays: 0 }] });
    expect(withLot.coverWithOrderDays).toBe(15);
    expect(withLot.suggestedQty).toBe(50); // 20 short, raised to the minimum order
  });

  it("counts demand from the days in stock (a sold-out week undercounts sales), last three weeks", () => {
    const e = stockEstimate({
      ...base,
      stock: 0,
      onOrder: 0,
      weeks: [
        { units: 700, stockoutDays: 0 }, // older than three weeks: left out
        { units: 35, stockoutDays: 0 },
        { units: 35, stockoutDays: 0 },
        { units: 20, stockoutDays: 5 },
      ],
    });
    expect(e.dailyUnits).toBeCloseTo(90 / 16, 10);
    expect(e.coverDays).toBe(0);
    expect((e.suggestedQty ?? 0) % 10).toBe(0);
    expect(e.suggestedQty).toBeGreaterThanOrEqual(Math.ceil((90 / 16) * 17));
  });

  it("suggests nothing when stock covers the lead time, a week and the safety days", () => {
    expect(
      stockEstimate({ ...base, stock: 500, onOrder: 0, weeks: [{ units: 70, stockoutDays: 0 }] }).suggestedQty,
    ).toBe(0);
  });
});
