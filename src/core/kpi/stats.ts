/**
 * Small statistics the service and satisfaction KPIs share: mean, sample standard deviation, percentiles,
 * the standard normal distribution and its quantile.
 *
 * The decision a reader needs: percentiles use **linear interpolation between order statistics, Hyndman &
 * Fan type 7** (the default of R, NumPy and Excel's PERCENTILE.INC): for n sorted values x₁ … xₙ and
 * p ∈ [0, 1], h = (n − 1)p + 1 and Q(p) = x₍⌊h⌋₎ + (h − ⌊h⌋)(x₍⌊h⌋+1₎ − x₍⌊h⌋₎). So the median of
 * 1, 2, 3, 4 is 2.5 and the 90th percentile of 1 … 10 is 9.1. Empty input gives null, never NaN.
 */
import { assert } from '../errors';

/** The two-sided 95 % normal critical value as conventionally rounded (docs/domain.md's NPS margin uses 1.96). */
export const Z95 = 1.96;

/** Answers counted per score: what a store's `GROUP BY score` returns for a survey question. */
export interface ScoreCount {
  score: number;
  answers: number;
}

/** The scores of a histogram, each repeated `answers` times, in histogram order. */
export function expandScores(histogram: readonly ScoreCount[]): number[] {
  const out: number[] = [];
  for (const h of histogram) for (let i = 0; i < h.answers; i++) out.push(h.score);
  return out;
}

/** Arithmetic mean; null for an empty list. */
export function mean(values: ArrayLike<number>): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i]!;
  return sum / values.length;
}

/** Sample standard deviation (divisor n − 1); null for fewer than two values. */
export function sampleSd(values: readonly number[]): number | null {
  const m = mean(values);
  if (m === null || values.length < 2) return null;
  const ss = values.reduce((s, v) => s + (v - m) ** 2, 0);
  return Math.sqrt(ss / (values.length - 1));
}

/** The values sorted ascending, as a new Float64Array (a native numeric sort: fast on a million values). */
export function sortedValues(values: ArrayLike<number>): Float64Array {
  return Float64Array.from(values).sort();
}

/** Percentile `p` (0–1) of `values` by linear interpolation, type 7 (see the file header); null when empty. */
export function quantile(values: ArrayLike<number>, p: number): number | null {
  return quantileOfSorted(sortedValues(values), p);
}

/** `quantile` of values already sorted ascending (several percentiles of one list sort it once). */
export function quantileOfSorted(sorted: ArrayLike<number>, p: number): number | null {
  assert(p >= 0 && p <= 1, `percentile ${p} outside 0–1`);
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const below = sorted[lo]!;
  const above = sorted[Math.min(lo + 1, sorted.length - 1)]!;
  return below + (h - lo) * (above - below);
}

/** Median (type-7 percentile 0.5): the middle value, or the mean of the two middle ones; null when empty. */
export function median(values: ArrayLike<number>): number | null {
  return quantile(values, 0.5);
}

/**
 * Complementary error function, W. H. Press et al., Numerical Recipes (2nd ed.) §6.2 `erfcc`: a Chebyshev
 * fit with fractional error below 1.2 × 10⁻⁷ everywhere, enough for p-values.
 */
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const r = t * Math.exp(-z * z + poly);
  return x >= 0 ? r : 2 - r;
}

/** Standard normal cumulative distribution Φ(z). */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** Two-sided p-value of a standard normal test statistic: 2 (1 − Φ(|z|)). */
export function twoSidedP(z: number): number {
  return Math.min(1, 2 * normalCdf(-Math.abs(z)));
}

/**
 * Standard normal quantile Φ⁻¹(p) for 0 < p < 1, P. J. Acklam's rational approximation (relative error
 * below 1.15 × 10⁻⁹): Φ⁻¹(0.975) = 1.95996, Φ⁻¹(0.8) = 0.84162.
 */
export function normalQuantile(p: number): number {
  assert(p > 0 && p < 1, `normal quantile of ${p}`);
  const low = 0.02425;
  if (p < low) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - low) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (horner(ACKLAM_A, r) * q) / (horner(ACKLAM_B, r) * r + 1);
}

const ACKLAM_A = [
  -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
  2.506628277459239,
];
const ACKLAM_B = [
  -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
];
const ACKLAM_C = [
  -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
  2.938163982698783,
];
const ACKLAM_D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];

/** c₀xⁿ⁻¹ + … + cₙ₋₁ by Horner's rule. */
function horner(coefficients: readonly number[], x: number): number {
  return coefficients.reduce((acc, c) => acc * x + c, 0);
}

/** Acklam's lower-tail branch for q = √(−2 ln p). */
function tail(q: number): number {
  return horner(ACKLAM_C, q) / (horner(ACKLAM_D, q) * q + 1);
}
