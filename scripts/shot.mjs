// Dev tool: screenshot one shop tab of one scenario, in zh-CN and en, to look at a panel while
// building it. Serves $DIST (default dist/). Usage (after `npx vite build [--outDir $DIST]`):
//   node scripts/shot.mjs <scenario> <tab> [sub] [outDir]     e.g. node scripts/shot.mjs sandbox marketing kol /tmp/shots
// Writes <outDir>/<scenario>-<tab>[-sub]-<lang>.png and prints any text that spills out of its card.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { click, launchBrowser, openGame, serveDir, settle, waitScene } from "../tests/browser/helpers.mjs";

const [scenario = "sandbox", tab = "store", sub = "", out = "/tmp/shots"] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const server = await serveDir(process.env.DIST || "dist");
const browser = await launchBrowser();
try {
  for (const lang of ["zh-CN", "en"]) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const { page, errors } = await openGame(ctx, server.url);
    if (lang === "en") await click(page, "lang.en");
    await page.evaluate((id) => {
      const s = window.__shopsim.store.getState();
      s.startScenario(id, "shot-1");
      s.goTo("shop");
    }, scenario);
    await waitScene(page, "Shop");
    await click(page, `tab.${tab}`);
    // Sub-sections are chips `<tab>.sub.<name>`; the product page's are tabs `product.tab.<name>`.
    if (sub) {
      const ids = Object.keys(await page.evaluate(() => window.__shopsim.targets()));
      await click(page, ids.includes(`${tab}.sub.${sub}`) ? `${tab}.sub.${sub}` : `${tab}.tab.${sub}`);
    }
    await page.waitForTimeout(800);
    await settle(page);
    const file = join(out, `${scenario}-${tab}${sub ? `-${sub}` : ""}-${lang}.png`);
    await page.screenshot({ path: file });
    const spills = await page.evaluate(() => window.__shopsim.overflows());
    console.log(file, spills.length ? `OVERFLOW: ${spills.join(" | ")}` : "no overflow", errors.length ? errors : "");
    await ctx.close();
  }
} finally {
  await browser.close();
  await server.close();
}
