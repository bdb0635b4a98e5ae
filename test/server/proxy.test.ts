/**
 * Behind a reverse proxy, on a real port: `X-Forwarded-Proto` and `X-Forwarded-For` are believed only from
 * the addresses given to `--trust-proxy` (any client can send them); the sign-in limits count per client
 * address behind the proxy, and their counts live in the store, so a restarted server still refuses.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/app/open-store';
import { parseOptions } from '../../src/app/options/parse';
import { serveInput } from '../../src/app/options/serve';
import { addUser } from '../../src/app/users';
import type { Store } from '../../src/data/store';
import { startServer, type RunningServer } from '../../src/server/serve';

const dir = mkdtempSync(join(tmpdir(), 'cvm-proxy-'));
let store: Store;
const running: RunningServer[] = [];

async function serve(trustProxy: string[]): Promise<string> {
  const server = await startServer({
    store,
    port: 0,
    host: '127.0.0.1',
    rejectsDir: dir,
    trustProxy,
    loginLimits: { perUser: 2, perAddress: 3, windowMs: 60_000 },
    log: () => undefined,
  });
  running.push(server);
  return server.url;
}

function signIn(url: string, username: string, password: string, headers: Record<string, string> = {}) {
  return fetch(new URL('api/session', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username, password }),
  });
}

beforeAll(async () => {
  store = await openStore(join(dir, 'proxy.duckdb'), { create: true });
  await store.unit(async (unit) => {
    const actor = { username: 'setup', now: '2026-01-01T00:00:00.000Z' };
    for (const username of ['vic', 'val', 'vera', 'viggo'])
      await addUser(unit, { username, role: 'viewer', password: 'viewer pass' }, actor);
  });
});
afterAll(async () => {
  for (const server of running) await server.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('--trust-proxy', () => {
  it('reads comma-separated IP addresses, none by default, and names a bad one', () => {
    expect(parseOptions(serveInput, {}).trustProxy).toEqual([]);
    expect(parseOptions(serveInput, { trustProxy: '127.0.0.1, ::1' }).trustProxy).toEqual([
      '127.0.0.1',
      '::1',
    ]);
    expect(() => parseOptions(serveInput, { trustProxy: '127.0.0.1,proxy.local' })).toThrow(
      /"proxy\.local" is not an IP address/,
    );
  });

  it('marks the cookie Secure on X-Forwarded-Proto: https from a trusted proxy only', async () => {
    const https = { 'x-forwarded-proto': 'https' };
    const untrusting = await serve([]);
    const cookie = async (url: string, headers: Record<string, string>) =>
      (await signIn(url, 'vic', 'viewer pass', headers)).headers.get('set-cookie') ?? '';
    expect(await cookie(untrusting, https)).toMatch(/^cvm_session=/);
    expect(await cookie(untrusting, https)).not.toContain('Secure');
    const otherProxy = await serve(['10.9.9.9']);
    expect(await cookie(otherProxy, https)).not.toContain('Secure');
    const behindProxy = await serve(['127.0.0.1']);
    expect(await cookie(behindProxy, https)).toContain('Secure');
    expect(await cookie(behindProxy, { 'x-forwarded-proto': 'http' })).not.toContain('Secure');
    expect(await cookie(behindProxy, {})).not.toContain('Secure');
    // nor does a request line in absolute form naming https make a plain socket TLS
    const absolute = await new Promise<string>((resolve, reject) => {
      const { port } = new URL(untrusting);
      const body = JSON.stringify({ username: 'vic', password: 'viewer pass' });
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `https://127.0.0.1:${port}/api/session`,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(String(res.headers['set-cookie'] ?? '')));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
    expect(absolute).toMatch(/^cvm_session=/);
    expect(absolute).not.toContain('Secure');
  });

  it('counts failures per client address behind a trusted proxy, and keeps the counts over a restart', async () => {
    const url = await serve(['127.0.0.1']);
    const from = (address: string) => ({ 'x-forwarded-for': `198.51.100.77, ${address}` });
    // three failures from one client address (two usernames, so the per-user limit of 2 is not reached)
    expect((await signIn(url, 'val', 'guess 1', from('203.0.113.5'))).status).toBe(401);
    expect((await signIn(url, 'vera', 'guess 2', from('203.0.113.5'))).status).toBe(401);
    expect((await signIn(url, 'viggo', 'guess 3', from('203.0.113.5'))).status).toBe(401);
    const limited = await signIn(url, 'vic', 'viewer pass', from('203.0.113.5'));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(55);
    // the left-hand entry is what the client claimed: only the proxy's nearest hop counts
    expect((await signIn(url, 'vic', 'viewer pass', from('203.0.113.6'))).status).toBe(200);
    // a new server process on the same store still refuses that address
    const restarted = await serve(['127.0.0.1']);
    expect((await signIn(restarted, 'vic', 'viewer pass', from('203.0.113.5'))).status).toBe(429);
    // a server that trusts no proxy counts the socket's address and ignores the header
    const direct = await serve([]);
    expect((await signIn(direct, 'vic', 'viewer pass', from('203.0.113.5'))).status).toBe(200);
  });
});
