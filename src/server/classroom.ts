// Classroom helpers of issue 16, kept apart from the rest of the API: undoing a close until the
// deadline (POST /api/challenges/:code/reopen), and where the server listens (in /api/health), so
// the instructor screen can warn when it is loopback only and no student device can reach it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { ApiError } from "./errors";
import type { ChallengeRecord, Storage } from "./storage/types";

export interface ClassroomDeps {
  storage: Storage;
  /** The challenge whose secret the request carries (401/403 otherwise). */
  instructor(req: FastifyRequest): Promise<ChallengeRecord>;
  noStore(reply: FastifyReply): void;
  view(c: ChallengeRecord, at: number): unknown;
}

/** Is `host` (the HOST setting) reachable from this machine only? */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "");
  return h === "localhost" || h === "::1" || /^127(\.\d{1,3}){3}$/.test(h);
}

/** The bind address as /api/health reports it. */
export function listenInfo(host: string): { host: string; loopback: boolean } {
  return { host, loopback: isLoopbackHost(host) };
}

export function registerClassroom(app: FastifyInstance, { storage, instructor, noStore, view }: ClassroomDeps) {
  // Closing can be undone until the deadline: afterwards the challenge is over for good.
  app.post("/api/challenges/:code/reopen", async (req, reply) => {
    const c = await instructor(req);
    const at = req.arrivedAt;
    if (c.deadline !== null && at > c.deadline) {
      throw new ApiError(
        409,
        "deadline_passed",
        "the deadline has passed; a closed challenge can no longer be reopened",
      );
    }
    if (c.closedAt !== null) await storage.reopenChallenge(c.code);
    noStore(reply);
    return { challenge: view((await storage.getChallenge(c.code)) ?? c, at) };
  });
}
