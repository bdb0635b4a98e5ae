/** DuckDB implementation of the analytics port: one file per report's SQL under `analytics/`. */
import type { IsoDay } from '../../core/dates';
import type { CohortCount } from '../../core/kpi/cohorts';
import type { TenureCount } from '../../core/kpi/tenure';
import type { TrendCount } from '../../core/kpi/retention-trend';
import type {
  AnalyticsPort,
  CohortQuery,
  ConcentrationQuery,
  ConcentrationResult,
  LoyaltyDepthQuery,
  LoyaltyDepthResult,
  ProgrammeQuery,
  ProgrammeResult,
  RetentionTrendQuery,
  TenureQuery,
  TierFlowQuery,
  TierFlowResult,
  OrderDates,
  CustomerValues,
  StagedValues,
} from '../analytics/types';
import type { Db } from './connection';
import { queryCohortActivity } from './analytics/cohorts';
import { queryConcentration } from './analytics/concentration';
import { queryLoyaltyDepth } from './analytics/loyalty-depth';
import { queryProgramme } from './analytics/programme';
import { queryTierFlows } from './analytics/flows';
import { queryTenureRetention } from './analytics/tenure';
import { queryRetentionTrend } from './analytics/trend';
import { checkValues, dropValues, valuesTableName } from './analytics/values';

/** The analytics port on the embedded DuckDB database; each method delegates to its report's SQL file. */
export class DuckDbAnalytics implements AnalyticsPort {
  constructor(readonly db: Db) {}

  async latestOrderDate(): Promise<IsoDay | null> {
    const row = await this.db.one<{ d: string | null }>(
      'SELECT CAST(max(order_date) AS VARCHAR) AS d FROM transactions',
    );
    return row.d;
  }

  orderDates(today: IsoDay | null): Promise<OrderDates | null> {
    return queryOrderDates(this.db, today);
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

  loyaltyDepth(query: LoyaltyDepthQuery): Promise<LoyaltyDepthResult> {
    return queryLoyaltyDepth(this.db, query);
  }

  programme(query: ProgrammeQuery): Promise<ProgrammeResult> {
    return queryProgramme(this.db, query);
  }

  /** The rows appended into a new TEMP table. */
  async stageValues(values: CustomerValues): Promise<StagedValues> {
    checkValues(values);
    const table = valuesTableName();
    await this.db.run(`CREATE TEMP TABLE ${table} (customer_id VARCHAR, value DOUBLE)`);
    const appender = await this.db.connection.createAppender(table, 'main', 'temp');
    try {
      for (let i = 0; i < values.values.length; i++) {
        appender.appendVarchar(values.customerIds[i] as string);
        appender.appendDouble(values.values[i] as number);
        appender.endRow();
      }
    } finally {
      appender.closeSync();
    }
    return { table, customers: values.values.length };
  }

  dropValues(staged: StagedValues): Promise<void> {
    return dropValues(this.db, staged);
  }
}

/** The first and last order dates, the orders after `today`, and the orders without an amount. */
export async function queryOrderDates(db: Db, today: IsoDay | null): Promise<OrderDates | null> {
  const row = await db.one<{
    first: string | null;
    last: string | null;
    upto: string | null;
    after: number | null;
    n: number;
    noamount: number;
  }>(
    `SELECT CAST(min(order_date) AS VARCHAR) AS first, CAST(max(order_date) AS VARCHAR) AS last,
       CAST(max(order_date) FILTER (WHERE $1::DATE IS NULL OR order_date <= $1::DATE) AS VARCHAR) AS upto,
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
