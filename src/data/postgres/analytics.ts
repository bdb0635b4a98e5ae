/**
 * PostgreSQL implementation of the analytics port. The five report queries are the portable SQL of
 * `duckdb/analytics/` (a per-customer aggregation staged in a TEMP table, then a ranking of the staged
 * customers), which PostgreSQL runs as written: they use only `$n` parameters, CAST, CASE, FILTER, window
 * functions and integer or DECIMAL arithmetic, the SQL both engines define alike. Only the date reads here
 * differ.
 */
import type { IsoDay } from '../../core/dates';
import type { CohortCount } from '../../core/kpi/cohorts';
import type { TenureCount } from '../../core/kpi/tenure';
import type { TrendCount } from '../../core/kpi/retention-trend';
import type {
  AnalyticsPort,
  CohortQuery,
  ConcentrationQuery,
  ConcentrationResult,
  OrderDates,
  RetentionTrendQuery,
  TenureQuery,
  TierFlowQuery,
  TierFlowResult,
  LoyaltyDepthQuery,
  LoyaltyDepthResult,
  ProgrammeQuery,
  ProgrammeResult,
  CustomerValues,
  StagedValues,
} from '../analytics/types';
import { queryCohortActivity } from '../duckdb/analytics/cohorts';
import { queryConcentration } from '../duckdb/analytics/concentration';
import { queryLoyaltyDepth } from '../duckdb/analytics/loyalty-depth';
import { queryProgramme } from '../duckdb/analytics/programme';
import { queryTierFlows } from '../duckdb/analytics/flows';
import { queryTenureRetention } from '../duckdb/analytics/tenure';
import { queryRetentionTrend } from '../duckdb/analytics/trend';
import { checkValues, dropValues, valuesTableName } from '../duckdb/analytics/values';
import type { PgDb } from './connection';

/** The latest order date, as ISO text; null without transactions. */
export async function latestOrderDate(db: PgDb): Promise<IsoDay | null> {
  return (await db.one<{ d: string | null }>('SELECT max(order_date) AS d FROM transactions')).d;
}

/** The first and last order dates, the last up to `today`, and the counts the reports' notes need. */
export async function orderDates(db: PgDb, today: IsoDay | null): Promise<OrderDates | null> {
  const row = await db.one<{
    first: string | null;
    last: string | null;
    upto: string | null;
    after: number | null;
    n: number;
    noamount: number;
  }>(
    `SELECT min(order_date) AS first, max(order_date) AS last,
       max(order_date) FILTER (WHERE $1::DATE IS NULL OR order_date <= $1::DATE) AS upto,
       count(*) FILTER (WHERE order_date > $1::DATE) AS after,
       count(*) AS n, count(*) FILTER (WHERE amount IS NULL) AS noamount
     FROM transactions`,
    [today],
  );
  if (row.first === null || row.last === null) return null;
  return {
    first: row.first,
    last: row.last,
    lastUpToToday: row.upto,
    afterToday: row.after ?? 0,
    transactions: row.n,
    withoutAmount: row.noamount,
  };
}

export class PgAnalytics implements AnalyticsPort {
  constructor(readonly db: PgDb) {}

  latestOrderDate(): Promise<IsoDay | null> {
    return latestOrderDate(this.db);
  }

  orderDates(today: IsoDay | null): Promise<OrderDates | null> {
    return orderDates(this.db, today);
  }

  loyaltyDepth(query: LoyaltyDepthQuery): Promise<LoyaltyDepthResult> {
    return queryLoyaltyDepth(this.db, query);
  }

  programme(query: ProgrammeQuery): Promise<ProgrammeResult> {
    return queryProgramme(this.db, query);
  }

  tierFlows(query: TierFlowQuery): Promise<TierFlowResult> {
    return queryTierFlows(this.db, query);
  }

  concentration(query: ConcentrationQuery): Promise<ConcentrationResult> {
    return queryConcentration(this.db, query);
  }

  retentionTrend(query: RetentionTrendQuery): Promise<TrendCount[]> {
    return queryRetentionTrend(this.db, query);
  }

  tenureRetention(query: TenureQuery): Promise<TenureCount[]> {
    return queryTenureRetention(this.db, query);
  }

  cohortActivity(query: CohortQuery): Promise<CohortCount[]> {
    return queryCohortActivity(this.db, query);
  }

  /** The rows inserted from two arrays (ids as TEXT, values as FLOAT8) into a new TEMP table. */
  async stageValues(values: CustomerValues): Promise<StagedValues> {
    checkValues(values);
    const table = valuesTableName();
    await this.db.run(`CREATE TEMP TABLE ${table} (customer_id TEXT, value DOUBLE PRECISION)`);
    await this.db.run(
      `INSERT INTO ${table} (customer_id, value) SELECT * FROM unnest($1::TEXT[], $2::FLOAT8[])`,
      // pg binds arrays as array literals; SqlParam names only scalars
      [[...values.customerIds], Array.from(values.values)] as unknown as string[],
    );
    return { table, customers: values.values.length };
  }

  dropValues(staged: StagedValues): Promise<void> {
    return dropValues(this.db, staged);
  }
}
