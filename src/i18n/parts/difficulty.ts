// Strings for difficulty (src/engine/difficulty.ts): what each one changes, where it shows (briefing,
// HUD, campaign slots) and why a run on another difficulty is refused. The names themselves are
// ch.difficulty.* (shared with the challenge screens). `zh` defines the keys; `en` must match them.
export const zh = {
  "diff.what.easy": "市场更大更稳，竞品更弱、跟价更慢，广告更便宜，到货更快，启动资金更多",
  "diff.what.standard": "按场景原样",
  "diff.what.hard": "市场更小、波动更大，竞品更强、跟价更狠，广告更贵，到货更慢，顾客更难留、咨询更多，启动资金更少",
  "diff.briefing": "难度：{name}（{what}）",
  "diff.slot": "难度：{name}",
  "diff.campaign.label": "本存档难度",
  "diff.campaign.hint": "新存档：开店前选好难度，之后这个存档一直用它。",
  "diff.campaign.locked": "存档开始时已选定。想换难度，请换一个空存档。",
  "err.wrongDifficulty": "这份记录不是在本挑战的难度上玩的。",
  "off.reject.wrong_difficulty": "这份记录不是在本挑战的难度上玩的。",
};

export const en: Record<keyof typeof zh, string> = {
  "diff.what.easy":
    "a bigger, steadier market, weaker and slower competitors, cheaper ads, faster deliveries, more starting cash",
  "diff.what.standard": "the scenario as written",
  "diff.what.hard":
    "a smaller, more volatile market, stronger competitors who match price cuts harder, dearer ads, slower deliveries, less loyal customers with more questions, less starting cash",
  "diff.briefing": "Difficulty: {name} ({what})",
  "diff.slot": "Difficulty: {name}",
  "diff.campaign.label": "This slot's difficulty",
  "diff.campaign.hint": "A new slot: choose before the first shop opens; the slot keeps it from then on.",
  "diff.campaign.locked": "Chosen when this slot started. For another difficulty, use an empty slot.",
  "err.wrongDifficulty": "This run was played on another difficulty than the challenge's.",
  "off.reject.wrong_difficulty": "This run was played on another difficulty than the challenge's.",
};
