// The instructor's moderation view of a class (InstructorClass, "管理条目"): every verified
// submission, originals first and copies apart, each marked ("copy of Alice, 14:02", hidden), with
// buttons to hide/show it, remove it (asks first) and reset its name's claim; a page at a time.
// The roster box sits above it (built once per scene by the class screen, so typing survives the
// refreshes that redraw this list).
import type Phaser from "phaser";
import { t } from "../../i18n";
import type { SubmissionView } from "../../store/challenge-api";
import { apiErrorText, challengeStore, clock } from "../challenge-ui";
import { entryLines } from "../moderation";
import { C, FS } from "../theme";
import { Button } from "../widgets/button";
import type { Card } from "../widgets/card";
import { confirmDialog } from "../widgets/confirm";
import type { FocusManager } from "../widgets/focus";
import { addText, fitOrClip } from "../widgets/text";

/** Entries on one page, and the first one shown (kept across the refreshes that redraw the list). */
export const ENTRY_ROWS = 8;
const ROW_H = 38;
let entryTop = 0;

export interface EntriesOpts {
  /** Card-local top of the list. */
  y: number;
  w: number;
  focus: FocusManager;
  /** Says what a moderation did (or why it failed) on the screen's status line. */
  note: (text: string) => void;
}

/** Runs one moderation call and says how it went. */
async function act(run: () => Promise<boolean>, ok: string, note: (text: string) => void): Promise<void> {
  const done = await run();
  note(done ? ok : t("mod.failed", { reason: apiErrorText(challengeStore().getState().klass.error) }));
}

function confirmRemove(scene: Phaser.Scene, s: SubmissionView, o: EntriesOpts): void {
  confirmDialog(scene, {
    id: "confirm.remove",
    title: t("mod.removeTitle", { name: s.name }),
    body: t("mod.removeBody", { score: s.score ?? 0, time: clock(s.submittedAt) }),
    confirmLabel: t("mod.remove"),
    danger: true,
    focus: o.focus,
    onConfirm: () =>
      void act(() => challengeStore().getState().removeEntry(s.id), t("mod.removed", { name: s.name }), o.note),
  });
}

function confirmReset(scene: Phaser.Scene, s: SubmissionView, o: EntriesOpts): void {
  confirmDialog(scene, {
    id: "confirm.reset",
    title: t("mod.resetTitle", { name: s.name }),
    body: t("mod.resetBody"),
    confirmLabel: t("mod.resetClaim"),
    focus: o.focus,
    onConfirm: () =>
      void act(() => challengeStore().getState().resetClaim(s.name), t("mod.reset", { name: s.name }), o.note),
  });
}

/** Draws the list into the card. */
export function drawEntries(scene: Phaser.Scene, card: Card, o: EntriesOpts): void {
  const lines = entryLines(challengeStore().getState().klass.submissions);
  entryTop = Math.max(0, Math.min(entryTop, lines.length - ENTRY_ROWS));
  const layer = scene.add.container(0, 0);
  card.add(layer);
  const bw = [104, 104, 136];
  const gap = 8;
  const btnX = o.w - 16 - (bw.reduce((a, b) => a + b, 0) + 2 * gap);
  const draw = () => {
    layer.removeAll(true);
    layer.add(
      addText(scene, 16, o.y, t("mod.title", { n: lines.length }), { size: FS.small, bold: true, color: C.muted }),
    );
    if (lines.length === 0) {
      layer.add(addText(scene, 16, o.y + 34, t("mod.empty"), { size: FS.body, color: C.muted }));
      return;
    }
    const g = scene.add.graphics();
    layer.add(g);
    lines.slice(entryTop, entryTop + ENTRY_ROWS).forEach((l, i) => {
      const y = o.y + 30 + i * ROW_H;
      const s = l.s;
      // Copies on a warm band, hidden entries dimmed.
      if (l.copy || i % 2 === 0) {
        g.fillStyle(l.copy ? 0x3a2412 : C.panelHi, l.copy ? 1 : 0.5);
        g.fillRoundedRect(12, y - 3, o.w - 24, ROW_H - 4, 6);
      }
      const color = l.hidden ? C.faint : C.text;
      const name = addText(scene, 24, y + 6, s.name, { size: FS.body, bold: !l.copy, color });
      fitOrClip(name, 200, 11);
      const score = addText(scene, 300, y + 6, String(s.score ?? "—"), { size: FS.body, color, originX: 1 });
      const time = addText(scene, 316, y + 8, clock(s.submittedAt), { size: FS.small, color: C.muted });
      layer.add([name, score, time]);
      if (l.mark) {
        const mark = addText(scene, 396, y + 8, l.mark, { size: FS.small, color: l.copy ? C.warn : C.muted });
        fitOrClip(mark, btnX - 396 - 12, 10);
        layer.add(mark);
      }
      const buttons: [string, string, () => void][] = [
        [
          `mod.hide.${s.id}`,
          l.hidden ? t("mod.show") : t("mod.hide"),
          () =>
            void act(
              () => challengeStore().getState().hideEntry(s.id, !l.hidden),
              t(l.hidden ? "mod.shown" : "mod.hidden", { name: s.name }),
              o.note,
            ),
        ],
        [`mod.remove.${s.id}`, t("mod.remove"), () => confirmRemove(scene, s, o)],
        [`mod.reset.${s.id}`, t("mod.resetClaim"), () => confirmReset(scene, s, o)],
      ];
      let x = btnX;
      buttons.forEach(([id, label, onClick], k) => {
        const b = new Button(scene, {
          id,
          x,
          y: y - 1,
          w: bw[k] ?? 104,
          h: ROW_H - 8,
          label,
          size: FS.small,
          variant: k === 1 ? "secondary" : "chip",
          focus: o.focus,
          parent: layer,
          onClick,
        });
        fitOrClip(b.label, (bw[k] ?? 104) - 12, 10);
        x += (bw[k] ?? 104) + gap;
      });
    });
    if (lines.length > ENTRY_ROWS) {
      const range = addText(
        scene,
        o.w - 16 - 76,
        o.y + 8,
        t("mod.page", { from: entryTop + 1, to: Math.min(lines.length, entryTop + ENTRY_ROWS), n: lines.length }),
        { size: FS.tiny, color: C.muted, originX: 1, originY: 0.5 },
      );
      layer.add(range);
      const arrows: [string, string, number, boolean][] = [
        ["mod.up", "▲", -1, entryTop > 0],
        ["mod.down", "▼", 1, entryTop + ENTRY_ROWS < lines.length],
      ];
      arrows.forEach(([id, label, d, enabled], i) => {
        new Button(scene, {
          id,
          x: o.w - 16 - (2 - i) * 34 + 4,
          y: o.y - 4,
          w: 30,
          h: 26,
          label,
          size: FS.tiny,
          variant: "chip",
          enabled,
          focus: o.focus,
          parent: layer,
          onClick: () => scroll(d * (ENTRY_ROWS - 1)),
        });
      });
    }
  };
  const scroll = (d: number) => {
    const next = Math.max(0, Math.min(entryTop + d, lines.length - ENTRY_ROWS));
    if (next === entryTop) return;
    const f = o.focus.focusedId();
    entryTop = next;
    draw();
    o.focus.focusById(f);
  };
  const zone = scene.add.zone(0, o.y - 8, o.w, ENTRY_ROWS * ROW_H + 40).setOrigin(0, 0);
  zone.setInteractive();
  zone.on("wheel", (_p: unknown, _dx: number, dy: number) => scroll(dy > 0 ? 1 : -1));
  card.addAt(zone, 1);
  draw();
}
