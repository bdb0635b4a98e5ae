/**
 * Satisfaction: NPS of the current and the previous window with its 95 % margin as error bars, and CSAT
 * and CES with their intervals. (Per-tier figures need a per-tier satisfaction report from the server.)
 */
import { ChartPanel, Notes, TablePanel } from '../components/ChartPanel';
import { Load } from '../components/Status';
import { useSettings } from '../settings';
import type { SatisfactionReport } from '../types';
import { useApi } from '../use-api';

export function SatisfactionPage() {
  const { t, settings } = useSettings();
  const result = useApi<SatisfactionReport>('reports/satisfaction', {
    asOf: settings.asOf || undefined,
    window: settings.window,
  });
  return (
    <>
      <h1>{t('satisfaction')}</h1>
      <Load result={result}>
        {(r) => {
          const rows = [
            {
              window: t('previous'),
              score: r.nps.previous?.score ?? null,
              n: r.nps.previous?.n ?? 0,
              margin: null as number | null,
            },
            {
              window: `${t('current')} (${r.asOf})`,
              score: r.nps.score,
              n: r.nps.n,
              margin: r.nps.marginOfError,
            },
          ];
          const bars = rows
            .map((x, i) =>
              x.score !== null && x.margin !== null ? [i, x.score - x.margin, x.score + x.margin] : null,
            )
            .filter((x) => x !== null);
          return (
            <>
              <ChartPanel
                title={`${t('nps')} ${t('margin95')}`}
                csvName="nps"
                columns={[
                  { key: 'window', header: t('period'), kind: 'text' },
                  { key: 'score', header: t('nps'), kind: 'decimal', decimals: 1 },
                  { key: 'margin', header: t('margin95'), kind: 'decimal', decimals: 1 },
                  { key: 'n', header: t('responses'), kind: 'int' },
                ]}
                rows={rows}
                option={{
                  tooltip: { trigger: 'axis' },
                  grid: { left: 50, right: 20, top: 20, bottom: 30 },
                  xAxis: { type: 'category', data: rows.map((x) => x.window) },
                  yAxis: { type: 'value', min: -100, max: 100 },
                  series: [
                    { type: 'line', name: t('nps'), data: rows.map((x) => x.score), symbolSize: 10 },
                    {
                      type: 'custom',
                      name: t('margin95'),
                      data: bars,
                      renderItem: (
                        _params: unknown,
                        api: { value: (i: number) => number; coord: (p: number[]) => number[] },
                      ) => {
                        const x = api.value(0);
                        const lo = api.coord([x, api.value(1)]);
                        const hi = api.coord([x, api.value(2)]);
                        const [lx = 0, ly = 0] = lo;
                        const [, hy = 0] = hi;
                        return {
                          type: 'group',
                          children: [
                            {
                              type: 'line',
                              shape: { x1: lx, y1: ly, x2: lx, y2: hy },
                              style: { stroke: '#333', lineWidth: 1.5 },
                            },
                            {
                              type: 'line',
                              shape: { x1: lx - 8, y1: ly, x2: lx + 8, y2: ly },
                              style: { stroke: '#333', lineWidth: 1.5 },
                            },
                            {
                              type: 'line',
                              shape: { x1: lx - 8, y1: hy, x2: lx + 8, y2: hy },
                              style: { stroke: '#333', lineWidth: 1.5 },
                            },
                          ],
                        };
                      },
                    },
                  ],
                }}
              >
                {r.nps.change && (
                  <p>
                    {t('change')}: {r.nps.change.difference?.toFixed(1) ?? '–'} ·{' '}
                    {r.nps.change.significant ? t('significant') : `${t('significant')}: –`}
                  </p>
                )}
              </ChartPanel>
              <TablePanel
                title={`${t('csat')} / ${t('ces')}`}
                csvName="csat-ces"
                columns={[
                  { key: 'measure', header: t('kpiName'), kind: 'text' },
                  { key: 'value', header: t('value'), kind: 'decimal', decimals: 3 },
                  { key: 'low', header: '95 % low', kind: 'decimal', decimals: 3 },
                  { key: 'high', header: '95 % high', kind: 'decimal', decimals: 3 },
                  { key: 'n', header: t('responses'), kind: 'int' },
                ]}
                rows={[
                  {
                    measure: t('csat'),
                    value: r.csat.share,
                    low: r.csat.interval?.low ?? null,
                    high: r.csat.interval?.high ?? null,
                    n: r.csat.n,
                  },
                  {
                    measure: t('ces'),
                    value: r.ces.mean,
                    low: r.ces.interval?.low ?? null,
                    high: r.ces.interval?.high ?? null,
                    n: r.ces.n,
                  },
                ]}
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
