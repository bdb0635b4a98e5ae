/** Flows between value tiers: the seed 002 flow table layout. */
import type { FlowsReport } from '../../app/reports/flows';
import type { Column, Label, Lang, Printable } from '../output';
import { l, col, tierLabel } from './labels';

const ACTIVITY = (first: Label, clvMonths?: number): Column[] => [
  col('label', first, 'text'),
  col('customers', l('Customers', 'Kunder'), 'int'),
  col('purchases', l('Purchases', 'Antal köp'), 'int'),
  col('revenue', l('Revenue', 'Omsättning'), 'money'),
  col('revenuePerCustomer', l('Revenue/customer', 'Omsättning/kund'), 'money'),
  // value clv: the group's predicted CLVs summed, what ranked it
  ...(clvMonths === undefined
    ? []
    : [col('clv', l(`Predicted CLV (${clvMonths} mo)`, `Predikterat CLV (${clvMonths} mån)`), 'money')]),
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
        name: 'previous',
        title: l(
          `Previous window (${w.previous.startExclusive} < day ≤ ${w.previous.endInclusive})`,
          `Föregående period (${w.previous.startExclusive} < dag ≤ ${w.previous.endInclusive})`,
        ),
        columns: ACTIVITY(l('Tier', 'Kundkategori'), r.clv?.horizonMonths),
        rows: r.previous.map((p) => ({ ...p, label: t(p.tier) })),
      },
      {
        name: 'flows',
        title: l(
          `Customer flows between value tiers, as of ${r.asOf} (${r.windowMonths} months)`,
          `Kundflöden mellan kundkategorier, per ${r.asOf} (${r.windowMonths} månader)`,
        ),
        columns: ACTIVITY(l('Flow', 'Flöde'), r.clv?.horizonMonths),
        rows,
        totals,
        notes: [
          ...r.notes,
          l(
            'lost customers show their purchases and revenue in the previous window',
            'förlorade kunder visas med köp och omsättning från föregående fönster',
          ),
        ],
      },
    ],
  };
}
