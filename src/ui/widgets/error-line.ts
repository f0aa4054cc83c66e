// Inline error next to a control: red, with a ⚠ icon and words (never colour alone).
import type Phaser from "phaser";
import { t } from "../../i18n";
import { C, FS } from "../theme";
import { addText } from "./text";

export function addErrorLine(
  scene: Phaser.Scene,
  parent: Phaser.GameObjects.Container,
  x: number,
  y: number,
  width: number,
  message: string | undefined,
): Phaser.GameObjects.Text | null {
  if (!message) return null;
  const txt = addText(scene, x, y, t("shop.error", { message }), { size: FS.small, color: C.bad, width, bold: true });
  parent.add(txt);
  return txt;
}
