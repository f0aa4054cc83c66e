// 商品 Products panel, per SKU: title from keyword chips (P1.2c), main image style (P1.2d),
// and the detail page as an ordered list of sections (P1.1c, P1.2e).
import {
  DETAIL_SECTIONS,
  type Decision,
  type DetailSection,
  estimateTitle,
  IMAGE_STYLES,
  type ImageStyle,
} from "../../engine";
import { bi, getLang, group, t, times } from "../../i18n";
import { C, FS, RADIUS } from "../theme";
import { Button } from "../widgets/button";
import { addChoice } from "../widgets/choice";
import { addErrorLine } from "../widgets/error-line";
import { addText, measureWidth } from "../widgets/text";
import { hoursHint } from "./hours";
import { buildLifecycle, hasLifecycle, stageTag } from "./lifecycle-tab";
import type { PanelCtx, ViewState } from "./panel-context";
import { skuChipLabels } from "./sku-cards";

const PAD = 16;

export function buildProductPanel(ctx: PanelCtx): void {
  const { scene, root, w, scenario, draft } = ctx;
  const sku = draft.skus.find((s) => s.id === ctx.view.sku) ?? draft.skus[0];
  if (!sku) return;
  // SKU selector (with each SKU's lifecycle stage where the scenario models it) and sub-tabs.
  const lifecycle = hasLifecycle(scenario);
  const skuH = lifecycle ? 46 : 38;
  const chipLabels = skuChipLabels(scenario);
  addChoice(scene, {
    id: "product.sku",
    x: PAD,
    y: PAD,
    w: w - 2 * PAD,
    h: skuH,
    size: FS.small,
    options: scenario.skus.map((s, i) => ({
      value: s.id,
      label: chipLabels[i] ?? bi(s.name),
      sub: stageTag(scenario, draft, s.id) ?? undefined,
    })),
    value: sku.id,
    focus: ctx.focus,
    parent: root,
    onChange: (v) => ctx.setView({ sku: v }),
  });
  const tabs: ViewTab[] = lifecycle ? ["title", "image", "detail", "lifecycle"] : ["title", "image", "detail"];
  const tabKey = {
    title: "product.tabTitle",
    image: "product.tabImage",
    detail: "product.tabDetail",
    lifecycle: "lifecycle.tab",
  } as const;
  const tab: ViewTab = ctx.view.productTab === "lifecycle" && !lifecycle ? "title" : ctx.view.productTab;
  const tabY = PAD + skuH + 8;
  addChoice<ViewTab>(scene, {
    id: "product.tab",
    x: PAD,
    y: tabY,
    w: tabs.length * 140,
    h: 34,
    size: FS.small,
    options: tabs.map((v) => ({ value: v, label: t(tabKey[v]) })),
    value: tab,
    focus: ctx.focus,
    parent: root,
    onChange: (v) => ctx.setView({ productTab: v }),
  });
  const y0 = tabY + 34 + 14;
  if (tab === "title") buildTitle(ctx, sku.id, sku.title, y0);
  else if (tab === "image") buildImage(ctx, sku.id, sku.image, y0);
  else if (tab === "lifecycle") buildLifecycle(ctx, sku.id, y0 - 4);
  else buildDetail(ctx, sku.id, sku.detail, y0);
}

type ViewTab = ViewState["productTab"];

function pendingOf<T extends Decision["type"]>(
  ctx: PanelCtx,
  type: T,
  sku: string,
): Extract<Decision, { type: T }> | null {
  const d = ctx.pending.find((p) => p.type === type && "sku" in p && p.sku === sku);
  return (d as Extract<Decision, { type: T }> | undefined) ?? null;
}

function buildTitle(ctx: PanelCtx, skuId: string, title: string[], y: number): void {
  const { scene, root, w, scenario } = ctx;
  const fieldId = `product.title.${skuId}`;
  const help = addText(scene, PAD, y, t("product.titleHelp"), { size: FS.small, color: C.muted, width: w - 2 * PAD });
  root.add(help);
  y += help.height + 10;
  // Preview: the title as shoppers would read it.
  const kwText = (id: string) => scenario.market.keywords.find((k) => k.id === id)?.text;
  const sep = getLang() === "en" ? " " : "";
  const preview = title.map((id) => (kwText(id) ? bi(kwText(id) as { "zh-CN": string; en: string }) : id)).join(sep);
  const box = scene.add
    .rectangle(PAD, y, w - 2 * PAD, 64, C.bgDeep)
    .setOrigin(0, 0)
    .setRounded(RADIUS / 2);
  box.setStrokeStyle(1, C.line);
  const pLabel = addText(scene, PAD + 12, y + 6, t("product.titlePreview"), { size: FS.tiny, color: C.faint });
  const pText = addText(scene, PAD + 12, y + 24, preview, {
    size: FS.h3,
    bold: true,
    width: w - 2 * PAD - 24,
    maxLines: 2,
  });
  root.add([box, pLabel, pText]);
  y += 72;
  const est = estimateTitle(scenario, title);
  const stats = [
    t("product.chars", { used: est.chars, max: est.maxChars }),
    t("product.readability", { pct: times(est.readability) }),
    t("product.coreCount", { n: est.coreCount }),
  ].join("   ·   ");
  const statText = addText(scene, PAD, y, stats, {
    size: FS.small,
    bold: true,
    color: est.chars > est.maxChars ? C.bad : C.text,
  });
  const current = pendingOf(ctx, "setTitle", skuId);
  const hint = addText(
    scene,
    w - PAD,
    y + 1,
    hoursHint(ctx, current, { type: "setTitle", sku: skuId, keywords: [...title, "__probe"] }),
    {
      size: FS.tiny,
      color: C.warn,
      originX: 1,
    },
  );
  root.add([statText, hint]);
  y += 24;
  const err = addErrorLine(scene, root, PAD, y, w - 2 * PAD, ctx.errors.get(fieldId));
  if (err) y += err.height + 4;
  y += 6;

  // Chips grouped by kind, flowing left to right.
  const toggle = (id: string) => {
    const next = title.includes(id) ? title.filter((k) => k !== id) : [...title, id];
    if (next.length === 0) {
      ctx.fieldError(fieldId, t("product.titleEmpty"));
      return;
    }
    ctx.propose(fieldId, { type: "setTitle", sku: skuId, keywords: next });
  };
  const kinds = ["core", "selling", "marketing"] as const;
  const labelW = 96;
  for (const kind of kinds) {
    const kws = scenario.market.keywords.filter((k) => k.kind === kind);
    if (kws.length === 0) continue;
    const kl = addText(scene, PAD, y + 12, t(`product.kind.${kind}`), {
      size: FS.small,
      bold: true,
      color: C.muted,
      width: labelW - 8,
    });
    root.add(kl);
    let x = PAD + labelW;
    const chipH = 44;
    for (const kw of kws) {
      const order = title.indexOf(kw.id);
      const selected = order >= 0;
      const label = `${selected ? `${order + 1}. ` : "+ "}${bi(kw.text)}`;
      const sub =
        kind === "core"
          ? t("product.kwInfo", { n: kw.chars, s: group(kw.dailySearches) })
          : t("product.kwChars", { n: kw.chars });
      const cw = Math.max(measureWidth(label, FS.small, true), measureWidth(sub, FS.tiny)) + 24;
      if (x + cw > w - PAD) {
        x = PAD + labelW;
        y += chipH + 6;
      }
      new Button(scene, {
        id: `product.kw.${kw.id}`,
        x,
        y,
        w: cw,
        h: chipH,
        label,
        sub,
        size: FS.small,
        variant: "chip",
        selected,
        focus: ctx.focus,
        parent: root,
        onClick: () => toggle(kw.id),
      });
      x += cw + 6;
    }
    y += chipH + 12;
  }
}

function buildImage(ctx: PanelCtx, skuId: string, style: ImageStyle, y: number): void {
  const { scene, root, w } = ctx;
  const fieldId = `product.image.${skuId}`;
  const help = addText(scene, PAD, y, t("product.imageHelp"), { size: FS.small, color: C.muted, width: w - 2 * PAD });
  root.add(help);
  y += help.height + 14;
  const { height } = addChoice<ImageStyle>(scene, {
    id: "product.image",
    x: PAD,
    y,
    w: w - 2 * PAD,
    h: 64,
    perRow: 2,
    gap: 10,
    size: FS.body,
    options: IMAGE_STYLES.map((s) => ({ value: s, label: t(`image.${s}`), sub: t(`imageHelp.${s}`) })),
    value: style,
    focus: ctx.focus,
    parent: root,
    onChange: (v) => ctx.propose(fieldId, { type: "setImage", sku: skuId, style: v }),
  });
  y += height + 12;
  const other = IMAGE_STYLES.find((s) => s !== style) as ImageStyle;
  const hint = addText(
    scene,
    PAD,
    y,
    hoursHint(ctx, pendingOf(ctx, "setImage", skuId), { type: "setImage", sku: skuId, style: other }),
    {
      size: FS.small,
      color: C.warn,
    },
  );
  root.add(hint);
  y += hint.height + 8;
  addErrorLine(scene, root, PAD, y, w - 2 * PAD, ctx.errors.get(fieldId));
}

function buildDetail(ctx: PanelCtx, skuId: string, sections: DetailSection[], y: number): void {
  const { scene, root, w } = ctx;
  const fieldId = `product.detail.${skuId}`;
  const help = addText(scene, PAD, y, t("product.detailHelp"), { size: FS.small, color: C.muted, width: w - 2 * PAD });
  root.add(help);
  y += help.height + 8;
  const hint = addText(
    scene,
    PAD,
    y,
    hoursHint(ctx, pendingOf(ctx, "setDetail", skuId), {
      type: "setDetail",
      sku: skuId,
      sections: [...sections, ...DETAIL_SECTIONS.filter((s) => !sections.includes(s)).slice(0, 1)],
    }),
    { size: FS.tiny, color: C.warn },
  );
  root.add(hint);
  y += hint.height + 4;
  const err = addErrorLine(scene, root, PAD, y, w - 2 * PAD, ctx.errors.get(fieldId));
  if (err) y += err.height + 4;
  y += 4;
  const set = (next: DetailSection[]) => ctx.propose(fieldId, { type: "setDetail", sku: skuId, sections: next });
  const listW = 430;
  const head = addText(scene, PAD, y, t("product.detailCurrent"), { size: FS.small, bold: true });
  const addX = PAD + listW + 16;
  const addHead = addText(scene, addX, y, t("product.detailAdd"), { size: FS.small, bold: true });
  root.add([head, addHead]);
  y += 26;
  const rowH = 38;
  if (sections.length === 0) {
    root.add(addText(scene, PAD, y + 8, t("product.detailEmpty"), { size: FS.small, color: C.muted, width: listW }));
  }
  sections.forEach((sec, i) => {
    const ry = y + i * (rowH + 4);
    const bg = scene.add.rectangle(PAD, ry, listW, rowH, C.card).setOrigin(0, 0).setRounded(6);
    const label = addText(scene, PAD + 12, ry + rowH / 2, `${i + 1}. ${t(`section.${sec}`)}`, {
      size: FS.body,
      originY: 0.5,
    });
    root.add([bg, label]);
    const btn = (suffix: string, text: string, bx: number, enabled: boolean, fn: () => void) =>
      new Button(scene, {
        id: `product.detail.${sec}.${suffix}`,
        x: bx,
        y: ry + 4,
        w: 56,
        h: rowH - 8,
        label: text,
        size: FS.h3,
        variant: "secondary",
        enabled,
        focus: ctx.focus,
        parent: root,
        onClick: fn,
      });
    const swap = (a: number, b: number) => {
      const next = [...sections];
      [next[a], next[b]] = [next[b] as DetailSection, next[a] as DetailSection];
      set(next);
    };
    btn("up", "↑", PAD + listW - 3 * 60, i > 0, () => swap(i, i - 1));
    btn("down", "↓", PAD + listW - 2 * 60, i < sections.length - 1, () => swap(i, i + 1));
    btn("remove", "✕", PAD + listW - 60, true, () => set(sections.filter((s) => s !== sec)));
  });
  const missing = DETAIL_SECTIONS.filter((s) => !sections.includes(s));
  const addW = w - addX - PAD;
  missing.forEach((sec, i) => {
    new Button(scene, {
      id: `product.detail.add.${sec}`,
      x: addX,
      y: y + i * (rowH + 4),
      w: addW,
      h: rowH,
      label: `+ ${t(`section.${sec}`)}`,
      size: FS.small,
      variant: "chip",
      focus: ctx.focus,
      parent: root,
      onClick: () => set([...sections, sec]),
    });
  });
}
