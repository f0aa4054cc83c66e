// Random decisions of domain D (private domain, lifecycle, assortment) for the fast-check properties.
// In the launch scenario "private" is locked (the rejection path) and the product lifecycle levers are open
// (delist, clearance; upgrade and launch are rejected for lack of lifecycle data and catalogue).
import fc from "fast-check";
import type { Decision } from "../../src/engine";

export function domainDDecisionArbs(skuIds: readonly string[]): fc.Arbitrary<Decision>[] {
  const sku = fc.constantFrom(...skuIds);
  return [
    fc.record({
      type: fc.constant("setPrivateDomain" as const),
      insertCard: fc.boolean(),
      inviteCouponFen: fc.integer({ min: 0, max: 5_000 }),
      pushesPerWeek: fc.integer({ min: 0, max: 14 }),
      memberOfferPct: fc.integer({ min: 0, max: 30 }),
    }),
    fc.record({ type: fc.constant("clearance" as const), sku, priceFen: fc.integer({ min: 1, max: 20_000 }) }),
    fc.record({ type: fc.constantFrom("upgrade" as const, "delist" as const, "launch" as const), sku }),
  ];
}

/** Malformed domain-D decisions: out-of-range settings, missing fields, unknown SKUs. */
export function domainDWrongTyped(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.record(
      {
        type: fc.constant("setPrivateDomain"),
        insertCard: fc.oneof(fc.boolean(), fc.anything()),
        inviteCouponFen: fc.oneof(fc.integer(), fc.constantFrom(-1, 5_001, 1e9)),
        pushesPerWeek: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(-1, 15)),
        memberOfferPct: fc.oneof(fc.integer(), fc.constantFrom(-5, 31, 100)),
      },
      { requiredKeys: ["type"] },
    ),
    fc.record({
      type: fc.constantFrom("clearance", "upgrade", "delist", "launch"),
      sku: fc.oneof(fc.string(), fc.anything()),
      priceFen: fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, Number.NaN)),
    }),
  );
}
