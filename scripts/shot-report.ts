// Dev tool: plays `weeks` weeks of a scenario with the textbook bot's decisions (proposed through the
// store, as the panels do), then screenshots every week-report tab in zh-CN and en.
// Usage (after `npx vite build [--outDir $DIST]`): npx tsx scripts/shot-report.ts <scenario> [weeks] [outDir]
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { getScenario } from "../src/content/scenarios";
import { type Decision, newGame, POLICIES, step, type WeekReport } from "../src/engine";
// @ts-expect-error plain JS helpers shared with the browser tests
import { click, launchBrowser, openGame, serveDir, settle, targets, waitScene } from "../tests/browser/helpers.mjs";

const [id = "sandbox", weeksArg = "3", out = "/tmp/shots"] = process.argv.slice(2);
const sc = getScenario(id);
if (!sc) throw new Error(`unknown scenario ${id}`);
const seed = "shot-1";
const plan: Decision[][] = [];
let g = newGame(sc, seed);
const reports: WeekReport[] = [];
for (let w = 0; w < Number(weeksArg); w++) {
  const d = POLICIES.textbook(sc, g, reports);
  plan.push(d);
  const r = step(sc, g, d);
  if (!("state" in r)) throw new Error(JSON.stringify(r));
  g = r.state;
  reports.push(r.report);
}
mkdirSync(out, { recursive: true });
const server = await serveDir(process.env.DIST || "dist");
const browser = await launchBrowser();
try {
  for (const lang of ["zh-CN", "en"]) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const { page } = await openGame(ctx, server.url);
    if (lang === "en") await click(page, "lang.en");
    for (let w = 0; w < plan.length; w++) {
      const err = await page.evaluate(
        ([sid, s, decisions, first]: readonly [string, string, Decision[], boolean]) => {
          const st = window.__shopsim!.store.getState();
          if (first) {
            st.startScenario(sid, s);
            st.goTo("shop");
          }
          for (const d of decisions) {
            const e = window.__shopsim!.store.getState().propose(d);
            if (e) return e;
          }
          return null;
        },
        [id, seed, plan[w], w === 0] as const,
      );
      if (err) throw new Error(`week ${w + 1}: ${JSON.stringify(err)}`);
      await waitScene(page, "Shop");
      await click(page, "shop.endWeek");
      await waitScene(page, "WeekReport");
      if (w < plan.length - 1) await click(page, "report.continue");
    }
    const tabs = Object.keys(await targets(page)).filter((k) => k.startsWith("report.tab."));
    for (const tab of tabs) {
      await click(page, tab);
      await page.waitForTimeout(900);
      await settle(page);
      const file = join(out, `report-${id}-${tab.slice(11)}-${lang}.png`);
      await page.screenshot({ path: file });
      const spills = await page.evaluate(() => window.__shopsim!.overflows());
      console.log(file, spills.length ? `OVERFLOW: ${spills.join(" | ")}` : "");
    }
    await ctx.close();
  }
} finally {
  await browser.close();
  await server.close();
}
