/** Overview: the headline of the window and the KPI cards of the board (value, target, status, trend). */
import { Load } from '../components/Status';
import { fmt } from '../format';
import { kpiValue } from '../kpi-format';
import { useSettings } from '../settings';
import type { Headline, KpiStatus } from '../types';
import { useApi } from '../use-api';
import type { LabelKey } from '../i18n';

const TREND_ARROW: Record<string, string> = { better: '↑', worse: '↓', flat: '→' };

export function statusLabel(status: string, t: (k: LabelKey) => string): string {
  if (status === 'on-track') return t('onTrack');
  if (status === 'at-risk') return t('atRisk');
  if (status === 'off-track') return t('offTrack');
  return status;
}

export function KpiCards({ status }: { status: KpiStatus }) {
  const { t, settings } = useSettings();
  const lang = settings.lang;
  if (status.rows.length === 0) return <p className="empty">{t('noTarget')}</p>;
  return (
    <div className="cards">
      {status.rows.map((r) => (
        <article key={r.id} className={`card status-${r.status}`} data-kpi={r.id} aria-label={r.label[lang]}>
          <h3>{r.label[lang]}</h3>
          <p className="big" data-testid={`kpi-${r.id}-value`}>
            {kpiValue(r.current, r.unit, lang)}
          </p>
          <p>
            {t('target')}: {r.target ? kpiValue(r.target.value, r.unit, lang) : '–'}
            {r.deadline ? ` (${r.deadline})` : ''}
          </p>
          <p>
            {t('status')}: <strong>{statusLabel(r.status, t)}</strong>{' '}
            {r.trend && (
              <span title={r.trend} aria-label={`${t('trend')}: ${r.trend}`}>
                {TREND_ARROW[r.trend] ?? r.trend}
              </span>
            )}{' '}
            {t('previous')}: {kpiValue(r.previous, r.unit, lang)}
          </p>
        </article>
      ))}
    </div>
  );
}

export function OverviewPage() {
  const { t, settings } = useSettings();
  const q = { asOf: settings.asOf || undefined, window: settings.window };
  const summary = useApi<Headline | { headline: Headline }>('summary', q);
  const kpi = useApi<KpiStatus>('kpi/status', { asOf: settings.asOf || undefined });
  const lang = settings.lang;
  return (
    <>
      <h1>{t('overview')}</h1>
      <Load result={summary}>
        {(data) => {
          const h = 'headline' in data ? data.headline : data;
          const figures: [string, LabelKey, string][] = [
            ['activeCustomers', 'activeCustomers', fmt(h.activeCustomers, 'int', lang)],
            ['revenue', 'revenue', fmt(h.revenue, 'money', lang)],
            ['orders', 'orders', fmt(h.orders, 'int', lang)],
            ['complaints', 'complaints', fmt(h.complaints, 'int', lang)],
            ['resolvedWithin24hShare', 'within24', fmt(h.resolvedWithin24hShare, 'percent', lang)],
            ['nps', 'nps', fmt(h.nps, 'decimal', lang, 1)],
          ];
          return (
            <section aria-label={t('headline')}>
              <h2>
                {t('headline')} — {t('asOf')} <span data-testid="as-of">{h.asOf}</span>
              </h2>
              <div className="cards">
                {figures.map(([key, labelKey, text]) => (
                  <article key={key} className="card">
                    <h3>{t(labelKey)}</h3>
                    <p className="big" data-testid={`headline-${key}`}>
                      {text}
                    </p>
                  </article>
                ))}
              </div>
            </section>
          );
        }}
      </Load>
      <section aria-label={t('kpi')}>
        <h2>{t('kpi')}</h2>
        <Load result={kpi}>{(s) => <KpiCards status={s} />}</Load>
      </section>
    </>
  );
}
