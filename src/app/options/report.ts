/**
 * The options of the value reports (`asOf`, `window`, `tiers`, `value` and the report-specific ones), as
 * one schema per option set. Raw input is what users type on the command line or in a query string;
 * the output is the typed input of the use cases in `../reports/`.
 */
import { z } from 'zod';
import { parseIsoDay, type IsoDay } from '../../core/dates';
import { CvmError } from '../../core/errors';
import {
  MAX_WINDOW_MONTHS,
  type ActivityBasis,
  type ValueBasis,
  type ValueMeasure,
  type WindowMonths,
} from '../../core/kpi/basis';
import type { CohortUnit } from '../../core/kpi/cohorts';
import { DECILE_TIERS, DEFAULT_TIERS, PPM, percentText, type Tier } from '../../core/kpi/tiers';
import { invalidOption } from '../../core/errors';
import type { TimeUnit } from '../../core/models/time-unit';
import { fail, field, finiteNumber, oneOf, optionalField, wholeNumber, type Parsed } from './parse';
import { msg } from '../../core/messages/catalogue';

/** An ISO day. */
export function isoDay(text: string): Parsed<IsoDay> {
  try {
    return { ok: parseIsoDay(text) };
  } catch (error) {
    if (error instanceof CvmError) return fail(text, 'a date', 'YYYY-MM-DD');
    throw error;
  }
}

/** A window length in whole months, 1 to 120. */
export function windowMonths(text: string): Parsed<WindowMonths> {
  const months = Number(text);
  return /^\d+$/.test(text) && months >= 1 && months <= MAX_WINDOW_MONTHS
    ? { ok: months }
    : fail(text, 'a window length', `whole months from 1 to ${MAX_WINDOW_MONTHS}, e.g. 12, 6, 3 or 1`);
}

const PERCENT = /^\d+(\.\d{1,4})?$/;

/**
 * Tiers: "deciles", or comma-separated shares in percent, each optionally named ("Super:5"). Unnamed
 * shares equal to the default cut get the default names; other unnamed tiers are "Tier 1 10%" ….
 * Shares must be positive with at most 4 decimals and sum to exactly 100.
 */
export function tierSpec(spec: string): Parsed<Tier[]> {
  const expected =
    'shares in percent that sum to 100, optionally named (Super:5,Top:15,Middle:50,Bottom:30), or deciles';
  if (spec.toLowerCase() === 'deciles') return { ok: [...DECILE_TIERS] };
  const parts: { name: string | undefined; sharePpm: number }[] = [];
  for (const part of spec.split(',')) {
    const colon = part.lastIndexOf(':');
    const name = colon >= 0 ? part.slice(0, colon).trim() : undefined;
    const share = (colon >= 0 ? part.slice(colon + 1) : part).trim();
    if (!PERCENT.test(share) || Number(share) <= 0)
      return {
        expected,
        detail: msg('tiers.not-a-share', { share, spec }),
      };
    if (name === '') return { expected, detail: msg('tiers.empty-name', { spec }) };
    parts.push({ name, sharePpm: Math.round(Number(share) * 10_000) });
  }
  const total = parts.reduce((s, p) => s + p.sharePpm, 0);
  if (total !== PPM)
    return {
      expected,
      detail: msg('tiers.sum', { spec, total: Number(percentText(total)) }),
    };
  const isDefault =
    parts.length === DEFAULT_TIERS.length && parts.every((p, i) => p.sharePpm === DEFAULT_TIERS[i]?.sharePpm);
  const tiers = parts.map((p, i) => ({
    name: p.name ?? (isDefault ? DEFAULT_TIERS[i]!.name : `Tier ${i + 1} ${percentText(p.sharePpm)}%`),
    sharePpm: p.sharePpm,
  }));
  if (new Set(tiers.map((t) => t.name)).size !== tiers.length)
    return { expected, detail: msg('tiers.not-unique', { spec }) };
  // Flows name their sources and targets by tier name or one of these words.
  const reserved = tiers.find((t) => ['new', 'wonBack', 'lost'].includes(t.name));
  if (reserved)
    return {
      expected,
      detail: msg('tiers.reserved', { name: reserved.name }),
    };
  return { ok: tiers };
}

const valueMeasure = oneOf<ValueMeasure>(['revenue', 'margin'], 'a value measure');

/** The options every value report takes. */
export const reportOptionsSchema = z.object({
  asOf: optionalField(isoDay),
  today: optionalField(isoDay),
  window: field(windowMonths, 12),
  tiers: field(tierSpec, [...DEFAULT_TIERS]),
  value: field(valueMeasure, 'revenue'),
  basis: optionalField(oneOf<ActivityBasis>(['orders', 'contracts'], 'an activity basis')),
});

/** What the value reports are computed with; `asOf` absent = the default as-of day of the store. */
export interface ReportInput {
  asOf?: IsoDay | undefined;
  /** today, as the face's clock says; rows dated later do not move the default as-of day */
  today?: IsoDay | undefined;
  windowMonths: WindowMonths;
  tiers: Tier[];
  value: ValueMeasure;
  /** orders or contracts; absent = contracts when the store holds contracts and no orders, else orders */
  basis?: ActivityBasis | undefined;
  /**
   * present when customers rank by predicted CLV (`value` = clv); `value` is then revenue, the measure of
   * the reports' revenue columns
   */
  clv?: ClvBasis | undefined;
}

/**
 * Predicted CLV as the value basis (docs/metrics.md, "Predicted CLV as the value basis"): BG/NBD for the
 * purchases and Gamma-Gamma for the spend, fitted as of each window's end, over a horizon, discounted.
 */
export interface ClvBasis {
  model: 'bgnbd';
  /** months ahead the CLV covers */
  horizonMonths: number;
  /** yearly, as a fraction */
  discountRate: number;
  timeUnit: TimeUnit;
}

/** The defaults of `--value clv`: those of `model predict` (12 months, 10 % a year, weeks). */
export const DEFAULT_CLV_BASIS: ClvBasis = {
  model: 'bgnbd',
  horizonMonths: 12,
  discountRate: 0.1,
  timeUnit: 'week',
};

function toReportInput(o: z.output<typeof reportOptionsSchema>): ReportInput {
  return {
    asOf: o.asOf,
    today: o.today,
    windowMonths: o.window,
    tiers: o.tiers,
    value: o.value,
    ...(o.basis === undefined ? {} : { basis: o.basis }),
  };
}

/**
 * The options of the order reports that can rank by predicted CLV: `value` also takes clv, with the CLV's
 * horizon in months and yearly discount rate in percent (options of clv only).
 */
const valueReportOptionsSchema = reportOptionsSchema.extend({
  value: field(oneOf<ValueBasis>(['revenue', 'margin', 'clv'], 'a value basis'), 'revenue'),
  horizon: optionalField(wholeNumber(1, 1200)),
  discountRate: optionalField(finiteNumber(0)),
});

function toValueReportInput(o: z.output<typeof valueReportOptionsSchema>): ReportInput {
  const { horizon, discountRate, value, ...rest } = o;
  if (value !== 'clv') {
    if (horizon !== undefined)
      throw invalidOption('horizon', horizon, 'an option of value clv', msg('option.clv-only'));
    if (discountRate !== undefined)
      throw invalidOption('discountRate', discountRate, 'an option of value clv', msg('option.clv-only'));
    return toReportInput({ ...rest, value });
  }
  return {
    ...toReportInput({ ...rest, value: 'revenue' }),
    clv: {
      ...DEFAULT_CLV_BASIS,
      ...(horizon === undefined ? {} : { horizonMonths: horizon }),
      ...(discountRate === undefined ? {} : { discountRate: discountRate / 100 }),
    },
  };
}

/** `report portfolio` and `report flows`. */
export const portfolioInput = valueReportOptionsSchema.transform(toValueReportInput);

/** `report concentration`: deciles by default. */
export const concentrationInput = valueReportOptionsSchema
  .extend({ tiers: field(tierSpec, [...DECILE_TIERS]) })
  .transform(toValueReportInput);

export interface LoyaltyDepthInput extends ReportInput {
  /** the per-customer list: how many of the most valuable, null = all, 0 = none */
  customers: number | null;
}

/** A count of customers, or `all`. */
function customerCount(text: string): Parsed<number | null> {
  if (text.toLowerCase() === 'all') return { ok: null };
  const n = wholeNumber(0)(text);
  return 'ok' in n ? n : fail(text, 'a whole number ≥ 0 or all');
}

/** `report loyalty-depth`: the value-report options and the per-customer list. */
export const loyaltyDepthInput = reportOptionsSchema
  .extend({ customers: field(customerCount, 0) })
  .transform((o): LoyaltyDepthInput => ({ ...toReportInput(o), customers: o.customers }));

export interface RetentionInput extends ReportInput {
  /** months between trend points */
  stepMonths: number;
  /** years the trend reaches back */
  years: number;
}

export const retentionInput = reportOptionsSchema
  .extend({ step: field(wholeNumber(1), 3), years: field(wholeNumber(1), 3) })
  .transform((o): RetentionInput => ({ ...toReportInput(o), stepMonths: o.step, years: o.years }));

export interface CohortInput {
  asOf?: IsoDay | undefined;
  today?: IsoDay | undefined;
  /** period length in months */
  windowMonths: WindowMonths;
  cohort: CohortUnit;
  /** years of cohorts back from the as-of day */
  years: number;
  /** orders or contracts; absent = contracts when the store holds contracts and no orders, else orders */
  basis?: ActivityBasis | undefined;
}

export const cohortInput = z
  .object({
    asOf: optionalField(isoDay),
    today: optionalField(isoDay),
    // quarterly periods by default: with a few years of history, 12-month periods leave two columns
    window: field(windowMonths, 3),
    cohort: field(oneOf<CohortUnit>(['month', 'quarter', 'year'], 'a cohort unit'), 'quarter'),
    years: field(wholeNumber(1), 3),
    basis: optionalField(oneOf<ActivityBasis>(['orders', 'contracts'], 'an activity basis')),
  })
  .transform((o): CohortInput => ({
    asOf: o.asOf,
    today: o.today,
    windowMonths: o.window,
    cohort: o.cohort,
    years: o.years,
    ...(o.basis === undefined ? {} : { basis: o.basis }),
  }));

/** `report programme`: the value-report options (orders only). */
export const programmeInput = reportOptionsSchema.transform(toReportInput);
