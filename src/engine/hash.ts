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

/** JSON with object keys sorted recursively; throws (naming the JSON path) on non-JSON data. */
export function canonicalJson(value: unknown): string {
  const out: string[] = [];
  write(value, [], [], out);
  return out.join("");
}

/** SHA-256 of the UTF-8 encoding of text, lowercase hex. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** Hash of a state chained to the previous hash (use GENESIS_HASH for the first). */
export function stateHash(state: unknown, previousHash: string): string {
  return sha256Hex(`${previousHash}\n${canonicalJson(state)}`);
}
