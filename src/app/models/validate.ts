/**
 * `model validate`: the calibration / holdout check of a purchase model (Fader, Hardie & Lee 2005, §4).
 * The model is fitted on the purchases up to the calibration end; for every customer its expected purchases
 * over the holdout period, E[Y(holdout length) | x, tx, T], are compared with the purchase days they
 * actually made there: MAE and RMSE per customer, means grouped by calibration frequency x, and the
 * cumulative tracking curve of repeat purchases, actual against Σ over customers of E[X(t − first purchase)].
 *
 * The decision a reader needs: the tracking curve groups customers by their first purchase day (the same T),
 * so it costs one E[X(t)] per first-purchase day and point, whatever the number of customers.
 */
import { fromEpochDay, toEpochDay, type IsoDay } from '../../core/dates';
import { CvmError } from '../../core/errors';
import { daysPerUnit, type TimeUnit } from '../../core/models/time-unit';
import type { StoreUnit } from '../../data/store';
import type { BgBbValidateInput, ValidateInput } from '../options/models';
import { validateBgBbFile, type BgBbValidateReport } from './bg-bb';
import { indexPatterns } from './data';
import { fitReport, type FitReport } from './fit';
import { PURCHASE_KITS } from './registry';
import { msg } from '../../core/messages/catalogue';

/** Customers with calibration frequency x (the last group is "x or more"), mean holdout purchases. */
export interface FrequencyGroup {
  /** "0", "1", … or "7+" */
  x: string;
  customers: number;
  actual: number;
  predicted: number;
}

/** One point of the cumulative tracking curve: repeat purchases up to and including `day`. */
export interface TrackingPoint {
  /** periods (time units) since the first customer's first purchase */
  period: number;
  day: IsoDay;
  /** false in the calibration period, true in the holdout */
  holdout: boolean;
  actual: number;
  expected: number;
}

export interface ValidateReport {
  model: ValidateInput['model'];
  timeUnit: TimeUnit;
  calibrationEnd: IsoDay;
  holdoutEnd: IsoDay;
  /** holdout length in the time unit */
  holdoutLength: number;
  fit: FitReport;
  customers: number;
  /** summed over customers: purchase days in the holdout, and the model's expectation of them */
  holdoutActual: number;
  holdoutPredicted: number;
  /** per customer, in purchases over the holdout */
  mae: number;
  rmse: number;
  byFrequency: FrequencyGroup[];
  tracking: TrackingPoint[];
}

/** Frequency groups 0 … 6 and 7+, as in the paper's conditional-expectation figure. */
const TOP_GROUP = 7;

/**
 * `model validate` for any model: BG/BB on its summary file (no store needed), the purchase models on the
 * store's transactions.
 */
export function validate(
  input: ValidateInput | BgBbValidateInput,
  unit?: StoreUnit,
): Promise<ValidateReport | BgBbValidateReport> {
  if (input.model === 'bgbb') return validateBgBbFile(input);
  if (unit === undefined) throw new Error('internal error: validating a purchase model needs the store');
  return validateModel(unit, input);
}

/**
 * Fits up to the calibration end and checks against the holdout.
 * @throws CvmError `invalid-input` when the holdout end is not after the calibration end, or nobody
 *   bought by the calibration end
 */
export async function validateModel(unit: StoreUnit, input: ValidateInput): Promise<ValidateReport> {
  const { calibrationEnd, holdoutEnd, timeUnit } = input;
  if (holdoutEnd <= calibrationEnd)
    throw new CvmError('invalid-input', msg('model.holdout-not-after', { holdoutEnd, calibrationEnd }));
  const query = { calibrationEnd, holdoutEnd, timeUnit };
  const rows = await unit.models.customerSummaries(query);
  const n = rows.customerIds.length;
  if (n === 0) throw new CvmError('invalid-input', msg('model.no-customers-by', { end: calibrationEnd }));
  const kit = PURCHASE_KITS[input.model];
  const { patterns, index } = indexPatterns(rows);
  const fit = kit.fit(patterns);
  if (fit === null)
    throw new CvmError('invalid-input', msg('model.nobody-to-fit', { model: kit.name, source: null }));
  const unitDays = daysPerUnit(timeUnit);
  const length = (toEpochDay(holdoutEnd) - toEpochDay(calibrationEnd)) / unitDays;
  const perPattern = Array.from(patterns.x, (x, j) =>
    kit.conditional(fit.params, length, x, patterns.tx[j] as number, patterns.T[j] as number),
  );

  let absolute = 0;
  let squared = 0;
  let actualTotal = 0;
  let predictedTotal = 0;
  const groups = Array.from({ length: TOP_GROUP + 1 }, (_, g) => ({
    x: g === TOP_GROUP ? `${TOP_GROUP}+` : String(g),
    customers: 0,
    actual: 0,
    predicted: 0,
  }));
  for (let i = 0; i < n; i++) {
    const predicted = perPattern[index[i] as number] as number;
    const actual = rows.holdout[i] as number;
    absolute += Math.abs(predicted - actual);
    squared += (predicted - actual) ** 2;
    actualTotal += actual;
    predictedTotal += predicted;
    const group = groups[Math.min(rows.x[i] as number, TOP_GROUP)]!;
    group.customers++;
    group.actual += actual;
    group.predicted += predicted;
  }
  const byFrequency = groups
    .filter((g) => g.customers > 0)
    .map((g) => ({ ...g, actual: g.actual / g.customers, predicted: g.predicted / g.customers }));

  // Customers by first purchase day (epoch day), for the expected curve.
  const calibrationDay = toEpochDay(calibrationEnd);
  const firstDays = new Map<number, number>();
  for (const T of rows.T) {
    const first = calibrationDay - Math.round(T * unitDays);
    firstDays.set(first, (firstDays.get(first) ?? 0) + 1);
  }
  const origin = Math.min(...firstDays.keys());
  const daily = await unit.models.repeatPurchasesByDay(query);
  const end = toEpochDay(holdoutEnd);
  const tracking: TrackingPoint[] = [];
  let cumulative = 0;
  let at = 0;
  for (let k = 1; ; k++) {
    const day = Math.min(origin + Math.floor(k * unitDays), end);
    while (at < daily.days.length && toEpochDay(daily.days[at] as IsoDay) <= day) {
      cumulative += daily.repeats[at] as number;
      at++;
    }
    let expected = 0;
    for (const [first, customers] of firstDays)
      if (day > first) expected += customers * kit.expected(fit.params, (day - first) / unitDays);
    tracking.push({
      period: k,
      day: fromEpochDay(day),
      holdout: day > calibrationDay,
      actual: cumulative,
      expected,
    });
    if (day >= end) break;
  }

  return {
    model: input.model,
    timeUnit,
    calibrationEnd,
    holdoutEnd,
    holdoutLength: length,
    fit: fitReport(input.model, kit.name, { source: 'store', calibrationEnd, timeUnit }, fit),
    customers: n,
    holdoutActual: actualTotal,
    holdoutPredicted: predictedTotal,
    mae: absolute / n,
    rmse: Math.sqrt(squared / n),
    byFrequency,
    tracking,
  };
}
