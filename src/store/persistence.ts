// localStorage layout. The save IS the run file (scenario, seed, decision log, hash chain), so a
// save can be handed in, verified by the CLI, and replayed to rebuild everything else.
import { type Decision, type Difficulty, isDifficulty } from "../engine";

export const SAVE_KEY = "shopsim.save.v1";
export const PENDING_KEY = "shopsim.pending.v1";
export const LANG_KEY = "shopsim.lang.v1";
/** Prefix of a save that could not be loaded; kept (never deleted) so nothing is lost for good. */
export const BROKEN_PREFIX = "shopsim.save.v1.broken.";
/** The save replaced when a new game starts over an existing one. */
export const PREVIOUS_KEY = "shopsim.save.v1.previous";

/** The subset of the Web Storage API the store needs (a Map-backed fake in Node tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Pending changes belong to one week of one run; the tag stops them leaking into another. */
export interface PendingSave {
  tag: string;
  pending: Decision[];
}

export function pendingTag(seed: string, scenarioId: string, week: number): string {
  return `${scenarioId}|${seed}|${week}`;
}

export function readJson(
  storage: KeyValueStorage,
  key: string,
): { ok: true; value: unknown } | { ok: false; raw: string | null; error: string } {
  let raw: string | null;
  try {
    raw = storage.getItem(key);
  } catch (e) {
    return { ok: false, raw: null, error: String(e) };
  }
  if (raw === null) return { ok: false, raw: null, error: "missing" };
  try {
    return { ok: true, value: JSON.parse(raw) };
  } catch (e) {
    return { ok: false, raw, error: e instanceof Error ? e.message : String(e) };
  }
}

/** Writes without throwing: a full or blocked storage must not break the game in progress. */
export function safeSet(storage: KeyValueStorage, key: string, value: string): boolean {
  try {
    storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

export function safeRemove(storage: KeyValueStorage, key: string): void {
  try {
    storage.removeItem(key);
  } catch {
    /* ignore: nothing more we can do */
  }
}

/** Moves an unreadable save aside under a new key and returns that key. */
export function setAside(storage: KeyValueStorage, raw: string, now: number, slot = 1): string {
  const key = `${BROKEN_PREFIX}${now}`;
  safeSet(storage, key, raw);
  safeRemove(storage, saveKeyOf(slot));
  safeRemove(storage, pendingKeyOf(slot));
  return key;
}

/** The browser's localStorage, or an in-memory stand-in when it is unavailable (private mode). */
export function defaultStorage(): KeyValueStorage {
  try {
    const ls = (globalThis as { localStorage?: KeyValueStorage }).localStorage;
    if (ls) return ls;
  } catch {
    /* fall through */
  }
  return memoryStorage();
}

export function memoryStorage(init: Record<string, string> = {}): KeyValueStorage & { dump(): Record<string, string> } {
  const m = new Map(Object.entries(init));
  return {
    getItem: (k) => m.get(k) ?? null,
    setItem: (k, v) => void m.set(k, String(v)),
    removeItem: (k) => void m.delete(k),
    dump: () => Object.fromEntries(m),
  };
}

// ---- save slots, progress and settings ---------------------------------------------------------
// Slot 1 keeps the original single-save keys, so a save made before slots existed simply IS slot 1
// (migration without copying). Slots 2..N get their own keys with the same run-file format.
export const SLOT_COUNT = 3;
export const SLOT_KEY = "shopsim.slot.v1";
export const SETTINGS_KEY = "shopsim.settings.v1";

export function saveKeyOf(slot: number): string {
  return slot <= 1 ? SAVE_KEY : `shopsim.save.v1.slot${slot}`;
}
export function pendingKeyOf(slot: number): string {
  return slot <= 1 ? PENDING_KEY : `shopsim.pending.v1.slot${slot}`;
}
export function previousKeyOf(slot: number): string {
  return slot <= 1 ? PREVIOUS_KEY : `shopsim.save.v1.slot${slot}.previous`;
}
/** Stars and best score per scenario for one slot (the slot is the player's profile). */
export function progressKeyOf(slot: number): string {
  return `shopsim.progress.v1.slot${Math.max(1, slot)}`;
}

/** The slot's campaign difficulty (absent = "standard"; src/engine/difficulty.ts). */
export function difficultyKeyOf(slot: number): string {
  return `shopsim.difficulty.v1.slot${Math.max(1, slot)}`;
}

export function readDifficulty(storage: KeyValueStorage, slot: number): Difficulty {
  const r = readJson(storage, difficultyKeyOf(slot));
  return r.ok && isDifficulty(r.value) ? r.value : "standard";
}

export interface ScenarioProgress {
  stars: number;
  best: number;
  runs: number;
}
export type Progress = Record<string, ScenarioProgress>;

export function readProgress(storage: KeyValueStorage, slot: number): Progress {
  const r = readJson(storage, progressKeyOf(slot));
  if (!r.ok || typeof r.value !== "object" || r.value === null) return {};
  const out: Progress = {};
  for (const [id, v] of Object.entries(r.value as Record<string, Partial<ScenarioProgress>>)) {
    if (v && typeof v.stars === "number" && typeof v.best === "number")
      out[id] = { stars: v.stars, best: v.best, runs: typeof v.runs === "number" ? v.runs : 1 };
  }
  return out;
}

export interface Settings {
  /** 0..1; 0 = muted. */
  volume: number;
  sfx: boolean;
  /** "auto" follows the system's prefers-reduced-motion. */
  motion: "auto" | "full" | "reduced";
}
export const DEFAULT_SETTINGS: Settings = { volume: 0.6, sfx: true, motion: "auto" };

export function readSettings(storage: KeyValueStorage): Settings {
  const r = readJson(storage, SETTINGS_KEY);
  if (!r.ok || typeof r.value !== "object" || r.value === null) return { ...DEFAULT_SETTINGS };
  const v = r.value as Partial<Settings>;
  return {
    volume: typeof v.volume === "number" && v.volume >= 0 && v.volume <= 1 ? v.volume : DEFAULT_SETTINGS.volume,
    sfx: typeof v.sfx === "boolean" ? v.sfx : DEFAULT_SETTINGS.sfx,
    motion: v.motion === "full" || v.motion === "reduced" || v.motion === "auto" ? v.motion : "auto",
  };
}
