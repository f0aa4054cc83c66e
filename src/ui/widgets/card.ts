// Card: the rounded panel everything sits on, with an optional title line.
import Phaser from "phaser";
import { C, FS, RADIUS } from "../theme";
import { addText } from "./text";

export interface CardOpts {
  x: number;
  y: number;
  w: number;
  h: number;
  title?: string;
  fill?: number;
  stroke?: number;
  parent?: Phaser.GameObjects.Container;
}

export class Card extends Phaser.GameObjects.Container {
  readonly bg: Phaser.GameObjects.Rectangle;
  readonly title?: Phaser.GameObjects.Text;
  /** y where content below the title starts (card-local). */
  readonly contentY: number;

  constructor(scene: Phaser.Scene, o: CardOpts) {
    super(scene, o.x, o.y);
    if (o.parent) o.parent.add(this);
    else scene.add.existing(this);
    this.bg = scene.add
      .rectangle(0, 0, o.w, o.h, o.fill ?? C.panel)
      .setOrigin(0, 0)
      .setRounded(RADIUS);
    this.bg.setStrokeStyle(1, o.stroke ?? C.line);
    this.add(this.bg);
    if (o.title) {
      this.title = addText(scene, 16, 12, o.title, { size: FS.h3, bold: true, width: o.w - 32 });
      this.add(this.title);
      this.contentY = 12 + this.title.height + 8;
    } else {
      this.contentY = 12;
    }
  }
}
