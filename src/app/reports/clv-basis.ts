/**
 * Predicted CLV as the value basis of the tier reports (`--value clv`; docs/metrics.md, "Predicted CLV as
 * the value basis"). For each window the report ranks, the store summarises every customer's purchases up
 * to the window's end; BG/NBD (purchases) and Gamma-Gamma (spend per purchase) are fitted on that summary
 * with the model use cases (`fitAndPredictRows`), and each customer's CLV over the horizon, discounted, is
 * staged in the store (`AnalyticsPort.stageValues`) for the tier SQL to rank by. A fit that does not
 * converge, or too little history to fit, is refused: a tier cut on an unconverged fit would look like any
 * other.
 */
import type { IsoDay } from '../../core/dates';
import { invalidOption } from '../../core/errors';
import { msg, type Message } from '../../core/messages/catalogue';
import type { AnalyticsPort, StagedValues } from '../../data/analytics/types';
import type { ModelsPort } from '../../data/models/types';
import { fitReport, type FitReport } from '../models/fit';
import { fitAndPredictRows } from '../models/predict';
import type { ClvBasis } from '../options/report';

/**
 * Fewest customers with a repeat purchase (and a positive mean spend) by a window's end that the fits
 * need: Gamma-Gamma has three parameters, BG/NBD four, and a handful of repeat buyers cannot tell them apart.
 */
export const MIN_REPEAT_BUYERS = 10;

/** The fits behind one window's values, as the report JSON shows them. */
export interface ClvWindowFit {
  /** the window whose tiers the values cut */
  window: 'previous' | 'current';
  /** the calibration end: the window's last day */
  asOf: IsoDay;
  /** customers with a purchase by `asOf`, each with a predicted CLV */
  customers: number;
  /** null when nobody had bought by `asOf` (nobody to rank in that window, nothing to fit) */
  purchase: FitReport | null;
  spend: FitReport | null;
  /** the sum of the customers' predicted CLVs */
  total: number;
}

/** How the report's values were predicted. */
export interface ClvBasisJson extends ClvBasis {
  fits: ClvWindowFit[];
}

/** A value for the option problem `value` = clv. */
function refuse(detail: Message): never {
  throw invalidOption('value', 'clv', 'revenue or margin, or clv on data a model can be fitted to', detail);
}

/**
 * Every customer's predicted CLV as of `asOf`, staged in the store. The caller drops the table.
 * @throws CvmError `invalid-input` (option `value`) with too little history, a fit that does not
 *   converge, or an undefined CLV
 */
async function stageWindow(
  analytics: AnalyticsPort,
  models: ModelsPort,
  clv: ClvBasis,
  window: ClvWindowFit['window'],
  asOf: IsoDay,
): Promise<{ staged: StagedValues; fit: ClvWindowFit }> {
  const rows = await models.customerSummaries({ calibrationEnd: asOf, timeUnit: clv.timeUnit });
  const n = rows.customerIds.length;
  if (n === 0) {
    const staged = await analytics.stageValues({ customerIds: [], values: new Float64Array(0) });
    return { staged, fit: { window, asOf, customers: 0, purchase: null, spend: null, total: 0 } };
  }
  let repeat = 0;
  for (let i = 0; i < n; i++) if ((rows.x[i] as number) >= 1 && (rows.monetary[i] as number) > 0) repeat += 1;
  if (repeat < MIN_REPEAT_BUYERS)
    refuse(msg('clv.too-little-history', { asOf, window, customers: n, repeat, needed: MIN_REPEAT_BUYERS }));
  const basis = { source: 'store', calibrationEnd: asOf, timeUnit: clv.timeUnit };
  const fitted = fitAndPredictRows(basis, rows, {
    model: clv.model,
    horizonMonths: clv.horizonMonths,
    discountRate: clv.discountRate,
  });
  const { kit, purchaseFit, spendFit, predictions } = fitted;
  if (!purchaseFit.converged)
    refuse(msg('clv.not-converged', { model: kit.name, asOf, detail: purchaseFit.message }));
  if (spendFit === null) refuse(msg('clv.no-spend', { asOf }));
  if (!spendFit.converged)
    refuse(msg('clv.not-converged', { model: 'Gamma-Gamma', asOf, detail: spendFit.message }));
  const q = fitted.spendParams?.q ?? Number.NaN;
  if (!(q > 1)) refuse(msg('clv.q', { asOf, q }));
  let total = 0;
  for (let i = 0; i < n; i++) {
    const v = predictions.clv[i] as number;
    if (!Number.isFinite(v)) refuse(msg('clv.undefined', { customerId: rows.customerIds[i] ?? '', asOf }));
    total += v;
  }
  const staged = await analytics.stageValues({ customerIds: rows.customerIds, values: predictions.clv });
  return {
    staged,
    fit: {
      window,
      asOf,
      customers: n,
      purchase: fitReport(clv.model, kit.name, basis, purchaseFit),
      spend: fitReport('gammagamma', 'Gamma-Gamma', basis, spendFit),
      total,
    },
  };
}

/**
 * Runs `work` with every customer's predicted CLV as of each of `windows`' ends staged in the store
 * (in the order given), and drops the tables afterwards, whatever happens.
 */
export async function withClvValues<T>(
  analytics: AnalyticsPort,
  models: ModelsPort | undefined,
  clv: ClvBasis,
  windows: readonly { window: ClvWindowFit['window']; asOf: IsoDay }[],
  work: (staged: StagedValues[], basis: ClvBasisJson) => Promise<T>,
): Promise<T> {
  if (models === undefined) throw new Error('internal error: value clv needs the models port');
  const staged: StagedValues[] = [];
  const fits: ClvWindowFit[] = [];
  try {
    for (const w of windows) {
      const one = await stageWindow(analytics, models, clv, w.window, w.asOf);
      staged.push(one.staged);
      fits.push(one.fit);
    }
    return await work(staged, { ...clv, fits });
  } finally {
    for (const s of staged) await analytics.dropValues(s);
  }
}

/** The notes of a report ranked by predicted CLV: what the values are, and each window's fits. */
export function clvNotes(basis: ClvBasisJson): Message[] {
  return [
    msg('clv-basis.values', {
      horizonMonths: basis.horizonMonths,
      discountRate: basis.discountRate,
      timeUnit: basis.timeUnit,
    }),
    ...basis.fits.flatMap((f) => {
      if (f.purchase === null || f.spend === null) return [];
      const param = (fit: FitReport, name: string): number => {
        const v = fit.params[name];
        if (v === undefined) throw new Error(`internal error: ${fit.name} has no parameter ${name}`);
        return v;
      };
      return msg('clv-basis.fit', {
        previousWindow: f.window === 'previous',
        asOf: f.asOf,
        customers: f.purchase.customers,
        r: param(f.purchase, 'r'),
        alpha: param(f.purchase, 'alpha'),
        a: param(f.purchase, 'a'),
        b: param(f.purchase, 'b'),
        iterations: f.purchase.iterations,
        spendCustomers: f.spend.customers,
        p: param(f.spend, 'p'),
        q: param(f.spend, 'q'),
        gamma: param(f.spend, 'gamma'),
        spendIterations: f.spend.iterations,
      });
    }),
  ];
}
