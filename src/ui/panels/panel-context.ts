// What every lever panel gets: where to draw, the state to show, and how to propose changes.
import type Phaser from "phaser";
import { type Decision, type GameState, LEVERS, type Scenario, type WeekReport } from "../../engine";
import type { FocusManager } from "../widgets/focus";

export interface ViewState {
  tab: PanelLever;
  sku: string;
  productTab: "title" | "image" | "detail" | "lifecycle";
  /** Sub-section chosen inside a panel with several (e.g. 营销: feed ads / search / KOL …), by lever. */
  sub: Partial<Record<PanelLever, string>>;
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
  /** Every week report so far, oldest first (recent sales for the inventory estimates). */
  reports: readonly WeekReport[];
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

/** Every lever group of the game design has a tab, in the design's order (店铺 … 团队). */
export const PANEL_LEVERS = LEVERS;
export type PanelLever = (typeof PANEL_LEVERS)[number];

export function isPanelLever(lever: string): lever is PanelLever {
  return (PANEL_LEVERS as readonly string[]).includes(lever);
}
