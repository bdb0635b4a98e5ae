/** Shared set-up for the import tests: a temporary directory, real DuckDB stores, table dumps. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { importFile } from '../../src/app/import';
import { KINDS, type KindName } from '../../src/core/kinds';
import { renderMessages, type Rendered } from '../../src/core/messages/catalogue';
import { TABLES } from '../../src/data/sql/tables';
import { DuckDbDatabase } from '../../src/data/duckdb/connection';
import { DuckDbUnit } from '../../src/data/duckdb/store';
import type { ImportRequest, ImportResult } from '../../src/data/import/types';

/** A temporary directory for the calling test file, removed after its tests. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `cvm-import-${prefix}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes `text` to `dir/name` (UTF-8) and returns the path. */
export function write(dir: string, name: string, text: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** A DuckDB unit of work on a database of its own, for the DuckDB adapter's own tests (they use `db`). */
export type TestUnit = DuckDbUnit & { close(): Promise<void> };

/** Opens the DuckDB database at `path` and one unit of work on it; `close` closes both. */
export async function openUnit(path: string): Promise<TestUnit> {
  const database = await DuckDbDatabase.open(path);
  const db = await database.connect();
  return Object.assign(new DuckDbUnit(db), {
    close: (): Promise<void> => {
      db.close();
      database.close();
      return Promise.resolve();
    },
  });
}

/** Opens a fresh in-memory store, runs `work`, closes it. */
export async function withMemoryStore<T>(work: (store: TestUnit) => Promise<T>): Promise<T> {
  const store = await openUnit(':memory:');
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}

/** Imports through the app use case; the result's problems and warnings rendered in `options.lang` (default English). */
export async function load(
  store: TestUnit,
  kind: KindName,
  path: string,
  options: Omit<ImportRequest, 'kind' | 'path'> = {},
): Promise<Rendered<ImportResult>> {
  return renderMessages(await importFile(store, { kind, path, ...options }), options.lang ?? 'en');
}

/** Every row of a kind's table, ordered by its natural key, values as DuckDB renders them. */
export async function dump(store: TestUnit, kind: KindName): Promise<Record<string, unknown>[]> {
  const spec = KINDS[kind];
  const columns = spec.columns.map((c) => `CAST(${c.name} AS VARCHAR) AS ${c.name}`).join(', ');
  return store.db.all(`SELECT ${columns} FROM ${TABLES[kind]} ORDER BY ${spec.key.join(', ')}`);
}

/** The lines of a rejects file, parsed into records (values may hold commas and quotes). */
export function readRejects(path: string): string[][] {
  const text = readFileSync(path, 'utf8');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else if (ch !== '\r') field += ch;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** Rows of a table as plain numbers for a quick count-and-sum comparison. */
export async function countAndSum(
  store: TestUnit,
  table: string,
  column: string,
): Promise<{ n: number; total: number | null }> {
  return store.db.one(`SELECT count(*) AS n, sum(${column}) AS total FROM ${table}`);
}
