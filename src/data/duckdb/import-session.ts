/**
 * The scaffolding around one import on a DuckDB connection: names for its temporary tables, the settings it
 * needs while it runs (restored afterwards), progress reporting from DuckDB's own query progress, and
 * clean-up. Temporary tables live in the connection's temp catalog, so even a killed process leaves
 * nothing behind in the database file.
 */
import type { Message } from '../../core/messages/message';
import type { ImportPhase, ImportProgress } from '../import/types';
import type { Db } from './connection';

/**
 * DuckDB's memory budget during an import. The pipeline streams the file into a temporary table and makes
 * two passes over it; beyond this budget DuckDB spills to disk instead of growing. Measured with the 10 M-row
 * benchmark (docs/import.md): peak RSS stays under 2 GB.
 */
const IMPORT_MEMORY_LIMIT_BYTES = 1_200_000_000;

let sequence = 0;

export class ImportSession {
  readonly names: Readonly<
    Record<
      | 'stage'
      | 'typed'
      | 'problems'
      | 'dups'
      | 'segments'
      | 'readerRejects'
      | 'rejects'
      | 'csvErrors'
      | 'csvScans',
      string
    >
  >;
  private restore: string[] = [];

  constructor(
    readonly db: Db,
    private readonly onProgress: ((progress: ImportProgress) => void) | undefined,
  ) {
    const id = `cvm_import_${process.pid}_${++sequence}`;
    this.names = {
      stage: `${id}_stage`,
      typed: `${id}_typed`,
      problems: `${id}_problems`,
      dups: `${id}_dups`,
      segments: `${id}_segments`,
      readerRejects: `${id}_reader_rejects`,
      rejects: `${id}_rejects`,
      csvErrors: `${id}_csv_errors`,
      csvScans: `${id}_csv_scans`,
    };
  }

  /** Applies the import settings and defines the SQL helpers the validation uses. */
  async open(): Promise<void> {
    const current = await this.db.one<{ memory: string; bar: boolean; print: boolean }>(
      `SELECT current_setting('memory_limit') AS memory, current_setting('enable_progress_bar') AS bar,
              current_setting('enable_progress_bar_print') AS print`,
    );
    this.restore = [
      `SET memory_limit = '${current.memory}'`,
      `SET enable_progress_bar = ${String(current.bar)}`,
      `SET enable_progress_bar_print = ${String(current.print)}`,
    ];
    if (parseBytes(current.memory) > IMPORT_MEMORY_LIMIT_BYTES)
      await this.db.run(`SET memory_limit = '${IMPORT_MEMORY_LIMIT_BYTES}B'`);
    // DuckDB only tracks query progress while its progress bar is enabled; printing it stays off.
    await this.db.run('SET enable_progress_bar = true');
    await this.db.run('SET enable_progress_bar_print = false');
    // Quotes a value for a message exactly like quoteValue in core/errors.ts (JSON string, cut at 60).
    await this.db.run(
      `CREATE OR REPLACE TEMP MACRO cvm_quote(x) AS CAST(to_json(CASE WHEN length(x) > 60
         THEN left(x, 60) || '… (' || length(x) || ' characters)' ELSE x END) AS VARCHAR)`,
    );
  }

  /** Drops the temporary tables and restores the settings; never throws over an earlier error. */
  async close(): Promise<void> {
    for (const name of Object.values(this.names)) {
      await this.db.run(`DROP TABLE IF EXISTS temp.main.${name}`).catch(() => undefined);
    }
    for (const statement of this.restore) await this.db.run(statement).catch(() => undefined);
  }

  /** Reports a phase change with a message (shown when progress is followed). */
  say(phase: ImportPhase, fraction: number, message: Message): void {
    this.onProgress?.({ phase, fraction, message });
  }

  /** Runs `work`, reporting DuckDB's progress on the running query as `from..to` of the whole import. */
  async track<T>(phase: ImportPhase, from: number, to: number, work: () => Promise<T>): Promise<T> {
    const report = this.onProgress;
    if (!report) return work();
    const timer = setInterval(() => {
      const percentage = this.db.connection.progress.percentage;
      if (percentage >= 0)
        report({ phase, fraction: from + ((to - from) * Math.min(percentage, 100)) / 100 });
    }, 200);
    try {
      return await work();
    } finally {
      clearInterval(timer);
      report({ phase, fraction: to });
    }
  }
}

const UNITS: Readonly<Record<string, number>> = {
  bytes: 1,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
};

/** Parses DuckDB's rendering of a size ("18.8 GiB", "953.6 MiB", "0 bytes"); unknown text → Infinity. */
export function parseBytes(text: string): number {
  const m = /^\s*([\d.]+)\s*([a-z]+)\s*$/i.exec(text);
  const unit = m ? UNITS[m[2]?.toLowerCase() ?? ''] : undefined;
  return m && unit ? Number(m[1]) * unit : Number.POSITIVE_INFINITY;
}
