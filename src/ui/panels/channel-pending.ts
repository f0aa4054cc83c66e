// Pending-list lines for the marketing-channel, private-domain and lifecycle decisions (called from
// pending-text.ts): what will change this week, in the course's terms.
import type { Decision, Scenario } from "../../engine";
import { bi, money, t } from "../../i18n";

export type ChannelDecision = Extract<
  Decision,
  {
    type:
      | "setSearchAds"
      | "hireKol"
      | "setContent"
      | "setCommunity"
      | "setPrivateDomain"
      | "clearance"
      | "upgrade"
      | "delist"
      | "launch";
  }
>;

/** The field a line of this decision is withdrawn by: the KOL or the platform (one line each). */
export function channelLineField(d: Decision): string | undefined {
  if (d.type === "hireKol") return d.kol;
  if (d.type === "setContent") return d.platform;
  return undefined;
}

export function channelPendingLine(sc: Scenario, d: ChannelDecision): string {
  const skuName = (id: string) => {
    const s = sc.skus.find((k) => k.id === id);
    return s ? bi(s.name) : id;
  };
  switch (d.type) {
    case "setSearchAds":
      return t("channels.pending.search", {
        budget: money(d.dailyBudgetFen),
        n: d.bids.length,
      });
    case "hireKol": {
      const k = sc.market.kols?.find((x) => x.id === d.kol);
      return t("channels.pending.kol", {
        kol: k ? bi(k.name) : d.kol,
        fee: money(k?.feeFen ?? 0),
      });
    }
    case "setContent":
      return t("channels.pending.content", {
        platform: t(`channels.platform.${d.platform}`),
        posts: t("channels.content.posts", { n: d.postsPerWeek }),
        format: t(`channels.format.${d.format}`),
        series: t(d.series ? "channels.content.series" : "channels.content.oneOff"),
      });
    case "setCommunity":
      return t("channels.pending.community", { activity: t(`channels.activity.${d.activity}`) });
    case "setPrivateDomain":
      return t("private.pending", {
        card: t(d.insertCard ? "toggle.on" : "toggle.off"),
        coupon: money(d.inviteCouponFen),
        pushes: t("private.pushesV", { n: d.pushesPerWeek }),
        offer: d.memberOfferPct > 0 ? t("private.offerV", { n: d.memberOfferPct }) : t("private.offerNone"),
      });
    case "clearance":
      return t("lifecycle.pending.clearance", { sku: skuName(d.sku), price: money(d.priceFen) });
    case "upgrade":
      return t("lifecycle.pending.upgrade", { sku: skuName(d.sku) });
    case "delist":
      return t("lifecycle.pending.delist", { sku: skuName(d.sku) });
    case "launch":
      return t("lifecycle.pending.launch", { sku: skuName(d.sku) });
  }
}
