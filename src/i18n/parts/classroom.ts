// Strings for keeping work safe and a class running: confirmations before a run or a challenge is
// overwritten or closed, the instructor's recovery file, slots that say what they hold, typed
// numbers, the loopback warning, the class board's rejection reasons, the what-if view spoken to
// an instructor, list separators and plural forms. `zh` defines the keys; `en` has the same ones.
export const zh = {
  "common.listSep": "，",
  "common.listSepStrong": "；",
  "common.cancel": "取消",
  "menu.profile.one": "当前档案：存档位 {slot} · 已获 {n} 星",
  "menu.profile.other": "当前档案：存档位 {slot} · 已获 {n} 星",
  "review.great.v2": "“做工很细，朋友看了也想买。”",
  "review.great.v3": "“比图片还好看，五星！”",
  "review.good.v2": "“性价比不错，发货也快。”",
  "review.good.v3": "“符合预期，满意。”",
  "review.meh.v2": "“还行吧，没有特别惊喜。”",
  "review.meh.v3": "“能用，但和价格比略贵。”",
  "review.bad.v2": "“用了两天就不行了，不推荐。”",
  "review.bad.v3": "“包装破了，东西也有瑕疵。”",
  "tl.whatifHelped": "帮这名学员最多的决策",
  "tl.whatifHurt": "让这名学员失分的决策",
  "tl.whatifDelta": "学员的市场 · 净利润 {profit} · 支付金额 {gmv}",
  "tl.whatifChecked": "{markets} 个市场中 {helped} 个有利 · 学员的市场 {own} · 平均净利润 {profit}",
  "tl.whatifNoneHelped": "没有哪项决策让这名学员的分数更高。",
  "tl.whatifNoneHurt": "没有哪项决策让这名学员的分数更低。",
  "tl.whatifEmpty": "这一局没有做任何决策，没有可以撤销的。",
} satisfies Record<string, string>;

export const en: Record<keyof typeof zh, string> = {
  "common.listSep": ", ",
  "common.listSepStrong": "; ",
  "common.cancel": "Cancel",
  "menu.profile.one": "Profile: slot {slot} · {n} star earned",
  "menu.profile.other": "Profile: slot {slot} · {n} stars earned",
  "review.great.v2": '"Beautifully made; my friends want one too."',
  "review.great.v3": '"Even nicer than the photos. Five stars!"',
  "review.good.v2": '"Good value, and it shipped fast."',
  "review.good.v3": '"As expected. Happy with it."',
  "review.meh.v2": '"It\'s fine, nothing special."',
  "review.meh.v3": '"Works, but a bit pricey for what it is."',
  "review.bad.v2": '"Stopped working after two days. Not recommended."',
  "review.bad.v3": '"The box was crushed and the item is flawed."',
  "tl.whatifHelped": "Decisions that helped this trainee most",
  "tl.whatifHurt": "Decisions that cost this trainee points",
  "tl.whatifDelta": "trainee's market · net profit {profit} · GMV {gmv}",
  "tl.whatifChecked": "helped in {helped} of {markets} markets · trainee's {own} · mean net profit {profit}",
  "tl.whatifNoneHelped": "No decision raised this trainee's score.",
  "tl.whatifNoneHurt": "No decision lowered this trainee's score.",
  "tl.whatifEmpty": "The trainee made no decisions in this run, so there is nothing to undo.",
};
