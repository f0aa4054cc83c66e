// `sim rank FILE...`: the offline instructor's leaderboard. The ranking itself is shared with the
// game's ranking screen (src/shared/rank.ts); here it replays with Node's native SHA-256 (the same
// digests, faster).
import type { Difficulty } from "../engine";
import { nativeSha256Hex } from "../server/verify/verify-run";
import { type RankResult, rankRunFiles as rankShared } from "../shared/rank";

export type { RankedRun, RankResult } from "../shared/rank";

export function rankRunFiles(
  files: { file: string; raw: unknown }[],
  opts: { scenario?: string; seed?: string; difficulty?: Difficulty },
): RankResult | { error: string } {
  return rankShared(files, opts, nativeSha256Hex);
}
