// Pure helpers of the promotion, service and team panels: estimate numbers with units, platform
// events ahead, promotion terms, and the pending-list lines of these decisions.
import { afterEach, describe, expect, it } from "vitest";
import { getScenario } from "../../src/content/scenarios";
import type { Decision, Scenario } from "../../src/engine";
import { setLang } from "../../src/i18n";
import {
  dayTrafficLabel,
  estimateTexts,
  eventLine,
  eventsAhead,
  promotionPendingLine,
  promotionTerms,
  serviceFieldLine,
  teamChangeLine,
  weekDayOf,
} from "../../src/ui/panels/ops-text";
import type { PanelCtx } from "../../src/ui/panels/panel-context";
import { describePending, pendingLines } from "../../src/ui/panels/pending-text";

const scenario = (id: string): Scenario => {
  const s = getScenario(id);
  if (!s) throw new Error(`no scenario ${id}`);
  return s;
};

/** Just what the pending-list helpers read. */
function ctxWith(sc: Scenario, pending: Decision[]): PanelCtx {
  return { scenario: sc, pending } as unknown as PanelCtx;
}

afterEach(() => setLang("zh-CN"));

describe("estimate texts", () => {
  it("carry units and signs in both languages", () => {
    const est = { extraOrders: 14.06, extraUnits: 15, costFen: 65_444, marginImpactFen: -2_492 };
    expect(estimateTexts(est)).toEqual({ orders: "多卖 +14.1 单", cost: "让利 ¥654.44", net: "毛利变化 -¥24.92" });
    setLang("en");
    expect(estimateTexts(est)).toEqual({ orders: "+14.1 orders", cost: "Given away ¥654.44", net: "Margin -¥24.92" });
    expect(estimateTexts({ extraOrders: 0.01, extraUnits: 0, costFen: 0, marginImpactFen: 1500 }).orders).toBe(
      "0.0 orders",
    );
    expect(estimateTexts({ extraOrders: 0, extraUnits: 0, costFen: 0, marginImpactFen: 1500 }).net).toBe(
      "Margin +¥15.00",
    );
  });
});

describe("platform events ahead", () => {
  it("lists 双11 with its week, day, traffic and pre-event lull", () => {
    const sc = scenario("double11");
    const ev = eventsAhead(sc, 0);
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({ startDay: 46, trafficMult: 14, lullFrom: 36, inDays: 45 });
    expect(weekDayOf(46)).toEqual({ week: 7, day: 4 });
    expect(eventLine(ev[0]!)).toBe(
      "双11：第 7 周第 4 天（45 天后），流量约 ×14 · 第 6 周第 1 天起买家观望，流量少 30%",
    );
    // On the day itself it runs; after it, nothing is ahead.
    expect(eventLine(eventsAhead(sc, 45)[0]!)).toBe("双11正在进行：流量约 ×14");
    expect(eventsAhead(sc, 46)).toEqual([]);
  });

  it("marks this week's event and lull days for the flash-sale day chips", () => {
    const sc = scenario("double11");
    expect(dayTrafficLabel(sc, 6, 4)).toBe("大促 ×14");
    expect(dayTrafficLabel(sc, 6, 3)).toBe("观望 ×0.7");
    expect(dayTrafficLabel(sc, 0, 3)).toBe("");
  });
});

describe("promotion terms and pending lines", () => {
  const sc = scenario("double11");
  it("describe each promotion with money and units", () => {
    expect(promotionTerms(sc, "fullReduction", { fullReduction: { thresholdFen: 19_900, discountFen: 2_000 } })).toBe(
      "满¥199.00减¥20.00",
    );
    expect(
      promotionTerms(sc, "coupon", {
        coupon: { faceFen: 1000, minSpendFen: 0, quantity: 500, audience: "new", claimed: 120, used: 30 },
      }),
    ).toBe("¥10.00无门槛券，新客，剩 380 张");
    expect(promotionTerms(sc, "gift", { gift: null })).toBeNull();
  });

  it("turn promotion decisions into one readable line each", () => {
    expect(
      promotionPendingLine(sc, { type: "setFlashSale", sku: "cup300", priceFen: 6990, qtyCap: 100, day: 4 }),
    ).toMatch(/^秒杀：.+ ¥69\.90，限 100 件，第 4 天$/);
    setLang("en");
    expect(
      promotionPendingLine(sc, { type: "setGroupBuy", sku: "cup500", groupPriceFen: 12_900, groupSize: 3 }),
    ).toMatch(/^Group buy: .+ at ¥129\.00, groups of 3$/);
    expect(describePending(ctxWith(sc, []), { type: "endPromotion", promotion: "coupon" })).toBe("End Coupons");
  });
});

describe("service and team pending lines", () => {
  const sc = scenario("service");
  it("give each service field its own line with its own undo id", () => {
    const pending: Decision[] = [{ type: "setService", shiftHours: 12, logistics: "express", scripts: true }];
    const lines = pendingLines(ctxWith(sc, pending));
    expect(lines.map((l) => [l.id, l.field, l.text])).toEqual([
      ["pending.undo.setService.shiftHours", "shiftHours", "客服：值班时长 12 小时/天"],
      ["pending.undo.setService.scripts", "scripts", "客服：快捷话术 开启"],
      ["pending.undo.setService.logistics", "logistics", "客服：快递公司 顺丰类特快"],
    ]);
    expect(serviceFieldLine("personalization", 2)).toBe("客服：个性化服务 贴心");
  });

  it("count hires of a role on one line", () => {
    const pending: Decision[] = [
      { type: "hire", role: "service" },
      { type: "hire", role: "analyst" },
      { type: "hire", role: "service" },
      { type: "actOnFeedback", topic: "slowReply" },
    ];
    const lines = pendingLines(ctxWith(sc, pending));
    expect(lines.map((l) => [l.id, l.text])).toEqual([
      ["pending.undo.hire.service", "招聘客服 ×2"],
      ["pending.undo.hire.analyst", "招聘数据分析师 ×1"],
      ["pending.undo.actOnFeedback.slowReply", "按评价改进：回复慢"],
    ]);
    setLang("en");
    expect(teamChangeLine("fire", "designer", 1)).toBe("Let go Designer ×1");
  });
});
