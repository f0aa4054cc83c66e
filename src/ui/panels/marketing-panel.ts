// 营销 Marketing panel: one sub-section per channel the scenario's market has, chosen by chips
// (信息流广告, 搜索推广, 达人种草, 自有内容, 社群). Each shows what a change costs before it is
// committed and last week's results of that channel (P2.1a–c, P2.2a–c).
import { bi, fixed, money, orders, percent, t } from "../../i18n";
import { C, FS } from "../theme";
import { addChoice } from "../widgets/choice";
import { Stepper } from "../widgets/stepper";
import { addText } from "../widgets/text";
import { channelReturn, currentMarketingSub, type MarketingSub, marketingSubs } from "./channel-estimates";
import { DAILY_BUDGET_STEPS, lastWeekStrip, listedSkus } from "./channel-ui";
import { buildCommunitySub, buildContentSub } from "./marketing-content";
import { buildKolSub } from "./marketing-kol";
import { buildSearchSub } from "./marketing-search";
import type { PanelCtx } from "./panel-context";
import { leverRow } from "./row";

export function buildMarketingPanel(ctx: PanelCtx): void {
  const { scene, root, w, scenario } = ctx;
  const subs = marketingSubs(scenario);
  const sub = currentMarketingSub(scenario, ctx.view.sub.marketing);
  let y = 12;
  if (subs.length > 1) {
    // Each chip carries last week's return of its channel (投入产出比, or orders when it cost nothing).
    const subText = (s: MarketingSub): string | undefined => {
      const r = channelReturn(ctx.lastReport, s);
      if (!r) return undefined;
      return r.roi !== null ? t("channels.roi", { v: fixed(r.roi, 2) }) : orders(r.orders);
    };
    const withSub = subs.some((s) => subText(s) !== undefined);
    const { height } = addChoice<MarketingSub>(scene, {
      id: "marketing.sub",
      x: 16,
      y,
      w: Math.min(w - 32, subs.length * 140),
      h: withSub ? 44 : 34,
      size: FS.small,
      options: subs.map((s) => ({ value: s, label: t(`channels.sub.${s}`), sub: subText(s) })),
      value: sub,
      focus: ctx.focus,
      parent: root,
      onChange: (v) => ctx.setView({ sub: { ...ctx.view.sub, marketing: v } }),
    });
    y += height + 10;
    const g = scene.add.graphics();
    g.lineStyle(1, C.line, 0.8);
    g.lineBetween(16, y - 4, w - 16, y - 4);
    root.add(g);
  }
  if (sub === "search") buildSearchSub(ctx, y);
  else if (sub === "kol") buildKolSub(ctx, y);
  else if (sub === "content") buildContentSub(ctx, y);
  else if (sub === "community") buildCommunitySub(ctx, y);
  else buildFeedSub(ctx, y);
}

/** Info-flow ads: daily budget, audience (broad or one segment) and the SKU advertised (P2.1a). */
function buildFeedSub(ctx: PanelCtx, y: number): void {
  const { scene, root, scenario, draft } = ctx;
  const ads = draft.ads;
  const set = (fieldId: string, patch: Partial<typeof ads>) =>
    ctx.propose(fieldId, { type: "setAds", ...ads, ...patch });
  y += 4;
  {
    const row = leverRow(ctx, y, "marketing.budget", t("marketing.budget"), t("marketing.help"), 0.42);
    new Stepper(scene, {
      id: "marketing.budget",
      x: row.cx,
      y: row.cy,
      w: row.cw,
      h: 42,
      value: ads.dailyBudgetFen,
      ...DAILY_BUDGET_STEPS,
      focus: ctx.focus,
      parent: root,
      onChange: (v) => set("marketing.budget", { dailyBudgetFen: v }),
      onInvalid: (m) => ctx.fieldError("marketing.budget", m),
    });
    const note = `${t("marketing.weekly", { cost: money(ads.dailyBudgetFen * 7) })}   ·   ${t("marketing.cpm", { cpm: money(scenario.market.adCpmFen) })}`;
    y = row.end(42, note);
  }
  {
    const row = leverRow(ctx, y, "marketing.target", t("marketing.target"), "", 0.2);
    const options = [
      { value: "broad", label: t("marketing.broad") },
      ...scenario.market.segments.map((s) => ({ value: s.id, label: bi(s.name) })),
    ];
    const { height } = addChoice<string>(scene, {
      id: "marketing.target",
      x: row.cx,
      y: row.cy,
      w: row.cw,
      h: 40,
      perRow: Math.min(4, options.length),
      size: FS.small,
      options,
      value: ads.target,
      focus: ctx.focus,
      parent: root,
      onChange: (v) => set("marketing.target", { target: v }),
    });
    y = row.end(height);
  }
  {
    const row = leverRow(ctx, y, "marketing.sku", t("marketing.sku"), "", 0.2);
    const options = listedSkus(ctx, ads.sku).map((s) => ({ value: s.id, label: s.label }));
    const { height } = addChoice<string>(scene, {
      id: "marketing.sku",
      x: row.cx,
      y: row.cy,
      w: row.cw,
      h: 40,
      perRow: Math.min(options.length > 3 ? 2 : 3, options.length),
      size: FS.small,
      options,
      value: ads.sku,
      focus: ctx.focus,
      parent: root,
      onChange: (v) => set("marketing.sku", { sku: v }),
    });
    y = row.end(height);
  }
  y += lastWeekStrip(ctx, y, feedResults(ctx)) + 8;
  if (scenario.market.feedAds) {
    const note = addText(scene, 16, y, t("channels.feed.learnNote"), {
      size: FS.tiny,
      color: C.muted,
      width: ctx.w - 32,
    });
    root.add(note);
  }
}

/** Last week's info-flow ad figures: the feed report where the market models it, else the KPIs. */
function feedResults(ctx: PanelCtx): string[] {
  const r = ctx.lastReport;
  if (!r) return [];
  const f = r.marketing?.feed;
  if (f) {
    if (f.spendFen <= 0) return [];
    return [
      t("channels.spend", { v: money(f.spendFen) }),
      t("channels.clicks", { n: f.clicks }),
      t("channels.ctr", { v: percent(f.ctr, 2) }),
      t("channels.cpc", { v: money(f.cpcFen) }),
      orders(f.orders),
      t("channels.roi", { v: fixed(f.roas, 2) }),
      t("channels.learning", { v: percent(f.learning, 0) }),
      t("channels.saturation", { v: percent(f.saturation, 0) }),
    ];
  }
  const spend = r.kpis.adSpendFen - (r.marketing?.search?.spendFen ?? 0);
  if (spend <= 0) return [];
  return [
    t("channels.spend", { v: money(spend) }),
    t("channels.clicks", { n: r.factors.adClicks }),
    t("channels.visitors", { n: r.traffic.ads }),
    t("channels.roi", { v: fixed(r.kpis.roas, 2) }),
  ];
}
