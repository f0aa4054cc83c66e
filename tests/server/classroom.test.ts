// Issue 16 (classroom): a closed challenge can be reopened until its deadline (the instructor's
// secret required, submissions accepted again), not after; /api/health says where the server
// listens so the instructor screen can warn about a loopback-only HOST.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isLoopbackHost, listenInfo } from "../../src/server/classroom";
import { api, botRun, buildBundle, createChallenge, type RunningServer, startServer } from "./helpers";

let srv: RunningServer;
let base: string;
const textbook = botRun("launch", "class-1", "textbook");

beforeAll(async () => {
  srv = await startServer(buildBundle("classroom"));
  base = srv.url;
});
afterAll(async () => {
  await srv?.stop();
});

describe("reopen", () => {
  it("undoes a close: the secret is required, then submissions are accepted again", async () => {
    const a = await createChallenge(base);
    const b = await createChallenge(base);
    const auth = { "x-instructor-secret": a.secret };
    expect((await api(base, "POST", `/api/challenges/${a.code}/close`, undefined, auth)).body.challenge.closed).toBe(
      true,
    );
    const late = await api(base, "POST", `/api/challenges/${a.code}/submissions`, { name: "张三", run: textbook });
    expect(late.status).toBe(409);
    const wrong = await api(base, "POST", `/api/challenges/${a.code}/reopen`, undefined, {
      "x-instructor-secret": b.secret,
    });
    expect(wrong.status).toBe(403);
    const none = await api(base, "POST", `/api/challenges/${a.code}/reopen`);
    expect(none.status).toBe(401);
    const r = await api(base, "POST", `/api/challenges/${a.code}/reopen`, undefined, auth);
    expect(r.status).toBe(200);
    expect(r.body.challenge.closed).toBe(false);
    const again = await api(base, "POST", `/api/challenges/${a.code}/submissions`, { name: "张三", run: textbook });
    expect(again.status).toBe(201);
    // Reopening an open challenge changes nothing.
    expect((await api(base, "POST", `/api/challenges/${a.code}/reopen`, undefined, auth)).body.challenge.closed).toBe(
      false,
    );
  });

  it("is refused once the deadline has passed", async () => {
    const deadline = new Date(Date.now() + 1500).toISOString();
    const c = await createChallenge(base, { deadline });
    const auth = { "x-instructor-secret": c.secret };
    await api(base, "POST", `/api/challenges/${c.code}/close`, undefined, auth);
    await new Promise((r) => setTimeout(r, 2000));
    const r = await api(base, "POST", `/api/challenges/${c.code}/reopen`, undefined, auth);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe("deadline_passed");
    expect((await api(base, "GET", `/api/challenges/${c.code}`)).body.challenge.closed).toBe(true);
  });
});

describe("rejection reasons", () => {
  it("the instructor's list carries the engine's key and params of a rejection, also on a resubmission", async () => {
    const c = await createChallenge(base);
    const forged = JSON.parse(JSON.stringify(textbook));
    forged.hashes[forged.hashes.length - 1] = "0".repeat(64);
    const first = await api(base, "POST", `/api/challenges/${c.code}/submissions`, { name: "forger", run: forged });
    expect(first.status).toBe(422);
    expect(first.body.error.key).toBe("err.hashMismatch");
    const again = await api(base, "POST", `/api/challenges/${c.code}/submissions`, { name: "forger", run: forged });
    expect(again.status).toBe(422);
    expect(again.body.error.key).toBe("err.hashMismatch");
    expect(again.body.error.params).toEqual(first.body.error.params);
    const list = await api(base, "GET", `/api/challenges/${c.code}/submissions`, undefined, {
      "x-instructor-secret": c.secret,
    });
    const r = list.body.submissions[0].rejected;
    expect(r.code).toBe("hash_mismatch");
    expect(r.key).toBe("err.hashMismatch");
    expect(r.params).toEqual(first.body.error.params);
    expect(typeof r.params.turn).toBe("number");
  });
});

describe("listen address", () => {
  it("health says the server listens on loopback only (the test server's HOST is 127.0.0.1)", async () => {
    const r = await api(base, "GET", "/api/health");
    expect(r.body.listen).toEqual({ host: "127.0.0.1", loopback: true });
  });

  it("tells loopback hosts from classroom ones", () => {
    for (const h of ["127.0.0.1", "localhost", "::1", "[::1]", "127.1.2.3"]) expect(isLoopbackHost(h), h).toBe(true);
    for (const h of ["0.0.0.0", "::", "192.168.1.20", "10.0.0.5", "shopsim.school.cn"])
      expect(isLoopbackHost(h), h).toBe(false);
    expect(listenInfo("0.0.0.0")).toEqual({ host: "0.0.0.0", loopback: false });
  });
});
