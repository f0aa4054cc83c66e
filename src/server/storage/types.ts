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
}

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
  createdAt: number;
}

export interface SubmissionRecord extends Omit<NewSubmission, "runJson" | "timeline"> {
  id: number;
}

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
  /** The submission with this (code, trainee, run hash), if any: makes resubmission idempotent. */
  findSubmission(code: string, traineeKey: string, runHash: string): Promise<SubmissionRecord | null>;
  /** Inserts, or returns the existing row for the same (code, trainee, run hash). Durable on return. */
  addSubmission(s: NewSubmission): Promise<{ record: SubmissionRecord; created: boolean }>;
  /** Each trainee's best verified run: score desc, then earlier submission first. */
  leaderboard(code: string, limit: number): Promise<LeaderboardRow[]>;
  /** Rank of a trainee's best verified run (1-based) and that run's id, or null if none. */
  rankOf(code: string, traineeKey: string): Promise<{ rank: number; submissionId: number } | null>;
  listSubmissions(code: string): Promise<SubmissionRecord[]>;
  traineeDetail(code: string, traineeKey: string): Promise<TraineeDetail | null>;
  /** For health checks: a trivial query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}
