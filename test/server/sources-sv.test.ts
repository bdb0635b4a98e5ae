/**
 * Sources that are not a file, named inside an error (the request body of a scorecard, the default strategy
 * rules), in the language asked for: `?lang=sv` in the API, `--lang sv` on the command line.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCORECARD } from '../../src/core/accounts/scorecard';
import { Db } from '../../src/data/duckdb/connection';
import type { Store } from '../../src/data/store';
import type { Api } from '../../src/server/app';
import { cliOn } from '../cli';
import { Client } from './client';
import { analystApi } from './demo-api';

const dir = mkdtempSync(join(tmpdir(), 'cvm-sources-sv-'));
let store: Store;
let api: Api;

/** A store with four orders of four customers in 2025. */
async function fourOrders(path: string): Promise<void> {
  const db = await Db.open(path);
  await db.run(`INSERT INTO transactions (order_id, customer_id, order_date, amount) VALUES
    ('1', 'a', DATE '2025-01-05', 10), ('2', 'b', DATE '2025-03-06', 20),
    ('3', 'c', DATE '2025-06-07', 30), ('4', 'd', DATE '2025-09-08', 40)`);
  db.close();
}

beforeAll(async () => {
  await fourOrders(join(dir, 'api.duckdb'));
  await fourOrders(join(dir, 'cli.duckdb'));
  ({ store, api } = await analystApi(join(dir, 'api.duckdb'), dir));
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const RULES_EN =
  'the default rules (they name the default tiers; give a rules file for other tiers): segment "Royals": tier "Super 5%" is unknown; expected one of "A", "B"';
const RULES_SV =
  'standardreglerna (de namnger standardkategorierna; ange en regelfil för andra kundkategorier): segmentet "Royals": kundkategorin "Super 5%" är okänd; väntat någon av "A", "B"';

describe('a source named in an error, in Swedish', () => {
  it('the request body of a scorecard and the default rules, in the API with ?lang=sv', async () => {
    const ada = new Client(api.app);
    expect((await ada.login('ada', 'correct horse')).status).toBe(200);
    const card = JSON.parse(JSON.stringify(DEFAULT_SCORECARD)) as { factors: { id: string }[] };
    card.factors[0]!.id = 'golf_rounds';
    const sv = await ada.request('PUT', '/api/accounts/scorecard?lang=sv', card);
    expect(sv.status).toBe(400);
    expect(sv.body.error.message).toMatch(
      /^anropets innehåll: faktorn golf_rounds är inte en bedömningskolumn; väntat någon av /,
    );
    const en = await ada.request('PUT', '/api/accounts/scorecard', card);
    expect(en.body.error.message).toMatch(
      /^the request body: factor golf_rounds is not an assessment column; expected one of /,
    );
    const segments = await ada.get('/api/segments?tiers=A:50,B:50&lang=sv');
    expect(segments.status).toBe(400);
    expect(segments.body.error.message).toBe(RULES_SV);
    expect((await ada.get('/api/segments?tiers=A:50,B:50')).body.error.message).toBe(RULES_EN);
  });

  it('the default rules, on the command line with --lang sv', () => {
    const cvm = cliOn(join(dir, 'cli.duckdb'));
    const sv = cvm('--lang', 'sv', 'segments', '--tiers', 'A:50,B:50');
    expect(sv.stderr.trim()).toBe(`cvm: ${RULES_SV}`);
    expect(sv.status).toBe(2);
    expect(cvm('segments', '--tiers', 'A:50,B:50').stderr.trim()).toBe(`cvm: ${RULES_EN}`);
  });
});
