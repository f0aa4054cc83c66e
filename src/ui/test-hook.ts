// Every interactive widget registers here under a stable id, so browser tests (and anyone
// debugging) can find and click it by name: window.__shopsim.targets() returns the centres of
// the current screen's widgets in page pixels, accounting for Scale.FIT's scale and offset.

import type Phaser from "phaser";
import { LEVER_OF, LEVERS, scoreRun } from "../engine";
import type { GameStoreApi } from "../store/game-store";
import { chartBoxes } from "./charts/chart-host";
import { shoppersWalking } from "./panels/storefront";
import { sfxCount } from "./sfx";
import { DESIGN_H, DESIGN_W } from "./theme";
import { currentWhatIf } from "./whatif-job";
import { currentFocus } from "./widgets/focus";

export interface TargetBox {
  x: number;
  y: number;
  w: number;
  h: number;
  enabled: boolean;
}

interface Entry {
  obj: Phaser.GameObjects.GameObject & { getBounds(): Phaser.Geom.Rectangle };
  isEnabled: () => boolean;
}

const registry = new Map<string, Entry>();

export function registerTarget(id: string, obj: Entry["obj"], isEnabled: () => boolean = () => true): void {
  registry.set(id, { obj, isEnabled });
  obj.once("destroy", () => {
    if (registry.get(id)?.obj === obj) registry.delete(id);
  });
}

/** Visible only if the object and all its parent containers are visible and its scene is running. */
function isShown(obj: Phaser.GameObjects.GameObject): boolean {
  if (!obj.active || !obj.scene?.sys.isActive()) return false;
  let o: Phaser.GameObjects.GameObject | null = obj;
  while (o) {
    if ((o as unknown as { visible?: boolean }).visible === false) return false;
    o = (o as unknown as { parentContainer: Phaser.GameObjects.GameObject | null }).parentContainer;
  }
  return true;
}

export function targets(canvas: HTMLCanvasElement): Record<string, TargetBox> {
  const rect = canvas.getBoundingClientRect();
  const sx = rect.width / DESIGN_W;
  const sy = rect.height / DESIGN_H;
  const out: Record<string, TargetBox> = {};
  const ids = [...registry.keys()].sort();
  for (const id of ids) {
    const e = registry.get(id);
    if (!e || !isShown(e.obj)) continue;
    const b = e.obj.getBounds();
    out[id] = {
      x: Math.round(rect.left + (b.x + b.width / 2) * sx),
      y: Math.round(rect.top + (b.y + b.height / 2) * sy),
      w: Math.round(b.width * sx),
      h: Math.round(b.height * sy),
      enabled: e.isEnabled(),
    };
  }
  return out;
}

declare global {
  interface Window {
    __shopsim?: {
      store: GameStoreApi;
      getState: () => ReturnType<GameStoreApi["getState"]>;
      targets: () => Record<string, TargetBox>;
      /** Key of the scene currently shown. */
      scene: () => string | null;
      /** Frames rendered since boot: tests wait for it to advance after a change. */
      frames: () => number;
      /** Every visible text on the current screen, top to bottom (what a reader would see). */
      texts: () => string[];
      /** Id of the widget with keyboard focus, if any. */
      focused: () => string | null;
      /** The engine's score of the current game, as the debrief shows it. */
      score: () => { score: number; stars: number } | null;
      /** echarts charts on screen: id, drawn yet, box in page pixels. */
      charts: () => { id: string; ready: boolean; x: number; y: number; w: number; h: number }[];
      /** Shoppers walking in the shop world right now. */
      shoppers: () => number;
      /** Sound effects played so far. */
      sfx: () => number;
      /** Texts that spill out of the screen or out of the card (panel) they sit in. */
      overflows: () => string[];
      /** Texts drawn over another text or over a widget they do not belong to (more than 4×4 px). */
      overlaps: () => string[];
      /** The lever group of a decision type (the engine's LEVER_OF), for tests that check each group. */
      leverOf: (type: string) => string | undefined;
      /** The nine lever groups in the design's order (the engine's LEVERS): one shop tab each. */
      levers: () => readonly string[];
      /** The canvas' box in page pixels. */
      canvasBox: () => { x: number; y: number; w: number; h: number };
      /** Visible texts drawn smaller than `minPx` CSS pixels (font size × scales × canvas scale). */
      smallTexts: (minPx: number) => string[];
      /** The debrief's what-if replays: progress, and each decision's value once done (1-based week and place). */
      whatIf: () => {
        decisions: number;
        /** Decisions checked on other markets so far. */
        checks: number;
        done: boolean;
        error: string | null;
        values: { turn: number; decision: number; scoreDelta: number; netProfitDeltaFen: number }[];
      } | null;
    };
  }
}

export function installTestHook(game: Phaser.Game, store: GameStoreApi): void {
  let frames = 0;
  game.events.on("postrender", () => {
    frames++;
  });
  window.__shopsim = {
    store,
    getState: () => store.getState(),
    targets: () => targets(game.canvas),
    scene: () => {
      const active = game.scene.getScenes(true).filter((s) => s.sys.settings.key !== "Boot");
      return active.length > 0 ? (active[active.length - 1]?.sys.settings.key ?? null) : null;
    },
    frames: () => frames,
    texts: () => {
      const out: { y: number; x: number; text: string }[] = [];
      const visit = (list: Phaser.GameObjects.GameObject[]) => {
        for (const o of list) {
          if (!isShown(o)) continue;
          if (o.type === "Text") {
            const t = o as Phaser.GameObjects.Text;
            const b = t.getBounds();
            out.push({ x: b.x, y: b.y, text: t.text });
          }
          const children = (o as unknown as { list?: Phaser.GameObjects.GameObject[] }).list;
          if (o.type === "Container" && children) visit(children);
        }
      };
      for (const sc of game.scene.getScenes(true)) visit(sc.children.list);
      return out.sort((a, b) => a.y - b.y || a.x - b.x).map((e) => e.text);
    },
    focused: () => currentFocus(),
    charts: () => chartBoxes(),
    overflows: () => {
      const out: string[] = [];
      const visit = (list: Phaser.GameObjects.GameObject[], card: Phaser.Geom.Rectangle | null) => {
        for (const o of list) {
          if (!isShown(o)) continue;
          if (o.type === "Text") {
            const txt = o as Phaser.GameObjects.Text;
            if (txt.text.trim() === "" || txt.alpha === 0) continue;
            const b = txt.getBounds();
            // 2 px of slack for glyph padding.
            const outside = (r: { x: number; y: number; width: number; height: number }) =>
              b.x < r.x - 2 || b.y < r.y - 2 || b.right > r.x + r.width + 2 || b.bottom > r.y + r.height + 2;
            if (outside({ x: 0, y: 0, width: DESIGN_W, height: DESIGN_H })) out.push(`screen: ${txt.text}`);
            else if (card && outside(card)) out.push(`card: ${txt.text}`);
          }
          const children = (o as unknown as { list?: Phaser.GameObjects.GameObject[] }).list;
          if (o.type === "Container" && children) {
            // A Card's background rectangle bounds what is inside it.
            const bg = (o as unknown as { bg?: Phaser.GameObjects.Rectangle; contentY?: number }).bg;
            const isCard = bg !== undefined && (o as unknown as { contentY?: number }).contentY !== undefined;
            visit(children, isCard && bg ? bg.getBounds() : card);
          }
        }
      };
      for (const sc of game.scene.getScenes(true)) visit(sc.children.list, null);
      return out;
    },
    overlaps: () => {
      const texts: { t: Phaser.GameObjects.Text; b: Phaser.Geom.Rectangle }[] = [];
      const visit = (list: Phaser.GameObjects.GameObject[]) => {
        for (const o of list) {
          if (!isShown(o)) continue;
          if (o.type === "Text") {
            const t = o as Phaser.GameObjects.Text;
            if (t.text.trim() !== "" && t.alpha > 0.05) texts.push({ t, b: t.getBounds() });
          }
          const children = (o as unknown as { list?: Phaser.GameObjects.GameObject[] }).list;
          if (o.type === "Container" && children) visit(children);
        }
      };
      for (const sc of game.scene.getScenes(true)) visit(sc.children.list);
      // Two texts collide when they share more than a third of the shorter one's height (stacked lines
      // with tight spacing only touch); a text collides with a widget it only partly covers (a label
      // inside its own button is whole within it).
      const overlapW = (a: Phaser.Geom.Rectangle, b: Phaser.Geom.Rectangle) =>
        Math.min(a.right, b.right) - Math.max(a.x, b.x);
      const overlapH = (a: Phaser.Geom.Rectangle, b: Phaser.Geom.Rectangle) =>
        Math.min(a.bottom, b.bottom) - Math.max(a.y, b.y);
      const within = (a: Phaser.Geom.Rectangle, b: Phaser.Geom.Rectangle) =>
        a.x >= b.x - 2 && a.y >= b.y - 2 && a.right <= b.right + 2 && a.bottom <= b.bottom + 2;
      const out: string[] = [];
      for (let i = 0; i < texts.length; i++)
        for (let j = i + 1; j < texts.length; j++) {
          const a = texts[i]!;
          const b = texts[j]!;
          if (overlapW(a.b, b.b) > 4 && overlapH(a.b, b.b) > Math.min(a.b.height, b.b.height) / 3)
            out.push(`${a.t.text} ⟷ ${b.t.text}`);
        }
      for (const [id, e] of registry) {
        if (!isShown(e.obj)) continue;
        const box = e.obj.getBounds();
        for (const x of texts)
          if (overlapW(box, x.b) > 4 && overlapH(box, x.b) > 4 && !within(x.b, box)) out.push(`${x.t.text} ⟷ [${id}]`);
      }
      return out;
    },
    leverOf: (type) => (LEVER_OF as Record<string, string>)[type],
    levers: () => LEVERS,
    shoppers: () => shoppersWalking(),
    sfx: () => sfxCount(),
    smallTexts: (minPx) => {
      const canvasScale = game.canvas.getBoundingClientRect().height / DESIGN_H;
      const out: string[] = [];
      const visit = (list: Phaser.GameObjects.GameObject[], parentScale: number) => {
        for (const o of list) {
          if (!isShown(o)) continue;
          const own = (o as unknown as { scaleY?: number }).scaleY ?? 1;
          if (o.type === "Text") {
            const t = o as Phaser.GameObjects.Text;
            if (t.text.trim() === "" || t.alpha < 0.05) continue;
            const px = (Number.parseFloat(String(t.style.fontSize)) || 0) * own * parentScale * canvasScale;
            if (px < minPx) out.push(`${t.text} (${px.toFixed(1)}px)`);
          }
          const children = (o as unknown as { list?: Phaser.GameObjects.GameObject[] }).list;
          if (o.type === "Container" && children) visit(children, parentScale * own);
        }
      };
      for (const sc of game.scene.getScenes(true)) visit(sc.children.list, sc.cameras.main.zoom);
      return out;
    },
    canvasBox: () => {
      const r = game.canvas.getBoundingClientRect();
      return { x: Math.round(r.left), y: Math.round(r.top), w: Math.round(r.width), h: Math.round(r.height) };
    },
    whatIf: () => {
      const j = currentWhatIf();
      if (!j) return null;
      const values = j.values.map((v) => ({
        turn: v.turn + 1,
        decision: v.index + 1,
        scoreDelta: v.scoreDelta,
        netProfitDeltaFen: v.netProfitDeltaFen,
      }));
      return { decisions: j.decisions, checks: j.checks.length, done: j.done, error: j.error, values };
    },
    score: () => {
      const { scenario, game: g } = store.getState();
      if (!scenario || !g) return null;
      const r = scoreRun(scenario, g);
      return { score: r.score, stars: r.stars };
    },
  };
}
