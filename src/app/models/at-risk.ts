/**
 * `model at-risk`: the customers worth most if they stay who are least likely to still be customers: a
 * purchase model and Gamma-Gamma fitted as for `model predict`, then every customer's **value if alive**, the
 * CLV over the horizon of a customer with the same history who is known to be alive (CLV / P(alive)), is
 * compared with the top `topPercent` % of all customers' values if alive; those at or above that cut with
 * P(alive) at most `maxPAlive` are at risk (docs/metrics.md, "cvm model at-risk").
 */
import { CvmError } from '../../core/errors';
import type { StoreUnit } from '../../data/store';
import type { AtRiskInput } from '../options/models';
import type { DataBasis } from './data';
import { fitReport, type FitReport } from './fit';
import { fitAndPredict } from './predict';
import { msg, type Message } from '../../core/messages/catalogue';

/** One customer at risk; money in the currency of the data over the horizon. */
export interface AtRiskCustomer {
  customerId: string;
  x: number;
  tx: number;
  T: number;
  pAlive: number;
  /** CLV if the customer is alive: CLV / P(alive) */
  valueIfAlive: number;
  /** the CLV itself, P(alive) × value if alive */
  clv: number;
  /** expected value of one purchase (Gamma-Gamma) */
  expectedSpend: number;
}

export interface AtRiskReport {
  model: AtRiskInput['model'];
  timeUnit: DataBasis['timeUnit'];
  calibrationEnd: DataBasis['calibrationEnd'];
  source: string;
  horizonMonths: number;
  /** yearly, as a fraction */
  discountRate: number;
  maxPAlive: number;
  topPercent: number;
  /** the value if alive at the top-percent cut: customers at or above it count as high value */
  valueThreshold: number;
  /** customers valued (weights of a summary file included) */
  customers: number;
  /** customers at risk (all of them, also beyond `limit`) */
  atRisk: number;
  /** Σ value if alive of the customers at risk: what is at stake */
  valueAtStake: number;
  /** Σ CLV of the customers at risk */
  clvAtRisk: number;
  /** the customers at risk by value if alive, highest first, at most `limit` */
  rows: AtRiskCustomer[];
  purchaseFit: FitReport;
  spendFit: FitReport;
  notes: Message[];
}

/**
 * Lists the customers at risk.
 * @throws CvmError `invalid-input` when there is nothing to fit or the data carry no spend
 */
export async function atRisk(input: AtRiskInput, unit?: StoreUnit): Promise<AtRiskReport> {
  const fitted = await fitAndPredict(input, unit);
  const { basis, customers, predictions, spendFit } = fitted;
  if (spendFit === null || customers.monetary === null)
    throw new CvmError('invalid-input', msg('model.at-risk-no-value', { source: basis.source }));
  const n = customers.x.length;
  const weightOf = (i: number): number => (customers.weight ? (customers.weight[i] as number) : 1);
  // value if alive, NaN where undefined (no spend mean, or P(alive) = 0 where CLV / P(alive) is 0/0)
  const value = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = predictions.pAlive[i] as number;
    const clv = predictions.clv[i] as number;
    value[i] = p > 0 && Number.isFinite(clv) ? clv / p : Number.NaN;
  }
  const valued = Array.from({ length: n }, (_, i) => i).filter((i) => Number.isFinite(value[i]));
  valued.sort((a, b) => (value[b] as number) - (value[a] as number));
  const total = valued.reduce((s, i) => s + weightOf(i), 0);
  // the smallest value among the top `topPercent` % of customers (by weight)
  let threshold = Infinity;
  let covered = 0;
  for (const i of valued) {
    if (covered >= (total * input.topPercent) / 100) break;
    covered += weightOf(i);
    threshold = value[i] as number;
  }
  const risky = valued.filter(
    (i) => (value[i] as number) >= threshold && (predictions.pAlive[i] as number) <= input.maxPAlive,
  );
  const rows = risky.slice(0, input.limit).map((i): AtRiskCustomer => ({
    customerId: customers.customerIds[i] as string,
    x: customers.x[i] as number,
    tx: customers.tx[i] as number,
    T: customers.T[i] as number,
    pAlive: predictions.pAlive[i] as number,
    valueIfAlive: value[i] as number,
    clv: predictions.clv[i] as number,
    expectedSpend: predictions.expectedSpend[i] as number,
  }));
  const notes = [...fitted.notes];
  if (valued.length < n) notes.push(msg('model.unranked', { customers: n - valued.length }));
  return {
    model: input.model,
    timeUnit: basis.timeUnit,
    calibrationEnd: basis.calibrationEnd,
    source: basis.source,
    horizonMonths: input.horizonMonths,
    discountRate: input.discountRate,
    maxPAlive: input.maxPAlive,
    topPercent: input.topPercent,
    valueThreshold: Number.isFinite(threshold) ? threshold : 0,
    customers: total,
    atRisk: risky.reduce((s, i) => s + weightOf(i), 0),
    valueAtStake: risky.reduce((s, i) => s + (value[i] as number) * weightOf(i), 0),
    clvAtRisk: risky.reduce((s, i) => s + (predictions.clv[i] as number) * weightOf(i), 0),
    rows,
    purchaseFit: fitReport(input.model, fitted.kit.name, basis, fitted.purchaseFit),
    spendFit: fitReport('gammagamma', 'Gamma-Gamma', basis, spendFit),
    notes,
  };
}
