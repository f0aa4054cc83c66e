// The board is read from an index table kept in step with every write (bests: each trainee's best
// shown, non-copy verified run). Against the real SQLite, in-process: random submissions, hides and
// removals give the same board and ranks as the definition computed from all rows; an old database is
// migrated and its board rebuilt.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SqliteStorage } from "../../src/server/storage/sqlite";
import type { ChallengeRecord, NewSubmission, SubmissionRecord } from "../../src/server/storage/types";

const dbFile = () => join(mkdtempSync(join(tmpdir(), "shopsim-board-")), "b.sqlite");

const challenge = (code: string): ChallengeRecord => ({
  code,
  scenarioId: "launch",
  seed: "s",
  difficulty: "standard",
  className: "c",
  deadline: null,
  engineVersion: "x",
  contentHash: "h",
  secretHash: "0".repeat(64),
  createdAt: 1,
  closedAt: null,
});

const sub = (code: string, trainee: number, score: number, play: number, i: number): NewSubmission => ({
  code,
  traineeName: `T${trainee}`,
  traineeKey: `t${trainee}`,
  runHash: `run-${i}`,
  verified: true,
  score,
  stars: 1,
  stateHash: `state-${play}`,
  kpis: { gmvFen: score } as unknown as NewSubmission["kpis"],
  timeline: [],
  runJson: "{}",
  rejectCode: null,
  rejectReason: null,
  createdAt: 1000 + i,
  decisionsHash: `play-${play}`,
});

/** The board by its definition: best shown non-copy verified run per trainee, score desc, id asc. */
function reference(all: SubmissionRecord[]) {
  const best = new Map<string, SubmissionRecord>();
  for (const s of all) {
    if (!s.verified || s.status !== "shown" || s.copyOf) continue;
    const b = best.get(s.traineeKey);
    if (!b || (s.score ?? 0) > (b.score ?? 0) || ((s.score ?? 0) === (b.score ?? 0) && s.id < b.id)) {
      best.set(s.traineeKey, s);
    }
  }
  return [...best.values()].sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || a.id - b.id);
}

describe("the board index", () => {
  it("equals the board's definition after any sequence of submissions, hides and removals", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            fc.record({
              kind: fc.constant("sub" as const),
              trainee: fc.integer({ min: 0, max: 6 }),
              score: fc.integer({ min: 0, max: 5 }),
              play: fc.integer({ min: 0, max: 12 }),
            }),
            fc.record({
              kind: fc.constantFrom("hide" as const, "show" as const, "remove" as const),
              pick: fc.nat(),
            }),
          ),
          { maxLength: 40 },
        ),
        async (ops) => {
          const st = new SqliteStorage(":memory:");
          await st.createChallenge(challenge("AAAAAA"));
          let i = 0;
          for (const op of ops) {
            if (op.kind === "sub") {
              await st.addSubmission(sub("AAAAAA", op.trainee, op.score, op.play, i++));
            } else {
              const all = await st.listSubmissions("AAAAAA");
              const target = all[op.pick % Math.max(1, all.length)];
              if (!target) continue;
              const status = op.kind === "hide" ? "hidden" : op.kind === "show" ? "shown" : "removed";
              await st.setSubmissionStatus("AAAAAA", target.id, status, { at: 1, action: op.kind, detail: {} });
            }
          }
          const all = await st.listSubmissions("AAAAAA");
          const want = reference(all);
          const board = await st.leaderboard("AAAAAA", 100);
          expect(board.map((r) => r.submissionId)).toEqual(want.map((s) => s.id));
          for (const [k, s] of want.entries()) {
            expect(await st.rankOf("AAAAAA", s.traineeKey)).toEqual({ rank: k + 1, submissionId: s.id });
            const attempts = all.filter((x) => x.traineeKey === s.traineeKey && x.verified).length;
            expect(board[k]?.attempts).toBe(attempts);
          }
          // A copy points at the earliest non-removed run of another trainee with the same play.
          for (const s of all) {
            if (!s.copyOf) continue;
            const orig = all.find((x) => x.id === s.copyOf?.id);
            if (orig) expect(orig.traineeKey).not.toBe(s.traineeKey);
            expect(s.copyOf.id).toBeLessThan(s.id);
          }
          // Trainees with only copies are listed apart, once each.
          const copies = await st.boardCopies("AAAAAA", 100);
          const ranked = new Set(want.map((s) => s.traineeKey));
          for (const c of copies) expect(ranked.has(c.traineeName.toLowerCase())).toBe(false);
          expect(new Set(copies.map((c) => c.traineeName)).size).toBe(copies.length);
          await st.close();
        },
      ),
      { numRuns: 60 },
    );
  });

  it("is scoped by challenge code", async () => {
    const st = new SqliteStorage(":memory:");
    await st.createChallenge(challenge("AAAAAA"));
    await st.createChallenge(challenge("BBBBBB"));
    await st.addSubmission(sub("AAAAAA", 1, 5, 1, 1));
    await st.addSubmission(sub("BBBBBB", 1, 9, 1, 2));
    expect((await st.leaderboard("AAAAAA", 10)).map((r) => r.score)).toEqual([5]);
    // The same play in another class is not a copy.
    expect((await st.listSubmissions("BBBBBB"))[0]?.copyOf).toBeNull();
    await st.close();
  });

  it("migrates an old database and rebuilds its board", async () => {
    const file = dbFile();
    const old = new Database(file);
    old.exec(`
      CREATE TABLE challenges (code TEXT PRIMARY KEY, scenario_id TEXT NOT NULL, seed TEXT NOT NULL,
        difficulty TEXT NOT NULL, class_name TEXT NOT NULL, deadline INTEGER, engine_version TEXT NOT NULL,
        content_hash TEXT NOT NULL, secret_hash TEXT NOT NULL, created_at INTEGER NOT NULL, closed_at INTEGER) STRICT;
      CREATE TABLE submissions (id INTEGER PRIMARY KEY AUTOINCREMENT, code TEXT NOT NULL REFERENCES challenges(code),
        trainee_name TEXT NOT NULL, trainee_key TEXT NOT NULL, run_hash TEXT NOT NULL, verified INTEGER NOT NULL,
        score INTEGER, stars INTEGER, state_hash TEXT, kpis_json TEXT, timeline_json TEXT, run_json TEXT,
        reject_code TEXT, reject_reason TEXT, created_at INTEGER NOT NULL, UNIQUE (code, trainee_key, run_hash)) STRICT;
      INSERT INTO challenges VALUES ('AAAAAA','launch','s','standard','c',NULL,'x','h','${"0".repeat(64)}',1,NULL);
      INSERT INTO submissions (code, trainee_name, trainee_key, run_hash, verified, score, stars, state_hash, kpis_json,
        created_at) VALUES
        ('AAAAAA','A','a','r1',1,50,1,'s1','{}',1), ('AAAAAA','A','a','r2',1,70,2,'s2','{}',2),
        ('AAAAAA','B','b','r3',1,60,1,'s3','{}',3), ('AAAAAA','C','c','r4',0,NULL,NULL,NULL,NULL,4);
    `);
    old.close();
    const st = new SqliteStorage(file);
    const board = await st.leaderboard("AAAAAA", 10);
    expect(board.map((r) => [r.traineeName, r.score, r.attempts])).toEqual([
      ["A", 70, 2],
      ["B", 60, 1],
    ]);
    expect((await st.getChallenge("AAAAAA"))?.rosterEnabled).toBe(false);
    await st.checkWritable();
    await st.close();
    // Opening again does not migrate twice.
    const again = new SqliteStorage(file);
    expect((await again.leaderboard("AAAAAA", 10)).length).toBe(2);
    await again.close();
  });
});
