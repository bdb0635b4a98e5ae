/**
 * The Data page's undo control in headless Chromium against the real server over a store of its own with
 * two small imports: a button per import, a confirmation naming the rows it removes, the rows removed, and
 * the store without them. Waits on the API's answers, never on fixed delays.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../src/app/import';
import { addUser } from '../../src/app/users';
import { startDashboard, type Dashboard } from './dashboard';

let dashboard: Dashboard | undefined;

beforeAll(async () => {
  dashboard = await startDashboard('undo', async (unit, dir) => {
    const first = join(dir, 'first.csv');
    const second = join(dir, 'second.csv');
    writeFileSync(
      first,
      'order_id,customer_id,order_date,amount\no1,c1,2025-01-05,10\no2,c2,2025-01-06,20\n',
    );
    writeFileSync(
      second,
      'order_id,customer_id,order_date,amount\no3,c3,2025-02-01,30\no4,c4,2025-02-02,40\no5,c5,2025-02-03,50\n',
    );
    await importFile(unit, { kind: 'transactions', path: first });
    await importFile(unit, { kind: 'transactions', path: second });
    const actor = { username: 'setup', now: new Date().toISOString() };
    await addUser(
      unit,
      { username: 'admin', password: 'admin pass 1', role: 'admin', displayName: undefined },
      actor,
    );
  });
});

afterAll(async () => {
  await dashboard?.close();
});

describe('the Data page', () => {
  it('undoes an import after a confirmation that names its rows, and shows the rows it removed', async () => {
    const page = await dashboard!.browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(dashboard!.server.url);
    await page.getByLabel('User name').fill('admin');
    await page.getByLabel('Password').fill('admin pass 1');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByTestId('user').waitFor();
    await page.goto(`${dashboard!.server.url}#/data`);

    // import 2 (newest first) holds 3 rows; the confirmation names them before anything changes
    await page.getByTestId('undo-2').click();
    expect(await page.getByTestId('undo-confirm-text').textContent()).toMatch(/Rows to remove: 3$/);
    const undo = page.waitForResponse(
      (r) => r.url().includes('/api/imports/2/undo') && r.request().method() === 'POST',
    );
    const reload = page.waitForResponse(
      (r) => /\/api\/imports(\?|$)/.test(r.url()) && r.request().method() === 'GET',
    );
    await page.getByTestId('undo-confirm').click();
    expect((await undo).status()).toBe(200);
    await reload;
    expect(await page.getByTestId('rows-removed').textContent()).toBe('3');
    // import 2 is no longer offered; import 1 still is
    await page.getByTestId('undo-1').waitFor();
    expect(await page.getByTestId('undo-2').count()).toBe(0);

    const left = await dashboard!.store.unit((unit) => unit.importLog.list());
    expect(left.map((r) => [r.importId, r.state, r.rowsStored])).toEqual([
      [2, 'undone', 0],
      [1, 'active', 2],
    ]);
    await page.close();
  });
});
