/**
 * `cvm start` (what `npm start` runs): the first thing a new user sees. An empty database gets the demo
 * data set built into it; then a summary of what is loaded is printed: the info tables and a headline over
 * the last 12 months, then the portfolio value report (tiers, retention, duration, CLV), and the key
 * accounts that turn negative once relationship risk is counted. A database that holds some data but no
 * transactions is never touched: the summary says so instead.
 */
import type { Command } from 'commander';
import { buildDemo } from '../../app/demo/build';
import { DEFAULT_DEMO_OPTIONS } from '../../app/demo/params';
import type { InfoReport } from '../../app/info';
import { getSummary, type Headline, type NegativeAccounts } from '../../app/summary';
import type { PortfolioReport } from '../../app/reports/portfolio';
import { cliOption, globalOptions, print, withCliUnit } from '../context';
import { l } from '../views/labels';
import type { Lang, Printable, TableView } from '../output';
import { demoRequest, demoTimeLine, stderrLine } from './demo';
import { infoTables } from './info';
import { portfolioPrintable } from '../views/portfolio';

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
): Printable {
  const none: TableView = {
    name: 'headline',
    title: l('No transactions loaded', 'Inga transaktioner laddade'),
    columns: [{ key: 'hint', label: l('Next step', 'Nästa steg'), type: 'text' }],
    rows: [{ hint: 'cvm import transactions FILE   or   cvm demo --replace' }],
  };
  return {
    json: { info, headline, portfolio, keyAccounts },
    tables: [
      ...infoTables(info, lang),
      headline ? headlineTable(headline) : none,
      ...(portfolio ? portfolioPrintable(portfolio, lang).tables : []),
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
          const { info, headline, portfolio, keyAccounts } = await getSummary(store, {
            onNote: stderrLine,
            spell: cliOption,
          });
          return startPrintable(info, headline, options.lang, portfolio, keyAccounts);
        },
        { create: true },
      );
      print(printable, options);
    });
}
