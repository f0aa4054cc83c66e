// Browser case for issue #5 item 7: every scenario's first week played through the UI. For each
// scenario of the campaign: open its briefing, enter the shop, open every lever tab (locked ones
// show why), make one change in each unlocked group by clicking its controls, end the week, check
// the engine took exactly those decisions, then open every tab of the week report. No text may
// spill out of its card or overlap another text or widget, and the console must stay clean, in zh-CN (and in English for two).
import { join } from "node:path";
import { click, openGame, settle, targets, waitScene } from "./helpers.mjs";

const SHOTS = "test-results/screenshots";
/** The nine scenarios of the campaign, in order (src/content/scenarios.ts). */
const CAMPAIGN = ["launch", "assortment", "double11", "service", "feedads", "kol", "community", "private", "season"];

/**
 * One change per lever group: candidate clicks in order, each a list of id patterns clicked in turn
 * (a sub-section chip first where the control lives in one). The first sequence that leaves a
 * pending decision of the group wins.
 */
const ACTIONS = {
  store: [["store.search"], ["store.depth.minus"], ["store.banner.hero"]],
  product: [[/^product\.kw\./], [/^product\.kw\./, /^product\.kw\./]],
  pricing: [[/^pricing\.[^.]+\.minusFine$/], [/^pricing\.[^.]+\.plusFine$/]],
  promotion: [
    ["promotion.sub.fullReduction", "promotion.fr.discount.plus", "promotion.apply.fullReduction"],
    ["promotion.sub.fullReduction", "promotion.apply.fullReduction"],
    ["promotion.sub.coupon", "promotion.apply.coupon"],
  ],
  inventory: [[/^inventory\.[^.]+\.plus$/], [/^inventory\.[^.]+\.plusFine$/]],
  marketing: [
    ["marketing.sub.feed", "marketing.budget.plus"],
    ["marketing.budget.plus"],
    ["marketing.sub.kol", /^marketing\.kol\.hire\./],
    ["marketing.sub.content", /^marketing\.content\.[^.]+\.posts\.plus$/],
    ["marketing.sub.community", "marketing.community.topics"],
  ],
  private: [["private.card"], ["private.pushes.plus"]],
  service: [["service.sub.chat", "service.scripts"], ["service.scripts"], ["service.sub.orders", "service.stockSync"]],
  team: [["team.sub.members", "team.service.plus"], ["team.service.plus"], [/^team\.[a-z]+\.plus$/]],
};

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

const get = (page, fn, arg) => page.evaluate(fn, arg);
const pendingLevers = (page) =>
  get(page, () => window.__shopsim.getState().pending.map((d) => window.__shopsim.leverOf(d.type) ?? d.type));

async function clickPattern(page, pattern) {
  const all = await targets(page);
  const id =
    typeof pattern === "string"
      ? all[pattern]?.enabled
        ? pattern
        : null
      : (Object.keys(all).find((k) => pattern.test(k) && all[k].enabled) ?? null);
  if (!id) return false;
  await click(page, id);
  await settle(page, 2);
  return true;
}

async function noSpill(page, where) {
  const spills = await get(page, () => window.__shopsim.overflows());
  assert(spills.length === 0, `${where}: text spills out: ${spills.slice(0, 4).join(" | ")}`);
  const overlaps = await get(page, () => window.__shopsim.overlaps());
  assert(overlaps.length === 0, `${where}: text overlaps: ${overlaps.slice(0, 4).join(" | ")}`);
}

async function playFirstWeek(page, id, lang) {
  const LEVERS = await get(page, () => window.__shopsim.levers());
  const sc = await page.evaluate(
    ([sid, seed]) => {
      const st = window.__shopsim.store.getState();
      st.startScenario(sid, seed);
      st.goTo("briefing");
      return { id: sid, levers: window.__shopsim.getState().scenario.levers };
    },
    [id, `first-${id}`],
  );
  await waitScene(page, "Briefing");
  await noSpill(page, `${sc.id} briefing`);
  await click(page, "briefing.start");
  await waitScene(page, "Shop");

  for (const lever of LEVERS) {
    await click(page, `tab.${lever}`);
    await settle(page, 2);
    await noSpill(page, `${sc.id} tab ${lever}`);
    if (!sc.levers.includes(lever)) {
      const why = lang === "en" ? "is locked in this scenario" : "本关未开放";
      const said = await page
        .waitForFunction((w) => window.__shopsim.texts().some((x) => x.includes(w)), why, { timeout: 5000 })
        .then(() => true)
        .catch(() => false);
      assert(said, `${sc.id}: locked ${lever} tab does not say why`);
      continue;
    }
    let done = false;
    for (const seq of ACTIONS[lever]) {
      const before = (await pendingLevers(page)).filter((l) => l === lever).length;
      for (const p of seq) if (!(await clickPattern(page, p))) break;
      const after = (await pendingLevers(page)).filter((l) => l === lever).length;
      if (after > before) {
        done = true;
        break;
      }
    }
    const ids = Object.keys(await targets(page)).filter((k) => k.startsWith(`${lever}.`));
    assert(done, `${sc.id}: no click on the ${lever} panel made a change (ids: ${ids.slice(0, 12).join(" ")})`);
    await noSpill(page, `${sc.id} ${lever} after a change`);
  }
  if (lang === "zh-CN") await page.screenshot({ path: join(SHOTS, `first-week-${sc.id}-shop.png`) });

  const pending = await get(page, () => window.__shopsim.getState().pending);
  const pendingGroups = await pendingLevers(page);
  for (const l of sc.levers.filter((x) => LEVERS.includes(x)))
    assert(pendingGroups.includes(l), `${sc.id}: nothing pending for ${l}`);
  await click(page, "shop.endWeek");
  await waitScene(page, "WeekReport");
  const taken = await get(page, () => window.__shopsim.getState().game.lastTurn);
  assert(
    JSON.stringify(taken.map((d) => d.type).sort()) === JSON.stringify(pending.map((d) => d.type).sort()),
    `${sc.id}: the engine took ${taken.map((d) => d.type).join(",")} but ${pending.map((d) => d.type).join(",")} were pending`,
  );
  const week = await get(page, () => window.__shopsim.getState().game.week);
  assert(week === 1, `${sc.id}: week ${week} after the first`);

  const tabs = Object.keys(await targets(page)).filter((k) => k.startsWith("report.tab."));
  assert(tabs.length >= 2, `${sc.id}: report has ${tabs.length} tabs`);
  for (const tab of tabs) {
    await click(page, tab);
    await settle(page, 3);
    await noSpill(page, `${sc.id} report ${tab}`);
    if (lang === "zh-CN" && !["report.tab.overview", "report.tab.details"].includes(tab))
      await page.screenshot({ path: join(SHOTS, `first-week-${sc.id}-${tab.slice(11)}.png`) });
  }
  await click(page, "report.tab.overview");
  await click(page, "report.continue");
  await waitScene(page, "Shop");
}

export async function firstWeeks({ newContext, url }) {
  const ctx = await newContext();
  const { page, errors } = await openGame(ctx, url);
  for (const id of CAMPAIGN) await playFirstWeek(page, id, "zh-CN");
  await click(page, "hud.menu");
  await waitScene(page, "MainMenu");
  await click(page, "lang.en");
  for (const id of ["private", "season"]) await playFirstWeek(page, id, "en");
  assert(errors.length === 0, `console errors: ${errors.join(" | ")}`);
  await ctx.close();
}
