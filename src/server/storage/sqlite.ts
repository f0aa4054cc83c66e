// SQLite storage (better-sqlite3): one file, WAL journal, synchronous=FULL so that a submission
// is on disk before the server acknowledges it (it survives SIGKILL and power loss). Every
// statement is prepared once with ? parameters; no SQL is ever built from input.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import type {
  ChallengeRecord,
  LeaderboardRow,
  NewSubmission,
  RunKpis,
  Storage,
  SubmissionRecord,
  TimelineWeek,
  TraineeDetail,
} from "./types";

const SCHEMA = `
CREATE TABLE IF NOT EXISTS challenges (
  code TEXT PRIMARY KEY,
  scenario_id TEXT NOT NULL,
  seed TEXT NOT NULL,
  difficulty TEXT NOT NULL,
  class_name TEXT NOT NULL,
  deadline INTEGER,
  engine_version TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  secret_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  closed_at INTEGER
) STRICT;
CREATE TABLE IF NOT EXISTS submissions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  code TEXT NOT NULL REFERENCES challenges(code),
  trainee_name TEXT NOT NULL,
  trainee_key TEXT NOT NULL,
  run_hash TEXT NOT NULL,
  verified INTEGER NOT NULL,
  score INTEGER,
  stars INTEGER,
  state_hash TEXT,
  kpis_json TEXT,
  timeline_json TEXT,
  run_json TEXT,
  reject_code TEXT,
  reject_reason TEXT,
  created_at INTEGER NOT NULL,
  UNIQUE (code, trainee_key, run_hash)
) STRICT;
CREATE INDEX IF NOT EXISTS submissions_board ON submissions (code, verified, trainee_key, score DESC, id);
`;

interface ChallengeRow {
  code: string;
  scenario_id: string;
  seed: string;
  difficulty: string;
  class_name: string;
  deadline: number | null;
  engine_version: string;
  content_hash: string;
  secret_hash: string;
  created_at: number;
  closed_at: number | null;
}

interface SubmissionRow {
  id: number;
  code: string;
  trainee_name: string;
  trainee_key: string;
  run_hash: string;
  verified: number;
  score: number | null;
  stars: number | null;
  state_hash: string | null;
  kpis_json: string | null;
  reject_code: string | null;
  reject_reason: string | null;
  created_at: number;
}

const SUB_COLS = `id, code, trainee_name, trainee_key, run_hash, verified, score, stars, state_hash, kpis_json,
  reject_code, reject_reason, created_at`;

function toChallenge(r: ChallengeRow): ChallengeRecord {
  return {
    code: r.code,
    scenarioId: r.scenario_id,
    seed: r.seed,
    difficulty: r.difficulty as ChallengeRecord["difficulty"],
    className: r.class_name,
    deadline: r.deadline,
    engineVersion: r.engine_version,
    contentHash: r.content_hash,
    secretHash: r.secret_hash,
    createdAt: r.created_at,
    closedAt: r.closed_at,
  };
}

function toSubmission(r: SubmissionRow): SubmissionRecord {
  return {
    id: r.id,
    code: r.code,
    traineeName: r.trainee_name,
    traineeKey: r.trainee_key,
    runHash: r.run_hash,
    verified: r.verified === 1,
    score: r.score,
    stars: r.stars,
    stateHash: r.state_hash,
    kpis: r.kpis_json ? (JSON.parse(r.kpis_json) as RunKpis) : null,
    rejectCode: r.reject_code,
    rejectReason: r.reject_reason,
    createdAt: r.created_at,
  };
}

export class SqliteStorage implements Storage {
  private db: Database.Database;
  private st;

  constructor(file: string, opts: { synchronous?: "FULL" | "NORMAL" } = {}) {
    if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma("journal_mode = WAL");
    // FULL: fsync at every commit (survives power loss). NORMAL in WAL mode: survives a killed
    // process (SIGKILL) but a power cut may lose the last commits. See docs/DEPLOY.md.
    this.db.pragma(`synchronous = ${opts.synchronous === "NORMAL" ? "NORMAL" : "FULL"}`);
    this.db.pragma("foreign_keys = ON");
    this.db.pragma("busy_timeout = 5000");
    this.db.exec(SCHEMA);
    const db = this.db;
    this.st = {
      insertChallenge: db.prepare(
        `INSERT OR IGNORE INTO challenges (code, scenario_id, seed, difficulty, class_name, deadline, engine_version,
           content_hash, secret_hash, created_at, closed_at)
         VALUES (@code, @scenario_id, @seed, @difficulty, @class_name, @deadline, @engine_version, @content_hash,
           @secret_hash, @created_at, @closed_at)`,
      ),
      getChallenge: db.prepare<[string], ChallengeRow>("SELECT * FROM challenges WHERE code = ?"),
      close: db.prepare("UPDATE challenges SET closed_at = COALESCE(closed_at, ?) WHERE code = ?"),
      find: db.prepare<[string, string, string], SubmissionRow>(
        `SELECT ${SUB_COLS} FROM submissions WHERE code = ? AND trainee_key = ? AND run_hash = ?`,
      ),
      insertSub: db.prepare(
        `INSERT OR IGNORE INTO submissions (code, trainee_name, trainee_key, run_hash, verified, score, stars,
           state_hash, kpis_json, timeline_json, run_json, reject_code, reject_reason, created_at)
         VALUES (@code, @trainee_name, @trainee_key, @run_hash, @verified, @score, @stars, @state_hash, @kpis_json,
           @timeline_json, @run_json, @reject_code, @reject_reason, @created_at)`,
      ),
      board: db.prepare<[string, number], SubmissionRow & { attempts: number }>(
        `SELECT * FROM (
           SELECT ${SUB_COLS},
             ROW_NUMBER() OVER (PARTITION BY trainee_key ORDER BY score DESC, id ASC) AS rn,
             COUNT(*) OVER (PARTITION BY trainee_key) AS attempts
           FROM submissions WHERE code = ? AND verified = 1
         ) WHERE rn = 1 ORDER BY score DESC, id ASC LIMIT ?`,
      ),
      rankOf: db.prepare<[string, string], { rank: number; id: number }>(
        `SELECT rank, id FROM (
           SELECT trainee_key, id, ROW_NUMBER() OVER (ORDER BY score DESC, id ASC) AS rank FROM (
             SELECT trainee_key, id, score,
               ROW_NUMBER() OVER (PARTITION BY trainee_key ORDER BY score DESC, id ASC) AS rn
             FROM submissions WHERE code = ? AND verified = 1
           ) WHERE rn = 1
         ) WHERE trainee_key = ?`,
      ),
      list: db.prepare<[string], SubmissionRow>(`SELECT ${SUB_COLS} FROM submissions WHERE code = ? ORDER BY id`),
      trainee: db.prepare<[string, string], SubmissionRow>(
        `SELECT ${SUB_COLS} FROM submissions WHERE code = ? AND trainee_key = ? ORDER BY id`,
      ),
      timeline: db.prepare<[number, string], { timeline_json: string | null }>(
        "SELECT timeline_json FROM submissions WHERE id = ? AND code = ?",
      ),
      ping: db.prepare("SELECT 1"),
    };
  }

  async createChallenge(c: ChallengeRecord): Promise<boolean> {
    const r = this.st.insertChallenge.run({
      code: c.code,
      scenario_id: c.scenarioId,
      seed: c.seed,
      difficulty: c.difficulty,
      class_name: c.className,
      deadline: c.deadline,
      engine_version: c.engineVersion,
      content_hash: c.contentHash,
      secret_hash: c.secretHash,
      created_at: c.createdAt,
      closed_at: c.closedAt,
    });
    return r.changes === 1;
  }

  async getChallenge(code: string): Promise<ChallengeRecord | null> {
    const r = this.st.getChallenge.get(code);
    return r ? toChallenge(r) : null;
  }

  async closeChallenge(code: string, at: number): Promise<void> {
    this.st.close.run(at, code);
  }

  async findSubmission(code: string, traineeKey: string, runHash: string): Promise<SubmissionRecord | null> {
    const r = this.st.find.get(code, traineeKey, runHash);
    return r ? toSubmission(r) : null;
  }

  async addSubmission(s: NewSubmission): Promise<{ record: SubmissionRecord; created: boolean }> {
    const r = this.st.insertSub.run({
      code: s.code,
      trainee_name: s.traineeName,
      trainee_key: s.traineeKey,
      run_hash: s.runHash,
      verified: s.verified ? 1 : 0,
      score: s.score,
      stars: s.stars,
      state_hash: s.stateHash,
      kpis_json: s.kpis ? JSON.stringify(s.kpis) : null,
      timeline_json: s.timeline ? JSON.stringify(s.timeline) : null,
      run_json: s.runJson,
      reject_code: s.rejectCode,
      reject_reason: s.rejectReason,
      created_at: s.createdAt,
    });
    const row = this.st.find.get(s.code, s.traineeKey, s.runHash);
    if (!row) throw new Error("submission vanished after insert");
    return { record: toSubmission(row), created: r.changes === 1 };
  }

  async leaderboard(code: string, limit: number): Promise<LeaderboardRow[]> {
    return this.st.board.all(code, limit).map((r, i) => ({
      rank: i + 1,
      traineeName: r.trainee_name,
      score: r.score ?? 0,
      stars: r.stars ?? 0,
      kpis: JSON.parse(r.kpis_json ?? "{}") as RunKpis,
      submissionId: r.id,
      submittedAt: r.created_at,
      attempts: r.attempts,
    }));
  }

  async rankOf(code: string, traineeKey: string): Promise<{ rank: number; submissionId: number } | null> {
    const r = this.st.rankOf.get(code, traineeKey);
    return r ? { rank: r.rank, submissionId: r.id } : null;
  }

  async listSubmissions(code: string): Promise<SubmissionRecord[]> {
    return this.st.list.all(code).map(toSubmission);
  }

  async traineeDetail(code: string, traineeKey: string): Promise<TraineeDetail | null> {
    const rows = this.st.trainee.all(code, traineeKey).map(toSubmission);
    if (rows.length === 0) return null;
    let best: SubmissionRecord | null = null;
    for (const r of rows) {
      if (r.verified && (best === null || (r.score ?? 0) > (best.score ?? 0))) best = r;
    }
    const tl = best ? this.st.timeline.get(best.id, code) : undefined;
    const last = rows[rows.length - 1] as SubmissionRecord;
    return {
      traineeName: (best ?? last).traineeName,
      best: best ? { ...best, timeline: JSON.parse(tl?.timeline_json ?? "[]") as TimelineWeek[] } : null,
      submissions: rows,
    };
  }

  async ping(): Promise<void> {
    this.st.ping.get();
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
