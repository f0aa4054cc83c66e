import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getScenario } from "../../src/content/scenarios";
import { newGame, POLICIES, step, type WeekReport } from "../../src/engine";
import { clonePlain } from "../../src/engine/clone";

describe("clonePlain", () => {
  it("copies JSON data deeply, equal to structuredClone", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (x) => {
        const c = clonePlain(x);
        expect(c).toStrictEqual(structuredClone(x));
        if (x !== null && typeof x === "object") expect(c).not.toBe(x);
      }),
      { numRuns: 500 },
    );
  });

  it("copies a played game state exactly and shares nothing with it", () => {
    const scenario = getScenario("launch");
    if (!scenario) throw new Error("launch missing");
    let state = newGame(scenario, "clone-1");
    const reports: WeekReport[] = [];
    for (let t = 0; t < 4; t++) {
      const out = step(scenario, state, POLICIES.textbook(scenario, state, reports));
      if (!out.ok) throw new Error("step failed");
      state = out.state;
      reports.push(out.report);
    }
    const c = clonePlain(state);
    expect(c).toStrictEqual(structuredClone(state));
    c.skus[0]!.stock += 1;
    c.rng.market!.c += 1;
    expect(c.skus[0]!.stock).not.toBe(state.skus[0]!.stock);
    expect(c.rng.market!.c).not.toBe(state.rng.market!.c);
  });

  it("hands what is not plain data to structuredClone (sharing, cycles, holes, Maps, __proto__ keys)", () => {
    const shared = { v: 1 };
    const s = clonePlain({ a: shared, b: shared });
    expect(s.a).toBe(s.b); // sharing kept, as structuredClone keeps it
    const cyclic: Record<string, unknown> = { a: 1 };
    cyclic.self = cyclic;
    const cc = clonePlain(cyclic);
    expect(cc.self).toBe(cc);
    // biome-ignore lint/suspicious/noSparseArray: a hole is what is tested
    const holes = clonePlain([1, , 3]);
    expect(1 in holes).toBe(false);
    const withMap = clonePlain({ m: new Map([["k", 1]]) });
    expect(withMap.m).toBeInstanceOf(Map);
    const proto = clonePlain(JSON.parse('{"__proto__":{"x":1},"a":2}') as Record<string, unknown>);
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    expect(Object.keys(proto)).toEqual(["__proto__", "a"]);
    expect(() => clonePlain({ f: () => 1 })).toThrow(); // DataCloneError, as structuredClone
  });
});
