// Instructor, offline: rank the run files trainees exported. Each file is replayed in this browser
// with the same pure verification the server and `npm run sim -- rank` use (src/shared/rank.ts), so
// all three rank the same files the same way. Optionally against a challenge file; otherwise
// against the first run's scenario and seed. Rejected files are listed with the reason; CSV export.
import type Phaser from "phaser";
import { getScenario } from "../../content/scenarios";
import { bi, errorText, hasKey, money, percent, t } from "../../i18n";
import { toCsv } from "../../shared/csv";
import { type OfflineChallenge, type OfflineError, parseChallengeFile } from "../../shared/offline-challenge";
import { type RankResult, rankCsvRows, rankRunFiles } from "../../shared/rank";
import { downloadBlob } from "../challenge-ui";
import { difficultyName } from "../difficulty-text";
import { registerTarget } from "../test-hook";
import { C, DESIGN_H, DESIGN_W, FS } from "../theme";
import { Button } from "../widgets/button";
import { Card } from "../widgets/card";
import { pageBackButton } from "../widgets/page-buttons";
import { addText, clipText, fitText } from "../widgets/text";
import { BaseScene } from "./base-scene";
import { starsText } from "./campaign";

const NOT_JSON: unique symbol = Symbol("not json");

interface RankState {
  challenge: OfflineChallenge | null;
  challengeError: OfflineError | null;
  files: { file: string; raw: unknown }[];
  result: RankResult | { error: string } | null;
  page: number;
}

// Kept across language switches (the scene is rebuilt then).
const state: RankState = { challenge: null, challengeError: null, files: [], result: null, page: 0 };

const ROWS_PER_PAGE = 9;

/** One line of the table: a ranked run, a duplicate or a rejected file. */
interface Row {
  rank: string;
  name: string;
  score: string;
  stars: string;
  verdict: string;
  good: boolean;
  gmv: string;
  net: string;
  conv: string;
}

function reasonText(x: RankResult["rejected"][number]): string {
  if (x.key && hasKey(x.key)) return errorText({ key: x.key, params: x.params ?? {}, message: x.message });
  const k = `off.reject.${x.code}`;
  return hasKey(k) ? t(k) : x.message;
}

function computeRanking(): void {
  const c = state.challenge;
  const files = state.files.filter((f) => f.raw !== NOT_JSON);
  state.result =
    files.length === 0 && state.files.length === 0
      ? null
      : rankRunFiles(files, c ? { scenario: c.scenario.id, seed: c.seed, difficulty: c.difficulty } : {});
  state.page = 0;
}

function rowsOf(r: RankResult | null): Row[] {
  const rows: Row[] = [];
  if (r) {
    for (const x of r.ranked) {
      const k = x.kpis;
      rows.push({
        rank: String(x.rank),
        name: x.player ?? x.file,
        score: String(x.score),
        stars: starsText(x.stars),
        verdict: t("off.rank.verified"),
        good: true,
        gmv: money(k.gmvFen ?? 0),
        net: money(k.netProfitFen ?? 0),
        conv: percent(k.conversionRate ?? 0),
      });
    }
    for (const d of r.duplicates)
      rows.push({
        rank: "=",
        name: d.player ?? d.file,
        score: "",
        stars: "",
        verdict: `= ${t("off.rank.duplicate", { file: d.sameAs })}`,
        good: false,
        gmv: "",
        net: "",
        conv: "",
      });
    for (const x of r.rejected)
      rows.push({
        rank: "✗",
        name: x.player ?? x.file,
        score: "",
        stars: "",
        verdict: `✗ ${reasonText(x)}`,
        good: false,
        gmv: "",
        net: "",
        conv: "",
      });
  }
  // Files that are not JSON at all: listed last, as rejected.
  for (const f of state.files)
    if (f.raw === NOT_JSON)
      rows.push({
        rank: "✗",
        name: f.file,
        score: "",
        stars: "",
        verdict: `✗ ${t("off.reject.not_json")}`,
        good: false,
        gmv: "",
        net: "",
        conv: "",
      });
  return rows;
}

/** A hidden file input for this screen (several run files, or one challenge file). */
function fileInput(id: string, multiple: boolean, onFiles: (files: { name: string; text: string }[]) => void): void {
  let el = document.getElementById(id) as HTMLInputElement | null;
  if (!el) {
    el = document.createElement("input");
    el.type = "file";
    el.id = id;
    el.accept = ".json,application/json";
    el.multiple = multiple;
    el.style.display = "none";
    document.body.appendChild(el);
  }
  const input = el;
  input.onchange = () => {
    const picked = [...(input.files ?? [])];
    void Promise.all(picked.map(async (f) => ({ name: f.name, text: await f.text() }))).then((files) => {
      input.value = "";
      onFiles(files);
    });
  };
}

export class InstructorRank extends BaseScene {
  private body: Phaser.GameObjects.GameObject[] = [];
  private challengeCard: Card | null = null;

  constructor() {
    super("InstructorRank");
  }

  protected build(): void {
    this.drawBackdrop();
    addText(this, 24, 18, t("off.rank.title"), { size: FS.h1, bold: true });
    const sub = addText(this, 26, 64, t("off.rank.subtitle"), {
      size: FS.small,
      color: C.muted,
      width: DESIGN_W - 260,
    });
    void sub;
    this.addLangSwitch(DESIGN_W - 196, 20);

    fileInput("shopsim-rank-import", true, (files) => {
      for (const f of files) {
        let raw: unknown = NOT_JSON;
        try {
          raw = JSON.parse(f.text);
        } catch {
          raw = NOT_JSON;
        }
        state.files.push({ file: f.name, raw });
      }
      computeRanking();
      this.renderTable();
    });
    fileInput("shopsim-rank-challenge", false, (files) => {
      const f = files[0];
      if (!f) return;
      const r = parseChallengeFile(f.text);
      state.challenge = r.ok ? r.value : null;
      state.challengeError = r.ok ? null : r.error;
      computeRanking();
      this.renderChallenge();
      this.renderTable();
    });

    this.renderChallenge();
    this.renderTable();

    const by = DESIGN_H - 84;
    pageBackButton(this, { id: "rank.back", w: 200, focus: this.focus, onClick: () => this.s.goTo("instructor") });
    const actions: [string, string, () => void][] = [
      ["rank.addRuns", `＋ ${t("off.rank.addRuns")}`, () => document.getElementById("shopsim-rank-import")?.click()],
      ["rank.csv", `⇩ ${t("off.rank.csv")}`, () => this.exportCsv()],
      [
        "rank.clear",
        `✕ ${t("off.rank.clear")}`,
        () => {
          state.files = [];
          state.result = null;
          state.page = 0;
          this.renderTable();
        },
      ],
    ];
    actions.forEach(([id, label, onClick], i) => {
      new Button(this, {
        id,
        x: 240 + i * 236,
        y: by,
        w: 220,
        h: 56,
        label,
        variant: i === 0 ? "primary" : "secondary",
        size: FS.h3,
        focus: this.focus,
        onClick,
      });
    });
  }

  private renderChallenge(): void {
    this.challengeCard?.destroy();
    const x = 24;
    const w = DESIGN_W - 48;
    const card = new Card(this, { x, y: 96, w, h: 76 });
    this.challengeCard = card;
    const label = addText(this, 16, 14, t("off.rank.challenge"), { size: FS.small, color: C.muted });
    card.add(label);
    let text: string;
    let color: number = C.text;
    const c = state.challenge;
    if (state.challengeError) {
      text = `⚠ ${t(state.challengeError.key, state.challengeError.params)}`;
      color = C.bad;
    } else if (c) {
      const sc = getScenario(c.scenario.id);
      text = `${c.className ? `${c.className} · ` : ""}${t("off.rank.against", { scenario: sc ? bi(sc.title) : c.scenario.id, seed: c.seed })} · ${t("diff.slot", { name: difficultyName(c.difficulty) })} · ${c.code}`;
    } else {
      text = t("off.rank.byFirst");
      color = C.muted;
    }
    const v = addText(this, 16, 38, text, { size: FS.body, bold: !!c, color });
    fitText(v, w - 32 - 240, 11);
    clipText(v, w - 32 - 240);
    card.add(v);
    registerTarget("rank.challengeText", v);
    new Button(this, {
      id: "rank.openChallenge",
      x: w - 16 - 220,
      y: 18,
      w: 220,
      h: 42,
      label: `▤ ${t("off.rank.openChallenge")}`,
      variant: "chip",
      size: FS.small,
      focus: this.focus,
      parent: card,
      onClick: () => document.getElementById("shopsim-rank-challenge")?.click(),
    });
  }

  private renderTable(): void {
    for (const o of this.body) o.destroy();
    this.body = [];
    const x = 24;
    const y = 184;
    const w = DESIGN_W - 48;
    const h = DESIGN_H - 84 - 16 - y;
    const card = new Card(this, { x, y, w, h });
    this.body.push(card);
    const r = state.result && !("error" in state.result) ? state.result : null;
    if (state.result && "error" in state.result) {
      card.add(addText(this, 16, 16, `⚠ ${t("off.rank.noScenario")}`, { size: FS.body, color: C.bad, width: w - 32 }));
    }
    const rows = rowsOf(r);
    if (rows.length === 0) {
      if (!state.result) card.add(addText(this, 16, 16, t("off.rank.empty"), { size: FS.body, color: C.muted }));
      return;
    }
    // Columns: rank, name, score, stars, verdict, GMV, net profit, conversion.
    const cols = [
      { key: "rank", title: t("off.col.rank"), x: 16, w: 56 },
      { key: "name", title: t("off.col.name"), x: 76, w: 196 },
      { key: "score", title: t("off.col.score"), x: 280, w: 64 },
      { key: "stars", title: t("off.col.stars"), x: 350, w: 70 },
      { key: "verdict", title: t("off.col.verified"), x: 428, w: 384 },
      { key: "gmv", title: t("off.col.gmv"), x: 820, w: 130 },
      { key: "net", title: t("off.col.netProfit"), x: 956, w: 130 },
      { key: "conv", title: t("off.col.conversion"), x: 1092, w: w - 16 - 1092 },
    ] as const;
    for (const c of cols) {
      const head = addText(this, c.x, 14, c.title, { size: FS.small, color: C.muted, bold: true });
      fitText(head, c.w - 6, 10);
      clipText(head, c.w - 6);
      card.add(head);
    }
    const pages = Math.max(1, Math.ceil(rows.length / ROWS_PER_PAGE));
    state.page = Math.min(state.page, pages - 1);
    const shown = rows.slice(state.page * ROWS_PER_PAGE, (state.page + 1) * ROWS_PER_PAGE);
    shown.forEach((row, i) => {
      const ry = 44 + i * 36;
      if (i % 2 === 0) card.add(this.add.rectangle(8, ry - 6, w - 16, 34, C.bgDeep, 0.5).setOrigin(0, 0));
      for (const c of cols) {
        const value = row[c.key];
        if (!value) continue;
        const color = c.key === "verdict" ? (row.good ? C.good : C.bad) : c.key === "rank" ? C.accentHi : C.text;
        const cell = addText(this, c.x, ry, value, {
          size: c.key === "verdict" ? FS.small : FS.body,
          color,
          bold: c.key === "rank" || c.key === "score",
        });
        // A rejection's reason may use the KPI columns, which such a row leaves empty.
        const width = c.key === "verdict" && !row.good ? w - 16 - c.x : c.w;
        fitText(cell, width - 6, c.key === "name" ? 13 : 11);
        clipText(cell, width - 6);
        card.add(cell);
        registerTarget(`rank.row.${state.page * ROWS_PER_PAGE + i}.${c.key}`, cell);
      }
    });
    const summary = addText(
      this,
      16,
      h - 30,
      t("off.rank.summary", {
        ok: r?.ranked.length ?? 0,
        dup: r?.duplicates.length ?? 0,
        bad: (r?.rejected.length ?? 0) + state.files.filter((f) => f.raw === NOT_JSON).length,
      }),
      { size: FS.small, color: C.muted },
    );
    card.add(summary);
    registerTarget("rank.summary", summary);
    if (pages > 1) {
      const pageText = addText(this, w - 16 - 200, h - 30, t("off.rank.page", { page: state.page + 1, pages }), {
        size: FS.small,
        color: C.muted,
        align: "center",
      });
      card.add(pageText);
      const nav = (id: string, label: string, dx: number, delta: number) =>
        new Button(this, {
          id,
          x: w - 16 - 200 + dx,
          y: h - 38,
          w: 44,
          h: 32,
          label,
          variant: "chip",
          size: FS.small,
          focus: this.focus,
          parent: card,
          enabled: delta < 0 ? state.page > 0 : state.page < pages - 1,
          onClick: () => {
            state.page += delta;
            this.renderTable();
          },
        });
      nav("rank.prev", "◀", 80, -1);
      nav("rank.next", "▶", 136, 1);
    }
  }

  private exportCsv(): void {
    const r = state.result && !("error" in state.result) ? state.result : null;
    if (!r) return;
    const rows = rankCsvRows(
      r,
      {
        rank: t("off.col.rank"),
        name: t("off.col.name"),
        file: t("off.col.file"),
        score: t("off.col.score"),
        stars: t("off.col.stars"),
        verified: t("off.col.verified"),
        reason: t("off.col.reason"),
        gmv: t("off.col.gmv"),
        orders: t("off.col.orders"),
        uv: t("off.col.uv"),
        conversion: t("off.col.conversion"),
        netProfit: t("off.col.netProfit"),
        dsr: t("off.col.dsr"),
        refundRate: t("off.col.refundRate"),
        cash: t("off.col.cash"),
      },
      {
        yes: t("off.col.yes"),
        no: t("off.col.no"),
        duplicateOf: (file) => t("off.rank.duplicate", { file }),
      },
      reasonText,
    );
    for (const f of state.files)
      if (f.raw === NOT_JSON) rows.push([null, f.file, f.file, null, null, t("off.col.no"), t("off.reject.not_json")]);
    const c = state.challenge;
    const name = c
      ? `shopsim-offline-${c.scenario.id}-${c.seed.replace(/[^\w-]+/g, "_").slice(0, 30)}`
      : "shopsim-offline";
    downloadBlob(new Blob([toCsv(rows)], { type: "text/csv;charset=utf-8" }), `${name}.csv`);
  }
}
