/**
 * The server's faces on the command line: `cvm user add|list|set-role|remove` on a database file, and
 * `cvm serve --port 0` answering the API, the OpenAPI document and the not-built dashboard page, then
 * stopping on SIGTERM.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cliOn } from '../cli';

const dir = mkdtempSync(join(tmpdir(), 'cvm-server-cli-'));
const db = join(dir, 'users.duckdb');
const cvm = cliOn(db);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function addUser(username: string, role: string, password: string, ...flags: string[]) {
  return spawnSync(
    process.execPath,
    ['bin/cvm.mjs', '--db', db, 'user', 'add', username, '--role', role, '--password-stdin', ...flags],
    { input: `${password}\n`, encoding: 'utf8', env: { ...process.env, TZ: 'Pacific/Chatham' } },
  );
}

describe('cvm user', () => {
  it('adds, lists, re-roles and removes users, in English and Swedish', () => {
    const added = addUser('Karin Wallin', 'account_manager', 'manager password', '--display-name', 'Karin');
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    expect(added.stdout).toMatch(/^Karin Wallin\s+account manager\s+Karin\s+\d{4}-\d\d-\d\dT/m);
    expect(addUser('vic', 'viewer', 'viewer password').status).toBe(0);
    const list = cvm('--format', 'json', 'user', 'list');
    expect(JSON.parse(list.stdout)).toEqual([
      expect.objectContaining({ username: 'Karin Wallin', role: 'account_manager', displayName: 'Karin' }),
      expect.objectContaining({ username: 'vic', role: 'viewer' }),
    ]);
    expect(list.stdout).not.toContain('argon2');
    const sv = cvm('--lang', 'sv', 'user', 'set-role', 'vic', 'analyst');
    expect(sv.status).toBe(0);
    expect(sv.stdout).toContain('Roll ändrad');
    expect(sv.stdout).toMatch(/^vic\s+analytiker/m);
    const csv = cvm('--format', 'csv', 'user', 'list');
    expect(csv.stdout.split('\n')[0]).toBe('username,role,displayName,createdAt');
    expect(cvm('user', 'remove', 'vic').status).toBe(0);
    expect(JSON.parse(cvm('--format', 'json', 'user', 'list').stdout)).toHaveLength(1);
  });

  it('refuses a taken name, a bad role, a short password and an unknown user, naming what is wrong', () => {
    const taken = addUser('Karin Wallin', 'viewer', 'another password');
    expect(taken.status).toBe(1);
    expect(taken.stderr).toBe('cvm: username: user Karin Wallin exists already\n');
    const role = addUser('bo', 'boss', 'bo password');
    expect(role.status).toBe(2);
    expect(role.stderr).toBe(
      'cvm: --role: "boss" is not a role (expected admin, analyst, account_manager or viewer)\n',
    );
    const short = addUser('bo', 'viewer', 'short');
    expect(short.status).toBe(2);
    expect(short.stderr).toBe('cvm: password: is too short (5 characters, expected at least 8)\n');
    const unknown = cvm('user', 'remove', 'nobody');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toBe('cvm: username: no user nobody\n');
  });
});

describe('cvm serve', () => {
  it('serves the API on a free port until SIGTERM', async () => {
    const child = spawn(process.execPath, ['bin/cvm.mjs', '--db', db, 'serve', '--port', '0'], {
      env: { ...process.env, TZ: 'Pacific/Chatham' },
    });
    let stdout = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL: ${stdout}`)), 30_000);
        child.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const m = /serving on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout);
          if (m?.[1]) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
      });
      const login = await fetch(`${url}api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'Karin Wallin', password: 'manager password' }),
      });
      expect(login.status).toBe(200);
      expect(await login.json()).toMatchObject({
        user: { username: 'Karin Wallin', role: 'account_manager' },
      });
      const doc = (await (await fetch(`${url}api/openapi.json`)).json()) as { openapi: string };
      expect(doc.openapi).toBe('3.1.0');
      // any other path is the dashboard (built into dist/web by the build that runs before the tests)
      const page = await fetch(`${url}some/dashboard/page`);
      expect(await page.text()).toContain('<title>CVM dashboard</title>');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  }, 60_000);

  it('offers --no-warm in English and Swedish', () => {
    const en = cvm('serve', '--help');
    expect(en.status).toBe(0);
    expect(en.stdout.replace(/\s+/g, ' ')).toContain(
      "--no-warm do not compute the dashboard's default reports in the background",
    );
    const sv = cvm('--lang', 'sv', 'serve', '--help');
    expect(sv.stdout.replace(/\s+/g, ' ')).toContain(
      '--no-warm beräkna inte instrumentpanelens förvalda rapporter i bakgrunden',
    );
    expect(cvm('start', '--help').stdout).toContain('--no-warm');
  });

  it('names the option when the port is bad', () => {
    const run = cvm('serve', '--port', '70000');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('cvm: --port: "70000" is not a whole number from 0 to 65535\n');
  });
});
