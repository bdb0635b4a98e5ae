/** The KPI board: every KPI with a target, its value, the previous year's, the status and the trend. */
import { TablePanel } from '../components/ChartPanel';
import { Load } from '../components/Status';
import { kpiValue } from '../kpi-format';
import { reportQuery, useSettings } from '../settings';
import type { KpiStatus } from '../types';
import { useApi } from '../use-api';
import { KpiCards, statusLabel } from './Overview';

export function KpiPage() {
  const { t, settings } = useSettings();
  const lang = settings.lang;
  const status = useApi<KpiStatus>('kpi/status', reportQuery(settings));
  return (
    <>
      <h1>{t('kpi')}</h1>
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
    </>
  );
}
