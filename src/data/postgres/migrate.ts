/**
 * The schema migrations (`sql/migrations.ts`, the same versions as the DuckDB store) on PostgreSQL. The
 * portable DDL runs as written with two PostgreSQL additions:
 * - text columns compare byte by byte (`COLLATE "C"`), as DuckDB's do, so that ties ordered by an id
 *   break the same way on both stores whatever the server's locale;
 * - each data table gets its natural key as PRIMARY KEY (the key of its kind in `core/kinds.ts`):
 *   PostgreSQL's key index costs little on a bulk load, and it makes a duplicate key impossible even if
 *   two writers raced (the landing port also serialises writers per table).
 * A table that already exists is kept as it is: a database administrator may lay out the customer tables
 * before CVM first runs (hash partitions, or Citus distributed tables with keys that hold customer_id, see
 * docs/scale.md), and the migrations then create only what is missing, adding a key only to a table
 * without one. Migrations run one at a time across processes (an advisory lock), all in one transaction.
 */
import { KIND_NAMES, KINDS } from '../../core/kinds';
import { MIGRATIONS } from '../sql/migrations';
import { TABLES } from '../sql/tables';
import type { PgDb } from './connection';

/** The PRIMARY KEY of each table, added after the migration that creates the table. */
const KEYS: readonly { table: string; key: readonly string[] }[] = [
  ...KIND_NAMES.map((kind) => ({ table: TABLES[kind], key: KINDS[kind].key })),
  { table: 'imports', key: ['import_id'] },
  { table: 'kpi_targets', key: ['kpi_id'] },
  { table: 'kpi_snapshots', key: ['kpi_id', 'as_of'] },
  { table: 'users', key: ['username'] },
  { table: 'sessions', key: ['session_id'] },
  { table: 'audit_log', key: ['entry_id'] },
];

/** The portable DDL in PostgreSQL's words: byte-order text, and tables laid out beforehand kept. */
export function postgresDdl(statement: string): string {
  return statement
    .replace(/\bVARCHAR\b/g, 'VARCHAR COLLATE "C"')
    .replace(/^\s*CREATE TABLE (?!IF NOT EXISTS)/i, 'CREATE TABLE IF NOT EXISTS ');
}

/** An arbitrary constant that names CVM's migration lock. */
const MIGRATION_LOCK = 7_146_023;

/** Applies the migrations not yet applied. */
export async function migratePostgres(db: PgDb): Promise<void> {
  await db.transaction(async () => {
    await db.run(`SELECT pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await db.run(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)`,
    );
    const applied = new Set(
      (await db.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version),
    );
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      const statements = migration.only === 'duckdb' ? [] : migration.statements;
      for (const statement of statements) await db.run(postgresDdl(statement));
      for (const { table, key } of KEYS) {
        const { exists, keyed } = await db.one<{ exists: boolean; keyed: boolean }>(
          `SELECT to_regclass($1) IS NOT NULL AS exists,
             EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass($1) AND contype = 'p') AS keyed`,
          [table],
        );
        if (exists && !keyed) await db.run(`ALTER TABLE ${table} ADD PRIMARY KEY (${key.join(', ')})`);
      }
      await db.run(
        `INSERT INTO schema_migrations VALUES ($1, $2, CAST(now() AT TIME ZONE 'UTC' AS TIMESTAMP))`,
        [migration.version, migration.name],
      );
    }
  });
}
