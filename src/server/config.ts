// Server settings, all from environment variables (documented in README.md and docs/DEPLOY.md).
// Parsed once with zod so a typo fails at start with the variable's name, not later.
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { z } from "zod";

const int = (def: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(def);

const EnvSchema = z.object({
  PORT: int(8080, 0, 65535),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATA_DIR: z.string().min(1).default("./data"),
  DB_FILE: z.string().min(1).optional(),
  /** Verification worker threads (default: available cores). */
  VERIFY_WORKERS: z.coerce.number().int().min(1).max(64).optional(),
  /** Wall-clock cap of one replay; the worker is terminated when it is exceeded. */
  VERIFY_TIMEOUT_MS: int(5000, 1, 120_000),
  /** Heap cap of each verification worker (old generation, MB). */
  VERIFY_MEMORY_MB: int(128, 16, 4096),
  /** Submissions waiting for a worker before the server answers 503 busy. */
  VERIFY_QUEUE: int(256, 1, 100_000),
  /** Requests per minute per client IP, all routes together. */
  RATE_LIMIT: int(3000, 1, 1_000_000),
  /** Challenge creations per minute per client IP. */
  RATE_LIMIT_CREATE: int(20, 1, 1_000_000),
  /** Submissions per minute per client IP (a classroom behind one NAT shares this). */
  RATE_LIMIT_SUBMIT: int(300, 1, 1_000_000),
  /** Largest accepted run file upload, bytes (a 26-week run is ~20 KB). */
  MAX_RUN_BYTES: int(512 * 1024, 1024, 16 * 1024 * 1024),
  /** SQLite durability: FULL (fsync every commit; default) or NORMAL (WAL: survives SIGKILL, not power loss). */
  DB_SYNC: z.enum(["FULL", "NORMAL"]).default("FULL"),
  /** Directory with the built game (vite build). */
  STATIC_DIR: z.string().min(1).default("./dist"),
  /** Base of the links given to instructors, e.g. https://shopsim.school.cn (default: the request's host). */
  PUBLIC_URL: z.url().optional(),
  /** Trust X-Forwarded-For (behind a reverse proxy) for rate limits and links. */
  TRUST_PROXY: z.enum(["0", "1", "true", "false"]).default("0"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("warn"),
});

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  dbFile: string;
  dbSync: "FULL" | "NORMAL";
  verifyWorkers: number;
  verifyTimeoutMs: number;
  verifyMemoryMb: number;
  verifyQueue: number;
  rateLimit: number;
  rateLimitCreate: number;
  rateLimitSubmit: number;
  maxRunBytes: number;
  staticDir: string;
  publicUrl: string | undefined;
  trustProxy: boolean;
  logLevel: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const r = EnvSchema.safeParse(clean);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new Error(`bad setting ${i?.path.join(".") ?? "?"}: ${i?.message ?? "invalid"}`);
  }
  const e = r.data;
  const dataDir = resolve(e.DATA_DIR);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    dbFile: e.DB_FILE ? resolve(e.DB_FILE) : resolve(dataDir, "shopsim.sqlite"),
    dbSync: e.DB_SYNC,
    verifyWorkers: e.VERIFY_WORKERS ?? Math.max(1, availableParallelism()),
    verifyTimeoutMs: e.VERIFY_TIMEOUT_MS,
    verifyMemoryMb: e.VERIFY_MEMORY_MB,
    verifyQueue: e.VERIFY_QUEUE,
    rateLimit: e.RATE_LIMIT,
    rateLimitCreate: e.RATE_LIMIT_CREATE,
    rateLimitSubmit: e.RATE_LIMIT_SUBMIT,
    maxRunBytes: e.MAX_RUN_BYTES,
    staticDir: resolve(e.STATIC_DIR),
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ""),
    trustProxy: e.TRUST_PROXY === "1" || e.TRUST_PROXY === "true",
    logLevel: e.LOG_LEVEL,
  };
}
