/**
 * What a route of the API is: its method and path, who may call it, the zod schema of its query or body
 * (the option schemas of `app/options`, for validation and the OpenAPI document) and how it runs. Every
 * route is one entry of the table in `routes.ts`; the app registers them all the same way, so the
 * authorization rules, the cache and the OpenAPI document cover every route by construction.
 */
import type { HonoRequest } from 'hono';
import type { z } from 'zod';
import type { Actor } from '../app/users';
import type { IsoDay } from '../core/dates';
import type { KeyAccountsPort } from '../data/accounts/types';
import type { StoreUnit } from '../data/store';
import type { Role, SessionRow, UserRow } from '../data/users/types';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a signed-in request runs with. */
export interface RequestContext {
  unit: StoreUnit;
  user: UserRow;
  session: SessionRow;
  /** the key-account port this user may see: an account manager's own accounts only */
  accounts: KeyAccountsPort;
  actor: Actor;
  /** the server's clock: an ISO timestamp, and the local day (what the CLI calls today) */
  now: string;
  today: IsoDay;
  params: Record<string, string>;
  /** the query string, one value per name (a repeated name keeps the last) */
  query: Record<string, string>;
  req: HonoRequest;
  /**
   * A value computed once per data version and shared by every request until the data change (a model
   * fit that many pages use): `key` names it and its options; the first request computes it.
   */
  shared: <T>(key: string, compute: () => Promise<T>) => Promise<T>;
}

/** A value a route answers with: JSON, or a ready response (a CSV file). */
export type RouteResult = unknown;

export interface Route<I = unknown> {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  /** the roles that may call it */
  roles: readonly Role[];
  /** the query parameters' schema (option names as in `app/options`) */
  query?: z.ZodType;
  /** the JSON body's schema, or a multipart upload */
  body?: z.ZodType | 'multipart';
  /**
   * Report routes: the answer is cached per data version, keyed on the typed input (and on the user, for
   * routes whose answer depends on who asks: an account manager's own accounts).
   */
  cache?: 'shared' | 'per-user';
  /** turns the raw request into the typed input (a bad value is a `CvmError` naming the field) */
  input: (ctx: RequestContext) => I | Promise<I>;
  run: (ctx: RequestContext, input: I) => Promise<RouteResult>;
}

/** A route with its input type erased, for the table. */
export type AnyRoute = Route<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Declares a route, keeping its input type between `input` and `run`. */
export function route<I>(r: Route<I>): AnyRoute {
  return r as AnyRoute;
}
