// Instructor moderation (docs/API.md, "Moderation"): hide, show or remove one submission, reset a
// name's claim, set or drop a roster of allowed names, read the audit log. Every change is written
// to the audit log in the same transaction as the change itself.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { ApiError } from "./errors";
import { HideBody, NAME_MAX, RemoveBody, RosterBody, SubmissionParam, TraineeParam } from "./schemas";
import type { ChallengeRecord, Storage, SubmissionRecord } from "./storage/types";
import { nameKey } from "./text";
import { cleanOr400, parse } from "./validate";

export interface ModerationDeps {
  storage: Storage;
  /** The challenge whose secret the request carries (401/403 otherwise). */
  instructor(req: FastifyRequest): Promise<ChallengeRecord>;
  noStore(reply: FastifyReply): void;
  view(s: SubmissionRecord): unknown;
}

export function registerModeration(app: FastifyInstance, { storage, instructor, noStore, view }: ModerationDeps) {
  async function submissionOr404(code: string, id: number): Promise<SubmissionRecord> {
    const s = await storage.getSubmission(code, id);
    if (!s) throw new ApiError(404, "not_found", `no submission ${id} in this challenge`);
    return s;
  }

  const describe = (s: SubmissionRecord) => ({ id: s.id, name: s.traineeName, score: s.score, runHash: s.runHash });

  app.post("/api/challenges/:code/submissions/:id/hide", async (req, reply) => {
    const c = await instructor(req);
    const { id } = parse(SubmissionParam, req.params, "params");
    const body = parse(HideBody, req.body, "body");
    const s = await submissionOr404(c.code, id);
    const status = body.hidden ? "hidden" : "shown";
    await storage.setSubmissionStatus(c.code, id, status, {
      at: req.arrivedAt,
      action: body.hidden ? "hide" : "show",
      detail: { ...describe(s), ...(body.reason ? { reason: body.reason } : {}) },
    });
    noStore(reply);
    return { submission: view((await storage.getSubmission(c.code, id)) ?? s) };
  });

  app.post("/api/challenges/:code/submissions/:id/remove", async (req, reply) => {
    const c = await instructor(req);
    const { id } = parse(SubmissionParam, req.params, "params");
    const body = parse(RemoveBody, req.body ?? {}, "body");
    const s = await submissionOr404(c.code, id);
    await storage.setSubmissionStatus(c.code, id, "removed", {
      at: req.arrivedAt,
      action: "remove",
      detail: { ...describe(s), ...(body.reason ? { reason: body.reason } : {}) },
    });
    noStore(reply);
    return { removed: id };
  });

  app.post("/api/challenges/:code/trainees/:name/reset-claim", async (req, reply) => {
    const c = await instructor(req);
    const { name } = parse(TraineeParam, req.params, "params");
    const clean = cleanOr400(name, NAME_MAX, "params.name", "name");
    const had = await storage.resetClaim(c.code, nameKey(clean), {
      at: req.arrivedAt,
      action: "reset_claim",
      detail: { name: clean },
    });
    if (!had) throw new ApiError(404, "not_found", "this name has no claim in this challenge");
    noStore(reply);
    return { reset: clean };
  });

  app.get("/api/challenges/:code/roster", async (req, reply) => {
    const c = await instructor(req);
    const roster = await storage.getRoster(c.code);
    noStore(reply);
    return { names: roster ? [...roster.values()] : null };
  });

  /** `{names: [...]}` sets the roster (only those names may submit); `{names: null}` drops it. */
  app.put("/api/challenges/:code/roster", async (req, reply) => {
    const c = await instructor(req);
    const body = parse(RosterBody, req.body, "body");
    let names: { key: string; name: string }[] | null = null;
    if (body.names) {
      const byKey = new Map<string, string>();
      body.names.forEach((n, i) => {
        const clean = cleanOr400(n, NAME_MAX, `body.names.${i}`, "name");
        if (!byKey.has(nameKey(clean))) byKey.set(nameKey(clean), clean); // the first spelling
      });
      names = [...byKey].map(([key, name]) => ({ key, name }));
    }
    await storage.setRoster(c.code, names, {
      at: req.arrivedAt,
      action: "roster",
      detail: names ? { names: names.length } : { names: null },
    });
    noStore(reply);
    return { names: names ? names.map((n) => n.name) : null };
  });

  app.get("/api/challenges/:code/audit", async (req, reply) => {
    const c = await instructor(req);
    noStore(reply);
    const log = await storage.auditLog(c.code);
    return { entries: log.map((e) => ({ at: new Date(e.at).toISOString(), action: e.action, ...e.detail })) };
  });
}
