// How promotion, service and team decisions join this week's pending list (src/store/merge.ts).
import { describe, expect, it } from "vitest";
import type { Decision } from "../../src/engine";
import { mergePending, withdrawPending } from "../../src/store/merge";

const add = (list: Decision[], ...ds: Decision[]) => ds.reduce((acc, d) => mergePending(acc, d), list);

describe("merge: operations decisions", () => {
  it("merges setService field by field and withdraws one field", () => {
    const p = add([], { type: "setService", scripts: true }, { type: "setService", shiftHours: 12 });
    expect(p).toEqual([{ type: "setService", scripts: true, shiftHours: 12 }]);
    expect(withdrawPending(p, "setService", undefined, "scripts")).toEqual([{ type: "setService", shiftHours: 12 }]);
    expect(withdrawPending(p, "setService")).toEqual([]);
  });

  it("stacks hires per role; a fire cancels a pending hire of the same role", () => {
    let p = add(
      [],
      { type: "hire", role: "service" },
      { type: "hire", role: "designer" },
      { type: "hire", role: "service" },
    );
    expect(p).toHaveLength(3);
    p = add(p, { type: "fire", role: "service" });
    expect(p).toEqual([
      { type: "hire", role: "service" },
      { type: "hire", role: "designer" },
    ]);
    p = add(p, { type: "fire", role: "content" });
    expect(p).toHaveLength(3);
    expect(withdrawPending(p, "hire", undefined, "service")).toEqual([
      { type: "hire", role: "designer" },
      { type: "fire", role: "content" },
    ]);
  });

  it("keeps one flash sale and one group buy whatever the SKU", () => {
    const p = add(
      [],
      { type: "setFlashSale", sku: "a", priceFen: 100, qtyCap: 10, day: 1 },
      { type: "setFlashSale", sku: "b", priceFen: 200, qtyCap: 10, day: 2 },
    );
    expect(p).toEqual([{ type: "setFlashSale", sku: "b", priceFen: 200, qtyCap: 10, day: 2 }]);
    expect(withdrawPending(p, "setFlashSale", "b")).toEqual([]);
  });

  it("ends several promotions and fixes several topics in one week", () => {
    const p = add(
      [],
      { type: "endPromotion", promotion: "coupon" },
      { type: "endPromotion", promotion: "gift" },
      { type: "actOnFeedback", topic: "slowReply" },
      { type: "actOnFeedback", topic: "oversold" },
    );
    expect(p).toHaveLength(4);
    expect(withdrawPending(p, "endPromotion", undefined, "gift").map((d) => d.type)).toEqual([
      "endPromotion",
      "actOnFeedback",
      "actOnFeedback",
    ]);
    expect(withdrawPending(p, "actOnFeedback", undefined, "oversold")).toHaveLength(3);
  });
});
