// The week report's topic tabs (营销渠道, 促销, 客服与订单, 会员与复购, 商品周期): tables and key
// figures built from the engine's domain reports, so the trainee sees each mechanism act. Pure
// (no Phaser): the scene draws whatever this returns, and tests read it directly.
import type { Scenario, WeekReport } from "../engine";
import { bi, days, fixed, group, money, orders, people, percent, t, times } from "../i18n";

export const REPORT_TABS = [
  "overview",
  "details",
  "channels",
  "promotions",
  "service",
  "customers",
  "products",
] as const;
export type ReportTab = (typeof REPORT_TABS)[number];

/** A table: header cells and rows of already formatted cells (first column left, others right). */
export interface ReportTable {
  title: string;
  columns: string[];
  rows: string[][];
  /** One line under the table: what to read from it (a lesson, not decoration). */
  note?: string;
  /** Relative width when cards share a row. */
  weight?: number;
  /** Share of the width for the first (name) column; default 0.34 (0.5 for item → value lists). */
  firstShare?: number;
}

/** The tabs this report has data for, in order: overview and details always. */
export function reportTabs(sc: Scenario, r: WeekReport): ReportTab[] {
  const tabs: ReportTab[] = ["overview", "details"];
  if (r.marketing) tabs.push("channels");
  // Competitors' prices matter wherever the trainee sets prices; promotions where they run them.
  if (r.commerce && (sc.levers.includes("promotion") || sc.levers.includes("pricing"))) tabs.push("promotions");
  if (r.ops?.active) tabs.push("service");
  if (r.customers) tabs.push("customers");
  const l = r.lifecycle;
  // Every scenario reports SKUs' lifecycle; the tab appears where a product market actually moves.
  if (l && (l.overlaps.length > 0 || l.skus.some((s) => s.demandMult !== 1 || !s.listed || s.delisted)))
    tabs.push("products");
  return tabs;
}

/** The tables of one topic tab (empty for overview and details, which the scene draws itself). */
export function reportTables(tab: ReportTab, sc: Scenario, r: WeekReport): ReportTable[] {
  switch (tab) {
    case "channels":
      return channelTables(sc, r);
    case "promotions":
      return promotionTables(sc, r);
    case "service":
      return serviceTables(r);
    case "customers":
      return customerTables(r);
    case "products":
      return productTables(sc, r);
    default:
      return [];
  }
}

const skuName = (sc: Scenario, id: string) => {
  const s = sc.skus.find((k) => k.id === id);
  return s ? bi(s.name) : id;
};
const roi = (gmv: number, spend: number) => (spend > 0 ? times(gmv / spend) : "—");

// ---------- 营销渠道: one ROI table for every paid and owned channel (P2.1a–c, P2.2a–c) ----------

interface ChannelRow {
  name: string;
  spendFen: number;
  visitors: number;
  /** −1 where the model does not attribute orders (or GMV) to the channel: shown as —. */
  orders: number;
  gmvFen: number;
}

export function channelRows(r: WeekReport, sc?: Scenario): ChannelRow[] {
  const m = r.marketing;
  const rows: ChannelRow[] = [];
  if (m?.feed && (m.feed.spendFen > 0 || m.feed.clicks > 0)) {
    const f = m.feed;
    rows.push({ name: t("rep.ch.feed"), spendFen: f.spendFen, visitors: f.clicks, orders: f.orders, gmvFen: f.gmvFen });
  } else if (r.kpis.adSpendFen > 0) {
    // Scenarios without the feed-ad model run the launch slice's simple feed ads: spend, clicks and
    // attributed GMV are known, attributed orders are not.
    rows.push({
      name: t("rep.ch.feed"),
      spendFen: r.kpis.adSpendFen,
      visitors: r.traffic.ads ?? 0,
      orders: -1,
      gmvFen: Math.round(r.kpis.roas * r.kpis.adSpendFen),
    });
  }
  if (m?.search && (m.search.spendFen > 0 || m.search.carryVisitors > 0)) {
    const s = m.search;
    rows.push({
      name: t("rep.ch.search"),
      spendFen: s.spendFen,
      visitors: s.clicks + s.carryVisitors,
      orders: s.orders,
      gmvFen: s.gmvFen,
    });
  }
  for (const k of m?.kols ?? []) {
    const spec = sc?.market.kols?.find((x) => x.id === k.kol);
    rows.push({
      name: t("rep.ch.kol", { name: spec ? bi(spec.name) : k.kol }),
      spendFen: k.feeFen,
      visitors: k.visitors,
      orders: k.orders,
      gmvFen: k.gmvFen,
    });
  }
  if (m && m.kolCarry.visitors > 0) {
    rows.push({
      name: t("rep.ch.kolCarry"),
      spendFen: 0,
      visitors: m.kolCarry.visitors,
      orders: m.kolCarry.orders,
      gmvFen: m.kolCarry.gmvFen,
    });
  }
  for (const c of m?.content ?? []) {
    if (c.posts === 0 && c.visitors === 0) continue;
    rows.push({
      name: t("rep.ch.content", { platform: t(`rep.platform.${c.platform}`) }),
      spendFen: c.costFen,
      visitors: c.visitors,
      orders: c.orders,
      gmvFen: c.gmvFen,
    });
  }
  if (m?.community && (m.community.activity !== "none" || m.community.visitors > 0)) {
    const c = m.community;
    rows.push({
      name: t("rep.ch.community"),
      spendFen: c.costFen,
      visitors: c.visitors,
      orders: c.orders,
      gmvFen: c.gmvFen,
    });
  }
  const cu = r.customers;
  if (cu && (cu.memberVisits > 0 || cu.pushes > 0)) {
    rows.push({
      name: t("rep.ch.private"),
      spendFen: cu.couponCostFen + cu.offerCostFen,
      visitors: cu.memberVisits,
      orders: cu.memberOrders,
      gmvFen: -1, // the customer model does not split members' GMV out; shown as —
    });
  }
  return rows;
}

function channelTables(sc: Scenario, r: WeekReport): ReportTable[] {
  const rows = channelRows(r, sc);
  const out: ReportTable[] = [
    {
      title: t("rep.channels.title"),
      columns: [
        t("rep.col.channel"),
        t("rep.col.spend"),
        t("rep.col.visitors"),
        t("rep.col.orders"),
        t("rep.col.gmv"),
        t("rep.col.roi"),
      ],
      rows: rows.map((c) => [
        c.name,
        money(c.spendFen),
        people(c.visitors),
        c.orders >= 0 ? orders(c.orders) : "—",
        c.gmvFen >= 0 ? money(c.gmvFen) : "—",
        c.gmvFen >= 0 ? roi(c.gmvFen, c.spendFen) : "—",
      ]),
      note: t("rep.channels.note"),
      weight: 3,
    },
  ];
  const m = r.marketing;
  if (m && m.kols.length > 0) {
    out.push({
      title: t("rep.kols.title"),
      columns: [t("rep.col.kol"), t("rep.col.followers"), t("rep.col.claimed"), t("rep.col.real")],
      rows: m.kols.map((k) => {
        const spec = sc.market.kols?.find((x) => x.id === k.kol);
        return [
          spec ? bi(spec.name) : k.kol,
          group(k.followers),
          percent(k.claimedEngagement, 1),
          `${percent(k.interactionRate, 2)}${k.interactionRate < k.claimedEngagement * 0.4 ? " ⚠" : ""}`,
        ];
      }),
      note: t("rep.kols.note"),
      weight: 2,
    });
  }
  const content = (m?.content ?? []).filter((c) => c.posts > 0 || c.followers > 0);
  if (content.length > 0) {
    out.push({
      title: t("rep.content.title"),
      columns: [
        t("rep.col.platform"),
        t("rep.col.posts"),
        t("rep.col.reads"),
        t("rep.col.interaction"),
        t("rep.col.fans"),
      ],
      rows: content.map((c) => [
        `${t(`rep.platform.${c.platform}`)}${c.series ? ` · ${t("rep.series")}` : ""}`,
        group(c.posts),
        group(c.reads),
        percent(c.interactionRate, 1),
        `${group(c.followers)} (${c.followerGain >= 0 ? "+" : ""}${group(c.followerGain)})`,
      ]),
      note:
        m && m.seeding.searchLift > 0.001 ? t("rep.seeding", { lift: percent(m.seeding.searchLift, 1) }) : undefined,
      weight: 2,
    });
  }
  if (m?.search && m.search.keywords.length > 0) {
    out.push({
      title: t("rep.search.title"),
      columns: [t("rep.col.keyword"), t("rep.col.bid"), t("rep.col.quality"), t("rep.col.position"), t("rep.col.cpc")],
      rows: m.search.keywords.map((k) => {
        const kw = sc.market.keywords.find((x) => x.id === k.keyword);
        return [
          kw ? bi(kw.text) : k.keyword,
          money(k.bidFen),
          fixed(k.quality, 1),
          k.position > 0 ? fixed(k.position, 1) : "—",
          k.clicks > 0 ? money(k.cpcFen) : "—",
        ];
      }),
      note: t("rep.search.note"),
      weight: 2,
    });
  }
  if (m?.feed && m.feed.spendFen > 0) {
    const f = m.feed;
    out.push({
      title: t("rep.feed.title"),
      columns: [t("rep.col.item"), t("rep.col.value")],
      rows: [
        [t("rep.feed.ctr"), percent(f.ctr, 2)],
        [t("rep.feed.cpm"), money(f.cpmFen)],
        [t("rep.feed.learning"), percent(f.learning, 0)],
        [t("rep.feed.saturation"), percent(f.saturation, 0)],
      ],
      note: t("rep.feed.note"),
      weight: 1.4,
    });
  }
  return out;
}

// ---------- 促销: what each promotion did and cost (P1.2g), competitors' prices (P1.2f) ----------

function promotionTables(sc: Scenario, r: WeekReport): ReportTable[] {
  const c = r.commerce;
  if (!c) return [];
  const rows: string[][] = [];
  if (c.fullReduction) {
    const f = c.fullReduction;
    rows.push([
      t("rep.promo.fullReduction", { threshold: money(f.thresholdFen), discount: money(f.discountFen) }),
      t("rep.promo.qualified", { n: orders(f.qualifiedOrders), topped: orders(c.baskets.toppedUp) }),
      money(f.costFen),
    ]);
  }
  if (c.coupon) {
    const k = c.coupon;
    rows.push([
      t("rep.promo.coupon", {
        face: money(k.faceFen),
        min: money(k.minSpendFen),
        audience: t(`rep.audience.${k.audience}`),
      }),
      t("rep.promo.couponUse", { claimed: group(k.claimed), used: group(k.used), rate: percent(k.redemption, 0) }),
      money(k.costFen),
    ]);
  }
  if (c.flashSale) {
    const f = c.flashSale;
    rows.push([
      t("rep.promo.flash", { sku: skuName(sc, f.sku), day: f.day, price: money(f.priceFen), list: money(f.listFen) }),
      t("rep.promo.flashSold", {
        sold: group(f.sold),
        cap: group(f.qtyCap),
        missed: group(f.missed),
        borrowed: fixed(f.borrowedDays, 1),
      }),
      money(Math.max(0, (f.listFen - f.priceFen) * f.sold)),
    ]);
  }
  if (c.groupBuy) {
    const g = c.groupBuy;
    rows.push([
      t("rep.promo.group", { sku: skuName(sc, g.sku), size: g.groupSize, price: money(g.groupPriceFen) }),
      t("rep.promo.groupFill", {
        filled: group(g.filled),
        started: group(g.initiators),
        rate: percent(g.fillProbability, 0),
        shared: people(g.shareVisitors),
      }),
      "—",
    ]);
  }
  if (c.gift) {
    const g = c.gift;
    rows.push([
      t("rep.promo.gift", { min: money(g.minSpendFen), cost: money(g.giftCostFen) }),
      t("rep.promo.gifts", { n: group(g.gifts) }),
      money(g.costFen),
    ]);
  }
  const out: ReportTable[] = [
    {
      title: t("rep.promo.title"),
      columns: [t("rep.col.promotion"), t("rep.col.effect"), t("rep.col.cost")],
      firstShare: 0.48,
      rows: rows.length > 0 ? rows : [[t("rep.promo.none"), "", ""]],
      note: t("rep.promo.total", {
        cost: money(c.promotionCostFen),
        upo: fixed(c.baskets.unitsPerOrder, 2),
      }),
      weight: 3,
    },
  ];
  if (c.flashSale && c.flashSale.qualityPenalty > 0.005) {
    out[0]!.note = `${out[0]!.note}  ${t("rep.promo.scar", { pct: percent(c.flashSale.qualityPenalty, 1) })}`;
  }
  const comp = c.competitors.filter((x) => x.marketPriceFen > 0);
  if (comp.length > 0) {
    out.push({
      title: t("rep.comp.title"),
      columns: [t("rep.col.sku"), t("rep.col.ours"), t("rep.col.theirs"), t("rep.col.index")],
      rows: comp.map((x) => [skuName(sc, x.sku), money(x.ourPriceFen), money(x.competitorPriceFen), fixed(x.index, 2)]),
      note: t("rep.comp.note"),
      weight: 2,
    });
  }
  const evDays = c.days.filter((d) => d.event || d.lull);
  if (evDays.length > 0) {
    out.push({
      title: t("rep.cal.title"),
      columns: [t("rep.col.day"), t("rep.col.traffic")],
      rows: evDays.map((d) => [t("rep.cal.day", { day: d.day }), times(d.mult)]),
      note: t("rep.cal.note"),
      weight: 1.2,
    });
  }
  return out;
}

// ---------- 客服与订单: queue, reply time, order exceptions, DSR, team (P1.3a–c, PX.a, PX.c) ----------

function serviceTables(r: WeekReport): ReportTable[] {
  const o = r.ops;
  if (!o) return [];
  const out: ReportTable[] = [];
  const kv: string[][] = [];
  if (o.service) {
    const s = o.service;
    kv.push([t("rep.svc.inquiries"), t("rep.svc.inquiriesV", { pre: group(s.presale), after: group(s.aftersale) })]);
    kv.push([t("rep.svc.answered"), percent(s.answeredShare, 0)]);
    kv.push([t("rep.svc.reply"), t("rep.seconds", { n: fixed(s.avgReplySec, 0) })]);
    kv.push([t("rep.svc.utilisation"), percent(s.utilisation, 0)]);
    kv.push([t("rep.svc.conversion"), times(s.conversionMult)]);
  }
  if (o.ratings) {
    kv.push([
      t("rep.svc.dsr"),
      t("rep.svc.dsrV", {
        d: fixed(o.ratings.description, 2),
        s: fixed(o.ratings.service, 2),
        l: fixed(o.ratings.logistics, 2),
      }),
    ]);
  }
  if (kv.length > 0) {
    out.push({
      title: t("rep.svc.title"),
      columns: [t("rep.col.item"), t("rep.col.value")],
      rows: kv,
      note: t("rep.svc.note"),
      weight: 2,
    });
  }
  if (o.orders) {
    const d = o.orders;
    out.push({
      title: t("rep.orders.title"),
      columns: [t("rep.col.item"), t("rep.col.value")],
      rows: [
        [
          t("rep.orders.shipped"),
          t("rep.orders.shippedV", {
            n: orders(d.shipped),
            provider: t(`rep.provider.${d.provider}`),
            days: days(d.deliveryDays),
          }),
        ],
        [
          t("rep.orders.address"),
          t("rep.orders.caughtV", { n: group(d.addressErrors), caught: group(d.addressChecked) }),
        ],
        [t("rep.orders.delayed"), t("rep.orders.noticedV", { n: group(d.delayed), noticed: group(d.delayNoticed) })],
        [t("rep.orders.oversold"), group(d.oversold)],
        [
          t("rep.orders.returns"),
          t("rep.orders.returnsV", {
            n: group(d.returnRequests),
            ok: group(d.refundsApproved),
            disputes: group(d.disputes),
          }),
        ],
        [t("rep.orders.compensation"), money(d.compensationFen + d.reshipFen)],
      ],
      note: t("rep.orders.note"),
      weight: 2,
    });
  }
  const topics = Object.entries(o.topics ?? {}).filter(([, n]) => n > 0);
  const teamRows = Object.entries(o.team.members)
    .filter(([, n]) => n > 0)
    .map(([role, n]) => [
      t(`rep.role.${role}`),
      t("rep.team.v", { n, h: group(o.team.hours[role as keyof typeof o.team.hours] ?? 0) }),
    ]);
  const third: string[][] = [
    ...teamRows,
    [t("rep.team.salary"), money(o.team.salaryFen)],
    ...topics.map(([k, n]) => [t(`rep.topic.${k}`), t("rep.reviewsN", { n })]),
  ];
  const causes = o.analysis?.rootCauses ?? [];
  out.push({
    title: t("rep.team.title"),
    columns: [t("rep.col.item"), t("rep.col.value")],
    rows: third,
    note: o.analysisLocked
      ? t("rep.team.locked")
      : causes.length > 0
        ? t("rep.team.cause", { topic: t(`rep.topic.${causes[0]!.topic}`), share: percent(causes[0]!.share, 0) })
        : undefined,
    weight: 2,
  });
  return out;
}

// ---------- 会员与复购: new vs returning, members, pushes (P2.3a–b) ----------

function customerTables(r: WeekReport): ReportTable[] {
  const c = r.customers;
  if (!c) return [];
  const buyers: string[][] = [
    [t("rep.cu.new"), people(c.newCustomers)],
    [t("rep.cu.repeatOrders"), orders(c.repeatOrders)],
    [t("rep.cu.newRepeat"), people(c.newRepeatBuyers)],
    [t("rep.cu.returning"), people(c.returningVisits)],
    [t("rep.cu.active"), people(c.activeCustomers)],
    [t("rep.cu.lapsed"), people(c.lapsed)],
    [t("rep.cu.rate"), percent(c.repurchaseRate, 1)],
  ];
  const members: string[][] = [
    [t("rep.cu.members"), people(c.members)],
    [t("rep.cu.joined"), people(c.joined)],
    [t("rep.cu.unsubscribed"), people(c.unsubscribed)],
    [t("rep.cu.pushes"), t("rep.cu.pushesV", { n: c.pushes, rate: percent(c.pushResponse, 1) })],
    [t("rep.cu.memberVisits"), t("rep.cu.memberVisitsV", { n: people(c.memberVisits), push: people(c.pushVisits) })],
    [t("rep.cu.memberOrders"), orders(c.memberOrders)],
    [t("rep.cu.cost"), money(c.couponCostFen + c.offerCostFen)],
  ];
  return [
    {
      title: t("rep.cu.buyers"),
      columns: [t("rep.col.item"), t("rep.col.value")],
      rows: buyers,
      note: t("rep.cu.buyersNote"),
      weight: 1,
    },
    {
      title: t("rep.cu.private"),
      columns: [t("rep.col.item"), t("rep.col.value")],
      rows: members,
      note: c.unsubscribed > 0 && c.pushes > 3 ? t("rep.cu.fatigue") : t("rep.cu.privateNote"),
      weight: 1,
    },
  ];
}

// ---------- 商品周期: stage, demand, dead stock, overlaps (P1.2a–b) ----------

function productTables(sc: Scenario, r: WeekReport): ReportTable[] {
  const l = r.lifecycle;
  if (!l) return [];
  const out: ReportTable[] = [
    {
      title: t("rep.life.title"),
      columns: [
        t("rep.col.sku"),
        t("rep.col.stage"),
        t("rep.col.demand"),
        t("rep.col.adopted"),
        t("rep.col.cover"),
        t("rep.col.dead"),
      ],
      rows: l.skus.map((s) => [
        `${skuName(sc, s.sku)}${s.version > 1 ? ` v${s.version}` : ""}`,
        s.delisted
          ? t("rep.life.delisted")
          : !s.listed
            ? t("rep.life.unlisted")
            : `${t(`rep.stage.${s.stage}`)}${s.clearing ? ` · ${t("rep.life.clearing")}` : ""}`,
        times(s.demandMult),
        percent(s.adoptedShare, 0),
        s.coverWeeks >= 999 ? "∞" : t("rep.weeks", { n: fixed(s.coverWeeks, 1) }),
        s.deadStockUnits > 0 ? money(s.deadStockFen) : "—",
      ]),
      note: t("rep.life.note"),
      weight: 3,
    },
  ];
  if (l.overlaps.length > 0) {
    out.push({
      title: t("rep.overlap.title"),
      columns: [t("rep.col.pair"), t("rep.col.similarity"), t("rep.col.folded")],
      rows: l.overlaps.map((o) => [
        `${skuName(sc, o.a)} / ${skuName(sc, o.b)}`,
        percent(o.similarity, 0),
        skuName(sc, o.folded),
      ]),
      note: t("rep.overlap.note"),
      weight: 2,
    });
  }
  return out;
}

/** 库存周转天数: stock at the week's end over the average daily units sold (null when nothing sold). */
export function stockCoverDays(r: WeekReport): number | null {
  const stock = r.skus.reduce((a, s) => a + s.stockEnd, 0);
  const units = r.skus.reduce((a, s) => a + s.units, 0);
  return units > 0 ? stock / (units / 7) : null;
}
