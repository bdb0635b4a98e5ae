/**
 * `cvm report portfolio|flows|retention|cohorts|concentration`: argv → app report → Printable. The JSON is
 * the report object exactly as the app returns it (docs/metrics.md); the tables read like the seed's tables,
 * with English or Swedish labels.
 */
import type { Command } from 'commander';
import { cohortReport, type CohortReport } from '../../app/reports/cohorts';
import { concentrationReport, type ConcentrationReport } from '../../app/reports/concentration';
import { flowsReport, type FlowsReport } from '../../app/reports/flows';
import type { ReportOptions } from '../../app/reports/options';
import { portfolioReport, type PortfolioReport } from '../../app/reports/portfolio';
import { retentionReport, type RetentionReport } from '../../app/reports/retention';
import { withStore } from '../../app/open-store';
import type { AnalyticsPort } from '../../data/analytics/types';
import { globalOptions, print } from '../context';
import type { Column, Label, Lang, Printable, TableView } from '../output';

const l = (en: string, sv: string): { en: string; sv: string } => ({ en, sv });

const SV_TIERS: Record<string, string> = {
  'Top 15%': 'Topp 15%',
  'Middle 50%': 'Mellan 50%',
  'Bottom 30%': 'Botten 30%',
};

/** A tier name in the output language: the default names and deciles are translated, own names kept. */
export function tierLabel(name: string, lang: Lang): string {
  if (lang === 'en') return name;
  return SV_TIERS[name] ?? name.replace(/^Decile /, 'Decil ').replace(/^Tier /, 'Segment ');
}

const col = (key: string, label: Label, type: Column['type'], decimals?: number): Column =>
  decimals === undefined ? { key, label, type } : { key, label, type, decimals };

// ---- portfolio ----------------------------------------------------------------------------------------

export function portfolioPrintable(r: PortfolioReport, lang: Lang): Printable {
  const rows = [
    ...r.tiers.map((t) => ({ ...t, tier: tierLabel(t.tier, lang) })),
    { ...r.total, tier: l('Total', 'Totalt')[lang] },
  ];
  const main: TableView = {
    title: l(
      `Customer portfolio value and CLV, as of ${r.asOf} (${r.windowMonths} months)`,
      `Kundportföljens värde och CLV, per ${r.asOf} (${r.windowMonths} månader)`,
    ),
    columns: [
      col('tier', l('Tier', 'Medlemskategori'), 'text'),
      col('customers', l('Members', 'Medlemmar'), 'int'),
      col('duration', l('Duration', 'Duration'), 'decimal'),
      col('purchases', l('Purchases', 'Antal köp'), 'int'),
      col('revenue', l('Revenue', 'Omsättning'), 'money'),
      col('purchasesPerCustomer', l('Purchases/customer', 'Antal köp/kund'), 'decimal'),
      col('revenuePerPurchase', l('Revenue/purchase', 'Intäkt per köp'), 'money', 2),
      col('revenuePerCustomer', l('Revenue/customer/year', 'Intäkt per kund per år'), 'money'),
      ...(r.value === 'margin'
        ? [col('marginPerCustomer', l('Margin/customer/year', 'Marginal per kund per år'), 'money')]
        : []),
      col('clv', l('CLV', 'CLV'), 'money'),
      col('clvIndex', l('CLV index', 'CLV-index'), 'decimal', 1),
      col('retention', l('Retention', 'Retention'), 'percent'),
    ],
    rows,
    totals: [rows.length - 1],
  };
  const value: TableView = {
    title: l('Portfolio value', 'Värdet på kundportföljen'),
    columns: [
      col('tier', l('Tier', 'Kundkategori'), 'text'),
      col('customers', l('Members', 'Medlemmar'), 'int'),
      col('clv', l('CLV per customer', 'CLV per kund'), 'money'),
      col('value', l('CLV total', 'CLV totalt'), 'money'),
    ],
    rows: [...rows.slice(0, -1), { ...r.total, clv: undefined, tier: l('Total', 'Totalt')[lang] }],
    totals: [rows.length - 1],
    notes: r.notes,
  };
  return { json: r, tables: [main, value] };
}

// ---- flows --------------------------------------------------------------------------------------------

const ACTIVITY = (first: Label): Column[] => [
  col('label', first, 'text'),
  col('customers', l('Customers', 'Kunder'), 'int'),
  col('purchases', l('Purchases', 'Antal köp'), 'int'),
  col('revenue', l('Revenue', 'Omsättning'), 'money'),
  col('revenuePerCustomer', l('Revenue/customer', 'Omsättning/kund'), 'money'),
];

export function flowsPrintable(r: FlowsReport, lang: Lang): Printable {
  const t = (name: string): string => tierLabel(name, lang);
  const text = (f: FlowsReport['flows'][number]): string => {
    const sv = lang === 'sv';
    switch (f.kind) {
      case 'retained':
        return `${sv ? 'Fortsatt aktiva' : 'Retained'} – ${t(f.to)}`;
      case 'upgraded':
        return `${sv ? 'Uppgradering från' : 'Upgraded from'} ${t(f.from)}`;
      case 'downgraded':
        return `${sv ? 'Nedgradering från' : 'Downgraded from'} ${t(f.from)}`;
      case 'wonBack':
        return sv ? 'Återvunna' : 'Won back';
      case 'new':
        return sv ? 'Nya' : 'New';
      case 'lost':
        return `${sv ? 'Förlorade' : 'Lost'} – ${t(f.from)}`;
    }
  };
  const rows: Record<string, unknown>[] = [];
  const totals: number[] = [];
  r.current.forEach((tier) => {
    for (const f of r.flows.filter((x) => x.to === tier.tier)) rows.push({ ...f, label: text(f) });
    totals.push(rows.length);
    rows.push({ ...tier, label: t(tier.tier) });
  });
  for (const f of r.flows.filter((x) => x.to === 'lost')) rows.push({ ...f, label: text(f) });
  totals.push(rows.length);
  rows.push({ ...r.lost, label: l('Lost', 'Förlorade')[lang] });
  totals.push(rows.length);
  rows.push({ ...r.total, label: l('Total active', 'Totalt aktiva')[lang] });
  const w = r.windows;
  return {
    json: r,
    tables: [
      {
        title: l(
          `Previous window (${w.previous.startExclusive} < day ≤ ${w.previous.endInclusive})`,
          `Föregående period (${w.previous.startExclusive} < dag ≤ ${w.previous.endInclusive})`,
        ),
        columns: ACTIVITY(l('Tier', 'Segment')),
        rows: r.previous.map((p) => ({ ...p, label: t(p.tier) })),
      },
      {
        title: l(
          `Customer flows between value tiers, as of ${r.asOf} (${r.windowMonths} months)`,
          `Kundflöden mellan värdesegment, per ${r.asOf} (${r.windowMonths} månader)`,
        ),
        columns: ACTIVITY(l('Flow', 'Flöde')),
        rows,
        totals,
        notes: [
          ...r.notes,
          lang === 'sv'
            ? 'förlorade kunder visas med köp och omsättning från föregående period'
            : 'lost customers show their purchases and revenue in the previous window',
        ],
      },
    ],
  };
}

// ---- retention ----------------------------------------------------------------------------------------

const RETENTION_COLUMNS = (first: Label): Column[] => [
  col('label', first, 'text'),
  col('previous', l('Previous', 'Föregående'), 'int'),
  col('retained', l('Retained', 'Kvar'), 'int'),
  col('lost', l('Lost', 'Förlorade'), 'int'),
  col('retention', l('Retention', 'Retention'), 'percent'),
  col('churn', l('Churn', 'Churn'), 'percent'),
  col('duration', l('Duration (years)', 'Duration (år)'), 'decimal'),
];

export function retentionPrintable(r: RetentionReport, lang: Lang): Printable {
  const all = l('All', 'Alla')[lang];
  const summary = [
    ...r.tiers.map((t) => ({ ...t, label: tierLabel(t.tier, lang) })),
    { ...r.overall, label: all },
  ];
  const ratio = r.tenure.earlyChurnRatio;
  const tenureNote =
    ratio === null
      ? []
      : [
          lang === 'sv'
            ? `churn de två första åren är ${ratio.toFixed(1)} gånger churn därefter`
            : `churn in the first two years is ${ratio.toFixed(1)}× the churn after`,
        ];
  return {
    json: r,
    tables: [
      {
        title: l(
          `Retention by previous-window tier, as of ${r.asOf} (${r.windowMonths} months)`,
          `Retention per segment i föregående period, per ${r.asOf} (${r.windowMonths} månader)`,
        ),
        columns: RETENTION_COLUMNS(l('Tier', 'Segment')),
        rows: summary,
        totals: [summary.length - 1],
      },
      {
        title: l(
          `Retention trend, a point every ${r.stepMonths} months`,
          `Retention över tid, en punkt var ${r.stepMonths}:e månad`,
        ),
        columns: [
          col('asOf', l('As of', 'Per'), 'date'),
          col('retention', all, 'percent'),
          col('duration', l('Duration', 'Duration'), 'decimal'),
          ...r.tiers.map((t, i) => col(`t${i}`, tierLabel(t.tier, lang), 'percent')),
        ],
        rows: r.trend.map((p) => ({
          asOf: p.asOf,
          retention: p.overall.retention,
          duration: p.overall.duration,
          ...Object.fromEntries(p.tiers.map((t, i) => [`t${i}`, t.retention])),
        })),
      },
      {
        title: l(
          'Retention by tenure (years since the first purchase)',
          'Retention per kundålder (år sedan första köpet)',
        ),
        columns: RETENTION_COLUMNS(l('Tenure', 'Kundålder')),
        rows: r.tenure.rows.map((t) => ({
          ...t,
          label: t.toYears === null ? `${t.fromYears}+` : `${t.fromYears}–${t.toYears}`,
        })),
        notes: [...tenureNote, ...r.notes],
      },
    ],
  };
}

// ---- cohorts ------------------------------------------------------------------------------------------

export function cohortsPrintable(r: CohortReport): Printable {
  const periods = Math.max(0, ...r.cohorts.map((c) => c.periods.length));
  const matrix = (key: 'retention' | 'revenueRetention', title: Label): TableView => ({
    title,
    columns: [
      col('cohort', l('Cohort', 'Kohort'), 'text'),
      col('customers', l('Customers', 'Kunder'), 'int'),
      ...Array.from({ length: periods }, (_, p) => col(`p${p}`, `${p}`, 'percent' as const)),
    ],
    rows: r.cohorts.map((c) => ({
      cohort: c.cohort,
      customers: c.customers,
      ...Object.fromEntries(c.periods.map((p) => [`p${p.period}`, p[key]])),
    })),
  });
  return {
    json: r,
    tables: [
      matrix(
        'retention',
        l(
          `Share of each cohort active per ${r.periodMonths}-month period since acquisition, as of ${r.asOf}`,
          `Andel av kohorten aktiv per period om ${r.periodMonths} månader sedan första köpet, per ${r.asOf}`,
        ),
      ),
      {
        ...matrix(
          'revenueRetention',
          l('Revenue retained against period 0', 'Omsättning jämfört med period 0'),
        ),
        notes: r.notes,
      },
    ],
  };
}

// ---- concentration ------------------------------------------------------------------------------------

export function concentrationPrintable(r: ConcentrationReport, lang: Lang): Printable {
  const lorenz = r.lorenz.filter((_, i) => i % 10 === 0 || i === r.lorenz.length - 1);
  return {
    json: r,
    tables: [
      {
        title: l(
          `Concentration of ${r.value}, as of ${r.asOf} (${r.windowMonths} months): Gini ${r.gini === null ? '–' : r.gini.toFixed(3)}`,
          `Koncentration av ${r.value === 'margin' ? 'marginal' : 'omsättning'}, per ${r.asOf} (${r.windowMonths} månader): Gini ${r.gini === null ? '–' : r.gini.toFixed(3).replace('.', ',')}`,
        ),
        columns: [
          col('label', l('Customers', 'Kunder'), 'text'),
          col('customers', l('Count', 'Antal'), 'int'),
          col('value', l('Value', 'Värde'), 'money'),
          col('share', l('Share', 'Andel'), 'percent'),
        ],
        rows: r.top.map((t) => ({ ...t, label: `${lang === 'sv' ? 'Topp' : 'Top'} ${t.percent}%` })),
      },
      {
        title: l('Tiers (deciles by default)', 'Segment (deciler som standard)'),
        columns: [
          col('label', l('Tier', 'Segment'), 'text'),
          col('customers', l('Customers', 'Kunder'), 'int'),
          col('revenue', l('Revenue', 'Omsättning'), 'money'),
          col('share', l('Share', 'Andel'), 'percent'),
          col('cumulativeShare', l('Cumulative', 'Kumulativ'), 'percent'),
          col('min', l('Min value', 'Lägsta värde'), 'money', 2),
          col('max', l('Max value', 'Högsta värde'), 'money', 2),
        ],
        rows: r.tiers.map((t) => ({ ...t, label: tierLabel(t.tier, lang) })),
      },
      {
        title: l(
          'Lorenz curve (customers least valuable first)',
          'Lorenzkurva (minst värdefulla kunder först)',
        ),
        columns: [
          col('customerShare', l('Customers', 'Kunder'), 'percent'),
          col('valueShare', l('Value', 'Värde'), 'percent'),
        ],
        rows: lorenz.map((p) => ({ ...p })),
        notes: r.notes,
      },
    ],
  };
}

// ---- commands -----------------------------------------------------------------------------------------

type Options = ReportOptions & Record<string, string | undefined>;

function reportCommand<R>(
  program: Command,
  name: string,
  description: string,
  run: (analytics: AnalyticsPort, options: Options) => Promise<R>,
  printable: (report: R, lang: Lang) => Printable,
): Command {
  return program
    .command(name)
    .description(description)
    .option('--as-of <day>', 'report date YYYY-MM-DD (default: the latest order date)')
    .option('--window <months>', 'window length in months: 12, 3 or 1', '12')
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
