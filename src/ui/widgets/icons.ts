// Tiny vector icons drawn with Graphics, because emoji glyphs are missing on many lab PCs.
import type Phaser from "phaser";

/** A padlock centred on (x, y), about 12×14 px. */
export function drawLock(scene: Phaser.Scene, x: number, y: number, color: number): Phaser.GameObjects.Graphics {
  const g = scene.add.graphics({ x, y });
  g.lineStyle(2, color, 1);
  g.beginPath();
  g.arc(0, -2, 4, Math.PI, 0, false);
  g.strokePath();
  g.fillStyle(color, 1);
  g.fillRoundedRect(-6, -2, 12, 9, 2);
  return g;
}
