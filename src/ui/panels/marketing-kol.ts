// 达人种草 sub-section: the KOL/KOC roster as cards — platform, followers, recent engagement next to
// what accounts of that size usually get, audience mix by market segment, fee per post, and last
// week's result when the KOL posted for us. Nothing says which accounts have bought followers: a
// trainee reads it off a low real engagement and an audience outside the category (P2.1b).
import { bi, fixed, money, percent, t } from "../../i18n";
import { C, FS, RADIUS } from "../theme";
import { Button } from "../widgets/button";
import { addErrorLine } from "../widgets/error-line";
import { addText, fitText } from "../widgets/text";
import { kolFacts } from "./channel-estimates";
import { compact, listedSkus, proposeWithCash, skuChooser } from "./channel-ui";
import type { PanelCtx } from "./panel-context";

/** Segment colours for the audience bars (same order as the market's segments). */
const SEG_COLORS = [C.accent, C.good, C.focus, C.warn, 0xc08cff, 0xff8fb1];

export function buildKolSub(ctx: PanelCtx, y: number): void {
  const { scene, root, w, scenario, draft } = ctx;
  const roster = scenario.market.kols ?? [];
  // The product the KOLs promote is the panel-wide selected SKU (as in 商品), if it is listed.
  const skuIds = listedSkus(ctx).map((s) => s.id);
  const sku = skuIds.includes(ctx.view.sku) ? ctx.view.sku : (skuIds[0] ?? ctx.view.sku);
  y += skuChooser(ctx, y, "marketing.kol.sku", sku, (v) => ctx.setView({ sku: v })) + 8;

  // Legend of the audience bars, and this week's bookings on the right.
  let lx = 16;
  const legend = addText(scene, lx, y, t("channels.kol.legend"), { size: FS.tiny, color: C.muted });
  root.add(legend);
  lx += legend.width + 8;
  scenario.market.segments.forEach((g, i) => {
    const sw = scene.add.rectangle(lx, y + 3, 10, 10, SEG_COLORS[i % SEG_COLORS.length]).setOrigin(0, 0);
    const name = addText(scene, lx + 14, y, bi(g.name), { size: FS.tiny, color: C.muted });
    root.add([sw, name]);
    lx += 14 + name.width + 12;
  });
  const sw = scene.add.rectangle(lx, y + 3, 10, 10, C.disabled).setOrigin(0, 0);
  const otherName = addText(scene, lx + 14, y, t("channels.kol.other"), { size: FS.tiny, color: C.muted });
  root.add([sw, otherName]);
  lx += 14 + otherName.width + 12;
  const hires = draft.marketing.hires;
  const booked = hires.reduce((a, h) => a + (roster.find((k) => k.id === h.kol)?.feeFen ?? 0), 0);
  // This week's bookings at the right of the legend, or on a line of their own when they do not fit.
  const total = addText(
    scene,
    w - 16,
    y,
    t("channels.kol.total", { n: hires.length, fee: money(booked), cash: money(ctx.draft.cashFen) }),
    { size: FS.tiny, bold: hires.length > 0, color: hires.length > 0 ? C.accentHi : C.muted, originX: 1 },
  );
  root.add(total);
  if (lx + total.width > w - 16) {
    total.setY(y + 18);
    y += 18;
  }
  y += 20;
  const err = addErrorLine(scene, root, 16, y, w - 32, ctx.errors.get("marketing.kol"));
  if (err) y += err.height + 4;

  const perRow = 4;
  const gap = 8;
  const cw = (w - 32 - gap * (perRow - 1)) / perRow;
  const ch = Math.min(228, Math.floor((ctx.h - y - 8 - gap) / Math.ceil(roster.length / perRow)));
  roster.forEach((k, i) => {
    const x = 16 + (i % perRow) * (cw + gap);
    const cy = y + Math.floor(i / perRow) * (ch + gap);
    kolCard(ctx, k, x, cy, cw, ch, sku);
  });
  // A free slot in the last row holds last week's KOL totals and the long tail of earlier posts.
  const n = roster.length;
  if (n % perRow !== 0) {
    const x = 16 + (n % perRow) * (cw + gap);
    const cy = y + Math.floor(n / perRow) * (ch + gap);
    summaryCard(ctx, x, cy, cw, ch);
  }
}

function summaryCard(ctx: PanelCtx, x: number, y: number, cw: number, ch: number): void {
  const { scene, root } = ctx;
  const bg = scene.add.rectangle(x, y, cw, ch, C.bgDeep).setOrigin(0, 0).setRounded(RADIUS);
  bg.setStrokeStyle(1, C.line);
  const title = addText(scene, x + 10, y + 8, t("channels.lastWeek"), { size: FS.small, bold: true, color: C.muted });
  root.add([bg, title]);
  const r = ctx.lastReport?.marketing;
  const lines: string[] = [];
  if (r && (r.kols.length > 0 || r.kolCarry.visitors > 0)) {
    const fee = r.kols.reduce((a, k) => a + k.feeFen, 0);
    const gmv = r.kols.reduce((a, k) => a + k.gmvFen, 0);
    lines.push(
      t("channels.kol.sumPosts", { n: r.kols.length }),
      t("channels.spend", { v: money(fee) }),
      t("channels.gmv", { v: money(gmv) }),
      t("channels.roi", { v: fixed(fee > 0 ? gmv / fee : 0, 2) }),
      t("channels.kol.tail", { v: r.kolCarry.visitors, orders: r.kolCarry.orders }),
    );
  }
  const body = addText(
    scene,
    x + 10,
    y + 34,
    lines.length > 0 ? lines.join("\n") : t(r ? "channels.kol.sumNone" : "channels.noReport"),
    {
      size: FS.tiny,
      color: lines.length > 0 ? C.text : C.faint,
      width: cw - 20,
      lineSpacing: 4,
    },
  );
  const note = addText(scene, x + 10, y + ch - 10, t("channels.kol.tip"), {
    size: FS.tiny,
    color: C.faint,
    width: cw - 20,
    lineSpacing: 2,
    originY: 1,
  });
  root.add(body);
  // The tip only where it has room under the figures.
  if (body.y + body.height + 6 <= note.y - note.height) root.add(note);
  else note.destroy();
}

type Kol = NonNullable<PanelCtx["scenario"]["market"]["kols"]>[number];

function kolCard(ctx: PanelCtx, k: Kol, x: number, y: number, cw: number, ch: number, sku: string): void {
  const { scene, root, scenario, draft } = ctx;
  const f = kolFacts(k);
  const hire = draft.marketing.hires.find((h) => h.kol === k.id);
  const bg = scene.add
    .rectangle(x, y, cw, ch, hire ? 0x2a2416 : C.card)
    .setOrigin(0, 0)
    .setRounded(RADIUS);
  bg.setStrokeStyle(hire ? 2 : 1, hire ? C.accent : C.line);
  root.add(bg);
  const ix = x + 10;
  const iw = cw - 20;
  let yy = y + 8;
  const line = (text: string, size: number, color: number = C.text, bold = false) => {
    const o = addText(scene, ix, yy, text, { size, color, bold });
    fitText(o, iw, 10);
    root.add(o);
    yy += o.height + 1;
    return o;
  };
  line(bi(k.name), FS.small, C.text, true);
  line(`${t(`channels.platform.${k.platform}`)} · ${t(`channels.tier.${f.tier}`)}`, FS.tiny, C.muted);
  yy += 3;
  line(t("channels.kol.followers", { n: compact(k.followers) }), FS.small);
  line(t("channels.kol.engagement", { v: percent(k.realEngagement, 1) }), FS.small);
  line(t("channels.kol.typical", { v: percent(f.typicalEngagement, 1) }), FS.tiny, C.muted);
  yy += 4;
  // Audience mix: "in market 85%", then one bar over the whole audience coloured by segment (grey = outside).
  const inMarket = addText(scene, ix, yy, t("channels.kol.inMarket", { v: percent(f.inMarket, 0) }), {
    size: FS.tiny,
    color: C.muted,
  });
  root.add(inMarket);
  const barX = ix + inMarket.width + 6;
  const barW = Math.max(20, ix + iw - barX);
  const barY = yy + inMarket.height / 2 - 4;
  root.add(scene.add.rectangle(barX, barY, barW, 8, C.disabled).setOrigin(0, 0).setRounded(3));
  let bx = barX;
  scenario.market.segments.forEach((g, gi) => {
    const share = k.audience[g.id] ?? 0;
    if (share <= 0) return;
    const segW = Math.max(1, Math.round(barW * share));
    root.add(scene.add.rectangle(bx, barY, segW, 8, SEG_COLORS[gi % SEG_COLORS.length]).setOrigin(0, 0));
    bx += segW;
  });
  // Just above the button: the product booked for this week, else last week's post for us.
  const last = ctx.lastReport?.marketing?.kols.find((r) => r.kol === k.id);
  const bookedFor = hire ? scenario.skus.find((s) => s.id === hire.sku) : undefined;
  const lastText = addText(
    scene,
    ix,
    y + ch - 40,
    bookedFor
      ? t("channels.kol.bookedFor", { sku: bi(bookedFor.name) })
      : last
        ? t("channels.kol.last", { n: compact(last.interactions), orders: last.orders, roi: fixed(last.roi, 2) })
        : t("channels.kol.notLast"),
    {
      size: FS.tiny,
      color: bookedFor ? C.accentHi : last ? C.text : C.faint,
      width: iw,
      maxLines: 2,
      lineSpacing: 1,
      originY: 1,
    },
  );
  root.add(lastText);
  const pending = ctx.pending.some((p) => p.type === "hireKol" && p.kol === k.id);
  new Button(scene, {
    id: `marketing.kol.hire.${k.id}`,
    x: ix,
    y: y + ch - 36,
    w: iw,
    h: 28,
    label: hire ? t("channels.kol.booked") : t("channels.kol.hire", { fee: money(k.feeFen) }),
    size: FS.tiny,
    variant: hire ? "chip" : "secondary",
    selected: !!hire,
    enabled: !hire || pending,
    focus: ctx.focus,
    parent: root,
    onClick: () => {
      if (hire) ctx.withdraw("marketing.kol", "hireKol", undefined, k.id);
      else proposeWithCash(ctx, "marketing.kol", { type: "hireKol", kol: k.id, sku }, "channels.kol.noCash");
    },
  });
}
