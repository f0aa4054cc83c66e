// Choice: segmented buttons for one-of-n. The selected option carries a ✓ as well as the accent
// outline, so the choice reads without colour.
import type Phaser from "phaser";
import { Button } from "./button";
import type { FocusManager } from "./focus";

export interface ChoiceOption<T extends string | number> {
  value: T;
  label: string;
  sub?: string;
}

export interface ChoiceOpts<T extends string | number> {
  id: string;
  x: number;
  y: number;
  w: number;
  h?: number;
  gap?: number;
  /** Options per row; default all in one row. */
  perRow?: number;
  options: ChoiceOption<T>[];
  value: T;
  enabled?: boolean;
  focus?: FocusManager;
  parent?: Phaser.GameObjects.Container;
  size?: number;
  onChange: (v: T) => void;
}

/** Lays the options out in rows; returns the buttons and the height used. */
export function addChoice<T extends string | number>(
  scene: Phaser.Scene,
  o: ChoiceOpts<T>,
): { buttons: Button[]; height: number } {
  const gap = o.gap ?? 8;
  const h = o.h ?? 40;
  const perRow = o.perRow ?? o.options.length;
  const bw = (o.w - gap * (perRow - 1)) / perRow;
  const buttons: Button[] = [];
  o.options.forEach((opt, i) => {
    const row = Math.floor(i / perRow);
    const col = i % perRow;
    const selected = opt.value === o.value;
    buttons.push(
      new Button(scene, {
        id: `${o.id}.${opt.value}`,
        x: o.x + col * (bw + gap),
        y: o.y + row * (h + gap),
        w: bw,
        h,
        label: selected ? `✓ ${opt.label}` : opt.label,
        sub: opt.sub,
        size: o.size,
        variant: "chip",
        selected,
        enabled: o.enabled ?? true,
        focus: o.focus,
        parent: o.parent,
        onClick: () => {
          if (opt.value !== o.value) o.onChange(opt.value);
        },
      }),
    );
  });
  const rows = Math.ceil(o.options.length / perRow);
  return { buttons, height: rows * h + (rows - 1) * gap };
}
