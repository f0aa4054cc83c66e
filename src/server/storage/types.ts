// The storage interface: everything the server keeps goes through these methods, so a
// PostgreSQL implementation (for several servers sharing one database) can replace SQLite
// without touching the routes. Every method is scoped by challenge code; there is no query
// that reads across classes. Implementations must have committed a write when its promise
// resolves (the server acknowledges a submission only after that).
import type { ContractKpis } from "../../engine";
import type { TimelineWeek } from "../../shared/verify-run";

export interface ChallengeRecord {
  code: string;
  scenarioId: string;
  seed: string;
  difficulty: "easy" | "standard" | "hard";
  className: string;
  /** Epoch ms, or null for no deadline. */
  deadline: number | null;
  engineVersion: string;
  contentHash: string;
  secretHash: string;
  createdAt: number;
  closedAt: number | null;
  /** True when the instructor set a roster: only names on it may submit. */
  rosterEnabled?: boolean;
}

/**
 * The database cannot be trusted to keep a write: its file was deleted or replaced, the disk is
 * read-only or full, or an I/O error. The server answers 503 storage_unavailable (with retry-after)
 * and acknowledges nothing.
 */
export class StorageUnavailable extends Error {}

/** The contract's KPIs of a verified run (the engine's `contractKpis`). */
export type RunKpis = ContractKpis;

/** One week of a verified run (defined with the verification, src/shared/verify-run.ts). */
export type { TimelineWeek };

export interface NewSubmission {
  code: string;
  traineeName: string;
  traineeKey: string;
  runHash: string;
  verified: boolean;
  /** Only for verified runs. */
  score: number | null;
  stars: number | null;
  stateHash: string | null;
  kpis: RunKpis | null;
  timeline: TimelineWeek[] | null;
  runJson: string | null;
  /** Why a run was rejected (error code and message). */
  rejectCode: string | null;
  rejectReason: string | null;
  /** The engine's translatable reason of a rejection (i18n key and params), when it has one. */
  rejectKey?: string | null;
  rejectParams?: Record<string, string | number> | null;
  createdAt: number;
  /** The play's fingerprint for the copy check (app.ts playHashOf: the week-by-week KPIs); verified runs only. */
  decisionsHash?: string | null;
  /**
   * False for a run without a single decision: every trainee who changes nothing plays the same run, and
   * calling them each other's copies would accuse the idle, not the copier. Absent = true.
   */
  copyCheck?: boolean;
}

export type SubmissionStatus = "shown" | "hidden" | "removed";

export interface SubmissionRecord extends Omit<NewSubmission, "runJson" | "timeline"> {
  id: number;
  /** The earlier submission by another trainee with the same final state hash or play fingerprint. */
  copyOf: { id: number; traineeName: string; createdAt: number } | null;
  /** hidden: kept and listed to the instructor but not on the board; removed: gone but audited. */
  status: SubmissionStatus;
}

/** A trainee whose verified runs are all copies: on the board, unranked, with whom they copied. */
export interface CopyRow {
  traineeName: string;
  score: number;
  stars: number;
  submissionId: number;
  submittedAt: number;
  copyOf: { id: number; traineeName: string; createdAt: number };
}

export interface AuditEntry {
  at: number;
  /** hide, show, remove, reset_claim, roster */
  action: string;
  detail: Record<string, unknown>;
}

/** The name claim to check a submission against; see Storage.addSubmission. */
export interface ClaimCheck {
  /** SHA-256 of the token the request carried, or null. */
  presented: string | null;
  /** SHA-256 of the token to create if this verified submission is the name's first. */
  create: string;
}

export type ClaimOutcome = "created" | "matched" | "unclaimed" | "conflict";

export interface LeaderboardRow {
  rank: number;
  traineeName: string;
  score: number;
  stars: number;
  kpis: RunKpis;
  submissionId: number;
  submittedAt: number;
  /** Verified runs this trainee has submitted. */
  attempts: number;
}

export interface TraineeDetail {
  traineeName: string;
  best: (SubmissionRecord & { timeline: TimelineWeek[] }) | null;
  submissions: SubmissionRecord[];
}

export interface Storage {
  /** False if the code is taken (the caller draws another). */
  createChallenge(c: ChallengeRecord): Promise<boolean>;
  getChallenge(code: string): Promise<ChallengeRecord | null>;
  closeChallenge(code: string, at: number): Promise<void>;
  /** Undoes closeChallenge (the deadline still applies). */
  reopenChallenge(code: string): Promise<void>;
  /** The submission with this (code, trainee, run hash), if any: makes resubmission idempotent. */
  findSubmission(code: string, traineeKey: string, runHash: string): Promise<SubmissionRecord | null>;
  /**
   * Inserts, or returns the existing row for the same (code, trainee, run hash). Durable on return.
   * With `claim`: in the same transaction, refuses (claim "conflict", nothing written) if the name is
   * claimed with another token, and claims an unclaimed name for a verified run ("created").
   * Marks a verified run that repeats another trainee's earlier one (`copyOf`).
   */
  addSubmission(
    s: NewSubmission,
    claim?: ClaimCheck,
  ): Promise<{ record: SubmissionRecord | null; created: boolean; claim: ClaimOutcome }>;
  /** The claim on a name: the token's SHA-256, or null if unclaimed. */
  getClaim(code: string, traineeKey: string): Promise<string | null>;
  /** Drops the claim on a name (the next submission claims it again). False if there was none. */
  resetClaim(code: string, traineeKey: string, audit: AuditEntry): Promise<boolean>;
  getSubmission(code: string, id: number): Promise<SubmissionRecord | null>;
  /** hide / show / remove one submission; the board follows. False if no such (non-removed) submission. */
  setSubmissionStatus(code: string, id: number, status: SubmissionStatus, audit: AuditEntry): Promise<boolean>;
  /** Name keys → names on the roster, or null when the challenge has none. */
  getRoster(code: string): Promise<Map<string, string> | null>;
  /** Sets (or with null, drops) the roster. */
  setRoster(code: string, names: { key: string; name: string }[] | null, audit: AuditEntry): Promise<void>;
  auditLog(code: string): Promise<AuditEntry[]>;
  /** Trainees whose verified runs are all copies (not ranked). */
  boardCopies(code: string, limit: number): Promise<CopyRow[]>;
  /** Each trainee's best verified run: score desc, then earlier submission first. */
  leaderboard(code: string, limit: number): Promise<LeaderboardRow[]>;
  /** Rank of a trainee's best verified run (1-based) and that run's id, or null if none. */
  rankOf(code: string, traineeKey: string): Promise<{ rank: number; submissionId: number } | null>;
  /** Non-removed submissions, oldest first; a page of `limit` after id `afterId` when given. */
  listSubmissions(code: string, page?: { afterId: number; limit: number }): Promise<SubmissionRecord[]>;
  traineeDetail(code: string, traineeKey: string): Promise<TraineeDetail | null>;
  /** For health checks: a trivial query. */
  ping(): Promise<void>;
  /** For health checks: a real write, committed, to the file the server opened; throws StorageUnavailable. */
  checkWritable(): Promise<void>;
  /** Cheap check before expensive work (no write); throws StorageUnavailable. */
  assertUsable(): void;
  close(): Promise<void>;
}
