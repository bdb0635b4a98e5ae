/**
 * Stores served in-process for the API tests: a demo store (1 000 customers, seed 42) with one user per role,
 * and any store with one analyst.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDemo } from '../../src/app/demo/build';
import { demoInput } from '../../src/app/options/demo';
import { parseOptions } from '../../src/app/options/parse';
import { openStore } from '../../src/app/open-store';
import { addUser } from '../../src/app/users';
import type { Store } from '../../src/data/store';
import type { Role } from '../../src/data/users/types';
import { createApi, type Api, type ApiOptions } from '../../src/server/app';
import { Client } from './client';

/** One user per role; the account manager is one of the demo's, so they own some of its key accounts. */
export const USERS: Record<Role, { username: string; password: string }> = {
  admin: { username: 'root', password: 'admin password' },
  analyst: { username: 'ada', password: 'analyst password' },
  account_manager: { username: 'Karin Wallin', password: 'manager password' },
  viewer: { username: 'vic', password: 'viewer password' },
};

export interface DemoApi {
  store: Store;
  api: Api;
  dir: string;
  /** a client signed in as the role's user */
  as(role: Role): Promise<Client>;
  close(): Promise<void>;
}

export async function demoApi(
  options: Omit<Partial<ApiOptions>, 'store' | 'rejectsDir'> = {},
): Promise<DemoApi> {
  const dir = mkdtempSync(join(tmpdir(), 'cvm-api-demo-'));
  const store = await openStore(join(dir, 'demo.duckdb'));
  await store.unit(async (unit) => {
    await buildDemo(unit, parseOptions(demoInput, { customers: 1000 }));
    const actor = { username: 'setup', now: '2026-01-01T00:00:00.000Z' };
    for (const [role, u] of Object.entries(USERS))
      await addUser(unit, { username: u.username, role: role as Role, password: u.password }, actor);
  });
  const api = createApi({ store, rejectsDir: dir, log: () => undefined, ...options });
  return {
    store,
    api,
    dir,
    as: async (role) => {
      const client = new Client(api.app);
      const answer = await client.login(USERS[role].username, USERS[role].password);
      if (answer.status !== 200) throw new Error(`cannot sign in as ${role}: ${answer.text}`);
      return client;
    },
    close: async () => {
      await api.warmer.stop();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The API in-process over the store at `path` (opened, or created empty) with one analyst: ada, "correct horse". */
export async function analystApi(path: string, rejectsDir: string): Promise<{ store: Store; api: Api }> {
  const store = await openStore(path);
  await store.unit((unit) =>
    addUser(
      unit,
      { username: 'ada', role: 'analyst', password: 'correct horse' },
      { username: 'setup', now: '2026-01-01T00:00:00.000Z' },
    ),
  );
  return { store, api: createApi({ store, rejectsDir, log: () => undefined }) };
}
