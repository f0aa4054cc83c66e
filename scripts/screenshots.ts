// Regenerates the screenshot gallery in docs/screenshots/ (issue 5): every screen and panel of the
// built game in zh-CN and en at 1280×720, a few screens on a phone in landscape (844×390), and
// docs/screenshots/README.md listing them. One command: `npm run screenshots` (builds dist/ first).
// DIST=<dir> serves another build (default dist/); the first argument is the output folder.
//
// The games are played with the textbook bot's decisions, proposed through the store as the panels
// do (like scripts/shot-report.ts), so the reports and panels show real numbers. The challenge
// screens run against the real server (bundled into test-results/, temp SQLite file); SERVER=0 skips
// the online ones. Files are named <lang>-<screen>[-<sub>].png; PNGs in the output folder that this
// run did not write are deleted at the end (stale screens). Texts that spill out of their card
// (window.__shopsim.overflows()) or overlap others (overlaps()) are listed at the end; they do not
// fail the run.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { getScenario } from "../src/content/scenarios";
import {
  type Decision,
  type GameState,
  GENESIS_HASH,
  newGame,
  POLICIES,
  type PolicyName,
  stateHash,
  step,
  type WeekReport,
} from "../src/engine";
import { appendTurn, newRunFile, type RunFile, type RunMeta } from "../src/engine/run";
import {
  click,
  createChallenge,
  fillChallengeForm,
  launchBrowser,
  openGame,
  serveDir,
  settle,
  startServer,
  targets,
  waitScene,
  // @ts-expect-error plain JS helpers shared with the browser tests (the directive covers the next line)
} from "../tests/browser/helpers.mjs";

const OUT = process.argv[2] || "docs/screenshots";
const DIST = process.env.DIST || "dist";
const LANGS = ["zh-CN", "en"] as const;
type Lang = (typeof LANGS)[number];
const DESKTOP = { width: 1280, height: 720 };
const PHONE = { width: 844, height: 390 };
const SEED = "shot-1";

mkdirSync(OUT, { recursive: true });

// ---------------------------------------------------------------------------------------------
// Bookkeeping: what was written (for the README and the stale-file sweep) and what spilled.

interface Shot {
  name: string;
  group: string;
  desc: string;
}
const shots: Shot[] = [];
const written = new Set<string>();
const spills: string[] = [];
const overlaps: string[] = [];
let group = "";

function note(name: string, desc: string): void {
  if (!shots.some((s) => s.name === name)) shots.push({ name, group, desc });
}

/** Waits for echarts overlays (if any) to be drawn and the entry animations to end. */
async function calm(page: Page, ms = 700): Promise<void> {
  await settle(page);
  const hasCharts = await page.evaluate(() => window.__shopsim!.charts().length > 0);
  if (hasCharts) {
    await page
      .waitForFunction(() => window.__shopsim!.charts().every((c) => c.ready), null, { timeout: 15_000 })
      .catch(() => console.log("  (charts not ready after 15 s)"));
    ms = Math.max(ms, 1200);
  }
  await page.waitForTimeout(ms);
  await settle(page);
}

/** Screenshots the page as <lang>-<name>.png and records any text that spills out of its card. */
async function snap(page: Page, lang: Lang, name: string, desc: string, wait = 700): Promise<void> {
  await calm(page, wait);
  const file = `${lang}-${name}.png`;
  await page.screenshot({ path: join(OUT, file) });
  written.add(file);
  note(name, desc);
  const over = await page.evaluate(() => window.__shopsim!.overflows());
  const lap = await page.evaluate(() => window.__shopsim!.overlaps?.() ?? []);
  if (over.length) spills.push(`${file}: ${over.join(" | ")}`);
  if (lap.length) overlaps.push(`${file}: ${lap.join(" | ")}`);
  console.log(
    `  ${file}${over.length ? `  OVERFLOW: ${over.join(" | ")}` : ""}${lap.length ? `  OVERLAP: ${lap.join(" | ")}` : ""}`,
  );
}

/** zh-CN then en of the current screen (switching the language rebuilds the scene), back to zh-CN. */
async function snapBoth(
  page: Page,
  name: string,
  scene: string,
  desc: string,
  refill?: () => Promise<void>,
): Promise<void> {
  for (const lang of LANGS) {
    await click(page, `lang.${lang}`);
    await waitScene(page, scene);
    // The rebuilt scene may not keep what was typed into its inputs.
    if (refill) await refill();
    await snap(page, lang, name, desc);
  }
  await click(page, "lang.zh-CN");
  await waitScene(page, scene);
}

async function newPage(browser: Browser, url: string, lang: Lang | null, viewport = DESKTOP, expectScene?: string) {
  // Phones draw at twice the CSS pixels; at 1× the phone shots would not show what a trainee reads.
  const phone = viewport === PHONE;
  const ctx: BrowserContext = await browser.newContext({
    viewport,
    deviceScaleFactor: phone ? 2 : 1,
    isMobile: phone,
    hasTouch: phone,
  });
  const { page, errors } = (await openGame(ctx, url, expectScene ? { expectScene } : {})) as {
    page: Page;
    errors: string[];
  };
  if (lang === "en") await click(page, "lang.en");
  return { ctx, page, errors };
}

function checkErrors(label: string, errors: string[]): void {
  if (errors.length) throw new Error(`console errors (${label}): ${errors.join("; ")}`);
}

// ---------------------------------------------------------------------------------------------
// Plans: the decisions of each week, computed with the engine (the game replays them exactly).

interface Plan {
  turns: Decision[][];
  reports: WeekReport[];
}

/** `policy` for the first `active` weeks, then hands off (empty turns) up to `weeks`. */
function plan(scenarioId: string, seed: string, weeks: number, active = weeks, policy: PolicyName = "textbook"): Plan {
  const sc = getScenario(scenarioId);
  if (!sc) throw new Error(`unknown scenario ${scenarioId}`);
  let g: GameState = newGame(sc, seed);
  const turns: Decision[][] = [];
  const reports: WeekReport[] = [];
  for (let w = 0; w < Math.min(weeks, sc.weeks) && g.status === "playing"; w++) {
    const d = w < active ? (POLICIES[policy](sc, g, reports) as Decision[]) : [];
    const r = step(sc, g, d);
    if (!("state" in r)) throw new Error(`${scenarioId} week ${w + 1}: ${JSON.stringify(r)}`);
    turns.push(d);
    reports.push(r.report);
    g = r.state;
  }
  return { turns, reports };
}

/** A whole run played by a policy, as the run file the game would export. */
function botRun(scenarioId: string, seed: string, policy: PolicyName, meta?: RunMeta): RunFile {
  const sc = getScenario(scenarioId);
  if (!sc) throw new Error(`unknown scenario ${scenarioId}`);
  let g = newGame(sc, seed);
  let run = newRunFile(sc, seed, meta);
  let prev = GENESIS_HASH;
  const reports: WeekReport[] = [];
  for (let t = 0; t < sc.weeks && g.status === "playing"; t++) {
    const d = POLICIES[policy](sc, g, reports) as Decision[];
    const out = step(sc, g, d);
    if (!out.ok) throw new Error(`${policy} week ${t + 1} rejected`);
    g = out.state;
    reports.push(out.report);
    prev = stateHash(g, prev);
    run = appendTurn(run, d as RunFile["turns"][number], prev);
  }
  return run;
}

/** Proposes one week's decisions through the store, as the panels do. */
async function propose(page: Page, decisions: Decision[]): Promise<void> {
  const err = await page.evaluate((ds: Decision[]) => {
    for (const d of ds) {
      const e = window.__shopsim!.store.getState().propose(d);
      if (e) return e;
    }
    return null;
  }, decisions);
  if (err) throw new Error(`propose: ${JSON.stringify(err)}`);
  await settle(page);
}

async function startScenario(page: Page, id: string, seed = SEED): Promise<void> {
  // From the menu, so the briefing is built anew even when it is already on screen.
  await menu(page);
  await page.evaluate(
    ([sid, s]) => {
      window.__shopsim!.store.getState().startScenario(sid, s);
    },
    [id, seed] as const,
  );
  await waitScene(page, "Briefing");
}

async function toShop(page: Page): Promise<void> {
  await page.evaluate(() => window.__shopsim!.store.getState().goTo("shop"));
  await waitScene(page, "Shop");
}

async function endWeek(page: Page): Promise<void> {
  await click(page, "shop.endWeek");
  await waitScene(page, "WeekReport");
}

/** From the week report: on to the next week's shop, or to the debrief after the last week. */
async function next(page: Page): Promise<"Shop" | "Debrief"> {
  const done = await page.evaluate(() => window.__shopsim!.getState().game!.status !== "playing");
  await click(page, "report.continue");
  const scene = done ? "Debrief" : "Shop";
  await waitScene(page, scene);
  return scene;
}

/** Plays `turns` from the shop: proposes, ends the week, continues (leaves the last report open). */
async function playWeeks(page: Page, turns: Decision[][]): Promise<void> {
  for (let w = 0; w < turns.length; w++) {
    await propose(page, turns[w]!);
    await endWeek(page);
    if (w < turns.length - 1) await next(page);
  }
}

/** Ids of the widgets on screen that match, top to bottom, left to right (as a reader sees them). */
async function inOrder(page: Page, keep: (id: string) => boolean): Promise<string[]> {
  const all = (await targets(page)) as Record<string, { x: number; y: number }>;
  return Object.entries(all)
    .filter(([k]) => keep(k))
    .sort(([, a], [, b]) => a.y - b.y || a.x - b.x)
    .map(([k]) => k);
}

async function menu(page: Page): Promise<void> {
  await page.evaluate(() => window.__shopsim!.store.getState().goTo("menu"));
  await waitScene(page, "MainMenu");
}

// ---------------------------------------------------------------------------------------------
// Desktop, one language at a time.

const SANDBOX_WEEKS = 4;
const sandboxPlan = plan("sandbox", SEED, SANDBOX_WEEKS);
// The launch: the textbook's first weeks, then hands off (the debrief then has something to compare).
const LAUNCH_ACTIVE = 4;
const launchPlan = plan("launch", SEED, 8, LAUNCH_ACTIVE);

/** The launch by the plan to week 3's shop, its changes proposed, on the product tab (shoppers in). */
async function launchToWeek3(page: Page): Promise<void> {
  await startScenario(page, "launch");
  await toShop(page);
  await playWeeks(page, launchPlan.turns.slice(0, 2));
  await next(page);
  await propose(page, launchPlan.turns[2]!);
  await click(page, "tab.product");
  await page.waitForTimeout(2000);
}

/** From week 3's report: the launch's other weeks by the plan, then on to the debrief. */
async function launchToDebrief(page: Page): Promise<void> {
  for (let w = 3; w < launchPlan.turns.length; w++) {
    await next(page);
    await propose(page, launchPlan.turns[w]!);
    await endWeek(page);
  }
  await next(page);
}

async function desktop(browser: Browser, url: string, lang: Lang): Promise<void> {
  const { ctx, page, errors } = await newPage(browser, url, lang);

  group = "Menu and side screens";
  await snap(page, lang, "menu", "Main menu");
  await click(page, "menu.campaign");
  await waitScene(page, "Campaign");
  await snap(page, lang, "campaign", "Campaign map, new player: only the first scenario open");
  // A player half way through: stars on the first five, the sixth open, the rest locked.
  // Best scores agree with the stars: a little above each scenario's line for that many stars.
  const starred = ["launch", "assortment", "double11", "service", "feedads"].map((id, i) => {
    const stars = [3, 2, 3, 1, 2][i]!;
    const line = getScenario(id)?.stars[stars - 1] ?? 0;
    return { id, stars, best: line + 12 + 7 * i, runs: 1 + (i % 3) };
  });
  await page.evaluate((rows) => {
    const progress: Record<string, { stars: number; best: number; runs: number }> = {};
    for (const r of rows) progress[r.id] = { stars: r.stars, best: r.best, runs: r.runs };
    window.__shopsim!.store.setState({ progress });
    window.__shopsim!.store.getState().goTo("menu");
    window.__shopsim!.store.getState().goTo("campaign");
  }, starred);
  await waitScene(page, "Campaign");
  await snap(page, lang, "campaign-progress", "Campaign map with five scenarios starred, the sixth open");
  await click(page, "campaign.back");
  await waitScene(page, "MainMenu");
  await click(page, "menu.glossary");
  await waitScene(page, "Glossary");
  for (let p = 1; ; p++) {
    await snap(page, lang, `glossary-${p}`, `Glossary, page ${p}`);
    const t = (await targets(page))["glossary.next"];
    if (!t?.enabled) break;
    await click(page, "glossary.next");
    await waitScene(page, "Glossary");
  }
  await click(page, "glossary.back");
  await waitScene(page, "MainMenu");
  await click(page, "menu.settings");
  await waitScene(page, "Settings");
  await snap(page, lang, "settings", "Settings (sound, motion)");
  await click(page, "settings.back");
  await waitScene(page, "MainMenu");

  group = "Briefings";
  await click(page, "menu.start");
  await waitScene(page, "Briefing");
  await snap(page, lang, "briefing", "Briefing of the first scenario (新店开张 / launch)");
  await startScenario(page, "season");
  await snap(page, lang, "briefing-season", "Briefing of the last campaign scenario (season: all nine levers)");

  group = "Shop panels (sandbox, all nine lever groups, after four textbook weeks)";
  await startScenario(page, "sandbox");
  await toShop(page);
  await playWeeks(page, sandboxPlan.turns);

  group = `Week report (sandbox, week ${SANDBOX_WEEKS}, textbook play)`;
  const tabs = (await inOrder(page, (k) => k.startsWith("report.tab."))).map((k) => k.slice("report.tab.".length));
  for (const tab of tabs) {
    await click(page, `report.tab.${tab}`);
    await snap(page, lang, `report-${tab}`, `Week report, ${tab} tab`, 900);
  }
  await click(page, `report.tab.${tabs[0]}`);
  await click(page, "report.dashboard");
  await waitScene(page, "Dashboard");
  group = "Dashboard";
  await snap(page, lang, "dashboard", `Dashboard (sandbox, ${SANDBOX_WEEKS} weeks of textbook play)`);
  await click(page, "dashboard.back");
  await waitScene(page, "WeekReport");
  await next(page);

  group = "Shop panels (sandbox, all nine lever groups, after four textbook weeks)";
  const levers = await page.evaluate(() => window.__shopsim!.getState().scenario!.levers);
  await page.waitForTimeout(2500); // the shoppers walk in
  for (const lever of levers) {
    await click(page, `tab.${lever}`);
    await settle(page);
    const subs = await inOrder(
      page,
      (k) => k.startsWith(`${lever}.sub.`) || (lever === "product" && k.startsWith("product.tab.")),
    );
    if (!subs.length) {
      await snap(page, lang, `shop-${lever}`, `Shop, ${lever} panel`);
      continue;
    }
    for (const sub of subs) {
      await click(page, sub);
      const name = sub.slice(sub.lastIndexOf(".") + 1);
      await snap(page, lang, `shop-${lever}-${name}`, `Shop, ${lever} panel, ${name} section`);
    }
  }

  group = "The launch played by hand (textbook for four weeks, then hands off) to the debrief";
  await launchToWeek3(page);
  await snap(page, lang, "shop", "Shop in the launch, week 3, with this week's changes pending");
  await endWeek(page);
  await launchToDebrief(page);
  for (const p of ["summary", "compare", "recap", "whatif"]) {
    await click(page, `debrief.tab.${p}`);
    await waitScene(page, "Debrief");
    // The what-if replays run in a worker: wait for the finished lists.
    if (p === "whatif")
      await page.waitForFunction(() => window.__shopsim?.whatIf()?.done === true, null, { timeout: 120_000 });
    await snap(page, lang, `debrief-${p}`, `Debrief, ${p} page (launch)`, 900);
  }
  await menu(page);
  await ctx.close();
  checkErrors(lang, errors);
}

// ---------------------------------------------------------------------------------------------
// Phone in landscape: menu, campaign, shop, report, debrief. The canvas keeps a readable scale
// and the game's box scrolls (src/ui/viewport.ts), so a shot shows one screenful.

async function scrollGame(page: Page, x: number, y: number): Promise<void> {
  await page.evaluate(([sx, sy]) => document.getElementById("game")?.scrollTo(sx ?? 0, sy ?? 0), [x, y]);
  await settle(page);
}

async function phone(browser: Browser, url: string, lang: Lang): Promise<void> {
  group = "Phone, landscape 844×390";
  const { ctx, page, errors } = await newPage(browser, url, lang, PHONE);
  await snap(page, lang, "phone-menu", "Phone: main menu");
  await click(page, "menu.campaign");
  await waitScene(page, "Campaign");
  await snap(page, lang, "phone-campaign", "Phone: campaign map");
  await launchToWeek3(page);
  await scrollGame(page, 0, 0);
  await snap(page, lang, "phone-shop", "Phone: shop, week 3 with changes pending (the view scrolls)");
  await scrollGame(page, 10_000, 10_000);
  await snap(page, lang, "phone-shop-end", "Phone: shop scrolled to the pending list and End week");
  await endWeek(page);
  await scrollGame(page, 0, 0);
  await snap(page, lang, "phone-report", "Phone: week report");
  await launchToDebrief(page);
  await scrollGame(page, 0, 0);
  await snap(page, lang, "phone-debrief", "Phone: debrief summary");
  await ctx.close();
  checkErrors(`${lang} phone`, errors);
}

// ---------------------------------------------------------------------------------------------
// Challenges without a server: offline challenge file and code, the entry by code, the ranking.

const waitFor = (page: Page, fn: () => boolean) => page.waitForFunction(fn, null, { timeout: 20_000, polling: 50 });

async function offline(browser: Browser, url: string): Promise<void> {
  group = "Challenges without a server (offline file and code)";
  const { ctx, page: ip, errors: ierrors } = await newPage(browser, url, null);
  await click(ip, "menu.instructor");
  await waitScene(ip, "InstructorCreate");
  await ip.fill('[data-testid="ins.className"]', "电商 2302 班");
  await click(ip, "ins.seedMode.fixed");
  await ip.fill('[data-testid="ins.seedValue"]', "offline-7");
  await settle(ip, 4);
  await snapBoth(ip, "instructor-create", "InstructorCreate", "Instructor: create a challenge (form)");
  const [download] = await Promise.all([ip.waitForEvent("download"), click(ip, "ins.saveOffline")]);
  const dir = mkdtempSync(join(tmpdir(), "shopsim-shots-"));
  const challengePath = join(dir, "challenge.json");
  await download.saveAs(challengePath);
  const challenge = JSON.parse(readFileSync(challengePath, "utf8")) as { code: string; seed: string };
  await waitFor(ip, () => "ins.offlineCode" in window.__shopsim!.targets());
  await snapBoth(
    ip,
    "instructor-create-offline",
    "InstructorCreate",
    "Instructor: offline challenge saved (file + code)",
  );

  // Run files of a small class: three bots and one forged copy.
  const scenarioId = "launch";
  const files: string[] = [];
  const people: [string, PolicyName][] = [
    ["王小明", "textbook"],
    ["李华", "naive"],
    ["Zhang Wei", "random"],
  ];
  for (const [name, policy] of people) {
    const run = botRun(scenarioId, challenge.seed, policy, { player: name, challenge: challenge.code });
    const f = join(dir, `${policy}.json`);
    writeFileSync(f, JSON.stringify(run));
    files.push(f);
  }
  const forged = botRun(scenarioId, challenge.seed, "textbook", { player: "伪造者", challenge: challenge.code });
  forged.turns[1]!.push({ type: "setPrice", sku: "cup500", priceFen: 990 } as never);
  const forgedPath = join(dir, "forged.json");
  writeFileSync(forgedPath, JSON.stringify(forged));
  files.push(forgedPath);

  await click(ip, "ins.rank");
  await waitScene(ip, "InstructorRank");
  await snapBoth(ip, "instructor-rank-empty", "InstructorRank", "Instructor: offline ranking, nothing imported yet");
  await ip.setInputFiles("#shopsim-rank-challenge", challengePath);
  await waitFor(ip, () => window.__shopsim!.texts().some((x) => x.includes("offline-7")));
  await ip.setInputFiles("#shopsim-rank-import", files);
  await waitFor(ip, () => "rank.row.1.verdict" in window.__shopsim!.targets());
  await settle(ip, 4);
  await snapBoth(ip, "instructor-rank", "InstructorRank", "Instructor: offline ranking of imported run files");

  // Trainee: a typo in the code, then the right code.
  const { ctx: tctx, page: tp, errors: terrors } = await newPage(browser, url, null);
  await tp.evaluate(() => window.__shopsim!.getState().goTo("challenge"));
  await waitScene(tp, "ChallengeEntry");
  await snapBoth(tp, "challenge-entry-empty", "ChallengeEntry", "Trainee: join a challenge (empty)");
  const code = challenge.code;
  const typo = code.slice(0, -1) + (code.endsWith("Z") ? "Y" : "Z");
  await tp.fill('[data-testid="challenge.code"]', typo);
  await click(tp, "challenge.lookup");
  await settle(tp, 4);
  await snapBoth(tp, "challenge-entry-typo", "ChallengeEntry", "Trainee: an offline code with a typo is refused", () =>
    tp.fill('[data-testid="challenge.code"]', typo),
  );
  await tp.fill('[data-testid="challenge.code"]', code);
  await click(tp, "challenge.lookup");
  await tp.fill('[data-testid="challenge.name"]', "测试学员");
  await settle(tp, 4);
  await snapBoth(tp, "challenge-entry-offline", "ChallengeEntry", "Trainee: offline challenge opened by its code");
  await ctx.close();
  await tctx.close();
  checkErrors("offline instructor", ierrors);
  checkErrors("offline trainee", terrors);
}

// ---------------------------------------------------------------------------------------------
// Challenges against the real server.

async function online(browser: Browser): Promise<void> {
  group = "Challenges with the server (online code, leaderboard, class)";
  const server: { url: string; stop: () => Promise<void> } = await startServer({
    name: "screenshots",
    staticDir: DIST,
  });
  try {
    const { ctx: ictx, page: ip, errors: ierrors } = await newPage(browser, server.url, null);
    await fillChallengeForm(ip, "电商 2301 班", "class-7");
    const created: { code: string } = await createChallenge(ip);
    await snapBoth(
      ip,
      "instructor-create-online",
      "InstructorCreate",
      "Instructor: challenge created (code, link, QR)",
    );

    for (const [name, policy] of [
      ["王小明", "textbook"],
      ["李华", "naive"],
      ["Zhang Wei", "random"],
    ] as [string, PolicyName][]) {
      const r = await fetch(`${server.url}/api/challenges/${created.code}/submissions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name, run: botRun("launch", "class-7", policy) }),
      });
      if (r.status !== 201) throw new Error(`bot submission ${r.status}: ${await r.text()}`);
    }

    const {
      ctx: tctx,
      page: tp,
      errors: terrors,
    } = await newPage(browser, `${server.url}/?c=${created.code.toLowerCase()}&`, null, DESKTOP, "ChallengeEntry");
    await waitFor(tp, () => window.__shopsimChallenge!.getState().lookup.status === "ok");
    await tp.fill('[data-testid="challenge.name"]', "测试学员");
    await settle(tp, 6);
    await click(tp, "lang.zh-CN"); // re-render with the name filled in
    await waitScene(tp, "ChallengeEntry");
    await snapBoth(tp, "challenge-entry", "ChallengeEntry", "Trainee: online challenge opened from the link");
    await click(tp, "challenge.start");
    await waitScene(tp, "Briefing");
    await click(tp, "briefing.start");
    await waitScene(tp, "Shop");
    const p = plan("launch", "class-7", 8, 6);
    for (let w = 0; w < p.turns.length; w++) {
      await propose(tp, p.turns[w]!);
      await endWeek(tp);
      await next(tp);
    }
    await waitScene(tp, "Debrief");
    await snapBoth(tp, "debrief-challenge", "Debrief", "Debrief of a challenge run, with the submit button");
    await click(tp, "debrief.submit");
    await waitScene(tp, "Leaderboard");
    await waitFor(tp, () => window.__shopsimChallenge!.getState().board.rows.length >= 4);
    await settle(tp, 6);
    await snapBoth(tp, "leaderboard", "Leaderboard", "Trainee: verified leaderboard after submitting");

    await click(ip, "ins.watch");
    await waitScene(ip, "InstructorClass");
    await waitFor(ip, () => window.__shopsimChallenge!.getState().klass.rows.length >= 4);
    await settle(ip, 6);
    await snapBoth(ip, "instructor-class", "InstructorClass", "Instructor: the class's submissions");
    const rows = await ip.evaluate(() => window.__shopsimChallenge!.getState().klass.rows.map((r) => r.name));
    await click(ip, `cls.row.${Math.max(0, rows.indexOf("测试学员"))}`);
    await waitScene(ip, "TraineeTimeline");
    await waitFor(ip, () => window.__shopsimChallenge!.getState().trainee.status === "ok");
    await settle(ip, 6);
    await snapBoth(ip, "trainee-timeline", "TraineeTimeline", "Instructor: one trainee's week-by-week timeline");
    await click(ip, "tl.whatif");
    await ip.waitForFunction(() => window.__shopsim?.whatIf()?.done === true, null, { timeout: 120_000 });
    await snapBoth(
      ip,
      "trainee-whatif",
      "TraineeTimeline",
      "Instructor: what each decision of the trainee's best run was worth",
    );
    await ictx.close();
    await tctx.close();
    checkErrors("online instructor", ierrors);
    checkErrors("online trainee", terrors);
  } finally {
    await server.stop();
  }
}

// ---------------------------------------------------------------------------------------------

function readme(): string {
  const groups = [...new Set(shots.map((s) => s.group))];
  const lines = [
    "# Screenshot gallery",
    "",
    "Every screen and panel of ShopSim in 简体中文 and English, regenerated by one command:",
    "",
    "```sh",
    "npm run screenshots        # builds dist/, then runs scripts/screenshots.ts",
    "```",
    "",
    "Files are named `<lang>-<screen>[-<sub>].png`; desktop shots are 1280×720, phone shots 844×390",
    "(landscape, at 2× pixel density). The games are played with the textbook bot's decisions (seed",
    "`shot-1`), so the reports and panels show real numbers. The online challenge screens run against",
    "the real server (a temp SQLite file); the offline ones need no server.",
    "This file is written by the script; do not edit it by hand.",
    "",
  ];
  for (const g of groups) {
    lines.push(`## ${g}`, "", "| Screen | 简体中文 | English |", "| --- | --- | --- |");
    for (const s of shots.filter((x) => x.group === g)) {
      const cell = (lang: Lang) =>
        written.has(`${lang}-${s.name}.png`) ? `[${lang}-${s.name}.png](${lang}-${s.name}.png)` : "—";
      lines.push(`| ${s.desc} | ${cell("zh-CN")} | ${cell("en")} |`);
    }
    lines.push("");
  }
  return lines.join("\n");
}

const only = process.env.ONLY; // desktop | phone | offline | online (default: all)
const started = Date.now();
const staticServer = await serveDir(DIST);
const browser = (await launchBrowser()) as Browser;
try {
  for (const lang of LANGS) {
    if (!only || only === "desktop") {
      console.log(`desktop (${lang})`);
      await desktop(browser, staticServer.url, lang);
    }
  }
  for (const lang of LANGS) {
    if (!only || only === "phone") {
      console.log(`phone (${lang})`);
      await phone(browser, staticServer.url, lang);
    }
  }
  if (!only || only === "offline") {
    console.log("challenges, offline");
    await offline(browser, staticServer.url);
  }
  if ((!only || only === "online") && process.env.SERVER !== "0") {
    console.log("challenges, online");
    await online(browser);
  }
} finally {
  await browser.close();
  await staticServer.close();
}

if (!only) {
  for (const f of readdirSync(OUT)) {
    if (f.endsWith(".png") && !written.has(f)) {
      unlinkSync(join(OUT, f));
      console.log(`  removed stale ${f}`);
    }
  }
  writeFileSync(join(OUT, "README.md"), readme());
}
const bytes = [...written].reduce((n, f) => n + statSync(join(OUT, f)).size, 0);
console.log(
  `${written.size} screenshots → ${OUT} (${(bytes / 1e6).toFixed(1)} MB) in ${Math.round((Date.now() - started) / 1000)} s`,
);
if (spills.length) console.log(`text spilling out of its card (${spills.length}):\n  ${spills.join("\n  ")}`);
if (overlaps.length)
  console.log(`text drawn over other text or widgets (${overlaps.length}):\n  ${overlaps.join("\n  ")}`);
