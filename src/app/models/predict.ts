/**
 * `model predict`: fits a purchase model and, when the data carry spend, the Gamma-Gamma spend model, then
 * writes for every customer P(alive), expected purchases over the horizon, expected spend per purchase and
 * the discounted CLV to a CSV file. Returns what was written and the fits.
 *
 * The decision a reader needs: the purchase figures depend only on (x, tx, T), so they are computed once
 * per pattern (CLV per unit of spend included) and scaled by each customer's expected spend; with a
 * million customers that is a few hundred thousand patterns, not twelve million ₂F₁ evaluations.
 */
import { CvmError, assert } from '../../core/errors';
import { clvDiscountFactors, clvPeriodEnds, discountedPurchases } from '../../core/models/clv';
import { conditionalExpectedSpendGammaGamma, type GammaGammaParams } from '../../core/models/gamma-gamma';
import { indexSummaryPatterns } from '../../core/models/summary';
import { unitsPerYear } from '../../core/models/time-unit';
import { writeCsvColumns } from '../../data/models/predictions-file';
import type { StoreUnit } from '../../data/store';
import type { PredictInput, PurchaseModel } from '../options/models';
import { indexPatterns, loadCustomers, type CustomerRows, type DataBasis } from './data';
import { fitReport, fitSpend, type FitReport } from './fit';
import { PURCHASE_KITS, type Params, type PurchaseModelKit } from './registry';
import type { ModelFit } from '../../core/models/summary';
import { msg, type Message } from '../../core/messages/catalogue';

/** What `predict` wrote. Money in the currency of the data; purchases over the horizon. */
export interface PredictReport {
  out: string;
  customers: number;
  timeUnit: DataBasis['timeUnit'];
  calibrationEnd: DataBasis['calibrationEnd'];
  source: string;
  horizonMonths: number;
  /** the horizon in the model's time unit */
  horizon: number;
  /** yearly, as a fraction */
  discountRate: number;
  purchaseFit: FitReport;
  /** null when the data carry no spend (then expected spend and CLV are empty) */
  spendFit: FitReport | null;
  totals: {
    /** expected number of customers alive at the end of calibration */
    alive: number;
    expectedPurchases: number;
    /** null without a spend model */
    clv: number | null;
  };
  notes: Message[];
}

/** The per-customer figures, as typed arrays (null entries where a figure is undefined). */
export interface CustomerPredictions {
  pAlive: Float64Array;
  expectedPurchases: Float64Array;
  /** NaN where undefined (no spend model, or the spend model has no mean there) */
  expectedSpend: Float64Array;
  clv: Float64Array;
}

/**
 * Computes the predictions for every customer of `rows` with fitted parameters; `indexed` is
 * `indexPatterns(rows)` when the caller has it already (the fit needed it).
 */
export function predictCustomers(
  rows: CustomerRows,
  kit: (typeof PURCHASE_KITS)[keyof typeof PURCHASE_KITS],
  params: Params,
  spendParams: GammaGammaParams | null,
  horizon: { months: number; unitsPerYear: number; discountRate: number },
  indexed: ReturnType<typeof indexPatterns> = indexPatterns(rows),
): CustomerPredictions {
  const { patterns, index } = indexed;
  const m = patterns.x.length;
  const clvHorizon = {
    timeUnitsPerYear: horizon.unitsPerYear,
    periodsPerYear: 12,
    periods: horizon.months,
    annualDiscountRate: horizon.discountRate,
  };
  // E[Y] at the end of every month of the horizon; the last one is the horizon itself
  const ends = clvPeriodEnds(clvHorizon);
  const discount = clvDiscountFactors(clvHorizon);
  const alive = new Float64Array(m);
  const purchases = new Float64Array(m);
  const clvPerSpend = spendParams === null ? null : new Float64Array(m);
  // E[Y | alive] depends on (x, T) only: computed once per distinct (x, T), a few thousand for a million
  // customers, and scaled by each pattern's P(alive)
  const { ifAliveMany } = kit;
  const groups =
    ifAliveMany === undefined ? null : indexSummaryPatterns(patterns.x, new Float64Array(m), patterns.T);
  const ifAlive =
    groups === null || ifAliveMany === undefined
      ? null
      : Array.from(groups.patterns.x, (x, g) => ifAliveMany(params, ends, x, groups.patterns.T[g] as number));
  const cumulative = new Float64Array(ends.length);
  for (let j = 0; j < m; j++) {
    const x = patterns.x[j] as number;
    const tx = patterns.tx[j] as number;
    const T = patterns.T[j] as number;
    alive[j] = kit.pAlive(params, x, tx, T);
    if (ifAlive !== null && groups !== null) {
      const perAlive = ifAlive[groups.index[j] as number] as Float64Array;
      for (let k = 0; k < ends.length; k++) cumulative[k] = (perAlive[k] as number) * (alive[j] as number);
    } else cumulative.set(kit.conditionalMany(params, ends, x, tx, T));
    for (const value of cumulative)
      if (!Number.isFinite(value))
        assert(false, `expected purchases of pattern (${x}, ${tx}, ${T}) = ${value}`);
    purchases[j] = cumulative[cumulative.length - 1] as number;
    if (clvPerSpend !== null) clvPerSpend[j] = discountedPurchases(cumulative, discount);
  }
  const n = rows.x.length;
  const result: CustomerPredictions = {
    pAlive: new Float64Array(n),
    expectedPurchases: new Float64Array(n),
    expectedSpend: new Float64Array(n).fill(Number.NaN),
    clv: new Float64Array(n).fill(Number.NaN),
  };
  for (let i = 0; i < n; i++) {
    const j = index[i] as number;
    result.pAlive[i] = alive[j] as number;
    result.expectedPurchases[i] = purchases[j] as number;
    if (spendParams === null || clvPerSpend === null || rows.monetary === null) continue;
    const spend = conditionalExpectedSpendGammaGamma(
      spendParams,
      rows.x[i] as number,
      rows.monetary[i] as number,
    );
    if (spend === null) continue;
    result.expectedSpend[i] = spend;
    result.clv[i] = (clvPerSpend[j] as number) * spend;
  }
  return result;
}

/**
 * Fits and predicts for every customer of the data `input` names, writing the CSV file `input.out`.
 * @throws CvmError `invalid-input` when there is nothing to fit; `data-source` when the file cannot be written
 */
export async function predict(input: PredictInput, unit?: StoreUnit): Promise<PredictReport> {
  const { model } = input;
  if (model === 'bgbb') throw new CvmError('invalid-input', msg('model.bgbb-predict-summary'));
  const { basis, customers, kit, purchaseFit, spendFit, spendParams, predictions, notes, perYear } =
    await fitAndPredict({ ...input, model }, unit);
  await writeCsvColumns(input.out, [
    { name: 'customer_id', values: customers.customerIds },
    { name: 'x', values: customers.x },
    { name: 't_x', values: customers.tx },
    { name: 'T', values: customers.T },
    ...(customers.monetary === null ? [] : [{ name: 'monetary', values: customers.monetary, decimals: 2 }]),
    { name: 'p_alive', values: predictions.pAlive },
    { name: 'expected_purchases', values: predictions.expectedPurchases },
    { name: 'expected_spend', values: predictions.expectedSpend, decimals: 2 },
    { name: 'clv', values: predictions.clv, decimals: 2 },
  ]);
  // a row of a summary file may stand for several customers (its weight)
  const weightOf = (i: number): number => (customers.weight ? (customers.weight[i] as number) : 1);
  const sum = (values: Float64Array): number => values.reduce((s, v, i) => s + v * weightOf(i), 0);
  const clvTotal =
    spendParams === null
      ? null
      : predictions.clv.reduce((s, v, i) => (Number.isFinite(v) ? s + v * weightOf(i) : s), 0);
  return {
    out: input.out,
    customers: customers.customerIds.reduce((n, _, i) => n + weightOf(i), 0),
    timeUnit: basis.timeUnit,
    calibrationEnd: basis.calibrationEnd,
    source: basis.source,
    horizonMonths: input.horizonMonths,
    horizon: (input.horizonMonths / 12) * perYear,
    discountRate: input.discountRate,
    purchaseFit: fitReport(input.model, kit.name, basis, purchaseFit),
    spendFit: spendFit === null ? null : fitReport('gammagamma', 'Gamma-Gamma', basis, spendFit),
    totals: {
      alive: sum(predictions.pAlive),
      expectedPurchases: sum(predictions.expectedPurchases),
      clv: clvTotal,
    },
    notes,
  };
}

/** Everything `predict` computes before writing the file: the data, both fits and every customer's figures. */
export interface FittedPredictions {
  basis: DataBasis;
  customers: CustomerRows;
  kit: PurchaseModelKit;
  purchaseFit: ModelFit<Params>;
  spendFit: ModelFit<Params> | null;
  spendParams: GammaGammaParams | null;
  predictions: CustomerPredictions;
  notes: Message[];
  /** model time units per year */
  perYear: number;
}

/**
 * Loads the data, fits the purchase model and (with spend) Gamma-Gamma, and predicts every customer.
 * @throws CvmError `invalid-input` when there is nothing to fit
 */
export async function fitAndPredict(
  input: Omit<PredictInput, 'out' | 'model'> & { model: PurchaseModel },
  unit?: StoreUnit,
): Promise<FittedPredictions> {
  const { basis, customers } = await loadCustomers(input, unit);
  return fitAndPredictRows(basis, customers, input);
}

/**
 * `fitAndPredict` on rows loaded already: fits the purchase model and (with spend) Gamma-Gamma on
 * `customers` and predicts every one of them. The tier reports' predicted-CLV basis calls it per window.
 * @throws CvmError `invalid-input` when there is nothing to fit
 */
export function fitAndPredictRows(
  basis: DataBasis,
  customers: CustomerRows,
  input: Pick<PredictInput, 'horizonMonths' | 'discountRate'> & { model: PurchaseModel },
): FittedPredictions {
  const kit = PURCHASE_KITS[input.model];
  const notes: Message[] = [];
  const indexed = indexPatterns(customers);
  const purchaseFit = kit.fit(indexed.patterns);
  if (purchaseFit === null)
    throw new CvmError(
      'invalid-input',
      msg('model.nobody-to-fit', { model: kit.name, source: basis.source }),
    );
  if (!purchaseFit.converged)
    notes.push(msg('model.not-converged', { model: kit.name, detail: purchaseFit.message }));
  let spendFit = null;
  if (customers.monetary === null) notes.push(msg('model.no-monetary', { source: basis.source }));
  else {
    spendFit = fitSpend(customers, basis.source);
    if (spendFit === null) notes.push(msg('model.no-repeat-spend'));
    else if (!spendFit.converged)
      notes.push(msg('model.not-converged', { model: 'Gamma-Gamma', detail: spendFit.message }));
  }
  const spendParams = spendFit === null ? null : (spendFit.params as unknown as GammaGammaParams);
  if (spendParams !== null && !(spendParams.q > 1))
    notes.push(msg('model.gamma-gamma-q', { q: spendParams.q }));
  const perYear = unitsPerYear(basis.timeUnit);
  const predictions = predictCustomers(
    customers,
    kit,
    purchaseFit.params,
    spendParams,
    { months: input.horizonMonths, unitsPerYear: perYear, discountRate: input.discountRate },
    indexed,
  );
  return { basis, customers, kit, purchaseFit, spendFit, spendParams, predictions, notes, perYear };
}
