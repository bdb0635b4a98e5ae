/**
 * Predictive CLV: the BG/NBD fit (parameters, standard errors, fit statistics), the P(alive) matrix by
 * frequency and recency, the holdout tracking chart, the high-value customers most likely lost (from
 * /api/models/at-risk), and the sBG retention fit of a cohort's survival counts (projected against observed
 * survival, retention rates, DERL).
 */
import { useEffect, useState } from 'react';
import { request } from '../api';
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

interface AtRisk {
  calibrationEnd: string;
  horizonMonths: number;
  maxPAlive: number;
  topPercent: number;
  valueThreshold: number;
  customers: number;
  atRisk: number;
  valueAtStake: number;
  rows: {
    customerId: string;
    x: number;
    pAlive: number;
    valueIfAlive: number;
    clv: number;
    expectedSpend: number;
  }[];
}

interface SbgFit {
  params: { alpha: number; beta: number };
  standardErrors: Record<'alpha' | 'beta', number | null>;
  logLikelihood: number;
  converged: boolean;
  customers: number;
  observedPeriods: number;
  discountRate: number;
  curve: {
    period: number;
    survival: number;
    retention: number | null;
    observed: number | null;
    projected: boolean;
    derl: number;
  }[];
}

/**
 * The example cohort of the sBG view: Fader & Hardie (2007), "regular" customers, of 1,000 still subscribed
 * after years 0..7 (published fit α 0.704, β 1.182).
 */
const EXAMPLE_SURVIVING = '1000, 631, 468, 382, 326, 289, 262, 241';

/** Survival counts typed as numbers separated by commas, semicolons or spaces; null when one is not a number. */
function parseCounts(text: string): number[] | null {
  const parts = text.split(/[\s,;]+/).filter((p) => p !== '');
  const counts = parts.map(Number);
  return counts.length > 0 && counts.every(Number.isFinite) ? counts : null;
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
  const risk = useApi<AtRisk>('models/at-risk', {
    limit: 25,
    ...(settings.asOf ? { calibrationEnd: settings.asOf } : {}),
  });
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
                  BIC {fmt(f.bic, 'decimal', lang, 1)} · {f.converged ? t('converged') : t('notConverged')}
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
      <Load result={risk}>
        {(r) => (
          <TablePanel
            title={`${t('atRiskCustomers')}: ${fmt(r.atRisk, 'int', lang)} / ${fmt(r.customers, 'int', lang)}, ${t('valueAtStakeLower')} ${fmt(r.valueAtStake, 'money', lang)}`}
            csvName="customers-at-risk"
            columns={[
              { key: 'customerId', header: t('customer'), kind: 'text' },
              { key: 'x', header: t('frequency'), kind: 'int' },
              { key: 'expectedSpend', header: t('meanSpend'), kind: 'money' },
              { key: 'valueIfAlive', header: t('valueIfAlive'), kind: 'money' },
              { key: 'pAlive', header: t('pAlive'), kind: 'percent' },
              { key: 'clv', header: t('clv'), kind: 'money' },
            ]}
            rows={r.rows}
          >
            <p>
              {t('atRiskRule')
                .replace('{months}', String(r.horizonMonths))
                .replace('{top}', fmt(r.topPercent / 100, 'percent', lang))
                .replace('{pAlive}', fmt(r.maxPAlive, 'percent', lang))}
            </p>
          </TablePanel>
        )}
      </Load>
      <SbgView />
    </>
  );
}

/** The sBG retention fit of survival counts the user types (an example cohort to start with). */
function SbgView() {
  const { t } = useSettings();
  const [text, setText] = useState(EXAMPLE_SURVIVING);
  const [rate, setRate] = useState('10');
  const counts = parseCounts(text);
  const body = counts === null ? null : { surviving: counts, discountRate: Number(rate) || 0 };
  return (
    <section className="panel" aria-label={t('sbgTitle')}>
      <h2>{t('sbgTitle')}</h2>
      <div className="form-row">
        <label>
          {t('survivingCounts')}
          <input type="text" size={50} value={text} onChange={(e) => setText(e.target.value)} />
        </label>
        <label>
          {t('discountRatePerPeriod')}
          <input type="number" min="0" step="1" value={rate} onChange={(e) => setRate(e.target.value)} />
        </label>
      </div>
      {body === null ? <p className="empty">{t('survivingHint')}</p> : <SbgResult body={body} />}
    </section>
  );
}

/** The fit of the typed counts: parameters, the curve chart and its table. */
function SbgResult({ body }: { body: Record<string, unknown> }) {
  const { t, settings } = useSettings();
  const lang = settings.lang;
  const fit = usePost<SbgFit>('models/sbg', body);
  return (
    <Load result={fit}>
      {(f) => (
        <>
          <p>
            α {fmt(f.params.alpha, 'decimal', lang, 3)} (SE {fmt(f.standardErrors.alpha, 'decimal', lang, 3)})
            · β {fmt(f.params.beta, 'decimal', lang, 3)} (SE {fmt(f.standardErrors.beta, 'decimal', lang, 3)})
            · log L {fmt(f.logLikelihood, 'decimal', lang, 1)} ·{' '}
            {f.converged ? t('converged') : t('notConverged')}
          </p>
          <ChartPanel
            title={t('sbgCurve')}
            csvName="sbg-retention-curve"
            columns={[
              { key: 'period', header: t('period'), kind: 'int' },
              { key: 'observed', header: t('actual'), kind: 'percent' },
              { key: 'survival', header: t('predicted'), kind: 'percent' },
              { key: 'retention', header: t('retentionRate'), kind: 'percent' },
              { key: 'derl', header: 'DERL', kind: 'decimal' },
            ]}
            rows={f.curve}
            option={{
              tooltip: { trigger: 'axis' },
              legend: { top: 0 },
              grid: { left: 50, right: 50, top: 40, bottom: 40 },
              xAxis: { type: 'category', name: t('period'), data: f.curve.map((p) => String(p.period)) },
              yAxis: [
                { type: 'value', min: 0, max: 1 },
                { type: 'value', name: 'DERL' },
              ],
              series: [
                {
                  type: 'line',
                  name: t('actual'),
                  data: f.curve.map((p) => p.observed),
                },
                {
                  type: 'line',
                  name: t('predicted'),
                  showSymbol: false,
                  lineStyle: { type: 'dashed' },
                  data: f.curve.map((p) => p.survival),
                  markLine: {
                    silent: true,
                    symbol: 'none',
                    data: [{ xAxis: String(f.observedPeriods) }],
                  },
                },
                {
                  type: 'line',
                  name: t('retentionRate'),
                  showSymbol: false,
                  data: f.curve.map((p) => p.retention),
                },
                {
                  type: 'bar',
                  name: 'DERL',
                  yAxisIndex: 1,
                  data: f.curve.map((p) => p.derl),
                },
              ],
            }}
          />
        </>
      )}
    </Load>
  );
}
