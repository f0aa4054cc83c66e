// Instructor: watch the class. The ranking (each trainee's best verified run), rejected attempts
// with their reasons, a trainee's timeline on click, CSV export and closing the challenge.
// Refreshes itself every few seconds.
import type Phaser from "phaser";
import { bi, t } from "../../i18n";
import { recoveryFileName } from "../../store/challenge-store";
import { apiErrorText, challengeStore, clock, dateTime, downloadBlob, watchChallenge } from "../challenge-ui";
import { downloadJson } from "../run-file";
import { C, DESIGN_H, DESIGN_W, FS } from "../theme";
import { Button } from "../widgets/button";
import { Card } from "../widgets/card";
import { confirmDialog } from "../widgets/confirm";
import { addText, fitText } from "../widgets/text";
import { BaseScene } from "./base-scene";
import { drawBoardTable, REFRESH_MS } from "./leaderboard";

export class InstructorClass extends BaseScene {
  private body: Card | null = null;
  private status!: Phaser.GameObjects.Text;
  private updatedAt: string | null = null;
  /** Whether the button row was built for a closed challenge (reopen) or an open one (close). */
  private closedShown = false;

  constructor() {
    super("InstructorClass");
  }

  protected build(): void {
    const cs = challengeStore();
    this.drawBackdrop();
    addText(this, 24, 18, t("cls.title"), { size: FS.h1, bold: true });
    this.addLangSwitch(DESIGN_W - 196, 20);
    this.status = addText(this, 24, DESIGN_H - 118, "", { size: FS.small, color: C.muted, width: DESIGN_W - 48 });
    this.render();
    watchChallenge(this, (s, prev) => {
      // Closed elsewhere, reopened, or just loaded as closed: the button row changes (close ↔ reopen).
      const ch = s.klass.challenge;
      if (ch && ch.closed !== this.closedShown) {
        this.scene.restart();
        return;
      }
      if (s.klass !== prev.klass) {
        if (s.klass.status === "ok") this.updatedAt = new Date().toISOString();
        this.render();
      }
    });
    if (cs.getState().klass.status === "idle") void cs.getState().refreshClass();
    this.time.addEvent({ delay: REFRESH_MS, loop: true, callback: () => void cs.getState().refreshClass() });

    const by = DESIGN_H - 84;
    // Closing can be undone until the deadline: a closed challenge shows 重新开放 in its place.
    const ch = cs.getState().klass.challenge;
    const closed = !!ch?.closed;
    this.closedShown = closed;
    const canReopen = closed && (ch?.deadline === null || Date.parse(ch?.deadline ?? "") > Date.now());
    const buttons: [string, string, "secondary" | "ghost", () => void, boolean][] = [
      ["cls.refresh", `↻ ${t("lb.refresh")}`, "secondary", () => void cs.getState().refreshClass(), true],
      ["cls.export", `⇩ ${t("cls.export")}`, "secondary", () => void this.exportCsv(), true],
      closed
        ? ["cls.reopen", `▶ ${t("cls.reopen")}`, "secondary", () => void this.reopenChallenge(), canReopen]
        : ["cls.close", `■ ${t("cls.close")}`, "secondary", () => this.confirmClose(), true],
      ["cls.recovery", `⤓ ${t("recovery.save")}`, "ghost", () => this.saveRecovery(), true],
    ];
    buttons.forEach(([id, label, variant, onClick, enabled], i) => {
      new Button(this, {
        id,
        x: 24 + i * 236,
        y: by,
        w: 220,
        h: 56,
        label,
        variant,
        size: FS.h3,
        focus: this.focus,
        enabled,
        onClick,
      });
    });
    new Button(this, {
      id: "cls.back",
      x: DESIGN_W - 24 - 220,
      y: by,
      w: 220,
      h: 56,
      label: `← ${t("cls.back")}`,
      variant: "ghost",
      size: FS.h3,
      focus: this.focus,
      onClick: () => this.s.goTo("instructor"),
    });
  }

  private async exportCsv(): Promise<void> {
    const r = await challengeStore().getState().exportCsv();
    if (!r) {
      this.status.setText(`⚠ ${t("cls.exportFailed")}`);
      return;
    }
    downloadBlob(r.blob, r.file);
    this.status.setText(`✓ ${t("debrief.exported", { file: r.file })}`);
  }

  /** 结束挑战 asks first: trainees can no longer submit; it can be reopened until the deadline. */
  private confirmClose(): void {
    const ch = challengeStore().getState().klass.challenge;
    if (!ch) return;
    confirmDialog(this, {
      id: "confirm.close",
      title: t("guard.closeTitle", { code: ch.code }),
      body: ch.deadline ? t("guard.closeBodyDeadline", { deadline: dateTime(ch.deadline) }) : t("guard.closeBody"),
      confirmLabel: t("cls.close"),
      danger: true,
      focus: this.focus,
      onConfirm: () => void this.closeChallenge(),
    });
  }

  private async closeChallenge(): Promise<void> {
    // On success the refreshed challenge is closed and the watcher rebuilds the screen.
    const ok = await challengeStore().getState().closeClass();
    if (!ok) this.status.setText(`⚠ ${apiErrorText(challengeStore().getState().klass.error)}`);
  }

  private async reopenChallenge(): Promise<void> {
    const ok = await challengeStore().getState().reopenClass();
    if (!ok) this.status.setText(`⚠ ${apiErrorText(challengeStore().getState().klass.error)}`);
  }

  /** Saves the code and secret as a file, so the class can be opened from another computer. */
  private saveRecovery(): void {
    const cs = challengeStore().getState();
    const code = cs.klass.code;
    const json = code ? cs.recoveryJson(code) : null;
    if (!code || !json) {
      this.status.setText(`⚠ ${t("cls.noSecret")}`);
      return;
    }
    const file = recoveryFileName({ code });
    downloadJson(json, file);
    this.status.setText(`✓ ${t("recovery.saved", { file })}`);
  }

  private render(): void {
    const { klass, instructor } = challengeStore().getState();
    this.body?.destroy();
    const ch = klass.challenge;
    const entry = instructor.find((e) => e.code === klass.code);
    const head = ch
      ? `${ch.className} · ${t("ch.codeShort", { code: ch.code })} · ${bi(ch.scenario.title)} · ${ch.seed}`
      : (entry?.className ?? klass.code ?? "");
    const w = DESIGN_W - 48;
    const card = new Card(this, { x: 24, y: 84, w, h: DESIGN_H - 84 - 130, title: head });
    this.body = card;
    if (!entry) {
      card.add(addText(this, 16, card.contentY, `⚠ ${t("cls.noSecret")}`, { size: FS.body, color: C.bad }));
      return;
    }
    const rejected = klass.submissions.filter((s) => !s.verified);
    const verified = klass.submissions.filter((s) => s.verified);
    const trainees = new Set(klass.submissions.map((s) => s.name.toLowerCase())).size;
    const summary = addText(
      this,
      16,
      card.contentY,
      t("cls.summary", {
        trainees,
        verified: verified.length,
        rejected: rejected.length,
        status: ch?.closed ? t("ch.closed") : t("ch.open"),
        deadline: dateTime(ch?.deadline ?? null),
      }),
      { size: FS.small, color: ch?.closed ? C.warn : C.muted },
    );
    fitText(summary, w - 32, 10);
    card.add(summary);
    const tableY = card.contentY + 28;
    if (klass.rows.length === 0) {
      card.add(
        addText(this, 16, tableY + 8, klass.status === "error" ? `⚠ ${apiErrorText(klass.error)}` : t("cls.empty"), {
          size: FS.body,
          color: klass.status === "error" ? C.bad : C.muted,
          width: w - 32,
        }),
      );
    } else {
      drawBoardTable(this, card, klass.rows, {
        y: tableY,
        w,
        maxRows: rejected.length > 0 ? 8 : 10,
        idPrefix: "cls",
        onRow: (r) => {
          void challengeStore().getState().openTrainee(r.name);
          this.s.goTo("trainee");
        },
      });
    }
    if (rejected.length > 0) {
      const ry = card.bg.height - 84;
      card.add(addText(this, 16, ry, t("cls.rejected"), { size: FS.small, color: C.muted }));
      rejected
        .slice(-2)
        .reverse()
        .forEach((s, i) => {
          const line = addText(
            this,
            16,
            ry + 22 + i * 22,
            `✗ ${s.name} — ${s.rejected?.code ?? ""}: ${s.rejected?.message ?? ""}`,
            { size: FS.small, color: C.bad },
          );
          fitText(line, w - 32, 10);
          card.add(line);
        });
    }
    this.status.setText(
      `${t("cls.hint")}   ·   ${t("lb.updated", { time: clock(this.updatedAt), s: REFRESH_MS / 1000 })}`,
    );
  }
}
