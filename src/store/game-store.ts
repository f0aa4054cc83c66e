// The game's single source of truth outside the engine. Scenes read it and call its actions;
// `propose` and `endWeek` are the only paths that change the game, and both go through the
// engine's validation, so the UI can never put the run into a state the server would reject.
import { subscribeWithSelector } from "zustand/middleware";
import { createStore } from "zustand/vanilla";
import {
  appendTurn,
  type Decision,
  type DecisionError,
  type Difficulty,
  type GameState,
  GENESIS_HASH,
  isDifficulty,
  newGame,
  newRunFile,
  parseRunFile,
  type RunFile,
  type RunMeta,
  replayRun,
  runDifficulty,
  type Scenario,
  scenarioAt,
  scoreRun,
  stateHash,
  step,
  validateTurn,
  type WeekReport,
} from "../engine";
import { isLang, type Lang, type Params, setLang as setI18nLang } from "../i18n";
import { mergePending, withdrawPending } from "./merge";
import {
  defaultStorage,
  difficultyKeyOf,
  type KeyValueStorage,
  LANG_KEY,
  type PendingSave,
  type Progress,
  pendingKeyOf,
  pendingTag,
  previousKeyOf,
  progressKeyOf,
  readDifficulty,
  readJson,
  readProgress,
  readSettings,
  SETTINGS_KEY,
  type Settings,
  SLOT_COUNT,
  SLOT_KEY,
  safeRemove,
  safeSet,
  saveKeyOf,
  setAside,
} from "./persistence";

export type Screen =
  | "menu"
  | "briefing"
  | "shop"
  | "report"
  | "debrief"
  | "campaign"
  | "glossary"
  | "settings"
  | "dashboard"
  // Challenges (src/ui/scenes/challenge-entry.ts … trainee-timeline.ts; state in challenge-store.ts).
  | "challenge"
  | "leaderboard"
  | "instructor"
  | "instructorClass"
  | "trainee"
  | "instructorRank";

/** Screens opened "on the side" (glossary, settings, dashboard): `back()` returns to the caller. */
export const ASIDE_SCREENS: readonly Screen[] = ["glossary", "settings", "dashboard"];

/** What a save slot holds, for the campaign map's slot picker. */
export interface SlotInfo {
  slot: number;
  scenarioId: string;
  week: number;
  weeks: number;
  finished: boolean;
  /** The difficulty the slot's run is played on. */
  difficulty: Difficulty;
}

/** A message for the trainee that outlives a screen change (e.g. "your save was set aside"). */
export interface Notice {
  key: string;
  params: Params;
  /** The engine's reason, when it has a translatable one (shown instead of params.reason). */
  reason?: { key: string; params: Params; message: string };
}

export interface TurnError {
  index: number;
  error: DecisionError;
}

/**
 * `step`, with a defence against a bug in the engine: an exception (the engine is meant never to
 * throw) becomes a located error (err.engine: the week and the engine's message) on the turn instead
 * of an uncaught exception in a click handler. Nothing is saved, so the week can be played again.
 */
export function guardedStep(scenario: Scenario, game: GameState, pending: readonly unknown[]): ReturnType<typeof step> {
  try {
    return step(scenario, game, pending);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    const week = game.week + 1;
    const message = `the simulation failed in week ${week}: ${reason}`;
    return {
      ok: false,
      errors: [{ index: 0, error: { key: "err.engine", params: { week, message: reason }, message } }],
    };
  }
}

/** `replayRun` (resume, import), with the same defence: an engine exception becomes err.engineReplay. */
export function guardedReplay(run: RunFile, scenario: Scenario): ReturnType<typeof replayRun> {
  try {
    return replayRun(run, scenario);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      error: {
        key: "err.engineReplay",
        params: { message: reason },
        message: `the run could not be replayed: ${reason}`,
      },
    };
  }
}

export interface GameData {
  scenario: Scenario | null;
  game: GameState | null;
  run: RunFile | null;
  /** This week's decisions, already validated together against `game`. */
  pending: Decision[];
  /** `game` with `pending` applied: what the lever panels display. */
  draft: GameState | null;
  reports: WeekReport[];
  lastErrors: TurnError[];
  lang: Lang;
  screen: Screen;
  notice: Notice | null;
  /** Save slot (= player profile) in use, 1..SLOT_COUNT. */
  slot: number;
  /** Stars and best score per scenario in this slot. */
  progress: Progress;
  /**
   * The slot's campaign difficulty: new shops in this slot open on it (a challenge brings its own).
   * Chosen while the slot is new (setDifficulty); the game in play keeps its own (`game.difficulty`).
   */
  difficulty: Difficulty;
  settings: Settings;
  /** Where `back()` goes from an aside screen. */
  backTo: Screen;
}

/** The part of the state that is the game in play. */
type Play = Pick<GameData, "scenario" | "game" | "run" | "pending" | "draft" | "reports" | "lastErrors">;

/** No game loaded: the menu's state, and after abandoning a game or changing slot. */
function noGame(): Play {
  return { scenario: null, game: null, run: null, pending: [], draft: null, reports: [], lastErrors: [] };
}

/** `game` at the start of its week, with nothing pending yet. */
function weekStart(scenario: Scenario, game: GameState, run: RunFile, reports: WeekReport[]): Play {
  return { scenario, game, run, pending: [], draft: game, reports, lastErrors: [] };
}

export interface GameActions {
  /**
   * `meta` labels the run file (player name, class, offline challenge code); it never changes play.
   * `difficulty`: a challenge's; absent = the slot's campaign difficulty.
   */
  startScenario(id: string, seed: string, meta?: RunMeta, difficulty?: Difficulty): boolean;
  /** Chooses the slot's campaign difficulty; only while the slot is new (no run played, nothing earned). */
  setDifficulty(difficulty: Difficulty): boolean;
  /** Can the current slot's difficulty still be chosen? (no week played, no stars or scores yet) */
  canChooseDifficulty(): boolean;
  /** A slot's campaign difficulty. */
  slotDifficulty(slot: number): Difficulty;
  /** Adds or replaces a pending decision. Returns the error (and changes nothing) if invalid. */
  propose(decision: Decision): DecisionError | null;
  /** Drops a pending decision (for setStore, only `field`). */
  withdraw(type: Decision["type"], sku?: string, field?: string): void;
  endWeek(): { ok: true; report: WeekReport } | { ok: false; errors: TurnError[] };
  /** After a week report: next week, or the debrief when the run is over. */
  continueFromReport(): void;
  /** Rebuilds the game from the saved run file. False (with a notice) if there is none or it is bad. */
  resume(): boolean;
  /** For the menu: is there a save to continue, and where is it? A save that cannot be read is
   * set aside (with a notice) right here, so the trainee hears about it before clicking anything. */
  probeSave(): { scenarioId: string; week: number; weeks: number } | null;
  abandon(): void;
  setLang(lang: Lang): void;
  goTo(screen: Screen): void;
  dismissNotice(): void;
  exportRunJson(): string | null;
  /** Switches the save slot (profile); the game in memory is dropped (it is saved in its slot). */
  selectSlot(slot: number): void;
  /** A slot's saved run file as JSON, without loading it (null if the slot is empty or unreadable). */
  exportSlotJson(slot: number): { json: string; run: RunFile } | null;
  /** Read-only look at a slot (nothing is set aside). */
  peekSlot(slot: number): SlotInfo | null;
  /** Stars and best scores earned in a slot (its profile), whether or not it holds a run now. */
  slotProgress(slot: number): Progress;
  /** The current slot's run if it has at least one week played: what starting over or importing would replace. */
  runAtRisk(): SlotInfo | null;
  /** Loads a run file into the current slot after replaying it; on any problem nothing changes. */
  importRunJson(text: string): { ok: true } | { ok: false; reason: { key: string; params: Params; message: string } };
  setSettings(patch: Partial<Settings>): void;
  /** Opens an aside screen (glossary, settings, dashboard) remembering where to come back to. */
  openAside(screen: Screen): void;
  back(): void;
}

export type GameStore = GameData & GameActions;

export interface StoreDeps {
  getScenario(id: string): Scenario | undefined;
  storage?: KeyValueStorage;
  now?: () => number;
}

export function createGameStore(deps: StoreDeps) {
  const storage = deps.storage ?? defaultStorage();
  const now = deps.now ?? (() => Date.now());
  const savedSlot = readJson(storage, SLOT_KEY);
  let slot =
    savedSlot.ok && Number.isInteger(savedSlot.value) && (savedSlot.value as number) >= 1
      ? Math.min(SLOT_COUNT, savedSlot.value as number)
      : 1;
  const SAVE_KEY_NOW = () => saveKeyOf(slot);
  const PENDING_KEY_NOW = () => pendingKeyOf(slot);
  const savedLang = readJson(storage, LANG_KEY);
  const lang: Lang = savedLang.ok && isLang(savedLang.value) ? savedLang.value : "zh-CN";
  setI18nLang(lang);

  const store = createStore<GameStore>()(
    subscribeWithSelector((set, get) => {
      const writeSave = (run: RunFile) => safeSet(storage, SAVE_KEY_NOW(), JSON.stringify(run));
      /** Records a finished run's stars and score in the slot's progress (best kept). */
      const recordProgress = (scenario: Scenario, game: GameState) => {
        if (game.status === "playing") return;
        const r = scoreRun(scenario, game);
        const progress = { ...readProgress(storage, slot) };
        const old = progress[scenario.id];
        progress[scenario.id] = {
          stars: Math.max(old?.stars ?? 0, r.stars),
          best: Math.max(old?.best ?? 0, r.score),
          runs: (old?.runs ?? 0) + 1,
        };
        safeSet(storage, progressKeyOf(slot), JSON.stringify(progress));
        set({ progress });
      };
      const parseAndReplay = (
        value: unknown,
      ):
        | { ok: true; run: RunFile; scenario: Scenario; game: GameState; reports: WeekReport[] }
        | { ok: false; key: string; params: Params; message: string } => {
        const parsed = parseRunFile(value);
        if (!parsed.ok)
          return { ok: false, key: "import.badFile", params: { reason: parsed.error }, message: parsed.error };
        const id = parsed.run.scenario.id;
        const scenario = deps.getScenario(id);
        if (!scenario)
          return { ok: false, key: "save.unknownScenario", params: { id }, message: `unknown scenario "${id}"` };
        const replay = guardedReplay(parsed.run, scenario);
        if (!replay.ok) return { ...replay.error, ok: false };
        // The scenario as the run plays it (its difficulty): what the panels, the debrief and the what-if read.
        const played = scenarioAt(scenario, runDifficulty(parsed.run));
        return { ok: true, run: parsed.run, scenario: played, game: replay.state, reports: replay.reports };
      };
      const writePending = (s: Pick<GameData, "game" | "pending">) => {
        if (!s.game) return;
        const save: PendingSave = { tag: pendingTag(s.game.seed, s.game.scenarioId, s.game.week), pending: s.pending };
        safeSet(storage, PENDING_KEY_NOW(), JSON.stringify(save));
      };
      const setAsideWith = (
        raw: string,
        key: "save.broken" | "save.incompatible",
        reason: string,
        reasonErr?: Notice["reason"],
      ) => {
        const asideKey = setAside(storage, raw, now(), slot);
        set({ notice: { key, params: { key: asideKey, reason }, ...(reasonErr ? { reason: reasonErr } : {}) } });
      };

      /** Makes `run` the slot's save (the one it replaces kept as the previous), with nothing pending. */
      const replaceSave = (run: RunFile) => {
        const old = storage.getItem(SAVE_KEY_NOW());
        if (old !== null) safeSet(storage, previousKeyOf(slot), old);
        writeSave(run);
        safeRemove(storage, PENDING_KEY_NOW());
      };
      /**
       * Takes `candidate` as this week's decisions if they are valid together (and saves them), else
       * shows the errors and keeps the decisions as they were; returns the errors.
       */
      const trySetPending = (scenario: Scenario, game: GameState, candidate: Decision[]): TurnError[] | null => {
        const v = validateTurn(scenario, game, candidate);
        if (!v.ok) {
          set({ lastErrors: v.errors });
          return v.errors;
        }
        set({ pending: v.decisions, draft: v.draft, lastErrors: [] });
        writePending(get());
        return null;
      };

      /** Reads and parses the save; an unreadable one is set aside with a notice (never deleted). */
      const loadSave = (): { run: RunFile; scenario: Scenario; raw: string } | null => {
        const saved = readJson(storage, SAVE_KEY_NOW());
        if (!saved.ok) {
          if (saved.raw !== null) setAsideWith(saved.raw, "save.broken", saved.error);
          return null;
        }
        const raw = storage.getItem(SAVE_KEY_NOW()) ?? "";
        const parsed = parseRunFile(saved.value);
        if (!parsed.ok) {
          setAsideWith(raw, "save.broken", parsed.error);
          return null;
        }
        const id = parsed.run.scenario.id;
        const scenario = deps.getScenario(id);
        if (!scenario) {
          const message = `unknown scenario "${id}"`;
          setAsideWith(raw, "save.incompatible", message, { key: "save.unknownScenario", params: { id }, message });
          return null;
        }
        return { run: parsed.run, scenario, raw };
      };

      return {
        ...noGame(),
        lang,
        screen: "menu",
        notice: null,
        slot,
        progress: readProgress(storage, slot),
        difficulty: readDifficulty(storage, slot),
        settings: readSettings(storage),
        backTo: "menu",

        startScenario(id, seed, meta, difficulty) {
          const file = deps.getScenario(id);
          if (!file) return false;
          const d = difficulty ?? get().difficulty;
          const scenario = scenarioAt(file, d); // the market as played; the run file names the file and d
          const game = newGame(scenario, seed, d);
          const run = newRunFile(scenario, seed, meta, d);
          replaceSave(run);
          set({ ...weekStart(scenario, game, run, []), screen: "briefing", notice: null });
          return true;
        },

        propose(decision) {
          const { scenario, game, pending } = get();
          if (!scenario || !game)
            return { key: "err.gameOver", params: { status: "none" }, message: "no game in progress" };
          const errors = trySetPending(scenario, game, mergePending(pending, decision));
          return errors ? (errors[0] as TurnError).error : null;
        },

        withdraw(type, sku, field) {
          const { scenario, game, pending } = get();
          if (!scenario || !game) return;
          // Removing a change can invalidate a later one (e.g. hours freed are fine, but never
          // the other way round); if it does, keep the list as it was.
          trySetPending(scenario, game, withdrawPending(pending, type, sku, field));
        },

        endWeek() {
          const { scenario, game, run, pending, reports } = get();
          if (!scenario || !game || !run) return { ok: false, errors: [] };
          const r = guardedStep(scenario, game, pending);
          if (!r.ok) {
            set({ lastErrors: r.errors });
            return { ok: false, errors: r.errors };
          }
          const prev = run.hashes[run.hashes.length - 1] ?? GENESIS_HASH;
          const nextRun = appendTurn(run, pending, stateHash(r.state, prev));
          writeSave(nextRun);
          safeRemove(storage, PENDING_KEY_NOW());
          set({ ...weekStart(scenario, r.state, nextRun, [...reports, r.report]), screen: "report" });
          recordProgress(scenario, r.state);
          return { ok: true, report: r.report };
        },

        continueFromReport() {
          const g = get().game;
          set({ screen: g && g.status === "playing" ? "shop" : "debrief" });
        },

        resume() {
          const loaded = loadSave();
          if (!loaded) return false;
          const { run, scenario, raw } = loaded;
          const replay = guardedReplay(run, scenario);
          if (!replay.ok) {
            setAsideWith(raw, "save.incompatible", replay.error.message, replay.error);
            return false;
          }
          const game = replay.state;
          const played = scenarioAt(scenario, runDifficulty(run)); // the run's difficulty
          let pending: Decision[] = [];
          let draft: GameState = game;
          const p = readJson(storage, PENDING_KEY_NOW());
          if (p.ok) {
            const ps = p.value as Partial<PendingSave>;
            if (ps && ps.tag === pendingTag(game.seed, game.scenarioId, game.week) && Array.isArray(ps.pending)) {
              const v = validateTurn(played, game, ps.pending);
              if (v.ok) {
                pending = v.decisions;
                draft = v.draft;
              }
            }
          }
          set({
            ...weekStart(played, game, run, replay.reports),
            pending,
            draft,
            screen: game.status === "playing" ? "shop" : "debrief",
            notice: null,
          });
          return true;
        },

        probeSave() {
          const loaded = loadSave();
          return loaded
            ? { scenarioId: loaded.scenario.id, week: loaded.run.turns.length, weeks: loaded.scenario.weeks }
            : null;
        },

        abandon() {
          safeRemove(storage, SAVE_KEY_NOW());
          safeRemove(storage, PENDING_KEY_NOW());
          set({ ...noGame(), screen: "menu" });
        },

        setLang(next) {
          setI18nLang(next);
          safeSet(storage, LANG_KEY, JSON.stringify(next));
          set({ lang: next });
        },

        goTo(screen) {
          set({ screen, lastErrors: [] });
        },

        openAside(screen) {
          const cur = get().screen;
          set({ screen, backTo: ASIDE_SCREENS.includes(cur) ? get().backTo : cur, lastErrors: [] });
        },

        back() {
          set({ screen: get().backTo, lastErrors: [] });
        },

        selectSlot(next) {
          const n = Math.max(1, Math.min(SLOT_COUNT, Math.round(next)));
          slot = n;
          safeSet(storage, SLOT_KEY, JSON.stringify(n));
          set({
            slot: n,
            progress: readProgress(storage, n),
            difficulty: readDifficulty(storage, n),
            ...noGame(),
            notice: null,
          });
        },

        exportSlotJson(n) {
          const r = readJson(storage, saveKeyOf(n));
          if (!r.ok) return null;
          const parsed = parseRunFile(r.value);
          if (!parsed.ok) return null;
          return { json: `${JSON.stringify(r.value, null, 2)}\n`, run: parsed.run };
        },

        peekSlot(n) {
          const r = readJson(storage, saveKeyOf(n));
          if (!r.ok) return null;
          const parsed = parseRunFile(r.value);
          if (!parsed.ok) return null;
          const sc = deps.getScenario(parsed.run.scenario.id);
          if (!sc) return null;
          const week = parsed.run.turns.length;
          return {
            slot: n,
            scenarioId: sc.id,
            week,
            weeks: sc.weeks,
            finished: week >= sc.weeks,
            difficulty: runDifficulty(parsed.run),
          };
        },

        slotDifficulty(n) {
          return readDifficulty(storage, n);
        },

        canChooseDifficulty() {
          const info = get().peekSlot(slot);
          return (!info || info.week === 0) && Object.keys(readProgress(storage, slot)).length === 0;
        },

        setDifficulty(d) {
          if (!isDifficulty(d) || !get().canChooseDifficulty()) return false;
          safeSet(storage, difficultyKeyOf(slot), JSON.stringify(d));
          set({ difficulty: d });
          return true;
        },

        slotProgress(n) {
          return readProgress(storage, n);
        },

        runAtRisk() {
          const info = get().peekSlot(slot);
          return info && info.week > 0 ? info : null;
        },

        importRunJson(text) {
          let value: unknown;
          try {
            value = JSON.parse(text);
          } catch (e) {
            const message = e instanceof Error ? e.message : String(e);
            return { ok: false, reason: { key: "import.notJson", params: { reason: message }, message } };
          }
          const r = parseAndReplay(value);
          if (!r.ok) return { ok: false, reason: { key: r.key, params: r.params, message: r.message } };
          replaceSave(r.run);
          set({
            ...weekStart(r.scenario, r.game, r.run, r.reports),
            notice: null,
            screen: r.game.status === "playing" ? "shop" : "debrief",
          });
          recordProgress(r.scenario, r.game);
          return { ok: true };
        },

        setSettings(patch) {
          const settings = { ...get().settings, ...patch };
          safeSet(storage, SETTINGS_KEY, JSON.stringify(settings));
          set({ settings });
        },

        dismissNotice() {
          set({ notice: null });
        },

        exportRunJson() {
          const run = get().run;
          return run ? `${JSON.stringify(run, null, 2)}\n` : null;
        },
      };
    }),
  );
  return store;
}

export type GameStoreApi = ReturnType<typeof createGameStore>;

/** A fresh seed for "random seed" games: short, readable, unguessable enough for a classroom. */
export function randomSeed(): string {
  const bytes = new Uint8Array(6);
  const c = (globalThis as { crypto?: { getRandomValues(a: Uint8Array): Uint8Array } }).crypto;
  if (c) c.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return `r-${Array.from(bytes, (b) => b.toString(36).padStart(2, "0")).join("")}`;
}

export const DEFAULT_SEED = "classroom-1";
