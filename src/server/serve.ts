/**
 * Runs the API and the dashboard on a port (`cvm serve`, `cvm start`): Node's HTTP server through
 * `@hono/node-server`. Port 0 picks a free port (the tests). `close` stops listening and waits for the
 * requests in flight.
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
  const api = createApi(options);
  return new Promise((resolve, reject) => {
    let server: ServerType | undefined = undefined;
    const onError = (error: Error): void => reject(error);
    server = serve(
      { fetch: api.app.fetch, port: options.port, hostname: options.host },
      (info: AddressInfo) => {
        server?.off('error', onError);
        const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
        resolve({
          url: `http://${host}:${info.port}/`,
          api,
          close: () =>
            new Promise<void>((done, fail) => {
              const s = server as {
                closeAllConnections?: () => void;
                close: (cb: (e?: Error) => void) => void;
              };
              s.close((error?: Error) => (error ? fail(error) : done()));
              s.closeAllConnections?.();
            }),
        });
      },
    );
    server.on('error', onError);
  });
}
