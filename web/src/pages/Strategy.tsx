/** Customer strategy: value × loyalty segments, lifecycle phases and (for analysts) next best actions. */
import type { Session } from '../api';
import { JsonTables } from '../components/JsonTables';
import { Load } from '../components/Status';
import { useSettings } from '../settings';
import { useApi } from '../use-api';

function Report({ path, title, lang }: { path: string; title: string; lang?: string }) {
  const { settings } = useSettings();
  const result = useApi<unknown>(path, { asOf: settings.asOf || undefined, ...(lang ? { lang } : {}) });
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      <Load result={result}>{(json) => <JsonTables json={json} name={path} />}</Load>
    </section>
  );
}

export function StrategyPage({ session }: { session: Session }) {
  const { t, settings } = useSettings();
  const analyst = session.user.role === 'admin' || session.user.role === 'analyst';
  return (
    <>
      <h1>{t('strategy')}</h1>
      <Report path="segments" title={t('segments')} />
      <Report path="lifecycle" title={t('lifecycle')} />
      {analyst && <Report path="actions" title={t('actions')} lang={settings.lang} />}
    </>
  );
}
