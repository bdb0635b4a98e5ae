/**
 * The HTTP API as a Hono app, testable in-process (`app.request(...)`): sessions, CSRF, roles, the report
 * cache, the routes of `routes.ts`, the OpenAPI document, and the dashboard's static files. Each request
 * that reads or writes data runs on a unit of work of its own (`store.unit`), so concurrent requests never
 * share a transaction; a cache hit opens none (the session check and the data version are remembered for
 * a moment: `recheck.ts`).
 *
 * Order of checks on a route: signed in (401) → CSRF token on a state-changing request (403) → role (403)
 * → input (400) → the use case (404, 409 …).
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Hono, type Context } from 'hono';
import { HonoRequest } from 'hono/request';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { secureHeaders } from 'hono/secure-headers';
import { accountsManagedBy } from '../app/accounts/scope';
import { loginInput } from '../app/options/users';
import { parseOptions } from '../app/options/parse';
import { authenticate } from '../app/users';
import type { IsoDay } from '../core/dates';
import type { KeyAccountsPort } from '../data/accounts/types';
import type { Store, StoreUnit } from '../data/store';
import type { SessionRow, UserRow } from '../data/users/types';
import { ReportCache, stableKey } from './cache';
import { Warmer, type WarmTarget } from './warm';
import { errorResponse, HttpError, statusOf } from './errors';
import { DEFAULT_LOGIN_LIMITS, LoginLimiter, type LoginLimits } from './limiter';
import { openApiDocument } from './openapi';
import { DEFAULT_RECHECK_MS, Recheck } from './recheck';
import type { AnyRoute, RequestContext } from './route';
import { apiRoutes } from './routes';
import { staticFiles } from './static';
import { tooLarge } from './upload';
import { invalidOption } from '../core/errors';
import { msg, renderMessage, renderMessages, type Lang } from '../core/messages/catalogue';

export const SESSION_COOKIE = 'cvm_session';

export interface ApiOptions {
  store: Store;
  /** the clock (default: the machine's); `today` is its local day, as the CLI's */
  now?: () => Date;
  /** the dashboard's built files (index.html …); null or a missing folder: a page saying it is not built */
  webRoot?: string | null;
  /** where the rejected rows of uploads are kept, one CSV per import id */
  rejectsDir: string;
  /** the most bytes an upload may have (default 200 MiB) */
  maxUploadBytes?: number;
  /** how long a session lasts (default 12 hours) */
  sessionHours?: number;
  loginLimits?: LoginLimits;
  /**
   * The addresses of the reverse proxies in front of the server (`--trust-proxy`). Only a request whose
   * peer is one of them is believed about `X-Forwarded-Proto` (the Secure cookie flag) and
   * `X-Forwarded-For` (the client address that sign-in limits count); any other client's headers are
   * ignored. Default none.
   */
  trustProxy?: readonly string[];
  /** where internal errors are logged (default stderr) */
  log?: (line: string) => void;
  /**
   * How long a session check and the data version read from the store are relied on before they are read
   * again (default 1000 ms; 0 reads them on every request). Changes through this server take effect at
   * once whatever it is; it bounds how late a change by another process (the CLI, another server on the
   * same PostgreSQL store) is seen.
   */
  recheckMs?: number;
  /** the monotonic clock of `recheckMs`, in milliseconds (default `performance.now`) */
  ticks?: () => number;
  /**
   * Compute the dashboard's default reports in the background (`warm.ts`), one at a time: from the start
   * and again whenever the data version moves (default false; `cvm serve` and `cvm start` turn it on after
   * they listen, unless `--no-warm`).
   */
  warm?: boolean;
}

export interface Api {
  app: Hono;
  /** every route of the API, sessions and the OpenAPI document included */
  routes: readonly RouteInfo[];
  cache: ReportCache;
  /** the remembered session checks and data version (`recheck.ts`) */
  recheck: Recheck;
  /** the background computation of the default reports (`warm.ts`): `start()`, `stop()` before closing */
  warmer: Warmer;
}

/** The languages answers are rendered in (warming keeps both from one computation). */
const LANGS: readonly Lang[] = ['en', 'sv'];

/** The report cache's key of an answer: route, path parameters, typed input, scope (who may see it), language. */
function cacheKey(
  r: AnyRoute,
  params: Record<string, string>,
  input: unknown,
  user: Pick<UserRow, 'role' | 'username'>,
  lang: Lang,
): string {
  const scope =
    r.cache === 'shared' ? '' : user.role === 'account_manager' ? `manager:${user.username}` : user.role;
  return `${r.method} ${r.path} ${stableKey(params)} ${stableKey(input)} ${scope} ${lang}`;
}

/** What a route's context is made of: who asks, when, and the request's path parameters and query. */
interface ContextFields {
  user: UserRow;
  session: SessionRow;
  now: Date;
  params: Record<string, string>;
  query: Record<string, string>;
  req: HonoRequest;
}

/** The unit of work a route runs on once opened, and the data version its cached values are kept for. */
interface ContextState {
  unit: StoreUnit | null;
  version: number | null;
}

/** A route as the OpenAPI document and the authorization test see it. */
export interface RouteInfo {
  method: string;
  path: string;
  /** the roles that may call it; `public` needs no session, `signed-in` any role */
  roles: readonly string[] | 'public' | 'signed-in';
  route?: AnyRoute;
}

const localDay = (d: Date): IsoDay =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

const token = (): string => randomBytes(32).toString('base64url');

function incoming(c: Context): IncomingMessage | undefined {
  return (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
}

/** An address as the socket gives it, IPv4-mapped IPv6 (`::ffff:127.0.0.1`) spelled as IPv4. */
const plainAddress = (address: string): string => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');

/** The socket's peer address (`local` in-process). */
function peerAddress(c: Context): string {
  const address = incoming(c)?.socket.remoteAddress;
  return address === undefined ? 'local' : plainAddress(address);
}

/** Is the request's peer one of the trusted proxies? */
function viaTrustedProxy(c: Context, trusted: ReadonlySet<string>): boolean {
  return trusted.size > 0 && trusted.has(peerAddress(c));
}

/**
 * The client's address: the socket's, or behind a trusted proxy the nearest address of `X-Forwarded-For`
 * that is not itself a trusted proxy (the entries to its left are what the client claimed).
 */
function clientAddress(c: Context, trusted: ReadonlySet<string>): string {
  const peer = peerAddress(c);
  if (!viaTrustedProxy(c, trusted)) return peer;
  const hops = (c.req.header('x-forwarded-for') ?? '')
    .split(',')
    .map((a) => plainAddress(a.trim()))
    .filter((a) => a !== '');
  for (let i = hops.length - 1; i >= 0; i--) if (!trusted.has(hops[i] as string)) return hops[i] as string;
  return peer;
}

/**
 * Did the request come over TLS (directly, or through a trusted proxy that says so)? On a socket only the
 * socket and a trusted proxy count: the URL's scheme could come from the client's request line
 * (`POST https://… HTTP/1.1`). In-process (tests) the URL is all there is.
 */
function overTls(c: Context, trusted: ReadonlySet<string>): boolean {
  const request = incoming(c);
  if (request === undefined) return new URL(c.req.url).protocol === 'https:';
  return (
    (request.socket as { encrypted?: boolean }).encrypted === true ||
    (viaTrustedProxy(c, trusted) &&
      (c.req.header('x-forwarded-proto') ?? '').split(',')[0]?.trim().toLowerCase() === 'https')
  );
}

function sessionBody(user: UserRow, session: SessionRow) {
  return {
    user: {
      username: user.username,
      role: user.role,
      ...(user.displayName === null ? {} : { displayName: user.displayName }),
    },
    csrfToken: session.csrfToken,
  };
}

/** A JSON body for the login, or an invalid-input error. */
async function loginBody(c: Context): Promise<Record<string, unknown>> {
  try {
    const body: unknown = await c.req.json();
    if (body !== null && typeof body === 'object' && !Array.isArray(body))
      return body as Record<string, unknown>;
  } catch {
    // answered below
  }
  throw new HttpError('invalid-input', msg('api.login-body'));
}

/** The language of an answer's messages: `lang=en` (the default) or `lang=sv`. */
function answerLang(raw: string | undefined): Lang {
  if (raw === undefined || raw === 'en' || raw === 'sv') return raw ?? 'en';
  throw invalidOption('lang', raw, 'a language (en or sv)');
}

export function createApi(options: ApiOptions): Api {
  const { store } = options;
  const clock = options.now ?? (() => new Date());
  const log = options.log ?? ((line: string) => process.stderr.write(line + '\n'));
  const sessionMs = (options.sessionHours ?? 12) * 3_600_000;
  const limits = { maxUploadBytes: options.maxUploadBytes ?? 200 * 1024 * 1024 };
  const trusted = new Set((options.trustProxy ?? []).map(plainAddress));
  const limiter = new LoginLimiter(options.loginLimits ?? DEFAULT_LOGIN_LIMITS);
  const cache = new ReportCache();
  const recheck = new Recheck(options.recheckMs ?? DEFAULT_RECHECK_MS, options.ticks);
  const routes = apiRoutes({ rejectsDir: options.rejectsDir, limits });
  const app = new Hono();
  const readVersion = (): Promise<number> =>
    recheck.dataVersion(() => store.unit((unit) => unit.users.dataVersion()));
  const warmer = new Warmer(readVersion, warmOne);

  app.use('*', secureHeaders());
  // a change through this server is seen at once: what the requests remember is forgotten before and after
  app.use('/api/*', async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    recheck.forget();
    try {
      await next();
    } finally {
      recheck.forget();
      // an import, an undo, an erasure, a scorecard edit …: warmed again when the data version moved
      void warmer.check();
    }
  });
  app.onError((error, c) => {
    const lang = c.req.query('lang') === 'sv' ? 'sv' : 'en';
    const { status, body } = errorResponse(error, log, lang);
    return c.json(body, status);
  });

  /** The session of the request's cookie, and its user, read on `unit`; 401 without one. */
  async function signedIn(c: Context, unit: StoreUnit): Promise<{ session: SessionRow; user: UserRow }> {
    const id = getCookie(c, SESSION_COOKIE);
    const session = id ? await unit.users.session(id, clock().toISOString()) : null;
    const user = session ? await unit.users.get(session.username) : null;
    if (!session || !user) throw new HttpError('unauthorized', msg('api.not-signed-in'));
    return { session, user };
  }

  /** The same, remembered for a moment (`recheck.ts`): a known session costs no read of the store. */
  async function signedInRecently(c: Context): Promise<{ session: SessionRow; user: UserRow }> {
    const id = getCookie(c, SESSION_COOKIE);
    const found = id
      ? await recheck.signedIn(id, clock().toISOString(), () =>
          store.unit(async (unit) => {
            const session = await unit.users.session(id, clock().toISOString());
            const user = session ? await unit.users.get(session.username) : null;
            return session && user ? { session, user } : null;
          }),
        )
      : null;
    if (!found) throw new HttpError('unauthorized', msg('api.not-signed-in'));
    return found;
  }

  /** The store's data version, remembered for a moment (`recheck.ts`); a move another process made is warmed. */
  const dataVersion = async (): Promise<number> => {
    const version = await readVersion();
    warmer.noticed(version);
    return version;
  };

  /** A route's context; the unit of work is opened once the input is read (a cache hit needs none). */
  function contextOf(r: AnyRoute, fields: ContextFields, state: ContextState): RequestContext {
    const { user, now } = fields;
    let managed: KeyAccountsPort | undefined;
    const unitOf = (): StoreUnit => {
      if (state.unit === null)
        throw new Error(`${r.method} ${r.path}: the store is used before it is opened`);
      return state.unit;
    };
    return {
      get unit() {
        return unitOf();
      },
      user,
      session: fields.session,
      get accounts() {
        const port = unitOf().accounts;
        if (user.role !== 'account_manager') return port;
        managed ??= accountsManagedBy(port, user.username);
        return managed;
      },
      actor: { username: user.username, now: now.toISOString() },
      now: now.toISOString(),
      today: localDay(now),
      params: fields.params,
      query: fields.query,
      req: fields.req,
      shared: async <T>(key: string, compute: () => Promise<T>) =>
        (await cache.get(state.version ?? (await dataVersion()), `shared ${key}`, compute, true)) as T,
    };
  }

  /**
   * Warms one answer for `version` (`warm.ts`): the route's input from the dashboard's query, the key a
   * request with that query uses, computed once and kept in both languages. Nothing when a request has
   * it already (or is computing it).
   */
  async function warmOne(target: WarmTarget, version: number): Promise<void> {
    const r = routes.find((x) => x.method === 'GET' && x.path === target.path);
    if (!r?.cache) throw new Error(`warming ${target.path}: not a cached GET route`);
    const now = clock();
    const url = new URL(`http://localhost${target.path}`);
    for (const [k, v] of Object.entries(target.query)) url.searchParams.set(k, v);
    const user: UserRow = {
      username: '',
      role: target.role,
      displayName: null,
      passwordHash: '',
      createdAt: now.toISOString(),
    };
    const session: SessionRow = {
      sessionId: '',
      username: '',
      csrfToken: '',
      createdAt: now.toISOString(),
      expiresAt: now.toISOString(),
    };
    const state: ContextState = { unit: null, version };
    const fields = { user, session, now, params: {}, query: { ...target.query } };
    const ctx = contextOf(r, { ...fields, req: new HonoRequest(new Request(url)) }, state);
    const input: unknown = await r.input(ctx);
    const keys = LANGS.map((lang) => ({ lang, key: cacheKey(r, ctx.params, input, user, lang) }));
    // kept or under way for a request already: another language alone would cost a computation of its own
    if (keys.some(({ key }) => cache.has(version, key))) return;
    let result: Promise<unknown> | null = null;
    const computed = (): Promise<unknown> =>
      (result ??= store.unit(async (unit) => {
        state.unit = unit;
        return r.run(ctx, input);
      }));
    await Promise.all(
      keys.map(({ lang, key }) =>
        cache.lookup(
          version,
          key,
          async () => JSON.stringify(renderMessages(await computed(), lang)),
          'warm',
        ),
      ),
    );
  }

  function checkCsrf(c: Context, session: SessionRow): void {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return;
    if (c.req.header('x-csrf-token') !== session.csrfToken) throw new HttpError('forbidden', msg('api.csrf'));
  }

  // --- sessions
  app.post('/api/session', async (c) => {
    const now = clock();
    const raw = await loginBody(c);
    const address = clientAddress(c, trusted);
    const name = typeof raw.username === 'string' ? raw.username : '';
    return store.unit(async (unit) => {
      const wait = await limiter.retryAfter(unit.users, name, address, now.getTime());
      if (wait > 0) {
        c.header('Retry-After', String(wait));
        throw new HttpError('rate-limited', msg('api.rate-limited', { seconds: wait }));
      }
      const login = parseOptions(loginInput, raw);
      const user = await authenticate(unit, login.username, login.password);
      if (!user) {
        await limiter.failed(unit.users, login.username, address, now.getTime());
        throw new HttpError('unauthorized', msg('api.wrong-login'));
      }
      await limiter.succeeded(unit.users, login.username);
      // expired sessions are removed as new ones are made, so the table holds the live ones only
      await unit.users.purgeSessions(now.toISOString());
      const session: SessionRow = {
        sessionId: token(),
        username: user.username,
        csrfToken: token(),
        createdAt: now.toISOString(),
        expiresAt: new Date(now.getTime() + sessionMs).toISOString(),
      };
      await unit.users.createSession(session);
      setCookie(c, SESSION_COOKIE, session.sessionId, {
        httpOnly: true,
        sameSite: 'Strict',
        path: '/',
        secure: overTls(c, trusted),
        maxAge: Math.floor(sessionMs / 1000),
      });
      return c.json(sessionBody(user, session));
    });
  });
  app.get('/api/session', (c) =>
    store.unit(async (unit) => {
      const { session, user } = await signedIn(c, unit);
      return c.json(sessionBody(user, session));
    }),
  );
  app.delete('/api/session', (c) =>
    store.unit(async (unit) => {
      const { session } = await signedIn(c, unit);
      checkCsrf(c, session);
      await unit.users.removeSession(session.sessionId);
      deleteCookie(c, SESSION_COOKIE, {
        path: '/',
        secure: overTls(c, trusted),
        httpOnly: true,
        sameSite: 'Strict',
      });
      return c.body(null, 204);
    }),
  );

  const infos: RouteInfo[] = [
    { method: 'POST', path: '/api/session', roles: 'public' },
    { method: 'GET', path: '/api/session', roles: 'signed-in' },
    { method: 'DELETE', path: '/api/session', roles: 'signed-in' },
    { method: 'GET', path: '/api/openapi.json', roles: 'public' },
  ];

  // --- the routes of the table
  for (const r of routes) {
    infos.push({ method: r.method, path: r.path, roles: r.roles, route: r });
    if (r.body === 'multipart')
      app.use(
        r.path,
        bodyLimit({ maxSize: limits.maxUploadBytes, onError: () => Promise.reject(tooLarge(limits)) }),
      );
    app.on(r.method, r.path, async (c) => {
      const { session, user } = await signedInRecently(c);
      checkCsrf(c, session);
      if (!r.roles.includes(user.role))
        throw new HttpError(
          'forbidden',
          msg('api.role-forbidden', { role: user.role, method: r.method, path: r.path }),
        );
      const state: ContextState = { unit: null, version: null };
      const fields = { user, session, now: clock(), params: c.req.param(), query: c.req.query() };
      const ctx = contextOf(r, { ...fields, req: c.req }, state);
      const input: unknown = await r.input(ctx);
      // notes and reasons are messages: rendered in the language the request asks for (`?lang=sv`)
      const lang = answerLang(c.req.query('lang'));
      if (r.cache) {
        const key = cacheKey(r, ctx.params, input, user, lang);
        const version = await dataVersion();
        state.version = version;
        // the answer is kept as its JSON text: a hit costs no serialisation; one being warmed is waited for
        const { value, hit } = await cache.lookup(
          version,
          key,
          () =>
            store.unit(async (unit) => {
              state.unit = unit;
              return JSON.stringify(renderMessages(await r.run(ctx, input), lang));
            }),
          'answer',
        );
        c.header('X-Cache', hit ? 'hit' : 'miss');
        return c.body(value as string, 200, { 'content-type': 'application/json' });
      }
      return store.unit(async (unit) => {
        state.unit = unit;
        const result: unknown = await r.run(ctx, input);
        if (result instanceof Response) return result;
        return c.json(renderMessages(result, lang) as object);
      });
    });
  }

  app.get('/api/openapi.json', (c) => c.json(openApiDocument(infos)));
  app.all('/api/*', () => {
    throw new HttpError('not-found', msg('api.no-route'));
  });
  app.get('*', staticFiles(options.webRoot ?? null));
  app.notFound((c) =>
    c.json(
      {
        error: {
          code: 'not-found',
          message: renderMessage(msg('api.not-found'), c.req.query('lang') === 'sv' ? 'sv' : 'en'),
        },
      },
      statusOf('not-found'),
    ),
  );
  if (options.warm === true) warmer.start();
  return { app, routes: infos, cache, recheck, warmer };
}
