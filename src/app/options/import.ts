/**
 * The options of an import, as a user gives them (command line or upload form): the kind, the input format,
 * CSV delimiter, decimal separator and text encoding, column mapping, strictness, the rejects file and the worksheet.
 */
import { z } from 'zod';
import { invalidOption } from '../../core/errors';
import { msg, renderMessage } from '../../core/messages/catalogue';
import { KIND_NAMES, isKindName, type KindName } from '../../core/kinds';
import { TEXT_ENCODINGS, type TextEncodingName } from '../../data/import/encoding';
import { FORMAT_CHOICES, fileFormatNamed } from '../../data/import/format';
import { WHITESPACE, type FileFormat, type ImportRequest } from '../../data/import/types';
import { fail, field, optionalField, rawValue, requiredField, wholeNumber, type Parsed } from './parse';
import { timeZoneName } from './service';

const DELIMITERS: Readonly<Record<string, string>> = {
  ',': ',',
  comma: ',',
  ';': ';',
  semicolon: ';',
  '\t': '\t',
  '\\t': '\t',
  tab: '\t',
  '|': '|',
  pipe: '|',
  space: ' ',
  whitespace: WHITESPACE,
};

function kind(text: string): Parsed<KindName> {
  if (isKindName(text)) return { ok: text };
  const verdict = fail(text, 'a kind', `one of ${KIND_NAMES.join(', ')}`);
  const near = nearestKind(text);
  return near
    ? { ...verdict, detail: msg('option.did-you-mean', { detail: verdict.detail, near }) }
    : verdict;
}

/** The kind a mistyped name most likely meant: a prefix either way, or at most two edits away. */
export function nearestKind(text: string): KindName | undefined {
  const t = text.toLowerCase();
  const prefix = KIND_NAMES.find((k) => t.length >= 3 && (k.startsWith(t) || t.startsWith(k)));
  if (prefix) return prefix;
  let best: { kind: KindName; distance: number } | undefined;
  for (const k of KIND_NAMES) {
    const distance = editDistance(t, k);
    if (distance <= 2 && (best === undefined || distance < best.distance)) best = { kind: k, distance };
  }
  return best?.kind;
}

/** Levenshtein distance: insertions, deletions and substitutions. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++)
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    previous = current;
  }
  return previous[b.length]!;
}

function inputFormat(text: string): Parsed<FileFormat> {
  const format = fileFormatNamed(text);
  return format ? { ok: format } : fail(text, 'a format', FORMAT_CHOICES);
}

function delimiter(text: string): Parsed<string> {
  const d = DELIMITERS[text.toLowerCase()] ?? (text.length === 1 && !/["\r\n]/.test(text) ? text : undefined);
  return d !== undefined
    ? { ok: d }
    : fail(text, 'a delimiter', ', ; tab | space, whitespace or one character');
}

function decimal(text: string): Parsed<'.' | ','> {
  return text === '.' || text === ',' ? { ok: text } : fail(text, 'a decimal separator', '. or ,');
}

const ENCODING_ALIASES: Readonly<Record<string, TextEncodingName>> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  latin1: 'latin1',
  'latin-1': 'latin1',
  'iso-8859-1': 'latin1',
};

function encoding(text: string): Parsed<TextEncodingName> {
  const e = ENCODING_ALIASES[text.toLowerCase()];
  return e !== undefined ? { ok: e } : fail(text, 'an encoding', TEXT_ENCODINGS.join(', '));
}

/** `customer_id=KundNr` pairs, one per entry or several separated by commas. */
const mapping = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((raw, ctx): Record<string, string> => {
    const map: Record<string, string> = {};
    const values = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
    for (const pair of values.flatMap((v) => v.split(','))) {
      const at = pair.indexOf('=');
      const column = pair.slice(0, at).trim();
      const header = pair.slice(at + 1).trim();
      if (at < 0 || column === '' || header === '') {
        const expected = 'column=header (e.g. customer_id=KundNr)';
        const detail = msg('option.not', { value: pair, what: expected, expected: null });
        ctx.addIssue({
          code: 'custom',
          message: renderMessage(detail, 'en'),
          params: { expected, value: pair, detail },
        });
        return z.NEVER;
      }
      map[column] = header;
    }
    return map;
  });

/** `a,b,c`: the columns of a file without a header, in order. */
const columnList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((raw, ctx): string[] | undefined => {
    if (raw === undefined) return undefined;
    const names = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => v.split(',')).map((c) => c.trim());
    if (names.length === 0 || names.some((c) => c === '')) {
      const expected = 'column names separated by commas (e.g. customer_id,order_date,amount)';
      const detail = msg('option.not', { value: String(raw), what: expected, expected: null });
      ctx.addIssue({
        code: 'custom',
        message: renderMessage(detail, 'en'),
        params: { expected, value: raw, detail },
      });
      return z.NEVER;
    }
    return names;
  });

export const importInput = z.object({
  kind: requiredField(kind, `one of ${KIND_NAMES.join(', ')}`),
  inputFormat: optionalField(inputFormat),
  delimiter: optionalField(delimiter),
  decimal: optionalField(decimal),
  encoding: optionalField(encoding),
  map: mapping,
  strict: rawValue.transform((v) => v === true || v === 'true'),
  replace: rawValue.transform((v) => v === true || v === 'true'),
  round: rawValue.transform((v) => v === true || v === 'true'),
  timeZone: field(timeZoneName, 'UTC'),
  header: rawValue.transform((v) => v !== false && v !== 'false'),
  columns: columnList,
  rejects: z.string().optional(),
  sheet: z.string().optional(),
});
export type ImportInput = z.output<typeof importInput>;

/**
 * The columns of a file without a header (`header` false), or undefined for a file with one. A file
 * without a header needs its columns named; naming columns of a file with a header is refused.
 */
export function headerlessColumns(
  input: Pick<ImportInput, 'header' | 'columns' | 'inputFormat'>,
): string[] | undefined {
  if (input.header && input.columns !== undefined)
    throw invalidOption(
      'columns',
      input.columns.join(','),
      'given only with {option:noHeader}',
      msg('option.columns-without-no-header'),
    );
  if (input.header) return undefined;
  if (input.columns === undefined)
    throw invalidOption('noHeader', true, 'a column list', msg('option.no-header-needs-columns'));
  if (input.inputFormat !== undefined && input.inputFormat !== 'csv')
    throw invalidOption(
      'noHeader',
      true,
      'a CSV file',
      msg('option.no-header-csv-only', { format: input.inputFormat }),
    );
  return input.columns;
}

/** The import request of parsed options for the file at `path` (for an upload, the name it came as). */
export function importRequest(input: ImportInput, path: string): ImportRequest {
  return {
    kind: input.kind,
    path,
    format: input.inputFormat,
    delimiter: input.delimiter,
    decimal: input.decimal,
    encoding: input.encoding,
    map: input.map,
    strict: input.strict,
    replace: input.replace,
    columns: headerlessColumns(input),
    round: input.round,
    timeZone: input.timeZone,
    rejectsPath: input.rejects,
    sheet: input.sheet,
  };
}

/** The import to undo: its id in the import log. */
export const undoImportInput = z.object({
  importId: requiredField(wholeNumber(1), 'an import id (a positive whole number)'),
});
export type UndoImportInput = z.output<typeof undoImportInput>;
