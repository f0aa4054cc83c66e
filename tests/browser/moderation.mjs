// Browser case for issue 12 item 5, the instructor's side: against the real server, two trainees
// submit the same run (the second is a copy) and a third another run; the public board lists the
// copy apart, unranked ("抄自 Alice，14:02"); on the class board the instructor sees the copy marked,
// switches to 管理条目 and, by clicks, hides an entry (it leaves the board), removes one (asked first;
// the same run resubmitted is refused), resets a name's claim (the name can be claimed again) and sets
// and clears a roster; every change is in the audit log. zh-CN and en, screenshots, no spills/overlaps.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { click, createChallenge, fillChallengeForm, openGame, settle, startServer, waitScene } from "./helpers.mjs";

const SHOTS = "test-results/screenshots";

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}
const get = (page, fn, arg) => page.evaluate(fn, arg);
const texts = (page) => get(page, () => window.__shopsim.texts());
const shot = (page, name) => page.screenshot({ path: join(SHOTS, `${name}.png`) });
const waitFor = (page, fn, arg) => page.waitForFunction(fn, arg, { timeout: 30_000, polling: 50 });
const hasText = async (page, part) => (await texts(page)).some((x) => x.includes(part));

function botRunFile(seed, policy) {
  const dir = mkdtempSync(join(tmpdir(), "shopsim-bot-"));
  const file = join(dir, "run.json");
  const r = spawnSync(
    "npx",
    ["tsx", "src/cli/main.ts", "bot", "--scenario", "launch", "--seed", seed, "--policy", policy, "--out", file],
    { encoding: "utf8" },
  );
  if (r.status !== 0) throw new Error(`bot failed: ${r.stderr}`);
  return JSON.parse(readFileSync(file, "utf8"));
}

/** Text fits its card and the screen, and nothing is drawn over anything else. */
async function layoutClean(page, label) {
  await settle(page, 4);
  const spills = await get(page, () => window.__shopsim.overflows());
  assert(spills.length === 0, `${label}: text spills: ${spills.join(" | ")}`);
  const overlaps = await get(page, () => window.__shopsim.overlaps());
  assert(overlaps.length === 0, `${label}: overlaps: ${overlaps.join(" | ")}`);
}

/** "14:02" of an ISO time in the browser's own zone (what the screens show). */
const localHm = (page, iso) =>
  get(
    page,
    (x) => new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hour12: false }).format(new Date(x)),
    iso,
  );

export async function moderationCase({ newContext }) {
  const server = await startServer({ name: "moderation", staticDir: process.env.DIST || "dist" });
  const ctx = await newContext();
  const tctx = await newContext();
  try {
    const { page, errors } = await openGame(ctx, server.url);
    await fillChallengeForm(page, "测试5班", "class-5");
    const created = await createChallenge(page);
    const { code, secret } = created;
    const api = `${server.url}/api/challenges/${code}`;
    const post = async (name, run, claimToken) => {
      const r = await fetch(`${api}/submissions`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ name, run, ...(claimToken ? { claimToken } : {}) }),
      });
      return { status: r.status, json: await r.json() };
    };
    const textbook = botRunFile("class-5", "textbook");
    const naive = botRunFile("class-5", "naive");
    const random = botRunFile("class-5", "random");

    // Alice first, then Bob with the very same run file: Bob's is a copy of Alice's, not ranked.
    const alice = await post("Alice", textbook);
    assert(alice.status === 201 && alice.json.claimToken, `Alice ${alice.status}`);
    const bob = await post("Bob", textbook);
    assert(bob.status === 201, `Bob ${bob.status}`);
    assert(bob.json.submission.copyOf?.name === "Alice" && bob.json.rank === null, `Bob not a copy`);
    const carol = await post("Carol", naive);
    assert(carol.status === 201 && carol.json.submission.copyOf === null, `Carol ${carol.status}`);
    const aId = alice.json.submission.id;
    const bId = bob.json.submission.id;
    const cId = carol.json.submission.id;
    const aliceAt = await localHm(page, alice.json.submission.submittedAt);

    // The public board, as a trainee sees it: the copy listed apart, unranked.
    const { page: tp, errors: terrors } = await openGame(tctx, `${server.url}/?c=${code}&`, {
      expectScene: "ChallengeEntry",
    });
    await waitFor(tp, () => window.__shopsimChallenge.getState().lookup.status === "ok");
    await click(tp, "challenge.board");
    await waitScene(tp, "Leaderboard");
    await waitFor(tp, () => window.__shopsimChallenge.getState().board.copies.length === 1);
    await settle(tp, 6);
    const board = await get(tp, () => window.__shopsimChallenge.getState().board);
    assert(
      board.rows.map((r) => r.name).join() === "Alice,Carol" || board.rows.map((r) => r.name).join() === "Carol,Alice",
      `ranked: ${board.rows.map((r) => r.name)}`,
    );
    assert(await hasText(tp, "副本（不排名）"), "no copies section on the board");
    assert(await hasText(tp, `Bob · ${bob.json.submission.score} 分`), "Bob's copy line missing");
    assert(await hasText(tp, `抄自 Alice，${aliceAt}`), `no "抄自 Alice，${aliceAt}" on the board`);
    await layoutClean(tp, "zh leaderboard");
    await shot(tp, "zh-leaderboard-copies");
    await click(tp, "lang.en");
    await waitScene(tp, "Leaderboard");
    await settle(tp, 6);
    assert(await hasText(tp, "Copies (not ranked)"), "no English copies section");
    assert(await hasText(tp, `copy of Alice, ${aliceAt}`), "no English copy mark on the board");
    await layoutClean(tp, "en leaderboard");
    await shot(tp, "en-leaderboard-copies");

    // The class board: the copy marked apart below the ranking.
    await click(page, "ins.watch");
    await waitScene(page, "InstructorClass");
    await waitFor(page, () => window.__shopsimChallenge.getState().klass.copies.length === 1);
    await settle(page, 6);
    assert(await hasText(page, `副本（不排名）：Bob (抄自 Alice，${aliceAt})`), "no copy line on the class board");
    await layoutClean(page, "zh class board");
    await shot(page, "zh-class-copies");

    // 管理条目: every entry, the copy marked, per-entry buttons.
    await click(page, "cls.view");
    await waitScene(page, "InstructorClass");
    await waitFor(page, (id) => `mod.hide.${id}` in window.__shopsim.targets(), bId);
    await settle(page, 6);
    assert(await hasText(page, `抄自 Alice，${aliceAt}`), "copy not marked in the entries");
    assert(await hasText(page, "全部已验证的提交（3 份）"), "entries title");
    assert(await hasText(page, "未设名单"), "no roster line");
    await layoutClean(page, "zh entries");
    await shot(page, "zh-class-entries");

    // Hide Carol: marked hidden, gone from the public board; show it again, hide again.
    await click(page, `mod.hide.${cId}`);
    await waitFor(
      page,
      (id) => window.__shopsimChallenge.getState().klass.submissions.find((s) => s.id === id)?.hidden === true,
      cId,
    );
    await settle(page, 6);
    assert(await hasText(page, "已隐藏"), "hidden entry not marked");
    assert(await hasText(page, "✓ 已隐藏 Carol 的提交"), "no note after hiding");
    const lb1 = await (await fetch(`${api}/leaderboard`)).json();
    assert(!lb1.rows.some((r) => r.name === "Carol"), "hidden entry still on the board");
    await shot(page, "zh-class-entries-hidden");
    await click(page, `mod.hide.${cId}`); // 显示
    await waitFor(
      page,
      (id) => window.__shopsimChallenge.getState().klass.submissions.find((s) => s.id === id)?.hidden === false,
      cId,
    );
    await click(page, `mod.hide.${cId}`);
    await waitFor(
      page,
      (id) => window.__shopsimChallenge.getState().klass.submissions.find((s) => s.id === id)?.hidden === true,
      cId,
    );

    // Remove Bob's copy: asked first; cancel keeps it, confirm removes it; the same run is then refused.
    await click(page, `mod.remove.${bId}`);
    await waitFor(page, () => "confirm.remove.ok" in window.__shopsim.targets());
    assert(await hasText(page, "删除 Bob 的这份提交？"), "no remove confirmation");
    await settle(page, 4);
    await shot(page, "zh-confirm-remove");
    await click(page, "confirm.remove.cancel");
    await settle(page, 4);
    assert(
      (await get(page, () => window.__shopsimChallenge.getState().klass.submissions.length)) === 3,
      "cancel removed it",
    );
    await click(page, `mod.remove.${bId}`);
    await click(page, "confirm.remove.ok");
    await waitFor(page, (id) => !window.__shopsimChallenge.getState().klass.submissions.some((s) => s.id === id), bId);
    const again = await post("Bob", textbook, bob.json.claimToken);
    assert(again.status === 409 && again.json.error.code === "submission_removed", `Bob again ${again.status}`);

    // Reset Alice's claim: without the token "alice" is refused before, and claims the name after.
    const impostor = await post("alice", random);
    assert(impostor.status === 403 && impostor.json.error.code === "name_claimed", `impostor ${impostor.status}`);
    await click(page, `mod.reset.${aId}`);
    await waitFor(page, () => "confirm.reset.ok" in window.__shopsim.targets());
    await settle(page, 4);
    await shot(page, "zh-confirm-reset");
    await click(page, "confirm.reset.ok");
    await waitFor(page, () => window.__shopsim.texts().some((x) => x.includes("✓ 已重置名字 Alice")));
    const reclaimed = await post("alice", random);
    assert(reclaimed.status === 201 && reclaimed.json.claimToken, `after the reset: ${reclaimed.status}`);

    // Roster: typed, saved (only those names may submit), then cleared.
    await page.fill('[data-testid="mod.roster"]', "Alice，Carol、 Dan");
    await click(page, "mod.rosterSave");
    await waitFor(page, () => window.__shopsimChallenge.getState().klass.roster?.length === 3);
    await settle(page, 6);
    assert(await hasText(page, "名单 3 人"), "roster line after saving");
    const eve = await post("Eve", random);
    assert(eve.status === 403 && eve.json.error.code === "not_on_roster", `Eve with a roster: ${eve.status}`);
    await layoutClean(page, "zh entries with roster");
    await shot(page, "zh-class-roster");

    // English: the same view.
    await click(page, "lang.en");
    await waitScene(page, "InstructorClass");
    await waitFor(page, () => "mod.rosterSave" in window.__shopsim.targets());
    await settle(page, 6);
    assert(await hasText(page, "Roster of 3 names"), "English roster line");
    assert(await hasText(page, "hidden"), "English hidden mark");
    assert(await hasText(page, "Reset name"), "English reset button");
    const cjk = (await texts(page)).filter((x) => /[\u4e00-\u9fff]/.test(x) && x !== "中文" && !x.includes("测试5班"));
    assert(cjk.length === 0, `Chinese UI text on the English entries: ${cjk.join(" | ")}`);
    await layoutClean(page, "en entries");
    await shot(page, "en-class-entries");
    await click(page, "mod.rosterClear");
    await waitFor(page, () => window.__shopsimChallenge.getState().klass.roster === null);
    await settle(page, 4);
    assert(await hasText(page, "No roster"), "roster not cleared");
    assert(
      (await get(page, () => document.querySelector('[data-testid="mod.roster"]').value)) === "",
      "roster box not emptied",
    );
    // A copy, in English, on the entries: submit one more copy of Alice's run under Finn.
    const finn = await post("Finn", textbook);
    assert(finn.json.submission.copyOf?.name === "Alice", "Finn not a copy");
    await click(page, "cls.refresh");
    await waitFor(page, (id) => `mod.hide.${id}` in window.__shopsim.targets(), finn.json.submission.id);
    await settle(page, 6);
    assert(await hasText(page, `copy of Alice, ${aliceAt}`), "English copy mark in the entries");
    await layoutClean(page, "en entries with a copy");
    await shot(page, "en-class-entries-copy");
    await click(page, "cls.view");
    await waitScene(page, "InstructorClass");
    await settle(page, 6);
    assert(await hasText(page, `Copies (not ranked): Finn (copy of Alice, ${aliceAt})`), "English class copies");
    await layoutClean(page, "en class board");
    await shot(page, "en-class-copies");

    // Every change is in the audit log, in order.
    const audit = await (await fetch(`${api}/audit`, { headers: { "x-instructor-secret": secret } })).json();
    const actions = audit.entries.map((e) => e.action).join();
    assert(actions === "hide,show,hide,remove,reset_claim,roster,roster", `audit: ${actions}`);
    const bad = [...errors, ...terrors].filter((e) => !/40[39]|422/.test(e));
    assert(bad.length === 0, `console errors: ${bad.join(" | ")}`);
  } finally {
    await ctx.close();
    await tctx.close();
    await server.stop();
  }
}
