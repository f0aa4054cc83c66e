// Offline challenges: what an instructor hands out when there is no server. Two forms:
// - a challenge file (JSON, "shopsim-challenge"): scenario + its content hash, seed, difficulty,
//   class name, deadline, engine version, the offline code, and a hash over all of it so an edited
//   or damaged file is refused;
// - the offline code alone: scenario id + seed (+ difficulty unless standard) in Crockford base32
//   with a 20-bit checksum, typed by trainees (case, spaces and dashes do not matter; O/I/L read as
//   0/1/1; a typo is caught). A standard code starts with "1" (as before difficulty existed), an
//   easy or hard one with "2" (its first payload byte is the difficulty).
// Pure (engine + bundled scenarios): the game and the tests use it; no Node, no DOM.
import { z } from "zod";
import { getScenario } from "../content/scenarios";
import {
  canonicalJson,
  DIFFICULTIES,
  type Difficulty,
  ENGINE_VERSION,
  type Scenario,
  scenarioContentHash,
  sha256Hex,
} from "../engine";

export { DIFFICULTIES, type Difficulty };
export const CHALLENGE_FORMAT = "shopsim-challenge";

export interface OfflineChallenge {
  format: typeof CHALLENGE_FORMAT;
  version: 1;
  code: string;
  scenario: { id: string; contentHash: string };
  seed: string;
  difficulty: Difficulty;
  className: string;
  /** ISO time or null (shown to trainees; the offline ranking does not enforce it). */
  deadline: string | null;
  engineVersion: string;
  /** SHA-256 of the canonical JSON of every other field. */
  hash: string;
}

/** Why a file or code is refused: an i18n key (src/i18n/parts/offline.ts) with parameters. */
export interface OfflineError {
  key: string;
  params: Record<string, string | number>;
}

export type OfflineResult<T> = { ok: true; value: T } | { ok: false; error: OfflineError };

const fail = <T>(key: string, params: Record<string, string | number> = {}): OfflineResult<T> => ({
  ok: false,
  error: { key, params },
});

// ---------- the code ----------

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"; // Crockford base32
const CODE_VERSION = "1"; // scenario + seed: a standard challenge
const CODE_VERSION_DIFFICULTY = "2"; // difficulty byte (index in DIFFICULTIES) + scenario + seed
const CHECK_CHARS = 4; // 20 bits

function toBase32(bytes: Uint8Array): string {
  let out = "";
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(acc >>> (bits - 5)) & 31];
      bits -= 5;
    }
    acc &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(acc << (5 - bits)) & 31];
  return out;
}

function fromBase32(text: string): Uint8Array | null {
  const out: number[] = [];
  let acc = 0;
  let bits = 0;
  for (const ch of text) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) return null;
    acc = (acc << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out.push((acc >>> (bits - 8)) & 255);
      bits -= 8;
    }
    acc &= (1 << bits) - 1;
  }
  if (acc !== 0) return null; // padding bits must be zero
  return Uint8Array.from(out);
}

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });

function checksum(body: string): string {
  return toBase32(Uint8Array.from(sha256Hex(body).slice(0, 6).match(/../g) ?? [], (h) => Number.parseInt(h, 16)))
    .slice(0, CHECK_CHARS)
    .padEnd(CHECK_CHARS, "0");
}

// Bundled scenarios by number, so the code stays short (append only: a number never changes
// meaning). Byte 0 of the payload is 1 + the number; 0 means "the id's length and the id follow".
const SCENARIO_NUMBERS = [
  "launch",
  "assortment",
  "double11",
  "service",
  "feedads",
  "kol",
  "community",
  "season",
  "sandbox",
  "private",
] as const;

/** The offline code of a scenario + seed (+ difficulty): "1XXX-XXXX-…" (standard) or "2XXX-…", groups of four. */
export function offlineCode(scenarioId: string, seed: string, difficulty: Difficulty = "standard"): string {
  const n = (SCENARIO_NUMBERS as readonly string[]).indexOf(scenarioId);
  const id = encoder.encode(scenarioId).subarray(0, 255);
  const lead = difficulty === "standard" ? [] : [DIFFICULTIES.indexOf(difficulty)];
  const head = n >= 0 ? Uint8Array.of(...lead, n + 1) : Uint8Array.of(...lead, 0, id.length, ...id);
  const tail = encoder.encode(seed);
  const payload = new Uint8Array(head.length + tail.length);
  payload.set(head, 0);
  payload.set(tail, head.length);
  const body = (difficulty === "standard" ? CODE_VERSION : CODE_VERSION_DIFFICULTY) + toBase32(payload);
  const code = body + checksum(body);
  return code.match(/.{1,4}/g)?.join("-") ?? code;
}

/** What a typed code normalises to: upper case, no spaces or dashes, O→0, I/L→1. */
export function normaliseOfflineCode(raw: string): string {
  return raw
    .toUpperCase()
    .replace(/[\s\-_.]+/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
}

/** Could this typed text be an offline code (rather than a 6-character server code)? */
export function looksLikeOfflineCode(raw: string): boolean {
  const c = normaliseOfflineCode(raw);
  return c.length > 8 && (c.startsWith(CODE_VERSION) || c.startsWith(CODE_VERSION_DIFFICULTY));
}

/** Reads an offline code back into scenario + seed + difficulty; typos fail the checksum. */
export function parseOfflineCode(
  raw: string,
): OfflineResult<{ code: string; scenario: Scenario; seed: string; difficulty: Difficulty }> {
  const c = normaliseOfflineCode(raw);
  if (c.length < 1 + 4 + CHECK_CHARS || ![...c].every((ch) => ALPHABET.includes(ch))) return fail("off.err.codeChars");
  const withDifficulty = c.startsWith(CODE_VERSION_DIFFICULTY);
  if (!c.startsWith(CODE_VERSION) && !withDifficulty) return fail("off.err.codeVersion");
  const body = c.slice(0, -CHECK_CHARS);
  if (checksum(body) !== c.slice(-CHECK_CHARS)) return fail("off.err.codeTypo");
  const decoded = fromBase32(body.slice(1));
  let difficulty: Difficulty = "standard";
  let bytes = decoded;
  if (decoded && withDifficulty) {
    const d = DIFFICULTIES[decoded[0] ?? -1];
    if (!d || d === "standard") return fail("off.err.codeTypo");
    difficulty = d;
    bytes = decoded.subarray(1);
  }
  if (!bytes || bytes.length < 2) return fail("off.err.codeTypo");
  const first = bytes[0] ?? 0;
  let scenarioId: string;
  let seed: string;
  try {
    if (first > 0) {
      scenarioId = SCENARIO_NUMBERS[first - 1] ?? `#${first}`;
      seed = decoder.decode(bytes.subarray(1));
    } else {
      const idLen = bytes[1] ?? 0;
      scenarioId = decoder.decode(bytes.subarray(2, 2 + idLen));
      seed = decoder.decode(bytes.subarray(2 + idLen));
    }
  } catch {
    return fail("off.err.codeTypo");
  }
  const scenario = getScenario(scenarioId);
  if (!scenario) return fail("off.err.unknownScenario", { id: scenarioId });
  if (!seed || seed.length > 200) return fail("off.err.codeTypo");
  return { ok: true, value: { code: offlineCode(scenarioId, seed, difficulty), scenario, seed, difficulty } };
}

// ---------- the file ----------

const FileSchema = z
  .object({
    format: z.literal(CHALLENGE_FORMAT),
    version: z.literal(1),
    code: z.string().max(200),
    scenario: z.object({ id: z.string().max(64), contentHash: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
    seed: z.string().min(1).max(200),
    difficulty: z.enum(DIFFICULTIES),
    className: z.string().max(60),
    deadline: z.string().max(40).nullable(),
    engineVersion: z.string().max(40),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

function hashOf(c: Omit<OfflineChallenge, "hash">): string {
  return sha256Hex(canonicalJson(c));
}

/** A challenge for the bundled scenario `scenarioId`, ready to save as a file. */
export function createOfflineChallenge(p: {
  scenario: Scenario;
  seed: string;
  difficulty: Difficulty;
  className: string;
  deadline: string | null;
}): OfflineChallenge {
  const body: Omit<OfflineChallenge, "hash"> = {
    format: CHALLENGE_FORMAT,
    version: 1,
    code: offlineCode(p.scenario.id, p.seed, p.difficulty),
    scenario: { id: p.scenario.id, contentHash: scenarioContentHash(p.scenario) },
    seed: p.seed,
    difficulty: p.difficulty,
    className: p.className.trim().slice(0, 60),
    deadline: p.deadline,
    engineVersion: ENGINE_VERSION,
  };
  return { ...body, hash: hashOf(body) };
}

export function challengeFileJson(c: OfflineChallenge): string {
  return `${JSON.stringify(c, null, 2)}\n`;
}

export function challengeFileName(c: OfflineChallenge): string {
  return `shopsim-challenge-${c.scenario.id}-${c.code.replace(/-/g, "").slice(0, 12)}.json`;
}

/** Reads a challenge file's text: JSON, the format, the hash, and this game's scenario content. */
export function parseChallengeFile(text: string): OfflineResult<OfflineChallenge> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return fail("off.err.notJson");
  }
  const kind = (raw as { format?: unknown } | null)?.format;
  if (kind === "shopsim-run") return fail("off.err.isRunFile");
  const r = FileSchema.safeParse(raw);
  if (!r.success) return fail("off.err.notChallenge");
  const { hash, ...body } = r.data;
  if (hashOf(body) !== hash) return fail("off.err.edited");
  const c = r.data as OfflineChallenge;
  const scenario = getScenario(c.scenario.id);
  if (!scenario) return fail("off.err.unknownScenario", { id: c.scenario.id });
  if (c.engineVersion !== ENGINE_VERSION)
    return fail("off.err.version", { file: c.engineVersion, game: ENGINE_VERSION });
  if (scenarioContentHash(scenario) !== c.scenario.contentHash) return fail("off.err.content", { id: c.scenario.id });
  if (c.code !== offlineCode(c.scenario.id, c.seed, c.difficulty)) return fail("off.err.edited");
  return { ok: true, value: c };
}
