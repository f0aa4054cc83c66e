// UI benchmark: initial JavaScript download (gzip) of the built dist/, time to the first interactive
// main menu in headless Chromium, and frame time on the shop screen during a busy week.
// Run with `npm run bench:ui` (builds first). Budgets (issue 5): initial JS ≤ 700 KB gzip, menu
// interactive within 3 s. Prints a table and ends with one JSON line; exits 1 if a budget is missed.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { launchBrowser, serveDir } from "../tests/browser/helpers.mjs";

const DIST = "dist";
const BUDGET_JS_KB = 700;
const BUDGET_MENU_MS = 3000;

// ---- 1. download size ---------------------------------------------------------------------------
const html = readFileSync(join(DIST, "index.html"), "utf8");
const initial = new Set();
for (const m of html.matchAll(/<script[^>]+src="\.?\/?([^"]+\.js)"/g)) initial.add(m[1]);
for (const m of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\.?\/?([^"]+\.js)"/g)) initial.add(m[1]);
const gz = (file) => gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length;
const assets = readdirSync(join(DIST, "assets")).filter((f) => f.endsWith(".js"));
let initialBytes = 0;
let lazyBytes = 0;
const chunks = [];
for (const f of assets) {
  const path = `assets/${f}`;
  const size = gz(path);
  const isInitial = initial.has(path);
  if (isInitial) initialBytes += size;
  else lazyBytes += size;
  chunks.push({ file: path, gzipKB: +(size / 1024).toFixed(1), initial: isInitial });
}

// ---- 2. time to interactive menu, 3. shop frame time ------------------------------------------------
const server = await serveDir(DIST);
const browser = await launchBrowser();
const menuTimes = [];
let frames = null;
let staticFrames = null;

/** Frame times over `ms` milliseconds of requestAnimationFrame, with the shoppers walking. */
const measureFrames = (page, ms) =>
  page.evaluate(
    (dur) =>
      new Promise((resolve) => {
        const deltas = [];
        let last = performance.now();
        const end = last + dur;
        const tick = (now) => {
          deltas.push(now - last);
          last = now;
          if (now < end) requestAnimationFrame(tick);
          else {
            deltas.sort((a, b) => a - b);
            const mean = deltas.reduce((a, b) => a + b, 0) / deltas.length;
            resolve({
              frames: deltas.length,
              meanMs: +mean.toFixed(2),
              p95Ms: +deltas[Math.floor(deltas.length * 0.95)].toFixed(2),
              maxMs: +deltas[deltas.length - 1].toFixed(2),
              shoppers: window.__shopsim.shoppers(),
            });
          }
        };
        requestAnimationFrame(tick);
      }),
    ms,
  );
try {
  for (let i = 0; i < 3; i++) {
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await ctx.newPage();
    await page.goto(`${server.url}?bench=${i}`);
    // Interactive = the menu scene is up and its start button is registered and enabled.
    await page.waitForFunction(
      () => window.__shopsim?.scene() === "MainMenu" && window.__shopsim.targets()["menu.start"]?.enabled,
      null,
      { timeout: 20_000, polling: 10 },
    );
    menuTimes.push(await page.evaluate(() => performance.now()));
    if (i === 2) {
      // A busy week: the sandbox shop after one week, with its last report scaled up to 20,000
      // visitors spread over all eight traffic sources, so every door is open and the world is full.
      await page.evaluate(() => {
        const st = window.__shopsim.store;
        st.getState().startScenario("sandbox", "bench");
        st.getState().endWeek();
        const s = st.getState();
        const r = s.reports[s.reports.length - 1];
        const traffic = Object.fromEntries(Object.keys(r.traffic).map((k) => [k, 2500]));
        st.setState({
          reports: [
            { ...r, traffic, kpis: { ...r.kpis, uv: 20000 }, funnel: { ...r.funnel, visitors: 20000, paid: 600 } },
          ],
        });
        st.getState().goTo("shop");
      });
      await page.waitForFunction(() => window.__shopsim.scene() === "Shop", null, { timeout: 20_000 });
      await page.waitForTimeout(3000);
      frames = await measureFrames(page, 5000);
      // Baseline on the same machine: a static screen (the glossary), for comparison.
      await page.evaluate(() => window.__shopsim.store.getState().openAside("glossary"));
      await page.waitForFunction(() => window.__shopsim.scene() === "Glossary", null, { timeout: 20_000 });
      await page.waitForTimeout(1000);
      staticFrames = await measureFrames(page, 3000);
    }
    await ctx.close();
  }
} finally {
  await browser.close();
  await server.close();
}

menuTimes.sort((a, b) => a - b);
const result = {
  initialJsGzipKB: +(initialBytes / 1024).toFixed(1),
  lazyJsGzipKB: +(lazyBytes / 1024).toFixed(1),
  menuInteractiveMs: Math.round(menuTimes[1] ?? menuTimes[0]),
  menuInteractiveRunsMs: menuTimes.map((x) => Math.round(x)),
  shopFrame: frames,
  staticScreenFrame: staticFrames,
  cpus: (await import("node:os")).cpus().length,
  loadAverage: +(await import("node:os")).loadavg()[0].toFixed(2),
};
console.log("chunk                                    gzip KB  initial");
for (const c of chunks.sort((a, b) => b.gzipKB - a.gzipKB))
  console.log(`${c.file.padEnd(40)} ${String(c.gzipKB).padStart(7)}  ${c.initial ? "yes" : "lazy"}`);
console.log(
  `initial JS (gzip): ${result.initialJsGzipKB} KB (budget ${BUDGET_JS_KB} KB); lazy: ${result.lazyJsGzipKB} KB`,
);
console.log(
  `menu interactive: median ${result.menuInteractiveMs} ms of ${result.menuInteractiveRunsMs.join(", ")} (budget ${BUDGET_MENU_MS} ms)`,
);
if (frames)
  console.log(
    `shop, busy week: ${frames.frames} frames in 5 s, mean ${frames.meanMs} ms, p95 ${frames.p95Ms} ms, max ${frames.maxMs} ms, ${frames.shoppers} shoppers walking`,
  );
if (staticFrames)
  console.log(`static screen (glossary) for comparison: mean ${staticFrames.meanMs} ms, p95 ${staticFrames.p95Ms} ms`);
console.log(`machine: ${result.cpus} CPUs, load average ${result.loadAverage} (headless Chromium, software WebGL)`);
console.log(JSON.stringify(result));
const ok = result.initialJsGzipKB <= BUDGET_JS_KB && result.menuInteractiveMs <= BUDGET_MENU_MS;
process.exit(ok ? 0 : 1);
