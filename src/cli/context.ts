/** Global CLI options shared by every command, and helpers to read them. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import type { Store, StoreUnit } from '../data/store';
import { CvmError, invalidOption } from '../core/errors';
import type { Format, Lang, OutputOptions, Printable } from './output';
import { render, selectTable } from './output';
import { msg } from '../core/messages/catalogue';

export interface GlobalOptions {
  db?: string;
  format: Format;
  lang: Lang;
  currency: string;
  /** `--table`: the table of a command's output to print */
  table?: string;
  verbose: boolean;
}

/** The global options of the program a (sub)command belongs to, validated. */
export function globalOptions(command: Command): GlobalOptions {
  const raw = command.optsWithGlobals<Record<string, unknown>>();
  const format = typeof raw.format === 'string' ? raw.format : 'table';
  if (format !== 'table' && format !== 'json' && format !== 'csv')
    throw invalidOption(
      'format',
      format,
      'a format (expected table, json or csv)',
      msg('cli.not-format', { value: format }),
    );
  const lang = typeof raw.lang === 'string' ? raw.lang : 'en';
  if (lang !== 'en' && lang !== 'sv') throw invalidOption('lang', lang, 'a language (expected en or sv)');
  return {
    db: typeof raw.db === 'string' ? raw.db : undefined,
    format,
    lang,
    currency: typeof raw.currency === 'string' ? raw.currency : lang === 'sv' ? 'kr' : '',
    ...(typeof raw.table === 'string' ? { table: raw.table } : {}),
    verbose: raw.verbose === true,
  };
}

export function outputOptions(options: GlobalOptions): OutputOptions {
  return {
    format: options.format,
    lang: options.lang,
    currency: options.currency,
    ...(options.table === undefined ? {} : { table: options.table }),
  };
}

/** Prints a result to stdout in the selected format. */
export function print(printable: Printable, options: GlobalOptions): void {
  process.stdout.write(render(printable, outputOptions(options)) + '\n');
}

/**
 * Writes the tables of a result as CSV files `<dir>/<name>.csv` (only the `--table` one when it is given),
 * in the CSV dialect of the language, and prints the paths written, one a line.
 */
export function writeTables(printable: Printable, dir: string, options: GlobalOptions): void {
  const chosen =
    options.table === undefined ? printable.tables : [selectTable(printable.tables, options.table)];
  const written: string[] = [];
  try {
    mkdirSync(dir, { recursive: true });
    for (const table of chosen) {
      if (!table) continue;
      const path = join(dir, `${table.name}.csv`);
      const csv = render(printable, { ...outputOptions(options), format: 'csv', table: table.name });
      writeFileSync(path, csv + '\n');
      written.push(path);
    }
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new CvmError('data-source', msg('cli.cannot-write-tables', { dir, detail }), { cause: error });
  }
  process.stdout.write(written.map((path) => path + '\n').join(''));
}

/** The embedded database the CLI uses when neither `--db` nor $CVM_DB names one. */
export const DEFAULT_DB = 'cvm.duckdb';

/** The store location the CLI uses: `--db`, else $CVM_DB, else ./cvm.duckdb. */
export function storeLocation(
  options: Pick<GlobalOptions, 'db'>,
  env: NodeJS.ProcessEnv = process.env,
): string {
  return options.db ?? env.CVM_DB ?? DEFAULT_DB;
}

/**
 * Opens the CLI's store, runs `work` on one unit of work, and closes the store; only commands that write
 * (`create`: import, demo, start) may create a new database file. The composition root is
 * imported only when a command runs: the database driver (DuckDB) and the XLSX reader behind it load only
 * then, so `cvm --help` and the store-free simulations start fast (bundled, it becomes its own chunk).
 */
export async function withCliUnit<T>(
  options: Pick<GlobalOptions, 'db'>,
  work: (unit: StoreUnit, store: Store) => Promise<T>,
  open: { create?: boolean } = { create: false },
): Promise<T> {
  const { withUnit } = await import('../app/open-store');
  return withUnit(storeLocation(options), work, open);
}

/** How the CLI spells a use-case option in messages: `windowMonths` given as `--window` … */
export function cliOption(field: string): string {
  if (['kind', 'file', 'model', 'kpi', 'username', 'password'].includes(field)) return field;
  if (field === 'importId') return 'id';
  return `--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** Today's date on this machine's clock (local zone), the one place the CLI reads the clock for reports. */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
