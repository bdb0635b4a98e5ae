/** Customer portfolio value and CLV table views (seed 002 layout). */
import type { PortfolioReport } from '../../app/reports/portfolio';
import type { Lang, Printable, TableView } from '../output';
import { l, col, tierLabel } from './labels';

export function portfolioPrintable(r: PortfolioReport, lang: Lang): Printable {
  // with value clv the CLV and value columns are the members' predicted CLVs (mean, sum), not the course's CLV
  const h = r.clv?.horizonMonths;
  const clvLabel =
    h === undefined ? l('CLV', 'CLV') : l(`Predicted CLV (${h} mo)`, `Predikterat CLV (${h} mån)`);
  const rows = [
    ...r.tiers.map((t) => ({ ...t, tier: tierLabel(t.tier, lang) })),
    { ...r.total, tier: l('Total', 'Totalt')[lang] },
  ];
  const main: TableView = {
    name: 'tiers',
    title: l(
      `Customer portfolio value and CLV, as of ${r.asOf} (${r.windowMonths} months)`,
      `Kundportföljens värde och CLV, per ${r.asOf} (${r.windowMonths} månader)`,
    ),
    columns: [
      col('tier', l('Tier', 'Kundkategori'), 'text'),
      col('customers', l('Members', 'Medlemmar'), 'int'),
      col('duration', l('Duration (years)', 'Varaktighet (år)'), 'decimal'),
      col('purchases', l('Purchases', 'Antal köp'), 'int'),
      col('revenue', l('Revenue', 'Omsättning'), 'money'),
      col('purchasesPerCustomer', l('Purchases/customer', 'Antal köp/kund'), 'decimal'),
      col('revenuePerPurchase', l('Revenue/purchase', 'Intäkt per köp'), 'money', 2),
      col('revenuePerCustomer', l('Revenue/customer/year', 'Intäkt per kund per år'), 'money'),
      ...(r.value === 'margin'
        ? [col('marginPerCustomer', l('Margin/customer/year', 'Marginal per kund per år'), 'money')]
        : []),
      col('clv', clvLabel, 'money'),
      col(
        'clvIndex',
        h === undefined ? l('CLV index', 'CLV-index') : l('Predicted CLV index', 'Predikterat CLV-index'),
        'decimal',
        1,
      ),
      col('retention', l('Retention', 'Retention'), 'percent'),
    ],
    rows,
    totals: [rows.length - 1],
  };
  const value: TableView = {
    name: 'value',
    title: l('Portfolio value', 'Värdet på kundportföljen'),
    columns: [
      col('tier', l('Tier', 'Kundkategori'), 'text'),
      col('customers', l('Members', 'Medlemmar'), 'int'),
      col(
        'clv',
        h === undefined
          ? l('CLV per customer', 'CLV per kund')
          : l(`Predicted CLV per customer (${h} mo)`, `Predikterat CLV per kund (${h} mån)`),
        'money',
      ),
      col(
        'value',
        h === undefined
          ? l('CLV total', 'CLV totalt')
          : l(`Predicted value (${h} mo)`, `Predikterat värde (${h} mån)`),
        'money',
      ),
    ],
    rows: [...rows.slice(0, -1), { ...r.total, clv: r.total.meanClv, tier: l('Total', 'Totalt')[lang] }],
    totals: [rows.length - 1],
    notes: [
      h === undefined
        ? l(
            'total: CLV per customer is the portfolio value / members (a member-weighted mean over the tiers); the CLV of the total row above treats all customers as one group, as the course table does',
            'totalt: CLV per kund är portföljens värde / antal medlemmar (ett medelvärde över kategorierna, vägt med medlemmar); totalradens CLV ovan behandlar alla kunder som en grupp, som i kursens tabell',
          )
        : l(
            "predicted CLV: BG/NBD + Gamma-Gamma, the members' mean and sum; model predictions, not observed revenue",
            'predikterat CLV: BG/NBD + Gamma-Gamma, medlemmarnas medelvärde och summa; modellprognoser, inte observerad intäkt',
          ),
      ...r.notes,
    ],
  };
  return { json: r, tables: [main, value] };
}
