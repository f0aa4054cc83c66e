// Copies and impostors visible, moderation, rosters, paging and closing by arrival time — through the
// real server as a child process.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunFile } from "../../src/engine";
import { api, botRun, buildBundle, createChallenge, type RunningServer, runOf, startServer } from "./helpers";

let bundle: string;
let srv: RunningServer;
let base: string;
const textbook = botRun("launch", "class-1", "textbook");
const naive = botRun("launch", "class-1", "naive");
const random = botRun("launch", "class-1", "random");

beforeAll(async () => {
  bundle = buildBundle("moderation");
  srv = await startServer(bundle);
  base = srv.url;
});
afterAll(async () => {
  await srv?.stop();
});

const submit = (code: string, name: string, run: unknown, claimToken?: string) =>
  api(base, "POST", `/api/challenges/${code}/submissions`, { name, run, ...(claimToken ? { claimToken } : {}) });
const asInstructor = (secret: string) => ({ "x-instructor-secret": secret });
const names = (rows: { name: string }[]) => rows.map((r) => r.name);

describe("copies are flagged, and the earlier submission keeps the rank", () => {
  it("the same file, the same file with another meta.player, the same log plus a decision that changes nothing", async () => {
    const { code, secret } = await createChallenge(base);
    const a = await submit(code, "Alice", textbook);
    expect(a.status).toBe(201);
    expect(a.body.submission.copyOf).toBeNull();

    const same = await submit(code, "Bob", textbook);
    const relabelled: RunFile = { ...JSON.parse(JSON.stringify(textbook)), meta: { player: "Carol" } };
    const relabel = await submit(code, "Carol", relabelled);
    // Alice's log with one no-op added: setting a price that the week already set (hash chain redone).
    const turns = textbook.turns.map((t) => [...t]) as unknown[][];
    const w = turns.findIndex((t) => t.some((d) => (d as { type: string }).type === "setPrice"));
    const price = turns[w]?.find((d) => (d as { type: string }).type === "setPrice");
    turns[w + 1]?.push(price);
    const noop = runOf("launch", "class-1", turns);
    expect(noop.hashes.at(-1)).not.toBe(textbook.hashes.at(-1)); // the state records the decisions
    const padded = await submit(code, "Dave", noop);
    for (const r of [same, relabel, padded]) {
      expect(r.status).toBe(201);
      expect(r.body.submission.copyOf).toMatchObject({ name: "Alice", submittedAt: a.body.submission.submittedAt });
      expect(r.body.rank).toBeNull();
      expect(r.body.counted).toBe(false);
    }
    // A different play is not a copy.
    const own = await submit(code, "Erin", naive);
    expect(own.body.submission.copyOf).toBeNull();

    const board = await api(base, "GET", `/api/challenges/${code}/leaderboard`);
    expect(names(board.body.rows).sort()).toEqual(["Alice", "Erin"].sort());
    expect(names(board.body.copies)).toEqual(["Bob", "Carol", "Dave"]);
    expect(board.body.copies[0].copyOf).toEqual({ name: "Alice", submittedAt: a.body.submission.submittedAt });

    const list = await api(base, "GET", `/api/challenges/${code}/submissions`, undefined, asInstructor(secret));
    const byName = Object.fromEntries(list.body.submissions.map((s: { name: string }) => [s.name, s]));
    expect(byName.Alice.copyOf).toBeNull();
    expect(byName.Dave.copyOf).toMatchObject({ id: a.body.submission.id, name: "Alice" });
  });
});

describe("idle runs are nobody's copy", () => {
  it("two trainees who made no decision both rank; a decision-free run is not flagged", async () => {
    const { code } = await createChallenge(base);
    const idle = runOf(
      "launch",
      "class-1",
      textbook.turns.map(() => []),
    );
    const a = await submit(code, "Fay", idle);
    const b = await submit(code, "Gus", idle);
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(b.body.submission.copyOf).toBeNull();
    const board = await api(base, "GET", `/api/challenges/${code}/leaderboard`);
    expect(names(board.body.rows).sort()).toEqual(["Fay", "Gus"]);
    expect(board.body.copies).toEqual([]);
  });
});

describe("a name is claimed by its first submission", () => {
  it("needs the claim token afterwards; the instructor can reset a claim, audited", async () => {
    const { code, secret } = await createChallenge(base);
    const first = await submit(code, "Alice", textbook);
    expect(first.status).toBe(201);
    const token = first.body.claimToken as string;
    expect(token.length).toBeGreaterThanOrEqual(40);

    for (const [who, tok] of [
      ["ALICE", undefined],
      ["alice", "not-the-token"],
    ] as const) {
      const r = await submit(code, who, random, tok);
      expect(r.status).toBe(403);
      expect(r.body.error).toMatchObject({ code: "name_claimed", path: "body.name" });
    }
    // Nothing was stored for the impostor, not even as a rejected attempt.
    const list = await api(base, "GET", `/api/challenges/${code}/submissions`, undefined, asInstructor(secret));
    expect(list.body.submissions).toHaveLength(1);

    const mine = await submit(code, "Alice", naive, token);
    expect(mine.status).toBe(201);
    expect(mine.body.claimToken).toBeUndefined();

    const noSecret = await api(base, "POST", `/api/challenges/${code}/trainees/Alice/reset-claim`);
    expect(noSecret.status).toBe(401);
    const reset = await api(
      base,
      "POST",
      `/api/challenges/${code}/trainees/alice/reset-claim`,
      undefined,
      asInstructor(secret),
    );
    expect(reset.status).toBe(200);
    const again = await submit(code, "Alice", random);
    expect(again.status).toBe(201);
    expect(typeof again.body.claimToken).toBe("string");
    expect(again.body.claimToken).not.toBe(token);
    const audit = await api(base, "GET", `/api/challenges/${code}/audit`, undefined, asInstructor(secret));
    expect(audit.body.entries).toEqual([expect.objectContaining({ action: "reset_claim", name: "alice" })]);
  });
});

describe("moderation and roster", () => {
  it("hide, show and remove an entry; every change is in the audit log", async () => {
    const { code, secret } = await createChallenge(base);
    const auth = asInstructor(secret);
    const bot = await submit(code, "ALICE", textbook);
    const low = await submit(code, "ALICE", naive, bot.body.claimToken);
    await submit(code, "Bob", random);
    const id = bot.body.submission.id;
    const score = bot.body.submission.score;

    const hide = await api(
      base,
      "POST",
      `/api/challenges/${code}/submissions/${id}/hide`,
      { hidden: true, reason: "bot run" },
      auth,
    );
    expect(hide.status).toBe(200);
    expect(hide.body.submission.hidden).toBe(true);
    let board = await api(base, "GET", `/api/challenges/${code}/leaderboard`);
    const alice = board.body.rows.find((r: { name: string }) => r.name === "ALICE");
    // Her next best run counts while the hidden one is off the board.
    expect(alice.score).toBe(low.body.submission.score);
    await api(base, "POST", `/api/challenges/${code}/submissions/${id}/hide`, { hidden: false }, auth);
    board = await api(base, "GET", `/api/challenges/${code}/leaderboard`);
    expect(board.body.rows.find((r: { name: string }) => r.name === "ALICE").score).toBe(
      Math.max(score, low.body.submission.score),
    );

    const wrong = await api(
      base,
      "POST",
      `/api/challenges/${code}/submissions/${id}/remove`,
      {},
      asInstructor("x".repeat(43)),
    );
    expect(wrong.status).toBe(403);
    const rm = await api(
      base,
      "POST",
      `/api/challenges/${code}/submissions/${low.body.submission.id}/remove`,
      { reason: "duplicate account" },
      auth,
    );
    expect(rm.status).toBe(200);
    await api(base, "POST", `/api/challenges/${code}/submissions/${id}/remove`, {}, auth);
    board = await api(base, "GET", `/api/challenges/${code}/leaderboard`);
    expect(names(board.body.rows)).toEqual(["Bob"]);
    const list = await api(base, "GET", `/api/challenges/${code}/submissions`, undefined, auth);
    expect(names(list.body.submissions)).toEqual(["Bob"]);
    // The removed run cannot come back under the same name.
    const back = await submit(code, "ALICE", textbook, bot.body.claimToken);
    expect(back.status).toBe(409);
    expect(back.body.error.code).toBe("submission_removed");
    expect((await api(base, "POST", `/api/challenges/${code}/submissions/${id}/remove`, {}, auth)).status).toBe(404);

    const audit = await api(base, "GET", `/api/challenges/${code}/audit`, undefined, auth);
    expect(audit.body.entries.map((e: { action: string }) => e.action)).toEqual(["hide", "show", "remove", "remove"]);
    expect(audit.body.entries[0]).toMatchObject({ id, name: "ALICE", score, reason: "bot run" });
    expect(audit.body.entries[2]).toMatchObject({ reason: "duplicate account" });
  });

  it("a roster admits only its names (case-folded); null drops it", async () => {
    const { code, secret } = await createChallenge(base);
    const auth = asInstructor(secret);
    const set = await api(base, "PUT", `/api/challenges/${code}/roster`, { names: ["张三", "Li Si", "li si"] }, auth);
    expect(set.status).toBe(200);
    expect(set.body.names.sort()).toEqual(["Li Si", "张三"].sort());
    const bad = await api(base, "PUT", `/api/challenges/${code}/roster`, { names: ["ok", "\u3164"] }, auth);
    expect(bad.body.error).toMatchObject({ code: "invalid_name", path: "body.names.1" });
    const stranger = await submit(code, "Mallory", textbook);
    expect(stranger.status).toBe(403);
    expect(stranger.body.error.code).toBe("not_on_roster");
    expect((await submit(code, "LI SI", textbook)).status).toBe(201);
    expect((await api(base, "GET", `/api/challenges/${code}/roster`, undefined, auth)).body.names.length).toBe(2);
    await api(base, "PUT", `/api/challenges/${code}/roster`, { names: null }, auth);
    expect((await submit(code, "Mallory", naive)).status).toBe(201);
    const audit = await api(base, "GET", `/api/challenges/${code}/audit`, undefined, auth);
    expect(audit.body.entries.map((e: { action: string }) => e.action)).toEqual(["roster", "roster"]);
  });
});

describe("the instructor's list is paged", () => {
  it("by id, with next until the last page", async () => {
    const { code, secret } = await createChallenge(base);
    const runs = [textbook, naive, random];
    for (let i = 0; i < 5; i++) await submit(code, `p${i}`, runs[i % 3]);
    const seen: string[] = [];
    let after = 0;
    const pages: number[] = [];
    for (;;) {
      const r = await api(
        base,
        "GET",
        `/api/challenges/${code}/submissions?limit=2&after=${after}`,
        undefined,
        asInstructor(secret),
      );
      expect(r.status).toBe(200);
      pages.push(r.body.submissions.length);
      seen.push(...names(r.body.submissions));
      if (r.body.next === null) break;
      after = r.body.next;
    }
    expect(pages).toEqual([2, 2, 1]);
    expect(seen).toEqual(["p0", "p1", "p2", "p3", "p4"]);
    const bad = await api(
      base,
      "GET",
      `/api/challenges/${code}/submissions?limit=5000`,
      undefined,
      asInstructor(secret),
    );
    expect(bad.body.error).toMatchObject({ code: "invalid_request", path: "query.limit" });
  });
});

describe("closing is judged by when a submission arrived", () => {
  it("runs already waiting for verification when the class closes count, stamped before the close", async () => {
    const s = await startServer(bundle, { VERIFY_WORKERS: "1" });
    try {
      const { code, secret } = await createChallenge(s.url, { scenario: "sandbox", seed: "close-1" });
      const run = botRun("sandbox", "close-1", "textbook");
      const sends = Array.from({ length: 6 }, (_, i) =>
        api(s.url, "POST", `/api/challenges/${code}/submissions`, { name: `w${i}`, run }),
      );
      // Close as soon as the first is verified: the others arrived earlier and are still queued.
      const first = await Promise.race(sends);
      expect(first.status).toBe(201);
      const closed = await api(s.url, "POST", `/api/challenges/${code}/close`, undefined, asInstructor(secret));
      const closedAt = Date.parse(closed.body.challenge.closedAt);
      const all = await Promise.all(sends);
      expect(all.map((r) => r.status)).toEqual(Array(6).fill(201));
      for (const r of all) expect(Date.parse(r.body.submission.submittedAt)).toBeLessThanOrEqual(closedAt);
      const late = await api(s.url, "POST", `/api/challenges/${code}/submissions`, { name: "late", run });
      expect(late.status).toBe(409);
      expect(late.body.error.code).toBe("challenge_closed");
    } finally {
      await s.stop();
    }
  });
});
