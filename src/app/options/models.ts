/**
 * The options of the probabilistic CLV use cases (`model fit|predict|validate`). Data come either from the
 * store (a calibration end, default the latest order date, and a time unit) or from a summary file whose
 * values are in the time unit stated.
 */
import { z } from 'zod';
import type { IsoDay } from '../../core/dates';
import { invalidOption } from '../../core/errors';
import { TIME_UNITS, type TimeUnit } from '../../core/models/time-unit';
import {
  fail,
  field,
  finiteNumber,
  oneOf,
  optionalField,
  requiredField,
  wholeNumber,
  type Parsed,
} from './parse';
import { isoDay } from './report';
import { msg } from '../../core/messages/catalogue';

export const PURCHASE_MODELS = ['bgnbd', 'mbgnbd', 'paretonbd'] as const;
export const FIT_MODELS = [...PURCHASE_MODELS, 'gammagamma', 'bgbb', 'sbg'] as const;

/** A purchase model: BG/NBD, MBG/NBD or Pareto/NBD. */
export type PurchaseModel = (typeof PURCHASE_MODELS)[number];
/**
 * A model `fit` accepts: the purchase models, the Gamma-Gamma spend model, and BG/BB and sBG (from files
 * only).
 */
export type FitModel = (typeof FIT_MODELS)[number];

/** Where a model's data come from. */
export interface ModelSource {
  /** a summary file (values in `timeUnit`); absent: the store */
  summary?: string | undefined;
  /** the store's calibration end; absent: the latest order date */
  calibrationEnd?: IsoDay | undefined;
  timeUnit: TimeUnit;
}

const timeUnit = oneOf<TimeUnit>(TIME_UNITS, 'a time unit');

function filePath(text: string): Parsed<string> {
  return text === '' ? fail(text, 'a file name') : { ok: text };
}

const sourceFields = {
  summary: optionalField(filePath),
  calibrationEnd: optionalField(isoDay),
  timeUnit: field(timeUnit, 'week'),
};

/** `model fit <model>`; `periods` and `discountRate` (per period, as a fraction) apply to sBG only. */
export type FitInput = ModelSource & {
  model: FitModel;
  periods?: number | undefined;
  discountRate?: number | undefined;
};

export const fitInput = z
  .object({
    model: requiredField(oneOf<FitModel>(FIT_MODELS, 'a model'), 'a model'),
    ...sourceFields,
    periods: optionalField(wholeNumber(1, 1000)),
    discountRate: optionalField(finiteNumber(0)),
  })
  .transform((o): FitInput => {
    if (o.model !== 'sbg') {
      if (o.periods !== undefined)
        throw invalidOption('periods', o.periods, 'an option of sbg', msg('option.sbg-only'));
      if (o.discountRate !== undefined)
        throw invalidOption('discountRate', o.discountRate, 'an option of sbg', msg('option.fit-sbg-only'));
    }
    return { ...o, discountRate: o.discountRate === undefined ? undefined : o.discountRate / 100 };
  });

/** `model predict`: purchase model, horizon in months, yearly discount rate in percent, output file. */
export interface PredictInput extends ModelSource {
  /** a purchase model, or BG/BB on a summary file of discrete opportunities (then the horizon counts them) */
  model: PurchaseModel | 'bgbb';
  /** the CSV file the per-customer predictions are written to */
  out: string;
  /** months ahead over which purchases and CLV are forecast */
  horizonMonths: number;
  /** yearly discount rate as a fraction (10 % = 0.1) */
  discountRate: number;
}

export const predictInput = z
  .object({
    model: field(oneOf<PurchaseModel | 'bgbb'>([...PURCHASE_MODELS, 'bgbb'], 'a purchase model'), 'bgnbd'),
    out: requiredField(filePath, 'a file name for the predictions (CSV)'),
    horizon: field(wholeNumber(1, 1200), 12),
    discountRate: field(finiteNumber(0), 10),
    ...sourceFields,
  })
  .transform((o): PredictInput => ({
    model: o.model,
    out: o.out,
    horizonMonths: o.horizon,
    discountRate: o.discountRate / 100,
    summary: o.summary,
    calibrationEnd: o.calibrationEnd,
    timeUnit: o.timeUnit,
  }));

/**
 * `model at-risk`: as `model predict` without the file, plus the thresholds: P(alive) at most `maxPAlive`
 * (a fraction; the option is in percent), value if alive in the top `topPercent` %, at most `limit` rows.
 */
export interface AtRiskInput extends Omit<PredictInput, 'out' | 'model'> {
  model: PurchaseModel;
  maxPAlive: number;
  topPercent: number;
  limit: number;
}

export const atRiskInput = z
  .object({
    model: field(oneOf<PurchaseModel>(PURCHASE_MODELS, 'a purchase model'), 'bgnbd'),
    horizon: field(wholeNumber(1, 1200), 12),
    discountRate: field(finiteNumber(0), 10),
    maxPAlive: field(percentage, 50),
    topPercent: field(percentage, 20),
    limit: field(wholeNumber(1, 1_000_000), 100),
    ...sourceFields,
  })
  .transform((o): AtRiskInput => ({
    model: o.model,
    horizonMonths: o.horizon,
    discountRate: o.discountRate / 100,
    maxPAlive: o.maxPAlive / 100,
    topPercent: o.topPercent,
    limit: o.limit,
    summary: o.summary,
    calibrationEnd: o.calibrationEnd,
    timeUnit: o.timeUnit,
  }));

/** A percentage from 0 to 100. */
function percentage(text: string): Parsed<number> {
  const v = text.trim() === '' ? NaN : Number(text);
  return Number.isFinite(v) && v >= 0 && v <= 100 ? { ok: v } : fail(text, 'a percentage from 0 to 100');
}

/** `model validate`: a purchase model fitted up to the calibration end, checked up to the holdout end. */
export interface ValidateInput {
  model: PurchaseModel;
  calibrationEnd: IsoDay;
  holdoutEnd: IsoDay;
  timeUnit: TimeUnit;
}

/**
 * `model validate --model bgbb`: BG/BB fitted on a summary file of discrete opportunities whose `holdout`
 * column holds each row's transactions over the next `holdoutOpportunities` opportunities.
 */
export interface BgBbValidateInput {
  model: 'bgbb';
  summary: string;
  holdoutOpportunities: number;
}

export const validateInput = z
  .object({
    model: field(oneOf<PurchaseModel | 'bgbb'>([...PURCHASE_MODELS, 'bgbb'], 'a purchase model'), 'bgnbd'),
    calibrationEnd: optionalField(isoDay),
    holdoutEnd: optionalField(isoDay),
    timeUnit: field(timeUnit, 'week'),
    summary: optionalField(filePath),
    holdoutOpportunities: optionalField(wholeNumber(1, 1000)),
  })
  .transform((o): ValidateInput | BgBbValidateInput => {
    if (o.model === 'bgbb') {
      for (const name of ['calibrationEnd', 'holdoutEnd'] as const)
        if (o[name] !== undefined)
          throw invalidOption(name, o[name], 'no date with bgbb', msg('option.bgbb-no-dates'));
      if (o.summary === undefined)
        throw invalidOption('summary', '', 'a summary file', msg('option.bgbb-summary-missing'));
      if (o.holdoutOpportunities === undefined)
        throw invalidOption(
          'holdoutOpportunities',
          '',
          'a whole number from 1 to 1000',
          msg('option.holdout-column-missing'),
        );
      return { model: 'bgbb', summary: o.summary, holdoutOpportunities: o.holdoutOpportunities };
    }
    if (o.summary !== undefined || o.holdoutOpportunities !== undefined)
      throw invalidOption(
        o.summary !== undefined ? 'summary' : 'holdoutOpportunities',
        o.summary ?? o.holdoutOpportunities,
        'an option of bgbb',
        msg('option.bgbb-validate-only', { model: o.model }),
      );
    for (const name of ['calibrationEnd', 'holdoutEnd'] as const)
      if (o[name] === undefined)
        throw invalidOption(
          name,
          '',
          'a date YYYY-MM-DD',
          msg('option.missing', { expected: 'a date YYYY-MM-DD' }),
        );
    return {
      model: o.model,
      calibrationEnd: o.calibrationEnd as IsoDay,
      holdoutEnd: o.holdoutEnd as IsoDay,
      timeUnit: o.timeUnit,
    };
  });

/**
 * The API's BG/BB validation (`POST /api/models/bgbb/validate`): the patterns in the body, each with its
 * holdout transactions, and the holdout opportunities.
 */
export const bgbbValidateDataInput = z
  .object({
    patterns: z
      .array(
        z.object({
          x: z.number().int().min(0),
          tx: z.number().int().min(0),
          n: z.number().int().min(0),
          weight: z.number().min(0).optional(),
          holdout: z.number().min(0),
        }),
      )
      .min(1),
    holdoutOpportunities: field(wholeNumber(1, 1000), 0),
  })
  .transform((o) => {
    if (!(o.holdoutOpportunities >= 1))
      throw invalidOption(
        'holdoutOpportunities',
        '',
        'a whole number from 1 to 1000',
        msg('option.holdout-counts-missing'),
      );
    return o;
  });

/**
 * The API's sBG fit (`POST /api/models/sbg`): the data in the body, either `surviving` (customers of one
 * cohort still subscribed after periods 0, 1, …, n) or `lifetimes` ({ periods, churned, weight? }), with the
 * curve's `periods` and the DERL `discountRate` in percent per period (default 10).
 */
export const sbgDataInput = z
  .object({
    surviving: z.array(z.number()).optional(),
    lifetimes: z
      .array(
        z.object({
          periods: z.number().int().min(0),
          churned: z.boolean(),
          weight: z.number().min(0).optional(),
        }),
      )
      .optional(),
    periods: optionalField(wholeNumber(1, 1000)),
    discountRate: field(finiteNumber(0), 10),
  })
  .transform((o) => {
    if ((o.surviving === undefined) === (o.lifetimes === undefined))
      throw invalidOption(
        'surviving',
        o.surviving ?? '',
        'survival counts or lifetimes',
        msg('option.surviving-or-lifetimes'),
      );
    const data =
      o.surviving !== undefined
        ? { source: 'request', kind: 'survival' as const, surviving: o.surviving }
        : {
            source: 'request',
            kind: 'lifetimes' as const,
            lifetimes: (o.lifetimes ?? []).map((l) => ({ ...l, weight: l.weight ?? 1 })),
          };
    return { data, periods: o.periods, discountRate: o.discountRate / 100 };
  });
