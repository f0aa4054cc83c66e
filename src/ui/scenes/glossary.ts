// Glossary: every metric the reports use, with its formula and unit, six to a page in a large type
// so it stays readable on a phone in landscape. Reached from the menu, the week report and the shop.
import { t } from "../../i18n";
import { GLOSSARY_IDS } from "../glossary-data";
import { C, DESIGN_H, DESIGN_W, FS } from "../theme";
import { Button } from "../widgets/button";
import { Card } from "../widgets/card";
import { addText, fitText } from "../widgets/text";
import { BaseScene } from "./base-scene";

const PER_PAGE = 6;
let page = 0;

export class Glossary extends BaseScene {
  constructor() {
    super("Glossary");
  }

  protected build(): void {
    this.drawBackdrop();
    const pages = Math.ceil(GLOSSARY_IDS.length / PER_PAGE);
    page = Math.min(page, pages - 1);
    addText(this, 32, 20, `✎ ${t("glossary.title")}`, { size: FS.h1, bold: true });
    addText(this, 34, 66, t("glossary.sub"), { size: FS.body, color: C.muted, width: 820 });
    this.addLangSwitch(DESIGN_W - 196, 24);
    const cw = (DESIGN_W - 64 - 16) / 2;
    const ch = 160;
    GLOSSARY_IDS.slice(page * PER_PAGE, page * PER_PAGE + PER_PAGE).forEach((id, i) => {
      const x = 32 + (i % 2) * (cw + 16);
      const y = 104 + Math.floor(i / 2) * (ch + 14);
      const card = new Card(this, { x, y, w: cw, h: ch });
      const name = addText(this, 20, 14, t(`gl.${id}.name`), { size: FS.h2, bold: true, color: C.accentHi });
      fitText(name, cw - 40, 16);
      const unit = addText(this, cw - 20, 18, t(`gl.${id}.unit`), { size: FS.body, color: C.muted, originX: 1 });
      const formula = addText(this, 20, 56, `= ${t(`gl.${id}.formula`)}`, {
        size: FS.h3,
        width: cw - 40,
        lineSpacing: 6,
        maxLines: 3,
      });
      card.add([name, unit, formula]);
    });
    const by = DESIGN_H - 84;
    new Button(this, {
      id: "glossary.back",
      x: 32,
      y: by,
      w: 200,
      h: 56,
      label: `‹ ${t("common.back")}`,
      variant: "secondary",
      size: FS.h3,
      focus: this.focus,
      onClick: () => this.s.back(),
    });
    new Button(this, {
      id: "glossary.prev",
      x: DESIGN_W / 2 - 250,
      y: by,
      w: 180,
      h: 56,
      label: t("glossary.prev"),
      enabled: page > 0,
      size: FS.h3,
      focus: this.focus,
      onClick: () => {
        page--;
        this.scene.restart();
      },
    });
    addText(this, DESIGN_W / 2, by + 28, t("glossary.page", { page: page + 1, pages }), {
      size: FS.h3,
      originX: 0.5,
      originY: 0.5,
    });
    new Button(this, {
      id: "glossary.next",
      x: DESIGN_W / 2 + 70,
      y: by,
      w: 180,
      h: 56,
      label: t("glossary.next"),
      enabled: page < pages - 1,
      size: FS.h3,
      focus: this.focus,
      onClick: () => {
        page++;
        this.scene.restart();
      },
    });
    this.focus.onDefaultEnter = () => this.s.back();
  }
}
