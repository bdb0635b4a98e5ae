/**
 * Validation and typing as one SQL pass over the stage table (DuckDB-specific: regexp_full_match,
 * TRY_CAST) giving the typed table (typed values, `__ok` when the row lands); the same checks re-run on
 * the bad rows only give the problems table (one coded reason per bad value: import-reasons.ts).
 *
 * Rules (docs/import.md): values are trimmed and empty means missing; numbers accept the file's decimal
 * separator and thousands separators (space, no-break space, apostrophe, and the other of `.`/`,`), a
 * currency code or symbol before or after, and parentheses for a minus; money
 * must be exact to 2 decimals and decimals to 4 (more non-zero decimals are rejected, never rounded, except
 * binary floating-point artefacts such as 29.610000000000003, which are rounded);
 * dates are YYYY-MM-DD, YYYYMMDD or a timestamp (the day is kept; with a zone, the local day in the
 * import's time zone); timestamps are YYYY-MM-DD[ T]HH:MM[:SS], wall-clock time in the import's zone or with
 * a zone (`Z`, `+01:00`), stored as UTC; with `round`, money and decimals are rounded to the store's decimals; booleans true/false, yes/no, ja/nej, 1/0, y/n; listed values are
 * compared and stored lower case. Rows whose matched values are all empty (`__blank`) are skipped: neither
 * landed nor rejected.
 */
import { SURVEY_SCORE_RANGE, type ColumnSpec, type KindSpec } from '../../core/kinds';
import type { MappedColumn } from '../import/columns';
import type { DecimalSeparator } from '../import/decimal';
import { reasonSql } from './import-reasons';
import { ident, literal } from './import-sql';

/** A row whose loaded values total more bytes than this is rejected (a 1 MB survey comment is fine). */
export const MAX_ROW_BYTES = 4 * 1024 * 1024;

const STORE_TYPE: Readonly<Record<ColumnSpec['type'], string>> = {
  id: 'VARCHAR',
  text: 'VARCHAR',
  date: 'DATE',
  timestamp: 'TIMESTAMP',
  money: 'DECIMAL(18,2)',
  decimal: 'DECIMAL(18,4)',
  integer: 'INTEGER',
  boolean: 'BOOLEAN',
};

const SPACES = `' ' || chr(9) || chr(10) || chr(13) || chr(160)`;
const SPACE_CODES = '[32, 9, 10, 13, 160]';
const SPACE_CHARS = [`' '`, 'chr(9)', 'chr(10)', 'chr(13)', 'chr(160)'];
const TRUE_WORDS = ['true', 'yes', 'ja', '1', 'y'];
const FALSE_WORDS = ['false', 'no', 'nej', '0', 'n'];
const ISO_DAY = `'\\d{4}-\\d{2}-\\d{2}'`;
const COMPACT_DAY = `'\\d{8}'`;
const ISO_TIME = `'\\d{4}-\\d{2}-\\d{2}[ T]([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d{1,6})?)?'`;
/** A timestamp with a zone: `Z` (any case) or an offset `+01`, `+0100`, `+01:00` right after the time. */
const ZONED_TIME = `'\\d{4}-\\d{2}-\\d{2}[ T]([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d{1,6})?)?([zZ]|[+-]\\d{2}(:?\\d{2})?)'`;
/** Cheap pre-test for a zone suffix (the regular expression runs only on values that pass it). */
const ZONE_SUFFIX = `'([zZ]|[+-]\\d{2}(:?\\d{2})?)$'`;

const r = (name: string): string => ident(`r_${name}`);
const n = (name: string): string => ident(`n_${name}`);
const v = (name: string): string => ident(`v_${name}`);
const e = (name: string): string => ident(`e_${name}`);
const p = (name: string): string => ident(`p_${name}`);
const q = (sql: string): string => `cvm_quote(${sql})`;

/** How values are read beyond their type: the time zone of dates and times, rounding of extra decimals. */
export interface ValueRules {
  /**
   * IANA zone: a timestamp with a zone in a date column gives its local day there; a timestamp without one
   * is wall-clock time there (every timestamp is stored as UTC)
   */
  timeZone: string;
  /** round money and decimal values with more decimals than the store keeps, instead of rejecting them */
  round: boolean;
}

export interface ValidationSql {
  /**
   * CREATE statement of the typed table: the typed columns (`typedColumns`), `__blank`, `__ok`, one row per
   * staged record in the same order, so its rowid + 1 is the record number `k` (no column needed for it)
   */
  typed: string;
  /**
   * CREATE statement of the problems table from `raw` (the relation's rows materialized in the same order):
   * for the rows the typed table marks bad, `__k`, `p_<column>` (reason or NULL), `x_<column>` (the raw text
   * of a bad value) and `p__row` (a problem with the whole row)
   */
  problems(raw: string): string;
  /** canonical columns present in the typed table: the matched ones and the key (transactions may lack it) */
  typedColumns: string[];
}

/**
 * The validation of `names.relation` (the opened file) for `kind`, whose matched columns are `mapped`,
 * reading numbers with decimal separator `decimal`. The typed table keeps no reason texts: storing a dozen mostly
 * NULL text columns for ten million rows costs more than re-running the checks on the few bad rows, which
 * is what the problems statement does.
 */
export function validationSql(
  kind: KindSpec,
  mapped: readonly MappedColumn[],
  decimal: DecimalSeparator,
  names: { relation: string; typed: string; problems: string },
  rules: ValueRules = { timeZone: 'UTC', round: false },
): ValidationSql {
  const present = new Set(mapped.map((c) => c.spec.name));
  const specs = kind.columns.filter((c) => present.has(c.name));
  const raw = specs.map((c) => `${clean(ident(c.name))} AS ${r(c.name)}`);
  const bytes = specs.map((c) => `coalesce(strlen(${r(c.name)}), 0)`).join(' + ');
  const blank = specs.map((c) => `${r(c.name)} IS NULL`).join(' AND ');
  const plainExact = specs
    .filter(isNumeric)
    .map((c) => `${plainExactSql(r(c.name), c, decimal)} AS ${e(c.name)}`);
  const numeric = specs
    .filter(isNumeric)
    .map((c) => `${numberText(r(c.name), decimal, e(c.name))} AS ${n(c.name)}`);
  const values = specs.map((c) => `${typedValue(c, rules)} AS ${v(c.name)}`);
  const checks = specs.map((c) => `${problem(kind, c, present, decimal)} AS ${p(c.name)}`);
  const rowProblem = `CASE WHEN __bytes > ${MAX_ROW_BYTES} THEN ${reasonSql('reject.row-too-long', { bytes: '__bytes' })} END`;
  const ok = ['NOT __blank', ...specs.map((c) => `${p(c.name)} IS NULL`), 'p__row IS NULL'].join(' AND ');
  // Numbers are flagged first (`e_<column>`) so that the common plain, exact value costs one regular
  // expression instead of two (one for its shape, one for its decimals).
  const flagged =
    plainExact.length === 0 ? 'raw' : `(SELECT *, ${plainExact.join(', ')} FROM raw) AS flagged`;
  const chain = (from: string, k = ''): string => `WITH raw AS (SELECT ${k}${raw.join(', ')} FROM ${from}),
    normalized AS (SELECT *, ${[`${bytes} AS __bytes`, `${blank} AS __blank`, ...numeric].join(', ')} FROM ${flagged}),
    valued AS (SELECT *, ${values.join(', ')} FROM normalized),
    checked AS (SELECT *, ${[...checks, `${rowProblem} AS p__row`].join(', ')} FROM valued)`;

  const missingKey = kind.key.filter((k) => !present.has(k));
  const typedColumns = [...specs.map((c) => c.name), ...missingKey];
  const output = [
    ...specs.map((c) => `${v(c.name)} AS ${ident(c.name)}`),
    ...missingKey.map((k) => `CAST(NULL AS VARCHAR) AS ${ident(k)}`),
  ];
  // Counted for the import's summary: values with a time zone that were converted, values rounded.
  const zoned = specs
    .filter((c) => c.type === 'date' || c.type === 'timestamp')
    .map((c) => isZoned(r(c.name)));
  const rounded = rules.round
    ? specs
        .filter((c) => c.type === 'money' || c.type === 'decimal')
        .map((c) => `(${r(c.name)} IS NOT NULL AND NOT ${exactSql(c)})`)
    : [];
  const flag = (parts: string[]): string =>
    parts.length === 0 ? 'false' : parts.map((x) => `coalesce(${x}, false)`).join(' OR ');
  const typed = `CREATE TEMP TABLE ${names.typed} AS ${chain(names.relation)}
    SELECT ${output.join(', ')}, __blank, ${ok} AS __ok, ${flag(zoned)} AS __zoned, ${flag(rounded)} AS __rounded FROM checked`;

  const kept = specs.map(
    (c) => `CASE WHEN ${p(c.name)} IS NOT NULL THEN ${r(c.name)} END AS ${ident(`x_${c.name}`)}`,
  );
  const problems = (rawTable: string): string => {
    const bad = `(SELECT rowid + 1 AS __k, * FROM ${rawTable}
      WHERE rowid IN (SELECT rowid FROM ${names.typed} WHERE NOT __ok AND NOT __blank))`;
    return `CREATE TEMP TABLE ${names.problems} AS ${chain(bad, '__k, ')}
      SELECT __k, ${specs.map((c) => p(c.name)).join(', ')}, p__row, ${kept.join(', ')} FROM checked`;
  };
  return { typed, problems, typedColumns };
}

/**
 * `sql` is one of `values`. Not `IN (…)`: DuckDB plans a longer IN list as a join, which costs time and,
 * worse, loses the file order the typed table's rowid stands for.
 */
function oneOf(sql: string, values: readonly string[]): string {
  return `list_contains([${values.map(literal).join(', ')}], ${sql})`;
}

/**
 * The value without surrounding whitespace (space, tab, newline, no-break space), NULL when nothing is
 * left. trim() with a character list is slow in DuckDB, so it only runs on values that need it (and the
 * codes are a list, not an IN list, for the reason given at oneOf). The last character is tested with
 * ends_with, a byte comparison: right(x, 1) cut the string by characters and was half the cost of the
 * whole clean-up.
 */
function clean(x: string): string {
  const ends = SPACE_CHARS.map((c) => `ends_with(${x}, ${c})`).join(' OR ');
  return `CASE WHEN ${x} = '' THEN NULL
    WHEN list_contains(${SPACE_CODES}, ascii(${x})) OR ${ends}
      THEN NULLIF(trim(${x}, ${SPACES}), '')
    ELSE ${x} END`;
}

function isNumeric(spec: ColumnSpec): boolean {
  return spec.type === 'money' || spec.type === 'decimal' || spec.type === 'integer';
}

/**
 * The number in `x` as plain SQL decimal text ("-1598.37"), or NULL when it is not a number written with
 * `decimal` as decimal separator (with optional thousands groups of three digits).
 */
function numberText(x: string, decimal: DecimalSeparator, plainExact: string): string {
  const inner = `regexp_replace(regexp_replace(${x}, '^\\((.*)\\)$', '\\1'), '^(${CURRENCY})[ \\x{00A0}]*|[ \\x{00A0}]*(${CURRENCY})$', '', 'gi')`;
  const core = `CASE ${numberBranches(inner, decimal)} END`;
  // Plain numbers take the first branches; only the rest pay for the currency and parentheses test.
  return `CASE WHEN ${plainExact} THEN ${toPoint(x, decimal)} ${numberBranches(x, decimal)}
    WHEN regexp_matches(${x}, '(?i)^\\(.*\\)$|^(${CURRENCY})|(${CURRENCY})$') THEN
      CASE WHEN NOT starts_with(${x}, '(') THEN ${core}
        WHEN NOT regexp_matches(${core}, '^[+-]') THEN '-' || ${core} END
    END`;
}

/**
 * Currency codes and symbols an amount may carry before or after the number (any case, optionally with
 * a space): docs/import.md lists them.
 */
const CURRENCY = 'kr\\.?|sek|nok|dkk|isk|eur|usd|gbp|chf|\\$|€|£';

/** The WHEN branches that turn a plain or grouped number in `x` into SQL decimal text. */
function numberBranches(x: string, decimal: DecimalSeparator): string {
  const other = decimal === '.' ? ',' : '.';
  // Thousands separators: space, no-break spaces, apostrophe (doubled inside the SQL literal), the other mark.
  const groupChars = `[ \\x{00A0}\\x{202F}''${other}]`;
  const d = decimal === '.' ? '\\.' : ',';
  const plain = `'[+-]?(\\d+${d}?\\d*|${d}\\d+)'`;
  const grouped = `'[+-]?\\d{1,3}(${groupChars}\\d{3})+(${d}\\d*)?'`;
  return `WHEN regexp_full_match(${x}, ${plain}) THEN ${toPoint(x, decimal)}
    WHEN regexp_full_match(${x}, ${grouped}) THEN ${toPoint(`regexp_replace(${x}, '${groupChars}', '', 'g')`, decimal)}`;
}

/** Number text `sql` written with `decimal` as decimal separator, with a point instead. */
function toPoint(sql: string, decimal: DecimalSeparator): string {
  return decimal === ',' ? `replace(${sql}, ',', '.')` : sql;
}

/**
 * True when `x` is a plain number (digits, then the decimal separator and digits) with no more non-zero
 * decimals than the column keeps: a value that passes is both read as itself by the first branch of
 * numberText and exact by exactSql, so neither of their regular expressions needs to run on it.
 */
function plainExactSql(x: string, spec: ColumnSpec, decimal: DecimalSeparator): string {
  const d = decimal === '.' ? '\\.' : ',';
  return `regexp_full_match(${x}, '[+-]?\\d+(${d}\\d{0,${DECIMALS[spec.type] ?? 0}}0*)?')`;
}

const DECIMALS: Readonly<Partial<Record<ColumnSpec['type'], number>>> = { money: 2, decimal: 4, integer: 0 };

/** True when the column's number text has no more non-zero decimals than its type keeps (money 2, …). */
function exactSql(spec: ColumnSpec): string {
  const places = DECIMALS[spec.type] ?? 0;
  return `(${e(spec.name)} OR regexp_full_match(${n(spec.name)}, '[+-]?\\d*(\\.\\d{0,${places}}0*)?'))`;
}

/**
 * True when the column's number is a binary floating-point artefact of a value with the type's decimals
 * (`29.610000000000003` from pandas or a Parquet DOUBLE): it differs from its rounding by less than
 * 1e-9 × max(1, |x|). A real third decimal (`12.345`) differs by at least 0.0005 and stays rejected.
 */
function artefactSql(spec: ColumnSpec): string {
  const d = `TRY_CAST(${n(spec.name)} AS DOUBLE)`;
  return `abs(${d} - round(${d}, ${DECIMALS[spec.type] ?? 0})) < 1e-9 * greatest(1, abs(${d}))`;
}

/** True when `x` is a timestamp with a zone; the regular expression runs only on long values with a zone-like end. */
function isZoned(x: string): string {
  return `(length(${x}) > 16 AND regexp_matches(${x}, ${ZONE_SUFFIX}) AND regexp_full_match(${x}, ${ZONED_TIME}))`;
}

/**
 * The instant of zoned timestamp text `x` (TIMESTAMPTZ): `Z` becomes `+00` and `HH:MM` gets `:00`, which
 * DuckDB's parser needs; NULL for an impossible day or time.
 */
function instant(x: string): string {
  const seconds = `regexp_replace(${x}, '^(.{10})[ T](\\d{2}:\\d{2})([zZ+-])', '\\1 \\2:00\\3')`;
  return `TRY_CAST(regexp_replace(${seconds}, '[zZ]$', '+00') AS TIMESTAMPTZ)`;
}

function typedValue(spec: ColumnSpec, rules: ValueRules): string {
  const x = r(spec.name);
  switch (spec.type) {
    case 'id':
    case 'text':
      return spec.values ? `CASE WHEN ${oneOf(`lower(${x})`, spec.values)} THEN lower(${x}) END` : x;
    case 'money':
    case 'decimal':
    case 'integer': {
      const exact = exactSql(spec);
      const target = spec.type === 'integer' ? 'DECIMAL(18,0)' : STORE_TYPE[spec.type];
      const value = `TRY_CAST(${n(spec.name)} AS ${target})`;
      if (spec.type === 'integer') return `CASE WHEN ${exact} THEN TRY_CAST(${value} AS INTEGER) END`;
      // --round: half away from zero, on the exact decimal text (18 decimals are more than any file has).
      const rounded = rules.round
        ? `WHEN TRY_CAST(${n(spec.name)} AS DECIMAL(38,18)) IS NOT NULL THEN TRY_CAST(round(TRY_CAST(${n(spec.name)} AS DECIMAL(38,18)), ${DECIMALS[spec.type] ?? 0}) AS ${target})`
        : '';
      // Plain values take the first branch; only the rest pay for the float-artefact test.
      return `CASE WHEN ${exact} THEN ${value}
        WHEN ${artefactSql(spec)} THEN TRY_CAST(round(TRY_CAST(${n(spec.name)} AS DOUBLE), ${DECIMALS[spec.type] ?? 0}) AS ${target})
        ${rounded} END`;
    }
    case 'boolean':
      return `CASE WHEN ${oneOf(`lower(${x})`, TRUE_WORDS)} THEN true WHEN ${oneOf(`lower(${x})`, FALSE_WORDS)} THEN false END`;
    case 'date':
      // A timestamp with a zone is an instant: its day is the local day in the import's time zone.
      return `CASE WHEN regexp_full_match(${x}, ${ISO_DAY}) THEN TRY_CAST(${x} AS DATE)
        WHEN regexp_full_match(${x}, ${COMPACT_DAY}) THEN TRY_CAST(${compactDay(x)} AS DATE)
        WHEN regexp_full_match(${x}, ${ISO_TIME}) THEN CAST(TRY_CAST(replace(${x}, 'T', ' ') AS TIMESTAMP) AS DATE)
        WHEN ${isZoned(x)} THEN CAST(timezone(${literal(rules.timeZone)}, ${instant(x)}) AS DATE) END`;
    case 'timestamp': {
      // Stored as UTC: a zoned value is its instant; a local one is wall-clock time in the import's zone.
      const local = (sql: string): string =>
        rules.timeZone === 'UTC' ? sql : `timezone('UTC', timezone(${literal(rules.timeZone)}, ${sql}))`;
      return `CASE WHEN regexp_full_match(${x}, ${ISO_TIME}) THEN ${local(`TRY_CAST(replace(${x}, 'T', ' ') AS TIMESTAMP)`)}
        WHEN regexp_full_match(${x}, ${ISO_DAY}) THEN ${local(`TRY_CAST(${x} AS TIMESTAMP)`)}
        WHEN regexp_full_match(${x}, ${COMPACT_DAY}) THEN ${local(`TRY_CAST(${compactDay(x)} AS TIMESTAMP)`)}
        WHEN ${isZoned(x)} THEN timezone('UTC', ${instant(x)}) END`;
    }
  }
}

function compactDay(x: string): string {
  return `substr(${x}, 1, 4) || '-' || substr(${x}, 5, 2) || '-' || substr(${x}, 7, 2)`;
}

/** The coded reason when the column's value is bad, else NULL. Own checks first, then cross-column ones. */
function problem(
  kind: KindSpec,
  spec: ColumnSpec,
  present: ReadonlySet<string>,
  decimal: DecimalSeparator,
): string {
  const x = r(spec.name);
  const value = v(spec.name);
  const missing = spec.required ? reasonSql('reject.missing', {}) : 'NULL';
  return `CASE WHEN __blank THEN NULL
    WHEN ${x} IS NULL THEN ${missing}
    WHEN ${value} IS NULL THEN ${invalid(spec, decimal)}
    ELSE ${rangeProblem(kind, spec, present)} END`;
}

/** Why a non-empty value did not convert. */
function invalid(spec: ColumnSpec, decimal: DecimalSeparator): string {
  const x = r(spec.name);
  const quoted = q(x);
  switch (spec.type) {
    case 'id':
    case 'text':
      return reasonSql('reject.not-one-of', {
        value: quoted,
        values: literal((spec.values ?? []).join(', ')),
      });
    case 'boolean':
      return reasonSql('reject.not-boolean', { value: quoted });
    case 'date':
      return `CASE WHEN regexp_full_match(${x}, ${ISO_DAY}) OR regexp_full_match(${x}, ${COMPACT_DAY}) OR regexp_full_match(${x}, ${ISO_TIME}) OR regexp_full_match(${x}, ${ZONED_TIME})
        THEN ${reasonSql('reject.no-such-day', { value: quoted })}
        ELSE ${reasonSql('reject.not-date', { value: quoted })} END`;
    case 'timestamp':
      return `CASE WHEN regexp_full_match(${x}, ${ISO_DAY}) OR regexp_full_match(${x}, ${COMPACT_DAY}) OR regexp_full_match(${x}, ${ISO_TIME}) OR regexp_full_match(${x}, ${ZONED_TIME})
        THEN ${reasonSql('reject.no-such-time', { value: quoted })}
        ELSE ${reasonSql('reject.not-timestamp', { value: quoted })} END`;
    case 'money':
    case 'decimal':
    case 'integer': {
      const places = DECIMALS[spec.type] ?? 0;
      const exact = exactSql(spec);
      const decimals = `length(rtrim(split_part(${n(spec.name)}, '.', 2), '0'))`;
      const tooPrecise =
        spec.type === 'integer'
          ? reasonSql('reject.not-whole', { value: quoted })
          : reasonSql('reject.too-many-decimals', { value: quoted, decimals, places: `'${places}'` });
      const notNumber = reasonSql(decimal === ',' ? 'reject.not-number-comma' : 'reject.not-number', {
        value: quoted,
      });
      return `CASE WHEN ${n(spec.name)} IS NULL THEN ${notNumber}
        WHEN NOT ${exact} THEN ${tooPrecise}
        ELSE ${reasonSql('reject.too-large', { value: quoted })} END`;
    }
  }
}

/** Range and cross-column checks on a converted value (SQL yielding a reason or NULL). */
function rangeProblem(kind: KindSpec, spec: ColumnSpec, present: ReadonlySet<string>): string {
  const x = r(spec.name);
  const value = v(spec.name);
  if (kind.kind === 'surveys' && spec.name === 'score') {
    const ranges = Object.entries(SURVEY_SCORE_RANGE);
    const lo = `CASE ${v('kind')} ${ranges.map(([k, [a]]) => `WHEN '${k}' THEN ${a}`).join(' ')} ELSE ${spec.min ?? 0} END`;
    const hi = `CASE ${v('kind')} ${ranges.map(([k, [, b]]) => `WHEN '${k}' THEN ${b}`).join(' ')} ELSE ${spec.max ?? 10} END`;
    return `CASE WHEN ${value} < ${lo} OR ${value} > ${hi} THEN
      CASE WHEN ${v('kind')} IS NULL THEN ${reasonSql('reject.out-of-range', { value: q(x), low: lo, high: hi })}
      ELSE ${reasonSql('reject.out-of-range-for', { value: q(x), kind: v('kind'), low: lo, high: hi })} END END`;
  }
  const after = AFTER[`${kind.kind}.${spec.name}`];
  if (after && present.has(after)) {
    const before = reasonSql('reject.before', { value: q(x), column: literal(after), other: q(r(after)) });
    return `CASE WHEN ${value} < ${v(after)} THEN ${before} END`;
  }
  if (spec.min === undefined && spec.max === undefined) return 'NULL';
  const bounds = [
    spec.min !== undefined ? `${value} < ${spec.min}` : null,
    spec.max !== undefined ? `${value} > ${spec.max}` : null,
  ]
    .filter((b) => b !== null)
    .join(' OR ');
  const reason =
    spec.min !== undefined && spec.max !== undefined
      ? reasonSql('reject.out-of-range', { value: q(x), low: `'${spec.min}'`, high: `'${spec.max}'` })
      : spec.min !== undefined
        ? reasonSql('reject.below', { value: q(x), low: `'${spec.min}'` })
        : reasonSql('reject.above', { value: q(x), high: `'${spec.max ?? ''}'` });
  return `CASE WHEN ${bounds} THEN ${reason} END`;
}

/** Columns that must not be earlier than another column of the same row. */
const AFTER: Readonly<Record<string, string>> = {
  'complaints.first_response_at': 'opened_at',
  'complaints.resolved_at': 'opened_at',
  'contracts.end_date': 'start_date',
};
