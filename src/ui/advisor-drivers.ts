// The advisor's notes spoken from the engine's drivers (src/engine/explain.ts) and the state: the
// week's biggest loss and gain with the lever behind each, stock cover (src/engine/estimates.ts),
// ad efficiency against the break-even ROAS of this week's margin, and the closing stock in the last
// week. Pure (no Phaser); src/ui/advisor.ts merges these with its other notes.
import {
  type Decision,
  type Driver,
  explainWeek,
  type GameState,
  SALES_LINES,
  type Scenario,
  type WeekReport,
  weekIncome,
} from "../engine";
import { REVIEW_DAYS, stockEstimate } from "../engine/estimates";
import { bi, fixed, hasKey, money, t } from "../i18n";
import { driverEffect, driverWhat } from "./explain-text";

export type AddNote = (code: string, text: string, weight: number, good?: boolean) => void;

/** Volume-weighted average search rank of the shop's SKUs (0 = not ranked). */
function shopRank(r: WeekReport): number {
  let w = 0;
  let sum = 0;
  for (const s of r.skus) {
    if (s.avgRank <= 0) continue;
    const weight = Math.max(1, s.uv);
    w += weight;
    sum += s.avgRank * weight;
  }
  return w > 0 ? sum / w : 0;
}

function advice(d: Driver, r: WeekReport, prev: WeekReport | undefined): string {
  if (d.kind === "traffic") {
    if (d.source === "search") {
      const now = shopRank(r);
      const before = prev ? shopRank(prev) : 0;
      const rank = before > 0 && now > 0 ? `${fixed(before, 0)} → ${fixed(now, 0)}` : now > 0 ? fixed(now, 0) : "—";
      return t("adv.do.traffic.search", { rank });
    }
    return t(`adv.do.traffic.${d.source}`);
  }
  if (d.kind === "income") {
    const k = `adv.do.income.${d.line}`;
    return hasKey(k) ? t(k) : t("adv.do.income.other");
  }
  return t(`adv.do.${d.kind}`);
}

/** Drivers worth a note: named ones (not the per-SKU rest or the identity's remainder), in money. */
function candidates(
  sc: Scenario,
  r: WeekReport,
  prev: WeekReport | undefined,
  decisions: readonly Decision[] | undefined,
): Driver[] {
  const ex = explainWeek(sc, r, prev, decisions);
  const gmv = ex.changes.find((c) => c.kpi === "gmvFen")?.drivers ?? [];
  const net = ex.changes.find((c) => c.kpi === "netProfitFen")?.drivers ?? [];
  const costs = net.filter((d) => !SALES_LINES.has(d.line ?? ""));
  return [...gmv, ...costs].filter((d) => d.kind !== "other" && d.kind !== "conversion" && Math.abs(d.delta) >= 100);
}

/**
 * The week's biggest named loss (a problem) and gain (good news) among the drivers, each with what
 * moved, by how much, and the lever behind it. `extra` more drivers when the advisor has few notes.
 */
export function driverNotes(
  sc: Scenario,
  r: WeekReport,
  prev: WeekReport | undefined,
  add: AddNote,
  extra = 0,
  /** The week's decisions (the state's lastTurn). */
  decisions?: readonly Decision[],
): Set<string> {
  // Week 1 has no last week: its drivers (against an empty shop) only fill in when little else is said.
  if (!prev && extra === 0) return new Set();
  const list = candidates(sc, r, prev, decisions);
  const base = Math.max(1, Math.abs(prev?.kpis.gmvFen ?? r.kpis.gmvFen));
  const losses = list.filter((d) => d.delta < 0).sort((a, b) => a.delta - b.delta);
  const gains = list.filter((d) => d.delta > 0).sort((a, b) => b.delta - a.delta);
  const chosen: Driver[] = [...losses.slice(0, 1 + extra), ...gains.slice(0, 1 + extra)];
  const kinds = new Set<string>();
  for (const d of chosen) {
    kinds.add(d.kind);
    kinds.add(d.cause);
    const share = Math.abs(d.delta) / base;
    // A cost that fell needs no lever; everything else names the lever behind it.
    const tip = d.delta > 0 && d.kind === "income" ? "" : advice(d, r, prev);
    const what = `${driverWhat(sc, d)}${d.decided ? t("exp.decided") : ""}`;
    const text = t("adv.drv", { what, effect: driverEffect(d), advice: tip }).trim();
    // A loss ranks with the launch-era problem notes (≈ points of GMV at stake); a gain below them.
    add(d.code, text, d.delta < 0 ? 6 + Math.min(6, share * 40) : 2 + Math.min(2, share * 10), d.delta > 0);
  }
  return kinds;
}

/** Break-even ROAS of this week: 1 / (contribution per ¥ of GMV after COGS, refunds, commission, shipping). */
export function breakEvenRoas(r: WeekReport): number | null {
  const st = weekIncome(r);
  if (st.gmvFen <= 0) return null;
  const L = st.lines;
  const contribution = st.gmvFen + L.refunds + L.cogs + L.commission + L.shipping;
  return contribution > 0 ? st.gmvFen / contribution : null;
}

/** Ad efficiency against the margin: below break-even the ads lose money, above it they pay. */
export function adNotes(r: WeekReport, last: boolean, add: AddNote): void {
  if (r.kpis.adSpendFen <= 0) return;
  const be = breakEvenRoas(r);
  const roas = fixed(r.kpis.roas, 2);
  if (be === null || r.kpis.roas < be) {
    add(
      "P2.1a",
      t("adv.adsLoss", { roas, be: be === null ? "—" : fixed(be, 2) }),
      5 + (be ? Math.min(3, be - r.kpis.roas) : 3),
    );
  } else {
    add("P2.1a", t(last ? "adv.adsAboveLast" : "adv.adsAbove", { roas, be: fixed(be, 2) }), 1.5, true);
  }
}

/**
 * Stock notes from the state: the SKU whose stock (with what is on its way) runs out before a reorder
 * placed now could arrive, or that holds far more than it can sell; in the last week, the closing
 * stock's liquidation loss instead (no more reorders to advise).
 */
export function stockNotes(
  sc: Scenario,
  state: GameState,
  r: WeekReport,
  history: readonly WeekReport[],
  add: AddNote,
): boolean {
  if (state.status !== "playing") {
    const loss = weekIncome(r).lines.liquidation;
    if (loss < 0) {
      add("P1.2b", t("adv.closing", { loss: money(loss) }), 6);
      return true;
    }
    return false;
  }
  if (!sc.levers.includes("inventory")) return false;
  const weeksLeft = sc.weeks - state.week;
  let worst: { text: string; weight: number } | null = null;
  let long: { text: string; weight: number } | null = null;
  for (const sku of state.skus) {
    const spec = sc.skus.find((k) => k.id === sku.id);
    if (!spec) continue;
    const lead = spec.supplier.leadDays;
    const est = stockEstimate({
      stock: sku.stock,
      onOrder: sku.pipeline.reduce((a, l) => a + l.qty, 0),
      weeks: history.map((h) => h.skus.find((k) => k.id === sku.id) ?? { units: 0, stockoutDays: 0 }),
      leadDays: lead,
      minOrder: spec.supplier.minOrder,
    });
    if (est.coverDays === null || est.coverWithOrderDays === null) continue;
    const name = bi(spec.name);
    const need = lead + REVIEW_DAYS;
    if (est.suggestedQty && est.coverWithOrderDays < need) {
      const weight = 7 + Math.min(4, (need - est.coverWithOrderDays) / 2);
      if (!worst || weight > worst.weight) {
        const text = t("adv.cover", {
          sku: name,
          days: fixed(Math.floor(est.coverDays), 0),
          withOrder: fixed(Math.floor(est.coverWithOrderDays), 0),
          lead,
          qty: est.suggestedQty,
        });
        worst = { text, weight };
      }
    } else if (est.coverDays > Math.max(28, 3 * need) && est.coverDays > weeksLeft * 7) {
      // More than the game's remaining weeks can sell: it will be stored, then liquidated.
      const text = t("adv.coverLong", { sku: name, days: fixed(Math.floor(est.coverDays), 0), lead });
      if (!long) long = { text, weight: 3.5 };
    }
  }
  if (worst) add("P1.3a", worst.text, worst.weight);
  if (long) add("P1.2b", long.text, long.weight);
  return worst !== null;
}

/**
 * Ranking from the state: the SKU whose average search rank fell most on last week (3 places and 20%
 * or more), unless the search driver's note already says so.
 */
export function rankNotes(
  sc: Scenario,
  r: WeekReport,
  prev: WeekReport | undefined,
  said: Set<string>,
  add: AddNote,
): void {
  if (!prev || said.has("traffic:search")) return;
  let worst: { sku: string; before: number; after: number } | null = null;
  for (const k of r.skus) {
    const before = prev.skus.find((x) => x.id === k.id)?.avgRank ?? 0;
    if (before <= 0 || k.avgRank <= 0) continue;
    const drop = k.avgRank - before;
    if (drop >= 3 && drop >= before * 0.2 && (!worst || drop > worst.after - worst.before))
      worst = { sku: k.id, before, after: k.avgRank };
  }
  if (!worst) return;
  const spec = sc.skus.find((k) => k.id === worst.sku);
  add(
    "P1.2c",
    t("adv.rankDrop", {
      sku: spec ? bi(spec.name) : worst.sku,
      before: fixed(worst.before, 0),
      after: fixed(worst.after, 0),
    }),
    4 + Math.min(3, (worst.after - worst.before) / 5),
  );
}
