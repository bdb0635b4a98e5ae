/**
 * `cvm simulate retention|bucket|loyal`: the loyalty what-ifs (seed 002). `retention` starts from the store's
 * portfolio; `bucket` and `loyal` only compute with the numbers given. Percent options are percentage points.
 */
import type { Command } from 'commander';
import { bucketInput, loyalInput, retentionWhatIfInput } from '../../app/options/simulate';
import { parseOptions } from '../../app/options/parse';
import {
  bucketWhatIf,
  loyalWhatIf,
  retentionWhatIf,
  type BucketReport,
  type RetentionWhatIfReport,
} from '../../app/reports/simulate';
import type { LoyalComparison } from '../../core/kpi/loyal-customer';
import { globalOptions, localToday, print, withCliUnit } from '../context';
import { formatNumber, type Lang, type Printable } from '../output';
import { inBoth, l, tierLabel } from '../views/labels';
import { help } from '../help';

export function retentionWhatIfPrintable(r: RetentionWhatIfReport, lang: Lang): Printable {
  const rows = [
    ...r.tiers.map((t) => ({ ...t, tier: tierLabel(t.tier, lang) })),
    { tier: l('Total', 'Totalt')[lang], customers: r.tiers.reduce((s, t) => s + t.customers, 0), ...r.total },
  ];
  const sign = r.deltaPoints >= 0 ? '+' : '';
  return {
    json: r,
    tables: [
      {
        name: 'simulation',
        title: l(
          `Retention ${sign}${r.deltaPoints} points, as of ${r.asOf} (${r.windowMonths} months)`,
          `Retention ${sign}${r.deltaPoints} procentenheter, per ${r.asOf} (${r.windowMonths} månader)`,
        ),
        columns: [
          { key: 'tier', label: l('Tier', 'Kundkategori'), type: 'text' },
          { key: 'customers', label: l('Members', 'Medlemmar'), type: 'int' },
          { key: 'retention', label: l('Retention', 'Retention'), type: 'percent' },
          { key: 'newRetention', label: l('New retention', 'Ny retention'), type: 'percent' },
          { key: 'duration', label: l('Duration (years)', 'Varaktighet (år)'), type: 'decimal' },
          { key: 'newDuration', label: l('New duration (years)', 'Ny varaktighet (år)'), type: 'decimal' },
          { key: 'clv', label: 'CLV', type: 'money' },
          { key: 'newClv', label: l('New CLV', 'Ny CLV'), type: 'money' },
          { key: 'value', label: l('Value', 'Värde'), type: 'money' },
          { key: 'newValue', label: l('New value', 'Nytt värde'), type: 'money' },
          { key: 'change', label: l('Change', 'Förändring'), type: 'percent' },
        ],
        rows,
        totals: [rows.length - 1],
        notes: r.notes,
      },
    ],
  };
}

function bucketNote(r: BucketReport, lang: Lang): string {
  const sv = lang === 'sv';
  const doubling =
    r.doublingYears !== null
      ? `${sv ? 'fördubblas på' : 'doubles in'} ${formatNumber(r.doublingYears, 1, lang)} ${sv ? 'år' : 'years'}`
      : r.halvingYears !== null
        ? `${sv ? 'halveras på' : 'halves in'} ${formatNumber(r.halvingYears, 1, lang)} ${sv ? 'år' : 'years'}`
        : sv
          ? 'växer inte'
          : 'does not grow';
  return `${sv ? 'basen' : 'the base'} ${doubling} (${sv ? 'tillväxtfaktor' : 'growth factor'} ${formatNumber(r.growthFactor, 4, lang)})`;
}

export function bucketPrintable(r: BucketReport): Printable {
  return {
    json: r,
    tables: [
      {
        name: 'bucket',
        title: l(
          `Leaking bucket: acquisition ${r.acquisition}%, churn ${r.churn}% a year`,
          `Läckande hink: nyförvärv ${r.acquisition} %, churn ${r.churn} % per år`,
        ),
        columns: [
          { key: 'year', label: l('Year', 'År'), type: 'int' },
          { key: 'size', label: l('Base size', 'Kundbas'), type: 'decimal', decimals: 1 },
        ],
        rows: r.sizes,
        notes: [inBoth((lang) => bucketNote(r, lang))],
      },
    ],
  };
}

export function loyalPrintable(r: LoyalComparison, lang: Lang): Printable {
  const pct =
    r.change === null
      ? '–'
      : `${formatNumber(Math.abs(r.change * 100), 0, lang)}${lang === 'sv' ? ' %' : '%'}`;
  const more =
    r.change !== null && r.change < 0 ? (lang === 'sv' ? 'mindre' : 'less') : lang === 'sv' ? 'mer' : 'more';
  return {
    json: r,
    tables: [
      {
        name: 'loyalty',
        title: l('Ordinary versus loyal customer', 'Vanlig kund och lojal kund'),
        columns: [
          { key: 'label', label: l('Customer', 'Kund'), type: 'text' },
          {
            key: 'frequency',
            label: l('Purchases per year', 'Antal inköp per år'),
            type: 'decimal',
            decimals: 1,
          },
          { key: 'basket', label: l('Per purchase', 'Inköp per besök'), type: 'money' },
          { key: 'perYear', label: l('Per year', 'Inköp per år'), type: 'money' },
          { key: 'years', label: l('Years', 'Varaktighet'), type: 'decimal', decimals: 1 },
          { key: 'lifetime', label: l('Total', 'Totalt belopp'), type: 'money' },
        ],
        rows: [
          { ...r.ordinary, label: l('Ordinary', 'Vanlig kund')[lang] },
          { ...r.loyal, label: l('Loyal', 'Lojal kund')[lang] },
        ],
        notes: [l(`a loyal customer buys ${pct} ${more}`, `en lojal kund köper för ${pct} ${more}`)],
      },
    ],
  };
}

type Options = Record<string, string | undefined>;

export function registerSimulate(program: Command): void {
  const simulate = program.command('simulate').description(help('help.simulate'));
  simulate
    .command('retention')
    .description(help('help.simulate.retention'))
    .option('--delta <points>', help('help.simulate.retention.delta'), '5')
    .option('--as-of <day>', help('help.report.as-of'))
    .option('--window <months>', help('help.report.window'), '12')
    .option('--tiers <spec>', help('help.simulate.retention.tiers'))
    .option('--value <measure>', help('help.simulate.retention.value'))
    .action(async (options: Options, command: Command) => {
      const global = globalOptions(command);
      const input = parseOptions(retentionWhatIfInput, { ...options, today: localToday() });
      const report = await withCliUnit(global, (unit) => retentionWhatIf(unit.analytics, input));
      print(retentionWhatIfPrintable(report, global.lang), global);
    });
  simulate
    .command('bucket')
    .description(help('help.simulate.bucket'))
    .requiredOption('--acquisition <percent>', help('help.simulate.bucket.acquisition'))
    .requiredOption('--churn <percent>', help('help.simulate.bucket.churn'))
    .option('--years <n>', help('help.simulate.bucket.years'), '20')
    .option('--start <size>', help('help.simulate.bucket.start'), '100')
    .action((options: Options, command: Command) => {
      const global = globalOptions(command);
      print(bucketPrintable(bucketWhatIf(parseOptions(bucketInput, options))), global);
    });
  simulate
    .command('loyal')
    .description(help('help.simulate.loyal'))
    .option('--frequency <n>', help('help.simulate.loyal.frequency'), '4')
    .option('--basket <amount>', help('help.simulate.loyal.basket'), '500')
    .option('--years <n>', help('help.simulate.loyal.years'), '2.5')
    .option('--loyal-frequency <n>', help('help.simulate.loyal.loyal-frequency'), '5')
    .option('--loyal-basket <amount>', help('help.simulate.loyal.loyal-basket'), '600')
    .option('--loyal-years <n>', help('help.simulate.loyal.loyal-years'), '3')
    .action((options: Options, command: Command) => {
      const global = globalOptions(command);
      print(loyalPrintable(loyalWhatIf(parseOptions(loyalInput, options)), global.lang), global);
    });
}
