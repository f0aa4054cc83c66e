// Browser case for issue 10 item 2 (difficulty): an instructor creates a challenge on hard in the game,
// a trainee opens its link, sees hard on the challenge page, the briefing and the HUD, plays it through
// the UI and submits; the server verifies the run on hard (the same run relabelled standard is refused
// with wrong_difficulty). Then the campaign: a new slot's difficulty is chosen on the campaign screen,
// shown on the slot, and a new shop opens on it. Screenshots in zh-CN and en go to
// test-results/screenshots/ (zh-/en-difficulty-*.png).
import { join } from "node:path";
import { click, createChallenge, fillChallengeForm, openGame, settle, startServer, waitScene } from "./helpers.mjs";

const SHOTS = "test-results/screenshots";

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}
const shot = (page, name) => page.screenshot({ path: join(SHOTS, `${name}.png`) });
const texts = (page) => page.evaluate(() => window.__shopsim.texts());
const has = async (page, needle) => (await texts(page)).some((x) => x.includes(needle));

/** Screenshots the current screen in zh-CN and en, asserting a text of each language shows. */
async function shotBoth(page, name, scene, zh, en) {
  assert(await has(page, zh), `${name}: "${zh}" not shown in zh-CN`);
  await shot(page, `zh-difficulty-${name}`);
  await click(page, "lang.en");
  await waitScene(page, scene);
  await settle(page, 4);
  assert(await has(page, en), `${name}: "${en}" not shown in en`);
  await shot(page, `en-difficulty-${name}`);
  await click(page, "lang.zh-CN");
  await waitScene(page, scene);
}

export async function difficultyCase({ newContext, endAndContinue }) {
  const server = await startServer({ name: "browser-difficulty", staticDir: process.env.DIST || "dist" });
  try {
    // Instructor: a challenge on hard, created through the form.
    const ictx = await newContext();
    const { page: ip, errors: ierrors } = await openGame(ictx, server.url);
    await fillChallengeForm(ip, "电商 2302 班", "class-hard");
    await click(ip, "ins.difficulty.hard");
    const created = await createChallenge(ip);
    assert(created.challenge.difficulty === "hard", `created on ${created.challenge.difficulty}`);

    // Trainee: the link, a name, the challenge page says hard.
    const tctx = await newContext();
    const { page: tp, errors: terrors } = await openGame(tctx, `${server.url}/?c=${created.code}&`, {
      expectScene: "ChallengeEntry",
    });
    await tp
      .waitForFunction(() => window.__shopsimChallenge.getState().lookup.status === "ok", null, { timeout: 20_000 })
      .catch(async (e) => {
        const l = await tp.evaluate(() => window.__shopsimChallenge.getState().lookup);
        throw new Error(`challenge lookup: ${JSON.stringify(l)} (${e.message})`);
      });
    await tp.fill('[data-testid="challenge.name"]', "困难学员");
    await settle(tp, 6);
    await click(tp, "lang.zh-CN");
    await waitScene(tp, "ChallengeEntry");
    assert(await has(tp, "挑战"), "challenge page does not show the difficulty");
    await click(tp, "challenge.start");
    await waitScene(tp, "Briefing");
    const played = await tp.evaluate(() => {
      const s = window.__shopsim.getState();
      return { difficulty: s.game.difficulty, run: s.run.difficulty, cash: s.game.cashFen, slot: s.difficulty };
    });
    assert(played.difficulty === "hard" && played.run === "hard", `playing ${JSON.stringify(played)}`);
    assert(played.slot === "standard", "the challenge changed the slot's campaign difficulty");
    await shotBoth(tp, "briefing", "Briefing", "难度：挑战", "Difficulty: Hard");
    await click(tp, "briefing.start");
    await waitScene(tp, "Shop");
    await settle(tp, 4);
    await shotBoth(tp, "hud", "Shop", "挑战", "Hard");
    const weeks = await tp.evaluate(() => window.__shopsim.getState().scenario.weeks);
    // Week 1 by clicks (a price ending and a reorder), then every week to the debrief.
    await click(tp, "tab.pricing");
    await click(tp, "pricing.cup300.minusFine");
    await click(tp, "tab.inventory");
    await click(tp, "inventory.cup300.plus");
    for (let w = 0; w < weeks; w++) await endAndContinue(tp, w);
    await waitScene(tp, "Debrief");
    const ui = await tp.evaluate(() => window.__shopsim.score());
    const run = await tp.evaluate(() => window.__shopsim.getState().run);
    assert(run.difficulty === "hard" && run.turns.length === weeks, `run ${run.difficulty} ${run.turns.length}`);
    await click(tp, "debrief.submit");
    await waitScene(tp, "Leaderboard");
    await tp.waitForFunction(() => window.__shopsimChallenge.getState().submit.status !== "sending", null, {
      timeout: 60_000,
    });
    const submit = await tp.evaluate(() => window.__shopsimChallenge.getState().submit);
    assert(submit.status === "ok", `submit ${JSON.stringify(submit.error)}`);
    assert(submit.result.submission.verified, "not verified");
    assert(submit.result.submission.score === ui.score, `server ${submit.result.submission.score} ≠ game ${ui.score}`);

    // The same run claiming standard: the label passes no check on a hard challenge.
    const relabel = await fetch(`${server.url}/api/challenges/${created.code}/submissions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: "改标签", run: { ...run, difficulty: "standard" } }),
    });
    const body = await relabel.json();
    assert(relabel.status === 422 && body.error.code === "wrong_difficulty", `relabelled: ${relabel.status}`);

    // Campaign: slot 2 is new, its difficulty is chosen here, shown on the slot, and a shop opens on it.
    await tp.evaluate(() => window.__shopsim.store.getState().goTo("campaign"));
    await waitScene(tp, "Campaign");
    await click(tp, "campaign.slot.2");
    await waitScene(tp, "Campaign");
    const fresh = await tp.evaluate(() => window.__shopsim.getState().canChooseDifficulty());
    assert(fresh, "slot 2 should be new");
    await click(tp, "campaign.difficulty.easy");
    await waitScene(tp, "Campaign");
    await settle(tp, 4);
    assert((await tp.evaluate(() => window.__shopsim.getState().difficulty)) === "easy", "slot difficulty not set");
    // Slot 1 holds the hard challenge's run; its own campaign difficulty is still standard.
    assert(await has(tp, "难度：标准（本局：挑战）"), "slot 1 does not name its run's difficulty");
    await shotBoth(tp, "campaign", "Campaign", "难度：入门", "Difficulty: Easy");
    await click(tp, "campaign.play.launch");
    await waitScene(tp, "Briefing");
    const camp = await tp.evaluate(() => window.__shopsim.getState().game.difficulty);
    assert(camp === "easy", `campaign shop on ${camp}`);
    assert(await has(tp, "难度：入门"), "briefing does not show the slot's difficulty");
    // Slot 1 (the challenge's slot) still has its own difficulty.
    assert((await tp.evaluate(() => window.__shopsim.getState().slotDifficulty(1))) === "standard", "slot 1 changed");

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
