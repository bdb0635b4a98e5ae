/** DuckDB implementation of the analytics port. */
import type { AnalyticsPort } from '../analytics/types';
import type { Db } from './connection';

export class DuckDbAnalytics implements AnalyticsPort {
  constructor(readonly db: Db) {}
}
