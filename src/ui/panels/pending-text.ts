// One readable line per pending decision, for the "changes taking effect this week" list.
import { type Decision, LEVER_OF, type Scenario } from "../../engine";
import { bi, group, items, money, t } from "../../i18n";
import { channelLineField, channelPendingLine } from "./channel-pending";
import { promotionPendingLine, SERVICE_FIELDS, serviceFieldLine, teamChangeLine } from "./ops-text";
import type { PanelCtx } from "./panel-context";

export interface PendingLine {
  /** Test-hook id of the line's undo button. */
  id: string;
  text: string;
  type: Decision["type"];
  sku?: string;
  /** For setStore lines: the single field this line shows. */
  field?: string;
}

const STORE_FIELDS = ["categoryDepth", "inStoreSearch", "banner", "mobileLevel", "speedLevel"] as const;

/** One line per pending decision, except setStore, which gets one line per changed field. */
export function pendingLines(ctx: PanelCtx): PendingLine[] {
  const out: PendingLine[] = [];
  for (const d of ctx.pending) {
    if (d.type === "setStore") {
      for (const f of STORE_FIELDS) {
        if (d[f] === undefined) continue;
        out.push({
          id: `pending.undo.setStore.${f}`,
          text: describePending(ctx, { type: "setStore", [f]: d[f] }),
          type: d.type,
          field: f,
        });
      }
    } else if (d.type === "setService") {
      for (const f of SERVICE_FIELDS) {
        const v = d[f];
        if (v === undefined) continue;
        out.push({ id: `pending.undo.setService.${f}`, text: serviceFieldLine(f, v), type: d.type, field: f });
      }
    } else if (d.type === "hire" || d.type === "fire" || d.type === "endPromotion" || d.type === "actOnFeedback") {
      // One line per role / promotion / topic (several hires of a role share a line and its undo).
      const field = d.type === "endPromotion" ? d.promotion : d.type === "actOnFeedback" ? d.topic : d.role;
      const id = `pending.undo.${d.type}.${field}`;
      if (!out.some((l) => l.id === id)) out.push({ id, text: describePending(ctx, d), type: d.type, field });
    } else if (d.type === "hireKol" || d.type === "setContent") {
      // One line per KOL / platform, withdrawn by that id.
      const field = channelLineField(d);
      out.push({ id: `pending.undo.${d.type}.${field}`, text: describePending(ctx, d), type: d.type, field });
    } else {
      const sku = "sku" in d && d.type !== "setAds" ? d.sku : undefined;
      out.push({
        id: sku ? `pending.undo.${d.type}.${sku}` : `pending.undo.${d.type}`,
        text: describePending(ctx, d),
        type: d.type,
        sku,
      });
    }
  }
  return out;
}

export function describePending(ctx: PanelCtx, d: Decision): string {
  return describeDecisionIn(ctx.scenario, d, ctx.pending);
}

/**
 * One decision in plain words with names from the scenario (SKUs, segments, keywords). `sameTurn` is the
 * week's other decisions (hires and fires of a role are counted together). Used by the shop's pending
 * list and the instructor's trainee timeline.
 */
export function describeDecisionIn(sc: Scenario, d: Decision, sameTurn: readonly Decision[] = [d]): string {
  const skuName = (id: string) => {
    const s = sc.skus.find((k) => k.id === id);
    return s ? bi(s.name) : id;
  };
  switch (d.type) {
    case "setStore": {
      const parts: string[] = [];
      if (d.categoryDepth !== undefined)
        parts.push(`${t("store.depth")} ${t("store.depthValue", { n: d.categoryDepth })}`);
      if (d.inStoreSearch !== undefined)
        parts.push(`${t("store.search")} ${t(d.inStoreSearch ? "toggle.on" : "toggle.off")}`);
      if (d.banner !== undefined) parts.push(`${t("store.banner")} ${t(`banner.${d.banner}`)}`);
      if (d.mobileLevel !== undefined) parts.push(`${t("store.mobile")} ${t("store.level", { n: d.mobileLevel })}`);
      if (d.speedLevel !== undefined) parts.push(`${t("store.speed")} ${t("store.level", { n: d.speedLevel })}`);
      return t("pending.setStore", { fields: parts.join(", ") });
    }
    case "setTitle":
      return t("pending.setTitle", { sku: skuName(d.sku), n: d.keywords.length });
    case "setImage":
      return t("pending.setImage", { sku: skuName(d.sku), style: t(`image.${d.style}`) });
    case "setDetail":
      return t("pending.setDetail", { sku: skuName(d.sku), n: d.sections.length });
    case "setPrice":
      return t("pending.setPrice", { sku: skuName(d.sku), price: money(d.priceFen) });
    case "reorder":
      return t("pending.reorder", { sku: skuName(d.sku), qty: items(d.qty) });
    case "setAds": {
      const seg = sc.market.segments.find((s) => s.id === d.target);
      const target = d.target === "broad" ? t("marketing.broad") : seg ? bi(seg.name) : d.target;
      return t("pending.setAds", { budget: money(d.dailyBudgetFen), target });
    }
    case "setCoupon":
      // A coupon being issued: its total (共), not what is left of a running one (剩).
      return t("pending.setCoupon", {
        terms: t(d.minSpendFen > 0 ? "pending.couponTerms" : "pending.couponTermsNoMin", {
          face: money(d.faceFen),
          min: money(d.minSpendFen),
          audience: t(`promotion.audience.${d.audience}`),
          total: t("promotion.sheets", { n: group(d.quantity) }),
        }),
      });
    case "setFullReduction":
    case "setFlashSale":
    case "setGroupBuy":
    case "setGift":
      return promotionPendingLine(sc, d);
    case "endPromotion":
      return t("pending.endPromotion", { kind: t(`promotion.kind.${d.promotion}`) });
    case "setService":
      return SERVICE_FIELDS.flatMap((f) => (d[f] === undefined ? [] : [serviceFieldLine(f, d[f])])).join(", ");
    case "hire":
    case "fire":
      return teamChangeLine(
        d.type,
        d.role,
        Math.max(1, sameTurn.filter((p) => p.type === d.type && p.role === d.role).length),
      );
    case "actOnFeedback":
      return t("pending.actOnFeedback", { topic: t(`team.topic.${d.topic}`) });
    case "setSearchAds":
    case "hireKol":
    case "setContent":
    case "setCommunity":
    case "setPrivateDomain":
    case "clearance":
    case "upgrade":
    case "delist":
    case "launch":
      return channelPendingLine(sc, d);
    default: {
      // Levers whose panels come later still get a readable line: the lever group and the SKU.
      const o = d as Decision;
      const sku = "sku" in o && typeof o.sku === "string" ? skuName(o.sku) : "";
      return t("pending.other", { lever: t(`lever.${LEVER_OF[o.type]}`), sku });
    }
  }
}
