/**
 * Satisfaction: the NPS trend, one point per window back from the as-of day, each with its 95 % margin as
 * an error bar, CSAT and CES with their intervals, and NPS (with its error bar), CSAT and CES per value
 * tier of the respondents with their n, a small n marked (`report satisfaction --by-tier`).
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

/** An error bar from value 1 to value 2 at category value 0 (ECharts custom series). */
function errorBar(_params: unknown, api: { value: (i: number) => number; coord: (p: number[]) => number[] }) {
  const x = api.value(0);
  const [lx = 0, ly = 0] = api.coord([x, api.value(1)]);
  const [, hy = 0] = api.coord([x, api.value(2)]);
  const line = (x1: number, y1: number, x2: number, y2: number) => ({
    type: 'line',
    shape: { x1, y1, x2, y2 },
    style: { stroke: '#333', lineWidth: 1.5 },
  });
  return {
    type: 'group',
    children: [line(lx, ly, lx, hy), line(lx - 8, ly, lx + 8, ly), line(lx - 8, hy, lx + 8, hy)],
  };
}

const bars = (rows: { score: number | null; margin: number | null }[]) =>
  rows
    .map((x, i) =>
      x.score !== null && x.margin !== null ? [i, x.score - x.margin, x.score + x.margin] : null,
    )
    .filter((x) => x !== null);

export function SatisfactionPage() {
  const { t, settings } = useSettings();
  const result = useApi<SatisfactionReport>('reports/satisfaction', {
    asOf: settings.asOf || undefined,
    window: settings.window,
    byTier: 'true',
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
          const tiers = (r.byTier ?? []).map((x) => ({
            tier: x.tier,
            score: x.nps.score,
            margin: x.nps.marginOfError,
            npsN: x.nps.n,
            npsSmall: x.nps.smallSample ? '*' : '',
            csat: x.csat.share,
            csatN: x.csat.n,
            csatSmall: x.csat.smallSample ? '*' : '',
            ces: x.ces.mean,
            cesN: x.ces.n,
            cesSmall: x.ces.smallSample ? '*' : '',
          }));
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
                      data: bars(rows),
                      renderItem: errorBar,
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
              {r.byTier && (
                <ChartPanel
                  title={`${t('nps')} — ${t('byTier')} (* ${t('smallN')})`}
                  csvName="satisfaction-tiers"
                  columns={[
                    { key: 'tier', header: t('tier'), kind: 'text' },
                    { key: 'score', header: t('nps'), kind: 'decimal', decimals: 1 },
                    { key: 'margin', header: t('margin95'), kind: 'decimal', decimals: 1 },
                    { key: 'npsN', header: 'n', kind: 'int' },
                    { key: 'npsSmall', header: '', kind: 'text' },
                    { key: 'csat', header: t('csat'), kind: 'percent' },
                    { key: 'csatN', header: 'n', kind: 'int' },
                    { key: 'csatSmall', header: '', kind: 'text' },
                    { key: 'ces', header: t('ces'), kind: 'decimal', decimals: 2 },
                    { key: 'cesN', header: 'n', kind: 'int' },
                    { key: 'cesSmall', header: '', kind: 'text' },
                  ]}
                  rows={tiers}
                  option={{
                    tooltip: { trigger: 'axis' },
                    grid: { left: 50, right: 20, top: 20, bottom: 30 },
                    xAxis: { type: 'category', data: tiers.map((x) => x.tier) },
                    yAxis: { type: 'value', min: -100, max: 100 },
                    series: [
                      { type: 'bar', name: t('nps'), data: tiers.map((x) => x.score) },
                      { type: 'custom', name: t('margin95'), data: bars(tiers), renderItem: errorBar },
                    ],
                  }}
                />
              )}
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
