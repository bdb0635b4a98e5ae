/**
 * The few words in which DuckDB and PostgreSQL spell the same query differently, so that one query text
 * serves both stores: instants, hours between instants, means, and the floating-point type. Everything
 * else in the shared queries is SQL both engines read alike (FILTER, aliased subqueries, explicit GROUP BY).
 */

import type { SqlRunner } from './runner';

const HOUR_MS = 3_600_000;

export interface SqlDialect {
  /** a stored TIMESTAMP (UTC) column as epoch milliseconds, BIGINT */
  epochMs: (column: string) => string;
  /** (later − earlier) in hours as a double, from two TIMESTAMP columns */
  hoursBetween: (later: string, earlier: string) => string;
  /** the mean of `expr` as a double; `filter` is an optional ` FILTER (WHERE …)` clause */
  mean: (expr: string, filter?: string) => string;
  /** the double-precision type's name */
  double: string;
  /** a TIMESTAMP (UTC) column as ISO text with milliseconds and `Z` */
  isoTimestamp: (column: string) => string;
  /** a DATE column as `YYYY-MM-DD` text */
  dateText: (column: string) => string;
  /** an ISO instant parameter (`…Z`) as a stored TIMESTAMP (UTC) */
  timestampParam: (param: string) => string;
}

/** A connection that runs the shared SQL and transactions (both stores' connections are). */
export interface TransactionalRunner extends SqlRunner {
  transaction<T>(work: () => Promise<T>): Promise<T>;
}

/** DuckDB's spelling. */
export const DUCKDB_DIALECT: SqlDialect = {
  epochMs: (column) => `epoch_ms(${column})`,
  hoursBetween: (later, earlier) => `(epoch_ms(${later}) - epoch_ms(${earlier})) / ${HOUR_MS}.0`,
  mean: (expr, filter = '') => `avg(${expr})${filter}`,
  double: 'DOUBLE',
  isoTimestamp: (column) => `strftime(${column}, '%Y-%m-%dT%H:%M:%S.%gZ')`,
  dateText: (column) => `CAST(${column} AS VARCHAR)`,
  timestampParam: (param) => `CAST(${param} AS TIMESTAMP)`,
};

function pgEpochMs(column: string): string {
  return `CAST(round(EXTRACT(EPOCH FROM ${column}) * 1000) AS BIGINT)`;
}

/**
 * PostgreSQL's spelling: epoch milliseconds by `EXTRACT(EPOCH …)`, and hours and means divided as DOUBLE
 * PRECISION (the exact sum over the count, as DuckDB's avg), where PostgreSQL would otherwise give NUMERIC.
 */
export const POSTGRES_DIALECT: SqlDialect = {
  epochMs: pgEpochMs,
  hoursBetween: (later, earlier) =>
    `CAST(${pgEpochMs(later)} - ${pgEpochMs(earlier)} AS DOUBLE PRECISION) / ${HOUR_MS}.0::DOUBLE PRECISION`,
  mean: (expr, filter = '') =>
    `CAST(sum(${expr})${filter} AS DOUBLE PRECISION) / nullif(count(${expr})${filter}, 0)`,
  double: 'DOUBLE PRECISION',
  isoTimestamp: (column) => `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  dateText: (column) => `to_char(${column}, 'YYYY-MM-DD')`,
  timestampParam: (param) => `CAST(${param} AS TIMESTAMPTZ) AT TIME ZONE 'UTC'`,
};
