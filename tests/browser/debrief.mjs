// Browser case for the debrief (issue 5): play launch to its end by clicking, then the debrief's
// comparison page shows the textbook strategy's score on the same seed, equal to what
// `npm run sim -- bot --policy textbook` gives; its chart is drawn; the principle recap lists every
// goal code of the scenario with a verdict; the what-if page's replays (run in a web worker) give
// the same values as `npm run sim -- whatif` on the exported run file; no text spills on any page,
// in both languages.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { click, clicks, openGame, playToDebrief, settle, waitScene } from "./helpers.mjs";

const SHOTS = "test-results/screenshots";
const SEED = "debrief-1";

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

export async function debriefCase({ newContext, url }) {
  const cli = spawnSync(
    "npx",
    ["tsx", "src/cli/main.ts", "bot", "--scenario", "launch", "--seed", SEED, "--policy", "textbook", "--json"],
    { encoding: "utf8" },
  );
  assert(cli.status === 0, `sim bot exited ${cli.status}: ${cli.stderr.trim().split("\n").at(-1)}`);
  const textbook = JSON.parse(cli.stdout.trim().split("\n").at(-1));

  const ctx = await newContext();
  const { page, errors } = await openGame(ctx, url);
  await page.evaluate((seed) => {
    const st = window.__shopsim.store;
    st.getState().startScenario("launch", seed);
    st.getState().goTo("shop");
  }, SEED);
  await waitScene(page, "Shop");
  // A few week-1 changes by clicking (store, price, stock), so the what-if page has decisions to value.
  await clicks(page, "tab.store", "store.depth.minus", "store.search", "store.banner.hero");
  await clicks(page, "tab.pricing", "pricing.cup300.minusFine", "tab.inventory", "inventory.cup300.plus");
  await playToDebrief(page);
  const texts = () => page.evaluate(() => window.__shopsim.texts());
  const noSpill = async (where) => {
    const spills = await page.evaluate(() => window.__shopsim.overflows());
    assert(spills.length === 0, `${where}: text spills: ${spills.join(" | ")}`);
  };

  // Summary: the trainee's score as before, and the textbook's on the same seed.
  const ui = await page.evaluate(() => window.__shopsim.score());
  let shown = await texts();
  assert(shown.includes(`总分 ${ui.score}/1000`), `summary does not show the score ${ui.score}`);
  assert(
    shown.some((s) => s.includes(`${textbook.score}/1000`) && s.includes("教科书")),
    `summary does not show the textbook score ${textbook.score}/1000`,
  );
  await noSpill("summary");

  // Compare: the textbook column has the CLI's score; the chart is drawn.
  await click(page, "debrief.tab.compare");
  await waitScene(page, "Debrief");
  await page.waitForFunction(() => window.__shopsim.charts().some((c) => c.id === "debrief.trend" && c.ready), null, {
    timeout: 15_000,
  });
  shown = await texts();
  assert(shown.includes(`${textbook.score} 分`), `compare page does not show the textbook score ${textbook.score} 分`);
  assert(shown.includes(`${ui.score} 分`), `compare page does not show the trainee's score ${ui.score} 分`);
  const diff = ui.score - textbook.score;
  assert(
    shown.includes(diff === 0 ? "±0" : `${diff > 0 ? "+" : "−"}${Math.abs(diff)} 分`),
    `compare page does not show the difference ${diff}`,
  );
  await settle(page);
  await page.screenshot({ path: join(SHOTS, "zh-debrief-compare.png") });
  await noSpill("compare");

  // Recap: every goal code of the scenario, each with a verdict; kept when the language changes.
  await click(page, "debrief.tab.recap");
  await waitScene(page, "Debrief");
  const codes = await page.evaluate(() => window.__shopsim.getState().scenario.goals.map((g) => g.code));
  shown = await texts();
  for (const code of codes) assert(shown.includes(code), `recap does not list ${code}`);
  const verdicts = shown.filter((s) => /^(✓ 已运用|◐ 部分运用|✗ 未运用)$/.test(s));
  assert(verdicts.length === codes.length, `recap shows ${verdicts.length} verdicts for ${codes.length} goals`);
  await page.screenshot({ path: join(SHOTS, "zh-debrief-recap.png") });
  await noSpill("recap");
  await click(page, "lang.en");
  await waitScene(page, "Debrief");
  await settle(page);
  shown = await texts();
  for (const code of codes) assert(shown.includes(code), `English recap does not list ${code}`);
  assert(
    shown.some((s) => s.startsWith("Textbook:")),
    "English recap has no textbook verdicts",
  );
  await page.screenshot({ path: join(SHOTS, "en-debrief-recap.png") });
  await noSpill("recap (en)");

  // What if: every decision replayed without it (in a worker), the best and worst checked on other
  // markets; the same figures as the CLI computes from the exported run file.
  await click(page, "debrief.tab.whatif");
  await waitScene(page, "Debrief");
  await page.waitForFunction(() => window.__shopsim.whatIf()?.done === true, null, { timeout: 120_000 });
  const wi = await page.evaluate(() => window.__shopsim.whatIf());
  assert(wi.error === null, `what-if failed: ${wi.error}`);
  const runJson = await page.evaluate(() => window.__shopsim.store.getState().exportRunJson());
  const runFile = join(mkdtempSync(join(tmpdir(), "shopsim-whatif-")), "run.json");
  writeFileSync(runFile, runJson);
  const whatif = spawnSync("npx", ["tsx", "src/cli/main.ts", "whatif", runFile, "--json"], { encoding: "utf8" });
  assert(whatif.status === 0, `sim whatif exited ${whatif.status}: ${whatif.stderr.trim().split("\n").at(-1)}`);
  const cliValues = JSON.parse(whatif.stdout).decisions;
  assert(
    wi.values.length === cliValues.length && wi.values.length === wi.decisions && wi.decisions > 0,
    `what-if valued ${wi.values.length} of ${wi.decisions} decisions; the CLI ${cliValues.length}`,
  );
  assert(
    wi.checks === cliValues.filter((c) => c.markets !== null).length,
    `the game checked ${wi.checks} decisions on other markets, the CLI ${cliValues.filter((c) => c.markets !== null).length}`,
  );
  for (const [i, v] of wi.values.entries()) {
    const c = cliValues[i];
    assert(
      c.turn === v.turn && c.decision === v.decision && c.scoreDelta === v.scoreDelta,
      `decision ${i + 1}: the game says week ${v.turn} #${v.decision} ${v.scoreDelta} pts, the CLI week ${c.turn} #${c.decision} ${c.scoreDelta} pts`,
    );
  }
  await settle(page);
  shown = await texts();
  assert(
    shown.some((s) => s.endsWith("What if")),
    "the what-if tab is missing",
  );
  assert(
    shown.some((s) => /^All \d+ decisions replayed/.test(s)),
    `the what-if page does not say it is done: ${shown.filter((s) => /decisions/.test(s)).join(" | ")}`,
  );
  const checked = cliValues.filter((c) => c.markets !== null);
  const best = [...checked].sort((a, b) => b.markets.meanScoreDelta - a.markets.meanScoreDelta)[0];
  if (best && best.markets.meanScoreDelta >= 0.5) {
    const pts = `+${Math.round(best.markets.meanScoreDelta)} pts`;
    assert(shown.includes(pts), `the best decision's ${pts} is not on the page`);
  }
  await page.screenshot({ path: join(SHOTS, "en-debrief-whatif.png") });
  await noSpill("what if (en)");
  // Readable on a phone too: the canvas scale there is at least 0.84, so 10.7 px here is 9 px there.
  const small = await page.evaluate(() => window.__shopsim.smallTexts(10.7));
  assert(small.length === 0, `what if (en): texts too small for a phone: ${small.join(" | ")}`);
  const overlaps = await page.evaluate(() => window.__shopsim.overlaps());
  assert(overlaps.length === 0, `what if (en): texts overlap: ${overlaps.join(" | ")}`);
  await click(page, "lang.zh-CN");
  await waitScene(page, "Debrief");
  await settle(page);
  shown = await texts();
  assert(
    shown.some((s) => /^已重演全部 \d+ 项决策/.test(s)),
    "the Chinese what-if page does not show the finished replays (a language switch must not restart them)",
  );
  await page.screenshot({ path: join(SHOTS, "zh-debrief-whatif.png") });
  await noSpill("what if (zh)");
  assert(errors.length === 0, `console errors: ${errors.join(" | ")}`);
  await ctx.close();
}
