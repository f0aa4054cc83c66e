// Join a challenge: type the code the instructor gave (or open the challenge link), see which
// market it is, give the name that goes on the leaderboard, and play that scenario and seed.
import type Phaser from "phaser";
import { getScenario } from "../../content/scenarios";
import { bi, t } from "../../i18n";
import { looksLikeOfflineCode } from "../../shared/offline-challenge";
import { normaliseCodeInput } from "../../store/challenge-store";
import { addTextInput, apiErrorText, challengeStore, dateTime, difficultyText, watchChallenge } from "../challenge-ui";
import { guardOverwrite } from "../guard";
import { armImport, disarmImport, pickRunFile } from "../run-file";
import { C, DESIGN_W, FS } from "../theme";
import { Button } from "../widgets/button";
import { Card } from "../widgets/card";
import { pageBackButton } from "../widgets/page-buttons";
import { addText, fitText, measureWidth } from "../widgets/text";
import { BaseScene } from "./base-scene";

/** A code from the page's ?c= parameter, used once. */
let linkCodeUsed = false;
export function codeFromLink(): string {
  if (linkCodeUsed || typeof location === "undefined") return "";
  const c = new URLSearchParams(location.search).get("c");
  return c ? normaliseCodeInput(c).slice(0, 12) : "";
}
export function consumeLinkCode(): void {
  linkCodeUsed = true;
}

/** The code field's text as typed, kept across scene rebuilds (null until something is typed). */
let typed: string | null = null;

/** Shrinks the code field's font for long offline codes so the whole code stays visible. */
function fitCode(el: HTMLInputElement, w: number): void {
  const text = el.value.toUpperCase() || el.placeholder;
  let size: number = FS.h3;
  // 0.12em letter spacing between the characters, 12 px padding each side.
  const width = (s: number) => measureWidth(text, s) + text.length * s * 0.12;
  while (size > FS.tiny && width(size) > w - 32) size--;
  el.style.fontSize = `${size}px`;
  el.style.letterSpacing = "0.12em";
}

/** Which kind of challenge the details card shows: the server's (a 6-character code) or an offline one. */
let mode: "online" | "offline" = "online";

export class ChallengeEntry extends BaseScene {
  private details: Card | null = null;
  private code = "";

  constructor() {
    super("ChallengeEntry");
  }

  protected build(): void {
    const cs = challengeStore();
    this.drawBackdrop();
    addText(this, 24, 18, t("ch.entry.title"), { size: FS.h1, bold: true });
    addText(this, 26, 64, t("ch.entry.subtitle"), { size: FS.small, color: C.muted, width: 760 });
    this.addLangSwitch(DESIGN_W - 196, 20);

    const fromLink = codeFromLink();
    consumeLinkCode();
    if (fromLink) mode = "online";
    this.code = fromLink || cs.getState().lookup.code;
    const openOffline = cs.getState().offline.challenge;
    if (!fromLink && mode === "offline") this.code = openOffline?.code ?? this.code;
    // What was typed survives the rebuild (a language switch), so a refused code and its error stay
    // together; the error is re-drawn in the new language by renderDetails.
    if (fromLink) typed = fromLink;
    else if (typed !== null) this.code = typed;
    const form = new Card(this, { x: 24, y: 110, w: 560, h: 400, title: t("ch.entry.form") });
    const fx = 24 + 16;
    let y = 110 + form.contentY + 4;
    addText(this, fx, y, t("ch.entry.code"), { size: FS.body, color: C.muted });
    y += 26;
    const lookup = () => {
      if (looksLikeOfflineCode(this.code)) {
        mode = "offline";
        cs.getState().openOfflineCode(this.code);
        this.renderDetails();
        return;
      }
      mode = "online";
      void cs.getState().lookupCode(this.code);
    };
    // The whole width of the card: an offline code ("105Q-PCSK-CD5Q-6AB9-Q03E-5") is four times
    // longer than a server code; the font shrinks for the longest (long seeds) so the code stays in view.
    const codeW = 528;
    const input = addTextInput(this, {
      id: "challenge.code",
      x: fx,
      y,
      w: codeW,
      value: this.code,
      placeholder: "ABC234",
      maxLength: 160,
      upper: true,
      onChange: (v) => {
        this.code = v;
        typed = v;
        fitCode(input, codeW);
      },
      onEnter: lookup,
    });
    fitCode(input, codeW);
    y += 52;
    new Button(this, {
      id: "challenge.lookup",
      x: fx,
      y,
      w: 212,
      h: 40,
      label: `⌕ ${t("ch.entry.lookup")}`,
      variant: "secondary",
      focus: this.focus,
      onClick: lookup,
    });
    // Offline: a challenge file from the instructor (the code above also takes offline codes).
    new Button(this, {
      id: "challenge.openFile",
      x: fx + 224,
      y: y + 2,
      w: 212,
      h: 36,
      label: `▤ ${t("off.entry.openFile")}`,
      variant: "chip",
      size: FS.small,
      focus: this.focus,
      onClick: () => pickRunFile(),
    });
    y += 48;
    const codeHint = addText(this, fx, y, t("off.entry.codeHint"), {
      size: FS.tiny,
      color: C.faint,
      width: codeW,
    });
    y += codeHint.height + 4;
    armImport((text) => {
      mode = "offline";
      // A file replaces whatever was typed: after a rebuild the field shows the file's code.
      typed = null;
      cs.getState().openChallengeFile(text);
      this.renderDetails();
    });
    this.events.once("shutdown", () => disarmImport());
    y += 8;
    addText(this, fx, y, t("ch.entry.name"), { size: FS.body, color: C.muted });
    y += 26;
    addTextInput(this, {
      id: "challenge.name",
      x: fx,
      y,
      w: 528,
      value: cs.getState().traineeName,
      placeholder: t("ch.entry.namePlaceholder"),
      maxLength: 32,
      onChange: (v) => cs.getState().setName(v),
    });
    y += 52;
    addText(this, fx, y, t("ch.entry.nameHint"), { size: FS.small, color: C.faint, width: 528 });

    this.renderDetails();
    watchChallenge(this, (s, prev) => {
      if (s.lookup !== prev.lookup) this.renderDetails();
    });
    if (fromLink) lookup();

    pageBackButton(this, { id: "challenge.back", focus: this.focus, onClick: () => this.s.goTo("menu") });
  }

  private renderDetails(): void {
    this.details?.destroy();
    const cs = challengeStore();
    const { lookup } = cs.getState();
    const x = 604;
    const w = DESIGN_W - x - 24;
    const card = new Card(this, { x, y: 110, w, h: 400, title: t("ch.entry.details") });
    this.details = card;
    if (mode === "offline") {
      this.renderOffline(card, w);
      return;
    }
    let y = card.contentY + 4;
    const line = (label: string, value: string, color: number = C.text) => {
      const l = addText(this, 16, y, label, { size: FS.small, color: C.muted });
      const v = addText(this, 150, y - 2, value, { size: FS.body, color, bold: true });
      fitText(v, w - 170, 11);
      card.add([l, v]);
      y += 32;
    };
    if (lookup.status === "idle") {
      card.add(addText(this, 16, y, t("ch.entry.enterCode"), { size: FS.body, color: C.muted, width: w - 32 }));
      return;
    }
    if (lookup.status === "loading") {
      card.add(addText(this, 16, y, t("ch.loading"), { size: FS.body, color: C.muted }));
      return;
    }
    if (lookup.status === "error" || !lookup.challenge) {
      card.add(
        addText(this, 16, y, `⚠ ${apiErrorText(lookup.error)}`, {
          size: FS.body,
          color: C.bad,
          bold: true,
          width: w - 32,
        }),
      );
      return;
    }
    const ch = lookup.challenge;
    line(t("ch.code"), ch.code, C.accentHi);
    line(t("ch.class"), ch.className);
    line(
      t("ch.scenario"),
      `${bi(ch.scenario.title)}${ch.scenario.weeks ? ` · ${t("ch.weeks", { n: ch.scenario.weeks })}` : ""}`,
    );
    line(t("ch.seed"), ch.seed);
    line(t("ch.difficulty"), difficultyText(ch.difficulty));
    line(t("ch.deadline"), dateTime(ch.deadline));
    line(t("ch.status"), ch.closed ? t("ch.closed") : t("ch.open"), ch.closed ? C.bad : C.good);
    const hint = addText(this, 16, 400 - 100, "", { size: FS.small, color: C.warn });
    card.add(hint);
    this.startButton(card, hint, "challenge.start", !ch.closed, () => cs.getState().play());
    new Button(this, {
      id: "challenge.board",
      x: 292,
      y: 400 - 72,
      w: w - 308,
      h: 56,
      label: `≡ ${t("ch.entry.board")}`,
      variant: "secondary",
      size: FS.body,
      focus: this.focus,
      parent: card,
      onClick: () => {
        void cs.getState().loadBoard(ch.code);
        this.s.goTo("leaderboard");
      },
    });
  }

  /** The offline challenge opened from a file or an offline code, or why it could not be opened. */
  private renderOffline(card: Card, w: number): void {
    const cs = challengeStore();
    const { offline } = cs.getState();
    let y = card.contentY + 4;
    if (offline.status === "error" && offline.error) {
      const e = offline.error;
      card.add(
        addText(this, 16, y, `⚠ ${t(e.key, e.params)}`, { size: FS.body, color: C.bad, bold: true, width: w - 32 }),
      );
      return;
    }
    const c = offline.challenge;
    if (!c) {
      card.add(addText(this, 16, y, t("ch.entry.enterCode"), { size: FS.body, color: C.muted, width: w - 32 }));
      return;
    }
    const line = (label: string, value: string, color: number = C.text) => {
      const l = addText(this, 16, y, label, { size: FS.small, color: C.muted });
      const v = addText(this, 150, y - 2, value, { size: FS.body, color, bold: true });
      fitText(v, w - 170, 11);
      card.add([l, v]);
      y += 30;
    };
    const scenario = getScenario(c.scenarioId);
    line(t("ch.code"), c.code, C.accentHi);
    if (c.className) line(t("ch.class"), c.className);
    line(t("ch.scenario"), scenario ? `${bi(scenario.title)} · ${t("ch.weeks", { n: scenario.weeks })}` : c.scenarioId);
    line(t("ch.seed"), c.seed);
    if (c.difficulty) line(t("ch.difficulty"), difficultyText(c.difficulty));
    if (c.from === "file") line(t("ch.deadline"), dateTime(c.deadline));
    line(t("off.entry.mode"), t("off.entry.offline"), C.good);
    card.add(addText(this, 16, y + 2, t("off.entry.offlineNote"), { size: FS.small, color: C.muted, width: w - 32 }));
    const hint = addText(this, 16, 400 - 100, "", { size: FS.small, color: C.warn });
    card.add(hint);
    this.startButton(card, hint, "challenge.startOffline", true, () => cs.getState().playOffline());
  }

  /** ▶ 开始挑战 at the card's bottom: asks for the trainee's name first (shown in `hint`). */
  private startButton(card: Card, hint: Phaser.GameObjects.Text, id: string, enabled: boolean, play: () => void): void {
    new Button(this, {
      id,
      x: 16,
      y: 400 - 72,
      w: 260,
      h: 56,
      label: `▶ ${t("ch.entry.start")}`,
      variant: "primary",
      size: FS.h3,
      enabled,
      focus: this.focus,
      parent: card,
      onClick: () => {
        if (!challengeStore().getState().traineeName.trim()) {
          hint.setText(`⚠ ${t("ch.entry.needName")}`);
          return;
        }
        guardOverwrite(this, this.focus, this.s, play);
      },
    });
  }
}
