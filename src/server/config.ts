// Server settings, all from environment variables (documented in README.md and docs/DEPLOY.md).
// Parsed once with zod so a typo fails at start with the variable's name, not later.
import { isIP } from "node:net";
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
  /**
   * Behind a reverse proxy: how many proxy hops to trust (a number: 1 for one nginx), or the proxies'
   * addresses/CIDRs (comma-separated; also loopback, linklocal, uniquelocal). 0: no proxy. The client
   * address is then the right-most X-Forwarded-For entry not written by a trusted proxy, so a
   * client-written header cannot choose its own rate-limit bucket. See parseTrustProxy.
   */
  TRUST_PROXY: z.string().max(2000).default("0"),
  /** SIGTERM/SIGINT: how long in-flight requests may take to finish before connections are cut (ms). */
  SHUTDOWN_GRACE_MS: int(5000, 0, 120_000),
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
  /** false, a hop count, or a list of trusted proxy addresses/CIDRs (Fastify's trustProxy). */
  trustProxy: false | number | string[];
  shutdownGraceMs: number;
  logLevel: string;
}

const PROXY_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

/**
 * TRUST_PROXY: "0"/"false"/"" → no proxy; a whole number N ≥ 1 → N hops; otherwise a comma list of
 * proxy addresses or CIDRs. "true" is refused: trusting every hop lets a client write its own address.
 */
export function parseTrustProxy(raw: string): false | number | string[] {
  const v = raw.trim();
  if (v === "" || v === "0" || v === "false") return false;
  if (v === "true") {
    throw new Error(
      "bad setting TRUST_PROXY: 'true' would trust any X-Forwarded-For a client writes; " +
        "give the number of proxies (1 for one nginx) or their addresses, e.g. TRUST_PROXY=10.0.0.2",
    );
  }
  if (/^\d+$/.test(v)) {
    const n = Number(v);
    if (n > 10) throw new Error(`bad setting TRUST_PROXY: ${n} proxy hops is more than 10`);
    return n;
  }
  const list = v.split(",").map((x) => x.trim());
  for (const item of list) {
    if (PROXY_NAMES.has(item)) continue;
    const [addr, bits, extra] = item.split("/");
    const family = isIP(addr ?? "");
    const max = family === 6 ? 128 : 32;
    const okBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= max);
    if (family === 0 || !okBits || extra !== undefined) {
      throw new Error(
        `bad setting TRUST_PROXY: "${item}" is not a hop count, an IP address, a CIDR or loopback/linklocal/uniquelocal`,
      );
    }
  }
  return list;
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
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    logLevel: e.LOG_LEVEL,
  };
}
