// Domain A — commerce: promotions (P1.2g), competitors' price reactions (P1.2f), the platform calendar.
// Lever experiments use common random numbers (same seeds both arms) on the sandbox's laboratory copy
// (plenty of stock), change one lever in week 2 and measure weeks 2–4. Bands are set around measured
// values with margins that catch a sign flip or an order-of-magnitude change.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getScenario } from "../../src/content/scenarios";
import {
  checkDecision,
  type Decision,
  estimatePromotion,
  type GameState,
  newGame,
  POLICIES,
  type Scenario,
  scoreRun,
  step,
  type WeekReport,
} from "../../src/engine";
import { charmPriceBelow, textbookTitle } from "../../src/engine/policies";
import { calendarDay, eventPriceCut, nextCompetitorIndex, nextPressure } from "../../src/engine/systems/market";
import {
  discountLift,
  flashVisitors,
  groupFillProbability,
  qualifyingShare,
  qualityPenalty,
  thresholdLift,
  topUpProbability,
} from "../../src/engine/systems/promotions";
import { commerceDecisionArbs } from "./commerce-arbitraries";
import { lab, launch, nonFinitePaths, type PlayedRun, playRun, seeds, sig6, sum } from "./helpers";

const SANDBOX = (() => {
  const s = getScenario("sandbox");
  if (!s) throw new Error("sandbox scenario missing");
  return s;
})();
const LAB = lab(SANDBOX);
const SEEDS = seeds(30, "c");
const WEEKS = 4;
const PROMO_TYPES = new Set([
  "setFullReduction",
  "setCoupon",
  "setFlashSale",
  "setGroupBuy",
  "setGift",
  "endPromotion",
]);

/** Turn 1: titles and charm prices at 92% of the market (the lecture's listing); turn 2: the lever. */
function labRun(seed: string, lever: Decision[], weeks = WEEKS, scenario: Scenario = LAB): PlayedRun {
  return playRun(
    scenario,
    seed,
    (sc, _st, _r, t) => {
      if (t === 0)
        return sc.skus.flatMap((k) => [
          { type: "setTitle", sku: k.id, keywords: textbookTitle(sc) },
          { type: "setPrice", sku: k.id, priceFen: charmPriceBelow(Math.round(k.marketPriceFen * 0.92)) },
        ]);
      return t === 1 ? lever : [];
    },
    { weeks },
  );
}

const baseCache = new Map<string, PlayedRun>();
function base(seed: string): PlayedRun {
  let r = baseCache.get(seed);
  if (!r) {
    r = labRun(seed, []);
    baseCache.set(seed, r);
  }
  return r;
}

const laterWeeks = (r: PlayedRun) => r.reports.slice(1);
const orders = (r: PlayedRun) => sum(laterWeeks(r).map((x) => x.kpis.orders));
const units = (r: PlayedRun) => sum(laterWeeks(r).flatMap((x) => x.skus.map((k) => k.units)));
const gmv = (r: PlayedRun) => sum(laterWeeks(r).map((x) => x.kpis.gmvFen));
/** List value of the orders shipped (the ledger's sales, before 满减 and coupons). */
const listSales = (r: PlayedRun) => sum(laterWeeks(r).map((x) => x.ledger.sales ?? 0));

/** Relative change of a total over all seeds, variant vs baseline. */
function relChange(lever: Decision[], metric: (r: PlayedRun) => number): { rel: number; runs: PlayedRun[] } {
  let b = 0;
  let v = 0;
  const runs: PlayedRun[] = [];
  for (const s of SEEDS) {
    const run = labRun(s, lever);
    runs.push(run);
    b += metric(base(s));
    v += metric(run);
  }
  return { rel: v / b - 1, runs };
}

const pct = (x: number) => Math.round(x * 1000) / 10;

function round6<T>(value: T): T {
  if (typeof value === "number") return sig6(value) as T;
  if (Array.isArray(value)) return value.map(round6) as T;
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, round6(v)])) as T;
  return value;
}

describe("P1.2g promotions change behaviour in the lecture's direction", () => {
  it("满减 just above the typical order (¥100 − ¥8, list ¥89) raises units by 8–35% (measured 15%) and the order's list value by 2–12% (measured 3.3%); paid AOV moves less (the ¥8 comes off: measured −0.7%)", () => {
    const fr: Decision[] = [{ type: "setFullReduction", thresholdFen: 10_000, discountFen: 800 }];
    const u = relChange(fr, units);
    // Engine 0.3.0: GMV (支付金额) is what buyers paid after the 满减, so the basket effect is measured on the
    // orders' list value (the ledger's sales); paid AOV = list value − discount per order.
    const listAov = relChange(fr, (r) => listSales(r) / orders(r));
    const paidAov = relChange(fr, (r) => gmv(r) / orders(r));
    console.log(`满减 units ${pct(u.rel)}%, list AOV ${pct(listAov.rel)}%, paid AOV ${pct(paidAov.rel)}%`);
    expect(u.rel).toBeGreaterThan(0.08);
    expect(u.rel).toBeLessThan(0.35);
    expect(listAov.rel).toBeGreaterThan(0.02);
    expect(listAov.rel).toBeLessThan(0.12);
    expect(paidAov.rel).toBeLessThan(listAov.rel);
  });

  it("a 10% 满减 at ¥170 (two ¥89 cups make ¥178) moves order values over the threshold: vs a 1-fen 满减 at the same threshold the share of orders worth ≥ T rises 1.15–3× (measured 1.4×), most of it just above T", () => {
    const share = (discountFen: number) => {
      const counts = new Array(12).fill(0);
      for (const s of SEEDS) {
        const r = labRun(s, [{ type: "setFullReduction", thresholdFen: 17_000, discountFen }]);
        for (const rep of laterWeeks(r))
          rep.commerce?.orderValues?.counts.forEach((n, i) => {
            counts[i] += n;
          });
      }
      const total = sum(counts);
      return { counts, reach: sum(counts.slice(6)) / total, justAbove: (counts[6] ?? 0) / total };
    };
    const probe = share(1);
    const deal = share(1_700);
    console.log(`histogram 1 fen ${JSON.stringify(probe.counts)}; ¥17 ${JSON.stringify(deal.counts)}`);
    expect(deal.reach / probe.reach).toBeGreaterThan(1.15);
    expect(deal.reach / probe.reach).toBeLessThan(3);
    expect(deal.justAbove / probe.justAbove).toBeGreaterThan(1.1);
  });

  it("a ¥10 public coupon raises orders by 1–20% (measured 8%); redemption lands in 1–12% (industry figures, C: ≈5%)", () => {
    const coupon: Decision[] = [
      { type: "setCoupon", faceFen: 1_000, minSpendFen: 0, quantity: 100_000, audience: "public" },
    ];
    const o = relChange(coupon, orders);
    let claimed = 0;
    let used = 0;
    for (const r of o.runs)
      for (const rep of laterWeeks(r)) {
        claimed += rep.commerce?.coupon?.claimed ?? 0;
        used += rep.commerce?.coupon?.used ?? 0;
      }
    console.log(`coupon orders ${pct(o.rel)}%, redemption ${pct(used / claimed)}%`);
    expect(o.rel).toBeGreaterThan(0.01);
    expect(o.rel).toBeLessThan(0.2);
    expect(used / claimed).toBeGreaterThan(0.01);
    expect(used / claimed).toBeLessThan(0.12);
  });

  it("a coupon is never claimed more often than its quantity, nor used more often than claimed", () => {
    const few: Decision[] = [{ type: "setCoupon", faceFen: 1_000, minSpendFen: 0, quantity: 40, audience: "public" }];
    for (const s of SEEDS.slice(0, 5)) {
      const r = labRun(s, few);
      const usedAll = sum(laterWeeks(r).map((rep) => rep.commerce?.coupon?.used ?? 0));
      const claimedAll = sum(laterWeeks(r).map((rep) => rep.commerce?.coupon?.claimed ?? 0));
      expect(claimedAll).toBeLessThanOrEqual(40);
      expect(usedAll).toBeLessThanOrEqual(claimedAll);
    }
  });

  it("a gift (cost ¥5) with orders of ¥100+ raises orders by 5–35% (measured 19%) and costs exactly gifts × ¥5", () => {
    const gift: Decision[] = [{ type: "setGift", minSpendFen: 10_000, giftCostFen: 500 }];
    const o = relChange(gift, orders);
    console.log(`gift orders ${pct(o.rel)}%`);
    expect(o.rel).toBeGreaterThan(0.05);
    expect(o.rel).toBeLessThan(0.35);
    for (const r of o.runs.slice(0, 5))
      for (const rep of laterWeeks(r)) {
        const g = rep.commerce?.gift;
        expect(g).toBeTruthy();
        expect(g?.costFen).toBe((g?.gifts ?? 0) * 500);
        expect(-(rep.ledger.promotion ?? 0)).toBe(rep.commerce?.promotionCostFen);
      }
  });

  it("拼团: groups of 2 fill more often than groups of 8 (measured 74% vs 15%) and bring more orders (measured +9% vs +3%); unfilled groups refund", () => {
    const g2 = relChange([{ type: "setGroupBuy", sku: "cup300", groupPriceFen: 7_900, groupSize: 2 }], orders);
    const g5 = relChange([{ type: "setGroupBuy", sku: "cup300", groupPriceFen: 7_900, groupSize: 8 }], orders);
    const fill = (runs: PlayedRun[]) => {
      let filled = 0;
      let init = 0;
      for (const r of runs)
        for (const rep of laterWeeks(r)) {
          filled += rep.commerce?.groupBuy?.filled ?? 0;
          init += rep.commerce?.groupBuy?.initiators ?? 0;
        }
      return filled / init;
    };
    console.log(
      `group2 ${pct(g2.rel)}% fill ${pct(fill(g2.runs))}%, group8 ${pct(g5.rel)}% fill ${pct(fill(g5.runs))}%`,
    );
    expect(g2.rel).toBeGreaterThan(0.03);
    expect(g2.rel).toBeLessThan(0.25);
    expect(g2.rel).toBeGreaterThan(g5.rel);
    expect(fill(g2.runs)).toBeGreaterThan(0.65);
    expect(fill(g2.runs)).toBeLessThan(0.85);
    expect(fill(g5.runs)).toBeLessThan(0.25);
  });

  it("秒杀 at 22% off: the day's orders jump 2.5–8× (scanner data 2–8×; measured 6.5×), and 15–60% of the bump is borrowed from the days after (van Heerde et al.: ⅓; measured 36%)", () => {
    const flash: Decision[] = [{ type: "setFlashSale", sku: "cup300", priceFen: 6_900, qtyCap: 5_000, day: 3 }];
    let dayB = 0;
    let dayV = 0;
    let laterB = 0;
    let laterV = 0;
    for (const s of SEEDS) {
      const b = base(s);
      const v = labRun(s, flash);
      const day = (r: PlayedRun, w: number, d: number) => r.reports[w]?.days[d]?.orders ?? 0;
      dayB += day(b, 1, 2);
      dayV += day(v, 1, 2);
      for (let d = 3; d < 7; d++) {
        laterB += day(b, 1, d);
        laterV += day(v, 1, d);
      }
      for (let d = 0; d < 7; d++) {
        laterB += day(b, 2, d);
        laterV += day(v, 2, d);
      }
    }
    const borrowed = (laterB - laterV) / (dayV - dayB);
    console.log(`flash day ×${(dayV / dayB).toFixed(2)}, borrowed ${pct(borrowed)}% of the bump`);
    expect(dayV / dayB).toBeGreaterThan(2.5);
    expect(dayV / dayB).toBeLessThan(8);
    expect(borrowed).toBeGreaterThan(0.15);
    expect(borrowed).toBeLessThan(0.6);
  });

  it("a 70%-off flash sale leaves a quality scar (Cao, Hui & Xu): orders in the two weeks after fall 2–15% more than after a 20%-off one of the same size (measured 7%)", () => {
    const sale = (priceFen: number): Decision[] => [
      { type: "setFlashSale", sku: "cup300", priceFen, qtyCap: 60, day: 7 },
    ];
    let deep = 0;
    let mild = 0;
    for (const s of SEEDS) {
      const tail = (r: PlayedRun) => sum(r.reports.slice(2).map((x) => x.kpis.orders));
      deep += tail(labRun(s, sale(2_900)));
      mild += tail(labRun(s, sale(7_100)));
    }
    console.log(`after a 70% flash: ${pct(deep / mild - 1)}% orders vs a 20% one`);
    expect(deep / mild - 1).toBeLessThan(-0.02);
    expect(deep / mild - 1).toBeGreaterThan(-0.15);
  });

  it("the week report carries every mechanism's numbers", () => {
    const all: Decision[] = [
      { type: "setFullReduction", thresholdFen: 17_000, discountFen: 1_200 },
      { type: "setCoupon", faceFen: 800, minSpendFen: 10_000, quantity: 500, audience: "new" },
      { type: "setFlashSale", sku: "cup500", priceFen: 9_900, qtyCap: 80, day: 2 },
      { type: "setGroupBuy", sku: "cup300", groupPriceFen: 7_900, groupSize: 3 },
      { type: "setGift", minSpendFen: 15_000, giftCostFen: 600 },
    ];
    const r = labRun("evidence", all, 3);
    const c = r.reports[1]?.commerce;
    expect(c?.active).toEqual(["fullReduction", "coupon", "flashSale", "groupBuy", "gift"]);
    expect(c?.fullReduction?.qualifiedOrders).toBeGreaterThan(0);
    expect(c?.coupon?.claimed).toBeGreaterThan(0);
    expect(c?.flashSale?.sold).toBeGreaterThan(0);
    expect(c?.flashSale?.visitors).toBeGreaterThan(0);
    expect(c?.groupBuy?.initiators).toBeGreaterThan(0);
    expect(c?.gift?.gifts).toBeGreaterThan(0);
    expect(c?.orderValues?.counts.length).toBe(12);
    expect(c?.competitors.map((x) => x.sku)).toEqual(SANDBOX.skus.map((k) => k.id));
    const cost = (c?.fullReduction?.costFen ?? 0) + (c?.coupon?.costFen ?? 0) + (c?.gift?.costFen ?? 0);
    expect(c?.promotionCostFen).toBe(cost);
    expect(r.reports[1]?.events.some((e) => e.key === "ev.flashSale")).toBe(true);
    // The flash sale is this week's only.
    expect(r.reports[2]?.commerce?.active).not.toContain("flashSale");
  });
});

describe("P1.2g mechanisms: coupon audiences, the flash-sale cap, 拼团 sharing (30 seeds)", () => {
  const coupon = (audience: "public" | "new" | "members"): Decision[] => [
    { type: "setCoupon", faceFen: 1_000, minSpendFen: 0, quantity: 100_000, audience },
  ];
  const claims = (runs: PlayedRun[]) =>
    sum(runs.flatMap((r) => laterWeeks(r).map((rep) => rep.commerce?.coupon?.claimed ?? 0)));

  it("audiences: members-only claims nothing (and changes nothing) without a private domain; new-buyer claims are 85–99.9% of public claims (returning buyers excluded; measured 97.5%)", () => {
    const pub = relChange(coupon("public"), orders).runs;
    const fresh = relChange(coupon("new"), orders).runs;
    const members = relChange(coupon("members"), orders);
    expect(claims(members.runs)).toBe(0);
    expect(members.rel).toBe(0);
    const share = claims(fresh) / claims(pub);
    console.log(`new-buyer coupon claims / public ${pct(share)}%`);
    expect(share).toBeLessThan(0.999);
    expect(share).toBeGreaterThan(0.85);
  });

  it("the flash sale's cap: never more than the cap sells at the flash price; the rest buy at list or leave", () => {
    const flash: Decision[] = [{ type: "setFlashSale", sku: "cup300", priceFen: 6_900, qtyCap: 40, day: 3 }];
    let sold = 0;
    let atList = 0;
    let missed = 0;
    for (const s of SEEDS) {
      const f = labRun(s, flash, 2).reports[1]?.commerce?.flashSale;
      expect(f?.sold ?? 0).toBeLessThanOrEqual(40);
      sold += f?.sold ?? 0;
      atList += f?.boughtAtList ?? 0;
      missed += f?.missed ?? 0;
    }
    console.log(`flash cap 40: sold ${sold / 30}, at list ${atList / 30}, missed ${missed / 30} per run`);
    expect(atList + missed).toBeGreaterThan(0);
  });

  it("拼团 sharing brings new visitors: 0.15–0.4 share visitors per filled-group member in weeks 2–4 (K = 0.3, the last day's spill into week 5 not counted; measured 0.25)", () => {
    const g = relChange([{ type: "setGroupBuy", sku: "cup300", groupPriceFen: 7_900, groupSize: 3 }], orders);
    let share = 0;
    let members = 0;
    for (const r of g.runs)
      for (const rep of laterWeeks(r)) {
        share += rep.commerce?.groupBuy?.shareVisitors ?? 0;
        members += 3 * (rep.commerce?.groupBuy?.filled ?? 0);
      }
    console.log(`拼团 share visitors per member ${share / members}`);
    expect(share / members).toBeGreaterThan(0.15);
    expect(share / members).toBeLessThan(0.4);
  });
});

describe("P1.2g estimatePromotion weighs cost against gain", () => {
  it("its extra orders agree in sign with the simulation and lie within 0.3–3× of it for 满减 and gifts", () => {
    for (const d of [
      { type: "setFullReduction" as const, thresholdFen: 10_000, discountFen: 800 },
      { type: "setGift" as const, minSpendFen: 10_000, giftCostFen: 500 },
    ]) {
      let est = 0;
      let real = 0;
      for (const s of SEEDS) {
        const b = base(s);
        const st = playRun(LAB, s, (_sc, _st, _r, t) => (t === 0 ? (b.turns[0] ?? []) : []), { weeks: 1 }).state;
        est += estimatePromotion(LAB, st, d).extraOrders;
        const v = labRun(s, [d], 2);
        real += (v.reports[1]?.kpis.orders ?? 0) - (b.reports[1]?.kpis.orders ?? 0);
      }
      console.log(`${d.type}: estimated ${est / SEEDS.length} vs simulated ${real / SEEDS.length} extra orders a week`);
      expect(real).toBeGreaterThan(0);
      expect(est / real).toBeGreaterThan(0.3);
      expect(est / real).toBeLessThan(3);
    }
  });

  it("coupon, 秒杀 and 拼团 estimates: positive extra orders and cost, same sign as the simulation and 0.25–1.5× of it (measured 0.39×, 0.48×, 0.45×)", () => {
    for (const d of [
      { type: "setCoupon" as const, faceFen: 1_000, minSpendFen: 0, quantity: 100_000, audience: "public" as const },
      { type: "setFlashSale" as const, sku: "cup300", priceFen: 6_900, qtyCap: 5_000, day: 3 },
      { type: "setGroupBuy" as const, sku: "cup300", groupPriceFen: 7_900, groupSize: 2 },
    ]) {
      let est = 0;
      let real = 0;
      let cost = 0;
      for (const s of SEEDS) {
        const b = base(s);
        const st = playRun(LAB, s, (_sc, _st, _r, t) => (t === 0 ? (b.turns[0] ?? []) : []), { weeks: 1 }).state;
        const e = estimatePromotion(LAB, st, d);
        est += e.extraOrders;
        cost += e.costFen;
        const v = labRun(s, [d], 2);
        real += (v.reports[1]?.kpis.orders ?? 0) - (b.reports[1]?.kpis.orders ?? 0);
      }
      console.log(
        `${d.type}: estimated ${est / SEEDS.length} vs simulated ${real / SEEDS.length} extra orders a week, cost ${cost / SEEDS.length}`,
      );
      expect(cost).toBeGreaterThan(0);
      expect(est).toBeGreaterThan(0);
      expect(real).toBeGreaterThan(0);
      expect(est / real).toBeGreaterThan(0.25);
      expect(est / real).toBeLessThan(1.5);
    }
  });

  it("a blanket deep discount estimates a margin loss; a modest threshold a gain", () => {
    const st = playRun(LAB, "estimate", (_sc, _st, _r, t) => (t === 0 ? (base("c-0").turns[0] ?? []) : []), {
      weeks: 1,
    }).state;
    const blanket = estimatePromotion(LAB, st, { type: "setFullReduction", thresholdFen: 5_000, discountFen: 4_000 });
    const modest = estimatePromotion(LAB, st, { type: "setFullReduction", thresholdFen: 17_000, discountFen: 1_200 });
    expect(blanket.marginImpactFen).toBeLessThan(0);
    expect(modest.marginImpactFen).toBeGreaterThan(0);
    expect(blanket.costFen).toBeGreaterThan(modest.costFen);
  });
});

describe("P1.2f competitors react to sustained price cuts, with a lag", () => {
  it("a 25% price cut held for 4 weeks pulls competitors' prices down 3–15% (measured 8%), more in week 4 than in week 1", () => {
    const cut = (sc: Scenario, _st: GameState, t: number) =>
      t === 0
        ? sc.skus.map((k) => ({ type: "setPrice", sku: k.id, priceFen: Math.round(k.marketPriceFen * 0.75) }))
        : [];
    const hold = (sc: Scenario, _st: GameState, t: number) =>
      t === 0 ? sc.skus.map((k) => ({ type: "setPrice", sku: k.id, priceFen: k.marketPriceFen })) : [];
    let w1 = 0;
    let w4 = 0;
    let held = 0;
    for (const s of SEEDS) {
      const r = playRun(LAB, s, (sc, st, _r, t) => cut(sc, st, t), { weeks: 4 });
      const h = playRun(LAB, s, (sc, st, _r, t) => hold(sc, st, t), { weeks: 4 });
      w1 += r.reports[0]?.commerce?.competitors[0]?.index ?? 1;
      w4 += r.reports[3]?.commerce?.competitors[0]?.index ?? 1;
      held += h.reports[3]?.commerce?.competitors[0]?.index ?? 1;
    }
    const n = SEEDS.length;
    console.log(`competitor index after week 1 ${w1 / n}, week 4 ${w4 / n}, no cut ${held / n}`);
    expect(1 - w4 / n).toBeGreaterThan(0.03);
    expect(1 - w4 / n).toBeLessThan(0.15);
    expect(w4).toBeLessThan(w1);
    expect(Math.abs(1 - held / n)).toBeLessThan(0.02);
  });

  it("a ¥5 cut within the tolerance (5%) starts no price war", () => {
    const p = [0, 0.03, 0.03, 0.03].reduce((acc, c) => nextPressure(acc, c, 0.05), 0);
    expect(p).toBe(0);
  });
});

describe("platform calendar", () => {
  it("双11 brings ≈14× an ordinary day's visitors (Alibaba 2019, derived; band 10–18×) and the pre-event lull 0.6–0.85×", () => {
    let day11 = 0;
    let ordinary = 0;
    let lull = 0;
    const sc = withoutOthers(SANDBOX);
    for (const s of SEEDS) {
      const r = playRun(sc, s, () => [], {});
      day11 += r.reports[25]?.days[0]?.uv ?? 0;
      ordinary += sum(r.reports[21]?.days.map((d) => d.uv) ?? []) / 7;
      lull += sum(r.reports[24]?.days.map((d) => d.uv) ?? []) / 7;
    }
    // Week 22's seasonality is 0.9, week 26's 1.0: compare like with like.
    const ratio = day11 / (ordinary / 0.9);
    const lullRatio = lull / 0.95 / (ordinary / 0.9);
    console.log(`双11 ×${ratio.toFixed(2)}, lull ×${lullRatio.toFixed(2)}`);
    expect(ratio).toBeGreaterThan(10);
    expect(ratio).toBeLessThan(18);
    expect(lullRatio).toBeGreaterThan(0.6);
    expect(lullRatio).toBeLessThan(0.85);
  });

  it("events and lulls are reported as events; the calendar reads the scenario's days (1-based)", () => {
    expect(calendarDay(SANDBOX, 175).event?.id).toBe("double11");
    expect(calendarDay(SANDBOX, 170).lullFor?.id).toBe("double11");
    expect(calendarDay(SANDBOX, 28).event?.id).toBe("mid618");
    expect(calendarDay(SANDBOX, 60).event).toBeNull();
    expect(calendarDay(launch(), 10).mult).toBe(1);
  });
});

describe("extreme strategies score lower than the textbook (sandbox, same 30 seeds)", () => {
  const strategies: Record<string, (sc: Scenario, st: GameState, r: readonly WeekReport[]) => unknown[]> = {
    // The platform takes a SKU into a flash-sale slot again only FLASH_COOLDOWN_WEEKS after its last
    // (err.flashCooldown, commit 08b1350), so "every week" became "as often as the platform allows".
    "70%+ off flash sales as often as the platform takes them": (sc, st, r) => {
      const ds: unknown[] = POLICIES.textbook(sc, st, r).filter((d) => !PROMO_TYPES.has(d.type));
      const hero = st.skus[0];
      const spec = sc.skus[0];
      if (hero && spec) {
        const flash = {
          type: "setFlashSale",
          sku: hero.id,
          priceFen: Math.min(Math.round(spec.marketPriceFen * 0.3), hero.priceFen - 1),
          qtyCap: 100_000,
          day: 3,
        };
        if (checkDecision(sc, st, flash) === null) ds.push(flash);
      }
      return ds;
    },
    "every price at 30% of the market": (sc, st, r) => {
      const ds: unknown[] = POLICIES.textbook(sc, st, r).filter(
        (d) => d.type !== "setPrice" && !PROMO_TYPES.has(d.type),
      );
      if (st.week === 0)
        for (const k of sc.skus) ds.push({ type: "setPrice", sku: k.id, priceFen: Math.round(k.marketPriceFen * 0.3) });
      return ds;
    },
    "selling below cost with heavy ads": (sc, st, r) => {
      const ds: unknown[] = POLICIES.textbook(sc, st, r).filter(
        (d) => d.type !== "setPrice" && d.type !== "setAds" && !PROMO_TYPES.has(d.type),
      );
      if (st.week === 0) {
        for (const k of sc.skus) ds.push({ type: "setPrice", sku: k.id, priceFen: Math.round(k.unitCostFen * 0.9) });
        ds.push({ type: "setAds", sku: sc.skus[0]?.id ?? "", dailyBudgetFen: 100_000, target: "broad" });
      }
      return ds;
    },
  };
  const S = seeds(30, "x");
  const textbookScores = new Map<string, number>();
  const tb = (seed: string) => {
    let v = textbookScores.get(seed);
    if (v === undefined) {
      v = scoreRun(SANDBOX, playRun(SANDBOX, seed, (sc, st, r) => POLICIES.textbook(sc, st, r)).state).score;
      textbookScores.set(seed, v);
    }
    return v;
  };
  for (const [name, policy] of Object.entries(strategies)) {
    it(`${name} scores lower on every seed`, () => {
      for (const s of S) {
        const score = scoreRun(SANDBOX, playRun(SANDBOX, s, (sc, st, r) => policy(sc, st, r)).state).score;
        expect(score).toBeLessThan(tb(s));
      }
    });
  }

  it("the textbook's promotions add to its score (vs the same play without them)", () => {
    let withP = 0;
    let without = 0;
    for (const s of S) {
      withP += tb(s);
      without += scoreRun(
        SANDBOX,
        playRun(SANDBOX, s, (sc, st, r) => POLICIES.textbook(sc, st, r).filter((d) => !PROMO_TYPES.has(d.type))).state,
      ).score;
    }
    expect(withP).toBeGreaterThan(without);
  });
});

describe("properties on the sandbox (promotions unlocked)", () => {
  it("random promotions: no throw, cash = start + Σ ledger, whole fen, no negative stock, no NaN, deterministic", () => {
    const turns = fc.array(
      fc.array(fc.oneof(...commerceDecisionArbs(SANDBOX.skus.map((k) => k.id))), { maxLength: 4 }),
      {
        minLength: 5,
        maxLength: 5,
      },
    );
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 8 }), turns, (seed, cands) => {
        const play = () => {
          let s = newGame(SANDBOX, seed);
          const out: { state: GameState; report: WeekReport }[] = [];
          for (const cand of cands) {
            const kept = cand.filter((d) => checkDecision(SANDBOX, s, d) === null);
            const r = step(SANDBOX, s, kept);
            if (!r.ok) throw new Error(JSON.stringify(r.errors));
            s = r.state;
            out.push(r);
          }
          return out;
        };
        const a = play();
        const b = play();
        expect(JSON.stringify(b.map((x) => x.state))).toBe(JSON.stringify(a.map((x) => x.state)));
        for (const { state, report } of a) {
          expect(state.cashFen).toBe(SANDBOX.start.cashFen + sum(Object.values(state.ledger)));
          expect(Number.isInteger(state.cashFen)).toBe(true);
          for (const v of Object.values(report.ledger)) expect(Number.isInteger(v)).toBe(true);
          for (const k of state.skus) expect(k.stock).toBeGreaterThanOrEqual(0);
          expect(nonFinitePaths(state)).toEqual([]);
          expect(nonFinitePaths(report)).toEqual([]);
          expect(report.funnel.paid).toBeLessThanOrEqual(report.funnel.orders);
        }
      }),
      { numRuns: Number(process.env.SHOPSIM_FC_RUNS ?? 8) },
    );
  });
});

describe("neutral defaults", () => {
  it("launch (no promotion lever, no calendar, no competitor pricing) reports no commerce and keeps competitors still", () => {
    const sc = launch();
    let s = newGame(sc, "neutral");
    for (let t = 0; t < 3; t++) {
      const out = step(sc, s, POLICIES.textbook(sc, s, []));
      if (!out.ok) throw new Error("rejected");
      expect(out.report.commerce).toBeUndefined();
      expect(out.report.ledger.promotion).toBeUndefined();
      s = out.state;
    }
    expect(Object.values(s.commerce.competitorIndex).every((x) => x === 1)).toBe(true);
  });
});

describe("golden tables (commerce formulas)", () => {
  it("top-up probability over gap/threshold × deal-proneness × offer size", () => {
    const table: Record<string, Record<string, number>> = {};
    for (const gap of [0, 0.05, 0.1, 0.25, 0.5, 0.75, 1]) {
      const row: Record<string, number> = {};
      for (const dp of [0.2, 0.5, 0.8])
        for (const v of [0, 0.05, 0.1, 0.2])
          row[`dp=${dp} V/T=${v}`] = topUpProbability(gap * 10_000, 10_000, dp, v * 10_000);
      table[`g/T=${gap}`] = row;
    }
    expect(round6(table)).toMatchSnapshot();
  });

  it("threshold lift and qualifying share over threshold × discount (list ¥89, ε −2.6, deal-prone 0.7, basket 85/12/3)", () => {
    const basket = [0.85, 0.12, 0.03];
    const table: Record<string, Record<string, number>> = {};
    for (const T of [5_000, 9_000, 10_000, 15_000, 17_000, 20_000, 30_000]) {
      const row: Record<string, number> = {};
      for (const D of [500, 1_000, 2_000]) {
        const offer = { thresholdFen: T, valueFen: D };
        row[`qualify ¥${D / 100}`] = qualifyingShare(8_900, basket, offer, 0.7);
        row[`lift ¥${D / 100}`] = thresholdLift(8_900, offer, { elasticity: -2.6, dealProne: 0.7, basket });
      }
      table[`T=¥${T / 100}`] = row;
    }
    expect(round6(table)).toMatchSnapshot();
  });

  it("group fill, flash visitors, quality penalty, discount lift, event price cut, competitor index", () => {
    expect(
      round6({
        fill: [2, 3, 4, 5, 6, 8, 10].map((n) => groupFillProbability(n)),
        flashVisitors: [0.1, 0.2, 0.3, 0.5, 0.7, 0.9].map(flashVisitors),
        qualityPenalty: [0.3, 0.4, 0.5, 0.55, 0.7, 0.9].map(qualityPenalty),
        discountLift: [0.05, 0.1, 0.2, 0.3].map((e) => discountLift(e, -2.6)),
        eventCut: [1, 2, 6, 14, 30].map((m) => eventPriceCut(0.05, m)),
        index: [0, 1, 2, 3, 4, 5].reduce<number[]>((acc, _w) => {
          const prev = acc[acc.length - 1] ?? 1;
          acc.push(nextCompetitorIndex(prev, 0.2, 0.6, 0));
          return acc;
        }, []),
        pressure: [0.25, 0.25, 0.25, 0.25].reduce<number[]>((acc, c) => {
          acc.push(nextPressure(acc[acc.length - 1] ?? 0, c, 0.05));
          return acc;
        }, []),
      }),
    ).toMatchSnapshot();
  });
});

/** The sandbox with only the calendar's effect on traffic left to compare (no ads, no lifecycle decline). */
function withoutOthers(sc: Scenario): Scenario {
  const s = structuredClone(sc);
  for (const k of s.skus) k.stock = 20_000;
  return s;
}
