// The shop, drawn: an awning, one shelf per SKU whose boxes reflect stock on hand, and shoppers
// walking the floor in proportion to last week's visitors. Modest on purpose; the animated world
// with traffic "doors" is a later piece of work.
import type Phaser from "phaser";
import { items, people, t } from "../../i18n";
import { BOX_COLORS, boxKey, SHOPPER_KEYS } from "../sprites";
import { C, FS, RADIUS } from "../theme";
import { addText, fitText } from "../widgets/text";

export interface StorefrontSku {
  name: string;
  stock: number;
}

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
}

const BOX_W = 22;
const BOX_H = 18;

export function addStorefront(scene: Phaser.Scene, o: StorefrontOpts): Phaser.GameObjects.Container {
  const root = scene.add.container(o.x, o.y);
  const g = scene.add.graphics();
  root.add(g);
  // Wall and floor.
  g.fillStyle(C.wall, 1);
  g.fillRoundedRect(0, 0, o.w, o.h, RADIUS);
  const FLOOR = 62;
  const floorY = o.h - FLOOR;
  g.fillStyle(C.floor, 1);
  g.fillRect(0, floorY, o.w, FLOOR - RADIUS);
  g.fillRoundedRect(0, o.h - 2 * RADIUS, o.w, 2 * RADIUS, RADIUS);
  g.lineStyle(1, C.line, 0.6);
  for (let x = 20; x < o.w; x += 44) g.lineBetween(x, floorY, x - 26, o.h);
  // Awning: orange/white stripes with scalloped edge.
  const stripes = 12;
  const sw = o.w / stripes;
  for (let i = 0; i < stripes; i++) {
    g.fillStyle(i % 2 === 0 ? C.accent : 0xfff1e6, 1);
    g.fillRect(i * sw, 0, sw + 0.5, 24);
    g.fillCircle(i * sw + sw / 2, 24, sw / 2);
  }
  g.fillStyle(C.accentLo, 1);
  g.fillRect(0, 0, o.w, 6);
  // Sign board.
  const sign = addText(scene, o.w / 2, 60, o.sign, {
    size: FS.h3,
    bold: true,
    color: C.white,
    originX: 0.5,
    originY: 0.5,
  });
  fitText(sign, o.w - 80);
  g.fillStyle(C.bgDeep, 0.85);
  g.fillRoundedRect(o.w / 2 - sign.width / 2 - 16, 44, sign.width + 32, 32, 8);
  root.add(sign);

  // Shelves: one unit per SKU, a name plate under each, the floor below for shoppers.
  const n = Math.max(1, o.skus.length);
  const unitW = Math.min(200, (o.w - 40 - (n - 1) * 16) / n);
  const totalW = n * unitW + (n - 1) * 16;
  const shelfTop = 84;
  const shelfBottom = floorY - 44;
  const boards = 3;
  const boardGap = (shelfBottom - shelfTop) / boards;
  const rows = boardGap >= 2 * (BOX_H + 1) + 8 ? 2 : 1;
  const perBoard = Math.max(1, Math.floor((unitW - 16) / (BOX_W + 2)));
  const capacity = perBoard * boards * rows;
  o.skus.forEach((sku, i) => {
    const sx = (o.w - totalW) / 2 + i * (unitW + 16);
    g.fillStyle(C.shelf, 1);
    g.fillRect(sx, shelfTop, 6, shelfBottom - shelfTop + 4);
    g.fillRect(sx + unitW - 6, shelfTop, 6, shelfBottom - shelfTop + 4);
    const boxes =
      sku.stock <= 0 ? 0 : Math.max(1, Math.min(capacity, Math.round((sku.stock / o.fullShelf) * capacity)));
    for (let b = 0; b < boards; b++) {
      const by = shelfTop + (b + 1) * boardGap;
      g.fillStyle(0xa8744f, 1);
      g.fillRect(sx, by, unitW, 5);
      // Fill the bottom board first, like a real shelf.
      const boardIndex = boards - 1 - b;
      for (let row = 0; row < rows; row++) {
        for (let k = 0; k < perBoard; k++) {
          const idx = boardIndex * perBoard * rows + row * perBoard + k;
          if (idx >= boxes) continue;
          const img = scene.add.image(sx + 9 + k * (BOX_W + 2), by - row * (BOX_H + 1), boxKey(i)).setOrigin(0, 1);
          root.add(img);
        }
      }
    }
    if (sku.stock <= 0) {
      const out = addText(scene, sx + unitW / 2, (shelfTop + shelfBottom) / 2, t("shop.soldOut"), {
        size: FS.h3,
        bold: true,
        color: C.white,
        originX: 0.5,
        originY: 0.5,
      });
      out.setBackgroundColor("#c0392b").setPadding(8, 2, 8, 2).setAngle(-8);
      root.add(out);
    }
    g.fillStyle(C.bgDeep, 0.9);
    g.fillRoundedRect(sx - 4, shelfBottom + 8, unitW + 8, 36, 6);
    g.fillStyle(BOX_COLORS[i % BOX_COLORS.length] ?? C.accent, 1);
    g.fillRect(sx - 4, shelfBottom + 12, 4, 28);
    const label = addText(scene, sx + unitW / 2, shelfBottom + 9, sku.name, {
      size: FS.tiny,
      bold: true,
      originX: 0.5,
    });
    fitText(label, unitW, 9);
    root.add(label);
    const stockText = t("shop.stockLabel", { n: items(sku.stock) });
    const st = addText(scene, sx + unitW / 2, shelfBottom + 26, sku.stock > 0 ? stockText : `⚠ ${stockText}`, {
      size: FS.tiny,
      color: sku.stock > 0 ? C.muted : C.bad,
      originX: 0.5,
    });
    fitText(st, unitW, 9);
    root.add(st);
  });

  // Shoppers: about √UV of them (so 100 → 5, 900 → 15), walking and pausing at the shelves.
  const count = o.uv === null ? 3 : Math.min(16, Math.round(Math.sqrt(Math.max(0, o.uv)) / 2));
  for (let i = 0; i < count; i++) {
    const key = SHOPPER_KEYS[i % SHOPPER_KEYS.length] as string;
    const y = floorY + 40 + ((i * 7) % Math.max(1, FLOOR - 44));
    const startX = 20 + ((i * 97) % Math.max(1, o.w - 40));
    const s = scene.add.image(startX, y, key).setOrigin(0.5, 1);
    root.add(s);
    const targetX = 20 + ((i * 151 + 60) % Math.max(1, o.w - 40));
    scene.tweens.add({
      targets: s,
      x: targetX,
      duration: 2600 + ((i * 431) % 2400),
      ease: "Sine.easeInOut",
      yoyo: true,
      repeat: -1,
      hold: 500 + ((i * 211) % 900),
      repeatDelay: 300,
      onYoyo: () => s.setFlipX(!s.flipX),
      onRepeat: () => s.setFlipX(!s.flipX),
    });
    scene.tweens.add({ targets: s, y: y - 2, duration: 220, yoyo: true, repeat: -1 });
    if (targetX < startX) s.setFlipX(true);
  }
  const uvText = o.uv === null || o.hideUv ? "" : t("shop.lastUv", { uv: people(o.uv) });
  if (uvText) {
    // Drawn last with a backing so walking shoppers never hide it.
    const u = addText(scene, 10, o.h - 8, uvText, { size: FS.tiny, color: C.text, originY: 1 });
    u.setBackgroundColor("rgba(10,18,34,0.8)").setPadding(6, 2, 6, 2);
    root.add(u);
  }
  return root;
}
