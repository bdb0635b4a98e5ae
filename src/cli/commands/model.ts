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
import { help } from '../help';
import { msg } from '../../core/messages/catalogue';

type Options = Record<string, string | undefined>;

/** Runs `work` on the store unless the data come from a summary file. */
function withData<T>(
  global: GlobalOptions,
  summary: string | undefined,
  work: (unit?: StoreUnit) => Promise<T>,
): Promise<T> {
  return summary !== undefined ? work() : withCliUnit(global, (unit) => work(unit));
}

export function registerModels(program: Command): void {
  const model = program.command('model').description(help('help.model'));
  model
    .command('fit')
    .description(help('help.model.fit'))
    .argument('<model>', help('help.model.fit.model'))
    .option('--summary <file>', help('help.model.fit.summary'))
    .option('--calibration-end <day>', help('help.model.calibration-end'))
    .option('--time-unit <unit>', help('help.model.time-unit'), 'week')
    .option('--periods <n>', help('help.model.fit.periods'))
    .option('--discount-rate <percent>', help('help.model.fit.discount-rate'))
    .action(async (name: string, options: Options, command: Command) => {
      const global = globalOptions(command);
      const input = parseOptions(fitInput, { ...options, model: name });
      const { model } = input;
      if (model === 'sbg') {
        if (input.summary === undefined)
          throw invalidOption('summary', '', 'a retention file', msg('cli.model.sbg-needs-file'));
        if (input.calibrationEnd !== undefined)
          throw invalidOption(
            'calibrationEnd',
            input.calibrationEnd,
            'no calibration end with sbg',
            msg('cli.model.sbg-no-calibration'),
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
    .description(help('help.model.predict'))
    .requiredOption('--out <file>', help('help.model.predict.out'))
    .option('--model <model>', help('help.model.predict.model'), 'bgnbd')
    .option('--horizon <months>', help('help.model.predict.horizon'), '12')
    .option('--discount-rate <percent>', help('help.model.discount-rate'), '10')
    .option('--summary <file>', help('help.model.summary'))
    .option('--calibration-end <day>', help('help.model.calibration-end'))
    .option('--time-unit <unit>', help('help.model.time-unit'), 'week')
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
    .description(help('help.model.at-risk'))
    .option('--max-p-alive <percent>', help('help.model.at-risk.max-p-alive'), '50')
    .option('--top-percent <percent>', help('help.model.at-risk.top-percent'), '20')
    .option('--limit <n>', help('help.model.at-risk.limit'), '100')
    .option('--model <model>', help('help.model.at-risk.model'), 'bgnbd')
    .option('--horizon <months>', help('help.model.at-risk.horizon'), '12')
    .option('--discount-rate <percent>', help('help.model.discount-rate'), '10')
    .option('--summary <file>', help('help.model.summary'))
    .option('--calibration-end <day>', help('help.model.calibration-end'))
    .option('--time-unit <unit>', help('help.model.time-unit'), 'week')
    .action(async (options: Options, command: Command) => {
      const global = globalOptions(command);
      const input = parseOptions(atRiskInput, options);
      const report = await withData(global, input.summary, (unit) => atRisk(input, unit));
      print(atRiskPrintable(report, global.lang), global);
    });
  model
    .command('validate')
    .description(help('help.model.validate'))
    .option('--calibration-end <day>', help('help.model.validate.calibration-end'))
    .option('--holdout-end <day>', help('help.model.validate.holdout-end'))
    .option('--model <model>', help('help.model.validate.model'), 'bgnbd')
    .option('--time-unit <unit>', help('help.model.time-unit'), 'week')
    .option('--summary <file>', help('help.model.validate.summary'))
    .option('--holdout-opportunities <n>', help('help.model.validate.holdout-opportunities'))
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
