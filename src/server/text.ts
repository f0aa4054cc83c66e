// Untrusted text: names, class names, codes. Names are data, never markup: they are trimmed,
// NFC-normalised, length-limited and refused if they contain control or bidi-override characters.
// Nothing here escapes HTML because nothing renders names as HTML (Phaser text, JSON, CSV).
import { createHash, randomBytes, randomInt, timingSafeEqual } from "node:crypto";

/** Codes use an alphabet without look-alikes (no 0/O, 1/I/L), upper case, 6 characters. */
export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const CODE_LENGTH = 6;
export const CODE_RE = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

export function newCode(): string {
  let s = "";
  for (let i = 0; i < CODE_LENGTH; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return s;
}

/** Accepts what a person types: lower case, spaces and dashes. */
export function normaliseCode(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]+/g, "");
}

/** Instructor secrets: 32 random bytes, base64url; only their SHA-256 is stored. */
export function newSecret(): string {
  return randomBytes(32).toString("base64url");
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}

export function sha256Hex(s: string): string {
  return createHash("sha256").update(s, "utf8").digest("hex");
}

// C0/C1 controls, DEL, zero-width and bidi controls (U+200B–U+200F, U+202A–U+202E, U+2066–U+2069),
// line/paragraph separators, BOM.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find control characters
const FORBIDDEN = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/u;

export type CleanResult = { ok: true; value: string } | { ok: false; reason: string };

/** Trims, collapses inner whitespace, NFC-normalises; refuses control characters and bad lengths. */
export function cleanName(raw: string, max: number): CleanResult {
  if (FORBIDDEN.test(raw)) return { ok: false, reason: "contains control or invisible formatting characters" };
  const v = raw.normalize("NFC").trim().replace(/\s+/gu, " ");
  if (v.length === 0) return { ok: false, reason: "is empty" };
  if ([...v].length > max) return { ok: false, reason: `is longer than ${max} characters` };
  return { ok: true, value: v };
}

/** Two spellings of one trainee's name count as one trainee (case and width folded). */
export function nameKey(name: string): string {
  return name.normalize("NFKC").toLowerCase();
}
