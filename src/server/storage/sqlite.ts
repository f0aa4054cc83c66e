// SQLite storage (better-sqlite3): one file, WAL journal, synchronous=FULL so that a submission
// is on disk before the server acknowledges it (it survives SIGKILL and power loss). Every
// statement is prepared once with ? parameters; no SQL is ever built from input.
// Trust: `PRAGMA quick_check` at open (a corrupt file stops the server, named); the file's device and
// inode are checked before and after every write, so a deleted or replaced file is noticed before a
// write is acknowledged; SQLite I/O, read-only and disk-full errors become StorageUnavailable.
// The board reads an index kept in step with the writes (table `bests`: each trainee's best shown,
// non-copy verified run), so it costs O(rows shown), not O(submissions).
import { mkdirSync, statfsSync, statSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import {
  type AuditEntry,
  type ChallengeRecord,
  type ClaimCheck,
  type ClaimOutcome,
  type CopyRow,
  type LeaderboardRow,
  type NewSubmission,
  type RunKpis,
  type Storage,
  StorageUnavailable,
  type SubmissionRecord,
  type SubmissionStatus,
  type TimelineWeek,
  type TraineeDetail,
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

/** Schema version 1: copies, hide/remove, name claims, roster, audit, the board index. */
const MIGRATE_1 = `
ALTER TABLE submissions ADD COLUMN decisions_hash TEXT;
ALTER TABLE submissions ADD COLUMN copy_of INTEGER;
ALTER TABLE submissions ADD COLUMN status TEXT NOT NULL DEFAULT 'shown';
ALTER TABLE challenges ADD COLUMN roster_enabled INTEGER NOT NULL DEFAULT 0;
CREATE TABLE bests (
  code TEXT NOT NULL,
  trainee_key TEXT NOT NULL,
  submission_id INTEGER NOT NULL,
  score INTEGER NOT NULL,
  attempts INTEGER NOT NULL,
  PRIMARY KEY (code, trainee_key)
) STRICT;
CREATE INDEX bests_rank ON bests (code, score DESC, submission_id);
CREATE TABLE claims (
  code TEXT NOT NULL,
  trainee_key TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (code, trainee_key)
) STRICT;
CREATE TABLE roster (
  code TEXT NOT NULL,
  trainee_key TEXT NOT NULL,
  name TEXT NOT NULL,
  PRIMARY KEY (code, trainee_key)
) STRICT;
CREATE TABLE audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  code TEXT NOT NULL,
  at INTEGER NOT NULL,
  action TEXT NOT NULL,
  detail_json TEXT NOT NULL
) STRICT;
CREATE INDEX audit_code ON audit (code, id);
CREATE TABLE health_probe (id INTEGER PRIMARY KEY, at INTEGER NOT NULL) STRICT;
INSERT INTO bests (code, trainee_key, submission_id, score, attempts)
  SELECT code, trainee_key, id, score, attempts FROM (
    SELECT code, trainee_key, id, score,
      ROW_NUMBER() OVER (PARTITION BY code, trainee_key ORDER BY score DESC, id ASC) AS rn,
      COUNT(*) OVER (PARTITION BY code, trainee_key) AS attempts
    FROM submissions WHERE verified = 1
  ) WHERE rn = 1;
`;

/** Schema version 2 (issue 16): a rejection's translatable reason (the engine's key and params). */
const MIGRATE_2 = `
ALTER TABLE submissions ADD COLUMN reject_key TEXT;
ALTER TABLE submissions ADD COLUMN reject_params TEXT;
`;

/**
 * The indexes the queries name (INDEXED BY, so a missing one fails loudly instead of scanning):
 * created at every open, so a database migrated by an earlier build gets them too.
 */
const INDEXES = `
CREATE INDEX IF NOT EXISTS submissions_state ON submissions (code, state_hash, id) WHERE verified = 1;
CREATE INDEX IF NOT EXISTS submissions_play ON submissions (code, decisions_hash, id) WHERE verified = 1;
CREATE INDEX IF NOT EXISTS submissions_copies ON submissions (code, score DESC, id) WHERE copy_of IS NOT NULL;
CREATE INDEX IF NOT EXISTS submissions_list ON submissions (code, id);
`;

/** SQLite result codes that mean "this database cannot keep a write now". */
const STORAGE_CODES = /^SQLITE_(READONLY|FULL|IOERR|CANTOPEN|CORRUPT|NOTADB|PROTOCOL|NOLFS|PERM)/;

/**
 * After a write failed for a storage reason, writes are refused at the door (before a body is parsed
 * or a run replayed) for this long, or until the health probe succeeds again.
 */
export const FAILED_WRITE_HOLD_MS = 5000;

/** Free space below this on the database's file system fails the health probe. */
export const MIN_FREE_BYTES = 4 * 1024 * 1024;

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
  roster_enabled?: number;
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
  reject_key: string | null;
  reject_params: string | null;
  created_at: number;
  decisions_hash: string | null;
  copy_of: number | null;
  status: string;
  copy_name: string | null;
  copy_at: number | null;
}

const SUB_COLS = `s.id, s.code, s.trainee_name, s.trainee_key, s.run_hash, s.verified, s.score, s.stars, s.state_hash,
  s.kpis_json, s.reject_code, s.reject_reason, s.reject_key, s.reject_params, s.created_at, s.decisions_hash, s.copy_of, s.status,
  o.trainee_name AS copy_name, o.created_at AS copy_at`;
/** Submissions with the trainee they copied, if any. */
const SUB_FROM = "submissions s LEFT JOIN submissions o ON o.id = s.copy_of";

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
    rosterEnabled: r.roster_enabled === 1,
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
    rejectKey: r.reject_key,
    rejectParams: r.reject_params ? (JSON.parse(r.reject_params) as Record<string, string | number>) : null,
    createdAt: r.created_at,
    decisionsHash: r.decisions_hash,
    copyOf: r.copy_of !== null ? { id: r.copy_of, traineeName: r.copy_name ?? "?", createdAt: r.copy_at ?? 0 } : null,
    status: (r.status as SubmissionStatus) ?? "shown",
  };
}

export class SqliteStorage implements Storage {
  private db: Database.Database;
  private st;
  private readonly file: string;
  /** Device and inode of the file opened; null for :memory:. */
  private identity: { dev: number; ino: number } | null = null;
  /** The last storage failure of a write, while it holds writes off (see FAILED_WRITE_HOLD_MS). */
  private failed: { at: number; message: string } | null = null;

  constructor(file: string, opts: { synchronous?: "FULL" | "NORMAL" } = {}) {
    this.file = file;
    try {
      if (file !== ":memory:") mkdirSync(dirname(file), { recursive: true });
      this.db = new Database(file);
      this.db.pragma("busy_timeout = 5000");
      // A damaged file (zeroed or torn pages, broken indexes) stops the server here, named, instead of
      // failing or losing submissions later.
      const check = this.db.pragma("quick_check") as { quick_check: string }[];
      if (check.length !== 1 || check[0]?.quick_check !== "ok") {
        const what = check
          .slice(0, 3)
          .map((r) => r.quick_check)
          .join("; ");
        throw new Error(`it is damaged (PRAGMA quick_check: ${what}); restore it from a backup (docs/DEPLOY.md)`);
      }
      this.db.pragma("journal_mode = WAL");
      // FULL: fsync at every commit (survives power loss). NORMAL in WAL mode: survives a killed
      // process (SIGKILL) but a power cut may lose the last commits. See docs/DEPLOY.md.
      this.db.pragma(`synchronous = ${opts.synchronous === "NORMAL" ? "NORMAL" : "FULL"}`);
      this.db.pragma("foreign_keys = ON");
      this.db.exec(SCHEMA);
      if ((this.db.pragma("user_version", { simple: true }) as number) < 1) {
        this.db.transaction(() => {
          this.db.exec(MIGRATE_1);
          this.db.pragma("user_version = 1");
        })();
      }
      if ((this.db.pragma("user_version", { simple: true }) as number) < 2) {
        this.db.transaction(() => {
          this.db.exec(MIGRATE_2);
          this.db.pragma("user_version = 2");
        })();
      }
      this.db.exec(INDEXES);
      if (file !== ":memory:") {
        const s = statSync(file);
        this.identity = { dev: s.dev, ino: s.ino };
      }
    } catch (e) {
      throw new Error(`cannot use the database ${file}: ${(e as Error).message}`);
    }
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
      reopen: db.prepare("UPDATE challenges SET closed_at = NULL WHERE code = ?"),
      find: db.prepare<[string, string, string], SubmissionRow>(
        `SELECT ${SUB_COLS} FROM ${SUB_FROM} WHERE s.code = ? AND s.trainee_key = ? AND s.run_hash = ?`,
      ),
      byId: db.prepare<[string, number], SubmissionRow>(
        `SELECT ${SUB_COLS} FROM ${SUB_FROM} WHERE s.code = ? AND s.id = ? AND s.status != 'removed'`,
      ),
      insertSub: db.prepare(
        `INSERT OR IGNORE INTO submissions (code, trainee_name, trainee_key, run_hash, verified, score, stars,
           state_hash, kpis_json, timeline_json, run_json, reject_code, reject_reason, reject_key, reject_params,
           created_at, decisions_hash, copy_of, status)
         VALUES (@code, @trainee_name, @trainee_key, @run_hash, @verified, @score, @stars, @state_hash, @kpis_json,
           @timeline_json, @run_json, @reject_code, @reject_reason, @reject_key, @reject_params, @created_at,
           @decisions_hash, @copy_of, 'shown')`,
      ),
      copyByState: db.prepare<[string, string | null, string], { id: number }>(
        `SELECT id FROM submissions INDEXED BY submissions_state WHERE code = ? AND state_hash = ? AND verified = 1
           AND trainee_key != ? AND status != 'removed' ORDER BY id LIMIT 1`,
      ),
      copyByPlay: db.prepare<[string, string | null, string], { id: number }>(
        `SELECT id FROM submissions INDEXED BY submissions_play WHERE code = ? AND decisions_hash = ? AND verified = 1
           AND trainee_key != ? AND status != 'removed' ORDER BY id LIMIT 1`,
      ),
      setStatus: db.prepare("UPDATE submissions SET status = ? WHERE code = ? AND id = ?"),
      bestOf: db.prepare<[string, string], { id: number; score: number }>(
        `SELECT id, score FROM submissions WHERE code = ? AND trainee_key = ? AND verified = 1 AND status = 'shown'
           AND copy_of IS NULL ORDER BY score DESC, id ASC LIMIT 1`,
      ),
      attemptsOf: db.prepare<[string, string], { n: number }>(
        `SELECT COUNT(*) AS n FROM submissions WHERE code = ? AND trainee_key = ? AND verified = 1
           AND status != 'removed'`,
      ),
      upsertBest: db.prepare(
        `INSERT INTO bests (code, trainee_key, submission_id, score, attempts) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (code, trainee_key) DO UPDATE SET submission_id = excluded.submission_id,
           score = excluded.score, attempts = excluded.attempts`,
      ),
      deleteBest: db.prepare("DELETE FROM bests WHERE code = ? AND trainee_key = ?"),
      board: db.prepare<[string, number], SubmissionRow & { attempts: number }>(
        `SELECT ${SUB_COLS}, b.attempts FROM bests b JOIN submissions s ON s.id = b.submission_id
           LEFT JOIN submissions o ON o.id = s.copy_of
         WHERE b.code = ? ORDER BY b.score DESC, b.submission_id ASC LIMIT ?`,
      ),
      rankOf: db.prepare<[string, string], { rank: number; id: number }>(
        `SELECT b.submission_id AS id, 1 + (SELECT COUNT(*) FROM bests x WHERE x.code = b.code
           AND (x.score > b.score OR (x.score = b.score AND x.submission_id < b.submission_id))) AS rank
         FROM bests b WHERE b.code = ? AND b.trainee_key = ?`,
      ),
      copies: db.prepare<[string, number], SubmissionRow>(
        `SELECT ${SUB_COLS} FROM submissions s INDEXED BY submissions_copies LEFT JOIN submissions o ON o.id = s.copy_of
         WHERE s.code = ? AND s.copy_of IS NOT NULL AND s.verified = 1 AND s.status = 'shown'
           AND NOT EXISTS (SELECT 1 FROM bests b WHERE b.code = s.code AND b.trainee_key = s.trainee_key)
         ORDER BY s.score DESC, s.id ASC LIMIT ?`,
      ),
      list: db.prepare<[string, number, number], SubmissionRow>(
        `SELECT ${SUB_COLS} FROM submissions s INDEXED BY submissions_list LEFT JOIN submissions o ON o.id = s.copy_of
         WHERE s.code = ? AND s.id > ? AND s.status != 'removed' ORDER BY s.id LIMIT ?`,
      ),
      trainee: db.prepare<[string, string], SubmissionRow>(
        `SELECT ${SUB_COLS} FROM ${SUB_FROM} WHERE s.code = ? AND s.trainee_key = ? AND s.status != 'removed'
         ORDER BY s.id`,
      ),
      timeline: db.prepare<[number, string], { timeline_json: string | null }>(
        "SELECT timeline_json FROM submissions WHERE id = ? AND code = ?",
      ),
      getClaim: db.prepare<[string, string], { token_hash: string }>(
        "SELECT token_hash FROM claims WHERE code = ? AND trainee_key = ?",
      ),
      insertClaim: db.prepare(
        "INSERT OR IGNORE INTO claims (code, trainee_key, token_hash, created_at) VALUES (?, ?, ?, ?)",
      ),
      deleteClaim: db.prepare("DELETE FROM claims WHERE code = ? AND trainee_key = ?"),
      rosterOf: db.prepare<[string], { trainee_key: string; name: string }>(
        "SELECT trainee_key, name FROM roster WHERE code = ? ORDER BY name",
      ),
      clearRoster: db.prepare("DELETE FROM roster WHERE code = ?"),
      addRoster: db.prepare("INSERT OR IGNORE INTO roster (code, trainee_key, name) VALUES (?, ?, ?)"),
      rosterFlag: db.prepare("UPDATE challenges SET roster_enabled = ? WHERE code = ?"),
      addAudit: db.prepare("INSERT INTO audit (code, at, action, detail_json) VALUES (?, ?, ?, ?)"),
      audit: db.prepare<[string], { at: number; action: string; detail_json: string }>(
        "SELECT at, action, detail_json FROM audit WHERE code = ? ORDER BY id",
      ),
      probe: db.prepare(
        "INSERT INTO health_probe (id, at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET at = excluded.at",
      ),
      ping: db.prepare("SELECT 1"),
    };
  }

  /**
   * Throws StorageUnavailable if the file the server opened is no longer the one at its path, or a
   * write failed for a storage reason less than FAILED_WRITE_HOLD_MS ago.
   */
  assertUsable(): void {
    this.checkIdentity();
    if (this.failed && Date.now() - this.failed.at < FAILED_WRITE_HOLD_MS) {
      throw new StorageUnavailable(`${this.failed.message} (writes held off for ${FAILED_WRITE_HOLD_MS / 1000} s)`);
    }
  }

  private checkIdentity(): void {
    if (!this.identity) return;
    let now: { dev: number; ino: number };
    try {
      now = statSync(this.file);
    } catch (e) {
      const gone = (e as NodeJS.ErrnoException).code === "ENOENT";
      throw new StorageUnavailable(
        gone
          ? `the database file ${this.file} was deleted while the server runs; writes would be lost (restart the server)`
          : `the database file ${this.file} cannot be checked: ${(e as Error).message}`,
      );
    }
    if (now.dev !== this.identity.dev || now.ino !== this.identity.ino) {
      throw new StorageUnavailable(
        `the database file ${this.file} was replaced while the server runs; writes would go to the old file (restart the server)`,
      );
    }
  }

  /**
   * Every write: the file checked before and after (so nothing is acknowledged into a dead file).
   * The health probe (`probe`) tries even while writes are held off, and its success lifts the hold.
   */
  private write<T>(fn: () => T, probe = false): T {
    if (probe) this.checkIdentity();
    else this.assertUsable();
    let r: T;
    try {
      r = fn();
      this.checkIdentity();
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      const err =
        typeof code === "string" && STORAGE_CODES.test(code)
          ? new StorageUnavailable(`the database ${this.file} refused a write: ${(e as Error).message} (${code})`)
          : e;
      if (err instanceof StorageUnavailable) this.failed = { at: Date.now(), message: err.message };
      throw err;
    }
    this.failed = null;
    return r;
  }

  /** The earliest non-removed verified run of another trainee with the same final state or play. */
  private earliestCopy(s: NewSubmission): number | null {
    const a = s.stateHash ? this.st.copyByState.get(s.code, s.stateHash, s.traineeKey)?.id : undefined;
    const b = s.decisionsHash ? this.st.copyByPlay.get(s.code, s.decisionsHash, s.traineeKey)?.id : undefined;
    if (a === undefined) return b ?? null;
    return b === undefined ? a : Math.min(a, b);
  }

  private refreshBest(code: string, key: string): void {
    const best = this.st.bestOf.get(code, key);
    if (!best) {
      this.st.deleteBest.run(code, key);
      return;
    }
    const n = this.st.attemptsOf.get(code, key)?.n ?? 1;
    this.st.upsertBest.run(code, key, best.id, best.score, n);
  }

  private audit(code: string, a: AuditEntry): void {
    this.st.addAudit.run(code, a.at, a.action, JSON.stringify(a.detail));
  }

  async createChallenge(c: ChallengeRecord): Promise<boolean> {
    const r = this.write(() =>
      this.st.insertChallenge.run({
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
      }),
    );
    return r.changes === 1;
  }

  async getChallenge(code: string): Promise<ChallengeRecord | null> {
    const r = this.st.getChallenge.get(code);
    return r ? toChallenge(r) : null;
  }

  async closeChallenge(code: string, at: number): Promise<void> {
    this.write(() => this.st.close.run(at, code));
  }

  async reopenChallenge(code: string): Promise<void> {
    this.write(() => this.st.reopen.run(code));
  }

  async findSubmission(code: string, traineeKey: string, runHash: string): Promise<SubmissionRecord | null> {
    const r = this.st.find.get(code, traineeKey, runHash);
    return r ? toSubmission(r) : null;
  }

  async addSubmission(
    s: NewSubmission,
    claim?: ClaimCheck,
  ): Promise<{ record: SubmissionRecord | null; created: boolean; claim: ClaimOutcome }> {
    const tx = this.db.transaction(() => {
      let outcome: ClaimOutcome = "unclaimed";
      if (claim) {
        const held = this.st.getClaim.get(s.code, s.traineeKey)?.token_hash ?? null;
        if (held !== null) {
          if (claim.presented !== held) return { record: null, created: false, claim: "conflict" as const };
          outcome = "matched";
        }
      }
      const copyOf = s.verified && s.copyCheck !== false ? this.earliestCopy(s) : null;
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
        reject_key: s.rejectKey ?? null,
        reject_params: s.rejectParams ? JSON.stringify(s.rejectParams) : null,
        created_at: s.createdAt,
        decisions_hash: s.decisionsHash ?? null,
        copy_of: copyOf,
      });
      const created = r.changes === 1;
      if (created && s.verified) this.refreshBest(s.code, s.traineeKey);
      if (claim && outcome === "unclaimed" && s.verified) {
        this.st.insertClaim.run(s.code, s.traineeKey, claim.create, s.createdAt);
        outcome = "created";
      }
      const row = this.st.find.get(s.code, s.traineeKey, s.runHash);
      if (!row) throw new Error("submission vanished after insert");
      return { record: toSubmission(row), created, claim: outcome };
    });
    return this.write(() => tx());
  }

  async getClaim(code: string, traineeKey: string): Promise<string | null> {
    return this.st.getClaim.get(code, traineeKey)?.token_hash ?? null;
  }

  async resetClaim(code: string, traineeKey: string, audit: AuditEntry): Promise<boolean> {
    return this.write(() =>
      this.db.transaction(() => {
        const had = this.st.deleteClaim.run(code, traineeKey).changes === 1;
        if (had) this.audit(code, audit);
        return had;
      })(),
    );
  }

  async getSubmission(code: string, id: number): Promise<SubmissionRecord | null> {
    const r = this.st.byId.get(code, id);
    return r ? toSubmission(r) : null;
  }

  async setSubmissionStatus(code: string, id: number, status: SubmissionStatus, audit: AuditEntry): Promise<boolean> {
    return this.write(() =>
      this.db.transaction(() => {
        const row = this.st.byId.get(code, id);
        if (!row) return false;
        this.st.setStatus.run(status, code, id);
        if (row.verified === 1) this.refreshBest(code, row.trainee_key);
        this.audit(code, audit);
        return true;
      })(),
    );
  }

  async getRoster(code: string): Promise<Map<string, string> | null> {
    const c = this.st.getChallenge.get(code);
    if (c?.roster_enabled !== 1) return null;
    return new Map(this.st.rosterOf.all(code).map((r) => [r.trainee_key, r.name]));
  }

  async setRoster(code: string, names: { key: string; name: string }[] | null, audit: AuditEntry): Promise<void> {
    this.write(() =>
      this.db.transaction(() => {
        this.st.clearRoster.run(code);
        for (const n of names ?? []) this.st.addRoster.run(code, n.key, n.name);
        this.st.rosterFlag.run(names ? 1 : 0, code);
        this.audit(code, audit);
      })(),
    );
  }

  async auditLog(code: string): Promise<AuditEntry[]> {
    return this.st.audit.all(code).map((r) => ({
      at: r.at,
      action: r.action,
      detail: JSON.parse(r.detail_json) as Record<string, unknown>,
    }));
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

  async boardCopies(code: string, limit: number): Promise<CopyRow[]> {
    const seen = new Set<string>();
    const out: CopyRow[] = [];
    for (const r of this.st.copies.all(code, limit)) {
      if (seen.has(r.trainee_key)) continue;
      seen.add(r.trainee_key);
      const s = toSubmission(r);
      if (!s.copyOf) continue;
      out.push({
        traineeName: s.traineeName,
        score: s.score ?? 0,
        stars: s.stars ?? 0,
        submissionId: s.id,
        submittedAt: s.createdAt,
        copyOf: s.copyOf,
      });
    }
    return out;
  }

  async rankOf(code: string, traineeKey: string): Promise<{ rank: number; submissionId: number } | null> {
    const r = this.st.rankOf.get(code, traineeKey);
    return r ? { rank: r.rank, submissionId: r.id } : null;
  }

  async listSubmissions(code: string, page?: { afterId: number; limit: number }): Promise<SubmissionRecord[]> {
    return this.st.list.all(code, page?.afterId ?? 0, page?.limit ?? -1).map(toSubmission);
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

  async checkWritable(): Promise<void> {
    this.write(() => this.st.probe.run(Date.now()), true);
    if (this.identity) {
      let free: number;
      try {
        const fs = statfsSync(dirname(this.file));
        free = fs.bavail * fs.bsize;
      } catch (e) {
        throw new StorageUnavailable(`cannot read the free space beside ${this.file}: ${(e as Error).message}`);
      }
      if (free < MIN_FREE_BYTES) {
        throw new StorageUnavailable(
          `only ${Math.floor(free / 1024)} KB free on the disk of ${this.file} (${MIN_FREE_BYTES / 1048576} MB needed)`,
        );
      }
    }
  }

  async close(): Promise<void> {
    this.db.close();
  }
}
