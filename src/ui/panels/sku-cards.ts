// Lays out one card per SKU (or a SKU selector plus one card when there are many), shared by the
// pricing and inventory panels.
import { bi } from "../../i18n";
import { FS } from "../theme";
import { Card } from "../widgets/card";
import { addChoice } from "../widgets/choice";
import type { PanelCtx } from "./panel-context";

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
    const { height } = addChoice(scene, {
      id: `${idPrefix}.sku`,
      x: 16,
      y,
      w: w - 32,
      h: 36,
      perRow: 4,
      size: FS.small,
      options: scenario.skus.map((s) => ({ value: s.id, label: bi(s.name) })),
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
    const h = fill(card, id, w - 32);
    card.bg.setSize(w - 32, h);
    y += h + 12;
  }
}
