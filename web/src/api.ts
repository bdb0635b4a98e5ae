/**
 * The dashboard's only way to the data: JSON over HTTP to the server's `/api`. Errors come back as
 * `{ error: { code, message, field?, value?, expected? } }` and are thrown as an `ApiError` carrying them.
 */
import { label, type Lang } from './i18n';

export interface ApiErrorBody {
  code: string;
  message: string;
  field?: string;
  value?: unknown;
  expected?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
    this.name = 'ApiError';
  }
}

export type Role = 'admin' | 'analyst' | 'account_manager' | 'viewer';

export interface User {
  username: string;
  role: Role;
  displayName?: string;
}

export interface Session {
  user: User;
  csrfToken: string;
}

let csrfToken = '';
let apiLang: Lang = 'en';

/**
 * The dashboard's language, sent as `lang` with every request that does not name one, so that the server
 * answers notes and errors (a wrong password, a role that may not, an upload too large …) in it.
 */
export function setApiLang(lang: Lang): void {
  apiLang = lang;
}

/** Remembers the token every state-changing request sends as `X-CSRF-Token`. */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

export type Query = Record<string, string | number | undefined | null>;

/** `/api/<path>?<query>`, leaving out empty values. */
export function apiUrl(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  if (apiLang !== 'en' && !params.has('lang')) params.set('lang', apiLang);
  const qs = params.toString();
  return `/api/${path.replace(/^\//, '')}${qs ? `?${qs}` : ''}`;
}

async function errorOf(res: Response): Promise<ApiError> {
  let body: ApiErrorBody = { code: `http-${res.status}`, message: `${res.status} ${res.statusText}` };
  try {
    const json = (await res.json()) as { error?: ApiErrorBody };
    if (json.error && typeof json.error.message === 'string') body = json.error;
  } catch {
    // not JSON: keep the status line
  }
  return new ApiError(res.status, body);
}

/** One JSON request; `body` is sent as JSON, or as is when it is FormData. */
export async function request<T>(
  method: string,
  path: string,
  query: Query = {},
  body?: unknown,
): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (method !== 'GET' && method !== 'HEAD') headers['X-CSRF-Token'] = csrfToken;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(apiUrl(path, query), {
    method,
    headers,
    body: payload,
    credentials: 'same-origin',
  });
  if (!res.ok) throw await errorOf(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

export const get = <T>(path: string, query: Query = {}): Promise<T> => request<T>('GET', path, query);

/**
 * Uploads a file as multipart (field `file`) with upload progress, which `fetch` cannot report.
 * @param onProgress fraction of the bytes sent, 0 to 1
 */
export function upload<T>(
  path: string,
  file: File,
  onProgress: (fraction: number) => void,
  query: Query = {},
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl(path, query));
    xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () =>
      reject(new ApiError(0, { code: 'network', message: label('serverUnreachable', apiLang) }));
    xhr.onload = () => {
      let json: unknown;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        json = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(json as T);
      else {
        const body = (json as { error?: ApiErrorBody } | null)?.error;
        reject(
          new ApiError(
            xhr.status,
            body ?? { code: `http-${xhr.status}`, message: `${xhr.status} ${xhr.statusText}` },
          ),
        );
      }
    };
    const form = new FormData();
    form.append('file', file);
    xhr.send(form);
  });
}

export const login = (username: string, password: string): Promise<Session> =>
  request<Session>('POST', 'session', {}, { username, password });
export const currentSession = (): Promise<Session> => get<Session>('session');
export const logout = (): Promise<void> => request<void>('DELETE', 'session');

/** A text resource (CSV) from the API. */
export async function getText(path: string, query: Query = {}): Promise<string> {
  const res = await fetch(apiUrl(path, query), {
    credentials: 'same-origin',
    headers: { Accept: 'text/csv' },
  });
  if (!res.ok) throw await errorOf(res);
  return res.text();
}
