/**
 * CSAT, CES and the satisfaction index (docs/domain.md, "Service and satisfaction KPIs").
 *
 * Decisions a reader needs:
 * - **CSAT** is the share of satisfied answers, 4–5 on the 1–5 scale by default (`satisfiedFrom`), with a
 *   95 % **Wilson** score interval by default (it stays inside 0–1 and behaves at small n and at 0 % or
 *   100 %); the normal (Wald) interval p ± 1.96 √(p(1 − p) / n) is the option, clamped to 0–1.
 * - **CES** is the mean effort on 1–7 where **1 = very low effort, lower is better**; its "share agreeing"
 *   is the share of **low-effort answers, score ≤ 3** (`lowEffortUpTo`): the three points below the
 *   neutral midpoint 4. The mean's 95 % interval is mean ± 1.96 s / √n (s the sample standard deviation).
 * - The **satisfaction index** rescales the CSAT mean from 1–5 to 0–100: 100 × (mean − 1) / 4.
 */
import { CvmError } from '../errors';
import { proportionChange, type ChangeTest } from './change-test';
import { mean, sampleSd, Z95 } from './stats';
import { msg, type Message } from '../messages/catalogue';

/** A 95 % confidence interval, in the KPI's unit. */
export interface Interval {
  low: number;
  high: number;
}

/** CSAT of one group; shares are fractions. */
export interface Csat {
  n: number;
  /** answers ≥ `satisfiedFrom` */
  satisfied: number;
  /** satisfied / n; null when n = 0 */
  share: number | null;
  /** 95 % interval of the share (Wilson or normal); null when n = 0 */
  interval: Interval | null;
  /** mean score on 1–5; null when n = 0 */
  mean: number | null;
  /** satisfaction index 0–100 from the mean; null when n = 0 */
  index: number | null;
  note: Message | null;
}

/** CSAT options: the satisfied threshold (default 4 of 5) and the interval method (default Wilson). */
export interface CsatOptions {
  satisfiedFrom?: number;
  interval?: 'wilson' | 'normal';
}

/** CSAT of 1–5 `scores`; throws `invalid-input` on a score that is not an integer 1–5. */
export function csat(scores: readonly number[], options: CsatOptions = {}): Csat {
  const from = options.satisfiedFrom ?? 4;
  checkScale(scores, 5, 'CSAT');
  const n = scores.length;
  const satisfied = scores.filter((s) => s >= from).length;
  const m = mean(scores);
  if (n === 0 || m === null)
    return {
      n,
      satisfied,
      share: null,
      interval: null,
      mean: null,
      index: null,
      note: msg('satisfaction.no-answers', { kpi: 'CSAT' }),
    };
  const share = satisfied / n;
  const interval = options.interval === 'normal' ? normalInterval(share, n) : wilsonInterval(satisfied, n);
  return { n, satisfied, share, interval, mean: m, index: satisfactionIndex(m), note: null };
}

/** Wilson score interval for x successes of n at 95 %: (p + z²/2n ± z √(p(1 − p)/n + z²/4n²)) / (1 + z²/n). */
export function wilsonInterval(x: number, n: number, z = Z95): Interval | null {
  if (n === 0) return null;
  const p = x / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

function normalInterval(p: number, n: number): Interval {
  const half = Z95 * Math.sqrt((p * (1 - p)) / n);
  return { low: Math.max(0, p - half), high: Math.min(1, p + half) };
}

/** 0–100 satisfaction index of a mean on the 1–5 scale: 100 × (mean − 1) / 4. */
export function satisfactionIndex(mean15: number): number {
  return (100 * (mean15 - 1)) / 4;
}

/** Two-proportion z-test of the CSAT share from `earlier` to `later` (see change-test.ts). */
export function csatChange(earlier: Csat, later: Csat): ChangeTest {
  return proportionChange(earlier.satisfied, earlier.n, later.satisfied, later.n);
}

/** CES of one group: effort on 1–7, lower is better. */
export interface Ces {
  n: number;
  /** mean effort 1–7; null when n = 0 */
  mean: number | null;
  /** mean ± 1.96 s / √n; null when n < 2 (no standard deviation) */
  interval: Interval | null;
  /** answers ≤ `lowEffortUpTo` (3) / n; null when n = 0 */
  lowEffortShare: number | null;
  note: Message | null;
}

/** CES of 1–7 `scores`; `lowEffortUpTo` (default 3) is the highest score that counts as low effort. */
export function ces(scores: readonly number[], lowEffortUpTo = 3): Ces {
  checkScale(scores, 7, 'CES');
  const n = scores.length;
  const m = mean(scores);
  if (m === null)
    return {
      n,
      mean: null,
      interval: null,
      lowEffortShare: null,
      note: msg('satisfaction.no-answers', { kpi: 'CES' }),
    };
  const sd = sampleSd(scores);
  const half = sd === null ? null : (Z95 * sd) / Math.sqrt(n);
  return {
    n,
    mean: m,
    interval: half === null ? null : { low: m - half, high: m + half },
    lowEffortShare: scores.filter((s) => s <= lowEffortUpTo).length / n,
    note: half === null ? msg('satisfaction.ces-single') : null,
  };
}

function checkScale(scores: readonly number[], max: number, kpi: string): void {
  for (const s of scores)
    if (!Number.isInteger(s) || s < 1 || s > max)
      throw new CvmError('invalid-input', msg('score.scale', { kpi, score: String(s), max }));
}
