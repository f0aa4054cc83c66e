// Pure helpers of the 营销 / 私域 panels and the 商品 lifecycle tab: which marketing sub-sections a
// scenario has, what a search bid buys, KOL roster facts, the private domain's outlook, the Bass
// curve drawn on the lifecycle tab, and the pending-list lines of these decisions.
import { afterEach, describe, expect, it } from "vitest";
import { getScenario } from "../../src/content/scenarios";
import { type Decision, newGame, type Scenario } from "../../src/engine";
import { setLang } from "../../src/i18n";
import {
  bassCurve,
  channelReturn,
  compactParts,
  contentLoad,
  currentMarketingSub,
  estimateKeyword,
  estimateSearchCampaign,
  kolFacts,
  marketingSubs,
  privateOutlook,
  stepBid,
} from "../../src/ui/panels/channel-estimates";
import { channelPendingLine } from "../../src/ui/panels/channel-pending";
import type { PanelCtx } from "../../src/ui/panels/panel-context";
import { pendingLines } from "../../src/ui/panels/pending-text";

const scenario = (id: string): Scenario => {
  const s = getScenario(id);
  if (!s) throw new Error(`no scenario ${id}`);
  return s;
};

afterEach(() => setLang("zh-CN"));

describe("marketing sub-sections", () => {
  it("only the channels the scenario's market has", () => {
    expect(marketingSubs(scenario("sandbox"))).toEqual(["feed", "search", "kol", "content", "community"]);
    expect(marketingSubs(scenario("kol"))).toEqual(["feed", "kol", "content"]);
    expect(marketingSubs(scenario("community"))).toEqual(["feed", "content", "community"]);
    expect(marketingSubs(scenario("launch"))).toEqual(["feed"]);
  });
  it("opens on the channel the scenario is about, keeps a valid choice", () => {
    expect(currentMarketingSub(scenario("kol"), undefined)).toBe("kol");
    expect(currentMarketingSub(scenario("community"), undefined)).toBe("content");
    expect(currentMarketingSub(scenario("feedads"), undefined)).toBe("feed");
    expect(currentMarketingSub(scenario("kol"), "community")).toBe("kol");
    expect(currentMarketingSub(scenario("sandbox"), "community")).toBe("community");
  });
});

describe("channel return for the chips", () => {
  it("GMV over spend per channel; orders only where nothing was spent; null when it did not run", () => {
    const report = {
      kpis: { adSpendFen: 30_000, roas: 2 },
      marketing: {
        search: { spendFen: 10_000, gmvFen: 25_000, orders: 3 },
        kols: [{ feeFen: 20_000, gmvFen: 10_000, orders: 1 }],
        kolCarry: { visitors: 10, orders: 1, gmvFen: 5_000 },
        content: [],
        community: { activity: "topics", costFen: 0, gmvFen: 9_900, orders: 1 },
      },
    } as unknown as Parameters<typeof channelReturn>[0];
    expect(channelReturn(report, "search")?.roi).toBeCloseTo(2.5);
    expect(channelReturn(report, "kol")).toEqual({ spendFen: 20_000, gmvFen: 15_000, orders: 2, roi: 0.75 });
    expect(channelReturn(report, "feed")?.spendFen).toBe(20_000); // simple ads: total ad spend less search
    expect(channelReturn(report, "content")).toBeNull();
    expect(channelReturn(report, "community")).toEqual({ spendFen: 0, gmvFen: 9_900, orders: 1, roi: null });
    expect(channelReturn(undefined, "kol")).toBeNull();
  });
});

describe("paid search estimate", () => {
  const sc = scenario("sandbox");
  const st = newGame(sc, "t-1");
  it("a higher bid wins a better slot; a bid under every rival is not shown", () => {
    const sku = st.skus[0]?.id ?? "";
    const low = estimateKeyword(sc, st, sku, "juicer-cup", 30);
    const high = estimateKeyword(sc, st, sku, "juicer-cup", 5000);
    expect(high.position).toBe(1);
    expect(high.cpcFen).toBeLessThanOrEqual(5000);
    expect(high.clicksPerDay).toBeGreaterThan(0);
    expect(low.position).toBe(0);
    expect(low.clicksPerDay).toBe(0);
    expect(high.rivals).toBe(8);
    expect(high.topBidFen).toBe(210);
    expect(high.volume).toBeCloseTo(9000);
  });
  it("a keyword missing from the title has a lower quality score and pays more per click", () => {
    const sku = st.skus[0]?.id ?? "";
    const inTitle = estimateKeyword(sc, st, sku, "juicer-cup", 400);
    const off = estimateKeyword(sc, st, sku, "dorm-cup", 400);
    expect(inTitle.inTitle).toBe(true);
    expect(off.inTitle).toBe(false);
    expect(off.quality).toBeLessThan(inTitle.quality);
  });
  it("the daily budget paces the campaign", () => {
    const sku = st.skus[0]?.id ?? "";
    const bids = [{ keyword: "juicer-cup", bidFen: 5000 }];
    const rich = estimateSearchCampaign(sc, st, { sku, dailyBudgetFen: 10_000_000, bids });
    const poor = estimateSearchCampaign(sc, st, { sku, dailyBudgetFen: 1000, bids });
    expect(rich.budgetLimited).toBe(false);
    expect(poor.budgetLimited).toBe(true);
    expect(poor.costPerDayFen).toBeCloseTo(1000);
    expect(poor.clicksPerDay).toBeLessThan(rich.clicksPerDay);
  });
  it("bid steps: off below the reserve, + from off jumps to the reserve", () => {
    expect(stepBid(0, 1, 10, 30)).toBe(30);
    expect(stepBid(30, 1, 10, 30)).toBe(40);
    expect(stepBid(40, -1, 10, 30)).toBe(30);
    expect(stepBid(30, -1, 10, 30)).toBe(0);
  });
});

describe("KOL roster facts", () => {
  const kols = scenario("sandbox").market.kols ?? [];
  const k = (id: string) => {
    const x = kols.find((q) => q.id === id);
    if (!x) throw new Error(id);
    return kolFacts(x);
  };
  it("an inflated account shows engagement far under its tier's and an audience mostly outside the market", () => {
    const mega = k("mega-star");
    expect(mega.tier).toBe("mega");
    expect(mega.typicalEngagement).toBeGreaterThan(0.009 * 3);
    expect(mega.inMarket).toBeCloseTo(0.27);
    const koc = k("koc-amy");
    expect(koc.tier).toBe("nano");
    expect(koc.inMarket).toBeCloseTo(0.8);
  });
});

describe("content load", () => {
  it("hours and cash of the whole plan, community included", () => {
    const sc = scenario("sandbox");
    const st = newGame(sc, "t-1");
    const xhs = st.marketing.content.xiaohongshu;
    if (!xhs) throw new Error("no xhs");
    xhs.postsPerWeek = 2; // article: 3 h and ¥50 each
    st.marketing.community.activity = "stories"; // 4 h, ¥50
    const load = contentLoad(sc, st);
    expect(load.hours).toBe(10);
    expect(load.costFen).toBe(15_000);
    expect(load.capacity).toBeGreaterThanOrEqual(20);
  });
});

describe("private-domain outlook", () => {
  const st = newGame(scenario("sandbox"), "t-1");
  st.customers.memberOnce = 800;
  st.customers.memberRepeat = 200;
  it("no card, nobody joins; a coupon adds to the card's pull", () => {
    expect(privateOutlook(st, { insertCard: false, inviteCouponFen: 0, pushesPerWeek: 0 }).joinShare).toBe(0);
    const card = privateOutlook(st, { insertCard: true, inviteCouponFen: 0, pushesPerWeek: 0 }).joinShare;
    const coupon = privateOutlook(st, { insertCard: true, inviteCouponFen: 1000, pushesPerWeek: 0 }).joinShare;
    expect(card).toBeGreaterThan(0);
    expect(coupon).toBeGreaterThan(card);
  });
  it("over-pushing: response per push falls and unsubscribes climb steeply", () => {
    const two = privateOutlook(st, { insertCard: true, inviteCouponFen: 0, pushesPerWeek: 2 });
    const seven = privateOutlook(st, { insertCard: true, inviteCouponFen: 0, pushesPerWeek: 7 });
    expect(two.members).toBe(1000);
    expect(seven.pushResponse).toBeLessThan(two.pushResponse);
    expect(seven.unsubscribeShare).toBeGreaterThan(4 * two.unsubscribeShare);
    expect(seven.unsubscribers).toBe(Math.round(1000 * seven.unsubscribeShare));
    expect(privateOutlook(st, { insertCard: true, inviteCouponFen: 0, pushesPerWeek: 0 }).unsubscribers).toBe(0);
  });
});

describe("lifecycle curve", () => {
  it("rises to the peak (1) and falls; 'now' sits where the adopted share is", () => {
    const p = 0.03 / 52;
    const q = 0.38 / 52;
    const young = bassCurve(p, q, 0.02);
    const old = bassCurve(p, q, 0.8);
    expect(Math.max(...young.points)).toBeCloseTo(1, 1);
    expect(young.points[0]).toBeLessThan(0.3); // p / peak: innovators only
    expect(young.points.at(-1)).toBeLessThan(0.3);
    expect(young.at).toBeLessThan(old.at);
    const peakAt = young.points.indexOf(Math.max(...young.points));
    expect(old.at).toBeGreaterThan(peakAt);
  });
});

describe("compact counts", () => {
  it("万 in Chinese, k / M in English", () => {
    expect(compactParts(68_000, "zh-CN")).toEqual({ unit: "wan", value: 6.8 });
    expect(compactParts(6_500, "zh-CN")).toBeNull();
    expect(compactParts(68_000, "en")).toEqual({ unit: "k", value: 68 });
    expect(compactParts(3_800_000, "en")).toEqual({ unit: "m", value: 3.8 });
  });
});

describe("pending lines", () => {
  const sc = scenario("sandbox");
  it("read in the course's terms, with units, in both languages", () => {
    const d: Decision[] = [
      { type: "setSearchAds", sku: "cup300", dailyBudgetFen: 20_000, bids: [{ keyword: "juicer-cup", bidFen: 200 }] },
      { type: "hireKol", kol: "koc-amy", sku: "cup300" },
      { type: "setContent", platform: "xiaohongshu", postsPerWeek: 2, format: "article", series: true },
      { type: "setCommunity", activity: "events" },
      { type: "setPrivateDomain", insertCard: true, inviteCouponFen: 1000, pushesPerWeek: 2, memberOfferPct: 5 },
      { type: "clearance", sku: "cup500", priceFen: 10_900 },
      { type: "upgrade", sku: "cup500" },
      { type: "delist", sku: "cup300-color" },
      { type: "launch", sku: "cup-air" },
    ];
    const zh = d.map((x) => channelPendingLine(sc, x as Parameters<typeof channelPendingLine>[1]));
    expect(zh).toEqual([
      "搜索推广：¥200.00/天，1 个关键词",
      "达人：小A的好物分享（¥200.00）",
      "小红书：2 篇/周，图文，系列",
      "社群：线上线下活动",
      "私域：包裹卡开启，入群券 ¥10.00，推送 2 次/周，会员价 5% 折扣",
      "大容量榨汁杯 500ml Pro：清仓价 ¥109.00",
      "大容量榨汁杯 500ml Pro：升级换代",
      "便携榨汁杯 300ml 马卡龙色：下架",
      "无线榨汁杯 Air 350ml：上新",
    ]);
    setLang("en");
    expect(channelPendingLine(sc, d[2] as Parameters<typeof channelPendingLine>[1])).toBe(
      "Xiaohongshu: 2 a week, Article, Series",
    );
  });
  it("one line per KOL and per platform, each withdrawn by its id", () => {
    const ctx = {
      scenario: sc,
      pending: [
        { type: "hireKol", kol: "koc-amy", sku: "cup300" },
        { type: "hireKol", kol: "dorm-goods", sku: "cup300" },
        { type: "setContent", platform: "douyin", postsPerWeek: 1, format: "video", series: false },
      ],
    } as unknown as PanelCtx;
    const lines = pendingLines(ctx);
    expect(lines.map((l) => [l.id, l.field])).toEqual([
      ["pending.undo.hireKol.koc-amy", "koc-amy"],
      ["pending.undo.hireKol.dorm-goods", "dorm-goods"],
      ["pending.undo.setContent.douyin", "douyin"],
    ]);
  });
});
