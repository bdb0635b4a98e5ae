/**
 * `cvm report portfolio|flows|retention|cohorts|concentration`: argv → app report → Printable. The JSON is
 * the report object exactly as the app returns it (docs/metrics.md); the table views, one file per report in
 * ../views/, read like the seed's tables, with English or Swedish labels.
 */
import type { Command } from 'commander';
import { cohortReport } from '../../app/reports/cohorts';
import { concentrationReport } from '../../app/reports/concentration';
import { flowsReport } from '../../app/reports/flows';
import type { ReportOptions } from '../../app/reports/options';
import { portfolioReport } from '../../app/reports/portfolio';
import { retentionReport } from '../../app/reports/retention';
import { withStore } from '../store';
import type { AnalyticsPort } from '../../data/analytics/types';
import { globalOptions, print } from '../context';
import type { Lang, Printable } from '../output';
import { cohortsPrintable } from '../views/cohorts';
import { concentrationPrintable } from '../views/concentration';
import { flowsPrintable } from '../views/flows';
import { portfolioPrintable } from '../views/portfolio';
import { retentionPrintable } from '../views/retention';

type Options = ReportOptions & Record<string, string | undefined>;

function reportCommand<R>(
  program: Command,
  name: string,
  description: string,
  run: (analytics: AnalyticsPort, options: Options) => Promise<R>,
  printable: (report: R, lang: Lang) => Printable,
  defaultWindow = '12',
): Command {
  return program
    .command(name)
    .description(description)
    .option('--as-of <day>', 'report date YYYY-MM-DD (default: the latest order date)')
    .option('--window <months>', 'window length in months: 12, 3 or 1', defaultWindow)
    .action(async (options: Options, command: Command) => {
      const global = globalOptions(command);
      const report = await withStore({ db: global.db }, (store) => run(store.analytics, options));
      print(printable(report, global.lang), global);
    });
}

const TIERS_HELP =
  'tier shares in percent: 5,15,50,30 (default), Super:5,Top:15,Middle:50,Bottom:30 or deciles';
const VALUE_HELP = 'value that ranks customers: revenue (default) or margin';

export function registerReports(program: Command): void {
  const report = program
    .command('report')
    .description('value reports: portfolio, flows, retention, cohorts, concentration');
  reportCommand(
    report,
    'portfolio',
    'members, retention, duration, CLV and value per value tier',
    portfolioReport,
    portfolioPrintable,
  )
    .option('--tiers <spec>', TIERS_HELP)
    .option('--value <measure>', VALUE_HELP);
  reportCommand(
    report,
    'flows',
    'customer flows between the value tiers of the previous and the current window',
    flowsReport,
    flowsPrintable,
  )
    .option('--tiers <spec>', TIERS_HELP)
    .option('--value <measure>', VALUE_HELP);
  reportCommand(
    report,
    'retention',
    'retention, churn and duration per tier, as a trend and by tenure',
    retentionReport,
    retentionPrintable,
  )
    .option('--tiers <spec>', TIERS_HELP)
    .option('--value <measure>', VALUE_HELP)
    .option('--step <months>', 'months between trend points', '3')
    .option('--years <years>', 'years the trend reaches back', '3');
  reportCommand(
    report,
    'cohorts',
    'acquisition cohorts followed period by period',
    cohortReport,
    cohortsPrintable,
    // quarterly periods by default: with a few years of history, 12-month periods leave a matrix of two columns
    '3',
  )
    .option('--cohort <unit>', 'cohort by month, quarter or year of the first purchase', 'quarter')
    .option('--years <years>', 'years of cohorts back from the as-of day', '3');
  reportCommand(
    report,
    'concentration',
    'Lorenz curve, top-x % shares, Gini and deciles of the current window',
    concentrationReport,
    concentrationPrintable,
  )
    .option('--tiers <spec>', 'tiers for the table (default: deciles)')
    .option('--value <measure>', VALUE_HELP);
}
