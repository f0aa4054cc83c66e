// Small screens (a phone in landscape): the 1280×720 design is never shrunk below a readable
// scale. Scale.FIT alone would draw a phone's 844×390 at 54%, so FS.tiny captions came out at
// 6 CSS px; instead the canvas keeps at least READABLE_MIN_SCALE and its parent box (#game, see
// index.html) scrolls: a thumb drag on the canvas scrolls, a tap clicks. The box scrolls, not the
// document, because mobile browsers zoom a document that overflows out to fit its width — which
// would shrink the text again. Large screens are untouched: Scale.FIT as before.
import type Phaser from "phaser";
import { DESIGN_H, DESIGN_W, FS } from "./theme";

/** FS.tiny (12 design px) × 0.84 ≈ 10 CSS px: the smallest caption a phone still shows legibly. */
export const READABLE_MIN_SCALE = 0.84;

/** Below this short side (CSS px) a screen counts as small: phones, and tiny desktop windows. */
const SMALL_SCREEN_SIDE = 600;

/** The smallest scale the canvas may take in a viewport of this size (0 = no floor). */
export function scaleFloor(viewportW: number, viewportH: number): number {
  return Math.min(viewportW, viewportH) < SMALL_SCREEN_SIDE ? READABLE_MIN_SCALE : 0;
}

/** CSS pixels a design font size comes out at under the given canvas scale. */
export function cssPx(designPx: number, scale: number): number {
  return designPx * scale;
}

// The floor must keep the type scale's smallest step readable; a change to FS.tiny shows here.
if (cssPx(FS.tiny, READABLE_MIN_SCALE) < 10) throw new Error("READABLE_MIN_SCALE leaves FS.tiny below 10 CSS px");

/**
 * Applies the floor now and after every resize or rotation. Phaser's FIT mode honours a minimum
 * display size; its auto-centring then goes negative (the canvas would hang off the top-left,
 * out of scroll reach), so negative margins are clamped to 0 and the page scrolls instead.
 */
export function installReadableScale(game: Phaser.Game): void {
  const scale = game.scale;
  let applied = -1;
  const apply = () => {
    const floor = scaleFloor(window.innerWidth, window.innerHeight);
    if (floor !== applied) {
      applied = floor;
      scale.displaySize.setMin(DESIGN_W * floor, DESIGN_H * floor);
      scale.refresh(); // emits RESIZE, which clamps the margins below
    }
  };
  scale.on("resize", () => {
    const style = [game.canvas.style, game.domContainer?.style];
    let moved = false;
    for (const s of style) {
      if (!s) continue;
      if (Number.parseFloat(s.marginLeft) < 0) {
        s.marginLeft = "0px";
        moved = true;
      }
      if (Number.parseFloat(s.marginTop) < 0) {
        s.marginTop = "0px";
        moved = true;
      }
    }
    // Input maps page coordinates through the canvas bounds: re-read them after moving it.
    if (moved) scale.updateBounds();
  });
  window.addEventListener("resize", apply);
  apply();
  // Input maps page coordinates through the canvas bounds, which move when the box scrolls.
  scroller = game.canvas.parentElement ?? document.documentElement;
  scroller.addEventListener("scroll", () => scale.updateBounds(), { passive: true });
  // A tap must not also arrive as the mouse events the browser emulates after it (a double
  // click on every button); a drag that scrolled the page is not cancelable and passes.
  game.canvas.addEventListener(
    "touchend",
    (e) => {
      if (e.cancelable) e.preventDefault();
    },
    { passive: false },
  );
}

// ---- taps vs scroll drags ---------------------------------------------------------------------

/** The box that scrolls on small screens (the canvas' parent). */
let scroller: HTMLElement | null = null;
let downScroll = { x: 0, y: 0 };

function scrollPos(): { x: number; y: number } {
  return scroller ? { x: scroller.scrollLeft, y: scroller.scrollTop } : { x: 0, y: 0 };
}

/** Call on pointerdown: remembers where the box was scrolled to. */
export function tapStart(): void {
  downScroll = scrollPos();
}

/**
 * True when a pointerup ends a tap or click, false when the finger dragged: either the page
 * scrolled under it (the finger then stays put in page coordinates) or it moved across the canvas.
 */
export function isTap(pointer: Phaser.Input.Pointer): boolean {
  const now = scrollPos();
  const scrolled = Math.abs(now.x - downScroll.x) + Math.abs(now.y - downScroll.y);
  return scrolled <= 6 && pointer.getDistance() <= 16;
}

/** Scrolls the box so a widget is in view (keyboard focus on a small screen may land off it). */
export function revealInPage(game: Phaser.Game, obj: Phaser.GameObjects.GameObject): void {
  const getBounds = (obj as unknown as { getBounds?: () => Phaser.Geom.Rectangle }).getBounds;
  if (!getBounds) return;
  const b = getBounds.call(obj);
  const r = game.canvas.getBoundingClientRect();
  const s = r.width / DESIGN_W;
  const left = r.left + b.x * s;
  const top = r.top + b.y * s;
  const right = left + b.width * s;
  const bottom = top + b.height * s;
  const margin = 12;
  const box = scroller?.getBoundingClientRect();
  if (!scroller || !box) return;
  const dx = left < box.left ? left - box.left - margin : right > box.right ? right - box.right + margin : 0;
  const dy = top < box.top ? top - box.top - margin : bottom > box.bottom ? bottom - box.bottom + margin : 0;
  if (dx !== 0 || dy !== 0) scroller.scrollBy(dx, dy);
}

let lastScreen = "";

/** A new screen opens at its top-left corner; a rebuild of the same one (a language switch) keeps the view. */
export function screenShown(key: string): void {
  if (key !== lastScreen) scroller?.scrollTo(0, 0);
  lastScreen = key;
}
