// Stepper: [−] value [+] with a unit-bearing display, min/max clamping and optional fine steps
// (e.g. price: ¥1 and ¥0.1). The owner decides what a change means (usually store.propose).
// With `typed`, a click (or Enter) on the value opens a text box in the game's style over it: the
// typed number (typed-number.ts) goes to onChange like a step, so the engine's validation and
// messages are the same; a number out of range or malformed goes to onInvalid instead.
import Phaser from "phaser";
import { money, t } from "../../i18n";
import { registerTarget } from "../test-hook";
import { C, css, FONT_STACK, FS, RADIUS } from "../theme";
import { parseTyped, type TypedKind, typedText } from "../typed-number";
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
  /** The value can be typed: "money" (value in fen, typed in yuan) or "int" (whole units). */
  typed?: TypedKind;
  /** Where a typed value that cannot be used is reported (the owner's error line). */
  onInvalid?: (message: string) => void;
}

/** The text box open over a stepper, if any (one at a time): closing it commits or cancels. */
let openInput: { close: (commit: boolean) => void } | null = null;

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
    if (o.typed && enabled) {
      this.makeTypable(box, h);
      // A small pencil says the number can be typed.
      this.add(addText(scene, sideW + (o.w - 2 * sideW) - 6, 4, "✎", { size: FS.tiny, color: C.faint, originX: 1 }));
    }
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

  /** The value box opens a text box on click, tap or Enter; registered as `${id}.value`. */
  private makeTypable(box: Phaser.GameObjects.Rectangle, h: number): void {
    box.setInteractive({ useHandCursor: true });
    box.on("pointerover", () => box.setStrokeStyle(2, C.accent));
    box.on("pointerout", () => box.setStrokeStyle(1, C.line));
    box.on("pointerup", () => this.openInput(box, h));
    registerTarget(`${this.o.id}.value`, box);
    this.o.focus?.add({
      id: `${this.o.id}.value`,
      obj: box,
      setFocused: (on) => box.setStrokeStyle(on ? 3 : 1, on ? C.focus : C.line),
      activate: () => this.openInput(box, h),
      isEnabled: () => true,
    });
  }

  private openInput(box: Phaser.GameObjects.Rectangle, h: number): void {
    const kind = this.o.typed;
    if (!kind || !this.active) return;
    openInput?.close(true);
    const scene = this.scene;
    const b = box.getBounds();
    const el = document.createElement("input");
    el.type = "text";
    el.inputMode = kind === "money" ? "decimal" : "numeric";
    el.value = typedText(this.value, kind);
    el.autocomplete = "off";
    el.spellcheck = false;
    el.setAttribute("data-testid", `${this.o.id}.input`);
    el.setAttribute("aria-label", t("typed.aria"));
    Object.assign(el.style, {
      width: `${b.width}px`,
      height: `${h}px`,
      boxSizing: "border-box",
      padding: "0 10px",
      border: `2px solid ${css(C.focus)}`,
      outline: "none",
      borderRadius: `${RADIUS / 2}px`,
      background: css(C.bgDeep),
      color: css(C.text),
      caretColor: css(C.accentHi),
      font: `bold ${FS.h3}px ${FONT_STACK}`,
      textAlign: "center",
    });
    const dom = scene.add.dom(b.x, b.y, el).setOrigin(0, 0);
    let done = false;
    const close = (commit: boolean) => {
      if (done) return;
      done = true;
      if (openInput?.close === close) openInput = null;
      const text = el.value;
      dom.destroy();
      if (commit) this.commitTyped(text);
    };
    openInput = { close };
    el.addEventListener("keydown", (ev) => {
      // The game's keys (Tab, Enter = end week…) must not act while typing.
      ev.stopPropagation();
      if (ev.key === "Enter") close(true);
      else if (ev.key === "Escape") close(false);
    });
    el.addEventListener("blur", () => close(true));
    this.once(Phaser.GameObjects.Events.DESTROY, () => close(false));
    el.focus();
    el.select();
  }

  private commitTyped(text: string): void {
    const kind = this.o.typed;
    if (!kind) return;
    const r = parseTyped(text, kind, this.o.min, this.o.max);
    if (!r.ok) {
      const fmt = (v: number) => (kind === "money" ? money(v) : String(v));
      this.o.onInvalid?.(t(r.key, { min: fmt(r.params.min ?? 0), max: fmt(r.params.max ?? 0) }));
      return;
    }
    if (r.value === this.value) return;
    this.value = r.value;
    this.render();
    this.o.onChange(r.value);
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
    // Room for the pencil of a typed stepper at the box's right.
    const inner =
      this.o.w - 2 * ((this.o.fineStep ? 2 : 1) * ((this.o.stepLabel ? 58 : h) + 4)) - 8 - (this.o.typed ? 30 : 0);
    fitText(this.valueText, inner);
    const enabled = this.o.enabled ?? true;
    for (const { b, delta } of this.buttons) {
      const at = delta < 0 ? this.value <= this.o.min : this.value >= this.o.max;
      b.setEnabled(enabled && !at);
    }
  }
}
