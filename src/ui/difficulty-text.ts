// Difficulty in words (pure: no Phaser, so it is tested in Node): its name, what it changes in this
// scenario's market, and the line the briefing shows. Names are the challenge screens' ch.difficulty.* keys.
import type { Difficulty, Scenario } from "../engine";
import { t } from "../i18n";

export function difficultyName(d: Difficulty): string {
  return t(`ch.difficulty.${d}`);
}

/**
 * What `d` changes in `scenario`'s market, in the order of the table (src/engine/difficulty.ts): only
 * the mechanisms the scenario models (a launch has no competitor price reactions, service queue or
 * customer base, so hard does not promise them).
 */
export function difficultyWhat(d: Difficulty, scenario: Scenario): string {
  if (d === "standard") return t("diff.what.standard");
  const m = scenario.market;
  const parts = [
    "market",
    "rivals",
    ...(m.competitorPricing ? ["reaction"] : []),
    "ads",
    "lead",
    ...(m.ops ? ["service"] : []),
    ...(m.customers ? ["loyalty"] : []),
    "cash",
  ];
  return parts.map((p) => t(`diff.part.${d}.${p}`)).join(t("common.listSep"));
}

/** "难度：挑战（市场更小、…）": the briefing's line. */
export function difficultyBriefing(d: Difficulty, scenario: Scenario): string {
  return t("diff.briefing", { name: difficultyName(d), what: difficultyWhat(d, scenario) });
}

/** A save slot's difficulty; its saved run's too when that differs (a challenge played in the slot). */
export function slotDifficultyText(slot: Difficulty, run: Difficulty | undefined): string {
  return run && run !== slot
    ? t("diff.slotWithRun", { name: difficultyName(slot), run: difficultyName(run) })
    : t("diff.slot", { name: difficultyName(slot) });
}
