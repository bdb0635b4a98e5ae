/**
 * Per-customer values staged for the tier SQL (`AnalyticsPort.stageValues`): a connection-local TEMP table
 * `(customer_id, value)` that the flows and concentration queries join instead of summing a measure. The
 * check is shared; each backend loads the rows its fastest way (DuckDB: an appender; PostgreSQL: arrays).
 */
import type { CustomerValues, StagedValues } from '../../analytics/types';
import type { SqlRunner as Db } from '../../sql/runner';

/** Refuses values the ranking cannot use: a length mismatch, a non-finite value, an id given twice. */
export function checkValues(values: CustomerValues): void {
  const { customerIds, values: v } = values;
  if (customerIds.length !== v.length)
    throw new Error(`internal error: ${customerIds.length} customer ids but ${v.length} values`);
  const seen = new Set<string>();
  for (let i = 0; i < v.length; i++) {
    const id = customerIds[i] as string;
    if (!Number.isFinite(v[i]))
      throw new Error(`internal error: the value of customer ${JSON.stringify(id)} is ${v[i]}`);
    if (seen.has(id)) throw new Error(`internal error: customer ${JSON.stringify(id)} is given twice`);
    seen.add(id);
  }
}

let staged = 0;

/** A fresh name for a values table on this process's connections. */
export function valuesTableName(): string {
  staged += 1;
  return `cvm_values_${staged}`;
}

/**
 * A staged value as an exact decimal (to a millionth): sums over many customers then come out the same
 * whatever order a parallel aggregation adds them in, so a report gives the same figures on every run.
 */
export function exactValue(column: string): string {
  return `CAST(${column} AS DECIMAL(38, 6))`;
}

/** The table name of staged values, checked before it is inlined into SQL text. */
export function valuesTable(staged: StagedValues): string {
  if (!/^cvm_values_\d+$/.test(staged.table))
    throw new Error(`internal error: ${JSON.stringify(staged.table)} is not a values table`);
  return staged.table;
}

/** Drops a staged values table; a name that is not one is refused, one already gone is fine. */
export async function dropValues(db: Db, staged: StagedValues): Promise<void> {
  await db.run(`DROP TABLE IF EXISTS ${valuesTable(staged)}`);
}
