// Untrusted text: names, class names, codes. Names are data, never markup: they are trimmed,
// NFC-normalised, length-limited and checked by Unicode properties (cleanName).
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

// Names are checked by Unicode properties, not a list of bad characters (docs/API.md, "Names"):
// - well-formed UTF-16 (no lone surrogates), then NFC;
// - no Cc (controls), Cf (format: bidi, zero-width, U+061C…), Cs (surrogates), Co (private use),
//   Cn (unassigned), Zl/Zp (line/paragraph separators) or Default_Ignorable_Code_Point (fillers such
//   as U+3164 that render blank), nor U+2800 (braille blank);
// - inner whitespace of any kind collapses to one space; at least one letter or digit;
// - combining marks only after a letter or digit, at most MAX_MARKS in a row;
// - one script, or one of the mixes people really write (Unicode UTS #39 "highly restrictive"):
//   Latin + Han + Hiragana + Katakana, Latin + Han + Bopomofo, Latin + Han + Hangul. "Аlice" with a
//   Cyrillic А is refused. Digits, spaces and punctuation (script Common/Inherited) go with any script.
const FORBIDDEN = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}\u2800]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
export const MAX_MARKS = 2;
const STRAY_MARK = /(?<![\p{L}\p{N}\p{M}])\p{M}/u;
const TOO_MANY_MARKS = new RegExp(`\\p{M}{${MAX_MARKS + 1},}`, "u");

/** The scripts told apart for the mixed-script rule; a letter in none of them counts as "Other". */
const SCRIPTS = [
  "Latin",
  "Greek",
  "Cyrillic",
  "Armenian",
  "Georgian",
  "Hebrew",
  "Arabic",
  "Syriac",
  "Thaana",
  "Devanagari",
  "Bengali",
  "Gurmukhi",
  "Gujarati",
  "Oriya",
  "Tamil",
  "Telugu",
  "Kannada",
  "Malayalam",
  "Sinhala",
  "Thai",
  "Lao",
  "Tibetan",
  "Myanmar",
  "Khmer",
  "Mongolian",
  "Ethiopic",
  "Cherokee",
  "Han",
  "Hiragana",
  "Katakana",
  "Bopomofo",
  "Hangul",
  "Yi",
  "Tifinagh",
  "Canadian_Aboriginal",
] as const;
const SCRIPT_RES = SCRIPTS.map((name) => [name, new RegExp(`\\p{Script=${name}}`, "u")] as const);
const ALLOWED_MIXES: readonly (readonly string[])[] = [
  ["Latin", "Han", "Hiragana", "Katakana"],
  ["Latin", "Han", "Bopomofo"],
  ["Latin", "Han", "Hangul"],
];

/** The scripts of the letters of `s` (Common and Inherited characters have none). */
export function scriptsOf(s: string): Set<string> {
  const found = new Set<string>();
  for (const ch of s) {
    if (!/\p{L}/u.test(ch)) continue;
    const hit = SCRIPT_RES.find(([, re]) => re.test(ch));
    found.add(hit ? hit[0] : "Other");
  }
  return found;
}

function mixAllowed(scripts: Set<string>): boolean {
  if (scripts.size <= 1) return true;
  return ALLOWED_MIXES.some((mix) => [...scripts].every((x) => mix.includes(x)));
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Well-formed UTF-16: no lone surrogate (String.prototype.isWellFormed, without needing ES2024 types). */
export function isWellFormed(s: string): boolean {
  return !LONE_SURROGATE.test(s);
}

export type CleanResult = { ok: true; value: string } | { ok: false; reason: string };

/** Validates and normalises a name (see above); the reason says what is wrong, in English. */
export function cleanName(raw: string, max: number): CleanResult {
  if (!isWellFormed(raw)) return { ok: false, reason: "is not well-formed text (a lone surrogate)" };
  const nfc = raw.normalize("NFC");
  const bad = FORBIDDEN.exec(nfc);
  if (bad) {
    const cp = (bad[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
    return { ok: false, reason: `contains a control, invisible or unassigned character (U+${cp})` };
  }
  const v = nfc.trim().replace(/\s+/gu, " ");
  if (v.length === 0) return { ok: false, reason: "is empty" };
  if ([...v].length > max) return { ok: false, reason: `is longer than ${max} characters` };
  if (!LETTER_OR_DIGIT.test(v)) return { ok: false, reason: "has no letter or digit" };
  if (STRAY_MARK.test(v)) return { ok: false, reason: "has a combining mark that follows no letter" };
  if (TOO_MANY_MARKS.test(v)) return { ok: false, reason: `stacks more than ${MAX_MARKS} combining marks` };
  const scripts = scriptsOf(v);
  if (!mixAllowed(scripts)) {
    return { ok: false, reason: `mixes scripts that look alike (${[...scripts].sort().join(" + ")})` };
  }
  return { ok: true, value: v };
}

/** Two spellings of one trainee's name count as one trainee (case and width folded). */
export function nameKey(name: string): string {
  return name.normalize("NFKC").toLowerCase();
}
