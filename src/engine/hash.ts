// Canonical JSON and chained state hashes. The same state must hash the same on
// every machine, so key order is fixed and anything JSON cannot round-trip
// exactly (NaN, Infinity, undefined, class instances) is rejected loudly rather
// than silently dropped or coerced the way JSON.stringify would.

import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

export const GENESIS_HASH = "0".repeat(64);

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** The JSON path of the value being written, as "$.a.b[1]"; built only when an error needs it. */
function formatPath(path: readonly (string | number)[]): string {
  let out = "$";
  for (const p of path) {
    if (typeof p === "number") out += `[${p}]`;
    else out += IDENT.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`;
  }
  return out;
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

// Plain code-unit comparison: deterministic and locale-independent.
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function write(value: unknown, path: (string | number)[], stack: object[], out: string[]): void {
  if (value === null) {
    out.push("null");
    return;
  }
  switch (typeof value) {
    case "string":
      out.push(JSON.stringify(value));
      return;
    case "boolean":
      out.push(value ? "true" : "false");
      return;
    case "number":
      if (!Number.isFinite(value))
        throw new Error(`canonicalJson: non-finite number ${String(value)} at ${formatPath(path)}`);
      out.push(JSON.stringify(value)); // -0 prints as "0"
      return;
    case "undefined":
      throw new Error(`canonicalJson: undefined value at ${formatPath(path)}`);
    case "object":
      break;
    default:
      throw new Error(`canonicalJson: unsupported ${typeof value} at ${formatPath(path)}`);
  }
  const obj = value as object;
  if (stack.includes(obj)) throw new Error(`canonicalJson: circular reference at ${formatPath(path)}`);
  stack.push(obj);
  if (Array.isArray(obj)) {
    out.push("[");
    for (let i = 0; i < obj.length; i++) {
      if (i > 0) out.push(",");
      // Holes read as undefined and are rejected like explicit undefined.
      path.push(i);
      write(obj[i], path, stack, out);
      path.pop();
    }
    out.push("]");
  } else {
    if (!isPlainObject(obj)) {
      const name = (obj as { constructor?: { name?: unknown } }).constructor?.name;
      throw new Error(`canonicalJson: non-plain object (${String(name ?? "unknown")}) at ${formatPath(path)}`);
    }
    const rec = obj as Record<string, unknown>;
    const keys = Object.keys(rec).sort(compareKeys);
    out.push("{");
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      if (i > 0) out.push(",");
      out.push(JSON.stringify(key), ":");
      path.push(key);
      write(rec[key], path, stack, out);
      path.pop();
    }
    out.push("}");
  }
  stack.pop();
}

// The fast writer: the same output as `write` for valid JSON data, with no path or cycle
// bookkeeping. Anything unusual (a non-finite number, undefined, a non-plain object, nesting
// deeper than FAST_DEPTH, which is what a cycle becomes) makes it give up, and `write` then
// produces the output or the error naming the path. State hashing is on the replay's hot path.
const FAST_DEPTH = 200;
const GIVE_UP: unique symbol = Symbol("canonicalJson: give up");
const quotedKeys = new Map<string, string>();

function quoteKey(key: string): string {
  let q = quotedKeys.get(key);
  if (q === undefined) {
    q = JSON.stringify(key);
    if (quotedKeys.size < 4096) quotedKeys.set(key, q);
  }
  return q;
}

/** Keys in UTF-16 code-unit order, as compareKeys orders them (keys are distinct). */
function sortKeys(keys: string[]): string[] {
  if (keys.length > 24) return keys.sort(compareKeys);
  // Insertion sort: state objects have a handful of keys, and this beats Array#sort on them.
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i] as string;
    let j = i - 1;
    while (j >= 0 && (keys[j] as string) > k) {
      keys[j + 1] = keys[j] as string;
      j--;
    }
    keys[j + 1] = k;
  }
  return keys;
}

function writeFast(value: unknown, depth: number): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw GIVE_UP;
      return `${value}`; // Number#toString of a finite number is its JSON form (-0 prints as "0")
    case "boolean":
      return value ? "true" : "false";
    case "object":
      break;
    default:
      throw GIVE_UP;
  }
  if (depth > FAST_DEPTH) throw GIVE_UP;
  if (Array.isArray(value)) {
    const n = value.length;
    if (n === 0) return "[]";
    let out = "[";
    for (let i = 0; i < n; i++) {
      if (i > 0) out += ",";
      out += writeFast(value[i], depth + 1); // a hole reads as undefined: give up
    }
    return `${out}]`;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) throw GIVE_UP;
  const rec = value as Record<string, unknown>;
  const keys = sortKeys(Object.keys(rec));
  let out = "{";
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    if (i > 0) out += ",";
    out += `${quoteKey(key)}:${writeFast(rec[key], depth + 1)}`;
  }
  return `${out}}`;
}

/** JSON with object keys sorted recursively; throws (naming the JSON path) on non-JSON data. */
export function canonicalJson(value: unknown): string {
  try {
    return writeFast(value, 0);
  } catch (e) {
    if (e !== GIVE_UP) throw e;
  }
  const out: string[] = [];
  write(value, [], [], out);
  return out.join("");
}

/** SHA-256 of the UTF-8 encoding of text, lowercase hex. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** A SHA-256 of UTF-8 text as lowercase hex: sha256Hex, or a faster native one (the server passes Node's). */
export type Sha256Hex = (text: string) => string;

/** Hash of a state chained to the previous hash (use GENESIS_HASH for the first). */
export function stateHash(state: unknown, previousHash: string, sha: Sha256Hex = sha256Hex): string {
  return sha(`${previousHash}\n${canonicalJson(state)}`);
}
