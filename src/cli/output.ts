/**
 * Rendering of command results: `table` (aligned columns, thousands separators, currency, English or
 * Swedish labels, reads like the seed tables), `json` (the documented shape, exactly as computed) and `csv`
 * (raw values, one header row per table). Commands build a `Printable`; only this file formats numbers.
 */
import { csvField } from '../core/text/csv';

export type Format = 'table' | 'json' | 'csv';
export type Lang = 'en' | 'sv';
export type Label = string | { en: string; sv: string };

export type ColumnType = 'text' | 'int' | 'money' | 'decimal' | 'percent' | 'date';

export interface Column {
  key: string;
  label: Label;
  type: ColumnType;
  /** digits after the decimal separator (money 0, decimal 2, percent 1 by default) */
  decimals?: number;
}

export interface TableView {
  title?: Label;
  columns: readonly Column[];
  rows: readonly Record<string, unknown>[];
  /** indexes of total rows: in table format a rule is drawn above each (csv and json are unaffected) */
  totals?: readonly number[];
  /** lines printed under the table in table format, e.g. why a figure is undefined */
  notes?: readonly string[];
}

export interface Printable {
  /** the value printed by `--format json` */
  json: unknown;
  /** what `table` and `csv` print */
  tables: readonly TableView[];
}

export interface OutputOptions {
  format: Format;
  lang: Lang;
  /** suffix for money columns in table format, e.g. "kr"; empty for none */
  currency: string;
}

const DEFAULT_DECIMALS: Record<ColumnType, number> = {
  text: 0,
  int: 0,
  money: 0,
  decimal: 2,
  percent: 1,
  date: 0,
};

export function labelText(label: Label, lang: Lang): string {
  return typeof label === 'string' ? label : label[lang];
}

/** Formats a number with the language's separators: en 1,284,714,061.5; sv 1 284 714 061,5. */
export function formatNumber(value: number, decimals: number, lang: Lang): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole = '0', fraction] = fixed.split('.');
  const group = lang === 'sv' ? '\u00a0' : ',';
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return sign + grouped + (fraction ? (lang === 'sv' ? ',' : '.') + fraction : '');
}

/** Formats one cell for table output. null/undefined print as an en dash (undefined figure). */
export function formatCell(value: unknown, column: Column, options: OutputOptions): string {
  if (value === null || value === undefined) return '–';
  const decimals = column.decimals ?? DEFAULT_DECIMALS[column.type];
  if (typeof value !== 'number') return typeof value === 'string' ? value : JSON.stringify(value);
  switch (column.type) {
    case 'int':
      return formatNumber(value, 0, options.lang);
    case 'money':
      return formatNumber(value, decimals, options.lang) + (options.currency ? ` ${options.currency}` : '');
    case 'decimal':
      return formatNumber(value, decimals, options.lang);
    case 'percent':
      return formatNumber(value * 100, decimals, options.lang) + (options.lang === 'sv' ? ' %' : '%');
    default:
      return String(value);
  }
}

function renderTable(view: TableView, options: OutputOptions): string {
  const header = view.columns.map((c) => labelText(c.label, options.lang));
  const body = view.rows.map((row) => view.columns.map((c) => formatCell(row[c.key], c, options)));
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => (cells[i] ?? '').length)));
  const align = (cells: string[]): string =>
    cells
      .map((cell, i) => {
        const width = widths[i] ?? 0;
        return view.columns[i]?.type === 'text' || view.columns[i]?.type === 'date'
          ? cell.padEnd(width)
          : cell.padStart(width);
      })
      .join('  ')
      .trimEnd();
  const lines: string[] = [];
  if (view.title) lines.push(labelText(view.title, options.lang));
  const rule = widths.map((w) => '─'.repeat(w)).join('  ');
  lines.push(align(header), rule);
  const totals = new Set(view.totals ?? []);
  body.forEach((cells, i) => {
    if (totals.has(i) && i > 0) lines.push(rule);
    lines.push(align(cells));
  });
  for (const note of view.notes ?? []) lines.push(`note: ${note}`);
  return lines.join('\n');
}

/** One value as a CSV field: empty for null, JSON text for non-strings, quoted when needed (RFC 4180). */
export function csvValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  return csvField(typeof value === 'string' ? value : JSON.stringify(value));
}

function renderCsv(view: TableView): string {
  const lines = [view.columns.map((c) => csvValue(c.key)).join(',')];
  for (const row of view.rows) lines.push(view.columns.map((c) => csvValue(row[c.key])).join(','));
  return lines.join('\n');
}

/** Renders a command's result in the requested format (no trailing newline). */
export function render(printable: Printable, options: OutputOptions): string {
  switch (options.format) {
    case 'json':
      return JSON.stringify(printable.json, null, 2);
    case 'csv':
      return printable.tables.map(renderCsv).join('\n\n');
    case 'table':
      return printable.tables.map((t) => renderTable(t, options)).join('\n\n');
  }
}
