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
      {
        name: 'customers',
        title: l(
          `Depth of loyalty per customer, most valuable first, as of ${r.asOf} (${r.windowMonths} months)`,
          `Lojalitetens djup per kund, mest värdefulla först, per ${r.asOf} (${r.windowMonths} månader)`,
        ),
        columns: [
          col('customerId', l('Customer', 'Kund'), 'text'),
          col('rank', l('Rank', 'Rang'), 'int'),
          col('tier', l('Tier', 'Kundkategori'), 'text'),
          col('value', l('Value', 'Värde'), 'money'),
          col('tenureYears', l('Duration (tenure, years)', 'Varaktighet (kundålder, år)'), 'decimal', 1),
          col('frequency', l('Frequency (purchases/year)', 'Frekvens (köp/år)'), 'decimal', 1),
          col('volume', l('Volume (revenue/year)', 'Volym (intäkt/år)'), 'money'),
          col('depth', l('Depth (product lines)', 'Djup (produktlinjer)'), 'int'),
          col('categorySpend', l('Category spend/year', 'Kategoriutgift/år'), 'money'),
          col('shareOfWallet', l('Share of wallet', 'Plånboksandel'), 'percent'),
        ],
        rows: r.customers.map((c) => ({ ...c, tier: tierLabel(c.tier, lang) })),
        notes:
          r.customers.length === 0
            ? [l('give --customers N (or all) for the list', 'ge --customers N (eller all) för listan')]
            : [],
      },
    ],
  };
}
