// Boot: nothing to load before the preloader can draw its bar; hand over at once.
import Phaser from "phaser";

export class Boot extends Phaser.Scene {
  constructor() {
    super("Boot");
  }

  create(): void {
    this.scene.start("Preloader");
  }
}
