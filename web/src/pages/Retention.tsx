/** Retention: the trend (overall and per tier), the cohort heatmap and retention by tenure. */
import { ChartPanel, Notes } from '../components/ChartPanel';
import type { Col } from '../components/DataTable';
import { Load } from '../components/Status';
import { tierName } from '../i18n';
import { reportQuery, useSettings } from '../settings';
import type { CohortsReport, RetentionReport } from '../types';
import { useApi } from '../use-api';

const pct = (v: number | null | undefined) =>
  v === null || v === undefined ? null : Math.round(v * 1000) / 10;

export function RetentionPage() {
  const { t, settings } = useSettings();
  const lang = settings.lang;
  const retention = useApi<RetentionReport>('reports/retention', reportQuery(settings));
  const cohorts = useApi<CohortsReport>('reports/cohorts', { asOf: settings.asOf || undefined });
  return (
    <>
      <h1>{t('retention')}</h1>
      <Load result={retention}>
        {(r) => {
          const trend = [...r.trend].sort((a, b) => a.asOf.localeCompare(b.asOf));
          const tiers = r.tiers.map((x) => x.tier);
          const trendRows = trend.map((p) => ({
            asOf: p.asOf,
            overall: p.overall.retention,
            ...Object.fromEntries(p.tiers.map((x) => [x.tier, x.retention])),
          }));
          const trendCols: Col[] = [
            { key: 'asOf', header: t('asOf'), kind: 'date' },
            { key: 'overall', header: t('total'), kind: 'percent' },
            ...tiers.map((x): Col => ({ key: x, header: tierName(x, lang), kind: 'percent' })),
          ];
          const tenureRows = r.tenure.rows.map((x) => ({
            tenure: `${x.fromYears}–${x.toYears ?? ''}`,
            previous: x.previous,
            retained: x.retained,
            retention: x.retention,
          }));
          return (
            <>
              <ChartPanel
                title={`${t('retentionRate')}: ${t('trend')}`}
                csvName="retention-trend"
                columns={trendCols}
                rows={trendRows}
                option={{
                  tooltip: { trigger: 'axis' },
                  legend: { top: 0 },
                  grid: { left: 50, right: 20, top: 40, bottom: 40 },
                  xAxis: { type: 'category', data: trend.map((p) => p.asOf) },
                  yAxis: { type: 'value', axisLabel: { formatter: '{value} %' } },
                  series: [
                    {
                      type: 'line',
                      name: t('total'),
                      data: trend.map((p) => pct(p.overall.retention)),
                      lineStyle: { width: 3 },
                    },
                    ...tiers.map((tier) => ({
                      type: 'line',
                      name: tierName(tier, lang),
                      data: trend.map((p) => pct(p.tiers.find((x) => x.tier === tier)?.retention)),
                    })),
                  ],
                }}
              />
              <ChartPanel
                title={t('tenure')}
                csvName="retention-tenure"
                columns={[
                  { key: 'tenure', header: t('tenureYears'), kind: 'text' },
                  { key: 'previous', header: t('previous'), kind: 'int' },
                  { key: 'retained', header: t('retentionRate'), kind: 'int' },
                  { key: 'retention', header: t('retentionRate'), kind: 'percent' },
                ]}
                rows={tenureRows}
                height={260}
                option={{
                  tooltip: { trigger: 'axis' },
                  grid: { left: 50, right: 20, top: 20, bottom: 40 },
                  xAxis: {
                    type: 'category',
                    name: t('tenureYears'),
                    nameLocation: 'middle',
                    nameGap: 26,
                    data: tenureRows.map((x) => x.tenure),
                  },
                  yAxis: { type: 'value', axisLabel: { formatter: '{value} %' } },
                  series: [
                    { type: 'line', name: t('retentionRate'), data: tenureRows.map((x) => pct(x.retention)) },
                  ],
                }}
              />
              <Notes notes={r.notes} />
            </>
          );
        }}
      </Load>
      <Load result={cohorts}>
        {(c) => {
          const maxPeriod = Math.max(0, ...c.cohorts.flatMap((x) => x.periods.map((p) => p.period)));
          const periods = Array.from({ length: maxPeriod + 1 }, (_, i) => i);
          const data = c.cohorts.flatMap((x, yi) => x.periods.map((p) => [p.period, yi, pct(p.retention)]));
          const rows = c.cohorts.map((x) => ({
            cohort: x.cohort,
            customers: x.customers,
            ...Object.fromEntries(x.periods.map((p) => [`p${p.period}`, p.retention])),
          }));
          const cols: Col[] = [
            { key: 'cohort', header: t('cohort'), kind: 'text' },
            { key: 'customers', header: t('customers'), kind: 'int' },
            ...periods.map((p): Col => ({ key: `p${p}`, header: `${t('period')} ${p}`, kind: 'percent' })),
          ];
          return (
            <ChartPanel
              title={t('cohortHeatmap')}
              csvName="cohorts"
              columns={cols}
              rows={rows}
              height={360}
              option={{
                tooltip: { position: 'top' },
                grid: { left: 70, right: 20, top: 10, bottom: 80 },
                xAxis: {
                  type: 'category',
                  name: t('period'),
                  data: periods.map(String),
                  splitArea: { show: true },
                },
                yAxis: { type: 'category', data: c.cohorts.map((x) => x.cohort), splitArea: { show: true } },
                visualMap: {
                  min: 0,
                  max: 100,
                  calculable: true,
                  orient: 'horizontal',
                  left: 'center',
                  bottom: 0,
                },
                series: [
                  { type: 'heatmap', name: t('retentionRate'), data, label: { show: true, fontSize: 9 } },
                ],
              }}
            >
              <Notes notes={c.notes} />
            </ChartPanel>
          );
        }}
      </Load>
    </>
  );
}
