// Named, seeded random streams whose whole state is plain JSON inside the game
// state. One stream per subsystem keeps draws in one subsystem from shifting the
// sequence seen by another, so replays and what-if comparisons stay aligned.
// Alea is used because its state is four numbers and its step is pure IEEE
// arithmetic (identical on every engine).

import seedrandom from "seedrandom";

/** seedrandom alea state: c is an integer carry, s0..s2 are multiples of 2^-32 in [0, 1). */
export type StreamStates = Record<string, { c: number; s0: number; s1: number; s2: number }>;

export interface Rng {
  /** Uniform in [0, 1), resolution 2^-32. */
  next(): number;
}

interface OpenRng extends Rng {
  state(): { c: number; s0: number; s1: number; s2: number };
}

function checkName(name: string): void {
  // "__proto__" would set the prototype of the plain records below instead of a key.
  if (name === "__proto__") throw new Error(`rng: invalid stream name "${name}"`);
}

function checkState(name: string, st: unknown): { c: number; s0: number; s1: number; s2: number } {
  const o = st as Record<string, unknown> | null;
  if (o === null || typeof o !== "object") throw new Error(`rng: stream "${name}" has no state object`);
  const out = { c: 0, s0: 0, s1: 0, s2: 0 };
  for (const key of ["c", "s0", "s1", "s2"] as const) {
    const v = o[key];
    if (typeof v !== "number" || !Number.isFinite(v)) {
      throw new Error(`rng: stream "${name}" has invalid state field ${key}=${String(v)}`);
    }
    out[key] = v;
  }
  return out;
}

/** Fresh states for the given stream names; each is seeded with `${seed}/${name}`. */
export function createStreams(seed: string, names: readonly string[]): StreamStates {
  const states: StreamStates = {};
  for (const name of names) {
    checkName(name);
    if (Object.hasOwn(states, name)) throw new Error(`rng: duplicate stream name "${name}"`);
    const prng = seedrandom.alea(`${seed}/${name}`, { state: true });
    states[name] = checkState(name, prng.state());
  }
  return states;
}

/** Live generators restored from saved states. The input object is not modified. */
export function openStreams(states: StreamStates): Record<string, Rng> {
  const rngs: Record<string, Rng> = {};
  for (const name of Object.keys(states)) {
    checkName(name);
    // Copy the state: seedrandom only reads it, but callers must be able to keep the original.
    const saved = checkState(name, states[name]);
    const prng = seedrandom.alea("", { state: saved });
    const rng: OpenRng = { next: () => prng(), state: () => prng.state() };
    rngs[name] = rng;
  }
  return rngs;
}

/** Current states of generators from openStreams, as plain JSON data. */
export function closeStreams(rngs: Record<string, Rng>): StreamStates {
  const states: StreamStates = {};
  for (const name of Object.keys(rngs)) {
    checkName(name);
    const rng = rngs[name] as Partial<OpenRng>;
    if (typeof rng.state !== "function") throw new Error(`rng: stream "${name}" was not created by openStreams`);
    states[name] = checkState(name, rng.state());
  }
  return states;
}
