// Lays out one card per SKU (or a SKU selector plus one card when there are many), shared by the
// pricing and inventory panels.
import { bi } from "../../i18n";
import { FS } from "../theme";
import { Card } from "../widgets/card";
import { addChoice } from "../widgets/choice";
import { addText, fitText } from "../widgets/text";
import { stageColor, stageTag } from "./lifecycle-tab";
import type { PanelCtx } from "./panel-context";
import { shortSkuNames } from "./storefront";

/**
 * Labels for a row of SKU chips: with three or more SKUs the parts every name shares are dropped
 * ("Portable blender cup 300 ml" → "Portable 300 ml"), so each chip stays legible on a phone
 * instead of shrinking; the chosen SKU's full name heads the card below.
 */
export function skuChipLabels(scenario: PanelCtx["scenario"]): string[] {
  const names = scenario.skus.map((s) => bi(s.name));
  return names.length >= 3 ? shortSkuNames(names) : names;
}

const MAX_CARDS = 3;

export function skuCards(
  ctx: PanelCtx,
  y: number,
  idPrefix: string,
  fill: (card: Card, skuId: string, w: number) => number,
): void {
  const { scene, root, w, scenario } = ctx;
  let ids = scenario.skus.map((s) => s.id);
  if (ids.length > MAX_CARDS) {
    const chipLabels = skuChipLabels(scenario);
    const { height } = addChoice(scene, {
      id: `${idPrefix}.sku`,
      x: 16,
      y,
      w: w - 32,
      h: 36,
      perRow: 4,
      size: FS.small,
      options: scenario.skus.map((s, i) => ({ value: s.id, label: chipLabels[i] ?? bi(s.name) })),
      value: ctx.view.sku,
      focus: ctx.focus,
      parent: root,
      onChange: (v) => ctx.setView({ sku: v }),
    });
    y += height + 10;
    ids = [ctx.view.sku];
  }
  for (const id of ids) {
    const sc = scenario.skus.find((s) => s.id === id);
    if (!sc) continue;
    const card = new Card(scene, { x: 16, y, w: w - 32, h: 10, title: bi(sc.name), parent: root });
    // Lifecycle stage (导入 / 成长 / 成熟 / 衰退, 未上架, 清仓中) in the title row's right corner.
    const tag = stageTag(scenario, ctx.draft, id);
    if (tag) {
      const tx = addText(scene, w - 32 - 16, 15, tag, {
        size: FS.small,
        bold: true,
        color: stageColor(ctx.draft, id),
        originX: 1,
      });
      card.add(tx);
      if (card.title) fitText(card.title, w - 32 - 48 - tx.width);
    }
    const h = fill(card, id, w - 32);
    card.bg.setSize(w - 32, h);
    y += h + 12;
  }
}
