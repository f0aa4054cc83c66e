// Small sprites drawn once into textures (no image files needed): shoppers and product boxes.
import type Phaser from "phaser";
import { C } from "./theme";

export const SHOPPER_KEYS = ["shopper-0", "shopper-1", "shopper-2", "shopper-3", "shopper-4"];
const SHIRTS = [0x4fb3ff, 0x35c48a, 0xff8a3d, 0xc28bff, 0xffc34d];
const SKIN = [0xf2c7a5, 0xe0ac86, 0xf7d6bd, 0xd39a72, 0xf2c7a5];
export const BOX_COLORS = [0xff8a3d, 0x4fb3ff, 0x35c48a, 0xc28bff, 0xffc34d, 0xff5a5f];

export function boxKey(i: number): string {
  return `box-${i % BOX_COLORS.length}`;
}

export function makeTextures(scene: Phaser.Scene): void {
  const g = scene.make.graphics({ x: 0, y: 0 }, false);
  SHOPPER_KEYS.forEach((key, i) => {
    if (scene.textures.exists(key)) return;
    g.clear();
    // legs
    g.fillStyle(0x2a3550, 1);
    g.fillRoundedRect(7, 26, 4, 12, 2);
    g.fillRoundedRect(13, 26, 4, 12, 2);
    // body
    g.fillStyle(SHIRTS[i] ?? C.accent, 1);
    g.fillRoundedRect(4, 13, 16, 16, 5);
    // head + hair
    g.fillStyle(SKIN[i] ?? 0xf2c7a5, 1);
    g.fillCircle(12, 8, 7);
    g.fillStyle(0x1d2230, 1);
    g.fillRoundedRect(5, 1, 14, 5, 3);
    // shopping bag
    g.fillStyle(C.white, 1);
    g.fillRoundedRect(17, 20, 6, 7, 1);
    g.generateTexture(key, 24, 40);
  });
  BOX_COLORS.forEach((color, i) => {
    const key = boxKey(i);
    if (scene.textures.exists(key)) return;
    g.clear();
    g.fillStyle(color, 1);
    g.fillRoundedRect(0, 0, 22, 18, 3);
    g.fillStyle(0xffffff, 0.35);
    g.fillRect(0, 0, 22, 5);
    g.fillStyle(0xffffff, 0.9);
    g.fillRect(9, 0, 4, 18);
    g.generateTexture(key, 22, 18);
  });
  g.destroy();
}
