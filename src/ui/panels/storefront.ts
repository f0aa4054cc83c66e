// The shop world: traffic "doors" on the left (one per source with visitors, sized by last week's
// share), shelves whose fill shows stock, a service desk with a queue and a checkout on the right,
// a warehouse strip with stock and incoming lots, and alert chips (low stock, sold out, low cash).
// Shoppers arrive through the doors in proportion to last week's traffic, browse a shelf, some
// queue at the service desk, and pay or leave. With reduced motion the scene is a still picture.
import Phaser from "phaser";
import { group, hasKey, items, people, t } from "../../i18n";
import { appStore } from "../app";
import { reducedMotion } from "../motion";
import { BOX_COLORS, boxKey, SHOPPER_KEYS } from "../sprites";
import { C, FS, RADIUS } from "../theme";
import { addText, fitText, measureWidth } from "../widgets/text";

export interface StorefrontSku {
  name: string;
  stock: number;
  /** Incoming lots (absolute arrival day and quantity). */
  incoming?: { day: number; qty: number }[];
  /**
   * On sale, not launched yet (a catalogue SKU) or delisted. Not given: read from the game being
   * played (the same SKU order as `game.skus`), else "listed".
   */
  status?: ShelfStatus;
}

export type ShelfStatus = "listed" | "notListed" | "delisted";

export interface StorefrontOpts {
  x: number;
  y: number;
  w: number;
  h: number;
  sign: string;
  skus: StorefrontSku[];
  /** Visitors last week (null before the first week). */
  uv: number | null;
  /** Hide the visitors caption (menu decoration). */
  hideUv?: boolean;
  /** Stock that fills a shelf completely. */
  fullShelf: number;
  /** Visitors by source last week; doors are drawn for sources above zero. */
  traffic?: Record<string, number>;
  /** Paid orders last week (share of shoppers who pay). */
  paid?: number;
  /** Alert lines (already translated, with their symbol) to pin on the world. */
  alerts?: string[];
  /** Draw the warehouse strip (shop screen). */
  warehouse?: boolean;
  /** Absolute day now, to say when incoming lots arrive (as a week day). */
  today?: number;
}

const BOX_W = 22;
const BOX_H = 18;

/** Listing status of each SKU: given by the caller, else from the game in the store (engine SkuLifecycle). */
function shelfStatuses(scene: Phaser.Scene, skus: StorefrontSku[]): ShelfStatus[] {
  let lifecycle: Record<string, { listed: boolean; delisted: boolean }> | undefined;
  let ids: string[] = [];
  try {
    // Only the shop shows the game being played (the menu's decoration has its own SKUs).
    const game = scene.sys.settings.key === "Shop" ? appStore().getState().game : null;
    if (game && game.skus.length === skus.length) {
      lifecycle = game.lifecycle?.skus;
      ids = game.skus.map((k) => k.id);
    }
  } catch {
    // No store (menu decoration before the app is wired): everything is on sale.
  }
  return skus.map((k, i) => {
    if (k.status) return k.status;
    const lc = lifecycle?.[ids[i] ?? ""];
    if (!lc || lc.listed) return "listed";
    return lc.delisted ? "delisted" : "notListed";
  });
}

/**
 * Short shelf names: words (English) or runs of characters (Chinese) that every SKU name shares are
 * dropped when there are several SKUs ("Portable blender cup 300 ml" → "Portable 300 ml").
 */
export function shortSkuNames(names: string[]): string[] {
  if (names.length < 2) return names;
  const words = (s: string) => s.split(/\s+/).filter(Boolean);
  const lower = names.map((n) => words(n).map((w) => w.toLowerCase().replace(/[,.;:]$/, "")));
  const common = new Set((lower[0] ?? []).filter((w) => lower.every((ws) => ws.includes(w)) && /[a-z]{3,}/.test(w)));
  let out = names.map((n) =>
    words(n)
      .filter((w) => !common.has(w.toLowerCase().replace(/[,.;:]$/, "")))
      .join(" ")
      .replace(/^[,;:]\s*/, ""),
  );
  // CJK: the longest run of 2+ Chinese characters found in every name.
  const first = names[0] ?? "";
  let run = "";
  for (let i = 0; i < first.length; i++)
    for (let j = i + 2; j <= first.length; j++) {
      const sub = first.slice(i, j);
      if (!/^[\u3400-\u9fff]+$/.test(sub)) break;
      if (sub.length > run.length && names.every((n) => n.includes(sub))) run = sub;
    }
  if (run) out = out.map((n) => n.replace(run, " ").replace(/\s+/g, " ").trim());
  return out.map((n, i) => (n.length >= 2 ? n : (names[i] ?? n)));
}

/**
 * Splits a label over at most two lines of `maxWidth` (by words, or characters in Chinese), with an
 * ellipsis. A number keeps its unit ("300 ml"), and the break moves back to a space rather than split
 * a word ("便携 300ml" / "马卡龙色", not "…马卡" / "龙色") when the rest still fits.
 */
function twoLineLabel(text: string, maxWidth: number, size: number): string {
  const w = (x: string) => measureWidth(x, size, true);
  if (w(text) <= maxWidth) return text;
  const glued = text.replace(/(\d)\s+(ml|l|g|kg|cm|mm)\b/gi, "$1\u00a0$2");
  let tokens: string[] = glued.match(/[\u3400-\u9fff]|[ \t]+|[^ \t\u3400-\u9fff]+/g) ?? [glued];
  // A first word wider than the shelf: break it by characters.
  if (w(tokens[0] ?? "") > maxWidth) tokens = [...glued];
  let first = "";
  let i = 0;
  while (i < tokens.length && w(`${first}${tokens[i]}`.trimEnd()) <= maxWidth) first += tokens[i++];
  if (first.trim() === "") return text;
  let rest = tokens.slice(i).join("").trim();
  const atSpace = /[ \t]$/.test(first) || /^[ \t]/.test(tokens[i] ?? " ");
  const space = first.trimEnd().lastIndexOf(" ");
  if (!atSpace && space > 0) {
    const later = `${first.slice(space + 1)}${rest}`.trim();
    if (w(later) <= maxWidth) {
      first = first.slice(0, space);
      rest = later;
    }
  }
  if (w(rest) > maxWidth) {
    while (rest.length > 1 && w(`${rest}…`) > maxWidth) rest = rest.slice(0, -1).trimEnd();
    rest = `${rest}…`;
  }
  return `${first.trimEnd()}\n${rest}`;
}

/** `name` + `tail` on one line: shrinks to `minSize`, then shortens the name (never the tail) with an ellipsis. */
function fitNameWithTail(
  txt: Phaser.GameObjects.Text,
  name: string,
  tail: string,
  maxWidth: number,
  minSize: number,
): void {
  txt.setText(`${name}${tail}`);
  fitText(txt, maxWidth, minSize);
  let n = name.length;
  while (n > 1 && txt.width > maxWidth) {
    n--;
    txt.setText(`${name.slice(0, n).trimEnd()}…${tail}`);
  }
  // Too narrow even for one character of the name: the tail alone (the colour bar says which SKU).
  if (txt.width > maxWidth) {
    txt.setText(tail.replace(/^\s*·\s*/, ""));
    fitOrEllipsis(txt, maxWidth, minSize);
  }
}

/** Shrinks the text down to `minSize`, then cuts it with an ellipsis to fit `maxWidth`. */
function fitOrEllipsis(txt: Phaser.GameObjects.Text, maxWidth: number, minSize: number): void {
  fitText(txt, maxWidth, minSize);
  if (txt.width <= maxWidth) return;
  const full = txt.text;
  let n = full.length;
  while (n > 1 && txt.width > maxWidth) {
    n--;
    txt.setText(`${full.slice(0, n).trimEnd()}…`);
  }
}
/** Small vector icons for the traffic doors (no emoji font needed). */
function doorIcon(g: Phaser.GameObjects.Graphics, id: string, cx: number, cy: number, r: number, color: number): void {
  g.fillStyle(color, 1);
  g.lineStyle(2, color, 1);
  switch (id) {
    case "search":
      g.strokeCircle(cx - r * 0.2, cy - r * 0.2, r * 0.55);
      g.lineBetween(cx + r * 0.2, cy + r * 0.2, cx + r * 0.8, cy + r * 0.8);
      break;
    case "home":
      g.fillTriangle(cx - r, cy, cx + r, cy, cx, cy - r * 0.9);
      g.fillRect(cx - r * 0.6, cy, r * 1.2, r * 0.8);
      break;
    case "ads":
      g.fillTriangle(cx - r * 0.8, cy - r * 0.3, cx + r * 0.8, cy - r * 0.9, cx + r * 0.8, cy + r * 0.9);
      g.fillRect(cx - r * 0.9, cy - r * 0.35, r * 0.4, r * 0.7);
      break;
    case "paidSearch":
      g.strokeCircle(cx - r * 0.2, cy - r * 0.2, r * 0.55);
      g.lineBetween(cx + r * 0.2, cy + r * 0.2, cx + r * 0.8, cy + r * 0.8);
      g.fillCircle(cx + r * 0.7, cy - r * 0.7, r * 0.3);
      break;
    case "kol": {
      const pts: Phaser.Math.Vector2[] = [];
      for (let i = 0; i < 10; i++) {
        const a = -Math.PI / 2 + (i * Math.PI) / 5;
        const rr = i % 2 === 0 ? r : r * 0.45;
        pts.push(new Phaser.Math.Vector2(cx + Math.cos(a) * rr, cy + Math.sin(a) * rr));
      }
      g.fillPoints(pts, true);
      break;
    }
    case "content":
      g.strokeRect(cx - r * 0.6, cy - r * 0.8, r * 1.2, r * 1.6);
      for (let i = 0; i < 3; i++)
        g.lineBetween(cx - r * 0.35, cy - r * 0.35 + i * r * 0.4, cx + r * 0.35, cy - r * 0.35 + i * r * 0.4);
      break;
    case "community":
      g.fillCircle(cx - r * 0.55, cy, r * 0.35);
      g.fillCircle(cx + r * 0.55, cy, r * 0.35);
      g.fillCircle(cx, cy - r * 0.35, r * 0.4);
      break;
    default:
      g.fillRoundedRect(cx - r, cy - r * 0.7, r * 2, r * 1.2, 4);
      g.fillTriangle(cx - r * 0.4, cy + r * 0.4, cx, cy + r * 0.4, cx - r * 0.6, cy + r);
  }
}
const DOOR_COLORS: Record<string, number> = {
  search: 0x4fb3ff,
  home: C.good,
  ads: C.accent,
  paidSearch: 0xffa04d,
  kol: 0xc28bff,
  content: 0xf5a3c7,
  community: 0x7fd7e8,
  private: C.warn,
};

let worldCount = 0;

/** Number of shoppers walking at once in the world (for the bench and tests). */
let walking = 0;
export function shoppersWalking(): number {
  return walking;
}

export function addStorefront(scene: Phaser.Scene, o: StorefrontOpts): Phaser.GameObjects.Container {
  const root = scene.add.container(o.x, o.y);
  const g = scene.add.graphics();
  root.add(g);
  const still = reducedMotion();
  // A tiny LCG: the same week always looks the same (stable screenshots), no Math.random.
  let seed = 1 + Math.round((o.uv ?? 7) * 31 + o.skus.length * 7);
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };

  // ---- layout -------------------------------------------------------------------------------
  // The warehouse strip gets a third line with four or more SKUs (name, stock, incoming lots).
  const WARE = o.warehouse ? (o.skus.length >= 4 ? 62 : 46) : 0;
  const awningH = 14;
  // Doors: one plate per traffic source (icon, label, share bar) in a column wide enough for the
  // longest label at FS.tiny.
  const traffic = o.traffic ?? { search: 1, home: 1, ads: 1 };
  let doorIds = Object.keys(traffic).filter((k) => (traffic[k] ?? 0) > 0);
  if (doorIds.length === 0) doorIds = ["search", "home", "ads"];
  const doorLabels = doorIds.map((id) => (hasKey(`world.door.${id}`) ? t(`world.door.${id}`) : t(`src.${id}`)));
  const doorLabelW = Math.max(...doorLabels.map((l) => measureWidth(l, FS.tiny)));
  const doorsW = Math.min(110, Math.max(70, doorLabelW + 40));
  // The service desk and the checkout stand on the shop floor (right), so the shelves get the width.
  const counters = o.w >= 420;
  const midX0 = doorsW + 10;
  const midX1 = o.w - 10;
  const floorBottom = o.h - WARE - 6;
  const FLOOR = Math.max(72, Math.round((o.h - WARE) * 0.28));
  const floorY = floorBottom - FLOOR;

  // Wall, floor, awning.
  g.fillStyle(C.wall, 1);
  g.fillRoundedRect(0, 0, o.w, o.h, RADIUS);
  g.fillStyle(C.floor, 1);
  g.fillRect(doorsW, floorY, o.w - doorsW, FLOOR);
  g.lineStyle(1, C.line, 0.6);
  for (let x = doorsW + 20; x < o.w; x += 40) g.lineBetween(x, floorY, x - 18, floorBottom);
  const stripes = Math.max(8, Math.round(o.w / 40));
  const sw = o.w / stripes;
  for (let i = 0; i < stripes; i++) {
    g.fillStyle(i % 2 === 0 ? C.accent : 0xfff1e6, 1);
    g.fillRect(i * sw, 0, sw + 0.5, awningH);
    g.fillCircle(i * sw + sw / 2, awningH, Math.min(sw / 2, 9));
  }
  g.fillStyle(C.accentLo, 1);
  g.fillRect(0, 0, o.w, 4);
  const sign = addText(scene, (midX0 + midX1) / 2, awningH + 22, o.sign, {
    size: FS.small,
    bold: true,
    color: C.white,
    originX: 0.5,
    originY: 0.5,
  });
  fitText(sign, midX1 - midX0 - 40, 10);
  g.fillStyle(C.bgDeep, 0.85);
  g.fillRoundedRect(sign.x - sign.width / 2 - 12, awningH + 10, sign.width + 24, 24, 6);
  root.add(sign);

  // ---- doors ----------------------------------------------------------------------------------
  const totalTraffic = doorIds.reduce((a, k) => a + (traffic[k] ?? 0), 0) || 1;
  const doorTop = awningH + 14;
  const doorSpan = floorBottom - doorTop;
  const pitch = doorSpan / doorIds.length;
  const doorH = Math.min(44, pitch - 5);
  const doorW = doorsW - 8;
  const doors = doorIds.map((id, i) => {
    const y = doorTop + i * pitch + (pitch - doorH) / 2;
    const color = DOOR_COLORS[id] ?? C.muted;
    g.fillStyle(C.bgDeep, 1);
    g.fillRoundedRect(6, y, doorW, doorH, 6);
    // Share of traffic as a bar across the plate: the doors read as a bar chart, without the colour.
    const share = (traffic[id] ?? 0) / totalTraffic;
    g.fillStyle(color, 0.3);
    g.fillRect(8, y + 2, Math.max(2, (doorW - 4) * share), doorH - 4);
    g.lineStyle(2, color, 1);
    g.strokeRoundedRect(6, y, doorW, doorH, 6);
    const r = Math.min(8, Math.max(5, doorH * 0.28));
    doorIcon(g, id, 6 + 14, y + doorH / 2, r, color);
    const label = addText(scene, 6 + 28, y + doorH / 2, doorLabels[i] ?? id, {
      size: FS.tiny,
      color: C.text,
      originY: 0.5,
    });
    fitOrEllipsis(label, doorW - 30, FS.tiny);
    root.add(label);
    return {
      id,
      x: doorsW + 4,
      y: Math.min(floorBottom - 4, Math.max(floorY + 40, y + doorH - 4)),
      w: traffic[id] ?? 0,
    };
  });

  // ---- shelves --------------------------------------------------------------------------------
  const n = Math.max(1, o.skus.length);
  const status = shelfStatuses(scene, o.skus);
  // Several SKUs: drop the words all their names share, so each shelf shows what tells it apart.
  const names = o.skus.length >= 3 ? shortSkuNames(o.skus.map((k) => k.name)) : o.skus.map((k) => k.name);
  // The warehouse columns are narrower than the shelves: short names from two SKUs on.
  const wareNames = o.skus.length >= 2 ? shortSkuNames(o.skus.map((k) => k.name)) : names;
  const gap = n >= 5 ? 8 : 12;
  const unitW = Math.min(180, (midX1 - midX0 - (n - 1) * gap) / n);
  const totalW = n * unitW + (n - 1) * gap;
  const shelfTop = awningH + 44;
  const twoLines = unitW < 120;
  const plateH = twoLines ? 48 : 36;
  const shelfBottom = floorY - plateH - 6;
  const boards = shelfBottom - shelfTop > 90 ? 3 : 2;
  const boardGap = (shelfBottom - shelfTop) / boards;
  const rows = boardGap >= 2 * (BOX_H + 1) + 8 ? 2 : 1;
  const perBoard = Math.max(1, Math.floor((unitW - 16) / (BOX_W + 2)));
  const capacity = perBoard * boards * rows;
  const shelfFront: number[] = [];
  /** Boxes on the shelves: stamped into the static texture below, not one image each. */
  const stamps: { key: string; x: number; y: number }[] = [];
  o.skus.forEach((sku, i) => {
    const sx = midX0 + (midX1 - midX0 - totalW) / 2 + i * (unitW + gap);
    const listed = status[i] === "listed";
    if (listed) shelfFront.push(sx + unitW / 2);
    const frameAlpha = listed ? 1 : 0.45;
    g.fillStyle(C.shelf, frameAlpha);
    g.fillRect(sx, shelfTop, 6, shelfBottom - shelfTop + 4);
    g.fillRect(sx + unitW - 6, shelfTop, 6, shelfBottom - shelfTop + 4);
    const boxes =
      !listed || sku.stock <= 0 ? 0 : Math.max(1, Math.min(capacity, Math.round((sku.stock / o.fullShelf) * capacity)));
    for (let b = 0; b < boards; b++) {
      const by = shelfTop + (b + 1) * boardGap;
      g.fillStyle(0xa8744f, frameAlpha);
      g.fillRect(sx, by, unitW, 5);
      const boardIndex = boards - 1 - b;
      for (let row = 0; row < rows; row++) {
        for (let k = 0; k < perBoard; k++) {
          const idx = boardIndex * perBoard * rows + row * perBoard + k;
          if (idx >= boxes) continue;
          stamps.push({ key: boxKey(i), x: sx + 9 + k * (BOX_W + 2), y: by - row * (BOX_H + 1) });
        }
      }
    }
    if (listed && sku.stock <= 0) {
      const out = addText(scene, sx + unitW / 2, (shelfTop + shelfBottom) / 2, t("shop.soldOut"), {
        size: FS.body,
        bold: true,
        color: C.white,
        originX: 0.5,
        originY: 0.5,
      });
      out.setBackgroundColor("#c0392b").setPadding(8, 2, 8, 2).setAngle(-8);
      if (unitW < 70) out.setPadding(3, 1, 3, 1);
      fitOrEllipsis(out, unitW - 4, 7);
      root.add(out);
    } else if (!listed) {
      // Not on sale (a catalogue SKU not launched yet, or delisted): an empty shelf, no alarm.
      const note = addText(scene, sx + unitW / 2, (shelfTop + shelfBottom) / 2, t(`world.${status[i]}`), {
        size: FS.tiny,
        color: C.muted,
        originX: 0.5,
        originY: 0.5,
      });
      note.setBackgroundColor("rgba(10,18,34,0.7)").setPadding(4, 2, 4, 2);
      if (unitW < 70) note.setPadding(2, 1, 2, 1);
      fitOrEllipsis(note, unitW - 4, 7);
      root.add(note);
    }
    g.fillStyle(C.bgDeep, listed ? 0.9 : 0.55);
    g.fillRoundedRect(sx - 3, shelfBottom + 6, unitW + 6, plateH, 6);
    g.fillStyle(BOX_COLORS[i % BOX_COLORS.length] ?? C.accent, frameAlpha);
    g.fillRect(sx - 3, shelfBottom + 10, 3, plateH - 8);
    const nameSize = twoLines ? 10 : FS.tiny;
    const label = addText(
      scene,
      sx + unitW / 2,
      shelfBottom + 7,
      // Wide shelves have a one-line plate: the name shrinks, then ends with an ellipsis.
      twoLines ? twoLineLabel(names[i] ?? sku.name, unitW - 6, nameSize) : (names[i] ?? sku.name),
      {
        size: nameSize,
        bold: true,
        color: listed ? C.text : C.muted,
        originX: 0.5,
        align: "center",
        lineSpacing: 0,
      },
    );
    fitOrEllipsis(label, unitW - 4, 8);
    // Narrow shelves (5–6 SKUs): the number of units alone.
    const stockText = unitW < 60 ? items(sku.stock) : t("shop.stockLabel", { n: items(sku.stock) });
    const line = !listed || sku.stock > 0 ? stockText : `⚠ ${stockText}`;
    const st = addText(scene, sx + unitW / 2, shelfBottom + 6 + plateH - 1, line, {
      size: twoLines ? 10 : 11,
      color: !listed ? C.faint : sku.stock > 0 ? C.muted : C.bad,
      originX: 0.5,
      originY: 1,
    });
    fitOrEllipsis(st, unitW - 4, 8);
    root.add([label, st]);
  });
  if (shelfFront.length === 0) shelfFront.push((midX0 + midX1) / 2);

  // ---- service desk and checkout ---------------------------------------------------------------
  // Two counters at the back of the shop floor, right; shoppers stand in front of them (desk queue
  // on the left, checkout on the right), so nobody walks across the shelf labels.
  const counterLabels = [t("world.service"), t("world.cashier")];
  const counterW = Math.max(...counterLabels.map((l) => measureWidth(l, FS.tiny, true))) + 34;
  const counterY = floorY + 6;
  // The queue forms left of the desk; the paying shopper stands in the gap before the checkout.
  const gapC = 26;
  const tillX = o.w - counterW - 10;
  const deskX = tillX - gapC - counterW;
  const desk = { x: deskX - 18, y: floorY + 42 };
  const till = { x: tillX - gapC / 2, y: floorY + 42 };
  // Drawn after the shoppers (below), so a shopper walking past goes behind the counter, not over its label.
  const drawCounters = () => {
    if (!counters) return;
    const cg = scene.add.graphics();
    root.add(cg);
    [deskX, tillX].forEach((cx, k) => {
      cg.fillStyle(C.panelHi, 1);
      cg.fillRoundedRect(cx, counterY, counterW, 26, 6);
      cg.fillStyle(k === 0 ? 0x7cc4ff : C.good, 1);
      if (k === 0) cg.fillCircle(cx + 14, counterY + 13, 6);
      else cg.fillRoundedRect(cx + 8, counterY + 5, 12, 16, 3);
      const l = addText(scene, cx + 26, counterY + 13, counterLabels[k] ?? "", {
        size: FS.tiny,
        bold: true,
        originY: 0.5,
      });
      fitOrEllipsis(l, counterW - 30, FS.tiny);
      root.add(l);
    });
  };

  // ---- warehouse strip ------------------------------------------------------------------------
  if (o.warehouse) {
    const wy = o.h - WARE;
    g.fillStyle(C.bgDeep, 1);
    g.fillRoundedRect(4, wy, o.w - 8, WARE - 4, 6);
    const wl = addText(scene, 12, wy + (WARE - 4) / 2, `▦ ${t("world.warehouse")}`, {
      size: FS.tiny,
      bold: true,
      color: C.muted,
      originY: 0.5,
    });
    root.add(wl);
    const x0 = 16 + wl.width;
    const colW = (o.w - 12 - x0) / n;
    const tall = n >= 4;
    o.skus.forEach((sku, i) => {
      const cx = x0 + i * colW;
      const listed = status[i] === "listed";
      g.fillStyle(BOX_COLORS[i % BOX_COLORS.length] ?? C.accent, listed ? 1 : 0.45);
      g.fillRect(cx + 4, wy + 8, 4, WARE - 20);
      const first = (sku.incoming ?? [])[0];
      const total = (sku.incoming ?? []).reduce((a, l) => a + l.qty, 0);
      const day = first ? first.day - (o.today ?? 0) + 1 : 0;
      const textW = colW - 16;
      if (!tall) {
        const inc =
          first && total > 0
            ? `→ ${t("world.incoming", { n: items(total), day })}`
            : listed
              ? t("world.noIncoming")
              : t(`world.${status[i]}`);
        const a = addText(scene, cx + 12, wy + 6, "", { size: 11, bold: true, color: listed ? C.text : C.muted });
        fitNameWithTail(a, wareNames[i] ?? sku.name, ` · ${items(sku.stock)}`, textW, 10);
        const b = addText(scene, cx + 12, wy + 22, inc, { size: 11, color: first ? C.accentHi : C.faint });
        fitOrEllipsis(b, textW, 10);
        root.add([a, b]);
        return;
      }
      // Narrow columns (4+ SKUs): the name on up to two lines, then the stock, then what is on the way.
      const a = addText(scene, cx + 12, wy + 1, twoLineLabel(wareNames[i] ?? sku.name, textW, 10), {
        size: 10,
        bold: true,
        color: listed ? C.text : C.muted,
        lineSpacing: -2,
      });
      fitOrEllipsis(a, textW, 10);
      const st = addText(scene, cx + 12, wy + 26, items(sku.stock), { size: 10, color: listed ? C.text : C.muted });
      fitOrEllipsis(st, textW, 9);
      const inc =
        first && total > 0
          ? t("world.incomingShort", { n: items(total), day })
          : listed
            ? t("world.noIncomingShort")
            : t(`world.${status[i]}`);
      const b = addText(scene, cx + 12, wy + 39, inc, { size: 10, color: first ? C.accentHi : C.faint });
      fitOrEllipsis(b, textW, 9);
      root.add([a, st, b]);
    });
  }

  // The static drawing and the boxes on the shelves become one texture (re-tessellating dozens of
  // rounded shapes every frame, and drawing a quad per box, is the costliest part of this screen
  // without a GPU); the Graphics is dropped.
  const key = `world-static-${++worldCount}`;
  const tw = Math.ceil(o.w);
  const th = Math.ceil(o.h);
  g.generateTexture(`${key}-g`, tw, th);
  const dt = scene.textures.addDynamicTexture(key, tw, th, false);
  let bg: Phaser.GameObjects.Image;
  if (dt) {
    dt.stamp(`${key}-g`, undefined, 0, 0, { originX: 0, originY: 0 });
    for (const b of stamps) dt.stamp(b.key, undefined, b.x, b.y, { originX: 0, originY: 1 });
    dt.render();
    scene.textures.remove(`${key}-g`);
    bg = scene.add.image(0, 0, key).setOrigin(0, 0);
  } else {
    bg = scene.add.image(0, 0, `${key}-g`).setOrigin(0, 0);
  }
  const at = root.getIndex(g);
  root.remove(g, true);
  root.addAt(bg, at);
  root.once(Phaser.GameObjects.Events.DESTROY, () => {
    for (const k of [key, `${key}-g`]) if (scene.textures.exists(k)) scene.textures.remove(k);
  });

  // ---- shoppers -------------------------------------------------------------------------------
  const uv = o.uv ?? 0;
  const payShare = o.uv && o.paid !== undefined ? o.paid / Math.max(1, o.uv) : 0.05;
  // Paying is rare in real numbers (2–5 %); shown exaggerated on a √ scale so it is visible.
  const payVis = Math.min(0.7, Math.max(0.12, Math.sqrt(payShare) * 1.4));
  const pickDoor = () => {
    let r = rnd() * totalTraffic;
    for (const d of doors) {
      r -= d.w || totalTraffic / doors.length;
      if (r <= 0) return d;
    }
    return doors[doors.length - 1] ?? { id: "home", x: doorsW, y: floorY + 20, w: 1 };
  };
  const floorPoint = (x: number) => ({ x, y: floorY + 40 + rnd() * Math.max(4, FLOOR - 44) });
  let queue = 0;
  // Shoppers walk just above the static picture and under every label (doors, shelf plates, sold-out
  // stamps, the warehouse), so a shopper never covers a word; the counters and captions come after.
  const layer = scene.add.container(0, 0);
  root.addAt(layer, root.getIndex(bg) + 1);
  drawCounters();

  if (still) {
    // A still picture: a few shoppers at shelves, one in the queue, one paying.
    const count = o.uv === null ? 3 : Math.min(10, Math.round(Math.sqrt(uv) / 3));
    for (let i = 0; i < count; i++) {
      const x = shelfFront[i % shelfFront.length] ?? midX0 + 20;
      const p = floorPoint(x + (rnd() - 0.5) * 40);
      layer.add(scene.add.image(p.x, p.y, SHOPPER_KEYS[i % SHOPPER_KEYS.length] as string).setOrigin(0.5, 1));
    }
    if (counters && count > 2) {
      layer.add(scene.add.image(desk.x + 8, desk.y, SHOPPER_KEYS[1] as string).setOrigin(0.5, 1));
      layer.add(scene.add.image(till.x, till.y, SHOPPER_KEYS[2] as string).setOrigin(0.5, 1));
    }
  } else {
    const maxActive = Math.min(18, 4 + Math.round(Math.sqrt(Math.max(uv, 40)) / 2));
    const interval = Math.max(220, Math.min(1800, 9000 / Math.sqrt(Math.max(uv, 40) / 7)));
    let active = 0;
    const walk = (s: Phaser.GameObjects.Image, to: { x: number; y: number }, speed: number, done: () => void) => {
      s.setFlipX(to.x < s.x);
      const dist = Math.hypot(to.x - s.x, to.y - s.y);
      scene.tweens.add({
        targets: s,
        x: to.x,
        y: to.y,
        duration: Math.max(200, (dist / speed) * 1000),
        onComplete: done,
      });
    };
    const leave = (s: Phaser.GameObjects.Image, door: { x: number; y: number }) =>
      walk(s, door, 70, () => {
        scene.tweens.add({
          targets: s,
          alpha: 0,
          duration: 250,
          onComplete: () => {
            s.destroy();
            active--;
            walking--;
          },
        });
      });
    const pop = (x: number, y: number) => {
      // A coin (a shape, not a text: it rises over the counters and shelf labels behind the checkout).
      const coin = scene.add.circle(x, y - 36, 6, C.warn).setStrokeStyle(2, 0xc88a00);
      layer.add(coin);
      scene.tweens.add({ targets: coin, y: y - 60, alpha: 0, duration: 900, onComplete: () => coin.destroy() });
    };
    const spawn = () => {
      if (active >= maxActive || !root.active) return;
      active++;
      walking++;
      const door = pickDoor();
      const key = SHOPPER_KEYS[Math.floor(rnd() * SHOPPER_KEYS.length)] as string;
      const s = scene.add.image(door.x, door.y, key).setOrigin(0.5, 1).setAlpha(0);
      layer.add(s);
      scene.tweens.add({ targets: s, alpha: 1, duration: 200 });
      const shelfX = shelfFront[Math.floor(rnd() * shelfFront.length)] ?? midX0 + 40;
      const browse = floorPoint(shelfX + (rnd() - 0.5) * Math.min(60, unitW * 0.6));
      const r = rnd();
      walk(s, browse, 60 + rnd() * 30, () => {
        scene.time.delayedCall(400 + rnd() * 900, () => {
          if (!s.active) return;
          if (counters && r < 0.15) {
            // Pre-sale question at the service desk, then most of them buy.
            const q = queue++;
            walk(s, { x: desk.x + 8 - q * 14, y: desk.y }, 70, () => {
              scene.time.delayedCall(900 + q * 300, () => {
                queue = Math.max(0, queue - 1);
                if (!s.active) return;
                if (rnd() < 0.6) pay(s, door);
                else leave(s, door);
              });
            });
          } else if (r < 0.15 + payVis) pay(s, door);
          else leave(s, door);
        });
      });
    };
    const pay = (s: Phaser.GameObjects.Image, door: { x: number; y: number }) => {
      if (!counters) {
        pop(s.x, s.y);
        leave(s, door);
        return;
      }
      walk(s, { x: till.x, y: till.y }, 75, () => {
        pop(s.x, s.y);
        scene.time.delayedCall(350, () => s.active && leave(s, door));
      });
    };
    const timer = scene.time.addEvent({ delay: interval, loop: true, callback: spawn });
    for (let i = 0; i < Math.min(3, maxActive); i++) scene.time.delayedCall(i * 180, spawn);
    root.once(Phaser.GameObjects.Events.DESTROY, () => {
      timer.remove();
      walking -= active;
      active = 0;
    });
  }

  // ---- captions and alerts --------------------------------------------------------------------
  const uvText = o.uv === null || o.hideUv ? "" : t("shop.lastUv", { uv: people(o.uv) });
  if (uvText) {
    const parts = [uvText];
    if (o.paid !== undefined) parts.push(t("world.paid", { n: group(o.paid) }));
    const u = addText(scene, doorsW + 8, floorBottom - 2, parts.join(" · "), { size: 11, color: C.text, originY: 1 });
    u.setBackgroundColor("rgba(10,18,34,0.85)").setPadding(6, 2, 6, 2);
    fitText(u, midX1 - doorsW - 16, 8);
    root.add(u);
  }
  (o.alerts ?? []).slice(0, 3).forEach((a, i) => {
    const chip = addText(scene, midX1 - 4, shelfTop - 2 + i * 22, a, {
      size: 12,
      bold: true,
      color: C.white,
      originX: 1,
    });
    chip.setBackgroundColor(a.startsWith("✖") ? "rgba(192,57,43,0.95)" : "rgba(140,90,0,0.95)").setPadding(6, 2, 6, 2);
    fitText(chip, midX1 - midX0 - 8, 9);
    root.add(chip);
  });
  return root;
}
