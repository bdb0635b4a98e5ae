/**
 * The service port: complaints and survey answers as the service and satisfaction reports need them,
 * aggregated in the database. Counts come back as counts (per cause, per outcome, per score, per customer
 * count); only the durations whose percentiles core computes come back one value per complaint, as
 * `Float64Array`s (8 bytes each), never as row objects.
 *
 * Decisions a reader needs:
 * - Instants are epoch milliseconds; stored timestamps are UTC. The period holds the complaints opened in
 *   [fromMs, asOfMs); each is judged at the as-of instant `asOfMs` (exclusive): one resolved at or after it
 *   is **open**, a first response at or after it has not happened yet.
 * - Durations are calendar hours, (later − earlier) / 3 600 000. A resolution or response stamped before
 *   the opening is not measurable: counted (`unmeasurable…`), not shipped.
 * - Survey answers are per ISO day (`answered_on`) in a window `startExclusive < day ≤ endInclusive`.
 */
import type { OrderDates } from '../analytics/types';
import type { IsoDay, Window } from '../../core/dates';
import type { CauseCount, ComplaintsPerCustomer, GroupCauseCount } from '../../core/service/complaint-causes';
import type { ScoreCount } from '../../core/kpi/stats';
import type { Tier } from '../../core/kpi/tiers';
import type { RetentionCount } from '../../core/service/complainant-retention';
import type { ComplaintTimes } from '../../core/service/complaint-times';

/** The complaints of a period, and the backlog, at an as-of instant. */
export interface ComplaintQuery {
  /** complaints opened at or after this instant belong to the period */
  fromMs: number;
  /** the as-of instant, exclusive: opened before it, resolved before it */
  asOfMs: number;
  /**
   * Ascending instants at which the trend's buckets (months) start: bucket k holds the complaints opened in
   * [bucketStartsMs[k], bucketStartsMs[k + 1]), the last one up to `asOfMs`. The first is ≤ `fromMs`.
   */
  bucketStartsMs: readonly number[];
}

/** One trend bucket: complaints opened in it, resolved by the as-of instant, and of those measurable. */
export interface ComplaintBucket {
  opened: number;
  resolved: number;
  /** resolved with a measurable time: their hours are in `resolutionHours` */
  measured: number;
}

/** The complaints figures of a period that the database aggregates. */
export interface ComplaintPeriod {
  /** complaints opened in the period */
  complaints: number;
  /** of those, resolved before the as-of instant */
  resolved: number;
  /** resolved before they were opened, or answered before they were opened */
  unmeasurableResolutions: number;
  unmeasurableResponses: number;
  /** one per `bucketStartsMs` */
  buckets: ComplaintBucket[];
  /** hours to resolution of the measured resolved complaints, ordered by bucket, then ascending */
  resolutionHours: Float64Array;
  /** hours to the first response of those answered before the as-of instant, ascending */
  firstResponseHours: Float64Array;
  /** no first response before the as-of instant */
  awaitingResponse: number;
  causes: CauseCount[];
  outcomes: { accepted: number; refused: number; undecided: number };
  /** 1–5 satisfaction of the resolved complaints that carry one: how many, and their sum */
  satisfaction: { n: number; sum: number };
  /** how many customers made 1, 2, … complaints in the period */
  complaintsPerCustomer: ComplaintsPerCustomer[];
  /** ages in hours at the as-of instant of **every** complaint opened before it and still open, ascending */
  backlogAgeHours: Float64Array;
}

/**
 * Active customers (≥ 1 purchase, amount >= 0) and purchases in a window: the complaint rates' denominators;
 * and the active customers with two or more purchases in it (the repeat-order share's numerator).
 */
export interface Activity {
  activeCustomers: number;
  orders: number;
  repeatCustomers: number;
}

/** Answers counted per score for each survey kind, ascending score; empty lists without answers. */
export interface SurveyScores {
  nps: ScoreCount[];
  csat: ScoreCount[];
  ces: ScoreCount[];
}

/** The complaints of the current period per value tier, and complainant retention from the previous one. */
export interface TierComplaintQuery {
  /** the windows whose revenue ranks the customers into tiers (core `tierCutoffs`, as the portfolio) */
  current: Window;
  previous: Window;
  tiers: readonly Tier[];
  /** complaints opened in [fromMs, asOfMs), judged at asOfMs, for each window */
  currentPeriod: { fromMs: number; asOfMs: number };
  previousPeriod: { fromMs: number; asOfMs: number };
  /** resolution target in hours, inclusive */
  targetHours: number;
}

/** Complaint counts of one current-window tier (the last entry: complainants not active in the window). */
export interface TierComplaintCounts {
  /** active customers of the tier (0 for the last entry) */
  customers: number;
  /** customers with ≥ 1 complaint, and complaints, opened in the period */
  complainants: number;
  complaints: number;
  resolved: number;
  /** resolved with a measurable time: their hours are in `resolutionHours` */
  measured: number;
  withinTarget: number;
  satisfactionN: number;
  satisfactionSum: number;
  /** first response before the as-of instant, measurable: their hours are in `firstResponseHours` */
  responded: number;
}

export interface TierComplaints {
  /** one per tier, then one for complainants not active in the current window */
  tiers: TierComplaintCounts[];
  /** hours to resolution of the measured complaints, ordered by tier (as `tiers`), then ascending */
  resolutionHours: Float64Array;
  /** hours to the first response of the `responded` complaints, ordered by tier, then ascending */
  firstResponseHours: Float64Array;
  /** the period's complaints per tier (`group`, as `tiers`) and category */
  causes: GroupCauseCount[];
  /** previous-window active customers per previous tier, complained in the previous period or not */
  retention: RetentionCount[];
}

/** The complaints of a period one by one, for durations the database cannot compute (business hours). */
export interface ComplaintTimesQuery {
  /** complaints opened in [fromMs, asOfMs), judged at asOfMs */
  fromMs: number;
  asOfMs: number;
  /** with the current-window value tier of each complaint's customer (ranked as `complaintsByTier`) */
  tiers?: { current: Window; tiers: readonly Tier[] } | undefined;
}

/** Survey answers of a window per value tier of the respondents. */
export interface SurveyTierQuery {
  /** the answers' window */
  window: Window;
  /** the window whose revenue ranks the respondents into tiers (the same window in the report) */
  current: Window;
  tiers: readonly Tier[];
}

/** The service aggregations; one implementation per backend. */
export interface ServicePort {
  /** The latest order date in the store (the default as-of day); null when there are no transactions. */
  latestOrderDate(): Promise<IsoDay | null>;
  /** The first and last order dates and the orders after `today` (as the analytics port gives them). */
  orderDates(today: IsoDay | null): Promise<OrderDates | null>;
  /** The complaints of a period and the backlog, at an as-of instant. */
  complaints(query: ComplaintQuery): Promise<ComplaintPeriod>;
  /** Active customers and purchases in a window. */
  activity(window: Window): Promise<Activity>;
  /** Complaints per value tier, and complainants' retention against the others'. */
  complaintsByTier(query: TierComplaintQuery): Promise<TierComplaints>;
  /**
   * Every complaint of a period as typed columns (opened, resolved and first-response instants judged at
   * the as-of instant, category and priority codes, optionally the tier): the rows are shipped, so this is
   * for what SQL cannot compute (business hours, targets per category or priority).
   */
  complaintTimes(query: ComplaintTimesQuery): Promise<ComplaintTimes>;
  /** Survey answers per kind and score in a window. */
  surveyScores(window: Window): Promise<SurveyScores>;
  /** The same per value tier of the respondent (one per tier, then the respondents not active). */
  surveyScoresByTier(query: SurveyTierQuery): Promise<SurveyScores[]>;
}
