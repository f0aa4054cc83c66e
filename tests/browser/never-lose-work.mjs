// Browser case for issue 16 item 2 (never lose work), by clicks in zh-CN and en: 开始新店 over a run
// in progress asks first (cancel keeps the run, confirm replaces it); importing over a slot asks
// first; the campaign's slots say what they hold (run, best score, stars) and never 空 when they
// hold progress; Enter with nothing focused asks before ending the week, a held (repeating) Enter
// does nothing more, Enter on the focused End-week button ends it at once.
import { join } from "node:path";
import { click, openGame, settle, targets, waitScene } from "./helpers.mjs";

const SHOTS = "test-results/screenshots";

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}
const get = (page, fn, arg) => page.evaluate(fn, arg);
const texts = (page) => get(page, () => window.__shopsim.texts());
const turns = (page) => get(page, () => window.__shopsim.getState().run?.turns.length ?? null);
const shot = (page, name) => page.screenshot({ path: join(SHOTS, `${name}.png`) });
const has = async (page, id) => id in (await targets(page));

async function startFromMenu(page) {
  await click(page, "menu.start");
  await waitScene(page, "Briefing");
  await click(page, "briefing.start");
  await waitScene(page, "Shop");
}

async function endWeekByButton(page) {
  await click(page, "shop.endWeek");
  await waitScene(page, "WeekReport");
  await click(page, "report.continue");
  await waitScene(page, "Shop");
}

export async function neverLoseWork({ newContext, url }) {
  const ctx = await newContext();
  const { page, errors } = await openGame(ctx, url);

  // ---- a fresh slot starts without asking; one week played, then 开始新店 asks -------------------
  await startFromMenu(page);
  await endWeekByButton(page);
  assert((await turns(page)) === 1, "one week played");
  await click(page, "hud.menu");
  await waitScene(page, "MainMenu");
  await click(page, "menu.start");
  assert(await has(page, "confirm.overwrite.ok"), "no confirmation before replacing a run in progress");
  let all = await texts(page);
  assert(
    all.some((x) => x.includes("存档位 1") && x.includes("1/8")),
    `the dialog does not say what would be replaced: ${all.join(" | ")}`,
  );
  await shot(page, "zh-confirm-new-shop");
  // A click outside the dialog's buttons (on 继续游戏 underneath) does nothing.
  const under = (await targets(page))["menu.continue"];
  if (under) {
    await page.mouse.click(under.x, under.y);
    await settle(page);
    assert((await get(page, () => window.__shopsim.scene())) === "MainMenu", "a click went through the dialog");
  }
  await click(page, "confirm.overwrite.cancel");
  assert(!(await has(page, "confirm.overwrite.ok")), "cancel did not close the dialog");
  assert((await get(page, () => window.__shopsim.getState().probeSave()?.week)) === 1, "cancel lost the run");
  // English: same dialog in English; confirm replaces the run.
  await click(page, "lang.en");
  await waitScene(page, "MainMenu");
  await click(page, "menu.start");
  all = await texts(page);
  assert(
    all.some((x) => x.includes("Replace the shop")),
    `no English dialog title: ${all.join(" | ")}`,
  );
  const cjk = all.filter((x) => /[\u4e00-\u9fff]/.test(x) && x !== "中文" && !x.includes("电商店长模拟器"));
  assert(cjk.length === 0, `Chinese text in the English dialog: ${cjk.join(" | ")}`);
  await shot(page, "en-confirm-new-shop");
  await click(page, "confirm.overwrite.ok");
  await waitScene(page, "Briefing");
  assert((await turns(page)) === 0, "confirm did not start a new run");
  await click(page, "lang.zh-CN");
  await waitScene(page, "Briefing");

  // ---- Enter: nothing focused asks; a repeat does nothing; the focused button ends the week ------
  await click(page, "briefing.start");
  await waitScene(page, "Shop");
  await page.keyboard.down("Enter");
  await settle(page);
  assert(await has(page, "confirm.endWeek.ok"), "Enter with nothing focused did not ask");
  await page.keyboard.down("Enter"); // held: a repeat
  await page.keyboard.up("Enter");
  await settle(page);
  assert((await get(page, () => window.__shopsim.scene())) === "Shop", "a repeated Enter ended the week");
  assert((await turns(page)) === 0, "a repeated Enter ended the week");
  all = await texts(page);
  assert(
    all.some((x) => x.includes("结束第 1 周")),
    `no end-week question: ${all.join(" | ")}`,
  );
  await shot(page, "zh-confirm-end-week");
  await page.keyboard.press("Escape");
  await settle(page);
  assert(!(await has(page, "confirm.endWeek.ok")), "Escape did not close the dialog");
  assert((await turns(page)) === 0, "Escape ended the week");
  // Enter again, then Tab to the dialog's End week and Enter: the week ends.
  await page.keyboard.press("Enter");
  await settle(page);
  await page.keyboard.press("Tab");
  await settle(page);
  assert((await get(page, () => window.__shopsim.focused())) === "confirm.endWeek.ok", "Tab left the dialog");
  await page.keyboard.press("Enter");
  await waitScene(page, "WeekReport");
  assert((await turns(page)) === 1, "confirmed Enter did not end the week");
  await click(page, "report.continue");
  await waitScene(page, "Shop");
  // Focus on the End-week button: Enter ends the week without asking.
  for (let i = 0; i < 80 && (await get(page, () => window.__shopsim.focused())) !== "shop.endWeek"; i++) {
    await page.keyboard.press("Tab");
    await settle(page, 1);
  }
  assert((await get(page, () => window.__shopsim.focused())) === "shop.endWeek", "Tab never reached End week");
  await page.keyboard.press("Enter");
  await waitScene(page, "WeekReport");
  assert((await turns(page)) === 2, "Enter on the focused End-week button did not end the week");

  // ---- campaign: slots say what they hold; import over a run asks --------------------------------
  await page.evaluate(() => {
    localStorage.setItem("shopsim.progress.v1.slot1", JSON.stringify({ launch: { stars: 2, best: 640, runs: 1 } }));
    localStorage.setItem("shopsim.progress.v1.slot2", JSON.stringify({ launch: { stars: 1, best: 420, runs: 2 } }));
  });
  await page.reload();
  await waitScene(page, "MainMenu");
  all = await texts(page);
  assert(
    all.some((x) => x.includes("已获 2 星")),
    `menu profile stars: ${all.join(" | ")}`,
  );
  await click(page, "menu.campaign");
  await waitScene(page, "Campaign");
  all = await texts(page);
  const slot1 = all.find((x) => x.includes("第 3/8 周"));
  assert(slot1?.includes("最高 640 分") && slot1.includes("共 2 星"), `slot 1 line: ${slot1}`);
  const slot2 = all.find((x) => x.includes("共 1 星"));
  assert(slot2?.includes("没有进行中的店"), `slot 2 (progress, no run) line: ${slot2}`);
  const empties = all.filter((x) => x === "空");
  assert(empties.length === 1, `only slot 3 is empty: ${JSON.stringify(empties)}`);
  await shot(page, "zh-campaign-slots");
  await click(page, "campaign.import");
  assert(await has(page, "confirm.overwrite.ok"), "no confirmation before importing over a run");
  all = await texts(page);
  assert(
    all.some((x) => x.includes("导入会替换")),
    "import dialog title",
  );
  await click(page, "confirm.overwrite.cancel");
  // Playing a scenario over the run asks too.
  await click(page, "campaign.play.launch");
  assert(await has(page, "confirm.overwrite.ok"), "no confirmation before a scenario replaces the run");
  await click(page, "confirm.overwrite.cancel");
  assert((await get(page, () => window.__shopsim.scene())) === "Campaign", "cancel left the campaign");
  await click(page, "lang.en");
  await waitScene(page, "Campaign");
  all = await texts(page);
  assert(
    all.some((x) => x.includes("2 stars in all") && x.includes("best 640")),
    `English slot line: ${all.join(" | ")}`,
  );
  assert(
    all.some((x) => x.includes("1 star in all")),
    "English singular star",
  );
  await shot(page, "en-campaign-slots");
  assert(errors.length === 0, `console errors: ${errors.join(" | ")}`);
  await ctx.close();
}
