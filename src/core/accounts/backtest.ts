/**
 * Checks predicted retention probabilities against observed renewals (Ryals & Knox 2007, conclusions:
 * "test these probabilities against observed renewals"): Brier score, log loss, AUC and a binned
 * calibration table. Predictions are fractions, outcomes true = renewed. Every figure is null when it is
 * undefined (no outcomes; AUC also without both renewals and losses), never NaN.
 */
import { assert } from '../errors';

/** Log loss clips predictions to [LOG_LOSS_CLIP, 1 − LOG_LOSS_CLIP] so a confident miss costs ≈ 13.8, not ∞. */
export const LOG_LOSS_CLIP = 1e-6;

function check(predicted: readonly number[], renewed: readonly boolean[]): void {
  assert(
    predicted.length === renewed.length,
    `${predicted.length} predictions for ${renewed.length} outcomes`,
  );
}

/** Brier score: mean of (p − y)², 0 (perfect) … 1; null without outcomes. */
export function brierScore(predicted: readonly number[], renewed: readonly boolean[]): number | null {
  check(predicted, renewed);
  if (predicted.length === 0) return null;
  let sum = 0;
  for (let i = 0; i < predicted.length; i++) sum += ((predicted[i] as number) - (renewed[i] ? 1 : 0)) ** 2;
  return sum / predicted.length;
}

/** Log loss: mean of −[y ln p + (1 − y) ln(1 − p)] with p clipped; natural log; null without outcomes. */
export function logLoss(predicted: readonly number[], renewed: readonly boolean[]): number | null {
  check(predicted, renewed);
  if (predicted.length === 0) return null;
  let sum = 0;
  for (let i = 0; i < predicted.length; i++) {
    const p = Math.min(1 - LOG_LOSS_CLIP, Math.max(LOG_LOSS_CLIP, predicted[i] as number));
    sum -= renewed[i] ? Math.log(p) : Math.log(1 - p);
  }
  return sum / predicted.length;
}

/**
 * Area under the ROC curve: the probability that a renewed account scored above a lost one, ties counting
 * one half (Mann–Whitney, with mid-ranks for tied predictions). Null unless both outcomes occur.
 */
export function auc(predicted: readonly number[], renewed: readonly boolean[]): number | null {
  check(predicted, renewed);
  const order = Array.from(predicted, (_, i) => i).sort(
    (a, b) => (predicted[a] as number) - (predicted[b] as number),
  );
  let positives = 0;
  let rankSum = 0;
  for (let start = 0; start < order.length;) {
    let end = start;
    while (
      end + 1 < order.length &&
      predicted[order[end + 1] as number] === predicted[order[start] as number]
    )
      end++;
    const midRank = (start + end) / 2 + 1; // ranks are 1-based
    for (let k = start; k <= end; k++)
      if (renewed[order[k] as number]) {
        positives++;
        rankSum += midRank;
      }
    start = end + 1;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** One bin of the calibration table. */
export interface CalibrationBin {
  /** the bin holds predictions in [from, to) (the last bin includes `to`) */
  from: number;
  to: number;
  n: number;
  /** mean prediction in the bin; null when empty */
  meanPredicted: number | null;
  /** share renewed in the bin; null when empty */
  observedRate: number | null;
}

/**
 * Calibration table: predictions cut into `bins` equal-width bins over `range` (default [0, 1]; pass the
 * scorecard's bounds, e.g. [0.4, 0.9], to spread its predictions). Predictions outside the range go to the
 * edge bins; a prediction on a boundary belongs to the upper bin (to 1e-9, so 0.6 is not lost to rounding).
 */
export function calibrationTable(
  predicted: readonly number[],
  renewed: readonly boolean[],
  options: { bins?: number; range?: readonly [number, number] } = {},
): CalibrationBin[] {
  check(predicted, renewed);
  const bins = options.bins ?? 5;
  const [lo, hi] = options.range ?? [0, 1];
  assert(Number.isInteger(bins) && bins >= 1 && hi > lo, `calibration bins ${bins} over [${lo}, ${hi}]`);
  const width = (hi - lo) / bins;
  const n = new Array<number>(bins).fill(0);
  const sumP = new Array<number>(bins).fill(0);
  const sumY = new Array<number>(bins).fill(0);
  for (let i = 0; i < predicted.length; i++) {
    const p = predicted[i] as number;
    const b = Math.min(bins - 1, Math.max(0, Math.floor((p - lo) / width + 1e-9)));
    n[b] = (n[b] as number) + 1;
    sumP[b] = (sumP[b] as number) + p;
    sumY[b] = (sumY[b] as number) + (renewed[i] ? 1 : 0);
  }
  return n.map((count, b) => ({
    from: lo + b * width,
    to: b === bins - 1 ? hi : lo + (b + 1) * width,
    n: count,
    meanPredicted: count === 0 ? null : (sumP[b] as number) / count,
    observedRate: count === 0 ? null : (sumY[b] as number) / count,
  }));
}
