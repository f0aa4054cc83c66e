// Browser case for issue 16 item 1 (why it moved), by clicks in zh-CN and en: after a week with a
// typed price cut, the week report's overview opens with the three biggest drivers — the same causes
// and principle codes `sim explain` prints for that run and week —, the advisor speaks from them
// (no generic line), the details tab's income statement ends on the net-profit card's figure, the
// rate cards and funnel say their base; nothing spills or overlaps; the last week shows its closing-stock
// line and no spending or reorder advice; screenshots in both languages.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { click, settle, startInShop, waitScene } from "./helpers.mjs";

const SHOTS = "test-results/screenshots";

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}
const get = (page, fn, arg) => page.evaluate(fn, arg);
const texts = (page) => get(page, () => window.__shopsim.texts());
const shot = (page, name) => page.screenshot({ path: join(SHOTS, `${name}.png`) });

async function noSpill(page, where) {
  const spills = await get(page, () => window.__shopsim.overflows());
  assert(spills.length === 0, `${where}: text spills out: ${spills.slice(0, 4).join(" | ")}`);
  const overlaps = await get(page, () => window.__shopsim.overlaps());
  assert(overlaps.length === 0, `${where}: text overlaps: ${overlaps.slice(0, 4).join(" | ")}`);
}

/** `sim explain RUNFILE --week N --json` on the run the page holds. */
function cliExplain(run, week) {
  const dir = mkdtempSync(join(tmpdir(), "shopsim-why-"));
  try {
    const file = join(dir, "run.json");
    writeFileSync(file, JSON.stringify(run));
    const r = spawnSync(
      "node_modules/.bin/tsx",
      ["src/cli/main.ts", "explain", file, "--week", String(week), "--json"],
      {
        encoding: "utf8",
        timeout: 60_000,
      },
    );
    assert(r.status === 0, `sim explain failed: ${r.stderr}`);
    return JSON.parse(r.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const yuan = (fen) => {
  const neg = fen < 0;
  const a = Math.abs(Math.round(fen));
  const int = String(Math.floor(a / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${neg ? "-" : ""}¥${int}.${String(a % 100).padStart(2, "0")}`;
};

async function checkReport(page, lang, top) {
  const L = lang === "en";
  let all = await texts(page);
  const title = L ? "Why it moved" : "为什么变了";
  assert(
    all.some((x) => x.includes(title)),
    `${lang}: no drivers card on the overview: ${all.slice(0, 30).join(" | ")}`,
  );
  // The three lines: ▲/▼ marks, the engine's principle codes in its order, effects in money.
  const codes = all.filter((x) => /^P[12X]\.\d?[a-z]? \S/.test(x)).map((x) => x.split(" ")[0]);
  const want = top.map((d) => d.code);
  assert(JSON.stringify(codes.slice(0, 3)) === JSON.stringify(want), `${lang}: codes ${codes} ≠ engine's ${want}`);
  const marks = all.filter((x) => x === "▲" || x === "▼");
  assert(
    JSON.stringify(marks.slice(0, 3)) === JSON.stringify(top.map((d) => (d.delta > 0 ? "▲" : "▼"))),
    `${lang}: marks ${marks} do not follow the drivers' signs`,
  );
  const effect = L ? /: (GMV|net profit) [+-]¥[\d,]+\.\d\d$/ : /：(支付金额|净利润) [+-]¥[\d,]+\.\d\d$/;
  const lines = all.filter((x) => effect.test(x));
  assert(lines.length === 3, `${lang}: ${lines.length} driver lines in words: ${lines.join(" | ")}`);
  for (const [i, d] of top.entries()) {
    const money = (d.delta > 0 ? "+" : "") + yuan(d.delta);
    assert(lines[i].endsWith(money), `${lang}: line ${i + 1} "${lines[i]}" does not end with ${money}`);
  }
  // The rate cards and the funnel say their base; the advisor has no filler.
  assert(
    all.some((x) => x.includes(L ? "of all visitors" : "占全部访客")),
    `${lang}: the conversion card does not say its base`,
  );
  const filler = L ? ["No obvious weak spot", "Visitors changed"] : ["本周没有明显短板", "访客数环比"];
  assert(!all.some((x) => filler.some((f) => x.startsWith(f))), `${lang}: a generic advisor line`);
  await noSpill(page, `${lang} overview`);
  await shot(page, `why-it-moved-overview-${lang}`);

  await click(page, "report.tab.details");
  all = await texts(page);
  const card = await get(page, () => window.__shopsim.getState().reports.at(-1).kpis.netProfitFen);
  const net = all.findIndex((x) => x.startsWith(L ? "= Net profit" : "= 净利润"));
  assert(net >= 0, `${lang}: no net-profit row in the income statement`);
  assert(all.includes(yuan(card)), `${lang}: the statement does not show the card's net profit ${yuan(card)}`);
  for (const row of L ? ["Cost of goods", "= GMV (paid)", "= Gross profit"] : ["商品成本", "= 支付金额", "= 毛利"])
    assert(all.includes(row), `${lang}: income statement lacks "${row}"`);
  await noSpill(page, `${lang} details`);
  await shot(page, `why-it-moved-details-${lang}`);
  await click(page, "report.tab.overview");
}

export async function whyItMoved({ newContext, url }) {
  const ctx = await newContext();
  const page = await ctx.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(`${url}?test=1`);
  await waitScene(page, "MainMenu");
  await startInShop(page, "launch", "why-1");

  // Week 1: no last week — the card says so.
  await click(page, "shop.endWeek");
  await waitScene(page, "WeekReport");
  const all = await texts(page);
  assert(
    all.some((x) => x.startsWith("第一周：从下周起")),
    `week 1: the drivers card does not say it starts next week: ${all.slice(0, 20).join(" | ")}`,
  );
  await noSpill(page, "week 1 overview");
  await click(page, "report.continue");
  await waitScene(page, "Shop");

  // Week 2: a price cut typed into the pricing box.
  await click(page, "tab.pricing");
  await click(page, "pricing.cup500.value");
  const input = page.locator('[data-testid="pricing.cup500.input"]');
  await input.waitFor({ state: "visible", timeout: 5000 });
  await input.fill("119");
  await input.press("Enter");
  await settle(page, 4);
  const pending = await get(page, () => window.__shopsim.getState().pending);
  assert(
    pending.some((d) => d.type === "setPrice" && d.priceFen === 11900),
    `price cut not pending: ${JSON.stringify(pending)}`,
  );
  await click(page, "shop.endWeek");
  await waitScene(page, "WeekReport");

  const run = await get(page, () => window.__shopsim.getState().run);
  const engine = cliExplain(run, 2);
  const top = engine.top[0].drivers;
  assert(top.length === 3, `sim explain gave ${top.length} top drivers`);
  // The price cut shows in conversion (the engine's decomposition of this very run).
  const cr = engine.changes.find((c) => c.kpi === "conversionRate");
  const price = cr.drivers.find((d) => d.cause === "price:cup500");
  assert(price && price.delta > 0, `no positive price driver of conversion: ${JSON.stringify(cr.drivers)}`);

  await checkReport(page, "zh-CN", top);
  await click(page, "lang.en");
  await settle(page, 4);
  await checkReport(page, "en", top);
  await click(page, "lang.zh-CN");

  // The last week: drivers still shown, the statement has the closing stock's liquidation line, and
  // the advisor neither suggests more ad budget nor a reorder (the game is over).
  for (;;) {
    await click(page, "report.continue");
    await waitScene(page, "Shop");
    await click(page, "shop.endWeek");
    await waitScene(page, "WeekReport");
    if (await get(page, () => window.__shopsim.getState().game.status !== "playing")) break;
  }
  for (const lang of ["zh-CN", "en"]) {
    await click(page, `lang.${lang}`);
    await settle(page, 4);
    const L = lang === "en";
    let last = await texts(page);
    assert(
      last.some((x) => x.includes(L ? "Why it moved" : "为什么变了")),
      `${lang} last week: no drivers card`,
    );
    assert(
      last.filter((x) => /^P[12X]\.\d?[a-z]? \S/.test(x)).length >= 3,
      `${lang} last week: fewer than three principle labels`,
    );
    const advice = L ? /raise the budget|: reorder \d+\.$/ : /可以小步加预算|建议补货 \d+ 件/;
    assert(!last.some((x) => advice.test(x)), `${lang} last week: the advisor still advises spending or reordering`);
    await noSpill(page, `${lang} last week overview`);
    await shot(page, `why-it-moved-last-week-${lang}`);
    await click(page, "report.tab.details");
    last = await texts(page);
    assert(
      last.includes(L ? "Closing stock at liquidation value" : "期末库存清算损失"),
      `${lang} last week: no liquidation line in the income statement`,
    );
    await noSpill(page, `${lang} last week details`);
    await shot(page, `why-it-moved-last-week-details-${lang}`);
    await click(page, "report.tab.overview");
  }
  assert(errors.length === 0, `console errors: ${errors.join(" | ")}`);
  await ctx.close();
}
