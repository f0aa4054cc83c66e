// Domain B: operations. Orders & exceptions (P1.3a), standardised + personalised service (P1.3b),
// the feedback loop (P1.3c), data analysis (PX.a), team capacity (PX.c) and the "loan" cash policy.
// Each principle is measured as the effect of changing ONE lever over 30 seeds with common random
// numbers on the sandbox scenario (the test bed with every lever unlocked); the measured means at
// the time of writing are noted in the test names, the bands catch a sign flip or an order-of-
// magnitude change. SHOPSIM_REPORT=1 prints every measurement.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getScenario } from "../../src/content/scenarios";
import {
  type Decision,
  type GameState,
  newGame,
  POLICIES,
  runKpis,
  type Scenario,
  scoreRun,
  step,
  type WeekReport,
} from "../../src/engine";
import { LOAN_INTEREST_WEEKLY, TEAM_HOURS_PER_WEEK } from "../../src/engine/model";
import {
  addressErrorRate,
  chatMultiplier,
  DEFAULT_POLICY,
  logisticsRating,
  minutesPerInquiry,
  notDescribedRate,
  qualityIssueRate,
  replySpeedFactor,
  serviceQueue,
  serviceRating,
  slowShare,
  TOPICS,
  type Topic,
} from "../../src/engine/systems/service";
import { salaryFen, teamHours, weeklySalaryFen } from "../../src/engine/systems/team";
import { applyDecision, parseDecision } from "../../src/engine/validate";
import {
  type DecideFn,
  launch,
  nonFinitePaths,
  type PlayedRun,
  playRun,
  seeds,
  sensiblePlan,
  sig6,
  sum,
  withScenario,
} from "./helpers";
import { opsDecisionArbs } from "./operations-arbitraries";

function sandbox(): Scenario {
  const s = getScenario("sandbox");
  if (!s) throw new Error("sandbox scenario missing");
  return s;
}
const SB = sandbox();
const SEEDS = seeds(30, "ops");
const WEEKS = 5;

function note(label: string, value: number): number {
  if (process.env.SHOPSIM_REPORT) console.log(`[measure] ${label}: ${value.toFixed(4)}`);
  return value;
}

/** Keeps the decisions the engine accepts, in order (a bot's wish list against the real state). */
function acceptable(scenario: Scenario, state: GameState, wanted: readonly Decision[]): Decision[] {
  const draft = structuredClone(state);
  const kept: Decision[] = [];
  for (const d of wanted) {
    const r = parseDecision(scenario, draft, d);
    if (!r.ok) continue;
    applyDecision(scenario, draft, r.decision);
    kept.push(r.decision);
  }
  return kept;
}

const isAnalystWork = (d: Decision) =>
  d.type === "actOnFeedback" || ((d.type === "hire" || d.type === "fire") && d.role === "analyst");

/**
 * The textbook shop without its own feedback loop (so topic counts answer only to the lever under
 * test), then `extra(state, turn)` appended: a later decision of the same lever overrides.
 */
function textbookWith(
  extra: (state: GameState, turn: number) => Decision[] = () => [],
  filter: (d: Decision) => boolean = (d) => !isAnalystWork(d),
): DecideFn {
  return (scenario, state, reports, turn) =>
    acceptable(scenario, state, [...POLICIES.textbook(scenario, state, reports).filter(filter), ...extra(state, turn)]);
}

const cache = new Map<string, PlayedRun[]>();
function arm(key: string, decide: DecideFn, scenario: Scenario = SB, weeks = WEEKS, list = SEEDS): PlayedRun[] {
  const hit = cache.get(key);
  if (hit) return hit;
  const runs = list.map((s) => playRun(scenario, s, decide, { weeks }));
  cache.set(key, runs);
  return runs;
}
const setService = (fields: Omit<Extract<Decision, { type: "setService" }>, "type">) => (): Decision[] => [
  { type: "setService", ...fields },
];
const base = () => arm("base", textbookWith());

const mean = (runs: PlayedRun[], f: (r: PlayedRun) => number) => sum(runs.map(f)) / runs.length;
const rel = (a: PlayedRun[], b: PlayedRun[], f: (r: PlayedRun) => number) => mean(b, f) / mean(a, f) - 1;
const over =
  (f: (w: WeekReport) => number, from = 0) =>
  (r: PlayedRun) =>
    sum(r.reports.slice(from).map(f));
const topic = (t: Topic, from = 0) => over((w) => w.ops?.topics?.[t] ?? 0, from);
const orders = over((w) => w.kpis.orders);
const opsOrders = (k: keyof NonNullable<NonNullable<WeekReport["ops"]>["orders"]>) =>
  over((w) => Number(w.ops?.orders?.[k] ?? 0));
const dsr = (k: "service" | "logistics" | "description") => (r: PlayedRun) => r.state.dsr[k];

// ---------- golden tables of the pure formulas ----------

function round6<T>(value: T): T {
  if (typeof value === "number") return sig6(value) as T;
  if (Array.isArray(value)) return value.map(round6) as T;
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, round6(v)])) as T;
  return value;
}

describe("golden tables (operations formulas)", () => {
  it("serviceQueue over service staff × inquiries a day (shift 16 h, 3.4 min each)", () => {
    const table: Record<string, Record<string, unknown>> = {};
    for (const staff of [0, 1, 2, 3, 4]) {
      const row: Record<string, unknown> = {};
      for (const inquiries of [20, 60, 100, 200, 400]) {
        row[`${inquiries}/day`] = serviceQueue({
          inquiries,
          backMinutes: 0,
          staffHoursPerDay: (staff * 40) / 7,
          shiftHours: 16,
          minutesPerInquiry: 3.4,
        });
      }
      table[`${staff} staff`] = row;
    }
    expect(round6(table)).toMatchSnapshot();
  });

  it("serviceQueue over shift hours (2 staff, 100 inquiries a day)", () => {
    const table = Object.fromEntries(
      [4, 8, 12, 16].map((h) => [
        `${h} h`,
        serviceQueue({
          inquiries: 100,
          backMinutes: 0,
          staffHoursPerDay: 80 / 7,
          shiftHours: h,
          minutesPerInquiry: 3,
        }),
      ]),
    );
    expect(round6(table)).toMatchSnapshot();
  });

  it("chatMultiplier over answered share × reply time; replySpeedFactor and slowShare over reply time", () => {
    const table: Record<string, Record<string, number>> = {};
    for (const answered of [0, 0.36, 0.71, 1]) {
      const row: Record<string, number> = {};
      for (const sec of [5, 10, 20, 30, 60, 120, 300]) row[`${sec}s`] = chatMultiplier(answered, sec);
      table[`answered ${answered}`] = row;
    }
    expect(round6(table)).toMatchSnapshot();
    expect(
      round6(
        Object.fromEntries([5, 10, 20, 30, 60, 120, 300].map((s) => [`${s}s`, [replySpeedFactor(s), slowShare(s)]])),
      ),
    ).toMatchSnapshot();
  });

  it("minutesPerInquiry, issue rates and ratings over settings", () => {
    const mpi: Record<string, number> = {};
    for (const scripts of [false, true])
      for (const personalization of [0, 1, 2])
        for (const trained of [false, true])
          mpi[`scripts ${scripts} personal ${personalization} trained ${trained}`] = minutesPerInquiry(
            { ...DEFAULT_POLICY, scripts, personalization },
            trained,
          );
    const rates = {
      address: [0, 0.5, 1].map((c) => addressErrorRate(undefined, c, 1)),
      addressFixed: addressErrorRate(undefined, 0, 0.4),
      quality: [5, 4.9, 4.5, 4, 3].map((q) => qualityIssueRate(q, 1)),
      notDescribed: [notDescribedRate(false, 1), notDescribedRate(true, 1), notDescribedRate(false, 0.4)],
    };
    const service: Record<string, number> = {
      perfect: serviceRating({ unanswered: 0, slow: 0, badAnswer: 0, delight: 0, disputes: 0, oversold: 0 }),
      textbook: serviceRating({ unanswered: 0, slow: 0, badAnswer: 0.02, delight: 0.2, disputes: 0, oversold: 0 }),
      oneStaff8h: serviceRating({
        unanswered: 0.64,
        slow: 0,
        badAnswer: 0.03,
        delight: 0.01,
        disputes: 0.005,
        oversold: 0,
      }),
      noStaff: serviceRating({ unanswered: 1, slow: 0, badAnswer: 0, delight: 0, disputes: 0.005, oversold: 0 }),
      oversoldWeek: serviceRating({ unanswered: 0, slow: 0, badAnswer: 0.02, delight: 0, disputes: 0, oversold: 0.25 }),
    };
    const logistics: Record<string, number> = {};
    for (const p of ["express", "standard", "economy"] as const)
      for (const notice of [false, true]) logistics[`${p} notice ${notice}`] = logisticsRating(p, 0.08, 0.02, notice);
    expect(round6({ mpi, rates, service, logistics })).toMatchSnapshot();
  });
});

// ---------- P1.3b standardised + personalised service ----------

describe("P1.3b service queue and scripts", () => {
  it("one service person instead of enough lowers orders by 5–25% (measured ≈6%) and DSR 服务态度 by 0.1–1.0 (measured ≈0.24)", () => {
    const one = arm(
      "oneStaff",
      textbookWith(
        (s) =>
          Array.from(
            { length: Math.max(0, s.team.members.service - 1) },
            () => ({ type: "fire", role: "service" }) as const,
          ),
        (d) => !isAnalystWork(d) && !(d.type === "hire" && d.role === "service"),
      ),
    );
    const dOrders = note("P1.3b one staff: orders", rel(base(), one, orders));
    const dDsr = note("P1.3b one staff: dsr.service", mean(one, dsr("service")) - mean(base(), dsr("service")));
    expect(dOrders).toBeLessThan(-0.05);
    expect(dOrders).toBeGreaterThan(-0.25);
    expect(dDsr).toBeLessThan(-0.1);
    expect(dDsr).toBeGreaterThan(-1.0);
  });

  it("without standard scripts, slow/inconsistent-answer reviews rise 2–10× in ordinary weeks (measured ≈5.2×) and DSR 服务态度 falls 0.05–0.6 (measured ≈0.22)", () => {
    const off = arm("noScripts", textbookWith(setService({ scripts: false })));
    // Ordinary weeks (before the 618 rush of week 5 overloads every team alike).
    const ordinary = (r: PlayedRun) => sum(r.reports.slice(0, 4).map((w) => w.ops?.topics?.slowReply ?? 0));
    const ratio = note("P1.3b no scripts: slowReply reviews weeks 1–4 ×", mean(off, ordinary) / mean(base(), ordinary));
    const dDsr = note("P1.3b no scripts: dsr.service", mean(off, dsr("service")) - mean(base(), dsr("service")));
    expect(ratio).toBeGreaterThan(2);
    expect(ratio).toBeLessThan(10);
    expect(dDsr).toBeLessThan(-0.05);
    expect(dDsr).toBeGreaterThan(-0.6);
  });

  it("personalisation 2 vs 0 multiplies great-service reviews 4–30× (measured ≈11×) and builds serviceLoyalty to 1.08–1.2 over 4 weeks (measured ≈1.15)", () => {
    const p0 = arm("personal0", textbookWith(setService({ personalization: 0 })));
    const p2 = arm("personal2", textbookWith(setService({ personalization: 2 })));
    const ratio = note(
      "P1.3b personalisation 2/0: greatService ×",
      mean(p2, topic("greatService")) / Math.max(0.01, mean(p0, topic("greatService"))),
    );
    const loyalty = note(
      "P1.3b personalisation 2: loyalty after week 4",
      mean(p2, (r) => r.reports[3]?.ops?.service?.loyalty ?? 0),
    );
    expect(ratio).toBeGreaterThan(4);
    expect(ratio).toBeLessThan(30);
    expect(mean(p0, (r) => r.state.ops.loyalty)).toBe(1);
    expect(loyalty).toBeGreaterThan(1.08);
    expect(loyalty).toBeLessThan(1.2);
  });
});

describe("P1.3b → repurchase: personal service builds loyal customers (26 weeks)", () => {
  it("personalisation 2 vs 0 raises the run's repurchase rate by 4–30% (measured +12.5%) and repeat orders by 4–30% (measured +13.8%)", () => {
    const p0 = arm("personal0:26", textbookWith(setService({ personalization: 0 })), SB, 26);
    const p2 = arm("personal2:26", textbookWith(setService({ personalization: 2 })), SB, 26);
    const rep = (r: PlayedRun) => runKpis(SB, r.state).repurchaseRate;
    const lift = note("P1.3b personalisation 2/0: repurchase rate", rel(p0, p2, rep));
    expect(lift).toBeGreaterThan(0.04);
    expect(lift).toBeLessThan(0.3);
    const repeat = note(
      "P1.3b personalisation 2/0: repeat orders",
      rel(
        p0,
        p2,
        over((w) => w.customers?.repeatOrders ?? 0),
      ),
    );
    expect(repeat).toBeGreaterThan(0.04);
    expect(repeat).toBeLessThan(0.3);
  });
});

// ---------- P1.3a orders and exceptions ----------

describe("P1.3a order exceptions and logistics", () => {
  it("switching address verification off multiplies wrong-address parcels 3–8× (measured ≈5×) and costs reships", () => {
    const off = arm("noAddressCheck", textbookWith(setService({ addressCheck: false })));
    const ratio = note(
      "P1.3a no address check: errors ×",
      mean(off, opsOrders("addressErrors")) / Math.max(0.01, mean(base(), opsOrders("addressErrors"))),
    );
    expect(ratio).toBeGreaterThan(3);
    expect(ratio).toBeLessThan(8);
    expect(mean(off, opsOrders("reshipFen"))).toBeGreaterThan(mean(base(), opsOrders("reshipFen")));
    expect(mean(off, topic("wrongAddress"))).toBeGreaterThan(mean(base(), topic("wrongAddress")));
  });

  it("with stock running out, no stock sync oversells on sell-out days (measured ≈250 orders in 5 weeks), pays compensation and costs 0.2–2 DSR 服务态度 (measured ≈1.1)", () => {
    const noReorder = (d: Decision) => !isAnalystWork(d) && d.type !== "reorder";
    const on = arm("syncOn", textbookWith(setService({ stockSync: true }), noReorder));
    const off = arm("syncOff", textbookWith(setService({ stockSync: false }), noReorder));
    const oversold = note("P1.3a no sync: oversold orders", mean(off, opsOrders("oversold")));
    const dDsr = note("P1.3a no sync: dsr.service", mean(off, dsr("service")) - mean(on, dsr("service")));
    expect(mean(on, opsOrders("oversold"))).toBe(0);
    expect(oversold).toBeGreaterThan(5);
    expect(mean(off, opsOrders("compensationFen"))).toBeGreaterThan(0);
    expect(mean(off, topic("oversold"))).toBeGreaterThan(1);
    expect(dDsr).toBeLessThan(-0.2);
    expect(dDsr).toBeGreaterThan(-2);
  });

  it("without a proactive delay notice, late-delivery reviews rise 1.8–4× (measured ≈2.5×)", () => {
    const off = arm("noNotice", textbookWith(setService({ delayNotice: false })));
    const ratio = note(
      "P1.3a no delay notice: lateDelivery reviews ×",
      mean(off, topic("lateDelivery")) / mean(base(), topic("lateDelivery")),
    );
    expect(ratio).toBeGreaterThan(1.8);
    expect(ratio).toBeLessThan(4);
  });

  it("express vs economy courier: delays fall 70–95% (measured ≈81%), DSR 物流服务 rises 0.2–0.8 (measured ≈0.51), logistics cost per order more than doubles", () => {
    const express = arm("express", textbookWith(setService({ logistics: "express" })));
    const economy = arm("economy", textbookWith(setService({ logistics: "economy" })));
    const perOrder = (r: PlayedRun) => opsOrders("delayed")(r) / Math.max(1, opsOrders("shipped")(r));
    const dDelay = note("P1.3a express/economy: delay share", mean(express, perOrder) / mean(economy, perOrder) - 1);
    const dDsr = note(
      "P1.3a express−economy: dsr.logistics",
      mean(express, dsr("logistics")) - mean(economy, dsr("logistics")),
    );
    expect(dDelay).toBeLessThan(-0.7);
    expect(dDelay).toBeGreaterThan(-0.95);
    expect(dDsr).toBeGreaterThan(0.2);
    expect(dDsr).toBeLessThan(0.8);
    const logisticsPerOrder = (r: PlayedRun) =>
      -sum(r.reports.map((w) => w.ledger.logistics ?? 0)) / Math.max(1, opsOrders("shipped")(r));
    expect(mean(express, logisticsPerOrder)).toBeGreaterThan(mean(economy, logisticsPerOrder) * 2);
  });

  it("slow refund approval vs fast: disputes appear on 1–5% of orders (measured ≈3.0%), DSR 服务态度 falls 0.05–0.5 (measured ≈0.20), fewer refunds approved", () => {
    const slow = arm("refundSlow", textbookWith(setService({ refundSpeed: "slow" })));
    const disputes = note(
      "P1.3a slow refunds: disputes per order",
      mean(slow, (r) => opsOrders("disputes")(r) / opsOrders("shipped")(r)),
    );
    const dDsr = note("P1.3a slow refunds: dsr.service", mean(slow, dsr("service")) - mean(base(), dsr("service")));
    expect(mean(base(), opsOrders("disputes"))).toBe(0);
    expect(disputes).toBeGreaterThan(0.01);
    expect(disputes).toBeLessThan(0.05);
    expect(dDsr).toBeLessThan(-0.05);
    expect(dDsr).toBeGreaterThan(-0.5);
    const approvedShare = (r: PlayedRun) => opsOrders("refundsApproved")(r) / opsOrders("returnRequests")(r);
    expect(mean(slow, approvedShare)).toBeLessThan(mean(base(), approvedShare));
  });
});

describe("P1.3c reputation reaches traffic: the DSR feeds the search ranking", () => {
  it("a shop starting at DSR 4.3 instead of 4.7 gets 8–30% fewer organic search visitors in week 1 (ranking × (DSR/4.8)^4; measured 15.8%)", () => {
    const at = (v: number) => (s: GameState) => {
      s.dsr = { description: v, service: v, logistics: v };
    };
    const play = (key: string, v: number) => {
      const hit = cache.get(key);
      if (hit) return hit;
      const runs = SEEDS.map((seed) => playRun(SB, seed, textbookWith(), { weeks: 1, init: at(v) }));
      cache.set(key, runs);
      return runs;
    };
    const search = (r: PlayedRun) => r.reports[0]?.traffic.search ?? 0;
    const cut = note(
      "P1.3c DSR 4.3 vs 4.7: week-1 search visitors",
      rel(play("dsr4.7", 4.7), play("dsr4.3", 4.3), search),
    );
    expect(cut).toBeLessThan(-0.08);
    expect(cut).toBeGreaterThan(-0.3);
  });
});

// ---------- P1.3c feedback loop, PX.a data analysis ----------

describe("P1.3c feedback loop and PX.a analyst", () => {
  it("acting on 'not as described' (fix the page) cuts those reviews in weeks 4–5 by 40–80% (measured ≈63%)", () => {
    const fixed = arm(
      "fixNad",
      textbookWith((_s, turn) =>
        turn === 0
          ? [{ type: "hire", role: "analyst" }]
          : turn === 1
            ? [{ type: "actOnFeedback", topic: "notAsDescribed" }]
            : [],
      ),
    );
    const cut = note("P1.3c fix notAsDescribed: reviews weeks 4–5", rel(base(), fixed, topic("notAsDescribed", 3)));
    expect(cut).toBeLessThan(-0.4);
    expect(cut).toBeGreaterThan(-0.8);
  });

  it("the deeper report (funnel by segment and source, root causes) exists only with an analyst", () => {
    const s0 = newGame(SB, "analyst");
    const without = step(SB, s0, []);
    const withA = step(SB, s0, [{ type: "hire", role: "analyst" }]);
    if (!without.ok || !withA.ok) throw new Error("rejected");
    expect(without.report.ops?.analysis).toBeUndefined();
    expect(without.report.ops?.analysisLocked).toBe(true);
    const a = withA.report.ops?.analysis;
    expect(a).toBeDefined();
    expect(withA.report.ops?.analysisLocked).toBe(false);
    expect(Object.keys(a?.funnelBySegment ?? {})).toEqual(SB.market.segments.map((g) => g.id));
    const bySeg = Object.values(a?.funnelBySegment ?? {});
    expect(sum(bySeg.map((c) => c.visitors))).toBeGreaterThan(0);
    expect(sum(bySeg.map((c) => c.paid))).toBeGreaterThanOrEqual(withA.report.kpis.orders);
    expect(a?.funnelBySource.search?.visitors).toBeGreaterThan(0);
    // Feedback actions are locked without an analyst.
    const noAnalyst = parseDecision(SB, s0, { type: "actOnFeedback", topic: "quality" });
    expect(noAnalyst.ok ? "" : noAnalyst.error.key).toBe("err.noAnalyst");
  });

  it("root causes name each complaint topic's cause and fix, sorted by count; topic reviews carry review.topic.* keys", () => {
    const r = playRun(
      SB,
      "topics",
      textbookWith((_s, turn) => (turn === 0 ? [{ type: "hire", role: "analyst" }] : [])),
      {
        weeks: 4,
      },
    );
    const last = r.reports[3]?.ops;
    const causes = last?.analysis?.rootCauses ?? [];
    expect(causes.length).toBeGreaterThan(0);
    for (let i = 1; i < causes.length; i++) expect(causes[i - 1]?.count).toBeGreaterThanOrEqual(causes[i]?.count ?? 0);
    for (const c of causes) expect(c.action).not.toBe("none");
    const keys = r.reports.flatMap((w) => w.reviews.map((v) => v.key)).filter((k) => k.startsWith("review.topic."));
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) expect(TOPICS.map((t) => `review.topic.${t}`)).toContain(k);
  });
});

// ---------- PX.a data analysis drives decisions (measured) ----------

describe("PX.a an analyst who finds root causes, acted on, cuts complaints", () => {
  const WEEKS_PXA = 8;
  const complaints =
    (from = 0) =>
    (r: PlayedRun) =>
      sum(TOPICS.filter((t) => t !== "greatService").map((t) => topic(t, from)(r)));
  const hiredAnalyst = (r: PlayedRun) =>
    r.turns.flat().some((d) => (d as Decision).type === "hire" && (d as { role?: string }).role === "analyst");
  // Both arms play the textbook shop for 8 weeks; only the analyst work differs (hire once complaints show,
  // act on the top root causes the analysis names, let go when done).
  const without = () => arm("pxa:none", textbookWith(), SB, WEEKS_PXA);
  const withAnalyst = () =>
    arm(
      "pxa:analyst",
      textbookWith(
        () => [],
        () => true,
      ),
      SB,
      WEEKS_PXA,
    );

  it("acting on the analysis cuts complaint reviews in weeks 5–8 by 10–35% (measured 19.7%) and raises DSR 描述相符 by 0.04–0.3 (measured +0.12)", () => {
    expect(withAnalyst().every(hiredAnalyst)).toBe(true);
    expect(without().some(hiredAnalyst)).toBe(false);
    const cut = note("PX.a complaint reviews weeks 5–8", rel(without(), withAnalyst(), complaints(4)));
    expect(cut).toBeLessThan(-0.1);
    expect(cut).toBeGreaterThan(-0.35);
    const dDesc = note(
      "PX.a dsr.description",
      mean(withAnalyst(), dsr("description")) - mean(without(), dsr("description")),
    );
    expect(dDesc).toBeGreaterThan(0.04);
    expect(dDesc).toBeLessThan(0.3);
    // Orders barely move within 8 weeks (measured +0.1%); the analyst's pay and the fixes cost money first.
    note("PX.a orders", rel(without(), withAnalyst(), orders));
    note(
      "PX.a net profit",
      rel(without(), withAnalyst(), (r) => runKpis(SB, r.state).netProfitFen),
    );
  });
});

// ---------- PX.c team capacity (measured) ----------

describe("PX.c capacity limits what a shop can do in a week", () => {
  // The sandbox with stock that never runs out and the designers' real 40 h a week.
  const STOCKED = withScenario(SB, (s) => {
    for (const k of s.skus) k.stock = 20_000;
  });
  const WEEKS_PXC = 4;
  /** Every turn the whole sensible store + listing wish list; only what the designers' hours allow goes out. */
  const wishes =
    (hire: boolean): DecideFn =>
    (sc, st, _reps, turn) =>
      acceptable(sc, st, [
        ...(hire && turn === 0 ? [{ type: "hire", role: "designer" } as const] : []),
        ...sensiblePlan(sc),
      ]);
  const one = () => arm("pxc:one", wishes(false), STOCKED, WEEKS_PXC);
  const two = () => arm("pxc:two", wishes(true), STOCKED, WEEKS_PXC);

  it("one designer's 40 h get the store and one title out in week 1 (6 of 13 changes, prices included), two designers all 13; orders in weeks 1–4 rise by 12–50% (measured +27%)", () => {
    const applied = (runs: PlayedRun[]) =>
      mean(runs, (r) => (r.turns[0] ?? []).filter((d) => (d as Decision).type !== "hire").length);
    expect(applied(one())).toBe(6);
    expect(applied(two())).toBe(13);
    const lift = note("PX.c orders weeks 1–4", rel(one(), two(), orders));
    expect(lift).toBeGreaterThan(0.12);
    expect(lift).toBeLessThan(0.5);
    // Week 1 alone: about three times the orders (measured ×3.0).
    const w1 = note(
      "PX.c orders week 1",
      rel(one(), two(), (r) => r.reports[0]?.kpis.orders ?? 0),
    );
    expect(w1).toBeGreaterThan(0.8);
    expect(w1).toBeLessThan(4);
  });
});

// ---------- PX.c team ----------

describe("PX.c team capacity", () => {
  it("design hours come from the designers; hiring adds hours at once and salary at week end", () => {
    const s0 = newGame(SB, "team");
    expect(s0.designerHoursLeft).toBe(TEAM_HOURS_PER_WEEK);
    expect(teamHours(s0, "service")).toBe(TEAM_HOURS_PER_WEEK);
    const out = step(SB, s0, [
      { type: "hire", role: "designer" },
      { type: "hire", role: "content" },
    ]);
    if (!out.ok) throw new Error("rejected");
    expect(out.state.designerHoursLeft).toBe(2 * TEAM_HOURS_PER_WEEK);
    expect(teamHours(out.state, "content")).toBe(TEAM_HOURS_PER_WEEK);
    expect(out.report.ledger.salaries).toBe(-weeklySalaryFen(SB, out.state));
    expect(out.report.ops?.team.salaryFen).toBe(
      2 * salaryFen(SB, "designer") + salaryFen(SB, "content") + salaryFen(SB, "service"),
    );
    const fired = step(SB, out.state, [
      { type: "fire", role: "designer" },
      { type: "fire", role: "designer" },
    ]);
    if (!fired.ok) throw new Error("rejected");
    expect(fired.state.designerHoursLeft).toBe(0);
    expect(parseDecision(SB, fired.state, { type: "setTitle", sku: "cup300", keywords: ["juice-cup"] }).ok).toBe(false);
    const none = parseDecision(SB, fired.state, { type: "fire", role: "designer" });
    expect(none.ok ? "" : none.error.key).toBe("err.teamEmpty");
  });

  it("a scenario without start.team keeps the single designer (launch: hours and salary unchanged)", () => {
    const L = launch();
    const s0 = newGame(L, "legacy");
    expect(s0.designerHoursLeft).toBe(L.start.designerHoursPerWeek);
    expect(weeklySalaryFen(L, s0)).toBe(L.start.designerSalaryFen);
    const out = step(L, s0, []);
    if (!out.ok) throw new Error("rejected");
    expect(out.report.ledger.salaries).toBe(-L.start.designerSalaryFen);
    expect(out.report.ops?.active).toBe(false);
    expect(out.report.ops?.service).toBeUndefined();
    expect(parseDecision(L, s0, { type: "hire", role: "service" }).ok).toBe(false);
  });
});

// ---------- cash policy ----------

describe("cash policy: loan instead of bankruptcy", () => {
  const poor = (policy: "loan" | "bankrupt") =>
    withScenario(SB, (s) => {
      s.start.cashFen = 200_000;
      s.cashPolicy = policy;
    });
  const spend: DecideFn = (_sc, st) =>
    st.week === 0
      ? [
          { type: "hire", role: "service" },
          { type: "hire", role: "service" },
        ]
      : [];

  it("a shop that runs out of cash borrows (1%/week interest, repaid once cash recovers) instead of closing", () => {
    const loan = playRun(poor("loan"), "loan", spend, { weeks: 8 });
    const bankrupt = playRun(poor("bankrupt"), "loan", spend, { weeks: 8 });
    expect(bankrupt.state.status).toBe("bankrupt");
    expect(loan.state.status).toBe("playing");
    const borrowed = sum(loan.reports.map((w) => w.ops?.loan.borrowedFen ?? 0));
    const interest = sum(loan.reports.map((w) => w.ops?.loan.interestFen ?? 0));
    expect(borrowed).toBeGreaterThan(0);
    expect(interest).toBeGreaterThan(0);
    expect(interest).toBeLessThanOrEqual(Math.ceil(borrowed * LOAN_INTEREST_WEEKLY * 8) + 8);
    expect(loan.state.ledger.interest).toBe(-interest);
    for (const w of loan.reports) expect(w.kpis.cashEndFen).toBeGreaterThanOrEqual(0);
    // Interest is a cost in net profit; the principal is not.
    const k = runKpis(poor("loan"), loan.state);
    expect(k.netProfitFen).toBe(
      k.grossProfitFen +
        sum(
          Object.entries(loan.state.ledger)
            .filter(([c]) => !["sales", "refunds", "inventory", "loan"].includes(c))
            .map(([, v]) => v),
        ),
    );
  });
});

// ---------- calibration ----------

describe("calibration (calibration.md, industry compilations C)", () => {
  const refundRate = (returnRate?: number) => {
    const sc =
      returnRate === undefined
        ? SB
        : withScenario(SB, (s) => {
            for (const k of s.skus) k.returnRate = returnRate;
          });
    const runs = seeds(10, "cal").map((seed) => playRun(sc, seed, textbookWith(), { weeks: 8 }));
    return mean(runs, (r) => runKpis(sc, r.state).refundRate);
  };
  it("refund rate lands in the public ranges: electronics 8–15% (measured 11.2%), apparel 30–40% (36.6%), beauty 5–12% (8.4%)", () => {
    const electronics = note("refund rate electronics (sandbox, return rates 10–12%)", refundRate());
    const apparel = note("refund rate apparel (return rate 35%)", refundRate(0.35));
    const beauty = note("refund rate beauty (return rate 8%)", refundRate(0.08));
    expect(electronics).toBeGreaterThan(0.08);
    expect(electronics).toBeLessThan(0.15);
    expect(apparel).toBeGreaterThan(0.3);
    expect(apparel).toBeLessThan(0.4);
    expect(beauty).toBeGreaterThan(0.05);
    expect(beauty).toBeLessThan(0.12);
  });

  it("textbook first-reply time in an ordinary week lands in Taobao's 5–35 s (practitioner, C; measured ≈17 s) and chat lifts conversion by at most +16% (Tan, Wang & Tan 2019)", () => {
    // The median week (a promotion rush overloads even a well-staffed team for a day or two).
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const reply = note(
      "textbook median weekly first reply (s)",
      mean(base(), (r) => median(r.reports.map((w) => w.ops?.service?.avgReplySec ?? 0))),
    );
    expect(reply).toBeGreaterThan(5);
    expect(reply).toBeLessThan(35);
    for (const r of base())
      for (const w of r.reports) expect(w.ops?.service?.conversionMult ?? 1).toBeLessThanOrEqual(1.16 + 1e-9);
  });
});

// ---------- extreme strategies ----------

describe("extreme strategies score lower than textbook (sandbox, same seeds)", () => {
  const EXTREME_SEEDS = seeds(6, "x");
  const score = (decide: DecideFn) => EXTREME_SEEDS.map((seed) => scoreRun(SB, playRun(SB, seed, decide).state).score);
  const textbook: DecideFn = (sc, st, reps) => POLICIES.textbook(sc, st, reps);
  let tb: number[] = [];
  const textbookScores = () => {
    if (tb.length === 0) tb = score(textbook);
    return tb;
  };
  const check = (label: string, scores: number[]) => {
    const t = textbookScores();
    note(`extreme ${label}: mean score`, sum(scores) / scores.length);
    note(`extreme ${label}: textbook mean`, sum(t) / t.length);
    const wins = scores.filter((x, i) => x < (t[i] ?? 0)).length;
    expect(wins).toBeGreaterThanOrEqual(5);
    expect(sum(scores)).toBeLessThan(sum(t));
  };

  it("no service staff", () => {
    check(
      "no service staff",
      score((sc, st, reps) =>
        acceptable(sc, st, [
          ...POLICIES.textbook(sc, st, reps).filter(
            (d) => !((d.type === "hire" || d.type === "fire") && d.role === "service"),
          ),
          ...Array.from({ length: st.team.members.service }, () => ({ type: "fire", role: "service" }) as const),
        ]),
      ),
    );
  });

  it("hiring everyone", () => {
    const roles = ["designer", "content", "service", "operations", "analyst"] as const;
    check(
      "hire everyone",
      score((sc, st, reps) =>
        acceptable(sc, st, [
          ...POLICIES.textbook(sc, st, reps).filter((d) => d.type !== "fire"),
          ...roles.map((role) => ({ type: "hire", role }) as const),
        ]),
      ),
    );
  });

  it("ordering ten times demand", () => {
    check(
      "ten times demand",
      score((sc, st, reps) =>
        acceptable(
          sc,
          st,
          POLICIES.textbook(sc, st, reps).map((d) =>
            d.type === "reorder" ? { ...d, qty: Math.min(100_000, d.qty * 10) } : d,
          ),
        ),
      ),
    );
  });
});

// ---------- report evidence ----------

describe("report evidence", () => {
  it("the week report carries each mechanism's numbers", () => {
    const w = base()[0]?.reports[2]?.ops;
    expect(w?.active).toBe(true);
    expect(w?.service?.presale).toBeGreaterThan(0);
    expect(w?.service?.avgReplySec).toBeGreaterThan(0);
    expect(w?.service?.conversionMult).toBeGreaterThan(1);
    expect(w?.orders?.shipped).toBeGreaterThan(0);
    expect(w?.orders?.addressChecked).toBe(w?.orders?.shipped);
    expect(w?.ratings?.service).toBeGreaterThan(4);
    expect(Object.keys(w?.topics ?? {})).toEqual([...TOPICS]);
    expect(w?.team.members.service).toBeGreaterThan(0);
  });
});

// ---------- properties on the sandbox (where the operations levers are unlocked) ----------

describe("properties with random operations decisions (sandbox)", () => {
  const opsTurns = fc.array(fc.array(fc.oneof(...opsDecisionArbs()), { maxLength: 5 }), {
    minLength: 5,
    maxLength: 5,
  });
  const playOps = (seed: string, turns: Decision[][]) =>
    playRun(SB, seed, (sc, st, reps, t) => acceptable(sc, st, [...POLICIES.naive(sc, st, reps), ...(turns[t] ?? [])]), {
      weeks: 5,
    });
  it("cash conservation, no NaN, no negative stock, determinism", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 8 }), opsTurns, (seed, turns) => {
        const a = playOps(seed, turns);
        const b = playOps(seed, turns);
        expect(b.hashes).toEqual(a.hashes);
        expect(a.state.cashFen).toBe(SB.start.cashFen + sum(Object.values(a.state.ledger)));
        expect(nonFinitePaths(a.state)).toEqual([]);
        expect(nonFinitePaths(a.reports)).toEqual([]);
        for (const k of a.state.skus) expect(k.stock).toBeGreaterThanOrEqual(0);
        for (const r of a.reports) expect(r.kpis.cashEndFen).toBeGreaterThanOrEqual(0); // loan policy
      }),
      { numRuns: 8 },
    );
  });
});
