// 搜索推广 (直通车) sub-section: the advertised SKU, a daily budget and a bid per auctioned keyword,
// each keyword with its volume and competition and the position / price per click the bid is
// expected to win (generalised second price, rank = bid × quality). P2.1a
import { bi, fixed, group, money, orders, percent, t } from "../../i18n";
import { C, FS } from "../theme";
import { addErrorLine } from "../widgets/error-line";
import { Stepper } from "../widgets/stepper";
import { addText, fitText } from "../widgets/text";
import { estimateSearchCampaign, stepBid } from "./channel-estimates";
import { DAILY_BUDGET_STEPS, lastWeekStrip, skuChooser } from "./channel-ui";
import type { PanelCtx } from "./panel-context";

const FIELD = "marketing.search";
const BID_STEP = 10;

export function buildSearchSub(ctx: PanelCtx, y: number): void {
  const { scene, root, w, scenario, draft } = ctx;
  const sa = scenario.market.searchAds;
  if (!sa) return;
  const camp = draft.marketing.search;
  type Bids = { keyword: string; bidFen: number }[];
  const propose = (patch: { sku?: string; dailyBudgetFen?: number; bids?: Bids }) =>
    ctx.propose(FIELD, {
      type: "setSearchAds",
      sku: patch.sku ?? camp.sku,
      dailyBudgetFen: patch.dailyBudgetFen ?? camp.dailyBudgetFen,
      bids: patch.bids ?? camp.bids.map((b) => ({ ...b })),
    });
  const help = addText(scene, 16, y, t("channels.search.help"), {
    size: FS.tiny,
    color: C.muted,
    width: w - 32,
    lineSpacing: 3,
  });
  root.add(help);
  y += help.height + 8;
  y += skuChooser(ctx, y, "marketing.search.sku", camp.sku, (v) => propose({ sku: v })) + 8;

  // Daily budget and what the bids are expected to buy with it.
  const est = estimateSearchCampaign(scenario, draft, camp);
  const bl = addText(scene, 16, y + 19, t("marketing.budget"), {
    size: FS.small,
    bold: true,
    color: C.muted,
    originY: 0.5,
  });
  root.add(bl);
  const bx = 16 + Math.max(72, bl.width + 12);
  new Stepper(scene, {
    id: "marketing.search.budget",
    x: bx,
    y,
    w: 360,
    h: 38,
    value: camp.dailyBudgetFen,
    ...DAILY_BUDGET_STEPS,
    focus: ctx.focus,
    parent: root,
    onChange: (v) => propose({ dailyBudgetFen: v }),
    onInvalid: (m) => ctx.fieldError(FIELD, m),
  });
  y += 44;
  const sumParts = [
    t("channels.search.total", {
      clicks: fixed(est.clicksPerDay, 0),
      cost: money(est.costPerDayFen),
      week: money(camp.dailyBudgetFen * 7),
    }),
  ];
  const limited = est.budgetLimited && camp.bids.length > 0;
  if (limited) sumParts.push(t("channels.search.limited"));
  const sum = addText(scene, 16, y, sumParts.join("  "), {
    size: FS.tiny,
    color: limited ? C.warn : C.text,
    width: w - 32,
    lineSpacing: 2,
  });
  root.add(sum);
  y += sum.height + 6;
  const err = addErrorLine(scene, root, 16, y, w - 32, ctx.errors.get(FIELD));
  if (err) y += err.height + 4;

  // Keyword table.
  const cols = { kw: 16, vol: 164, comp: 264, q: 372, bid: 424, est: 588 };
  const head = (x: number, key: string) =>
    root.add(addText(scene, x, y, t(key), { size: FS.tiny, bold: true, color: C.faint }));
  head(cols.kw, "channels.search.kw");
  head(cols.vol, "channels.search.volume");
  head(cols.comp, "channels.search.competition");
  head(cols.q, "channels.search.quality");
  head(cols.bid, "channels.search.bid");
  head(cols.est, "channels.search.expect");
  y += 20;
  const rowH = 44;
  const bidOf = (kw: string) => camp.bids.find((b) => b.keyword === kw)?.bidFen ?? 0;
  for (const spec of sa.keywords) {
    const kw = scenario.market.keywords.find((k) => k.id === spec.keyword);
    if (!kw) continue;
    const bid = bidOf(spec.keyword);
    const e = est.keywords.find((k) => k.keyword === spec.keyword) ?? estimateOne(ctx, camp.sku, spec.keyword);
    const bg = scene.add
      .rectangle(16, y, w - 32, rowH - 4, bid > 0 ? C.card : C.panelHi)
      .setOrigin(0, 0)
      .setRounded(6);
    root.add(bg);
    const mid = y + (rowH - 4) / 2;
    const name = addText(scene, cols.kw + 10, mid - 9, bi(kw.text), { size: FS.small, bold: true, originY: 0.5 });
    const tag = addText(
      scene,
      cols.kw + 10,
      mid + 10,
      t(e.inTitle ? "channels.search.inTitle" : "channels.search.notInTitle"),
      { size: FS.tiny, color: e.inTitle ? C.good : C.warn, originY: 0.5 },
    );
    const vol = addText(scene, cols.vol, mid, t("channels.search.volumeV", { n: group(Math.round(e.volume)) }), {
      size: FS.small,
      originY: 0.5,
    });
    const comp = addText(
      scene,
      cols.comp,
      mid,
      `${t("channels.search.rivals", { n: e.rivals })}\n${t("channels.search.topBid", { top: money(e.topBidFen) })}`,
      { size: FS.tiny, originY: 0.5, lineSpacing: 2 },
    );
    const q = addText(scene, cols.q, mid, fixed(e.quality, 2), {
      size: FS.small,
      bold: true,
      color: e.quality >= 0.9 ? C.good : e.quality >= 0.5 ? C.text : C.warn,
      originY: 0.5,
    });
    root.add([name, tag, vol, comp, q]);
    fitText(name, cols.vol - cols.kw - 18, 10);
    new Stepper(scene, {
      id: `marketing.search.bid.${spec.keyword}`,
      x: cols.bid,
      y: y + 3,
      w: 152,
      h: rowH - 10,
      value: bid,
      min: 0,
      max: 100_000,
      step: BID_STEP,
      snap: (v, dir) => stepBid(v - dir * BID_STEP, dir, BID_STEP, sa.minBidFen),
      format: (v) => (v > 0 ? money(v) : t("channels.search.off")),
      focus: ctx.focus,
      parent: root,
      onChange: (v) => {
        const others = camp.bids.filter((b) => b.keyword !== spec.keyword).map((b) => ({ ...b }));
        const bids = v > 0 ? [...others, { keyword: spec.keyword, bidFen: v }] : others;
        // Keep the scenario's keyword order so the pending list and the report read the same way.
        const order = sa.keywords.map((k) => k.keyword);
        bids.sort((a, b) => order.indexOf(a.keyword) - order.indexOf(b.keyword));
        propose({ bids });
      },
    });
    const estText =
      bid <= 0
        ? t("channels.search.minBid", { v: money(sa.minBidFen) })
        : e.position > 0
          ? `${t("channels.search.pos", { p: e.position, cpc: money(e.cpcFen) })}\n${t("channels.search.clicksDay", { n: fixed(e.clicksPerDay, 0) })}`
          : t("channels.search.posNone");
    const et = addText(scene, cols.est, mid, estText, {
      size: FS.tiny,
      color: bid > 0 && e.position === 0 ? C.warn : bid > 0 ? C.text : C.muted,
      originY: 0.5,
      lineSpacing: 2,
      width: w - 16 - cols.est - 6,
    });
    root.add(et);
    y += rowH;
  }
  y += 4;
  lastWeekStrip(ctx, y, searchResults(ctx));
}

function estimateOne(ctx: PanelCtx, sku: string, keyword: string) {
  const one = estimateSearchCampaign(ctx.scenario, ctx.draft, {
    sku,
    dailyBudgetFen: 1,
    bids: [{ keyword, bidFen: 0 }],
  });
  return one.keywords[0] as NonNullable<(typeof one.keywords)[0]>;
}

function searchResults(ctx: PanelCtx): string[] {
  const s = ctx.lastReport?.marketing?.search;
  if (!s || (s.spendFen <= 0 && s.carryVisitors <= 0)) return [];
  return [
    t("channels.spend", { v: money(s.spendFen) }),
    t("channels.clicks", { n: s.clicks }),
    t("channels.ctr", { v: percent(s.ctr, 2) }),
    t("channels.cpc", { v: money(s.cpcFen) }),
    orders(s.orders),
    t("channels.roi", { v: s.spendFen > 0 ? fixed(s.roas, 2) : "—" }),
  ];
}
