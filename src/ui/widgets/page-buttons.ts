// The buttons that leave a full-screen page, in the same size on every page: a ghost one at the
// bottom right (to the menu, or back to the previous page) and a primary "‹ Back" at the bottom left
// of the side pages (dashboard, settings) that Enter presses too.
import type Phaser from "phaser";
import { t } from "../../i18n";
import { DESIGN_H, DESIGN_W, FS } from "../theme";
import { Button } from "./button";
import type { FocusManager } from "./focus";

export function exitButton(
  scene: Phaser.Scene,
  o: { id: string; y: number; label: string; focus?: FocusManager; onClick: () => void },
): Button {
  return new Button(scene, {
    id: o.id,
    x: DESIGN_W - 24 - 220,
    y: o.y,
    w: 220,
    h: 56,
    label: o.label,
    variant: "ghost",
    size: FS.h3,
    focus: o.focus,
    onClick: o.onClick,
  });
}

export function backButton(
  scene: Phaser.Scene,
  o: { id: string; x: number; y: number; focus: FocusManager; onBack: () => void },
): Button {
  const b = new Button(scene, {
    id: o.id,
    x: o.x,
    y: o.y,
    w: 200,
    h: 56,
    label: `‹ ${t("common.back")}`,
    variant: "primary",
    size: FS.h3,
    focus: o.focus,
    onClick: o.onBack,
  });
  o.focus.onDefaultEnter = o.onBack;
  return b;
}

/** "← 返回" at the bottom left of the challenge and instructor pages. */
export function pageBackButton(
  scene: Phaser.Scene,
  o: { id: string; focus: FocusManager; onClick: () => void; w?: number },
): Button {
  return new Button(scene, {
    id: o.id,
    x: 24,
    y: DESIGN_H - 84,
    w: o.w ?? 220,
    h: 56,
    label: `← ${t("ch.back")}`,
    variant: "ghost",
    size: FS.h3,
    focus: o.focus,
    onClick: o.onClick,
  });
}
