// Toggle: a switch with its state written out ("开启"/"关闭"), so it never relies on colour alone.
import Phaser from "phaser";
import { t } from "../../i18n";
import { registerTarget } from "../test-hook";
import { C, css, FS } from "../theme";
import { isTap, tapStart } from "../viewport";
import type { FocusManager } from "./focus";
import { addText } from "./text";

export interface ToggleOpts {
  id: string;
  x: number;
  y: number;
  value: boolean;
  enabled?: boolean;
  focus?: FocusManager;
  parent?: Phaser.GameObjects.Container;
  onChange: (v: boolean) => void;
}

export class Toggle extends Phaser.GameObjects.Container {
  private readonly track: Phaser.GameObjects.Rectangle;
  private readonly knob: Phaser.GameObjects.Arc;
  private readonly stateText: Phaser.GameObjects.Text;
  private value: boolean;
  private focused = false;

  constructor(
    scene: Phaser.Scene,
    private o: ToggleOpts,
  ) {
    super(scene, o.x, o.y);
    if (o.parent) o.parent.add(this);
    else scene.add.existing(this);
    this.value = o.value;
    this.track = scene.add.rectangle(0, 0, 64, 32, C.disabled).setOrigin(0, 0).setRounded(16);
    this.knob = scene.add.circle(16, 16, 12, C.white);
    this.stateText = addText(scene, 76, 16, "", { size: FS.body, bold: true, originY: 0.5 });
    this.add([this.track, this.knob, this.stateText]);
    const enabled = o.enabled ?? true;
    this.track.setInteractive({ useHandCursor: enabled });
    this.track.on("pointerdown", () => tapStart());
    this.track.on("pointerup", (pointer: Phaser.Input.Pointer) => {
      if (isTap(pointer)) this.flip();
    });
    registerTarget(o.id, this.track, () => enabled);
    o.focus?.add({
      id: o.id,
      obj: this,
      setFocused: (on) => {
        this.focused = on;
        this.render();
      },
      activate: () => this.flip(),
      isEnabled: () => enabled,
    });
    this.render();
  }

  private flip(): void {
    if (this.o.enabled === false) return;
    this.value = !this.value;
    this.render();
    this.o.onChange(this.value);
  }

  private render(): void {
    const on = this.value;
    const enabled = this.o.enabled ?? true;
    this.track.setFillStyle(!enabled ? C.bgDeep : on ? C.accent : C.disabled);
    this.track.setStrokeStyle(this.focused ? 3 : 1, this.focused ? C.focus : C.line);
    this.knob.setPosition(on ? 48 : 16, 16);
    this.stateText.setText(on ? t("toggle.on") : t("toggle.off"));
    this.stateText.setColor(css(on ? C.accentHi : C.muted));
  }
}
