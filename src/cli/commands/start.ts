/**
 * `cvm start` (what `npm start` runs): the first thing a new user sees. An empty database gets the demo
 * data set built into it and the demo logins are added; then a summary of what is loaded is printed, and
 * the dashboard and API are served (`--no-serve` stops after the summary; `cvm summary` only prints it).
 * The summary: the info tables and a headline over
 * the last 12 months, then the portfolio value report (tiers, retention, duration, CLV), the subscription
 * portfolio when the store holds contracts, and the key
 * accounts that turn negative once relationship risk is counted. A database that holds some data but no
 * transactions is never touched: the summary says so instead.
 */
import type { Command } from 'commander';
import { buildDemo } from '../../app/demo/build';
import { DEMO_LOGINS, ensureDemoLogins } from '../../app/demo/logins';
import { DEFAULT_DEMO_OPTIONS } from '../../app/demo/params';
import { serveInput } from '../../app/options/serve';
import { parseOptions } from '../../app/options/parse';
import type { StoreUnit } from '../../data/store';
import type { InfoReport } from '../../app/info';
import { getSummary, type Headline, type NegativeAccounts } from '../../app/summary';
import type { PortfolioReport } from '../../app/reports/portfolio';
import { kpiBoardGlance } from '../../app/kpi/board';
import type { IsoDay } from '../../core/dates';
import type { StatusCounts } from '../../core/kpi/targets';
import { cliOption, globalOptions, localToday, print, withCliUnit } from '../context';
import { l } from '../views/labels';
import type { Lang, Printable, TableView } from '../output';
import { demoRequest, demoTimeLine, stderrLine, stderrMessage } from './demo';
import { serveStore } from './serve';
import { msg, renderMessage } from '../../core/messages/catalogue';
import { infoTables } from './info';
import { portfolioPrintable } from '../views/portfolio';
import { subscriptionPrintable } from '../views/contracts';
import type { SubscriptionReport } from '../../app/reports/contracts';
import { help } from '../help';

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
      ...infoTables(info),
      headline ? headlineTable(headline) : none,
      ...(portfolio ? portfolioPrintable(portfolio, lang).tables : []),
      ...(subscription ? subscriptionPrintable(subscription, lang).tables : []),
      ...(keyAccounts ? [negativeTable(keyAccounts)] : []),
    ],
  };
}

/** The summary of what is loaded, as `cvm start` and `cvm summary` print it. */
async function summaryPrintable(unit: StoreUnit, lang: Lang): Promise<Printable> {
  const { info, headline, portfolio, subscription, keyAccounts } = await getSummary(unit, {
    onNote: stderrMessage(lang),
    spell: cliOption,
  });
  return startPrintable(info, headline, lang, portfolio, keyAccounts, subscription);
}

/**
 * The KPI board in one line: counts on track, at risk and off track (and without a value), or how to set
 * a target when the board is empty. Computing it saves no snapshot (app `kpiBoardGlance`).
 */
export function boardLine(b: StatusCounts & { asOf: IsoDay | null }, lang: Lang): string {
  if (b.kpis === 0)
    return lang === 'sv'
      ? 'KPI-tavlan: inga mål satta (cvm kpi set KPI --target N --deadline YYYY-MM-DD)'
      : 'KPI board: no targets set (cvm kpi set KPI --target N --deadline YYYY-MM-DD)';
  const sv = lang === 'sv';
  const parts = [
    `${b.onTrack} ${sv ? 'i fas' : 'on track'}`,
    `${b.atRisk} ${sv ? 'i riskzonen' : 'at risk'}`,
    `${b.offTrack} ${sv ? 'ur fas' : 'off track'}`,
    ...(b.noValue > 0 ? [`${b.noValue} ${sv ? 'utan värde' : 'without a value'}`] : []),
  ];
  const of = sv
    ? `${b.kpis} KPI:er med mål, per ${b.asOf ?? ''}; cvm kpi status`
    : `${b.kpis} KPIs with a target, as of ${b.asOf ?? ''}; cvm kpi status`;
  return `${sv ? 'KPI-tavlan' : 'KPI board'}: ${parts.join(', ')} (${of})`;
}

/** The demo logins, one line each, for the start banner. */
function loginLines(lang: Lang): string[] {
  return DEMO_LOGINS.map(
    (u) =>
      `  ${u.role.padEnd(16)} ${lang === 'sv' ? 'användare' : 'username'} ${JSON.stringify(u.username)}  ${lang === 'sv' ? 'lösenord' : 'password'} ${JSON.stringify(u.password)}`,
  );
}

export function registerStart(program: Command): void {
  program
    .command('start')
    .description(help('help.start'))
    .option('--customers <n>', help('help.start.customers'), String(DEFAULT_DEMO_OPTIONS.customers))
    .option('--seed <n>', help('help.start.seed'), String(DEFAULT_DEMO_OPTIONS.seed))
    .option('--port <port>', help('help.start.port'), '8080')
    .option('--host <host>', help('help.serve.host'), '127.0.0.1')
    .option('--trust-proxy <addresses>', help('help.serve.trust-proxy'))
    .option('--no-serve', help('help.start.no-serve'))
    .option('--no-warm', help('help.serve.no-warm'))
    .action(
      async (
        flags: {
          customers: string;
          seed: string;
          port: string;
          host: string;
          trustProxy?: string;
          serve: boolean;
          warm: boolean;
        },
        command: Command,
      ) => {
        const options = globalOptions(command);
        const request = demoRequest(flags, stderrMessage(options.lang));
        const serve = flags.serve
          ? parseOptions(serveInput, {
              port: flags.port,
              host: flags.host,
              trustProxy: flags.trustProxy,
              warm: flags.warm,
            })
          : null;
        const printable = await withCliUnit(
          options,
          async (store) => {
            const empty = (await store.meta.tables()).every((t) => t.rows === 0);
            if (empty) {
              stderrLine(renderMessage(msg('cli.start.empty', { location: store.location }), options.lang));
              const result = await buildDemo(store, request);
              stderrLine(demoTimeLine(result, options.lang));
            }
            if (serve) await ensureDemoLogins(store, new Date().toISOString());
            const summary = await summaryPrintable(store, options.lang);
            const hasOrders = (await store.service.latestOrderDate()) !== null;
            const board = hasOrders ? await kpiBoardGlance(store, localToday()) : null;
            return { summary, board };
          },
          { create: true },
        );
        print(printable.summary, options);
        // the board's line goes where it does not break a JSON or CSV summary on stdout
        if (printable.board !== null)
          (options.format === 'table' ? process.stdout : process.stderr).write(
            boardLine(printable.board, options.lang) + '\n',
          );
        if (!serve) return;
        // the banner goes where it does not break a JSON or CSV summary on stdout
        const write = (line: string): boolean =>
          (options.format === 'table' ? process.stdout : process.stderr).write(line + '\n');
        await serveStore(options, serve, (url) => {
          write('');
          write(options.lang === 'sv' ? `CVM:s instrumentpanel: ${url}` : `CVM dashboard: ${url}`);
          write(options.lang === 'sv' ? 'Demoinloggningar:' : 'Demo logins:');
          for (const line of loginLines(options.lang)) write(line);
          write(options.lang === 'sv' ? 'Stoppa med Ctrl-C.' : 'Stop with Ctrl-C.');
        });
      },
    );
}

export function registerSummary(program: Command): void {
  program
    .command('summary')
    .description(help('help.list.summary'))
    .action(async (_flags: unknown, command: Command) => {
      const options = globalOptions(command);
      print(await withCliUnit(options, (store) => summaryPrintable(store, options.lang)), options);
    });
}
