// The week report: KPIs in 生意参谋 names, the funnel, traffic by source, per-SKU ranks and the
// factors behind the numbers (for the advisor and the tests).

import type { Scenario } from "../scenario-schema";
import { detailQuality, estimateTitleFromPool, imageCtr } from "../systems/listing";
import { competitorPriceFen } from "../systems/market";
import { priceFactor, referenceOf } from "../systems/pricing";
import { promotionRunning } from "../systems/promotions";
import { averageRating, ratingFactor, reviewCountFactor } from "../systems/reputation";
import { bannerLift, bounceRates, loadSeconds, navigationReach } from "../systems/storefront";
import type { GameState, Kpis, SkuState, SkuWeekReport, WeekFactors, WeekReport } from "../types";
import { weekRepurchaseRate } from "./customers";
import type { WeekAcc } from "./week";

/** Levers are fixed for the week, so their multipliers are computed once. */
export function weekFactors(scenario: Scenario, s: GameState): WeekFactors {
  const bounce = bounceRates(s.store);
  const f: WeekFactors = {
    navReach: navigationReach(s.store),
    bannerLift: bannerLift(s.store, promotionRunning(s.commerce)), // P1.1b × P1.2g
    bounceMobile: bounce.mobile,
    bounceDesktop: bounce.desktop,
    loadSeconds: loadSeconds(s.store),
    detailQuality: {},
    titleReadability: {},
    imageCtr: {},
    priceFactor: {},
    reviewFactor: {},
    adImpressions: 0,
    adClicks: 0,
  };
  for (const sku of s.skus) {
    const title = estimateTitleFromPool(scenario.market.keywords, sku.title);
    f.titleReadability[sku.id] = title.readability;
    f.imageCtr[sku.id] = imageCtr(sku.image);
    // The ranking's click index reflects what shoppers see on the results page this week.
    sku.ctrIndex = title.readability * imageCtr(sku.image);
  }
  return f;
}

export function buildReport(
  scenario: Scenario,
  before: GameState,
  s: GameState,
  acc: WeekAcc,
  f: WeekFactors,
): WeekReport {
  const skus: SkuWeekReport[] = s.skus.map((sku: SkuState) => {
    const w = acc.skus.get(sku.id);
    const keywords = w
      ? [...w.keywords.entries()].map(([id, k]) => ({
          id,
          rank: Math.round(k.rankSum / Math.max(1, k.days)),
          uv: k.uv,
        }))
      : [];
    return {
      id: sku.id,
      uv: w?.uv ?? 0,
      orders: w?.orders ?? 0,
      units: w?.units ?? 0,
      gmvFen: w?.gmvFen ?? 0,
      avgRank: w && w.rankWeight > 0 ? Math.round((w.rankWeighted / w.rankWeight) * 10) / 10 : 0,
      ctr: w && w.searches > 0 ? w.searchClicks / w.searches : 0,
      conversion: w && w.uv > 0 ? w.orders / w.uv : 0,
      stockEnd: sku.stock,
      stockoutDays: w?.stockoutDays ?? 0,
      rating: averageRating(sku.reviewCount, sku.ratingSum),
      reviewCount: sku.reviewCount,
      arrived: w?.arrived ?? 0,
      keywords,
    };
  });
  f.adImpressions = acc.adImpressions;
  f.adClicks = acc.adClicks;
  for (const sku of s.skus) {
    let pf = 0;
    let rf = 0;
    let dq = 0;
    for (const g of scenario.market.segments) {
      pf +=
        g.share *
        priceFactor({
          priceFen: sku.priceFen,
          marketPriceFen: competitorPriceFen(scenario, s, sku.id), // P1.2f: competitors' price this week
          ...referenceOf(before.skus.find((k) => k.id === sku.id) ?? sku),
          elasticity: g.elasticity,
          priceSensitivity: g.priceSensitivity,
        });
      rf += g.share * reviewCountFactor(sku.reviewCount, g.trustNeed) * ratingFactor(sku.reviewCount, sku.ratingSum);
      dq += g.share * detailQuality(sku.detail, g.trustNeed, sku.reviewCount > 0);
    }
    f.priceFactor[sku.id] = pf;
    f.reviewFactor[sku.id] = rf;
    f.detailQuality[sku.id] = dq;
  }
  const kpis = weekKpis(s, acc);
  return {
    week: before.week,
    days: acc.days,
    traffic: { ...acc.traffic },
    funnel: { ...acc.funnel, favourites: Math.round(acc.funnel.favourites) },
    skus,
    ledger: acc.ledger,
    money: { cogsFen: acc.cogsFen, discountFen: acc.discountFen, liquidationLossFen: acc.liquidationLossFen },
    kpis,
    events: acc.events,
    reviews: acc.reviews,
    dsr: { ...s.dsr },
    factors: f,
    ...(acc.marketing?.report ? { marketing: acc.marketing.report } : {}), // P2.1–P2.2 channel evidence
  };
}

function weekKpis(s: GameState, acc: WeekAcc): Kpis {
  const L = (k: string) => acc.ledger[k] ?? 0;
  // 支付金额 (GMV): what buyers paid, after 满减, coupons and members' price (生意参谋's definition).
  const gmv = L("sales") - acc.discountFen;
  const orders = acc.funnel.paid;
  const uv = acc.funnel.visitors;
  const gross = gmv + L("refunds") - acc.cogsFen;
  // The ledger books discounts as a cost ("promotion", "private") on list-price sales: add them back once.
  const net =
    gross + acc.discountFen + L("commission") + L("logistics") + L("ads") + L("salaries") + L("holding") + L("design");
  const netOps = L("ops") + L("interest"); // P1.3a compensation, P1.3c feedback fixes; loan interest
  const netMarketing = L("kol") + L("content"); // P2.1b fees, P2.2 content production
  const netPromotion = L("promotion"); // P1.2g discounts and gifts
  const netDomainD = L("private") - acc.liquidationLossFen; // P2.3a costs; closing stock at liquidation value
  const adSpend = -L("ads");
  const units = [...acc.skus.values()].reduce((a, w) => a + w.units, 0);
  return {
    gmvFen: gmv,
    orders,
    uv,
    pv: uv + acc.funnel.engaged * 2,
    conversionRate: uv > 0 ? orders / uv : 0,
    aovFen: orders > 0 ? Math.round(gmv / orders) : 0,
    addToCartRate: uv > 0 ? acc.funnel.addToCart / uv : 0,
    grossProfitFen: gross,
    netProfitFen: net + netMarketing + netPromotion + netOps + netDomainD,
    adSpendFen: adSpend,
    roas: adSpend > 0 ? acc.adGmvFen / adSpend : 0,
    ppcFen: acc.adClicks > 0 ? Math.round(adSpend / acc.adClicks) : 0,
    dsr: (s.dsr.description + s.dsr.service + s.dsr.logistics) / 3,
    refundRate: units > 0 ? acc.refundUnits / units : 0,
    repurchaseRate: weekRepurchaseRate(acc), // repeat orders / orders (customer model; else 0)
    stockoutDays: [...acc.skus.values()].reduce((a, w) => a + w.stockoutDays, 0),
    cashEndFen: s.cashFen,
  };
}
