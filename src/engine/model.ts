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
/**
 * 收藏 (favourites): engaged visitors who do not add to cart save the item at this multiple of the
 * cart probability, so 收藏加购率 = (favourites + carts) ÷ UV ≈ 1.4 × the add-to-cart rate: ≈ 10% for
 * sensible play (calibration.md: 收藏加购率 healthy 10%, band 8–12%, practitioner C). Report-only: the
 * visits favourites bring back are inside the home source's returning visitors. KNOB.
 */
export const FAVOURITE_PER_CART = 0.4;
/** Upper bound of the price multiplier (a ¥99 item at ¥59 does not sell 6× per visitor). KNOB. */
export const PRICE_FACTOR_CAP = 4;
/**
 * Lower bound of the price multiplier. A price far above the market (×10 and more) drives the factor
 * towards 0, and below ~1e-308 a double underflows, so the ratio of two factors (a group or flash price
 * against the list price) became ∞ or ∞/∞ = NaN (issue #10: a ¥35,000 list price with any 拼团 threw).
 * With the factor in [floor, cap] every such ratio is at most cap/floor. At the floor a SKU sells
 * about one unit per 10^10 visitors: nothing, as before. Numerical, not behavioural. KNOB.
 */
export const PRICE_FACTOR_FLOOR = 1e-12;
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
/**
 * P1.2f: the "was" price a gain is measured from is the lowest list price at which units were actually
 * sold over the last REF_WINDOW_WEEKS weeks (≈ 30 days): the EU Omnibus Directive 2019/2161 (art. 6a: the
 * prior price is the lowest applied in the 30 days before a reduction), China's 《明码标价和禁止价格欺诈规定》
 * (SAMR 2022, art. 19: the 原价 is the lowest transacted price of the 7 days before) and the platforms'
 * 划线价 rules. A price nobody paid never becomes a reference: buyers' memory moves only in weeks with sales.
 */
export const REF_WINDOW_WEEKS = 4;
/**
 * P1.2f: a list price this far above (or below) the market price is flagged as abnormal (价格异常: Taobao's
 * 滥发信息 rules against 价格严重偏离 and 低价引流) and the listing gets no search exposure that day. KNOB.
 */
export const ABNORMAL_PRICE_HIGH = 3;
export const ABNORMAL_PRICE_LOW = 0.25;
/** P1.2f: after the price is corrected the listing stays out of search this many days (the platform's penalty period). KNOB. */
export const ABNORMAL_FLAG_DAYS = 14;
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

/** Inventory holding cost 25%/year ≈ 0.5%/week of unit cost (supply-chain references): capital tied up, shrink. */
export const HOLDING_RATE_PER_WEEK = 0.005;
/**
 * Warehouse storage fee per unit and week (fen), charged daily on the stock on hand: third-party 云仓 and
 * platform warehouses bill small parcels by the unit-day (≈ ¥0.5–1.5 per unit-month for a shoebox-sized
 * item, with surcharges for aged stock). KNOB inside that range: ¥0.25 a unit-week.
 */
export const STORAGE_FEN_PER_UNIT_WEEK = 25;
/**
 * Stock left when the game ends (on hand and still on its way) counts at what a stock liquidator (尾货商)
 * pays, not at cost: 30–50% of cost for saleable goods (liquidation practice, C); dead stock (declining or
 * delisted) at DEAD_STOCK_SALVAGE. KNOB in that band.
 */
export const LIQUIDATION_SALVAGE = 0.4;
/**
 * Where inventory is not a lever, the supply team orders up to lead time + a week of the last week's sales
 * times this safety factor (periodic review; a simple service-level rule of thumb). KNOB.
 */
export const AUTO_SAFETY = 1.3;

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

// ---------- Domain B: operations, service, reputation, team (docs/MODEL.md "Operations") ----------

/** PX.c: team roles, weekly hours per person and default weekly salaries (fen). KNOB (¥5–10k/month). */
export const TEAM_ROLES = ["designer", "content", "service", "operations", "analyst"] as const;
export const TEAM_HOURS_PER_WEEK = 40;
export const TEAM_SALARY_FEN = {
  designer: 150_000,
  content: 160_000,
  service: 120_000,
  operations: 150_000,
  analyst: 230_000,
} as const;
/**
 * PX.c: payroll is by the week: anyone employed at any time in a week is paid that whole week, and letting
 * someone go costs notice pay (代通知金: one month's wage in lieu of notice, Labour Contract Law art. 40),
 * scaled to the game's weeks as this many weeks of salary. KNOB.
 */
export const NOTICE_PAY_WEEKS = 1;
/** PX.c: most people of one role a shop can employ. KNOB. */
export const TEAM_MAX_PER_ROLE = 8;

/** P1.3b: share of engaged visitors who ask customer service before buying (咨询率). KNOB. */
export const PRESALE_INQUIRY_SHARE = 0.08;
/** P1.3b: after-sale inquiries per shipped order ("where is my parcel", usage). KNOB. */
export const AFTERSALE_INQUIRY_SHARE = 0.3;
/** P1.3b: hours of the day inquiries arrive over (08:00–24:00). */
export const INQUIRY_DAY_HOURS = 16;
/** P1.3b: minutes of staff time per inquiry; scripts (快捷话术) save 20%; each personalisation level adds. KNOB. */
export const MINUTES_PER_INQUIRY = 3;
export const SCRIPT_TIME_FACTOR = 0.8;
export const PERSONAL_MINUTES_PER_LEVEL = 1;
/**
 * P1.3b: first-reply time (s) vs staff utilisation ρ, a queueing form T = T0 + T1·ρ/(1−ρ):
 * ≈ 30 s near ρ = 0.5 (Taobao first reply ≈ 30 s, 5–35 s; top shops < 10 s at low load — practitioner, C).
 */
export const REPLY_BASE_S = 8;
export const REPLY_QUEUE_S = 20;
export const REPLY_RHO_CAP = 0.95;
/** P1.3b: live chat answered fast lifts purchase probability +16% (Tan, Wang & Tan 2019, ISR, Alibaba data, A). */
export const CHAT_LIFT = 0.16;
/** P1.3b: the lift fades with reply time: full up to 10 s, halves every 40 s beyond. KNOB (no public curve). */
export const CHAT_FAST_S = 10;
export const CHAT_HALF_LIFE_S = 40;
/** P1.3b: a pre-sale question nobody answers is worse than no chat at all. KNOB. */
export const UNANSWERED_LOSS = 0.06;
/** P1.3b: share of buyers who talked to service (pre- or after-sale). KNOB. */
export const BUYER_ASK_SHARE = 0.4;
/** P1.3b: answered askers with a bad experience (inconsistent answers) without / with standard scripts. KNOB. */
export const BAD_ANSWER_SHARE = { noScripts: 0.15, scripts: 0.03 } as const;
/** P1.3b: answered askers delighted by personal touches, by personalisation level 0–2. KNOB. */
export const DELIGHT_SHARE = [0.03, 0.2, 0.35] as const;
/** P1.3b: loyalty multiplier on repurchase per personalisation level × good-service share (for domain D). KNOB. */
export const LOYALTY_PER_LEVEL = 0.1;

/** P1.3a: logistics providers: cost × courier fee, delivery days, delay probability. KNOB (SF vs 通达 vs 邮政-like). */
export const LOGISTICS = {
  express: { costMult: 1.8, days: 1.5, delay: 0.03, rating: 4.95 },
  standard: { costMult: 1.0, days: 3, delay: 0.08, rating: 4.8 },
  economy: { costMult: 0.7, days: 5, delay: 0.16, rating: 4.5 },
} as const;
/** P1.3a: share of orders with a wrong/incomplete address; verification catches 80% of them. KNOB (C: 1–3%). */
export const ADDRESS_ERROR_RATE = 0.02;
export const ADDRESS_CHECK_CATCH = 0.8;
/** P1.3a: back-office minutes per order checked / per return request handled fast. KNOB. */
export const ADDRESS_CHECK_MIN = 0.5;
export const REFUND_FAST_MIN = 5;
/** P1.3a: a mis-addressed parcel is shipped twice (return + reship ≈ 2 courier fees). KNOB. */
export const RESHIP_FEE_MULT = 2;
/** P1.3a: compensation for an oversold (cancelled) order: 30% of the price (Taobao out-of-stock rule, C). */
export const OVERSELL_COMPENSATION = 0.3;
/** P1.3a: refund approval speed: refund delay (days), return-request approval multiplier, dispute share. KNOB. */
export const REFUND_SPEED = {
  fast: { days: 3, approve: 1.1, dispute: 0 },
  normal: { days: 7, approve: 1.0, dispute: 0.05 },
  slow: { days: 12, approve: 0.92, dispute: 0.25 },
} as const;
/** P1.3a: a delay notice sent before the buyer asks halves the complaints and the rating hit. KNOB. */
export const DELAY_NOTICE_FACTOR = 0.4;
/** P1.3c: product-caused issues per order: quality (10% per star below 5), not as described (3%, −50% with specs). KNOB. */
export const QUALITY_ISSUE_PER_STAR = 0.1;
export const NOT_DESCRIBED_RATE = 0.03;
export const SPECS_DESCRIBED_FACTOR = 0.5;
/** P1.3c: review topics and the share of affected orders that write a complaint review (or praise). KNOB. */
export const TOPIC_REVIEW_RATE = {
  slowReply: 0.15,
  lateDelivery: 0.35,
  wrongAddress: 0.5,
  oversold: 0.6,
  refund: 0.6,
  quality: 0.5,
  notAsDescribed: 0.5,
  greatService: 0.3,
} as const;
/** P1.3c: mean stars of a topic review (sd 0.6, clamped 1–5). KNOB. */
export const TOPIC_STARS = {
  slowReply: 2.8,
  lateDelivery: 2.6,
  wrongAddress: 2,
  oversold: 1.4,
  refund: 1.8,
  quality: 1.8,
  notAsDescribed: 2,
  greatService: 5,
} as const;
/** P1.3c: days from the sale to a topic review. KNOB. */
export const TOPIC_REVIEW_DELAY = 4;
/** P1.3c: DSR 服务态度 and 物流服务 move this far toward the week's rating each week (rolling mean). KNOB. */
export const DSR_WEEK_EMA = 0.3;
/** P1.3c: the week's service rating: base minus unanswered, slow, bad answers, disputes, oversold; plus delight. KNOB. */
export const SERVICE_RATING = {
  base: 4.85,
  unanswered: 0.6,
  slow: 0.6,
  badAnswer: 3,
  dispute: 8,
  oversold: 5,
  delight: 0.5,
} as const;
/** P1.3c: the week's logistics rating: provider rating minus delays and address errors (per share of orders). KNOB. */
export const LOGISTICS_RATING = { delay: 2.5, wrongAddress: 3 } as const;
/** P1.3c / PX.a: feedback actions (need a data analyst): the topic's incidence × factor from 7 days later. KNOB. */
export const FEEDBACK_FIX = {
  slowReply: { factor: 0.5, costFen: 200_000, analystHours: 8 },
  lateDelivery: { factor: 0.5, costFen: 300_000, analystHours: 8 },
  wrongAddress: { factor: 0.4, costFen: 100_000, analystHours: 6 },
  oversold: { factor: 0.3, costFen: 150_000, analystHours: 6 },
  refund: { factor: 0.4, costFen: 100_000, analystHours: 6 },
  quality: { factor: 0.5, costFen: 400_000, analystHours: 12 },
  notAsDescribed: { factor: 0.4, costFen: 150_000, analystHours: 10 },
} as const;
export const FEEDBACK_DELAY_DAYS = 7;
/** Cash policy "loan": borrowed in steps of ¥10,000 when cash < 0; 1%/week interest (costly); repaid above ¥30,000. KNOB. */
export const LOAN_STEP_FEN = 1_000_000;
export const LOAN_INTEREST_WEEKLY = 0.01;
export const LOAN_REPAY_BUFFER_FEN = 3_000_000;

// ---------- Marketing channels (P2.1a–c, P2.2a–c, PX.b; src/engine/systems/marketing.ts) ----------
/** P2.1a: weekly carryover (adstock decay λ) of paid channels: search 0.2, feed/social 0.4 (MMM practice, C). */
export const ADSTOCK = { search: 0.2, feed: 0.4, social: 0.4 } as const;
/** P2.1a: Hill shape s of the feed-ads response 1/(1 + (A/EC50)^−s); LightweightMMM's slope prior has mean 1. KNOB. */
export const FEED_HILL_SHAPE = 1;
/**
 * P2.1a: targeted feed CTR before saturation, differentiated creative, learned campaign. Set so the observed CTR of
 * a moderate targeted campaign lands at 3.6–4.0% (Taobao feed CTR 3.8%, ESMM paper arXiv 1804.07931, A). KNOB.
 */
export const FEED_CTR_MAX = 0.0445;
/** P2.1a: conversions a campaign needs to leave the learning phase (Meta: ≈50 optimisation events; practitioner, C). */
export const FEED_LEARN_CONVERSIONS = 50;
/** P2.1a: CTR and CPM multipliers of a fresh campaign (a learned one = 1). KNOB. */
export const FEED_LEARN_CTR_START = 0.7;
export const FEED_LEARN_CPM_START = 1.3;
/** P2.1a: a budget change beyond ×1.5 (or ÷1.5) is a "significant edit" and keeps only half the learning. KNOB. */
export const FEED_BUDGET_EDIT_FACTOR = 1.5;
export const FEED_EDIT_KEEP = 0.5;
/** P2.1a: search-ad CTR by position 1…5; WordStream search ads average 3.2%, range 2–9% (B). Shape KNOB. */
export const SEARCH_AD_CTR = [0.055, 0.038, 0.028, 0.022, 0.017] as const;
/** P2.1a: quality-score relevance of a keyword the title lacks (title keyword = 1). KNOB. */
export const SEARCH_AD_OFFTITLE_RELEVANCE = 0.3;
/** P2.1a: quality-score exponents of the click and conversion indices. KNOB. */
export const SEARCH_QS_W = { ctr: 0.5, cvr: 0.5 } as const;
/** P2.1a: day-to-day spread (lognormal sd) of competitors' quality in the auction. KNOB. */
export const SEARCH_COMPETITOR_QS_SD = 0.25;
/** P2.1b: share of followers a KOL post reaches (views), by platform. KNOB. */
export const KOL_REACH_RATE = { douyin: 0.25, xiaohongshu: 0.2, weibo: 0.08, wechat: 0.3 } as const;
/** P2.1b, P2.2b: shop visits per real interaction (like, comment, save), by platform. KNOB. */
export const VISITS_PER_INTERACTION = { douyin: 0.22, xiaohongshu: 0.4, weibo: 0.2, wechat: 0.5 } as const;
/** P2.1b: KOL impulse damping min(1, (¥100/price)^1.9): KOL sales ROI ≤ 1× for items > ¥200 (case compilations, B/C). */
export const KOL_PRICE_PIVOT_FEN = 10_000;
export const KOL_PRICE_EXP = 1.9;
/** P2.1b: engagement benchmarks nano 6%, micro 4%, mega 1.2%; Douyin micro ≈18%, mega ≈5% (influencer reports, B/C). */
export const ENGAGEMENT_BENCHMARK = {
  other: { nano: 0.06, micro: 0.04, macro: 0.024, mega: 0.012 },
  douyin: { nano: 0.2, micro: 0.18, macro: 0.1, mega: 0.05 },
} as const;
/** P2.1b: share of a post's first-week visits falling on each later day (day d ∝ 0.6^d). KNOB. */
export const POST_DAY_DECAY = 0.6;
/** P2.2a–b: content hours and production cost (fen) per post by format. KNOB. */
export const CONTENT_HOURS = { article: 3, video: 6, live: 4 } as const;
export const CONTENT_COST_FEN = { article: 5_000, video: 15_000, live: 20_000 } as const;
/** P2.2b: format fit per platform: video on Douyin, notes on Xiaohongshu, articles on WeChat. KNOB sizes. */
export const FORMAT_FIT = {
  douyin: { article: 0.35, video: 1, live: 0.9 },
  xiaohongshu: { article: 1, video: 0.8, live: 0.5 },
  weibo: { article: 0.8, video: 0.8, live: 0.6 },
  wechat: { article: 1, video: 0.6, live: 0.5 },
} as const;
/** P2.2b: share of followers who read a post, and reads from the platform's recommendation at fit 1. KNOB. */
export const CONTENT_REACH_RATE = { douyin: 0.15, xiaohongshu: 0.2, weibo: 0.1, wechat: 0.35 } as const;
export const CONTENT_DISCOVERY = { douyin: 3000, xiaohongshu: 2400, weibo: 500, wechat: 150 } as const;
/** P2.2b: interactions per read by format at fit 1. KNOB. */
export const CONTENT_INTERACTION = { article: 0.05, video: 0.06, live: 0.08 } as const;
/** P2.2a: series quality 1 + 0.6·(1 − 0.75^weeks); a one-off post 0.85. KNOB. */
export const SERIES_GAIN = 0.6;
export const SERIES_RAMP = 0.75;
export const SERIES_ONE_OFF = 0.85;
/** P2.2a: new followers per real interaction (series ×1.5); weekly follower churn, higher without posts. KNOB. */
export const FOLLOW_PER_INTERACTION = 0.1;
export const SERIES_FOLLOW_MULT = 1.5;
export const FOLLOWER_CHURN = { posting: 0.005, idle: 0.02 } as const;
/** P2.1c, P2.2c: community activities: target engagement, join rate of the week's buyers, hours and cash per week. KNOB. */
export const COMMUNITY = {
  none: { engagement: 0, join: 0, hours: 0, costFen: 0 },
  topics: { engagement: 0.12, join: 0.06, hours: 2, costFen: 0 },
  stories: { engagement: 0.18, join: 0.08, hours: 4, costFen: 5_000 },
  events: { engagement: 0.28, join: 0.1, hours: 8, costFen: 40_000 },
} as const;
/** P2.1c: engagement moves this far toward the activity's level each week; member churn per week. KNOB. */
export const COMMUNITY_ENGAGEMENT_EMA = 0.5;
export const COMMUNITY_CHURN = 0.02;
/** P2.1c: shop visits per engaged member per day (own visits + word of mouth). KNOB. */
export const COMMUNITY_VISITS_PER_ACTIVE = 0.3;
/** P2.1c: repurchase multiplier 1 + 1.0·engagement offered to the customers model. KNOB. */
export const COMMUNITY_LOYALTY_PER_ENGAGEMENT = 1;
/** PX.b: Xiaohongshu seeding stock decays 0.6/week; lifts search volume by up to 30%, half at 6,000 interactions. KNOB. */
export const SEEDING_DECAY = 0.6;
export const SEEDING_LIFT_MAX = 0.3;
export const SEEDING_HALF = 6_000;
/** PX.b: feed ads lift the shop's keyword searches by up to 35% at saturation (Lewis & Nguyen 2015: +30–45%). */
export const FEED_SEARCH_LIFT_MAX = 0.35;

// ---- Domain D: customers, private domain (P2.3a–b), lifecycle (P1.2b), assortment (P1.2a) ----
/**
 * Repurchase: an alive customer visits again with this daily chance (≈8% a week). KNOB, calibrated so
 * that with the funnel's ≈3–4% conversion and the drop-out below a once-buyer repeats within 12 months
 * with ≈10% probability: small electronics 5–15% (calibration.md: 12-month repeat-customer rate, C).
 */
export const CUSTOMER_REVISIT_DAILY = 0.012;
/** BG/NBD drop-out chance after each purchase. KNOB (BG/NBD fits put p around 0.2–0.5). */
export const CUSTOMER_DROPOUT = 0.3;
/** A customer who returned a unit drops out with this chance (returns lower repurchase). KNOB. */
export const RETURNER_DROPOUT = 0.6;
/** Members drop out less (calibration.md: repurchase shifted up by membership). KNOB. */
export const MEMBER_DROPOUT_MULT = 0.6;
/**
 * P2.3a: members come back on their own this many times as often as non-members (the group, 朋友圈 posts and
 * member days keep the shop in view), before any push. KNOB, calibrated with MEMBER_DROPOUT_MULT so that a
 * member's 12-month repeat-customer rate is about 3× a non-member's (members of a small-electronics shop
 * ≈ 25–35%, the all-category 12-month figure 28%, range 15–30%; non-members 5–15%: calibration.md, C).
 */
export const MEMBER_REVISIT_MULT = 2;
/** P2.3a: share of buyers who join via a package-insert card alone. KNOB (practitioner: 10–20%). */
export const JOIN_WITH_CARD = 0.15;
/** P2.3a: extra join share a join coupon can add at most, and the coupon (fen) giving half of it. KNOB. */
export const JOIN_COUPON_MAX = 0.18;
export const JOIN_COUPON_HALF_FEN = 1_000;
/** P2.3a: share of members who visit after one push, at up to PUSH_FREE_PER_WEEK pushes a week. KNOB. */
export const PUSH_RESPONSE = 0.08;
/** P2.3b: pushes a week the audience tolerates before fatigue sets in (lecture: don't over-push). KNOB. */
export const PUSH_FREE_PER_WEEK = 2;
/**
 * P2.3b: response per push ÷ (1 + 0.2 per push a week above the free level)²: the week's push visits peak
 * at 3–4 pushes and fall beyond (email/push frequency studies find total response flat-to-falling past a
 * few messages a week, with rising opt-outs). KNOB.
 */
export const PUSH_FATIGUE = 0.2;
/** P2.3b: weekly unsubscribes = 0.4% per push + 1% · (pushes above 2)^1.5. KNOB. */
export const UNSUB_PER_PUSH = 0.004;
export const UNSUB_STEEP = 0.01;
export const UNSUB_STEEP_EXP = 1.5;
/** P2.3b: share of unsubscribers annoyed enough to stop buying from the shop at all. KNOB. */
export const UNSUB_LOST_SHARE = 0.5;
/** P2.3a: member offers move member conversion like a price cut, elasticity −2.6 (Bijmolt et al. 2005, A). */
export const MEMBER_OFFER_ELASTICITY = 2.6;

/** P1.2b: Bass diffusion defaults per YEAR (Sultan, Farley & Lehmann; Mahajan, Muller & Bass 1995, A). */
export const BASS_P_YEAR = 0.03;
export const BASS_Q_YEAR = 0.38;
export const WEEKS_PER_YEAR = 52;
/** P1.2b: stage thresholds on demand relative to the curve's peak (before / after the peak). KNOB. */
export const STAGE_GROWTH_FROM = 0.5;
export const STAGE_DECLINE_BELOW = 0.6;
/** P1.2b: an upgraded version restarts the curve at this adopted share (early growth). KNOB. */
export const UPGRADE_RESTART_SHARE = 0.3;
/** P1.2b: design hours an upgrade / a launch takes (PX.c), unless the scenario says otherwise. KNOB. */
export const UPGRADE_HOURS = 16;
/**
 * P1.2b: a product's next version takes a development cycle (design, samples, tooling; typically a quarter
 * for small consumer goods): a SKU is upgraded again only this many weeks after its last upgrade. Without it a
 * "new version" every other week would farm the platform's new-item boost. KNOB.
 */
export const UPGRADE_MIN_WEEKS = 8;
export const LAUNCH_HOURS = 12;
/** P1.2b: 清仓 badge: deal-prone shoppers answer a clearance more (× 1 + 0.25 · priceSensitivity). KNOB. */
export const CLEARANCE_LIFT = 0.25;
/** P1.2b: dead stock (declining or delisted SKU) left at the end is written down to this share of cost. KNOB. */
export const DEAD_STOCK_SALVAGE = 0.3;
/** P1.2a: the shop's near-duplicate listings (重复铺货) lose ranking score … KNOB (Taobao demotes duplicates). */
export const DUPLICATE_RANK_PENALTY = 0.25;
/** … and the weaker of two duplicates is folded away on this share of the searches. KNOB. */
export const DUPLICATE_FOLD = 0.85;
/** P1.2a: two listings are substitutes when their market prices are within this ratio. KNOB. */
export const SUBSTITUTE_PRICE_RATIO = 1.3;

// ---------- Commerce: promotions (P1.2g), competitors (P1.2f), platform calendar ----------
/**
 * P1.2g 满减 / coupon / gift thresholds: a cart short of the threshold T by g tops up with probability
 * dealProneness · σ(K0 + K2·V/T − K1·g/T), V the offer's value (calibration.md's suggested form plus the
 * offer's size). No public figure for the basket effect of 满减: KNOB.
 */
export const TOPUP_K0 = -2.5;
export const TOPUP_K1 = 4;
export const TOPUP_K2 = 20;
/** Share of eligible visitors who claim a visible coupon, × the segment's deal-proneness. KNOB. */
export const COUPON_CLAIM_RATE = 0.3;
/** A gift is valued by buyers at this multiple of what it costs the shop (retail vs wholesale). KNOB. */
export const GIFT_PERCEIVED_VALUE = 2;
/**
 * P1.2g: an item takes part in a platform flash-sale slot (秒杀/聚划算-style activities) again only 30 days
 * after its last one (the platforms' activity rules limit re-entry; here 4 game weeks).
 */
export const FLASH_COOLDOWN_WEEKS = 4;
/** Flash-sale (秒杀) channel visitors on the day, at FLASH_REF_DEPTH off; scales with depth. KNOB. */
export const FLASH_CHANNEL_VISITORS = 1500;
export const FLASH_REF_DEPTH = 0.3;
export const FLASH_MAX_VISITOR_MULT = 2.5;
/** Share of a promotion's sales bump borrowed from later days (van Heerde, Leeflang & Wittink 2004: ⅓). */
export const BORROWED_SHARE = 1 / 3;
/** Borrowed demand is repaid over about this many days (geometric). KNOB. */
export const BORROW_SPREAD_DAYS = 7;
/** At most this share of a day's demand is cut while repaying borrowed sales. KNOB. */
export const BORROW_MAX_DAILY_CUT = 0.6;
/**
 * Deep discounts signal low quality (Cao, Hui & Xu, ISR: −0.035 to −0.256% sales per +1% discount near
 * 55% off): beyond QUALITY_PENALTY_START off, each further point costs this share of conversion.
 */
export const QUALITY_PENALTY_START = 0.4;
export const QUALITY_PENALTY_PER_POINT = 0.002;
/** The quality penalty lingers and fades by this factor a week. KNOB. */
export const QUALITY_SCAR_DECAY = 0.7;
export const QUALITY_SCAR_MAX = 0.5;
/** 拼团: probability a group of n fills = GROUP_FILL_BASE^(n−1). KNOB (no public figure). */
export const GROUP_FILL_BASE = 0.75;
/** Share of a segment's buyers (× deal-proneness) willing to buy through a group. KNOB. */
export const GROUP_WILLINGNESS = 0.4;
/** …at a group discount of at least this depth, less in proportion below it (拼团 discounts run 10–30%). KNOB. */
export const GROUP_REF_DEPTH = 0.15;
/** 拼团 sharing: new visitors per member of a filled group (K-factor 0.1–0.5, calibration.md: KNOB). */
export const GROUP_K_FACTOR = 0.3;
/** Nobody tops a basket up beyond this many units (guards absurd thresholds). KNOB. */
export const MAX_BASKET_UNITS = 20;
/** Competitors (P1.2f): weekly smoothing of the price-cut pressure they react to (the lag). KNOB. */
export const COMPETITOR_LAG = 0.35;
/** Competitors close this share of the gap to their target price index each week. KNOB. */
export const COMPETITOR_ADJUST = 0.5;
export const COMPETITOR_INDEX_MIN = 0.5;
export const COMPETITOR_INDEX_MAX = 1.3;
/** Pre-event days: the lull multiplies demand; event days: competitors' prices dip by eventCut·ln(trafficMult). */
export const EVENT_CUT_MAX = 0.3;
