// 促销 Promotions panel (P1.2g): 满减, coupons, 秒杀, 拼团 and gifts, one sub-section each. The trainee
// sets the terms, sees the engine's weekly estimate (extra orders, what it gives away, the net effect
// on margin) and only then applies it; running promotions can be ended. Platform events (618, 双11)
// ahead are listed so promotions can be planned around them.
import { type Decision, estimatePromotion, type GameState, PROMOTION_KINDS, type PromotionKind } from "../../engine";
import { groupFillProbability } from "../../engine/systems/promotions";
import { bi, items, money, percent, t } from "../../i18n";
import { C, FS } from "../theme";
import { Button } from "../widgets/button";
import { Card } from "../widgets/card";
import { addChoice } from "../widgets/choice";
import { addErrorLine } from "../widgets/error-line";
import { Stepper } from "../widgets/stepper";
import { addText, fitText } from "../widgets/text";
import { compactRow } from "./compact-row";
import { dayTrafficLabel, estimateTexts, eventLine, eventsAhead, lastWeekResult, promotionTerms } from "./ops-text";
import type { PanelCtx } from "./panel-context";
import { currentSub, subChips } from "./sub-chips";

type PromoDecision = Extract<
  Decision,
  { type: "setFullReduction" | "setCoupon" | "setFlashSale" | "setGroupBuy" | "setGift" }
>;
type Audience = "public" | "new" | "members";

const SET_TYPE: Record<PromotionKind, PromoDecision["type"]> = {
  fullReduction: "setFullReduction",
  coupon: "setCoupon",
  flashSale: "setFlashSale",
  groupBuy: "setGroupBuy",
  gift: "setGift",
};

/** The terms being edited, before they are applied (kept across redraws within a week). */
interface Forms {
  fullReduction: { thresholdFen: number; discountFen: number };
  coupon: { faceFen: number; minSpendFen: number; quantity: number; audience: Audience };
  flashSale: { sku: string; priceFen: number; qtyCap: number; day: number };
  groupBuy: { sku: string; groupPriceFen: number; groupSize: number };
  gift: { minSpendFen: number; giftCostFen: number };
}

let forms: { key: string; f: Forms } | null = null;

const roundTo = (v: number, step: number) => Math.max(step, Math.round(v / step) * step);

function initForms(ctx: PanelCtx): Forms {
  const { draft } = ctx;
  const c = draft.commerce;
  const prices = draft.skus.map((k) => k.priceFen);
  const cheapest = Math.min(...prices);
  const first = draft.skus[0];
  const sku = first?.id ?? "";
  const list = first?.priceFen ?? 10_000;
  const threshold = Math.ceil((cheapest * 2) / 1000) * 1000;
  // A flash sale on the week's event day if there is one, else mid-week.
  let day = 3;
  for (let d = 1; d <= 7; d++) {
    if (isEventDay(ctx, d)) {
      day = d;
      break;
    }
  }
  return {
    fullReduction: c.fullReduction ? { ...c.fullReduction } : { thresholdFen: threshold, discountFen: threshold / 10 },
    coupon: c.coupon
      ? {
          faceFen: c.coupon.faceFen,
          minSpendFen: c.coupon.minSpendFen,
          quantity: c.coupon.quantity,
          audience: c.coupon.audience,
        }
      : { faceFen: 1000, minSpendFen: Math.ceil(cheapest / 1000) * 1000 + 1000, quantity: 500, audience: "public" },
    flashSale: c.flashSale
      ? { sku: c.flashSale.sku, priceFen: c.flashSale.priceFen, qtyCap: c.flashSale.qtyCap, day: c.flashSale.day }
      : { sku, priceFen: roundTo(list * 0.7, 100) - 10, qtyCap: 100, day },
    groupBuy: c.groupBuy ? { ...c.groupBuy } : { sku, groupPriceFen: roundTo(list * 0.85, 100) - 10, groupSize: 3 },
    gift: c.gift ? { ...c.gift } : { minSpendFen: threshold, giftCostFen: 500 },
  };
}

function isEventDay(ctx: PanelCtx, d: number): boolean {
  const dayNo = ctx.game.week * 7 + d;
  return (ctx.scenario.market.calendar ?? []).some((e) => dayNo >= e.startDay && dayNo <= e.endDay);
}

function formsFor(ctx: PanelCtx): Forms {
  const key = `${ctx.scenario.id}:${ctx.game.seed}:${ctx.game.week}`;
  if (!forms || forms.key !== key) forms = { key, f: initForms(ctx) };
  return forms.f;
}

function decisionOf(kind: PromotionKind, f: Forms): PromoDecision {
  switch (kind) {
    case "fullReduction":
      return { type: "setFullReduction", ...f.fullReduction };
    case "coupon":
      return { type: "setCoupon", ...f.coupon };
    case "flashSale":
      return { type: "setFlashSale", ...f.flashSale };
    case "groupBuy":
      return { type: "setGroupBuy", ...f.groupBuy };
    case "gift":
      return { type: "setGift", ...f.gift };
  }
}

/** True when the decision's terms are those of the running promotion. */
function sameTerms(d: PromoDecision, running: object | null): boolean {
  if (!running) return false;
  const r = running as Record<string, unknown>;
  return Object.entries(d).every(([k, v]) => k === "type" || r[k] === v);
}

/** A setter for one field of a form being edited (the panel redraws after each change). */
function into<F extends object, K extends keyof F>(form: F, key: K): (v: F[K]) => void {
  return (v) => {
    form[key] = v;
  };
}

/** A stepper's bounds [min, max], and its coarse and optional fine step. */
type Bounds = [min: number, max: number];
type Steps = [coarse: number, fine?: number];
/** How a stepper row shows its value, and what it says beside it. */
interface RowLook {
  format: (v: number) => string;
  stepLabel?: (step: number) => string;
  /** The lesson under the label when it needs values (else the key `${id}Help`). */
  help?: string;
  /** A note under the control. */
  hint?: string;
}

function listPrice(draft: GameState, sku: string): number {
  return draft.skus.find((k) => k.id === sku)?.priceFen ?? 0;
}

export function buildPromotionPanel(ctx: PanelCtx): void {
  const { scene, root, w, scenario, game, draft } = ctx;
  const f = formsFor(ctx);
  const pendingSet = (k: PromotionKind) => ctx.pending.some((p) => p.type === SET_TYPE[k]);
  const pendingEnd = (k: PromotionKind) => ctx.pending.some((p) => p.type === "endPromotion" && p.promotion === k);
  const options = PROMOTION_KINDS.map((k) => ({
    value: k,
    label: `${t(`promotion.kind.${k}`)}${draft.commerce[k] ? " ●" : ""}`,
  }));
  const kind = currentSub(ctx, "promotion", options) as PromotionKind;
  let y = 12;
  y += subChips(ctx, "promotion", y, options, kind) + 10;

  // What runs now (at the week's start), what changes this week, and how the chosen one did last week.
  const name = (k: PromotionKind) => t(`promotion.kind.${k}`);
  const running = PROMOTION_KINDS.filter((k) => game.commerce[k] !== null).map(name);
  const changes = PROMOTION_KINDS.filter((k) => pendingSet(k) || pendingEnd(k)).map((k) =>
    pendingEnd(k) && !draft.commerce[k] ? t("promotion.status.ending", { kind: name(k) }) : name(k),
  );
  const head = [
    t("promotion.status.running", {
      list: running.length > 0 ? running.join(t("promotion.nameSep")) : t("promotion.status.none"),
    }),
  ];
  if (changes.length > 0) head.push(t("promotion.status.pending", { list: changes.join(t("promotion.nameSep")) }));
  const cost = ctx.lastReport?.commerce?.promotionCostFen;
  if (cost !== undefined && cost > 0) head.push(t("promotion.status.lastCost", { cost: money(cost) }));
  const status = [head.join(t("promotion.sep"))];
  const terms = promotionTerms(scenario, kind, game.commerce);
  const result = lastWeekResult(kind, ctx.lastReport?.commerce);
  if (terms || result) {
    const now = t("promotion.status.kindNow", { kind: name(kind), terms: terms ?? t("promotion.status.off") });
    status.push(result ? `${now}${t("promotion.sep")}${result}` : now);
  }
  const statusText = addText(scene, 16, y, status.join("\n"), {
    size: FS.small,
    color: C.muted,
    width: w - 32,
    lineSpacing: 3,
  });
  root.add(statusText);
  y += statusText.height + 4;
  const events = eventsAhead(scenario, game.week * 7).slice(0, 1);
  if (events.length > 0) {
    const ev = addText(scene, 16, y, events.map((e) => `◆ ${eventLine(e)}`).join("\n"), {
      size: FS.small,
      color: C.warn,
      width: w - 32,
      lineSpacing: 3,
    });
    root.add(ev);
    y += ev.height + 4;
  }
  const line = scene.add.graphics();
  line.lineStyle(1, C.line, 0.6);
  line.lineBetween(16, y + 2, w - 16, y + 2);
  root.add(line);
  y += 10;

  const redraw = () => ctx.setView({});
  const money10 = (s: number) => `¥${s / 100}`;
  /**
   * One stepper row, named by the i18n keys `id` and `${id}Help` (`o.help` instead when the lesson
   * needs values). `steps` are the coarse and the optional fine step; the value is clamped to its bounds.
   */
  const stepper = (
    id: string,
    value: number,
    [min, max]: Bounds,
    [step, fine]: Steps,
    set: (v: number) => void,
    o: RowLook,
  ) => {
    const row = compactRow(ctx, y, id, t(id), o.help ?? t(`${id}Help`), 0.44);
    new Stepper(scene, {
      id,
      x: row.cx,
      y: row.cy,
      w: Math.min(row.cw, fine ? 380 : 260),
      h: 36,
      value: Math.min(max, Math.max(min, value)),
      min,
      max,
      step,
      fineStep: fine,
      stepLabel: o.stepLabel,
      format: o.format,
      focus: ctx.focus,
      parent: root,
      onChange: (v) => {
        set(v);
        redraw();
      },
    });
    y = row.end(36, o.hint);
  };
  /** A stepper row for an amount of money: steps labelled in ¥, the value shown as money unless `o.format` differs. */
  const yuanStepper = (
    id: string,
    value: number,
    bounds: Bounds,
    steps: Steps,
    set: (v: number) => void,
    o: Partial<RowLook> = {},
  ) => stepper(id, value, bounds, steps, set, { stepLabel: money10, format: money, ...o });
  /** One row of choices, named like a stepper row unless `o` gives its label and lesson. */
  const choice = <T extends string | number>(
    id: string,
    opts: { value: T; label: string; sub?: string }[],
    value: T,
    set: (v: T) => void,
    { perRow = opts.length, h = 34, label = t(id), help = t(`${id}Help`) } = {},
  ) => {
    const row = compactRow(ctx, y, id, label, help, perRow > 4 ? 0.3 : 0.44);
    const { height } = addChoice<T>(scene, {
      id,
      x: row.cx,
      y: row.cy,
      w: row.cw,
      h,
      perRow,
      size: FS.small,
      options: opts,
      value,
      focus: ctx.focus,
      parent: root,
      onChange: (v) => {
        set(v);
        redraw();
      },
    });
    y = row.end(height);
  };
  const skuOptions = scenario.skus
    .filter((s) => draft.skus.some((k) => k.id === s.id))
    .map((s) => ({ value: s.id, label: bi(s.name) }));
  /**
   * The flash sale's and the group buy's first rows: which SKU, and its price below the list price
   * (a new SKU keeps the price if it is still below that SKU's list price).
   */
  const skuAndPrice = <K extends string>(
    kind: "flash" | "group",
    form: { sku: string } & Record<K, number>,
    priceKey: K,
  ) => {
    const prices: Record<K, number> = form;
    const priceFen = prices[priceKey];
    const list = listPrice(draft, form.sku);
    const setPrice = (v: number) => {
      prices[priceKey] = v;
    };
    choice<string>(
      `promotion.${kind}.sku`,
      skuOptions,
      form.sku,
      (v) => {
        form.sku = v;
        setPrice(Math.min(priceFen, listPrice(draft, v) - 10));
      },
      { perRow: Math.min(skuOptions.length, 2), h: 30, label: t("promotion.sku"), help: "" },
    );
    yuanStepper(`promotion.${kind}.price`, priceFen, [100, Math.max(100, list - 10)], [100, 10], setPrice, {
      help: t(`promotion.${kind}.priceHelp`, { list: money(list) }),
      hint: t("promotion.off", { pct: percent(1 - priceFen / Math.max(1, list), 0) }),
    });
  };

  switch (kind) {
    case "fullReduction": {
      const fr = f.fullReduction;
      yuanStepper("promotion.fr.threshold", fr.thresholdFen, [1000, 500_000], [1000, 100], (v) => {
        fr.thresholdFen = v;
        fr.discountFen = Math.min(fr.discountFen, v - 100);
      });
      yuanStepper(
        "promotion.fr.discount",
        fr.discountFen,
        [100, fr.thresholdFen - 100],
        [500, 100],
        into(fr, "discountFen"),
        { hint: t("promotion.depth", { pct: percent(fr.discountFen / fr.thresholdFen) }) },
      );
      break;
    }
    case "coupon": {
      const cp = f.coupon;
      const cheapest = Math.min(...draft.skus.map((k) => k.priceFen));
      const faceMax = (cp.minSpendFen > 0 ? cp.minSpendFen : cheapest) - 100;
      yuanStepper("promotion.coupon.face", cp.faceFen, [100, Math.max(100, faceMax)], [500, 100], into(cp, "faceFen"));
      yuanStepper(
        "promotion.coupon.minSpend",
        cp.minSpendFen,
        [0, 500_000],
        [1000, 100],
        (v) => {
          cp.minSpendFen = v;
          const floor = v > 0 ? v : cheapest;
          cp.faceFen = Math.max(100, Math.min(cp.faceFen, floor - 100));
        },
        { format: (v) => (v > 0 ? money(v) : t("promotion.noMin")) },
      );
      stepper("promotion.coupon.quantity", cp.quantity, [10, 100_000], [100, 10], into(cp, "quantity"), {
        stepLabel: String,
        format: (v) => t("promotion.sheets", { n: v }),
      });
      // Members-only coupons need a private domain (members) to reach anyone.
      const audiences: Audience[] = scenario.levers.includes("private")
        ? ["public", "new", "members"]
        : ["public", "new"];
      const audienceOpts = audiences.map((a) => ({ value: a, label: t(`promotion.audience.${a}`) }));
      choice<Audience>("promotion.coupon.audience", audienceOpts, cp.audience, into(cp, "audience"));
      break;
    }
    case "flashSale": {
      const fs = f.flashSale;
      skuAndPrice("flash", fs, "priceFen");
      stepper("promotion.flash.cap", fs.qtyCap, [10, 100_000], [50, 10], into(fs, "qtyCap"), {
        stepLabel: String,
        format: items,
      });
      const dayOpts = [1, 2, 3, 4, 5, 6, 7].map((d) => ({
        value: d,
        label: t("promotion.day", { n: d }),
        sub: dayTrafficLabel(scenario, game.week, d) || undefined,
      }));
      choice<number>("promotion.flash.day", dayOpts, fs.day, into(fs, "day"), { perRow: 7, h: 40 });
      break;
    }
    case "groupBuy": {
      const gb = f.groupBuy;
      skuAndPrice("group", gb, "groupPriceFen");
      stepper("promotion.group.size", gb.groupSize, [2, 10], [1], into(gb, "groupSize"), {
        format: (v) => t("promotion.group.people", { n: v }),
        hint: t("promotion.group.fill", {
          pct: percent(
            groupFillProbability(gb.groupSize, 1 - gb.groupPriceFen / Math.max(1, listPrice(draft, gb.sku))),
            0,
          ),
        }),
      });
      break;
    }
    case "gift": {
      const g = f.gift;
      yuanStepper("promotion.gift.minSpend", g.minSpendFen, [0, 500_000], [1000, 100], into(g, "minSpendFen"), {
        format: (v) => (v > 0 ? money(v) : t("promotion.gift.every")),
      });
      yuanStepper("promotion.gift.cost", g.giftCostFen, [100, 100_000], [100, 10], into(g, "giftCostFen"));
      break;
    }
  }

  // The estimate of the terms on screen, then apply / end / undo.
  const d = decisionOf(kind, f);
  const fieldId = `promotion.${kind}`;
  const btnW = 230;
  const cardW = w - 32 - btnW - 12;
  let cardH = 84;
  const card = new Card(scene, { x: 16, y, w: cardW, h: cardH, fill: C.bgDeep, parent: root });
  const hasHistory = game.skus.some((k) => k.recentSales.some((n) => n > 0));
  card.add(
    addText(scene, 12, 8, t("promotion.est.title"), { size: FS.tiny, bold: true, color: C.muted, width: cardW - 24 }),
  );
  if (hasHistory) {
    const est = estimatePromotion(scenario, game, d);
    const tx = estimateTexts(est);
    const colW = (cardW - 24) / 3;
    [
      { s: tx.orders, c: est.extraOrders >= 0 ? C.text : C.bad },
      { s: tx.cost, c: C.text },
      { s: tx.net, c: est.marginImpactFen >= 0 ? C.good : C.bad },
    ].forEach((x, i) => {
      const tx = addText(scene, 12 + i * colW, 28, x.s, { size: FS.small, bold: true, color: x.c });
      fitText(tx, colW - 6);
      card.add(tx);
    });
    const aov = ctx.lastReport?.kpis.aovFen;
    const note = [t("promotion.est.note")];
    if (aov && kind !== "flashSale" && kind !== "groupBuy") note.unshift(t("promotion.est.aov", { aov: money(aov) }));
    const noteText = addText(scene, 12, 50, note.join(t("promotion.sep")), {
      size: FS.tiny,
      color: C.muted,
      width: cardW - 24,
      lineSpacing: 1,
    });
    card.add(noteText);
    cardH = Math.max(cardH, 50 + noteText.height + 8);
    card.bg.setSize(cardW, cardH);
  } else {
    card.add(
      addText(scene, 12, 30, t("promotion.est.noHistory"), { size: FS.small, color: C.muted, width: cardW - 24 }),
    );
  }

  const isRunning = game.commerce[kind] !== null;
  // Re-applying the running terms would only restart the promotion (e.g. coupons' claim count).
  const unchanged = isRunning && !pendingSet(kind) && sameTerms(d, game.commerce[kind]);
  const bx = 16 + cardW + 12;
  new Button(scene, {
    id: `promotion.apply.${kind}`,
    x: bx,
    y,
    w: btnW,
    h: 40,
    label: t(isRunning || pendingSet(kind) ? "promotion.update" : "promotion.apply", {
      kind: t(`promotion.kind.${kind}`),
    }),
    variant: "primary",
    size: FS.body,
    enabled: !unchanged,
    focus: ctx.focus,
    parent: root,
    onClick: () => ctx.propose(fieldId, d),
  });
  const second = pendingEnd(kind)
    ? {
        label: `↶ ${t("promotion.keep")}`,
        run: () => ctx.withdraw(fieldId, "endPromotion", undefined, kind),
      }
    : pendingSet(kind)
      ? { label: `↶ ${t("promotion.undo")}`, run: () => ctx.withdraw(fieldId, SET_TYPE[kind]) }
      : isRunning
        ? {
            label: t("promotion.end", { kind: t(`promotion.kind.${kind}`) }),
            run: () => ctx.propose(fieldId, { type: "endPromotion", promotion: kind }),
          }
        : null;
  if (second) {
    new Button(scene, {
      id: `promotion.end.${kind}`,
      x: bx,
      y: y + 46,
      w: btnW,
      h: 36,
      label: second.label,
      variant: "secondary",
      size: FS.small,
      focus: ctx.focus,
      parent: root,
      onClick: second.run,
    });
  }
  y += cardH + 6;
  addErrorLine(scene, root, 16, y, w - 32, ctx.errors.get(fieldId));
}
