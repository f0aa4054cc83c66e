// Request shapes, validated with zod before anything else happens. Unknown fields are dropped
// (so a client's "score" is never even read); names are cleaned separately (text.ts).
import { z } from "zod";
import { CODE_ALPHABET, CODE_LENGTH } from "./text";

export const NAME_MAX = 32;
export const CLASS_MAX = 60;

export const CodeParam = z.object({
  code: z
    .string()
    .transform((s) => s.toUpperCase().replace(/[\s-]+/g, ""))
    .pipe(
      z
        .string()
        .length(CODE_LENGTH, `a challenge code has ${CODE_LENGTH} characters`)
        .regex(new RegExp(`^[${CODE_ALPHABET}]+$`), `a challenge code uses only ${CODE_ALPHABET}`),
    ),
});

export const TraineeParam = CodeParam.extend({ name: z.string().min(1).max(200) });

export const CreateChallengeBody = z.object({
  scenario: z.string().min(1).max(40),
  /** A market seed, or "random" (the server draws one). */
  seed: z.string().min(1).max(64).default("random"),
  difficulty: z.enum(["easy", "standard", "hard"]).default("standard"),
  /** ISO 8601 date-time with offset, e.g. 2026-12-01T18:00:00+08:00; omitted or null: no deadline. */
  deadline: z.iso.datetime({ offset: true }).nullable().optional(),
  className: z.string().max(200),
});

export const SubmitBody = z.object({
  name: z.string().max(200),
  /** The run file exactly as the game exported it. */
  run: z.record(z.string(), z.unknown()),
  /** The token the server gave with this name's first submission (needed for every later one). */
  claimToken: z.string().min(1).max(200).optional(),
});

export const SubmissionsQuery = z.object({
  /** Submissions after this id (the previous page's `next`). */
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

export const SubmissionParam = CodeParam.extend({ id: z.coerce.number().int().min(1) });

export const HideBody = z.object({ hidden: z.boolean(), reason: z.string().max(200).optional() });
export const RemoveBody = z.object({ reason: z.string().max(200).optional() }).default({});

export const ROSTER_MAX = 2000;
export const RosterBody = z.object({ names: z.array(z.string().max(200)).max(ROSTER_MAX).nullable() });

export const LeaderboardQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
