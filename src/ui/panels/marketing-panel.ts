// 营销 Marketing panel: info-flow ads — daily budget, audience (broad or one segment) and the SKU
// advertised (P2.1a). One campaign, so every control proposes the whole setAds decision.
import { bi, money, t } from "../../i18n";
import { FS } from "../theme";
import { addChoice } from "../widgets/choice";
import { Stepper } from "../widgets/stepper";
import type { PanelCtx } from "./panel-context";
import { leverRow } from "./row";

export function buildMarketingPanel(ctx: PanelCtx): void {
  const { scene, root, scenario, draft } = ctx;
  const ads = draft.ads;
  const set = (fieldId: string, patch: Partial<typeof ads>) =>
    ctx.propose(fieldId, { type: "setAds", ...ads, ...patch });
  let y = 16;
  {
    const row = leverRow(ctx, y, "marketing.budget", t("marketing.budget"), t("marketing.help"), 0.42);
    new Stepper(scene, {
      id: "marketing.budget",
      x: row.cx,
      y: row.cy,
      w: row.cw,
      h: 42,
      value: ads.dailyBudgetFen,
      min: 0,
      max: 500_000,
      step: 5000,
      fineStep: 1000,
      stepLabel: (s) => `¥${s / 100}`,
      format: (v) => t("unit.perDay", { v: money(v) }),
      focus: ctx.focus,
      parent: root,
      onChange: (v) => set("marketing.budget", { dailyBudgetFen: v }),
    });
    const note = `${t("marketing.weekly", { cost: money(ads.dailyBudgetFen * 7) })}   ·   ${t("marketing.cpm", { cpm: money(scenario.market.adCpmFen) })}`;
    y = row.end(42, note);
  }
  {
    const row = leverRow(ctx, y, "marketing.target", t("marketing.target"), "", 0.2);
    const options = [
      { value: "broad", label: t("marketing.broad") },
      ...scenario.market.segments.map((s) => ({ value: s.id, label: bi(s.name) })),
    ];
    const { height } = addChoice<string>(scene, {
      id: "marketing.target",
      x: row.cx,
      y: row.cy,
      w: row.cw,
      h: 40,
      perRow: Math.min(4, options.length),
      size: FS.small,
      options,
      value: ads.target,
      focus: ctx.focus,
      parent: root,
      onChange: (v) => set("marketing.target", { target: v }),
    });
    y = row.end(height);
  }
  {
    const row = leverRow(ctx, y, "marketing.sku", t("marketing.sku"), "", 0.2);
    const { height } = addChoice<string>(scene, {
      id: "marketing.sku",
      x: row.cx,
      y: row.cy,
      w: row.cw,
      h: 40,
      perRow: Math.min(3, scenario.skus.length),
      size: FS.small,
      options: scenario.skus.map((s) => ({ value: s.id, label: bi(s.name) })),
      value: ads.sku,
      focus: ctx.focus,
      parent: root,
      onChange: (v) => set("marketing.sku", { sku: v }),
    });
    y = row.end(height);
  }
}
