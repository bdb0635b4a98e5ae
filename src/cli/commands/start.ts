/**
 * `cvm start` (what `npm start` runs): the first thing a new user sees. An empty database gets the demo
 * data set built into it; then a summary of what is loaded is printed: the info tables and a headline over
 * the last 12 months, then the portfolio value report (tiers, retention, duration, CLV), the subscription
 * portfolio of the contract customers when the store holds contracts, and the key
 * accounts that turn negative once relationship risk is counted. A database that holds some data but no
 * transactions is never touched: the summary says so instead.
 */
import type { Command } from 'commander';
import { buildDemo } from '../../app/demo/build';
import { DEFAULT_DEMO_OPTIONS } from '../../app/demo/params';
import { getInfo, type InfoReport } from '../../app/info';
import { getHeadline, type Headline } from '../../app/summary';
import { portfolioReport, type PortfolioReport } from '../../app/reports/portfolio';
import { accountsReport } from '../../app/accounts/report';
import { accountsInput } from '../../app/options/accounts';
import { CvmError, optionMessage } from '../../core/errors';
import { cliOption, globalOptions, print, withCliUnit } from '../context';
import { l } from '../views/labels';
import { portfolioInput } from '../../app/options/report';
import { parseOptions } from '../../app/options/parse';
import type { Lang, Printable, TableView } from '../output';
import { demoRequest, demoTimeLine, stderrLine } from './demo';
import { infoTables } from './info';
import { portfolioPrintable } from '../views/portfolio';
import { subscriptionPrintable } from '../views/contracts';
import { subscriptionReport, type SubscriptionReport } from '../../app/reports/contracts';
import { contractReportInput } from '../../app/options/contracts';

function headlineTable(h: Headline): TableView {
  return {
    name: 'headline',
    title: l(
      `Last 12 months, as of ${h.asOf} (the latest order)`,
      `Senaste 12 månaderna, per ${h.asOf} (senaste order)`,
    ),
    columns: [
      { key: 'customers', label: l('Customers', 'Kunder'), type: 'int' },
      { key: 'activeCustomers', label: l('Active', 'Aktiva'), type: 'int' },
      { key: 'revenue', label: l('Revenue', 'Omsättning'), type: 'money' },
      { key: 'orders', label: l('Orders', 'Order'), type: 'int' },
      { key: 'complaints', label: l('Complaints', 'Reklamationer'), type: 'int' },
      { key: 'resolvedWithin24hShare', label: l('Resolved ≤ 24 h', 'Lösta ≤ 24 h'), type: 'percent' },
      { key: 'nps', label: l('NPS', 'NPS'), type: 'decimal', decimals: 1 },
      { key: 'npsResponses', label: l('NPS n', 'NPS n'), type: 'int' },
      { key: 'keyAccounts', label: l('Key accounts', 'Nyckelkunder'), type: 'int' },
    ],
    rows: [{ ...h }],
  };
}

/** The key accounts that are positive at WACC but negative once probability-adjusted. */
export interface NegativeAccounts {
  asOf: string;
  /** accounts valued */
  accounts: number;
  turnsNegative: { account: string; name: string; clvWacc: number; clvProbabilityAdjusted: number }[];
}

function negativeTable(k: NegativeAccounts): TableView {
  return {
    name: 'negative-accounts',
    title: l(
      `Key accounts that turn negative once risk is counted (${k.turnsNegative.length} of ${k.accounts}, as of ${k.asOf}; cvm accounts report)`,
      `Nyckelkunder som blir negativa när risken räknas (${k.turnsNegative.length} av ${k.accounts}, per ${k.asOf}; cvm accounts report)`,
    ),
    columns: [
      { key: 'account', label: l('Account', 'Kund'), type: 'text' },
      { key: 'name', label: l('Name', 'Namn'), type: 'text' },
      { key: 'clvWacc', label: l('CLV at WACC', 'CLV vid WACC'), type: 'money' },
      {
        key: 'clvProbabilityAdjusted',
        label: l('Probability-adjusted CLV', 'Sannolikhetsjusterad CLV'),
        type: 'money',
      },
    ],
    rows: k.turnsNegative,
  };
}

export function startPrintable(
  info: InfoReport,
  headline: Headline | null,
  lang: Lang,
  portfolio: PortfolioReport | null = null,
  keyAccounts: NegativeAccounts | null = null,
  subscription: SubscriptionReport | null = null,
): Printable {
  const none: TableView = {
    name: 'headline',
    title: l('No transactions loaded', 'Inga transaktioner laddade'),
    columns: [{ key: 'hint', label: l('Next step', 'Nästa steg'), type: 'text' }],
    rows: [{ hint: 'cvm import transactions FILE   or   cvm demo --replace' }],
  };
  return {
    json: { info, headline, portfolio, subscription, keyAccounts },
    tables: [
      ...infoTables(info, lang),
      headline ? headlineTable(headline) : none,
      ...(portfolio ? portfolioPrintable(portfolio, lang).tables : []),
      ...(subscription ? subscriptionPrintable(subscription, lang).tables : []),
      ...(keyAccounts ? [negativeTable(keyAccounts)] : []),
    ],
  };
}

export function registerStart(program: Command): void {
  program
    .command('start')
    .description('build the demo into an empty database, then summarise what is loaded')
    .option(
      '--customers <n>',
      'customers in the demo built into an empty database',
      String(DEFAULT_DEMO_OPTIONS.customers),
    )
    .option('--seed <n>', 'seed of that demo', String(DEFAULT_DEMO_OPTIONS.seed))
    .action(async (flags: { customers: string; seed: string }, command: Command) => {
      const options = globalOptions(command);
      const request = demoRequest(flags, stderrLine);
      const printable = await withCliUnit(
        options,
        async (store) => {
          const empty = (await store.meta.tables()).every((t) => t.rows === 0);
          if (empty) {
            stderrLine(`${store.location} holds no data: building the demo data set into it (docs/demo.md)`);
            const result = await buildDemo(store, request);
            stderrLine(demoTimeLine(result, options.lang));
          }
          const info = await getInfo(store);
          const headline = await getHeadline(store, info.tables);
          const portfolio = headline
            ? await portfolioReport(store.analytics, parseOptions(portfolioInput, { asOf: headline.asOf }))
            : null;
          const contracts = info.tables.some((t) => t.kind === 'contracts' && t.rows > 0);
          const subscription = contracts
            ? await subscriptionReport(
                store.contracts,
                parseOptions(contractReportInput, headline ? { asOf: headline.asOf } : {}),
              ).catch((error: unknown) => {
                if (!(error instanceof CvmError)) throw error;
                stderrLine(`contracts left out of the summary: ${optionMessage(error, cliOption)}`);
                return null;
              })
            : null;
          const assessed = info.tables.some((t) => t.kind === 'assessments' && t.rows > 0);
          let keyAccounts: NegativeAccounts | null = null;
          // a summary is still useful when the key-account data cannot be valued: say why, print the rest
          const r = assessed
            ? await accountsReport(store.accounts, parseOptions(accountsInput, {})).catch(
                (error: unknown) => {
                  if (!(error instanceof CvmError)) throw error;
                  stderrLine(`key accounts left out of the summary: ${optionMessage(error, cliOption)}`);
                  return null;
                },
              )
            : null;
          if (r !== null) {
            keyAccounts = {
              asOf: r.asOf,
              accounts: r.accounts.length,
              turnsNegative: r.accounts
                .filter((a) => a.turnsNegative)
                .map((a) => ({
                  account: a.account,
                  name: a.name,
                  clvWacc: a.clvWacc,
                  clvProbabilityAdjusted: a.clvProbabilityAdjusted,
                })),
            };
          }
          return startPrintable(info, headline, options.lang, portfolio, keyAccounts, subscription);
        },
        { create: true },
      );
      print(printable, options);
    });
}
