// What every lever panel gets: where to draw, the state to show, and how to propose changes.
import type Phaser from "phaser";
import type { Decision, GameState, Scenario, WeekReport } from "../../engine";
import type { FocusManager } from "../widgets/focus";

export interface ViewState {
  tab: PanelLever;
  sku: string;
  productTab: "title" | "image" | "detail";
}

export interface PanelCtx {
  scene: Phaser.Scene;
  root: Phaser.GameObjects.Container;
  w: number;
  h: number;
  scenario: Scenario;
  /** State at the start of the week (what costs are measured against). */
  game: GameState;
  /** State with this week's pending changes applied (what the controls show). */
  draft: GameState;
  pending: readonly Decision[];
  lastReport: WeekReport | undefined;
  focus: FocusManager;
  /** Error messages by field id, shown under the control that caused them. */
  errors: ReadonlyMap<string, string>;
  view: ViewState;
  /** Proposes a decision; on rejection the message is shown at `fieldId`. */
  propose(fieldId: string, d: Decision): void;
  withdraw(fieldId: string, type: Decision["type"], sku?: string, field?: string): void;
  /** Shows a message at a field without asking the engine (e.g. an empty title). */
  fieldError(fieldId: string, message: string): void;
  /** Changes view state (tab, selected SKU …) and redraws. */
  setView(v: Partial<ViewState>): void;
}

/**
 * Lever groups that have a panel in this version of the UI. The engine knows all nine groups of the
 * game design; the others get their panels as their mechanisms land (promotion, private domain,
 * service, team).
 */
export const PANEL_LEVERS = ["store", "product", "pricing", "inventory", "marketing"] as const;
export type PanelLever = (typeof PANEL_LEVERS)[number];

export function isPanelLever(lever: string): lever is PanelLever {
  return (PANEL_LEVERS as readonly string[]).includes(lever);
}
