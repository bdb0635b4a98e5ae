/** Value tiers: CLV and portfolio value per tier (chart) and the portfolio table (seed 002 layout). */
import { ChartPanel, Notes, TablePanel } from '../components/ChartPanel';
import type { Col } from '../components/DataTable';
import { Load } from '../components/Status';
import { tierName } from '../i18n';
import { reportQuery, useSettings } from '../settings';
import type { PortfolioReport } from '../types';
import { useApi } from '../use-api';

export function TiersPage() {
  const { t, settings } = useSettings();
  const lang = settings.lang;
  const result = useApi<PortfolioReport>('reports/portfolio', reportQuery(settings));
  return (
    <>
      <h1>{t('tiers')}</h1>
      <Load result={result}>
        {(r) => {
          const rows = [
            ...r.tiers.map((x) => ({ ...x, tier: tierName(x.tier, lang) })),
            { ...r.total, tier: t('total') },
          ];
          const cols: Col[] = [
            { key: 'tier', header: t('tier'), kind: 'text' },
            { key: 'customers', header: t('members'), kind: 'int' },
            { key: 'duration', header: t('duration'), kind: 'decimal' },
            { key: 'purchases', header: t('purchases'), kind: 'int' },
            { key: 'revenue', header: t('revenue'), kind: 'money' },
            { key: 'revenuePerCustomer', header: t('revenuePerCustomer'), kind: 'money' },
            { key: 'clv', header: t('clv'), kind: 'money' },
            { key: 'clvIndex', header: t('clvIndex'), kind: 'decimal', decimals: 1 },
            { key: 'retention', header: t('retentionRate'), kind: 'percent' },
          ];
          const valueCols: Col[] = [
            { key: 'tier', header: t('tier'), kind: 'text' },
            { key: 'customers', header: t('members'), kind: 'int' },
            { key: 'value', header: t('portfolioValue'), kind: 'money' },
          ];
          const tierRows = rows.slice(0, -1);
          return (
            <>
              <ChartPanel
                title={`${t('portfolioValue')} — ${t('asOf')} ${r.asOf}`}
                csvName="portfolio-value"
                columns={valueCols}
                rows={tierRows}
                option={{
                  tooltip: { trigger: 'axis' },
                  grid: { left: 90, right: 20, top: 20, bottom: 40 },
                  xAxis: { type: 'category', data: tierRows.map((x) => x.tier) },
                  yAxis: { type: 'value' },
                  series: [{ type: 'bar', name: t('portfolioValue'), data: tierRows.map((x) => x.value) }],
                }}
              />
              <TablePanel title={t('tiers')} csvName="portfolio" columns={cols} rows={rows} totalRows={1}>
                <Notes notes={r.notes} />
              </TablePanel>
            </>
          );
        }}
      </Load>
    </>
  );
}
