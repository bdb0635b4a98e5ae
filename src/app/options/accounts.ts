/**
 * The options of the key-account reports (`accounts report|sensitivity|backtest|scorecard`): the as-of day
 * that picks each account's latest assessment, the company's discount rate, WACC (given, or computed from
 * its components), and an edited scorecard file. Rates are fractions (0.048 = 4.8 %).
 */
import { z } from 'zod';
import type { IsoDay } from '../../core/dates';
import type { DpmAttractiveness, DpmStrength } from '../../core/accounts/dpm';
import { wacc as computeWacc } from '../../core/accounts/finance';
import { SCORECARD_FACTORS } from '../../core/kinds';
import { fail, field, finiteNumber, oneOf, optionalField, type Parsed } from './parse';
import { isoDay } from './report';

/** The paper's company discount rate (Ryals & Knox 2007, Table 1). */
export const DEFAULT_DISCOUNT_RATE = 0.12;
/** The paper's WACC. */
export const DEFAULT_WACC = 0.048;

/** A rate as a fraction from 0 up to (not including) 1. */
function rate(text: string): Parsed<number> {
  const n = Number(text.replace(',', '.'));
  if (text !== '' && Number.isFinite(n) && n >= 0 && n < 1) return { ok: n };
  return fail(text, 'a rate', 'a fraction from 0 to below 1, e.g. 0.048 for 4.8 %');
}

/** A share as a fraction from 0 to 1. */
function share(text: string): Parsed<number> {
  const n = Number(text.replace(',', '.'));
  if (text !== '' && Number.isFinite(n) && n >= 0 && n <= 1) return { ok: n };
  return fail(text, 'a share', 'a fraction from 0 to 1, e.g. 0.4 for 40 %');
}

/** A file path (any non-empty text). */
function path(text: string): Parsed<string> {
  return text === '' ? fail(text, 'a file name') : { ok: text };
}

/** How WACC was set: the paper's default, given directly, or computed from its components. */
export type WaccSource = 'default' | 'given' | 'components';

/** What every key-account report is computed with. */
export interface AccountsInput {
  /** picks each account's latest assessment; absent = the latest assessment day in the store */
  asOf?: IsoDay | undefined;
  discountRate: number;
  wacc: number;
  waccSource: WaccSource;
  /** an edited scorecard (JSON file); absent = the default scorecard */
  scorecardFile?: string | undefined;
}

const WACC_PARTS = ['costOfDebt', 'costOfEquity', 'debtShare'] as const;

/** The option fields every key-account report takes. */
const accountsFields = {
  asOf: optionalField(isoDay),
  discountRate: field(rate, DEFAULT_DISCOUNT_RATE),
  wacc: optionalField(rate),
  costOfDebt: optionalField(rate),
  costOfEquity: optionalField(rate),
  debtShare: optionalField(share),
  taxRate: optionalField(rate),
  scorecard: optionalField(path),
};

type AccountsFields = z.output<z.ZodObject<typeof accountsFields>>;

function toAccountsInput(o: AccountsFields, ctx: z.RefinementCtx): AccountsInput {
  const issue = (name: string, expected: string, detail: string): never => {
    ctx.addIssue({
      code: 'custom',
      message: detail,
      path: [name],
      params: { expected, value: o[name as keyof AccountsFields] },
    });
    return z.NEVER;
  };
  const given = [...WACC_PARTS, 'taxRate' as const].filter((k) => o[k] !== undefined);
  let wacc = o.wacc ?? DEFAULT_WACC;
  let waccSource: WaccSource = o.wacc === undefined ? 'default' : 'given';
  if (given.length > 0) {
    const expected = 'WACC or its components, not both';
    if (o.wacc !== undefined)
      return issue(
        'wacc',
        expected,
        `give either WACC or its components (${given.map((k) => `{option:${k}}`).join(', ')}), not both`,
      );
    const missing = WACC_PARTS.find((k) => o[k] === undefined);
    if (missing !== undefined)
      return issue(
        missing,
        'a fraction',
        `missing: WACC from its components needs {option:costOfDebt}, {option:costOfEquity} and {option:debtShare}`,
      );
    wacc = computeWacc({
      costOfDebt: o.costOfDebt as number,
      costOfEquity: o.costOfEquity as number,
      debtShare: o.debtShare as number,
      ...(o.taxRate === undefined ? {} : { taxRate: o.taxRate }),
    });
    waccSource = 'components';
  }
  return { asOf: o.asOf, discountRate: o.discountRate, wacc, waccSource, scorecardFile: o.scorecard };
}

/** `accounts report` and `accounts backtest`. */
export const accountsInput = z.object(accountsFields).transform(toAccountsInput);

/** `accounts scorecard`: only the scorecard file. */
export const scorecardInput = z
  .object({ scorecard: optionalField(path) })
  .transform((o): { scorecardFile?: string | undefined } => ({ scorecardFile: o.scorecard }));

/** `accounts sensitivity`: also the portfolio what-if, a factor moved by `delta` units for every account. */
export interface SensitivityInput extends AccountsInput {
  whatIf: { factorId: string; delta: number };
}

export const sensitivityInput = z
  .object({
    ...accountsFields,
    whatIf: field(oneOf(SCORECARD_FACTORS, 'a scorecard factor'), 'business_lines'),
    delta: field(finiteNumber(), 1),
  })
  .transform((o, ctx): SensitivityInput => ({
    ...toAccountsInput(o, ctx),
    whatIf: { factorId: o.whatIf, delta: o.delta },
  }));

/** `accounts backtest`: renewals due on or before `asOf` (default: all), scored with the scorecard. */
export const backtestInput = z
  .object({ asOf: optionalField(isoDay), scorecard: optionalField(path) })
  .transform((o): { asOf?: IsoDay | undefined; scorecardFile?: string | undefined } => ({
    asOf: o.asOf,
    scorecardFile: o.scorecard,
  }));

/** What the directional policy matrix plots. */
export interface DpmInput extends AccountsInput {
  attractiveness: DpmAttractiveness;
  strength: DpmStrength;
}

/** `accounts dpm`: the report's options, and which CLV and which strength the matrix plots. */
export const dpmInput = z
  .object({
    ...accountsFields,
    attractiveness: field(
      oneOf<DpmAttractiveness>(['probability-adjusted', 'survival', 'risk-adjusted-rate'], 'a CLV'),
      'probability-adjusted',
    ),
    strength: field(
      oneOf<DpmStrength>(['retention', 'scale-factors'], 'a relationship strength'),
      'retention',
    ),
  })
  .transform((o, ctx): DpmInput => ({
    ...toAccountsInput(o, ctx),
    attractiveness: o.attractiveness,
    strength: o.strength,
  }));
