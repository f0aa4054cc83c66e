// Unit tests of the server's door checks: names by Unicode properties, proxy trust settings, the
// iterative depth / decisions-per-week limits, the configured link origin.
import { describe, expect, it } from "vitest";
import { loadConfig, parseTrustProxy } from "../../src/server/config";
import { checkDecisionCounts, checkShape, MAX_DECISIONS_PER_WEEK, MAX_DEPTH } from "../../src/server/limits";
import { configuredOrigin, lanAddress } from "../../src/server/links";
import { cleanName, nameKey } from "../../src/server/text";

describe("names by Unicode properties", () => {
  // The 15 accepted hostile names and their relatives: every one is refused.
  const hostile: [string, RegExp][] = [
    ["\u3164", /U\+3164/], // Hangul filler (default-ignorable, renders blank)
    ["\u3164\u3164", /U\+3164/],
    ["a\u3164b", /U\+3164/],
    ["\uFFA0", /U\+FFA0/], // half-width Hangul filler
    ["\u115F", /U\+115F/],
    ["\u2800", /U\+2800/], // braille blank
    ["a\u061Cb", /U\+061C/], // Arabic letter mark (Cf)
    ["\u180Ea", /U\+180E/], // Mongolian vowel separator
    ["a\u00ADb", /U\+00AD/], // soft hyphen
    ["a\u034Fb", /U\+034F/], // combining grapheme joiner (default-ignorable)
    ["a\uFE0Fb", /U\+FE0F/], // variation selector
    ["x\u200Dy", /U\+200D/], // zero-width joiner
    ["x\u2060y", /U\+2060/], // word joiner
    ["\u202Eevil", /U\+202E/], // bidi override
    ["\u2066x\u2069", /U\+2066/],
    ["a\uE000", /U\+E000/], // private use
    ["a\u0378", /U\+0378/], // unassigned
    ["a\u2028b", /U\+2028/], // line separator
    ["a\u0000b", /U\+0000/],
    ["a\u0085b", /U\+0085/], // NEL (C1)
    ["\uD800abc", /lone surrogate/],
    ["abc\uDFFF", /lone surrogate/],
    ["e\u0301\u0301\u0301\u0301", /combining marks/], // é + 3 stacked marks after NFC
    ["Z\u0351\u0352\u0353\u0354\u0355", /combining marks/], // "zalgo"
    ["\u0301abc", /follows no letter/],
    ["ab \u0301", /follows no letter/],
    ["\u0410lice", /Cyrillic \+ Latin/], // "Аlice" with a Cyrillic А
    ["P\u0430ypal", /Cyrillic \+ Latin/],
    ["\u0391lpha", /Greek \+ Latin/], // Greek Α
    ["\u0422\u03BF", /Cyrillic \+ Greek/],
    ["abc\u05D0", /Hebrew \+ Latin/],
    ["\u0627\u0644\u0430", /Arabic \+ Cyrillic/],
    ["\u5F20\u0430", /Cyrillic \+ Han/],
    ["   ", /empty/],
    ["!!!", /no letter or digit/],
    ["🙂🙂", /no letter or digit/],
    ["x".repeat(33), /longer than 32/],
  ];
  it.each(hostile)("refuses %j", (raw, why) => {
    const r = cleanName(raw, 32);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(why);
  });

  const fine: [string, string][] = [
    ["  张三  ", "张三"],
    ["Li  Si", "Li Si"],
    ["Li\u3000Si", "Li Si"], // ideographic space collapses
    ["José", "José"],
    ["Jose\u0301", "José"], // NFC
    ["Nguyễn Văn A", "Nguyễn Văn A"],
    ["王Lily", "王Lily"],
    ["田中さん", "田中さん"],
    ["김철수 Kim", "김철수 Kim"],
    ["Иван Петров", "Иван Петров"],
    ["Ἀλέξανδρος", "Ἀλέξανδρος"],
    ["O'Brien-Smith", "O'Brien-Smith"],
    ["2301班-07", "2301班-07"],
    ["<script>alert(1)</script>", "<script>alert(1)</script>"],
    ["=HYPERLINK(1)", "=HYPERLINK(1)"],
    ["🙂 Ann", "🙂 Ann"],
  ];
  it.each(fine)("accepts %j as %j", (raw, want) => {
    expect(cleanName(raw, 32)).toEqual({ ok: true, value: want });
  });

  it("folds case and width into one trainee", () => {
    expect(nameKey("Li Si")).toBe(nameKey("li si"));
    expect(nameKey("ＬＩ")).toBe(nameKey("li"));
  });
});

describe("TRUST_PROXY", () => {
  it("takes a hop count, a list of addresses/CIDRs, or nothing", () => {
    expect(parseTrustProxy("0")).toBe(false);
    expect(parseTrustProxy("")).toBe(false);
    expect(parseTrustProxy("false")).toBe(false);
    expect(parseTrustProxy("1")).toBe(1);
    expect(parseTrustProxy("2")).toBe(2);
    expect(parseTrustProxy("10.0.0.2, 192.168.0.0/16,loopback,::1,fd00::/8")).toEqual([
      "10.0.0.2",
      "192.168.0.0/16",
      "loopback",
      "::1",
      "fd00::/8",
    ]);
  });

  it("refuses 'true' (a client could write its own address) and malformed entries, naming them", () => {
    expect(() => parseTrustProxy("true")).toThrow(/TRUST_PROXY.*any X-Forwarded-For/);
    expect(() => parseTrustProxy("11")).toThrow(/more than 10/);
    expect(() => parseTrustProxy("10.0.0.0/33")).toThrow(/"10\.0\.0\.0\/33"/);
    expect(() => parseTrustProxy("nginx")).toThrow(/"nginx"/);
    expect(() => loadConfig({ TRUST_PROXY: "true" })).toThrow(/TRUST_PROXY/);
    expect(loadConfig({ TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({}).shutdownGraceMs).toBe(5000);
  });
});

describe("limits at the door", () => {
  it("finds over-deep nesting without recursion, with the path", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 1_000_000; i++) deep = [deep];
    const p = checkShape({ run: { meta: deep } }, "body");
    expect(p?.path).toBe(`body.run.meta${".0".repeat(MAX_DEPTH - 2)}`);
    expect(p?.message).toMatch(/deeper than 16/);
    let ok: unknown = "x";
    for (let i = 0; i < MAX_DEPTH - 1; i++) ok = { a: ok };
    expect(checkShape(ok, "body")).toBeNull();
  });

  it("finds lone surrogates in values and keys", () => {
    expect(checkShape({ a: ["ok", "bad\uD800"] }, "body")).toMatchObject({ path: "body.a.1" });
    expect(checkShape({ "k\uDC00": 1 }, "body")?.message).toMatch(/key/);
  });

  it("caps decisions per week", () => {
    const week = Array.from({ length: MAX_DECISIONS_PER_WEEK + 1 }, () => ({ type: "setPrice" }));
    expect(checkDecisionCounts({ turns: [[], week] }, "body.run")).toMatchObject({ path: "body.run.turns.1" });
    expect(checkDecisionCounts({ turns: [week.slice(1)] }, "body.run")).toBeNull();
  });
});

describe("link origin", () => {
  it("comes from the configured host, a wildcard meaning this machine's LAN address", () => {
    expect(configuredOrigin("127.0.0.1", 8080)).toBe("http://127.0.0.1:8080");
    expect(configuredOrigin("10.0.0.5", 80)).toBe("http://10.0.0.5:80");
    expect(configuredOrigin("::1", 8080)).toBe("http://[::1]:8080");
    expect(configuredOrigin("0.0.0.0", 8080)).toBe(`http://${lanAddress() ?? "127.0.0.1"}:8080`);
  });
});
