/**
 * Predictive CLV: the BG/NBD fit (parameters, standard errors, fit statistics), the P(alive) matrix by
 * frequency and recency, the holdout tracking chart, and the high-value customers most likely lost.
 */
import { useEffect, useState } from 'react';
import { getText, request, type Query } from '../api';
import { parseCsv } from '../csv';
import { ChartPanel, TablePanel } from '../components/ChartPanel';
import { Load } from '../components/Status';
import { fmt } from '../format';
import { useSettings } from '../settings';
import { useApi, type Loaded } from '../use-api';
import { bgnbdPAlive } from '../math';

interface Fit {
  model: string;
  name: string;
  timeUnit: string;
  calibrationEnd: string;
  params: Record<string, number>;
  standardErrors: Record<string, number | null> | null;
  logLikelihood: number;
  aic: number;
  bic: number;
  customers: number;
  converged: boolean;
}

interface Validation {
  calibrationEnd: string;
  holdoutEnd: string;
  holdoutActual: number;
  holdoutPredicted: number;
  mae: number | null;
  rmse: number | null;
  tracking: { period: number; day: string; holdout: boolean; actual: number; expected: number }[];
}

/** A POST whose answer is read like a GET (the model fit takes its options as a JSON body). */
function usePost<T>(path: string, body: Record<string, unknown>): Loaded<T> {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const key = JSON.stringify(body);
  useEffect(() => {
    let live = true;
    setResult({ state: 'loading' });
    request<T>('POST', path, {}, JSON.parse(key)).then(
      (data) => live && setResult({ state: 'ok', data }),
      (error: unknown) =>
        live &&
        setResult({ state: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      live = false;
    };
  }, [path, key]);
  return result;
}

/** A CSV resource as records (the per-customer predictions). */
function useCsv(path: string, query: Query): Loaded<Record<string, string>[]> {
  const [result, setResult] = useState<Loaded<Record<string, string>[]>>({ state: 'loading' });
  const key = JSON.stringify(query);
  useEffect(() => {
    let live = true;
    setResult({ state: 'loading' });
    getText(path, JSON.parse(key) as Query).then(
      (text) => live && setResult({ state: 'ok', data: parseCsv(text) }),
      (error: unknown) =>
        live &&
        setResult({ state: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      live = false;
    };
  }, [path, key]);
  return result;
}

function defaultCalibrationEnd(asOf: string): { calibrationEnd: string; holdoutEnd: string } {
  const end = /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : '';
  if (!end) return { calibrationEnd: '', holdoutEnd: '' };
  const year = Number(end.slice(0, 4)) - 1;
  return { calibrationEnd: `${year}${end.slice(4)}`, holdoutEnd: end };
}

export function ModelsPage() {
  const { t, settings } = useSettings();
  const lang = settings.lang;
  const [dates, setDates] = useState(() => defaultCalibrationEnd(settings.asOf));
  const fit = usePost<Fit>('models/fit', {
    model: 'bgnbd',
    ...(settings.asOf ? { calibrationEnd: settings.asOf } : {}),
  });
  // the holdout: the last year of the data the fit saw, unless the user picks other days
  const fitEnd = fit.state === 'ok' ? fit.data.calibrationEnd : '';
  useEffect(() => {
    if (fitEnd) setDates((d) => (d.calibrationEnd ? d : defaultCalibrationEnd(fitEnd)));
  }, [fitEnd]);
  const validation = useApi<Validation>(dates.calibrationEnd ? 'models/validate' : null, dates);
  const predict = useCsv('models/predict', { format: 'csv', calibrationEnd: settings.asOf || undefined });
  return (
    <>
      <h1>{t('models')}</h1>
      <Load result={fit}>
        {(f) => {
          const params = Object.entries(f.params).map(([k, v]) => ({
            parameter: k,
            value: v,
            se: f.standardErrors?.[k] ?? null,
          }));
          // P(alive) for x repeat purchases and recency t_x, for a customer observed for one year of weeks
          const T = f.timeUnit === 'week' ? 52 : f.timeUnit === 'month' ? 12 : 365;
          const xs = [0, 1, 2, 3, 4, 5, 6, 8, 10];
          const recencies = Array.from({ length: 9 }, (_, i) => Math.round((T * i) / 8));
          const matrix = xs.flatMap((x, yi) =>
            recencies.map((tx, xi) => [
              xi,
              yi,
              x === 0 && tx > 0 ? null : Math.round((bgnbdPAlive(f.params, x, tx, T) ?? 0) * 100),
            ]),
          );
          const matrixRows = xs.map((x) => ({
            x,
            ...Object.fromEntries(
              recencies.map((tx) => [`r${tx}`, x === 0 && tx > 0 ? null : bgnbdPAlive(f.params, x, tx, T)]),
            ),
          }));
          return (
            <>
              <TablePanel
                title={`${f.name}: ${t('parameter')} (${f.customers} ${t('customers').toLowerCase()}, ${f.calibrationEnd})`}
                csvName="model-fit"
                columns={[
                  { key: 'parameter', header: t('parameter'), kind: 'text' },
                  { key: 'value', header: t('value'), kind: 'decimal', decimals: 4 },
                  { key: 'se', header: 'SE', kind: 'decimal', decimals: 4 },
                ]}
                rows={params}
              >
                <p>
                  log L {fmt(f.logLikelihood, 'decimal', lang, 1)} · AIC {fmt(f.aic, 'decimal', lang, 1)} ·
                  BIC {fmt(f.bic, 'decimal', lang, 1)} · {f.converged ? 'converged' : 'not converged'}
                </p>
              </TablePanel>
              {f.model === 'bgnbd' && (
                <ChartPanel
                  title={`${t('pAlive')}: ${t('frequency')} × ${t('recency')} (T = ${T} ${f.timeUnit})`}
                  csvName="p-alive"
                  columns={[
                    { key: 'x', header: t('frequency'), kind: 'int' },
                    ...recencies.map((tx) => ({
                      key: `r${tx}`,
                      header: `t_x ${tx}`,
                      kind: 'percent' as const,
                    })),
                  ]}
                  rows={matrixRows}
                  height={340}
                  option={{
                    tooltip: { position: 'top' },
                    grid: { left: 60, right: 20, top: 10, bottom: 80 },
                    xAxis: { type: 'category', name: t('recency'), data: recencies.map(String) },
                    yAxis: { type: 'category', name: t('frequency'), data: xs.map(String) },
                    visualMap: {
                      min: 0,
                      max: 100,
                      calculable: true,
                      orient: 'horizontal',
                      left: 'center',
                      bottom: 0,
                    },
                    series: [{ type: 'heatmap', data: matrix, label: { show: true, fontSize: 9 } }],
                  }}
                />
              )}
            </>
          );
        }}
      </Load>
      <section className="panel" aria-label={t('tracking')}>
        <h2>{t('tracking')}</h2>
        <div className="form-row">
          <label>
            {t('calibrationEnd')}
            <input
              type="date"
              value={dates.calibrationEnd}
              onChange={(e) => setDates((d) => ({ ...d, calibrationEnd: e.target.value }))}
            />
          </label>
          <label>
            {t('holdoutEnd')}
            <input
              type="date"
              value={dates.holdoutEnd}
              onChange={(e) => setDates((d) => ({ ...d, holdoutEnd: e.target.value }))}
            />
          </label>
        </div>
        {dates.calibrationEnd ? (
          <Load result={validation}>
            {(v) => (
              <ChartPanel
                title={`${t('actual')} / ${t('predicted')}: MAE ${fmt(v.mae, 'decimal', lang, 3)}, RMSE ${fmt(v.rmse, 'decimal', lang, 3)}`}
                csvName="model-tracking"
                columns={[
                  { key: 'day', header: t('period'), kind: 'date' },
                  { key: 'actual', header: t('actual'), kind: 'decimal' },
                  { key: 'expected', header: t('predicted'), kind: 'decimal' },
                ]}
                rows={v.tracking}
                option={{
                  tooltip: { trigger: 'axis' },
                  legend: { top: 0 },
                  grid: { left: 50, right: 20, top: 40, bottom: 40 },
                  xAxis: { type: 'category', data: v.tracking.map((p) => p.day) },
                  yAxis: { type: 'value' },
                  series: [
                    {
                      type: 'line',
                      name: t('actual'),
                      showSymbol: false,
                      data: v.tracking.map((p) => p.actual),
                    },
                    {
                      type: 'line',
                      name: t('predicted'),
                      showSymbol: false,
                      lineStyle: { type: 'dashed' },
                      data: v.tracking.map((p) => p.expected),
                      markLine: { silent: true, symbol: 'none', data: [{ xAxis: v.calibrationEnd }] },
                    },
                  ],
                }}
              />
            )}
          </Load>
        ) : (
          <p className="empty">{t('chooseCalibration')}</p>
        )}
      </section>
      <Load result={predict}>
        {(p) => {
          // high value: repeat purchases × mean spend per repeat purchase; at risk: P(alive) below 50 %
          const rows = p
            .map((x) => ({
              customer: x.customer_id ?? '',
              x: Number(x.x),
              monetary: Number(x.monetary),
              pAlive: Number(x.p_alive),
              clv: Number(x.clv),
              past: Number(x.x) * Number(x.monetary),
            }))
            .filter((x) => Number.isFinite(x.pAlive) && x.pAlive < 0.5 && x.x > 0)
            .sort((a, b) => b.past - a.past)
            .slice(0, 25);
          return (
            <TablePanel
              title={t('atRiskCustomers')}
              csvName="customers-at-risk"
              columns={[
                { key: 'customer', header: t('customer'), kind: 'text' },
                { key: 'x', header: t('frequency'), kind: 'int' },
                { key: 'monetary', header: t('meanSpend'), kind: 'money' },
                { key: 'past', header: t('pastSpend'), kind: 'money' },
                { key: 'pAlive', header: t('pAlive'), kind: 'percent' },
                { key: 'clv', header: t('clv'), kind: 'money' },
              ]}
              rows={rows}
            />
          );
        }}
      </Load>
    </>
  );
}
