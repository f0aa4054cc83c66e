import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clamp, E, exp, expm1, LN2, log, log1p, logistic, pow } from "../../src/engine/detmath";

function expectRel(actual: number, expected: number, tol = 1e-13): void {
  if (expected === 0) {
    expect(Math.abs(actual)).toBeLessThanOrEqual(tol);
    return;
  }
  const rel = Math.abs(actual - expected) / Math.abs(expected);
  if (!(rel <= tol)) throw new Error(`got ${actual}, expected ${expected} (rel err ${rel})`);
}

// A fixed LCG so the dense grids are reproducible without Math.random.
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe("constants", () => {
  it("match the correctly rounded values", () => {
    // biome-ignore lint/suspicious/noApproximativeNumericConstant: the literal itself is under test
    expect(LN2).toBe(0.6931471805599453);
    // biome-ignore lint/suspicious/noApproximativeNumericConstant: the literal itself is under test
    expect(E).toBe(2.718281828459045);
    expect(LN2).toBe(Math.LN2);
    expect(E).toBe(Math.E);
  });
});

describe("exp", () => {
  it("matches known values", () => {
    const cases: [number, number][] = [
      [0, 1],
      [1, Math.E],
      [-1, 0.36787944117144233],
      [0.5, 1.6487212707001282],
      [2, 7.38905609893065],
      [10, 22026.465794806718],
      [-10, 4.5399929762484854e-5],
      [100, 2.6881171418161356e43],
      [-100, 3.720075976020836e-44],
      [700, 1.0142320547350045e304],
      [-700, 9.85967654375977e-305],
      [1e-10, 1.0000000001],
      [LN2, 2],
    ];
    for (const [x, y] of cases) expectRel(exp(x), y);
    expect(exp(1)).toBe(Math.E);
    expect(exp(0)).toBe(1);
  });

  it("handles special values and the over/underflow ends", () => {
    expect(exp(Number.NaN)).toBeNaN();
    expect(exp(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(exp(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(exp(710)).toBe(Number.POSITIVE_INFINITY);
    expect(exp(1000)).toBe(Number.POSITIVE_INFINITY);
    expect(exp(-746)).toBe(0);
    expect(exp(-1e6)).toBe(0);
    expectRel(exp(709.78), 1.7928227943945155e308);
    expect(exp(709.7827128933841)).toBe(Number.POSITIVE_INFINITY);
    expect(Number.isFinite(exp(709.782712893384))).toBe(true);
    // Subnormal results are still produced with a single rounding.
    expect(exp(-745.1)).toBe(5e-324);
    expect(exp(-740)).toBe(Math.exp(-740));
  });

  it("agrees with Math.exp over a dense grid", () => {
    for (let x = -745; x <= 709.7; x += 0.0137) expectRel(exp(x), Math.exp(x));
    const r = lcg(1);
    for (let i = 0; i < 20000; i++) {
      const x = (r() - 0.5) * 4;
      expectRel(exp(x), Math.exp(x));
    }
  });
});

describe("log", () => {
  it("matches known values", () => {
    const cases: [number, number][] = [
      [10, Math.LN10],
      [2, Math.LN2],
      [E, 1],
      [0.5, -Math.LN2],
      [100, 4.605170185988092],
      [1e-300, -690.7755278982137],
      [1e300, 690.7755278982137],
      [1.0000001, 9.999999505838704e-8],
      [Number.MAX_VALUE, 709.782712893384],
      [5e-324, -744.4400719213812],
      [2.2250738585072014e-308, -708.3964185322641],
    ];
    for (const [x, y] of cases) expectRel(log(x), y);
    expect(log(1)).toBe(0);
  });

  it("handles special values", () => {
    expect(log(0)).toBe(Number.NEGATIVE_INFINITY);
    expect(log(-0)).toBe(Number.NEGATIVE_INFINITY);
    expect(log(-1)).toBeNaN();
    expect(log(Number.NaN)).toBeNaN();
    expect(log(Number.NEGATIVE_INFINITY)).toBeNaN();
    expect(log(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });

  it("is exact on powers of two times ln2", () => {
    for (let k = -1074; k <= 1023; k += 7) expectRel(log(2 ** k), k * Math.LN2);
  });

  it("agrees with Math.log over a dense grid", () => {
    for (let x = 0.001; x < 50; x += 0.00313) expectRel(log(x), Math.log(x));
    const r = lcg(2);
    for (let i = 0; i < 20000; i++) {
      const x = 10 ** ((r() - 0.5) * 600) * (0.5 + r());
      expectRel(log(x), Math.log(x));
      const near1 = 1 + (r() - 0.5) * 1e-3;
      expectRel(log(near1), Math.log(near1));
    }
  });
});

describe("log1p / expm1", () => {
  it("are accurate near zero", () => {
    expect(log1p(0)).toBe(0);
    expect(expm1(0)).toBe(0);
    expectRel(log1p(1e-20), 1e-20);
    expectRel(expm1(1e-20), 1e-20);
    expectRel(log1p(1e-10), 9.999999999500001e-11);
    expectRel(expm1(1e-10), 1.00000000005e-10);
    expectRel(log1p(-1e-10), -1.00000000005e-10);
    expectRel(expm1(-1e-10), -9.999999999500001e-11);
    expectRel(log1p(1), Math.LN2);
    expectRel(expm1(1), 1.7182818284590453);
    expectRel(log1p(-0.5), -Math.LN2);
  });

  it("handle special values", () => {
    expect(log1p(-1)).toBe(Number.NEGATIVE_INFINITY);
    expect(log1p(-2)).toBeNaN();
    expect(log1p(Number.NaN)).toBeNaN();
    expect(log1p(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(expm1(Number.NaN)).toBeNaN();
    expect(expm1(Number.NEGATIVE_INFINITY)).toBe(-1);
    expect(expm1(Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
  });

  it("agree with Math.log1p / Math.expm1 over a dense grid", () => {
    const r = lcg(3);
    for (let i = 0; i < 20000; i++) {
      const x = (r() - 0.5) * 2 * 2 ** (-r() * 60);
      expectRel(log1p(x), Math.log1p(x));
      expectRel(expm1(x), Math.expm1(x));
      const y = (r() - 0.3) * 20;
      expectRel(expm1(y), Math.expm1(y));
      const z = r() * 1000 - 0.999;
      expectRel(log1p(z), Math.log1p(z));
    }
  });
});

describe("pow", () => {
  it("matches known values", () => {
    expect(pow(2, 0.5)).toBe(Math.SQRT2);
    expectRel(pow(10, 0.3), 1.9952623149688795);
    expectRel(pow(1.5, -1.5), 0.5443310539518174);
    expectRel(pow(0.9, 100.5), 2.5198355497511797e-5);
    expectRel(pow(E, 2.5), 12.182493960703471);
    expect(pow(2, 10)).toBe(1024);
    expect(pow(-2, 3)).toBe(-8);
    expect(pow(-2, -3)).toBe(-0.125);
    expect(pow(3, 0)).toBe(1);
    expect(pow(2, -1074)).toBe(5e-324);
    expect(pow(2, 1023)).toBe(8.98846567431158e307);
    expectRel(pow(10, 308), 1e308);
    expect(pow(1.0001, 10000)).toBe(2.7181459268249255); // naive squaring is ~2e-13 off here
    expect(pow(10, 308)).toBe(1e308);
    expect(pow(10, -5)).toBe(1e-5);
    expect(pow(1.1, 2)).toBe(1.1 * 1.1);
    expect(pow(0.5, 1075)).toBe(0);
    expect(pow(3, -700)).toBe(0);
    expect(pow(1e-5, -62)).toBe(Number.POSITIVE_INFINITY);
    expect(Object.is(pow(-0.5, 3001), -0)).toBe(true);
    expect(pow(-1, 7)).toBe(-1);
    expectRel(pow(5.371656845661298e-9, -25.09898006916046), 3.6800009310827976e207, 1e-15);
  });

  it("handles zero, infinity, NaN and negative bases", () => {
    expect(pow(Number.NaN, 0)).toBe(1);
    expect(pow(Number.NaN, 1)).toBeNaN();
    expect(pow(1, Number.NaN)).toBeNaN();
    expect(pow(0, 2)).toBe(0);
    expect(pow(0, 0.5)).toBe(0);
    expect(pow(0, -1)).toBe(Number.POSITIVE_INFINITY);
    expect(pow(0, -0.5)).toBe(Number.POSITIVE_INFINITY);
    expect(pow(-0, 3)).toBe(-0);
    expect(pow(-0, -3)).toBe(Number.NEGATIVE_INFINITY);
    expect(pow(-8, 1 / 3)).toBeNaN();
    expect(pow(-2, 0.5)).toBeNaN();
    expect(pow(2, Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(pow(0.5, Number.POSITIVE_INFINITY)).toBe(0);
    expect(pow(-2, Number.POSITIVE_INFINITY)).toBe(Number.POSITIVE_INFINITY);
    expect(pow(1, Number.POSITIVE_INFINITY)).toBeNaN();
    expect(pow(Number.POSITIVE_INFINITY, 0.5)).toBe(Number.POSITIVE_INFINITY);
    expect(pow(Number.POSITIVE_INFINITY, -2.5)).toBe(0);
    expect(pow(-3, 1e300)).toBe(Number.POSITIVE_INFINITY);
    expect(pow(Number.NEGATIVE_INFINITY, 3)).toBe(Number.NEGATIVE_INFINITY);
    expect(pow(Number.NEGATIVE_INFINITY, 0.5)).toBe(Number.POSITIVE_INFINITY);
    expect(Object.is(pow(Number.NEGATIVE_INFINITY, -3), -0)).toBe(true);
  });

  it("agrees with Math.pow over a grid", () => {
    const r = lcg(4);
    for (let i = 0; i < 20000; i++) {
      const x = r() * 50;
      const y = (r() - 0.5) * 20;
      expectRel(pow(x, y), x ** y, 1e-14);
      const n = Math.floor((r() - 0.5) * 40);
      const b = (r() - 0.5) * 10;
      expectRel(pow(b, n), b ** n, 1e-14);
    }
  });
});

describe("logistic", () => {
  it("is correct and stable for large |x|", () => {
    expect(logistic(0)).toBe(0.5);
    expectRel(logistic(1), 0.7310585786300049);
    expectRel(logistic(-1), 0.2689414213699951);
    expectRel(logistic(-800), 0, 1e-300);
    expect(logistic(800)).toBe(1);
    expect(logistic(-800)).toBe(0);
    expect(logistic(Number.POSITIVE_INFINITY)).toBe(1);
    expect(logistic(Number.NEGATIVE_INFINITY)).toBe(0);
    expect(logistic(Number.NaN)).toBeNaN();
    expectRel(logistic(-30), 9.357622968839299e-14);
  });

  it("is symmetric: logistic(x) + logistic(-x) = 1", () => {
    for (let x = -40; x <= 40; x += 0.37) expect(Math.abs(logistic(x) + logistic(-x) - 1)).toBeLessThan(1e-15);
  });
});

describe("clamp", () => {
  it("clamps", () => {
    expect(clamp(5, 0, 3)).toBe(3);
    expect(clamp(-5, 0, 3)).toBe(0);
    expect(clamp(2, 0, 3)).toBe(2);
    expect(clamp(2, 2, 2)).toBe(2);
    expect(clamp(Number.NaN, 0, 1)).toBeNaN();
    expect(() => clamp(1, 3, 0)).toThrow(/invalid bounds/);
    expect(() => clamp(1, Number.NaN, 0)).toThrow(/invalid bounds/);
  });
});

describe("properties", () => {
  it("log(exp(x)) ≈ x", () => {
    fc.assert(
      fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (x) => {
        const y = log(exp(x));
        return Math.abs(y - x) <= 1e-13 * Math.max(1, Math.abs(x));
      }),
      { numRuns: 2000 },
    );
  });

  it("exp(log(x)) ≈ x", () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1e300, noNaN: true }), (x) => {
        // log(x) carries ~1ulp of |log x|, which exp turns into a relative error of |log x|·2^-53.
        return Math.abs(exp(log(x)) / x - 1) <= 1e-13;
      }),
      { numRuns: 2000 },
    );
  });

  it("exp(a + b) ≈ exp(a) * exp(b)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -300, max: 300, noNaN: true }),
        fc.double({ min: -300, max: 300, noNaN: true }),
        (a, b) => {
          const lhs = exp(a + b);
          const rhs = exp(a) * exp(b);
          // a + b itself rounds by up to ulp(|a+b|), which exp amplifies by |a+b|.
          const tol = 4e-16 * (3 + Math.abs(a) + Math.abs(b));
          return Math.abs(lhs - rhs) <= tol * Math.abs(rhs);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("is deterministic: identical outputs for identical inputs", () => {
    fc.assert(
      fc.property(
        fc.double({ noNaN: true }),
        (x) => Object.is(exp(x), exp(x)) && Object.is(log(Math.abs(x)), log(Math.abs(x))),
      ),
    );
  });
});
