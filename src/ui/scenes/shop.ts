// The shop screen: HUD, lever panels by tab, the storefront, this week's pending changes and
// 结束本周. Panels redraw from the store's draft whenever it changes; a rejected change leaves the
// draft as it was and shows the reason under the control that caused it.
import type Phaser from "phaser";
import { LEVER_OF } from "../../engine";
import { bi, errorText, items, moneyShort, plural, t } from "../../i18n";
import { HUD_H, Hud } from "../panels/hud";
import { isPanelLever, PANEL_LEVERS, type PanelCtx, type ViewState } from "../panels/panel-context";
import { pendingLines } from "../panels/pending-text";
import { PANEL_BUILDERS } from "../panels/registry";
import { addStorefront } from "../panels/storefront";
import { C, DESIGN_W, FS } from "../theme";
import { Button } from "../widgets/button";
import { Card } from "../widgets/card";
import { confirmDialog, isConfirmOpen } from "../widgets/confirm";
import { drawLock } from "../widgets/icons";
import { addText } from "../widgets/text";
import { BaseScene } from "./base-scene";

const PANEL = { x: 16, y: HUD_H + 60, w: 748, h: 720 - HUD_H - 60 - 12 };
const RIGHT = { x: 780, w: DESIGN_W - 780 - 16 };
const STOREFRONT_H = 330;
const PENDING_LINE_H = 30;

/** First row of the pending list shown (the list scrolls when it is longer than its card). */
let pendingTop = 0;

/** View state survives scene restarts (language switch, next week) within a session. */
const view: ViewState = { tab: "store", sku: "", productTab: "title", sub: {} };

export class Shop extends BaseScene {
  private hud!: Hud;
  private panelRoot!: Phaser.GameObjects.Container;
  private sideRoot!: Phaser.GameObjects.Container;
  private tabRoot!: Phaser.GameObjects.Container;
  private errors = new Map<string, string>();

  constructor() {
    super("Shop");
  }

  protected build(): void {
    const { scenario, game } = this.s;
    if (!scenario || !game) {
      this.s.goTo("menu");
      return;
    }
    if (!scenario.skus.some((s) => s.id === view.sku)) view.sku = scenario.skus[0]?.id ?? "";
    if (!scenario.levers.includes(view.tab)) view.tab = scenario.levers.find(isPanelLever) ?? "store";
    this.errors = new Map();
    this.drawBackdrop();
    this.hud = new Hud(this, 500);
    this.addLangSwitch(DESIGN_W - 292, 16);
    const aside: { id: string; label: string; screen: "dashboard" | "glossary" }[] = [
      { id: "hud.dashboard", label: `▤ ${t("hud.dashboard")}`, screen: "dashboard" },
      { id: "hud.glossary", label: `✎ ${t("hud.glossary")}`, screen: "glossary" },
    ];
    aside.forEach((b, i) => {
      new Button(this, {
        id: b.id,
        x: DESIGN_W - 492 + i * 98,
        y: 16,
        w: 92,
        h: 32,
        label: b.label,
        variant: "ghost",
        size: FS.small,
        focus: this.focus,
        onClick: () => this.s.openAside(b.screen),
      });
    });
    new Button(this, {
      id: "hud.menu",
      x: DESIGN_W - 112,
      y: 16,
      w: 96,
      h: 32,
      label: `☰ ${t("hud.menu")}`,
      variant: "ghost",
      size: FS.small,
      focus: this.focus,
      onClick: () => this.s.goTo("menu"),
    });
    this.tabRoot = this.add.container(0, 0);
    new Card(this, { x: PANEL.x, y: PANEL.y, w: PANEL.w, h: PANEL.h, fill: C.panel });
    this.panelRoot = this.add.container(PANEL.x, PANEL.y);
    const last = this.s.reports[this.s.reports.length - 1];
    addStorefront(this, {
      x: RIGHT.x,
      y: HUD_H + 12,
      w: RIGHT.w,
      h: STOREFRONT_H,
      sign: bi(scenario.title),
      skus: game.skus.map((k) => ({
        name: this.skuName(k.id),
        stock: k.stock,
        incoming: k.pipeline.map((l) => ({ day: l.arriveDay, qty: l.qty })),
      })),
      uv: last ? last.kpis.uv : null,
      fullShelf: Math.max(...scenario.skus.map((s) => s.stock), 100),
      traffic: last ? { ...last.traffic } : undefined,
      paid: last ? last.funnel.paid : undefined,
      alerts: this.alerts(),
      warehouse: true,
      today: game.week * 7,
    });
    this.sideRoot = this.add.container(RIGHT.x, HUD_H + 12 + STOREFRONT_H + 12);
    new Button(this, {
      id: "shop.endWeek",
      x: RIGHT.x,
      y: 720 - 12 - 60,
      w: RIGHT.w,
      h: 60,
      label: t("shop.endWeek"),
      variant: "primary",
      size: FS.h2,
      focus: this.focus,
      onClick: () => this.endWeek(),
    });
    // Enter with nothing focused asks first: only the End-week button itself ends the week at once.
    this.focus.onDefaultEnter = () => this.confirmEndWeek();
    this.watch(
      (s) => s.draft,
      () => this.refresh(),
    );
    this.refresh();
  }

  private skuName(id: string): string {
    const sc = this.s.scenario;
    return bi(sc?.skus.find((s) => s.id === id)?.name ?? { "zh-CN": id, en: id });
  }

  /** HUD alerts: sold out, low stock (under five days of last week's sales, at least 10) of listed SKUs, low cash. */
  private alerts(): string[] {
    const { scenario, game, reports } = this.s;
    if (!scenario || !game) return [];
    const last = reports[reports.length - 1];
    const out: string[] = [];
    for (const k of game.skus) {
      // Not on sale (catalogue SKU not launched yet, or delisted): no stock alarm (engine SkuLifecycle).
      if (game.lifecycle?.skus[k.id]?.listed === false) continue;
      const units = last?.skus.find((s) => s.id === k.id)?.units ?? 0;
      if (k.stock <= 0) out.push(t("alert.soldOut", { sku: this.skuName(k.id) }));
      else if (k.stock <= Math.max(10, (units / 7) * 5))
        out.push(t("alert.lowStock", { sku: this.skuName(k.id), n: items(k.stock) }));
    }
    if (game.cashFen < scenario.start.cashFen * 0.2) out.push(t("alert.cashLow", { cash: moneyShort(game.cashFen) }));
    return out;
  }

  private confirmEndWeek(): void {
    const { game, pending } = this.s;
    if (!game || isConfirmOpen(this)) return;
    confirmDialog(this, {
      id: "confirm.endWeek",
      title: t("guard.endWeekTitle", { week: game.week + 1 }),
      body: plural("guard.endWeekBody", pending.length),
      confirmLabel: t("shop.endWeek"),
      focus: this.focus,
      onConfirm: () => this.endWeek(),
    });
  }

  private endWeek(): void {
    const r = this.s.endWeek();
    if (!r.ok) {
      const e = r.errors[0];
      this.setError("shop.pending", e ? errorText(e.error, this.names()) : t("err.unknown", { message: "?" }));
    }
  }

  private ctx(): PanelCtx | null {
    const { scenario, game, draft, pending, reports } = this.s;
    if (!scenario || !game || !draft) return null;
    return {
      scene: this,
      root: this.panelRoot,
      w: PANEL.w,
      h: PANEL.h,
      scenario,
      game,
      draft,
      pending,
      lastReport: reports[reports.length - 1],
      reports,
      focus: this.focus,
      errors: this.errors,
      view,
      // Errors are cleared first: a successful change redraws through the draft subscription,
      // a rejected one leaves the draft alone and redraws here with its message.
      propose: (fieldId, d) => {
        this.errors.clear();
        const err = this.s.propose(d);
        if (err) this.setError(fieldId, errorText(err, this.names()));
      },
      withdraw: (fieldId, type, sku, field) => {
        this.errors.clear();
        this.s.withdraw(type, sku, field);
        const e = this.s.lastErrors[0];
        if (e) this.setError(fieldId, errorText(e.error, this.names()));
      },
      fieldError: (fieldId, message) => this.setError(fieldId, message),
      setView: (v) => {
        Object.assign(view, v);
        this.errors.clear();
        this.refresh();
      },
    };
  }

  /** Resolves ids in error params to display names. */
  private names() {
    const sc = this.s.scenario;
    return (param: string, value: string): string | undefined => {
      if (!sc) return undefined;
      if (param === "sku") {
        const s = sc.skus.find((k) => k.id === value);
        return s ? bi(s.name) : undefined;
      }
      if (param === "keyword") {
        const k = sc.market.keywords.find((kw) => kw.id === value);
        return k ? bi(k.text) : undefined;
      }
      if (param === "target") {
        const seg = sc.market.segments.find((s) => s.id === value);
        return seg ? bi(seg.name) : undefined;
      }
      return undefined;
    };
  }

  private setError(fieldId: string, message: string | undefined): void {
    // One message at a time: a success anywhere clears older errors, so none goes stale.
    this.errors.clear();
    if (message) this.errors.set(fieldId, message);
    this.refresh();
  }

  private refresh(): void {
    const ctx = this.ctx();
    if (!ctx) return;
    const focused = this.focus.focusedId();
    this.hud.show({ scenario: ctx.scenario, game: ctx.game, draft: ctx.draft, lastReport: ctx.lastReport });
    this.buildTabs(ctx);
    this.panelRoot.removeAll(true);
    const builder = PANEL_BUILDERS[view.tab];
    if (!ctx.scenario.levers.includes(view.tab) || !builder) this.buildLocked(ctx);
    else builder(ctx);
    this.buildSide(ctx);
    this.focus.focusById(focused);
  }

  private buildTabs(ctx: PanelCtx): void {
    this.tabRoot.removeAll(true);
    const gap = 6;
    const w = (PANEL.w - (PANEL_LEVERS.length - 1) * gap) / PANEL_LEVERS.length;
    PANEL_LEVERS.forEach((lever, i) => {
      const open = ctx.scenario.levers.includes(lever);
      const changed = ctx.pending.some((p) => LEVER_OF[p.type] === lever);
      const b = new Button(this, {
        id: `tab.${lever}`,
        x: PANEL.x + i * (w + gap),
        y: HUD_H + 10,
        w,
        h: 42,
        label: `${t(`lever.tab.${lever}`)}${changed ? " ●" : ""}`,
        variant: open ? "chip" : "ghost",
        size: FS.small,
        selected: view.tab === lever,
        focus: this.focus,
        parent: this.tabRoot,
        onClick: () => ctx.setView({ tab: lever }),
      });
      // Locked tabs carry a padlock in the corner (not only a colour), out of the label's way.
      if (!open) b.add(drawLock(this, w - 9, 10, C.faint).setScale(0.7));
    });
  }

  private buildLocked(ctx: PanelCtx): void {
    const lock = drawLock(this, PANEL.w / 2, 200, C.faint).setScale(3);
    const msg = addText(this, PANEL.w / 2, 250, t("lever.lockedReason", { lever: t(`lever.${view.tab}`) }), {
      size: FS.h3,
      color: C.muted,
      width: PANEL.w - 120,
      align: "center",
      originX: 0.5,
    });
    ctx.root.add([lock, msg]);
  }

  private buildSide(ctx: PanelCtx): void {
    const root = this.sideRoot;
    root.removeAll(true);
    const h = 720 - 12 - 60 - 12 - (HUD_H + 12 + STOREFRONT_H + 12);
    const card = new Card(this, { x: 0, y: 0, w: RIGHT.w, h, title: t("shop.pending"), parent: root });
    let y = card.contentY;
    const msg = this.errors.get("shop.pending");
    const lines = pendingLines(ctx);
    // The whole list, a page at a time: ▲ ▼ (and the mouse wheel) scroll it, each row has its undo.
    const rowsFit = Math.max(1, Math.floor((h - y - 8 - (msg ? 24 : 0)) / PENDING_LINE_H));
    pendingTop = Math.max(0, Math.min(pendingTop, lines.length - rowsFit));
    if (lines.length === 0) {
      card.add(addText(this, 16, y, t("shop.pendingNone"), { size: FS.small, color: C.muted, width: RIGHT.w - 32 }));
    }
    const shown = lines.slice(pendingTop, pendingTop + rowsFit);
    for (const l of shown) {
      const text = addText(this, 16, y + 13, `• ${l.text}`, { size: FS.small, originY: 0.5 });
      const maxW = RIGHT.w - 32 - 84;
      if (text.width > maxW) {
        text.setText(`${text.text.slice(0, Math.max(4, Math.floor((text.text.length * maxW) / text.width) - 1))}…`);
      }
      card.add(text);
      new Button(this, {
        id: l.id,
        x: RIGHT.w - 16 - 76,
        y: y + 1,
        w: 76,
        h: 24,
        label: `↶ ${t("shop.withdraw")}`,
        size: FS.tiny,
        variant: "ghost",
        focus: this.focus,
        parent: card,
        onClick: () => ctx.withdraw("shop.pending", l.type, l.sku, l.field),
      });
      y += PENDING_LINE_H;
    }
    if (lines.length > rowsFit) {
      const scroll = (d: number) => {
        const next = Math.max(0, Math.min(pendingTop + d, lines.length - rowsFit));
        if (next === pendingTop) return;
        pendingTop = next;
        const f = this.focus.focusedId();
        this.buildSide(ctx);
        this.focus.focusById(f);
      };
      const range = addText(
        this,
        RIGHT.w - 16 - 2 * 34 - 8,
        22,
        t("shop.pendingRange", { from: pendingTop + 1, to: pendingTop + shown.length, n: lines.length }),
        { size: FS.tiny, color: C.muted, originX: 1, originY: 0.5 },
      );
      card.add(range);
      const arrows: [string, string, number, boolean][] = [
        ["shop.pending.up", "▲", -1, pendingTop > 0],
        ["shop.pending.down", "▼", 1, pendingTop + rowsFit < lines.length],
      ];
      arrows.forEach(([id, label, d, enabled], i) => {
        new Button(this, {
          id,
          x: RIGHT.w - 16 - (2 - i) * 34 + 4,
          y: 8,
          w: 30,
          h: 28,
          label,
          size: FS.tiny,
          variant: "chip",
          enabled,
          focus: this.focus,
          parent: card,
          onClick: () => scroll(d * Math.max(1, rowsFit - 1)),
        });
      });
      card.bg.setInteractive();
      card.bg.on("wheel", (_p: unknown, _dx: number, dy: number) => scroll(dy > 0 ? 1 : -1));
    }
    if (msg) {
      const e = addText(this, 16, h - 8, t("shop.error", { message: msg }), {
        size: FS.small,
        color: C.bad,
        bold: true,
        width: RIGHT.w - 32,
        originY: 1,
      });
      card.add(e);
    }
  }
}
