/** Loading, error and empty states in plain words. */
import type { ReactNode } from 'react';
import { ApiError } from '../api';
import { useSettings } from '../settings';
import type { Loaded } from '../use-api';

export function ErrorMessage({ error }: { error: Error }) {
  const { t } = useSettings();
  let text = error.message;
  if (error instanceof ApiError) {
    if (error.status === 403) text = t('notAllowed');
    else if (error.status === 404 && error.body.code !== 'not-found') text = t('notAvailable');
    else if (error.body.field) text = `${error.body.message}`;
  }
  return (
    <p role="alert" className="error">
      {t('errorPrefix')} {text}
    </p>
  );
}

/** Renders the children with the data once loaded; a message while loading or on error. */
export function Load<T>({ result, children }: { result: Loaded<T>; children: (data: T) => ReactNode }) {
  const { t } = useSettings();
  if (result.state === 'loading')
    return (
      <p className="loading" role="status" aria-live="polite">
        {t('loading')}
      </p>
    );
  if (result.state === 'error') return <ErrorMessage error={result.error} />;
  return <>{children(result.data)}</>;
}

export function Empty() {
  const { t } = useSettings();
  return <p className="empty">{t('empty')}</p>;
}
