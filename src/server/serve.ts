/**
 * Runs the API and the dashboard on a port (`cvm serve`, `cvm start`): Node's HTTP server through
 * `@hono/node-server`. Port 0 picks a free port (the tests). With `warm`, the dashboard's default reports
 * are computed in the background once it listens (`warm.ts`). `close` stops warming (after the report under
 * way), stops listening and waits for the requests in flight.
 */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createApi, type Api, type ApiOptions } from './app';

export interface RunningServer {
  url: string;
  api: Api;
  close(): Promise<void>;
}

export function startServer(options: ApiOptions & { port: number; host: string }): Promise<RunningServer> {
  // warming starts once the server listens, not while it opens its port
  const api = createApi({ ...options, warm: false });
  return new Promise((resolve, reject) => {
    let server: ServerType | undefined = undefined;
    const onError = (error: Error): void => reject(error);
    server = serve(
      { fetch: api.app.fetch, port: options.port, hostname: options.host },
      (info: AddressInfo) => {
        server?.off('error', onError);
        const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
        if (options.warm === true) api.warmer.start();
        resolve({
          url: `http://${host}:${info.port}/`,
          api,
          close: async () => {
            await api.warmer.stop();
            await new Promise<void>((done, fail) => {
              const s = server as {
                closeAllConnections?: () => void;
                close: (cb: (e?: Error) => void) => void;
              };
              s.close((error?: Error) => (error ? fail(error) : done()));
              s.closeAllConnections?.();
            });
          },
        });
      },
    );
    server.on('error', onError);
  });
}
