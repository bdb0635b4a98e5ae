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
import { help, helpMessage } from '../help';

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
    .description(helpMessage(msg('help.import', { kinds: KIND_NAMES.join(', ') })))
    .argument('<kind>', help('help.import.kind'))
    .argument('<file>', help('help.import.file'))
    .option('--map <column=header>', help('help.import.map'), collect, [])
    .option('--delimiter <char>', help('help.import.delimiter'))
    .option('--decimal <char>', help('help.import.decimal'))
    .option('--encoding <name>', help('help.import.encoding'))
    .option('--strict', help('help.import.strict'))
    .option('--replace', help('help.import.replace'))
    .option('--time-zone <zone>', help('help.import.time-zone'))
    .option('--no-header', help('help.import.no-header'))
    .option('--columns <a,b,c>', help('help.import.columns'))
    .option('--round', help('help.import.round'))
    .option('--rejects <path>', help('help.import.rejects'))
    .option('--sheet <name>', help('help.import.sheet'))
    .option('--input-format <format>', help('help.import.input-format'))
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
        if (p.message) process.stderr.write(`cvm import: ${renderMessage(p.message, options.lang)}\n`);
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
