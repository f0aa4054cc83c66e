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

export function leverRow(ctx: PanelCtx, y: number, fieldId: string, label: string, help: string, split = 0.5): Row {
  const { scene, root, w } = ctx;
  const leftW = Math.round((w - 3 * ROW_PAD) * split);
  const name = addText(scene, ROW_PAD, y, label, { size: FS.h3, bold: true, width: leftW });
  const helpText = addText(scene, ROW_PAD, y + name.height + 4, help, {
    size: FS.small,
    color: C.muted,
    width: leftW,
    lineSpacing: 3,
  });
  root.add([name, helpText]);
  const leftH = name.height + 4 + helpText.height;
  const cx = ROW_PAD * 2 + leftW;
  const cw = w - cx - ROW_PAD;
  return {
    cx,
    cy: y + 2,
    cw,
    end(controlH: number, hint?: string) {
      let rightH = controlH + 2;
      if (hint) {
        const h = addText(scene, cx, y + controlH + 8, hint, { size: FS.tiny, color: C.warn, width: cw });
        root.add(h);
        rightH += 6 + h.height;
      }
      let bottom = y + Math.max(leftH, rightH) + 6;
      const err = addErrorLine(scene, root, ROW_PAD, bottom, w - 2 * ROW_PAD, ctx.errors.get(fieldId));
      if (err) bottom += err.height + 4;
      const g = scene.add.graphics();
      g.lineStyle(1, C.line, 0.6);
      g.lineBetween(ROW_PAD, bottom + 6, w - ROW_PAD, bottom + 6);
      root.add(g);
      return bottom + 14;
    },
  };
}
