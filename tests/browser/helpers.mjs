// Shared helpers for the browser tests and the screenshot script: a tiny static server for dist/,
// the system Chromium, and clicking canvas widgets by their test-hook id.
import { spawn } from "node:child_process";
import { createReadStream, existsSync, mkdtempSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { chromium } from "playwright-core";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
};

/** Serves `dir` on 127.0.0.1 at a random port. */
export async function serveDir(dir) {
  const root = resolve(dir);
  if (!existsSync(join(root, "index.html"))) {
    throw new Error(`${root}/index.html not found: run \`npx vite build\` first`);
  }
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, {
      "content-type": TYPES[extname(file)] ?? "application/octet-stream",
      "cache-control": "no-store",
    });
    createReadStream(file).pipe(res);
  });
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) };
}

/**
 * Starts the game's server as `npm start` runs it (bundled into test-results/server-bundle-<name>,
 * so the bundle finds node_modules) on a random loopback port, with a fresh SQLite file in a temp
 * dir and the game served from `staticDir`; resolves with its URL and a stop(). Callers pass their
 * own `name` so that a browser run and a screenshot run do not rebuild each other's bundle.
 */
export async function startServer({ name, staticDir = "dist" }) {
  // Loaded here so that the many users of these helpers that need no server do not load esbuild.
  const { buildServer } = await import("../../scripts/build-server.mjs");
  const outdir = `test-results/server-bundle-${name}`;
  await buildServer({ outdir, quiet: true });
  const dbDir = mkdtempSync(join(tmpdir(), `shopsim-${name}-db-`));
  const proc = spawn(process.execPath, [join(outdir, "server.mjs")], {
    env: {
      ...process.env,
      PORT: "0",
      HOST: "127.0.0.1",
      DB_FILE: join(dbDir, "db.sqlite"),
      STATIC_DIR: resolve(staticDir),
      LOG_LEVEL: "silent",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30_000);
    const on = (d) => {
      out += String(d);
      const m = /is running: (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    };
    proc.stdout.on("data", on);
    proc.stderr.on("data", on);
    proc.once("exit", (c) => reject(new Error(`server exited ${c}: ${out}`)));
  });
  return {
    url,
    stop: () =>
      new Promise((r) => {
        if (proc.exitCode !== null) return r();
        proc.once("exit", () => r());
        proc.kill("SIGTERM");
      }),
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** A page on the game with console errors collected; resolves once the main menu is up. */
export async function openGame(context, url, { expectScene = "MainMenu" } = {}) {
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${url}?test=1`);
  await waitScene(page, expectScene);
  return { page, errors };
}

export async function waitScene(page, key, timeout = 20_000) {
  await page.waitForFunction((k) => window.__shopsim?.scene() === k, key, { timeout, polling: 50 });
  await settle(page);
}

/** Waits until a few frames have been drawn (input is handled and the result rendered). */
export async function settle(page, frames = 3) {
  const start = await page.evaluate(() => window.__shopsim?.frames() ?? 0);
  await page.waitForFunction((s) => (window.__shopsim?.frames() ?? 0) >= s, start + frames, {
    timeout: 10_000,
    polling: 16,
  });
}

export async function targets(page) {
  return page.evaluate(() => window.__shopsim.targets());
}

/**
 * The widget registered as `id`, scrolled into the viewport first when the game's box scrolls
 * (small screens keep a readable scale and scroll, src/ui/viewport.ts); throws if absent or disabled.
 */
export async function reach(page, id, { allowDisabled = false } = {}) {
  const find = async () => {
    const all = await targets(page);
    const t = all[id];
    if (!t) throw new Error(`no target "${id}" on screen (have: ${Object.keys(all).slice(0, 40).join(", ")}…)`);
    return t;
  };
  let t = await find();
  if (!t.enabled && !allowDisabled) throw new Error(`target "${id}" is disabled`);
  const vp = page.viewportSize();
  const inside = (b) =>
    b.x - b.w / 2 >= 0 && b.y - b.h / 2 >= 0 && b.x + b.w / 2 <= vp.width && b.y + b.h / 2 <= vp.height;
  if (vp && !inside(t)) {
    // The game's box (#game) scrolls, not the document; the game re-reads its bounds on scroll.
    await page.evaluate(
      ([dx, dy]) => document.getElementById("game").scrollBy(dx, dy),
      [t.x - vp.width / 2, t.y - vp.height / 2],
    );
    await settle(page);
    t = await find();
  }
  return t;
}

/** Clicks the widget registered as `id` (scrolling to it if needed); throws if absent or disabled. */
export async function click(page, id, opts = {}) {
  const t = await reach(page, id, opts);
  await page.mouse.click(t.x, t.y);
  await settle(page);
}

/** Taps the widget registered as `id` with a finger (the page needs a touch context). */
export async function tap(page, id, opts = {}) {
  const t = await reach(page, id, opts);
  await page.touchscreen.tap(t.x, t.y);
  await settle(page);
}

export async function state(page, fn) {
  return page.evaluate(fn);
}

/** Starts a scenario through the test hook and opens its shop (skipping menu and briefing). */
export async function startInShop(page, id, seed) {
  await page.evaluate(
    ([sid, s]) => {
      const st = window.__shopsim.store.getState();
      st.startScenario(sid, s);
      st.goTo("shop");
    },
    [id, seed],
  );
  await waitScene(page, "Shop");
}

/** Ends the week from the shop; returns the week report and the new state. */
export async function endWeekReport(page) {
  await click(page, "shop.endWeek");
  await waitScene(page, "WeekReport");
  return page.evaluate(() => {
    const s = window.__shopsim.getState();
    return { report: s.reports.at(-1), game: s.game };
  });
}

/** Clicks each id in turn (widgets are rebuilt after every click, so ids are looked up afresh). */
export async function clicks(page, ...ids) {
  for (const id of ids) await click(page, id);
}

/**
 * From the shop, ends every remaining week and continues until the debrief shows. `plan` (optional):
 * the decisions to propose through the store before ending each week (plan[0] for the first week
 * played here); without it no changes are made.
 */
export async function playToDebrief(page, plan = []) {
  for (let w = 0; ; w++) {
    if (plan[w]?.length)
      await page.evaluate((ds) => {
        for (const d of ds) window.__shopsim.store.getState().propose(d);
      }, plan[w]);
    await click(page, "shop.endWeek");
    await waitScene(page, "WeekReport");
    const over = await page.evaluate(() => window.__shopsim.getState().game.status !== "playing");
    await click(page, "report.continue");
    if (over) break;
    await waitScene(page, "Shop");
  }
  await waitScene(page, "Debrief");
}

/** From the main menu to the instructor's create screen, with the class name and a fixed seed filled in. */
export async function fillChallengeForm(page, className, seed) {
  await click(page, "menu.instructor");
  await waitScene(page, "InstructorCreate");
  await page.fill('[data-testid="ins.className"]', className);
  await click(page, "ins.seedMode.fixed");
  await page.fill('[data-testid="ins.seedValue"]', seed);
}

/** Creates the filled-in challenge on the server; resolves once its QR shows, with what was created (code, link). */
export async function createChallenge(page) {
  const until = (fn) => page.waitForFunction(fn, null, { timeout: 20_000, polling: 50 });
  await click(page, "ins.create");
  await until(() => window.__shopsimChallenge.getState().create.status === "ok");
  await until(() => "ins.qr" in window.__shopsim.targets());
  await settle(page, 6);
  return page.evaluate(() => window.__shopsimChallenge.getState().create.created);
}
