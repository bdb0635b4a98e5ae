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
  const result = useApi<PortfolioReport>('reports/portfolio', reportQuery(settings, true));
  return (
    <>
      <h1>{t('tiers')}</h1>
      <Load result={result}>
        {(r) => {
          // value clv: the CLV and value columns are the members' predicted CLVs (mean, sum)
          const predicted = r.clv ? ` (${r.clv.horizonMonths} ${t('monthsShort')})` : null;
          const clvHeader = predicted === null ? t('clv') : `${t('predictedClv')}${predicted}`;
          const valueHeader = predicted === null ? t('portfolioValue') : `${t('predictedValue')}${predicted}`;
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
            { key: 'clv', header: clvHeader, kind: 'money' },
            {
              key: 'clvIndex',
              header: predicted === null ? t('clvIndex') : t('predictedClvIndex'),
              kind: 'decimal',
              decimals: 1,
            },
            { key: 'retention', header: t('retentionRate'), kind: 'percent' },
          ];
          const valueCols: Col[] = [
            { key: 'tier', header: t('tier'), kind: 'text' },
            { key: 'customers', header: t('members'), kind: 'int' },
            { key: 'value', header: valueHeader, kind: 'money' },
          ];
          const tierRows = rows.slice(0, -1);
          return (
            <>
              <ChartPanel
                title={`${valueHeader} — ${t('asOf')} ${r.asOf}`}
                csvName="portfolio-value"
                columns={valueCols}
                rows={tierRows}
                option={{
                  tooltip: { trigger: 'axis' },
                  grid: { left: 90, right: 20, top: 20, bottom: 40 },
                  xAxis: { type: 'category', data: tierRows.map((x) => x.tier) },
                  yAxis: { type: 'value' },
                  series: [{ type: 'bar', name: valueHeader, data: tierRows.map((x) => x.value) }],
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
