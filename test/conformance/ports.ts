/**
 * The ports besides analytics, through the port: landing (replace by natural key, the import log, a batch
 * that fails lands nothing), info, the headline counts, clearing the data, and a file and an upload stream
 * through the import port.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, storeWith, type OpenStore, type TestStore } from './load';

/** The suite, on stores opened by `open`. */
export function portSuite(open: OpenStore): void {
  describe('landing, info and summary ports', () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await storeWith(open, [
        ['c1', '2025-01-10', 100],
        ['c1', '2025-03-10', -30],
        ['c2', '2024-06-01', 50.5],
        ['c3', '2025-12-31', 20],
      ]);
    });
    afterAll(async () => {
      await store.close();
    });

    it('reports the latest order date and what is loaded', async () => {
      expect(await store.analytics.latestOrderDate()).toBe('2025-12-31');
      const tables = await store.unit.meta.tables();
      expect(tables.find((t) => t.kind === 'transactions')).toMatchObject({
        rows: 4,
        from: '2024-06-01',
        to: '2025-12-31',
      });
      expect(tables.find((t) => t.kind === 'customers')?.rows).toBe(0);
      expect(await store.unit.meta.customersWithTransactions()).toBe(3);
      const log = await store.unit.meta.recentImports(5);
      expect(log.map((e) => [e.kind, e.source, e.rowsImported, e.rowsRejected])).toEqual([
        ['transactions', 'test:transactions', 4, 0],
      ]);
    });

    it('replaces stored rows with the same natural key and logs each landing', async () => {
      const landed = await store.unit.landing.land({
        kind: 'transactions',
        columns: ['order_id', 'customer_id', 'order_date', 'amount'],
        source: 'correction',
        rows: 2,
        rejected: 1,
        chunks: async function* () {
          await Promise.resolve();
          yield [
            ['o2', 'c1', '2025-03-10', '-25.00'],
            ['o9', 'c4', '2025-07-01', '10.25'],
          ];
        },
      });
      expect(landed).toEqual({ importId: 2, replaced: 1, replacedImports: [], earlierImports: [] });
      const tables = await store.unit.meta.tables();
      expect(tables.find((t) => t.kind === 'transactions')?.rows).toBe(5);
      const log = await store.unit.meta.recentImports(5);
      expect(log.map((e) => [e.source, e.rowsImported, e.rowsRejected])).toEqual([
        ['correction', 2, 1],
        ['test:transactions', 4, 0],
      ]);
    });

    it('counts the headline over a window: active customers, net revenue, orders', async () => {
      // 2025: c1 100 − 25 = 75 (1 purchase), c3 20, c4 10.25 → 3 active, 105.25, 3 orders
      const h = await store.unit.summary.headline({
        startExclusive: '2024-12-31',
        endInclusive: '2025-12-31',
      });
      expect(h).toMatchObject({
        activeCustomers: 3,
        revenue: 105.25,
        orders: 3,
      });
    });

    it('lands nothing when a batch fails half-way', async () => {
      const failing = store.unit.landing.land({
        kind: 'transactions',
        columns: ['order_id', 'customer_id', 'order_date', 'amount'],
        source: 'broken',
        rows: 2,
        rejected: 0,
        chunks: async function* () {
          await Promise.resolve();
          yield [['o1', 'c1', '2025-01-10', '1.00']];
          throw new Error('the source broke off');
        },
      });
      await expect(failing).rejects.toThrow('the source broke off');
      const tables = await store.unit.meta.tables();
      expect(tables.find((t) => t.kind === 'transactions')?.rows).toBe(5);
      expect((await store.unit.meta.recentImports(5)).map((e) => e.source)).not.toContain('broken');
    });
  });

  describe('the import log: replacing an earlier import of a source, undoing one', () => {
    it('replaces what an earlier landing of the same source brought in, lists and undoes imports', async () => {
      const store = await openTestStore(open);
      const batch = (source: string, rows: string[][], replace = false) =>
        store.unit.landing.land({
          kind: 'transactions',
          columns: ['order_id', 'customer_id', 'order_date', 'amount'],
          source,
          replace,
          rows: rows.length,
          rejected: 0,
          chunks: async function* () {
            await Promise.resolve();
            yield rows;
          },
        });
      try {
        await batch('a.csv', [
          ['h:1', 'c1', '2025-01-02', '100.00'],
          ['h:2', 'c2', '2025-01-03', '200.00'],
        ]);
        await batch('b.csv', [['o3', 'c3', '2025-01-04', '7.50']]);
        const again = await batch('a.csv', [
          ['h:3', 'c1', '2025-01-02', '110.00'],
          ['h:2', 'c2', '2025-01-03', '200.00'],
        ]);
        expect(again).toEqual({ importId: 3, replaced: 1, replacedImports: [], earlierImports: [1] });
        const replaced = await batch('a.csv', [['h:3', 'c1', '2025-01-02', '110.00']], true);
        expect(replaced).toEqual({
          importId: 4,
          replaced: 0,
          replacedImports: [
            { importId: 1, rows: 1 },
            { importId: 3, rows: 2 },
          ],
          earlierImports: [],
        });
        const list = await store.unit.importLog.list();
        expect(
          list.map((e) => [e.importId, e.source, e.state, e.rowsImported, e.rowsStored, e.replacedBy]),
        ).toEqual([
          [4, 'a.csv', 'active', 1, 1, null],
          [3, 'a.csv', 'replaced', 2, 0, 4],
          [2, 'b.csv', 'active', 1, 1, null],
          [1, 'a.csv', 'replaced', 2, 0, 4],
        ]);
        expect(await store.unit.importLog.undo(2)).toEqual({
          importId: 2,
          kind: 'transactions',
          source: 'b.csv',
          rowsRemoved: 1,
        });
        expect(
          await store.unit.summary.headline({ startExclusive: '2024-12-31', endInclusive: '2025-12-31' }),
        ).toMatchObject({ activeCustomers: 1, revenue: 110, orders: 1 });
        await expect(store.unit.importLog.undo(2)).rejects.toMatchObject({ code: 'conflict' });
        await expect(store.unit.importLog.undo(3)).rejects.toThrow(/was replaced by import 4/);
        await expect(store.unit.importLog.undo(5)).rejects.toMatchObject({ code: 'not-found' });
      } finally {
        await store.close();
      }
    });
  });

  describe('clearing the data', () => {
    it('empties every data table', async () => {
      const store = await openTestStore(open);
      try {
        await store.land(
          'complaints',
          ['complaint_id', 'customer_id', 'opened_at'],
          [['k1', 'c1', '2025-05-01 10:00:00']],
        );
        await store.land(
          'surveys',
          ['response_id', 'customer_id', 'answered_on', 'kind', 'score'],
          [['r1', 'c1', '2025-02-01', 'nps', 10]],
        );
        await store.unit.summary.clearData();
        expect((await store.unit.meta.tables()).every((t) => t.rows === 0)).toBe(true);
      } finally {
        await store.close();
      }
    });
  });

  describe('one transaction for several landings', () => {
    it('keeps nothing of any landing inside atomically when it fails, and all when it succeeds', async () => {
      const store = await openTestStore(open);
      try {
        const columns = ['order_id', 'customer_id', 'order_date', 'amount'];
        const failed = store.unit.atomically(async () => {
          await store.land('customers', ['customer_id'], [['c1'], ['c2']]);
          await store.land('transactions', columns, [['o1', 'c1', '2025-01-01', '10.00']]);
          throw new Error('interrupted');
        });
        await expect(failed).rejects.toThrow('interrupted');
        expect((await store.unit.meta.tables()).every((t) => t.rows === 0)).toBe(true);
        expect(await store.unit.meta.recentImports(5)).toEqual([]);
        await store.unit.atomically(async () => {
          await store.land('customers', ['customer_id'], [['c1'], ['c2']]);
          await store.land('transactions', columns, [['o1', 'c1', '2025-01-01', '10.00']]);
        });
        const rows = Object.fromEntries((await store.unit.meta.tables()).map((t) => [t.kind, t.rows]));
        expect([rows.customers, rows.transactions]).toEqual([2, 1]);
      } finally {
        await store.close();
      }
    });
  });

  describe('the import port', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cvm-port-import-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('imports a file and an upload stream with the same result', async () => {
      const text = 'KundNr;Orderdatum;Belopp\nC1;2025-01-02;1 598,37\nC2;2025-13-01;12,5\nC3;2025-02-03;10\n';
      const file = join(dir, 'kassa.csv');
      writeFileSync(file, text);
      const store = await openTestStore(open);
      try {
        const fromFile = await store.unit.imports.importFile({
          kind: 'transactions',
          path: file,
          rejectsPath: join(dir, 'file.rejects.csv'),
        });
        expect([fromFile.imported, fromFile.rejected]).toEqual([2, 1]);
        const fromStream = await store.unit.imports.importFile({
          kind: 'transactions',
          path: 'kassa.csv',
          stream: Readable.from([Buffer.from(text.slice(0, 30)), Buffer.from(text.slice(30))]),
          rejectsPath: join(dir, 'stream.rejects.csv'),
        });
        expect([fromStream.imported, fromStream.rejected, fromStream.source]).toEqual([
          2,
          1,
          'upload:kassa.csv',
        ]);
        // the orders have no ids: their derived keys are the same in both, so the second replaced the first
        expect((await store.unit.meta.tables()).find((t) => t.kind === 'transactions')?.rows).toBe(2);
        const tooBig = store.unit.imports.importFile({
          kind: 'transactions',
          path: 'kassa.csv',
          stream: Readable.from([Buffer.from(text)]),
          maxBytes: 10,
        });
        await expect(tooBig).rejects.toThrow('kassa.csv: the upload is larger than 10 bytes');
      } finally {
        await store.close();
      }
    });
  });
}
