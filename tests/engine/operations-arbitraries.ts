// Random operations decisions (domain B) for the fast-check properties: valid shapes of setService,
// hire, fire and actOnFeedback. Shared by properties.test.ts and operations.test.ts.
import fc from "fast-check";
import type { Decision } from "../../src/engine";
import { TEAM_ROLES } from "../../src/engine/model";
import { FIXABLE_TOPICS, PROVIDERS, REFUND_SPEEDS } from "../../src/engine/systems/service";

export function opsDecisionArbs(): fc.Arbitrary<Decision>[] {
  return [
    fc
      .record(
        {
          shiftHours: fc.integer({ min: 4, max: 16 }),
          scripts: fc.boolean(),
          personalization: fc.integer({ min: 0, max: 2 }),
          addressCheck: fc.boolean(),
          stockSync: fc.boolean(),
          delayNotice: fc.boolean(),
          refundSpeed: fc.constantFrom(...REFUND_SPEEDS),
          logistics: fc.constantFrom(...PROVIDERS),
        },
        { requiredKeys: [] },
      )
      .map((r) => ({ type: "setService" as const, ...r })),
    fc.record({ type: fc.constant("hire" as const), role: fc.constantFrom(...TEAM_ROLES) }),
    fc.record({ type: fc.constant("fire" as const), role: fc.constantFrom(...TEAM_ROLES) }),
    fc.record({ type: fc.constant("actOnFeedback" as const), topic: fc.constantFrom(...FIXABLE_TOPICS) }),
  ];
}
