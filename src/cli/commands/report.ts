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
import { help } from '../help';

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
    .option('--as-of <day>', help('help.report.as-of'))
    .option('--window <months>', help('help.report.window'), defaultWindow)
    .option('--out <dir>', help('help.report.out'))
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

/** A report computed from the contracts port. */
const onContracts =
  <I, R>(report: (contracts: ContractsPort, input: I) => Promise<R>) =>
  (unit: StoreUnit, input: I): Promise<R> =>
    report(unit.contracts, input);

export function registerReports(program: Command): void {
  const report = program.command('report').description(help('help.report'));
  reportCommand(
    report,
    'portfolio',
    help('help.report.portfolio'),
    portfolioInput,
    onValueReport(portfolioReport),
    portfolioPrintable,
  )
    .option('--basis <basis>', help('help.report.basis'))
    .option('--tiers <spec>', help('help.report.tiers'))
    .option('--value <basis>', help('help.report.value-clv'))
    .option('--horizon <months>', help('help.report.horizon'))
    .option('--discount-rate <percent>', help('help.report.discount-rate'));
  reportCommand(
    report,
    'flows',
    help('help.report.flows'),
    portfolioInput,
    onValueReport(flowsReport),
    flowsPrintable,
  )
    .option('--basis <basis>', help('help.report.basis'))
    .option('--tiers <spec>', help('help.report.tiers'))
    .option('--value <basis>', help('help.report.value-clv'))
    .option('--horizon <months>', help('help.report.horizon'))
    .option('--discount-rate <percent>', help('help.report.discount-rate'));
  reportCommand(
    report,
    'retention',
    help('help.report.retention'),
    retentionInput,
    onAnalyticsAndContracts(retentionReport),
    retentionPrintable,
  )
    .option('--basis <basis>', help('help.report.basis'))
    .option('--tiers <spec>', help('help.report.tiers'))
    .option('--value <measure>', help('help.report.value'))
    .option('--step <months>', help('help.report.retention.step'), '3')
    .option('--years <years>', help('help.report.retention.years'), '3');
  reportCommand(
    report,
    'cohorts',
    help('help.report.cohorts'),
    cohortInput,
    onAnalyticsAndContracts(cohortReport),
    cohortsPrintable,
    // quarterly periods by default: with a few years of history, 12-month periods leave a matrix of two columns
    '3',
  )
    .option('--basis <basis>', help('help.report.basis'))
    .option('--cohort <unit>', help('help.report.cohorts.cohort'), 'quarter')
    .option('--years <years>', help('help.report.cohorts.years'), '3');
  reportCommand(
    report,
    'concentration',
    help('help.report.concentration'),
    concentrationInput,
    onValueReport(concentrationReport),
    concentrationPrintable,
  )
    .option('--basis <basis>', help('help.report.basis'))
    .option('--tiers <spec>', help('help.report.concentration.tiers'))
    .option('--value <basis>', help('help.report.value-clv'))
    .option('--horizon <months>', help('help.report.horizon'))
    .option('--discount-rate <percent>', help('help.report.discount-rate'));
  reportCommand(
    report,
    'loyalty-depth',
    help('help.report.loyalty-depth'),
    loyaltyDepthInput,
    onAnalytics(loyaltyDepthReport),
    loyaltyDepthPrintable,
  )
    .option('--tiers <spec>', help('help.report.tiers'))
    .option('--value <measure>', help('help.report.value'))
    .option('--customers <n>', help('help.report.loyalty-depth.customers'));
  reportCommand(
    report,
    'programme',
    help('help.report.programme'),
    programmeInput,
    onAnalytics(programmeReport),
    programmePrintable,
  )
    .option('--tiers <spec>', help('help.report.tiers'))
    .option('--value <measure>', help('help.report.value'));
  reportCommand(
    report,
    'service',
    help('help.report.service'),
    serviceInput,
    onService(serviceReport),
    servicePrintable,
  )
    .option('--target-hours <hours>', help('help.report.service.target-hours'), '24')
    .option('--time-zone <zone>', help('help.report.service.time-zone'), 'UTC')
    .option('--target-by-category <list>', help('help.report.service.target-by-category'))
    .option('--target-by-priority <list>', help('help.report.service.target-by-priority'))
    .option('--business-hours', help('help.report.service.business-hours'))
    .option('--opens <HH:MM>', help('help.report.service.opens'))
    .option('--closes <HH:MM>', help('help.report.service.closes'))
    .option('--working-days <days>', help('help.report.service.working-days'))
    .option('--holidays <days>', help('help.report.service.holidays'))
    .option('--by-tier', help('help.report.service.by-tier'))
    .option('--tiers <spec>', help('help.report.by-tier-tiers'));
  reportCommand(
    report,
    'satisfaction',
    help('help.report.satisfaction'),
    serviceInput,
    onService(satisfactionReport),
    satisfactionPrintable,
  )
    .option('--by-tier', help('help.report.satisfaction.by-tier'))
    .option('--tiers <spec>', help('help.report.by-tier-tiers'));
  reportCommand(
    report,
    'subscription',
    help('help.report.subscription'),
    contractReportInput,
    onContracts(subscriptionReport),
    subscriptionPrintable,
  )
    .option('--tiers <spec>', help('help.report.contract-tiers'))
    .option('--revenue <source>', help('help.report.revenue'));
  reportCommand(
    report,
    'products',
    help('help.report.products'),
    contractReportInput,
    onContracts(productsReport),
    productsPrintable,
  )
    .option('--tiers <spec>', help('help.report.contract-tiers'))
    .option('--revenue <source>', help('help.report.revenue'));
  reportCommand(
    report,
    'product-churn',
    help('help.report.product-churn'),
    contractReportInput,
    onContracts(productChurnReport),
    productChurnPrintable,
  )
    .option('--tiers <spec>', help('help.report.contract-tiers'))
    .option('--revenue <source>', help('help.report.revenue'));
}
