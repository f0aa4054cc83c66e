// Random promotion decisions (domain A, P1.2g) for the fast-check properties: valid shapes of every
// promotion decision (some rejected by the engine's checks: discount ≥ threshold, price ≥ list price),
// and malformed ones. Shared by properties.test.ts and commerce.test.ts.
import fc from "fast-check";
import type { Decision } from "../../src/engine";
import { COUPON_AUDIENCES, PROMOTION_KINDS } from "../../src/engine/systems/promotions";

export function commerceDecisionArbs(skuIds: readonly string[]): fc.Arbitrary<Decision>[] {
  const sku = fc.constantFrom(...skuIds);
  return [
    fc.record({
      type: fc.constant("setFullReduction" as const),
      thresholdFen: fc.integer({ min: 1, max: 60_000 }),
      discountFen: fc.integer({ min: 1, max: 30_000 }),
    }),
    fc.record({
      type: fc.constant("setCoupon" as const),
      faceFen: fc.integer({ min: 1, max: 10_000 }),
      minSpendFen: fc.integer({ min: 0, max: 60_000 }),
      quantity: fc.integer({ min: 1, max: 5_000 }),
      audience: fc.constantFrom(...COUPON_AUDIENCES),
    }),
    fc.record({
      type: fc.constant("setFlashSale" as const),
      sku,
      priceFen: fc.integer({ min: 1, max: 20_000 }),
      qtyCap: fc.integer({ min: 1, max: 5_000 }),
      day: fc.integer({ min: 1, max: 7 }),
    }),
    fc.record({
      type: fc.constant("setGroupBuy" as const),
      sku,
      groupPriceFen: fc.integer({ min: 1, max: 20_000 }),
      groupSize: fc.integer({ min: 2, max: 10 }),
    }),
    fc.record({
      type: fc.constant("setGift" as const),
      minSpendFen: fc.integer({ min: 0, max: 60_000 }),
      giftCostFen: fc.integer({ min: 1, max: 5_000 }),
    }),
    fc.record({ type: fc.constant("endPromotion" as const), promotion: fc.constantFrom(...PROMOTION_KINDS) }),
  ];
}

/** Malformed promotion decisions: wrong types, out-of-range values, unknown audiences and kinds. */
export function commerceWrongTyped(): fc.Arbitrary<unknown> {
  return fc.record(
    {
      type: fc.constantFrom("setFullReduction", "setCoupon", "setFlashSale", "setGroupBuy", "setGift", "endPromotion"),
      thresholdFen: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(-1, 0, 2 ** 60)),
      discountFen: fc.oneof(fc.integer(), fc.anything()),
      audience: fc.oneof(fc.string(), fc.constantFrom("public", "vip")),
      day: fc.oneof(fc.integer(), fc.constantFrom(0, 8)),
      groupSize: fc.oneof(fc.integer(), fc.constantFrom(1, 11)),
      promotion: fc.oneof(fc.string(), fc.anything()),
      sku: fc.oneof(fc.string(), fc.constantFrom("cup300")),
    },
    { requiredKeys: ["type"] },
  );
}
