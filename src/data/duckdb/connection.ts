/**
 * The embedded DuckDB database: opening a file (or ":memory:") and applying migrations (`DuckDbDatabase`),
 * and one connection with parameterised queries returning plain JSON-safe rows, and transactions (`Db`).
 * DuckDB serialises writes across connections.
 */
import {
  DuckDBDoubleVector,
  DuckDBInstance,
  DuckDBIntegerVector,
  DuckDBVarCharVector,
  type DuckDBConnection,
  type DuckDBDataChunk,
  type DuckDBMaterializedResult,
  type DuckDBValue,
  type DuckDBVector,
} from '@duckdb/node-api';
import { CvmError } from '../../core/errors';
import { MIGRATIONS } from '../sql/migrations';

/** A query parameter: bound positionally to `?` or `$1`… placeholders. */
export type Param = string | number | boolean | bigint | null;

/** A result row with values converted to JSON-safe JS: numbers, strings (dates as ISO), booleans, null. */
export type Row = Record<string, unknown>;

/**
 * An open DuckDB database (one file or `:memory:`): opening it migrates the schema; `connect` hands out
 * connections, one per unit of work. The extension autoloader is off: CVM needs no extension, and a file
 * that is not a DuckDB database must give an error, never a download.
 */
export class DuckDbDatabase {
  private constructor(
    readonly instance: DuckDBInstance,
    readonly path: string,
  ) {}

  /**
   * Opens (creating if needed) the database at `path` and brings its schema up to date.
   * A file locked by another process is a `data-source` error naming the file.
   */
  static async open(path: string, options: { memoryLimit?: string } = {}): Promise<DuckDbDatabase> {
    let instance: DuckDBInstance;
    try {
      instance = await DuckDBInstance.create(path, {
        autoload_known_extensions: 'false',
        autoinstall_known_extensions: 'false',
        ...(options.memoryLimit ? { memory_limit: options.memoryLimit } : {}),
      });
    } catch (error) {
      const detail = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
      const lock = /Conflicting lock is held in (.*?) \(PID (\d+)\)/.exec(detail);
      // A SQLite file makes DuckDB reach for its SQLite extension; autoloading is off, so that fails here.
      const foreign = /not a valid DuckDB database|sqlite_scanner/.test(detail);
      const message = lock
        ? `cannot open database ${path}: it is locked by another process (${lock[1]}, PID ${lock[2]}); close it or use another {option:db}`
        : foreign
          ? `cannot open database ${path}: it is not a DuckDB database${/sqlite/i.test(detail) ? ' (it looks like SQLite)' : ''}; give {option:db} a DuckDB file`
          : `cannot open database ${path}: ${detail.replace(/^IO Error: /, '')}`;
      throw new CvmError('data-source', message, { cause: error });
    }
    const database = new DuckDbDatabase(instance, path);
    const db = await database.connect();
    try {
      await db.migrate();
    } catch (error) {
      db.close();
      instance.closeSync();
      throw error;
    }
    db.close();
    return database;
  }

  /** A new connection; close it when the unit of work is done. */
  async connect(): Promise<Db> {
    return new Db(await this.instance.connect(), this.path, null);
  }

  close(): void {
    this.instance.closeSync();
  }
}

/** One DuckDB connection: parameterised queries returning plain JSON-safe rows, and transactions. */
export class Db {
  constructor(
    readonly connection: DuckDBConnection,
    readonly path: string,
    private readonly owned: DuckDbDatabase | null,
  ) {}

  /** Opens a database and one connection to it; closing the connection closes the database. */
  static async open(path: string, options: { memoryLimit?: string } = {}): Promise<Db> {
    const database = await DuckDbDatabase.open(path, options);
    return new Db(await database.instance.connect(), path, database);
  }

  /** Runs a statement that returns nothing of interest. */
  async run(sql: string, params: readonly Param[] = []): Promise<void> {
    if (params.length === 0) await this.connection.run(sql);
    else await this.connection.run(sql, params as DuckDBValue[]);
  }

  /** Runs a query and returns all rows with JSON-safe values (DECIMAL and BIGINT become numbers). */
  async all<T extends Row = Row>(sql: string, params: readonly Param[] = []): Promise<T[]> {
    const reader =
      params.length === 0
        ? await this.connection.runAndReadAll(sql)
        : await this.connection.runAndReadAll(sql, params as DuckDBValue[]);
    const numeric = new Set(
      reader.columnNames().filter((_, i) => NUMERIC_TYPE.test(reader.columnTypes()[i]?.toString() ?? '')),
    );
    return reader.getRowObjectsJson().map((row) => normalizeRow(row, numeric)) as T[];
  }

  /**
   * Runs a query whose first column is numeric and returns it as a Float64Array (NULL becomes NaN), read
   * chunk by chunk: a million values cost 8 MB, not a million row objects. A DOUBLE or INTEGER column is
   * copied straight from DuckDB's vector memory.
   */
  async column(sql: string, params: readonly Param[] = []): Promise<Float64Array> {
    const result = await this.materialized(sql, params);
    const out = new Float64Array(result.rowCount);
    let n = 0;
    for (let k = 0; k < result.chunkCount; k++) {
      const chunk = result.getChunk(k);
      const rows = chunk.rowCount;
      if (numbersInto(chunk.getColumnVector(0), rows, out, n)) n += rows;
      else for (const v of chunk.getColumnValues(0)) out[n++] = v === null ? NaN : Number(v);
    }
    return out;
  }

  /**
   * Runs a query whose first column is text and whose other columns are numeric, and returns them as a
   * string array and one Float64Array per numeric column (NULL becomes NaN), read chunk by chunk as in
   * `column`: no row objects, each column allocated once at the result's size, DOUBLE and INTEGER columns
   * copied from DuckDB's vector memory, short ASCII labels decoded in place.
   */
  async labelledColumns(
    sql: string,
    params: readonly Param[] = [],
  ): Promise<{ labels: string[]; columns: Float64Array[] }> {
    const result =
      params.length === 0
        ? await this.connection.stream(sql)
        : await this.connection.stream(sql, params as DuckDBValue[]);
    // the chunks as DuckDB hands them out (no materialized copy), then each column allocated once
    const chunks: DuckDBDataChunk[] = [];
    let total = 0;
    for (
      let chunk = await result.fetchChunk();
      chunk && chunk.rowCount > 0;
      chunk = await result.fetchChunk()
    ) {
      chunks.push(chunk);
      total += chunk.rowCount;
    }
    const columns = Array.from({ length: result.columnCount - 1 }, () => new Float64Array(total));
    const labels: string[] = [];
    let n = 0;
    for (const chunk of chunks) {
      const rows = chunk.rowCount;
      if (!textsInto(chunk.getColumnVector(0), rows, labels))
        for (const v of chunk.getColumnValues(0)) labels.push(v === null ? '' : String(v));
      columns.forEach((out, c) => {
        if (numbersInto(chunk.getColumnVector(c + 1), rows, out, n)) return;
        let at = n;
        for (const v of chunk.getColumnValues(c + 1)) out[at++] = v === null ? NaN : Number(v);
      });
      n += rows;
    }
    return { labels, columns };
  }

  private materialized(sql: string, params: readonly Param[]): Promise<DuckDBMaterializedResult> {
    return params.length === 0 ? this.connection.run(sql) : this.connection.run(sql, params as DuckDBValue[]);
  }

  /** Runs a query expected to return exactly one row. */
  async one<T extends Row = Row>(sql: string, params: readonly Param[] = []): Promise<T> {
    const rows = await this.all<T>(sql, params);
    if (rows.length !== 1) throw new Error(`internal error: expected one row, got ${rows.length}: ${sql}`);
    return rows[0] as T;
  }

  private depth = 0;

  /**
   * Runs `work` in one transaction: committed when it returns, rolled back when it throws. A transaction
   * begun inside another joins it (DuckDB has no nested transactions): only the outermost commits.
   */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.depth > 0) {
      this.depth++;
      try {
        return await work();
      } finally {
        this.depth--;
      }
    }
    await this.connection.run('BEGIN TRANSACTION');
    this.depth = 1;
    try {
      const result = await work();
      await this.connection.run('COMMIT');
      return result;
    } catch (error) {
      // A failed COMMIT has already ended the transaction: its error, not the ROLLBACK's, is the one to report.
      await this.connection.run('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      this.depth = 0;
    }
  }

  close(): void {
    this.connection.closeSync();
    this.owned?.close();
  }

  /** Applies the migrations not yet applied, each in its own transaction. */
  async migrate(): Promise<void> {
    await this.run(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)',
    );
    const applied = new Set(
      (await this.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version),
    );
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await this.transaction(async () => {
        for (const statement of migration.statements) await this.run(statement);
        await this.run('INSERT INTO schema_migrations VALUES (?, ?, current_timestamp)', [
          migration.version,
          migration.name,
        ]);
      });
    }
  }
}

/**
 * The values of a DOUBLE vector without NULLs as a Float64Array view, or null when the vector is of another
 * type or has a NULL. `items` is not in the driver's public types: the driver version is pinned, and any
 * other shape falls back to reading value by value.
 */
/** What `numbersInto` and `textsInto` read of a vector besides its public API: its values and validity mask. */
interface VectorMemory {
  items?: unknown;
  validity?: { data?: BigUint64Array | null };
  dataView?: DataView;
}

const ALL_VALID = 0xffff_ffff_ffff_ffffn;

/**
 * Copies a DOUBLE or INTEGER vector's `rows` values into `out` from `at`, NULL as NaN, straight from
 * DuckDB's vector memory: the validity mask is read 64 rows at a time, so a chunk without NULLs costs one
 * copy. False for other types (the caller converts value by value).
 */
function numbersInto(vector: DuckDBVector, rows: number, out: Float64Array, at: number): boolean {
  if (!(vector instanceof DuckDBDoubleVector) && !(vector instanceof DuckDBIntegerVector)) return false;
  const memory = vector as unknown as VectorMemory;
  const items = memory.items;
  if (!(items instanceof Float64Array || items instanceof Int32Array) || items.length !== rows) return false;
  out.set(items, at);
  const mask = memory.validity?.data;
  if (mask === undefined) return false;
  if (mask === null) return true;
  for (let w = 0; w * 64 < rows; w++) {
    const word = mask[w] ?? ALL_VALID;
    if (word === ALL_VALID) continue;
    const start = w * 64;
    const end = Math.min(rows, start + 64);
    if (word === 0n) {
      out.fill(NaN, at + start, at + end);
      continue;
    }
    // bit b of word w is row 64 w + b: tested as two 32-bit numbers, not BigInt by BigInt
    const low = Number(word & 0xffff_ffffn);
    const high = Number(word >> 32n);
    for (let i = start; i < end; i++) {
      const b = i - start;
      if ((((b < 32 ? low : high) >>> (b & 31)) & 1) === 0) out[at + i] = NaN;
    }
  }
  return true;
}

/**
 * Appends a VARCHAR vector's `rows` strings to `out` (NULL as ''), decoding short ASCII strings (the
 * usual customer ids, kept inline by DuckDB) without a TextDecoder call each. False for other types.
 */
function textsInto(vector: DuckDBVector, rows: number, out: string[]): boolean {
  if (!(vector instanceof DuckDBVarCharVector)) return false;
  const memory = vector as unknown as VectorMemory;
  const view = memory.dataView;
  const mask = memory.validity?.data;
  if (!(view instanceof DataView) || view.byteLength < rows * 16 || mask === undefined) return false;
  const bytes = new Uint8Array(view.buffer, view.byteOffset, rows * 16);
  for (let i = 0; i < rows; i++) {
    const length = view.getUint32(i * 16, true);
    let text = length <= 12 && (mask === null || (mask[i >> 6] ?? ALL_VALID) === ALL_VALID) ? '' : null;
    for (let k = 0; text !== null && k < length; k++) {
      const b = bytes[i * 16 + 4 + k] ?? 0x80;
      text = b < 0x80 ? text + String.fromCharCode(b) : null;
    }
    out.push(text ?? vector.getItem(i) ?? '');
  }
  return true;
}

const NUMERIC_TYPE = /^(DECIMAL|BIGINT|HUGEINT|UBIGINT|UHUGEINT|INTEGER|SMALLINT|TINYINT|DOUBLE|FLOAT)/;

/**
 * DuckDB's JSON conversion returns DECIMAL, BIGINT and HUGEINT as strings to keep precision. CVM's figures
 * fit a double (money sums stay below 2^53 minor units), so numeric columns become numbers here; dates and
 * timestamps stay ISO strings; undefined becomes null.
 */
function normalizeRow(row: Record<string, unknown>, numeric: ReadonlySet<string>): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) {
    if (value === undefined || value === null) out[key] = null;
    else if (numeric.has(key) && typeof value === 'string') out[key] = Number(value);
    else out[key] = value;
  }
  return out;
}
