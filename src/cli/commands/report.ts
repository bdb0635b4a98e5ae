/**
 * `cvm report portfolio|flows|retention|cohorts|concentration|service|satisfaction`: argv → app report →
 * Printable. The JSON is
 * the report object exactly as the app returns it (docs/metrics.md); the table views, one file per report in
 * ../views/, read like the seed's tables, with English or Swedish labels.
 */
import type { Command } from 'commander';
import type { z } from 'zod';
import { cohortReport } from '../../app/reports/cohorts';
import { concentrationReport } from '../../app/reports/concentration';
import { flowsReport } from '../../app/reports/flows';
import { loyaltyDepthReport } from '../../app/reports/loyalty-depth';
import { programmeReport } from '../../app/reports/programme';
import { contractReportInput } from '../../app/options/contracts';
import {
  cohortInput,
  concentrationInput,
  loyaltyDepthInput,
  programmeInput,
  portfolioInput,
  retentionInput,
} from '../../app/options/report';
import { productChurnReport, productsReport, subscriptionReport } from '../../app/reports/contracts';
import { parseOptions } from '../../app/options/parse';
import { serviceInput } from '../../app/options/service';
import { portfolioReport } from '../../app/reports/portfolio';
import { retentionReport } from '../../app/reports/retention';
import { satisfactionReport } from '../../app/reports/satisfaction';
import { serviceReport } from '../../app/reports/service';
import type { AnalyticsPort } from '../../data/analytics/types';
import type { ContractsPort } from '../../data/contracts/types';
import type { ModelsPort } from '../../data/models/types';
import type { ServicePort } from '../../data/service/types';
import type { StoreUnit } from '../../data/store';
import { globalOptions, localToday, print, withCliUnit, writeTables } from '../context';
import type { Lang, Printable } from '../output';
import { cohortsPrintable } from '../views/cohorts';
import { productChurnPrintable, productsPrintable, subscriptionPrintable } from '../views/contracts';
import { concentrationPrintable } from '../views/concentration';
import { flowsPrintable } from '../views/flows';
import { loyaltyDepthPrintable } from '../views/loyalty-depth';
import { programmePrintable } from '../views/programme';
import { portfolioPrintable } from '../views/portfolio';
import { retentionPrintable } from '../views/retention';
import { satisfactionPrintable } from '../views/satisfaction';
import { servicePrintable } from '../views/service';

type Options = Record<string, string | undefined>;

function reportCommand<I, R>(
  program: Command,
  name: string,
  description: string,
  schema: z.ZodType<I>,
  run: (unit: StoreUnit, input: I) => Promise<R>,
  printable: (report: R, lang: Lang) => Printable,
  defaultWindow = '12',
): Command {
  return program
    .command(name)
    .description(description)
    .option('--as-of <day>', 'report date YYYY-MM-DD (default: the latest order date)')
    .option('--window <months>', 'window length in whole months (12, 6, 3, 1 …)', defaultWindow)
    .option('--out <dir>', 'write every table (or the --table one) to <dir>/<name>.csv instead of printing')
    .action(async (options: Options, command: Command) => {
      const global = globalOptions(command);
      const { out, ...rest } = options;
      const input = parseOptions(schema, { ...rest, today: localToday() });
      const report = await withCliUnit(global, (unit) => run(unit, input));
      if (out === undefined) print(printable(report, global.lang), global);
      else writeTables(printable(report, global.lang), out, global);
    });
}

/** A report computed from the analytics port. */
const onAnalytics =
  <I, R>(report: (analytics: AnalyticsPort, input: I) => Promise<R>) =>
  (unit: StoreUnit, input: I): Promise<R> =>
    report(unit.analytics, input);

/** A report computed from the service port. */
const onService =
  <I, R>(report: (service: ServicePort, input: I) => Promise<R>) =>
  (unit: StoreUnit, input: I): Promise<R> =>
    report(unit.service, input);

/** A report computed from orders, or from contracts with --basis contracts (or by the store's default). */
const onAnalyticsAndContracts =
  <I, R>(report: (analytics: AnalyticsPort, input: I, contracts: ContractsPort) => Promise<R>) =>
  (unit: StoreUnit, input: I): Promise<R> =>
    report(unit.analytics, input, unit.contracts);

/** A report that can rank by predicted CLV (`--value clv`): also handed the models port. */
const onValueReport =
  <I, R>(
    report: (analytics: AnalyticsPort, input: I, contracts: ContractsPort, models: ModelsPort) => Promise<R>,
  ) =>
  (unit: StoreUnit, input: I): Promise<R> =>
    report(unit.analytics, input, unit.contracts, unit.models);

const BASIS_HELP =
  'activity: orders (a purchase in the window) or contracts (a contract in force on the day); default: contracts when the store holds contracts and no orders';

/** A report computed from the contracts port. */
const onContracts =
  <I, R>(report: (contracts: ContractsPort, input: I) => Promise<R>) =>
  (unit: StoreUnit, input: I): Promise<R> =>
    report(unit.contracts, input);

const CONTRACT_TIERS_HELP = 'segment shares in percent: Top:20,Mid:30,Low:50 (default), or deciles';
const REVENUE_HELP =
  'contract revenue: fees (annual_fee, the default when contracts have one) or invoices (linked transactions)';

const TIERS_HELP =
  'tier shares in percent: 5,15,50,30 (default), Super:5,Top:15,Middle:50,Bottom:30 or deciles';
const VALUE_HELP = 'value that ranks customers: revenue (default) or margin';
const VALUE_CLV_HELP =
  'value that ranks customers: revenue (default), margin, or clv (predicted CLV: BG/NBD + Gamma-Gamma fitted as of each window end)';
const HORIZON_HELP = 'with --value clv: months the predicted CLV covers (default 12)';
const DISCOUNT_HELP = 'with --value clv: yearly discount rate in percent (default 10)';

export function registerReports(program: Command): void {
  const report = program
    .command('report')
    .description(
      'reports: portfolio, flows, retention, cohorts, concentration, service, satisfaction, subscription, products, product-churn, loyalty-depth, programme',
    );
  reportCommand(
    report,
    'portfolio',
    'members, retention, duration, CLV and value per value tier',
    portfolioInput,
    onValueReport(portfolioReport),
    portfolioPrintable,
  )
    .option('--basis <basis>', BASIS_HELP)
    .option('--tiers <spec>', TIERS_HELP)
    .option('--value <basis>', VALUE_CLV_HELP)
    .option('--horizon <months>', HORIZON_HELP)
    .option('--discount-rate <percent>', DISCOUNT_HELP);
  reportCommand(
    report,
    'flows',
    'customer flows between the value tiers of the previous and the current window',
    portfolioInput,
    onValueReport(flowsReport),
    flowsPrintable,
  )
    .option('--basis <basis>', BASIS_HELP)
    .option('--tiers <spec>', TIERS_HELP)
    .option('--value <basis>', VALUE_CLV_HELP)
    .option('--horizon <months>', HORIZON_HELP)
    .option('--discount-rate <percent>', DISCOUNT_HELP);
  reportCommand(
    report,
    'retention',
    'retention, churn and duration per tier, as a trend and by tenure',
    retentionInput,
    onAnalyticsAndContracts(retentionReport),
    retentionPrintable,
  )
    .option('--basis <basis>', BASIS_HELP)
    .option('--tiers <spec>', TIERS_HELP)
    .option('--value <measure>', VALUE_HELP)
    .option('--step <months>', 'months between trend points', '3')
    .option('--years <years>', 'years the trend reaches back', '3');
  reportCommand(
    report,
    'cohorts',
    'acquisition cohorts followed period by period',
    cohortInput,
    onAnalyticsAndContracts(cohortReport),
    cohortsPrintable,
    // quarterly periods by default: with a few years of history, 12-month periods leave a matrix of two columns
    '3',
  )
    .option('--basis <basis>', BASIS_HELP)
    .option('--cohort <unit>', 'cohort by month, quarter or year of the first purchase', 'quarter')
    .option('--years <years>', 'years of cohorts back from the as-of day', '3');
  reportCommand(
    report,
    'concentration',
    'Lorenz curve, top-x % shares, Gini and deciles of the current window',
    concentrationInput,
    onValueReport(concentrationReport),
    concentrationPrintable,
  )
    .option('--basis <basis>', BASIS_HELP)
    .option('--tiers <spec>', 'tiers for the table (default: deciles)')
    .option('--value <basis>', VALUE_CLV_HELP)
    .option('--horizon <months>', HORIZON_HELP)
    .option('--discount-rate <percent>', DISCOUNT_HELP);
  reportCommand(
    report,
    'loyalty-depth',
    'duration, frequency, volume, depth and share of wallet per value tier of the current window, and per customer',
    loyaltyDepthInput,
    onAnalytics(loyaltyDepthReport),
    loyaltyDepthPrintable,
  )
    .option('--tiers <spec>', TIERS_HELP)
    .option('--value <measure>', VALUE_HELP)
    .option(
      '--customers <n>',
      'add the customers table: the n most valuable customers, or all (with --out or --table customers --format csv for an export)',
    );
  reportCommand(
    report,
    'programme',
    'loyalty-programme effect: members against non-members, before and after joining, matched difference in differences, per value tier',
    programmeInput,
    onAnalytics(programmeReport),
    programmePrintable,
  )
    .option('--tiers <spec>', TIERS_HELP)
    .option('--value <measure>', VALUE_HELP);
  reportCommand(
    report,
    'service',
    'complaints: rates, resolution times, share within target, backlog, causes, monthly trend',
    serviceInput,
    onService(serviceReport),
    servicePrintable,
  )
    .option(
      '--target-hours <hours>',
      'resolution target in hours (a complaint resolved in exactly this meets it)',
      '24',
    )
    .option('--time-zone <zone>', 'IANA time zone of the days and months, e.g. Europe/Stockholm', 'UTC')
    .option(
      '--target-by-category <list>',
      'targets per complaint category in hours, e.g. billing=48,delivery=72 (default: --target-hours)',
    )
    .option(
      '--target-by-priority <list>',
      'targets per complaint priority in hours, e.g. high=8,urgent=4 (wins over the category target)',
    )
    .option('--business-hours', 'count resolution and first-response times in business hours of --time-zone')
    .option('--opens <HH:MM>', 'business hours: opening time (default 08:00; implies --business-hours)')
    .option('--closes <HH:MM>', 'business hours: closing time (default 17:00; implies --business-hours)')
    .option(
      '--working-days <days>',
      'business hours: working days, e.g. mon-fri (default) or mon-thu,sat (implies --business-hours)',
    )
    .option(
      '--holidays <days>',
      'business hours: closed days, comma-separated YYYY-MM-DD (implies --business-hours)',
    )
    .option('--by-tier', 'add the figures per value tier and the retention of complainants vs others')
    .option('--tiers <spec>', `tiers for --by-tier (implies it): ${TIERS_HELP}`);
  reportCommand(
    report,
    'satisfaction',
    'NPS, CSAT and CES with the change from the previous window and its significance',
    serviceInput,
    onService(satisfactionReport),
    satisfactionPrintable,
  )
    .option('--by-tier', 'add NPS, CSAT and CES per value tier of the respondents')
    .option('--tiers <spec>', `tiers for --by-tier (implies it): ${TIERS_HELP}`);
  reportCommand(
    report,
    'subscription',
    'contract customers per segment: revenue and products per customer, duration, SKI, NPS, CLV, retention',
    contractReportInput,
    onContracts(subscriptionReport),
    subscriptionPrintable,
  )
    .option('--tiers <spec>', CONTRACT_TIERS_HELP)
    .option('--revenue <source>', REVENUE_HELP);
  reportCommand(
    report,
    'products',
    'products per contract customer per segment, cross-sell and down-sell between the two days',
    contractReportInput,
    onContracts(productsReport),
    productsPrintable,
  )
    .option('--tiers <spec>', CONTRACT_TIERS_HELP)
    .option('--revenue <source>', REVENUE_HELP);
  reportCommand(
    report,
    'product-churn',
    'per product line: customers who ended it, split into left the company and stayed with other products',
    contractReportInput,
    onContracts(productChurnReport),
    productChurnPrintable,
  )
    .option('--tiers <spec>', CONTRACT_TIERS_HELP)
    .option('--revenue <source>', REVENUE_HELP);
}
