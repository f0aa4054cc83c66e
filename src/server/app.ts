// The HTTP API (docs/API.md) and the built game, on one Fastify instance. Every request body,
// parameter and query is validated with zod; every error is {error: {code, message, path?}}.
import { existsSync } from "node:fs";
import type { AddressInfo } from "node:net";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { BUNDLED_SCENARIOS, getScenario } from "../content/scenarios";
import { canonicalJson, ENGINE_VERSION, scenarioContentHash } from "../engine";
import { toCsv } from "../shared/csv";
import { listenInfo, registerClassroom } from "./classroom";
import type { ServerConfig } from "./config";
import { ApiError } from "./errors";
import { enforceLimits, installUtf8JsonParser } from "./limits";
import { configuredOrigin } from "./links";
import { registerModeration } from "./moderation";
import {
  CLASS_MAX,
  CodeParam,
  CreateChallengeBody,
  LeaderboardQuery,
  NAME_MAX,
  SubmissionsQuery,
  SubmitBody,
  TraineeParam,
} from "./schemas";
import {
  type ChallengeRecord,
  type CopyRow,
  type LeaderboardRow,
  type Storage,
  StorageUnavailable,
  type SubmissionRecord,
  type TimelineWeek,
} from "./storage/types";
import { hashSecret, nameKey, newCode, newSecret, secretMatches, sha256Hex } from "./text";
import { cleanOr400, parse } from "./validate";
import { PoolError, type VerifyPool } from "./verify/pool";

export interface AppDeps {
  config: ServerConfig;
  storage: Storage;
  pool: VerifyPool;
}

const SECRET_HEADER = "x-instructor-secret";

declare module "fastify" {
  interface FastifyRequest {
    /** When the request arrived (epoch ms): closing and deadlines are judged by it, not by the replay's end. */
    arrivedAt: number;
  }
}

/**
 * The play's fingerprint for the copy check, beside the final state hash: SHA-256 of the replay's
 * week-by-week KPIs (visitors, orders, GMV, conversion, net profit, cash). `meta` labels cannot change
 * it, and neither can decisions that change nothing (a setting re-issued unchanged), which do change the
 * state hash because the state records each turn's decisions. Two different plays of a market do not
 * end every week with the same orders, GMV and cash to the fen.
 */
function playHashOf(timeline: readonly TimelineWeek[]): string {
  return sha256Hex(canonicalJson(timeline.map((w) => w.kpis)));
}

/** True when a verified run holds at least one decision (an idle run is nobody's copy). */
function madeDecisions(runJson: string): boolean {
  const run = JSON.parse(runJson) as { turns?: unknown[][] };
  return (run.turns ?? []).some((t) => Array.isArray(t) && t.length > 0);
}

/** Seconds a client should wait after a 503 storage_unavailable. */
const STORAGE_RETRY_S = "30";

function publicChallenge(c: ChallengeRecord, now: number) {
  const sc = getScenario(c.scenarioId);
  return {
    code: c.code,
    scenario: { id: c.scenarioId, title: sc?.title ?? { "zh-CN": c.scenarioId, en: c.scenarioId }, weeks: sc?.weeks },
    seed: c.seed,
    difficulty: c.difficulty,
    className: c.className,
    deadline: c.deadline === null ? null : new Date(c.deadline).toISOString(),
    closed: isClosed(c, now),
    closedAt: c.closedAt === null ? null : new Date(c.closedAt).toISOString(),
    engineVersion: c.engineVersion,
    contentHash: c.contentHash,
    createdAt: new Date(c.createdAt).toISOString(),
  };
}

/** Closed at time `at`: closed by the instructor at or before it, or past the deadline. */
function isClosed(c: ChallengeRecord, at: number): boolean {
  return (c.closedAt !== null && c.closedAt <= at) || (c.deadline !== null && at > c.deadline);
}

function boardRow(r: LeaderboardRow) {
  return {
    rank: r.rank,
    name: r.traineeName,
    score: r.score,
    stars: r.stars,
    verified: true,
    attempts: r.attempts,
    submittedAt: new Date(r.submittedAt).toISOString(),
    kpis: r.kpis,
  };
}

/** A trainee whose verified runs all repeat an earlier trainee's: shown, not ranked. */
function copyRow(r: CopyRow) {
  return {
    name: r.traineeName,
    score: r.score,
    stars: r.stars,
    submittedAt: new Date(r.submittedAt).toISOString(),
    copyOf: { name: r.copyOf.traineeName, submittedAt: new Date(r.copyOf.createdAt).toISOString() },
  };
}

function submissionView(s: SubmissionRecord) {
  return {
    id: s.id,
    name: s.traineeName,
    verified: s.verified,
    score: s.score,
    stars: s.stars,
    kpis: s.kpis,
    stateHash: s.stateHash,
    runHash: s.runHash,
    rejected: s.verified
      ? null
      : {
          code: s.rejectCode,
          message: s.rejectReason,
          ...(s.rejectKey ? { key: s.rejectKey, params: s.rejectParams ?? {} } : {}),
        },
    submittedAt: new Date(s.createdAt).toISOString(),
    copyOf: s.copyOf
      ? { id: s.copyOf.id, name: s.copyOf.traineeName, submittedAt: new Date(s.copyOf.createdAt).toISOString() }
      : null,
    hidden: s.status === "hidden",
  };
}

export async function buildApp({ config, storage, pool }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: config.logLevel === "silent" ? false : { level: config.logLevel },
    bodyLimit: 16 * 1024,
    // A hop count N: the address N hops back from the socket (the right-most X-Forwarded-For
    // entries are the proxies' own). A list: addresses/CIDRs of the proxies. Never "trust all".
    trustProxy:
      typeof config.trustProxy === "number"
        ? (
            (n) => (_addr: string, hop: number) =>
              hop < n
          )(config.trustProxy)
        : config.trustProxy,
    // Codes and names in URLs are short; a long URL is an attack or a mistake.
    routerOptions: { maxParamLength: 200 },
  });

  // JSON only: a text/plain body is refused with 415 instead of reaching the validators as a string.
  app.removeContentTypeParser("text/plain");
  installUtf8JsonParser(app);
  app.decorateRequest("arrivedAt", 0);
  app.addHook("onRequest", async (req) => {
    req.arrivedAt = Date.now();
  });

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => {
    if (err instanceof ApiError) return reply.code(err.status).send(err.body());
    if (err instanceof StorageUnavailable) {
      req.log.error(err.message);
      return reply
        .code(503)
        .header("retry-after", STORAGE_RETRY_S)
        .send({
          error: { code: "storage_unavailable", message: "the server cannot store data right now; try again later" },
        });
    }
    const status = err.statusCode ?? 500;
    const map: Record<string, [number, string, string]> = {
      FST_ERR_CTP_BODY_TOO_LARGE: [413, "body_too_large", "the request body is larger than allowed"],
      FST_ERR_CTP_INVALID_JSON_BODY: [400, "malformed_json", "the request body is not valid JSON"],
      FST_ERR_CTP_EMPTY_JSON_BODY: [400, "malformed_json", "the request body is empty"],
      FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, "unsupported_media_type", "send JSON (content-type: application/json)"],
      FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, "bad_request", "content-length does not match the body"],
    };
    const m = err.code ? map[err.code] : undefined;
    if (m) return reply.code(m[0]).send({ error: { code: m[1], message: m[2] } });
    if (status === 429) {
      return reply
        .code(429)
        .send({ error: { code: "rate_limited", message: "too many requests; wait a minute and try again" } });
    }
    if (status === 400 && err instanceof SyntaxError) {
      return reply.code(400).send({ error: { code: "malformed_json", message: "the request body is not valid JSON" } });
    }
    if (status >= 400 && status < 500) {
      return reply.code(status).send({ error: { code: "bad_request", message: err.message } });
    }
    req.log.error(err);
    return reply.code(500).send({ error: { code: "internal", message: "internal error" } });
  });

  app.addHook("onSend", async (_req, reply, payload) => {
    reply.header("x-content-type-options", "nosniff");
    reply.header("referrer-policy", "no-referrer");
    reply.header("x-frame-options", "DENY");
    const type = String(reply.getHeader("content-type") ?? "");
    if (type.startsWith("text/html")) {
      // Tells the page (Navigation Timing's serverTiming) that a ShopSim server with the API served it, so a
      // game on plain static hosting (offline challenges) never probes an API that is not there.
      reply.header("server-timing", "shopsim");
      reply.header(
        "content-security-policy",
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
          "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
      );
    }
    return payload;
  });

  await app.register(rateLimit, {
    global: true,
    max: config.rateLimit,
    timeWindow: 60_000,
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429,
      message: `rate limit: ${ctx.max} requests per minute`,
    }),
  });

  const now = () => Date.now();

  /** Links and QR codes: PUBLIC_URL, else the configured HOST and bound port — never a request header. */
  function linkOrigin(): string {
    if (config.publicUrl) return config.publicUrl;
    const addr = app.server.address() as AddressInfo | null;
    return configuredOrigin(config.host, addr?.port ?? config.port);
  }

  async function challengeOr404(code: string): Promise<ChallengeRecord> {
    const c = await storage.getChallenge(code);
    if (!c) throw new ApiError(404, "not_found", `no challenge with code ${code}`);
    return c;
  }

  /** Instructor endpoints: the challenge's own secret in the x-instructor-secret header. */
  async function instructor(req: FastifyRequest): Promise<ChallengeRecord> {
    const { code } = parse(CodeParam, req.params, "params");
    const c = await challengeOr404(code);
    const secret = req.headers[SECRET_HEADER];
    if (typeof secret !== "string" || secret.length === 0 || secret.length > 200) {
      throw new ApiError(401, "unauthorized", `instructor endpoints need the challenge's secret in ${SECRET_HEADER}`);
    }
    if (!secretMatches(secret, c.secretHash)) {
      throw new ApiError(403, "forbidden", "the secret does not belong to this challenge");
    }
    return c;
  }

  const noStore = (reply: FastifyReply) => reply.header("cache-control", "no-store");

  // A real write probe: 200 only if a submission could be stored now (StorageUnavailable → 503).
  app.get("/api/health", async (_req, reply) => {
    noStore(reply);
    await storage.checkWritable();
    return {
      ok: true,
      engineVersion: ENGINE_VERSION,
      verify: { ...pool.load, ...pool.stats },
      listen: listenInfo(config.host),
    };
  });

  app.get("/api/scenarios", async () => ({
    scenarios: BUNDLED_SCENARIOS.map((s) => ({ id: s.id, title: s.title, weeks: s.weeks })),
  }));

  app.post(
    "/api/challenges",
    { config: { rateLimit: { max: config.rateLimitCreate, timeWindow: 60_000 } } },
    async (req, reply) => {
      enforceLimits(req.body);
      const body = parse(CreateChallengeBody, req.body, "body");
      const scenario = getScenario(body.scenario);
      if (!scenario) {
        throw new ApiError(
          400,
          "unknown_scenario",
          `unknown scenario "${body.scenario}"; known: ${BUNDLED_SCENARIOS.map((s) => s.id).join(", ")}`,
          { path: "body.scenario" },
        );
      }
      const className = cleanOr400(body.className, CLASS_MAX, "body.className", "class name");
      const seed =
        body.seed === "random"
          ? `r-${newSecret().slice(0, 10)}`
          : cleanOr400(body.seed, 64, "body.seed", "seed").replace(/ /g, "-");
      let deadline: number | null = null;
      if (body.deadline) {
        deadline = Date.parse(body.deadline);
        if (!(deadline > now())) {
          throw new ApiError(400, "invalid_request", "body.deadline: the deadline is in the past", {
            path: "body.deadline",
          });
        }
      }
      const secret = newSecret();
      const base: Omit<ChallengeRecord, "code"> = {
        scenarioId: scenario.id,
        seed,
        difficulty: body.difficulty,
        className,
        deadline,
        engineVersion: ENGINE_VERSION,
        contentHash: scenarioContentHash(scenario),
        secretHash: hashSecret(secret),
        createdAt: now(),
        closedAt: null,
      };
      let record: ChallengeRecord | null = null;
      for (let i = 0; i < 20 && !record; i++) {
        const c = { ...base, code: newCode() };
        if (await storage.createChallenge(c)) record = c;
      }
      if (!record) throw new ApiError(503, "busy", "could not allocate a challenge code; try again");
      const origin = linkOrigin();
      reply.code(201);
      noStore(reply);
      return {
        code: record.code,
        secret,
        link: `${origin}/?c=${record.code}`,
        challenge: publicChallenge(record, now()),
      };
    },
  );

  app.get("/api/challenges/:code", async (req, reply) => {
    const { code } = parse(CodeParam, req.params, "params");
    noStore(reply);
    return { challenge: publicChallenge(await challengeOr404(code), now()) };
  });

  // Before the body is even read: a full verification queue or an unusable database answers 503 at
  // once, instead of after a parse, a hash and a replay.
  async function backPressure(_req: FastifyRequest, reply: FastifyReply) {
    if (pool.full) {
      reply.header("retry-after", "5");
      throw new ApiError(503, "verify_busy", "too many submissions are waiting; try again shortly");
    }
    storage.assertUsable();
  }

  app.post(
    "/api/challenges/:code/submissions",
    {
      bodyLimit: config.maxRunBytes,
      config: { rateLimit: { max: config.rateLimitSubmit, timeWindow: 60_000 } },
      onRequest: backPressure,
    },
    async (req, reply) => {
      const at = req.arrivedAt;
      const { code } = parse(CodeParam, req.params, "params");
      enforceLimits(req.body, "run");
      const body = parse(SubmitBody, req.body, "body");
      const name = cleanOr400(body.name, NAME_MAX, "body.name", "name");
      const key = nameKey(name);
      const c = await challengeOr404(code);
      if (isClosed(c, at)) {
        throw new ApiError(409, "challenge_closed", "this challenge is closed; submissions are no longer accepted");
      }
      await checkRoster(c, key, name);
      const claim = await checkClaim(code, key, body.claimToken);
      const runHash = sha256Hex(canonicalJson(body.run));
      noStore(reply);
      const existing = await storage.findSubmission(code, key, runHash);
      if (existing?.status === "removed") {
        throw new ApiError(409, "submission_removed", "the instructor removed this submission");
      }
      if (existing && !existing.verified) {
        throw new ApiError(422, existing.rejectCode ?? "rejected", existing.rejectReason ?? "rejected", {
          ...(existing.rejectKey ? { key: existing.rejectKey, params: existing.rejectParams ?? {} } : {}),
        });
      }
      if (existing) return { duplicate: true, ...(await accepted(existing)) };

      const target = {
        scenarioId: c.scenarioId,
        seed: c.seed,
        engineVersion: c.engineVersion,
        contentHash: c.contentHash,
        difficulty: c.difficulty, // a run played on another difficulty is refused (wrong_difficulty)
      };
      let outcome: Awaited<ReturnType<VerifyPool["verify"]>>;
      try {
        outcome = await pool.verify(target, JSON.stringify(body.run));
      } catch (e) {
        if (e instanceof PoolError) {
          const status = e.code === "verify_crashed" ? 422 : 503;
          if (status === 503) reply.header("retry-after", "5");
          throw new ApiError(status, e.code, e.message);
        }
        throw e;
      }
      // Stamped with the arrival time: a run that arrived before the close counts, and says so.
      const base = { code, traineeName: name, traineeKey: key, runHash, createdAt: at };
      if (!outcome.ok) {
        const r = await storage.addSubmission(
          {
            ...base,
            verified: false,
            score: null,
            stars: null,
            stateHash: null,
            kpis: null,
            timeline: null,
            runJson: null,
            rejectCode: outcome.code,
            rejectReason: outcome.message,
            rejectKey: outcome.key ?? null,
            rejectParams: outcome.params ?? null,
          },
          claim,
        );
        if (r.claim === "conflict") throw nameClaimed();
        throw new ApiError(422, outcome.code, outcome.message, {
          ...(outcome.key ? { key: outcome.key, params: outcome.params ?? {} } : {}),
        });
      }
      const r = await storage.addSubmission(
        {
          ...base,
          verified: true,
          score: outcome.score,
          stars: outcome.stars,
          stateHash: outcome.stateHash,
          kpis: outcome.kpis,
          timeline: outcome.timeline,
          runJson: outcome.runJson,
          rejectCode: null,
          rejectReason: null,
          decisionsHash: playHashOf(outcome.timeline),
          copyCheck: madeDecisions(outcome.runJson),
        },
        claim,
      );
      if (r.claim === "conflict" || !r.record) throw nameClaimed();
      if (r.created) reply.code(201);
      return {
        duplicate: !r.created,
        ...(await accepted(r.record)),
        ...(r.claim === "created" ? { claimToken: claim.token } : {}),
      };
    },
  );

  /** With a roster set, only names on it may submit. */
  async function checkRoster(c: ChallengeRecord, key: string, name: string): Promise<void> {
    if (!c.rosterEnabled) return;
    const roster = await storage.getRoster(c.code);
    if (roster && !roster.has(key)) {
      throw new ApiError(
        403,
        "not_on_roster",
        `"${name}" is not on this class's roster; use your name as the instructor listed it`,
        {
          path: "body.name",
        },
      );
    }
  }

  /**
   * Name claims: the first verified submission under a name claims it and the answer carries a
   * `claimToken` (the game keeps it); later submissions under the name must send it. Checked here,
   * before the replay, and again in the storage transaction.
   */
  async function checkClaim(code: string, key: string, presented: string | undefined) {
    const held = await storage.getClaim(code, key);
    const presentedHash = presented ? hashSecret(presented) : null;
    if (held !== null && presentedHash !== held) throw nameClaimed();
    const token = newSecret();
    return { presented: presentedHash, create: hashSecret(token), token };
  }

  function nameClaimed(): ApiError {
    return new ApiError(
      403,
      "name_claimed",
      "this name was claimed by an earlier submission from another browser; submit from that browser, or ask the instructor to reset the name",
      { path: "body.name" },
    );
  }

  async function accepted(s: SubmissionRecord) {
    const mine = await storage.rankOf(s.code, s.traineeKey);
    return {
      submission: submissionView(s),
      rank: mine?.rank ?? null,
      counted: mine?.submissionId === s.id,
    };
  }

  app.get("/api/challenges/:code/leaderboard", async (req, reply) => {
    const { code } = parse(CodeParam, req.params, "params");
    const { limit } = parse(LeaderboardQuery, req.query, "query");
    const c = await challengeOr404(code);
    noStore(reply);
    const rows = await storage.leaderboard(code, limit);
    const copies = await storage.boardCopies(code, limit);
    return {
      challenge: publicChallenge(c, now()),
      rows: rows.map(boardRow),
      copies: copies.map(copyRow),
      updatedAt: new Date().toISOString(),
    };
  });

  /** Paginated by id: `?after=<next>&limit=N` until `next` is null. */
  app.get("/api/challenges/:code/submissions", async (req, reply) => {
    const c = await instructor(req);
    const { after, limit } = parse(SubmissionsQuery, req.query, "query");
    noStore(reply);
    const subs = await storage.listSubmissions(c.code, { afterId: after, limit });
    const last = subs[subs.length - 1];
    return {
      challenge: publicChallenge(c, now()),
      submissions: subs.map(submissionView),
      next: subs.length === limit && last ? last.id : null,
    };
  });

  app.get("/api/challenges/:code/trainees/:name", async (req, reply) => {
    const c = await instructor(req);
    const { name } = parse(TraineeParam, req.params, "params");
    const clean = cleanOr400(name, NAME_MAX, "params.name", "name");
    const d = await storage.traineeDetail(c.code, nameKey(clean));
    if (!d) throw new ApiError(404, "not_found", "no submissions under this name in this challenge");
    noStore(reply);
    return {
      name: d.traineeName,
      best: d.best ? { ...submissionView(d.best), timeline: d.best.timeline } : null,
      submissions: d.submissions.map(submissionView),
    };
  });

  app.get("/api/challenges/:code/export.csv", async (req, reply) => {
    const c = await instructor(req);
    const rows = await storage.leaderboard(c.code, 100_000);
    const subs = await storage.listSubmissions(c.code);
    const yuan = (fen: number) => Math.round(fen) / 100;
    const table: (string | number | null)[][] = [
      [
        "排名 rank",
        "姓名 name",
        "得分 score",
        "星级 stars",
        "已验证 verified",
        "提交时间 submitted (UTC)",
        "提交次数 attempts",
        "成交额 GMV (¥)",
        "订单 orders",
        "访客 UV",
        "转化率 conversion",
        "净利润 net profit (¥)",
        "DSR",
        "退款率 refund rate",
        "期末现金 cash (¥)",
      ],
      ...rows.map((r) => [
        r.rank,
        r.traineeName,
        r.score,
        r.stars,
        "yes",
        new Date(r.submittedAt).toISOString(),
        r.attempts,
        yuan(r.kpis.gmvFen),
        r.kpis.orders,
        r.kpis.uv,
        Number(r.kpis.conversionRate.toFixed(4)),
        yuan(r.kpis.netProfitFen),
        Number(r.kpis.dsr.toFixed(2)),
        Number(r.kpis.refundRate.toFixed(4)),
        yuan(r.kpis.cashEndFen),
      ]),
    ];
    // Trainees with only rejected runs are listed below the ranking, with the reason.
    const ranked = new Set(rows.map((r) => nameKey(r.traineeName)));
    const rejectedOnly = new Map<string, SubmissionRecord>();
    for (const cp of await storage.boardCopies(c.code, 100_000)) {
      ranked.add(nameKey(cp.traineeName));
      table.push([
        null,
        cp.traineeName,
        cp.score,
        cp.stars,
        `copy of ${cp.copyOf.traineeName}`,
        new Date(cp.submittedAt).toISOString(),
      ]);
    }
    for (const s of subs) if (!s.verified && !ranked.has(s.traineeKey)) rejectedOnly.set(s.traineeKey, s);
    for (const s of rejectedOnly.values()) {
      table.push([
        null,
        s.traineeName,
        null,
        null,
        `no: ${s.rejectCode ?? ""} ${s.rejectReason ?? ""}`.trim(),
        new Date(s.createdAt).toISOString(),
      ]);
    }
    noStore(reply);
    reply.header("content-type", "text/csv; charset=utf-8");
    reply.header("content-disposition", `attachment; filename="shopsim-${c.code}.csv"`);
    return toCsv(table);
  });

  app.post("/api/challenges/:code/close", async (req, reply) => {
    const c = await instructor(req);
    await storage.closeChallenge(c.code, req.arrivedAt);
    noStore(reply);
    return { challenge: publicChallenge((await storage.getChallenge(c.code)) ?? c, now()) };
  });

  registerModeration(app, { storage, instructor, noStore, view: submissionView });
  registerClassroom(app, { storage, instructor, noStore, view: publicChallenge });

  // preCompressed: a file's .br / .gz sibling (written by the build, vite.config.ts) is sent when the
  // client accepts that encoding.
  if (existsSync(config.staticDir)) {
    await app.register(fastifyStatic, {
      root: config.staticDir,
      index: ["index.html"],
      wildcard: true,
      preCompressed: true,
    });
  }
  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send({ error: { code: "not_found", message: `no route ${req.method} ${req.url.split("?")[0]}` } });
  });

  return app;
}
