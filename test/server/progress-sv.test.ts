/**
 * Progress in the language asked for: an upload's phase lines from the import itself (reading, checking,
 * writing) as the dashboard's Data page polls them with `?lang=sv`, and the page the server shows when the
 * dashboard is not built, in the language of `?lang=` or Accept-Language (both languages otherwise).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/data/store';
import type { Api } from '../../src/server/app';
import { pageLang } from '../../src/server/static';
import { Client } from './client';
import { analystApi } from './demo-api';

const dir = mkdtempSync(join(tmpdir(), 'cvm-progress-sv-'));
let store: Store;
let api: Api;

beforeAll(async () => {
  ({ store, api } = await analystApi(join(dir, 'store.duckdb'), dir));
});
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('an upload’s progress with ?lang=sv', () => {
  it('gives the import’s own phase lines in Swedish while it runs, then the count', async () => {
    const ada = new Client(api.app);
    expect((await ada.login('ada', 'correct horse')).status).toBe(200);
    const rows = 60_000;
    const lines = ['order_id,customer_id,order_date,amount'];
    for (let i = 0; i < rows; i++)
      lines.push(`o${i},c${i % 997},2025-0${1 + (i % 9)}-1${i % 10},${i % 500}.5`);
    const form = new FormData();
    form.append('file', new File([lines.join('\n')], 'big.csv', { type: 'text/csv' }));
    let done = false;
    const answer = ada.request('POST', '/api/imports/transactions?progress=big-1', form).finally(() => {
      done = true;
    });
    const seen = new Set<string>();
    while (!done) {
      const p = await ada.get('/api/imports/progress/big-1?lang=sv');
      if (p.status === 200 && typeof p.body.message === 'string') seen.add(p.body.message as string);
      await new Promise((r) => setTimeout(r, 2));
    }
    expect((await answer).status).toBe(200);
    const last = await ada.get('/api/imports/progress/big-1?lang=sv');
    expect(last.body.message).toBe('60\u00a0000 importerade, 0 avvisade');
    // the lines the import itself says (not only the server's own "reading the upload" and the count)
    const own = [...seen].filter((m) =>
      /^(läser big\.csv \(|läste och kontrollerade|\d[\d\u00a0]* rader godkända|skriver )/.test(m),
    );
    expect(own.length, [...seen].join(' | ')).toBeGreaterThan(0);
    for (const m of seen) expect(m).not.toMatch(/\b(reading|rows|inside the transaction|committed)\b/);
    if ([...seen].some((m) => m.startsWith('skriver ')))
      expect(seen).toContain('skriver 60\u00a0000 rader inom transaktionen');
  }, 120_000);
});

describe('the page of a dashboard that is not built', () => {
  it('is in Swedish for ?lang=sv or a Swedish Accept-Language, English for English, both otherwise', async () => {
    const page = async (path: string, accept?: string): Promise<string> =>
      (
        await api.app.request(
          `http://localhost${path}`,
          accept ? { headers: { 'accept-language': accept } } : {},
        )
      ).text();
    const sv = 'Instrumentpanelen är inte byggd (dist/web/index.html saknas)';
    const en = 'The dashboard is not built (there is no dist/web/index.html)';
    const swedish = await page('/', 'sv-SE,sv;q=0.9,en;q=0.5');
    expect(swedish).toContain(sv);
    expect(swedish).not.toContain(en);
    expect(swedish).toContain('<html lang="sv">');
    expect(await page('/?lang=sv', 'en')).toContain(sv);
    const english = await page('/data', 'en-GB');
    expect(english).toContain(en);
    expect(english).not.toContain(sv);
    const both = await page('/', 'de-DE');
    expect(both).toContain(en);
    expect(both).toContain(sv);
  });

  it('takes its language from ?lang=, else the preferred of en and sv in Accept-Language', () => {
    expect(pageLang('sv', 'en-GB')).toBe('sv');
    expect(pageLang(undefined, 'sv-SE,sv;q=0.9,en;q=0.8')).toBe('sv');
    expect(pageLang(undefined, 'de-DE, en;q=0.5, sv;q=0.7')).toBe('sv');
    expect(pageLang(undefined, 'en-US,en;q=0.9')).toBe('en');
    expect(pageLang(undefined, 'sv;q=0, en;q=0.1')).toBe('en');
    expect(pageLang(undefined, 'de, fr')).toBeNull();
    expect(pageLang(undefined, undefined)).toBeNull();
  });
});
