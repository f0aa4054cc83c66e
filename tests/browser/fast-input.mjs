// Browser case for issue 16 item 3 (fast input), by clicks and typing in zh-CN and en: a price, a
// reorder quantity and an ad budget typed into the stepper's box (Enter commits, Escape cancels); a
// malformed number and one the engine refuses show their messages where the steppers' do; the
// inventory panel shows days of cover and a suggested reorder (engine/estimates) after a week, and
// "use suggestion" orders it; a long pending list scrolls and every row can be undone.
import { join } from "node:path";
import { click, settle, startInShop, targets, waitScene } from "./helpers.mjs";

const SHOTS = "test-results/screenshots";

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}
const get = (page, fn, arg) => page.evaluate(fn, arg);
const texts = (page) => get(page, () => window.__shopsim.texts());
const pending = (page) => get(page, () => window.__shopsim.getState().pending);
const shot = (page, name) => page.screenshot({ path: join(SHOTS, `${name}.png`) });

/** Opens the stepper `id`'s box by a click, types `text` and presses `key` (Enter or Escape). */
async function typeInto(page, id, text, key = "Enter") {
  await click(page, `${id}.value`);
  const input = page.locator(`[data-testid="${id}.input"]`);
  await input.waitFor({ state: "visible", timeout: 5000 });
  await input.fill(text);
  await input.press(key);
  await settle(page, 4);
}

export async function fastInput({ newContext, url }) {
  const ctx = await newContext();
  const page = await ctx.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(`${url}?test=1`);
  await waitScene(page, "MainMenu");
  await startInShop(page, "launch", "typed-1");

  // ---- price: ¥159 → ¥148.90 in one go ---------------------------------------------------------
  await click(page, "tab.pricing");
  await typeInto(page, "pricing.cup500", "148.9");
  const p = await pending(page);
  assert(
    p.some((d) => d.type === "setPrice" && d.sku === "cup500" && d.priceFen === 14890),
    `typed price not pending: ${JSON.stringify(p)}`,
  );
  let all = await texts(page);
  assert(all.includes("¥148.90"), "the stepper does not show the typed price");
  // Escape cancels; a malformed number is refused in place and changes nothing.
  await typeInto(page, "pricing.cup500", "120", "Escape");
  assert(
    (await pending(page)).some((d) => d.type === "setPrice" && d.priceFen === 14890),
    "Escape changed the price",
  );
  await typeInto(page, "pricing.cup500", "12.345");
  all = await texts(page);
  assert(
    all.some((x) => x.includes("金额最多两位小数")),
    `no message for three decimals: ${all.join(" | ")}`,
  );
  assert(
    (await pending(page)).some((d) => d.type === "setPrice" && d.priceFen === 14890),
    "a bad number changed it",
  );
  await shot(page, "zh-typed-price-error");

  // ---- inventory: no estimate before sales; a typed quantity under the minimum order is refused --
  await click(page, "tab.inventory");
  all = await texts(page);
  assert(
    all.some((x) => x.includes("还没有销量数据")),
    "week 1 should say there is no sales data yet",
  );
  await typeInto(page, "inventory.cup300", "30");
  all = await texts(page);
  assert(
    all.some((x) => x.includes("起订量是") && x.includes("30")),
    `no minimum-order message: ${all.join(" | ")}`,
  );
  assert(!(await pending(page)).some((d) => d.type === "reorder"), "an order under the minimum is pending");
  await typeInto(page, "inventory.cup300", "300");
  assert(
    (await pending(page)).some((d) => d.type === "reorder" && d.sku === "cup300" && d.qty === 300),
    "typed quantity not pending",
  );

  // ---- ad budget typed in yuan -------------------------------------------------------------------
  await click(page, "tab.marketing");
  if ((await targets(page))["marketing.sub.feed"]) await click(page, "marketing.sub.feed");
  await typeInto(page, "marketing.budget", "88.5");
  assert(
    (await pending(page)).some((d) => d.type === "setAds" && d.dailyBudgetFen === 8850),
    "typed budget not pending",
  );

  // ---- the pending list scrolls; a row on a later page is undone ---------------------------------
  await click(page, "tab.store");
  for (const id of ["store.search", "store.depth.minus", "store.banner.hero", "store.mobile.plus"])
    if ((await targets(page))[id]?.enabled) await click(page, id);
  await click(page, "tab.pricing");
  await click(page, "pricing.cup300.minusFine");
  const t0 = await targets(page);
  assert(t0["shop.pending.down"]?.enabled, "expected a scrolling pending list");
  all = await texts(page);
  const range = all.map((x) => /^1–(\d+) \/ 共 (\d+) 项$/.exec(x)).find(Boolean);
  assert(range && Number(range[2]) > Number(range[1]), `no range line: ${all.join(" | ")}`);
  await shot(page, "zh-pending-scroll");
  await click(page, "shop.pending.down");
  /** Rows in the whole list: the range line's total, or the undo buttons when it fits one page. */
  const rows = async () => {
    const r = (await texts(page)).map((x) => /共 (\d+) 项$/.exec(x)).find(Boolean);
    return r ? Number(r[1]) : Object.keys(await targets(page)).filter((k) => k.startsWith("pending.undo.")).length;
  };
  const before = await rows();
  const ids = Object.keys(await targets(page)).filter((k) => k.startsWith("pending.undo."));
  assert(ids.length > 0, "no undo buttons on the second page");
  await click(page, ids[ids.length - 1]);
  const after = await rows();
  assert(after === before - 1, `undo on page 2 did not remove one row (${before} → ${after})`);

  // ---- after a week: days of cover and the suggestion, in English --------------------------------
  await click(page, "shop.endWeek");
  await waitScene(page, "WeekReport");
  await click(page, "report.continue");
  await waitScene(page, "Shop");
  await click(page, "lang.en");
  await waitScene(page, "Shop");
  await click(page, "tab.inventory");
  all = await texts(page);
  assert(
    all.some((x) => x.includes("On hand lasts") && x.includes("pcs/day")),
    `no cover line: ${all.join(" | ")}`,
  );
  const sug = Object.keys(await targets(page)).find((k) => /^inventory\.[^.]+\.suggest$/.test(k));
  if (sug) {
    const line = all.find((x) => x.includes("suggested reorder"));
    const qty = Number(/suggested reorder ([\d,]+)/.exec(line ?? "")?.[1]?.replace(/,/g, ""));
    await click(page, sug);
    const sku = sug.split(".")[1];
    assert(
      (await pending(page)).some((d) => d.type === "reorder" && d.sku === sku && d.qty > 0),
      "use suggestion did not order",
    );
    assert(Number.isFinite(qty) && qty > 0, `suggested quantity not readable: ${line}`);
  }
  const tiers = all.find((x) => x.includes("Tiers:"));
  assert(tiers && !tiers.includes("，"), `English tier list with a full-width comma: ${tiers}`);
  await shot(page, "en-inventory-cover");
  await typeInto(page, "inventory.cup500", "abc");
  all = await texts(page);
  assert(
    all.some((x) => x.includes("Not a number: type a whole number")),
    "no English message for a malformed number",
  );
  await shot(page, "en-typed-error");
  assert(errors.length === 0, `console errors: ${errors.join(" | ")}`);
  await ctx.close();
}
