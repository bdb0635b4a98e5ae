/**
 * Errors of the core rules and the data layer reach both faces in the language asked for: `cvm --lang sv`
 * prints them in Swedish, the API answers them in Swedish with `?lang=sv` (English without).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/app/open-store';
import { DEFAULT_SCORECARD } from '../../src/core/accounts/scorecard';
import type { Store } from '../../src/data/store';
import type { Api } from '../../src/server/app';
import { cliOn } from '../cli';
import { Client } from './client';
import { analystApi } from './demo-api';

const dir = mkdtempSync(join(tmpdir(), 'cvm-data-errors-sv-'));
const file = join(dir, 'store.duckdb');
let store: Store;
let api: Api;

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

beforeAll(async () => {
  // an empty store for the command line, one for the server
  await (await openStore(join(dir, 'cli.duckdb'))).close();
  ({ store, api } = await analystApi(file, dir));
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('cvm --lang sv', () => {
  const cvm = cliOn(join(dir, 'cli.duckdb'));

  it('prints a bad retention file and a bad rules file in Swedish, exit 2', () => {
    const retention = write('bad.csv', 'a,b\n1,2\n');
    const sbg = cvm('--lang', 'sv', 'model', 'fit', 'sbg', '--summary', retention);
    expect(sbg.stderr.trim()).toBe(
      'cvm: bad.csv: rubrikraden "a,b" har varken period och surviving (en kohorts överlevnadsantal) eller periods och churned (enskilda livslängder)',
    );
    expect(sbg.status).toBe(2);
    expect(cvm('model', 'fit', 'sbg', '--summary', retention).stderr.trim()).toBe(
      'cvm: bad.csv: the header "a,b" has neither period and surviving (cohort survival counts) nor periods and churned (individual lifetimes)',
    );
    const rules = write('rules.yaml', 'lifecycle:\n  atRiskFactor: 3.5\n  lapsedFactor: 2\n');
    const segments = cvm('--lang', 'sv', 'segments', '--as-of', '2025-12-31', '--rules', rules);
    expect(segments.stderr.trim()).toBe(
      `cvm: ${rules}: lifecycle.atRiskFactor 3,5 är större än lapsedFactor 2; väntat att en kund hamnar i riskzonen innan den räknas som förlorad`,
    );
    expect(segments.status).toBe(2);
  });

  it('prints a store location it cannot open in Swedish, naming --db, exit 1', () => {
    const run = (db: string): { status: number | null; stderr: string } =>
      spawnSync(process.execPath, ['bin/cvm.mjs', '--db', db, '--lang', 'sv', 'info'], {
        encoding: 'utf8',
        env: { ...process.env, TZ: 'Pacific/Chatham' },
      });
    const schema = run('postgres://127.0.0.1:5432/test?schema=Bad');
    expect(schema.stderr.trim()).toBe(
      'cvm: postgres://127.0.0.1:5432/test?schema=Bad: schemat "Bad" är inte ett enkelt namn; väntat gemena bokstäver, siffror och understreck',
    );
    expect(schema.status).toBe(1);
    const text = write('notes.duckdb', 'not a database, just some text\n'.repeat(200));
    const foreign = run(text);
    expect(foreign.stderr.trim()).toBe(
      `cvm: kan inte öppna databasen ${text}: den är inte en DuckDB-databas; ge --db en DuckDB-fil`,
    );
    expect(foreign.status).toBe(1);
  });
});

describe('the API with ?lang=sv', () => {
  it('answers a model input and a scorecard the core refuses in Swedish, in English without lang', async () => {
    const client = new Client(api.app);
    await client.login('ada', 'correct horse');
    const rising = await client.request('POST', '/api/models/sbg?lang=sv', { surviving: [100, 80, 90] });
    expect(rising.status).toBe(400);
    expect(rising.body.error.message).toBe(
      'kohortens överlevnad, period 2: 90 aktiva är fler än 80 i period 1; väntat ett antal som aldrig ökar',
    );
    const en = await client.request('POST', '/api/models/sbg', { surviving: [100, 80, 90] });
    expect(en.body.error.message).toBe(
      'cohort survival, period 2: 90 alive is more than 80 in period 1; expected a non-increasing count',
    );
    const inverted = { ...DEFAULT_SCORECARD, bounds: { min: 0.9, max: 0.4 } };
    const scorecard = await client.request('PUT', '/api/accounts/scorecard?lang=sv', inverted);
    expect(scorecard.status).toBe(400);
    expect(scorecard.body.error.message).toMatch(
      /: gränserna är omkastade \(min 0,9 > max 0,4\); väntat min ≤ max$/,
    );
    const [first, ...rest] = DEFAULT_SCORECARD.factors;
    const likely = {
      ...first!,
      steps: [{ ...first!.steps[0]!, probability: 1.5 }, ...first!.steps.slice(1)],
    };
    const zod = await client.request('PUT', '/api/accounts/scorecard?lang=sv', {
      ...DEFAULT_SCORECARD,
      factors: [likely, ...rest],
    });
    expect(zod.status).toBe(400);
    expect(zod.body.error.message).toMatch(
      new RegExp(`: faktorn ${first!.id}, steps\\[0\\]\\.probability: för stort: väntat ett tal ≤ 1$`),
    );
  });
});
