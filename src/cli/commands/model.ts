/**
 * `cvm model fit|predict|validate`: the buy-till-you-die models. Data come from a summary file
 * (`--summary`, then no database is opened) or from the store's transactions as of a calibration end.
 */
import type { Command } from 'commander';
import { atRisk } from '../../app/models/at-risk';
import { predictBgBb, type BgBbValidateReport } from '../../app/models/bg-bb';
import { fitModel } from '../../app/models/fit';
import { fitSbg } from '../../app/models/sbg';
import { invalidOption } from '../../core/errors';
import { predict } from '../../app/models/predict';
import { validate, type ValidateReport } from '../../app/models/validate';
import { atRiskInput, fitInput, predictInput, validateInput } from '../../app/options/models';
import { parseOptions } from '../../app/options/parse';
import type { StoreUnit } from '../../data/store';
import { globalOptions, print, withCliUnit, type GlobalOptions } from '../context';
import {
  atRiskPrintable,
  bgBbPredictPrintable,
  fitPrintable,
  predictPrintable,
  sbgPrintable,
  validatePrintable,
  bgbbValidatePrintable,
} from '../views/models';

type Options = Record<string, string | undefined>;

/** Runs `work` on the store unless the data come from a summary file. */
function withData<T>(
  global: GlobalOptions,
  summary: string | undefined,
  work: (unit?: StoreUnit) => Promise<T>,
): Promise<T> {
  return summary !== undefined ? work() : withCliUnit(global, (unit) => work(unit));
}

const SOURCE_HELP = {
  summary:
    'per-customer summary CSV (x or frequency, t_x or recency, T, optionally monetary) instead of the store',
  calibrationEnd: 'last day of the calibration period YYYY-MM-DD (default: the latest order date)',
  timeUnit: 'time unit of recency, age and alpha: day, week or month',
};

export function registerModels(program: Command): void {
  const model = program
    .command('model')
    .description(
      'buy-till-you-die models: BG/NBD, MBG/NBD, Pareto/NBD, Gamma-Gamma, BG/BB; sBG retention; P(alive) and CLV',
    );
  model
    .command('fit')
    .description('fit a model by maximum likelihood: parameters, standard errors, log-likelihood, AIC, BIC')
    .argument(
      '<model>',
      'bgnbd, mbgnbd, paretonbd, gammagamma, bgbb (from a summary file), or sbg (from a retention file)',
    )
    .option(
      '--summary <file>',
      `${SOURCE_HELP.summary}; for sbg the retention file: period,surviving or periods,churned`,
    )
    .option('--calibration-end <day>', SOURCE_HELP.calibrationEnd)
    .option('--time-unit <unit>', SOURCE_HELP.timeUnit, 'week')
    .option(
      '--periods <n>',
      'sbg: project the retention curve to this period (default: observed + 5, at least 12)',
    )
    .option('--discount-rate <percent>', 'sbg: discount rate per period for DERL, in percent (default 10)')
    .action(async (name: string, options: Options, command: Command) => {
      const global = globalOptions(command);
      const input = parseOptions(fitInput, { ...options, model: name });
      const { model } = input;
      if (model === 'sbg') {
        if (input.summary === undefined)
          throw invalidOption(
            'summary',
            '',
            'a retention file',
            'sbg fits on a file of cohort survival counts (period, surviving) or lifetimes (periods, churned): give it with {option:summary}',
          );
        if (input.calibrationEnd !== undefined)
          throw invalidOption(
            'calibrationEnd',
            input.calibrationEnd,
            'no calibration end with sbg',
            'does not apply to sbg, which fits on a file',
          );
        const report = await fitSbg({
          file: input.summary,
          periods: input.periods,
          discountRate: input.discountRate ?? 0.1,
        });
        print(sbgPrintable(report, global.lang), global);
        return;
      }
      const fit = await withData(global, input.summary, (unit) => fitModel(model, input, unit));
      print(fitPrintable(fit, global.lang), global);
    });
  model
    .command('predict')
    .description('P(alive), expected purchases, expected spend and CLV per customer, written to a CSV file')
    .requiredOption('--out <file>', 'CSV file for the per-customer predictions')
    .option(
      '--model <model>',
      'purchase model: bgnbd, mbgnbd, paretonbd, or bgbb (a summary file of opportunities)',
      'bgnbd',
    )
    .option('--horizon <months>', 'months ahead for purchases and CLV (bgbb: opportunities ahead)', '12')
    .option('--discount-rate <percent>', 'yearly discount rate in percent', '10')
    .option('--summary <file>', SOURCE_HELP.summary)
    .option('--calibration-end <day>', SOURCE_HELP.calibrationEnd)
    .option('--time-unit <unit>', SOURCE_HELP.timeUnit, 'week')
    .action(async (options: Options, command: Command) => {
      const global = globalOptions(command);
      const input = parseOptions(predictInput, options);
      if (input.model === 'bgbb') {
        print(bgBbPredictPrintable(await predictBgBb(input), global.lang), global);
        return;
      }
      const report = await withData(global, input.summary, (unit) => predict(input, unit));
      print(predictPrintable(report, global.lang), global);
    });
  model
    .command('at-risk')
    .description(
      'customers with a high value if alive and a low P(alive): whom to win back first, highest value first',
    )
    .option('--max-p-alive <percent>', 'at risk: P(alive) at most this, in percent', '50')
    .option(
      '--top-percent <percent>',
      'high value: value if alive in the top this percent of customers',
      '20',
    )
    .option('--limit <n>', 'list at most this many customers', '100')
    .option('--model <model>', 'purchase model: bgnbd, mbgnbd or paretonbd', 'bgnbd')
    .option('--horizon <months>', 'months ahead for the CLV', '12')
    .option('--discount-rate <percent>', 'yearly discount rate in percent', '10')
    .option('--summary <file>', SOURCE_HELP.summary)
    .option('--calibration-end <day>', SOURCE_HELP.calibrationEnd)
    .option('--time-unit <unit>', SOURCE_HELP.timeUnit, 'week')
    .action(async (options: Options, command: Command) => {
      const global = globalOptions(command);
      const input = parseOptions(atRiskInput, options);
      const report = await withData(global, input.summary, (unit) => atRisk(input, unit));
      print(atRiskPrintable(report, global.lang), global);
    });
  model
    .command('validate')
    .description(
      'fit to the calibration end, compare with the holdout: MAE, RMSE, by frequency, tracking curve (bgbb: on a summary file with a holdout column)',
    )
    .option('--calibration-end <day>', 'last day of the calibration period YYYY-MM-DD')
    .option('--holdout-end <day>', 'last day of the holdout period YYYY-MM-DD')
    .option(
      '--model <model>',
      'purchase model: bgnbd, mbgnbd or paretonbd; or bgbb (a summary file of opportunities)',
      'bgnbd',
    )
    .option('--time-unit <unit>', SOURCE_HELP.timeUnit, 'week')
    .option(
      '--summary <file>',
      'bgbb: summary CSV of opportunities (x, t_x, n, optionally weight) with a holdout column',
    )
    .option('--holdout-opportunities <n>', 'bgbb: the opportunities the holdout column covers')
    .action(async (options: Options, command: Command) => {
      const global = globalOptions(command);
      const input = parseOptions(validateInput, options);
      if (input.model === 'bgbb') {
        print(bgbbValidatePrintable((await validate(input)) as BgBbValidateReport, global.lang), global);
        return;
      }
      const report = await withCliUnit(global, (unit) => validate(input, unit));
      print(validatePrintable(report as ValidateReport, global.lang), global);
    });
}
