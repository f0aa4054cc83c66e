// The advisor's notes under a week report: two to four short notes, each naming the lecture
// principle (code) and section behind what happened. Spoken from the engine's drivers of the week's
// change (src/engine/explain.ts, via advisor-drivers.ts), the report's factors and domain reports,
// and the state the report closed on (stock cover, ranking, ad efficiency): never a generic line.
import type { GameState, Scenario, WeekReport } from "../engine";
import { bi, fixed, getLang, hasKey, percent, t } from "../i18n";
import { adNotes, driverNotes, rankNotes, stockNotes } from "./advisor-drivers";

export interface AdvisorNote {
  code: string;
  /** Dictionary key of the lecture section (adv.sec.*). */
  section: string;
  text: string;
  /** Higher comes first. */
  weight: number;
  /** Good news (✓) or a problem (!), shown with a symbol, not only colour. */
  good: boolean;
  /** "driver": what moved the week's KPIs most (src/engine/explain.ts); else a finding on the state or factors. */
  from?: "driver";
}

const SECTION_OF = (code: string): string => {
  if (code.startsWith("P1.1")) return "adv.sec.1.1";
  if (code.startsWith("P1.2")) return "adv.sec.1.2";
  if (code.startsWith("P1.3")) return "adv.sec.1.3";
  if (code.startsWith("P2.1")) return "adv.sec.2.1";
  if (code.startsWith("P2.2")) return "adv.sec.2.2";
  if (code.startsWith("P2.3")) return "adv.sec.2.3";
  return "adv.sec.X";
};

const CN_NUM: Record<string, string> = { 一: "1", 二: "2", 三: "3" };

/**
 * A scenario goal's lecture section ("模块二 三、私域流量的构建与运营") in the current language: as written
 * in Chinese; in English the section's English name (its Chinese sub-topic is dropped).
 */
export function lectureSection(section: string): string {
  if (getLang() === "zh-CN") return section;
  if (section.startsWith("引言")) return t("adv.sec.X");
  const m = /^模块([一二])\s*([一二三])、/.exec(section);
  if (!m) return section;
  const key = `adv.sec.${CN_NUM[m[1]!]}.${CN_NUM[m[2]!]}`;
  return hasKey(key) ? t(key) : section;
}

/** Just the section's number ("Module 1 §1.1", "模块一 一"), for where the title does not fit. */
export function lectureSectionShort(section: string): string {
  const full = lectureSection(section);
  const m =
    /^(Module \d §\d\.\d)/.exec(full) ?? /^(模块[一二]\s*[一二三])、/.exec(full) ?? /^([^:：]+)[:：]/.exec(full);
  return m?.[1] ?? full;
}

export function advisorNotes(
  scenario: Scenario,
  state: GameState,
  report: WeekReport,
  prev?: WeekReport,
  /** Every report so far, oldest first (stock cover's recent sales); defaults to [prev, report]. */
  history?: readonly WeekReport[],
): AdvisorNote[] {
  const notes: AdvisorNote[] = [];
  const add = (code: string, text: string, weight: number, good = false) =>
    notes.push({ code, section: SECTION_OF(code), text, weight, good });
  const f = report.factors;
  const name = (id: string) => {
    const s = scenario.skus.find((k) => k.id === id);
    return s ? bi(s.name) : id;
  };
  if (f.bounceMobile > 0.45)
    add(
      "P1.1d",
      t("adv.mobileBounce", { rate: percent(f.bounceMobile, 0), sec: fixed(f.loadSeconds, 1) }),
      f.bounceMobile * 10,
    );
  if (f.navReach < 0.5) add("P1.1a", t("adv.navReach", { rate: percent(f.navReach, 0) }), (1 - f.navReach) * 6);
  if (f.bannerLift < 1.0001 && scenario.levers.includes("store")) add("P1.1b", t("adv.banner"), 2);
  for (const sku of state.skus) {
    if (!sku.detail.includes("trust")) {
      add("P1.1c", t("adv.noTrust", { sku: name(sku.id) }), 6);
      break;
    }
  }
  const dq = Object.entries(f.detailQuality).sort((a, b) => a[1] - b[1])[0];
  if (dq && dq[1] < 0.6)
    add("P1.2e", t("adv.detailWeak", { sku: name(dq[0]), q: percent(dq[1], 0) }), (0.6 - dq[1]) * 10);
  const tr = Object.entries(f.titleReadability).sort((a, b) => a[1] - b[1])[0];
  if (tr && tr[1] < 0.9) add("P1.2c", t("adv.titleStuffing", { sku: name(tr[0]) }), (1 - tr[1]) * 20);
  const img = Object.entries(f.imageCtr).sort((a, b) => a[1] - b[1])[0];
  if (img && img[1] < 0.95) add("P1.2d", t("adv.image", { sku: name(img[0]) }), (1 - img[1]) * 10);
  const hist = history ?? (prev ? [prev, report] : [report]);
  const lowCover = stockNotes(scenario, state, report, hist, add);
  const drivers = driverNotes(
    scenario,
    report,
    prev,
    (code, text, weight, good = false) =>
      notes.push({ code, section: SECTION_OF(code), text, weight, good, from: "driver" }),
    0,
    state.lastTurn,
  );
  rankNotes(scenario, report, prev, drivers, add); // P1.2c: a SKU that fell in search
  if (report.kpis.stockoutDays > 0 && !lowCover && !drivers.has("stockout"))
    add("P1.3a", t("adv.stockout", { n: report.kpis.stockoutDays }), 8 + report.kpis.stockoutDays);
  const pf = Object.entries(f.priceFactor).sort((a, b) => a[1] - b[1])[0];
  if (pf && pf[1] < 0.85) add("P1.2f", t("adv.price", { sku: name(pf[0]) }), (1 - pf[1]) * 10);
  adNotes(report, state.status !== "playing", add); // ROAS against this week's break-even
  const rf = Object.values(f.reviewFactor);
  const reviews = state.skus.reduce((a, s) => a + s.reviewCount, 0);
  if (rf.length > 0 && Math.min(...rf) < 0.6 && reviews < 30) {
    const rating = reviews > 0 ? state.skus.reduce((a, s) => a + s.ratingSum, 0) / reviews : 0;
    add("P1.3c", t("adv.reviews", { rating: fixed(rating, 1) }), 1);
  }
  domainNotes(scenario, report, add, name);
  notes.sort((a, b) => b.weight - a.weight);
  if (notes.length < 2) {
    // Few problems this week: say more about what moved (the next drivers), never a generic line.
    const more: AdvisorNote[] = [];
    driverNotes(
      scenario,
      report,
      prev,
      (code, text, weight, good = false) =>
        more.push({ code, section: SECTION_OF(code), text, weight, good, from: "driver" }),
      2,
      state.lastTurn,
    );
    for (const n of more) if (!notes.some((x) => x.text === n.text)) notes.push({ ...n, weight: n.weight - 10 });
    notes.sort((a, b) => b.weight - a.weight);
  }
  return notes.slice(0, 4);
}

type AddNote = (code: string, text: string, weight: number, good?: boolean) => void;

/**
 * Notes from the domain reports (promotions, service and orders, channels, members, lifecycle, team):
 * each names what went wrong or right this week and the lever that changes it. Weights rank them
 * against the launch-era notes above (≈ how many points of conversion or profit are at stake).
 */
function domainNotes(sc: Scenario, r: WeekReport, add: AddNote, name: (id: string) => string): void {
  const c = r.commerce;
  if (c?.flashSale) {
    const f = c.flashSale;
    if (f.qualityPenalty > 0.02)
      add(
        "P1.2g",
        t("adv.flashScar", { pct: percent(f.qualityPenalty, 1), sku: name(f.sku) }),
        4 + f.qualityPenalty * 50,
      );
    else if (f.borrowedDays >= 1)
      add("P1.2g", t("adv.flashBorrowed", { days: fixed(f.borrowedDays, 1), sku: name(f.sku) }), 3);
  }
  if (c?.fullReduction && c.baskets.toppedUp > 0 && c.fullReduction.qualifiedOrders > 0)
    add(
      "P1.2g",
      t("adv.toppedUp", {
        n: c.baskets.toppedUp,
        share: percent(c.baskets.toppedUp / c.fullReduction.qualifiedOrders, 0),
      }),
      1.5,
      true,
    );
  if (c && c.promotionCostFen > 0 && r.kpis.grossProfitFen > 0 && c.promotionCostFen > r.kpis.grossProfitFen * 0.4)
    add("P1.2g", t("adv.promoMargin", { share: percent(c.promotionCostFen / r.kpis.grossProfitFen, 0) }), 5);
  const war = c?.competitors.filter((x) => x.index < 0.95) ?? [];
  if (war.length > 0 && sc.levers.includes("pricing"))
    add("P1.2f", t("adv.priceWar", { sku: name(war[0]!.sku), pct: percent(1 - war[0]!.index, 0) }), 3);

  const o = r.ops;
  if (o?.active && o.service) {
    const sv = o.service;
    if (sv.avgReplySec > 60 || sv.answeredShare < 0.8)
      add("P1.3b", t("adv.slowReply", { sec: fixed(sv.avgReplySec, 0), share: percent(sv.answeredShare, 0) }), 6);
    else if (sv.utilisation > 0.95) add("PX.c", t("adv.serviceFull", { load: percent(sv.utilisation, 0) }), 3);
  }
  if (o?.active && o.orders) {
    const d = o.orders;
    if (d.oversold > 0 && !o.service?.policy.stockSync)
      add("P1.3a", t("adv.oversold", { n: d.oversold }), 4 + d.oversold / 5);
    if (d.addressErrors > d.addressChecked && !o.service?.policy.addressCheck)
      add("P1.3a", t("adv.address", { n: d.addressErrors - d.addressChecked }), 3);
    if (d.delayed > 0 && d.delayNoticed === 0) add("P1.3a", t("adv.delay", { n: d.delayed }), 2.5);
  }
  if (o?.active && o.analysisLocked) {
    const bad = Object.entries(o.topics ?? {})
      .filter(([k]) => k !== "greatService")
      .reduce((a, [, n]) => a + n, 0);
    if (bad >= 5) add("PX.a", t("adv.noAnalyst", { n: bad }), 2.5);
  }
  const cause = o?.analysis?.rootCauses.find((x) => !x.fixed && x.share >= 0.2);
  if (cause)
    add("PX.a", t("adv.rootCause", { topic: t(`rep.topic.${cause.topic}`), share: percent(cause.share, 0) }), 4);

  const m = r.marketing;
  for (const k of m?.kols ?? []) {
    const spec = sc.market.kols?.find((x) => x.id === k.kol);
    const who = spec ? bi(spec.name) : k.kol;
    if (k.interactionRate < k.claimedEngagement * 0.4)
      add(
        "P2.1b",
        t("adv.kolFake", { kol: who, real: percent(k.interactionRate, 2), claimed: percent(k.claimedEngagement, 1) }),
        5,
      );
    else if (k.feeFen > 0 && k.roi >= 2) add("P2.1b", t("adv.kolGood", { kol: who, roi: fixed(k.roi, 1) }), 1.5, true);
  }
  if (m?.feed && m.feed.spendFen > 0 && m.feed.saturation < 0.6)
    add("P2.1a", t("adv.feedSaturated", { pct: percent(m.feed.saturation, 0) }), 3);
  const lowQ = m?.search?.keywords.find((k) => k.quality < 5 && k.clicks > 0);
  if (lowQ) {
    const kw = sc.market.keywords.find((x) => x.id === lowQ.keyword);
    add("P2.1a", t("adv.lowQuality", { kw: kw ? bi(kw.text) : lowQ.keyword, q: fixed(lowQ.quality, 1) }), 2.5);
  }
  const oneOff = m?.content.find((x) => x.posts > 0 && !x.series);
  if (oneOff) add("P2.2a", t("adv.oneOff", { platform: t(`rep.platform.${oneOff.platform}`) }), 2);
  const bestContent = [...(m?.content ?? [])].filter((x) => x.posts > 0).sort((a, b) => b.orders - a.orders)[0];
  const worstContent = [...(m?.content ?? [])].filter((x) => x.posts > 0).sort((a, b) => a.orders - b.orders)[0];
  if (bestContent && worstContent && bestContent !== worstContent && bestContent.orders >= worstContent.orders + 3)
    add(
      "P2.2b",
      t("adv.contentShift", {
        best: t(`rep.platform.${bestContent.platform}`),
        worst: t(`rep.platform.${worstContent.platform}`),
      }),
      2,
    );
  if (m?.community && m.community.activity === "none" && m.community.members > 0 && sc.levers.includes("marketing"))
    add("P2.2c", t("adv.communityIdle", { n: m.community.members }), 1.5);
  if (m && m.seeding.searchLift > 0.05)
    add("PX.b", t("adv.seeding", { lift: percent(m.seeding.searchLift, 0) }), 1.5, true);
  if (m && m.contentHours.capacity > 0 && m.contentHours.used >= m.contentHours.capacity)
    add("PX.c", t("adv.contentFull", { h: m.contentHours.capacity }), 2);

  const cu = r.customers;
  if (cu) {
    if (cu.unsubscribed > 0 && cu.pushes > 3)
      add("P2.3b", t("adv.pushFatigue", { n: cu.unsubscribed, pushes: cu.pushes }), 4 + cu.unsubscribed / 10);
    else if (cu.members === 0 && sc.levers.includes("private") && r.week >= 1) add("P2.3a", t("adv.noMembers"), 3);
    else if (cu.memberOrders > 0) add("P2.3a", t("adv.members", { n: cu.members, orders: cu.memberOrders }), 1.2, true);
  }

  const l = r.lifecycle;
  for (const s of l?.skus ?? []) {
    if (s.listed && !s.delisted && s.stage === "decline" && !s.clearing && s.coverWeeks > 6)
      add(
        "P1.2b",
        t("adv.decline", { sku: name(s.sku), weeks: s.coverWeeks >= 999 ? "∞" : fixed(s.coverWeeks, 0) }),
        5,
      );
  }
  // A pair already being resolved (one side on clearance or delisted) needs no reminder.
  const settled = (id: string) => l?.skus.some((x) => x.sku === id && (x.clearing || x.delisted || !x.listed)) ?? false;
  const ov = l?.overlaps.find((x) => !settled(x.a) && !settled(x.b));
  if (ov && sc.levers.includes("product"))
    add("P1.2a", t("adv.overlap", { a: name(ov.a), b: name(ov.b), folded: name(ov.folded) }), 3.5);
}
