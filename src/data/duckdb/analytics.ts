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
  RetentionTrendQuery,
  TenureQuery,
  TierFlowQuery,
  TierFlowResult,
} from '../analytics/types';
import type { Db } from './connection';
import { queryCohortActivity } from './analytics/cohorts';
import { queryConcentration } from './analytics/concentration';
import { queryTierFlows } from './analytics/flows';
import { queryTenureRetention } from './analytics/tenure';
import { queryRetentionTrend } from './analytics/trend';

/** The analytics port on the embedded DuckDB database; each method delegates to its report's SQL file. */
export class DuckDbAnalytics implements AnalyticsPort {
  constructor(readonly db: Db) {}

  async latestOrderDate(): Promise<IsoDay | null> {
    const row = await this.db.one<{ d: string | null }>(
      'SELECT CAST(max(order_date) AS VARCHAR) AS d FROM transactions',
    );
    return row.d;
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
}
