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

type Options = Record<string, string | undefined>;

const SCORECARD_HELP =
  "an edited scorecard as JSON (default: the paper's Tables 2 and 3; see `accounts scorecard`)";

function accountsCommand<I, R>(
  parent: Command,
  name: string,
  description: string,
  schema: z.ZodType<I>,
  run: (port: KeyAccountsPort, input: I) => Promise<R>,
  printable: (report: R, lang: Lang) => Printable,
  asOfHelp = 'assessments on or before YYYY-MM-DD count (default: the latest assessment day)',
): Command {
  return parent
    .command(name)
    .description(description)
    .option('--as-of <day>', asOfHelp)
    .option('--scorecard <file>', SCORECARD_HELP)
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
    .option('--discount-rate <fraction>', "the company's discount rate", '0.12')
    .option('--wacc <fraction>', 'weighted average cost of capital (default 0.048)')
    .option('--cost-of-debt <fraction>', 'WACC from its components: cost of debt')
    .option('--cost-of-equity <fraction>', 'cost of equity')
    .option('--debt-share <fraction>', 'debt / (debt + equity)')
    .option('--tax-rate <fraction>', 'tax shield on debt (default none)');
}

export function registerAccounts(program: Command): void {
  const accounts = program
    .command('accounts')
    .description('key accounts: relationship risk, CLV, sensitivity, backtest, scorecard, policy matrix');
  withRates(
    accountsCommand(
      accounts,
      'dpm',
      'directional policy matrix: risk-counted CLV against relationship strength, in four quadrants',
      dpmInput,
      dpmReport,
      dpmPrintable,
    ),
  )
    .option('--attractiveness <clv>', 'probability-adjusted (default), survival or risk-adjusted-rate')
    .option('--strength <measure>', 'retention (default) or scale-factors (the 1–5 grades)');
  withRates(
    accountsCommand(
      accounts,
      'report',
      'retention probability and CLV per key account, before and after risk, with totals',
      accountsInput,
      accountsReport,
      accountsPrintable,
    ),
  );
  withRates(
    accountsCommand(
      accounts,
      'sensitivity',
      'what one step of each factor does to CLV, ranked actions and a portfolio what-if',
      sensitivityInput,
      sensitivityReport,
      sensitivityPrintable,
    ),
  )
    .option('--what-if <factor>', 'the factor every account moves in the what-if', 'business_lines')
    .option('--delta <units>', 'how far it moves', '1');
  accountsCommand(
    accounts,
    'backtest',
    'the scorecard against observed renewals: Brier, log loss, AUC, calibration, learnt weights',
    backtestInput,
    backtestReport,
    backtestPrintable,
    'renewals due on or before YYYY-MM-DD count (default: all)',
  );
  accounts
    .command('scorecard')
    .description(
      'the scorecard in use (a file, else the one saved in the store, else the default): factors, steps, weights, bounds',
    )
    .option('--scorecard <file>', SCORECARD_HELP)
    .option(
      '--save',
      'save the --scorecard file in the store: every report without --scorecard uses it (audited)',
    )
    .option('--reset', 'remove the saved scorecard: the reports go back to the default (audited)')
    .action(async (options: Options & { save?: boolean; reset?: boolean }, command: Command) => {
      const global = globalOptions(command);
      const input = parseOptions(scorecardInput, options);
      if (options.save === true && options.reset === true)
        throw new CvmError('invalid-input', 'give {option:save} or {option:reset}, not both');
      const file = input.scorecardFile;
      if (options.save === true && file === undefined)
        throw new CvmError('invalid-input', '{option:save} saves the file of {option:scorecard}: give one');
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
