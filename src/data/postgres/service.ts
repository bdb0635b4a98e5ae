/**
 * PostgreSQL implementation of the service port: the DuckDB store's queries with PostgreSQL's instant
 * arithmetic. Stored timestamps are UTC wall-clock time; an instant is compared as such
 * (`to_timestamp(ms / 1000) AT TIME ZONE 'UTC'`), and durations are whole milliseconds as BIGINT divided as
 * DOUBLE PRECISION, the same IEEE division DuckDB does, so the hours are identical to the last bit.
 */
import type { IsoDay, Window } from '../../core/dates';
import type { OrderDates } from '../analytics/types';
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
import type { ComplaintTimes } from '../../core/service/complaint-times';
import {
  querySurveyScoresByTier,
  queryComplaintTimes,
  queryComplaintsByTier,
  type InstantSql,
} from '../duckdb/service-tiers';
import { latestOrderDate, orderDates } from './analytics';
import type { PgDb } from './connection';

const HOUR_MS = 3_600_000;

function ms(value: number): string {
  if (!Number.isSafeInteger(value))
    throw new Error(`internal error: instant ${value} is not whole milliseconds`);
  return String(value);
}

/** The instant as a TIMESTAMP in UTC. */
function instant(value: number): string {
  return `(to_timestamp(${ms(value)}::BIGINT / 1000.0) AT TIME ZONE 'UTC')`;
}

/** A stored TIMESTAMP (UTC) as epoch milliseconds, BIGINT. */
function epochMs(column: string): string {
  return `CAST(round(EXTRACT(EPOCH FROM ${column}) * 1000) AS BIGINT)`;
}

/** (later − earlier) in hours, as DOUBLE PRECISION. */
function hours(later: string, earlier: string): string {
  return `CAST(${later} - ${earlier} AS DOUBLE PRECISION) / ${HOUR_MS}.0::DOUBLE PRECISION`;
}

function bucketOf(starts: readonly number[]): string {
  if (starts.length <= 1) return '0';
  const whens = starts.slice(1).map((s, k) => `WHEN ${epochMs('opened_at')} < ${ms(s)} THEN ${k}`);
  return `CASE ${whens.join(' ')} ELSE ${starts.length - 1} END`;
}

/** PostgreSQL's spelling of instants, for the queries shared with the DuckDB store. */
const PG_INSTANTS: InstantSql = {
  instant: (value) => `(to_timestamp(${value}::BIGINT / 1000.0) AT TIME ZONE 'UTC')`,
  epochMs: epochMs,
};

export class PgService implements ServicePort {
  constructor(private readonly db: PgDb) {}

  orderDates(today: IsoDay | null): Promise<OrderDates | null> {
    return orderDates(this.db, today);
  }

  surveyScoresByTier(query: SurveyTierQuery): Promise<SurveyScores[]> {
    return querySurveyScoresByTier(this.db, query);
  }

  complaintTimes(query: ComplaintTimesQuery): Promise<ComplaintTimes> {
    return queryComplaintTimes(this.db, query, PG_INSTANTS);
  }

  complaintsByTier(query: TierComplaintQuery): Promise<TierComplaints> {
    return queryComplaintsByTier(this.db, query, PG_INSTANTS);
  }

  latestOrderDate(): Promise<IsoDay | null> {
    return latestOrderDate(this.db);
  }

  async complaints(query: ComplaintQuery): Promise<ComplaintPeriod> {
    const asOf = instant(query.asOfMs);
    const period = `(
      SELECT customer_id, category, outcome, satisfaction, ${bucketOf(query.bucketStartsMs)} AS bucket,
        resolved_at IS NOT NULL AND resolved_at < ${asOf} AS resolved,
        first_response_at IS NOT NULL AND first_response_at < ${asOf} AS responded,
        ${hours(epochMs('resolved_at'), epochMs('opened_at'))} AS resolution_h,
        ${hours(epochMs('first_response_at'), epochMs('opened_at'))} AS response_h
      FROM complaints WHERE opened_at >= ${instant(query.fromMs)} AND opened_at < ${asOf}) p`;
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
    const complaints = sum('opened');
    const resolved = sum('resolved');
    const causes = await this.db.all<{ cause: string | null; complaints: number }>(
      `SELECT category AS cause, count(*) AS complaints FROM ${period} GROUP BY category`,
    );
    const perCustomer = await this.db.all<{ complaints: number; customers: number }>(
      `SELECT complaints, count(*) AS customers
       FROM (SELECT count(*) AS complaints FROM ${period} GROUP BY customer_id) c GROUP BY complaints`,
    );
    const resolutionHours = await this.db.column(
      `SELECT resolution_h FROM ${period} WHERE resolved AND resolution_h >= 0 ORDER BY bucket, resolution_h`,
    );
    const firstResponseHours = await this.db.column(
      `SELECT response_h FROM ${period} WHERE responded AND response_h >= 0 ORDER BY response_h`,
    );
    const backlogAgeHours = await this.db.column(
      `SELECT ${hours(ms(query.asOfMs), epochMs('opened_at'))} AS age_h FROM complaints
       WHERE opened_at < ${asOf} AND (resolved_at IS NULL OR resolved_at >= ${asOf}) ORDER BY age_h`,
    );
    return {
      complaints,
      resolved,
      unmeasurableResolutions: resolved - sum('measured'),
      unmeasurableResponses: sum('bad_responses'),
      buckets,
      resolutionHours,
      firstResponseHours,
      awaitingResponse: sum('awaiting'),
      causes,
      outcomes: {
        accepted: sum('accepted'),
        refused: sum('refused'),
        undecided: complaints - sum('accepted') - sum('refused'),
      },
      satisfaction: { n: sum('satisfaction_n'), sum: sum('satisfaction_sum') },
      complaintsPerCustomer: perCustomer,
      backlogAgeHours,
    };
  }

  async activity(window: Window): Promise<Activity> {
    const row = await this.db.one<{ active: number; orders: number | null; repeat: number }>(
      `SELECT count(*) AS active, sum(n) AS orders, count(*) FILTER (WHERE n >= 2) AS repeat
       FROM (SELECT customer_id, count(*) AS n FROM transactions
             WHERE amount >= 0 AND order_date > $1::DATE AND order_date <= $2::DATE GROUP BY customer_id) c`,
      [window.startExclusive, window.endInclusive],
    );
    return { activeCustomers: row.active, orders: row.orders ?? 0, repeatCustomers: row.repeat };
  }

  async surveyScores(window: Window): Promise<SurveyScores> {
    const rows = await this.db.all<{ kind: string; score: number; answers: number }>(
      `SELECT kind, score, count(*) AS answers FROM survey_responses
       WHERE answered_on > $1::DATE AND answered_on <= $2::DATE GROUP BY kind, score ORDER BY kind, score`,
      [window.startExclusive, window.endInclusive],
    );
    const of = (kind: string): ScoreCount[] =>
      rows.filter((r) => r.kind === kind).map((r) => ({ score: r.score, answers: r.answers }));
    return { nps: of('nps'), csat: of('csat'), ces: of('ces') };
  }
}
