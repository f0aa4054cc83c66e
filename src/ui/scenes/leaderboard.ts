// The class leaderboard: each trainee's best verified run, ranked by the server's own replay
// (never by a score the game sent). Refreshes itself every few seconds. Trainees whose runs repeat an
// earlier trainee's are listed apart below the ranking, unranked ("copy of Alice, 14:02").
import type Phaser from "phaser";
import { bi, t } from "../../i18n";
import type { BoardRow } from "../../store/challenge-api";
import { apiErrorText, challengeStore, clock, watchChallenge } from "../challenge-ui";
import { formatKpi } from "../format-kpi";
import { guardOverwrite } from "../guard";
import { copyBoardLine } from "../moderation";
import { C, DESIGN_H, DESIGN_W, FS } from "../theme";
import { Button } from "../widgets/button";
import { Card } from "../widgets/card";
import { exitButton } from "../widgets/page-buttons";
import { addText, fitOrClip, fitText } from "../widgets/text";
import { BaseScene } from "./base-scene";

export const REFRESH_MS = 5000;
/** Copies listed by name under the ranking; more are counted ("… +2"). */
const COPY_LINES = 3;

export interface Column {
  key: string;
  label: string;
  w: number;
  align?: "left" | "right" | "center";
  value: (r: BoardRow) => string;
  color?: (r: BoardRow) => number;
}

export function boardColumns(): Column[] {
  return [
    { key: "rank", label: t("lb.rank"), w: 70, align: "center", value: (r) => String(r.rank) },
    { key: "name", label: t("lb.name"), w: 250, value: (r) => r.name },
    { key: "score", label: t("lb.score"), w: 110, align: "right", value: (r) => String(r.score) },
    {
      key: "stars",
      label: t("lb.stars"),
      w: 90,
      align: "center",
      value: (r) => `${"★".repeat(r.stars)}${"☆".repeat(3 - r.stars)}`,
      color: () => C.warn,
    },
    {
      key: "verified",
      label: t("lb.verified"),
      w: 120,
      align: "center",
      value: (r) => (r.verified ? `✓ ${t("lb.verifiedBadge")}` : "—"),
      color: (r) => (r.verified ? C.good : C.faint),
    },
    { key: "gmv", label: t("kpi.gmv"), w: 140, align: "right", value: (r) => formatKpi("gmvFen", r.kpis.gmvFen) },
    {
      key: "conv",
      label: t("kpi.conversionRate"),
      w: 130,
      align: "right",
      value: (r) => formatKpi("conversionRate", r.kpis.conversionRate),
    },
    {
      key: "net",
      label: t("kpi.netProfit"),
      w: 150,
      align: "right",
      value: (r) => formatKpi("netProfitFen", r.kpis.netProfitFen),
      color: (r) => (r.kpis.netProfitFen < 0 ? C.bad : C.text),
    },
    { key: "dsr", label: t("kpi.dsr"), w: 90, align: "right", value: (r) => formatKpi("dsr", r.kpis.dsr) },
  ];
}

/** Draws a table of leaderboard rows into a card; `onRow` makes rows clickable. */
export function drawBoardTable(
  scene: BaseScene,
  card: Card,
  rows: BoardRow[],
  o: { y: number; w: number; maxRows: number; highlight?: string; onRow?: (r: BoardRow) => void; idPrefix: string },
): void {
  const cols = boardColumns();
  const total = cols.reduce((a, c) => a + c.w, 0);
  const scale = (o.w - 32) / total;
  let x = 16;
  const xs = cols.map((c) => {
    const at = x;
    x += c.w * scale;
    return at;
  });
  const cell = (c: Column, i: number, y: number, text: string, color: number, bold: boolean, size: number) => {
    const w = c.w * scale;
    const cx =
      c.align === "right" ? (xs[i] ?? 0) + w - 8 : c.align === "center" ? (xs[i] ?? 0) + w / 2 : (xs[i] ?? 0) + 8;
    const txt = addText(scene, cx, y, text, {
      size,
      color,
      bold,
      originX: c.align === "right" ? 1 : c.align === "center" ? 0.5 : 0,
    });
    fitText(txt, w - 12, 10);
    card.add(txt);
  };
  cols.forEach((c, i) => {
    cell(c, i, o.y, c.label, C.muted, false, FS.small);
  });
  const g = scene.add.graphics();
  card.add(g);
  g.lineStyle(1, C.line, 1);
  g.lineBetween(16, o.y + 26, o.w - 16, o.y + 26);
  const rowH = 34;
  rows.slice(0, o.maxRows).forEach((r, n) => {
    const y = o.y + 34 + n * rowH;
    const mine = o.highlight !== undefined && r.name.toLowerCase() === o.highlight.toLowerCase();
    if (mine || n % 2 === 0) {
      g.fillStyle(mine ? 0x3a2412 : C.panelHi, mine ? 1 : 0.5);
      g.fillRoundedRect(12, y - 5, o.w - 24, rowH - 2, 6);
    }
    if (o.onRow) {
      const onRow = o.onRow;
      new Button(scene, {
        id: `${o.idPrefix}.row.${n}`,
        x: 12,
        y: y - 5,
        w: o.w - 24,
        h: rowH - 2,
        label: "",
        variant: "ghost",
        selected: mine,
        parent: card,
        onClick: () => onRow(r),
      });
    }
    cols.forEach((c, i) => {
      cell(c, i, y, c.value(r), c.color?.(r) ?? C.text, c.key === "score" || mine, FS.body);
    });
  });
}

export class Leaderboard extends BaseScene {
  private table: Card | null = null;
  private status!: Phaser.GameObjects.Text;

  constructor() {
    super("Leaderboard");
  }

  protected build(): void {
    const cs = challengeStore();
    this.drawBackdrop();
    addText(this, 24, 18, t("lb.title"), { size: FS.h1, bold: true });
    this.addLangSwitch(DESIGN_W - 196, 20);
    this.status = addText(this, 24, DESIGN_H - 126, "", { size: FS.small, color: C.muted, width: DESIGN_W - 48 });
    this.render();
    watchChallenge(this, (s, prev) => {
      if (s.board !== prev.board || s.submit !== prev.submit) this.render();
    });
    if (cs.getState().board.status === "idle") void cs.getState().loadBoard();
    this.time.addEvent({ delay: REFRESH_MS, loop: true, callback: () => void cs.getState().loadBoard() });

    const by = DESIGN_H - 84;
    new Button(this, {
      id: "lb.refresh",
      x: 24,
      y: by,
      w: 200,
      h: 56,
      label: `↻ ${t("lb.refresh")}`,
      variant: "secondary",
      size: FS.h3,
      focus: this.focus,
      onClick: () => void cs.getState().loadBoard(),
    });
    const active = cs.getState().active;
    if (active && cs.getState().board.code === active.code && !active.closed) {
      new Button(this, {
        id: "lb.playAgain",
        x: 240,
        y: by,
        w: 260,
        h: 56,
        label: `▶ ${t("lb.playAgain")}`,
        variant: "secondary",
        size: FS.h3,
        focus: this.focus,
        onClick: () => {
          guardOverwrite(this, this.focus, this.s, () =>
            this.s.startScenario(active.scenario.id, active.seed, undefined, active.difficulty),
          );
        },
      });
    }
    exitButton(this, {
      id: "lb.menu",
      y: by,
      label: t("debrief.menu"),
      focus: this.focus,
      onClick: () => this.s.goTo("menu"),
    });
  }

  private render(): void {
    const { board, submit, traineeName, active } = challengeStore().getState();
    this.table?.destroy();
    const ch = board.challenge;
    const title = ch ? `${ch.className} · ${bi(ch.scenario.title)} · ${t("ch.codeShort", { code: ch.code })}` : "";
    const w = DESIGN_W - 48;
    const card = new Card(this, { x: 24, y: 96, w, h: DESIGN_H - 96 - 140, title: title || t("lb.title") });
    this.table = card;
    const copies = board.copies;
    const shownCopies = copies.slice(0, COPY_LINES);
    // Rows of the table given up for the copies' section (a title and a line each).
    const copyH = copies.length > 0 ? 30 + shownCopies.length * 24 + 8 : 0;
    if (board.status === "error" && board.rows.length === 0) {
      card.add(addText(this, 16, card.contentY, `⚠ ${apiErrorText(board.error)}`, { size: FS.body, color: C.bad }));
    } else if (board.rows.length === 0 && copies.length === 0) {
      card.add(
        addText(this, 16, card.contentY, board.status === "loading" ? t("ch.loading") : t("lb.empty"), {
          size: FS.body,
          color: C.muted,
        }),
      );
    } else {
      drawBoardTable(this, card, board.rows, {
        y: card.contentY,
        w,
        maxRows: 12 - Math.ceil(copyH / 34),
        highlight: board.code === active?.code ? traineeName.trim() : undefined,
        idPrefix: "lb",
      });
    }
    if (copies.length > 0 && !(board.status === "error" && board.rows.length === 0)) {
      const y0 = card.bg.height - copyH;
      const head = addText(this, 16, y0, t("lb.copiesTitle"), { size: FS.small, bold: true, color: C.warn });
      card.add(head);
      shownCopies.forEach((c, i) => {
        const more =
          i === shownCopies.length - 1 && copies.length > COPY_LINES ? ` … +${copies.length - COPY_LINES}` : "";
        const line = addText(this, 28, y0 + 28 + i * 24, `${copyBoardLine(c)}${more}`, {
          size: FS.small,
          color: C.muted,
        });
        fitOrClip(line, w - 56, 10);
        card.add(line);
      });
    }
    const parts: string[] = [];
    if (submit.status === "ok" && submit.result) {
      const r = submit.result;
      parts.push(
        `✓ ${t(r.duplicate ? "lb.mineDuplicate" : "lb.mine", {
          score: r.submission.score ?? 0,
          rank: r.rank ?? "—",
        })}`,
      );
      const best = board.rows.find((x) => x.name.toLowerCase() === r.submission.name.toLowerCase());
      if (!r.counted && best) parts.push(t("lb.bestCounts", { score: best.score }));
    } else if (submit.status === "error") {
      parts.push(`⚠ ${apiErrorText(submit.error)}`);
    }
    parts.push(t("lb.updated", { time: clock(board.updatedAt), s: REFRESH_MS / 1000 }));
    if (board.status === "error" && board.rows.length > 0) parts.push(`⚠ ${apiErrorText(board.error)}`);
    this.status.setText(parts.join("   ·   "));
    this.status.setColor(submit.status === "error" ? "#ff5a5f" : "#9fb0cc");
  }
}
