/** Concentration table views: top shares, deciles, Lorenz points. */
import type { ConcentrationReport } from '../../app/reports/concentration';
import { formatNumber, type Lang, type Printable } from '../output';
import { l, col, tierLabel } from './labels';

export function concentrationPrintable(r: ConcentrationReport, lang: Lang): Printable {
  const lorenz = r.lorenz.filter((_, i) => i % 10 === 0 || i === r.lorenz.length - 1);
  const gini = (language: Lang): string => (r.gini === null ? '–' : formatNumber(r.gini, 3, language));
  return {
    json: r,
    tables: [
      {
        name: 'summary',
        title: l(
          `Concentration of ${r.clv ? `predicted CLV (${r.clv.horizonMonths} mo)` : r.value}, as of ${r.asOf} (${r.windowMonths} months): Gini ${gini('en')}`,
          `Koncentration av ${r.clv ? `predikterat CLV (${r.clv.horizonMonths} mån)` : r.value === 'margin' ? 'marginal' : 'omsättning'}, per ${r.asOf} (${r.windowMonths} månader): Gini ${gini('sv')}`,
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
        name: 'tiers',
        title: l('Tiers (deciles by default)', 'Kundkategorier (deciler som standard)'),
        columns: [
          col('label', l('Tier', 'Kundkategori'), 'text'),
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
        name: 'lorenz',
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
