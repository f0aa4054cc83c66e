// 团队 Team panel (PX.c, PX.a, P1.3c): two sub-sections. 成员 (members): headcount per role with
// hire/let go, each role's weekly salary and what its hours do, and the weekly salary bill.
// 数据分析 (analyst): last week's complaint topics with the analyst's root cause and the fix
// (actOnFeedback). The fix belongs to the product lever, so it is offered only where that lever is
// open; the analysis itself is shown wherever the team is.
import { FEEDBACK_DELAY_DAYS, FEEDBACK_FIX, TEAM_MAX_PER_ROLE } from "../../engine/model";
import { FIXABLE_TOPICS, ROOT_CAUSES } from "../../engine/systems/service";
import { salaryFen, TEAM_ROLES, type TeamRole, teamHours, weeklySalaryFen } from "../../engine/systems/team";
import { days, hours, money, percent, t } from "../../i18n";
import { C, FS } from "../theme";
import { Button } from "../widgets/button";
import { addErrorLine } from "../widgets/error-line";
import { Stepper } from "../widgets/stepper";
import { addText } from "../widgets/text";
import { compactRow } from "./compact-row";
import { roleName, signedMoney, teamCount } from "./ops-text";
import type { PanelCtx } from "./panel-context";
import { currentSub, subChips } from "./sub-chips";

export function buildTeamPanel(ctx: PanelCtx): void {
  const options = [
    { value: "members", label: t("team.sub.members") },
    { value: "analyst", label: t("team.sub.analyst") },
  ];
  const sub = currentSub(ctx, "team", options);
  let y = 12;
  y += subChips(ctx, "team", y, options, sub) + 10;
  if (sub === "members") members(ctx, y);
  else analyst(ctx, y);
}

/** What a role's hours are doing this week, for the hint under its stepper. */
function roleUse(ctx: PanelCtx, role: TeamRole): string {
  const { draft } = ctx;
  const total = teamHours(draft, role);
  switch (role) {
    case "designer":
      return t("team.use.designer", { left: hours(draft.designerHoursLeft), total: hours(total) });
    case "analyst":
      return t("team.use.analyst", { left: hours(draft.ops.analystHoursLeft), total: hours(total) });
    case "service":
      return t("team.use.service", { h: hours(Math.round((total / 7) * 10) / 10) });
    default:
      return t("team.use.hours", { total: hours(total) });
  }
}

/** Proposes a hire; a salary the shop cannot pay is refused here, with the role's name (the engine's
 * message would name the role by its id). */
function hire(ctx: PanelCtx, fieldId: string, role: TeamRole): void {
  const pay = salaryFen(ctx.scenario, role);
  if (pay > ctx.draft.cashFen) {
    ctx.fieldError(
      fieldId,
      t("err.teamCash", { role: roleName(role), needFen: money(pay), haveFen: money(ctx.draft.cashFen) }),
    );
    return;
  }
  ctx.propose(fieldId, { type: "hire", role });
}

function members(ctx: PanelCtx, y0: number): void {
  const { scene, root, w, scenario, game, draft } = ctx;
  let y = y0;
  const head = draft.team.members;
  const total = TEAM_ROLES.reduce((a, r) => a + head[r], 0);
  const bill = weeklySalaryFen(scenario, draft);
  const delta = bill - weeklySalaryFen(scenario, game);
  const summary = [
    t("team.summary", { n: teamCount(total), salary: money(bill) }),
    delta !== 0 ? t("team.summaryDelta", { delta: signedMoney(delta) }) : "",
  ].join("");
  const sumText = addText(scene, 16, y, summary, { size: FS.body, bold: true, width: w - 32 });
  root.add(sumText);
  y += sumText.height + 10;
  for (const role of TEAM_ROLES) {
    const id = `team.${role}`;
    const pay = salaryFen(scenario, role);
    const row = compactRow(ctx, y, id, roleName(role), t(`team.help.${role}`), 0.52);
    new Stepper(scene, {
      id,
      x: row.cx,
      y: row.cy,
      w: Math.min(row.cw, 200),
      h: 36,
      value: head[role],
      min: 0,
      max: TEAM_MAX_PER_ROLE,
      step: 1,
      format: teamCount,
      focus: ctx.focus,
      parent: root,
      onChange: (v) => {
        if (v > head[role]) hire(ctx, id, role);
        else ctx.propose(id, { type: "fire", role });
      },
    });
    const hint = `${t("team.pay", { pay: money(pay), h: hours(draft.team.hoursPerPerson[role]) })}\n${roleUse(ctx, role)}`;
    y = row.end(36, hint);
  }
}

function analyst(ctx: PanelCtx, y0: number): void {
  const { scene, root, w, scenario, draft } = ctx;
  let y = y0;
  const analysts = draft.team.members.analyst;
  const canFix = scenario.levers.includes("product") && scenario.market.ops !== undefined;
  const report = ctx.lastReport?.ops;
  const intro: string[] = [];
  if (analysts <= 0) {
    intro.push(t("team.analyst.none", { pay: money(salaryFen(scenario, "analyst")) }));
  } else {
    intro.push(t("team.analyst.hours", { left: hours(draft.ops.analystHoursLeft), n: teamCount(analysts) }));
  }
  if (!canFix) intro.push(t("team.analyst.productLocked"));
  else intro.push(t("team.analyst.fixHelp", { d: days(FEEDBACK_DELAY_DAYS) }));
  const introText = addText(scene, 16, y, intro.join("\n"), {
    size: FS.small,
    color: C.muted,
    width: w - 32,
    lineSpacing: 3,
  });
  root.add(introText);
  y += introText.height + 8;
  if (analysts <= 0) {
    new Button(scene, {
      id: "team.hireAnalyst",
      x: 16,
      y,
      w: 280,
      h: 40,
      label: t("team.analyst.hire"),
      variant: "primary",
      size: FS.body,
      focus: ctx.focus,
      parent: root,
      onClick: () => hire(ctx, "team.analyst", "analyst"),
    });
    y += 48;
    const err = addErrorLine(scene, root, 16, y, w - 32, ctx.errors.get("team.analyst"));
    if (err) y += err.height + 4;
  }

  // Complaint topics of last week, most frequent first; the root cause needs an analyst last week.
  const counts = report?.topics;
  const causes = report?.analysis?.rootCauses;
  const complaints = FIXABLE_TOPICS.reduce((a, k) => a + (counts?.[k] ?? 0), 0);
  const topics = [...FIXABLE_TOPICS].sort(
    (a, b) => (counts?.[b] ?? 0) - (counts?.[a] ?? 0) || FIXABLE_TOPICS.indexOf(a) - FIXABLE_TOPICS.indexOf(b),
  );
  const head = addText(scene, 16, y, counts ? t("team.topics.head", { n: complaints }) : t("team.topics.noReport"), {
    size: FS.small,
    bold: true,
    width: w - 32,
  });
  root.add(head);
  y += head.height + 6;
  const btnW = 150;
  for (const topic of topics) {
    const fix = FEEDBACK_FIX[topic];
    const n = counts?.[topic] ?? 0;
    const fieldId = `team.fix.${topic}`;
    const known = causes?.some((c) => c.topic === topic) ?? false;
    const title = t("team.topics.line", {
      topic: t(`team.topic.${topic}`),
      n,
      share: complaints > 0 ? percent(n / complaints, 0) : "—",
    });
    const detail = t(known || analysts > 0 ? "team.topics.cause" : "team.topics.causeHidden", {
      cause: t(`team.cause.${ROOT_CAUSES[topic].cause}`),
      action: t(`team.action.${ROOT_CAUSES[topic].action}`),
      cost: money(fix.costFen),
      h: hours(fix.analystHours),
      pct: percent(1 - fix.factor, 0),
    });
    const tw = w - 32 - btnW - 12;
    const a = addText(scene, 16, y, title, { size: FS.small, bold: true, color: n > 0 ? C.text : C.muted, width: tw });
    const b = addText(scene, 16, y + a.height + 1, detail, { size: FS.tiny, color: C.muted, width: tw });
    root.add([a, b]);
    const fixedOn = ctx.game.ops.fixes[topic];
    const pending = ctx.pending.some((p) => p.type === "actOnFeedback" && p.topic === topic);
    const rowH = Math.max(a.height + 1 + b.height, 34);
    if (fixedOn !== undefined) {
      const done = addText(scene, w - 16 - btnW, y + 6, t("team.fix.done", { day: fixedOn + 1 }), {
        size: FS.tiny,
        color: C.good,
        width: btnW,
      });
      root.add(done);
    } else if (canFix) {
      new Button(scene, {
        id: fieldId,
        x: w - 16 - btnW,
        y,
        w: btnW,
        h: 32,
        label: pending ? `↶ ${t("team.fix.undo")}` : t("team.fix.do"),
        variant: pending ? "secondary" : "chip",
        size: FS.small,
        enabled: pending || analysts > 0,
        focus: ctx.focus,
        parent: root,
        onClick: () =>
          pending
            ? ctx.withdraw(fieldId, "actOnFeedback", undefined, topic)
            : ctx.propose(fieldId, { type: "actOnFeedback", topic }),
      });
    }
    y += rowH + 4;
    const err = addErrorLine(scene, root, 16, y, w - 32, ctx.errors.get(fieldId));
    if (err) y += err.height + 4;
    y += 4;
  }
}
