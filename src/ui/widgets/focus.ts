// Keyboard access for canvas widgets: Tab / Shift+Tab move a visible focus ring between the
// scene's focusable widgets in creation order, Enter or Space presses the focused one.
import Phaser from "phaser";
import { revealInPage } from "../viewport";

export interface Focusable {
  /** Stable widget id, so focus can be restored after a panel is rebuilt. */
  id?: string;
  obj: Phaser.GameObjects.GameObject;
  setFocused(on: boolean): void;
  activate(): void;
  isEnabled(): boolean;
}

/** Id of the widget with keyboard focus on the current screen (for the test hook). */
let focusedNow: string | null = null;
export function currentFocus(): string | null {
  return focusedNow;
}

export class FocusManager {
  private items: Focusable[] = [];
  private index = -1;
  /** Called for Enter when nothing is focused (e.g. "end week" on the shop screen). */
  onDefaultEnter: (() => void) | null = null;

  /** Key events older than the scene are ignored: the press that opened this screen must not
   * also act on it (Phaser hands one frame's key queue to every scene that runs in that frame). */
  private readonly bornAt = performance.now();

  constructor(private scene: Phaser.Scene) {
    const kb = scene.input.keyboard;
    if (!kb) return;
    kb.addCapture("TAB");
    const onKey = (ev: KeyboardEvent) => this.onKey(ev);
    kb.on("keydown", onKey);
    focusedNow = null;
    scene.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      kb.off("keydown", onKey);
      this.items = [];
    });
  }

  /** While a dialog is open, only the widgets added since it opened take focus (see `trap`). */
  private trapFrom: number | null = null;
  private onEscape: (() => void) | null = null;

  /**
   * Keeps Tab and Enter inside the widgets added from now on (a dialog), Escape calls `onEscape`;
   * the returned function lets go (the focus before the dialog is not restored: nothing is focused).
   */
  trap(onEscape: () => void): () => void {
    this.current()?.setFocused(false);
    this.index = -1;
    focusedNow = null;
    this.trapFrom = this.items.length;
    this.onEscape = onEscape;
    return () => {
      this.current()?.setFocused(false);
      this.index = -1;
      focusedNow = null;
      this.trapFrom = null;
      this.onEscape = null;
    };
  }

  add(f: Focusable): void {
    this.items.push(f);
    f.obj.once("destroy", () => {
      const i = this.items.indexOf(f);
      if (i >= 0) {
        this.items.splice(i, 1);
        if (this.index >= i) this.index--;
        if (this.trapFrom !== null && this.trapFrom > i) this.trapFrom--;
      }
    });
  }

  /** Focused widget (by identity) survives panel rebuilds only if re-added; reset otherwise. */
  clear(): void {
    this.current()?.setFocused(false);
    this.index = -1;
    focusedNow = null;
  }

  /** Id of the focused widget, to restore after a rebuild. */
  focusedId(): string | undefined {
    return this.current()?.id;
  }

  focusById(id: string | undefined): void {
    if (!id) return;
    const i = this.items.findIndex((f) => f.id === id && this.usable(f));
    if (i < 0) return;
    this.current()?.setFocused(false);
    this.index = i;
    this.items[i]?.setFocused(true);
    focusedNow = id;
  }

  private current(): Focusable | undefined {
    return this.index >= 0 ? this.items[this.index] : undefined;
  }

  private usable(f: Focusable): boolean {
    if (!f.obj.active || !f.isEnabled()) return false;
    if (this.trapFrom !== null && this.items.indexOf(f) < this.trapFrom) return false;
    let o: Phaser.GameObjects.GameObject | null = f.obj;
    while (o) {
      if ((o as unknown as { visible?: boolean }).visible === false) return false;
      o = (o as unknown as { parentContainer: Phaser.GameObjects.GameObject | null }).parentContainer;
    }
    return true;
  }

  private move(dir: 1 | -1): void {
    const n = this.items.length;
    if (n === 0) return;
    this.current()?.setFocused(false);
    for (let k = 1; k <= n; k++) {
      const i = (((this.index + dir * k) % n) + n) % n;
      const f = this.items[i];
      if (f && this.usable(f)) {
        this.index = i;
        f.setFocused(true);
        focusedNow = f.id ?? null;
        revealInPage(this.scene.game, f.obj);
        return;
      }
    }
    this.index = -1;
    focusedNow = null;
  }

  private onKey(ev: KeyboardEvent): void {
    if (!this.scene.sys.isActive() || ev.timeStamp < this.bornAt) return;
    // A held key repeats: only the first press acts (a held Enter must not end week after week).
    if (ev.repeat && ev.key !== "Tab") return;
    if (ev.key === "Tab") {
      ev.preventDefault();
      this.move(ev.shiftKey ? -1 : 1);
    } else if (ev.key === "Enter" || ev.key === " ") {
      const f = this.current();
      if (f && this.usable(f)) {
        ev.preventDefault();
        f.activate();
      } else if (ev.key === "Enter" && this.onDefaultEnter && this.trapFrom === null) {
        this.onDefaultEnter();
      }
    } else if (ev.key === "Escape") {
      if (this.onEscape) this.onEscape();
      else this.clear();
    }
  }
}
