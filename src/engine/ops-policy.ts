// The bots' operations play (domain B): how the textbook shop staffs service, sets exception
// policies, hires an analyst and acts on feedback. Called from policies.ts; sees only visible state.
import type { Decision } from "./decisions";
import { TEAM_HOURS_PER_WEEK } from "./model";
import type { Scenario } from "./scenario-schema";
import { opsActive } from "./sim/operations";
import { FIXABLE_TOPICS, minutesPerInquiry } from "./systems/service";
import type { GameState, WeekReport } from "./types";

export interface PlanLike {
  readonly state: GameState;
  try(d: Decision): boolean;
}

/** Hours of the day the textbook shop answers chats, and the utilisation it staffs for. */
export const TEXTBOOK_SHIFT_HOURS = 16;
export const TEXTBOOK_TARGET_UTILISATION = 0.5;
export const TEXTBOOK_MAX_SERVICE = 4;
/** Weekly GMV (fen) from which the textbook shop hires a data analyst. */
export const TEXTBOOK_ANALYST_GMV_FEN = 1_500_000;

/**
 * P1.3a–c, PX.a, PX.c as the lecture teaches: scripts on, personalisation 1, address check and stock
 * sync on, standard courier with delay notices, fast refunds; enough service staff for the inquiry
 * volume; an analyst once the shop is big enough, acting on the top bad-review topic.
 */
export function textbookOps(
  scenario: Scenario,
  state: GameState,
  reports: readonly WeekReport[],
  plan: PlanLike,
): void {
  if (!opsActive(scenario)) return;
  const levers = new Set(scenario.levers);
  const last = reports[reports.length - 1]?.ops;
  if (levers.has("service")) {
    const p = state.ops.policy;
    const want = {
      shiftHours: TEXTBOOK_SHIFT_HOURS,
      scripts: true,
      personalization: 1,
      addressCheck: true,
      stockSync: true,
      delayNotice: true,
      refundSpeed: "fast" as const,
      logistics: "standard" as const,
    };
    const changed = (Object.keys(want) as (keyof typeof want)[]).some((k) => p[k] !== want[k]);
    if (changed) plan.try({ type: "setService", ...want });
  }
  if (!levers.has("team")) return;
  // Service staff: enough to cover the shift and to keep utilisation near the target.
  const hoursPer = state.team.hoursPerPerson.service || TEAM_HOURS_PER_WEEK;
  const daily = last?.service ? (last.service.presale + last.service.aftersale) / 7 : 60;
  const mpi = minutesPerInquiry({ ...state.ops.policy, scripts: true, personalization: 1 }, false);
  const loadHoursPerDay = (daily * mpi) / 60 / TEXTBOOK_TARGET_UTILISATION;
  const needed = Math.min(
    TEXTBOOK_MAX_SERVICE,
    Math.max(Math.ceil((TEXTBOOK_SHIFT_HOURS * 7) / hoursPer - 0.3), Math.ceil((loadHoursPerDay * 7) / hoursPer)),
  );
  for (let n = state.team.members.service; n < needed; n++) if (!plan.try({ type: "hire", role: "service" })) break;
  for (let n = state.team.members.service; n > needed; n--) plan.try({ type: "fire", role: "service" });
  // Data analyst: hire once the shop is big enough; act on the top unfixed complaint; let go when done.
  const gmv = reports[reports.length - 1]?.kpis.gmvFen ?? 0;
  const open = (last?.analysis?.rootCauses ?? []).filter((c) => !c.fixed && c.count >= 2);
  if (state.team.members.analyst === 0) {
    // Raw topic counts are visible to anyone; their root causes need the analyst.
    const complaints = FIXABLE_TOPICS.some((t) => state.ops.fixes[t] === undefined && (last?.topics?.[t] ?? 0) >= 3);
    if (!(gmv >= TEXTBOOK_ANALYST_GMV_FEN && complaints && plan.try({ type: "hire", role: "analyst" }))) return;
    // Act at once on what the complaints already show (raw topic counts); root causes follow next week.
    let acted = 0;
    for (const t of FIXABLE_TOPICS) {
      if (acted >= 2) break;
      if (
        state.ops.fixes[t] === undefined &&
        (last?.topics?.[t] ?? 0) >= 3 &&
        plan.try({ type: "actOnFeedback", topic: t })
      )
        acted++;
    }
    return;
  }
  if (!last?.analysis) return; // the first analysis arrives with next week's report
  let acted = 0;
  for (const c of open) {
    if (acted >= 2) break;
    const topic = FIXABLE_TOPICS.find((t) => t === c.topic);
    if (topic && plan.try({ type: "actOnFeedback", topic })) acted++;
  }
  if (open.length <= acted) plan.try({ type: "fire", role: "analyst" });
}
