// Difficulty in words (pure: no Phaser, so it is tested in Node): its name, what it changes, and the
// line the briefing shows. Names are the challenge screens' ch.difficulty.* keys.
import type { Difficulty } from "../engine";
import { t } from "../i18n";

export function difficultyName(d: Difficulty): string {
  return t(`ch.difficulty.${d}`);
}

/** "难度：挑战（市场更小、…）": the briefing's line. */
export function difficultyBriefing(d: Difficulty): string {
  return t("diff.briefing", { name: difficultyName(d), what: t(`diff.what.${d}`) });
}
