// 定价 Pricing panel: price per SKU in ¥1 / ¥0.1 steps, with cost, competitor price and the
// margin left after commission and shipping beside it (P1.2f).
import { money, percent, t } from "../../i18n";
import { C, FS } from "../theme";
import { addErrorLine } from "../widgets/error-line";
import { Stepper } from "../widgets/stepper";
import { addText } from "../widgets/text";
import type { PanelCtx } from "./panel-context";
import { skuCards } from "./sku-cards";

export function buildPricingPanel(ctx: PanelCtx): void {
  const { scene, root, w, scenario, draft } = ctx;
  const help = addText(scene, 16, 16, t("pricing.help"), { size: FS.small, color: C.muted, width: w - 32 });
  root.add(help);
  skuCards(ctx, 16 + help.height + 12, "pricing", (card, skuId, cw) => {
    const sc = scenario.skus.find((s) => s.id === skuId);
    const sku = draft.skus.find((s) => s.id === skuId);
    if (!sc || !sku) return 60;
    const fieldId = `pricing.${skuId}`;
    let y = card.contentY;
    new Stepper(scene, {
      id: fieldId,
      x: 16,
      y,
      w: 400,
      h: 42,
      value: sku.priceFen,
      min: 100,
      max: Math.max(sc.marketPriceFen * 5, 100_000),
      step: 100,
      fineStep: 10,
      stepLabel: (s) => `¥${s / 100}`,
      format: money,
      typed: "money",
      focus: ctx.focus,
      parent: card,
      onChange: (v) => ctx.propose(fieldId, { type: "setPrice", sku: skuId, priceFen: v }),
      onInvalid: (m) => ctx.fieldError(fieldId, m),
    });
    const unitCost = sku.unitCostFen;
    const commission = Math.round(sku.priceFen * scenario.market.commissionRate);
    const profit = sku.priceFen - unitCost - commission - scenario.market.shippingFen;
    const info = [
      t("pricing.cost", { cost: money(unitCost) }),
      t("pricing.market", { price: money(sc.marketPriceFen) }),
    ];
    const infoText = addText(scene, 436, y - 2, info.join("\n"), { size: FS.small, color: C.text, lineSpacing: 4 });
    card.add(infoText);
    y += 52;
    const margin = addText(
      scene,
      16,
      y,
      t("pricing.margin", { profit: money(profit), pct: percent(profit / sku.priceFen) }),
      {
        size: FS.body,
        bold: true,
        color: profit > 0 ? C.good : C.bad,
      },
    );
    const note = addText(
      scene,
      16,
      y + margin.height + 2,
      t("pricing.marginNote", {
        rate: percent(scenario.market.commissionRate, 0),
        ship: money(scenario.market.shippingFen),
      }),
      { size: FS.tiny, color: C.muted, width: cw - 32 },
    );
    card.add([margin, note]);
    y += margin.height + note.height + 8;
    const err = addErrorLine(scene, card, 16, y, cw - 32, ctx.errors.get(fieldId));
    if (err) y += err.height + 4;
    return y + 10;
  });
}
