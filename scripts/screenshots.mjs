// Regenerates docs/screenshots/*.png: every screen (menu, campaign, glossary, settings, briefing,
// shop, week report overview and details, dashboard, debrief) in zh-CN and en at 1280×720, and the
// menu, shop and report on a phone in landscape (844×390). Expects dist/ to be built
// (`npm run screenshots` builds first). Plays a short, sensible game by clicking widgets through the
// test hook so the screens show real numbers.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { click, launchBrowser, openGame, serveDir, settle, targets, waitScene } from "../tests/browser/helpers.mjs";

const OUT = process.argv[2] || "docs/screenshots";
mkdirSync(OUT, { recursive: true });

async function clickIf(page, id) {
  const t = (await targets(page))[id];
  if (!t?.enabled) return false;
  await click(page, id);
  return true;
}

async function endWeek(page) {
  await click(page, "shop.endWeek");
  await waitScene(page, "WeekReport");
}

async function next(page) {
  const done = await page.evaluate(() => window.__shopsim.getState().game.status !== "playing");
  await click(page, "report.continue");
  await waitScene(page, done ? "Debrief" : "Shop");
}

/** Waits for the echarts overlays to be drawn (and their entry animation to end). */
async function chartsReady(page) {
  await page.waitForFunction(() => window.__shopsim.charts().every((c) => c.ready), null, { timeout: 15_000 });
  await page.waitForTimeout(1200);
  await settle(page);
}

async function capture(browser, url, lang, phone = false) {
  const viewport = phone ? { width: 844, height: 390 } : { width: 1280, height: 720 };
  const ctx = await browser.newContext({ viewport, deviceScaleFactor: phone ? 2 : 1 });
  const { page, errors } = await openGame(ctx, url);
  if (lang === "en") await click(page, "lang.en");
  const only = phone ? new Set(["menu", "shop", "report", "campaign"]) : null;
  const shot = async (name) => {
    if (only && !only.has(name)) return;
    // The shop world is animated: give the shoppers a moment to walk in.
    if (name === "shop") await page.waitForTimeout(2500);
    await page.screenshot({ path: join(OUT, `${lang}-${phone ? "phone-" : ""}${name}.png`) });
  };
  await shot("menu");
  await click(page, "menu.campaign");
  await waitScene(page, "Campaign");
  await shot("campaign");
  await click(page, "campaign.back");
  await waitScene(page, "MainMenu");
  if (!phone) {
    await click(page, "menu.glossary");
    await waitScene(page, "Glossary");
    await shot("glossary");
    await click(page, "glossary.back");
    await waitScene(page, "MainMenu");
    await click(page, "menu.settings");
    await waitScene(page, "Settings");
    await shot("settings");
    await click(page, "settings.back");
    await waitScene(page, "MainMenu");
  }
  await click(page, "menu.start");
  await waitScene(page, "Briefing");
  await shot("briefing");
  await click(page, "briefing.start");
  await waitScene(page, "Shop");
  // Week 1: fix the store and the product pages the way the lecture teaches.
  await click(page, "store.depth.minus");
  await click(page, "store.search");
  await click(page, "store.banner.hero");
  await click(page, "tab.product");
  await click(page, "product.kw.wireless-cup");
  await click(page, "product.kw.usb-c");
  await click(page, "product.tab.detail");
  await click(page, "product.detail.add.trust");
  await click(page, "product.detail.add.purchaseGuide");
  await click(page, "tab.marketing");
  await click(page, "marketing.budget.plus");
  await click(page, "marketing.target.students");
  await endWeek(page);
  await next(page);
  // Week 2: images, price endings, stock.
  await click(page, "tab.product");
  await click(page, "product.tab.image");
  await click(page, "product.image.differentiated");
  await click(page, "tab.pricing");
  await click(page, "pricing.cup300.minusFine");
  await click(page, "tab.inventory");
  await click(page, "inventory.cup300.plus");
  await click(page, "inventory.cup300.plus");
  await endWeek(page);
  await next(page);
  // Week 3: the shop screen with a few changes pending, on the title tab.
  await click(page, "tab.store");
  await clickIf(page, "store.speed.plus");
  await click(page, "tab.product");
  await click(page, "product.tab.title");
  await click(page, "product.sku.cup500");
  await click(page, "product.kw.big-capacity");
  await shot("shop");
  await endWeek(page);
  await chartsReady(page);
  await shot("report");
  if (!phone) {
    await click(page, "report.tab.details");
    await shot("report-details");
    await click(page, "report.tab.overview");
    await click(page, "report.dashboard");
    await waitScene(page, "Dashboard");
    await chartsReady(page);
    await shot("dashboard");
    await click(page, "dashboard.back");
    await waitScene(page, "WeekReport");
  }
  await next(page);
  while ((await page.evaluate(() => window.__shopsim.scene())) === "Shop") {
    await endWeek(page);
    await next(page);
  }
  await shot("debrief");
  await ctx.close();
  if (errors.length) throw new Error(`console errors (${lang}): ${errors.join("; ")}`);
}

const server = await serveDir("dist");
const browser = await launchBrowser();
try {
  for (const lang of ["zh-CN", "en"]) {
    await capture(browser, server.url, lang);
    await capture(browser, server.url, lang, true);
    console.log(`screenshots (${lang}) → ${OUT}`);
  }
} finally {
  await browser.close();
  await server.close();
}
