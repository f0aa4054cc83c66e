// Random marketing decisions (domain C: P2.1a–c, P2.2a–c) for the fast-check properties. In launch they take the
// rejection path (no search ads, KOLs, content accounts or community in that market); marketing.test.ts plays
// them on the sandbox, where they are accepted.
import fc from "fast-check";
import type { Decision } from "../../src/engine";
import { COMMUNITY_ACTIVITIES, CONTENT_FORMATS, SOCIAL_PLATFORMS } from "../../src/engine/systems/marketing";

const KEYWORDS = ["juicer-cup", "portable-juicer", "wireless-cup", "dorm-cup", "new"];
const KOLS = ["dorm-goods", "mega-star", "koc-amy", "nobody"];

/** Well-formed marketing decisions (valid shape; the engine may still refuse them). */
export function marketingDecisionArbs(skuIds: readonly string[]): fc.Arbitrary<Decision>[] {
  const sku = fc.constantFrom(...skuIds);
  return [
    fc.record({
      type: fc.constant("setSearchAds" as const),
      sku,
      dailyBudgetFen: fc.integer({ min: 0, max: 40_000 }),
      bids: fc.uniqueArray(
        fc.record({ keyword: fc.constantFrom(...KEYWORDS), bidFen: fc.integer({ min: 1, max: 500 }) }),
        { maxLength: 3, selector: (b) => b.keyword },
      ),
    }),
    fc.record({ type: fc.constant("hireKol" as const), kol: fc.constantFrom(...KOLS), sku }),
    fc.record({
      type: fc.constant("setContent" as const),
      platform: fc.constantFrom(...SOCIAL_PLATFORMS),
      postsPerWeek: fc.integer({ min: 0, max: 14 }),
      format: fc.constantFrom(...CONTENT_FORMATS),
      series: fc.boolean(),
    }),
    fc.record({ type: fc.constant("setCommunity" as const), activity: fc.constantFrom(...COMMUNITY_ACTIVITIES) }),
  ];
}

/** Malformed marketing decisions: wrong types, out-of-range numbers, unknown enums. */
export function marketingWrongTyped(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.record({
      type: fc.constant("setSearchAds"),
      sku: fc.oneof(fc.string(), fc.anything()),
      dailyBudgetFen: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(-1, 1e12)),
      bids: fc.oneof(
        fc.anything(),
        fc.array(fc.record({ keyword: fc.string(), bidFen: fc.oneof(fc.integer(), fc.double()) }), { maxLength: 14 }),
      ),
    }),
    fc.record({ type: fc.constant("hireKol"), kol: fc.oneof(fc.string(), fc.anything()), sku: fc.anything() }),
    fc.record({
      type: fc.constant("setContent"),
      platform: fc.oneof(fc.string(), fc.constantFrom(...SOCIAL_PLATFORMS)),
      postsPerWeek: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(-1, 15)),
      format: fc.oneof(fc.string(), fc.constantFrom(...CONTENT_FORMATS)),
      series: fc.anything(),
    }),
    fc.record({ type: fc.constant("setCommunity"), activity: fc.oneof(fc.string(), fc.anything()) }),
  );
}
