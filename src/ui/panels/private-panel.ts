// 私域 Private-domain panel: package-insert card, join coupon, pushes a week and a members-only
// offer (P2.3a), with the join share the card and coupon are expected to give and the fatigue and
// unsubscribe risk of the push frequency (P2.3b); members and last week's member orders, repeat
// orders, joins and unsubscribes from the week report. Every control proposes the whole setting.
import type { Decision } from "../../engine";
import { group, money, orders, percent, t } from "../../i18n";
import { C, FS } from "../theme";
import { Stepper } from "../widgets/stepper";
import { addText } from "../widgets/text";
import { Toggle } from "../widgets/toggle";
import { privateOutlook } from "./channel-estimates";
import { lastWeekStrip } from "./channel-ui";
import type { PanelCtx } from "./panel-context";
import { leverRow } from "./row";

type Settings = Omit<Extract<Decision, { type: "setPrivateDomain" }>, "type">;

export function buildPrivatePanel(ctx: PanelCtx): void {
  const { scene, root, w, draft } = ctx;
  const s = draft.customers.settings;
  const set = (fieldId: string, patch: Partial<Settings>) => {
    const next: Settings = { ...s, ...patch };
    // Turning the card off takes the coupon it carries with it (a coupon needs the card).
    if (patch.insertCard === false) next.inviteCouponFen = 0;
    ctx.propose(fieldId, { type: "setPrivateDomain", ...next });
  };
  const o = privateOutlook(draft, s);
  const last = ctx.lastReport?.customers;
  let y = 12;
  const help = addText(scene, 16, y, t("private.help"), {
    size: FS.tiny,
    color: C.muted,
    width: w - 32,
    lineSpacing: 2,
  });
  root.add(help);
  y += help.height + 6;
  const head = addText(scene, 16, y, t("private.members", { n: group(o.members), a: group(o.activeCustomers) }), {
    size: FS.body,
    bold: true,
  });
  root.add(head);
  y += head.height + 8;
  const sep = scene.add.graphics();
  sep.lineStyle(1, C.line, 0.6);
  sep.lineBetween(16, y - 4, w - 16, y - 4);
  root.add(sep);

  {
    const row = leverRow(ctx, y, "private.card", t("private.card"), t("private.cardHelp"), 0.5);
    new Toggle(scene, {
      id: "private.card",
      x: row.cx,
      y: row.cy + 2,
      value: s.insertCard,
      focus: ctx.focus,
      parent: root,
      onChange: (v) => set("private.card", { insertCard: v }),
    });
    y = row.end(34, s.insertCard ? t("private.join", { v: percent(o.joinShare, 0) }) : t("private.joinNone"));
  }
  {
    const row = leverRow(ctx, y, "private.coupon", t("private.coupon"), t("private.couponHelp"), 0.5);
    new Stepper(scene, {
      id: "private.coupon",
      x: row.cx,
      y: row.cy,
      w: Math.min(240, row.cw),
      h: 38,
      value: s.inviteCouponFen,
      min: 0,
      max: 5_000,
      step: 500,
      format: (v) => (v > 0 ? money(v) : t("private.couponNone")),
      enabled: s.insertCard,
      focus: ctx.focus,
      parent: root,
      onChange: (v) => set("private.coupon", { inviteCouponFen: v }),
    });
    // With last week's new buyers: how many would join, and the most the coupons could cost.
    const joiners = last ? Math.round(last.newCustomers * o.joinShare) : 0;
    const hint = !s.insertCard
      ? t("private.needCard")
      : last && s.inviteCouponFen > 0
        ? t("private.couponEstimate", {
            n: group(last.newCustomers),
            j: group(joiners),
            v: money(joiners * s.inviteCouponFen),
          })
        : t("private.couponCost", { v: money(s.inviteCouponFen) });
    y = row.end(38, hint);
  }
  {
    const row = leverRow(ctx, y, "private.pushes", t("private.pushes"), t("private.pushesHelp"), 0.5);
    new Stepper(scene, {
      id: "private.pushes",
      x: row.cx,
      y: row.cy,
      w: Math.min(240, row.cw),
      h: 38,
      value: s.pushesPerWeek,
      min: 0,
      max: 14,
      step: 1,
      format: (v) => t("private.pushesV", { n: v }),
      focus: ctx.focus,
      parent: root,
      onChange: (v) => set("private.pushes", { pushesPerWeek: v }),
    });
    const risk =
      s.pushesPerWeek > 0
        ? t("private.pushRisk", {
            resp: percent(o.pushResponse, 1),
            unsub: percent(o.unsubscribeShare, 1),
            n: group(o.unsubscribers),
          })
        : t("private.pushNone");
    y = row.end(38, risk);
  }
  {
    const row = leverRow(ctx, y, "private.offer", t("private.offer"), t("private.offerHelp"), 0.5);
    new Stepper(scene, {
      id: "private.offer",
      x: row.cx,
      y: row.cy,
      w: Math.min(240, row.cw),
      h: 38,
      value: s.memberOfferPct,
      min: 0,
      max: 30,
      step: 5,
      format: (v) => (v > 0 ? t("private.offerV", { n: v }) : t("private.offerNone")),
      focus: ctx.focus,
      parent: root,
      onChange: (v) => set("private.offer", { memberOfferPct: v }),
    });
    const aov = ctx.lastReport?.kpis.aovFen ?? 0;
    const hint =
      last && s.memberOfferPct > 0
        ? t("private.offerCost", {
            n: orders(last.memberOrders),
            v: money((last.memberOrders * aov * s.memberOfferPct) / 100),
          })
        : undefined;
    y = row.end(38, hint);
  }
  const parts = last
    ? [
        t("private.lastJoined", { n: group(last.joined) }),
        t("private.lastUnsub", { n: group(last.unsubscribed) }),
        t("private.lastMemberOrders", { n: orders(last.memberOrders) }),
        t("private.lastRepeat", { n: orders(last.repeatOrders) }),
        t("private.lastPushVisits", { n: group(last.pushVisits) }),
        t("private.lastCost", { v: money(last.couponCostFen + last.offerCostFen) }),
        t("private.lastRate", { v: percent(last.repurchaseRate, 1) }),
      ]
    : [];
  lastWeekStrip(ctx, y, parts);
}
