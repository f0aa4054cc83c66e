// Browser case for issue #5 item 1: the promotion, service and team panels change the game. Starts
// the double11 and service scenarios through the test hook, sets a promotion, service settings and a
// hire by clicking widget ids, ends the week, and checks the engine's state and report. Screenshots
// of each panel in zh-CN go to test-results/screenshots/.
import { join } from "node:path";
import { click, clicks, endWeekReport, openGame, settle, startInShop, targets, waitScene } from "./helpers.mjs";

const SHOTS = "test-results/screenshots";

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

const get = (page, fn, arg) => page.evaluate(fn, arg);
const pending = (page) => get(page, () => window.__shopsim.getState().pending);
const shot = (page, name) => page.screenshot({ path: join(SHOTS, `${name}.png`) });

async function backToShop(page) {
  await click(page, "report.continue");
  await waitScene(page, "Shop");
}

export async function panelsOps({ newContext, url }) {
  const ctx = await newContext();
  const { page, errors } = await openGame(ctx, url);

  // ---- double11: 满减 and 秒杀 from the promotion panel ----
  await startInShop(page, "double11", "ops-1");
  await click(page, "tab.promotion");
  await click(page, "promotion.sub.fullReduction");
  await clicks(page, "promotion.fr.threshold.minus", "promotion.apply.fullReduction");
  let p = await pending(page);
  const fr = p.find((d) => d.type === "setFullReduction");
  assert(fr && fr.thresholdFen === 19_000 && fr.discountFen === 2_000, `满减 not pending: ${JSON.stringify(p)}`);
  await click(page, "promotion.sub.flashSale");
  await clicks(page, "promotion.flash.day.2", "promotion.flash.price.minus", "promotion.apply.flashSale");
  p = await pending(page);
  const fs = p.find((d) => d.type === "setFlashSale");
  assert(fs && fs.day === 2 && fs.sku === "cup300" && fs.priceFen === 6790, `秒杀 not pending: ${JSON.stringify(fs)}`);
  const ids = Object.keys(await targets(page));
  for (const id of ["pending.undo.setFullReduction", "pending.undo.setFlashSale.cup300"])
    assert(ids.includes(id), `pending line ${id} missing`);
  // A no-minimum coupon for new buyers: the minimum spend steps down to 0 and stops there; on the way the
  // face value is kept below it (¥10 spend → ¥9 face).
  await click(page, "promotion.sub.coupon");
  for (let i = 0; i < 11; i++) await click(page, "promotion.coupon.minSpend.minus");
  assert(!(await targets(page))["promotion.coupon.minSpend.minus"]?.enabled, "minimum spend went below 0");
  await clicks(page, "promotion.coupon.audience.new", "promotion.apply.coupon");
  const cp = (await pending(page)).find((d) => d.type === "setCoupon");
  assert(cp && cp.minSpendFen === 0 && cp.audience === "new" && cp.faceFen === 900, `coupon: ${JSON.stringify(cp)}`);
  await shot(page, "zh-shop-promotion");
  let { report, game } = await endWeekReport(page);
  assert(game.commerce.fullReduction?.thresholdFen === 19_000, "满减 not running after the week");
  assert(report.commerce.active.includes("fullReduction"), `active: ${report.commerce.active}`);
  assert(report.commerce.active.includes("flashSale"), "flash sale not in the report");
  assert(report.commerce.promotionCostFen > 0, `promotion cost ${report.commerce.promotionCostFen}`);
  assert(report.commerce.fullReduction.qualifiedOrders > 0, "no order qualified for 满减");
  await backToShop(page);
  // The running promotion shows with its estimate, and can be ended.
  await click(page, "tab.promotion");
  await click(page, "promotion.sub.fullReduction");
  await click(page, "promotion.end.fullReduction");
  p = await pending(page);
  assert(
    p.some((d) => d.type === "endPromotion" && d.promotion === "fullReduction"),
    `end not pending: ${JSON.stringify(p)}`,
  );
  ({ report, game } = await endWeekReport(page));
  assert(game.commerce.fullReduction === null, "满减 still running after ending it");
  assert(!report.commerce.active.includes("fullReduction"), "ended 满减 still active in the report");
  await backToShop(page);

  // ---- service: scripts, stock sync and courier from 客服, one more agent from 团队 ----
  await startInShop(page, "service", "ops-1");
  await click(page, "tab.service");
  await click(page, "service.sub.chat");
  await clicks(page, "service.scripts", "service.shiftHours.plus");
  await click(page, "service.sub.orders");
  await clicks(page, "service.stockSync", "service.logistics.express");
  p = await pending(page);
  const sv = p.find((d) => d.type === "setService");
  assert(
    sv && sv.scripts === true && sv.shiftHours === 9 && sv.stockSync === true && sv.logistics === "express",
    `service not pending: ${JSON.stringify(p)}`,
  );
  await shot(page, "zh-shop-service");
  await click(page, "tab.team");
  await click(page, "team.sub.members");
  const before = await get(page, () => window.__shopsim.getState().game.team.members.service);
  // Keyboard: Tab to the service agents' "+" and press Enter; then two clicks (+, −) net to nothing.
  let focused = null;
  for (let i = 0; i < 120 && focused !== "team.service.plus"; i++) {
    await page.keyboard.press("Tab");
    focused = await get(page, () => window.__shopsim.focused());
  }
  assert(focused === "team.service.plus", `Tab never reached team.service.plus (at ${focused})`);
  await page.keyboard.press("Enter");
  await settle(page);
  await clicks(page, "team.service.plus", "team.service.minus");
  p = await pending(page);
  assert(p.filter((d) => d.type === "hire" && d.role === "service").length === 1, `hires: ${JSON.stringify(p)}`);
  assert((await targets(page))["pending.undo.hire.service"], "hire line missing");
  // The product lever is locked here: the analyst's findings show, the fix button does not.
  await click(page, "team.sub.analyst");
  assert(!(await targets(page))["team.fix.slowReply"], "feedback fix offered with the product lever locked");
  await shot(page, "zh-shop-team");
  ({ report, game } = await endWeekReport(page));
  assert(game.team.members.service === before + 1, `service staff ${game.team.members.service}`);
  assert(report.ops.team.members.service === before + 1, "report's team did not grow");
  const pol = report.ops.service.policy;
  assert(pol.scripts && pol.stockSync && pol.logistics === "express" && pol.shiftHours === 9, JSON.stringify(pol));
  assert(report.ops.orders.provider === "express", "orders not shipped by express");
  assert(errors.length === 0, `console errors: ${errors.join(" | ")}`);
  await ctx.close();
}
