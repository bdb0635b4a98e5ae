/**
 * Seeded random numbers for simulations and the demo data set: a small, fast generator (sfc32, Chris
 * Doty-Humphrey's "small fast counting" generator, 128-bit state) and the samplers the models need.
 * Everything is a pure function of the seed: the uniform stream uses only 32-bit integer arithmetic and is
 * identical everywhere; the samplers add `Math.log`, `Math.cos` …, which the language lets engines round
 * differently in the last bit, so sampled values are reproducible bit for bit on one Node version (and in
 * practice across V8 versions). Core never calls `Math.random`.
 *
 * Named streams (`createRandom(seed, 'complaints')`) keep parts of a simulation independent: drawing more
 * numbers in one stream never shifts the numbers another stream sees.
 */
import { assert } from './errors';

/** A source of uniform numbers in [0, 1). */
export interface Random {
  next(): number;
}

const TWO_POW_32 = 4_294_967_296;

/** FNV-1a hash of a text, 32 bits: turns a stream name into seed material. */
function hashText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** splitmix32: spreads one 32-bit seed over the generator's four state words. */
function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/**
 * A generator seeded with an integer `seed` (any safe integer) and an optional stream name.
 * @returns uniform numbers in [0, 1) with 32 bits of resolution
 */
export function createRandom(seed: number, stream = ''): Random {
  const mix = splitmix32((seed % TWO_POW_32) ^ hashText(stream) ^ Math.floor(seed / TWO_POW_32));
  let a = mix();
  let b = mix();
  let c = mix();
  let d = mix();
  const next32 = (): number => {
    // sfc32 (PractRand-tested); the counter d guarantees a period of at least 2^32
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  for (let i = 0; i < 12; i++) next32(); // discard the first outputs, which still echo the seed
  return { next: () => next32() / TWO_POW_32 };
}

/** Uniform in (0, 1): never 0, so logarithms are finite. */
function open01(rng: Random): number {
  return rng.next() || 0.5 / TWO_POW_32;
}

/** Uniform number in [lo, hi). */
export function uniform(rng: Random, lo: number, hi: number): number {
  return lo + (hi - lo) * rng.next();
}

/** Uniform integer in [lo, hi] (both inclusive). */
export function integer(rng: Random, lo: number, hi: number): number {
  return lo + Math.floor(rng.next() * (hi - lo + 1));
}

/** True with probability `p`. */
export function bernoulli(rng: Random, p: number): boolean {
  return rng.next() < p;
}

/** Normal with mean `mean` and standard deviation `sd` (Box–Muller; one draw per call, the pair's twin dropped). */
export function normal(rng: Random, mean = 0, sd = 1): number {
  const u = open01(rng);
  const v = rng.next();
  return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** Log-normal: exp of a normal with parameters `mu`, `sigma` (median e^mu, mean e^(mu + sigma²/2)). */
export function lognormal(rng: Random, mu: number, sigma: number): number {
  return Math.exp(normal(rng, mu, sigma));
}

/** Exponential with `rate` (mean 1 / rate). */
export function exponential(rng: Random, rate: number): number {
  return -Math.log(open01(rng)) / rate;
}

/**
 * Gamma with `shape` k > 0 and `scale` θ > 0 (mean kθ, variance kθ²), by Marsaglia & Tsang (2000),
 * "A simple method for generating gamma variables"; shapes below 1 use the boost X·U^(1/k) of X ~ Gamma(k+1).
 */
export function gamma(rng: Random, shape: number, scale = 1): number {
  if (shape < 1) return gamma(rng, shape + 1, scale) * open01(rng) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = open01(rng);
    if (u < 1 - 0.0331 * x ** 4) return d * v * scale;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v * scale;
  }
}

/** Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b) (mean a / (a + b)). */
export function beta(rng: Random, a: number, b: number): number {
  const x = gamma(rng, a);
  return x / (x + gamma(rng, b));
}

/**
 * Poisson with `mean` ≥ 0: Knuth's multiplication method below 30, and above it the PTRS transformed
 * rejection of Hörmann (1993), "The transformed rejection method for generating Poisson random variables".
 */
export function poisson(rng: Random, mean: number): number {
  if (mean <= 0) return 0;
  if (mean < 30) {
    const limit = Math.exp(-mean);
    let k = 0;
    let product = rng.next();
    while (product > limit) {
      k++;
      product *= rng.next();
    }
    return k;
  }
  const slam = Math.sqrt(mean);
  const logLam = Math.log(mean);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.next() - 0.5;
    const v = open01(rng);
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (Math.log(v * invAlpha) - Math.log(a / (us * us) + b) <= -mean + k * logLam - logFactorial(k))
      return k;
  }
}

/** ln(k!) by Stirling's series (exact enough for k ≥ 10; a table below). */
function logFactorial(k: number): number {
  if (k < 10) {
    let f = 1;
    for (let i = 2; i <= k; i++) f *= i;
    return Math.log(f);
  }
  const x = k + 1;
  return (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x) - 1 / (360 * x ** 3);
}

/**
 * A sampler of indices 0…n−1 with probabilities proportional to `weights` (non-negative, not all zero),
 * by binary search over the cumulative weights.
 */
export function categorical(weights: readonly number[]): (rng: Random) => number {
  const cumulative: number[] = [];
  let total = 0;
  for (const w of weights) {
    assert(w >= 0, `categorical weight ${w}`);
    total += w;
    cumulative.push(total);
  }
  assert(total > 0, 'categorical weights sum to 0');
  return (rng) => {
    const target = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

/** One of `items`, chosen with probabilities proportional to `weights` (one draw; build `categorical` once for many). */
export function pick<T>(rng: Random, items: readonly T[], weights?: readonly number[]): T {
  const index = weights ? categorical(weights)(rng) : Math.floor(rng.next() * items.length);
  return items[index] as T;
}
