// The real server (the esbuild bundle that `npm start` runs) as a child process on 127.0.0.1 with a
// temp SQLite file: create → bot run → submit → leaderboard, every rejection with its reason,
// hostile names, instructor views and scoping, CSV, limits, timeouts and bounded concurrency.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getScenario } from "../../src/content/scenarios";
import { ENGINE_VERSION, type RunFile, replayRun, runKpis, scoreRun } from "../../src/engine";
import { api, botRun, buildBundle, createChallenge, type RunningServer, startServer } from "./helpers";

let bundle: string;
let srv: RunningServer;
let base: string;
const textbook = botRun("launch", "class-1", "textbook");
const naive = botRun("launch", "class-1", "naive");
const clone = (r: RunFile): RunFile => JSON.parse(JSON.stringify(r));

function expectedScore(run: RunFile): number {
  const sc = getScenario(run.scenario.id);
  if (!sc) throw new Error("scenario");
  const r = replayRun(run, sc);
  if (!r.ok) throw new Error(r.error.message);
  return scoreRun(sc, r.state).score;
}

beforeAll(async () => {
  bundle = buildBundle("api");
  srv = await startServer(bundle);
  base = srv.url;
});
afterAll(async () => {
  await srv?.stop();
});

const submit = (code: string, name: string, run: unknown, extra: Record<string, unknown> = {}) =>
  api(base, "POST", `/api/challenges/${code}/submissions`, { name, run, ...extra });

describe("challenge lifecycle", () => {
  it("health answers with the engine version", async () => {
    const r = await api(base, "GET", "/api/health");
    expect(r.status).toBe(200);
    expect(r.body.ok).toBe(true);
    expect(r.body.engineVersion).toBe(ENGINE_VERSION);
  });

  it("create → bot run → submit → leaderboard, with the server's own score", async () => {
    const ch = await createChallenge(base);
    expect(ch.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}$/);
    expect(ch.secret.length).toBeGreaterThanOrEqual(40);
    expect(ch.link).toBe(`${base}/?c=${ch.code}`);
    const read = await api(base, "GET", `/api/challenges/${ch.code.toLowerCase()}`);
    expect(read.status).toBe(200);
    expect(read.body.challenge).toMatchObject({ code: ch.code, seed: "class-1", className: "电商1班", closed: false });
    expect(JSON.stringify(read.body)).not.toContain(ch.secret);

    // A client-sent score is ignored: the server replays and scores the run itself.
    const r = await submit(ch.code, "  张三  ", textbook, { score: 1000, stars: 3 });
    expect(r.status).toBe(201);
    const want = expectedScore(textbook);
    expect(r.body.submission).toMatchObject({ name: "张三", verified: true, score: want });
    expect(r.body.rank).toBe(1);
    expect(r.body.counted).toBe(true);

    // The first verified submission claims the name: the answer carries the token.
    const token = r.body.claimToken;
    expect(typeof token).toBe("string");
    // Identical resubmission: idempotent (same record, no new row).
    const again = await submit(ch.code, "张三", textbook, { claimToken: token });
    expect(again.status).toBe(200);
    expect(again.body.duplicate).toBe(true);
    expect(again.body.submission.id).toBe(r.body.submission.id);
    expect(again.body.claimToken).toBeUndefined();

    // The trainee's best verified run counts: a worse run later does not replace it.
    const worse = await submit(ch.code, "张三", naive, { claimToken: token });
    expect(worse.status).toBe(201);
    const naiveScore = expectedScore(naive);
    expect(worse.body.submission.score).toBe(naiveScore);
    expect(worse.body.counted).toBe(naiveScore > want);

    // Another trainee sending the same run is a copy: shown apart, unranked, naming the earlier trainee.
    const copy = await submit(ch.code, "Li Si", textbook);
    expect(copy.status).toBe(201);
    expect(copy.body.submission.copyOf).toMatchObject({ name: "张三" });
    expect(copy.body.counted).toBe(false);
    expect(copy.body.rank).toBeNull();
    const board = await api(base, "GET", `/api/challenges/${ch.code}/leaderboard`);
    expect(board.status).toBe(200);
    expect(board.headers.get("cache-control")).toBe("no-store");
    const rows = board.body.rows as {
      rank: number;
      name: string;
      score: number;
      verified: boolean;
      attempts: number;
    }[];
    expect(rows.map((x) => x.name)).toEqual(["张三"]);
    expect(rows[0]).toMatchObject({ rank: 1, score: Math.max(want, naiveScore), verified: true, attempts: 2 });
    expect(board.body.copies).toEqual([
      expect.objectContaining({ name: "Li Si", score: want, copyOf: expect.objectContaining({ name: "张三" }) }),
    ]);
    const best = naiveScore > want ? naive : textbook;
    const sc = getScenario("launch");
    const rep = sc && replayRun(best, sc);
    if (!sc || !rep?.ok) throw new Error("replay");
    expect(board.body.rows[0].kpis.gmvFen).toBe(runKpis(sc, rep.state).gmvFen);
  });

  it("random seeds, deadlines and validation of the create request", async () => {
    const rnd = await createChallenge(base, { seed: "random", difficulty: "hard", className: "夜班" });
    expect(rnd.challenge.seed).toMatch(/^r-[\w-]{10}$/);
    expect(rnd.challenge.difficulty).toBe("hard");
    const future = new Date(Date.now() + 86_400_000).toISOString();
    const dl = await createChallenge(base, { deadline: future });
    expect(dl.challenge.deadline).toBe(future);
    const past = await api(base, "POST", "/api/challenges", {
      scenario: "launch",
      className: "x",
      deadline: "2020-01-01T00:00:00Z",
    });
    expect(past.status).toBe(400);
    expect(past.body.error.path).toBe("body.deadline");
    const unknown = await api(base, "POST", "/api/challenges", { scenario: "nope", className: "x" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.code).toBe("unknown_scenario");
    const missing = await api(base, "POST", "/api/challenges", { scenario: "launch" });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: "invalid_request", path: "body.className" });
    const badCode = await api(base, "GET", "/api/challenges/0OIL11");
    expect(badCode.status).toBe(400);
    expect(badCode.body.error.code).toBe("invalid_code");
    const noCode = await api(base, "GET", "/api/challenges/ZZZZZZ");
    expect(noCode.status).toBe(404);
  });
});

describe("verification rejects forged and foreign runs with the reason", () => {
  let code: string;
  beforeAll(async () => {
    code = (await createChallenge(base)).code;
  });

  it("a score field inside the run file makes it an invalid run", async () => {
    const r = await submit(code, "forger", { ...clone(textbook), score: 1000 });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe("invalid_run");
    expect(r.body.error.message).toMatch(/score|unrecognized/i);
  });

  it("an edited decision breaks the hash chain at that week", async () => {
    const run = clone(textbook);
    const week3 = run.turns[2] as unknown as Record<string, unknown>[];
    const price = week3.find((d) => d.type === "setPrice");
    if (price) price.priceFen = (price.priceFen as number) + 500;
    else week3.push({ type: "setPrice", sku: "cup300", priceFen: 9900 });
    const r = await submit(code, "editor", run);
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe("hash_mismatch");
    expect(r.body.error.message).toContain("turn 3");
    expect(r.body.error.key).toBe("err.hashMismatch");
    // Recorded as a rejected attempt; resubmitting gives the same answer without a new row.
    const again = await submit(code, "editor", run);
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe("hash_mismatch");
  });

  it("an edited hash is caught too", async () => {
    const run = clone(textbook);
    run.hashes[7] = "0".repeat(64);
    const r = await submit(code, "hasher", run);
    expect(r.body.error.code).toBe("hash_mismatch");
    expect(r.body.error.message).toContain("turn 8");
  });

  it("a run on another seed is refused", async () => {
    const r = await submit(code, "wrongseed", botRun("launch", "class-2"));
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe("wrong_seed");
  });

  it("a run from another engine version is refused", async () => {
    const r = await submit(code, "oldengine", { ...clone(textbook), engineVersion: "0.0.1" });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe("engine_version");
    expect(r.body.error.message).toContain("0.0.1");
  });

  it("a run for another scenario or an edited scenario is refused", async () => {
    const other = clone(textbook);
    other.scenario.id = "sandbox";
    expect((await submit(code, "other", other)).body.error.code).toBe("wrong_scenario");
    const edited = clone(textbook);
    edited.scenario.contentHash = "a".repeat(64);
    expect((await submit(code, "edited", edited)).body.error.code).toBe("scenario_changed");
  });

  it("an unfinished run is refused", async () => {
    const part = clone(textbook);
    part.turns = part.turns.slice(0, 3);
    part.hashes = part.hashes.slice(0, 3);
    const r = await submit(code, "early", part);
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe("run_incomplete");
  });

  it("malformed, oversized and non-JSON bodies get clear errors", async () => {
    const bad = await api(base, "POST", `/api/challenges/${code}/submissions`, '{"name": "x", "run": {');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("malformed_json");
    const huge = await submit(code, "big", { ...clone(textbook), pad: "x".repeat(600 * 1024) });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe("body_too_large");
    const bigCreate = await api(base, "POST", "/api/challenges", { scenario: "launch", className: "x".repeat(20_000) });
    expect(bigCreate.status).toBe(413);
    const text = await api(base, "POST", `/api/challenges/${code}/submissions`, "name=x", {
      "content-type": "text/plain",
    });
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe("unsupported_media_type");
    const notObject = await submit(code, "x", "run");
    expect(notObject.status).toBe(400);
    expect(notObject.body.error.path).toBe("body.run");
  });
});

describe("names are data, never markup or formulas", () => {
  it("refuses control characters, bidi overrides, empty and over-long names", async () => {
    const { code } = await createChallenge(base);
    for (const name of ["a\u0000b", "line\nbreak", "\u202Eevil", "zero\u200Bwidth", "   ", "x".repeat(33), "\u0007"]) {
      const r = await submit(code, name, textbook);
      expect(r.status, JSON.stringify(name)).toBe(400);
      expect(r.body.error).toMatchObject({ code: "invalid_name", path: "body.name" });
    }
    const cls = await api(base, "POST", "/api/challenges", { scenario: "launch", className: "班\u0000" });
    expect(cls.body.error.code).toBe("invalid_name");
  });

  it("keeps HTML and formula names verbatim in JSON and neutralises them in the CSV", async () => {
    const ch = await createChallenge(base, { className: "=cmd|' /C calc'!A0" });
    const hostile = ["<script>alert(1)</script>", '=HYPERLINK("http://x","y")', "+1+1", "-2", "@SUM(A1)"];
    for (const name of hostile) expect((await submit(ch.code, name, textbook)).status).toBe(201);
    const board = await api(base, "GET", `/api/challenges/${ch.code}/leaderboard`);
    expect(board.headers.get("content-type")).toMatch(/^application\/json/);
    // One run under five names: the first is ranked, the others are listed as its copies.
    const shown = [...board.body.rows, ...board.body.copies].map((r: { name: string }) => r.name);
    expect(shown).toEqual(hostile);

    const csv = await fetch(`${base}/api/challenges/${ch.code}/export.csv`, {
      headers: { "x-instructor-secret": ch.secret },
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text).toContain("排名 rank");
    expect(text).toContain('"<script>alert(1)</script>"');
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(text).toContain(`"'+1+1"`);
    expect(text).toContain(`"'-2"`);
    expect(text).toContain(`"'@SUM(A1)"`);
    for (const line of text.split("\r\n")) expect(line).not.toMatch(/(^|,)"?[=+@]/);
  });
});

describe("instructor views are scoped by the challenge's own secret", () => {
  it("needs the secret, refuses another class's secret, and shows KPIs + timeline", async () => {
    const a = await createChallenge(base, { className: "A班" });
    const b = await createChallenge(base, { className: "B班" });
    await submit(a.code, "王五", textbook);
    await submit(b.code, "赵六", naive);
    await submit(a.code, "cheat", { ...clone(textbook), seed: "other" });

    expect((await api(base, "GET", `/api/challenges/${a.code}/submissions`)).status).toBe(401);
    const wrong = await api(base, "GET", `/api/challenges/${a.code}/submissions`, undefined, {
      "x-instructor-secret": b.secret,
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe("forbidden");
    const auth = { "x-instructor-secret": a.secret };
    const subs = await api(base, "GET", `/api/challenges/${a.code}/submissions`, undefined, auth);
    expect(subs.status).toBe(200);
    const names = subs.body.submissions.map((s: { name: string }) => s.name);
    expect(names).toEqual(["王五", "cheat"]);
    expect(subs.body.submissions[1]).toMatchObject({ verified: false, rejected: { code: "wrong_seed" } });

    const detail = await api(
      base,
      "GET",
      `/api/challenges/${a.code}/trainees/${encodeURIComponent("王五")}`,
      undefined,
      auth,
    );
    expect(detail.status).toBe(200);
    expect(detail.body.best.timeline).toHaveLength(8);
    expect(detail.body.best.timeline[0]).toMatchObject({ week: 1 });
    expect(detail.body.best.timeline[0].decisions).toEqual(textbook.turns[0]);
    expect(detail.body.best.kpis.orders).toBeGreaterThan(0);
    // Class B's trainee is not visible through class A, even with A's secret.
    const other = await api(
      base,
      "GET",
      `/api/challenges/${a.code}/trainees/${encodeURIComponent("赵六")}`,
      undefined,
      auth,
    );
    expect(other.status).toBe(404);
    const leaderA = await api(base, "GET", `/api/challenges/${a.code}/leaderboard`);
    expect(leaderA.body.rows.map((r: { name: string }) => r.name)).toEqual(["王五"]);

    // Close: no more submissions.
    expect(
      (await api(base, "POST", `/api/challenges/${a.code}/close`, undefined, { "x-instructor-secret": b.secret }))
        .status,
    ).toBe(403);
    const closed = await api(base, "POST", `/api/challenges/${a.code}/close`, undefined, auth);
    expect(closed.status).toBe(200);
    expect(closed.body.challenge.closed).toBe(true);
    const late = await submit(a.code, "late", textbook);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe("challenge_closed");
  });
});

describe("concurrency, limits and isolation of the replay", () => {
  it("verifies a burst of concurrent submissions, each exactly once", async () => {
    const { code, secret } = await createChallenge(base);
    const n = 30;
    const rs = await Promise.all(Array.from({ length: n }, (_, i) => submit(code, `t${i}`, i % 2 ? naive : textbook)));
    expect(rs.map((r) => r.status)).toEqual(Array(n).fill(201));
    const subs = await api(base, "GET", `/api/challenges/${code}/submissions`, undefined, {
      "x-instructor-secret": secret,
    });
    expect(subs.body.submissions).toHaveLength(n);
  });

  it("a full queue answers 503 busy instead of piling up work", async () => {
    const s = await startServer(bundle, { VERIFY_WORKERS: "1", VERIFY_QUEUE: "2" });
    try {
      const { code } = await createChallenge(s.url);
      const rs = await Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          api(s.url, "POST", `/api/challenges/${code}/submissions`, { name: `q${i}`, run: textbook }),
        ),
      );
      const statuses = rs.map((r) => r.status);
      expect(statuses.every((x) => x === 201 || x === 503)).toBe(true);
      expect(statuses.filter((x) => x === 201).length).toBeGreaterThanOrEqual(3);
      expect(statuses).toContain(503);
      expect(rs.find((r) => r.status === 503)?.body.error.code).toBe("verify_busy");
    } finally {
      await s.stop();
    }
  });

  it("a replay over its time cap is terminated and the server keeps serving", async () => {
    const s = await startServer(bundle, { VERIFY_WORKERS: "1", VERIFY_TIMEOUT_MS: "1" });
    try {
      const { code } = await createChallenge(s.url);
      const r = await api(s.url, "POST", `/api/challenges/${code}/submissions`, { name: "slow", run: textbook });
      expect(r.status).toBe(503);
      expect(r.body.error.code).toBe("verify_timeout");
      const h = await api(s.url, "GET", "/api/health");
      expect(h.body.verify.timeouts).toBeGreaterThanOrEqual(1);
      expect(h.body.verify.workers).toBe(1);
    } finally {
      await s.stop();
    }
  });

  it("rate limits creation per client", async () => {
    const s = await startServer(bundle, { RATE_LIMIT_CREATE: "2" });
    try {
      const body = { scenario: "launch", className: "x" };
      expect((await api(s.url, "POST", "/api/challenges", body)).status).toBe(201);
      expect((await api(s.url, "POST", "/api/challenges", body)).status).toBe(201);
      const third = await api(s.url, "POST", "/api/challenges", body);
      expect(third.status).toBe(429);
      expect(third.body.error.code).toBe("rate_limited");
    } finally {
      await s.stop();
    }
  });

  it("serves the game with security headers", async () => {
    const r = await fetch(`${base}/`);
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toMatch(/^text\/html/);
    expect(r.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(r.headers.get("x-content-type-options")).toBe("nosniff");
    const missing = await api(base, "GET", "/api/nothing");
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("not_found");
  });
});
