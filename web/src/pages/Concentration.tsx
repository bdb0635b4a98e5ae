/** Concentration: the Lorenz curve with the line of equality, Gini, top-x % shares and deciles. */
import { ChartPanel, Notes, TablePanel } from '../components/ChartPanel';
import { Load } from '../components/Status';
import { fmt } from '../format';
import { tierName } from '../i18n';
import { reportQuery, useSettings } from '../settings';
import type { ConcentrationReport } from '../types';
import { useApi } from '../use-api';

export function ConcentrationPage() {
  const { t, settings } = useSettings();
  const lang = settings.lang;
  const q = { ...reportQuery(settings, true), tiers: undefined };
  const result = useApi<ConcentrationReport>('reports/concentration', q);
  return (
    <>
      <h1>{t('concentration')}</h1>
      <Load result={result}>
        {(r) => (
          <>
            <p>
              {t('gini')}: <strong data-testid="gini">{fmt(r.gini, 'decimal', lang, 3)}</strong> ·{' '}
              {t('customers')}: {fmt(r.customers, 'int', lang)} ·{' '}
              {r.clv ? `${t('predictedClv')} (${r.clv.horizonMonths} ${t('monthsShort')})` : t('value')}:{' '}
              {fmt(r.total, 'money', lang)}
            </p>
            <ChartPanel
              title={`${t('lorenz')} — ${t('asOf')} ${r.asOf}`}
              csvName="lorenz"
              columns={[
                { key: 'customerShare', header: t('customerShare'), kind: 'percent' },
                { key: 'valueShare', header: t('valueShare'), kind: 'percent' },
              ]}
              rows={r.lorenz}
              height={380}
              option={{
                tooltip: { trigger: 'axis' },
                legend: { top: 0 },
                grid: { left: 60, right: 30, top: 40, bottom: 50 },
                xAxis: {
                  type: 'value',
                  min: 0,
                  max: 100,
                  name: t('customerShare'),
                  nameLocation: 'middle',
                  nameGap: 28,
                },
                yAxis: { type: 'value', min: 0, max: 100, name: t('valueShare') },
                series: [
                  {
                    type: 'line',
                    name: t('lorenz'),
                    showSymbol: false,
                    data: r.lorenz.map((p) => [p.customerShare * 100, p.valueShare * 100]),
                  },
                  {
                    type: 'line',
                    name: t('equality'),
                    showSymbol: false,
                    lineStyle: { type: 'dashed' },
                    data: [
                      [0, 0],
                      [100, 100],
                    ],
                  },
                ],
              }}
            />
            <TablePanel
              title={t('topShares')}
              csvName="concentration-top"
              columns={[
                { key: 'percent', header: '%', kind: 'decimal', decimals: 0 },
                { key: 'customers', header: t('customers'), kind: 'int' },
                { key: 'value', header: t('value'), kind: 'money' },
                { key: 'share', header: t('share'), kind: 'percent' },
              ]}
              rows={r.top}
            />
            <TablePanel
              title={t('tiers')}
              csvName="concentration-tiers"
              columns={[
                { key: 'tier', header: t('tier'), kind: 'text' },
                { key: 'customers', header: t('customers'), kind: 'int' },
                { key: 'value', header: t('value'), kind: 'money' },
                { key: 'share', header: t('share'), kind: 'percent' },
                { key: 'cumulativeShare', header: t('cumulative'), kind: 'percent' },
              ]}
              rows={r.tiers.map((x) => ({ ...x, tier: tierName(x.tier, lang) }))}
            >
              <Notes notes={r.notes} />
            </TablePanel>
          </>
        )}
      </Load>
    </>
  );
}
