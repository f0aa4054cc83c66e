// Store layout and page technique: how many home-page visitors reach a product (P1.1a, P1.1b)
// and how many visitors bounce on landing (P1.1d).
import { clamp } from "../detmath";
import {
  BANNER_LIFT,
  BOUNCE_BASE_DESKTOP,
  BOUNCE_BASE_MOBILE,
  HOME_CLICK_THROUGH,
  LOAD_SECONDS,
  loadBounceMult,
  MOBILE_BOUNCE_MULT,
  NAV_FREE_LEVELS,
  NAV_LOSS_PER_EXTRA_LEVEL,
  NAV_NO_SEARCH_FACTOR,
} from "../model";
import type { StoreSettings } from "../types";

/** P1.1a: share of home visitors who find their way to a product page. */
export function navigationReach(store: StoreSettings): number {
  const extraLevels = Math.max(0, store.categoryDepth - NAV_FREE_LEVELS);
  let reach = HOME_CLICK_THROUGH;
  for (let i = 0; i < extraLevels; i++) reach *= 1 - NAV_LOSS_PER_EXTRA_LEVEL;
  if (!store.inStoreSearch) reach *= NAV_NO_SEARCH_FACTOR;
  return reach;
}

/** P1.1b: the banner's lift on home → product click-through. A promotion banner needs a promotion to show. */
export function bannerLift(store: StoreSettings, promotionRunning: boolean): number {
  if (store.banner === "promotion" && !promotionRunning) return 1.05;
  return BANNER_LIFT[store.banner];
}

export function loadSeconds(store: StoreSettings): number {
  return LOAD_SECONDS[clamp(store.speedLevel, 0, 3)] ?? LOAD_SECONDS[0];
}

/** P1.1d: probability a landing visitor leaves at once, by device. */
export function bounceRates(store: StoreSettings): { mobile: number; desktop: number } {
  const speed = loadBounceMult(loadSeconds(store));
  const mobileMult = MOBILE_BOUNCE_MULT[clamp(store.mobileLevel, 0, 3)] ?? MOBILE_BOUNCE_MULT[0];
  return {
    mobile: clamp(BOUNCE_BASE_MOBILE * mobileMult * speed, 0, 0.95),
    desktop: clamp(BOUNCE_BASE_DESKTOP * speed, 0, 0.95),
  };
}
