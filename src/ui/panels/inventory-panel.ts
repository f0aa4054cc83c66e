// 库存 Inventory panel: stock on hand, what is on the way, and this week's reorder with its cost,
// the supplier's minimum order, price tiers and lead time (P1.2b, P1.3a).
import { reorderCostFen } from "../../engine";
import { stockEstimate } from "../../engine/estimates";
import { days, fixed, items, money, t } from "../../i18n";
import { C, FS } from "../theme";
import { Button } from "../widgets/button";
import { addErrorLine } from "../widgets/error-line";
import { Stepper } from "../widgets/stepper";
import { addText, clipText, fitText } from "../widgets/text";
import type { PanelCtx } from "./panel-context";
import { skuCards } from "./sku-cards";

export function buildInventoryPanel(ctx: PanelCtx): void {
  const { scene, root, w, scenario, draft, game } = ctx;
  const help = addText(scene, 16, 16, t("inventory.help"), { size: FS.small, color: C.muted, width: w - 32 });
  root.add(help);
  skuCards(ctx, 16 + help.height + 12, "inventory", (card, skuId, cw) => {
    const sc = scenario.skus.find((s) => s.id === skuId);
    const sku = game.skus.find((s) => s.id === skuId);
    const draftSku = draft.skus.find((s) => s.id === skuId);
    if (!sc || !sku || !draftSku) return 60;
    const fieldId = `inventory.${skuId}`;
    let y = card.contentY;
    const sold = ctx.lastReport?.skus.find((s) => s.id === skuId)?.units;
    const head = [t("inventory.stock", { n: items(sku.stock) })];
    if (sold !== undefined) head.push(t("inventory.soldLastWeek", { n: items(sold) }));
    const today = game.week * 7;
    const lots = draftSku.pipeline.map((p) =>
      t("inventory.arrival", { qty: items(p.qty), days: days(Math.max(0, p.arriveDay - today)) }),
    );
    const pipeline =
      lots.length > 0
        ? t("inventory.pipeline", { list: lots.join(t("common.listSepStrong")) })
        : t("inventory.pipelineNone");
    const headText = addText(scene, 16, y, `${head.join("   ·   ")}\n${pipeline}`, {
      size: FS.small,
      color: sku.stock > 0 ? C.text : C.bad,
      width: cw - 32,
      lineSpacing: 4,
    });
    card.add(headText);
    y += headText.height + 6;
    // Days of cover and a suggested reorder, from recent sales and the lead time (engine/estimates).
    const est = stockEstimate({
      stock: sku.stock,
      onOrder: sku.pipeline.reduce((a, l) => a + l.qty, 0),
      weeks: ctx.reports.map((r) => r.skus.find((k) => k.id === skuId) ?? { units: 0, stockoutDays: 0 }),
      leadDays: sc.supplier.leadDays,
      minOrder: sc.supplier.minOrder,
    });
    const estParts =
      est.dailyUnits === null || est.coverDays === null || est.coverWithOrderDays === null
        ? [t("inventory.coverNone")]
        : [
            t("inventory.cover", {
              days: days(Math.floor(est.coverDays)),
              withOrder: days(Math.floor(est.coverWithOrderDays)),
              rate: fixed(est.dailyUnits, 1),
            }),
            est.suggestedQty ? t("inventory.suggest", { qty: items(est.suggestedQty) }) : t("inventory.suggestNone"),
          ];
    const low = est.coverDays !== null && est.coverDays < sc.supplier.leadDays + 2;
    const suggested = est.suggestedQty ?? 0;
    const estText = addText(scene, 16, y, estParts.join("   ·   "), {
      size: FS.small,
      bold: true,
      color: low ? C.warn : C.accentHi,
      width: cw - 32 - (suggested > 0 ? 132 : 0),
    });
    card.add(estText);
    if (suggested > 0) {
      new Button(scene, {
        id: `${fieldId}.suggest`,
        x: cw - 16 - 124,
        y: y - 4,
        w: 124,
        h: 28,
        label: t("inventory.useSuggest"),
        size: FS.tiny,
        variant: "secondary",
        enabled: reorderQty(ctx, skuId) !== suggested,
        focus: ctx.focus,
        parent: card,
        onClick: () => ctx.propose(fieldId, { type: "reorder", sku: skuId, qty: suggested }),
      });
    }
    y += Math.max(estText.height, 22) + 8;

    const qty = reorderQty(ctx, skuId);
    const min = sc.supplier.minOrder;
    const label = addText(scene, 16, y + 11, t("inventory.reorder"), { size: FS.body, bold: true });
    // The stepper starts at x = 150: a longer label (English) shrinks, then wraps its tail away.
    fitText(label, 126, 11);
    if (label.width > 126) clipText(label, 126);
    card.add(label);
    new Stepper(scene, {
      id: fieldId,
      x: 150,
      y,
      w: 360,
      h: 42,
      value: qty,
      min: 0,
      max: 20_000,
      step: 50,
      fineStep: 10,
      stepLabel: (s) => String(s),
      format: (v) => items(v),
      // Orders below the supplier's minimum are not possible: jump to it, or back to none.
      snap: (v, dir) => (v > 0 && v < min ? (dir > 0 ? min : 0) : v),
      typed: "int",
      focus: ctx.focus,
      parent: card,
      onChange: (v) => {
        if (v <= 0) ctx.withdraw(fieldId, "reorder", skuId);
        else ctx.propose(fieldId, { type: "reorder", sku: skuId, qty: v });
      },
      onInvalid: (m) => ctx.fieldError(fieldId, m),
    });
    const cost = qty > 0 ? reorderCostFen(scenario, skuId, qty) : 0;
    const costText = addText(scene, 526, y + 11, t("inventory.cost", { cost: money(cost) }), {
      size: FS.small,
      bold: true,
      color: C.accentHi,
    });
    card.add(costText);
    y += 52;
    const tiers = sc.supplier.tiers
      .map((tr) => t("inventory.tier", { qty: tr.minQty, cost: money(tr.unitCostFen) }))
      .join(t("common.listSep"));
    const terms = addText(
      scene,
      16,
      y,
      `${t("inventory.lead", { days: days(sc.supplier.leadDays) })}   ·   ${t("inventory.minOrder", { qty: items(min) })}   ·   ${t("inventory.tiers", { list: tiers })}`,
      { size: FS.tiny, color: C.muted, width: cw - 32 },
    );
    card.add(terms);
    y += terms.height + 6;
    const err = addErrorLine(scene, card, 16, y, cw - 32, ctx.errors.get(fieldId));
    if (err) y += err.height + 4;
    return y + 10;
  });
}

/** This week's pending reorder of the SKU (0 = none). */
function reorderQty(ctx: PanelCtx, skuId: string): number {
  const p = ctx.pending.find((d) => d.type === "reorder" && d.sku === skuId);
  return p && p.type === "reorder" ? p.qty : 0;
}
