/**
 * `cvm serve [--port 8080] [--host 127.0.0.1] [--trust-proxy ADDRESSES] [--no-warm]`: the HTTP API and the
 * dashboard (its built files in `dist/web/`, if built) on any store, until Ctrl-C; the dashboard's default
 * reports are computed in the background after start and after each data change unless `--no-warm`. Upload rejects are kept beside a database file
 * (`<db>.rejects/`), or in a temporary folder for `:memory:`.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { serveInput, type ServeInput } from '../../app/options/serve';
import { parseOptions } from '../../app/options/parse';
import { CvmError } from '../../core/errors';
import { msg, renderMessage } from '../../core/messages/catalogue';
import { globalOptions, storeLocation, type GlobalOptions } from '../context';
import { help } from '../help';

/** The dashboard's build: `dist/web/` beside the bundle the CLI runs from. */
export function webRoot(): string {
  return fileURLToPath(new URL('./web/', import.meta.url));
}

function rejectsDir(location: string): string {
  const path = location.startsWith('duckdb:') ? location.slice('duckdb:'.length) : location;
  if (path === '' || path === ':memory:' || /^postgres(ql)?:/i.test(location))
    return mkdtempSync(join(tmpdir(), 'cvm-rejects-'));
  const dir = `${path}.rejects`;
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * Serves the store of the CLI's options until SIGINT or SIGTERM; `ready` hears the URL once it listens.
 */
export async function serveStore(
  global: Pick<GlobalOptions, 'db' | 'lang'>,
  input: ServeInput,
  ready: (url: string) => void,
): Promise<void> {
  const [{ openStore }, { startServer }] = await Promise.all([
    import('../../app/open-store'),
    import('../../server/serve'),
  ]);
  const location = storeLocation(global);
  const store = await openStore(location, { create: true });
  let server;
  try {
    server = await startServer({
      store,
      port: input.port,
      host: input.host,
      trustProxy: input.trustProxy,
      warm: input.warm,
      webRoot: webRoot(),
      rejectsDir: rejectsDir(location),
    });
  } catch (error) {
    await store.close();
    const code = (error as { code?: string }).code;
    if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL')
      throw new CvmError(
        'data-source',
        msg('cli.serve.cannot-listen', { host: input.host, port: input.port, code }),
        { cause: error },
      );
    throw error;
  }
  ready(server.url);
  const running = server;
  await new Promise<void>((resolve) => {
    const stop = (): void => {
      process.stderr.write(`cvm: ${renderMessage(msg('cli.serve.stopping'), global.lang)}\n`);
      void running
        .close()
        .then(() => store.close())
        .then(resolve);
    };
    // the CLI's own Ctrl-C handler speaks of imports; a server stops cleanly instead
    process.removeAllListeners('SIGINT');
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description(help('help.list.serve'))
    .option('--port <port>', help('help.serve.port'), '8080')
    .option('--host <host>', help('help.serve.host'), '127.0.0.1')
    .option('--trust-proxy <addresses>', help('help.serve.trust-proxy'))
    .option('--no-warm', help('help.serve.no-warm'))
    .action(async (options: Record<string, string | boolean>, command: Command) => {
      const global = globalOptions(command);
      const input = parseOptions(serveInput, options);
      await serveStore(global, input, (url) =>
        process.stdout.write(renderMessage(msg('cli.serve.serving', { url }), global.lang) + '\n'),
      );
    });
}
