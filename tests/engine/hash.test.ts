import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, GENESIS_HASH, sha256Hex, stateHash } from "../../src/engine/hash";

describe("canonicalJson", () => {
  it("sorts keys recursively and keeps array order", () => {
    const a = { b: 1, a: { d: [3, 1, 2], c: null }, "z key": "x" };
    const b = { "z key": "x", a: { c: null, d: [3, 1, 2] }, b: 1 };
    expect(canonicalJson(a)).toBe('{"a":{"c":null,"d":[3,1,2]},"b":1,"z key":"x"}');
    expect(canonicalJson(b)).toBe(canonicalJson(a));
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  it("sorts by UTF-16 code units, not locale", () => {
    expect(canonicalJson({ b: 1, B: 2, ä: 3, a: 4, _: 5, "10": 6, "9": 7 })).toBe(
      '{"10":6,"9":7,"B":2,"_":5,"a":4,"b":1,"ä":3}',
    );
  });

  it("prints primitives like JSON.stringify, -0 as 0", () => {
    expect(canonicalJson(-0)).toBe("0");
    expect(canonicalJson({ x: -0 })).toBe('{"x":0}');
    expect(canonicalJson(1e21)).toBe("1e+21");
    expect(canonicalJson(0.1)).toBe("0.1");
    expect(canonicalJson('a"b\n中')).toBe(JSON.stringify('a"b\n中'));
    expect(canonicalJson(true)).toBe("true");
    expect(canonicalJson(null)).toBe("null");
    expect(canonicalJson({})).toBe("{}");
    expect(canonicalJson([])).toBe("[]");
    expect(canonicalJson(Object.create(null))).toBe("{}");
  });

  it("rejects non-JSON values, naming the path", () => {
    expect(() => canonicalJson({ a: { b: [1, Number.NaN] } })).toThrow(/NaN at \$\.a\.b\[1\]/);
    expect(() => canonicalJson({ x: Number.POSITIVE_INFINITY })).toThrow(/Infinity at \$\.x/);
    expect(() => canonicalJson([Number.NEGATIVE_INFINITY])).toThrow(/-Infinity at \$\[0\]/);
    expect(() => canonicalJson({ u: undefined })).toThrow(/undefined value at \$\.u/);
    expect(() => canonicalJson([1, undefined])).toThrow(/undefined value at \$\[1\]/);
    // biome-ignore lint/suspicious/noSparseArray: a hole is exactly what is being tested
    expect(() => canonicalJson([1, , 3])).toThrow(/undefined value at \$\[1\]/);
    expect(() => canonicalJson(undefined)).toThrow(/undefined value at \$/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/function at \$\.f/);
    expect(() => canonicalJson({ "odd key": { when: new Date(0) } })).toThrow(
      /non-plain object \(Date\) at \$\["odd key"\]\.when/,
    );
    expect(() => canonicalJson({ m: new Map() })).toThrow(/non-plain object \(Map\) at \$\.m/);
    expect(() => canonicalJson({ n: 1n })).toThrow(/bigint at \$\.n/);
    expect(() => canonicalJson({ s: Symbol("x") })).toThrow(/symbol at \$\.s/);
    class Point {
      x = 1;
    }
    expect(() => canonicalJson([new Point()])).toThrow(/non-plain object \(Point\) at \$\[0\]/);
  });

  it("rejects cycles but allows shared (acyclic) references", () => {
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/circular reference at \$\.self/);
    const shared = { v: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"v":1},"b":{"v":1}}');
  });

  it("handles an own __proto__ key from JSON.parse", () => {
    const v = JSON.parse('{"__proto__":{"x":1},"a":2}') as unknown;
    expect(canonicalJson(v)).toBe('{"__proto__":{"x":1},"a":2}');
  });

  it("round-trips: canonicalJson(JSON.parse(canonicalJson(x))) === canonicalJson(x)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (x) => {
        const c = canonicalJson(x);
        return canonicalJson(JSON.parse(c)) === c;
      }),
      { numRuns: 1000 },
    );
  });

  it("is invariant under key order (shuffled copies hash the same)", () => {
    const reverseKeys = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(reverseKeys);
      if (v !== null && typeof v === "object") {
        // Null prototype so an own "__proto__" key is copied as a key, not as a prototype.
        const out = Object.create(null) as Record<string, unknown>;
        for (const k of Object.keys(v).reverse()) out[k] = reverseKeys((v as Record<string, unknown>)[k]);
        return out;
      }
      return v;
    };
    fc.assert(
      fc.property(fc.jsonValue(), (x) => canonicalJson(reverseKeys(x)) === canonicalJson(x)),
      { numRuns: 500 },
    );
  });
});

describe("canonicalJson fast path", () => {
  // A reference written the obvious way (not JSON.stringify of a sorted copy: that would print
  // integer-like keys first, whatever their order).
  const reference = (v: unknown): string => {
    if (Array.isArray(v)) return `[${v.map(reference).join(",")}]`;
    if (v !== null && typeof v === "object") {
      const keys = Object.keys(v).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${keys.map((k) => `${JSON.stringify(k)}:${reference((v as Record<string, unknown>)[k])}`).join(",")}}`;
    }
    return JSON.stringify(v);
  };

  it("prints what the reference prints, for any JSON value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (x) => canonicalJson(x) === reference(x)),
      { numRuns: 1000 },
    );
  });

  it("sorts objects with many keys, integer-like ones included, by code units", () => {
    const keys = Array.from({ length: 60 }, (_, i) => (i % 3 === 0 ? String(i * 7) : `k${(i * 37) % 61}é${i}`));
    const obj = Object.fromEntries(keys.map((k, i) => [k, i]));
    expect(canonicalJson(obj)).toBe(reference(obj));
    expect(canonicalJson({ small: obj, b: { "10": 1, "9": 2, a: 3 } })).toBe(
      reference({ small: obj, b: { "10": 1, "9": 2, a: 3 } }),
    );
  });

  it("handles nesting deeper than the fast writer goes (the full writer takes over)", () => {
    let deep: unknown = { leaf: [1, "x"] };
    for (let i = 0; i < 400; i++) deep = i % 2 ? { d: deep } : [deep];
    expect(canonicalJson(deep)).toBe(reference(deep));
  });
});

describe("sha256Hex", () => {
  it("matches known digests", () => {
    expect(sha256Hex("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    // UTF-8 encoding of non-ASCII text.
    expect(sha256Hex("中")).toBe("a567bdaa11367f260f0708391f4d10766b5962f565d9e432f17981a3584fe1e2");
  });
});

describe("stateHash", () => {
  it("chains on the previous hash", () => {
    const state = { day: 1, cash: 100_00 };
    const h1 = stateHash(state, GENESIS_HASH);
    expect(h1).toMatch(/^[0-9a-f]{64}$/);
    expect(h1).toBe(sha256Hex(`${GENESIS_HASH}\n{"cash":10000,"day":1}`));
    expect(stateHash({ cash: 100_00, day: 1 }, GENESIS_HASH)).toBe(h1);
    const h2 = stateHash(state, h1);
    expect(h2).not.toBe(h1);
    expect(stateHash(state, h1)).toBe(h2);
    expect(stateHash({ day: 1, cash: 100_01 }, GENESIS_HASH)).not.toBe(h1);
  });

  it("GENESIS_HASH is 64 zeros", () => {
    expect(GENESIS_HASH).toBe("0".repeat(64));
  });

  it("takes another implementation of SHA-256 (the server passes Node's) with the same result", () => {
    const state = { day: 1, cash: 100_00, name: "中" };
    const calls: string[] = [];
    const spy = (text: string) => {
      calls.push(text);
      return sha256Hex(text);
    };
    expect(stateHash(state, GENESIS_HASH, spy)).toBe(stateHash(state, GENESIS_HASH));
    expect(calls).toEqual([`${GENESIS_HASH}\n{"cash":10000,"day":1,"name":"中"}`]);
  });

  it("propagates canonicalJson errors", () => {
    expect(() => stateHash({ a: Number.NaN }, GENESIS_HASH)).toThrow(/\$\.a/);
  });
});
