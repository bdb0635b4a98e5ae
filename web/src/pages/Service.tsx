/**
 * Service: resolution time (median, mean, 90th percentile) and its distribution as a histogram, the share
 * resolved within the target per month, the causes Pareto (bars and cumulative share), the backlog (opened
 * against resolved per month), and per value tier the complaint figures, first-response time, top causes
 * and the retention of complainants against the other customers (`report service --by-tier`).
 */
import { ChartPanel, Notes } from '../components/ChartPanel';
import { Load } from '../components/Status';
import { fmt } from '../format';
import { useSettings } from '../settings';
import type { ServiceReport } from '../types';
import { useApi } from '../use-api';

const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

export function ServicePage() {
  const { t, settings } = useSettings();
  const lang = settings.lang;
  const result = useApi<ServiceReport>('reports/service', {
    asOf: settings.asOf || undefined,
    window: settings.window,
    byTier: 'true',
  });
  return (
    <>
      <h1>{t('service')}</h1>
      <Load result={result}>
        {(r) => {
          const dist = [
            { figure: t('median'), hours: r.medianResolutionHours },
            { figure: t('mean'), hours: r.meanResolutionHours },
            { figure: t('p90'), hours: r.p90ResolutionHours },
          ];
          const tierCauses = (r.byTier?.tiers ?? []).flatMap((x) =>
            x.causes.map((c) => ({ tier: x.tier, ...c })),
          );
          const bins = r.resolutionDistribution.map((b) => ({
            ...b,
            hours: b.toHours === null ? `> ${b.fromHours}` : `${b.fromHours}–${b.toHours}`,
          }));
          return (
            <>
              <p>
                {t('complaints')}: <strong>{fmt(r.complaints, 'int', lang)}</strong> · {t('resolved')}:{' '}
                {fmt(r.resolved, 'int', lang)} · {t('within24')} ({r.targetHours} h):{' '}
                <strong data-testid="within-target">{fmt(r.resolvedWithinTarget, 'percent', lang)}</strong> ·{' '}
                {t('backlog')}: {fmt(r.openBacklog.open, 'int', lang)}
              </p>
              <div className="grid2">
                <ChartPanel
                  title={t('resolutionHours')}
                  csvName="service-resolution"
                  columns={[
                    { key: 'figure', header: t('value'), kind: 'text' },
                    { key: 'hours', header: t('resolutionHours'), kind: 'decimal', decimals: 1 },
                  ]}
                  rows={dist}
                  height={260}
                  option={{
                    tooltip: { trigger: 'axis' },
                    grid: { left: 60, right: 20, top: 20, bottom: 30 },
                    xAxis: { type: 'category', data: dist.map((d) => d.figure) },
                    yAxis: { type: 'value', name: 'h' },
                    series: [{ type: 'bar', data: dist.map((d) => d.hours) }],
                  }}
                />
                <ChartPanel
                  title={`${t('within24')} (${r.targetHours} h)`}
                  csvName="service-within-target"
                  columns={[
                    { key: 'month', header: t('month'), kind: 'text' },
                    { key: 'withinTargetShare', header: t('within24'), kind: 'percent' },
                    { key: 'medianResolutionHours', header: t('median'), kind: 'decimal', decimals: 1 },
                  ]}
                  rows={r.trend}
                  height={260}
                  option={{
                    tooltip: { trigger: 'axis' },
                    grid: { left: 50, right: 20, top: 20, bottom: 30 },
                    xAxis: { type: 'category', data: r.trend.map((m) => m.month) },
                    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
                    series: [
                      {
                        type: 'line',
                        name: t('within24'),
                        data: r.trend.map((m) => pct(m.withinTargetShare)),
                      },
                    ],
                  }}
                />
              </div>
              <ChartPanel
                title={`${t('resolutionDistribution')} (${r.clock === 'business' ? 'h, business' : 'h'})`}
                csvName="service-distribution"
                columns={[
                  { key: 'hours', header: t('hours'), kind: 'text' },
                  { key: 'complaints', header: t('complaints'), kind: 'int' },
                  { key: 'share', header: t('share'), kind: 'percent' },
                ]}
                rows={bins}
                height={260}
                option={{
                  tooltip: { trigger: 'axis' },
                  grid: { left: 60, right: 20, top: 20, bottom: 30 },
                  xAxis: { type: 'category', name: 'h', data: bins.map((b) => b.hours) },
                  yAxis: { type: 'value', name: t('complaints') },
                  series: [
                    {
                      type: 'bar',
                      name: t('complaints'),
                      barCategoryGap: '2%',
                      data: bins.map((b) => b.complaints),
                    },
                  ],
                }}
              />
              <ChartPanel
                title={`${t('causes')} (Pareto)`}
                csvName="service-causes"
                columns={[
                  { key: 'cause', header: t('causes'), kind: 'text' },
                  { key: 'complaints', header: t('complaints'), kind: 'int' },
                  { key: 'share', header: t('share'), kind: 'percent' },
                  { key: 'cumulativeShare', header: t('cumulative'), kind: 'percent' },
                ]}
                rows={r.causes}
                option={{
                  tooltip: { trigger: 'axis' },
                  legend: { top: 0 },
                  grid: { left: 50, right: 50, top: 40, bottom: 40 },
                  xAxis: { type: 'category', data: r.causes.map((c) => c.cause) },
                  yAxis: [
                    { type: 'value', name: t('complaints') },
                    { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
                  ],
                  series: [
                    { type: 'bar', name: t('complaints'), data: r.causes.map((c) => c.complaints) },
                    {
                      type: 'line',
                      name: t('cumulative'),
                      yAxisIndex: 1,
                      data: r.causes.map((c) => pct(c.cumulativeShare)),
                    },
                  ],
                }}
              />
              <ChartPanel
                title={t('openedResolved')}
                csvName="service-backlog"
                columns={[
                  { key: 'month', header: t('month'), kind: 'text' },
                  { key: 'opened', header: t('opened'), kind: 'int' },
                  { key: 'resolved', header: t('resolved'), kind: 'int' },
                ]}
                rows={r.trend}
                height={260}
                option={{
                  tooltip: { trigger: 'axis' },
                  legend: { top: 0 },
                  grid: { left: 50, right: 20, top: 40, bottom: 30 },
                  xAxis: { type: 'category', data: r.trend.map((m) => m.month) },
                  yAxis: { type: 'value' },
                  series: [
                    { type: 'bar', name: t('opened'), data: r.trend.map((m) => m.opened) },
                    { type: 'bar', name: t('resolved'), data: r.trend.map((m) => m.resolved) },
                  ],
                }}
              >
                <p>
                  {t('backlog')}: {fmt(r.openBacklog.open, 'int', lang)} · {t('median')}{' '}
                  {fmt(
                    r.openBacklog.ageMedianHours === null ? null : r.openBacklog.ageMedianHours / 24,
                    'decimal',
                    lang,
                    0,
                  )}{' '}
                  d
                </p>
                <Notes notes={r.notes} />
              </ChartPanel>
              {r.byTier && (
                <>
                  <ChartPanel
                    title={`${t('complaints')} — ${t('byTier')}`}
                    csvName="service-tiers"
                    columns={[
                      { key: 'tier', header: t('tier'), kind: 'text' },
                      { key: 'customers', header: t('customers'), kind: 'int' },
                      { key: 'complaints', header: t('complaints'), kind: 'int' },
                      { key: 'ratePer1000Customers', header: 'per 1 000', kind: 'decimal', decimals: 1 },
                      { key: 'medianResolutionHours', header: t('median'), kind: 'decimal', decimals: 1 },
                      { key: 'resolvedWithinTarget', header: t('within24'), kind: 'percent' },
                    ]}
                    rows={r.byTier.tiers}
                    height={240}
                    option={{
                      tooltip: { trigger: 'axis' },
                      grid: { left: 50, right: 20, top: 20, bottom: 30 },
                      xAxis: { type: 'category', data: r.byTier.tiers.map((x) => x.tier) },
                      yAxis: { type: 'value', name: 'per 1 000' },
                      series: [{ type: 'bar', data: r.byTier.tiers.map((x) => x.ratePer1000Customers) }],
                    }}
                  />
                  <ChartPanel
                    title={`${t('firstResponse')} — ${t('byTier')}`}
                    csvName="service-tier-response"
                    columns={[
                      { key: 'tier', header: t('tier'), kind: 'text' },
                      { key: 'n', header: t('answered'), kind: 'int' },
                      { key: 'medianHours', header: t('median'), kind: 'decimal', decimals: 1 },
                      { key: 'meanHours', header: t('mean'), kind: 'decimal', decimals: 1 },
                      { key: 'p90Hours', header: t('p90'), kind: 'decimal', decimals: 1 },
                    ]}
                    rows={r.byTier.tiers.map((x) => ({ tier: x.tier, ...x.firstResponse }))}
                    height={240}
                    option={{
                      tooltip: { trigger: 'axis' },
                      legend: { top: 0 },
                      grid: { left: 50, right: 20, top: 40, bottom: 30 },
                      xAxis: { type: 'category', data: r.byTier.tiers.map((x) => x.tier) },
                      yAxis: { type: 'value', name: 'h' },
                      series: [
                        {
                          type: 'bar',
                          name: t('median'),
                          data: r.byTier.tiers.map((x) => x.firstResponse.medianHours),
                        },
                        {
                          type: 'bar',
                          name: t('p90'),
                          data: r.byTier.tiers.map((x) => x.firstResponse.p90Hours),
                        },
                      ],
                    }}
                  />
                  <ChartPanel
                    title={`${t('topCauses')} — ${t('byTier')}`}
                    csvName="service-tier-causes"
                    columns={[
                      { key: 'tier', header: t('tier'), kind: 'text' },
                      { key: 'cause', header: t('cause'), kind: 'text' },
                      { key: 'complaints', header: t('complaints'), kind: 'int' },
                      { key: 'share', header: t('shareOfTier'), kind: 'percent' },
                    ]}
                    rows={tierCauses}
                    height={260}
                    option={{
                      tooltip: { trigger: 'axis' },
                      grid: { left: 50, right: 20, top: 20, bottom: 60 },
                      xAxis: {
                        type: 'category',
                        data: tierCauses.map((x) => `${x.tier}: ${x.cause}`),
                        axisLabel: { rotate: 30 },
                      },
                      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
                      series: [{ type: 'bar', data: tierCauses.map((x) => pct(x.share)) }],
                    }}
                  />
                  <ChartPanel
                    title={t('complainantRetention')}
                    csvName="service-complainants"
                    columns={[
                      { key: 'tier', header: t('tier'), kind: 'text' },
                      { key: 'complainants', header: t('complainants'), kind: 'percent' },
                      { key: 'complainantsN', header: 'n', kind: 'int' },
                      { key: 'others', header: t('others'), kind: 'percent' },
                      { key: 'othersN', header: 'n', kind: 'int' },
                      { key: 'difference', header: t('difference'), kind: 'percent' },
                      { key: 'pValue', header: t('pValue'), kind: 'decimal', decimals: 3 },
                    ]}
                    rows={[
                      ...r.byTier.retention.tiers,
                      { ...r.byTier.retention.total, tier: t('total') },
                    ].map((x) => ({
                      tier: x.tier,
                      complainants: x.complainants.retention,
                      complainantsN: x.complainants.customers,
                      others: x.others.retention,
                      othersN: x.others.customers,
                      difference: x.difference,
                      pValue: x.test?.pValue ?? null,
                    }))}
                    height={260}
                    option={{
                      tooltip: { trigger: 'axis' },
                      legend: { top: 0 },
                      grid: { left: 50, right: 20, top: 40, bottom: 30 },
                      xAxis: { type: 'category', data: r.byTier.retention.tiers.map((x) => x.tier) },
                      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value} %' } },
                      series: [
                        {
                          type: 'bar',
                          name: t('complainants'),
                          data: r.byTier.retention.tiers.map((x) => pct(x.complainants.retention)),
                        },
                        {
                          type: 'bar',
                          name: t('others'),
                          data: r.byTier.retention.tiers.map((x) => pct(x.others.retention)),
                        },
                      ],
                    }}
                  />
                </>
              )}
            </>
          );
        }}
      </Load>
    </>
  );
}
