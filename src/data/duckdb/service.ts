/**
 * DuckDB implementation of the service port. Complaints are filtered and judged at the as-of instant in SQL
 * (`epoch_ms` on both sides, so stored timestamps read as UTC); counts are grouped here, and only the
 * durations whose percentiles core computes leave the database, one double per complaint.
 */
import type { IsoDay, Window } from '../../core/dates';
import type { ScoreCount } from '../../core/kpi/stats';
import type {
  Activity,
  ComplaintBucket,
  ComplaintPeriod,
  ComplaintQuery,
  ComplaintTimesQuery,
  SurveyTierQuery,
  ServicePort,
  SurveyScores,
  TierComplaintQuery,
  TierComplaints,
} from '../service/types';
import type { Db } from './connection';
import type { ComplaintTimes } from '../../core/service/complaint-times';
import { querySurveyScoresByTier, queryComplaintTimes, queryComplaintsByTier } from './service-tiers';
import { queryOrderDates } from './analytics';
import type { OrderDates } from '../analytics/types';

const HOUR_MS = 3_600_000;

/** An instant in whole milliseconds as SQL text (numbers are computed, never user text: checked anyway). */
function ms(value: number): string {
  if (!Number.isSafeInteger(value))
    throw new Error(`internal error: instant ${value} is not whole milliseconds`);
  return String(value);
}

/** The instant as DuckDB's TIMESTAMP (UTC). */
function instant(value: number): string {
  return `epoch_ms(${ms(value)}::BIGINT)`;
}

/** The trend bucket of `opened_at` as a CASE over the bucket starts (a few dozen months at most). */
function bucketOf(starts: readonly number[]): string {
  if (starts.length <= 1) return '0';
  const whens = starts.slice(1).map((s, k) => `WHEN epoch_ms(opened_at) < ${ms(s)} THEN ${k}`);
  return `CASE ${whens.join(' ')} ELSE ${starts.length - 1} END`;
}

export class DuckDbService implements ServicePort {
  constructor(private readonly db: Db) {}

  async latestOrderDate(): Promise<IsoDay | null> {
    const row = await this.db.one<{ d: string | null }>(
      'SELECT CAST(max(order_date) AS VARCHAR) AS d FROM transactions',
    );
    return row.d;
  }

  orderDates(today: IsoDay | null): Promise<OrderDates | null> {
    return queryOrderDates(this.db, today);
  }

  async complaints(query: ComplaintQuery): Promise<ComplaintPeriod> {
    const asOf = instant(query.asOfMs);
    // The period's complaints judged at the as-of instant; durations in hours, negative when not measurable.
    // Each query below scans it again: staging it in a TEMP table was measured slower (writing the rows
    // costs more than the five scans it saves).
    const period = `(
      SELECT customer_id, category, outcome, satisfaction, ${bucketOf(query.bucketStartsMs)} AS bucket,
        resolved_at IS NOT NULL AND resolved_at < ${asOf} AS resolved,
        first_response_at IS NOT NULL AND first_response_at < ${asOf} AS responded,
        (epoch_ms(resolved_at) - epoch_ms(opened_at)) / ${HOUR_MS}.0 AS resolution_h,
        (epoch_ms(first_response_at) - epoch_ms(opened_at)) / ${HOUR_MS}.0 AS response_h
      FROM complaints WHERE opened_at >= ${instant(query.fromMs)} AND opened_at < ${asOf})`;
    // Every count per bucket in one scan; the period's totals are their sums.
    const rows = await this.db.all<{
      bucket: number;
      opened: number;
      resolved: number;
      measured: number;
      bad_responses: number;
      awaiting: number;
      accepted: number;
      refused: number;
      satisfaction_n: number;
      satisfaction_sum: number | null;
    }>(
      `SELECT bucket, count(*) AS opened, count(*) FILTER (WHERE resolved) AS resolved,
         count(*) FILTER (WHERE resolved AND resolution_h >= 0) AS measured,
         count(*) FILTER (WHERE responded AND response_h < 0) AS bad_responses,
         count(*) FILTER (WHERE NOT responded) AS awaiting,
         count(*) FILTER (WHERE outcome = 'accepted') AS accepted,
         count(*) FILTER (WHERE outcome = 'refused') AS refused,
         count(satisfaction) FILTER (WHERE resolved) AS satisfaction_n,
         sum(satisfaction) FILTER (WHERE resolved) AS satisfaction_sum
       FROM ${period} GROUP BY bucket`,
    );
    const sum = (key: Exclude<keyof (typeof rows)[number], 'bucket'>): number =>
      rows.reduce((s, r) => s + (r[key] ?? 0), 0);
    const buckets = query.bucketStartsMs.map((): ComplaintBucket => ({
      opened: 0,
      resolved: 0,
      measured: 0,
    }));
    for (const r of rows)
      buckets[r.bucket] = { opened: r.opened, resolved: r.resolved, measured: r.measured };
    const totals = {
      complaints: sum('opened'),
      resolved: sum('resolved'),
      bad_resolutions: sum('resolved') - sum('measured'),
      bad_responses: sum('bad_responses'),
      awaiting: sum('awaiting'),
      accepted: sum('accepted'),
      refused: sum('refused'),
      satisfaction_n: sum('satisfaction_n'),
      satisfaction_sum: sum('satisfaction_sum'),
    };
    const causes = await this.db.all<{ cause: string | null; complaints: number }>(
      `SELECT category AS cause, count(*) AS complaints FROM ${period} GROUP BY category`,
    );
    const perCustomer = await this.db.all<{ complaints: number; customers: number }>(
      `SELECT complaints, count(*) AS customers
       FROM (SELECT count(*) AS complaints FROM ${period} GROUP BY customer_id) GROUP BY complaints`,
    );
    const resolutionHours = await this.db.column(
      `SELECT resolution_h FROM ${period} WHERE resolved AND resolution_h >= 0 ORDER BY bucket, resolution_h`,
    );
    const firstResponseHours = await this.db.column(
      `SELECT response_h FROM ${period} WHERE responded AND response_h >= 0 ORDER BY response_h`,
    );
    const backlogAgeHours = await this.db.column(
      `SELECT (epoch_ms(${asOf}) - epoch_ms(opened_at)) / ${HOUR_MS}.0 AS age_h FROM complaints
       WHERE opened_at < ${asOf} AND (resolved_at IS NULL OR resolved_at >= ${asOf}) ORDER BY age_h`,
    );
    return {
      complaints: totals.complaints,
      resolved: totals.resolved,
      unmeasurableResolutions: totals.bad_resolutions,
      unmeasurableResponses: totals.bad_responses,
      buckets,
      resolutionHours,
      firstResponseHours,
      awaitingResponse: totals.awaiting,
      causes,
      outcomes: {
        accepted: totals.accepted,
        refused: totals.refused,
        undecided: totals.complaints - totals.accepted - totals.refused,
      },
      satisfaction: { n: totals.satisfaction_n, sum: totals.satisfaction_sum ?? 0 },
      complaintsPerCustomer: perCustomer,
      backlogAgeHours,
    };
  }

  async activity(window: Window): Promise<Activity> {
    const row = await this.db.one<{ active: number; orders: number | null; repeat: number }>(
      `SELECT count(*) AS active, sum(n) AS orders, count(*) FILTER (WHERE n >= 2) AS repeat
       FROM (SELECT customer_id, count(*) AS n FROM transactions
             WHERE coalesce(amount, 0) >= 0 AND order_date > ?::DATE AND order_date <= ?::DATE GROUP BY customer_id)`,
      [window.startExclusive, window.endInclusive],
    );
    return { activeCustomers: row.active, orders: row.orders ?? 0, repeatCustomers: row.repeat };
  }

  surveyScoresByTier(query: SurveyTierQuery): Promise<SurveyScores[]> {
    return querySurveyScoresByTier(this.db, query);
  }

  complaintTimes(query: ComplaintTimesQuery): Promise<ComplaintTimes> {
    return queryComplaintTimes(this.db, query);
  }

  complaintsByTier(query: TierComplaintQuery): Promise<TierComplaints> {
    return queryComplaintsByTier(this.db, query);
  }

  async surveyScores(window: Window): Promise<SurveyScores> {
    const rows = await this.db.all<{ kind: string; score: number; answers: number }>(
      `SELECT kind, score, count(*) AS answers FROM survey_responses
       WHERE answered_on > ?::DATE AND answered_on <= ?::DATE GROUP BY kind, score ORDER BY kind, score`,
      [window.startExclusive, window.endInclusive],
    );
    const of = (kind: string): ScoreCount[] =>
      rows.filter((r) => r.kind === kind).map((r) => ({ score: r.score, answers: r.answers }));
    return { nps: of('nps'), csat: of('csat'), ces: of('ces') };
  }
}
