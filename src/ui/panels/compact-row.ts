// A denser lever row than row.ts for panels with many controls (促销, 客服, 团队): the name in body
// size and a one- or two-line lesson in small print on the left, the control on the right, an
// optional note under the control, then any error for this control and a thin rule.
import { C, FS } from "../theme";
import { addErrorLine } from "../widgets/error-line";
import { addText } from "../widgets/text";
import type { PanelCtx } from "./panel-context";
import type { Row } from "./row";

const PAD = 16;

export function compactRow(ctx: PanelCtx, y: number, fieldId: string, label: string, help: string, split = 0.45): Row {
  const { scene, root, w } = ctx;
  const leftW = Math.round((w - 3 * PAD) * split);
  const name = addText(scene, PAD, y, label, { size: FS.body, bold: true, width: leftW });
  root.add(name);
  let leftH = name.height;
  if (help) {
    const helpText = addText(scene, PAD, y + name.height + 1, help, {
      size: FS.tiny,
      color: C.muted,
      width: leftW,
      lineSpacing: 2,
    });
    root.add(helpText);
    leftH += 1 + helpText.height;
  }
  const cx = PAD * 2 + leftW;
  const cw = w - cx - PAD;
  return {
    cx,
    cy: y,
    cw,
    end(controlH: number, hint?: string) {
      let rightH = controlH;
      if (hint) {
        const h = addText(scene, cx, y + controlH + 3, hint, { size: FS.tiny, color: C.warn, width: cw });
        root.add(h);
        rightH += 3 + h.height;
      }
      let bottom = y + Math.max(leftH, rightH) + 4;
      const err = addErrorLine(scene, root, PAD, bottom, w - 2 * PAD, ctx.errors.get(fieldId));
      if (err) bottom += err.height + 4;
      const g = scene.add.graphics();
      g.lineStyle(1, C.line, 0.5);
      g.lineBetween(PAD, bottom + 4, w - PAD, bottom + 4);
      root.add(g);
      return bottom + 10;
    },
  };
}
