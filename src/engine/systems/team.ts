// Team capacity (PX.c): who works in the shop, their weekly hours and salaries. Design work comes
// from the designers' hours (state.designerHoursLeft), service work from the service staff, feedback
// analysis from the data analyst; other domains read content hours with `teamHours(state, "content")`.
//
// A scenario without `start.team` keeps the old single-designer shop: one designer with
// `start.designerHoursPerWeek` hours and `start.designerSalaryFen` salary, nobody else. With a team,
// each designer works `start.designerHoursPerWeek` hours and the other roles `start.team.hoursPerWeek`.
import { NOTICE_PAY_WEEKS, TEAM_HOURS_PER_WEEK, TEAM_MAX_PER_ROLE, TEAM_ROLES, TEAM_SALARY_FEN } from "../model";
import type { Scenario } from "../scenario-schema";
import type { GameState } from "../types";
import { contentCapacity, contentHours } from "./marketing";

export type TeamRole = (typeof TEAM_ROLES)[number];
export { TEAM_ROLES };

export interface TeamState {
  /** People employed per role. */
  members: Record<TeamRole, number>;
  /** Working hours per person per week, per role. */
  hoursPerPerson: Record<TeamRole, number>;
  /** People on the payroll at any time this week, per role (members at the week's start plus hires). PX.c */
  paidThisWeek: Record<TeamRole, number>;
  /** People let go this week, per role: each costs notice pay (NOTICE_PAY_WEEKS). PX.c */
  leftThisWeek: Record<TeamRole, number>;
}

const byRole = <T>(f: (r: TeamRole) => T): Record<TeamRole, T> =>
  Object.fromEntries(TEAM_ROLES.map((r) => [r, f(r)])) as Record<TeamRole, T>;

/** The team a new game starts with. */
export function initTeam(scenario: Scenario): TeamState {
  const t = scenario.start.team;
  if (!t) {
    return {
      members: byRole((r) => (r === "designer" ? 1 : 0)),
      hoursPerPerson: byRole((r) => (r === "designer" ? scenario.start.designerHoursPerWeek : TEAM_HOURS_PER_WEEK)),
      paidThisWeek: byRole((r) => (r === "designer" ? 1 : 0)),
      leftThisWeek: byRole(() => 0),
    };
  }
  // A designer's week is always start.designerHoursPerWeek (so a lab scenario can raise it); others' is hoursPerWeek.
  const hours = t.hoursPerWeek ?? TEAM_HOURS_PER_WEEK;
  return {
    members: byRole((r) => t.members[r] ?? 0),
    hoursPerPerson: byRole((r) => (r === "designer" ? scenario.start.designerHoursPerWeek : hours)),
    paidThisWeek: byRole((r) => t.members[r] ?? 0),
    leftThisWeek: byRole(() => 0),
  };
}

/** Hours per week the team has for a role (members × hours per person). PX.c */
export function teamHours(state: GameState, role: TeamRole): number {
  return state.team.members[role] * state.team.hoursPerPerson[role];
}

/** Weekly salary of one person in the role (fen). */
export function salaryFen(scenario: Scenario, role: TeamRole): number {
  const own = scenario.start.team?.salaryFen?.[role];
  if (own !== undefined) return own;
  return role === "designer" ? scenario.start.designerSalaryFen : TEAM_SALARY_FEN[role];
}

/**
 * The week's payroll (fen): a full week for everyone employed at any time in it (hired this week included),
 * plus notice pay for everyone let go. PX.c
 */
export function weeklySalaryFen(scenario: Scenario, state: GameState): number {
  const t = state.team;
  return TEAM_ROLES.reduce(
    (a, r) => a + (t.paidThisWeek[r] + NOTICE_PAY_WEEKS * t.leftThisWeek[r]) * salaryFen(scenario, r),
    0,
  );
}

/** A new week: the payroll starts from the people employed now. */
export function startPayrollWeek(state: GameState): void {
  const t = state.team;
  t.paidThisWeek = byRole((r) => t.members[r]);
  t.leftThisWeek = byRole(() => 0);
}

/** Hours of a role this week's decisions have already committed, which a person let go would take away. */
function committedHours(scenario: Scenario, state: GameState, role: TeamRole): { left: number; need: number } | null {
  const per = state.team.hoursPerPerson[role];
  switch (role) {
    case "designer":
      return { left: state.designerHoursLeft, need: per };
    case "analyst":
      return { left: state.ops.analystHoursLeft, need: per };
    case "content": {
      const capacity = contentCapacity(scenario, state);
      const used = contentHours(state.marketing.content, state.marketing.community.activity);
      return { left: capacity - used, need: per };
    }
    default:
      return null; // service and operations hours are spent during the week, by whoever is employed
  }
}

/** Why a hire/fire cannot be made, or null. */
export function checkTeamChange(
  scenario: Scenario,
  state: GameState,
  kind: "hire" | "fire",
  role: TeamRole,
): { key: string; params: Record<string, string | number>; message: string } | null {
  const n = state.team.members[role];
  if (kind === "fire") {
    if (n <= 0) return { key: "err.teamEmpty", params: { role }, message: `there is no ${role} to let go` };
    // Hours come only from people on the payroll: someone whose week is already planned cannot leave mid-plan.
    const c = committedHours(scenario, state, role);
    if (c && c.left < c.need)
      return {
        key: "err.teamHoursInUse",
        params: { role, need: c.need, left: Math.max(0, c.left) },
        message: `this week's plans already use this ${role}'s hours (${Math.max(0, c.left)} of ${c.need} unplanned)`,
      };
    return null;
  }
  if (n >= TEAM_MAX_PER_ROLE)
    return {
      key: "err.teamFull",
      params: { role, max: TEAM_MAX_PER_ROLE },
      message: `the shop cannot employ more than ${TEAM_MAX_PER_ROLE} people as ${role}`,
    };
  const pay = salaryFen(scenario, role);
  if (pay > state.cashFen)
    return {
      key: "err.teamCash",
      params: { role, needFen: pay, haveFen: state.cashFen },
      message: `a ${role} costs ¥${(pay / 100).toFixed(2)} a week but the shop has ¥${(state.cashFen / 100).toFixed(2)}`,
    };
  return null;
}

/**
 * Hires or lets go one person; their hours join (or leave) this week's capacity at once. A hire is on this
 * week's payroll; a leaver is paid for the week and notice pay (weeklySalaryFen).
 */
export function applyTeamChange(state: GameState, kind: "hire" | "fire", role: TeamRole): void {
  const delta = kind === "hire" ? 1 : -1;
  state.team.members[role] = Math.max(0, state.team.members[role] + delta);
  if (kind === "hire") state.team.paidThisWeek[role] += 1;
  else state.team.leftThisWeek[role] += 1;
  const h = state.team.hoursPerPerson[role] * delta;
  if (role === "designer") state.designerHoursLeft = Math.max(0, state.designerHoursLeft + h);
  if (role === "analyst") state.ops.analystHoursLeft = Math.max(0, state.ops.analystHoursLeft + h);
}
