// Every rejection reason: the i18n key, its parameters, and an English message naming the thing.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getScenario } from "../../src/content/scenarios";
import {
  checkDecision,
  type DecisionType,
  type GameState,
  LEVER_OF,
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

// Issue 3, item 7: every decision type is in the published run-file JSON Schema and is validated with clear
// errors. One valid example per type, accepted on the sandbox (every lever open); the same example with a
// stray field, with a wrong-typed field, and with its lever locked is refused with a key, the path and a reason.
describe("every decision type: schema and clear errors", () => {
  const SB = getScenario("sandbox") as Scenario;
  const minOrder = SB.skus.find((k) => k.id === "cup300")?.supplier.minOrder ?? 1;
  /** A valid example of each type, and decisions it needs before it in the same turn. */
  const EXAMPLES: Record<DecisionType, { d: Record<string, unknown>; before?: Record<string, unknown>[] }> = {
    setStore: { d: { type: "setStore", categoryDepth: 2 } },
    setTitle: { d: { type: "setTitle", sku: "cup300", keywords: ["juicer-cup", "new"] } },
    setImage: { d: { type: "setImage", sku: "cup300", style: "scene" } },
    setDetail: { d: { type: "setDetail", sku: "cup300", sections: ["painPoint", "solution"] } },
    setPrice: { d: { type: "setPrice", sku: "cup300", priceFen: 8900 } },
    reorder: { d: { type: "reorder", sku: "cup300", qty: minOrder } },
    setAds: { d: { type: "setAds", sku: "cup300", dailyBudgetFen: 1000, target: "broad" } },
    setSearchAds: {
      d: { type: "setSearchAds", sku: "cup300", dailyBudgetFen: 10_000, bids: [{ keyword: "dorm-cup", bidFen: 100 }] },
    },
    hireKol: { d: { type: "hireKol", kol: "koc-amy", sku: "cup300" } },
    setContent: { d: { type: "setContent", platform: "douyin", format: "video", series: true, postsPerWeek: 1 } },
    setCommunity: { d: { type: "setCommunity", activity: "topics" } },
    setFullReduction: { d: { type: "setFullReduction", thresholdFen: 10_000, discountFen: 800 } },
    setCoupon: { d: { type: "setCoupon", faceFen: 1_000, minSpendFen: 0, quantity: 100, audience: "public" } },
    setFlashSale: { d: { type: "setFlashSale", sku: "cup300", priceFen: 6_900, qtyCap: 100, day: 3 } },
    setGroupBuy: { d: { type: "setGroupBuy", sku: "cup300", groupPriceFen: 7_900, groupSize: 2 } },
    setGift: { d: { type: "setGift", minSpendFen: 10_000, giftCostFen: 500 } },
    endPromotion: {
      d: { type: "endPromotion", promotion: "gift" },
      before: [{ type: "setGift", minSpendFen: 10_000, giftCostFen: 500 }],
    },
    setPrivateDomain: {
      d: { type: "setPrivateDomain", insertCard: true, inviteCouponFen: 1_000, pushesPerWeek: 2, memberOfferPct: 10 },
    },
    clearance: { d: { type: "clearance", sku: "cup500", priceFen: 9_900 } },
    upgrade: { d: { type: "upgrade", sku: "cup500" } },
    delist: { d: { type: "delist", sku: "cup300-color" } },
    launch: { d: { type: "launch", sku: "cup-air" } },
    setService: { d: { type: "setService", scripts: true } },
    hire: { d: { type: "hire", role: "service" } },
    fire: { d: { type: "fire", role: "service" } },
    actOnFeedback: { d: { type: "actOnFeedback", topic: "quality" }, before: [{ type: "hire", role: "analyst" }] },
  };
  const TYPES = Object.keys(LEVER_OF) as DecisionType[];
  const schemaText = readFileSync("docs/run-file.schema.json", "utf8");

  it("the examples cover every decision type the engine knows (26)", () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...TYPES].sort());
    expect(TYPES.length).toBe(26);
  });

  it.each(TYPES)("%s: in the run-file schema; valid example accepted on the sandbox", (type) => {
    expect(schemaText).toContain(`"const": "${type}"`);
    const { d, before = [] } = EXAMPLES[type];
    const v = validateTurn(SB, newGame(SB, "every-type"), [...before, d]);
    expect(v.ok ? [] : v.errors).toEqual([]);
    const out = step(SB, newGame(SB, "every-type"), [...before, d]);
    expect(out.ok).toBe(true);
  });

  it.each(TYPES)(
    "%s: a stray field, a wrong-typed field and a locked lever are refused with key, path and reason",
    (type) => {
      const { d, before = [] } = EXAMPLES[type];
      const st = newGame(SB, "every-type");
      const at = before.length;
      const refused = (raw: unknown, sc: Scenario = SB) => {
        const v = validateTurn(sc, st, [...before, raw]);
        const e = v.ok ? undefined : v.errors.find((x) => x.index === at)?.error;
        expect(e, JSON.stringify(raw)).toBeDefined();
        expect(e?.message.length).toBeGreaterThan(10);
        return e;
      };
      const stray = refused({ ...d, colour: "red" });
      expect(stray?.key).toBe("err.shape");
      expect(stray?.message).toMatch(/malformed decision/);
      // Every field but the type, given a value of the wrong kind: the message names that field.
      for (const field of Object.keys(d).filter((k) => k !== "type")) {
        const bad = refused({ ...d, [field]: { wrong: true } });
        expect(bad?.key).toBe("err.shape");
        expect(bad?.message).toContain(field);
      }
      const locked = withScenario(SB, (s) => {
        s.levers = s.levers.filter((l) => l !== LEVER_OF[type]);
      });
      const e = checkDecision(locked, st, d);
      expect(e?.key).toBe("err.locked");
      expect(e?.params).toEqual({ lever: LEVER_OF[type] });
    },
  );
});
