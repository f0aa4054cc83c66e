// Small drawing helpers shared by the 营销 and 私域 panels: the "last week" result strip, compact
// follower counts, platform names and the listed-SKU chooser.
import type Phaser from "phaser";
import { checkDecision, type Decision } from "../../engine";
import { bi, fixed, getLang, group, money, t } from "../../i18n";
import { C, FS, RADIUS } from "../theme";
import { addChoice } from "../widgets/choice";
import { addText } from "../widgets/text";
import { compactParts } from "./channel-estimates";
import type { PanelCtx } from "./panel-context";

/** 68000 → "6.8万" / "68k"; small numbers grouped. */
/** A paid channel's daily budget stepper (feed ads, paid search): ¥0–5,000 a day in ¥50 / ¥10 steps. */
export const DAILY_BUDGET_STEPS = {
  min: 0,
  max: 500_000,
  step: 5000,
  fineStep: 1000,
  stepLabel: (s: number) => `¥${s / 100}`,
  format: (v: number) => t("unit.perDay", { v: money(v) }),
  typed: "money",
} as const;

export function compact(n: number): string {
  const p = compactParts(Math.round(n), getLang());
  if (!p) return group(Math.round(n));
  return t(`channels.count.${p.unit}`, { n: fixed(p.value, p.value >= 100 ? 0 : 1) });
}

/**
 * A rounded strip "上周效果: a · b · c" at y (panel-local, full width); returns its height.
 * `parts` empty → the "nothing ran" note.
 */
export function lastWeekStrip(
  ctx: PanelCtx,
  y: number,
  parts: string[],
  opts: { x?: number; w?: number; parent?: Phaser.GameObjects.Container; title?: string } = {},
): number {
  const { scene } = ctx;
  const parent = opts.parent ?? ctx.root;
  const x = opts.x ?? 16;
  const w = opts.w ?? ctx.w - 32;
  const label = addText(scene, x + 12, y + 8, opts.title ?? t("channels.lastWeek"), {
    size: FS.tiny,
    bold: true,
    color: C.faint,
  });
  const body = addText(
    scene,
    x + 12,
    y + 8 + label.height + 2,
    parts.length > 0 ? parts.join("  ·  ") : t(ctx.lastReport ? "channels.noResult" : "channels.noReport"),
    { size: FS.small, color: parts.length > 0 ? C.text : C.muted, width: w - 24, lineSpacing: 4 },
  );
  const h = 8 + label.height + 2 + body.height + 8;
  const box = scene.add
    .rectangle(x, y, w, h, C.bgDeep)
    .setOrigin(0, 0)
    .setRounded(RADIUS / 2);
  box.setStrokeStyle(1, C.line);
  parent.add([box, label, body]);
  return h;
}

/** Listed SKUs (a SKU not launched yet or delisted cannot be promoted), plus `keep` if given. */
export function listedSkus(ctx: PanelCtx, keep?: string): { id: string; label: string }[] {
  const { scenario, draft } = ctx;
  return scenario.skus
    .filter((s) => s.id === keep || (draft.lifecycle?.skus[s.id]?.listed ?? true))
    .map((s) => ({ id: s.id, label: bi(s.name) }));
}

/** A labelled one-row SKU chooser; returns the height used. */
export function skuChooser(
  ctx: PanelCtx,
  y: number,
  id: string,
  value: string,
  onChange: (sku: string) => void,
): number {
  const { scene, root, w } = ctx;
  const label = addText(scene, 16, y + 17, t("marketing.sku"), {
    size: FS.small,
    bold: true,
    color: C.muted,
    originY: 0.5,
  });
  root.add(label);
  const x = 16 + Math.max(72, label.width + 12);
  const options = listedSkus(ctx, value).map((s) => ({ value: s.id, label: s.label }));
  const { height } = addChoice<string>(scene, {
    id,
    x,
    y,
    w: w - 16 - x,
    h: 34,
    perRow: Math.min(4, options.length),
    size: FS.tiny,
    options,
    value,
    focus: ctx.focus,
    parent: root,
    onChange,
  });
  return height;
}

/**
 * Proposes a decision that costs cash (a KOL fee, a launch, an upgrade); when the shop cannot pay, the
 * message says what it is for (`cashKey`, with {need} and {have}) instead of the engine's generic one.
 */
export function proposeWithCash(ctx: PanelCtx, fieldId: string, d: Decision, cashKey: string): void {
  const e = checkDecision(ctx.scenario, ctx.draft, d);
  if (e?.key === "err.cash") {
    ctx.fieldError(
      fieldId,
      t(cashKey, { need: money(Number(e.params.needFen ?? 0)), have: money(Number(e.params.haveFen ?? 0)) }),
    );
    return;
  }
  ctx.propose(fieldId, d);
}
