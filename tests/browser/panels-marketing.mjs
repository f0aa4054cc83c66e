// Browser case for issue #5 item 1: the 营销 (KOL roster, own content, community, paid search), 私域
// and 商品 › 生命周期 panels change the game. Starts kol, community, sandbox and assortment through the
// test hook, books KOLs from their cards, sets content, a community activity, a search campaign, the
// private domain and a clearance and a launch by clicking widget ids, ends the week, and checks the
// engine's state and report. Screenshots in zh-CN go to test-results/screenshots/.
import { join } from "node:path";
import { click, clicks, endWeekReport, openGame, startInShop, waitScene } from "./helpers.mjs";

const SHOTS = "test-results/screenshots";

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

const get = (page, fn, arg) => page.evaluate(fn, arg);
const pending = (page) => get(page, () => window.__shopsim.getState().pending);
const shot = (page, name) => page.screenshot({ path: join(SHOTS, `${name}.png`) });

async function times(page, id, n) {
  for (let i = 0; i < n; i++) await click(page, id);
}

export async function panelsMarketing({ newContext, url }) {
  const ctx = await newContext();
  const { page, errors } = await openGame(ctx, url);

  // ---- kol: book two KOLs from their cards (one booked, undone, booked again), plan Xiaohongshu posts ----
  await startInShop(page, "kol", "mkt-1");
  await click(page, "tab.marketing"); // opens on the KOL roster in this scenario
  await clicks(page, "marketing.kol.hire.koc-amy", "marketing.kol.hire.dorm-goods", "marketing.kol.hire.koc-amy");
  let p = await pending(page);
  assert(p.length === 1 && p[0].type === "hireKol" && p[0].kol === "dorm-goods", `undo one KOL: ${JSON.stringify(p)}`);
  await click(page, "marketing.kol.hire.koc-amy");
  p = await pending(page);
  assert(p.filter((d) => d.type === "hireKol").length === 2, `two KOLs booked: ${JSON.stringify(p)}`);
  await shot(page, "panel-marketing-kol");
  await click(page, "marketing.sub.content");
  await times(page, "marketing.content.xiaohongshu.posts.plus", 2);
  await click(page, "marketing.content.xiaohongshu.series.series");
  p = await pending(page);
  const content = p.find((d) => d.type === "setContent" && d.platform === "xiaohongshu");
  assert(content?.postsPerWeek === 2 && content.series === true, `content plan: ${JSON.stringify(content)}`);
  await shot(page, "panel-marketing-content");
  let { report, game } = await endWeekReport(page);
  const kols = report.marketing?.kols ?? [];
  assert(
    kols.length === 2 && kols.some((k) => k.kol === "koc-amy") && kols.some((k) => k.kol === "dorm-goods"),
    `both KOLs posted: ${JSON.stringify(kols.map((k) => k.kol))}`,
  );
  assert((report.ledger.kol ?? 0) === -(20_000 + 120_000), `KOL fees booked: ${report.ledger.kol}`);
  const xhs = report.marketing.content.find((c) => c.platform === "xiaohongshu");
  assert(xhs?.posts === 2 && xhs.series === true, `content ran: ${JSON.stringify(xhs)}`);
  assert(game.marketing.content.xiaohongshu.postsPerWeek === 2, "content plan kept in the state");
  await click(page, "report.continue");
  await waitScene(page, "Shop");
  await shot(page, "panel-marketing-kol-week2");

  // ---- community: an activity a week ----
  await startInShop(page, "community", "mkt-2");
  await clicks(page, "tab.marketing", "marketing.sub.community", "marketing.community.topics");
  p = await pending(page);
  assert(
    p.some((d) => d.type === "setCommunity" && d.activity === "topics"),
    `community: ${JSON.stringify(p)}`,
  );
  await shot(page, "panel-marketing-community");
  ({ report, game } = await endWeekReport(page));
  assert(report.marketing?.community?.activity === "topics", "community report shows the activity");
  assert(game.marketing.community.activity === "topics", "community activity in the state");
  assert(game.marketing.community.engagement > 0, "engagement rose");

  // ---- sandbox: private domain and paid search ----
  await startInShop(page, "sandbox", "mkt-3");
  await click(page, "tab.private");
  await click(page, "private.card");
  await times(page, "private.coupon.plus", 2);
  await times(page, "private.pushes.plus", 2);
  await click(page, "private.offer.plus");
  p = await pending(page);
  const pd = p.find((d) => d.type === "setPrivateDomain");
  assert(
    pd?.insertCard === true && pd.inviteCouponFen === 1000 && pd.pushesPerWeek === 2 && pd.memberOfferPct === 5,
    `private domain: ${JSON.stringify(pd)}`,
  );
  await shot(page, "panel-private");
  await clicks(page, "tab.marketing", "marketing.sub.search", "marketing.search.budget.plus");
  await times(page, "marketing.search.bid.juicer-cup.plus", 20);
  p = await pending(page);
  const sa = p.find((d) => d.type === "setSearchAds");
  assert(
    sa?.dailyBudgetFen === 5000 && sa.bids.length === 1 && sa.bids[0].bidFen === 220,
    `search campaign: ${JSON.stringify(sa)}`,
  );
  await shot(page, "panel-marketing-search");
  ({ report, game } = await endWeekReport(page));
  const s = game.customers.settings;
  assert(
    s.insertCard && s.inviteCouponFen === 1000 && s.pushesPerWeek === 2 && s.memberOfferPct === 5,
    `private settings applied: ${JSON.stringify(s)}`,
  );
  assert(report.customers && report.customers.pushes > 0, `pushes sent: ${JSON.stringify(report.customers)}`);
  assert(report.customers.joined > 0, `buyers joined with the card: ${report.customers.joined}`);
  assert(game.marketing.search.bids[0]?.bidFen === 220, "search bids applied");
  assert(report.marketing?.search?.budgetFen === 5000, "search ran with its budget");
  await click(page, "report.continue");
  await waitScene(page, "Shop");
  await click(page, "tab.private");
  await shot(page, "panel-private-week2");

  // ---- assortment: clearance of the pastel cup, launch of the Air ----
  await startInShop(page, "assortment", "mkt-4");
  await clicks(page, "tab.product", "product.sku.cup300-color", "product.tab.lifecycle", "product.lifecycle.clearance");
  p = await pending(page);
  const cl = p.find((d) => d.type === "clearance");
  assert(cl?.sku === "cup300-color" && cl.priceFen > 0, `clearance: ${JSON.stringify(cl)}`);
  await click(page, "product.lifecycle.clearancePrice.minus");
  p = await pending(page);
  const price = p.find((d) => d.type === "clearance")?.priceFen;
  assert(price === cl.priceFen - 100, `clearance price stepped down ¥1: ${price}`);
  await shot(page, "panel-product-lifecycle");
  await clicks(page, "product.sku.cup-air", "product.lifecycle.launch");
  p = await pending(page);
  assert(
    p.some((d) => d.type === "launch" && d.sku === "cup-air"),
    `launch: ${JSON.stringify(p)}`,
  );
  ({ report, game } = await endWeekReport(page));
  const lc = game.lifecycle.skus["cup300-color"];
  const sku = game.skus.find((k) => k.id === "cup300-color");
  assert(lc.clearancePriceFen === price && sku.priceFen === price, `clearance applied: ${JSON.stringify(lc)}`);
  assert(report.lifecycle?.skus.find((k) => k.sku === "cup300-color")?.clearing === true, "report: clearing");
  assert(game.lifecycle.skus["cup-air"].listed === true, "cup-air launched");

  assert(errors.length === 0, `console errors: ${errors.join(" | ")}`);
  await ctx.close();
}
