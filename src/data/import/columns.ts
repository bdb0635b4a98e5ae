/**
 * Matching a file's headers to a kind's canonical columns. Order of precedence: an explicit
 * mapping `column=Header` (the import's `map` option), then a header equal to the canonical name, then a header equal to one of its
 * synonyms (vocabulary.ts); headers are compared after `normalizeHeader`, so "Kund Nr" finds `kund_nr`. Each
 * header feeds at most one column; headers left over are reported as ignored. A required column nobody
 * matched stops the import before anything is read.
 */
import { CvmError, invalidOption, quoteValue } from '../../core/errors';
import { msg } from '../../core/messages/catalogue';
import type { ColumnSpec, KindSpec } from '../../core/kinds';
import { normalizeHeader, synonymsOf } from './vocabulary';

export interface MappedColumn {
  spec: ColumnSpec;
  /** 0-based position of the column in the file */
  index: number;
  /** the header as written in the file */
  header: string;
}

export interface ColumnMapping {
  /** matched columns, in the kind's column order */
  columns: MappedColumn[];
  /** headers that matched no column, in file order */
  ignored: string[];
}

/**
 * Maps `headers` (in file order) to the columns of `kind`. `file` names the file in messages.
 * Throws a `map` option problem for a mapping that names an unknown column, and `invalid-input` for a
 * mapped header that is not in the file or a required column that is missing.
 */
export function mapColumns(
  kind: KindSpec,
  headers: readonly string[],
  file: string,
  map: Readonly<Record<string, string>> = {},
): ColumnMapping {
  const normalized = headers.map(normalizeHeader);
  const taken = new Set<number>();
  const chosen = new Map<string, number>();
  const specs = new Map(kind.columns.map((c) => [c.name, c]));

  for (const [column, header] of Object.entries(map)) {
    if (!specs.has(column))
      throw invalidOption(
        'map',
        `${column}=${header}`,
        `one of ${[...specs.keys()].join(', ')}`,
        msg('map.unknown-column', { column, header, kind: kind.kind, known: [...specs.keys()].join(', ') }),
      );
    let index = headers.indexOf(header);
    if (index < 0) index = normalized.indexOf(normalizeHeader(header));
    if (index < 0)
      throw new CvmError(
        'invalid-input',
        msg('map.no-header', { file, column, header, headers: listHeaders(headers) }),
      );
    chosen.set(column, index);
    taken.add(index);
  }

  const claim = (spec: ColumnSpec, names: readonly string[]): void => {
    if (chosen.has(spec.name)) return;
    const index = normalized.findIndex((h, i) => !taken.has(i) && names.includes(h));
    if (index < 0) return;
    chosen.set(spec.name, index);
    taken.add(index);
  };
  // Canonical names first for every column, so that a synonym of one column never steals the header
  // that is another column's own name.
  for (const spec of kind.columns) claim(spec, [spec.name]);
  for (const spec of kind.columns) claim(spec, synonymsOf(kind.kind, spec.name));

  const missing = kind.columns.filter((c) => c.required && !chosen.has(c.name));
  if (missing.length > 0) {
    const columns = missing.map((c) =>
      msg('map.accepted-names', {
        column: c.name,
        names: [c.name, ...synonymsOf(kind.kind, c.name)].join(', '),
      }),
    );
    const example = missing[0]?.name ?? '';
    throw new CvmError(
      'invalid-input',
      msg('map.missing-required', {
        file,
        n: missing.length,
        columns,
        headers: listHeaders(headers),
        example,
      }),
    );
  }

  const columns = kind.columns.flatMap((spec): MappedColumn[] => {
    const index = chosen.get(spec.name);
    return index === undefined ? [] : [{ spec, index, header: headers[index] ?? '' }];
  });
  const ignored = headers.flatMap((h, i) => (taken.has(i) ? [] : [h === '' ? `(column ${i + 1})` : h]));
  return { columns, ignored };
}

function listHeaders(headers: readonly string[]): string {
  return headers.length === 0 ? '(none)' : headers.map((h) => quoteValue(h, 40)).join(', ');
}
