// 商品 › 生命周期 tab: where the selected SKU is on its product market's diffusion curve (导入 / 成长 /
// 成熟 / 衰退), its stock cover, and the lifecycle actions — 清仓 (a sell-off price), 升级换代 (cash +
// design hours, restarts the curve), 下架 and 上新 from the catalogue (P1.2a–b). Also the short stage
// tag the SKU chips and cards show.
import type { Decision, GameState, Scenario } from "../../engine";
import { clearancePriceFor, launchCost, upgradeCost } from "../../engine/sim/lifecycle";
import { bassPeak, bassRate, weeklyBass } from "../../engine/systems/lifecycle";
import { bi, fixed, items, money, percent, t } from "../../i18n";
import { C, FS, RADIUS } from "../theme";
import { Button } from "../widgets/button";
import { Stepper } from "../widgets/stepper";
import { addText } from "../widgets/text";
import { bassCurve } from "./channel-estimates";
import { proposeWithCash } from "./channel-ui";
import { hoursHint } from "./hours";
import type { PanelCtx } from "./panel-context";
import { type RowStyle, styledRow } from "./row";

const PAD = 16;

/** The action rows: a fixed 300 px left column, body-size names, tight gaps. */
const ACTION_ROW: RowStyle = {
  nameSize: FS.body,
  helpSize: FS.tiny,
  helpGap: 2,
  helpLineSpacing: 2,
  controlDy: 0,
  hintGap: 4,
  gap: 4,
  ruleGap: 2,
  ruleAlpha: 0.5,
  next: 10,
};

/** True when the scenario models lifecycles or a launch catalogue (then stages are worth showing). */
export function hasLifecycle(scenario: Scenario): boolean {
  return !!(scenario.market.lifecycle?.skus.length || scenario.market.catalogue?.length);
}

/** The SKU's lifecycle tag: 未上架 / 已下架, else the stage (清仓中 prefixed when on clearance). */
export function stageTag(scenario: Scenario, state: GameState, skuId: string): string | null {
  if (!hasLifecycle(scenario)) return null;
  const lc = state.lifecycle?.skus[skuId];
  if (!lc) return null;
  if (lc.delisted) return t("lifecycle.delisted");
  if (!lc.listed) return t("lifecycle.unlisted");
  const sku = state.skus.find((k) => k.id === skuId);
  const stage = t(`lifecycle.stage.${lc.stage}`);
  const clearing = sku && lc.clearancePriceFen > 0 && sku.priceFen === lc.clearancePriceFen;
  return clearing ? t("lifecycle.clearingStage", { stage }) : stage;
}

/** Stage colour: growth green, maturity plain, decline amber, unlisted grey. */
export function stageColor(state: GameState, skuId: string): number {
  const lc = state.lifecycle?.skus[skuId];
  if (!lc?.listed) return C.faint;
  if (lc.stage === "decline") return C.warn;
  if (lc.stage === "growth" || lc.stage === "introduction") return C.good;
  return C.text;
}

function pendingOf(ctx: PanelCtx, type: Decision["type"], sku: string): Decision | null {
  return ctx.pending.find((p) => p.type === type && "sku" in p && p.sku === sku) ?? null;
}

export function buildLifecycle(ctx: PanelCtx, skuId: string, y: number): void {
  const { scene, root, w, scenario, draft } = ctx;
  const lc = draft.lifecycle.skus[skuId];
  const sku = draft.skus.find((k) => k.id === skuId);
  const spec = scenario.skus.find((k) => k.id === skuId);
  if (!lc || !sku || !spec) return;
  const entry = scenario.market.lifecycle?.skus.find((e) => e.sku === skuId);
  const rep = ctx.lastReport?.lifecycle?.skus.find((r) => r.sku === skuId);

  // Status: stage, curve, stock.
  const boxH = 118;
  const box = scene.add
    .rectangle(PAD, y, w - 2 * PAD, boxH, C.bgDeep)
    .setOrigin(0, 0)
    .setRounded(RADIUS / 2);
  box.setStrokeStyle(1, C.line);
  root.add(box);
  const tag = stageTag(scenario, draft, skuId) ?? t(`lifecycle.stage.${lc.stage}`);
  const stageText = addText(scene, PAD + 14, y + 10, tag, { size: FS.h2, bold: true, color: stageColor(draft, skuId) });
  root.add(stageText);
  const infoW = 330;
  const lines: string[] = [];
  if (entry) {
    const { p, q } = weeklyBass(entry);
    const demand = (bassRate(p, q, lc.adopted) / Math.max(1e-9, bassPeak(p, q))) * lc.obsolescence;
    lines.push(
      t("lifecycle.stageLine", {
        demand: percent(Math.min(1, demand), 0),
        adopted: percent(lc.adopted, 0),
        v: lc.version,
      }),
    );
  } else {
    lines.push(t("lifecycle.noCurve"));
  }
  const cover = rep && rep.coverWeeks < 999 ? fixed(rep.coverWeeks, 1) : null;
  lines.push(
    cover
      ? t("lifecycle.stock", { stock: items(sku.stock), weeks: cover })
      : t("lifecycle.stockNoSales", { stock: items(sku.stock) }),
  );
  if (rep && rep.deadStockUnits > 0)
    lines.push(t("lifecycle.deadStock", { n: items(rep.deadStockUnits), v: money(rep.deadStockFen) }));
  const info = addText(scene, PAD + 14, y + 44, lines.join("\n"), {
    size: FS.small,
    color: C.text,
    width: infoW,
    lineSpacing: 4,
    maxLines: 4,
  });
  root.add(info);
  if (entry) drawCurve(ctx, entry, lc.adopted, PAD + 14 + infoW + 16, y + 12, w - 2 * PAD - infoW - 44, boxH - 24);
  y += boxH + 8;
  const overlap = ctx.lastReport?.lifecycle?.overlaps.find((o) => o.a === skuId || o.b === skuId);
  if (overlap) {
    const other = scenario.skus.find((k) => k.id === (overlap.a === skuId ? overlap.b : overlap.a));
    const kws = overlap.sharedKeywords
      .map((id) => scenario.market.keywords.find((k) => k.id === id))
      .filter((k) => k !== undefined)
      .map((k) => bi(k.text))
      .join(", ");
    const warn = addText(scene, PAD, y, t("lifecycle.overlap", { other: other ? bi(other.name) : "", kw: kws }), {
      size: FS.tiny,
      color: C.warn,
      width: w - 2 * PAD,
    });
    root.add(warn);
    y += warn.height + 6;
  }

  // Actions, one row each: named by the i18n keys `lifecycle.<kind>` and `lifecycle.<kind>Help`.
  const act = (
    kind: "launch" | "clearance" | "upgrade" | "delist",
    control: (cx: number, cy: number, cw: number) => number,
    hint?: string,
  ) => {
    const id = `product.lifecycle.${kind}`;
    const row = styledRow(ctx, y, id, t(`lifecycle.${kind}`), t(`lifecycle.${kind}Help`), 300, ACTION_ROW);
    y = row.end(control(row.cx, row.cy, row.cw), hint);
  };
  const button = (
    id: string,
    label: string,
    onClick: () => void,
    o: { x: number; y: number; w: number; enabled?: boolean; selected?: boolean },
  ) =>
    new Button(scene, {
      id,
      x: o.x,
      y: o.y,
      w: o.w,
      h: 36,
      label,
      size: FS.small,
      variant: o.selected ? "chip" : "secondary",
      selected: o.selected,
      enabled: o.enabled ?? true,
      focus: ctx.focus,
      parent: root,
      onClick,
    });
  /**
   * A row whose one button plans the action, or withdraws it once planned. An action that costs
   * cash and designer hours says when the cash is short and notes the hours.
   */
  const planAction = (kind: "launch" | "upgrade" | "delist", label: string, paid: boolean) => {
    const id = `product.lifecycle.${kind}`;
    const d = { type: kind, sku: skuId };
    const planned = pendingOf(ctx, kind, skuId);
    const plan = () => (paid ? proposeWithCash(ctx, id, d, "lifecycle.noCash") : ctx.propose(id, d));
    act(
      kind,
      (cx, cy, cw) => {
        button(id, planned ? t("lifecycle.planned") : label, planned ? () => ctx.withdraw(id, kind, skuId) : plan, {
          x: cx,
          y: cy,
          w: cw,
          selected: !!planned,
        });
        return 36;
      },
      paid ? hoursHint(ctx, planned, planned ? null : d) : undefined,
    );
  };

  if (!lc.listed) {
    const inCatalogue = scenario.market.catalogue?.some((c) => c.sku === skuId) ?? false;
    if (inCatalogue && !lc.delisted) {
      const cost = launchCost(scenario, skuId);
      planAction("launch", t("lifecycle.launchBtn", { cost: money(cost.cashFen), h: cost.hours }), true);
    }
    // A launched-then-delisted SKU, or one about to be launched: nothing else to do here.
    if (lc.delisted || !inCatalogue) {
      const note = addText(scene, PAD, y, t("lifecycle.delistedNote"), {
        size: FS.small,
        color: C.muted,
        width: w - 2 * PAD,
      });
      root.add(note);
    }
    return;
  }

  // 清仓 Clearance.
  {
    const planned = pendingOf(ctx, "clearance", skuId);
    const clearing = lc.clearancePriceFen > 0 && sku.priceFen === lc.clearancePriceFen;
    const suggested = clearancePriceFor(sku);
    const unitProfit = (price: number) =>
      price - sku.unitCostFen - Math.round(price * scenario.market.commissionRate) - scenario.market.shippingFen;
    act(
      "clearance",
      (cx, cy, cw) => {
        if (!clearing) {
          button(
            "product.lifecycle.clearance",
            t("lifecycle.clearanceStart", { price: money(suggested) }),
            () => ctx.propose("product.lifecycle.clearance", { type: "clearance", sku: skuId, priceFen: suggested }),
            { x: cx, y: cy, w: cw },
          );
          return 36;
        }
        new Stepper(scene, {
          id: "product.lifecycle.clearancePrice",
          x: cx,
          y: cy,
          w: cw - (planned ? 110 : 0),
          h: 36,
          value: sku.priceFen,
          min: 100,
          max: Math.max(spec.marketPriceFen, sku.priceFen),
          step: 100,
          fineStep: 10,
          stepLabel: (s) => `¥${s / 100}`,
          format: money,
          focus: ctx.focus,
          parent: root,
          onChange: (v) => ctx.propose("product.lifecycle.clearance", { type: "clearance", sku: skuId, priceFen: v }),
        });
        if (planned)
          button(
            "product.lifecycle.clearanceUndo",
            t("lifecycle.undo"),
            () => ctx.withdraw("product.lifecycle.clearance", "clearance", skuId),
            { x: cx + cw - 102, y: cy, w: 102 },
          );
        return 36;
      },
      (() => {
        const price = clearing ? sku.priceFen : suggested;
        const profit = unitProfit(price);
        return t("lifecycle.clearanceMargin", {
          profit: money(profit),
          cost: money(sku.unitCostFen),
          stock: items(sku.stock),
        });
      })(),
    );
  }
  // 升级换代 Upgrade.
  if (entry) {
    const cost = upgradeCost(scenario, skuId);
    const label = t("lifecycle.upgradeBtn", { cost: money(cost.cashFen), h: cost.hours, v: lc.version + 1 });
    planAction("upgrade", label, true);
  }
  // 下架 Delist.
  planAction("delist", t("lifecycle.delistBtn", { stock: items(sku.stock) }), false);
}

/** The market's demand curve, the peak and a dot where the SKU is now. */
function drawCurve(
  ctx: PanelCtx,
  entry: NonNullable<Scenario["market"]["lifecycle"]>["skus"][number],
  adopted: number,
  x: number,
  y: number,
  w: number,
  h: number,
): void {
  const { scene, root } = ctx;
  const { p, q } = weeklyBass(entry);
  const { points, at } = bassCurve(p, q, adopted);
  const n = points.length;
  if (n < 2) return;
  const labelH = 16;
  const ph = h - labelH;
  const px = (i: number) => x + (i / (n - 1)) * w;
  const py = (v: number) => y + ph - v * (ph - 4);
  const g = scene.add.graphics();
  g.lineStyle(1, C.line, 1);
  g.lineBetween(x, y + ph, x + w, y + ph);
  g.lineStyle(2, C.focus, 1);
  g.beginPath();
  g.moveTo(px(0), py(points[0] ?? 0));
  for (let i = 1; i < n; i++) g.lineTo(px(i), py(points[i] ?? 0));
  g.strokePath();
  g.fillStyle(C.accent, 1);
  g.fillCircle(px(at), py(points[at] ?? 0), 5);
  root.add(g);
  const lab = addText(scene, x, y + h, t("lifecycle.curveLabel"), { size: FS.tiny, color: C.faint, originY: 1 });
  // "now" above the dot, or below it when the dot is near the top edge.
  const dotY = py(points[at] ?? 0);
  const above = dotY - 24 >= y - 6;
  const now = addText(scene, Math.min(px(at), x + w - 4), above ? dotY - 8 : dotY + 8, t("lifecycle.now"), {
    size: FS.tiny,
    bold: true,
    color: C.accentHi,
    originX: px(at) > x + w - 40 ? 1 : px(at) < x + 40 ? 0 : 0.5,
    originY: above ? 1 : 0,
  });
  root.add([lab, now]);
}
