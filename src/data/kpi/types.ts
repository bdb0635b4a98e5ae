/**
 * The KPI board port: the targets set on the board (one per KPI; setting one again replaces it) and the
 * snapshots of each KPI's value taken when the board's status is computed (one per KPI and as-of day; a
 * later one for the same day replaces it). Timestamps are ISO strings in UTC (`2026-03-01T09:30:00.000Z`).
 *
 * It also aggregates what KPI quality needs (docs/metrics.md, "KPI quality"), as counts, never one row per
 * customer: per KPI, customers counted per score and by whether they were active in the next window; and per
 * month, the counts the monthly KPI values and the revenue are computed from. Complaints belong to the day
 * (UTC) they were opened and are judged at the end (UTC) of the window's last day.
 */
import type { IsoDay, Window } from '../../core/dates';
import type { MonthCounts } from '../../core/kpi/kpi-quality';
import type { Target } from '../../core/kpi/targets';

export type { MonthCounts };

/** A KPI's target on the board. */
export interface KpiTargetRow {
  kpi: string;
  target: Target;
  deadline: IsoDay;
  owner: string;
  /** when the target was set */
  setAt: string;
}

/** A KPI's value as of a day; null when it could not be computed. */
export interface KpiSnapshotRow {
  kpi: string;
  asOf: IsoDay;
  value: number | null;
  /** when the snapshot was taken */
  takenAt: string;
}

export interface KpiPort {
  /** every target, by KPI id */
  targets(): Promise<KpiTargetRow[]>;
  /** sets a KPI's target, replacing the one it had */
  setTarget(row: KpiTargetRow): Promise<void>;
  /** removes a KPI's target; false when it had none */
  removeTarget(kpi: string): Promise<boolean>;
  /** a KPI's snapshots, by as-of day */
  snapshots(kpi: string): Promise<KpiSnapshotRow[]>;
  /** saves a snapshot, replacing one of the same KPI and as-of day */
  saveSnapshot(row: KpiSnapshotRow): Promise<void>;
  /**
   * Customer-level scores (docs/metrics.md, "KPI quality": which KPIs and how each is scored), counted per
   * KPI and score, split by activity in the next window.
   */
  signalCounts(query: SignalQuery): Promise<SignalCount[]>;
  /** The counts of each of `months` (ascending, consecutive 1-month windows); one entry per month. */
  monthCounts(months: readonly Window[], targetHours: number): Promise<MonthCounts[]>;
}

/** Customer-level scores of one window and whether each customer is active in the next one. */
export interface SignalQuery {
  /** the window the scores are measured in */
  measure: Window;
  /** the window whose activity (≥ 1 purchase, amount ≥ 0) is the outcome */
  next: Window;
  /** resolution target in hours (a complaint resolved in exactly this many hours meets it) */
  targetHours: number;
}

/** Customers whose score of `kpi` is `score`: how many are active in the next window, how many are not. */
export interface SignalCount {
  kpi: string;
  score: number;
  active: number;
  inactive: number;
}
