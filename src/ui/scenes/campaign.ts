// Campaign map: the bundled scenarios in order along a path, each unlocked by earning at least one
// star in the one before; stars and best score come from the current slot's progress. On the right:
// the save slots (one player profile each), resume, and export / import of the slot's run file.
import Phaser from "phaser";
import { BUNDLED_SCENARIOS, getScenario } from "../../content/scenarios";
import { DIFFICULTIES } from "../../engine";
import { bi, errorText, t } from "../../i18n";
import { DEFAULT_SEED } from "../../store/game-store";
import { SLOT_COUNT } from "../../store/persistence";
import { difficultyName, slotDifficultyText } from "../difficulty-text";
import { guardOverwrite } from "../guard";
import { principleLabel } from "../principle-text";
import { armImport, disarmImport, downloadJson, pickRunFile, runFileName } from "../run-file";
import { playSfx } from "../sfx";
import { slotSummary } from "../slot-text";
import { registerTarget } from "../test-hook";
import { C, DESIGN_H, DESIGN_W, FS } from "../theme";
import { Button } from "../widgets/button";
import { Card } from "../widgets/card";
import { drawLock } from "../widgets/icons";
import { addText, fitText, measureWidth } from "../widgets/text";
import { BaseScene } from "./base-scene";

/** The campaign path (3 × 3 board); the sandbox is free play, opened by a button below the board. */
const CAMPAIGN = BUNDLED_SCENARIOS.filter((sc) => sc.id !== "sandbox");

/** The scenario after `id` on the campaign path (the sandbox after the last one), if any. */
export function nextInCampaign(id: string): (typeof BUNDLED_SCENARIOS)[number] | undefined {
  const i = CAMPAIGN.findIndex((sc) => sc.id === id);
  if (i < 0) return undefined;
  return CAMPAIGN[i + 1] ?? BUNDLED_SCENARIOS.find((sc) => sc.id === "sandbox");
}

/** Last export/import result, kept across the scene restart that follows it. */
let status: { ok: boolean; text: string } | null = null;

export function starsText(n: number): string {
  return `${"★".repeat(n)}${"☆".repeat(Math.max(0, 3 - n))}`;
}

/** A long title breaks after its colon ("私域流量：" / "把顾客留下来") when both halves then fit a line. */
function titleLines(title: string, width: number): string {
  const m = /^(.+?[：:])\s*(.+)$/.exec(title);
  const fits = (s: string) => measureWidth(s, FS.body, true) <= width;
  if (!m || fits(title)) return title;
  const [, head = "", tail = ""] = m;
  return fits(head) && fits(tail) ? `${head}\n${tail}` : title;
}

export class Campaign extends BaseScene {
  private legend: Phaser.GameObjects.Container | null = null;
  private legendFor = -1;
  /** Each campaign tile's box, for the principle card shown beside the tile under the pointer. */
  private tiles: Phaser.Geom.Rectangle[] = [];

  constructor() {
    super("Campaign");
  }

  protected build(): void {
    this.tiles = [];
    this.legend = null;
    this.legendFor = -1;
    this.drawBackdrop();
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => disarmImport());
    addText(this, 32, 18, `⚑ ${t("campaign.title")}`, { size: FS.h1, bold: true });
    addText(this, 34, 64, t("campaign.sub"), { size: FS.body, color: C.muted, width: 760 });
    this.addLangSwitch(DESIGN_W - 196, 24);
    this.drawMap();
    this.drawSlots();
    // Pointing at a tile (or tapping it) lists its principles with their names beside it.
    const pick = (p: Phaser.Input.Pointer) => {
      const i = this.tiles.findIndex((r) => r.contains(p.worldX, p.worldY));
      if (i !== this.legendFor) this.showPrinciples(i);
    };
    this.input.on("pointermove", pick);
    this.input.on("pointerdown", pick);
    new Button(this, {
      id: "campaign.back",
      x: 32,
      y: DESIGN_H - 76,
      w: 180,
      h: 56,
      label: `‹ ${t("common.back")}`,
      variant: "secondary",
      size: FS.h3,
      focus: this.focus,
      onClick: () => {
        status = null;
        this.s.goTo("menu");
      },
    });
    armImport((text) => {
      const r = this.s.importRunJson(text);
      if (r.ok) {
        const sc = this.s.scenario;
        status = { ok: true, text: t("campaign.imported", { title: sc ? bi(sc.title) : "" }) };
        playSfx("chime");
        return;
      }
      // Bilingual on purpose: the file may have come from a classmate using the other language.
      const key = r.reason.key;
      const known = key === "import.notJson" || key === "import.badFile";
      const line = (lang: "zh-CN" | "en") =>
        known ? t(key, r.reason.params, lang) : t("import.failed", { reason: errorText(r.reason) }, lang);
      status = { ok: false, text: `${line("zh-CN")}\n${line("en")}` };
      playSfx("error");
      this.scene.restart();
    });
  }

  private drawMap(): void {
    const progress = this.s.progress;
    const cols = 3;
    const cw = 248;
    const ch = 168;
    const gapX = 22;
    const gapY = 12;
    const x0 = 32;
    const y0 = 100;
    const pos = (i: number) => {
      const row = Math.floor(i / cols);
      // Snake path: left-to-right, then right-to-left, like a board-game map.
      const col = row % 2 === 0 ? i % cols : cols - 1 - (i % cols);
      return { x: x0 + col * (cw + gapX), y: y0 + row * (ch + gapY) };
    };
    // The map: a board with a winding road between the scenario cards, and the steps still to come
    // drawn as faint milestones so the journey reads at a glance.
    const board = this.add.graphics();
    board.fillStyle(C.panel, 0.55);
    board.fillRoundedRect(x0 - 12, y0 - 12, cols * cw + (cols - 1) * gapX + 24, 3 * ch + 2 * gapY + 24, 16);
    const path = this.add.graphics();
    const slots = Math.max(CAMPAIGN.length, cols * 3);
    for (let i = 1; i < slots; i++) {
      const a = pos(i - 1);
      const b = pos(i);
      const done = i < CAMPAIGN.length;
      path.lineStyle(done ? 10 : 4, done ? C.shelf : C.line, done ? 0.9 : 0.6);
      path.lineBetween(a.x + cw / 2, a.y + ch / 2, b.x + cw / 2, b.y + ch / 2);
      if (!done) {
        path.fillStyle(C.line, 0.8);
        path.fillCircle(b.x + cw / 2, b.y + ch / 2, 10);
      }
    }
    CAMPAIGN.forEach((sc, i) => {
      const { x, y } = pos(i);
      const prev = CAMPAIGN[i - 1];
      const unlocked = !prev || (progress[prev.id]?.stars ?? 0) >= 1;
      const p = progress[sc.id];
      const card = new Card(this, {
        x,
        y,
        w: cw,
        h: ch,
        fill: unlocked ? C.card : C.panel,
        stroke: unlocked ? C.accent : C.line,
      });
      this.tiles[i] = new Phaser.Geom.Rectangle(x, y, cw, ch);
      // The title takes the whole top of the tile, on two lines where it is long (English titles run
      // to 40 characters); the number of weeks moves to the score line.
      const badge = this.add.circle(26, 30, 16, unlocked ? C.accent : C.disabled);
      const num = addText(this, 26, 30, String(i + 1), { size: FS.h3, bold: true, originX: 0.5, originY: 0.5 });
      const titleW = cw - 50 - 10;
      const title = addText(this, 50, 30, titleLines(bi(sc.title), titleW), {
        size: FS.body,
        bold: true,
        width: titleW,
        lineSpacing: 0,
        originY: 0.5,
      });
      // Three lines would not fit: a smaller size first, the ellipsis only as a last resort.
      const lines = () => title.getWrappedText().length;
      for (let size = FS.body - 1; lines() > 2 && size >= FS.tiny; size--) title.setFontSize(size);
      if (lines() > 2) title.setMaxLines(2);
      const codes = [...new Set(sc.goals.map((g) => g.code))].slice(0, 5).join(" ");
      const teach = addText(this, 16, 56, t("campaign.teaches", { codes }), { size: FS.small, color: C.text });
      fitText(teach, cw - 32, 10);
      const weeks = addText(this, cw - 16, 80, t("campaign.weeks", { weeks: sc.weeks }), {
        size: FS.small,
        color: C.muted,
        originX: 1,
      });
      const stars = p?.stars ?? 0;
      const starLine = addText(this, 16, 78, `${starsText(stars)}  ${t("common.stars", { n: stars })}`, {
        size: FS.body,
        color: stars > 0 ? C.warn : C.faint,
      });
      fitText(starLine, cw - 32 - weeks.width - 8, 10);
      const best = addText(this, 16, 101, p ? t("campaign.best", { score: p.best }) : t("campaign.noBest"), {
        size: FS.small,
        color: C.muted,
      });
      card.add([badge, num, title, weeks, teach, starLine, best]);
      if (unlocked) {
        new Button(this, {
          id: `campaign.play.${sc.id}`,
          x: 16,
          y: ch - 44,
          w: cw - 32,
          h: 36,
          label: `▶ ${t("campaign.play")}`,
          variant: "primary",
          size: FS.body,
          focus: this.focus,
          parent: card,
          onClick: () => {
            status = null;
            guardOverwrite(this, this.focus, this.s, () => this.s.startScenario(sc.id, DEFAULT_SEED));
          },
        });
      } else {
        const icon = drawLock(this, 24, ch - 30, C.muted);
        // On the tile the previous scenario is named by its number (the tile beside it), so the line fits.
        const lock = addText(this, 40, ch - 46, prev ? t("campaign.lockedTile", { n: i }) : "", {
          size: FS.small,
          color: C.muted,
          width: cw - 56,
          maxLines: 2,
        });
        card.add([icon, lock]);
      }
    });
    this.drawFreePlay(x0 + 200, y0 + 3 * ch + 2 * gapY + 20, cols * cw + (cols - 1) * gapX - 200);
  }

  /** Free play (the sandbox) after the last campaign scenario, opened by its first star. */
  private drawFreePlay(x: number, y: number, w: number): void {
    const sb = getScenario("sandbox");
    const last = CAMPAIGN[CAMPAIGN.length - 1];
    if (!sb) return;
    const open = !last || (this.s.progress[last.id]?.stars ?? 0) >= 1;
    new Button(this, {
      id: open ? `campaign.play.${sb.id}` : `campaign.locked.${sb.id}`,
      x,
      y,
      w,
      h: 48,
      label: open
        ? `▶ ${bi(sb.title)}`
        : `${bi(sb.title)} · ${t("campaign.locked", { prev: last ? bi(last.title) : "" })}`,
      variant: "secondary",
      size: FS.body,
      enabled: open,
      focus: this.focus,
      onClick: () => {
        status = null;
        guardOverwrite(this, this.focus, this.s, () => this.s.startScenario(sb.id, DEFAULT_SEED));
      },
    });
  }

  /** The principles scenario `i` teaches, code and name, in a card beside its tile (-1: none). */
  private showPrinciples(i: number): void {
    this.legend?.destroy();
    this.legend = null;
    this.legendFor = i;
    const sc = CAMPAIGN[i];
    const tile = this.tiles[i];
    if (!sc || !tile) return;
    const w = 330;
    const codes = [...new Set(sc.goals.map((g) => g.code))];
    const head = addText(this, 14, 10, t("campaign.principlesOf", { n: i + 1 }), {
      size: FS.small,
      bold: true,
      color: C.accentHi,
    });
    const lines = addText(this, 14, 34, codes.map((c) => principleLabel(c)).join("\n"), {
      size: FS.small,
      color: C.text,
      width: w - 28,
      lineSpacing: 3,
    });
    const h = 34 + lines.height + 12;
    // Beside the tile, on the side with room; kept on the screen.
    const x = tile.right + 8 + w <= DESIGN_W - 8 ? tile.right + 8 : tile.x - 8 - w;
    const y = Math.min(tile.y, DESIGN_H - 8 - h);
    const card = new Card(this, { x, y, w, h, fill: C.panelHi, stroke: C.accent });
    card.setDepth(50);
    card.add([head, lines]);
    this.legend = card;
    registerTarget("campaign.principles", card.bg);
  }

  private drawSlots(): void {
    const x = 830;
    const w = DESIGN_W - x - 32;
    // Level with the map's board (y0 − 12 … its bottom).
    const card = new Card(this, { x, y: 88, w, h: 552, title: t("campaign.slots") });
    let y = card.contentY + 4;
    const cur = this.s.slot;
    for (let n = 1; n <= SLOT_COUNT; n++) {
      const sub = slotSummary(this.s.peekSlot(n), this.s.slotProgress(n));
      new Button(this, {
        id: `campaign.slot.${n}`,
        x: 16,
        y,
        w: w - 32,
        h: 60,
        label: `${n === cur ? "✓ " : ""}${t("menu.slot", { n })}  ·  ${slotDifficultyText(this.s.slotDifficulty(n), this.s.peekSlot(n)?.difficulty)}`,
        sub,
        variant: "chip",
        size: FS.h3,
        selected: n === cur,
        focus: this.focus,
        parent: card,
        onClick: () => {
          status = null;
          this.s.selectSlot(n);
          this.scene.restart();
        },
      });
      y += 70;
    }
    y = this.drawDifficulty(card, w, y);
    const mine = this.s.peekSlot(cur);
    new Button(this, {
      id: "campaign.resume",
      x: 16,
      y,
      w: w - 32,
      h: 48,
      label: `⟳ ${t("campaign.resume")}`,
      variant: "primary",
      size: FS.h3,
      enabled: mine !== null,
      focus: this.focus,
      parent: card,
      onClick: () => {
        status = null;
        if (!this.s.resume()) this.scene.restart();
      },
    });
    y += 66;
    card.add(addText(this, 16, y, t("campaign.runFile"), { size: FS.body, bold: true, color: C.muted }));
    y += 28;
    const half = (w - 32 - 10) / 2;
    new Button(this, {
      id: "campaign.export",
      x: 16,
      y,
      w: half,
      h: 44,
      label: `⇩ ${t("campaign.export")}`,
      size: FS.body,
      focus: this.focus,
      parent: card,
      onClick: () => this.exportSlot(),
    });
    new Button(this, {
      id: "campaign.import",
      x: 16 + half + 10,
      y,
      w: half,
      h: 44,
      label: `⇧ ${t("campaign.import")}`,
      size: FS.body,
      focus: this.focus,
      parent: card,
      onClick: () => guardOverwrite(this, this.focus, this.s, () => pickRunFile(), "import"),
    });
    y += 56;
    if (status) {
      const msg = addText(this, 16, y, `${status.ok ? "✓" : "⚠"} ${status.text}`, {
        size: FS.small,
        color: status.ok ? C.good : C.bad,
        bold: !status.ok,
        width: w - 32,
        maxLines: 6,
      });
      card.add(msg);
    }
  }

  /** The current slot's difficulty: chosen while the slot is new (then fixed), shown on every slot. */
  private drawDifficulty(card: Card, w: number, y: number): number {
    const cur = this.s.difficulty;
    const open = this.s.canChooseDifficulty();
    const label = addText(this, 16, y + 9, t("diff.campaign.label"), { size: FS.small, bold: true, color: C.muted });
    fitText(label, 128, 10);
    card.add(label);
    const x0 = 16 + 136;
    const gap = 6;
    const cw = (w - 16 - x0 - 2 * gap) / 3;
    DIFFICULTIES.forEach((d, i) => {
      new Button(this, {
        id: `campaign.difficulty.${d}`,
        x: x0 + i * (cw + gap),
        y,
        w: cw,
        h: 36,
        label: `${d === cur ? "✓ " : ""}${difficultyName(d)}`,
        variant: "chip",
        size: FS.small,
        selected: d === cur,
        enabled: open || d === cur,
        focus: this.focus,
        parent: card,
        onClick: () => {
          status = null;
          if (this.s.setDifficulty(d)) this.scene.restart();
        },
      });
    });
    y += 40;
    const note = addText(this, 16, y, t(open ? "diff.campaign.hint" : "diff.campaign.locked"), {
      size: FS.tiny,
      color: C.muted,
      width: w - 32,
      maxLines: 2,
    });
    card.add(note);
    return y + note.height + 8;
  }

  private exportSlot(): void {
    // The slot's run file as saved, in the CLI's format; the game in memory is not touched.
    const saved = this.s.exportSlotJson(this.s.slot);
    const json = saved?.json ?? null;
    const run = saved?.run ?? null;
    if (!json || !run) {
      status = { ok: false, text: t("campaign.nothing") };
    } else {
      const file = runFileName(run);
      downloadJson(json, file);
      status = { ok: true, text: t("campaign.exported", { file }) };
    }
    this.scene.restart();
  }
}
