/**
 * Rendering of command results: `table` (aligned columns, thousands separators, currency, English or
 * Swedish labels, reads like the seed tables), `json` (the documented shape, exactly as computed) and `csv`
 * (raw values, one table: the first, or the one `--table` names). Commands build a `Printable`; only this
 * file formats numbers.
 *
 * CSV is one table per output so that a spreadsheet or a CSV reader gets one header row. English CSV is
 * `,`-separated with a decimal point; Swedish CSV is what Swedish Excel opens: `;`-separated, decimal comma
 * and a UTF-8 byte order mark.
 */
import { invalidOption } from '../core/errors';
import { Message, msg, renderMessage, renderMessages } from '../core/messages/catalogue';
import { formatNumber } from '../core/messages/message';
import { csvField } from '../core/text/csv';

export { formatNumber };

export type Format = 'table' | 'json' | 'csv';
export type Lang = 'en' | 'sv';
export type Label = string | { en: string; sv: string };
/** A note under a table: a message of the catalogue, or a label in both languages (never bare text). */
export type Note = Message | { en: string; sv: string };

export type ColumnType = 'text' | 'int' | 'money' | 'decimal' | 'percent' | 'date';

export interface Column {
  key: string;
  label: Label;
  type: ColumnType;
  /** digits after the decimal separator (money 0, decimal 2, percent 1 by default) */
  decimals?: number;
}

export interface TableView {
  /** stable machine name: what `--table` selects and what `--format csv` writes; kebab-case */
  name: string;
  title?: Label;
  columns: readonly Column[];
  rows: readonly Record<string, unknown>[];
  /** indexes of total rows: in table format a rule is drawn above each (csv and json are unaffected) */
  totals?: readonly number[];
  /** lines printed under the table in table format, e.g. why a figure is undefined */
  notes?: readonly Note[];
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
  /** the table to print (`--table`); csv prints one table, the first when none is named */
  table?: string;
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

/** Formats one cell for table output. null/undefined print as an en dash (undefined figure). */
export function formatCell(value: unknown, column: Column, options: OutputOptions): string {
  if (value === null || value === undefined) return '–';
  if (value instanceof Message) return renderMessage(value, options.lang);
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
  const prefix = options.lang === 'sv' ? 'obs' : 'note';
  for (const note of view.notes ?? []) lines.push(`${prefix}: ${noteText(note, options.lang)}`);
  return lines.join('\n');
}

/** A note's text in `lang`. */
export function noteText(note: Note, lang: Lang): string {
  return note instanceof Message ? renderMessage(note, lang) : note[lang];
}

/** The byte order mark that makes Excel read a CSV file as UTF-8. */
export const UTF8_BOM = '\ufeff';

/** The CSV dialect of a language: Swedish Excel expects `;` between fields and a decimal comma. */
function csvDialect(lang: Lang): { delimiter: string; decimal: string } {
  return lang === 'sv' ? { delimiter: ';', decimal: ',' } : { delimiter: ',', decimal: '.' };
}

/**
 * One value as a CSV field: empty for null, numbers with the language's decimal separator (no grouping),
 * JSON text for other non-strings, quoted when needed (RFC 4180).
 */
export function csvValue(value: unknown, lang: Lang = 'en'): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Message) return csvValue(renderMessage(value, lang), lang);
  const { delimiter, decimal } = csvDialect(lang);
  if (typeof value === 'number') return csvField(String(value).replace('.', decimal), delimiter);
  return csvField(typeof value === 'string' ? value : JSON.stringify(value), delimiter);
}

/** One table as CSV: a header row of column keys, then the rows (no BOM, no trailing newline). */
export function renderCsv(view: TableView, lang: Lang): string {
  const { delimiter } = csvDialect(lang);
  const line = (cells: unknown[]): string => cells.map((v) => csvValue(v, lang)).join(delimiter);
  const lines = [line(view.columns.map((c) => c.key))];
  for (const row of view.rows) lines.push(line(view.columns.map((c) => row[c.key])));
  return lines.join('\n');
}

/**
 * The table `name` names, or the first when it is undefined; an unknown name is an input error that lists
 * the names there are.
 */
export function selectTable(tables: readonly TableView[], name: string | undefined): TableView | undefined {
  if (name === undefined) return tables[0];
  const found = tables.find((t) => t.name === name);
  if (found) return found;
  const names = tables.map((t) => t.name);
  throw invalidOption(
    'table',
    name,
    names.length === 0
      ? 'no table (this command prints none)'
      : `a table of this output (${names.join(', ')})`,
    msg('cli.not-table', { value: name, names: names.length === 0 ? null : names.join(', ') }),
  );
}

/** Renders a command's result in the requested format (no trailing newline). */
export function render(printable: Printable, options: OutputOptions): string {
  switch (options.format) {
    case 'json':
      return JSON.stringify(renderMessages(printable.json, options.lang), null, 2);
    case 'csv': {
      const table = selectTable(printable.tables, options.table);
      const text = table ? renderCsv(table, options.lang) : '';
      return options.lang === 'sv' ? UTF8_BOM + text : text;
    }
    case 'table': {
      const tables =
        options.table === undefined ? printable.tables : [selectTable(printable.tables, options.table)];
      return tables.flatMap((t) => (t ? [renderTable(t, options)] : [])).join('\n\n');
    }
  }
}
