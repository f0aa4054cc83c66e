// Instructor: create a challenge (class name, scenario, seed or random, difficulty, deadline) and
// hand it out: the code in large type, the link, and a QR code of the link. Challenges created in
// this browser are listed so the instructor can go back to a class.
import Phaser from "phaser";
import QRCode from "qrcode";
import { BUNDLED_SCENARIOS, getScenario } from "../../content/scenarios";
import { bi, t } from "../../i18n";
import {
  challengeFileJson,
  challengeFileName,
  createOfflineChallenge,
  type OfflineChallenge,
} from "../../shared/offline-challenge";
import { createChallengeApi } from "../../store/challenge-api";
import { recoveryFileName } from "../../store/challenge-store";
import { randomSeed } from "../../store/game-store";
import { addTextInput, apiErrorText, challengeStore, watchChallenge } from "../challenge-ui";
import { armImport, disarmImport, downloadJson, pickRunFile } from "../run-file";
import { registerTarget } from "../test-hook";
import { C, css, DESIGN_H, DESIGN_W, FS } from "../theme";
import { Button } from "../widgets/button";
import { Card } from "../widgets/card";
import { addChoice } from "../widgets/choice";
import { pageBackButton } from "../widgets/page-buttons";
import { addText, fitText } from "../widgets/text";
import { BaseScene } from "./base-scene";

type SeedMode = "random" | "fixed";
type Deadline = "none" | "1d" | "7d";

interface Form {
  className: string;
  scenario: string;
  seedMode: SeedMode;
  seed: string;
  difficulty: "easy" | "standard" | "hard";
  deadline: Deadline;
}

// Kept across language switches (the scene is rebuilt then).
const form: Form = {
  className: "",
  scenario: BUNDLED_SCENARIOS[0]?.id ?? "launch",
  seedMode: "fixed",
  seed: "class-1",
  difficulty: "standard",
  deadline: "none",
};

let qrSerial = 0;

/** Where the server listens, from /api/health (asked once per page load). */
let serverListen: { host: string; loopback: boolean } | null = null;

/** The start command for the classroom network, with this page's port. */
export function classroomCommand(): string {
  const port = typeof location !== "undefined" && location.port ? location.port : "8080";
  return `HOST=0.0.0.0 PUBLIC_URL=http://<ip>:${port} npm start`;
}

/** The offline challenge last saved as a file (shown instead of the server's result until the next create). */
let savedOffline: { challenge: OfflineChallenge; file: string } | null = null;

export class InstructorCreate extends BaseScene {
  private result: Card | null = null;
  private choices: Phaser.GameObjects.GameObject[] = [];
  private message!: Phaser.GameObjects.Text;

  constructor() {
    super("InstructorCreate");
  }

  protected build(): void {
    this.drawBackdrop();
    addText(this, 24, 18, t("ins.title"), { size: FS.h1, bold: true });
    const sub = addText(this, 26, 64, t("ins.subtitle"), { size: FS.small, color: C.muted });
    fitText(sub, DESIGN_W - 52, 11);
    // A server on 127.0.0.1 cannot be reached from students' devices: say so, with the command.
    const warn = (listen: { host: string; loopback: boolean }) => {
      if (!listen.loopback || !sub.active) return;
      sub.setVisible(false);
      const line = addText(this, 26, 56, `⚠ ${t("ins.loopback", { host: listen.host })}`, {
        size: FS.small,
        bold: true,
        color: C.warn,
      });
      fitText(line, DESIGN_W - 52, 11);
      const cmd = addText(this, 26, 78, t("ins.loopbackCmd", { cmd: classroomCommand() }), {
        size: FS.small,
        color: C.text,
      });
      fitText(cmd, DESIGN_W - 52, 11);
      registerTarget("ins.loopback", line);
    };
    if (serverListen) warn(serverListen);
    else if (createChallengeApi().servedByShopsim())
      void createChallengeApi()
        .health()
        .then((r) => {
          if (!r.ok || !r.data.listen) return;
          serverListen = r.data.listen;
          warn(r.data.listen);
        });
    this.addLangSwitch(DESIGN_W - 196, 20);
    this.buildForm();
    this.renderResult();
    watchChallenge(this, (s, prev) => {
      if (s.create !== prev.create) {
        if (s.create.status !== "idle") savedOffline = null;
        this.renderResult();
      }
    });
    pageBackButton(this, { id: "ins.back", focus: this.focus, onClick: () => this.s.goTo("menu") });
    // A recovery file saved on another computer brings its challenge (code + secret) into this browser.
    armImport((text) => {
      const r = challengeStore().getState().importRecovery(text);
      this.message
        .setColor(css(r.ok ? C.good : C.bad))
        .setText(r.ok ? `✓ ${t("recovery.imported", { code: r.code })}` : `⚠ ${t(r.key)}`);
      this.renderResult();
    });
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => disarmImport());
    new Button(this, {
      id: "ins.recover",
      x: 536,
      y: DESIGN_H - 84,
      w: 260,
      h: 56,
      label: `⇧ ${t("recovery.open")}`,
      variant: "ghost",
      size: FS.h3,
      focus: this.focus,
      onClick: () => pickRunFile(),
    });
    new Button(this, {
      id: "ins.rank",
      x: 260,
      y: DESIGN_H - 84,
      w: 260,
      h: 56,
      label: `≡ ${t("off.ins.rank")}`,
      variant: "secondary",
      size: FS.h3,
      focus: this.focus,
      onClick: () => this.s.goTo("instructorRank"),
    });
  }

  private buildForm(): void {
    const x = 24;
    const w = 600;
    const card = new Card(this, { x, y: 100, w, h: 500, title: t("ins.form") });
    const fx = x + 16;
    let y = 100 + card.contentY;
    const label = (k: string) => {
      addText(this, fx, y, t(k), { size: FS.small, color: C.muted });
      y += 22;
    };
    label("ins.className");
    addTextInput(this, {
      id: "ins.className",
      x: fx,
      y,
      w: w - 32,
      h: 40,
      value: form.className,
      placeholder: t("ins.classPlaceholder"),
      maxLength: 60,
      onChange: (v) => {
        form.className = v;
      },
    });
    y += 52;
    label("ins.scenario");
    const choiceY = y;
    y += 48;
    label("ins.seed");
    const seedY = y;
    addTextInput(this, {
      id: "ins.seedValue",
      x: fx + 300,
      y: seedY,
      w: w - 32 - 300,
      h: 40,
      value: form.seed,
      maxLength: 64,
      onChange: (v) => {
        form.seed = v;
      },
    });
    y += 52;
    label("ins.difficulty");
    const diffY = y;
    y += 52;
    label("ins.deadline");
    const dlY = y;
    y += 52;
    const drawChoices = () => {
      for (const o of this.choices) o.destroy();
      this.choices = [];
      const keep = (r: { buttons: Phaser.GameObjects.GameObject[] }) => this.choices.push(...r.buttons);
      // Scenario: ◀ title ▶ (nine scenarios do not fit one row of chips).
      const list = BUNDLED_SCENARIOS;
      const at = Math.max(
        0,
        list.findIndex((s) => s.id === form.scenario),
      );
      const cycle = (d: number) => {
        form.scenario = list[(at + d + list.length) % list.length]?.id ?? form.scenario;
        drawChoices();
      };
      const cur = list[at];
      const arrows: [string, string, number, number][] = [
        ["ins.scenario.prev", "◀", fx, -1],
        ["ins.scenario.next", "▶", fx + w - 32 - 48, 1],
      ];
      for (const [id, label, bx, d] of arrows)
        this.choices.push(
          new Button(this, {
            id,
            x: bx,
            y: choiceY,
            w: 48,
            h: 40,
            label,
            variant: "chip",
            size: FS.small,
            focus: this.focus,
            onClick: () => cycle(d),
          }),
        );
      this.choices.push(
        new Button(this, {
          id: "ins.scenario",
          x: fx + 56,
          y: choiceY,
          w: w - 32 - 112,
          h: 40,
          label: cur ? `${bi(cur.title)} · ${t("ch.weeks", { n: cur.weeks })}` : form.scenario,
          variant: "chip",
          selected: true,
          size: FS.small,
          focus: this.focus,
          onClick: () => cycle(1),
        }),
      );
      keep(
        addChoice<SeedMode>(this, {
          id: "ins.seedMode",
          x: fx,
          y: seedY,
          w: 288,
          h: 40,
          options: [
            { value: "fixed", label: t("ins.seedFixed") },
            { value: "random", label: t("ins.seedRandom") },
          ],
          value: form.seedMode,
          focus: this.focus,
          size: FS.small,
          onChange: (v) => {
            form.seedMode = v;
            drawChoices();
          },
        }),
      );
      keep(
        addChoice<Form["difficulty"]>(this, {
          id: "ins.difficulty",
          x: fx,
          y: diffY,
          w: w - 32,
          h: 40,
          options: (["easy", "standard", "hard"] as const).map((d) => ({ value: d, label: t(`ch.difficulty.${d}`) })),
          value: form.difficulty,
          focus: this.focus,
          size: FS.small,
          onChange: (v) => {
            form.difficulty = v;
            drawChoices();
          },
        }),
      );
      keep(
        addChoice<Deadline>(this, {
          id: "ins.deadline",
          x: fx,
          y: dlY,
          w: w - 32,
          h: 40,
          options: [
            { value: "none", label: t("ch.noDeadline") },
            { value: "1d", label: t("ins.deadline1d") },
            { value: "7d", label: t("ins.deadline7d") },
          ],
          value: form.deadline,
          focus: this.focus,
          size: FS.small,
          onChange: (v) => {
            form.deadline = v;
            drawChoices();
          },
        }),
      );
    };
    drawChoices();
    this.message = addText(this, fx, y + 4, "", { size: FS.small, color: C.bad, width: w - 32, bold: true });
    new Button(this, {
      id: "ins.create",
      x: fx,
      y: 100 + 500 - 72,
      w: 280,
      h: 56,
      label: `＋ ${t("ins.create")}`,
      variant: "primary",
      size: FS.h3,
      focus: this.focus,
      onClick: () => this.submitForm(),
    });
    new Button(this, {
      id: "ins.saveOffline",
      x: fx + 296,
      y: 100 + 500 - 72,
      w: w - 32 - 296,
      h: 56,
      label: `⤓ ${t("off.ins.saveFile")}`,
      variant: "secondary",
      size: FS.body,
      focus: this.focus,
      onClick: () => this.saveOffline(),
    });
  }

  /** Offline: the same form as a challenge file (and its offline code), no server involved. */
  private saveOffline(): void {
    if (!form.className.trim()) {
      this.message.setColor(css(C.bad)).setText(`⚠ ${t("ins.needClass")}`);
      return;
    }
    const scenario = getScenario(form.scenario);
    if (!scenario) return;
    this.message.setText("");
    const days = form.deadline === "1d" ? 1 : form.deadline === "7d" ? 7 : 0;
    // Offline, everyone must get the same market from the file or code: a random seed is drawn now.
    const seed = form.seedMode === "random" ? randomSeed() : form.seed.trim() || "class-1";
    const challenge = createOfflineChallenge({
      scenario,
      seed,
      difficulty: form.difficulty,
      className: form.className,
      deadline: days ? new Date(Date.now() + days * 86_400_000).toISOString() : null,
    });
    const file = challengeFileName(challenge);
    downloadJson(challengeFileJson(challenge), file);
    savedOffline = { challenge, file };
    this.renderResult();
  }

  private submitForm(): void {
    if (!form.className.trim()) {
      this.message.setColor(css(C.bad)).setText(`⚠ ${t("ins.needClass")}`);
      return;
    }
    this.message.setText("");
    const days = form.deadline === "1d" ? 1 : form.deadline === "7d" ? 7 : 0;
    const seed = form.seedMode === "random" ? "random" : form.seed.trim() || "class-1";
    void challengeStore()
      .getState()
      .createChallenge({
        scenario: form.scenario,
        seed,
        difficulty: form.difficulty,
        deadline: days ? new Date(Date.now() + days * 86_400_000).toISOString() : null,
        className: form.className,
      });
  }

  private renderResult(): void {
    this.result?.destroy();
    const cs = challengeStore();
    const { create, instructor } = cs.getState();
    const x = 644;
    const w = DESIGN_W - x - 24;
    const h = 500;
    const card = new Card(this, { x, y: 100, w, h, title: t("ins.result") });
    this.result = card;
    const y0 = card.contentY;
    if (create.status === "error") {
      card.add(
        addText(this, 16, y0, `⚠ ${apiErrorText(create.error)}`, { size: FS.body, color: C.bad, width: w - 32 }),
      );
    }
    if (create.status === "loading")
      card.add(addText(this, 16, y0, t("ch.loading"), { size: FS.body, color: C.muted }));
    if (savedOffline) {
      this.renderOffline(card, w, savedOffline);
      return;
    }
    const created = create.status === "ok" ? create.created : null;
    if (created) {
      card.add(addText(this, 16, y0, t("ins.codeIs"), { size: FS.small, color: C.muted }));
      const code = addText(this, 16, y0 + 18, created.code, { size: 56, bold: true, color: C.accentHi });
      card.add(code);
      registerTarget("ins.code", code);
      const cls = addText(this, 16, y0 + 92, created.challenge.className, { size: FS.body, bold: true });
      fitText(cls, w - 32 - 220);
      card.add(cls);
      card.add(addText(this, 16, y0 + 122, t("ins.link"), { size: FS.small, color: C.muted }));
      const local = serverListen?.loopback === true;
      const link = addText(this, 16, y0 + 142, local ? `${created.link}  ⚠ ${t("ins.linkLocal")}` : created.link, {
        size: FS.small,
        color: local ? C.warn : C.text,
        width: w - 32 - 220,
      });
      card.add(link);
      card.add(
        addText(this, 16, y0 + 200, t("ins.secretNote"), { size: FS.tiny, color: C.faint, width: w - 32 - 220 }),
      );
      this.addQr(card, created.link, w - 16 - 200, y0, 200);
      const watchW = Math.round((w - 32 - 12) * 0.55);
      new Button(this, {
        id: "ins.recovery",
        x: 16 + watchW + 12,
        y: y0 + 250,
        w: w - 32 - watchW - 12,
        h: 50,
        label: `⤓ ${t("recovery.save")}`,
        variant: "secondary",
        size: FS.body,
        focus: this.focus,
        parent: card,
        onClick: () => {
          const json = cs.getState().recoveryJson(created.code);
          if (!json) return;
          const file = recoveryFileName(created);
          downloadJson(json, file);
          this.message.setColor(css(C.good)).setText(`✓ ${t("recovery.saved", { file })}`);
        },
      });
      new Button(this, {
        id: "ins.watch",
        x: 16,
        y: y0 + 250,
        w: watchW,
        h: 50,
        label: `▸ ${t("ins.watch")}`,
        variant: "primary",
        size: FS.h3,
        focus: this.focus,
        parent: card,
        onClick: () => {
          void cs.getState().openClass(created.code);
          this.s.goTo("instructorClass");
        },
      });
    }
    // Earlier challenges from this browser.
    const listY = created ? y0 + 316 : y0 + (create.status === "idle" ? 0 : 40);
    const earlier = instructor.filter((e) => e.code !== created?.code).slice(0, created ? 3 : 7);
    if (earlier.length > 0) {
      card.add(addText(this, 16, listY, t("ins.earlier"), { size: FS.small, color: C.muted }));
      earlier.forEach((e, i) => {
        new Button(this, {
          id: `ins.open.${e.code}`,
          x: 16,
          y: listY + 24 + i * 44,
          w: w - 32,
          h: 38,
          label: `${e.code} · ${e.className}`,
          variant: "chip",
          size: FS.small,
          focus: this.focus,
          parent: card,
          onClick: () => {
            void cs.getState().openClass(e.code);
            this.s.goTo("instructorClass");
          },
        });
      });
    } else if (!created && create.status === "idle") {
      card.add(addText(this, 16, listY, t("ins.none"), { size: FS.body, color: C.muted, width: w - 32 }));
    }
  }

  /** The offline challenge just saved: its file name and the offline code in large type. */
  private renderOffline(card: Card, w: number, saved: { challenge: OfflineChallenge; file: string }): void {
    const y0 = card.contentY;
    const c = saved.challenge;
    card.add(addText(this, 16, y0, t("off.ins.offline"), { size: FS.body, bold: true, color: C.good }));
    const cls = addText(this, 16, y0 + 30, c.className, { size: FS.body, bold: true });
    fitText(cls, w - 32);
    card.add(cls);
    const sc = getScenario(c.scenario.id);
    const what = addText(this, 16, y0 + 58, `${sc ? bi(sc.title) : c.scenario.id} · ${t("ch.seed")} ${c.seed}`, {
      size: FS.small,
      color: C.muted,
    });
    fitText(what, w - 32, 11);
    card.add(what);
    card.add(addText(this, 16, y0 + 96, t("off.ins.offlineCode"), { size: FS.small, color: C.muted, width: w - 32 }));
    // Four groups a line, so a group is never broken.
    const lines = (c.code.match(/[^-]+/g) ?? []).reduce<string[][]>((acc, g, i) => {
      if (i % 4 === 0) acc.push([]);
      acc[acc.length - 1]?.push(g);
      return acc;
    }, []);
    const code = addText(this, 16, y0 + 126, lines.map((l) => l.join("-")).join("-\n"), {
      size: 34,
      bold: true,
      color: C.accentHi,
    });
    fitText(code, w - 32, 20);
    card.add(code);
    registerTarget("ins.offlineCode", code);
    card.add(
      addText(this, 16, y0 + 136 + code.height, t("off.ins.saved", { file: saved.file }), {
        size: FS.small,
        color: C.text,
        width: w - 32,
      }),
    );
  }

  /** Draws the link as a QR code (qrcode renders to a canvas, which becomes a texture). */
  private addQr(card: Card, link: string, x: number, y: number, size: number): void {
    const canvas = document.createElement("canvas");
    QRCode.toCanvas(canvas, link, { width: size, margin: 2, errorCorrectionLevel: "M" }, (err) => {
      if (err || !card.active) return;
      const key = `qr-${++qrSerial}`;
      this.textures.addCanvas(key, canvas);
      const img = this.add.image(x, y, key).setOrigin(0, 0).setDisplaySize(size, size);
      card.add(img);
      registerTarget("ins.qr", img);
      card.once("destroy", () => {
        if (this.textures.exists(key)) this.textures.remove(key);
      });
    });
  }
}
