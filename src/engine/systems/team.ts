// Team capacity (PX.c): who works in the shop, their weekly hours and salaries. Design work comes
// from the designers' hours (state.designerHoursLeft), service work from the service staff, feedback
// analysis from the data analyst; other domains read content hours with `teamHours(state, "content")`.
//
// A scenario without `start.team` keeps the old single-designer shop: one designer with
// `start.designerHoursPerWeek` hours and `start.designerSalaryFen` salary, nobody else. With a team,
// each designer works `start.designerHoursPerWeek` hours and the other roles `start.team.hoursPerWeek`.
import { TEAM_HOURS_PER_WEEK, TEAM_MAX_PER_ROLE, TEAM_ROLES, TEAM_SALARY_FEN } from "../model";
import type { Scenario } from "../scenario-schema";
import type { GameState } from "../types";

export type TeamRole = (typeof TEAM_ROLES)[number];
export { TEAM_ROLES };

export interface TeamState {
  /** People employed per role. */
  members: Record<TeamRole, number>;
  /** Working hours per person per week, per role. */
  hoursPerPerson: Record<TeamRole, number>;
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
    };
  }
  // A designer's week is always start.designerHoursPerWeek (so a lab scenario can raise it); others' is hoursPerWeek.
  const hours = t.hoursPerWeek ?? TEAM_HOURS_PER_WEEK;
  return {
    members: byRole((r) => t.members[r] ?? 0),
    hoursPerPerson: byRole((r) => (r === "designer" ? scenario.start.designerHoursPerWeek : hours)),
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

/** The whole team's salaries for a week (fen). */
export function weeklySalaryFen(scenario: Scenario, state: GameState): number {
  return TEAM_ROLES.reduce((a, r) => a + state.team.members[r] * salaryFen(scenario, r), 0);
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

/** Hires or lets go one person; their hours join (or leave) this week's capacity at once. */
export function applyTeamChange(state: GameState, kind: "hire" | "fire", role: TeamRole): void {
  const delta = kind === "hire" ? 1 : -1;
  state.team.members[role] = Math.max(0, state.team.members[role] + delta);
  const h = state.team.hoursPerPerson[role] * delta;
  if (role === "designer") state.designerHoursLeft = Math.max(0, state.designerHoursLeft + h);
  if (role === "analyst") state.ops.analystHoursLeft = Math.max(0, state.ops.analystHoursLeft + h);
}
