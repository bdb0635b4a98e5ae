/**
 * Erasing one customer (`cvm delete --customer ID`): the rows of every kind that holds a customer id, counted
 * per kind; a dry run changes nothing, the erasure removes exactly those rows in one transaction, unlinks the
 * key accounts and bumps the data version; other customers' rows stay. Counts by hand from the fixture.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eraseCustomer } from '../../src/app/customers/erase';
import { eraseCustomerInput } from '../../src/app/options/customer';
import { parseOptions } from '../../src/app/options/parse';
import type { StoreUnit } from '../../src/data/store';
import { openTestStore, type OpenStore, type TestStore } from './load';

/** Rows per kind held for customer `id`: the port's dry run (checked against the customer page below). */
async function counts(unit: StoreUnit, id: string): Promise<Record<string, number>> {
  return Object.fromEntries((await unit.customers.erase(id, true)).map((k) => [k.kind, k.rows]));
}

export function eraseSuite(open: OpenStore): void {
  describe('erasing a customer', () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await openTestStore(open);
      await store.land(
        'customers',
        ['customer_id', 'name', 'category_spend'],
        [
          ['A', 'Anna', '5000'],
          ['B', 'Bo', null],
        ],
      );
      await store.land(
        'transactions',
        ['order_id', 'customer_id', 'order_date', 'amount'],
        [
          ['o1', 'A', '2025-01-01', '100'],
          ['o2', 'A', '2025-02-01', '50'],
          ['o3', 'A', '2025-03-01', '-20'],
          ['o4', 'B', '2025-01-01', '70'],
        ],
      );
      await store.land(
        'contracts',
        ['contract_id', 'customer_id', 'start_date'],
        [
          ['c1', 'A', '2024-01-01'],
          ['c2', 'B', '2024-01-01'],
        ],
      );
      await store.land(
        'complaints',
        ['complaint_id', 'customer_id', 'opened_at'],
        [
          ['k1', 'A', '2025-01-02 08:00:00'],
          ['k2', 'A', '2025-02-02 08:00:00'],
        ],
      );
      await store.land(
        'surveys',
        ['response_id', 'customer_id', 'answered_on', 'kind', 'score'],
        [
          ['s1', 'A', '2025-01-05', 'nps', '9'],
          ['s2', 'B', '2025-01-05', 'nps', '3'],
        ],
      );
      await store.land(
        'invoices',
        ['invoice_id', 'customer_id', 'issued_on', 'due_on', 'amount'],
        [
          ['i1', 'A', '2025-01-01', '2025-01-31', '100'],
          ['i2', 'A', '2025-02-01', '2025-02-28', '50'],
          ['i3', 'A', '2025-03-01', '2025-03-31', '50'],
          ['i4', 'B', '2025-01-01', '2025-01-31', '70'],
        ],
      );
      await store.land(
        'accounts',
        ['account_id', 'name', 'account_manager', 'customer_id'],
        [
          ['KA1', 'A Group', 'bo', 'A'],
          ['KA2', 'B Group', 'bo', 'B'],
        ],
      );
      await store.unit.strategy.logActions([
        {
          suggestionId: 'x1',
          customerId: 'A',
          actionId: 'win-back',
          asOf: '2025-06-30',
          exportedAt: '2025-07-01T08:00:00Z',
        },
        {
          suggestionId: 'x2',
          customerId: 'B',
          actionId: 'win-back',
          asOf: '2025-06-30',
          exportedAt: '2025-07-01T08:00:00Z',
        },
      ]);
    });
    afterAll(async () => {
      await store.close();
    });

    const expectedA = {
      customers: 1,
      transactions: 3,
      contracts: 1,
      complaints: 2,
      surveys: 1,
      invoices: 3,
      actions: 1,
      accounts: 1,
    };
    const expectedB = {
      customers: 1,
      transactions: 1,
      contracts: 1,
      complaints: 0,
      surveys: 1,
      invoices: 1,
      actions: 1,
      accounts: 1,
    };
    const byKind = (kinds: { kind: string; rows: number }[]) =>
      Object.fromEntries(kinds.map((k) => [k.kind, k.rows]));

    it('a dry run counts the rows per kind and changes nothing', async () => {
      const version = await store.unit.users.dataVersion();
      const before = await counts(store.unit, 'A');
      const dry = await eraseCustomer(
        store.unit,
        parseOptions(eraseCustomerInput, { customerId: 'A', dryRun: 'true' }),
      );
      expect(dry.dryRun).toBe(true);
      expect(byKind(dry.kinds)).toEqual(expectedA);
      expect(dry.rowsDeleted).toBe(12);
      expect(dry.kinds.find((k) => k.kind === 'accounts')?.action).toBe('unlinked');
      expect(await counts(store.unit, 'A')).toEqual(before);
      expect(await store.unit.users.dataVersion()).toBe(version);
    });

    it('removes exactly those rows, unlinks the key account, bumps the data version; B is untouched', async () => {
      const version = await store.unit.users.dataVersion();
      const gone = await eraseCustomer(store.unit, parseOptions(eraseCustomerInput, { customerId: 'A' }));
      expect(gone.dryRun).toBe(false);
      expect(byKind(gone.kinds)).toEqual(expectedA);
      expect(gone.rowsDeleted).toBe(12);
      expect(await store.unit.users.dataVersion()).toBe(version + 1);
      expect(Object.values(await counts(store.unit, 'A'))).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
      expect(await counts(store.unit, 'B')).toEqual(expectedB);
      const b = await store.unit.customers.customer('B', [], 'revenue');
      expect(b.months).toEqual([{ month: '2025-01', orders: 1, revenue: 70, margin: 0 }]);
      expect([b.contracts.length, b.surveys.length, b.keyAccounts.map((k) => k.accountId)]).toEqual([
        1,
        1,
        ['KA2'],
      ]);
      // The key account stays, without the link; B's report sees its own rows only.
      expect(await store.unit.customers.search('', 10)).toEqual(['B']);
      const page = await store.unit.customers.customer('A', [], 'revenue');
      expect(page.found).toBe(false);
    });

    it('refuses an id no table holds, and a second erasure, as not found', async () => {
      const version = await store.unit.users.dataVersion();
      await expect(
        eraseCustomer(store.unit, parseOptions(eraseCustomerInput, { customerId: 'A' })),
      ).rejects.toMatchObject({ code: 'not-found', message: 'no customer "A" in the store' });
      expect(await store.unit.users.dataVersion()).toBe(version);
    });

    it('refuses a dry run that is not true or false, naming the field', () => {
      expect(() => parseOptions(eraseCustomerInput, { customerId: 'B', dryRun: 'yes' })).toThrow(
        /true or false/,
      );
    });
  });
}
