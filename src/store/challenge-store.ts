// Challenge state for the game: the challenge a trainee is playing, their name, the last
// submission and the leaderboard; and for instructors, the challenges they created (code +
// secret, kept only in this browser) and the class they are watching. A separate small store so
// the game store stays about the game; it drives screens through the game store's goTo.
import { createStore } from "zustand/vanilla";
import { runDifficulty } from "../engine";
import { type Difficulty, type OfflineError, parseChallengeFile, parseOfflineCode } from "../shared/offline-challenge";
import {
  type ApiFailure,
  type BoardRow,
  type ChallengeApi,
  type CopyBoardRow,
  type CreatedChallenge,
  createChallengeApi,
  type PublicChallenge,
  type SubmissionView,
  type SubmitResult,
  type TraineeDetailView,
} from "./challenge-api";
import type { GameStoreApi } from "./game-store";

export const CHALLENGE_KEY = "shopsim.challenge.v1";
export const INSTRUCTOR_KEY = "shopsim.instructor.v1";
/** Name claim tokens the server gave this browser: "CODE|name key" → token (docs/API.md, name claims). */
export const CLAIMS_KEY = "shopsim.claims.v1";

const claimKey = (code: string, name: string) => `${code}|${name.normalize("NFKC").toLowerCase()}`;

export type Status = "idle" | "loading" | "ok" | "error";

/** An offline challenge opened from a file or an offline code (no server involved). */
export interface OfflinePlay {
  code: string;
  scenarioId: string;
  seed: string;
  /** From a challenge file only (a bare code carries just the market). */
  className: string | null;
  difficulty: Difficulty | null;
  deadline: string | null;
  from: "file" | "code";
}

export interface InstructorEntry {
  code: string;
  secret: string;
  link: string;
  className: string;
  scenarioId: string;
  seed: string;
  createdAt: string;
}

export interface ChallengeData {
  /** The challenge being played (its scenario + seed are the game's). */
  active: PublicChallenge | null;
  traineeName: string;
  /** A code typed on the entry screen and what the server said about it. */
  lookup: { status: Status; code: string; challenge: PublicChallenge | null; error: ApiFailure | null };
  submit: { status: Status; result: SubmitResult | null; error: ApiFailure | null };
  board: {
    status: Status;
    code: string | null;
    challenge: PublicChallenge | null;
    rows: BoardRow[];
    /** Trainees whose verified runs all repeat an earlier trainee's: listed apart, not ranked. */
    copies: CopyBoardRow[];
    updatedAt: string | null;
    error: ApiFailure | null;
  };
  /** Challenges this browser created (their secrets never leave it except to the server). */
  instructor: InstructorEntry[];
  create: { status: Status; created: CreatedChallenge | null; error: ApiFailure | null };
  /** The class the instructor is watching. */
  klass: {
    status: Status;
    code: string | null;
    challenge: PublicChallenge | null;
    submissions: SubmissionView[];
    rows: BoardRow[];
    copies: CopyBoardRow[];
    /** The roster of allowed names (null: anyone with the code may submit). */
    roster: string[] | null;
    error: ApiFailure | null;
  };
  trainee: { status: Status; name: string | null; detail: TraineeDetailView | null; error: ApiFailure | null };
  /** The offline challenge opened on the entry screen, or why it could not be opened. */
  offline: { status: "idle" | "ok" | "error"; challenge: OfflinePlay | null; error: OfflineError | null };
}

export interface ChallengeActions {
  lookupCode(code: string): Promise<boolean>;
  setName(name: string): void;
  /** Starts the looked-up challenge's scenario and seed in the game. */
  play(): boolean;
  /** Is the game's current run this challenge's market? */
  runMatchesActive(): boolean;
  submitRun(): Promise<boolean>;
  loadBoard(code?: string): Promise<void>;
  createChallenge(p: {
    scenario: string;
    seed: string;
    difficulty: string;
    deadline: string | null;
    className: string;
  }): Promise<boolean>;
  openClass(code: string): Promise<void>;
  refreshClass(): Promise<void>;
  openTrainee(name: string): Promise<void>;
  exportCsv(): Promise<{ blob: Blob; file: string } | null>;
  closeClass(): Promise<boolean>;
  /** Opens the watched challenge again after a close (until its deadline). */
  reopenClass(): Promise<boolean>;
  /** Moderation of the watched class (audited on the server); false with `klass.error` on failure. */
  hideEntry(id: number, hidden: boolean): Promise<boolean>;
  removeEntry(id: number): Promise<boolean>;
  resetClaim(name: string): Promise<boolean>;
  /** Sets the roster (null drops it). */
  setRoster(names: string[] | null): Promise<boolean>;
  /** The recovery file of a challenge this browser created: its code and secret, to keep elsewhere. */
  recoveryJson(code: string): string | null;
  /** Adds the challenge in a recovery file to this browser's list; false with a reason key if it is not one. */
  importRecovery(text: string): { ok: true; code: string } | { ok: false; key: string };
  leave(): void;
  /** Opens an offline challenge from its code; false (with `offline.error`) if the code is wrong. */
  openOfflineCode(raw: string): boolean;
  /** Opens an offline challenge file's text; false (with `offline.error`) if it is not a good file. */
  openChallengeFile(text: string): boolean;
  /** Starts the offline challenge's market; the run file records the player's name and the code. */
  playOffline(): boolean;
}

export type ChallengeStore = ChallengeData & ChallengeActions;

function readLocal<T>(key: string, fallback: T): T {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

function writeLocal(key: string, value: unknown): void {
  try {
    globalThis.localStorage?.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or disabled: the challenge still works for this session.
  }
}

/** The kind tag of an instructor's recovery file (a challenge's code and secret, outside the browser). */
export const RECOVERY_KIND = "shopsim-instructor-recovery";

export function recoveryFileJson(e: InstructorEntry): string {
  return `${JSON.stringify({ kind: RECOVERY_KIND, version: 1, ...e }, null, 2)}\n`;
}

export function recoveryFileName(e: Pick<InstructorEntry, "code">): string {
  return `shopsim-instructor-${e.code}.json`;
}

/** Reads a recovery file; the reason is an i18n key (not JSON, not a recovery file, fields missing). */
export function parseRecoveryFile(text: string): { ok: true; entry: InstructorEntry } | { ok: false; key: string } {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return { ok: false, key: "recovery.notJson" };
  }
  const o = v as Partial<InstructorEntry> & { kind?: unknown };
  if (!o || typeof o !== "object" || o.kind !== RECOVERY_KIND) return { ok: false, key: "recovery.notRecovery" };
  const str = (x: unknown) => (typeof x === "string" ? x : "");
  const entry: InstructorEntry = {
    code: str(o.code),
    secret: str(o.secret),
    link: str(o.link),
    className: str(o.className),
    scenarioId: str(o.scenarioId),
    seed: str(o.seed),
    createdAt: str(o.createdAt),
  };
  if (!/^[A-Z0-9]{4,12}$/.test(entry.code) || entry.secret.length < 8) return { ok: false, key: "recovery.incomplete" };
  return { ok: true, entry };
}

export function normaliseCodeInput(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]+/g, "");
}

export function createChallengeStore(game: GameStoreApi, api: ChallengeApi = createChallengeApi()) {
  const saved = readLocal<{ active: PublicChallenge | null; traineeName: string }>(CHALLENGE_KEY, {
    active: null,
    traineeName: "",
  });
  const store = createStore<ChallengeStore>()((set, get) => {
    const persist = () => writeLocal(CHALLENGE_KEY, { active: get().active, traineeName: get().traineeName });
    /** One moderation call on the watched class with its secret, then a refresh (the list and board change). */
    const moderate = async (
      call: (code: string, secret: string) => Promise<{ ok: true } | { ok: false; error: ApiFailure }>,
    ): Promise<boolean> => {
      const code = get().klass.code;
      const entry = get().instructor.find((e) => e.code === code);
      if (!code || !entry) return false;
      const r = await call(code, entry.secret);
      if (!r.ok) {
        set({ klass: { ...get().klass, error: r.error } });
        return false;
      }
      await get().refreshClass();
      return true;
    };
    return {
      active: saved.active ?? null,
      traineeName: typeof saved.traineeName === "string" ? saved.traineeName : "",
      lookup: { status: "idle", code: "", challenge: null, error: null },
      submit: { status: "idle", result: null, error: null },
      board: { status: "idle", code: null, challenge: null, rows: [], copies: [], updatedAt: null, error: null },
      instructor: readLocal<InstructorEntry[]>(INSTRUCTOR_KEY, []).filter((e) => e && typeof e.code === "string"),
      create: { status: "idle", created: null, error: null },
      klass: {
        status: "idle",
        code: null,
        challenge: null,
        submissions: [],
        rows: [],
        copies: [],
        roster: null,
        error: null,
      },
      trainee: { status: "idle", name: null, detail: null, error: null },
      offline: { status: "idle", challenge: null, error: null },

      async lookupCode(raw) {
        const code = normaliseCodeInput(raw);
        set({ lookup: { status: "loading", code, challenge: null, error: null } });
        const r = await api.getChallenge(code);
        if (!r.ok) {
          set({ lookup: { status: "error", code, challenge: null, error: r.error } });
          return false;
        }
        set({ lookup: { status: "ok", code, challenge: r.data.challenge, error: null } });
        return true;
      },

      setName(name) {
        set({ traineeName: name.slice(0, 64) });
        persist();
      },

      play() {
        const ch = get().lookup.challenge;
        if (!ch || ch.closed) return false;
        set({ active: ch, submit: { status: "idle", result: null, error: null } });
        persist();
        return game.getState().startScenario(ch.scenario.id, ch.seed, undefined, ch.difficulty); // the challenge's market
      },

      runMatchesActive() {
        const a = get().active;
        const run = game.getState().run;
        return (
          !!a &&
          !!run &&
          run.scenario.id === a.scenario.id &&
          run.seed === a.seed &&
          runDifficulty(run) === a.difficulty
        );
      },

      async submitRun() {
        const a = get().active;
        const run = game.getState().run;
        const name = get().traineeName.trim();
        if (!a || !run) return false;
        set({ submit: { status: "loading", result: null, error: null } });
        const claims = readLocal<Record<string, string>>(CLAIMS_KEY, {});
        const r = await api.submit(a.code, name, run, claims[claimKey(a.code, name)]);
        if (!r.ok) {
          set({ submit: { status: "error", result: null, error: r.error } });
          return false;
        }
        if (r.data.claimToken) {
          writeLocal(CLAIMS_KEY, { ...readLocal(CLAIMS_KEY, {}), [claimKey(a.code, name)]: r.data.claimToken });
        }
        set({ submit: { status: "ok", result: r.data, error: null } });
        return true;
      },

      async loadBoard(code) {
        const c = code ?? get().board.code ?? get().active?.code;
        if (!c) return;
        set({ board: { ...get().board, status: "loading", code: c } });
        const r = await api.leaderboard(c);
        if (!r.ok) {
          set({ board: { ...get().board, status: "error", error: r.error } });
          return;
        }
        set({
          board: {
            status: "ok",
            code: c,
            challenge: r.data.challenge,
            rows: r.data.rows,
            copies: r.data.copies ?? [],
            updatedAt: r.data.updatedAt,
            error: null,
          },
        });
      },

      async createChallenge(p) {
        set({ create: { status: "loading", created: null, error: null } });
        const r = await api.create(p);
        if (!r.ok) {
          set({ create: { status: "error", created: null, error: r.error } });
          return false;
        }
        const d = r.data;
        const entry: InstructorEntry = {
          code: d.code,
          secret: d.secret,
          link: d.link,
          className: d.challenge.className,
          scenarioId: d.challenge.scenario.id,
          seed: d.challenge.seed,
          createdAt: d.challenge.createdAt,
        };
        const instructor = [entry, ...get().instructor.filter((e) => e.code !== d.code)].slice(0, 50);
        writeLocal(INSTRUCTOR_KEY, instructor);
        set({ create: { status: "ok", created: d, error: null }, instructor });
        return true;
      },

      async openClass(code) {
        set({
          klass: {
            status: "loading",
            code,
            challenge: null,
            submissions: [],
            rows: [],
            copies: [],
            roster: null,
            error: null,
          },
        });
        await get().refreshClass();
      },

      async refreshClass() {
        const code = get().klass.code;
        const entry = get().instructor.find((e) => e.code === code);
        if (!code || !entry) return;
        const [subs, board, roster] = await Promise.all([
          api.submissions(code, entry.secret),
          api.leaderboard(code),
          api.getRoster(code, entry.secret),
        ]);
        if (get().klass.code !== code) return;
        if (!subs.ok || !board.ok) {
          const error = !subs.ok ? subs.error : !board.ok ? board.error : null;
          set({ klass: { ...get().klass, status: "error", error } });
          return;
        }
        set({
          klass: {
            status: "ok",
            code,
            challenge: subs.data.challenge,
            submissions: subs.data.submissions,
            rows: board.data.rows,
            copies: board.data.copies ?? [],
            // An older server without rosters: keep what we had.
            roster: roster.ok ? roster.data.names : get().klass.roster,
            error: null,
          },
        });
      },

      async openTrainee(name) {
        const code = get().klass.code;
        const entry = get().instructor.find((e) => e.code === code);
        if (!code || !entry) return;
        set({ trainee: { status: "loading", name, detail: null, error: null } });
        const r = await api.trainee(code, name, entry.secret);
        if (!r.ok) set({ trainee: { status: "error", name, detail: null, error: r.error } });
        else set({ trainee: { status: "ok", name, detail: r.data, error: null } });
      },

      async exportCsv() {
        const code = get().klass.code;
        const entry = get().instructor.find((e) => e.code === code);
        if (!code || !entry) return null;
        const r = await api.exportCsv(code, entry.secret);
        return r.ok ? { blob: r.data, file: `shopsim-${code}.csv` } : null;
      },

      async closeClass() {
        return moderate((code, secret) => api.close(code, secret));
      },

      async reopenClass() {
        return moderate((code, secret) => api.reopen(code, secret));
      },

      async hideEntry(id, hidden) {
        return moderate((code, secret) => api.hide(code, id, hidden, secret));
      },

      async removeEntry(id) {
        return moderate((code, secret) => api.remove(code, id, secret));
      },

      async resetClaim(name) {
        return moderate((code, secret) => api.resetClaim(code, name, secret));
      },

      async setRoster(names) {
        return moderate((code, secret) => api.setRoster(code, names, secret));
      },

      recoveryJson(code) {
        const e = get().instructor.find((x) => x.code === code);
        return e ? recoveryFileJson(e) : null;
      },

      importRecovery(text) {
        const r = parseRecoveryFile(text);
        if (!r.ok) return r;
        const instructor = [r.entry, ...get().instructor.filter((e) => e.code !== r.entry.code)].slice(0, 50);
        writeLocal(INSTRUCTOR_KEY, instructor);
        set({ instructor });
        return { ok: true, code: r.entry.code };
      },

      leave() {
        set({ active: null, submit: { status: "idle", result: null, error: null } });
        persist();
      },

      openOfflineCode(raw) {
        const r = parseOfflineCode(raw);
        if (!r.ok) {
          set({ offline: { status: "error", challenge: null, error: r.error } });
          return false;
        }
        const { code, scenario, seed, difficulty } = r.value;
        const challenge: OfflinePlay = {
          code,
          scenarioId: scenario.id,
          seed,
          className: null,
          difficulty,
          deadline: null,
          from: "code",
        };
        set({ offline: { status: "ok", challenge, error: null } });
        return true;
      },

      openChallengeFile(text) {
        const r = parseChallengeFile(text);
        if (!r.ok) {
          set({ offline: { status: "error", challenge: null, error: r.error } });
          return false;
        }
        const c = r.value;
        const challenge: OfflinePlay = {
          code: c.code,
          scenarioId: c.scenario.id,
          seed: c.seed,
          className: c.className || null,
          difficulty: c.difficulty,
          deadline: c.deadline,
          from: "file",
        };
        set({ offline: { status: "ok", challenge, error: null } });
        return true;
      },

      playOffline() {
        const c = get().offline.challenge;
        const player = get().traineeName.trim();
        if (!c || !player) return false;
        // Not the online `active` challenge: the debrief offers the run file, not a submission.
        set({ active: null, submit: { status: "idle", result: null, error: null } });
        persist();
        return game.getState().startScenario(
          c.scenarioId,
          c.seed,
          { player: player.slice(0, 64), ...(c.className ? { className: c.className } : {}), challenge: c.code },
          c.difficulty ?? "standard", // the file's or the code's difficulty
        );
      },
    };
  });
  return store;
}

export type ChallengeStoreApi = ReturnType<typeof createChallengeStore>;
