// Verifying one submitted run against its challenge, in a verification worker (see pool.ts):
// the shared pure verification (src/shared/verify-run.ts, also run by the CLI's `rank` and the
// game's offline ranking screen) with Node's native SHA-256, which gives the same digests faster.
import { createHash } from "node:crypto";
import type { RunFile } from "../../engine";
import {
  type ChallengeTarget,
  runHashOf as runHashWith,
  type VerifyOutcome,
  verifyRunWith,
} from "../../shared/verify-run";

export type { ChallengeTarget, RejectCode, VerifyOutcome } from "../../shared/verify-run";

/** Node's native SHA-256: the same digest as the engine's pure-JS one, several times faster. */
export const nativeSha256Hex = (text: string): string => createHash("sha256").update(text, "utf8").digest("hex");

export function runHashOf(run: RunFile): string {
  return runHashWith(run, nativeSha256Hex);
}

export function verifyRun(target: ChallengeTarget, raw: unknown): VerifyOutcome {
  return verifyRunWith(target, raw, nativeSha256Hex);
}
