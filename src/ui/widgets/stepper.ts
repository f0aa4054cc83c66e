// Stepper: [−] value [+] with a unit-bearing display, min/max clamping and optional fine steps
// (e.g. price: ¥1 and ¥0.1). The owner decides what a change means (usually store.propose).
import Phaser from "phaser";
import { C, FS, RADIUS } from "../theme";
import { Button } from "./button";
import type { FocusManager } from "./focus";
import { addText, fitText } from "./text";

export interface StepperOpts {
  id: string;
  x: number;
  y: number;
  w: number;
  h?: number;
  value: number;
  min: number;
  max: number;
  /** Coarse step, then optional fine step. */
  step: number;
  fineStep?: number;
  format: (v: number) => string;
  /** Label for a step button, e.g. "¥1"; default: none (just − / +). */
  stepLabel?: (step: number) => string;
  /** Snap a stepped value (e.g. jump from 0 to the minimum order). */
  snap?: (v: number, dir: 1 | -1) => number;
  enabled?: boolean;
  focus?: FocusManager;
  parent?: Phaser.GameObjects.Container;
  onChange: (v: number) => void;
}

export class Stepper extends Phaser.GameObjects.Container {
  private value: number;
  private readonly valueText: Phaser.GameObjects.Text;
  private readonly buttons: { b: Button; delta: number }[] = [];

  constructor(
    scene: Phaser.Scene,
    private o: StepperOpts,
  ) {
    super(scene, o.x, o.y);
    if (o.parent) o.parent.add(this);
    else scene.add.existing(this);
    this.value = o.value;
    const h = o.h ?? 40;
    const enabled = o.enabled ?? true;
    const steps = o.fineStep ? [o.step, o.fineStep] : [o.step];
    const bw = o.stepLabel ? 58 : h;
    const sideW = steps.length * (bw + 4);
    const box = scene.add
      .rectangle(sideW, 0, o.w - 2 * sideW, h, C.bgDeep)
      .setOrigin(0, 0)
      .setRounded(RADIUS / 2);
    box.setStrokeStyle(1, C.line);
    this.add(box);
    this.valueText = addText(scene, o.w / 2, h / 2, "", { size: FS.h3, bold: true, originX: 0.5, originY: 0.5 });
    this.add(this.valueText);
    const mk = (delta: number, x: number, idSuffix: string, label: string) => {
      const b = new Button(scene, {
        id: `${o.id}.${idSuffix}`,
        x,
        y: 0,
        w: bw,
        h,
        label,
        variant: "secondary",
        size: o.stepLabel ? FS.small : FS.h2,
        enabled,
        focus: o.focus,
        parent: this,
        onClick: () => this.bump(delta),
      });
      this.buttons.push({ b, delta });
    };
    const sl = o.stepLabel;
    // Left side: coarse minus outermost; right side: coarse plus outermost.
    steps.forEach((s, i) => {
      const suffix = i === 0 ? "" : "Fine";
      mk(-s, i * (bw + 4), `minus${suffix}`, sl ? `−${sl(s)}` : "−");
      mk(s, o.w - (i + 1) * bw - i * 4, `plus${suffix}`, sl ? `+${sl(s)}` : "+");
    });
    this.render();
  }

  private bump(delta: number): void {
    let next = Math.round((this.value + delta) * 1e6) / 1e6;
    if (this.o.snap) next = this.o.snap(next, delta > 0 ? 1 : -1);
    next = Math.min(this.o.max, Math.max(this.o.min, next));
    if (next === this.value) return;
    this.value = next;
    this.render();
    this.o.onChange(next);
  }

  private render(): void {
    this.valueText.setText(this.o.format(this.value));
    this.valueText.setFontSize(FS.h3);
    const h = this.o.h ?? 40;
    const inner = this.o.w - 2 * ((this.o.fineStep ? 2 : 1) * ((this.o.stepLabel ? 58 : h) + 4)) - 8;
    fitText(this.valueText, inner);
    const enabled = this.o.enabled ?? true;
    for (const { b, delta } of this.buttons) {
      const at = delta < 0 ? this.value <= this.o.min : this.value >= this.o.max;
      b.setEnabled(enabled && !at);
    }
  }
}
