// Input limits at the door (docs/API.md, "Limits"): checked on the parsed body before anything
// hashes, stores or replays it, so no body can cost a stack overflow, a 500 or a full replay.
// - MAX_DEPTH: objects/arrays nested deeper than this anywhere in a body (a run file is 6 deep);
// - MAX_DECISIONS_PER_WEEK: decisions in one week of a run (the bots make at most 21);
// - every string well-formed (no lone surrogates, which would be stored as invalid UTF-8);
// - the raw body valid UTF-8 (installUtf8JsonParser): invalid bytes are refused, not turned into U+FFFD.
// The walk is iterative, so the check itself cannot overflow the stack.
import { isUtf8 } from "node:buffer";
import type { FastifyInstance } from "fastify";
import { ApiError } from "./errors";
import { isWellFormed } from "./text";

export const MAX_DEPTH = 16;
export const MAX_DECISIONS_PER_WEEK = 64;

/** Text fields refused as invalid_name (like cleanName's refusals) rather than invalid_request. */
const NAME_FIELDS = new Set(["body.name", "body.className", "body.seed"]);

export interface LimitProblem {
  path: string;
  message: string;
}

/** The first limit `value` breaks (depth, a lone surrogate), with its path from `root`; null if none. */
export function checkShape(value: unknown, root: string, maxDepth = MAX_DEPTH): LimitProblem | null {
  const stack: { v: unknown; path: string; depth: number }[] = [{ v: value, path: root, depth: 0 }];
  while (stack.length > 0) {
    const { v, path, depth } = stack.pop() as { v: unknown; path: string; depth: number };
    if (typeof v === "string") {
      if (!isWellFormed(v)) return { path, message: "text is not well-formed (a lone surrogate)" };
      continue;
    }
    if (typeof v !== "object" || v === null) continue;
    if (depth >= maxDepth) return { path, message: `nested deeper than ${maxDepth} levels` };
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: `${path}.${i}`, depth: depth + 1 });
    } else {
      for (const [k, x] of Object.entries(v)) {
        if (!isWellFormed(k)) return { path, message: "a key is not well-formed text (a lone surrogate)" };
        stack.push({ v: x, path: `${path}.${k}`, depth: depth + 1 });
      }
    }
  }
  return null;
}

/** A run's per-week decision count, before the replay (the schema's own cap is higher). */
export function checkDecisionCounts(run: Record<string, unknown>, root: string): LimitProblem | null {
  const turns = run.turns;
  if (!Array.isArray(turns)) return null; // the run-file schema names this one
  for (let i = 0; i < turns.length; i++) {
    const t = turns[i];
    if (Array.isArray(t) && t.length > MAX_DECISIONS_PER_WEEK) {
      return {
        path: `${root}.turns.${i}`,
        message: `week ${i + 1} has ${t.length} decisions; at most ${MAX_DECISIONS_PER_WEEK} a week are accepted`,
      };
    }
  }
  return null;
}

/** Throws the 4xx for a body that breaks a limit: invalid_run inside a run, invalid_request elsewhere. */
export function enforceLimits(body: unknown, runKey?: string): void {
  const p = checkShape(body, "body");
  const inRun = (path: string) => runKey !== undefined && path.startsWith(`body.${runKey}`);
  if (p) {
    if (inRun(p.path)) throw new ApiError(422, "invalid_run", `${p.path}: ${p.message}`, { path: p.path });
    if (NAME_FIELDS.has(p.path)) throw new ApiError(400, "invalid_name", `${p.path}: ${p.message}`, { path: p.path });
    throw new ApiError(400, "invalid_request", `${p.path}: ${p.message}`, { path: p.path });
  }
  if (runKey !== undefined && typeof body === "object" && body !== null) {
    const run = (body as Record<string, unknown>)[runKey];
    if (typeof run === "object" && run !== null && !Array.isArray(run)) {
      const d = checkDecisionCounts(run as Record<string, unknown>, `body.${runKey}`);
      if (d) throw new ApiError(422, "invalid_run", `${d.path}: ${d.message}`, { path: d.path });
    }
  }
}

/**
 * JSON bodies are read as bytes and refused (400 invalid_encoding) unless they are valid UTF-8;
 * the rest is Fastify's own parser (prototype-poisoning protection, empty-body error).
 */
export function installUtf8JsonParser(app: FastifyInstance): void {
  const json = app.getDefaultJsonParser("error", "error");
  app.removeContentTypeParser("application/json");
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (req, body, done) => {
    const buf = body as Buffer;
    if (!isUtf8(buf)) {
      done(new ApiError(400, "invalid_encoding", "the request body is not valid UTF-8"), undefined);
      return;
    }
    json(req, buf.toString("utf8"), done);
  });
}
