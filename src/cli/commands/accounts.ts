/**
 * `cvm accounts report|sensitivity|backtest|scorecard`: the key-account portfolio (Ryals & Knox 2007) from
 * the store and the scorecard, argv → app → Printable. Rates are fractions (0.048 = 4.8 %); WACC is given
 * with --wacc or computed from --cost-of-debt, --cost-of-equity, --debt-share and --tax-rate.
 */
import type { Command } from 'commander';
import type { z } from 'zod';
import { backtestReport } from '../../app/accounts/backtest';
import { dpmReport } from '../../app/accounts/dpm';
import { accountsReport } from '../../app/accounts/report';
import { loadScorecard, saveScorecard, scorecardReport } from '../../app/accounts/scorecard';
import { sensitivityReport } from '../../app/accounts/sensitivity';
import {
  accountsInput,
  backtestInput,
  dpmInput,
  scorecardInput,
  sensitivityInput,
} from '../../app/options/accounts';
import { parseOptions } from '../../app/options/parse';
import { CvmError } from '../../core/errors';
import type { KeyAccountsPort } from '../../data/accounts/types';
import { globalOptions, print, withCliUnit } from '../context';
import type { Lang, Printable } from '../output';
import {
  accountsPrintable,
  backtestPrintable,
  dpmPrintable,
  scorecardPrintable,
  sensitivityPrintable,
} from '../views/accounts';
import { help } from '../help';
import { msg } from '../../core/messages/catalogue';

type Options = Record<string, string | undefined>;

function accountsCommand<I, R>(
  parent: Command,
  name: string,
  description: string,
  schema: z.ZodType<I>,
  run: (port: KeyAccountsPort, input: I) => Promise<R>,
  printable: (report: R, lang: Lang) => Printable,
  asOfHelp = help('help.accounts.as-of'),
): Command {
  return parent
    .command(name)
    .description(description)
    .option('--as-of <day>', asOfHelp)
    .option('--scorecard <file>', help('help.accounts.scorecard'))
    .action(async (options: Options, command: Command) => {
      const global = globalOptions(command);
      const input = parseOptions(schema, options);
      const report = await withCliUnit(global, (unit) => run(unit.accounts, input));
      print(printable(report, global.lang), global);
    });
}

/** The rate options of the reports that value accounts. */
function withRates(command: Command): Command {
  return command
    .option('--discount-rate <fraction>', help('help.accounts.discount-rate'), '0.12')
    .option('--wacc <fraction>', help('help.accounts.wacc'))
    .option('--cost-of-debt <fraction>', help('help.accounts.cost-of-debt'))
    .option('--cost-of-equity <fraction>', help('help.accounts.cost-of-equity'))
    .option('--debt-share <fraction>', help('help.accounts.debt-share'))
    .option('--tax-rate <fraction>', help('help.accounts.tax-rate'));
}

export function registerAccounts(program: Command): void {
  const accounts = program.command('accounts').description(help('help.accounts'));
  withRates(accountsCommand(accounts, 'dpm', help('help.accounts.dpm'), dpmInput, dpmReport, dpmPrintable))
    .option('--attractiveness <clv>', help('help.accounts.dpm.attractiveness'))
    .option('--strength <measure>', help('help.accounts.dpm.strength'));
  withRates(
    accountsCommand(
      accounts,
      'report',
      help('help.accounts.report'),
      accountsInput,
      accountsReport,
      accountsPrintable,
    ),
  );
  withRates(
    accountsCommand(
      accounts,
      'sensitivity',
      help('help.accounts.sensitivity'),
      sensitivityInput,
      sensitivityReport,
      sensitivityPrintable,
    ),
  )
    .option('--what-if <factor>', help('help.accounts.sensitivity.what-if'), 'business_lines')
    .option('--delta <units>', help('help.accounts.sensitivity.delta'), '1');
  accountsCommand(
    accounts,
    'backtest',
    help('help.accounts.backtest'),
    backtestInput,
    backtestReport,
    backtestPrintable,
    help('help.accounts.backtest.as-of'),
  );
  accounts
    .command('scorecard')
    .description(help('help.accounts.scorecard-command'))
    .option('--scorecard <file>', help('help.accounts.scorecard'))
    .option('--save', help('help.accounts.scorecard.save'))
    .option('--reset', help('help.accounts.scorecard.reset'))
    .action(async (options: Options & { save?: boolean; reset?: boolean }, command: Command) => {
      const global = globalOptions(command);
      const input = parseOptions(scorecardInput, options);
      if (options.save === true && options.reset === true)
        throw new CvmError('invalid-input', msg('cli.scorecard.save-and-reset'));
      const file = input.scorecardFile;
      if (options.save === true && file === undefined)
        throw new CvmError('invalid-input', msg('cli.scorecard.save-needs-file'));
      const actor = { username: 'cli', now: new Date().toISOString() };
      const report = await withCliUnit(global, async (unit) => {
        if (options.reset === true) return saveScorecard(unit, null, 'reset', actor);
        if (options.save === true && file !== undefined)
          return saveScorecard(unit, (await loadScorecard(file)).scorecard, file, actor);
        return scorecardReport(input, unit.accounts);
      });
      print(scorecardPrintable(report, global.lang), global);
    });
}
