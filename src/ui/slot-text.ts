// A save slot's line on the campaign map (pure: no Phaser, so it is tested in Node).
import { getScenario } from "../content/scenarios";
import { bi, plural, t } from "../i18n";
import type { SlotInfo } from "../store/game-store";
import type { Progress } from "../store/persistence";

/**
 * What a save slot holds, in one line: the run (scenario, week or finished, its best score) and the
 * stars earned in the slot; "empty" only when it holds neither a run nor any progress.
 */
export function slotSummary(info: SlotInfo | null, progress: Progress): string {
  const stars = Object.values(progress).reduce((a, p) => a + p.stars, 0);
  const played = Object.keys(progress).length > 0;
  const sc = info ? getScenario(info.scenarioId) : undefined;
  const parts: string[] = [];
  if (info && sc) {
    parts.push(
      info.finished
        ? t("campaign.slotDone", { title: bi(sc.title) })
        : t("campaign.slotInfo", { title: bi(sc.title), week: info.week + 1, weeks: info.weeks }),
    );
    const best = progress[sc.id];
    if (best) parts.push(t("campaign.slotBest", { score: best.best }));
  } else if (played) parts.push(t("campaign.slotNoRun"));
  if (played) parts.push(plural("campaign.slotStars", stars));
  return parts.length > 0 ? parts.join(" · ") : t("campaign.slotEmpty");
}
