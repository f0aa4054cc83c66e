// Browser case for issue 6: the challenge flow against the real server (the bundle `npm start`
// runs, on 127.0.0.1 with a temp SQLite file): an instructor creates a challenge in the game
// (code, link, QR), a trainee enters the code, plays, submits at the debrief and sees the verified
// leaderboard; the instructor watches the class, opens a timeline and exports the CSV.
// Screenshots of every new screen in zh-CN and en go to test-results/screenshots/.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  click,
  clicks,
  createChallenge,
  fillChallengeForm,
  openGame,
  settle,
  startServer,
  waitScene,
} from "./helpers.mjs";

const SHOTS = "test-results/screenshots";

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

const cs = (page, fn) => page.evaluate(fn);
const waitFor = (page, fn, arg) => page.waitForFunction(fn, arg, { timeout: 20_000, polling: 50 });
const shot = (page, name) => page.screenshot({ path: join(SHOTS, `${name}.png`) });

async function botRunFile(seed, policy) {
  const dir = mkdtempSync(join(tmpdir(), "shopsim-bot-"));
  const file = join(dir, "run.json");
  const r = spawnSync(
    "npx",
    ["tsx", "src/cli/main.ts", "bot", "--scenario", "launch", "--seed", seed, "--policy", policy, "--out", file],
    {
      encoding: "utf8",
    },
  );
  if (r.status !== 0) throw new Error(`bot failed: ${r.stderr}`);
  return JSON.parse(readFileSync(file, "utf8"));
}

/** Both languages of the current screen: zh-CN first, then en, then back to zh-CN. */
async function shotBoth(page, name, scene) {
  await shot(page, `zh-${name}`);
  await click(page, "lang.en");
  await waitScene(page, scene);
  await shot(page, `en-${name}`);
  const texts = await page.evaluate(() => window.__shopsim.texts());
  const cjk = texts.filter(
    (x) =>
      /[\u4e00-\u9fff]/.test(x) &&
      x !== "中文" &&
      !x.includes("电商") &&
      !x.includes("新店开张") &&
      !x.includes("测试") &&
      !x.includes("班"),
  );
  assert(cjk.length === 0, `Chinese UI text on the English ${name} screen: ${cjk.join(" | ")}`);
  await click(page, "lang.zh-CN");
  await waitScene(page, scene);
}

export async function challengeFlow({ newContext, endAndContinue }) {
  // The same build as the other cases (browser-tests.mjs serves $DIST, default dist/).
  const server = await startServer({ name: "browser", staticDir: process.env.DIST || "dist" });
  try {
    // Instructor: create a challenge in the game.
    const ictx = await newContext();
    const { page: ip, errors: ierrors } = await openGame(ictx, server.url);
    await shot(ip, "zh-menu-challenge");
    await fillChallengeForm(ip, "电商 2301 班", "class-7");
    const created = await createChallenge(ip);
    assert(/^[2-9A-HJKMNP-Z]{6}$/.test(created.code), `code ${created.code}`);
    assert(created.link === `${server.url}/?c=${created.code}`, `link ${created.link}`);
    await shotBoth(ip, "instructor-create", "InstructorCreate");

    // Two bot runs with hostile names, submitted through the API (like other trainees). Two different
    // runs: the same run under a second name would be listed as a copy, not ranked.
    const runs = [await botRunFile("class-7", "textbook"), await botRunFile("class-7", "naive")];
    for (const [i, name] of ["<script>alert(1)</script>", "=HYPERLINK(1)"].entries()) {
      const r = await fetch(`${server.url}/api/challenges/${created.code}/submissions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name, run: runs[i] }),
      });
      assert(r.status === 201, `bot submission ${r.status}`);
    }

    // Trainee: open the link, the code is filled in; give a name, play, submit.
    const tctx = await newContext();
    const { page: tp, errors: terrors } = await openGame(tctx, `${server.url}/?c=${created.code.toLowerCase()}&`, {
      expectScene: "ChallengeEntry",
    });
    await waitFor(tp, () => window.__shopsimChallenge.getState().lookup.status === "ok");
    await tp.fill('[data-testid="challenge.name"]', "测试学员");
    await settle(tp, 6);
    await click(tp, "lang.zh-CN"); // re-render with the name filled in
    await waitScene(tp, "ChallengeEntry");
    await shotBoth(tp, "challenge-entry", "ChallengeEntry");
    await click(tp, "challenge.start");
    await waitScene(tp, "Briefing");
    const game = await cs(tp, () => ({
      seed: window.__shopsim.getState().game.seed,
      id: window.__shopsim.getState().scenario.id,
    }));
    assert(game.seed === "class-7" && game.id === "launch", `playing ${JSON.stringify(game)}`);
    await click(tp, "briefing.start");
    await waitScene(tp, "Shop");
    const weeks = await cs(tp, () => window.__shopsim.getState().scenario.weeks);
    // Week 1 by clicks: navigation, search and banner, a price ending and a reorder (what mattered, below).
    await clicks(tp, "tab.store", "store.depth.minus", "store.search", "store.banner.hero");
    await clicks(tp, "tab.pricing", "pricing.cup300.minusFine", "tab.inventory", "inventory.cup300.plus");
    for (let w = 0; w < weeks; w++) await endAndContinue(tp, w);
    await waitScene(tp, "Debrief");
    const ui = await cs(tp, () => window.__shopsim.score());
    await shot(tp, "zh-debrief-challenge");
    await click(tp, "debrief.submit");
    await waitScene(tp, "Leaderboard");
    await waitFor(tp, () => window.__shopsimChallenge.getState().board.rows.length >= 3);
    await settle(tp, 6);
    const submit = await cs(tp, () => window.__shopsimChallenge.getState().submit);
    assert(submit.status === "ok", `submit ${JSON.stringify(submit.error)}`);
    assert(
      submit.result.submission.verified && submit.result.submission.score === ui.score,
      "server score ≠ game score",
    );
    const texts = await tp.evaluate(() => window.__shopsim.texts());
    assert(texts.includes("测试学员"), "trainee not on the leaderboard");
    assert(texts.includes("<script>alert(1)</script>"), "hostile name not shown as plain text");
    assert(
      texts.some((x) => x.includes("已验证")),
      "verified badge missing",
    );
    const injected = await tp.evaluate(() => document.querySelectorAll("script").length);
    assert(injected <= 2, "a script element appeared");
    await shotBoth(tp, "leaderboard", "Leaderboard");

    // Instructor: watch the class, open the trainee's timeline, export the CSV.
    await click(ip, "ins.watch");
    await waitScene(ip, "InstructorClass");
    await waitFor(ip, () => window.__shopsimChallenge.getState().klass.rows.length >= 3);
    await settle(ip, 6);
    await shotBoth(ip, "instructor-class", "InstructorClass");
    const [download] = await Promise.all([ip.waitForEvent("download"), click(ip, "cls.export")]);
    const csv = readFileSync(await download.path());
    assert(csv[0] === 0xef && csv[1] === 0xbb && csv[2] === 0xbf, "CSV without BOM");
    assert(csv.toString("utf8").includes(`"'=HYPERLINK(1)"`), "formula not neutralised in the CSV");
    const rows = await cs(ip, () => window.__shopsimChallenge.getState().klass.rows.map((r) => r.name));
    const mine = rows.indexOf("测试学员");
    await click(ip, `cls.row.${mine}`);
    await waitScene(ip, "TraineeTimeline");
    await waitFor(ip, () => window.__shopsimChallenge.getState().trainee.status === "ok");
    await settle(ip, 6);
    const tl = await cs(ip, () => window.__shopsimChallenge.getState().trainee.detail.best.timeline.length);
    assert(tl === weeks, `timeline has ${tl} weeks`);
    await shotBoth(ip, "trainee-timeline", "TraineeTimeline");
    // What mattered: the best run's decisions, as the server stored them, replayed in the instructor's
    // browser give the same values as the trainee's own debrief computed from the run itself.
    await click(ip, "tl.whatif");
    await settle(ip);
    await ip.waitForFunction(() => window.__shopsim.whatIf()?.done === true, null, { timeout: 120_000 });
    await tp.waitForFunction(() => window.__shopsim.whatIf()?.done === true, null, { timeout: 120_000 });
    const mineWhatIf = await tp.evaluate(() => window.__shopsim.whatIf());
    const theirs = await ip.evaluate(() => window.__shopsim.whatIf());
    assert(theirs.error === null && theirs.decisions > 0, `instructor what-if: ${theirs.error ?? "no decisions"}`);
    assert(
      JSON.stringify(theirs.values) === JSON.stringify(mineWhatIf.values) && theirs.checks === mineWhatIf.checks,
      "the instructor's what-if differs from the trainee's debrief",
    );
    await settle(ip, 4);
    const spills = await ip.evaluate(() => window.__shopsim.overflows());
    assert(spills.length === 0, `timeline what-if: text spills: ${spills.join(" | ")}`);
    // Issue 16: the instructor's view speaks about the trainee, not to "you".
    const wiTexts = await ip.evaluate(() => window.__shopsim.texts());
    assert(
      wiTexts.includes("帮这名学员最多的决策") && !wiTexts.includes("让你失分的决策"),
      "the instructor's What mattered addresses the instructor as 你",
    );
    await shotBoth(ip, "trainee-whatif", "TraineeTimeline");
    await click(ip, "tl.whatif");
    await settle(ip);
    for (const [label, errs] of [
      ["instructor", ierrors],
      ["trainee", terrors],
    ]) {
      assert(errs.length === 0, `${label} console errors: ${errs.join(" | ")}`);
    }
    await ictx.close();
    await tctx.close();
  } finally {
    await server.stop();
  }
}
