/**
 * Flows between value tiers: a Sankey from last window's tiers (plus new and won-back customers) to this
 * window's tiers (plus lost), and the seed-style table of flows per target tier.
 */
import { ChartPanel, Notes, TablePanel } from '../components/ChartPanel';
import type { Col } from '../components/DataTable';
import { Load } from '../components/Status';
import { tierName, type LabelKey } from '../i18n';
import { reportQuery, useSettings } from '../settings';
import type { FlowsReport } from '../types';
import { useApi } from '../use-api';

const SPECIAL: Record<string, LabelKey> = { new: 'new', wonBack: 'wonBack', lost: 'lost' };

export function FlowsPage() {
  const { t, settings } = useSettings();
  const lang = settings.lang;
  const result = useApi<FlowsReport>('reports/flows', reportQuery(settings, true));
  return (
    <>
      <h1>{t('flows')}</h1>
      <Load result={result}>
        {(r) => {
          const name = (tier: string) => {
            const s = SPECIAL[tier];
            return s ? t(s) : tierName(tier, lang);
          };
          // sources carry a leading label so that a tier can be both a source and a target
          const source = (tier: string) => (SPECIAL[tier] ? name(tier) : `${t('previous')}: ${name(tier)}`);
          const target = (tier: string) => (SPECIAL[tier] ? name(tier) : `${t('current')}: ${name(tier)}`);
          const links = r.flows
            .filter((f) => f.customers > 0)
            .map((f) => ({ source: source(f.from), target: target(f.to), value: f.customers }));
          const nodes = [...new Set(links.flatMap((l) => [l.source, l.target]))].map((n) => ({ name: n }));
          const rows = r.flows.map((f) => ({
            from: name(f.from),
            to: name(f.to),
            kind: f.kind,
            customers: f.customers,
            purchases: f.purchases,
            revenue: f.revenue,
            revenuePerCustomer: f.revenuePerCustomer,
          }));
          const cols: Col[] = [
            { key: 'from', header: t('from'), kind: 'text' },
            { key: 'to', header: t('to'), kind: 'text' },
            { key: 'kind', header: t('kind'), kind: 'text' },
            { key: 'customers', header: t('customers'), kind: 'int' },
            { key: 'purchases', header: t('purchases'), kind: 'int' },
            { key: 'revenue', header: t('revenue'), kind: 'money' },
            { key: 'revenuePerCustomer', header: t('revenuePerCustomer'), kind: 'money' },
          ];
          // the seed layout: one block per target tier, its sources as rows
          const seedRows = r.current.flatMap((c) => [
            ...r.flows
              .filter((f) => f.to === c.tier)
              .map((f) => ({
                to: name(c.tier),
                from: name(f.from),
                customers: f.customers,
                revenue: f.revenue,
              })),
            { to: name(c.tier), from: t('total'), customers: c.customers, revenue: c.revenue },
          ]);
          const seedCols: Col[] = [
            { key: 'to', header: t('tier'), kind: 'text' },
            { key: 'from', header: t('from'), kind: 'text' },
            { key: 'customers', header: t('customers'), kind: 'int' },
            { key: 'revenue', header: t('revenue'), kind: 'money' },
          ];
          return (
            <>
              <ChartPanel
                title={`${t('flows')} — ${t('asOf')} ${r.asOf}`}
                csvName="flows"
                columns={cols}
                rows={rows}
                height={420}
                option={{
                  tooltip: { trigger: 'item' },
                  series: [
                    {
                      type: 'sankey',
                      data: nodes,
                      links,
                      emphasis: { focus: 'adjacency' },
                      nodeAlign: 'justify',
                      label: { fontSize: 11 },
                      left: 10,
                      right: 130,
                    },
                  ],
                }}
              />
              <TablePanel
                title={`${t('flows')}: ${t('tier')}`}
                csvName="flows-by-tier"
                columns={seedCols}
                rows={seedRows}
              >
                <Notes notes={r.notes} />
              </TablePanel>
            </>
          );
        }}
      </Load>
    </>
  );
}
