// Principle recap for the debrief: for each goal of the scenario (a lecture principle, by its code),
// whether the trainee applied it, partly applied it or missed it, with the evidence from their
// decisions, their week reports and the game states. Pure (no Phaser, no i18n): evidence is an i18n
// key with numbers; the debrief formats them (params ending in Fen are money, Pct a fraction shown
// as a percentage, Sec seconds, X a multiple).
import {
  type Decision,
  type GameState,
  newGame,
  type Policy,
  type PrincipleCode,
  type Scenario,
  step,
  type WeekReport,
} from "../engine";
import { isCharmPrice } from "../engine/systems/pricing";

export type Verdict = "applied" | "partial" | "missed";
export interface Evidence {
  key: string;
  params: Record<string, number>;
}
export interface GoalRecap {
  /** Index of the goal in scenario.goals. */
  goal: number;
  code: PrincipleCode;
  section: string;
  verdict: Verdict;
  evidence: Evidence[];
}
export interface RecapInput {
  scenario: Scenario;
  /** The decisions of each week played (run.turns). */
  turns: readonly (readonly Decision[])[];
  reports: readonly WeekReport[];
  final: GameState;
}

/** Titles: at most this many core keywords before it counts as stuffing (model TITLE_STUFFING). */
const MAX_CORE = 3;
/** A reply slower than this (seconds) loses buyers (the lecture's 客服响应). */
const SLOW_REPLY_SEC = 60;
/** More pushes per week than this tire members out (P2.3b). */
const MAX_PUSHES = 3;
/** The platform-native content formats (lecture: 小红书图文, 抖音短视频). */
const NATIVE: Record<string, readonly string[]> = {
  douyin: ["video", "live"],
  xiaohongshu: ["article"],
  weibo: ["article", "video"],
  wechat: ["article"],
};
const DETAIL_ORDER = ["painPoint", "solution", "trust", "purchaseGuide"] as const;
const DETAIL_EXTRA = new Set(["video", "reviews", "comparison", "specs"]);

const ev = (key: string, params: Record<string, number> = {}): Evidence => ({ key: `recap.ev.${key}`, params });
const share = (n: number, d: number) => (d > 0 ? n / d : 0);
const round2 = (x: number) => Math.round(x * 100) / 100;
const worst = (...v: Verdict[]): Verdict =>
  v.includes("missed")
    ? v.every((x) => x === "missed")
      ? "missed"
      : "partial"
    : v.includes("partial")
      ? "partial"
      : "applied";
/** applied at ≥ hi, partial above lo, else missed. */
const grade = (x: number, hi: number, lo = 0): Verdict => (x >= hi ? "applied" : x > lo ? "partial" : "missed");

/** The game state after each week played (the settings that held during that week). */
export function weekStates(scenario: Scenario, seed: string, turns: readonly (readonly Decision[])[]): GameState[] {
  const out: GameState[] = [];
  let s = newGame(scenario, seed);
  for (const turn of turns) {
    const r = step(scenario, s, turn);
    if (!r.ok) break;
    s = r.state;
    out.push(s);
  }
  return out;
}

export interface PlayedRun {
  turns: Decision[][];
  reports: WeekReport[];
  /** State after each week. */
  states: GameState[];
  final: GameState;
}

/** Plays a reference strategy on a scenario and seed, as `npm run sim -- bot` does (≈30 ms for 26 weeks). */
export function playPolicy(scenario: Scenario, seed: string, policy: Policy): PlayedRun {
  let s = newGame(scenario, seed);
  const run: PlayedRun = { turns: [], reports: [], states: [], final: s };
  for (let w = 0; w < scenario.weeks && s.status === "playing"; w++) {
    const decisions = policy(scenario, s, run.reports);
    const r = step(scenario, s, decisions);
    if (!r.ok) break;
    s = r.state;
    run.turns.push(decisions);
    run.reports.push(r.report);
    run.states.push(s);
  }
  run.final = s;
  return run;
}

interface Ctx {
  sc: Scenario;
  turns: readonly (readonly Decision[])[];
  reports: readonly WeekReport[];
  states: GameState[];
  final: GameState;
  weeks: number;
}

const listed = (s: GameState) => s.skus.filter((k) => s.lifecycle?.skus[k.id]?.listed !== false);
const decisionsOf = <T extends Decision["type"]>(c: Ctx, type: T) =>
  c.turns.flatMap((turn, week) =>
    turn.filter((d): d is Extract<Decision, { type: T }> => d.type === type).map((d) => ({ week, d })),
  );
const weeksWhere = (c: Ctx, f: (s: GameState, w: number) => boolean) => c.states.filter((s, w) => f(s, w)).length;
const firstWeek = (c: Ctx, f: (s: GameState) => boolean) => c.states.findIndex(f);

function detailOrdered(sections: readonly string[]): boolean {
  let at = -1;
  for (const s of DETAIL_ORDER) {
    const i = sections.indexOf(s);
    if (i <= at) return false;
    at = i;
  }
  return true;
}

// ---- one rule per principle ---------------------------------------------------------------------

function nav(c: Ctx): [Verdict, Evidence[]] {
  const ok = (s: GameState) => s.store.categoryDepth <= 3 && s.store.inStoreSearch;
  const n = weeksWhere(c, ok);
  const end = c.final.store;
  const half = (end.categoryDepth <= 3 ? 1 : 0) + (end.inStoreSearch ? 1 : 0);
  const v: Verdict = share(n, c.weeks) >= 0.75 ? "applied" : n > 0 || half > 0 ? "partial" : "missed";
  return [
    v,
    [
      ev("nav", { weeksOk: n, weeks: c.weeks, depth: end.categoryDepth }),
      ev(end.inStoreSearch ? "searchOn" : "searchOff"),
    ],
  ];
}

function mobile(c: Ctx): [Verdict, Evidence[]] {
  const w = firstWeek(c, (s) => s.store.mobileLevel >= 2 && s.store.speedLevel >= 2);
  const end = c.final.store;
  const f = c.reports[c.reports.length - 1]?.factors;
  const v: Verdict =
    w >= 0 && w <= 3 && end.mobileLevel >= 2 && end.speedLevel >= 2
      ? "applied"
      : end.mobileLevel >= 2 || end.speedLevel >= 2
        ? "partial"
        : "missed";
  return [
    v,
    [
      ev("mobile", { mobile: end.mobileLevel, speed: end.speedLevel }),
      ev("load", { sec: round2(f?.loadSeconds ?? 0), bouncePct: f?.bounceMobile ?? 0 }),
    ],
  ];
}

function banner(c: Ctx): [Verdict, Evidence[]] {
  const n = weeksWhere(c, (s) => s.store.banner !== "brand");
  return [grade(share(n, c.weeks), 0.75), [ev("banner", { weeksOk: n, weeks: c.weeks })]];
}

function detailOrder(c: Ctx): [Verdict, Evidence[]] {
  const allOk = (s: GameState) => listed(s).length > 0 && listed(s).every((k) => detailOrdered(k.detail));
  const w = firstWeek(c, allOk);
  const end = listed(c.final);
  const ok = end.filter((k) => detailOrdered(k.detail)).length;
  const v: Verdict = w >= 0 && w <= 2 && ok === end.length ? "applied" : ok > 0 ? "partial" : "missed";
  const e = [ev("detailOrder", { ok, n: end.length })];
  if (w >= 0) e.push(ev("fromWeek", { week: w + 1 }));
  return [v, e];
}

function detailContent(c: Ctx): [Verdict, Evidence[]] {
  const good = (d: readonly string[]) => d.length >= 5 && d.filter((x) => DETAIL_EXTRA.has(x)).length >= 2;
  const w = firstWeek(c, (s) => listed(s).some((k) => good(k.detail)));
  const hero = listed(c.final)[0];
  const q = hero ? (c.reports[c.reports.length - 1]?.factors.detailQuality[hero.id] ?? 0) : 0;
  const n = hero?.detail.length ?? 0;
  const v: Verdict = w >= 0 && w <= 2 && hero && good(hero.detail) ? "applied" : n >= 4 ? "partial" : "missed";
  return [
    v,
    [
      ev("detailContent", { sections: n, extras: hero?.detail.filter((x) => DETAIL_EXTRA.has(x)).length ?? 0 }),
      ev("detailQuality", { x: round2(q) }),
    ],
  ];
}

function titles(c: Ctx): [Verdict, Evidence[]] {
  const kws = c.sc.market.keywords;
  const core = kws.filter((k) => k.kind === "core").sort((a, b) => b.dailySearches - a.dailySearches);
  const high = core.slice(0, Math.min(4, core.length)).map((k) => k.id);
  const at = c.states[Math.min(1, c.states.length - 1)] ?? c.final;
  const hero = listed(at)[0] ?? at.skus[0];
  const title = hero?.title ?? [];
  const kind = (id: string) => kws.find((k) => k.id === id)?.kind;
  const nCore = title.filter((id) => kind(id) === "core").length;
  const selling = title.filter((id) => kind(id) === "selling").length;
  const marketing = title.filter((id) => kind(id) === "marketing").length;
  const covered = high.filter((id) => title.includes(id)).length;
  const v: Verdict =
    nCore >= 2 && nCore <= MAX_CORE && selling > 0 && marketing > 0
      ? "applied"
      : nCore >= 1 && (selling > 0 || marketing > 0)
        ? "partial"
        : "missed";
  return [
    v,
    [
      ev("titleCover", { covered, total: high.length, week: Math.min(2, c.weeks) }),
      ev("titleParts", { core: nCore, selling, marketing }),
    ],
  ];
}

function image(c: Ctx): [Verdict, Evidence[]] {
  const n = weeksWhere(c, (s) => {
    const h = listed(s)[0];
    return h?.image === "differentiated";
  });
  const hero = listed(c.final)[0];
  const ctr = hero ? (c.reports[c.reports.length - 1]?.skus.find((k) => k.id === hero.id)?.ctr ?? 0) : 0;
  return [grade(share(n, c.weeks), 0.6), [ev("image", { weeksOk: n, weeks: c.weeks }), ev("ctr", { pct: ctr })]];
}

function pricing(c: Ctx): [Verdict, Evidence[]] {
  const end = listed(c.final);
  // One definition of a charm price, the engine's (¥89, ¥89.90, ¥148.90, ¥8.99 all count).
  const ok = end.filter((k) => isCharmPrice(k.priceFen)).length;
  // Cuts: a setPrice below the SKU's price before it (clearance is a separate decision).
  let cuts = 0;
  const prev = new Map(c.sc.skus.map((k) => [k.id, k.priceFen]));
  for (const { d } of decisionsOf(c, "setPrice")) {
    if (d.priceFen < (prev.get(d.sku) ?? d.priceFen)) cuts++;
    prev.set(d.sku, d.priceFen);
  }
  const gmv = c.final.totals.gmvFen;
  const margin = share(gmv - c.final.totals.cogsFen - c.final.totals.refundFen, gmv);
  const charmV = grade(share(ok, end.length), 1);
  const v = worst(charmV, cuts <= 2 ? "applied" : cuts <= 4 ? "partial" : "missed");
  return [v, [ev("charm", { ok, n: end.length }), ev("priceCuts", { cuts }), ev("margin", { pct: round2(margin) })]];
}

function promotions(c: Ctx): [Verdict, Evidence[]] {
  const used = c.reports.filter((r) => (r.commerce?.active.length ?? 0) > 0).length;
  const cost = -c.reports.reduce((a, r) => a + (r.ledger.promotion ?? 0), 0);
  const gmv = c.final.totals.gmvFen;
  const costPct = share(cost, gmv);
  // 满减 threshold against the typical order before it.
  let above = 0;
  let fr = 0;
  c.reports.forEach((r, w) => {
    const f = r.commerce?.fullReduction;
    if (!f) return;
    fr++;
    const aov = (c.reports[w - 1] ?? r).kpis.aovFen;
    if (f.thresholdFen > aov) above++;
  });
  const e = [ev("promoUse", { weeks: used, total: c.weeks, costFen: cost, costPct: round2(costPct) })];
  if (fr > 0) e.push(ev("fullReduction", { above, weeks: fr }));
  let v: Verdict;
  if (used === 0) v = "missed";
  else if (costPct <= 0.08 && (fr === 0 || above >= fr / 2) && c.final.totals.gmvFen > 0) v = "applied";
  else v = costPct <= 0.15 ? "partial" : "missed";
  return [v, e];
}

function stockUp(c: Ctx): [Verdict, Evidence[]] {
  const days = c.final.totals.stockoutDays;
  const last = c.reports.slice(-2);
  const weekly = last.reduce((a, r) => a + r.skus.reduce((b, k) => b + k.units, 0), 0) / Math.max(1, last.length);
  const stock = listed(c.final).reduce((a, k) => a + k.stock, 0);
  const cover = weekly > 0 ? stock / weekly : stock > 0 ? 99 : 0;
  const v: Verdict = days <= 3 ? (cover <= 6 ? "applied" : "partial") : days <= 10 ? "partial" : "missed";
  return [v, [ev("stockout", { days }), ev("endCover", { weeks: Math.round(cover * 10) / 10, units: stock })]];
}

function assortment(c: Ctx): [Verdict, Evidence[]] {
  const weeksDup = c.reports.filter((r) => (r.lifecycle?.overlaps.length ?? 0) > 0).length;
  const lastDup = c.reports[c.reports.length - 1]?.lifecycle?.overlaps.length ?? 0;
  // Acting on a duplicate: clearing or delisting one of the pair (it keeps overlapping while it sells off).
  const dupSkus = new Set(c.reports.flatMap((r) => r.lifecycle?.overlaps.flatMap((o) => [o.a, o.b]) ?? []));
  const acted = c.turns.findIndex((turn) =>
    turn.some((d) => (d.type === "clearance" || d.type === "delist") && dupSkus.has(d.sku)),
  );
  const v: Verdict =
    weeksDup === 0 || (lastDup === 0 && acted >= 0 && acted <= 2)
      ? "applied"
      : lastDup === 0 || acted >= 0
        ? "partial"
        : "missed";
  const e = [ev("overlaps", { weeks: weeksDup, total: c.weeks, last: lastDup })];
  if (acted >= 0) e.push(ev("dupActed", { week: acted + 1 }));
  return [v, e];
}

function lifecycle(c: Ctx): [Verdict, Evidence[]] {
  // SKUs that reached decline while listed and on sale at full price; acted = upgraded, cleared or delisted.
  const declined = new Map<string, number>();
  c.reports.forEach((r, w) => {
    for (const k of r.lifecycle?.skus ?? [])
      if (k.stage === "decline" && k.listed && !k.clearing && !declined.has(k.sku)) declined.set(k.sku, w);
  });
  let acted = 0;
  for (const [sku, w] of declined) {
    const act = c.turns.some(
      (turn, t) =>
        t >= w - 1 &&
        turn.some((d) => (d.type === "upgrade" || d.type === "clearance" || d.type === "delist") && d.sku === sku),
    );
    if (act) acted++;
  }
  const dead = c.final.lifecycle?.writedownFen ?? 0;
  const deadStock = (c.reports[c.reports.length - 1]?.lifecycle?.skus ?? []).reduce((a, k) => a + k.deadStockFen, 0);
  const v: Verdict =
    declined.size === 0 ? (deadStock > 0 ? "partial" : "applied") : grade(share(acted, declined.size), 1);
  return [v, [ev("decline", { declined: declined.size, acted }), ev("deadStock", { fen: Math.max(dead, deadStock) })]];
}

function orderFlow(c: Ctx): [Verdict, Evidence[]] {
  const on = (s: GameState) => [s.ops.policy.addressCheck, s.ops.policy.stockSync, s.ops.policy.delayNotice];
  const w = firstWeek(c, (s) => on(s).every(Boolean));
  const n = on(c.final).filter(Boolean).length;
  const sum = (f: (o: NonNullable<NonNullable<WeekReport["ops"]>["orders"]>) => number) =>
    c.reports.reduce((a, r) => a + (r.ops?.orders ? f(r.ops.orders) : 0), 0);
  const v: Verdict = w >= 0 && w <= 1 && n === 3 ? "applied" : n > 0 ? "partial" : "missed";
  return [
    v,
    [
      ev("orderFlow", { on: n, week: w + 1 }),
      ev("exceptions", { oversold: sum((o) => o.oversold), address: sum((o) => o.addressErrors) }),
    ],
  ];
}

function replyStats(c: Ctx) {
  const rs = c.reports.filter((r) => r.ops?.service);
  const slow = rs.filter((r) => (r.ops?.service?.avgReplySec ?? 0) > SLOW_REPLY_SEC).length;
  const avg = rs.reduce((a, r) => a + (r.ops?.service?.avgReplySec ?? 0), 0) / Math.max(1, rs.length);
  return {
    slow,
    weeks: rs.length,
    ev: ev("reply", { slow, weeks: rs.length, limit: SLOW_REPLY_SEC, avgSec: Math.round(avg) }),
  };
}

function reply(c: Ctx): [Verdict, Evidence[]] {
  const r = replyStats(c);
  const v: Verdict = r.slow <= Math.max(1, r.weeks * 0.15) ? "applied" : r.slow <= r.weeks / 2 ? "partial" : "missed";
  return [v, [r.ev]];
}

function feedback(c: Ctx): [Verdict, Evidence[]] {
  const fixes = decisionsOf(c, "actOnFeedback").length;
  const topics = Object.values(c.final.ops.topicTotals ?? {}).reduce((a, b) => a + b, 0);
  const v: Verdict = fixes >= 2 ? "applied" : fixes === 1 ? "partial" : topics === 0 ? "partial" : "missed";
  return [v, [ev("feedback", { fixes, topics })]];
}

function feedAds(c: Ctx): [Verdict, Evidence[]] {
  const paid = c.reports.map((r, w) => ({ r, s: c.states[w] })).filter((x) => (x.r.kpis.adSpendFen ?? 0) > 0);
  const targeted = paid.filter((x) => x.s && x.s.ads.target !== "broad").length;
  const budgets = decisionsOf(c, "setAds").map((x) => x.d.dailyBudgetFen);
  let changes = 0;
  for (let i = 1; i < budgets.length; i++) if (budgets[i] !== budgets[i - 1]) changes++;
  const sats = c.reports.map((r) => r.marketing?.feed).filter((f) => f && f.spendFen > 0);
  const sat = sats.reduce((a, f) => a + (f?.saturation ?? 1), 0) / Math.max(1, sats.length);
  if (paid.length === 0) return ["missed", [ev("adsNone")]];
  const v = worst(
    grade(share(targeted, paid.length), 0.75),
    changes <= 3 ? "applied" : "partial",
    sats.length === 0 || sat >= 0.5 ? "applied" : "partial",
  );
  const e = [ev("adsTarget", { weeks: targeted, paid: paid.length }), ev("adsChanges", { n: changes })];
  if (sats.length > 0) e.push(ev("saturation", { pct: round2(sat) }));
  return [v, e];
}

function searchAds(c: Ctx): [Verdict, Evidence[]] {
  const sa = c.sc.market.searchAds;
  const ds = decisionsOf(c, "setSearchAds").filter((x) => x.d.dailyBudgetFen > 0 && x.d.bids.length > 0);
  const last = ds[ds.length - 1];
  if (!sa || !last) return ["missed", [ev("searchNone")]];
  const at = c.states[last.week] ?? c.final;
  const title = at.skus.find((k) => k.id === last.d.sku)?.title ?? [];
  const bids = last.d.bids;
  const inTitle = bids.filter((b) => title.includes(b.keyword)).length;
  const longTail = bids.filter(
    (b) => (c.sc.market.keywords.find((k) => k.id === b.keyword)?.competition ?? 1) <= 0.5,
  ).length;
  const above = bids.filter((b) => {
    const k = sa.keywords.find((x) => x.keyword === b.keyword);
    return k && b.bidFen > Math.max(0, ...k.competitorBidsFen);
  }).length;
  const v = worst(
    grade(share(inTitle, bids.length), 1),
    grade(share(longTail, bids.length), 1),
    grade(share(above, bids.length), 1),
  );
  return [v, [ev("searchKw", { n: bids.length, inTitle, longTail }), ev("searchBid", { above, n: bids.length })]];
}

function kols(c: Ctx): [Verdict, Evidence[]] {
  const hires = c.reports.flatMap((r, w) => r.marketing?.kols.map((k) => ({ w, k })) ?? []);
  if (hires.length === 0) return ["missed", [ev("kolNone")]];
  const fee = hires.reduce((a, h) => a + h.k.feeFen, 0);
  const gmv =
    hires.reduce((a, h) => a + h.k.gmvFen, 0) + c.reports.reduce((a, r) => a + (r.marketing?.kolCarry.gmvFen ?? 0), 0);
  const inflated = hires.filter((h) => h.k.interactionRate < h.k.claimedEngagement * 0.5).length;
  let repeats = 0;
  for (let i = 1; i < hires.length; i++) {
    const a = hires[i - 1];
    const b = hires[i];
    if (a && b && a.k.kol === b.k.kol && b.w - a.w <= 1) repeats++;
  }
  const roi = share(gmv, fee);
  const v = worst(
    roi >= 1 ? "applied" : roi >= 0.5 ? "partial" : "missed",
    inflated === 0 ? "applied" : "partial",
    repeats === 0 ? "applied" : "partial",
  );
  return [v, [ev("kols", { hires: hires.length, x: round2(roi) }), ev("kolFake", { inflated, repeats })]];
}

function contentStats(c: Ctx) {
  const rs = c.reports.flatMap((r) => r.marketing?.content ?? []).filter((x) => x.posts > 0);
  const posts = rs.reduce((a, x) => a + x.posts, 0);
  const native = rs.filter((x) => NATIVE[x.platform]?.includes(x.format)).reduce((a, x) => a + x.posts, 0);
  const series = rs.filter((x) => x.series).reduce((a, x) => a + x.posts, 0);
  const weeksPosted = c.reports.filter((r) => (r.marketing?.content ?? []).some((x) => x.posts > 0)).length;
  return { posts, native, series, weeksPosted };
}

function contentFit(c: Ctx, withSeries: boolean): [Verdict, Evidence[]] {
  const s = contentStats(c);
  if (s.posts === 0) return ["missed", [ev("contentNone")]];
  const e = [ev("contentFit", { native: s.native, posts: s.posts })];
  let v = grade(share(s.native, s.posts), 0.8);
  if (withSeries) {
    e.push(ev("series", { series: s.series, posts: s.posts }));
    v = worst(v, grade(share(s.series, s.posts), 0.8));
  }
  return [v, e];
}

function contentPlan(c: Ctx): [Verdict, Evidence[]] {
  const s = contentStats(c);
  if (s.posts === 0) return ["missed", [ev("contentNone")]];
  const v = worst(grade(share(s.series, s.posts), 0.8), grade(share(s.weeksPosted, c.weeks), 0.75));
  return [
    v,
    [ev("series", { series: s.series, posts: s.posts }), ev("contentWeeks", { weeks: s.weeksPosted, total: c.weeks })],
  ];
}

function community(c: Ctx): [Verdict, Evidence[]] {
  const rs = c.reports.map((r) => r.marketing?.community).filter((x) => x !== undefined);
  const active = rs.filter((x) => x && x.activity !== "none").length;
  const eng = rs.reduce((a, x) => a + (x?.engagement ?? 0), 0) / Math.max(1, rs.length);
  return [
    grade(share(active, c.weeks), 0.75),
    [ev("community", { weeks: active, total: c.weeks }), ev("engagement", { pct: round2(eng) })],
  ];
}

function privateDomain(c: Ctx): [Verdict, Evidence[]] {
  const n = weeksWhere(c, (s) => s.customers.settings.insertCard);
  const last = c.reports[c.reports.length - 1]?.customers;
  const members = last?.members ?? 0;
  const repeat = last?.repurchaseRate ?? c.final.totals.repeatBuyers / Math.max(1, c.final.totals.buyers);
  return [
    grade(share(n, c.weeks), 0.6),
    [ev("insertCard", { weeks: n, total: c.weeks }), ev("members", { members, pct: round2(repeat) })],
  ];
}

function respect(c: Ctx): [Verdict, Evidence[]] {
  const max = Math.max(0, ...c.states.map((s) => s.customers.settings.pushesPerWeek));
  const unsub = c.reports.reduce((a, r) => a + (r.customers?.unsubscribed ?? 0), 0);
  const joined = c.reports.reduce((a, r) => a + (r.customers?.joined ?? 0), 0);
  const rate = share(unsub, joined);
  if (max === 0 && joined === 0) return ["partial", [ev("privNone")]];
  const v: Verdict =
    max <= MAX_PUSHES && rate <= 0.1 ? "applied" : max <= MAX_PUSHES + 2 && rate <= 0.25 ? "partial" : "missed";
  return [v, [ev("pushes", { max, limit: MAX_PUSHES }), ev("unsub", { unsub, joined })]];
}

function data(c: Ctx): [Verdict, Evidence[]] {
  const analyst = weeksWhere(c, (s) => s.team.members.analyst > 0);
  const fixes = decisionsOf(c, "actOnFeedback").length;
  const v: Verdict = analyst > 0 && fixes > 0 ? "applied" : analyst > 0 || fixes > 0 ? "partial" : "missed";
  const topics = Object.values(c.final.ops.topicTotals ?? {}).reduce((a, b) => a + b, 0);
  return [v, [ev("analyst", { weeks: analyst, total: c.weeks }), ev("feedback", { fixes, topics })]];
}

function channels(c: Ctx): [Verdict, Evidence[]] {
  const tail = c.reports.slice(-4);
  const by = new Map<string, number>();
  for (const r of tail) for (const [k, v] of Object.entries(r.traffic)) by.set(k, (by.get(k) ?? 0) + (v ?? 0));
  const total = [...by.values()].reduce((a, b) => a + b, 0);
  const n = [...by.values()].filter((v) => v >= total * 0.05 && v > 0).length;
  const top = share(Math.max(0, ...by.values()), total);
  return [n >= 4 ? "applied" : n >= 3 ? "partial" : "missed", [ev("channels", { n, topPct: round2(top) })]];
}

function team(c: Ctx): [Verdict, Evidence[]] {
  const size = (s: GameState) => Object.values(s.team.members).reduce((a, b) => a + b, 0);
  const hires = decisionsOf(c, "hire").length;
  const r = replyStats(c);
  const ok = r.slow <= Math.max(1, r.weeks * 0.15);
  const v: Verdict = hires > 0 && ok ? "applied" : hires > 0 || ok ? "partial" : "missed";
  return [v, [ev("team", { start: size(newGame(c.sc, c.final.seed)), end: size(c.final), hires }), r.ev]];
}

type Rule = (c: Ctx, occurrence: number, count: number) => [Verdict, Evidence[]];
const both =
  (...rules: ((c: Ctx) => [Verdict, Evidence[]])[]): ((c: Ctx) => [Verdict, Evidence[]]) =>
  (c) => {
    const rs = rules.map((r) => r(c));
    return [worst(...rs.map((r) => r[0])), rs.flatMap((r) => r[1])];
  };

/** The rule for each principle code; a code used twice in a scenario can mean two sides of it. */
export const RULES: Record<PrincipleCode, Rule> = {
  "P1.1a": (c) => (c.sc.goals.some((g) => g.code === "P1.1d") ? nav(c) : both(nav, mobile)(c)),
  "P1.1b": banner,
  "P1.1c": detailOrder,
  "P1.1d": mobile,
  "P1.2a": assortment,
  "P1.2b": lifecycle,
  "P1.2c": titles,
  "P1.2d": image,
  "P1.2e": detailContent,
  "P1.2f": pricing,
  // Double 11 teaches the promotions (first goal) and stocking up (second); one goal covers both.
  "P1.2g": (c, i, n) => (n === 1 ? both(promotions, stockUp)(c) : i === 0 ? promotions(c) : stockUp(c)),
  "P1.3a": orderFlow,
  "P1.3b": reply,
  "P1.3c": feedback,
  // Feed ads (first goal) and search ads (second).
  "P2.1a": (c, i, n) => (n > 1 && i > 0 ? searchAds(c) : feedAds(c)),
  "P2.1b": kols,
  "P2.1c": (c) => contentFit(c, false),
  "P2.2a": contentPlan,
  "P2.2b": (c) => contentFit(c, true),
  "P2.2c": community,
  "P2.3a": privateDomain,
  "P2.3b": respect,
  "PX.a": data,
  "PX.b": channels,
  "PX.c": team,
};

/** The recap of every goal of the scenario, in the scenario's order. */
export function recapRun(input: RecapInput, states?: GameState[]): GoalRecap[] {
  const { scenario: sc, turns, reports, final } = input;
  const c: Ctx = {
    sc,
    turns,
    reports,
    final,
    states: states ?? weekStates(sc, final.seed, turns),
    weeks: Math.max(1, reports.length),
  };
  const seen = new Map<string, number>();
  return sc.goals.map((g, goal) => {
    const code = g.code as PrincipleCode;
    const i = seen.get(code) ?? 0;
    seen.set(code, i + 1);
    const count = sc.goals.filter((x) => x.code === code).length;
    const [verdict, evidence] = RULES[code](c, i, count);
    return { goal, code, section: g.section, verdict, evidence };
  });
}

/** How many goals were applied (1), partly applied (½) or missed (0): a single number for comparisons. */
export function recapScore(r: readonly GoalRecap[]): number {
  return r.reduce((a, g) => a + (g.verdict === "applied" ? 1 : g.verdict === "partial" ? 0.5 : 0), 0);
}
