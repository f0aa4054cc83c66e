// Model parameters. Each constant names its source (see docs/MODEL.md) or is marked KNOB:
// a game value chosen where no public figure exists. Changing any of them changes replays:
// bump ENGINE_VERSION.

/** P1.1a: share of home-page visitors lost per category level beyond 3. KNOB. */
export const NAV_LOSS_PER_EXTRA_LEVEL = 0.18;
/** P1.1a: levels a visitor tolerates before losses start (lecture: avoid deep trees). */
export const NAV_FREE_LEVELS = 3;
/** P1.1a: share of home visitors reaching a product without an in-store search. KNOB. */
export const NAV_NO_SEARCH_FACTOR = 0.85;
/** P1.1a: base share of home visitors who click through to a product page. KNOB. */
export const HOME_CLICK_THROUGH = 0.55;

/** P1.1b: home-banner multipliers on click-through to product pages. KNOB. */
export const BANNER_LIFT = { hero: 1.25, promotion: 1.2, brand: 1.0 } as const;

/** P1.1d: bounce of a mobile-first page loading in 1 s (mobile) / desktop. KNOB near Baymard/Google figures. */
export const BOUNCE_BASE_MOBILE = 0.25;
export const BOUNCE_BASE_DESKTOP = 0.2;
/** P1.1d: bounce multipliers by mobile adaptation level 0…3. KNOB. */
export const MOBILE_BOUNCE_MULT = [1.6, 1.3, 1.1, 1.0] as const;
/** P1.1d: page load time (s) by page-speed work level 0…3. KNOB. */
export const LOAD_SECONDS = [4.5, 3.2, 2.4, 1.8] as const;
/** P1.1d: bounce multiplier vs load time — Google/SOASTA 2017: 1→3 s +32%, 1→5 s +90%. */
export function loadBounceMult(seconds: number): number {
  if (seconds <= 1) return 1;
  if (seconds <= 3) return 1 + 0.16 * (seconds - 1);
  return 1.32 + 0.29 * (seconds - 3);
}

/** P1.2c: title rules. Taobao titles hold 60 bytes = 30 Chinese characters. */
export const TITLE_MAX_CHARS = 30;
/** P1.2c: readability lost per core keyword beyond 3 (stuffing). KNOB. */
export const TITLE_STUFFING_PENALTY = 0.12;
export const TITLE_SELLING_POINT_LIFT = 0.08;
export const TITLE_MARKETING_LIFT = 0.04;
/** P1.2c: each marketing word beyond two reads as hype. KNOB. */
export const TITLE_HYPE_PENALTY = 0.08;
/**
 * P1.2c: a core keyword the title lacks still matches broadly: the listing is shown on this share of
 * those searches, and ranks with this relevance. KNOB.
 */
export const BROAD_MATCH_RELEVANCE = 0.12;

/** P1.2d: main-image click multipliers. KNOB (direction from the lecture; size chosen). */
export const IMAGE_CTR = { white: 1.0, scene: 1.12, detail: 1.06, differentiated: 1.25 } as const;

/** Organic search CTR by rank: 0.285 · rank^-1 (Sistrix/Backlinko: #1 28.5%, #10 ≈2.5%). */
export const SEARCH_CTR_TOP = 0.285;
/** Search ranking score exponents (no public source for Taobao weights). KNOB. */
export const RANK_W = { ctr: 0.3, cvr: 0.35, sales: 0.5, dsr: 4, reviews: 0.3 } as const;
/** New-item boost (新品扶持) on ranking score during the first two weeks. KNOB. */
export const NEW_ITEM_BOOST = 1.5;
export const NEW_ITEM_DAYS = 14;
/** Lognormal spread of competitor listing scores. KNOB. */
export const COMPETITOR_SPREAD = 0.7;

/** Funnel base rates. Calibrated so sensible play lands near 2% overall conversion (Wolfgang Digital 2016). */
export const ADD_TO_CART_BASE = 0.08; // per engaged visitor; add-to-cart per session ≈ 8% (Salesforce)
export const CART_TO_ORDER = 0.33; // cart abandonment ≈ 70% (Baymard)
export const ORDER_TO_PAY = 0.93; // KNOB: no public figure for order → payment
export const ADD_TO_CART_CAP = 0.8;
/** Upper bound of the price multiplier (a ¥99 item at ¥59 does not sell 6× per visitor). KNOB. */
export const PRICE_FACTOR_CAP = 4;
/** Share of past buyers who come back to the shop's home page on a given day. KNOB. */
export const RETURNING_BUYER_DAILY = 0.02;

/** Source intent multipliers on add-to-cart: direct 3% vs organic 2.4% vs paid social 1.1% (practitioner compilations). */
export const SOURCE_INTENT = {
  search: 1.0,
  home: 1.25,
  ads: 0.6,
  paidSearch: 0.75, // paid search 1.8% vs organic 2.4%
  kol: 0.6, // KNOB: social referrals convert like paid social
  content: 0.6, // KNOB
  community: 1.1, // KNOB: engaged fans, between organic and direct
  private: 1.9, // email/owned channels 4.5% vs organic 2.4%
} as const;
/** P2.1a: untargeted (broad) feed audiences are less in-market. KNOB. */
export const BROAD_AD_INTENT = 0.6;

/** P1.1c: detail-page structure. Penalties for a missing core block (KNOB sizes). */
export const CORE_SECTIONS = ["painPoint", "solution", "trust", "purchaseGuide"] as const;
export const MISSING_PENALTY = { painPoint: 0.08, solution: 0.12, purchaseGuide: 0.06 } as const;
/** Missing trust hurts more with cautious segments: penalty = base + perTrustNeed · trustNeed. */
export const MISSING_TRUST_BASE = 0.08;
export const MISSING_TRUST_PER_NEED = 0.3;
export const SCRAMBLED_PENALTY = 0.1;
/** P1.2e: content blocks' lifts. KNOB sizes. */
export const CONTENT_LIFT = { video: 0.08, comparison: 0.05, reviews: 0.06, specs: 0.02 } as const;

/** P1.2f: reference-price memory per week R_t = αR + (1−α)P (Kalyanaram & Winer 1995). */
export const REF_PRICE_MEMORY = 0.7;
/** Losses weigh about twice gains (Kalyanaram & Winer 1995). */
export const REF_GAIN = 1.0;
export const REF_LOSS = 2.0;
/** P1.2f: charm (…9) lift at full price sensitivity; +3% average (Anderson & Simester 2003). */
export const CHARM_LIFT = 0.06;
/** P1.2f: round prices signal quality for quality-seekers on items ≥ ¥100. KNOB. */
export const ROUND_LIFT = 0.04;
export const ROUND_MIN_PRICE_FEN = 10_000;

/** Reviews: 0 → 5 reviews ≈ +270% purchase likelihood (Spiegel Research Center). */
export const REVIEW_FLOOR = 0.27;
export const REVIEW_SCALE = 2.5;
/** Share of delivered orders that leave a review. KNOB (no public figure). */
export const REVIEW_RATE = 0.3;
/** Rating effect: +1 star ≈ +7% (Luca, HBS: 5–9%); peaks at 4.5 then falls (Spiegel/PowerReviews). */
export const RATING_PEAK = 4.5;
export const RATING_SLOPE_BELOW = 0.07;
export const RATING_SLOPE_ABOVE = 0.1;
/** Days from sale to review / to return. KNOB. */
export const REVIEW_DELAY_DAYS = 4;
export const RETURN_DELAY_DAYS = 7;
/** DSR description score moves toward each review batch's mean with this weight. KNOB. */
export const DSR_EMA = 0.15;

/** Info-flow ads. Base CTR between display (0.46%, WordStream) and feed (3.8%, ESMM paper). KNOB. */
export const AD_CTR_BASE = 0.02;
/** P2.1a: targeting the right segment lifts ad CTR. KNOB. */
export const AD_TARGETED_CTR_LIFT = 1.35;

/** Inventory holding cost 25%/year ≈ 0.5%/week of unit cost (supply-chain references). */
export const HOLDING_RATE_PER_WEEK = 0.005;

/** Designer hours each lever change takes (PX.c). KNOB. */
export const HOURS = {
  title: 1,
  image: 6,
  detailPerAddedSection: 2,
  detailReorder: 1,
  mobilePerLevel: 12,
  speedPerLevel: 10,
  depth: 3,
  banner: 4,
} as const;

/** Daily noise on market demand (sd of a normal multiplier). KNOB. */
export const DAILY_DEMAND_SD = 0.08;

/** Smoothing of the ranking's conversion index (weekly). KNOB. */
export const CVR_INDEX_EMA = 0.4;
/** Category conversion the ranking compares against. */
export const CATEGORY_CVR = 0.02;
