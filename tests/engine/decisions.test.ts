// Every rejection reason: the i18n key, its parameters, and an English message naming the thing.
import { describe, expect, it } from "vitest";
import {
  checkDecision,
  type GameState,
  newGame,
  reorderCostFen,
  type Scenario,
  step,
  validateTurn,
} from "../../src/engine";
import { launch, withScenario } from "./helpers";

const SC = launch();
const fresh = (sc: Scenario = SC, seed = "decisions"): GameState => newGame(sc, seed);

function rejects(raw: unknown, key: string, message: RegExp, opts: { sc?: Scenario; state?: GameState } = {}) {
  const sc = opts.sc ?? SC;
  const e = checkDecision(sc, opts.state ?? fresh(sc), raw);
  expect(e, `expected ${key}`).not.toBeNull();
  expect(e?.key).toBe(key);
  expect(e?.message).toMatch(message);
  // The same reason reaches the caller of step, located by index.
  const out = step(sc, opts.state ?? fresh(sc), [raw]);
  expect(out.ok).toBe(false);
  if (!out.ok) {
    expect(out.errors[0]?.index).toBe(0);
    expect(out.errors[0]?.error.key).toBe(key);
  }
  return e;
}

describe("decision rejections", () => {
  it("accepts a plain valid decision (control)", () => {
    expect(checkDecision(SC, fresh(), { type: "setPrice", sku: "cup300", priceFen: 8900 })).toBeNull();
  });

  it("locked lever: ads in a scenario without marketing", () => {
    const noMarketing = withScenario(SC, (s) => {
      s.levers = s.levers.filter((l) => l !== "marketing");
    });
    const e = rejects(
      { type: "setAds", dailyBudgetFen: 1000, target: "broad", sku: "cup300" },
      "err.locked",
      /marketing lever is locked/,
      {
        sc: noMarketing,
      },
    );
    expect(e?.params).toEqual({ lever: "marketing" });
    // Other levers stay open.
    expect(
      checkDecision(noMarketing, fresh(noMarketing), { type: "setPrice", sku: "cup300", priceFen: 8900 }),
    ).toBeNull();
  });

  it("unknown SKU", () => {
    const e = rejects({ type: "setPrice", sku: "cup999", priceFen: 8900 }, "err.unknownSku", /unknown SKU "cup999"/);
    expect(e?.params).toEqual({ sku: "cup999" });
  });

  it("unknown keyword", () => {
    const e = rejects(
      { type: "setTitle", sku: "cup300", keywords: ["juicer-cup", "magic"] },
      "err.unknownKeyword",
      /unknown keyword "magic"/,
    );
    expect(e?.params).toEqual({ keyword: "magic" });
  });

  it("duplicate keyword", () => {
    const e = rejects(
      { type: "setTitle", sku: "cup300", keywords: ["juicer-cup", "new", "juicer-cup"] },
      "err.duplicateKeyword",
      /keyword "juicer-cup" appears twice/,
    );
    expect(e?.params).toEqual({ keyword: "juicer-cup" });
  });

  it("title too long (31 characters > 30)", () => {
    // 3 + 5 + 5 + 7 + 3 + 5 + 3 = 31 characters.
    const keywords = [
      "juicer-cup",
      "portable-juicer",
      "wireless-cup",
      "mini-home",
      "juice-cup",
      "dorm-cup",
      "big-capacity",
    ];
    const e = rejects(
      { type: "setTitle", sku: "cup300", keywords },
      "err.titleTooLong",
      /title is 31 characters; the platform allows 30/,
    );
    expect(e?.params).toEqual({ chars: 31, max: 30 });
    // 30 exactly is fine.
    expect(
      checkDecision(SC, fresh(), { type: "setTitle", sku: "cup300", keywords: keywords.slice(0, 6).concat("new") }),
    ).toBeNull();
  });

  it("duplicate section", () => {
    const e = rejects(
      { type: "setDetail", sku: "cup300", sections: ["painPoint", "video", "painPoint"] },
      "err.duplicateSection",
      /section "painPoint" appears twice/,
    );
    expect(e?.params).toEqual({ section: "painPoint" });
  });

  it("not enough designer hours (mobile 1 → 3 and speed 0 → 3 need 24 + 30 > 40)", () => {
    const e = rejects(
      { type: "setStore", mobileLevel: 3, speedLevel: 3 },
      "err.hours",
      /needs 54 designer hours; 40 are left this week/,
    );
    expect(e?.params).toEqual({ need: 54, left: 40 });
  });

  it("not enough cash for a reorder", () => {
    const qty = 1000;
    const cost = reorderCostFen(SC, "cup500", qty);
    expect(cost).toBeGreaterThan(SC.start.cashFen);
    const e = rejects(
      { type: "reorder", sku: "cup500", qty },
      "err.cash",
      /the order costs ¥64000\.00 but the shop has ¥30000\.00/,
    );
    expect(e?.params).toEqual({ needFen: cost, haveFen: SC.start.cashFen });
  });

  it("ads budget over cash (a week of the budget must be affordable)", () => {
    const daily = Math.floor(SC.start.cashFen / 7) + 1;
    const e = rejects(
      { type: "setAds", dailyBudgetFen: daily, target: "broad", sku: "cup300" },
      "err.adsCash",
      /a week of this budget costs ¥30000\.04 but the shop has ¥30000\.00/,
    );
    expect(e?.params).toEqual({ needFen: daily * 7, haveFen: SC.start.cashFen });
    expect(
      checkDecision(SC, fresh(), { type: "setAds", dailyBudgetFen: daily - 1, target: "broad", sku: "cup300" }),
    ).toBeNull();
  });

  it("below the supplier's minimum order", () => {
    const e = rejects({ type: "reorder", sku: "cup300", qty: 49 }, "err.minOrder", /minimum order is 50 units/);
    expect(e?.params).toEqual({ min: 50, qty: 49 });
  });

  it("unknown ad target", () => {
    const e = rejects(
      { type: "setAds", dailyBudgetFen: 1000, target: "retirees", sku: "cup300" },
      "err.unknownTarget",
      /unknown ad target "retirees"/,
    );
    expect(e?.params).toEqual({ target: "retirees" });
  });

  it("malformed shapes name the path and reason", () => {
    rejects({ type: "setPrice", sku: "cup300", priceFen: -5 }, "err.shape", /malformed decision at priceFen/);
    rejects({ type: "setPrice", sku: "cup300", priceFen: 89.5 }, "err.shape", /malformed decision at priceFen/);
    rejects({ type: "setAds", dailyBudgetFen: -1, target: "broad", sku: "cup300" }, "err.shape", /at dailyBudgetFen/);
    rejects({ type: "reorder", sku: "cup300", qty: 1e9 }, "err.shape", /at qty/);
    rejects({ type: "teleport", sku: "cup300" }, "err.shape", /malformed decision at type/);
    rejects({ type: "setImage", sku: "cup300", style: "white", colour: "red" }, "err.shape", /malformed decision/);
    rejects("setPrice", "err.shape", /malformed decision/);
  });

  it("game over after the last week", () => {
    let state = fresh();
    for (let w = 0; w < SC.weeks; w++) {
      const out = step(SC, state, []);
      if (!out.ok) throw new Error(`week ${w + 1} rejected`);
      state = out.state;
    }
    expect(state.status).toBe("finished");
    const e = rejects(
      { type: "setPrice", sku: "cup300", priceFen: 8900 },
      "err.gameOver",
      /the game is over \(finished\)/,
      { state },
    );
    expect(e?.params).toEqual({ status: "finished" });
    // Not even an empty turn is played after the end: no ninth week, no ninth salary.
    const extra = step(SC, state, []);
    expect(extra.ok).toBe(false);
    if (!extra.ok) expect(extra.errors[0]?.error.key).toBe("err.gameOver");
  });
});

describe("validateTurn", () => {
  it("applies decisions in order: two reorders cannot together exceed cash", () => {
    // 350 × ¥39 = ¥13,650 each; together ¥27,300 of ¥30,000 is fine, a third is not.
    const order = { type: "reorder", sku: "cup300", qty: 350 };
    const each = reorderCostFen(SC, "cup300", 350);
    expect(each).toBe(1_365_000);
    expect(each * 2).toBeLessThanOrEqual(SC.start.cashFen);
    expect(each * 3).toBeGreaterThan(SC.start.cashFen);
    const two = validateTurn(SC, fresh(), [order, order]);
    expect(two.ok).toBe(true);
    if (two.ok) expect(two.draft.cashFen).toBe(SC.start.cashFen - 2 * each);
    const three = validateTurn(SC, fresh(), [order, order, order]);
    expect(three.ok).toBe(false);
    if (!three.ok) {
      expect(three.errors).toHaveLength(1);
      expect(three.errors[0]?.index).toBe(2);
      expect(three.errors[0]?.error.key).toBe("err.cash");
    }
    // Each alone is affordable: it is the order within the turn that matters.
    expect(checkDecision(SC, fresh(), order)).toBeNull();
  });

  it("a large reorder then ads whose week no longer fits the remaining cash", () => {
    const turn = [
      { type: "reorder", sku: "cup300", qty: 700 },
      { type: "setAds", dailyBudgetFen: 100_000, target: "broad", sku: "cup300" },
    ];
    const r = validateTurn(SC, fresh(), turn);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => [e.index, e.error.key])).toEqual([[1, "err.adsCash"]]);
    // In the other order both fit: the ads decision only reserves a week of budget, it does not pay yet.
    expect(validateTurn(SC, fresh(), [...turn].reverse()).ok).toBe(true);
  });

  it("designer hours are shared across a turn's decisions", () => {
    const r = validateTurn(SC, fresh(), [
      { type: "setStore", mobileLevel: 3 }, // 24 h
      { type: "setImage", sku: "cup300", style: "differentiated" }, // 6 h
      { type: "setStore", speedLevel: 1 }, // 10 h → 40 h used
      { type: "setImage", sku: "cup500", style: "scene" }, // 6 h more: too many
    ]);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]?.index).toBe(3);
      expect(r.errors[0]?.error.message).toMatch(/needs 6 designer hours; 0 are left/);
    }
  });

  it("leaves the input state untouched and returns the applied draft", () => {
    const state = fresh();
    const before = JSON.stringify(state);
    const r = validateTurn(SC, state, [{ type: "setPrice", sku: "cup300", priceFen: 8900 }]);
    expect(JSON.stringify(state)).toBe(before);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.draft.skus[0]?.priceFen).toBe(8900);
  });
});
