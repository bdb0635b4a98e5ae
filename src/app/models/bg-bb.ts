/**
 * `model predict --model bgbb`: BG/BB (Fader, Hardie & Shang 2010) fitted on a summary file of discrete
 * opportunities, then for every row P(alive at the next opportunity) and the expected transactions over the
 * next `horizon` opportunities, written to a CSV file; `model validate --model bgbb`: the same fit checked
 * against the file's holdout column (docs/metrics.md, "BG/BB").
 */
import { CvmError } from '../../core/errors';
import {
  conditionalExpectedTransactionsBgBb,
  fitBgBb,
  pAliveBgBb,
  validateBgBb,
  type BgBbHoldoutPattern,
  type BgBbValidation,
} from '../../core/models/bg-bb';
import type { ModelFit } from '../../core/models/summary';
import { writeCsvColumns } from '../../data/models/predictions-file';
import { readSummaryFile } from '../../data/models/summary-file';
import type { BgBbValidateInput, PredictInput } from '../options/models';
import { fitReport, loadAndFitBgBb, type FitReport } from './fit';
import type { Params } from './registry';
import { msg, type Message } from '../../core/messages/catalogue';

/** What BG/BB `predict` wrote; counts of customers include each row's weight. */
export interface BgBbPredictReport {
  out: string;
  model: 'bgbb';
  /** time is counted in opportunities */
  timeUnit: 'opportunity';
  source: string;
  /** rows of the file */
  rows: number;
  /** customers (Σ weights) */
  customers: number;
  /** opportunities ahead */
  horizon: number;
  fit: FitReport;
  totals: {
    /** expected customers alive at the next opportunity */
    alive: number;
    /** expected transactions over the horizon */
    expectedTransactions: number;
  };
  notes: Message[];
}

/**
 * Fits BG/BB on the file and writes `id, x, t_x, n, weight, p_alive, expected_transactions` per row.
 * @throws CvmError `invalid-input` for a bad or missing file or nothing to fit; `data-source` when the
 *   output cannot be written
 */
export async function predictBgBb(input: PredictInput): Promise<BgBbPredictReport> {
  const { basis, ids, patterns, fit } = await loadAndFitBgBb(input);
  const horizon = input.horizonMonths;
  const pAlive = Float64Array.from(patterns, (p) => pAliveBgBb(fit.params, p));
  const expected = Float64Array.from(patterns, (p) =>
    conditionalExpectedTransactionsBgBb(fit.params, p, horizon),
  );
  const weight = Float64Array.from(patterns, (p) => p.weight ?? 1);
  await writeCsvColumns(input.out, [
    { name: 'id', values: ids },
    { name: 'x', values: Float64Array.from(patterns, (p) => p.x) },
    { name: 't_x', values: Float64Array.from(patterns, (p) => p.tx) },
    { name: 'n', values: Float64Array.from(patterns, (p) => p.n) },
    { name: 'weight', values: weight },
    { name: 'p_alive', values: pAlive },
    { name: 'expected_transactions', values: expected },
  ]);
  const sum = (values: Float64Array): number => values.reduce((s, v, i) => s + v * (weight[i] as number), 0);
  const notes = fit.converged ? [] : [msg('model.not-converged', { model: 'BG/BB', detail: fit.message })];
  return {
    out: input.out,
    model: 'bgbb',
    timeUnit: 'opportunity',
    source: basis.source,
    rows: patterns.length,
    customers: weight.reduce((s, w) => s + w, 0),
    horizon,
    fit: fitReport('bgbb', 'BG/BB', basis, fit as unknown as ModelFit<Params>),
    totals: { alive: sum(pAlive), expectedTransactions: sum(expected) },
    notes,
  };
}

/** What BG/BB `validate` found; counts of customers include each row's weight. */
export interface BgBbValidateReport extends BgBbValidation {
  model: 'bgbb';
  /** time is counted in opportunities */
  timeUnit: 'opportunity';
  source: string;
  /** opportunities the holdout covers */
  holdoutOpportunities: number;
  fit: FitReport;
  notes: Message[];
}

/**
 * Fits BG/BB on the patterns and checks it against their holdout transactions (core `validateBgBb`).
 * @throws CvmError `invalid-input` for an impossible pattern or holdout, or when nobody transacted
 */
export function validateBgBbOn(
  source: string,
  patterns: readonly BgBbHoldoutPattern[],
  holdoutOpportunities: number,
): BgBbValidateReport {
  const fit = fitBgBb(patterns);
  if (fit === null) throw new CvmError('invalid-input', msg('model.bgbb-nobody', { source }));
  const validation = validateBgBb(fit.params, patterns, holdoutOpportunities);
  const weighted = patterns.some((p) => (p.weight ?? 1) !== 1);
  const notes = fit.converged ? [] : [msg('model.not-converged', { model: 'BG/BB', detail: fit.message })];
  if (weighted) notes.push(msg('model.bgbb-weighted'));
  return {
    model: 'bgbb',
    timeUnit: 'opportunity',
    source,
    holdoutOpportunities,
    fit: fitReport(
      'bgbb',
      'BG/BB',
      { source, calibrationEnd: null, timeUnit: 'week' },
      fit as unknown as ModelFit<Params>,
    ),
    ...validation,
    notes,
  };
}

/**
 * `model validate --model bgbb`: the summary file's rows (x, t_x, n, weight) with their holdout column.
 * @throws CvmError `not-found` / `invalid-input` for a missing or bad file, one without a holdout or n
 *   column, or a holdout above the holdout opportunities (naming the row)
 */
export async function validateBgBbFile(input: BgBbValidateInput): Promise<BgBbValidateReport> {
  const file = await readSummaryFile(input.summary);
  const { x, tx, n, weight, holdout } = file.summaries;
  if (n === null) throw new CvmError('invalid-input', msg('model.bgbb-no-n', { source: file.source }));
  if (holdout === null)
    throw new CvmError('invalid-input', msg('model.bgbb-no-holdout', { source: file.source }));
  const patterns = Array.from(x, (xi, i) => ({
    x: xi,
    tx: tx[i] as number,
    n: n[i] as number,
    weight: weight ? (weight[i] as number) : 1,
    holdout: holdout[i] as number,
  }));
  patterns.forEach((p, i) => {
    if (p.holdout > input.holdoutOpportunities)
      throw new CvmError(
        'invalid-input',
        msg('model.bgbb-holdout-too-many', {
          source: file.source,
          row: i + 1,
          holdout: p.holdout,
          opportunities: input.holdoutOpportunities,
        }),
      );
  });
  return validateBgBbOn(file.source, patterns, input.holdoutOpportunities);
}
