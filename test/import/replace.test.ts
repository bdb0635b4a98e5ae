/**
 * Replacing and undoing imports (issue 7, item 4): a corrected file whose orders have no ids adds rows when
 * imported again; `replace` removes what the earlier import of the same file brought in, `undo` removes
 * exactly the rows an import brought in, and the import says which rule applied.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile, listImports, undoImport } from '../../src/app/import';
import { cliOn } from '../cli';
import { countAndSum, load, tempDir, withMemoryStore, write } from './helpers';

const dir = tempDir('replace');
const HEADER = 'customer_id,order_date,amount';
const path = join(dir, 'orders.csv');
const original = [HEADER, 'c1,2025-01-02,100', 'c2,2025-01-03,200'].join('\n');
/** The same file with the first amount corrected: its derived key changes, the second row's does not. */
const corrected = [HEADER, 'c1,2025-01-02,110', 'c2,2025-01-03,200'].join('\n');

describe('re-importing a corrected file without order ids', () => {
  it('without replace: the corrected row is added beside the old one (3 rows, 410) and the rule says so', async () => {
    await withMemoryStore(async (store) => {
      write(dir, 'orders.csv', original);
      const first = await load(store, 'transactions', path);
      expect(first).toMatchObject({ importId: 1, rule: 'appended', replacedByKey: 0, earlierImports: [] });
      write(dir, 'orders.csv', corrected);
      const second = await load(store, 'transactions', path);
      expect(second).toMatchObject({
        importId: 2,
        rule: 'replaced-keys',
        replacedByKey: 1,
        replacedImports: [],
        earlierImports: [1],
      });
      expect(await countAndSum(store, 'transactions', 'amount')).toEqual({ n: 3, total: 410 });
    });
  });

  it('with replace: the earlier import of the file is removed first (2 rows, 310)', async () => {
    await withMemoryStore(async (store) => {
      write(dir, 'orders.csv', original);
      await load(store, 'transactions', path);
      write(dir, 'orders.csv', corrected);
      const second = await load(store, 'transactions', path, { replace: true });
      expect(second).toMatchObject({
        importId: 2,
        rule: 'replaced-import',
        replacedByKey: 0,
        replacedImports: [{ importId: 1, rows: 2 }],
        earlierImports: [],
      });
      expect(await countAndSum(store, 'transactions', 'amount')).toEqual({ n: 2, total: 310 });
      const log = await listImports(store);
      expect(log.map((e) => [e.importId, e.state, e.rowsImported, e.rowsStored, e.replacedBy])).toEqual([
        [2, 'active', 2, 2, null],
        [1, 'replaced', 2, 0, 2],
      ]);
    });
  });

  it('replace leaves imports of other files and other kinds alone', async () => {
    await withMemoryStore(async (store) => {
      const other = write(dir, 'other.csv', [HEADER, 'c3,2025-02-01,7.50'].join('\n'));
      write(dir, 'orders.csv', original);
      await load(store, 'transactions', other);
      await load(store, 'transactions', path);
      write(dir, 'orders.csv', corrected);
      const result = await load(store, 'transactions', path, { replace: true });
      expect(result.replacedImports).toEqual([{ importId: 2, rows: 2 }]);
      expect(await countAndSum(store, 'transactions', 'amount')).toEqual({ n: 3, total: 317.5 });
    });
  });
});

describe('undoing an import', () => {
  it('removes exactly the rows the import brought in that are still stored, and logs it', async () => {
    await withMemoryStore(async (store) => {
      const a = write(
        dir,
        'a.csv',
        ['order_id,' + HEADER, 'o1,c1,2025-01-02,1', 'o2,c2,2025-01-03,2'].join('\n'),
      );
      const b = write(
        dir,
        'b.csv',
        ['order_id,' + HEADER, 'o2,c2,2025-01-03,20', 'o3,c3,2025-01-04,30'].join('\n'),
      );
      await load(store, 'transactions', a);
      await load(store, 'transactions', b); // o2 now belongs to import 2
      expect((await listImports(store)).map((e) => e.rowsStored)).toEqual([2, 1]);
      const undone = await undoImport(store, { importId: 1 });
      expect(undone).toMatchObject({ importId: 1, kind: 'transactions', rowsRemoved: 1 });
      expect(await countAndSum(store, 'transactions', 'amount')).toEqual({ n: 2, total: 50 });
      const log = await listImports(store);
      expect(log.map((e) => [e.importId, e.state, e.rowsStored])).toEqual([
        [2, 'active', 2],
        [1, 'undone', 0],
      ]);
      await expect(undoImport(store, { importId: 1 })).rejects.toThrow(
        /^import 1 was already undone \(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\); nothing changed$/,
      );
      await expect(undoImport(store, { importId: 9 })).rejects.toThrow(
        'no import 9 (the imports are numbered 1–2)',
      );
    });
  });

  it('refuses an import made before rows carried their import id', async () => {
    await withMemoryStore(async (store) => {
      const a = write(dir, 'old.csv', ['order_id,' + HEADER, 'o1,c1,2025-01-02,1'].join('\n'));
      await importFile(store, { kind: 'transactions', path: a });
      // what a store migrated from before version 6 holds: rows without an import id, an untagged log entry
      await store.db.run('UPDATE transactions SET import_id = NULL');
      await store.db.run('UPDATE imports SET rows_tagged = false');
      await expect(undoImport(store, { importId: 1 })).rejects.toThrow(
        /made before rows recorded their import/,
      );
      expect((await listImports(store))[0]?.rowsStored).toBeNull();
      const again = await load(store, 'transactions', a, { replace: true });
      expect(again).toMatchObject({ replacedImports: [], earlierImports: [1], rule: 'replaced-keys' });
      expect(await countAndSum(store, 'transactions', 'amount')).toEqual({ n: 1, total: 1 });
    });
  });
});

describe('cvm import --replace, cvm imports list|undo', () => {
  const db = join(dir, 'cli.duckdb');
  const cvm = cliOn(db);
  const file = join(dir, 'kassa.csv');

  it('says which rule applied, warns about an earlier import of the same file, lists and undoes', () => {
    write(dir, 'kassa.csv', original);
    expect(cvm('import', 'transactions', file).stdout).toBe('2 imported\nimport 1: appended\n');
    write(dir, 'kassa.csv', corrected);
    const again = cvm('import', 'transactions', file);
    expect(again.stdout).toBe('2 imported\nimport 2: replaced rows with the same natural key: 1\n');
    expect(again.stderr).toBe(
      'cvm: warning: earlier import 1 of this file still has rows beside these; use --replace to replace it, or cvm imports undo\n',
    );
    const replaced = cvm('--lang', 'sv', 'import', 'transactions', file, '--replace');
    expect(replaced.stdout).toBe(
      '2 importerade\nimport 3: ersatte en tidigare import av filen: 1, 1 rader; ersatte en tidigare import av filen: 2, 2 rader\n',
    );
    expect(replaced.stderr).toBe('');

    const list = cvm('--format', 'json', 'imports', 'list');
    expect(list.status).toBe(0);
    const entries = JSON.parse(list.stdout) as { importId: number; state: string; rowsStored: number }[];
    expect(entries.map((e) => [e.importId, e.state, e.rowsStored])).toEqual([
      [3, 'active', 2],
      [2, 'replaced', 0],
      [1, 'replaced', 0],
    ]);
    const csv = cvm('--format', 'csv', 'imports', 'list');
    expect(csv.stdout.split('\n')[0]).toBe(
      'importId,importedAt,kind,rowsImported,rowsRejected,rowsStored,state,endedAt,replacedBy,source',
    );
    expect(cvm('--lang', 'sv', 'imports', 'list').stdout).toContain('ersatt');

    const undo = cvm('imports', 'undo', '3');
    expect(undo.status).toBe(0);
    expect(undo.stdout).toContain('import 3 undone: 2 rows removed');
    expect(cvm('--format', 'json', 'info').stdout).toContain('"rows": 0');
    expect(cvm('imports', 'undo', '3')).toMatchObject({ status: 1, stdout: '' });
    expect(cvm('imports', 'undo', 'x')).toEqual({
      status: 2,
      stdout: '',
      stderr: 'cvm: id: "x" is not a positive whole number\n',
    });
  });
});
