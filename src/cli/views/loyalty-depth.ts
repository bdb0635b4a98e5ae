/** The depth-of-loyalty table: the five behavioural dimensions per value tier. */
import type { LoyaltyDepthReport } from '../../app/reports/loyalty-depth';
import type { Lang, Printable } from '../output';
import { col, l, tierLabel } from './labels';

export function loyaltyDepthPrintable(r: LoyaltyDepthReport, lang: Lang): Printable {
  const rows = [
    ...r.tiers.map((t) => ({ ...t, tier: tierLabel(t.tier, lang) })),
    { ...r.total, tier: l('Total', 'Totalt')[lang] },
  ];
  return {
    json: r,
    tables: [
      {
        name: 'depth',
        title: l(
          `Depth of loyalty by value tier, as of ${r.asOf} (${r.windowMonths} months)`,
          `Lojalitetens djup per kundkategori, per ${r.asOf} (${r.windowMonths} månader)`,
        ),
        columns: [
          col('tier', l('Tier', 'Kundkategori'), 'text'),
          col('customers', l('Customers', 'Kunder'), 'int'),
          col('tenureYears', l('Duration (tenure, years)', 'Varaktighet (kundålder, år)'), 'decimal', 1),
          col('frequency', l('Frequency (purchases/year)', 'Frekvens (köp/år)'), 'decimal', 1),
          col('volume', l('Volume (revenue/year)', 'Volym (intäkt/år)'), 'money'),
          col('depth', l('Depth (product lines)', 'Djup (produktlinjer)'), 'decimal'),
          col('shareOfWallet', l('Share of wallet', 'Plånboksandel'), 'percent'),
          col('walletCustomers', l('With estimate', 'Med uppskattning'), 'int'),
        ],
        rows,
        totals: [rows.length - 1],
        notes: r.notes,
      },
    ],
  };
}
