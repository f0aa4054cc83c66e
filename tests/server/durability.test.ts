// Acknowledged means durable: SIGKILL the server in the middle of a burst of submissions,
// restart it on the same SQLite file, and every submission that got a 2xx answer is there.
import { afterAll, expect, it } from "vitest";
import { api, botRun, buildBundle, createChallenge, type RunningServer, startServer, tempDb } from "./helpers";

let srv: RunningServer | null = null;
afterAll(async () => {
  await srv?.stop();
});

it("every acknowledged submission survives SIGKILL during a burst", async () => {
  const bundle = buildBundle("durability");
  const db = tempDb();
  srv = await startServer(bundle, { DB_FILE: db });
  const { code, secret } = await createChallenge(srv.url);
  const run = botRun("launch", "class-1", "textbook");
  const url = srv.url;
  const acked: string[] = [];
  let failedAfterKill = 0;
  const total = 60;
  let killed = false;
  const kill = srv.kill9;
  const sends = Array.from({ length: total }, async (_, i) => {
    // Stagger a little so the kill lands in the middle of the stream.
    await new Promise((r) => setTimeout(r, i * 8));
    try {
      const r = await api(url, "POST", `/api/challenges/${code}/submissions`, { name: `k${i}`, run });
      if (r.status === 201 || r.status === 200) acked.push(`k${i}`);
      if (!killed && acked.length >= 12) {
        killed = true;
        await kill();
      }
    } catch {
      failedAfterKill++;
    }
  });
  await Promise.all(sends);
  expect(killed).toBe(true);
  expect(acked.length).toBeGreaterThanOrEqual(12);
  expect(failedAfterKill).toBeGreaterThan(0);

  srv = await startServer(bundle, { DB_FILE: db });
  const subs = await api(srv.url, "GET", `/api/challenges/${code}/submissions`, undefined, {
    "x-instructor-secret": secret,
  });
  expect(subs.status).toBe(200);
  const stored = new Set(subs.body.submissions.map((s: { name: string }) => s.name));
  const lost = acked.filter((n) => !stored.has(n));
  expect(lost).toEqual([]);
  // One run under every name: the first is ranked, the rest are its copies (the board index was rebuilt
  // in step with the writes, so it agrees with the stored submissions after the kill).
  const board = await api(srv.url, "GET", `/api/challenges/${code}/leaderboard?limit=500`);
  expect(board.body.rows.length + board.body.copies.length).toBe(stored.size);
  expect(board.body.rows.length).toBe(1);
});
