/**
 * The dashboard's static files from its build folder (`dist/web/`): a file that exists is sent with its
 * type; any other path gets `index.html` (the dashboard routes in the browser). Without a build a plain page
 * says how to make one. Paths never leave the folder.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import type { Context } from 'hono';
import { msg, renderMessage } from '../core/messages/catalogue';
import type { Lang } from '../core/messages/message';

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

/**
 * The page shown when the dashboard is not built, in the language the request asks for (`?lang=`, else the
 * first of English and Swedish in Accept-Language), or in both when it names neither.
 */
function notBuilt(lang: Lang | null): string {
  const langs: Lang[] = lang === null ? ['en', 'sv'] : [lang];
  const paragraphs = langs
    .map((l) => `<p lang="${l}">${renderMessage(msg('server.not-built'), l)}</p>`)
    .join('\n');
  return `<!doctype html>
<html lang="${lang ?? 'en'}"><head><meta charset="utf-8"><title>CVM</title></head>
<body><h1>CVM</h1>
${paragraphs}
</body></html>
`;
}

/** `en` or `sv` from `?lang=`, else the preferred of the two in an Accept-Language header; null if neither. */
export function pageLang(query: string | undefined, accept: string | undefined): Lang | null {
  if (query === 'en' || query === 'sv') return query;
  const ranked = (accept ?? '')
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { lang: tag.split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), i };
    })
    .filter((t): t is { lang: Lang; q: number; i: number } => (t.lang === 'en' || t.lang === 'sv') && t.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked[0]?.lang ?? null;
}

export function staticFiles(root: string | null) {
  const base = root === null ? null : resolve(root);
  return async (c: Context): Promise<Response> => {
    const index = base === null ? null : join(base, 'index.html');
    if (base === null || index === null || !existsSync(index))
      return c.html(notBuilt(pageLang(c.req.query('lang'), c.req.header('accept-language'))));
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
