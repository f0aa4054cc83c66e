// The row of chips that picks a sub-section inside a panel with several (促销: 满减 / 优惠券 / …).
// Ids are `<lever>.sub.<name>` so tests and scripts/shot.mjs can open a sub-section by id.
import { FS } from "../theme";
import { addChoice } from "../widgets/choice";
import type { PanelCtx, PanelLever } from "./panel-context";

export interface SubOption {
  value: string;
  label: string;
}

/** The chosen sub-section of `lever` (the first if none chosen yet or the choice is gone). */
export function currentSub(ctx: PanelCtx, lever: PanelLever, options: readonly SubOption[]): string {
  const chosen = ctx.view.sub[lever];
  return options.some((o) => o.value === chosen) ? (chosen as string) : (options[0]?.value ?? "");
}

/** Draws the chips at y; returns the height used. */
export function subChips(ctx: PanelCtx, lever: PanelLever, y: number, options: SubOption[], value: string): number {
  const { height } = addChoice<string>(ctx.scene, {
    id: `${lever}.sub`,
    x: 16,
    y,
    w: ctx.w - 32,
    h: 36,
    size: FS.small,
    options,
    value,
    focus: ctx.focus,
    parent: ctx.root,
    onChange: (v) => ctx.setView({ sub: { ...ctx.view.sub, [lever]: v } }),
  });
  return height;
}
