// A confirmation dialog in the game's style: a dimmed screen that swallows clicks, a card with a
// title, what will happen, and two buttons (cancel, confirm). Keyboard focus stays inside it (Tab,
// Enter, Escape = cancel) and starts on Cancel, so a stray Enter never confirms. DOM inputs over
// the canvas are hidden while it is open. Ids: `${id}.ok`, `${id}.cancel` (and `${id}` the card).
import Phaser from "phaser";
import { t } from "../../i18n";
import { registerTarget } from "../test-hook";
import { C, DESIGN_H, DESIGN_W, FS } from "../theme";
import { revealInPage } from "../viewport";
import { Button } from "./button";
import { Card } from "./card";
import type { FocusManager } from "./focus";
import { addText } from "./text";

export interface ConfirmOpts {
  id: string;
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel?: string;
  /** Confirming throws something away (shown in the warning colour). */
  danger?: boolean;
  focus: FocusManager;
  onConfirm: () => void;
  onCancel?: () => void;
}

/** The dialog open on each scene (one at a time). */
const open = new WeakMap<Phaser.Scene, () => void>();

export function isConfirmOpen(scene: Phaser.Scene): boolean {
  return open.has(scene);
}

/** Opens the dialog; returns a function that closes it without answering. */
export function confirmDialog(scene: Phaser.Scene, o: ConfirmOpts): () => void {
  open.get(scene)?.();
  const root = scene.add.container(0, 0).setDepth(10_000);
  const shade = scene.add.rectangle(0, 0, DESIGN_W, DESIGN_H, C.bgDeep, 0.72).setOrigin(0, 0);
  // Swallows clicks and taps on everything under it.
  shade.setInteractive();
  root.add(shade);
  const w = 600;
  const body = addText(scene, 24, 0, o.body, { size: FS.body, color: C.text, width: w - 48, lineSpacing: 6 });
  const title = addText(scene, 24, 20, `${o.danger ? "⚠ " : ""}${o.title}`, {
    size: FS.h2,
    bold: true,
    color: o.danger ? C.warn : C.text,
    width: w - 48,
  });
  body.setY(20 + title.height + 14);
  const h = body.y + body.height + 24 + 52 + 24;
  const card = new Card(scene, {
    x: (DESIGN_W - w) / 2,
    y: Math.max(16, (DESIGN_H - h) / 2),
    w,
    h,
    fill: C.panelHi,
    stroke: o.danger ? C.warn : C.accent,
    parent: root,
  });
  card.bg.setInteractive();
  card.add([title, body]);
  registerTarget(o.id, card.bg);
  // DOM inputs sit above the canvas: hide them while the dialog is up.
  const hidden: Phaser.GameObjects.DOMElement[] = [];
  for (const obj of scene.children.list) {
    if (obj instanceof Phaser.GameObjects.DOMElement && obj.visible) {
      obj.setVisible(false);
      hidden.push(obj);
    }
  }
  let done = false;
  const close = () => {
    if (done) return;
    done = true;
    open.delete(scene);
    release();
    for (const d of hidden) if (d.active) d.setVisible(true);
    root.destroy();
  };
  const release = o.focus.trap(() => {
    close();
    o.onCancel?.();
  });
  const bw = (w - 48 - 16) / 2;
  const by = h - 24 - 52;
  const cancel = new Button(scene, {
    id: `${o.id}.cancel`,
    x: 24,
    y: by,
    w: bw,
    h: 52,
    label: o.cancelLabel ?? t("common.cancel"),
    variant: "secondary",
    size: FS.h3,
    focus: o.focus,
    parent: card,
    onClick: () => {
      close();
      o.onCancel?.();
    },
  });
  new Button(scene, {
    id: `${o.id}.ok`,
    x: 24 + bw + 16,
    y: by,
    w: bw,
    h: 52,
    label: o.confirmLabel,
    variant: "primary",
    size: FS.h3,
    focus: o.focus,
    parent: card,
    onClick: () => {
      close();
      o.onConfirm();
    },
  });
  o.focus.focusById(`${o.id}.cancel`);
  revealInPage(scene.game, cancel);
  open.set(scene, close);
  scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => open.delete(scene));
  return close;
}
