// A lever row: name and a one-line lesson on the left, the control on the right, then the
// designer-hours note and any error for this control. Rows stack top to bottom.
import { C, FS } from "../theme";
import { addErrorLine } from "../widgets/error-line";
import { addText } from "../widgets/text";
import type { PanelCtx } from "./panel-context";

export const ROW_PAD = 16;

export interface Row {
  /** Where the control goes (panel-local). */
  cx: number;
  cy: number;
  cw: number;
  /** Call after placing the control, with its height; returns the y for the next row. */
  end(controlH: number, hint?: string): number;
}

/** Type sizes and gaps of a row (the kinds of row differ only in these). */
export interface RowStyle {
  nameSize: number;
  helpSize: number;
  /** Between the name and the lesson under it. */
  helpGap: number;
  helpLineSpacing: number;
  /** How far the control sits below the row's top. */
  controlDy: number;
  /** Between the control and the note under it. */
  hintGap: number;
  /** Between the taller side and the error line. */
  gap: number;
  /** Between the last line and the rule, and the rule's alpha. */
  ruleGap: number;
  ruleAlpha: number;
  /** From the last line to the next row's top. */
  next: number;
}

/** The lever panels' row: large name, small lesson, generous gaps. */
const LEVER_STYLE: RowStyle = {
  nameSize: FS.h3,
  helpSize: FS.small,
  helpGap: 4,
  helpLineSpacing: 3,
  controlDy: 2,
  hintGap: 6,
  gap: 6,
  ruleGap: 6,
  ruleAlpha: 0.6,
  next: 14,
};

export function leverRow(ctx: PanelCtx, y: number, fieldId: string, label: string, help: string, split = 0.5): Row {
  const leftW = Math.round((ctx.w - 3 * ROW_PAD) * split);
  return styledRow(ctx, y, fieldId, label, help, leftW, LEVER_STYLE);
}

/** A row with the left column `leftW` wide, spaced as `s` says. */
export function styledRow(
  ctx: PanelCtx,
  y: number,
  fieldId: string,
  label: string,
  help: string,
  leftW: number,
  s: RowStyle,
): Row {
  const { scene, root, w } = ctx;
  const name = addText(scene, ROW_PAD, y, label, { size: s.nameSize, bold: true, width: leftW });
  const helpText = addText(scene, ROW_PAD, y + name.height + s.helpGap, help, {
    size: s.helpSize,
    color: C.muted,
    width: leftW,
    lineSpacing: s.helpLineSpacing,
  });
  root.add([name, helpText]);
  const leftH = name.height + s.helpGap + helpText.height;
  const cx = ROW_PAD * 2 + leftW;
  const cw = w - cx - ROW_PAD;
  return {
    cx,
    cy: y + s.controlDy,
    cw,
    end(controlH: number, hint?: string) {
      let rightH = controlH + s.controlDy;
      if (hint) {
        const h = addText(scene, cx, y + s.controlDy + controlH + s.hintGap, hint, {
          size: FS.tiny,
          color: C.warn,
          width: cw,
        });
        root.add(h);
        rightH += s.hintGap + h.height;
      }
      let bottom = y + Math.max(leftH, rightH) + s.gap;
      const err = addErrorLine(scene, root, ROW_PAD, bottom, w - 2 * ROW_PAD, ctx.errors.get(fieldId));
      if (err) bottom += err.height + 4;
      const g = scene.add.graphics();
      g.lineStyle(1, C.line, s.ruleAlpha);
      g.lineBetween(ROW_PAD, bottom + s.ruleGap, w - ROW_PAD, bottom + s.ruleGap);
      root.add(g);
      return bottom + s.next;
    },
  };
}
