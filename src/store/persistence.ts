// localStorage layout. The save IS the run file (scenario, seed, decision log, hash chain), so a
// save can be handed in, verified by the CLI, and replayed to rebuild everything else.
import type { Decision } from "../engine";

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
export function setAside(storage: KeyValueStorage, raw: string, now: number): string {
  const key = `${BROKEN_PREFIX}${now}`;
  safeSet(storage, key, raw);
  safeRemove(storage, SAVE_KEY);
  safeRemove(storage, PENDING_KEY);
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
