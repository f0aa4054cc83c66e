// The red team's optimizer (issue 10, item 3): hill climbing over per-week multipliers on textbook's
// prices, reorders and ad budgets and a per-week promotions on/off switch, all relative to textbook's own
// decisions (POLICIES.textbook through the same transform machinery as the degenerate families), bounded
// by a time budget, trained on some seeds and judged on held-out ones. The best plan is described in
// words and checked for the degenerate patterns the families stand for.
import { type Decision, type GameState, newGame, type Scenario, type WeekReport } from "../src/engine";
import { charmPriceBelow } from "../src/engine/policies";
import {
  add,
  change,
  type Item,
  keep,
  playFamily,
  playFrom,
  type Transform,
  type TurnCtx,
  withPrices,
} from "./redteam-core";

export interface Plan {
  /** Per week: textbook's price × this, for every listed SKU (1 = textbook). */
  price: number[];
  /** Per week: textbook's reorder quantities × this (0 = no reorder). */
  reorder: number[];
  /** Per week: textbook's feed-ad and search-ad daily budgets × this. */
  ads: number[];
  /** Per week: textbook's promotions (true) or none, running ones ended (false). */
  promo: boolean[];
  /** Per week: textbook's member pushes a week (2) × this, its join coupon (¥10) × this, its members' price (10%) × this. */
  pushes: number[];
  coupon: number[];
  offer: number[];
}
type Mult = Exclude<Dimension, "promo">;

export type Dimension = keyof Plan;

export function textbookPlan(weeks: number): Plan {
  return {
    price: Array(weeks).fill(1),
    reorder: Array(weeks).fill(1),
    ads: Array(weeks).fill(1),
    promo: Array(weeks).fill(true),
    pushes: Array(weeks).fill(1),
    coupon: Array(weeks).fill(1),
    offer: Array(weeks).fill(1),
  };
}

/** The dimensions a scenario's open levers let the plan change. */
export function dimensionsFor(scenario: Scenario): Dimension[] {
  const l = new Set(scenario.levers);
  const out: Dimension[] = [];
  if (l.has("pricing")) out.push("price");
  if (l.has("inventory")) out.push("reorder");
  if (l.has("marketing")) out.push("ads");
  if (l.has("promotion")) out.push("promo");
  if (l.has("private") && scenario.market.customers) out.push("pushes", "coupon", "offer");
  return out;
}

const PROMO = new Set<Decision["type"]>([
  "setFullReduction",
  "setCoupon",
  "setFlashSale",
  "setGroupBuy",
  "setGift",
  "endPromotion",
]);
const round100 = (x: number) => Math.round(x / 100) * 100;

/** Textbook's turn with the plan's week applied. */
export function planTransform(plan: Plan): Transform {
  return (ctx: TurnCtx) => {
    const w = ctx.state.week;
    const pm = plan.price[w] ?? 1;
    const rm = plan.reorder[w] ?? 1;
    const am = plan.ads[w] ?? 1;
    const po = plan.promo[w] ?? true;
    const pd = [plan.pushes[w] ?? 1, plan.coupon[w] ?? 1, plan.offer[w] ?? 1];
    const sc = ctx.scenario;
    let items: Item[] = pm !== 1 && ctx.levers.has("pricing") ? withPrices(ctx, (_id, p) => p * pm) : ctx.tb.map(keep);
    const out: Item[] = [];
    for (const it of items) {
      const d = typeof it.d === "function" ? null : it.d;
      if (d?.type === "reorder" && rm !== 1) {
        const min = sc.skus.find((k) => k.id === d.sku)?.supplier.minOrder ?? 1;
        const qty = Math.min(100_000, Math.round(d.qty * rm));
        if (qty >= min) out.push(change(d, { ...d, qty }));
        continue;
      }
      if (d && !po && PROMO.has(d.type)) continue;
      if (d && am !== 1 && (d.type === "setAds" || d.type === "setSearchAds")) continue;
      if (d?.type === "setPrivateDomain" && pd.some((m) => m !== 1)) continue;
      out.push(it);
    }
    items = out;
    if (pd.some((m) => m !== 1) && ctx.levers.has("private") && sc.market.customers) {
      const t = ctx.tbDraft.customers.settings;
      const [pm2, cm, om] = pd as [number, number, number];
      const want = {
        insertCard: t.insertCard,
        pushesPerWeek: Math.min(14, Math.max(0, Math.round(t.pushesPerWeek * pm2))),
        inviteCouponFen: t.insertCard ? Math.min(5000, Math.max(0, round100(t.inviteCouponFen * cm))) : 0,
        memberOfferPct: Math.min(30, Math.max(0, Math.round(t.memberOfferPct * om))),
      };
      const cur = ctx.state.customers.settings;
      if (
        cur.insertCard !== want.insertCard ||
        cur.pushesPerWeek !== want.pushesPerWeek ||
        cur.inviteCouponFen !== want.inviteCouponFen ||
        cur.memberOfferPct !== want.memberOfferPct
      )
        items.push(add({ type: "setPrivateDomain", ...want }));
    }
    if (!po) {
      const c = ctx.state.commerce;
      for (const k of ["fullReduction", "coupon", "groupBuy", "gift"] as const)
        if (c[k]) items.push(add({ type: "endPromotion", promotion: k }));
    }
    if (am !== 1 && ctx.levers.has("marketing")) {
      const a = ctx.tbDraft.ads;
      const hero = ctx.tbDraft.skus[0]?.id ?? "";
      const daily = round100(a.dailyBudgetFen * am);
      if (daily !== ctx.state.ads.dailyBudgetFen || a.target !== ctx.state.ads.target || a.sku !== ctx.state.ads.sku)
        items.push(add({ type: "setAds", dailyBudgetFen: daily, target: a.target, sku: a.sku || hero }));
      const s = ctx.tbDraft.marketing.search;
      if (sc.market.searchAds && s.bids.length > 0) {
        const sd = round100(s.dailyBudgetFen * am);
        if (
          sd !== ctx.state.marketing.search.dailyBudgetFen ||
          JSON.stringify(s.bids) !== JSON.stringify(ctx.state.marketing.search.bids)
        )
          items.push(add({ type: "setSearchAds", sku: s.sku || hero, dailyBudgetFen: sd, bids: s.bids }));
      }
    }
    return items;
  };
}

// ---------- search ----------

/** A small seeded generator (mulberry32): the climb is repeatable for a given seed and number of steps. */
function rng(seedText: string): () => number {
  let a = 0;
  for (const ch of seedText) a = (Math.imul(a, 31) + ch.charCodeAt(0)) | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BOUNDS: Record<Mult, [number, number]> = {
  price: [0.3, 100],
  reorder: [0, 10],
  ads: [0, 10],
  pushes: [0, 7], // 2 a week × 7 = 14, the schema's maximum
  coupon: [0, 5], // ¥10 × 5 = ¥50
  offer: [0, 3], // 10% × 3 = 30%
};
const JUMPS: Record<Mult, number[]> = {
  price: [0.5, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 2, 10, 100],
  reorder: [0, 0.5, 1, 1.5, 2, 3, 5, 10],
  ads: [0, 0.5, 1, 1.5, 2, 3, 5, 10],
  pushes: [0, 0.5, 1, 1.5, 2, 3.5, 7],
  coupon: [0, 0.5, 1, 2, 3, 5],
  offer: [0, 0.5, 1, 1.5, 2, 3],
};
const STEPS = [0.7, 0.85, 0.93, 1.07, 1.15, 1.4];

function mutate(plan: Plan, dims: readonly Dimension[], r: () => number): Plan {
  const p: Plan = structuredClone(plan);
  const weeks = p.price.length;
  const dim = dims[Math.floor(r() * dims.length)] ?? "price";
  const a = Math.floor(r() * weeks);
  const len = r() < 0.5 ? 1 : 1 + Math.floor(r() * weeks);
  const b = Math.min(weeks - 1, a + len - 1);
  if (dim === "promo") {
    const v = !p.promo[a];
    for (let w = a; w <= b; w++) p.promo[w] = v;
    return p;
  }
  const [lo, hi] = BOUNDS[dim];
  const jump = r() < 0.3;
  const menu = JUMPS[dim];
  const target = menu[Math.floor(r() * menu.length)] ?? 1;
  const f = STEPS[Math.floor(r() * STEPS.length)] ?? 1;
  for (let w = a; w <= b; w++) {
    const cur = p[dim][w] ?? 1;
    const v = jump ? target : cur === 0 ? 0.5 : cur * f;
    p[dim][w] = Math.min(hi, Math.max(lo, Math.round(v * 100) / 100));
  }
  return p;
}

/** The first week in which two plans differ (their length if they never do). */
export function firstDifference(a: Plan, b: Plan): number {
  const weeks = a.price.length;
  for (let w = 0; w < weeks; w++) for (const k of Object.keys(a) as Dimension[]) if (a[k][w] !== b[k][w]) return w;
  return weeks;
}

export interface OptimizeResult {
  scenario: string;
  plan: Plan;
  /** Mean score on the training seeds: textbook's and the plan's. */
  train: { textbook: number; plan: number; seeds: number };
  /** Held-out seeds: each one's score for textbook and the plan. */
  test: { seeds: string[]; textbook: number[]; plan: number[] };
  evaluations: number;
  seconds: number;
  words: string[];
  flags: string[];
}

const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);

export function optimize(
  scenario: Scenario,
  opts: {
    seconds: number;
    trainSeeds: string[];
    testSeeds: string[];
    textbookTest?: number[];
    maxEvaluations?: number;
  },
): OptimizeResult {
  const t0 = performance.now();
  const dims = dimensionsFor(scenario);
  const score = (plan: Plan, seeds: readonly string[]) =>
    seeds.map((s) => playFamily(scenario, planTransform(plan), s).score);
  // The best plan's games, kept week by week: a candidate that first differs in week w replays from there.
  type Trace = { score: number; states: GameState[]; reports: WeekReport[] };
  const playTrace = (plan: Plan, from: number, base: Trace): Trace => {
    const state = base.states[from];
    if (!state) return base; // the game ended before week `from`: nothing changes
    const r = playFrom(scenario, planTransform(plan), { state, reports: base.reports.slice(0, from) }, true);
    return { score: r.score, states: [...base.states.slice(0, from), ...r.states], reports: r.reports };
  };
  let best = textbookPlan(scenario.weeks);
  let traces = opts.trainSeeds.map((seed) => {
    const r = playFrom(scenario, planTransform(best), { state: newGame(scenario, seed), reports: [] }, true);
    return { score: r.score, states: r.states, reports: r.reports };
  });
  const tbTrain = mean(traces.map((t) => t.score));
  let bestScore = tbTrain;
  let evaluations = 1;
  const r = rng(`optimize/${scenario.id}`);
  const deadline = t0 + opts.seconds * 1000;
  while (dims.length > 0 && performance.now() < deadline && evaluations < (opts.maxEvaluations ?? Infinity)) {
    const cand = mutate(best, dims, r);
    const from = firstDifference(best, cand);
    const next = traces.map((t) => playTrace(cand, from, t));
    const s = mean(next.map((t) => t.score));
    evaluations++;
    if (s > bestScore) {
      best = cand;
      bestScore = s;
      traces = next;
    }
  }
  const textbookTest = opts.textbookTest ?? score(textbookPlan(scenario.weeks), opts.testSeeds);
  const planTest = score(best, opts.testSeeds);
  return {
    scenario: scenario.id,
    plan: best,
    train: { textbook: round1(tbTrain), plan: round1(bestScore), seeds: opts.trainSeeds.length },
    test: { seeds: opts.testSeeds, textbook: textbookTest, plan: planTest },
    evaluations,
    seconds: Math.round((performance.now() - t0) / 100) / 10,
    words: describePlan(best),
    flags: degeneratePatterns(scenario, best),
  };
}
const round1 = (x: number) => Math.round(x * 10) / 10;

// ---------- the plan in words, and the patterns the red team stands for ----------

const weeksText = (a: number, b: number) => (a === b ? `week ${a + 1}` : `weeks ${a + 1}–${b + 1}`);

function multText(m: number): string {
  if (m === 0) return "none";
  if (m >= 2 || m <= 0.5) return `×${Math.round(m * 100) / 100}`;
  const p = Math.round((m - 1) * 100);
  return p >= 0 ? `+${p}%` : `−${-p}%`;
}

/**
 * Bands of multipliers described together: "none", ×0.5 or less, a cut, about textbook's (±5%, left out),
 * a rise below ×2, ×2–5, ×5 and more.
 */
function band(m: number): number {
  if (m === 0) return 0;
  if (m <= 0.5) return 1;
  if (m < 0.95) return 2;
  if (m <= 1.05) return 3;
  if (m < 2) return 4;
  if (m < 5) return 5;
  return 6;
}
const TEXTBOOK_BAND = 3;

/** Runs of weeks in the same band, leaving out those about textbook's. */
function runs(xs: readonly number[]): { a: number; b: number; lo: number; hi: number }[] {
  const out: { a: number; b: number; lo: number; hi: number; band: number }[] = [];
  xs.forEach((v, w) => {
    const last = out[out.length - 1];
    if (last && last.band === band(v) && last.b === w - 1) {
      last.b = w;
      last.lo = Math.min(last.lo, v);
      last.hi = Math.max(last.hi, v);
    } else out.push({ a: w, b: w, lo: v, hi: v, band: band(v) });
  });
  return out.filter((r) => r.band !== TEXTBOOK_BAND);
}

function rangeText(lo: number, hi: number): string {
  if (multText(lo) === multText(hi)) return multText(lo);
  const [a, b] = lo < 1 && lo > 0.5 ? [hi, lo] : [lo, hi]; // cuts from the smallest (−7% to −22%), factors upwards
  return `${multText(a)} to ${multText(b)}`;
}

export function describePlan(plan: Plan): string[] {
  const words: string[] = [];
  const name: Record<Mult, string> = {
    price: "prices",
    reorder: "reorders",
    ads: "ad budgets",
    pushes: "member pushes",
    coupon: "join coupon",
    offer: "members' price cut",
  };
  for (const dim of ["price", "reorder", "ads", "pushes", "coupon", "offer"] as const)
    for (const r of runs(plan[dim])) words.push(`${name[dim]} ${rangeText(r.lo, r.hi)} in ${weeksText(r.a, r.b)}`);
  const off: { a: number; b: number }[] = [];
  plan.promo.forEach((on, w) => {
    const last = off[off.length - 1];
    if (on) return;
    if (last && last.b === w - 1) last.b = w;
    else off.push({ a: w, b: w });
  });
  for (const r of off) words.push(`promotions off in ${weeksText(r.a, r.b)}`);
  return words.length > 0 ? words : ["plays as textbook"];
}

/** Which of the red team's degenerate patterns the plan contains. */
export function degeneratePatterns(scenario: Scenario, plan: Plan): string[] {
  const flags: string[] = [];
  const dims = new Set(dimensionsFor(scenario));
  const weeks = plan.price.length;
  const wk = (ws: number[]) => ws.map((w) => w + 1).join(",");
  if (dims.has("price")) {
    const high = plan.price.flatMap((m, w) => (m >= 3 ? [w] : []));
    const later = high.some((w) => plan.price.slice(w + 1).some((m) => m < 1.5));
    if (high.length > 0 && later) flags.push(`reference-price anchoring (×3+ in week ${wk(high)}, then lower)`);
    else if (high.length > 0) flags.push(`absurd prices (×3+ in week ${wk(high)})`);
    // Below cost: textbook prices at about 92% of the market (charm ending); the plan's multiple of that.
    const belowCost = plan.price.flatMap((m, w) =>
      scenario.skus.some((k) => charmPriceBelow(Math.round(k.marketPriceFen * 0.92)) * m < k.unitCostFen) ? [w] : [],
    );
    if (belowCost.length > 0) {
      const withAds = belowCost.filter((w) => (plan.ads[w] ?? 1) >= 3);
      flags.push(
        withAds.length > 0
          ? `below-cost pricing with ads ×3+ (week ${wk(withAds)})`
          : `below-cost pricing (week ${wk(belowCost)})`,
      );
    }
  }
  if (dims.has("reorder")) {
    const over = plan.reorder.flatMap((m, w) => (m >= 5 ? [w] : []));
    if (over.length > 0) flags.push(`overstock (reorders ×5+ in week ${wk(over)})`);
    if (plan.reorder.every((m) => m === 0)) flags.push("never reorders");
  }
  if (dims.has("ads")) {
    const blow = plan.ads.flatMap((m, w) => (m >= 5 ? [w] : []));
    if (blow.length > 0) flags.push(`ad budgets ×5+ (week ${wk(blow)})`);
  }
  if (dims.has("pushes")) {
    const daily = plan.pushes.flatMap((m, w) => (m >= 3.5 ? [w] : []));
    if (daily.length > 0) flags.push(`daily member pushes (7+ a week in week ${wk(daily)})`);
  }
  if (dims.has("coupon")) {
    const deep = plan.coupon.flatMap((m, w) => (m >= 4 && (plan.offer[w] ?? 1) >= 2.5 ? [w] : []));
    if (deep.length > 0) flags.push(`big join coupon with a deep members' price (week ${wk(deep)})`);
    const offer = plan.offer.flatMap((m, w) => (m >= 2.5 && !deep.includes(w) ? [w] : []));
    if (offer.length > 0) flags.push(`deep members' price (25%+ in week ${wk(offer)})`);
  }
  const idle = Array.from({ length: weeks }, (_, w) => w).filter(
    (w) =>
      (!dims.has("reorder") || plan.reorder[w] === 0) &&
      (!dims.has("ads") || plan.ads[w] === 0) &&
      (!dims.has("promo") || !plan.promo[w]),
  );
  const operational = dims.has("reorder") || dims.has("ads") || dims.has("promo");
  if (operational && idle.length === weeks) flags.push("empty turns (everything off)");
  // Spending switched off at the end (reorders aside: not buying what cannot sell in time is good play).
  const spend = dims.has("ads") || dims.has("promo");
  const off = (w: number) => (!dims.has("ads") || plan.ads[w] === 0) && (!dims.has("promo") || !plan.promo[w]);
  if (spend && off(weeks - 1) && off(weeks - 2) && idle.length < weeks)
    flags.push("end-game harvest (ads and promotions off in the last 2 weeks)");
  return flags;
}

export function formatOptimize(o: OptimizeResult): string {
  const tb = mean(o.test.textbook);
  const pl = mean(o.test.plan);
  const beats = o.test.plan.filter((s, i) => s > (o.test.textbook[i] ?? 0)).length;
  return [
    `${o.scenario} optimizer: ${o.evaluations} plans in ${o.seconds} s; train (${o.train.seeds} seeds) textbook ${o.train.textbook} → plan ${o.train.plan}`,
    `  held-out (${o.test.seeds.length} seeds): textbook ${round1(tb)}, plan ${round1(pl)} (beats textbook on ${beats}/${o.test.seeds.length})`,
    `  plan: ${o.words.join("; ")}`,
    `  degenerate patterns: ${o.flags.length > 0 ? o.flags.join("; ") : "none"}`,
  ].join("\n");
}

/**
 * The optimizer's part of the bar: its best plan may beat textbook on held-out seeds only with play the
 * lecture would approve. A plan that contains a degenerate pattern and beats textbook's held-out mean fails.
 */
export function optimizerFailure(o: OptimizeResult): string | null {
  const tb = mean(o.test.textbook);
  const pl = mean(o.test.plan);
  if (o.flags.length === 0 || pl <= tb) return null;
  return `optimizer in ${o.scenario}: its best plan (${round1(pl)} vs textbook ${round1(tb)} on ${o.test.seeds.length} held-out seeds) contains ${o.flags.join("; ")}`;
}
