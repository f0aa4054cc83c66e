// The red team (issue 10, item 3): degenerate strategies the lecture warns against, each built from the
// textbook bot's own decisions every week (POLICIES.textbook, then transformed or extended), played over
// many seeds and compared with textbook seed by seed. A family passes the bar when it scores strictly
// less than textbook on at least RED_TEAM_BAR of the seeds. Used by `npm run balance`
// (scripts/balance.ts, through the piscina pool in scripts/redteam-worker.ts) and tests/balance.
import {
  type Decision,
  type GameState,
  type Lever,
  newGame,
  POLICIES,
  type Scenario,
  scoreRun,
  step,
  validateTurn,
  type WeekReport,
} from "../src/engine";
import { clonePlain } from "../src/engine/clone";
import { TEAM_MAX_PER_ROLE, TITLE_MAX_CHARS } from "../src/engine/model";
import { isListed } from "../src/engine/sim/lifecycle";
import { opsActive } from "../src/engine/sim/operations";
import { estimateTitleFromPool } from "../src/engine/systems/listing";
import { communityCostFen, kolValuePerFen } from "../src/engine/systems/marketing";
import { FIXABLE_TOPICS } from "../src/engine/systems/service";
import { applyDecision, parseDecision } from "../src/engine/validate";

/** Share of seeds on which every family must score strictly below textbook. */
export const RED_TEAM_BAR = 0.9;

// ---------- building a turn from textbook's decisions ----------

/** What a family sees each week: what textbook sees, plus textbook's decisions for this very state. */
export interface TurnCtx {
  scenario: Scenario;
  state: GameState;
  reports: readonly WeekReport[];
  /** POLICIES.textbook(scenario, state, reports). */
  tb: Decision[];
  /** The state with textbook's decisions applied (its prices, budgets, clearances of this turn). */
  tbDraft: GameState;
  levers: ReadonlySet<Lever>;
}

/**
 * One entry of a family's turn. `d` may be a function of the draft (the state with the turn's earlier
 * entries applied), e.g. "all the cash that is left"; it returns null to skip. `fallback` is textbook's
 * own decision that the entry replaces: used when the family's decision is refused by validation.
 */
export interface Item {
  d: Decision | ((draft: GameState) => Decision | null);
  kind: "tb" | "changed" | "added";
  fallback?: Decision;
}
export const keep = (d: Decision): Item => ({ d, kind: "tb" });
export const change = (orig: Decision, d: Item["d"]): Item => ({ d, kind: "changed", fallback: orig });
export const add = (d: Item["d"]): Item => ({ d, kind: "added" });

export interface TurnStats {
  /** Entries the family changed or added (that produced a decision). */
  transformed: number;
  /** Of those, refused by validation (then textbook's decision is used if there was one). */
  refused: number;
  /** Textbook decisions kept as they were but refused (the family's earlier entries used the cash or hours). */
  tbDropped: number;
}

/**
 * Validates the entries one by one against the draft, keeping what passes: the same parse-check-apply
 * steps validateTurn takes for a whole turn (one copy of the state instead of one per entry). The turn
 * that comes out is checked again with validateTurn before it is played.
 */
export function assembleTurn(
  scenario: Scenario,
  state: GameState,
  items: readonly Item[],
  stats: TurnStats,
): Decision[] {
  const draft = clonePlain(state);
  const out: Decision[] = [];
  const tryOne = (d: Decision): boolean => {
    const r = parseDecision(scenario, draft, d);
    if (!r.ok) return false;
    applyDecision(scenario, draft, r.decision);
    out.push(r.decision);
    return true;
  };
  for (const it of items) {
    const d = typeof it.d === "function" ? it.d(draft) : it.d;
    if (it.kind === "tb") {
      if (d && !tryOne(d)) stats.tbDropped++;
      continue;
    }
    if (!d) {
      if (it.fallback && !tryOne(it.fallback)) stats.tbDropped++;
      continue;
    }
    stats.transformed++;
    if (tryOne(d)) continue;
    stats.refused++;
    if (it.fallback) tryOne(it.fallback);
  }
  return out;
}

export type Transform = (ctx: TurnCtx) => Item[];

export interface Family {
  id: string;
  /** What the family does, in words (docs/SCENARIOS.md). */
  what: string;
  applies: (scenario: Scenario) => boolean;
  turn: Transform;
}

export interface FamilyRun {
  score: number;
  stats: TurnStats;
}

/** Plays one game with a family (or textbook itself with the identity transform). */
export function playFamily(scenario: Scenario, turn: Transform, seed: string): FamilyRun {
  const r = playFrom(scenario, turn, { state: newGame(scenario, seed), reports: [] }, false);
  return { score: r.score, stats: r.stats };
}

/** A game in progress: the state at the start of a week and the reports of the weeks before. */
export interface GameAt {
  state: GameState;
  reports: readonly WeekReport[];
}

/**
 * Plays from `start` to the end. With `record`, also returns the state at the start of every week played
 * (the engine never changes a state it is given, so they are kept as they are), for replays from a week.
 * step() checks each turn with validateTurn; a refusal there would be a bug of the harness, so it throws.
 */
export function playFrom(
  scenario: Scenario,
  turn: Transform,
  start: GameAt,
  record: boolean,
): FamilyRun & { states: GameState[]; reports: WeekReport[] } {
  let state = start.state;
  const reports: WeekReport[] = [...start.reports];
  const states: GameState[] = [];
  const stats: TurnStats = { transformed: 0, refused: 0, tbDropped: 0 };
  const levers = new Set(scenario.levers);
  while (state.week < scenario.weeks && state.status === "playing") {
    if (record) states.push(state);
    const tb = POLICIES.textbook(scenario, state, reports);
    const v = validateTurn(scenario, state, tb);
    const tbDraft = v.ok ? v.draft : state;
    const decisions = assembleTurn(scenario, state, turn({ scenario, state, reports, tb, tbDraft, levers }), stats);
    const out = step(scenario, state, decisions);
    if (!out.ok) throw new Error(`${scenario.id}/${state.seed} week ${state.week}: ${JSON.stringify(out.errors)}`);
    state = out.state;
    reports.push(out.report);
  }
  return { score: scoreRun(scenario, state).score, stats, states, reports };
}

export const identity: Transform = (ctx) => ctx.tb.map(keep);

// ---------- helpers over textbook's decisions ----------

const listed = (s: GameState) => s.skus.filter((k) => isListed(s, k.id));
const spec = (sc: Scenario, id: string) => sc.skus.find((k) => k.id === id);
const has = (sc: Scenario, ...levers: Lever[]) => levers.every((l) => sc.levers.includes(l));
const PROMO_TYPES = new Set<Decision["type"]>([
  "setFullReduction",
  "setCoupon",
  "setFlashSale",
  "setGroupBuy",
  "setGift",
  "endPromotion",
]);
const MAX_PRICE_FEN = 10_000_000;
const ANCHOR_PRICE_FEN = 9_999_900; // ¥99,999

/** Textbook's decisions with those matching `drop` left out. */
const without = (tb: readonly Decision[], drop: (d: Decision) => boolean): Item[] =>
  tb.filter((d) => !drop(d)).map(keep);

/**
 * Textbook's turn with a price per listed SKU: textbook's setPrice for that SKU becomes the family's,
 * and a setPrice is added where textbook sent none but the price differs.
 */
export function withPrices(ctx: TurnCtx, price: (skuId: string, textbookPriceFen: number) => number | null): Item[] {
  const items: Item[] = [];
  // A SKU on clearance keeps its sell-off price (its listing ends with the stock).
  const done = new Set<string>(
    listed(ctx.tbDraft)
      .filter((k) => clearing(ctx.tbDraft, k.id))
      .map((k) => k.id),
  );
  for (const d of ctx.tb) {
    if (d.type !== "setPrice" || done.has(d.sku)) {
      items.push(keep(d));
      continue;
    }
    const p = price(d.sku, d.priceFen);
    done.add(d.sku);
    items.push(p === null ? keep(d) : change(d, { type: "setPrice", sku: d.sku, priceFen: clampPrice(p) }));
  }
  for (const sku of listed(ctx.tbDraft)) {
    if (done.has(sku.id)) continue;
    const p = price(sku.id, sku.priceFen);
    if (p !== null && clampPrice(p) !== sku.priceFen)
      items.push(add({ type: "setPrice", sku: sku.id, priceFen: clampPrice(p) }));
  }
  return items;
}
function clearing(s: GameState, id: string): boolean {
  const lc = s.lifecycle?.skus[id];
  const sku = s.skus.find((k) => k.id === id);
  return lc !== undefined && lc.clearancePriceFen > 0 && sku?.priceFen === lc.clearancePriceFen;
}
const clampPrice = (p: number) => Math.max(1, Math.min(MAX_PRICE_FEN, Math.round(p)));

/** The hero: the first listed SKU of a state (textbook's focus for ads, detail page and promotions). */
function heroOf(s: GameState) {
  return listed(s)[0];
}

// ---------- the families ----------

/** The promotion kinds one by one, then all at once. */
const PROMO_KINDS = ["fullReduction", "coupon", "flashSale", "groupBuy", "gift"] as const;
type PromoKind = (typeof PROMO_KINDS)[number];

/** A promotion of `kind` giving `off` (0.9 = 90%) of the hero's price away, every week. */
function deepPromotion(kind: PromoKind, off: number): (draft: GameState) => Decision | null {
  return (draft) => {
    const hero = heroOf(draft);
    if (!hero) return null;
    const p = hero.priceFen;
    const keepPct = Math.max(1, Math.round(p * (1 - off)));
    switch (kind) {
      case "fullReduction":
        return { type: "setFullReduction", thresholdFen: p, discountFen: Math.max(1, Math.min(p - 1, p - keepPct)) };
      case "coupon":
        return {
          type: "setCoupon",
          faceFen: Math.max(1, Math.min(p - 1, p - keepPct)),
          minSpendFen: p,
          quantity: 100_000,
          audience: "public",
        };
      case "flashSale":
        return { type: "setFlashSale", sku: hero.id, priceFen: keepPct, qtyCap: Math.max(1, hero.stock), day: 1 };
      case "groupBuy":
        return { type: "setGroupBuy", sku: hero.id, groupPriceFen: keepPct, groupSize: 2 };
      case "gift":
        return { type: "setGift", minSpendFen: 0, giftCostFen: Math.min(1_000_000, Math.max(1, p - keepPct)) };
    }
  };
}

function deepFamily(kinds: readonly PromoKind[], off: number, id: string): Family {
  return {
    id,
    what: `${Math.round(off * 100)}% off every week: ${kinds.join(" + ")} on the hero at that depth, re-issued weekly (textbook's promotions replaced)`,
    applies: (sc) => has(sc, "promotion"),
    turn: (ctx) => [
      ...without(ctx.tb, (d) => PROMO_TYPES.has(d.type)),
      ...kinds.map((k) => add(deepPromotion(k, off))),
    ],
  };
}

/** Feed-ad, search-ad, KOL, content and community channels of a market. */
type Channel = "feed" | "search" | "kol" | "content" | "community";
function channelsOf(sc: Scenario): Channel[] {
  const m = sc.market;
  const out: Channel[] = ["feed"]; // setAds (info-flow, or the generic ads of markets without feedAds)
  if (m.searchAds) out.push("search");
  if (m.kols && m.kols.length > 0) out.push("kol");
  if (m.content) out.push("content");
  if (m.community) out.push("community");
  return out;
}
const CHANNEL_OF: Partial<Record<Decision["type"], Channel>> = {
  setAds: "feed",
  setSearchAds: "search",
  hireKol: "kol",
  setContent: "content",
  setCommunity: "community",
};

/** Textbook's weekly marketing spend by channel (fen) for the draft after its decisions. */
function weeklySpend(sc: Scenario, s: GameState): Record<Channel, number> {
  const kolFees = s.marketing.hires.reduce((a, h) => a + (sc.market.kols?.find((k) => k.id === h.kol)?.feeFen ?? 0), 0);
  return {
    feed: s.ads.dailyBudgetFen * 7,
    search: s.marketing.search.dailyBudgetFen * 7,
    kol: kolFees,
    content: 0,
    community: communityCostFen(s.marketing.community.activity),
  };
}

/** All of textbook's marketing budget in one channel; the others switched off. */
function oneChannel(channel: Channel): Family {
  return {
    id: `oneChannel:${channel}`,
    what: `all of textbook's marketing budget in ${channel}; every other channel off`,
    applies: (sc) => has(sc, "marketing") && channelsOf(sc).length >= 2 && channelsOf(sc).includes(channel),
    turn: (ctx) => {
      const { scenario: sc, state } = ctx;
      const tbDraft = ctx.tbDraft;
      const spend = weeklySpend(sc, tbDraft);
      const others = channelsOf(sc)
        .filter((c) => c !== channel)
        .reduce((a, c) => a + spend[c], 0);
      const items: Item[] = ctx.tb.filter((d) => !CHANNEL_OF[d.type]).map(keep);
      const hero = heroOf(state);
      if (!hero) return items;
      for (const c of channelsOf(sc)) {
        if (c === channel) continue;
        if (c === "feed" && state.ads.dailyBudgetFen > 0)
          items.push(
            add({ type: "setAds", dailyBudgetFen: 0, target: state.ads.target, sku: state.ads.sku || hero.id }),
          );
        if (c === "search" && state.marketing.search.dailyBudgetFen > 0)
          items.push(add({ type: "setSearchAds", sku: hero.id, dailyBudgetFen: 0, bids: state.marketing.search.bids }));
        if (c === "content")
          for (const [platform, plan] of Object.entries(state.marketing.content))
            if (plan && plan.postsPerWeek > 0)
              items.push(
                add({
                  type: "setContent",
                  platform: platform as "douyin",
                  postsPerWeek: 0,
                  format: plan.format,
                  series: plan.series,
                }),
              );
        if (c === "community" && state.marketing.community.activity !== "none")
          items.push(add({ type: "setCommunity", activity: "none" }));
      }
      const own = ctx.tb.filter((d) => CHANNEL_OF[d.type] === channel);
      if (channel === "feed" || channel === "search") {
        const daily = Math.round((spend[channel] + others) / 7 / 100) * 100;
        if (channel === "feed")
          items.push(
            add({ type: "setAds", dailyBudgetFen: daily, target: tbDraft.ads.target, sku: tbDraft.ads.sku || hero.id }),
          );
        else
          items.push(
            add({
              type: "setSearchAds",
              sku: tbDraft.marketing.search.sku || hero.id,
              dailyBudgetFen: daily,
              bids: tbDraft.marketing.search.bids,
            }),
          );
      } else if (channel === "kol") {
        items.push(...own.map(keep));
        // The other channels' money buys extra KOL posts, best value first.
        let left = others;
        const ranked = [...(sc.market.kols ?? [])]
          .filter((k) => !own.some((d) => d.type === "hireKol" && d.kol === k.id))
          .sort(
            (a, b) =>
              kolValuePerFen(b, sc.market.segments, hero.priceFen) -
              kolValuePerFen(a, sc.market.segments, hero.priceFen),
          );
        for (const k of ranked)
          if (k.feeFen <= left) {
            left -= k.feeFen;
            items.push(add({ type: "hireKol", kol: k.id, sku: hero.id }));
          }
      } else if (channel === "content") {
        items.push(
          ...own.map((d) =>
            d.type === "setContent" ? change(d, { ...d, postsPerWeek: Math.min(14, d.postsPerWeek * 2) }) : keep(d),
          ),
        );
      } else if (channel === "community") {
        items.push(add({ type: "setCommunity", activity: "events" }));
      }
      return items;
    },
  };
}

/** Every core keyword that fits, by searches: no selling point, no marketing word. */
function stuffedTitle(sc: Scenario): string[] {
  const core = sc.market.keywords.filter((k) => k.kind === "core").sort((a, b) => b.dailySearches - a.dailySearches);
  const title: string[] = [];
  for (const k of core) {
    if (title.length >= 12) break;
    if (estimateTitleFromPool(sc.market.keywords, [...title, k.id]).chars <= TITLE_MAX_CHARS) title.push(k.id);
  }
  return title;
}

function privateDomain(pushes: number | null, couponFen: number | null, offerPct: number | null): Transform {
  return (ctx) => {
    const cur = ctx.state.customers.settings;
    const tbd = ctx.tb.find((d) => d.type === "setPrivateDomain");
    const base = tbd?.type === "setPrivateDomain" ? tbd : { type: "setPrivateDomain" as const, ...cur };
    const want: Decision = {
      type: "setPrivateDomain",
      insertCard: couponFen !== null ? true : base.insertCard,
      inviteCouponFen: couponFen ?? base.inviteCouponFen,
      pushesPerWeek: pushes ?? base.pushesPerWeek,
      memberOfferPct: offerPct ?? base.memberOfferPct,
    };
    const items = without(ctx.tb, (d) => d.type === "setPrivateDomain");
    const same =
      cur.insertCard === want.insertCard &&
      cur.inviteCouponFen === want.inviteCouponFen &&
      cur.pushesPerWeek === want.pushesPerWeek &&
      cur.memberOfferPct === want.memberOfferPct;
    if (!same) items.unshift(tbd ? change(tbd, want) : add(want));
    return items;
  };
}

/** Designer hours textbook's turn would use from `state`. */
function hoursUsed(sc: Scenario, state: GameState, ds: readonly Decision[]): number {
  const r = validateTurn(sc, state, ds);
  return r.ok ? state.designerHoursLeft - r.draft.designerHoursLeft : 0;
}

const hireFireDesigners: Transform = (ctx) => {
  const { scenario: sc, state, reports } = ctx;
  const n = Math.min(7, TEAM_MAX_PER_ROLE - state.team.members.designer);
  if (n <= 0) return ctx.tb.map(keep);
  const hires: Decision[] = Array.from({ length: n }, () => ({ type: "hire", role: "designer" }));
  const hired = validateTurn(sc, state, hires);
  if (!hired.ok) return ctx.tb.map(keep);
  // Textbook as it would play with the extra hours; only worth it when it would use more of them.
  const more = POLICIES.textbook(sc, hired.draft, reports);
  if (hoursUsed(sc, hired.draft, more) <= hoursUsed(sc, state, ctx.tb)) return ctx.tb.map(keep);
  const fires: Decision[] = Array.from({ length: n }, () => ({ type: "fire", role: "designer" }));
  return [...hires.map(add), ...more.map((d) => add(d)), ...fires.map(add)];
};

const hireFireAnalyst: Transform = (ctx) => {
  const { state, reports } = ctx;
  const topics = reports[reports.length - 1]?.ops?.topics;
  const open = FIXABLE_TOPICS.filter((t) => state.ops.fixes[t] === undefined && (topics?.[t] ?? 0) > 0).sort(
    (a, b) => (topics?.[b] ?? 0) - (topics?.[a] ?? 0),
  );
  const analystDecision = (d: Decision) =>
    d.type === "actOnFeedback" || ((d.type === "hire" || d.type === "fire") && d.role === "analyst");
  if (open.length === 0 || state.team.members.analyst > 0) return ctx.tb.map(keep);
  return [
    add({ type: "hire", role: "analyst" }),
    ...open.map((topic) => add({ type: "actOnFeedback", topic })),
    add({ type: "fire", role: "analyst" }),
    ...without(ctx.tb, analystDecision),
  ];
};

const ZERO_SERVICE: Decision = {
  type: "setService",
  shiftHours: 4,
  scripts: false,
  personalization: 0,
  addressCheck: false,
  stockSync: false,
  delayNotice: false,
  refundSpeed: "slow",
  logistics: "economy",
};

/**
 * The last two weeks: every budget to zero, no promotions, support staff let go (the future does not count).
 * Textbook's reorders stay: not buying stock that cannot sell before the end is good play, not an exploit.
 */
const harvest: Transform = (ctx) => {
  const { scenario: sc, state } = ctx;
  if (sc.weeks - state.week > 2) return ctx.tb.map(keep);
  const hero = heroOf(state);
  const drop = (d: Decision) => CHANNEL_OF[d.type] !== undefined || d.type === "hire" || PROMO_TYPES.has(d.type);
  const items = without(ctx.tb, drop);
  if (sc.levers.includes("marketing") && hero) {
    if (state.ads.dailyBudgetFen > 0)
      items.push(add({ type: "setAds", dailyBudgetFen: 0, target: state.ads.target, sku: state.ads.sku || hero.id }));
    if (state.marketing.search.dailyBudgetFen > 0)
      items.push(add({ type: "setSearchAds", sku: hero.id, dailyBudgetFen: 0, bids: state.marketing.search.bids }));
  }
  if (sc.levers.includes("team"))
    for (const role of ["service", "operations", "analyst", "content"] as const)
      for (let i = 0; i < state.team.members[role]; i++) items.push(add({ type: "fire", role }));
  return items;
};

export const FAMILIES: Family[] = [
  {
    id: "belowCost+maxAds",
    what: "every listed SKU at 70% of its unit cost, ad budgets ×10 (as far as cash allows)",
    applies: (sc) => has(sc, "pricing"),
    turn: (ctx) => {
      const items = withPrices(ctx, (id) => Math.floor((spec(ctx.scenario, id)?.unitCostFen ?? 100) * 0.7)).filter(
        (it) => !(it.kind === "tb" && typeof it.d !== "function" && CHANNEL_OF[it.d.type]),
      );
      if (!ctx.levers.has("marketing")) return items;
      const tbDraft = ctx.tbDraft;
      const hero = heroOf(ctx.state);
      for (const d of ctx.tb)
        if (CHANNEL_OF[d.type] && d.type !== "setAds" && d.type !== "setSearchAds") items.push(keep(d));
      if (!hero) return items;
      const ads = tbDraft.ads;
      const maxDaily = (draft: GameState) => Math.floor(draft.cashFen / 7 / 100) * 100;
      items.push(
        add((draft) => ({
          type: "setAds",
          dailyBudgetFen: Math.min(maxDaily(draft), Math.max(ads.dailyBudgetFen, 10_000) * 10),
          target: ads.target,
          sku: ads.sku || hero.id,
        })),
      );
      const search = tbDraft.marketing.search;
      if (ctx.scenario.market.searchAds && search.bids.length > 0)
        items.push(
          add((draft) => ({
            type: "setSearchAds",
            sku: search.sku || hero.id,
            dailyBudgetFen: Math.min(maxDaily(draft), search.dailyBudgetFen * 10),
            bids: search.bids,
          })),
        );
      return items;
    },
  },
  ...PROMO_KINDS.map((k) => deepFamily([k], 0.9, `90%off:${k}`)),
  deepFamily(PROMO_KINDS, 0.9, "90%off:all"),
  deepFamily(["fullReduction", "flashSale"], 0.3, "30%off:always"),
  {
    id: "overstock×10",
    what: "every textbook reorder ×10 (bulk tier, unsold stock at the end)",
    applies: (sc) => has(sc, "inventory"),
    turn: (ctx) =>
      ctx.tb.map((d) => (d.type === "reorder" ? change(d, { ...d, qty: Math.min(100_000, d.qty * 10) }) : keep(d))),
  },
  {
    id: "overstock×3",
    what: "every textbook reorder ×3 (more of the ×10 orders fit the cash)",
    applies: (sc) => has(sc, "inventory"),
    turn: (ctx) =>
      ctx.tb.map((d) => (d.type === "reorder" ? change(d, { ...d, qty: Math.min(100_000, d.qty * 3) }) : keep(d))),
  },
  {
    id: "zeroService",
    what: "no service or operations staff, 4-hour chat shift, no scripts, no checks, slow refunds, economy courier",
    applies: (sc) => opsActive(sc) && (has(sc, "service") || has(sc, "team")),
    turn: (ctx) => {
      const drop = (d: Decision) =>
        d.type === "setService" ||
        ((d.type === "hire" || d.type === "fire") && (d.role === "service" || d.role === "operations"));
      const items = without(ctx.tb, drop);
      const tbService = ctx.tb.find((d) => d.type === "setService");
      if (ctx.levers.has("service")) items.unshift(tbService ? change(tbService, ZERO_SERVICE) : add(ZERO_SERVICE));
      if (ctx.levers.has("team"))
        for (const role of ["service", "operations"] as const)
          for (let i = 0; i < ctx.state.team.members[role]; i++) items.push(add({ type: "fire", role }));
      return items;
    },
  },
  ...(["feed", "search", "kol", "content", "community"] as const).map(oneChannel),
  {
    id: "keywordStuffing",
    what: "every title stuffed with as many core keywords as fit (no selling point, no marketing word)",
    applies: (sc) => has(sc, "product"),
    turn: (ctx) => {
      const title = stuffedTitle(ctx.scenario);
      const items: Item[] = [];
      const done = new Set<string>();
      for (const d of ctx.tb) {
        if (d.type === "setTitle") {
          done.add(d.sku);
          items.push(change(d, { ...d, keywords: title }));
        } else items.push(keep(d));
      }
      for (const sku of listed(ctx.state))
        if (!done.has(sku.id) && sku.title.join() !== title.join())
          items.push(add({ type: "setTitle", sku: sku.id, keywords: title }));
      return items;
    },
  },
  {
    id: "push×7",
    what: "7 member pushes a week",
    applies: (sc) => has(sc, "private") && sc.market.customers !== undefined,
    turn: privateDomain(7, null, null),
  },
  {
    id: "push×14",
    what: "14 member pushes a week (twice a day)",
    applies: (sc) => has(sc, "private") && sc.market.customers !== undefined,
    turn: privateDomain(14, null, null),
  },
  {
    id: "joinCoupon¥50+member30%",
    what: "a ¥50 join coupon (package card on) and a 30% members' price",
    applies: (sc) => has(sc, "private") && sc.market.customers !== undefined,
    turn: privateDomain(null, 5000, 30),
  },
  {
    id: "memberPrice30%",
    what: "a 30% members' price, textbook's card, coupon and pushes otherwise",
    applies: (sc) => has(sc, "private") && sc.market.customers !== undefined,
    turn: privateDomain(null, null, 30),
  },
  {
    id: "ads×5",
    what: "textbook's feed-ad and search-ad daily budgets ×5 every week (past saturation; P2.1a teaches a moderate, stable budget)",
    applies: (sc) => has(sc, "marketing"),
    turn: (ctx) => {
      const hero = heroOf(ctx.tbDraft);
      const items = without(ctx.tb, (d) => d.type === "setAds" || d.type === "setSearchAds");
      if (!hero) return ctx.tb.map(keep);
      const a = ctx.tbDraft.ads;
      const daily = Math.round((a.dailyBudgetFen * 5) / 100) * 100;
      if (daily !== ctx.state.ads.dailyBudgetFen || a.target !== ctx.state.ads.target || a.sku !== ctx.state.ads.sku)
        items.push(add({ type: "setAds", dailyBudgetFen: daily, target: a.target, sku: a.sku || hero.id }));
      const q = ctx.tbDraft.marketing.search;
      if (ctx.scenario.market.searchAds && q.bids.length > 0) {
        const sd = Math.round((q.dailyBudgetFen * 5) / 100) * 100;
        if (
          sd !== ctx.state.marketing.search.dailyBudgetFen ||
          JSON.stringify(q.bids) !== JSON.stringify(ctx.state.marketing.search.bids)
        )
          items.push(add({ type: "setSearchAds", sku: q.sku || hero.id, dailyBudgetFen: sd, bids: q.bids }));
      }
      return items;
    },
  },
  {
    id: "emptyTurns",
    what: "no decisions at all, every week",
    applies: () => true,
    turn: () => [],
  },
  {
    id: "anchor:week1-all",
    what: "week 1: every listed SKU at ¥99,999 (reference-price anchor), then textbook's prices",
    applies: (sc) => has(sc, "pricing"),
    turn: (ctx) => (ctx.state.week === 0 ? withPrices(ctx, () => ANCHOR_PRICE_FEN) : ctx.tb.map(keep)),
  },
  {
    id: "anchor:week1-others",
    what: "week 1: every listed SKU but the hero at ¥99,999, then textbook's prices",
    applies: (sc) => has(sc, "pricing") && sc.skus.length >= 2,
    turn: (ctx) => {
      const hero = heroOf(ctx.state)?.id;
      return ctx.state.week === 0 ? withPrices(ctx, (id) => (id === hero ? null : ANCHOR_PRICE_FEN)) : ctx.tb.map(keep);
    },
  },
  {
    id: "anchor:every4",
    what: "every 4th week the SKUs but the hero at 10× the market price, textbook's prices in between",
    applies: (sc) => has(sc, "pricing") && sc.skus.length >= 2,
    turn: (ctx) => {
      const hero = heroOf(ctx.state)?.id;
      if (ctx.state.week % 4 !== 0) return ctx.tb.map(keep);
      return withPrices(ctx, (id) => (id === hero ? null : (spec(ctx.scenario, id)?.marketPriceFen ?? 0) * 10));
    },
  },
  {
    id: "price×10",
    what: "every listed SKU at 10× the market price, always",
    applies: (sc) => has(sc, "pricing"),
    turn: (ctx) => withPrices(ctx, (id) => (spec(ctx.scenario, id)?.marketPriceFen ?? 0) * 10),
  },
  {
    id: "price×100:last2",
    what: "textbook's play, then every listed SKU at 100× textbook's price in the last two weeks",
    applies: (sc) => has(sc, "pricing"),
    turn: (ctx) => (ctx.scenario.weeks - ctx.state.week > 2 ? ctx.tb.map(keep) : withPrices(ctx, (_id, p) => p * 100)),
  },
  {
    id: "flash+raise",
    what: "in a week textbook runs a 秒杀, the list price is raised 100× after it (the flash price stays, far below the new list)",
    applies: (sc) => has(sc, "pricing", "promotion"),
    turn: (ctx) => {
      const flash = ctx.tb.find((d) => d.type === "setFlashSale");
      if (flash?.type !== "setFlashSale") return ctx.tb.map(keep);
      return withPrices(ctx, (id, p) => (id === flash.sku ? p * 100 : null));
    },
  },
  {
    id: "hireFire:designers",
    what: "hire 7 designers, let textbook use their hours, fire them in the same turn (weeks where the hours get used)",
    // Designer hours buy store, listing and lifecycle work: nothing to use them on without those levers.
    applies: (sc) => has(sc, "team") && (has(sc, "store") || has(sc, "product")),
    turn: hireFireDesigners,
  },
  {
    id: "hireFire:analyst",
    what: "hire an analyst, act on every complained-about topic, fire the analyst in the same turn",
    applies: (sc) => has(sc, "team") && opsActive(sc),
    turn: hireFireAnalyst,
  },
  {
    id: "harvest:last2",
    what: "the last two weeks: ads, KOLs, content, promotions and hires stopped, support staff fired",
    applies: (sc) => (["marketing", "promotion", "team"] as const).some((l) => has(sc, l)),
    turn: harvest,
  },
  {
    id: "noReorder",
    what: "never reorders (sells the starting stock, then stocks out)",
    applies: (sc) => has(sc, "inventory"),
    turn: (ctx) => without(ctx.tb, (d) => d.type === "reorder"),
  },
  {
    id: "groupBuy:token",
    what: "a 拼团 every week on the hero at 1% off in groups of 10 (joiners and share visitors for almost nothing)",
    applies: (sc) => has(sc, "promotion"),
    turn: (ctx) => [
      ...without(ctx.tb, (d) => d.type === "setGroupBuy"),
      add((draft) => {
        const hero = heroOf(draft);
        return hero
          ? {
              type: "setGroupBuy",
              sku: hero.id,
              groupPriceFen: Math.max(1, Math.floor(hero.priceFen * 0.99)),
              groupSize: 10,
            }
          : null;
      }),
    ],
  },
  {
    id: "upgrade:every2",
    what: "a new version of every listed product every other week (the new-item boost again and again)",
    applies: (sc) => has(sc, "product") && sc.market.lifecycle !== undefined,
    turn: (ctx) => {
      const items = ctx.tb.map(keep);
      if (ctx.state.week % 2 !== 1) return items;
      for (const sku of listed(ctx.tbDraft))
        if (!ctx.tb.some((d) => d.type === "upgrade" && d.sku === sku.id) && !clearing(ctx.tbDraft, sku.id))
          items.push(add({ type: "upgrade", sku: sku.id }));
      return items;
    },
  },
  {
    id: "kolEveryWeek",
    what: "textbook's marketing plus the most-followed affordable KOL every week (fatigue, follower count over fit)",
    applies: (sc) => has(sc, "marketing") && (sc.market.kols?.length ?? 0) > 0,
    turn: (ctx) => {
      const hero = heroOf(ctx.state);
      const items = ctx.tb.map(keep);
      if (!hero) return items;
      const biggest = [...(ctx.scenario.market.kols ?? [])]
        .filter((k) => !ctx.tb.some((d) => d.type === "hireKol" && d.kol === k.id))
        .sort((a, b) => b.followers - a.followers);
      items.push(
        add((draft) => {
          const k = biggest.find((x) => x.feeFen <= draft.cashFen * 0.5);
          return k ? { type: "hireKol", kol: k.id, sku: hero.id } : null;
        }),
      );
      return items;
    },
  },
];

/** Families that apply to a scenario (their lever is open). */
export function familiesFor(scenario: Scenario): Family[] {
  return FAMILIES.filter((f) => f.applies(scenario));
}

export function familyById(id: string): Family {
  const f = FAMILIES.find((x) => x.id === id);
  if (!f) throw new Error(`unknown red-team family "${id}" (known: ${FAMILIES.map((x) => x.id).join(", ")})`);
  return f;
}

// ---------- results and the bar ----------

export interface FamilyResult {
  family: string;
  scores: number[];
  /** Share of seeds where the family scores strictly below textbook. */
  loses: number;
  mean: number;
  /** Share of transformed entries refused by validation (then textbook's decision was used). */
  refusedShare: number;
  transformed: number;
  refused: number;
}

export interface RedTeamResult {
  scenario: string;
  seeds: string[];
  textbook: { scores: number[]; mean: number };
  families: FamilyResult[];
  /** "family in scenario: …" for each family below the bar. */
  failures: string[];
}

const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
const round1 = (x: number) => Math.round(x * 10) / 10;

export function familyResult(family: string, textbook: readonly number[], runs: readonly FamilyRun[]): FamilyResult {
  const scores = runs.map((r) => r.score);
  const loses = scores.filter((s, i) => s < (textbook[i] ?? 0)).length / Math.max(1, scores.length);
  const transformed = runs.reduce((a, r) => a + r.stats.transformed, 0);
  const refused = runs.reduce((a, r) => a + r.stats.refused, 0);
  return {
    family,
    scores,
    loses,
    mean: round1(mean(scores)),
    refusedShare: transformed > 0 ? refused / transformed : 0,
    transformed,
    refused,
  };
}

export function judge(
  scenario: string,
  seeds: string[],
  textbook: readonly number[],
  families: FamilyResult[],
  bar = RED_TEAM_BAR,
): RedTeamResult {
  const failures = families
    .filter((f) => f.loses < bar)
    .map(
      (f) =>
        `${f.family} in ${scenario}: loses to textbook on ${pct(f.loses)} of ${seeds.length} seeds (< ${pct(bar)}), mean ${f.mean} vs textbook ${round1(mean(textbook))}`,
    );
  return { scenario, seeds, textbook: { scores: [...textbook], mean: round1(mean(textbook)) }, families, failures };
}

/** Runs the whole red team for one scenario in this thread (tests; the script uses the worker pool). */
export function redTeamScenario(scenario: Scenario, seeds: string[], families = familiesFor(scenario)): RedTeamResult {
  const tb = seeds.map((s) => playFamily(scenario, identity, s).score);
  const results = families.map((f) =>
    familyResult(
      f.id,
      tb,
      seeds.map((s) => playFamily(scenario, f.turn, s)),
    ),
  );
  return judge(scenario.id, seeds, tb, results);
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function formatRedTeam(r: RedTeamResult): string {
  const lines = [
    `${r.scenario} red team (${r.seeds.length} seeds) — textbook mean ${r.textbook.mean}`,
    "  family                      loses   mean   Δmean  refused",
  ];
  for (const f of r.families)
    lines.push(
      `  ${f.family.padEnd(27)} ${pct(f.loses).padStart(5)} ${String(f.mean).padStart(6)} ${String(round1(f.mean - r.textbook.mean)).padStart(7)} ${`${pct(f.refusedShare)} of ${f.transformed}`.padStart(10)}${f.loses < RED_TEAM_BAR ? "  ← WINS" : ""}`,
    );
  lines.push(r.failures.length === 0 ? "  ok" : r.failures.map((f) => `  FAIL: ${f}`).join("\n"));
  return lines.join("\n");
}

/**
 * The bar for a small sample: the fewest losses out of `n` seeds that a family whose true losing share is
 * `bar` (90%) still reaches with probability ≥ 1 − alpha (one-sided binomial). 12 seeds → 9, 10 → 7, 50 → 41.
 * Used by the test in npm test, which plays fewer seeds than `npm run balance`.
 */
export function smallSampleLosses(n: number, bar = RED_TEAM_BAR, alpha = 0.05): number {
  let cdf = 0;
  let k = 0;
  // P(X = i) for X ~ Binomial(n, bar), accumulated while P(X ≤ i) stays within alpha.
  for (let i = 0; i <= n; i++) {
    let c = 1;
    for (let j = 0; j < i; j++) c = (c * (n - j)) / (j + 1);
    cdf += c * bar ** i * (1 - bar) ** (n - i);
    if (cdf > alpha) break;
    k = i + 1;
  }
  return k;
}
