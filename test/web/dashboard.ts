/**
 * The dashboard under test: the real server (the built files in dist/web) over a DuckDB store of its own in
 * a temporary folder, and Debian's Chromium, headless, driven by playwright-core.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { openStore } from '../../src/app/open-store';
import type { Store, StoreUnit } from '../../src/data/store';
import { startServer, type RunningServer } from '../../src/server/serve';

const root = join(import.meta.dirname, '..', '..');

/** Debian's Chromium, headless, with nothing reaching out to the network on its own. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The server on 127.0.0.1 (a free port) over `store`, with the rejects files of uploads in `dir`. */
export function serveDashboard(store: Store, dir: string): Promise<RunningServer> {
  return startServer({
    store,
    webRoot: join(root, 'dist', 'web'),
    rejectsDir: dir,
    log: () => undefined,
    port: 0,
    host: '127.0.0.1',
  });
}

export interface Dashboard {
  store: Store;
  server: RunningServer;
  browser: Browser;
  /** closes the browser, the server and the store, and removes the temporary folder */
  close(): Promise<void>;
}

/**
 * A store `name`.duckdb in a new temporary folder, filled by `setup` (which may write its files in `dir`),
 * served, and a browser.
 */
export async function startDashboard(
  name: string,
  setup: (unit: StoreUnit, dir: string) => Promise<void>,
): Promise<Dashboard> {
  const dir = mkdtempSync(join(tmpdir(), `cvm-${name}-`));
  const store = await openStore(join(dir, `${name}.duckdb`));
  await store.unit((unit) => setup(unit, dir));
  const server = await serveDashboard(store, dir);
  const browser = await launchChromium();
  return {
    store,
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
