/**
 * What the portable report SQL needs of a connection: parameterised statements (`$1`, `$2` … placeholders)
 * and queries returning plain JSON-safe rows (numbers, ISO date strings, booleans, null). The DuckDB `Db` and
 * the PostgreSQL `PgDb` both provide it, so the analytics queries written in the SQL both engines share
 * (`duckdb/analytics/`) run on either.
 */

/** A query parameter, bound to `$1`, `$2` … placeholders. */
export type SqlParam = string | number | boolean | bigint | null;

/** A result row with JSON-safe values. */
export type SqlRow = Record<string, unknown>;

export interface SqlRunner {
  /** Runs a statement that returns nothing of interest. */
  run(sql: string, params?: readonly SqlParam[]): Promise<void>;
  /** Runs a query and returns all rows. */
  all<T extends SqlRow = SqlRow>(sql: string, params?: readonly SqlParam[]): Promise<T[]>;
  /** Runs a query expected to return exactly one row. */
  one<T extends SqlRow = SqlRow>(sql: string, params?: readonly SqlParam[]): Promise<T>;
}

/** A result read column-wise: the first column as text, every other as numbers (NULL as NaN). */
export interface LabelledColumns {
  labels: string[];
  columns: Float64Array[];
}

/**
 * A numeric column read whole: one value per row (NULL as NaN), or for a list column every row's elements in
 * row order, row i's from `starts[i]` to `starts[i + 1]` (a NULL list is empty, a NULL element NaN).
 */
export interface NumberColumn {
  values: Float64Array;
  starts: Int32Array | null;
}

/**
 * A runner that also reads a query whose first column is text and whose other columns are numeric into
 * one string array and one Float64Array per column, for per-customer results that would otherwise be a
 * million row objects, or numbers and lists of numbers only (`numberColumns`). Both connections provide it
 * (DuckDB from its vector memory, PostgreSQL from array rows).
 */
export interface ColumnarRunner extends SqlRunner {
  labelledColumns(sql: string, params?: readonly SqlParam[]): Promise<LabelledColumns>;
  /** Reads a query whose columns are numbers or lists of numbers, column-wise. */
  numberColumns(sql: string, params?: readonly SqlParam[]): Promise<NumberColumn[]>;
}
