/**
 * The OpenAPI 3.1 document of the API (`GET /api/openapi.json`), generated from the route table and the very
 * zod option schemas that parse the requests, so it covers every route and cannot drift from them.
 */
import { z } from 'zod';
import packageJson from '../../package.json';
import type { RouteInfo } from './app';

type Schema = Record<string, unknown>;

function inputSchema(schema: z.ZodType): Schema {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Schema;
  delete json.$schema;
  return json;
}

const ERROR = { $ref: '#/components/schemas/Error' };

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ERROR } },
});

function operation(info: RouteInfo): Schema {
  const r = info.route;
  const pathParams = [...info.path.matchAll(/:(\w+)/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  const queryProps = r?.query ? ((inputSchema(r.query).properties ?? {}) as Record<string, Schema>) : {};
  const queryParams = Object.entries(queryProps)
    .filter(([name]) => name !== 'today' && !pathParams.some((p) => p.name === name))
    .map(([name, schema]) => ({ name, in: 'query', required: false, schema }));
  // every route of the table answers its notes and reasons in the language asked for
  if (r && !queryParams.some((p) => p.name === 'lang'))
    queryParams.push({
      name: 'lang',
      in: 'query',
      required: false,
      schema: { type: 'string', enum: ['en', 'sv'], description: 'language of notes and reasons' },
    });
  const body =
    r?.body === 'multipart'
      ? {
          required: true,
          content: {
            'multipart/form-data': {
              schema: {
                type: 'object',
                required: ['file'],
                properties: {
                  file: { type: 'string', format: 'binary' },
                  inputFormat: { type: 'string' },
                  delimiter: { type: 'string' },
                  decimal: { type: 'string' },
                  encoding: { type: 'string' },
                  map: { type: 'array', items: { type: 'string' } },
                  strict: { type: 'boolean' },
                  sheet: { type: 'string' },
                },
              },
            },
          },
        }
      : r?.body
        ? { required: true, content: { 'application/json': { schema: inputSchema(r.body) } } }
        : info.method === 'POST' && info.path === '/api/session'
          ? {
              required: true,
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['username', 'password'],
                    properties: { username: { type: 'string' }, password: { type: 'string' } },
                  },
                },
              },
            }
          : undefined;
  const roles =
    info.roles === 'public'
      ? 'anyone'
      : info.roles === 'signed-in'
        ? 'any signed-in user'
        : info.roles.join(', ');
  return {
    summary: r?.summary ?? sessionSummary(info),
    tags: [r?.tag ?? 'session'],
    description: `Roles: ${roles}.${r?.cache ? ' Cached per data version.' : ''}`,
    ...(info.roles === 'public' ? { security: [] } : {}),
    parameters: [...pathParams, ...queryParams],
    ...(body ? { requestBody: body } : {}),
    responses: {
      '200': {
        description: 'the answer, as `cvm … --format json` prints it',
        content: { 'application/json': {} },
      },
      '400': errorResponse('a bad value: `field`, `value` and `expected` say which and why'),
      '401': errorResponse('not signed in'),
      '403': errorResponse('the role may not, or the X-CSRF-Token header is missing'),
      '404': errorResponse('not found (also: a key account that is not yours)'),
      ...(info.method !== 'GET' ? { '409': errorResponse('conflict') } : {}),
      ...(r?.body === 'multipart' ? { '413': errorResponse('the upload is too large') } : {}),
      ...(info.path === '/api/session' && info.method === 'POST'
        ? { '429': errorResponse('too many failed sign-ins') }
        : {}),
      '500': errorResponse('internal error'),
    },
  };
}

function sessionSummary(info: RouteInfo): string {
  if (info.path === '/api/openapi.json') return 'this document';
  return { POST: 'sign in', GET: 'the signed-in user and CSRF token', DELETE: 'sign out' }[info.method] ?? '';
}

export function openApiDocument(routes: readonly RouteInfo[]): Schema {
  const paths: Record<string, Record<string, Schema>> = {};
  for (const info of routes) {
    const path = info.path.replace(/:(\w+)/g, '{$1}');
    (paths[path] ??= {})[info.method.toLowerCase()] = operation(info);
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'CVM API',
      version: packageJson.version,
      description:
        'Customer value management. Query parameters are the option names of the CLI in camelCase (window, asOf, tiers, value …) with the same syntax; answers are the JSON of `cvm … --format json`. Sign in with POST /api/session; send X-CSRF-Token with every change.',
    },
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'cvm_session' } },
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: {
                code: {
                  type: 'string',
                  enum: [
                    'invalid-input',
                    'unauthorized',
                    'forbidden',
                    'not-found',
                    'conflict',
                    'too-large',
                    'rate-limited',
                    'internal',
                  ],
                },
                message: { type: 'string' },
                field: { type: 'string' },
                value: { type: 'string' },
                expected: { type: 'string' },
              },
            },
          },
        },
      },
    },
    security: [{ session: [] }],
    paths,
  };
}
