/**
 * The PostgreSQL database: a `pg` pool opened from a `postgres://` URL (`PgDatabase`), with type parsers of
 * its own, so that values arrive as the DuckDB adapter hands them out: DATE and TIMESTAMP as ISO text,
 * NUMERIC and INT8 as numbers (INT8 beyond 2^53 is an error, never a silently rounded count), and one pooled
 * connection per unit of work with parameterised queries and transactions (`PgDb`).
 *
 * A `schema` query parameter (`postgres://host/db?schema=cvm`) puts CVM's tables in that schema (created if
 * missing) instead of `public`; every connection of the pool searches it first.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { CvmError } from '../../core/errors';
import { msg } from '../../core/messages/catalogue';
import type { ColumnarRunner, LabelledColumns, NumberColumn, SqlParam, SqlRow } from '../sql/runner';
import { migratePostgres } from './migrate';

const { Pool, types } = pg;

const OID = { INT8: 20, NUMERIC: 1700, DATE: 1082, TIMESTAMP: 1114, TIMESTAMPTZ: 1184 } as const;

function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n))
    throw new Error(`internal error: the count ${text} does not fit a JavaScript number exactly`);
  return n;
}

/** pg's own parser of a type (typed `any` by the driver). */
const defaultParser = types.getTypeParser as (oid: number, format?: string) => (value: string) => unknown;

/** The pool's type parsers: dates and timestamps stay text, exact numbers become JS numbers. */
const TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary'): ((value: string) => unknown) => {
    switch (oid) {
      case OID.INT8:
        return parseInt8;
      case OID.NUMERIC:
        return (text: string) => Number(text);
      case OID.DATE:
      case OID.TIMESTAMP:
      case OID.TIMESTAMPTZ:
        return (text: string) => text;
      default:
        return defaultParser(oid, format);
    }
  }) as typeof types.getTypeParser,
};

/** A location without its password, for messages. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1@');
}

/** A schema name CVM accepts: lower-case letters, digits and underscores, not starting with a digit. */
const SCHEMA = /^[a-z_][a-z0-9_]{0,62}$/;

/** Splits CVM's own `schema` parameter off a connection URL. */
export function parseLocation(location: string): { url: string; schema: string | null } {
  let parsed: URL;
  try {
    parsed = new URL(location);
  } catch (error) {
    throw new CvmError('data-source', msg('store.pg-url', { location: redact(location) }), { cause: error });
  }
  const schema = parsed.searchParams.get('schema');
  parsed.searchParams.delete('schema');
  if (schema !== null && !SCHEMA.test(schema))
    throw new CvmError('data-source', msg('store.pg-schema', { location: redact(location), schema }));
  return { url: parsed.toString(), schema };
}

/** An open PostgreSQL store database: a pool whose connections search CVM's schema. */
export class PgDatabase {
  private constructor(
    readonly pool: pg.Pool,
    readonly location: string,
    readonly schema: string | null,
  ) {}

  /** Connects, creates the schema when one is named, and brings the tables up to date. */
  static async open(location: string): Promise<PgDatabase> {
    const { url, schema } = parseLocation(location);
    const shown = redact(location);
    const pool = new Pool({
      connectionString: url,
      types: TYPES,
      max: 10,
      // Dates and timestamps print as ISO text whatever the server's defaults; times are UTC wall clock.
      options: `-c DateStyle=ISO,YMD -c TimeZone=UTC -c IntervalStyle=iso_8601${schema ? ` -c search_path=${schema}` : ''}`,
    });
    // An idle pooled connection that the server drops must not crash the process.
    pool.on('error', () => undefined);
    const database = new PgDatabase(pool, shown, schema);
    try {
      await database.withClient(async (db) => {
        if (schema) await db.run(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
        await migratePostgres(db);
      });
    } catch (error) {
      await pool.end();
      throw error instanceof CvmError ? error : connectionError(shown, error);
    }
    return database;
  }

  /** Runs `work` on one pooled connection of its own, released afterwards. */
  async withClient<T>(work: (db: PgDb) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw connectionError(this.location, error);
    }
    let broken = false;
    try {
      return await work(new PgDb(client, this.location));
    } catch (error) {
      // A connection left inside a failed transaction or cut off is not given back to the pool.
      broken = !(error instanceof CvmError);
      throw error;
    } finally {
      client.release(broken);
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

function values(params: readonly SqlParam[]): unknown[] {
  return params.map((p) => (typeof p === 'bigint' ? p.toString() : p));
}

function connectionError(location: string, error: unknown): CvmError {
  const detail = error instanceof Error ? error.message : String(error);
  return new CvmError('data-source', msg('store.pg-cannot-open', { location, detail }), { cause: error });
}

/** One pooled PostgreSQL connection: parameterised queries returning plain rows, and transactions. */
export class PgDb implements ColumnarRunner {
  constructor(
    readonly client: pg.PoolClient,
    readonly location: string,
  ) {}

  async run(sql: string, params: readonly SqlParam[] = []): Promise<void> {
    await this.query(sql, params);
  }

  /** Runs a statement and returns how many rows it touched (DELETE, INSERT, COPY). */
  async count(sql: string, params: readonly SqlParam[] = []): Promise<number> {
    return (await this.query(sql, params)).rowCount ?? 0;
  }

  async all<T extends SqlRow = SqlRow>(sql: string, params: readonly SqlParam[] = []): Promise<T[]> {
    return (await this.query(sql, params)).rows as T[];
  }

  async one<T extends SqlRow = SqlRow>(sql: string, params: readonly SqlParam[] = []): Promise<T> {
    const rows = await this.all<T>(sql, params);
    if (rows.length !== 1) throw new Error(`internal error: expected one row, got ${rows.length}: ${sql}`);
    return rows[0] as T;
  }

  /** The first column of a numeric query as a Float64Array (NULL becomes NaN). */
  async column(sql: string, params: readonly SqlParam[] = []): Promise<Float64Array> {
    const rows = await this.arrays(sql, params);
    const out = new Float64Array(rows.length);
    rows.forEach((row, i) => (out[i] = row[0] === null ? NaN : Number(row[0])));
    return out;
  }

  /**
   * A query whose first column is text and whose others are numeric: the labels (NULL as '') and one
   * Float64Array per numeric column (NULL as NaN).
   */
  async labelledColumns(sql: string, params: readonly SqlParam[] = []): Promise<LabelledColumns> {
    const rows = await this.arrays(sql, params);
    const width = Math.max(0, (rows[0]?.length ?? 1) - 1);
    const labels = new Array<string>(rows.length);
    const columns = Array.from({ length: width }, () => new Float64Array(rows.length));
    rows.forEach((row, i) => {
      const label = row[0];
      labels[i] = typeof label === 'string' ? label : typeof label === 'number' ? String(label) : '';
      for (let c = 0; c < width; c++) {
        const v = row[c + 1];
        (columns[c] as Float64Array)[i] = v === null || v === undefined ? NaN : Number(v);
      }
    });
    return { labels, columns };
  }

  /** A query's numeric and numeric-array columns, column-wise (`NumberColumn`). */
  async numberColumns(sql: string, params: readonly SqlParam[] = []): Promise<NumberColumn[]> {
    const result = await this.serial(() =>
      this.client.query({ text: sql, values: values(params), rowMode: 'array' }),
    );
    const rows = result.rows as unknown[][];
    const width = result.fields.length;
    const number = (v: unknown): number => (v === null || v === undefined ? NaN : Number(v));
    return Array.from({ length: width }, (_, c): NumberColumn => {
      if (!rows.some((row) => Array.isArray(row[c])))
        return { values: Float64Array.from(rows, (row) => number(row[c])), starts: null };
      const starts = new Int32Array(rows.length + 1);
      let total = 0;
      rows.forEach((row, i) => {
        starts[i] = total;
        const list = row[c];
        if (Array.isArray(list)) total += list.length;
      });
      starts[rows.length] = total;
      const values = new Float64Array(total);
      rows.forEach((row, i) => {
        const list = row[c];
        if (Array.isArray(list)) list.forEach((v, j) => (values[(starts[i] as number) + j] = number(v)));
      });
      return { values, starts };
    });
  }

  /** A query's rows as arrays of values, and its column names. */
  async arrays(sql: string, params: readonly SqlParam[] = []): Promise<unknown[][]> {
    const result = await this.serial(() =>
      this.client.query({ text: sql, values: values(params), rowMode: 'array' }),
    );
    return result.rows as unknown[][];
  }

  /** Streams `text` (in the statement's format) into `COPY … FROM STDIN`; returns the rows copied. */
  async copyIn(sql: string, text: AsyncIterable<string | Uint8Array>): Promise<number> {
    return this.serial(async () => {
      const copy = this.client.query(copyFrom(sql));
      await pipeline(Readable.from(text), copy);
      return copy.rowCount;
    });
  }

  private query(sql: string, params: readonly SqlParam[]): Promise<pg.QueryResult> {
    return this.serial(() => this.client.query(sql, values(params)));
  }

  private tail: Promise<unknown> = Promise.resolve();

  /**
   * Runs `work` after every statement issued before it on this connection has finished: the app may ask
   * several ports of one unit at once (Promise.all), and one connection runs one statement at a time.
   */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.tail.then(work, work);
    this.tail = run.catch(() => undefined);
    return run;
  }

  private depth = 0;

  /**
   * Runs `work` in one transaction: committed when it returns, rolled back when it throws. A transaction
   * begun inside another joins it: only the outermost commits.
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
    await this.run('BEGIN');
    this.depth = 1;
    try {
      const result = await work();
      await this.run('COMMIT');
      return result;
    } catch (error) {
      await this.run('ROLLBACK');
      throw error;
    } finally {
      this.depth = 0;
    }
  }

  /** True inside `transaction`. */
  get inTransaction(): boolean {
    return this.depth > 0;
  }
}
