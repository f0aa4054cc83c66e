// The app in-process (Fastify inject) with the real SQLite and a stub verification pool: the checks
// that must run before any expensive work — back-pressure and storage before the body is read,
// limits before a replay — and no body at all gets a 500.
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { buildApp } from "../../src/server/app";
import { loadConfig } from "../../src/server/config";
import { SqliteStorage } from "../../src/server/storage/sqlite";
import { StorageUnavailable } from "../../src/server/storage/types";
import type { VerifyPool } from "../../src/server/verify/pool";
import { botRun } from "./helpers";

const textbook = botRun("launch", "class-1", "textbook");

function stubPool(full = false) {
  const calls: string[] = [];
  const pool = {
    full,
    load: { queued: 0, running: 0, workers: 1 },
    stats: { verified: 0, timeouts: 0, crashes: 0 },
    async verify(_t: unknown, text: string) {
      calls.push(text);
      return { ok: false, runHash: null, code: "invalid_run", message: "stub" };
    },
    async close() {},
  };
  return { pool: pool as unknown as VerifyPool, calls, set: (f: boolean) => (pool.full = f) };
}

const apps: { close(): Promise<unknown> }[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
});

async function setup(full = false) {
  const storage = new SqliteStorage(":memory:");
  const p = stubPool(full);
  const config = {
    ...loadConfig({ LOG_LEVEL: "silent", STATIC_DIR: "/nonexistent" }),
    rateLimit: 1e6,
    rateLimitSubmit: 1e6,
  };
  const app = await buildApp({ config, storage, pool: p.pool });
  apps.push(app);
  p.set(false);
  const created = await app.inject({
    method: "POST",
    url: "/api/challenges",
    payload: { scenario: "launch", seed: "class-1", className: "x" },
  });
  const code = created.json().code as string;
  p.set(full);
  return { app, storage, code, ...p };
}

describe("before any expensive work", () => {
  it("a full queue answers 503 before the body is read or parsed", async () => {
    const { app, code, calls } = await setup(true);
    const r = await app.inject({
      method: "POST",
      url: `/api/challenges/${code}/submissions`,
      headers: { "content-type": "application/json" },
      payload: '{"name": "x", "run": {', // not even JSON: never parsed
    });
    expect(r.statusCode).toBe(503);
    expect(r.json().error.code).toBe("verify_busy");
    expect(r.headers["retry-after"]).toBe("5");
    expect(calls).toHaveLength(0);
  });

  it("an unusable database answers 503 storage_unavailable before the body is parsed", async () => {
    const { app, code, storage, calls } = await setup();
    storage.assertUsable = () => {
      throw new StorageUnavailable("test: the file is gone");
    };
    const r = await app.inject({
      method: "POST",
      url: `/api/challenges/${code}/submissions`,
      headers: { "content-type": "application/json" },
      payload: "{",
    });
    expect(r.statusCode).toBe(503);
    expect(r.json().error.code).toBe("storage_unavailable");
    expect(r.headers["retry-after"]).toBe("30");
    expect(calls).toHaveLength(0);
  });

  it("after a write fails for a storage reason, later submissions are refused before a replay until health passes", async () => {
    const { app, code, storage, calls } = await setup();
    const st = (storage as unknown as { st: { insertSub: { run: () => never } } }).st;
    const real = st.insertSub.run;
    st.insertSub.run = () => {
      throw Object.assign(new Error("attempt to write a readonly database"), { code: "SQLITE_READONLY" });
    };
    const send = () =>
      app.inject({ method: "POST", url: `/api/challenges/${code}/submissions`, payload: { name: "x", run: textbook } });
    const first = await send();
    expect(first.statusCode).toBe(503);
    expect(first.json().error.code).toBe("storage_unavailable");
    expect(calls).toHaveLength(1); // this one was replayed, then could not be stored
    const second = await send();
    expect(second.statusCode).toBe(503);
    expect(calls).toHaveLength(1); // held off at the door: no second replay
    st.insertSub.run = real;
    expect((await app.inject({ method: "GET", url: "/api/health" })).statusCode).toBe(200);
    expect((await send()).statusCode).toBe(422); // stored (the stub rejects every run) after the probe
    expect(calls).toHaveLength(2);
  });

  it("limits are checked before the replay: an over-long week never reaches a worker", async () => {
    const { app, code, calls } = await setup();
    const run = JSON.parse(JSON.stringify(textbook));
    run.turns[0] = Array.from({ length: 200 }, () => run.turns[0][0]);
    const r = await app.inject({
      method: "POST",
      url: `/api/challenges/${code}/submissions`,
      payload: { name: "x", run },
    });
    expect(r.statusCode).toBe(422);
    expect(calls).toHaveLength(0);
    const ok = await app.inject({
      method: "POST",
      url: `/api/challenges/${code}/submissions`,
      payload: { name: "x", run: textbook },
    });
    expect(ok.statusCode).toBe(422); // the stub's answer: it did reach the pool
    expect(calls).toHaveLength(1);
  });
});

describe("no body gets a 500", () => {
  it("arbitrary JSON to every write route", async () => {
    const { app, code } = await setup();
    const routes = [
      "/api/challenges",
      `/api/challenges/${code}/submissions`,
      `/api/challenges/${code}/close`,
      `/api/challenges/${code}/submissions/1/hide`,
    ];
    const body = fc.oneof(
      fc.jsonValue({ maxDepth: 6 }),
      fc.record(
        { name: fc.string(), run: fc.jsonValue({ maxDepth: 6 }), claimToken: fc.string() },
        { requiredKeys: [] },
      ),
      fc.record({ name: fc.string({ unit: "binary" }), run: fc.constant(textbook) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), body, async (url, payload) => {
        const r = await app.inject({
          method: "POST",
          url,
          headers: { "content-type": "application/json", "x-instructor-secret": "s".repeat(43) },
          payload: JSON.stringify(payload),
        });
        expect(r.statusCode, r.body).toBeLessThan(500);
        expect(r.json().error ?? r.json()).toBeTruthy();
      }),
      { numRuns: 300 },
    );
  });

  it("raw bytes that are not UTF-8 or not JSON", async () => {
    const { app, code } = await setup();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (bytes) => {
        const r = await app.inject({
          method: "POST",
          url: `/api/challenges/${code}/submissions`,
          headers: { "content-type": "application/json" },
          payload: Buffer.from(bytes),
        });
        expect(r.statusCode).toBeGreaterThanOrEqual(400);
        expect(r.statusCode).toBeLessThan(500);
      }),
      { numRuns: 200 },
    );
  });
});
