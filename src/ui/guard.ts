// "Never lose work": every action that would replace the current slot's run (starting a shop,
// a scenario or a challenge, importing a run file) asks first when the slot holds a run with at
// least one week played, and says what would be replaced.
import type Phaser from "phaser";
import { getScenario } from "../content/scenarios";
import { bi, t } from "../i18n";
import type { GameStore } from "../store/game-store";
import { confirmDialog } from "./widgets/confirm";
import type { FocusManager } from "./widgets/focus";

export type OverwriteKind = "start" | "import";

/** The dialog's body: which slot, which scenario, how far it got. */
export function atRiskText(s: GameStore, kind: OverwriteKind): string | null {
  const info = s.runAtRisk();
  if (!info) return null;
  const sc = getScenario(info.scenarioId);
  const title = sc ? bi(sc.title) : info.scenarioId;
  const what = info.finished
    ? t("guard.holdsDone", { slot: info.slot, title, weeks: info.weeks })
    : t("guard.holdsRun", { slot: info.slot, title, week: info.week, weeks: info.weeks });
  return `${what}\n${t(kind === "import" ? "guard.importLoses" : "guard.startLoses")}`;
}

/** Runs `go` at once when nothing would be lost, else after the trainee confirms. */
export function guardOverwrite(
  scene: Phaser.Scene,
  focus: FocusManager,
  s: GameStore,
  go: () => void,
  kind: OverwriteKind = "start",
): void {
  const body = atRiskText(s, kind);
  if (!body) {
    go();
    return;
  }
  confirmDialog(scene, {
    id: "confirm.overwrite",
    title: t(kind === "import" ? "guard.importTitle" : "guard.startTitle"),
    body,
    confirmLabel: t(kind === "import" ? "guard.importOk" : "guard.startOk"),
    danger: true,
    focus,
    onConfirm: go,
  });
}
