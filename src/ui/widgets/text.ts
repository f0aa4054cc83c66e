// Text factory: every Text in the game goes through here so it gets the CJK font stack, HiDPI
// resolution and (when a width is given) a wrap that breaks Chinese per character and Latin per
// word. Phaser's own wrap splits on spaces only, so Chinese would never wrap.
import type Phaser from "phaser";
import { breakLines } from "../../i18n/line-break";
import { C, css, FONT_STACK, FS, textResolution } from "../theme";

export interface TextOpts {
  size?: number;
  color?: number;
  bold?: boolean;
  /** Wrap width in design pixels. */
  width?: number;
  align?: "left" | "center" | "right";
  lineSpacing?: number;
  maxLines?: number;
  originX?: number;
  originY?: number;
}

export function addText(
  scene: Phaser.Scene,
  x: number,
  y: number,
  text: string,
  o: TextOpts = {},
): Phaser.GameObjects.Text {
  const style: Phaser.Types.GameObjects.Text.TextStyle = {
    fontFamily: FONT_STACK,
    fontSize: `${o.size ?? FS.body}px`,
    fontStyle: o.bold ? "bold" : "normal",
    color: css(o.color ?? C.text),
    align: o.align ?? "left",
    resolution: textResolution(),
    lineSpacing: o.lineSpacing ?? Math.round((o.size ?? FS.body) * 0.35),
    // Room for CJK ascenders/descenders so glyphs are not clipped at the texture edge.
    padding: { top: 2, bottom: 2 },
  };
  if (o.maxLines) style.maxLines = o.maxLines;
  if (o.width) {
    const width = o.width;
    style.wordWrap = {
      callback: (s: string, obj: Phaser.GameObjects.Text) =>
        breakLines(s, width, (line) => obj.context.measureText(line).width),
    };
  }
  const t = scene.add.text(x, y, text, style);
  t.setOrigin(o.originX ?? 0, o.originY ?? 0);
  return t;
}

/** Shrinks a single-line text's font until it fits `maxWidth` (labels in fixed-size buttons). */
export function fitText(t: Phaser.GameObjects.Text, maxWidth: number, minSize = 11): void {
  let size = Number.parseInt(String(t.style.fontSize), 10) || FS.body;
  while (t.width > maxWidth && size > minSize) {
    size -= 1;
    t.setFontSize(size);
  }
}

let measureCtx: CanvasRenderingContext2D | null = null;

/** Width of a single line in design pixels, for sizing chips before creating them. */
export function measureWidth(text: string, size: number, bold = false): number {
  if (!measureCtx) measureCtx = document.createElement("canvas").getContext("2d");
  if (!measureCtx) return text.length * size;
  measureCtx.font = `${bold ? "bold " : ""}${size}px ${FONT_STACK}`;
  return Math.ceil(measureCtx.measureText(text).width);
}

/** Shortens a single-line text with an ellipsis until it fits `maxWidth` (after fitText gave up). */
export function clipText(t: Phaser.GameObjects.Text, maxWidth: number): void {
  const full = t.text;
  for (let n = full.length - 1; t.width > maxWidth && n > 1; n--) t.setText(`${full.slice(0, n).trimEnd()}…`);
}

/** Shrinks a single-line text down to `minSize`, then shortens it with an ellipsis, to fit `maxWidth`. */
export function fitOrClip(t: Phaser.GameObjects.Text, maxWidth: number, minSize: number): void {
  fitText(t, maxWidth, minSize);
  clipText(t, maxWidth);
}
