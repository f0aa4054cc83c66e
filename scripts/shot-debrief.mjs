// Dev tool: play a scenario to its end in the built game (clicking shop.endWeek / report.continue,
// with a few store decisions in week 1 so the recap has something applied), then screenshot each
// debrief page (summary, compare, recap, what if) in zh-CN and en, at 1280×720 and 844×390 (phone landscape).
// PHONE=0 skips the phone size. TURNS=file.json plays those decisions instead (a JSON array of turns,
// e.g. the `turns` of a run file from `npm run sim -- bot … --out`; missing weeks are left as they are).
// Serves $DIST (default dist/). Usage (after `npx vite build [--outDir $DIST]`):
//   node scripts/shot-debrief.mjs [scenario] [seed] [outDir]      e.g. node scripts/shot-debrief.mjs launch shot-1 /tmp/shots
// Writes <outDir>/debrief-<scenario>-<page>-<lang>[-phone].png and prints any text that spills out of its card.
import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  click,
  launchBrowser,
  openGame,
  playToDebrief,
  serveDir,
  settle,
  waitScene,
} from "../tests/browser/helpers.mjs";

const [scenario = "launch", seed = "shot-1", out = "/tmp/shots"] = process.argv.slice(2);
const turns = process.env.TURNS ? JSON.parse(readFileSync(process.env.TURNS, "utf8")) : null;
const plan = Array.isArray(turns) ? turns : turns?.turns;
mkdirSync(out, { recursive: true });
const server = await serveDir(process.env.DIST || "dist");
const browser = await launchBrowser();
let spilled = 0;
try {
  for (const phone of process.env.PHONE === "0" ? [false] : [false, true]) {
    const viewport = phone ? { width: 844, height: 390 } : { width: 1280, height: 720 };
    const ctx = await browser.newContext({ viewport });
    const { page, errors } = await openGame(ctx, server.url);
    await page.evaluate(
      ([id, s, planned]) => {
        const store = window.__shopsim.store;
        store.getState().startScenario(id, s);
        store.getState().goTo("shop");
        // A trainee who fixes the navigation and the banner in week 1 and nothing else.
        if (!planned && store.getState().scenario?.levers.includes("store"))
          store.getState().propose({ type: "setStore", categoryDepth: 3, inStoreSearch: true, banner: "hero" });
      },
      [scenario, seed, Boolean(plan)],
    );
    await waitScene(page, "Shop");
    await playToDebrief(page, plan ?? []);
    for (const lang of ["zh-CN", "en"]) {
      if (lang === "en") await click(page, "lang.en");
      for (const p of ["summary", "compare", "recap", "whatif"]) {
        await click(page, `debrief.tab.${p}`);
        await waitScene(page, "Debrief");
        if (p === "compare")
          await page.waitForFunction(() => window.__shopsim.charts?.().every((c) => c.ready) ?? true, null, {
            timeout: 10_000,
          });
        if (p === "whatif")
          await page.waitForFunction(() => window.__shopsim.whatIf()?.done === true, null, { timeout: 120_000 });
        await page.waitForTimeout(700);
        await settle(page);
        const file = join(out, `debrief-${scenario}-${p}-${lang}${phone ? "-phone" : ""}.png`);
        await page.screenshot({ path: file });
        const spills = await page.evaluate(() => window.__shopsim.overflows());
        spilled += spills.length;
        console.log(file, spills.length ? `OVERFLOW: ${spills.join(" | ")}` : "no overflow");
      }
      if (lang === "en") await click(page, "lang.zh-CN");
    }
    if (errors.length) console.log("console errors:", errors);
    await ctx.close();
  }
} finally {
  await browser.close();
  await server.close();
}
process.exit(spilled > 0 ? 1 : 0);
