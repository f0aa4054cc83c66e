// How marketing-channel decisions join this week's pending list (src/store/merge.ts): several KOLs a
// week, one content plan per platform, one paid-search campaign.
import { describe, expect, it } from "vitest";
import type { Decision } from "../../src/engine";
import { mergePending, withdrawPending } from "../../src/store/merge";

const add = (list: Decision[], ...ds: Decision[]) => ds.reduce((acc, d) => mergePending(acc, d), list);

describe("merge: marketing channels", () => {
  it("books several KOLs for the same SKU and withdraws one by its id", () => {
    const p = add(
      [],
      { type: "hireKol", kol: "koc-amy", sku: "cup300" },
      { type: "hireKol", kol: "dorm-goods", sku: "cup300" },
      { type: "hireKol", kol: "koc-amy", sku: "cup500" },
    );
    expect(p).toEqual([
      { type: "hireKol", kol: "koc-amy", sku: "cup500" },
      { type: "hireKol", kol: "dorm-goods", sku: "cup300" },
    ]);
    expect(withdrawPending(p, "hireKol", undefined, "dorm-goods")).toEqual([
      { type: "hireKol", kol: "koc-amy", sku: "cup500" },
    ]);
  });
  it("keeps one content plan per platform", () => {
    const xhs: Decision = {
      type: "setContent",
      platform: "xiaohongshu",
      postsPerWeek: 2,
      format: "article",
      series: true,
    };
    const dy: Decision = { type: "setContent", platform: "douyin", postsPerWeek: 1, format: "video", series: false };
    const p = add([], xhs, dy, { ...xhs, postsPerWeek: 3 });
    expect(p).toEqual([{ ...xhs, postsPerWeek: 3 }, dy]);
    expect(withdrawPending(p, "setContent", undefined, "douyin")).toEqual([{ ...xhs, postsPerWeek: 3 }]);
  });
  it("one paid-search campaign even when its SKU changes", () => {
    const p = add(
      [],
      { type: "setSearchAds", sku: "cup300", dailyBudgetFen: 1000, bids: [] },
      { type: "setSearchAds", sku: "cup500", dailyBudgetFen: 2000, bids: [] },
    );
    expect(p).toEqual([{ type: "setSearchAds", sku: "cup500", dailyBudgetFen: 2000, bids: [] }]);
    expect(withdrawPending(p, "setSearchAds", "cup500")).toEqual([]);
  });
});
