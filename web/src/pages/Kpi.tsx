/**
 * The KPI board: every KPI with a target, its value, the previous year's, the status and the trend; and
 * the quality of every KPI of the catalogue (`kpi quality`): n and 95 % interval, the smallest change it can
 * detect, the gap to its target, and what it predicts (AUC, correlation with next month's revenue).
 */
import { useState, type FormEvent } from 'react';
import { request, type Session } from '../api';
import { TablePanel } from '../components/ChartPanel';
import { ErrorMessage, Load } from '../components/Status';
import { kpiValue } from '../kpi-format';
import { useSettings } from '../settings';
import type { KpiQualityReport, KpiStatus } from '../types';
import { useApi } from '../use-api';
import { KpiCards, statusLabel } from './Overview';

interface CatalogueEntry {
  id: string;
  label: { en: string; sv: string };
  unit: string;
}

/** Sets a KPI's target, deadline and owner (PUT /api/kpi/:kpi); admins and analysts. */
function TargetForm({ onSaved }: { onSaved: () => void }) {
  const { t, settings } = useSettings();
  const catalogue = useApi<CatalogueEntry[]>('kpi');
  const [kpi, setKpi] = useState('retention');
  const [target, setTarget] = useState('');
  const [deadline, setDeadline] = useState('');
  const [owner, setOwner] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const [saved, setSaved] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    request('PUT', `kpi/${encodeURIComponent(kpi)}`, {}, { target, deadline, owner }).then(
      () => {
        setSaved(true);
        onSaved();
      },
      (err: unknown) => setError(err instanceof Error ? err : new Error(String(err))),
    );
  };
  const unit = catalogue.state === 'ok' ? catalogue.data.find((c) => c.id === kpi)?.unit : undefined;
  return (
    <form className="panel" onSubmit={submit} aria-label={t('setTarget')}>
      <h2>{t('setTarget')}</h2>
      <div className="form-row">
        <label>
          {t('kpiName')}
          <select name="kpi" value={kpi} onChange={(e) => setKpi(e.target.value)}>
            {(catalogue.state === 'ok' ? catalogue.data : []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.label[settings.lang]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('target')} {unit ? `(${unit})` : ''}
          <input name="target" value={target} onChange={(e) => setTarget(e.target.value)} required />
        </label>
        <label>
          {t('deadline')}
          <input
            name="deadline"
            type="date"
            value={deadline}
            onChange={(e) => setDeadline(e.target.value)}
            required
          />
        </label>
        <label>
          {t('owner')}
          <input name="owner" value={owner} onChange={(e) => setOwner(e.target.value)} required />
        </label>
        <button type="submit">{t('setTarget')}</button>
      </div>
      {saved && <p role="status">{t('saved')}</p>}
      {error && <ErrorMessage error={error} />}
    </form>
  );
}

/** How good each KPI is as a KPI, one table a manager can read (GET /api/kpi/quality). */
function QualityPanel() {
  const { t, settings } = useSettings();
  const lang = settings.lang;
  const quality = useApi<KpiQualityReport>('kpi/quality', {
    asOf: settings.asOf || undefined,
    window: settings.window,
  });
  return (
    <Load result={quality}>
      {(q) => (
        <TablePanel
          title={`${t('kpiQuality')} — ${t('asOf')} ${q.asOf}`}
          csvName="kpi-quality"
          columns={[
            { key: 'kpi', header: t('kpiName'), kind: 'text' },
            { key: 'value', header: t('value'), kind: 'text' },
            { key: 'n', header: 'n', kind: 'int' },
            { key: 'low', header: t('low95'), kind: 'text' },
            { key: 'high', header: t('high95'), kind: 'text' },
            { key: 'detectable', header: t('detectable'), kind: 'text' },
            { key: 'gap', header: t('gapToTarget'), kind: 'text' },
            { key: 'auc', header: t('aucNext'), kind: 'decimal', decimals: 3 },
            { key: 'correlation', header: t('correlationNext'), kind: 'decimal', decimals: 3 },
          ]}
          rows={q.rows.map((r) => ({
            id: r.id,
            kpi: r.label[lang],
            value: kpiValue(r.value, r.unit, lang),
            n: r.n,
            low: kpiValue(r.interval?.low ?? null, r.unit, lang),
            high: kpiValue(r.interval?.high ?? null, r.unit, lang),
            detectable: kpiValue(r.minimumDetectableChange, r.unit, lang),
            gap: kpiValue(r.validityGap, r.unit, lang),
            auc: r.auc,
            correlation: r.laggedCorrelation,
          }))}
        />
      )}
    </Load>
  );
}

export function KpiPage({ session }: { session: Session }) {
  const { t, settings } = useSettings();
  const lang = settings.lang;
  const status = useApi<KpiStatus>('kpi/status', { asOf: settings.asOf || undefined });
  const canSet = session.user.role === 'admin' || session.user.role === 'analyst';
  return (
    <>
      <h1>{t('kpi')}</h1>
      {canSet && <TargetForm onSaved={status.reload} />}
      <Load result={status}>
        {(s) => (
          <>
            <KpiCards status={s} />
            <TablePanel
              title={`${t('kpi')} — ${t('asOf')} ${s.asOf}`}
              csvName="kpi-status"
              columns={[
                { key: 'kpi', header: t('kpiName'), kind: 'text' },
                { key: 'value', header: t('value'), kind: 'text' },
                { key: 'target', header: t('target'), kind: 'text' },
                { key: 'deadline', header: t('deadline'), kind: 'date' },
                { key: 'owner', header: t('owner'), kind: 'text' },
                { key: 'status', header: t('status'), kind: 'text' },
                { key: 'trend', header: t('trend'), kind: 'text' },
                { key: 'previous', header: t('previous'), kind: 'text' },
              ]}
              rows={s.rows.map((r) => ({
                kpi: r.label[lang],
                value: kpiValue(r.current, r.unit, lang),
                target: r.target ? kpiValue(r.target.value, r.unit, lang) : null,
                deadline: r.deadline,
                owner: r.owner,
                status: statusLabel(r.status, t),
                trend: r.trend,
                previous: kpiValue(r.previous, r.unit, lang),
              }))}
            >
              {s.warnings.length > 0 && (
                <ul className="notes">
                  {s.warnings.map((w) => (
                    <li key={w}>{w}</li>
                  ))}
                </ul>
              )}
            </TablePanel>
          </>
        )}
      </Load>
      <QualityPanel />
    </>
  );
}
