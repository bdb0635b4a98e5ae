/**
 * Net Promoter Score (docs/domain.md, "Service and satisfaction KPIs"): NPS = % promoters (9–10) − % detractors
 * (0–6) on the 0–10 "would you recommend" question, −100 … 100, with its margin of error and n.
 *
 * The decision a reader needs: the margin of error treats each answer as +1 (promoter), 0 (passive) or −1
 * (detractor). With shares p and d that score has variance p + d − (p − d)², so the 95 % margin is
 * 1.96 × 100 × √((p + d − (p − d)²) / n) points, and two independent periods are compared with a z-test on
 * the difference using the sum of their variances. Fewer than 30 answers is flagged (`smallSample`), not
 * refused: the figure is shown, with the warning beside it.
 */
import { CvmError } from '../errors';
import { undefinedTest, zTest, type ChangeTest } from './change-test';
import { Z95, type ScoreCount } from './stats';
import { msg, type Message } from '../messages/catalogue';

/** Below this many answers the NPS carries a small-sample warning. */
export const NPS_SMALL_SAMPLE = 30;

/** Answers already counted by group (what the store's SQL returns). */
export interface NpsCounts {
  promoters: number;
  passives: number;
  detractors: number;
}

/** The NPS of one group of answers. Shares are fractions (0.5 = 50 %); score and margin in NPS points. */
export interface Nps extends NpsCounts {
  /** answers */
  n: number;
  /** promoters / n; null when n = 0 */
  promoterShare: number | null;
  /** detractors / n; null when n = 0 */
  detractorShare: number | null;
  /** 100 × (promoters − detractors) / n, −100 … 100; null when n = 0 */
  score: number | null;
  /** 95 % margin of error in NPS points, 1.96 × 100 × √((p + d − (p − d)²) / n); null when n = 0 */
  marginOfError: number | null;
  /** true when 0 < n < 30: the score is shown but is not reliable */
  smallSample: boolean;
  /** why the score is null or flagged; null when it is neither */
  note: Message | null;
}

/** Counts 0–10 scores into promoters (9–10), passives (7–8) and detractors (0–6); throws on other values. */
export function countNps(scores: readonly number[]): NpsCounts {
  const counts = { promoters: 0, passives: 0, detractors: 0 };
  for (const s of scores) counts[npsGroup(s)] += 1;
  return counts;
}

/** Groups answers already counted per 0–10 score (what a store's `GROUP BY score` returns). */
export function countNpsHistogram(histogram: readonly ScoreCount[]): NpsCounts {
  const counts = { promoters: 0, passives: 0, detractors: 0 };
  for (const h of histogram) counts[npsGroup(h.score)] += h.answers;
  return counts;
}

/** The group of one 0–10 score: promoters 9–10, passives 7–8, detractors 0–6; throws on other values. */
export function npsGroup(score: number): keyof NpsCounts {
  if (!Number.isInteger(score) || score < 0 || score > 10)
    throw new CvmError('invalid-input', msg('score.nps', { score: String(score) }));
  return score >= 9 ? 'promoters' : score >= 7 ? 'passives' : 'detractors';
}

/** NPS of 0–10 `scores` or of counts by group. */
export function nps(input: readonly number[] | NpsCounts): Nps {
  const counts = isCounts(input) ? input : countNps(input);
  const { promoters, passives, detractors } = counts;
  const n = promoters + passives + detractors;
  if (n === 0) {
    return {
      ...counts,
      n,
      promoterShare: null,
      detractorShare: null,
      score: null,
      marginOfError: null,
      smallSample: false,
      note: msg('satisfaction.no-answers', { kpi: 'NPS' }),
    };
  }
  const p = promoters / n;
  const d = detractors / n;
  const smallSample = n < NPS_SMALL_SAMPLE;
  return {
    ...counts,
    n,
    promoterShare: p,
    detractorShare: d,
    score: 100 * (p - d),
    marginOfError: Z95 * 100 * Math.sqrt(npsVariance(p, d) / n),
    smallSample,
    note: smallSample ? msg('satisfaction.small-sample', { kpi: 'NPS', n, minimum: NPS_SMALL_SAMPLE }) : null,
  };
}

/** Variance of one answer scored +1 / 0 / −1: p + d − (p − d)², clamped at 0 against rounding. */
export function npsVariance(p: number, d: number): number {
  return Math.max(0, p + d - (p - d) ** 2);
}

/**
 * Significance of the NPS change from `earlier` to `later` (answers, counts or computed NPS): z-test of
 * NPS₂ − NPS₁ (points) with standard error 100 × √(v₁ / n₁ + v₂ / n₂), vᵢ = pᵢ + dᵢ − (pᵢ − dᵢ)².
 */
export function npsChange(
  earlier: Nps | NpsCounts | readonly number[],
  later: Nps | NpsCounts | readonly number[],
): ChangeTest {
  const a = toNps(earlier);
  const b = toNps(later);
  if (a.score === null || b.score === null)
    return undefinedTest(null, null, 'NPS change undefined: a period has no answers');
  const se = 100 * Math.sqrt(variance(a) / a.n + variance(b) / b.n);
  return zTest(b.score - a.score, se);
}

function variance(x: Nps): number {
  return npsVariance(x.promoterShare ?? 0, x.detractorShare ?? 0);
}

function toNps(x: Nps | NpsCounts | readonly number[]): Nps {
  return 'score' in x ? x : nps(x);
}

function isCounts(input: readonly number[] | NpsCounts): input is NpsCounts {
  return !Array.isArray(input);
}
