/** DuckDB implementation of the KPI board port. */
import type { Target } from '../../core/kpi/targets';
import type { Window } from '../../core/dates';
import type {
  KpiPort,
  KpiSnapshotRow,
  KpiTargetRow,
  MonthCounts,
  SignalCount,
  SignalQuery,
} from '../kpi/types';
import type { Db } from './connection';
import { queryMonthCounts, querySignalCounts } from './kpi-quality';

const ISO_TIMESTAMP = `'%Y-%m-%dT%H:%M:%S.%gZ'`;

/** The KPI board port on the embedded DuckDB database. */
export class DuckDbKpi implements KpiPort {
  constructor(private readonly db: Db) {}

  async targets(): Promise<KpiTargetRow[]> {
    const rows = await this.db.all<{
      kpi_id: string;
      target_value: number | null;
      range_low: number | null;
      range_high: number | null;
      deadline: string;
      owner: string;
      set_at: string;
    }>(
      `SELECT kpi_id, target_value, range_low, range_high, CAST(deadline AS VARCHAR) AS deadline, owner,
         strftime(set_at, ${ISO_TIMESTAMP}) AS set_at
       FROM kpi_targets ORDER BY kpi_id`,
    );
    return rows.map((r) => {
      const target: Target =
        r.target_value === null
          ? { kind: 'range', low: r.range_low ?? Number.NaN, high: r.range_high ?? Number.NaN }
          : { kind: 'value', value: r.target_value };
      return { kpi: r.kpi_id, target, deadline: r.deadline, owner: r.owner, setAt: r.set_at };
    });
  }

  async setTarget(row: KpiTargetRow): Promise<void> {
    const { target } = row;
    await this.db.transaction(async () => {
      await this.db.run('DELETE FROM kpi_targets WHERE kpi_id = ?', [row.kpi]);
      await this.db.run(
        `INSERT INTO kpi_targets (kpi_id, target_value, range_low, range_high, deadline, owner, set_at)
         VALUES (?, ?, ?, ?, CAST(? AS DATE), ?, CAST(? AS TIMESTAMP))`,
        [
          row.kpi,
          target.kind === 'value' ? target.value : null,
          target.kind === 'range' ? target.low : null,
          target.kind === 'range' ? target.high : null,
          row.deadline,
          row.owner,
          row.setAt,
        ],
      );
    });
  }

  async removeTarget(kpi: string): Promise<boolean> {
    const { n } = await this.db.one<{ n: number }>('SELECT count(*) AS n FROM kpi_targets WHERE kpi_id = ?', [
      kpi,
    ]);
    if (n === 0) return false;
    await this.db.run('DELETE FROM kpi_targets WHERE kpi_id = ?', [kpi]);
    return true;
  }

  async snapshots(kpi: string): Promise<KpiSnapshotRow[]> {
    const rows = await this.db.all<{ kpi_id: string; as_of: string; value: number | null; taken_at: string }>(
      `SELECT kpi_id, CAST(as_of AS VARCHAR) AS as_of, value, strftime(taken_at, ${ISO_TIMESTAMP}) AS taken_at
       FROM kpi_snapshots WHERE kpi_id = ? ORDER BY as_of`,
      [kpi],
    );
    return rows.map((r) => ({ kpi: r.kpi_id, asOf: r.as_of, value: r.value, takenAt: r.taken_at }));
  }

  async saveSnapshot(row: KpiSnapshotRow): Promise<void> {
    await this.db.transaction(async () => {
      await this.db.run('DELETE FROM kpi_snapshots WHERE kpi_id = ? AND as_of = CAST(? AS DATE)', [
        row.kpi,
        row.asOf,
      ]);
      await this.db.run(
        `INSERT INTO kpi_snapshots (kpi_id, as_of, value, taken_at)
         VALUES (?, CAST(? AS DATE), ?, CAST(? AS TIMESTAMP))`,
        [row.kpi, row.asOf, row.value, row.takenAt],
      );
    });
  }

  signalCounts(query: SignalQuery): Promise<SignalCount[]> {
    return querySignalCounts(this.db, query);
  }

  monthCounts(months: readonly Window[], targetHours: number): Promise<MonthCounts[]> {
    return queryMonthCounts(this.db, months, targetHours);
  }
}
