/**
 * `model fit`: one model fitted by maximum likelihood on a summary file or the store's summary, with its
 * parameters, standard errors and fit statistics (docs/metrics.md, "Probabilistic CLV models").
 */
import type { IsoDay } from '../../core/dates';
import { CvmError } from '../../core/errors';
import { fitBgBb, type BgBbParams, type BgBbPattern } from '../../core/models/bg-bb';
import { fitGammaGamma, spendSummaryColumns } from '../../core/models/gamma-gamma';
import type { ModelFit } from '../../core/models/summary';
import type { TimeUnit } from '../../core/models/time-unit';
import type { StoreUnit } from '../../data/store';
import type { FitModel, ModelSource } from '../options/models';
import { loadCustomers, loadPatterns, type CustomerRows, type DataBasis } from './data';
import { PURCHASE_KITS, type Params } from './registry';
import { msg } from '../../core/messages/catalogue';

/** A fitted model as reports and JSON show it; every number finite. */
export interface FitReport {
  model: FitModel;
  /** the paper's name, e.g. "BG/NBD" */
  name: string;
  /** the unit of the purchase models' alpha, beta and of t_x, T; the Gamma-Gamma γ is in currency units */
  timeUnit: TimeUnit;
  /** the summary file's name, or "store" */
  source: string;
  calibrationEnd: IsoDay | null;
  params: Params;
  standardErrors: Record<string, number | null>;
  logLikelihood: number;
  aic: number;
  bic: number;
  converged: boolean;
  iterations: number;
  /** customers fitted (Gamma-Gamma: those with a repeat purchase and a positive mean spend) */
  customers: number;
  message: string;
}

/** A core fit as a report on `basis`. */
export function fitReport(model: FitModel, name: string, basis: DataBasis, fit: ModelFit<Params>): FitReport {
  return {
    model,
    name,
    timeUnit: basis.timeUnit,
    source: basis.source,
    calibrationEnd: basis.calibrationEnd,
    params: fit.params,
    standardErrors: fit.standardErrors,
    logLikelihood: fit.logLikelihood,
    aic: fit.aic,
    bic: fit.bic,
    converged: fit.converged,
    iterations: fit.iterations,
    customers: fit.customers,
    message: fit.message,
  };
}

/** Fits Gamma-Gamma on the customers with x ≥ 1 and a positive mean spend; null when there are none. */
export function fitSpend(customers: CustomerRows, source: string): ModelFit<Params> | null {
  const { x, monetary, weight } = customers;
  if (monetary === null) throw new CvmError('invalid-input', msg('model.gg-no-monetary', { source }));
  return fitGammaGamma(spendSummaryColumns(x, monetary, weight)) as ModelFit<Params> | null;
}

/**
 * Fits `model` on the data `source` names; `unit` is needed only for the store. sBG has its own use case
 * and report (`fitSbg` in sbg.ts).
 * @throws CvmError `invalid-input` when there is nothing to fit (no customers, no repeat buyers with spend)
 */
export async function fitModel(
  model: Exclude<FitModel, 'sbg'>,
  source: ModelSource,
  unit?: StoreUnit,
): Promise<FitReport> {
  if (model === 'gammagamma') {
    const { basis, customers } = await loadCustomers(source, unit);
    const fit = fitSpend(customers, basis.source);
    if (fit === null) throw new CvmError('invalid-input', msg('model.gg-nobody', { source: basis.source }));
    return fitReport(model, 'Gamma-Gamma', basis, fit);
  }
  if (model === 'bgbb') return fitBgBbFile(source);
  const kit = PURCHASE_KITS[model];
  const { basis, patterns } = await loadPatterns(source, unit);
  const fit = kit.fit(patterns);
  if (fit === null)
    throw new CvmError(
      'invalid-input',
      msg('model.nobody-to-fit', { model: kit.name, source: basis.source }),
    );
  return fitReport(model, kit.name, basis, fit);
}

/**
 * BG/BB on a summary file of discrete opportunities: x transactions, t_x the opportunity of the last one,
 * n (or periods) opportunities, optional weight; times are counted in opportunities.
 */
async function fitBgBbFile(source: ModelSource): Promise<FitReport> {
  const { basis, fit } = await loadAndFitBgBb(source);
  return fitReport('bgbb', 'BG/BB', basis, fit as unknown as ModelFit<Params>);
}

/**
 * A BG/BB summary file read and fitted: its rows as patterns (with the ids) and the fit.
 * @throws CvmError `invalid-input` without a file, without an n column, or when nobody transacted
 */
export async function loadAndFitBgBb(source: ModelSource): Promise<{
  basis: DataBasis;
  ids: string[];
  patterns: BgBbPattern[];
  fit: ModelFit<BgBbParams>;
}> {
  if (source.summary === undefined) throw new CvmError('invalid-input', msg('model.bgbb-fit-summary'));
  const { basis, customers } = await loadCustomers(source);
  const { x, tx, n, weight } = customers as CustomerRows & { n?: Float64Array | null };
  if (!n) throw new CvmError('invalid-input', msg('model.bgbb-no-n', { source: basis.source }));
  const patterns = Array.from(x, (xi, i) => ({
    x: xi,
    tx: tx[i] as number,
    n: n[i] as number,
    weight: weight ? (weight[i] as number) : 1,
  }));
  const fit = fitBgBb(patterns);
  if (fit === null) throw new CvmError('invalid-input', msg('model.bgbb-nobody', { source: basis.source }));
  return { basis, ids: customers.customerIds, patterns, fit };
}
