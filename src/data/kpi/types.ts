/**
 * The KPI board port: the targets set on the board (one per KPI; setting one again replaces it) and the
 * snapshots of each KPI's value taken when the board's status is computed (one per KPI and as-of day; a
 * later one for the same day replaces it). Timestamps are ISO strings in UTC (`2026-03-01T09:30:00.000Z`).
 */
import type { IsoDay } from '../../core/dates';
import type { Target } from '../../core/kpi/targets';

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
}
