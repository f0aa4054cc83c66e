// Random variates drawn from an Rng stream. All arithmetic is IEEE-exact or goes
// through detmath, so a given stream state always yields the same values on every
// engine. The stream state is the only state: the one table kept between calls (q^n in
// binomialInversion) memoises a pure formula and cannot change a result.
//
// Draw accounting (so parameter changes shift streams as little as possible):
// - uniformInt, bernoulli and weightedChoice always consume exactly one draw
//   (uniformInt two when the range exceeds 2^32), even for degenerate inputs.
// - normal, poisson and binomial consume no draw for degenerate parameters
//   (sd = 0, lambda = 0, n = 0, p = 0 or 1) and otherwise a variable number
//   (rejection methods), which is still a pure function of the stream state.

import { exp, log, log1p } from "./detmath";
import type { Rng } from "./rng";

const TWO_32 = 4294967296;
const TWO_21 = 2097152;
const TWO_53 = 9007199254740992;

function fail(fn: string, msg: string): never {
  throw new Error(`${fn}: ${msg}`);
}

/**
 * A probability computed as a product or ratio of factors can miss [0, 1] by rounding (1 + 2^-52);
 * that far out it counts as 1 (or 0). Anything else outside [0, 1], and NaN, is a bug upstream and
 * throws, so it is found by the fuzz tests instead of being hidden.
 */
const PROB_SLACK = 1e-12;

function checkProb(fn: string, p: number): number {
  if (typeof p === "number" && p >= 0 && p <= 1) return p;
  if (typeof p === "number" && p > 1 && p <= 1 + PROB_SLACK) return 1;
  if (typeof p === "number" && p < 0 && p >= -PROB_SLACK) return 0;
  return fail(fn, `probability must be in [0, 1], got ${String(p)}`);
}

/** Uniform integer in [lo, hi] (both inclusive). */
export function uniformInt(rng: Rng, lo: number, hi: number): number {
  if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi)) {
    fail("uniformInt", `bounds must be safe integers, got lo=${String(lo)} hi=${String(hi)}`);
  }
  if (lo > hi) fail("uniformInt", `lo must be <= hi, got lo=${lo} hi=${hi}`);
  const span = hi - lo + 1;
  if (!(span <= TWO_53)) fail("uniformInt", `range too large: ${lo}..${hi}`);
  if (span <= TWO_32) {
    // One alea draw carries 32 random bits; the min guards the (impossible) u*span === span.
    return lo + Math.min(span - 1, Math.floor(rng.next() * span));
  }
  // Build a 53-bit uniform from two draws (21 + 32 bits), exactly.
  const top = Math.floor(rng.next() * TWO_21);
  const bottom = Math.floor(rng.next() * TWO_32);
  const u = (top * TWO_32 + bottom) / TWO_53;
  return lo + Math.min(span - 1, Math.floor(u * span));
}

/** true with probability p (always one draw). */
export function bernoulli(rng: Rng, pIn: number): boolean {
  const p = checkProb("bernoulli", pIn);
  // next() is in [0, 1), so p = 0 is always false and p = 1 always true.
  return rng.next() < p;
}

/** Normal(mean, sd) by the Marsaglia polar method; the spare variate is discarded. */
export function normal(rng: Rng, mean: number, sd: number): number {
  if (!Number.isFinite(mean)) fail("normal", `mean must be finite, got ${String(mean)}`);
  if (!Number.isFinite(sd) || sd < 0) fail("normal", `sd must be finite and >= 0, got ${String(sd)}`);
  if (sd === 0) return mean;
  for (;;) {
    const u = 2 * rng.next() - 1;
    const v = 2 * rng.next() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return mean + sd * u * Math.sqrt((-2 * log(s)) / s);
  }
}

const HALF_LOG_2PI = 0.9189385332046728; // 0.5 * ln(2π)

// δ(k) = ln(k!) - [(k + ½)ln(k + 1) - (k + 1) + ½ln(2π)] for k = 0..9 (Stirling remainder).
const STIRLING_TAIL = [
  0.0810614667953272, 0.0413406959554092, 0.0276779256849983, 0.02079067210376509, 0.0166446911898211,
  0.0138761288230707, 0.0118967099458917, 0.010411265261972, 0.00925546218271273, 0.00833056343336287,
] as const;

/** Stirling remainder δ(k); asymptotic series in x = k + 1 for k >= 10 (error < 1e-16 there). */
export function stirlingTail(k: number): number {
  if (k <= 9) return STIRLING_TAIL[k] as number;
  const x = k + 1;
  const x2 = x * x;
  return (
    (1 / 12 -
      (1 / 360 - (1 / 1260 - (1 / 1680 - (1 / 1188 - (691 / 360360 - 1 / (156 * x2)) / x2) / x2) / x2) / x2) / x2) /
    x
  );
}

/** ln(k!) for integer k >= 0. */
export function logFactorial(k: number): number {
  return (k + 0.5) * log(k + 1) - (k + 1) + HALF_LOG_2PI + stirlingTail(k);
}

/** Poisson(lambda): inversion (one draw) below 30, Hörmann's PTRS rejection above. */
export function poisson(rng: Rng, lambda: number): number {
  if (!Number.isFinite(lambda) || lambda < 0) fail("poisson", `lambda must be finite and >= 0, got ${String(lambda)}`);
  if (lambda === 0) return 0;
  if (lambda < 30) {
    const u = rng.next();
    let p = exp(-lambda);
    let cdf = p;
    let k = 0;
    // The cap only matters if rounding keeps the cdf below u (P(X > 1000) is ~0 here).
    while (u >= cdf && k < 1000) {
      k += 1;
      p = (p * lambda) / k;
      cdf += p;
    }
    return k;
  }
  return poissonPtrs(rng, lambda);
}

// W. Hörmann (1993), "The transformed rejection method for generating Poisson
// random variables", Insurance: Mathematics and Economics 12, 39–45.
function poissonPtrs(rng: Rng, lambda: number): number {
  const slam = Math.sqrt(lambda);
  const loglam = log(lambda);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const logInvAlpha = log(1.1239 + 1.1328 / (b - 3.4));
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.next() - 0.5;
    const v = rng.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lambda + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (log(v) + logInvAlpha - log(a / (us * us) + b) <= -lambda + k * loglam - logFactorial(k)) return k;
  }
}

/** Binomial(n, p): inversion when n·min(p, 1-p) < 30, else Hörmann's BTRS rejection (O(1)). */
export function binomial(rng: Rng, n: number, pIn: number): number {
  if (!Number.isSafeInteger(n) || n < 0) fail("binomial", `n must be a non-negative safe integer, got ${String(n)}`);
  const p = checkProb("binomial", pIn);
  if (n === 0 || p === 0) return 0;
  if (p === 1) return n;
  // Sample the rarer outcome; 1 - p is exact for p in (0.5, 1).
  if (p > 0.5) return n - binomialLow(rng, n, 1 - p);
  return binomialLow(rng, n, p);
}

function binomialLow(rng: Rng, n: number, p: number): number {
  if (n * p < 30) return binomialInversion(rng, n, p);
  return binomialBtrs(rng, n, p);
}

// q^n = exp(n·log1p(-p)) for recent (n, p) pairs. The funnel asks for the same few pairs
// thousands of times a run, and exp/log1p dominate a small draw. A direct-mapped table: a hit
// returns exactly the number the formula gives (the full key is compared), a miss computes and
// stores it, so results never depend on what is cached. It holds numbers, never stream state.
const QN_SLOTS = 4096;
const qnKeyN = new Float64Array(QN_SLOTS).fill(-1);
const qnKeyP = new Float64Array(QN_SLOTS);
const qnValue = new Float64Array(QN_SLOTS);

function qPowN(n: number, p: number): number {
  const slot = (n * 40503 + Math.floor(p * 1048576)) & (QN_SLOTS - 1);
  if (qnKeyN[slot] === n && qnKeyP[slot] === p) return qnValue[slot] as number;
  const qn = exp(n * log1p(-p)); // q^n without n-fold rounding
  qnKeyN[slot] = n;
  qnKeyP[slot] = p;
  qnValue[slot] = qn;
  return qn;
}

// Sequential search from 0; expected steps ~ n·p. Restarts (new draw) if rounding
// lets the search run far past the mean, as in NumPy's implementation.
function binomialInversion(rng: Rng, n: number, p: number): number {
  const q = 1 - p;
  const qn = qPowN(n, p);
  const np = n * p;
  const bound = Math.min(n, np + 10 * Math.sqrt(np * q + 1));
  let x = 0;
  let px = qn;
  let u = rng.next();
  while (u > px) {
    x += 1;
    if (x > bound) {
      x = 0;
      px = qn;
      u = rng.next();
    } else {
      u -= px;
      px = ((n - x + 1) * p * px) / (x * q);
    }
  }
  return x;
}

// W. Hörmann (1993), "The generation of binomial random variates", J. Statist.
// Comput. Simul. 46, 101–110 — algorithm BTRS (transformed rejection with squeeze).
// Requires p <= 0.5 and n·p >= 10.
function binomialBtrs(rng: Rng, n: number, p: number): number {
  const spq = Math.sqrt(n * p * (1 - p));
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const r = p / (1 - p);
  const logAlpha = log((2.83 + 5.1 / b) * spq);
  const m = Math.floor((n + 1) * p); // mode
  const hm = (m + 0.5) * log((m + 1) / (r * (n - m + 1))) + stirlingTail(m) + stirlingTail(n - m);
  for (;;) {
    const u = rng.next() - 0.5;
    const v = rng.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    const lhs = log(v) + logAlpha - log(a / (us * us) + b);
    const rhs =
      hm +
      (n + 1) * log((n - m + 1) / (n - k + 1)) +
      (k + 0.5) * log((r * (n - k + 1)) / (k + 1)) -
      stirlingTail(k) -
      stirlingTail(n - k);
    if (lhs <= rhs) return k;
  }
}

/** Index i with probability weights[i] / sum(weights) (always one draw). */
export function weightedChoice(rng: Rng, weights: readonly number[]): number {
  if (weights.length === 0) fail("weightedChoice", "weights must not be empty");
  let total = 0;
  let last = -1;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (typeof w !== "number" || !Number.isFinite(w) || w < 0) {
      fail("weightedChoice", `weight ${i} must be finite and >= 0, got ${String(w)}`);
    }
    total += w;
    if (w > 0) last = i;
  }
  if (!(total > 0)) fail("weightedChoice", "weights must not all be zero");
  if (!Number.isFinite(total)) fail("weightedChoice", "sum of weights overflows");
  const u = rng.next() * total;
  let acc = 0;
  for (let i = 0; i < weights.length; i++) {
    acc += weights[i] as number;
    if (u < acc) return i;
  }
  // Rounding in the running sum can leave u just above acc; the last positive weight owns that sliver.
  return last;
}
