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

/** Customers with one score: how many had the outcome (active next window), how many did not. */
export interface ScoreOutcomes {
  score: number;
  active: number;
  inactive: number;
}

/**
 * The same rank-based AUC from customers counted per score (the store's grouping): customers sharing a
 * score are tied. Scores may come in any order and repeat. Null without both classes.
 */
export function aucFromCounts(rows: readonly ScoreOutcomes[]): number | null {
  const merged = new Map<number, { active: number; inactive: number }>();
  for (const r of rows) {
    assert(r.active >= 0 && r.inactive >= 0, `negative count at score ${r.score}`);
    const m = merged.get(r.score) ?? { active: 0, inactive: 0 };
    m.active += r.active;
    m.inactive += r.inactive;
    merged.set(r.score, m);
  }
  const sorted = [...merged.entries()].sort((a, b) => a[0] - b[0]);
  let nPos = 0;
  let nNeg = 0;
  for (const [, m] of sorted) {
    nPos += m.active;
    nNeg += m.inactive;
  }
  if (nPos === 0 || nNeg === 0) return null;
  // U = Σ over positives of (negatives with a lower score + ½ the negatives with the same score)
  let below = 0;
  let u = 0;
  for (const [, m] of sorted) {
    u += m.active * (below + m.inactive / 2);
    below += m.inactive;
  }
  return u / (nPos * nNeg);
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
  /** the same, counted per score (as the store returns it) */
  customerCounts?: readonly ScoreOutcomes[];
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
        : k.customerCounts
          ? aucFromCounts(k.customerCounts.map((c) => ({ ...c, score: sign * c.score })))
          : null,
      laggedCorrelation: k.series ? laggedCorrelation(k.series.kpi, k.series.outcome, k.series.lag) : null,
    };
  });
}

function validity(x: number, target: Target, direction: KpiDirection): number {
  if (target.kind === 'range') return -targetGap(x, target, direction);
  return direction === 'higher' ? x - target.value : target.value - x;
}

/** The counts of one month (a 1-month window) from which the monthly KPI values are computed. */
export interface MonthCounts {
  /** index of the month, 0 = the earliest */
  month: number;
  /** net revenue of the month (returns included) */
  revenue: number;
  /** customers with ≥ 1 purchase; with ≥ 2; whose first purchase ever is in the month */
  active: number;
  repeat: number;
  fresh: number;
  /** customers active in this month and the month before (0 for the first month) */
  retained: number;
  /** complaints opened in the month; of those resolved within the target by the month's end */
  complaints: number;
  withinTarget: number;
  /** satisfaction (1–5) of the month's complaints resolved by its end: how many, their sum */
  satisfactionN: number;
  satisfactionSum: number;
  /** NPS answers: all, promoters (9–10), detractors (0–6) */
  npsN: number;
  promoters: number;
  detractors: number;
  /** CSAT answers: all, satisfied (4–5) */
  csatN: number;
  csatSatisfied: number;
  /** CES answers: all, their sum */
  cesN: number;
  cesSum: number;
}

const share = (x: number, n: number): number | null => (n === 0 ? null : x / n);

/**
 * The monthly value of each KPI that has one, from the months' counts (null where its denominator is 0;
 * retention and churn are null in the first month, which has no month before it).
 */
export function monthlyKpiSeries(months: readonly MonthCounts[]): Record<string, (number | null)[]> {
  const series = (f: (m: MonthCounts, k: number) => number | null): (number | null)[] => months.map(f);
  const retention = series((m, k) => (k === 0 ? null : share(m.retained, months[k - 1]!.active)));
  return {
    retention,
    churn: retention.map((r) => (r === null ? null : 1 - r)),
    'repeat-order-share': series((m) => share(m.repeat, m.active)),
    'new-customer-share': series((m) => share(m.fresh, m.active)),
    complaints: series((m) => m.complaints),
    'complaints-per-1000-customers': series((m) =>
      m.active === 0 ? null : (1000 * m.complaints) / m.active,
    ),
    'resolved-within-target': series((m) => share(m.withinTarget, m.complaints)),
    'satisfaction-after-complaint': series((m) => share(m.satisfactionSum, m.satisfactionN)),
    nps: series((m) => (m.npsN === 0 ? null : (100 * (m.promoters - m.detractors)) / m.npsN)),
    csat: series((m) => share(m.csatSatisfied, m.csatN)),
    ces: series((m) => share(m.cesSum, m.cesN)),
  };
}
