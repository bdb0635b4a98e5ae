/** Retention per tier, trend and tenure table views. */
import type { RetentionReport } from '../../app/reports/retention';
import { formatNumber, type Column, type Label, type Lang, type Printable } from '../output';
import { l, col, inBoth, tierLabel } from './labels';

const RETENTION_COLUMNS = (first: Label): Column[] => [
  col('label', first, 'text'),
  col('previous', l('Previous', 'Föregående'), 'int'),
  col('retained', l('Retained', 'Kvar'), 'int'),
  col('lost', l('Lost', 'Förlorade'), 'int'),
  col('retention', l('Retention', 'Retention'), 'percent'),
  col('churn', l('Churn', 'Churn'), 'percent'),
  col('duration', l('Duration (years)', 'Varaktighet (år)'), 'decimal'),
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
          inBoth((lang) =>
            lang === 'sv'
              ? `churn de två första åren är ${formatNumber(ratio, 1, lang)} gånger churn därefter`
              : `churn in the first two years is ${formatNumber(ratio, 1, lang)}× the churn after`,
          ),
        ];
  return {
    json: r,
    tables: [
      {
        name: 'tiers',
        title: l(
          `Retention by previous-window tier, as of ${r.asOf} (${r.windowMonths} months)`,
          `Retention per kundkategori i föregående fönster, per ${r.asOf} (${r.windowMonths} månader)`,
        ),
        columns: RETENTION_COLUMNS(l('Tier', 'Kundkategori')),
        rows: summary,
        totals: [summary.length - 1],
      },
      {
        name: 'trend',
        title: l(
          `Retention trend, a point every ${r.stepMonths} months`,
          `Retention över tid, en punkt var ${r.stepMonths}:e månad`,
        ),
        columns: [
          col('asOf', l('As of', 'Per'), 'date'),
          col('retention', all, 'percent'),
          col('duration', l('Duration (years)', 'Varaktighet (år)'), 'decimal'),
          // keyed by the tier name, so that CSV headers (the keys) name the tiers
          ...r.tiers.map((t) => col(t.tier, tierLabel(t.tier, lang), 'percent')),
        ],
        rows: r.trend.map((p) => ({
          asOf: p.asOf,
          retention: p.overall.retention,
          duration: p.overall.duration,
          ...Object.fromEntries(p.tiers.map((t) => [t.tier, t.retention])),
        })),
      },
      {
        name: 'tenure',
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
