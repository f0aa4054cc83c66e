// Deterministic transcendental math. Math.exp/log/pow are not required to be
// correctly rounded, so different JS engines may disagree in the last bit, which
// would break replay hashes. Everything here uses only + - * / and exact
// helpers (floor, round, abs, min, max, sqrt), which IEEE 754 fixes bit for bit.
// exp and log follow the classic fdlibm algorithms (error < 1 ulp).

export const LN2 = Math.LN2; // spec-defined as the correctly rounded value
export const E = Math.E;

// ln2 = LN2_HI + LN2_LO; LN2_HI has only 32 significant bits, so k * LN2_HI is exact for |k| < 2^21.
const LN2_HI = 0.6931471803691238;
const LN2_LO = 1.9082149292705877e-10;
const INV_LN2 = Math.LOG2E;

// Powers of two 2^-1074 … 2^1023, built by exact doublings/halvings.
const POW2_MIN = -1074;
const POW2: number[] = [];
{
  const neg: number[] = [];
  let v = 1;
  for (let k = 0; k >= POW2_MIN; k--) {
    neg.push(v);
    v *= 0.5;
  }
  neg.reverse();
  POW2.push(...neg);
  v = 2;
  for (let k = 1; k <= 1023; k++) {
    POW2.push(v);
    v *= 2;
  }
}

/** Exact 2^k for integer k in [-1074, 1023]. */
function pow2(k: number): number {
  return POW2[k - POW2_MIN] as number;
}

/** x * 2^k with a single rounding, for finite x with |x| in [0.5, 4] and any k. */
function ldexp(x: number, k: number): number {
  if (k > 2046) return x * pow2(1023) * pow2(1023) * pow2(1023); // certain overflow to ±Infinity
  if (k < -1274) return x * pow2(-1074) * pow2(-1074); // certain underflow to ±0
  if (k > 1023) return x * pow2(1023) * pow2(k - 1023);
  // Scale into the normal range first, so only the final multiply can round.
  if (k < -1022) return x * pow2(k + 200) * pow2(-200);
  return x * pow2(k);
}

// fdlibm exp polynomial (Remez approximation of r*(e^r+1)/(e^r-1) on |r| <= ln2/2).
const P1 = 0.16666666666666602;
const P2 = -0.0027777777777015593;
const P3 = 6.613756321437934e-5;
const P4 = -1.6533902205465252e-6;
const P5 = 4.1381367970572385e-8;

/** Natural exponential, deterministic across engines. */
export function exp(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x > 709.8) return Number.POSITIVE_INFINITY;
  if (x < -745.2) return 0;
  const ax = Math.abs(x);
  if (ax < 3.725290298461914e-9) return 1 + x; // 2^-28: higher terms vanish
  // The reduction below is 1 ulp off at exactly 1; V8 special-cases it the same way.
  if (x === 1) return E;
  // Range reduction x = k*ln2 + r, |r| <= ln2/2.
  const k = Math.round(x * INV_LN2);
  const hi = x - k * LN2_HI; // exact
  const lo = k * LN2_LO;
  const r = hi - lo;
  const t = r * r;
  const c = r - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  if (k === 0) return 1 - ((r * c) / (c - 2) - r);
  const y = 1 - (lo - (r * c) / (2 - c) - hi);
  return ldexp(y, k);
}

// fdlibm log polynomial (minimax version of the atanh series 2s + 2s^3/3 + …).
const LG1 = 0.6666666666666735;
const LG2 = 0.3999999999940942;
const LG3 = 0.2857142874366239;
const LG4 = 0.22222198432149784;
const LG5 = 0.1818357216161805;
const LG6 = 0.15313837699209373;
const LG7 = 0.14798198605116586;
const SQRT2 = Math.SQRT2;
const SQRT1_2 = Math.SQRT1_2;

/**
 * k*ln2 + log(1+f) for f in [sqrt(1/2)-1, sqrt(2)-1), where f itself is exact
 * (so log1p can call this without rounding 1+f).
 */
function logReduced(k: number, f: number): number {
  const s = f / (2 + f);
  const z = s * s;
  const w = z * z;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  const R = t2 + t1;
  const hfsq = 0.5 * f * f;
  if (k === 0) return f - (hfsq - s * (hfsq + R));
  return k * LN2_HI - (hfsq - (s * (hfsq + R) + k * LN2_LO) - f);
}

// Exponent-extraction steps: 2^512, 2^256, …, 2^1 (all exact scalings).
const STEPS = [512, 256, 128, 64, 32, 16, 8, 4, 2, 1] as const;

// Reads the IEEE 754 exponent field directly (DataView is big-endian by default, so the result
// does not depend on the platform's byte order). Bit patterns are exact: no engine can differ.
const EXP_VIEW = new DataView(new ArrayBuffer(8));

/** Finite x > 0 as [m, k] with x = m * 2^k and m in [1, 2); every scaling is exact. */
function frexp(x: number): [number, number] {
  if (x >= pow2(-1022)) {
    EXP_VIEW.setFloat64(0, x);
    const k = ((EXP_VIEW.getUint16(0) >> 4) & 0x7ff) - 1023;
    return [x * pow2(-k), k];
  }
  let m = x;
  let k = 0;
  if (m < pow2(-1022)) {
    // Subnormal: lift into the normal range first.
    m *= pow2(54);
    k -= 54;
  }
  for (const step of STEPS) {
    if (m >= pow2(step)) {
      m *= pow2(-step);
      k += step;
    }
  }
  for (const step of STEPS) {
    if (m < pow2(1 - step)) {
      m *= pow2(step);
      k -= step;
    }
  }
  return [m, k];
}

/** Finite x > 0 as [k, f] with x = 2^k (1 + f) and 1 + f in [sqrt(1/2), sqrt(2)). */
function reduceLog(x: number): [number, number] {
  const [m, k] = frexp(x);
  // Centre the mantissa on 1 so the series converges fast; m - 1 is exact (Sterbenz).
  return m >= SQRT2 ? [k + 1, m * 0.5 - 1] : [k, m - 1];
}

/** Natural logarithm, deterministic across engines. */
export function log(x: number): number {
  if (Number.isNaN(x) || x < 0) return Number.NaN;
  if (x === 0) return Number.NEGATIVE_INFINITY;
  if (x === Number.POSITIVE_INFINITY) return x;
  const [k, f] = reduceLog(x);
  return logReduced(k, f);
}

/** log(1 + x), accurate for tiny x. */
export function log1p(x: number): number {
  if (Number.isNaN(x) || x < -1) return Number.NaN;
  if (x === -1) return Number.NEGATIVE_INFINITY;
  if (x >= SQRT1_2 - 1 && x < SQRT2 - 1) return logReduced(0, x);
  // Far from 0 the rounding of 1 + x costs at most a few ulp of the result.
  return log(1 + x);
}

/** exp(x) - 1, accurate for tiny x. */
export function expm1(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (Math.abs(x) >= 0.5) return exp(x) - 1;
  // Taylor series in Horner form: x(1 + x/2(1 + x/3(1 + …))); 0.5^18/18! < 1e-21.
  let acc = 1;
  for (let n = 18; n >= 2; n--) acc = 1 + (x / n) * acc;
  return x * acc;
}

// ---- pow ----
// A plain exp(y * log(x)) loses about |y·ln x| ulp (the rounding of the product is
// magnified by exp), and plain repeated squaring loses about |y| ulp. pow therefore
// carries ~106-bit intermediates as unevaluated sums hi + lo, built from the exact
// Dekker/Knuth error-free transformations (only + - * are used).

const SPLITTER = 134217729; // 2^27 + 1, Veltkamp split

/** a + b = s + err exactly. */
function twoSum(a: number, b: number): [number, number] {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

/** a * b = p + err exactly (|a|, |b| well below 1e300). */
function twoProd(a: number, b: number): [number, number] {
  const p = a * b;
  const ca = SPLITTER * a;
  const ah = ca - (ca - a);
  const al = a - ah;
  const cb = SPLITTER * b;
  const bh = cb - (cb - b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

/** (ah + al) * (bh + bl) as a normalised double-double. */
function ddMul(ah: number, al: number, bh: number, bl: number): [number, number] {
  const [p, e] = twoProd(ah, bh);
  const lo = e + (ah * bl + al * bh);
  const hi = p + lo;
  return [hi, lo - (hi - p)];
}

/** ln(x) as hi + lo with ~2^-58 relative error, for finite x > 0. */
function logDD(x: number): [number, number] {
  const [k, f] = reduceLog(x);
  // s = f / (2 + f) with its rounding error sl recovered exactly enough.
  const dh = 2 + f;
  const dl = f - (dh - 2); // 2 + f = dh + dl exactly
  const s = f / dh;
  const [p, pe] = twoProd(s, dh);
  const sl = (f - p - pe - s * dl) / dh; // f - p is exact (Sterbenz)
  const z = s * s;
  const w = z * z;
  const R = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7))) + w * (LG2 + w * (LG4 + w * LG6));
  // log(1 + f) = 2 atanh(s) = 2s + s*R; only the small tail s*R is rounded.
  const [h, hl] = twoSum(2 * s, s * R);
  const [a, ae] = twoSum(k * LN2_HI, h);
  const [b, be] = twoSum(a, k * LN2_LO);
  const lo = ae + be + hl + 2 * sl;
  const hi = b + lo;
  return [hi, lo - (hi - b)];
}

/** |x|^y for finite |x| > 0, |x| != 1, finite y (non-integer, or too big for powIntDD). */
function powPositive(ax: number, y: number): number {
  const [lh, ll] = logDD(ax);
  const z0 = y * lh;
  // Certain overflow/underflow; also keeps twoProd away from huge operands.
  if (!(Math.abs(z0) < 1000)) return exp(z0);
  const [zh, ze] = twoProd(y, lh);
  const zl = ze + y * ll;
  const hi = zh + zl;
  const lo = zl - (hi - zh);
  const e = exp(hi);
  return e + e * lo; // exp(hi + lo) = exp(hi) (1 + lo + …), |lo| < 1e-13
}

/**
 * |x|^n for finite x != 0 and integer 1 <= n <= 2^53, as [hi, lo, k] meaning
 * (hi + lo) * 2^k; k = ±Infinity when the result is certainly out of range.
 * Mantissas stay in [1, 2), so nothing overflows mid-way.
 */
function powIntDD(ax: number, n: number): [number, number, number] {
  let [bh, be] = frexp(ax);
  let bl = 0;
  let rh = 1;
  let rl = 0;
  let re = 0;
  let e = n;
  for (;;) {
    if (e % 2 === 1) {
      [rh, rl] = ddMul(rh, rl, bh, bl);
      re += be;
      if (rh >= 2) {
        rh *= 0.5;
        rl *= 0.5;
        re += 1;
      }
    }
    e = Math.floor(e / 2);
    if (e === 0) return [rh, rl, re];
    [bh, bl] = ddMul(bh, bl, bh, bl);
    be *= 2;
    if (bh >= 2) {
      bh *= 0.5;
      bl *= 0.5;
      be += 1;
    }
    // The top bit of e is still to come and exponents only grow in magnitude.
    if (Math.abs(be) > 2200) return [1, 0, be > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY];
  }
}

function isInt(y: number): boolean {
  return Math.floor(y) === y && Math.abs(y) !== Number.POSITIVE_INFINITY;
}

function isOddInt(y: number): boolean {
  // Every double above 2^53 is even.
  return isInt(y) && Math.abs(y) <= 9007199254740992 && y % 2 !== 0;
}

/** x^y, deterministic; special values follow Math.pow (ECMAScript Number::exponentiate). */
export function pow(x: number, y: number): number {
  const INF = Number.POSITIVE_INFINITY;
  if (Number.isNaN(y)) return Number.NaN;
  if (y === 0) return 1;
  if (Number.isNaN(x)) return Number.NaN;
  if (x === INF) return y > 0 ? INF : 0;
  if (x === -INF) {
    if (y > 0) return isOddInt(y) ? -INF : INF;
    return isOddInt(y) ? -0 : 0;
  }
  if (x === 0) {
    const neg = Object.is(x, -0) && isOddInt(y);
    if (y > 0) return neg ? -0 : 0;
    return neg ? -INF : INF;
  }
  const ax = Math.abs(x);
  if (Math.abs(y) === INF) {
    if (ax === 1) return Number.NaN;
    return ax > 1 === y > 0 ? INF : 0;
  }
  if (x < 0 && !isInt(y)) return Number.NaN;
  const sign = x < 0 && isOddInt(y) ? -1 : 1;
  if (ax === 1) return sign;
  if (isInt(y) && Math.abs(y) <= 9007199254740992) {
    const [h, l, k] = powIntDD(ax, Math.abs(y));
    if (y > 0) return sign * ldexp(h + l, k);
    // 1 / (h + l) to double-double precision: q + residual / h.
    const q = 1 / h;
    const [p, pe] = twoProd(q, h);
    const ql = (1 - p - pe - q * l) * q;
    return sign * ldexp(q + ql, -k);
  }
  // sqrt is correctly rounded by IEEE 754, so use it for the common square root.
  if (y === 0.5) return Math.sqrt(ax);
  return powPositive(ax, y);
}

/** 1 / (1 + e^-x) without overflow for large |x|. */
export function logistic(x: number): number {
  if (Number.isNaN(x)) return Number.NaN;
  if (x >= 0) return 1 / (1 + exp(-x));
  const e = exp(x);
  return e / (1 + e);
}

/** Restrict x to [lo, hi]; NaN stays NaN so bad data is not silently hidden. */
export function clamp(x: number, lo: number, hi: number): number {
  if (!(lo <= hi)) throw new Error(`clamp: invalid bounds lo=${lo} hi=${hi}`);
  if (Number.isNaN(x)) return x;
  return Math.min(Math.max(x, lo), hi);
}
