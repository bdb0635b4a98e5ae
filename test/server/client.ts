/**
 * An in-process client of the API: requests go straight to the Hono app (no port), with a cookie jar and the
 * session's CSRF token sent on every change, as the dashboard does.
 */
import type { Hono } from 'hono';

export interface Answer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  headers: Headers;
  text: string;
}

export class Client {
  private cookie: string | null = null;
  csrf: string | null = null;

  constructor(
    private readonly app: Hono,
    private readonly base = 'http://localhost',
  ) {}

  async request(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<Answer> {
    const init: RequestInit = { method, headers: { ...headers } };
    const h = init.headers as Record<string, string>;
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET' && h['x-csrf-token'] === undefined) h['x-csrf-token'] = this.csrf;
    if (body instanceof FormData) init.body = body;
    else if (body !== undefined) {
      h['content-type'] = 'application/json';
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const response = await this.app.request(`${this.base}${path}`, init);
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) {
      const [pair] = setCookie.split(';');
      this.cookie = pair && !/=(;|$)/.test(pair) && !/Max-Age=0/i.test(setCookie) ? pair : null;
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: response.status, body: parsed, headers: response.headers, text };
  }

  get(path: string): Promise<Answer> {
    return this.request('GET', path);
  }

  async login(username: string, password: string): Promise<Answer> {
    const answer = await this.request('POST', '/api/session', { username, password });
    if (answer.status === 200) this.csrf = (answer.body as { csrfToken: string }).csrfToken;
    return answer;
  }
}
