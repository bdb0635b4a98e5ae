/**
 * PostgreSQL implementation of the customer-strategy port: the per-customer statement and the action-log
 * query shared with the DuckDB store (`duckdb/strategy.ts`), built with PostgreSQL's words
 * (`POSTGRES_DIALECT`) and read column-wise into typed arrays; exported actions logged with one INSERT that
 * skips suggestions already logged for their day.
 */
import type { IsoDay } from '../../core/dates';
import type { CustomerStateQuery, CustomerStates } from '../../core/strategy/states';
import type { ActionLogRow, StrategyPort } from '../strategy/types';
import { queryActionLog, queryCustomerStates } from '../duckdb/strategy';
import { POSTGRES_DIALECT } from '../sql/dialect';
import type { PgDb } from './connection';

export class PgStrategy implements StrategyPort {
  constructor(private readonly db: PgDb) {}

  customerStates(query: CustomerStateQuery): Promise<CustomerStates> {
    return queryCustomerStates(this.db, query, POSTGRES_DIALECT);
  }

  actionLog(asOf: IsoDay): Promise<ActionLogRow[]> {
    return queryActionLog(this.db, asOf, POSTGRES_DIALECT);
  }

  async logActions(rows: readonly ActionLogRow[]): Promise<void> {
    if (rows.length === 0) return;
    const column = (pick: (r: ActionLogRow) => string): string[] => rows.map(pick);
    await this.db.transaction(async () => {
      await this.db.run('LOCK TABLE action_log IN SHARE ROW EXCLUSIVE MODE');
      await this.db.run(
        `INSERT INTO action_log (suggestion_id, customer_id, action_id, as_of, exported_at)
         SELECT b.suggestion_id, b.customer_id, b.action_id,
           CAST(b.as_of AS DATE), CAST(b.exported_at AS TIMESTAMPTZ) AT TIME ZONE 'UTC'
         FROM unnest($1::TEXT[], $2::TEXT[], $3::TEXT[], $4::TEXT[], $5::TEXT[])
           AS b(suggestion_id, customer_id, action_id, as_of, exported_at)
         WHERE NOT EXISTS (SELECT 1 FROM action_log l
                           WHERE l.suggestion_id = b.suggestion_id AND l.as_of = CAST(b.as_of AS DATE))`,
        [
          column((r) => r.suggestionId),
          column((r) => r.customerId),
          column((r) => r.actionId),
          column((r) => r.asOf),
          column((r) => r.exportedAt),
        ] as unknown as string[],
      );
    });
  }
}
