/**
 * CSV export of a table shown in the dashboard, the way the CLI writes it: English is `,`-separated with a
 * decimal point; Swedish is `;`-separated with a decimal comma and a byte order mark, for Swedish Excel.
 * Numbers are raw (no thousands separators, rates as fractions); fields are quoted as RFC 4180 says.
 */
import type { Lang } from './i18n';

export interface CsvColumn {
  key: string;
  header: string;
}

function field(value: unknown, lang: Lang, delimiter: string): string {
  let text: string;
  if (value === null || value === undefined) text = '';
  else if (typeof value === 'number') text = lang === 'sv' ? String(value).replace('.', ',') : String(value);
  else text = typeof value === 'string' ? value : JSON.stringify(value);
  return /["\r\n]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(
  columns: readonly CsvColumn[],
  rows: readonly Record<string, unknown>[],
  lang: Lang,
): string {
  const d = lang === 'sv' ? ';' : ',';
  const lines = [
    columns.map((c) => field(c.header, lang, d)).join(d),
    ...rows.map((r) => columns.map((c) => field(r[c.key], lang, d)).join(d)),
  ];
  return (lang === 'sv' ? '\uFEFF' : '') + lines.join('\r\n') + '\r\n';
}

/** Parses RFC 4180 CSV (the server's rejects and predictions files) into records keyed by the header row. */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  const [header, ...data] = rows;
  if (!header) return [];
  return data.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}
