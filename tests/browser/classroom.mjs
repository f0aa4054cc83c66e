// Browser cases for issue 16 item 4 (classroom-ready) and the instructor's side of item 2, by clicks
// in zh-CN and en against the real server (HOST 127.0.0.1, so loopback only): the instructor screen
// warns and shows the classroom command; the recovery file holds the code and secret and brings the
// class back into an emptied browser; the class board translates rejection reasons, lists them all
// and counts rejected-only names apart; 结束挑战 asks, and 重新开放 undoes it; the CSV has local
// times with the zone, objective points and a column per principle. And, without a server: star
// thresholds on the briefing and the debrief, 下一关 on the debrief, principle names on the campaign.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  click,
  createChallenge,
  fillChallengeForm,
  openGame,
  playToDebrief,
  settle,
  startServer,
  targets,
  waitScene,
} from "./helpers.mjs";

const SHOTS = "test-results/screenshots";

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}
const get = (page, fn, arg) => page.evaluate(fn, arg);
const texts = (page) => get(page, () => window.__shopsim.texts());
const shot = (page, name) => page.screenshot({ path: join(SHOTS, `${name}.png`) });
const waitFor = (page, fn, arg) => page.waitForFunction(fn, arg, { timeout: 30_000, polling: 50 });
const hasText = async (page, part) => (await texts(page)).some((x) => x.includes(part));

function botRunFile(seed, policy) {
  const dir = mkdtempSync(join(tmpdir(), "shopsim-bot-"));
  const file = join(dir, "run.json");
  const r = spawnSync(
    "npx",
    ["tsx", "src/cli/main.ts", "bot", "--scenario", "launch", "--seed", seed, "--policy", policy, "--out", file],
    { encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(`bot failed: ${r.stderr}`);
  return JSON.parse(readFileSync(file, "utf8"));
}

export async function classroomCase({ newContext }) {
  const server = await startServer({ name: "classroom", staticDir: process.env.DIST || "dist" });
  const ctx = await newContext();
  try {
    const { page, errors } = await openGame(ctx, server.url);
    await fillChallengeForm(page, "测试3班", "class-3");
    const created = await createChallenge(page);
    await waitFor(page, () => "ins.loopback" in window.__shopsim.targets());
    assert(await hasText(page, "服务器只在本机监听"), "no loopback warning");
    assert(await hasText(page, "HOST=0.0.0.0 PUBLIC_URL=http://<ip>:"), "no classroom command");
    await shot(page, "zh-instructor-loopback");

    // Recovery file: code + secret.
    const [dl] = await Promise.all([page.waitForEvent("download"), click(page, "ins.recovery")]);
    const recovery = JSON.parse(readFileSync(await dl.path(), "utf8"));
    assert(recovery.code === created.code && recovery.secret === created.secret, "recovery file lacks code/secret");

    // A good run and a forged one (its last hash changed) under another name.
    const good = botRunFile("class-3", "textbook");
    const forged = JSON.parse(JSON.stringify(good));
    forged.hashes[forged.hashes.length - 1] = "0".repeat(64);
    for (const [name, run] of [
      ["张三", good],
      ["forger", forged],
    ])
      await fetch(`${server.url}/api/challenges/${created.code}/submissions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name, run }),
      });

    await click(page, "ins.watch");
    await waitScene(page, "InstructorClass");
    await waitFor(page, () => window.__shopsimChallenge.getState().klass.submissions.length >= 2);
    await settle(page, 6);
    assert(await hasText(page, "上榜学员 1 人 · 只有被拒提交的 1 人"), `counts: ${(await texts(page)).join(" | ")}`);
    // The engine's reason (key + params from the API): which week's check code failed, in words.
    assert(
      (await texts(page)).some((x) => /^✗ forger \[未上榜\] — 第 \d+ 周的校验码与重放结果不符/.test(x)),
      `rejection not translated (zh): ${(await texts(page)).join(" | ")}`,
    );
    await shot(page, "zh-class-rejected");
    await click(page, "lang.en");
    await waitScene(page, "InstructorClass");
    await settle(page, 4);
    assert(
      (await texts(page)).some((x) => /^✗ forger \[not ranked\] — Week \d+'s check code does not match/.test(x)),
      "rejection not translated (en)",
    );
    assert(await hasText(page, "with only rejected runs 1"), "English counts");
    await shot(page, "en-class-rejected");
    await click(page, "lang.zh-CN");
    await waitScene(page, "InstructorClass");

    // CSV: local times with the zone, objective points, one column per principle.
    const [csvDl] = await Promise.all([page.waitForEvent("download"), click(page, "cls.export")]);
    const csv = readFileSync(await csvDl.path(), "utf8");
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    assert(/UTC[+−]\d\d:\d\d/.test(lines[0]), `CSV header without the zone: ${lines[0]}`);
    assert(lines[0].includes("P1.2f 定价方法与价格心理"), "CSV without principle columns");
    assert(lines[0].includes("目标得分"), "CSV without objective columns");
    assert(lines[1].includes("张三") && /"applied"|"partly"|"missed"/.test(lines[1]), `CSV row: ${lines[1]}`);
    assert(
      lines.some((l) => l.includes("forger") && l.includes("校验码")),
      "CSV without the rejected-only trainee",
    );

    // Close asks first; reopen undoes it.
    await click(page, "cls.close");
    assert("confirm.close.ok" in (await targets(page)), "closing did not ask");
    await shot(page, "zh-confirm-close");
    await click(page, "confirm.close.cancel");
    assert(!(await get(page, () => window.__shopsimChallenge.getState().klass.challenge.closed)), "cancel closed it");
    await click(page, "cls.close");
    await click(page, "confirm.close.ok");
    await waitFor(page, () => window.__shopsimChallenge.getState().klass.challenge?.closed === true);
    await waitFor(page, () => window.__shopsim.targets()["cls.reopen"]?.enabled === true);
    await click(page, "cls.reopen");
    await waitFor(page, () => window.__shopsimChallenge.getState().klass.challenge?.closed === false);
    await waitFor(page, () => "cls.close" in window.__shopsim.targets());

    // An emptied browser gets the class back from the recovery file.
    await page.evaluate(() => localStorage.removeItem("shopsim.instructor.v1"));
    await page.goto(`${server.url}/?test=1`);
    await waitScene(page, "MainMenu");
    await click(page, "menu.instructor");
    await waitScene(page, "InstructorCreate");
    assert(!(`ins.open.${created.code}` in (await targets(page))), "the class should be gone before the import");
    const dir = mkdtempSync(join(tmpdir(), "shopsim-rec-"));
    const recFile = join(dir, "rec.json");
    writeFileSync(recFile, JSON.stringify(recovery));
    await click(page, "ins.recover");
    await page.setInputFiles("#shopsim-import", recFile);
    await waitFor(page, (code) => `ins.open.${code}` in window.__shopsim.targets(), created.code);
    await click(page, `ins.open.${created.code}`);
    await waitScene(page, "InstructorClass");
    await waitFor(page, () => window.__shopsimChallenge.getState().klass.status === "ok");
    assert(errors.filter((e) => !e.includes("422")).length === 0, `console errors: ${errors.join(" | ")}`);
  } finally {
    await ctx.close();
    await server.stop();
  }
}

export async function screensCase({ newContext, url }) {
  const ctx = await newContext();
  const { page, errors } = await openGame(ctx, url);
  // Campaign: principle names beside the codes.
  await click(page, "menu.campaign");
  await waitScene(page, "Campaign");
  // Pointing at tile 3 (定价与大促) shows its principles with their names beside it.
  const hover = async () => {
    const box = await get(page, () => window.__shopsim.canvasBox());
    const s = box.w / 1280;
    await page.mouse.move(box.x + (572 + 124) * s, box.y + (100 + 30) * s);
    await settle(page, 3);
  };
  await hover();
  assert(await hasText(page, "P1.2f 定价方法与价格心理"), "no principle names on the campaign");
  assert("campaign.principles" in (await targets(page)), "no principle card");
  await shot(page, "zh-campaign-principles");
  await click(page, "lang.en");
  await waitScene(page, "Campaign");
  await page.mouse.move(5, 5);
  await hover();
  assert(await hasText(page, "P1.2f Pricing methods and price psychology"), "no English principle names");
  await shot(page, "en-campaign-principles");
  await click(page, "lang.zh-CN");
  await waitScene(page, "Campaign");
  // Briefing: the star thresholds.
  await click(page, "campaign.play.launch");
  await waitScene(page, "Briefing");
  assert(await hasText(page, "星级线：★"), "no star thresholds on the briefing");
  await shot(page, "zh-briefing-stars");
  await click(page, "briefing.start");
  await waitScene(page, "Shop");
  // Debrief after the textbook bot's run: thresholds and 下一关.
  await playToDebrief(page);
  assert(await hasText(page, "星级线 ★"), "no star thresholds on the debrief");
  const t0 = await targets(page);
  assert("debrief.next" in t0, "no 下一关 button");
  assert(await hasText(page, "ROAS —"), "ROAS without ad spend is not —");
  await shot(page, "zh-debrief-next");
  await click(page, "lang.en");
  await waitScene(page, "Debrief");
  assert(await hasText(page, "Stars: ★"), "no English star thresholds on the debrief");
  await shot(page, "en-debrief-next");
  await click(page, "lang.zh-CN");
  await waitScene(page, "Debrief");
  if (t0["debrief.next"].enabled) {
    await click(page, "debrief.next");
    if ("confirm.overwrite.ok" in (await targets(page))) await click(page, "confirm.overwrite.ok");
    await waitScene(page, "Briefing");
    assert((await get(page, () => window.__shopsim.getState().scenario.id)) === "assortment", "下一关 did not open 2");
  } else assert(await hasText(page, "先拿到 1 星"), "a locked 下一关 should say why");
  // "1 star": the English plural, from one earned star.
  await page.evaluate(() =>
    localStorage.setItem("shopsim.progress.v1.slot1", JSON.stringify({ launch: { stars: 1, best: 500, runs: 1 } })),
  );
  await page.goto(`${url}?test=1`);
  await waitScene(page, "MainMenu");
  await click(page, "lang.en");
  await waitScene(page, "MainMenu");
  assert(await hasText(page, "1 star earned"), "English profile line not singular for one star");
  assert(!(await hasText(page, "1 stars")), "'1 stars' on the menu");
  assert(errors.length === 0, `console errors: ${errors.join(" | ")}`);
  await ctx.close();
}
