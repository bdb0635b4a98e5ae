/**
 * `model fit sbg`: the shifted-beta-geometric retention model (Fader & Hardie 2007) fitted on a file of cohort
 * survival counts or individual lifetimes, with the projected survival and retention curve of a new cohort
 * and the discounted expected residual lifetime (DERL, Fader & Hardie 2010) after each number of renewals
 * (docs/metrics.md, "Shifted-beta-geometric (sBG) retention").
 */
import { CvmError, invalidOption } from '../../core/errors';
import { fitSbgFromLifetimes, fitSbgFromSurvival, sbgDerl, sbgSurvivalCurve } from '../../core/models/sbg';
import { readRetentionFile, type RetentionFile } from '../../data/models/retention-file';
import { msg } from '../../core/messages/catalogue';

/** One period of the curve; fractions of the cohort, DERL in payments of 1 per period. */
export interface SbgPoint {
  period: number;
  /** S(t), the model's share of a new cohort still subscribed after t periods */
  survival: number;
  /** r(t) = S(t)/S(t − 1); null for period 0 */
  retention: number | null;
  /** the file's share still subscribed after t periods (survival counts only); null where not observed */
  observed: number | null;
  /** true beyond the periods the data cover */
  projected: boolean;
  /** DERL of a customer after t renewals, valued just before the next renewal decision */
  derl: number;
}

/** An sBG fit with its curve; every number finite. */
export interface SbgReport {
  model: 'sbg';
  name: 'sBG';
  /** time is counted in the file's periods (years in the paper) */
  timeUnit: 'period';
  source: string;
  /** cohort survival counts or individual lifetimes */
  data: 'survival' | 'lifetimes';
  params: { alpha: number; beta: number };
  standardErrors: Record<'alpha' | 'beta', number | null>;
  logLikelihood: number;
  aic: number;
  bic: number;
  converged: boolean;
  iterations: number;
  customers: number;
  message: string;
  /** the last period the data cover */
  observedPeriods: number;
  /** discount rate per period used for DERL, as a fraction */
  discountRate: number;
  curve: SbgPoint[];
}

/** What `fitSbg` needs: the file, the periods to project to, and the DERL discount rate per period. */
export interface SbgInput {
  file: string;
  /** the curve runs from period 0 to this one; default: the periods observed plus 5, at least 12 */
  periods?: number | undefined;
  /** per period, as a fraction (> 0) */
  discountRate: number;
}

/**
 * Fits sBG on a retention file and projects the curve.
 * @throws CvmError `invalid-input` for a bad file (see `readRetentionFile`) or data with no finite maximum
 *   (nobody churned, or everyone in the first period)
 */
export async function fitSbg(input: SbgInput): Promise<SbgReport> {
  checkRate(input.discountRate);
  return fitSbgOn(await readRetentionFile(input.file), input);
}

/** The data of an sBG fit without a file (the API's JSON body): survival counts or lifetimes. */
export type RetentionData = RetentionFile;

function checkRate(rate: number): void {
  if (!(rate > 0))
    throw invalidOption(
      'discountRate',
      rate * 100,
      'a rate above 0',
      msg('model.derl-rate', { percent: rate * 100 }),
    );
}

/**
 * Fits sBG on survival counts or lifetimes already read (`source` names them in messages).
 * @throws CvmError `invalid-input` for counts that rise or lifetimes out of range, or data with no finite
 *   maximum
 */
export function fitSbgOn(file: RetentionData, input: Omit<SbgInput, 'file'>): SbgReport {
  checkRate(input.discountRate);
  const fit =
    file.kind === 'survival' ? fitSbgFromSurvival(file.surviving) : fitSbgFromLifetimes(file.lifetimes);
  if (fit === null) throw new CvmError('invalid-input', msg('model.sbg-no-fit', { source: file.source }));
  const observedPeriods =
    file.kind === 'survival'
      ? file.surviving.length - 1
      : file.lifetimes.reduce((m, l) => Math.max(m, l.periods), 0);
  const periods = input.periods ?? Math.max(12, observedPeriods + 5);
  const survival = sbgSurvivalCurve(fit.params, periods);
  const cohort = file.kind === 'survival' ? (file.surviving[0] as number) : null;
  const curve = survival.map((s, t): SbgPoint => ({
    period: t,
    survival: s,
    retention: t === 0 ? null : s / (survival[t - 1] as number),
    observed:
      cohort !== null && file.kind === 'survival' && t < file.surviving.length
        ? (file.surviving[t] as number) / cohort
        : null,
    projected: t > observedPeriods,
    derl: sbgDerl(fit.params, t, input.discountRate),
  }));
  return {
    model: 'sbg',
    name: 'sBG',
    timeUnit: 'period',
    source: file.source,
    data: file.kind,
    params: fit.params,
    standardErrors: fit.standardErrors,
    logLikelihood: fit.logLikelihood,
    aic: fit.aic,
    bic: fit.bic,
    converged: fit.converged,
    iterations: fit.iterations,
    customers: fit.customers,
    message: fit.message,
    observedPeriods,
    discountRate: input.discountRate,
    curve,
  };
}
