/**
 * `cvm import <kind> <file>`: loads one file through the import use case. Prints `N imported, M rejected →
 * rejects.csv` (or the ImportResult with `--format json`); the first problems go to stderr. A progress bar
 * shows on a terminal; `--verbose` prints one line per phase instead.
 */
import type { Command } from 'commander';
import { importFile, type ImportProgress, type ImportRequest, type ImportResult } from '../../app/import';
import { importInput, importRequest } from '../../app/options/import';
import { KIND_NAMES } from '../../core/kinds';
import { parseOptions } from '../../app/options/parse';
import { globalOptions, localToday, print, withCliUnit, type GlobalOptions } from '../context';
import { formatNumber, type Lang, type Printable } from '../output';
import { msg, renderMessage, type Message } from '../../core/messages/catalogue';
import { earlierImportsWarning, ruleLine } from '../views/imports';

interface Options {
  map: string[];
  delimiter?: string;
  decimal?: string;
  encoding?: string;
  strict?: boolean;
  replace?: boolean;
  round?: boolean;
  timeZone?: string;
  header?: boolean;
  columns?: string;
  rejects?: string;
  sheet?: string;
  inputFormat?: string;
}

/** Problems echoed to stderr after an import with rejects. */
const SHOWN_PROBLEMS = 3;

export function registerImport(program: Command): void {
  program
    .command('import')
    .description(`load a CSV, XLSX, Parquet or JSON file of one kind (${KIND_NAMES.join(', ')})`)
    .argument('<kind>', 'what the file holds')
    .argument('<file>', 'the file (.csv .txt .tsv .xlsx .parquet .json .ndjson .jsonl)')
    .option(
      '--map <column=header>',
      'read a column from a differently named header (repeatable, or a,b)',
      collect,
      [],
    )
    .option(
      '--delimiter <char>',
      'CSV field delimiter: , ; tab space | or whitespace (runs of blanks) (default: detected)',
    )
    .option('--decimal <char>', 'decimal separator: . or , (default: detected)')
    .option(
      '--encoding <name>',
      'CSV text encoding: utf-8, windows-1252 or latin1 (default: UTF-8 if valid, else windows-1252)',
    )
    .option('--strict', 'import nothing if any row is bad')
    .option(
      '--replace',
      'replace what earlier imports of this file (same kind, same path) brought in (see cvm imports list)',
    )
    .option(
      '--time-zone <zone>',
      'IANA time zone of the data: a timestamp with a zone gives its local day there (default: UTC)',
    )
    .option('--no-header', 'the CSV file has no header line: name its columns with --columns')
    .option('--columns <a,b,c>', 'the columns of a file without a header, in order (canonical names)')
    .option('--round', 'round amounts with more decimals than the store keeps instead of rejecting them')
    .option('--rejects <path>', 'where to write rejected rows (default: <file>.rejects.csv)')
    .option('--sheet <name>', 'XLSX worksheet (default: the first)')
    .option('--input-format <format>', 'csv, xlsx, parquet or json (default: from the extension)')
    .action(async (kind: string, file: string, options: Options, command: Command) => {
      const global = globalOptions(command);
      const request = { ...buildRequest(kind, file, options), lang: global.lang };
      const progress = await progressReporter(global);
      let result: ImportResult;
      try {
        result = await withCliUnit(
          global,
          (unit) => importFile(unit, { ...request, today: localToday(), onProgress: progress.report }),
          { create: true },
        );
      } finally {
        progress.stop();
      }
      const earlier = earlierImportsWarning(result, request.replace === true);
      if (earlier !== null) result = { ...result, warnings: [...result.warnings, earlier] };
      if (global.format === 'table') {
        process.stdout.write(summaryLines(result, global).join('\n') + '\n');
        reportProblems(result, global.lang);
      } else print(importPrintable(result), global);
    });
}

/** Parses the command's arguments into an import request; option problems name the bad option. */
export function buildRequest(kind: string, file: string, options: Options): ImportRequest {
  return importRequest(parseOptions(importInput, { ...options, kind }), file);
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** The table-format output: the counts line and, when some headers were not used, which. */
export function summaryLines(result: ImportResult, options: GlobalOptions): string[] {
  const n = (value: number): string => formatNumber(value, 0, options.lang);
  const sv = options.lang === 'sv';
  const imported = `${n(result.imported)} ${sv ? 'importerade' : 'imported'}`;
  const lines = [
    result.rejected > 0
      ? `${imported}, ${n(result.rejected)} ${sv ? 'avvisade' : 'rejected'} → ${result.rejectsPath ?? ''}`
      : imported,
  ];
  lines.push(ruleLine(result, options.lang));
  if (result.zoned > 0)
    lines.push(
      sv
        ? `${n(result.zoned)} rader med tidszon omräknade till ${result.timeZone}`
        : `${n(result.zoned)} rows with a time zone converted to ${result.timeZone}`,
    );
  if (result.rounded > 0)
    lines.push(
      sv
        ? `${n(result.rounded)} rader med belopp avrundade (--round)`
        : `${n(result.rounded)} rows with amounts rounded (--round)`,
    );
  if (result.encoding !== null && result.encoding !== 'utf-8')
    lines.push(`${sv ? 'läst som' : 'read as'} ${result.encoding}`);
  if (result.ignoredColumns.length > 0)
    lines.push(
      `${sv ? 'ignorerade kolumner' : 'ignored columns'}: ${result.ignoredColumns.map((c) => JSON.stringify(c)).join(', ')}`,
    );
  return lines;
}

/** `--format json` prints the ImportResult as is; `--format csv` one row of it. */
export function importPrintable(result: ImportResult): Printable {
  return {
    json: result,
    tables: [
      {
        name: 'import',
        columns: [
          { key: 'kind', label: 'kind', type: 'text' },
          { key: 'source', label: 'source', type: 'text' },
          { key: 'imported', label: 'imported', type: 'int' },
          { key: 'importId', label: 'import', type: 'int' },
          { key: 'rule', label: 'rule', type: 'text' },
          { key: 'replacedByKey', label: 'replaced by key', type: 'int' },
          { key: 'rejected', label: 'rejected', type: 'int' },
          { key: 'rejectsPath', label: 'rejects path', type: 'text' },
          { key: 'ignoredColumns', label: 'ignored columns', type: 'text' },
        ],
        rows: [{ ...result, ignoredColumns: result.ignoredColumns.join(';') }],
      },
    ],
  };
}

function reportProblems(result: ImportResult, lang: Lang): void {
  const say = (m: Message): boolean => process.stderr.write(`cvm: ${renderMessage(m, lang)}\n`);
  for (const warning of result.warnings) say(msg('import.warning', { warning }));
  for (const problem of result.problems.slice(0, SHOWN_PROBLEMS)) say(problem);
  // result.problems holds the first few problems only; more rows or problems than shown: point to the file.
  if (result.problems.length > SHOWN_PROBLEMS || result.rejected > SHOWN_PROBLEMS)
    say(msg('import.see-rejects', { rejectsPath: result.rejectsPath ?? '' }));
}

interface ProgressReporter {
  report: (progress: ImportProgress) => void;
  stop: () => void;
}

/**
 * Phase lines with --verbose, a bar on a terminal, nothing otherwise (stderr is not a terminal). The bar's
 * package is imported only here, so that it does not slow down the start of every other command.
 */
async function progressReporter(options: GlobalOptions): Promise<ProgressReporter> {
  const { SingleBar } = await import('cli-progress');
  if (options.verbose)
    return {
      report: (p) => {
        if (p.message) process.stderr.write(`cvm import: ${p.message}\n`);
      },
      stop: () => undefined,
    };
  if (!process.stderr.isTTY) return { report: () => undefined, stop: () => undefined };
  const bar = new SingleBar({
    format: 'import {phase} [{bar}] {percentage}%',
    stream: process.stderr,
    clearOnComplete: true,
    hideCursor: true,
  });
  let started = false;
  return {
    report: (p) => {
      const value = Math.round(p.fraction * 100);
      if (!started) {
        bar.start(100, value, { phase: p.phase });
        started = true;
      } else bar.update(value, { phase: p.phase });
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
