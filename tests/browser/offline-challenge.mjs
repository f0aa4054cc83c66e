// Browser case for issue 6, offline (no server): the instructor saves an offline challenge (file +
// offline code); a trainee opens it by code (a typo is refused first), plays to the end, exports the
// run file at the debrief; the instructor's offline ranking imports that run file and a forged copy:
// the good one is verified and ranked, the forged one rejected with the reason; CSV export.
// Screenshots in zh-CN and en go to test-results/screenshots/offline-*.png.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { click, openGame, settle, waitScene } from "./helpers.mjs";

const SHOTS = "test-results/screenshots";

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

const waitFor = (page, fn, arg) => page.waitForFunction(fn, arg, { timeout: 20_000, polling: 50 });

/** zh-CN then en screenshots of the current screen; checks nothing spills out of its card. */
async function shotBoth(page, name, scene) {
  mkdirSync(SHOTS, { recursive: true });
  for (const lang of ["zh-CN", "en"]) {
    await click(page, `lang.${lang}`);
    await waitScene(page, scene);
    await settle(page, 4);
    await page.screenshot({ path: join(SHOTS, `offline-${name}-${lang === "en" ? "en" : "zh"}.png`) });
    const spills = await page.evaluate(() => window.__shopsim.overflows());
    assert(spills.length === 0, `${name} (${lang}) text spills: ${spills.join(" | ")}`);
  }
  await click(page, "lang.zh-CN");
  await waitScene(page, scene);
}

export async function offlineChallenge({ newContext, url, endAndContinue }) {
  // Instructor: the create form, saved as an offline file (no server is running).
  const ictx = await newContext();
  const { page: ip, errors: ierrors } = await openGame(ictx, url);
  await click(ip, "menu.instructor");
  await waitScene(ip, "InstructorCreate");
  await ip.fill('[data-testid="ins.className"]', "电商 2302 班");
  await click(ip, "ins.seedMode.fixed");
  await ip.fill('[data-testid="ins.seedValue"]', "offline-7");
  const [download] = await Promise.all([ip.waitForEvent("download"), click(ip, "ins.saveOffline")]);
  const challengeFile = JSON.parse(readFileSync(await download.path(), "utf8"));
  assert(challengeFile.format === "shopsim-challenge", `challenge file ${JSON.stringify(challengeFile).slice(0, 80)}`);
  assert(challengeFile.seed === "offline-7" && challengeFile.className === "电商 2302 班", "challenge file fields");
  const code = challengeFile.code;
  assert(/^1[0-9A-Z]{3}(-[0-9A-Z]{1,4})+$/.test(code), `offline code ${code}`);
  await waitFor(ip, () => "ins.offlineCode" in window.__shopsim.targets());
  await shotBoth(ip, "instructor-create", "InstructorCreate");

  // Trainee: a typo in the code is refused with a reason; the right code opens the challenge.
  const tctx = await newContext();
  const { page: tp, errors: terrors } = await openGame(tctx, url);
  await tp.evaluate(() => window.__shopsim.getState().goTo("challenge"));
  await waitScene(tp, "ChallengeEntry");
  const typo = code.slice(0, -1) + (code.endsWith("Z") ? "Y" : "Z");
  await tp.fill('[data-testid="challenge.code"]', typo);
  await click(tp, "challenge.lookup");
  const bad = await tp.evaluate(() => window.__shopsimChallenge.getState().offline);
  assert(bad.status === "error" && bad.error.key === "off.err.codeTypo", `typo accepted: ${JSON.stringify(bad)}`);
  const shownBad = await tp.evaluate(() => window.__shopsim.texts());
  assert(
    shownBad.some((x) => x.includes("校验位")),
    "no typo message",
  );
  await tp.fill('[data-testid="challenge.code"]', code.toLowerCase().replace(/-/g, " "));
  await click(tp, "challenge.lookup");
  const good = await tp.evaluate(() => window.__shopsimChallenge.getState().offline);
  assert(good.status === "ok" && good.challenge.seed === "offline-7", `code not opened: ${JSON.stringify(good)}`);
  await tp.fill('[data-testid="challenge.name"]', "测试学员");
  await settle(tp, 4);
  await shotBoth(tp, "challenge-entry", "ChallengeEntry");
  await tp.fill('[data-testid="challenge.name"]', "测试学员");
  await settle(tp, 4);
  await click(tp, "challenge.startOffline");
  await waitScene(tp, "Briefing");
  const meta = await tp.evaluate(() => window.__shopsim.getState().run.meta);
  assert(meta?.player === "测试学员" && meta.challenge === code, `run meta ${JSON.stringify(meta)}`);
  await click(tp, "briefing.start");
  await waitScene(tp, "Shop");
  const weeks = await tp.evaluate(() => window.__shopsim.getState().scenario.weeks);
  for (let w = 0; w < weeks; w++) await endAndContinue(tp, w);
  await waitScene(tp, "Debrief");
  const ui = await tp.evaluate(() => window.__shopsim.score());
  const [runDownload] = await Promise.all([tp.waitForEvent("download"), click(tp, "debrief.export")]);
  const runText = readFileSync(await runDownload.path(), "utf8");
  const run = JSON.parse(runText);
  assert(run.meta?.player === "测试学员" && run.seed === "offline-7", "exported run lacks its labels");

  // A forged copy: a better-looking week written into the log (the hash chain no longer matches).
  const forged = JSON.parse(runText);
  forged.meta.player = "伪造者";
  forged.turns[1].push({ type: "setPrice", sku: "cup500", priceFen: 990 });
  const dir = mkdtempSync(join(tmpdir(), "shopsim-offline-"));
  const goodFile = join(dir, "trainee.json");
  const forgedFile = join(dir, "forged.json");
  writeFileSync(goodFile, runText);
  writeFileSync(forgedFile, JSON.stringify(forged));

  // Instructor: offline ranking against the challenge file.
  await click(ip, "ins.rank");
  await waitScene(ip, "InstructorRank");
  const challengePath = join(dir, "challenge.json");
  writeFileSync(challengePath, JSON.stringify(challengeFile));
  await ip.setInputFiles("#shopsim-rank-challenge", challengePath);
  await waitFor(ip, () => window.__shopsim.texts().some((x) => x.includes("offline-7")));
  await ip.setInputFiles("#shopsim-rank-import", [goodFile, forgedFile]);
  await waitFor(ip, () => "rank.row.1.verdict" in window.__shopsim.targets());
  await settle(ip, 4);
  const texts = await ip.evaluate(() => window.__shopsim.texts());
  assert(texts.includes("测试学员") && texts.includes("伪造者"), `names missing: ${texts.join(" | ")}`);
  assert(texts.includes(String(ui.score)), `game score ${ui.score} not in the ranking`);
  assert(
    texts.some((x) => x.includes("已校验")),
    "verified mark missing",
  );
  assert(
    texts.some((x) => x.startsWith("✗") && x.includes("校验码")),
    `forged run not rejected with the reason: ${texts.join(" | ")}`,
  );
  await shotBoth(ip, "rank", "InstructorRank");
  const [csvDownload] = await Promise.all([ip.waitForEvent("download"), click(ip, "rank.csv")]);
  const csv = readFileSync(await csvDownload.path());
  assert(csv[0] === 0xef && csv[1] === 0xbb && csv[2] === 0xbf, "CSV without BOM");
  const csvText = csv.toString("utf8");
  assert(csvText.includes('"测试学员"') && csvText.includes('"伪造者"'), "CSV rows missing");

  for (const [label, errs] of [
    ["instructor", ierrors],
    ["trainee", terrors],
  ])
    assert(errs.length === 0, `${label} console errors: ${errs.join(" | ")}`);
  await ictx.close();
  await tctx.close();
}
