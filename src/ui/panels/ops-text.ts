// Pure text helpers of the promotion, service and team panels (and their pending lines): promotion
// summaries, the estimate's three numbers, platform events ahead, service settings and team roles.
// No Phaser here, so tests/ui can check them in Node.
import {
  type CommerceWeekReport,
  calendarDay,
  type Decision,
  type PromotionEstimate,
  type Scenario,
} from "../../engine";
import type { CommerceState, PromotionKind } from "../../engine/systems/promotions";
import type { ServicePolicy } from "../../engine/systems/service";
import type { TeamRole } from "../../engine/systems/team";
import { bi, days, fixed, group, hours, items, money, t } from "../../i18n";

export type ServiceField = keyof ServicePolicy;
export const SERVICE_FIELDS: readonly ServiceField[] = [
  "shiftHours",
  "scripts",
  "personalization",
  "addressCheck",
  "stockSync",
  "delayNotice",
  "refundSpeed",
  "logistics",
];

/** Signed number text: "+12.5" / "-3.0" / "0". */
function signedNum(n: number, digits: number): string {
  const r = fixed(n, digits);
  return n > 0 && r !== fixed(0, digits) ? `+${r}` : r;
}

/** Signed money: "+¥120.00" / "-¥35.00". */
export function signedMoney(fen: number): string {
  const r = Math.round(fen);
  return r > 0 ? `+${money(r)}` : money(r);
}

/** The estimate's numbers with units, per week. `ready` is false before any sales history exists. */
export function estimateTexts(est: PromotionEstimate): { orders: string; cost: string; net: string } {
  const o = Math.abs(est.extraOrders) < 0.05 ? 0 : est.extraOrders;
  return {
    orders: t("promotion.est.orders", { n: signedNum(o, 1) }),
    cost: t("promotion.est.cost", { cost: money(est.costFen) }),
    net: t("promotion.est.net", { net: signedMoney(est.marginImpactFen) }),
  };
}

/** Short description of a promotion's terms, e.g. "满¥199减¥20". */
export function promotionTerms(
  scenario: Scenario,
  kind: PromotionKind,
  c: Partial<Pick<CommerceState, PromotionKind>>,
): string | null {
  const skuName = (id: string) => {
    const s = scenario.skus.find((k) => k.id === id);
    return s ? bi(s.name) : id;
  };
  switch (kind) {
    case "fullReduction": {
      const f = c.fullReduction;
      return f ? t("promotion.terms.fullReduction", { t: money(f.thresholdFen), d: money(f.discountFen) }) : null;
    }
    case "coupon": {
      const k = c.coupon;
      if (!k) return null;
      return t(k.minSpendFen > 0 ? "promotion.terms.coupon" : "promotion.terms.couponNoMin", {
        face: money(k.faceFen),
        min: money(k.minSpendFen),
        left: t("promotion.sheets", { n: group(Math.max(0, k.quantity - k.claimed)) }),
        audience: t(`promotion.audience.${k.audience}`),
      });
    }
    case "flashSale": {
      const f = c.flashSale;
      return f
        ? t("promotion.terms.flashSale", {
            sku: skuName(f.sku),
            price: money(f.priceFen),
            cap: items(f.qtyCap),
            day: f.day,
          })
        : null;
    }
    case "groupBuy": {
      const g = c.groupBuy;
      return g
        ? t("promotion.terms.groupBuy", { sku: skuName(g.sku), price: money(g.groupPriceFen), n: g.groupSize })
        : null;
    }
    case "gift": {
      const g = c.gift;
      if (!g) return null;
      return t(g.minSpendFen > 0 ? "promotion.terms.gift" : "promotion.terms.giftAll", {
        min: money(g.minSpendFen),
        cost: money(g.giftCostFen),
      });
    }
  }
}

/** What a promotion did last week, from the week report's commerce section; null if it did not run. */
export function lastWeekResult(kind: PromotionKind, c: CommerceWeekReport | undefined): string | null {
  if (!c) return null;
  switch (kind) {
    case "fullReduction":
      return c.fullReduction
        ? t("promotion.last.fullReduction", {
            n: group(c.fullReduction.qualifiedOrders),
            cost: money(c.fullReduction.costFen),
          })
        : null;
    case "coupon":
      return c.coupon
        ? t("promotion.last.coupon", {
            claimed: group(c.coupon.claimed),
            used: group(c.coupon.used),
            cost: money(c.coupon.costFen),
          })
        : null;
    case "flashSale":
      return c.flashSale
        ? t("promotion.last.flashSale", {
            sold: group(c.flashSale.sold),
            cap: items(c.flashSale.qtyCap),
            v: group(c.flashSale.visitors),
          })
        : null;
    case "groupBuy":
      return c.groupBuy
        ? t("promotion.last.groupBuy", { filled: group(c.groupBuy.filled), unfilled: group(c.groupBuy.unfilled) })
        : null;
    case "gift":
      return c.gift ? t("promotion.last.gift", { n: group(c.gift.gifts), cost: money(c.gift.costFen) }) : null;
  }
}

type PromoDecision = Extract<
  Decision,
  { type: "setFullReduction" | "setCoupon" | "setFlashSale" | "setGroupBuy" | "setGift" }
>;

/** The pending-list line of a promotion decision, e.g. "满减：满¥200.00减¥20.00". */
export function promotionPendingLine(scenario: Scenario, d: PromoDecision): string {
  switch (d.type) {
    case "setFullReduction":
      return t("pending.setFullReduction", { t: money(d.thresholdFen), d: money(d.discountFen) });
    case "setCoupon":
      return t("pending.setCoupon", {
        terms: promotionTerms(scenario, "coupon", { coupon: { ...d, claimed: 0, used: 0 } }) ?? "",
      });
    case "setFlashSale":
      return t("pending.setFlashSale", {
        terms: promotionTerms(scenario, "flashSale", { flashSale: { ...d, sold: 0 } }) ?? "",
      });
    case "setGroupBuy":
      return t("pending.setGroupBuy", { terms: promotionTerms(scenario, "groupBuy", { groupBuy: d }) ?? "" });
    case "setGift":
      return t("pending.setGift", { terms: promotionTerms(scenario, "gift", { gift: d }) ?? "" });
  }
}

export interface EventAhead {
  name: { "zh-CN": string; en: string };
  /** 1-based scenario days. */
  startDay: number;
  endDay: number;
  trafficMult: number;
  /** First day of the pre-event lull (1-based) and its traffic multiplier; null without a lull. */
  lullFrom: number | null;
  lullMult: number;
  /** Days from today (0-based absolute day) to the event's start; 0 while it runs. */
  inDays: number;
}

/** Platform events (618, 双11 …) that have not ended by `today` (0-based absolute day), soonest first. */
export function eventsAhead(scenario: Scenario, today: number): EventAhead[] {
  const dayNo = today + 1;
  const last = scenario.weeks * 7;
  return (scenario.market.calendar ?? [])
    .filter((e) => e.endDay >= dayNo && e.startDay <= last)
    .map((e) => ({
      name: e.name,
      startDay: e.startDay,
      endDay: e.endDay,
      trafficMult: e.trafficMult,
      lullFrom: e.preLullDays > 0 ? Math.max(1, e.startDay - e.preLullDays) : null,
      lullMult: e.lullMult,
      inDays: Math.max(0, e.startDay - dayNo),
    }))
    .sort((a, b) => a.startDay - b.startDay);
}

/** Week (1-based) and day of that week (1–7) of a 1-based scenario day. */
export function weekDayOf(dayNo: number): { week: number; day: number } {
  return { week: Math.floor((dayNo - 1) / 7) + 1, day: ((dayNo - 1) % 7) + 1 };
}

/** One line about an event ahead: when, how much traffic, and the lull before it. */
export function eventLine(e: EventAhead): string {
  const at = weekDayOf(e.startDay);
  const parts = [
    t(e.inDays > 0 ? "promotion.event.when" : "promotion.event.now", {
      name: bi(e.name),
      week: at.week,
      day: at.day,
      in: days(e.inDays),
      mult: fixed(e.trafficMult, e.trafficMult % 1 === 0 ? 0 : 1),
    }),
  ];
  if (e.lullFrom !== null && e.inDays > 0) {
    const l = weekDayOf(e.lullFrom);
    parts.push(t("promotion.event.lull", { week: l.week, day: l.day, pct: group(Math.round((1 - e.lullMult) * 100)) }));
  }
  return parts.join(t("promotion.sep"));
}

/** The calendar multiplier label of one day of this week (for the flash-sale day chips), or "". */
export function dayTrafficLabel(scenario: Scenario, week: number, day: number): string {
  const cal = calendarDay(scenario, week * 7 + day - 1);
  if (cal.event) return t("promotion.day.event", { mult: fixed(cal.event.trafficMult, 0) });
  if (cal.lullFor) return t("promotion.day.lull", { mult: fixed(cal.lullFor.lullMult, 1) });
  return "";
}

/** A service setting's value in words, e.g. "10 小时/天", "开启", "快速退款". */
export function serviceValueText(field: ServiceField, value: ServicePolicy[ServiceField]): string {
  switch (field) {
    case "shiftHours":
      return t("service.shiftValue", { h: hours(Number(value)) });
    case "personalization":
      return t(`service.personal.${Number(value)}`);
    case "refundSpeed":
      return t(`service.refund.${String(value)}`);
    case "logistics":
      return t(`service.provider.${String(value)}`);
    default:
      return t(value ? "toggle.on" : "toggle.off");
  }
}

/** "班次：10 小时/天" — one service setting for the pending list. */
export function serviceFieldLine(field: ServiceField, value: ServicePolicy[ServiceField]): string {
  return t("pending.setService", { field: t(`service.${field}`), value: serviceValueText(field, value) });
}

export function roleName(role: TeamRole): string {
  return t(`team.role.${role}`);
}

/** Headcount with its unit: "2 人" / "1 person" / "3 people". */
export function teamCount(n: number): string {
  return t(n === 1 ? "team.count.one" : "team.count.other", { n: group(n) });
}

/** "招聘 客服 ×2" / "辞退 设计师 ×1". */
export function teamChangeLine(kind: "hire" | "fire", role: TeamRole, n: number): string {
  return t(kind === "hire" ? "pending.hire" : "pending.fire", { role: roleName(role), n });
}
