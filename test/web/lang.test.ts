/**
 * The dashboard in Swedish, in headless Chromium against the real server over a small store of its own:
 * the errors the API answers (a wrong password at sign-in, a customer that does not exist, a role that may
 * not) come in Swedish, as the dashboard sends its language with every request. Waits on the API's
 * answers, never on fixed delays.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/app/import';
import { addUser } from '../../src/app/users';
import { startDashboard, type Dashboard } from './dashboard';

let dashboard: Dashboard | undefined;

beforeAll(async () => {
  dashboard = await startDashboard('lang', async (unit, dir) => {
    const file = join(dir, 'orders.csv');
    writeFileSync(file, 'order_id,customer_id,order_date,amount\no1,c1,2025-01-05,10\no2,c2,2025-01-06,20\n');
    await importFile(unit, { kind: 'transactions', path: file });
    const actor = { username: 'setup', now: new Date().toISOString() };
    await addUser(unit, { username: 'admin', password: 'admin pass 1', role: 'admin' }, actor);
    await addUser(unit, { username: 'vera', password: 'viewer pass 1', role: 'viewer' }, actor);
  });
});

afterAll(async () => {
  await dashboard?.close();
});

/** A page of a fresh browser whose dashboard is set to Swedish, as the settings page leaves it. */
async function swedishPage(): Promise<Page> {
  const context = await dashboard!.browser.newContext({ viewport: { width: 1366, height: 768 } });
  await context.addInitScript({
    content: `localStorage.setItem('cvm.settings', JSON.stringify({ lang: 'sv' }))`,
  });
  const page = await context.newPage();
  await page.goto(dashboard!.server.url);
  return page;
}

async function logIn(page: Page, username: string, password: string): Promise<number> {
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill(password);
  const answer = page.waitForResponse(
    (r) => r.url().includes('/api/session') && r.request().method() === 'POST',
  );
  await page.getByRole('button', { name: 'Logga in' }).click();
  return (await answer).status();
}

describe('the dashboard in Swedish', () => {
  it('shows a refused sign-in in Swedish', async () => {
    const page = await swedishPage();
    expect(await logIn(page, 'admin', 'not the password')).toBe(401);
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('fel användarnamn eller lösenord');
    expect(await page.getByRole('alert').textContent()).not.toMatch(/wrong username/);
    await page.context().close();
  });

  it('shows the API’s errors in Swedish: an unknown customer, a role that may not', async () => {
    const page = await swedishPage();
    expect(await logIn(page, 'vera', 'viewer pass 1')).toBe(200);
    await page.getByTestId('user').waitFor();
    const customer = page.waitForResponse((r) => r.url().includes('/api/customers/nope'));
    await page.goto(`${dashboard!.server.url}#/customer/nope`);
    const answer = await customer;
    expect(answer.status()).toBe(404);
    expect(new URL(answer.url()).searchParams.get('lang')).toBe('sv');
    await expect
      .poll(() => page.getByRole('alert').allTextContents())
      .toContainEqual(expect.stringContaining('ingen kund "nope" i databasen'));
    // a viewer may not import: the API's refusal, asked the way the dashboard asks
    const refused = await page.evaluate(async () => {
      const res = await fetch('/api/imports?lang=sv', { credentials: 'same-origin' });
      return { status: res.status, body: (await res.json()) as { error: { message: string } } };
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('rollen viewer får inte anropa GET /api/imports');
    await page.context().close();
  });
});
