// Button: rounded rectangle + label, with hover / pressed / disabled / selected / keyboard-focus
// looks. Disabled is shown by colour AND by a dimmed label (and optional 🔒), never colour alone.
import Phaser from "phaser";
import { playSfx } from "../sfx";
import { registerTarget } from "../test-hook";
import { C, css, FS, RADIUS } from "../theme";
import { isTap, tapStart } from "../viewport";
import type { FocusManager } from "./focus";
import { addText, clipText, fitText } from "./text";

export type ButtonVariant = "primary" | "secondary" | "ghost" | "chip";

export interface ButtonOpts {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
  label: string;
  variant?: ButtonVariant;
  size?: number;
  enabled?: boolean;
  selected?: boolean;
  focus?: FocusManager;
  onClick: () => void;
  parent?: Phaser.GameObjects.Container;
  /** Extra small text under the label (e.g. a chip's search volume). */
  sub?: string;
}

const LOOK: Record<ButtonVariant, { fill: number; hover: number; down: number; text: number; stroke: number }> = {
  primary: { fill: C.accent, hover: C.accentHi, down: C.accentLo, text: C.white, stroke: C.accent },
  secondary: { fill: C.card, hover: C.cardHi, down: C.panel, text: C.text, stroke: C.line },
  ghost: { fill: C.panel, hover: C.panelHi, down: C.bgDeep, text: C.muted, stroke: C.line },
  chip: { fill: C.panel, hover: C.panelHi, down: C.bgDeep, text: C.text, stroke: C.line },
};

export class Button extends Phaser.GameObjects.Container {
  readonly bg: Phaser.GameObjects.Rectangle;
  readonly label: Phaser.GameObjects.Text;
  private sub?: Phaser.GameObjects.Text;
  private enabled: boolean;
  private selected: boolean;
  private hovered = false;
  private pressed = false;
  private focused = false;
  private readonly variant: ButtonVariant;

  constructor(
    scene: Phaser.Scene,
    private o: ButtonOpts,
  ) {
    super(scene, o.x, o.y);
    this.variant = o.variant ?? "secondary";
    this.enabled = o.enabled ?? true;
    this.selected = o.selected ?? false;
    this.bg = scene.add
      .rectangle(0, 0, o.w, o.h, C.card)
      .setOrigin(0, 0)
      .setRounded(Math.min(RADIUS, o.h / 2));
    const size = o.size ?? (o.h >= 44 ? FS.h3 : o.h >= 34 ? FS.body : FS.small);
    const labelY = o.sub ? o.h * 0.36 : o.h / 2;
    this.label = addText(scene, o.w / 2, labelY, o.label, {
      size,
      bold: this.variant === "primary",
      originX: 0.5,
      originY: 0.5,
    });
    fitText(this.label, o.w - 12);
    if (this.label.width > o.w - 12) clipText(this.label, o.w - 12);
    this.add([this.bg, this.label]);
    if (o.sub) {
      this.sub = addText(scene, o.w / 2, o.h * 0.74, o.sub, {
        size: FS.tiny,
        color: C.muted,
        originX: 0.5,
        originY: 0.5,
      });
      fitText(this.sub, o.w - 8, 9);
      if (this.sub.width > o.w - 8) clipText(this.sub, o.w - 8);
      this.add(this.sub);
    }
    this.bg.setInteractive({ useHandCursor: true });
    this.bg.on("pointerover", () => {
      this.hovered = true;
      this.redraw();
    });
    this.bg.on("pointerout", () => {
      this.hovered = false;
      this.pressed = false;
      this.redraw();
    });
    this.bg.on("pointerdown", () => {
      tapStart();
      this.pressed = true;
      this.redraw();
    });
    this.bg.on("pointerup", (pointer: Phaser.Input.Pointer) => {
      const was = this.pressed;
      this.pressed = false;
      this.redraw();
      // A thumb that scrolled the page across this button did not mean to press it.
      if (was && isTap(pointer)) this.activate();
    });
    if (o.parent) o.parent.add(this);
    else scene.add.existing(this);
    registerTarget(o.id, this.bg, () => this.enabled);
    o.focus?.add({
      id: o.id,
      obj: this,
      setFocused: (on) => {
        this.focused = on;
        this.redraw();
      },
      activate: () => this.activate(),
      isEnabled: () => this.enabled,
    });
    this.redraw();
  }

  activate(): void {
    if (!this.enabled) return;
    playSfx("click");
    this.o.onClick();
  }

  setEnabled(on: boolean): this {
    this.enabled = on;
    this.redraw();
    return this;
  }

  setSelected(on: boolean): this {
    this.selected = on;
    this.redraw();
    return this;
  }

  setLabel(text: string): this {
    this.label.setText(text);
    fitText(this.label, this.o.w - 12);
    if (this.label.width > this.o.w - 12) clipText(this.label, this.o.w - 12);
    return this;
  }

  private redraw(): void {
    const look = LOOK[this.variant];
    let fill = look.fill;
    let text = look.text;
    let stroke = look.stroke;
    let strokeW = 1;
    if (this.selected) {
      fill = this.variant === "primary" ? look.fill : 0x3a2412;
      stroke = C.accent;
      strokeW = 2;
      text = this.variant === "primary" ? look.text : C.accentHi;
    }
    if (!this.enabled) {
      fill = C.bgDeep;
      text = C.faint;
      stroke = C.disabled;
    } else if (this.pressed) fill = look.down;
    else if (this.hovered) fill = this.selected ? 0x4a2c14 : look.hover;
    if (this.focused) {
      stroke = C.focus;
      strokeW = 3;
    }
    this.bg.setFillStyle(fill, 1).setStrokeStyle(strokeW, stroke, 1);
    this.label.setColor(css(text));
    // Dimmed as a whole, so "disabled" reads by contrast and not by hue alone.
    this.setAlpha(this.enabled ? 1 : 0.45);
  }
}

export function addButton(scene: Phaser.Scene, o: ButtonOpts): Button {
  const b = new Button(scene, o);
  return b;
}
