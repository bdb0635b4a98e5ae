/**
 * Where a model's data come from: a summary file, or the store's transactions summarised as of a
 * calibration end (default: the latest order date). Also the one compression of per-customer rows into
 * (x, tx, T) patterns that keeps, for every customer, the index of their pattern, so per-pattern results
 * (P(alive), expectations, CLV per unit of spend) are computed once and handed back per customer.
 */
import type { IsoDay } from '../../core/dates';
import { CvmError, invalidOption } from '../../core/errors';
import { compressSummary, indexSummaryPatterns, type CustomerSummary } from '../../core/models/summary';
import type { TimeUnit } from '../../core/models/time-unit';
import { readSummaryFile } from '../../data/models/summary-file';
import type { StoreUnit } from '../../data/store';
import type { ModelSource } from '../options/models';
import { msg } from '../../core/messages/catalogue';

/** What the data are and in what unit. */
export interface DataBasis {
  /** the summary file's name, or "store" */
  source: string;
  /** the calibration end of a store summary; null for a file */
  calibrationEnd: IsoDay | null;
  timeUnit: TimeUnit;
}

/**
 * Per-customer rows; `monetary` (mean repeat spend) null when a file has no spend column; `weight` the
 * customers a row of a file stands for (absent or null: one each).
 */
export interface CustomerRows {
  customerIds: string[];
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  monetary: Float64Array | null;
  weight?: Float64Array | null;
}

/** A summary file's rows; the store's calibration end does not apply to it. */
async function readFile(source: ModelSource): Promise<Awaited<ReturnType<typeof readSummaryFile>>> {
  if (source.calibrationEnd !== undefined)
    throw invalidOption(
      'calibrationEnd',
      source.calibrationEnd,
      'no calibration end with a summary file',
      msg('model.calibration-with-summary', { value: source.calibrationEnd ?? '' }),
    );
  return readSummaryFile(source.summary ?? '');
}

/** The calibration end to use: the option, else the latest order date. */
async function calibrationEnd(unit: StoreUnit, source: ModelSource): Promise<IsoDay> {
  if (source.calibrationEnd !== undefined) return source.calibrationEnd;
  const latest = await unit.analytics.latestOrderDate();
  if (latest === null)
    throw new CvmError('invalid-input', msg('model.store-empty', { location: unit.location }));
  return latest;
}

function needsUnit(unit: StoreUnit | undefined): StoreUnit {
  if (unit === undefined) throw new Error('internal error: a store summary needs a unit of work');
  return unit;
}

/** Distinct (x, tx, T) patterns with weights, for fitting a purchase model. */
export async function loadPatterns(
  source: ModelSource,
  unit?: StoreUnit,
): Promise<{ basis: DataBasis; patterns: CustomerSummary }> {
  if (source.summary !== undefined) {
    const file = await readFile(source);
    const { x, tx, T, weight } = file.summaries;
    return {
      basis: { source: file.source, calibrationEnd: null, timeUnit: source.timeUnit },
      patterns: compressSummary(
        Array.from(x, (xi, i) => ({
          x: xi,
          tx: tx[i] as number,
          T: T[i] as number,
          weight: weight === null ? 1 : (weight[i] as number),
        })),
      ),
    };
  }
  const store = needsUnit(unit);
  const end = await calibrationEnd(store, source);
  const patterns = await store.models.summaryPatterns({ calibrationEnd: end, timeUnit: source.timeUnit });
  if (patterns.x.length === 0) throw noCustomers(end);
  return { basis: { source: 'store', calibrationEnd: end, timeUnit: source.timeUnit }, patterns };
}

/** Every customer's row, for the spend model and predictions. */
export async function loadCustomers(
  source: ModelSource,
  unit?: StoreUnit,
): Promise<{ basis: DataBasis; customers: CustomerRows }> {
  if (source.summary !== undefined) {
    const file = await readFile(source);
    return {
      basis: { source: file.source, calibrationEnd: null, timeUnit: source.timeUnit },
      customers: file.summaries,
    };
  }
  const store = needsUnit(unit);
  const end = await calibrationEnd(store, source);
  const rows = await store.models.customerSummaries({ calibrationEnd: end, timeUnit: source.timeUnit });
  if (rows.customerIds.length === 0) throw noCustomers(end);
  return { basis: { source: 'store', calibrationEnd: end, timeUnit: source.timeUnit }, customers: rows };
}

function noCustomers(end: IsoDay): CvmError {
  return new CvmError('invalid-input', msg('model.no-customers-by', { end }));
}

/** Patterns of `rows` and, per customer, the index of their pattern (core `indexSummaryPatterns`). */
export function indexPatterns(rows: Pick<CustomerRows, 'x' | 'tx' | 'T' | 'weight'>): {
  patterns: CustomerSummary;
  index: Uint32Array;
} {
  return indexSummaryPatterns(rows.x, rows.tx, rows.T, rows.weight);
}
