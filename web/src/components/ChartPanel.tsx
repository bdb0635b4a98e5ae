/**
 * A titled chart that can show its data as a table instead and export that table as CSV: every chart of
 * the dashboard goes through this panel.
 */
import { useState, type ReactNode } from 'react';
import type { ChartOption } from '../echarts';
import { toCsv } from '../csv';
import { download } from '../download';
import { useSettings } from '../settings';
import { Chart } from './Chart';
import { DataTable, type Col } from './DataTable';

export function ChartPanel({
  title,
  option,
  columns,
  rows,
  csvName,
  height,
  children,
}: {
  title: string;
  option: ChartOption;
  columns: readonly Col[];
  rows: readonly Record<string, unknown>[];
  /** file name of the CSV export, without .csv */
  csvName: string;
  height?: number;
  /** shown under the chart or table, e.g. notes */
  children?: ReactNode;
}) {
  const { t, settings } = useSettings();
  const [asTable, setAsTable] = useState(false);
  return (
    <section className="panel" aria-label={title}>
      <header className="panel-head">
        <h2>{title}</h2>
        <div className="panel-actions">
          <button type="button" onClick={() => setAsTable((v) => !v)} aria-pressed={asTable}>
            {asTable ? t('showChart') : t('showTable')}
          </button>
          <button
            type="button"
            onClick={() =>
              download(
                `${csvName}.csv`,
                toCsv(
                  columns.map((c) => ({ key: c.key, header: c.header })),
                  rows,
                  settings.lang,
                ),
              )
            }
          >
            {t('exportCsv')}
          </button>
        </div>
      </header>
      {asTable ? (
        <DataTable columns={columns} rows={rows} />
      ) : (
        <Chart option={option} label={title} height={height} />
      )}
      {children}
    </section>
  );
}

/** A titled table with CSV export (tables that have no chart). */
export function TablePanel({
  title,
  columns,
  rows,
  csvName,
  totalRows,
  children,
}: {
  title: string;
  columns: readonly Col[];
  rows: readonly Record<string, unknown>[];
  csvName: string;
  totalRows?: number;
  children?: ReactNode;
}) {
  const { t, settings } = useSettings();
  return (
    <section className="panel" aria-label={title}>
      <header className="panel-head">
        <h2>{title}</h2>
        <div className="panel-actions">
          <button
            type="button"
            onClick={() =>
              download(
                `${csvName}.csv`,
                toCsv(
                  columns.map((c) => ({ key: c.key, header: c.header })),
                  rows,
                  settings.lang,
                ),
              )
            }
          >
            {t('exportCsv')}
          </button>
        </div>
      </header>
      <DataTable columns={columns} rows={rows} totalRows={totalRows} />
      {children}
    </section>
  );
}

export function Notes({ notes }: { notes: readonly string[] }) {
  if (notes.length === 0) return null;
  return (
    <ul className="notes">
      {notes.map((n) => (
        <li key={n}>{n}</li>
      ))}
    </ul>
  );
}
