// Browser case for a phone held in landscape (issue 5: "readable … on a phone in landscape"):
// at 844×390 with touch the canvas keeps a readable scale (src/ui/viewport.ts) and the page
// scrolls; every text on the screens a trainee walks through is at least MIN_PX CSS pixels; a tap
// presses a button exactly once (no second press from the browser's emulated mouse events); a
// finger drag that starts on a button neither presses it nor is blocked (the browser may scroll);
// a whole week is played by taps, reaching off-screen buttons by scrolling. A desktop-sized
// window still fits without scrolling.
import { join } from "node:path";
import { openGame, reach, settle, tap, waitScene } from "./helpers.mjs";

const SHOTS = "test-results/screenshots";
const PHONE = { width: 844, height: 390 };
/** FS.tiny (12 design px) is 10.1 px at the readable floor 0.84; a label fitted down to 11 is 9.2 px. */
const MIN_PX = 9;

function assert(cond, msg) {
  if (!cond) throw new Error(msg);
}

export async function phoneCase({ browser, url }) {
  const ctx = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const { page, errors } = await openGame(ctx, url);
  const readable = async (where) => {
    const small = await page.evaluate((px) => window.__shopsim.smallTexts(px), MIN_PX);
    assert(small.length === 0, `${where}: text under ${MIN_PX} CSS px: ${small.slice(0, 8).join(" | ")}`);
  };
  const box = await page.evaluate(() => window.__shopsim.canvasBox());
  assert(
    box.w >= 0.84 * 1280 - 2 && box.x === 0 && box.y === 0,
    `canvas ${JSON.stringify(box)} not at the readable scale`,
  );
  const area = await page.evaluate(() => {
    const g = document.getElementById("game");
    return [g.scrollWidth, g.scrollHeight, document.documentElement.scrollWidth, window.innerWidth];
  });
  assert(area[0] >= box.w && area[1] >= box.h, `game box ${area} does not scroll over the canvas ${box.w}×${box.h}`);
  // The document itself must not overflow: mobile browsers would zoom it out to fit.
  assert(area[2] <= area[3], `document ${area[2]} px wide in a ${area[3]} px window`);

  await readable("menu");
  await tap(page, "menu.campaign");
  await waitScene(page, "Campaign");
  await readable("campaign");
  await tap(page, "campaign.play.launch");
  await waitScene(page, "Briefing");
  await readable("briefing");
  const startAt = await reach(page, "briefing.start");
  const scrolled = await page.evaluate(() => document.getElementById("game").scrollTop);
  await page.touchscreen.tap(startAt.x, startAt.y);
  await waitScene(page, "Shop");
  // The button sat below the first screenful; the next screen opens at its top-left corner again.
  const at = await page.evaluate(() => [
    document.getElementById("game").scrollLeft,
    document.getElementById("game").scrollTop,
  ]);
  assert(scrolled > 0 && at[0] === 0 && at[1] === 0, `shop opened scrolled to ${at} (briefing was at ${scrolled})`);
  await readable("shop");

  // One tap, one press: the category depth goes from 4 to 3, not to 2.
  const depth = () =>
    page.evaluate(() => window.__shopsim.getState().pending.find((d) => d.type === "setStore")?.categoryDepth ?? null);
  await tap(page, "store.depth.minus");
  assert((await depth()) === 3, `one tap on 类目层级 − gave depth ${await depth()}, expected 3`);

  // A drag from that button: nothing pressed, and no touch event cancelled (the browser may scroll).
  await page.evaluate(() => {
    window.__cancelledTouches = 0;
    for (const type of ["touchstart", "touchmove"])
      window.addEventListener(type, (e) => {
        if (e.defaultPrevented) window.__cancelledTouches++;
      });
  });
  const t = await reach(page, "store.depth.minus");
  const cdp = await ctx.newCDPSession(page);
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: [{ x: t.x, y: t.y, id: 1 }] });
  for (let i = 1; i <= 8; i++)
    await cdp.send("Input.dispatchTouchEvent", {
      type: "touchMove",
      touchPoints: [{ x: t.x - i * 15, y: t.y - i * 10, id: 1 }],
    });
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await settle(page);
  assert((await depth()) === 3, `a drag starting on 类目层级 − pressed it (depth ${await depth()})`);
  const cancelled = await page.evaluate(() => window.__cancelledTouches);
  assert(cancelled === 0, `${cancelled} touch events cancelled: the page could not scroll under a finger`);

  for (const tab of ["pricing", "inventory", "marketing"]) {
    await tap(page, `tab.${tab}`);
    await readable(`shop › ${tab}`);
  }
  await page.waitForTimeout(600);
  assert((await page.evaluate(() => window.__shopsim.shoppers())) > 0, "no shoppers walking");
  await page.evaluate(() => document.getElementById("game").scrollTo(0, 0));
  await settle(page);
  await page.screenshot({ path: join(SHOTS, "zh-shop-phone.png") });

  // End week sits at the bottom right, off the first screen: reached by scrolling, then tapped.
  await tap(page, "shop.endWeek");
  await waitScene(page, "WeekReport");
  await readable("week report");
  const week = await page.evaluate(() => window.__shopsim.getState().game.week);
  assert(week === 1, `after one week the game is at week ${week}`);
  await tap(page, "report.continue");
  await waitScene(page, "Shop");
  assert(errors.length === 0, `console errors: ${errors.join("; ")}`);
  await ctx.close();

  // A window the size of the design still shows everything without scrolling.
  const desk = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const d = await openGame(desk, url);
  const fits = await d.page.evaluate(() => {
    const g = document.getElementById("game");
    return [g.scrollWidth <= g.clientWidth, g.scrollHeight <= g.clientHeight];
  });
  assert(fits[0] && fits[1], `1280×720 window scrolls: ${fits}`);
  await desk.close();
}
