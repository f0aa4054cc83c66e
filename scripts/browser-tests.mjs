// End-to-end tests of the built game in headless Chromium (the system /usr/bin/chromium).
// Expects dist/ to be built (`npx vite build`); serves it on 127.0.0.1 and plays it by clicking
// widgets by their test-hook ids, asserting on the store's state through window.__shopsim.
// Prints PASS/FAIL per case and ends with exactly one line "N passed, M failed".
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { challengeFlow } from "../tests/browser/challenge-flow.mjs";
import { classroomCase, screensCase } from "../tests/browser/classroom.mjs";
import { debriefCase } from "../tests/browser/debrief.mjs";
import { difficultyCase } from "../tests/browser/difficulty.mjs";
import { fastInput } from "../tests/browser/fast-input.mjs";
import { firstWeeks } from "../tests/browser/first-weeks.mjs";
import { click, launchBrowser, openGame, serveDir, settle, targets, waitScene } from "../tests/browser/helpers.mjs";
import { moderationCase } from "../tests/browser/moderation.mjs";
import { neverLoseWork } from "../tests/browser/never-lose-work.mjs";
import { offlineChallenge } from "../tests/browser/offline-challenge.mjs";
import { panelsMarketing } from "../tests/browser/panels-marketing.mjs";
import { panelsOps } from "../tests/browser/panels-ops.mjs";
import { phoneCase } from "../tests/browser/phone.mjs";
import { whyItMoved } from "../tests/browser/why-it-moved.mjs";

const SHOTS = "test-results/screenshots";
mkdirSync(SHOTS, { recursive: true });

let passed = 0;
let failed = 0;

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}
function eq(actual, expected, msg) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    throw new Error(`${msg}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

/** ONLY=<tag> runs just the cases named "(<tag>) …" (default: all); STACK=1 prints a failure's stack. */
const ONLY = process.env.ONLY;

async function test(name, fn) {
  if (ONLY && !name.startsWith(`(${ONLY})`)) return;
  const started = Date.now();
  try {
    await fn();
    passed++;
    console.log(`PASS ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}: ${e instanceof Error ? e.message : String(e)}`);
    if (process.env.STACK) console.log(e?.stack);
  }
}

const get = (page, fn) => page.evaluate(fn);
const week = (page) => get(page, () => window.__shopsim.getState().game?.week ?? null);
const pending = (page) => get(page, () => window.__shopsim.getState().pending);
const texts = (page) => get(page, () => window.__shopsim.texts());
const lastHash = (page) => get(page, () => window.__shopsim.getState().run?.hashes.at(-1) ?? null);
const shot = (page, name) => page.screenshot({ path: join(SHOTS, `${name}.png`) });

/** Clicks a target only if it is on screen and enabled (levers that hit a limit are skipped). */
async function clickIf(page, id) {
  const t = (await targets(page))[id];
  if (!t?.enabled) return false;
  await click(page, id);
  return true;
}

async function startLaunch(page) {
  await click(page, "menu.start");
  await waitScene(page, "Briefing");
  await click(page, "briefing.start");
  await waitScene(page, "Shop");
}

/** Ends the week from the shop and continues from the report; returns the scene reached. */
async function endAndContinue(page, w, { shots = null } = {}) {
  await click(page, "shop.endWeek");
  await waitScene(page, "WeekReport");
  eq(await week(page), w + 1, `week after ending week ${w + 1}`);
  if (shots) await shot(page, `${shots}-report`);
  const last = (await get(page, () => window.__shopsim.getState().game.status)) !== "playing";
  await click(page, "report.continue");
  await waitScene(page, last ? "Debrief" : "Shop");
  return last ? "Debrief" : "Shop";
}

const server = await serveDir(process.env.DIST || "dist");
const browser = await launchBrowser();
// Some cases run at other window sizes so target coordinates are checked through Scale.FIT's
// scaling and letterbox offset, not just at the design size.
const newContext = (viewport = { width: 1280, height: 720 }) =>
  browser.newContext({ viewport, deviceScaleFactor: 1, acceptDownloads: true });

try {
  await test("(a) main menu loads in Chinese without console errors", async () => {
    const ctx = await newContext();
    const { page, errors } = await openGame(ctx, server.url);
    const all = await texts(page);
    assert(all.includes("电商店长模拟器"), `title missing; texts: ${all.join(" | ")}`);
    assert(
      all.some((x) => x.includes("开始新店")),
      "开始新店 missing",
    );
    const ids = Object.keys(await targets(page));
    for (const id of ["menu.start", "menu.startRandom", "lang.zh-CN", "lang.en"])
      assert(ids.includes(id), `target ${id} missing`);
    assert(!ids.includes("menu.continue"), "continue shown without a save");
    await shot(page, "zh-menu");
    eq(errors, [], "console errors");
    await ctx.close();
  });

  await test("(b) play launch to the debrief by clicking; CLI verify agrees", async () => {
    const ctx = await newContext();
    const { page, errors } = await openGame(ctx, server.url);
    await click(page, "menu.start");
    await waitScene(page, "Briefing");
    await shot(page, "zh-briefing");
    await click(page, "briefing.start");
    await waitScene(page, "Shop");
    const weeks = await get(page, () => window.__shopsim.getState().scenario.weeks);
    for (let w = 0; w < weeks; w++) {
      // Store: shallower navigation, search on, a conversion banner.
      await click(page, "tab.store");
      if (await clickIf(page, "store.depth.minus")) {
        const d = (await pending(page)).find((p) => p.type === "setStore");
        assert(d && d.categoryDepth !== undefined, "depth change not pending");
      }
      if (w === 0) {
        await click(page, "store.search");
        await click(page, "store.banner.hero");
        await shot(page, "zh-shop-store");
      }
      // Products: add a keyword chip to the title, a trust section to the detail page.
      await click(page, "tab.product");
      if (w === 0) {
        await click(page, "product.kw.wireless-cup");
        const title = (await pending(page)).find((p) => p.type === "setTitle");
        assert(title?.keywords.includes("wireless-cup"), "keyword chip did not change the title");
        await shot(page, "zh-shop-product");
        await click(page, "product.tab.detail");
        await click(page, "product.detail.add.trust");
        await click(page, "product.tab.title");
      }
      // Pricing: ¥0.10 off the small cup (a charm ending).
      await click(page, "tab.pricing");
      await click(page, "pricing.cup300.minusFine");
      if (w === 0) await shot(page, "zh-shop-pricing");
      // Inventory: reorder the minimum every other week.
      await click(page, "tab.inventory");
      if (w % 2 === 0) {
        await click(page, "inventory.cup300.plus");
        const r = (await pending(page)).find((p) => p.type === "reorder");
        assert(r && r.qty >= 50, "reorder not pending");
      }
      if (w === 0) await shot(page, "zh-shop-inventory");
      // Marketing: a small targeted budget in week 1.
      if (w === 0) {
        await click(page, "tab.marketing");
        await click(page, "marketing.budget.plus");
        await click(page, "marketing.target.students");
        await shot(page, "zh-shop-marketing");
      }
      const before = await pending(page);
      assert(before.length > 0, `week ${w + 1}: no pending changes`);
      if (w === 0) await shot(page, "zh-shop");
      const scene = await endAndContinue(page, w, { shots: w === 0 ? "zh" : null });
      if (w < weeks - 1) eq(scene, "Shop", `scene after week ${w + 1}`);
    }
    await waitScene(page, "Debrief");
    await shot(page, "zh-debrief");
    const run = await get(page, () => window.__shopsim.getState().run);
    const ui = await get(page, () => window.__shopsim.score());
    eq(run.turns.length, weeks, "turns in run file");
    const shown = await texts(page);
    assert(shown.includes(`总分 ${ui.score}/1000`), `debrief does not show score ${ui.score}`);
    const dir = mkdtempSync(join(tmpdir(), "shopsim-run-"));
    const file = join(dir, "run.json");
    writeFileSync(file, JSON.stringify(run, null, 2));
    const cli = spawnSync("npx", ["tsx", "src/cli/main.ts", "verify", file, "--json"], { encoding: "utf8" });
    assert(cli.status === 0, `verify exited ${cli.status}: ${cli.stderr.trim().split("\n").at(-1)}`);
    const out = JSON.parse(cli.stdout.trim().split("\n").at(-1));
    eq(out.stateHash, run.hashes.at(-1), "final state hash (CLI vs UI)");
    eq(out.score, ui.score, "score (CLI vs UI)");
    // The export button downloads the same run file.
    const [download] = await Promise.all([page.waitForEvent("download"), click(page, "debrief.export")]);
    assert(
      /^shopsim-launch-.*\.json$/.test(download.suggestedFilename()),
      `download name ${download.suggestedFilename()}`,
    );
    eq(errors, [], "console errors");
    await ctx.close();
  });

  await test("(c) a reload mid-game resumes at the same week, hash and pending changes", async () => {
    const ctx = await newContext({ width: 900, height: 760 });
    const { page } = await openGame(ctx, server.url);
    await startLaunch(page);
    await click(page, "store.search");
    await endAndContinue(page, 0);
    await click(page, "tab.pricing");
    await click(page, "pricing.cup500.minus");
    await endAndContinue(page, 1);
    await click(page, "tab.store");
    await click(page, "store.depth.minus");
    const before = { week: await week(page), hash: await lastHash(page), pending: await pending(page) };
    eq(before.week, 2, "week before reload");
    await page.reload();
    await waitScene(page, "MainMenu");
    await click(page, "menu.continue");
    await waitScene(page, "Shop");
    const after = { week: await week(page), hash: await lastHash(page), pending: await pending(page) };
    eq(after, before, "state after reload");
    await ctx.close();
  });

  await test("(d) English everywhere, and the choice survives a reload", async () => {
    const ctx = await newContext();
    const { page, errors } = await openGame(ctx, server.url);
    await click(page, "lang.en");
    await settle(page);
    let all = await texts(page);
    assert(all.includes("ShopSim"), `English title missing: ${all.join(" | ")}`);
    assert(
      all.some((x) => x.includes("Open a new shop")),
      "English start button missing",
    );
    await page.reload();
    await waitScene(page, "MainMenu");
    all = await texts(page);
    assert(
      all.some((x) => x.includes("Open a new shop")),
      "language not kept after reload",
    );
    eq(await get(page, () => document.documentElement.lang), "en", "html lang");
    await shot(page, "en-menu");
    await click(page, "menu.start");
    await waitScene(page, "Briefing");
    await shot(page, "en-briefing");
    await click(page, "briefing.start");
    await waitScene(page, "Shop");
    await click(page, "store.depth.minus");
    await shot(page, "en-shop");
    await click(page, "tab.product");
    await shot(page, "en-shop-product");
    all = await texts(page);
    const cjk = all.filter((x) => /[\u4e00-\u9fff]/.test(x) && !x.includes("生意参谋") && x !== "中文");
    eq(cjk, [], "Chinese text left on the English shop screen");
    const weeks = await get(page, () => window.__shopsim.getState().scenario.weeks);
    for (let w = 0; w < weeks; w++) await endAndContinue(page, w, { shots: w === 0 ? "en" : null });
    await shot(page, "en-debrief");
    all = await texts(page);
    assert(all.includes("Debrief"), "English debrief title missing");
    eq(errors, [], "console errors");
    await ctx.close();
  });

  await test("(e) an invalid change shows an error in place and keeps other pending changes", async () => {
    const ctx = await newContext({ width: 1600, height: 1000 });
    const { page } = await openGame(ctx, server.url);
    await startLaunch(page);
    // Designer hours: 3 (depth) + 24 (mobile ×2) + 10 (speed) fit in 40; a second speed level does not.
    await click(page, "store.depth.minus");
    await click(page, "store.mobile.plus");
    await click(page, "store.mobile.plus");
    await click(page, "store.speed.plus");
    const ok = await pending(page);
    await click(page, "store.speed.plus");
    eq(await get(page, () => window.__shopsim.getState().lastErrors[0]?.error.key), "err.hours", "error key");
    eq(await pending(page), ok, "pending after rejected change");
    let shown = await texts(page);
    assert(
      shown.some((x) => x.startsWith("⚠") && x.includes("设计工时")),
      `no hours error on screen: ${shown.join(" | ")}`,
    );
    await shot(page, "zh-shop-error-hours");
    // Cash: keep adding to a reorder until it costs more than the shop has.
    await click(page, "tab.inventory");
    let rejected = false;
    for (let i = 0; i < 30 && !rejected; i++) {
      await click(page, "inventory.cup500.plus");
      rejected = (await get(page, () => window.__shopsim.getState().lastErrors[0]?.error.key)) === "err.cash";
    }
    assert(rejected, "reorder beyond cash was never rejected");
    const p = await pending(page);
    assert(
      p.some((d) => d.type === "setStore" && d.categoryDepth === 3 && d.mobileLevel === 3),
      "store changes lost",
    );
    const r = p.find((d) => d.type === "reorder");
    assert(r && r.qty > 0, "the last affordable reorder was lost");
    shown = await texts(page);
    assert(
      shown.some((x) => x.startsWith("⚠") && x.includes("现金")),
      "no cash error on screen",
    );
    await shot(page, "zh-shop-error-cash");
    await ctx.close();
  });
  await test("(f) keyboard: Tab + Enter through the menus, Enter (confirmed) ends the week and continues", async () => {
    const ctx = await newContext();
    const { page, errors } = await openGame(ctx, server.url);
    const focused = () => get(page, () => window.__shopsim.focused());
    /** Presses Tab until `id` has focus (at most 20 times). */
    const tabTo = async (id) => {
      for (let i = 0; i < 20; i++) {
        await page.keyboard.press("Tab");
        await settle(page, 1);
        if ((await focused()) === id) return;
      }
      throw new Error(`Tab never reached ${id}`);
    };
    await tabTo("menu.start");
    await page.keyboard.press("Enter");
    await waitScene(page, "Briefing");
    await tabTo("briefing.start");
    await page.keyboard.press("Enter");
    await waitScene(page, "Shop");
    // Enter with nothing focused asks first (focus on Cancel); Tab to End week and Enter ends it.
    await page.keyboard.press("Enter");
    await settle(page);
    eq(await focused(), "confirm.endWeek.cancel", "Enter in the shop opens the end-week question");
    await page.keyboard.press("Tab");
    await settle(page, 1);
    await page.keyboard.press("Enter");
    await waitScene(page, "WeekReport");
    eq(await week(page), 1, "week after Enter in the shop");
    await page.keyboard.press("Enter");
    await waitScene(page, "Shop");
    eq(await week(page), 1, "Enter on the report continues without ending another week");
    // Tab + Enter on a lever works like a click.
    await tabTo("store.depth.minus");
    await page.keyboard.press("Enter");
    await settle(page);
    const p = await pending(page);
    assert(
      p.some((d) => d.type === "setStore" && d.categoryDepth === 3),
      "Enter on a focused stepper did not change it",
    );
    eq(await focused(), "store.depth.minus", "focus kept after the panel redraw");
    eq(errors, [], "console errors");
    await ctx.close();
  });
  // ---- issue 5: campaign, glossary, settings, charts, run files, shop world ----------------------
  await test("(g) campaign map: launch is open, the next scenario is locked, play starts the briefing", async () => {
    const ctx = await newContext();
    const { page, errors } = await openGame(ctx, server.url);
    await click(page, "menu.campaign");
    await waitScene(page, "Campaign");
    const ids = Object.keys(await targets(page));
    assert(ids.includes("campaign.play.launch"), "launch has no play button");
    assert(!ids.includes("campaign.play.sandbox"), "sandbox should be locked before launch earns a star");
    const all = await texts(page);
    assert(
      all.some((x) => x.includes("未解锁")),
      "no locked reason on the map",
    );
    assert(
      all.some((x) => x.includes("0/3 星")),
      "stars not written as text",
    );
    for (const n of [1, 2, 3]) assert(ids.includes(`campaign.slot.${n}`), `slot ${n} missing`);
    await shot(page, "zh-campaign");
    await click(page, "campaign.play.launch");
    await waitScene(page, "Briefing");
    eq(await get(page, () => window.__shopsim.getState().scenario.id), "launch", "scenario started from the map");
    eq(errors, [], "console errors");
    await ctx.close();
  });

  await test("(h) glossary from the menu and the report; report charts sit on the canvas and go away", async () => {
    // 900×760: Scale.FIT letterboxes vertically, so the chart overlay must follow the scale and offset.
    const ctx = await newContext({ width: 900, height: 760 });
    const { page, errors } = await openGame(ctx, server.url);
    await click(page, "menu.glossary");
    await waitScene(page, "Glossary");
    let all = await texts(page);
    for (const term of ["访客数 UV", "浏览量 PV", "点击率 CTR", "支付转化率", "客单价", "支付金额 GMV"])
      assert(all.includes(term), `glossary lacks ${term}`);
    assert(
      all.some((x) => x.includes("÷")),
      "no formula shown",
    );
    await click(page, "glossary.next");
    await click(page, "glossary.next");
    all = await texts(page);
    assert(all.includes("缺货天数"), "last glossary page lacks 缺货天数");
    await click(page, "glossary.back");
    await waitScene(page, "MainMenu");
    await startLaunch(page);
    await click(page, "shop.endWeek");
    await waitScene(page, "WeekReport");
    await page.waitForFunction(
      () => window.__shopsim.charts().length === 3 && window.__shopsim.charts().every((c) => c.ready),
      null,
      {
        timeout: 15_000,
      },
    );
    const canvas = await get(page, () => window.__shopsim.canvasBox());
    const charts = await get(page, () => window.__shopsim.charts());
    const scale = canvas.w / 1280;
    for (const c of charts) {
      assert(c.x >= canvas.x && c.y >= canvas.y, `${c.id} starts outside the canvas`);
      assert(
        c.x + c.w <= canvas.x + canvas.w + 1 && c.y + c.h <= canvas.y + canvas.h + 1,
        `${c.id} ends outside the canvas`,
      );
    }
    const trend = charts.find((c) => c.id === "report.trend");
    // Design box of the trend chart: x 30, width 440 → scaled with the canvas.
    assert(Math.abs(trend.x - (canvas.x + 30 * scale)) <= 2, `trend x ${trend.x} vs ${canvas.x + 30 * scale}`);
    assert(Math.abs(trend.w - 440 * scale) <= 2, `trend width ${trend.w} vs ${440 * scale}`);
    const hasEcharts = await get(page, () => document.querySelectorAll("[data-chart] canvas").length);
    assert(hasEcharts >= 3, "echarts did not render canvases");
    await shot(page, "zh-report-900x760");
    await click(page, "report.glossary");
    await waitScene(page, "Glossary");
    eq(await get(page, () => window.__shopsim.charts().length), 0, "charts left after leaving the report");
    eq(await get(page, () => document.querySelectorAll("[data-chart]").length), 0, "chart divs left in the DOM");
    await click(page, "glossary.back");
    await waitScene(page, "WeekReport");
    await click(page, "report.dashboard");
    await waitScene(page, "Dashboard");
    await page.waitForFunction(() => window.__shopsim.charts().filter((c) => c.ready).length === 2, null, {
      timeout: 15_000,
    });
    await click(page, "dashboard.back");
    await waitScene(page, "WeekReport");
    await click(page, "report.tab.details");
    all = await texts(page);
    assert(all.includes("本周事件"), `details tab lacks events: ${all.slice(0, 30).join(" | ")}`);
    eq(errors, [], "console errors");
    await ctx.close();
  });

  await test("(i) settings persist across a reload; reduced motion stills the shop world", async () => {
    const ctx = await newContext();
    const { page, errors } = await openGame(ctx, server.url);
    await click(page, "menu.settings");
    await waitScene(page, "Settings");
    await click(page, "settings.volume.minus");
    await click(page, "settings.volume.minus");
    await click(page, "settings.motion.reduced");
    const played = await get(page, () => window.__shopsim.sfx());
    assert(played > 0, "no sound effect was played on clicks");
    await click(page, "settings.sfx.off");
    eq(
      await get(page, () => window.__shopsim.getState().settings),
      { volume: 0.4, sfx: false, motion: "reduced" },
      "settings",
    );
    await page.reload();
    await waitScene(page, "MainMenu");
    eq(
      await get(page, () => window.__shopsim.getState().settings),
      { volume: 0.4, sfx: false, motion: "reduced" },
      "after reload",
    );
    const before = await get(page, () => window.__shopsim.sfx());
    await click(page, "menu.settings");
    await waitScene(page, "Settings");
    eq(await get(page, () => window.__shopsim.sfx()), before, "muted sound still played");
    const shown = await texts(page);
    assert(
      shown.some((x) => x.includes("✓ 减少动画")),
      "reduced motion not marked as chosen",
    );
    await click(page, "settings.back");
    await waitScene(page, "MainMenu");
    await startLaunch(page);
    await page.waitForTimeout(600);
    eq(await get(page, () => window.__shopsim.shoppers()), 0, "shoppers walking with reduced motion");
    eq(errors, [], "console errors");
    await ctx.close();
  });

  await test("(j) export and import a run file; a malformed file changes nothing", async () => {
    const ctx = await newContext();
    const { page, errors } = await openGame(ctx, server.url);
    await startLaunch(page);
    await click(page, "store.search");
    await endAndContinue(page, 0);
    await click(page, "hud.menu");
    await waitScene(page, "MainMenu");
    await click(page, "menu.campaign");
    await waitScene(page, "Campaign");
    const [download] = await Promise.all([page.waitForEvent("download"), click(page, "campaign.export")]);
    const file = await download.path();
    const exported = JSON.parse(readFileSync(file, "utf8"));
    const hashes = await get(page, () => window.__shopsim.getState().run.hashes);
    eq(exported.hashes, hashes, "exported hashes");
    // Into slot 2 (empty), then back to the shop at the same week and hash.
    await click(page, "campaign.slot.2");
    eq(await get(page, () => window.__shopsim.getState().slot), 2, "slot");
    await page.setInputFiles("#shopsim-import", file);
    await waitScene(page, "Shop");
    eq(await get(page, () => window.__shopsim.getState().run.hashes), hashes, "imported hashes");
    eq(await get(page, () => window.__shopsim.getState().game.week), 1, "imported week");
    // A malformed file: a clear message in both languages, slot 2's save untouched.
    await click(page, "hud.menu");
    await waitScene(page, "MainMenu");
    await click(page, "menu.campaign");
    await waitScene(page, "Campaign");
    const saved = await get(page, () => localStorage.getItem("shopsim.save.v1.slot2"));
    await page.setInputFiles("#shopsim-import", {
      name: "broken.json",
      mimeType: "application/json",
      buffer: Buffer.from("{oops"),
    });
    await page.waitForFunction(() => window.__shopsim.texts().some((x) => x.includes("无法导入")), null, {
      timeout: 5000,
    });
    const shown = (await texts(page)).join("\n");
    assert(shown.includes("无法导入") && shown.includes("Cannot import"), "message not in both languages");
    eq(await get(page, () => localStorage.getItem("shopsim.save.v1.slot2")), saved, "slot 2 save after a bad import");
    await shot(page, "zh-campaign-import-error");
    // Reload: the slot and its game are still there.
    await page.reload();
    await waitScene(page, "MainMenu");
    await click(page, "menu.continue");
    await waitScene(page, "Shop");
    eq(await get(page, () => window.__shopsim.getState().run.hashes), hashes, "after reload");
    eq(errors, [], "console errors");
    await ctx.close();
  });

  await test("(k) no text spills out of the screen or its card or overlaps another, on every screen in both languages", async () => {
    const found = [];
    for (const lang of ["zh-CN", "en"]) {
      const ctx = await newContext();
      const { page, errors } = await openGame(ctx, server.url);
      if (lang === "en") await click(page, "lang.en");
      const check = async (where) => {
        for (const o of await get(page, () => window.__shopsim.overflows())) found.push(`${lang} ${where}: ${o}`);
        for (const o of await get(page, () => window.__shopsim.overlaps()))
          found.push(`${lang} ${where}: overlap ${o}`);
      };
      await check("menu");
      await click(page, "menu.campaign");
      await waitScene(page, "Campaign");
      await check("campaign");
      await click(page, "campaign.back");
      await waitScene(page, "MainMenu");
      await click(page, "menu.glossary");
      await waitScene(page, "Glossary");
      for (let p = 0; p < 3; p++) {
        await check(`glossary page ${p + 1}`);
        if (p < 2) await click(page, "glossary.next");
      }
      await click(page, "glossary.back");
      await waitScene(page, "MainMenu");
      await click(page, "menu.settings");
      await waitScene(page, "Settings");
      await check("settings");
      await click(page, "settings.back");
      await waitScene(page, "MainMenu");
      await click(page, "menu.start");
      await waitScene(page, "Briefing");
      await check("briefing");
      await click(page, "briefing.start");
      await waitScene(page, "Shop");
      for (const tab of await get(page, () => window.__shopsim.levers())) {
        await click(page, `tab.${tab}`);
        await check(`shop ${tab}`);
      }
      await click(page, "shop.endWeek");
      await waitScene(page, "WeekReport");
      await check("report");
      await click(page, "report.tab.details");
      await check("report details");
      await click(page, "report.tab.overview");
      await click(page, "report.dashboard");
      await waitScene(page, "Dashboard");
      await check("dashboard");
      eq(errors, [], "console errors");
      await ctx.close();
    }
    eq(found, [], "texts overflowing");
  });

  await test("(l) phone landscape 844×390 with touch: readable text, one press per tap, drags scroll, a week by taps", () =>
    phoneCase({ browser, url: server.url }));
  await test("(ops) promotion, service and team panels: a promotion, service settings and a hire change the game", () =>
    panelsOps({ newContext, url: server.url }));
  await test("(marketing) KOL cards, content, community, search, private domain and clearance change the game", () =>
    panelsMarketing({ newContext, url: server.url }));
  await test("(weeks) every scenario's first week through the UI: each lever group changed by clicks, every report tab", () =>
    firstWeeks({ newContext, url: server.url }));
  await test("(debrief) textbook on the same seed = CLI bot score, weekly chart, recap lists every goal code", () =>
    debriefCase({ newContext, url: server.url }));
  await test("(challenge) code entry → play → submit → verified leaderboard; instructor class, timeline, CSV", () =>
    challengeFlow({ newContext, endAndContinue }));
  await test("(hard) a challenge on hard: created by the instructor, played by a trainee, verified on hard; campaign slot difficulty", () =>
    difficultyCase({ newContext, endAndContinue }));
  await test("(work) never lose work: confirmations before a run is replaced, slots say what they hold, Enter asks", () =>
    neverLoseWork({ newContext, url: server.url }));
  await test("(input) typed prices, quantities and budgets; cover days and suggested reorder; scrolling pending list", () =>
    fastInput({ newContext, url: server.url }));
  await test("(why) week report overview opens with the engine's three biggest drivers; income statement = net-profit card; zh-CN/en", () =>
    whyItMoved({ newContext, url: server.url }));
  await test("(classroom) loopback warning, recovery file, translated rejections, close/reopen, CSV columns", () =>
    classroomCase({ newContext }));
  await test("(moderation) copies marked on the board and class board; instructor hides, removes, resets a claim, sets a roster by clicks; zh-CN/en", () =>
    moderationCase({ newContext }));
  await test("(screens) principle names on the campaign, star thresholds on briefing and debrief, 下一关", () =>
    screensCase({ newContext, url: server.url }));
  await test("(offline) offline challenge: file + code → play → export run → offline ranking rejects a forged run", () =>
    offlineChallenge({ newContext, url: server.url, endAndContinue }));
} finally {
  await browser.close();
  await server.close();
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
