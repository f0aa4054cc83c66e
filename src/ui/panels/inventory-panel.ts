// 库存 Inventory panel: stock on hand, what is on the way, and this week's reorder with its cost,
// the supplier's minimum order, price tiers and lead time (P1.2b, P1.3a).
import { reorderCostFen } from "../../engine";
import { days, items, money, t } from "../../i18n";
import { C, FS } from "../theme";
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
    y += headText.height + 10;

    const pending = ctx.pending.find((p) => p.type === "reorder" && p.sku === skuId);
    const qty = pending && pending.type === "reorder" ? pending.qty : 0;
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
      focus: ctx.focus,
      parent: card,
      onChange: (v) => {
        if (v <= 0) ctx.withdraw(fieldId, "reorder", skuId);
        else ctx.propose(fieldId, { type: "reorder", sku: skuId, qty: v });
      },
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
