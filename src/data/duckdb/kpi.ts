/**
 * The KPI board port in SQL both stores run; each passes its dialect (`sql/dialect.ts`) for dates and
 * timestamps. Targets and snapshots are rows of `kpi_targets` and `kpi_snapshots`.
 */
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
import { DUCKDB_DIALECT, type SqlDialect, type TransactionalRunner } from '../sql/dialect';
import { queryMonthCounts, querySignalCounts } from './kpi-quality';

/** The KPI board port on a store's connection, DuckDB's by default. */
export class SqlKpi implements KpiPort {
  constructor(
    private readonly db: TransactionalRunner,
    private readonly dialect: SqlDialect = DUCKDB_DIALECT,
  ) {}

  async targets(): Promise<KpiTargetRow[]> {
    const { dateText, isoTimestamp } = this.dialect;
    const rows = await this.db.all<{
      kpi_id: string;
      target_value: number | null;
      range_low: number | null;
      range_high: number | null;
      deadline: string;
      owner: string;
      set_at: string;
    }>(
      `SELECT kpi_id, target_value, range_low, range_high, ${dateText('deadline')} AS deadline, owner,
         ${isoTimestamp('set_at')} AS set_at
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
      await this.db.run('DELETE FROM kpi_targets WHERE kpi_id = $1', [row.kpi]);
      await this.db.run(
        `INSERT INTO kpi_targets (kpi_id, target_value, range_low, range_high, deadline, owner, set_at)
         VALUES ($1, $2, $3, $4, CAST($5 AS DATE), $6, ${this.dialect.timestampParam('$7')})`,
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
    const { n } = await this.db.one<{ n: number }>(
      'SELECT count(*) AS n FROM kpi_targets WHERE kpi_id = $1',
      [kpi],
    );
    if (n === 0) return false;
    await this.db.run('DELETE FROM kpi_targets WHERE kpi_id = $1', [kpi]);
    return true;
  }

  async snapshots(kpi: string): Promise<KpiSnapshotRow[]> {
    const { dateText, isoTimestamp } = this.dialect;
    const rows = await this.db.all<{ kpi_id: string; as_of: string; value: number | null; taken_at: string }>(
      `SELECT kpi_id, ${dateText('as_of')} AS as_of, value, ${isoTimestamp('taken_at')} AS taken_at
       FROM kpi_snapshots WHERE kpi_id = $1 ORDER BY as_of`,
      [kpi],
    );
    return rows.map((r) => ({ kpi: r.kpi_id, asOf: r.as_of, value: r.value, takenAt: r.taken_at }));
  }

  async saveSnapshot(row: KpiSnapshotRow): Promise<void> {
    await this.db.transaction(async () => {
      await this.db.run('DELETE FROM kpi_snapshots WHERE kpi_id = $1 AND as_of = CAST($2 AS DATE)', [
        row.kpi,
        row.asOf,
      ]);
      await this.db.run(
        `INSERT INTO kpi_snapshots (kpi_id, as_of, value, taken_at)
         VALUES ($1, CAST($2 AS DATE), $3, ${this.dialect.timestampParam('$4')})`,
        [row.kpi, row.asOf, row.value, row.takenAt],
      );
    });
  }

  signalCounts(query: SignalQuery): Promise<SignalCount[]> {
    return querySignalCounts(this.db, query, this.dialect);
  }

  monthCounts(months: readonly Window[], targetHours: number): Promise<MonthCounts[]> {
    return queryMonthCounts(this.db, months, targetHours, this.dialect);
  }
}
