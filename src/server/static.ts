/**
 * The dashboard's static files from its build folder (`dist/web/`): a file that exists is sent with its
 * type; any other path gets `index.html` (the dashboard routes in the browser). Without a build a plain page
 * says how to make one. Paths never leave the folder.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Context } from 'hono';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>CVM</title></head>
<body><h1>CVM</h1><p>The dashboard is not built (there is no dist/web/index.html): run <code>npm run build</code>.
The API answers under <a href="/api/openapi.json">/api</a>.</p></body></html>
`;

export function staticFiles(root: string | null) {
  const base = root === null ? null : resolve(root);
  return async (c: Context): Promise<Response> => {
    const index = base === null ? null : join(base, 'index.html');
    if (base === null || index === null || !existsSync(index)) return c.html(NOT_BUILT);
    let path: string;
    try {
      path = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      path = '/';
    }
    const file = resolve(base, `.${path}`);
    const inside = file === base || file.startsWith(base + sep);
    const found = inside && existsSync(file) && statSync(file).isFile() ? file : index;
    const body = await readFile(found);
    const type = TYPES[extname(found).toLowerCase()] ?? 'application/octet-stream';
    // hashed assets never change; index.html must always be fetched fresh
    const caching = found === index ? 'no-cache' : 'public, max-age=31536000, immutable';
    return new Response(body, { headers: { 'content-type': type, 'cache-control': caching } });
  };
}
