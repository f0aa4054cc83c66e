// The market around the shop (domain A): the platform calendar (618, 双11, 年货节) with its pre-event
// lull, weekly seasonality, and competitors whose prices react to the shop's price cuts and promotions
// with a lag, and dip on event days (P1.2f competition-based pricing). Pure formulas; the weekly and
// daily flow is in sim/commerce.ts.
import { clamp, log } from "../detmath";
import { COMPETITOR_ADJUST, COMPETITOR_INDEX_MAX, COMPETITOR_INDEX_MIN, COMPETITOR_LAG, EVENT_CUT_MAX } from "../model";
import type { CalendarEvent, Scenario } from "../scenario-schema";
import type { GameState } from "../types";

export interface CalendarDay {
  /** Multiplier on searches and home visits (seasonality × event or lull). */
  mult: number;
  /** The event running today, if any. */
  event: CalendarEvent | null;
  /** The event buyers are waiting for (pre-event lull), if any. */
  lullFor: CalendarEvent | null;
}

/** Calendar effect on an absolute 0-based day (the scenario counts days from 1). */
export function calendarDay(scenario: Scenario, day: number): CalendarDay {
  const dayNo = day + 1;
  const season = seasonality(scenario, Math.floor(day / 7));
  let event: CalendarEvent | null = null;
  let lullFor: CalendarEvent | null = null;
  for (const e of scenario.market.calendar ?? []) {
    if (dayNo >= e.startDay && dayNo <= e.endDay) {
      if (!event || e.trafficMult > event.trafficMult) event = e;
    } else if (dayNo < e.startDay && dayNo >= e.startDay - e.preLullDays) {
      if (!lullFor || e.lullMult < lullFor.lullMult) lullFor = e;
    }
  }
  const mult = season * (event ? event.trafficMult : lullFor ? lullFor.lullMult : 1);
  return { mult, event, lullFor: event ? null : lullFor };
}

/** The week's seasonal demand multiplier (1 without seasonality data; the last value repeats). */
export function seasonality(scenario: Scenario, week: number): number {
  const s = scenario.market.seasonality;
  if (!s || s.length === 0) return 1;
  return s[Math.min(week, s.length - 1)] ?? 1;
}

/** Competitors' event-day price cut: eventCut · ln(trafficMult), at most EVENT_CUT_MAX. */
export function eventPriceCut(eventCut: number, trafficMult: number): number {
  if (trafficMult <= 1 || eventCut <= 0) return 0;
  return clamp(eventCut * log(trafficMult), 0, EVENT_CUT_MAX);
}

/** The market price a SKU's shoppers compare against today (fen, not rounded). */
export function marketPriceOn(scenario: Scenario, s: GameState, skuId: string, day: number): number {
  const base = scenario.skus.find((k) => k.id === skuId)?.marketPriceFen ?? 1;
  const cp = scenario.market.competitorPricing;
  if (!cp) return base;
  const idx = s.commerce.competitorIndex[skuId] ?? 1;
  const cal = calendarDay(scenario, day);
  const cut = cal.event ? eventPriceCut(cp.eventCut, cal.event.trafficMult) : 0;
  return base * idx * (1 - cut);
}

/** The market price this week outside events (what the pricing panel's "competitor price" shows). */
export function competitorPriceFen(scenario: Scenario, s: GameState, skuId: string): number {
  const base = scenario.skus.find((k) => k.id === skuId)?.marketPriceFen ?? 1;
  if (!scenario.market.competitorPricing) return base;
  return Math.round(base * (s.commerce.competitorIndex[skuId] ?? 1));
}

/** Price-cut pressure competitors feel: smoothed (lag) cut beyond their tolerance. */
export function nextPressure(pressure: number, cut: number, tolerance: number): number {
  return (1 - COMPETITOR_LAG) * pressure + COMPETITOR_LAG * Math.max(0, cut - tolerance);
}

/** Competitors' price index next week: part of the way to 1 − reaction · pressure, plus noise. */
export function nextCompetitorIndex(index: number, pressure: number, reaction: number, noise: number): number {
  const target = 1 - reaction * pressure;
  return clamp(index + COMPETITOR_ADJUST * (target - index) + noise, COMPETITOR_INDEX_MIN, COMPETITOR_INDEX_MAX);
}

/** Cross-references of the commerce market data zod cannot see: [path, reason] pairs. */
export function checkCommerceScenario(sc: Scenario): [string, string][] {
  const out: [string, string][] = [];
  const days = sc.weeks * 7;
  const seen = new Set<string>();
  (sc.market.calendar ?? []).forEach((e, i) => {
    if (seen.has(e.id)) out.push([`market.calendar.${i}.id`, `event id "${e.id}" is used twice`]);
    seen.add(e.id);
    if (e.endDay < e.startDay) out.push([`market.calendar.${i}.endDay`, "the event ends before it starts"]);
    if (e.startDay > days)
      out.push([`market.calendar.${i}.startDay`, `day ${e.startDay} is after the scenario's last day (${days})`]);
  });
  const season = sc.market.seasonality;
  if (season && season.length !== sc.weeks)
    out.push(["market.seasonality", `needs one multiplier per week (${sc.weeks}), got ${season.length}`]);
  sc.market.segments.forEach((g, i) => {
    if (!g.basket) return;
    const sum = g.basket.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > 0.001)
      out.push([`market.segments.${i}.basket`, `basket shares sum to ${sum.toFixed(3)}, not 1`]);
  });
  return out;
}
