// The designer-hours note next to a control: hours this week's change to it uses, or what one
// change would cost, or that it needs no designer time (PX.c: capacity limits what a shop can do).
import { type Decision, designerHoursFor } from "../../engine";
import { t } from "../../i18n";
import type { PanelCtx } from "./panel-context";

export function hoursHint(
  ctx: PanelCtx,
  current: Decision | null,
  probe: Decision | null,
  nextKey: "shop.hoursEach" | "shop.hoursNext" = "shop.hoursEach",
): string {
  const used = current ? designerHoursFor(ctx.scenario, ctx.game, current) : 0;
  if (used > 0) return t("shop.hoursCost", { h: used });
  const next = probe ? designerHoursFor(ctx.scenario, ctx.draft, probe) : 0;
  return next > 0 ? t(nextKey, { h: next }) : t("shop.hoursFree");
}
