// KPI card as 生意参谋 shows it: name, value with unit, and the week-on-week change written with
// ▲/▼ and a sign (colour is a hint only; "up" is not always good, e.g. ad spend or stockouts).
import type Phaser from "phaser";
import { C, FS } from "../theme";
import { Card } from "./card";
import { addText, fitText } from "./text";

export interface KpiCardOpts {
  x: number;
  y: number;
  w: number;
  h: number;
  name: string;
  value: string;
  /** Already formatted change, e.g. "+12.0%"; null on the first week. */
  delta: { text: string; dir: 1 | 0 | -1; good: boolean | null } | null;
  deltaNone: string;
  parent?: Phaser.GameObjects.Container;
}

export function addKpiCard(scene: Phaser.Scene, o: KpiCardOpts): Card {
  const card = new Card(scene, { x: o.x, y: o.y, w: o.w, h: o.h, fill: C.card, parent: o.parent });
  const name = addText(scene, 12, 8, o.name, { size: FS.small, color: C.muted });
  fitText(name, o.w - 20, 10);
  // Name, value and change stacked with room between them (the value's glyph box is ~1.3× its size).
  const value = addText(scene, 12, 25, o.value, { size: FS.kpi, bold: true });
  fitText(value, o.w - 20, 14);
  let deltaText = o.deltaNone;
  let color: number = C.faint;
  if (o.delta) {
    const arrow = o.delta.dir > 0 ? "▲" : o.delta.dir < 0 ? "▼" : "■";
    deltaText = `${arrow} ${o.delta.text}`;
    color = o.delta.good === null || o.delta.dir === 0 ? C.muted : o.delta.good ? C.good : C.bad;
  }
  const delta = addText(scene, 12, o.h - 20, deltaText, { size: FS.tiny, color });
  fitText(delta, o.w - 20, 9);
  card.add([name, value, delta]);
  return card;
}
