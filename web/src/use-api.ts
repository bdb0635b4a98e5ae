/** Loads one API resource and re-loads it when its path or query changes. */
import { useCallback, useEffect, useState } from 'react';
import { get, type ApiError, type Query } from './api';
import { useSettings } from './settings';

export type Loaded<T> =
  { state: 'loading' } | { state: 'error'; error: ApiError | Error } | { state: 'ok'; data: T };

export function useApi<T>(path: string | null, query: Query = {}): Loaded<T> & { reload: () => void } {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  // notes and reasons come back in the dashboard's language
  const { settings } = useSettings();
  const key = JSON.stringify({ ...query, lang: settings.lang });
  useEffect(() => {
    if (path === null) return;
    let live = true;
    setResult({ state: 'loading' });
    get<T>(path, JSON.parse(key) as Query).then(
      (data) => live && setResult({ state: 'ok', data }),
      (error: unknown) =>
        live &&
        setResult({ state: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
    );
    return () => {
      live = false;
    };
  }, [path, key, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...result, reload };
}
