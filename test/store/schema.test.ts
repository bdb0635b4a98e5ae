/** The hand-written DDL (data/sql/migrations.ts) holds every kind of the record schema (core/kinds.ts). */
import { describe, expect, it } from 'vitest';
import { KINDS, KIND_NAMES, type ColumnType } from '../../src/core/kinds';
import { Db } from '../../src/data/duckdb/connection';
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
        // Columns added by later migrations (ALTER TABLE … ADD COLUMN) come after import_id: compare by name.
        expect(columns.map((c) => c.column_name).sort(), kind).toEqual(
          [...spec.map((c) => c.name), 'import_id'].sort(),
        );
        for (const c of spec) {
          const column = columns.find((x) => x.column_name === c.name)!;
          expect(column.data_type, `${kind}.${c.name}`).toMatch(STORE_TYPE[c.type]);
          if (c.required) expect(column.is_nullable, `${kind}.${c.name}`).toBe('NO');
        }
      }
    } finally {
      db.close();
    }
  });
});
