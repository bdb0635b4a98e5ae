/**
 * How good is a KPI as an indicator? (docs/domain.md, "KPIs, targets and their quality"; seed 000: validity,
 * reliability, sensitivity, predictability — "a good KPI is not about measuring, it is about predicting").
 * One row per KPI:
 *
 * - **Predictability**, customer level: the AUC of the KPI for "still active next window", rank-based
 *   (Mann–Whitney) with tied scores given their average rank, so a tie counts one half. Scores are oriented
 *   by the KPI's direction (a lower-is-better KPI is negated), so AUC > 0.5 means the good side of the KPI
 *   stays active more often. Series level (per tier or per month): the Pearson correlation of the KPI at
 *   period t with the outcome at period t + lag.
 * - **Reliability**: n and the 95 % interval value ± 1.96 × standard error.
 * - **Sensitivity**: the smallest change between two periods of this size that a two-sided 5 % test detects
 *   with 80 % power, MDC = (z₀.₉₇₅ + z₀.₈₀) × √2 × SE = 2.8016 × 1.4142 × SE ≈ 3.96 SE (both periods
 *   assumed to have the current standard error).
 * - **Validity**: achieved − target in the good direction (positive: better than expected; negative: short
 *   of it); for a normal range 0 inside it and minus the distance outside.
 */
import { assert } from '../errors';
import type { KpiDirection } from './catalogue';
import type { Interval } from './satisfaction';
import { normalQuantile, Z95 } from './stats';
import { targetGap, type Target } from './targets';

/** Rank-based AUC of `scores` for `positive` outcomes, ties counted one half; null without both classes. */
export function auc(scores: readonly number[], positive: readonly boolean[]): number | null {
  assert(scores.length === positive.length, `${scores.length} scores for ${positive.length} outcomes`);
  const order = scores.map((s, i) => ({ s, pos: positive[i] === true })).sort((a, b) => a.s - b.s);
  const nPos = order.filter((o) => o.pos).length;
  const nNeg = order.length - nPos;
  if (nPos === 0 || nNeg === 0) return null;
  let rankSumPos = 0;
  for (let i = 0; i < order.length;) {
    let j = i;
    while (j < order.length && order[j]!.s === order[i]!.s) j++;
    const averageRank = (i + 1 + j) / 2; // ranks i + 1 … j
    for (let k = i; k < j; k++) if (order[k]!.pos) rankSumPos += averageRank;
    i = j;
  }
  return (rankSumPos - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}

/** Pearson correlation of paired values; null with fewer than 3 pairs or no variation in either. */
export function pearson(x: readonly number[], y: readonly number[]): number | null {
  assert(x.length === y.length, `${x.length} x for ${y.length} y`);
  const n = x.length;
  if (n < 3) return null;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

/** Pearson correlation of `kpi[t]` with `outcome[t + lag]`, over periods where both are known. */
export function laggedCorrelation(
  kpi: readonly (number | null)[],
  outcome: readonly (number | null)[],
  lag: number,
): number | null {
  const xs: number[] = [];
  const ys: number[] = [];
  for (let t = 0; t < kpi.length; t++) {
    const x = kpi[t];
    const y = outcome[t + lag];
    if (x !== null && x !== undefined && y !== null && y !== undefined) {
      xs.push(x);
      ys.push(y);
    }
  }
  return pearson(xs, ys);
}

/** Smallest detectable change between two periods with standard error `se` each (see the file header). */
export function minimumDetectableChange(se: number, alpha = 0.05, power = 0.8): number {
  return (normalQuantile(1 - alpha / 2) + normalQuantile(power)) * Math.SQRT2 * se;
}

/** Standard error of a share `p` from `n` answers, √(p(1 − p) / n); null when n = 0. */
export function proportionStandardError(p: number, n: number): number | null {
  return n === 0 ? null : Math.sqrt((p * (1 - p)) / n);
}

/** What is known about one KPI for its quality row. */
export interface KpiQualityInput {
  id: string;
  direction: KpiDirection;
  value: number | null;
  n: number;
  /** standard error of `value` in its unit; null when unknown */
  standardError: number | null;
  target?: Target | null;
  /** per customer: the KPI's score and whether the customer was active in the next window */
  customers?: { scores: readonly number[]; activeNext: readonly boolean[] };
  /** per period: the KPI and the outcome it should predict, `lag` periods ahead */
  series?: { kpi: readonly (number | null)[]; outcome: readonly (number | null)[]; lag: number };
}

/** One KPI's quality; null figures when their input is missing. */
export interface KpiQualityRow {
  id: string;
  n: number;
  value: number | null;
  interval: Interval | null;
  minimumDetectableChange: number | null;
  validityGap: number | null;
  auc: number | null;
  laggedCorrelation: number | null;
}

/** The quality row of each KPI in `inputs`. */
export function kpiQuality(inputs: readonly KpiQualityInput[]): KpiQualityRow[] {
  return inputs.map((k) => {
    const { value, standardError: se, target, direction } = k;
    const sign = direction === 'higher' ? 1 : -1;
    return {
      id: k.id,
      n: k.n,
      value,
      interval: value === null || se === null ? null : { low: value - Z95 * se, high: value + Z95 * se },
      minimumDetectableChange: se === null ? null : minimumDetectableChange(se),
      validityGap: value === null || !target ? null : validity(value, target, direction),
      auc: k.customers
        ? auc(
            k.customers.scores.map((s) => sign * s),
            k.customers.activeNext,
          )
        : null,
      laggedCorrelation: k.series ? laggedCorrelation(k.series.kpi, k.series.outcome, k.series.lag) : null,
    };
  });
}

function validity(x: number, target: Target, direction: KpiDirection): number {
  if (target.kind === 'range') return -targetGap(x, target, direction);
  return direction === 'higher' ? x - target.value : target.value - x;
}
