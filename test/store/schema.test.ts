/** The hand-written DDL (data/sql/migrations.ts) holds every kind of the record schema (core/kinds.ts). */
import { describe, expect, it } from 'vitest';
import { KINDS, KIND_NAMES, type ColumnType } from '../../src/core/kinds';
import { Db } from '../../src/data/duckdb/connection';
import { ERASED_TABLES } from '../../src/data/duckdb/customer';
import { TABLES } from '../../src/data/sql/tables';

/** The store type each schema type must have. */
const STORE_TYPE: Record<ColumnType, RegExp> = {
  id: /^VARCHAR$/,
  text: /^VARCHAR$/,
  date: /^DATE$/,
  timestamp: /^TIMESTAMP$/,
  money: /^DECIMAL\(18,2\)$/,
  decimal: /^DECIMAL\(18,4\)$/,
  integer: /^(INTEGER|BIGINT|SMALLINT)$/,
  boolean: /^BOOLEAN$/,
};

describe('the DDL and the record schema', () => {
  it('has a table per kind with exactly its columns (and the import id), typed as the schema says, NOT NULL where required', async () => {
    const db = await Db.open(':memory:');
    try {
      for (const kind of KIND_NAMES) {
        const columns = await db.all<{ column_name: string; data_type: string; is_nullable: string }>(
          `SELECT column_name, data_type, is_nullable FROM information_schema.columns
           WHERE table_schema = 'main' AND table_name = ? ORDER BY ordinal_position`,
          [TABLES[kind]],
        );
        const spec = KINDS[kind].columns;
        // the import id each row carries (columns added later follow it)
        expect(
          columns.map((c) => c.column_name).filter((c) => c !== 'import_id'),
          kind,
        ).toEqual(spec.map((c) => c.name));
        expect(
          columns.map((c) => c.column_name),
          kind,
        ).toContain('import_id');
        const typed = new Map(columns.map((c) => [c.column_name, c]));
        for (const c of spec) {
          expect(typed.get(c.name)!.data_type, `${kind}.${c.name}`).toMatch(STORE_TYPE[c.type]);
          if (c.required) expect(typed.get(c.name)!.is_nullable, `${kind}.${c.name}`).toBe('NO');
        }
      }
    } finally {
      db.close();
    }
  });
});

describe('erasure and the DDL', () => {
  it('covers every table with a customer id: deleted from, or key accounts (unlinked)', async () => {
    const db = await Db.open(':memory:');
    try {
      const tables = await db.all<{ table_name: string }>(
        `SELECT table_name FROM information_schema.columns
         WHERE table_schema = 'main' AND column_name = 'customer_id' ORDER BY table_name`,
      );
      expect(tables.map((t) => t.table_name)).toEqual(
        [...Object.values(ERASED_TABLES), 'key_accounts'].sort(),
      );
    } finally {
      db.close();
    }
  });
});
