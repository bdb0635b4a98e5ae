/**
 * Satisfaction: the NPS trend, one point per window back from the as-of day, each with its 95 % margin as
 * an error bar, and CSAT and CES with their intervals. (Per-tier figures need a per-tier satisfaction report
 * from the server.)
 */
import { useEffect, useState } from 'react';
import { get } from '../api';
import { ChartPanel, Notes, TablePanel } from '../components/ChartPanel';
import { Load } from '../components/Status';
import { useSettings } from '../settings';
import type { SatisfactionReport } from '../types';
import { useApi } from '../use-api';
import { monthsBefore } from '../math';

const TREND_POINTS = 6;

/** The satisfaction reports of the windows before the current one, oldest first. */
function useEarlier(asOf: string | null, window: string): SatisfactionReport[] | null {
  const [reports, setReports] = useState<SatisfactionReport[] | null>(null);
  useEffect(() => {
    if (asOf === null) return;
    let live = true;
    const months = Number(window) || 12;
    const days = Array.from({ length: TREND_POINTS - 1 }, (_, i) =>
      monthsBefore(asOf, months * (TREND_POINTS - 1 - i)),
    );
    Promise.all(
      days.map((day) => get<SatisfactionReport>('reports/satisfaction', { asOf: day, window })),
    ).then(
      (r) => live && setReports(r),
      () => live && setReports([]),
    );
    return () => {
      live = false;
    };
  }, [asOf, window]);
  return reports;
}

export function SatisfactionPage() {
  const { t, settings } = useSettings();
  const result = useApi<SatisfactionReport>('reports/satisfaction', {
    asOf: settings.asOf || undefined,
    window: settings.window,
  });
  const earlier = useEarlier(result.state === 'ok' ? result.data.asOf : null, settings.window);
  return (
    <>
      <h1>{t('satisfaction')}</h1>
      <Load result={result}>
        {(r) => {
          const rows = [...(earlier ?? []).filter((e) => e.nps.n > 0), r].map((x) => ({
            window: x.asOf,
            score: x.nps.score,
            margin: x.nps.marginOfError,
            n: x.nps.n,
          }));
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
                  { key: 'window', header: t('asOf'), kind: 'date' },
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
                    {r.nps.change.significant ? t('significant') : t('notSignificant')}
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
