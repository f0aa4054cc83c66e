// 客服 Service panel (P1.3a–b): two sub-sections. 接待 (chat): shift hours, standard scripts and
// personal touches, with last week's inquiries, reply time, answered share and 服务态度 DSR.
// 订单与物流 (orders): address check, stock sync, delay notices, refund speed and the courier, with
// last week's exceptions and 物流服务 DSR. Every control proposes a setService carrying just its field.

import {
  ADDRESS_CHECK_CATCH,
  ADDRESS_CHECK_MIN,
  BAD_ANSWER_SHARE,
  DELAY_NOTICE_FACTOR,
  DELIGHT_SHARE,
  INQUIRY_DAY_HOURS,
  LOGISTICS,
  OVERSELL_COMPENSATION,
  PERSONAL_MINUTES_PER_LEVEL,
  REFUND_FAST_MIN,
  REFUND_SPEED,
  SCRIPT_TIME_FACTOR,
} from "../../engine/model";
import { PROVIDERS, REFUND_SPEEDS, type ServicePolicy } from "../../engine/systems/service";
import { fixed, group, hours, money, percent, t, times } from "../../i18n";
import { C, FS } from "../theme";
import { Card } from "../widgets/card";
import { addChoice } from "../widgets/choice";
import { Stepper } from "../widgets/stepper";
import { addText } from "../widgets/text";
import { Toggle } from "../widgets/toggle";
import { compactRow } from "./compact-row";
import { serviceValueText } from "./ops-text";
import type { PanelCtx } from "./panel-context";
import { currentSub, subChips } from "./sub-chips";

const pct0 = (x: number) => percent(x, 0);

export function buildServicePanel(ctx: PanelCtx): void {
  const { scene, root, w, draft } = ctx;
  const p = draft.ops.policy;
  const options = [
    { value: "chat", label: t("service.sub.chat") },
    { value: "orders", label: t("service.sub.orders") },
  ];
  const sub = currentSub(ctx, "service", options);
  let y = 12;
  y += subChips(ctx, "service", y, options, sub) + 10;

  const set = <K extends keyof ServicePolicy>(field: K, v: ServicePolicy[K]) =>
    ctx.propose(`service.${field}`, { type: "setService", [field]: v });
  const ops = ctx.lastReport?.ops;
  const stats = (lines: string[]) => {
    const card = new Card(scene, { x: 16, y, w: w - 32, h: 10, fill: C.bgDeep, parent: root });
    const head = addText(scene, 14, 10, t("service.lastWeek"), { size: FS.small, bold: true, color: C.muted });
    const body = addText(scene, 14, 10 + head.height + 4, lines.join("\n"), {
      size: FS.small,
      width: w - 32 - 28,
      lineSpacing: 4,
    });
    card.add([head, body]);
    const h = 10 + head.height + 4 + body.height + 10;
    card.bg.setSize(w - 32, h);
    y += h + 10;
  };
  const toggle = (field: "scripts" | "addressCheck" | "stockSync" | "delayNotice", help: string, hint?: string) => {
    const id = `service.${field}`;
    const row = compactRow(ctx, y, id, t(id), help, 0.62);
    new Toggle(scene, {
      id,
      x: row.cx,
      y: row.cy + 2,
      value: p[field],
      focus: ctx.focus,
      parent: root,
      onChange: (v) => set(field, v),
    });
    y = row.end(34, hint);
  };

  if (sub === "chat") {
    const staff = draft.team.members.service;
    const staffHoursPerDay = (staff * draft.team.hoursPerPerson.service) / 7;
    const s = ops?.service;
    const lines: string[] = [];
    if (s) {
      lines.push(
        t("service.stat.inquiries", {
          n: group(s.presale + s.aftersale),
          pre: group(s.presale),
          after: group(s.aftersale),
          answered: pct0(s.answeredShare),
        }),
        t("service.stat.reply", {
          sec: fixed(s.avgReplySec, 0),
          busy: pct0(s.utilisation),
          mult: times(s.conversionMult),
        }),
      );
    } else {
      lines.push(t("service.stat.none"));
    }
    const rating = ops?.ratings?.service;
    lines.push(
      t("service.stat.dsr", {
        dsr: fixed(ctx.game.dsr.service, 2),
        week: rating ? fixed(rating, 2) : "—",
      }),
    );
    lines.push(t("service.stat.staff", { n: staff, h: hours(Math.round(staffHoursPerDay * 10) / 10) }));
    stats(lines);

    {
      const id = "service.shiftHours";
      const row = compactRow(ctx, y, id, t(id), t("service.shiftHelp", { h: INQUIRY_DAY_HOURS }), 0.5);
      new Stepper(scene, {
        id,
        x: row.cx,
        y: row.cy,
        w: Math.min(row.cw, 260),
        h: 36,
        value: p.shiftHours,
        min: 4,
        max: 16,
        step: 1,
        format: (v) => serviceValueText("shiftHours", v),
        focus: ctx.focus,
        parent: root,
        onChange: (v) => set("shiftHours", v),
      });
      const covered = Math.min(p.shiftHours, staffHoursPerDay) / INQUIRY_DAY_HOURS;
      const hint =
        p.shiftHours > staffHoursPerDay
          ? t("service.shiftShort", { h: hours(Math.round(staffHoursPerDay * 10) / 10), pct: pct0(covered) })
          : t("service.shiftCover", { pct: pct0(covered) });
      y = row.end(36, hint);
    }
    toggle(
      "scripts",
      t("service.scriptsHelp", {
        save: pct0(1 - SCRIPT_TIME_FACTOR),
        from: pct0(BAD_ANSWER_SHARE.noScripts),
        to: pct0(BAD_ANSWER_SHARE.scripts),
      }),
    );
    {
      const id = "service.personalization";
      const row = compactRow(
        ctx,
        y,
        id,
        t(id),
        t("service.personalHelp", {
          min: PERSONAL_MINUTES_PER_LEVEL,
          a: pct0(DELIGHT_SHARE[0]),
          b: pct0(DELIGHT_SHARE[1]),
          c: pct0(DELIGHT_SHARE[2]),
        }),
        0.5,
      );
      const { height } = addChoice<number>(scene, {
        id,
        x: row.cx,
        y: row.cy,
        w: row.cw,
        h: 34,
        size: FS.small,
        options: [0, 1, 2].map((n) => ({ value: n, label: serviceValueText("personalization", n) })),
        value: p.personalization,
        focus: ctx.focus,
        parent: root,
        onChange: (v) => set("personalization", v),
      });
      y = row.end(height);
    }
    return;
  }

  // 订单与物流
  const o = ops?.orders;
  const lines: string[] = [];
  if (o) {
    lines.push(
      t("service.stat.shipped", {
        n: group(o.shipped),
        addr: group(o.addressErrors),
        delayed: group(o.delayed),
        oversold: group(o.oversold),
      }),
      t("service.stat.refunds", {
        req: group(o.returnRequests),
        ok: group(o.refundsApproved),
        disputes: group(o.disputes),
        cost: money(o.reshipFen + o.compensationFen + o.extraShippingFen),
      }),
    );
  } else {
    lines.push(t("service.stat.none"));
  }
  lines.push(
    t("service.stat.dsrOrders", {
      log: fixed(ctx.game.dsr.logistics, 2),
      desc: fixed(ctx.game.dsr.description, 2),
    }),
  );
  stats(lines);

  toggle(
    "addressCheck",
    t("service.addressHelp", { min: ADDRESS_CHECK_MIN, catch: pct0(ADDRESS_CHECK_CATCH) }),
    draft.team.members.operations > 0 ? undefined : t("service.noOps"),
  );
  toggle("stockSync", t("service.stockHelp", { pct: pct0(OVERSELL_COMPENSATION) }));
  toggle("delayNotice", t("service.delayHelp", { pct: pct0(1 - DELAY_NOTICE_FACTOR) }));
  {
    const id = "service.refundSpeed";
    const row = compactRow(
      ctx,
      y,
      id,
      t(id),
      t("service.refundHelp", {
        min: REFUND_FAST_MIN,
        fast: REFUND_SPEED.fast.days,
        normal: REFUND_SPEED.normal.days,
        slow: REFUND_SPEED.slow.days,
        dn: pct0(REFUND_SPEED.normal.dispute),
        ds: pct0(REFUND_SPEED.slow.dispute),
      }),
      0.5,
    );
    const { height } = addChoice(scene, {
      id,
      x: row.cx,
      y: row.cy,
      w: row.cw,
      h: 38,
      size: FS.small,
      options: REFUND_SPEEDS.map((r) => ({ value: r, label: serviceValueText("refundSpeed", r) })),
      value: p.refundSpeed,
      focus: ctx.focus,
      parent: root,
      onChange: (v) => set("refundSpeed", v),
    });
    y = row.end(height);
  }
  {
    const id = "service.logistics";
    const row = compactRow(ctx, y, id, t(id), t("service.logisticsHelp"), 0.36);
    const { height } = addChoice(scene, {
      id,
      x: row.cx,
      y: row.cy,
      w: row.cw,
      h: 46,
      size: FS.small,
      options: PROVIDERS.map((pr) => ({
        value: pr,
        label: serviceValueText("logistics", pr),
        sub: t("service.providerSub", {
          fee: fixed(LOGISTICS[pr].costMult, 1),
          days: fixed(LOGISTICS[pr].days, 1),
          late: pct0(LOGISTICS[pr].delay),
        }),
      })),
      value: p.logistics,
      focus: ctx.focus,
      parent: root,
      onChange: (v) => set("logistics", v),
    });
    y = row.end(height);
  }
}
