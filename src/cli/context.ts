/** Global CLI options shared by every command, and helpers to read them. */
import type { Command } from 'commander';
import { CvmError } from '../core/errors';
import type { Format, Lang, OutputOptions, Printable } from './output';
import { render } from './output';

export interface GlobalOptions {
  db?: string;
  format: Format;
  lang: Lang;
  currency: string;
  verbose: boolean;
}

/** The global options of the program a (sub)command belongs to, validated. */
export function globalOptions(command: Command): GlobalOptions {
  const raw = command.optsWithGlobals<Record<string, unknown>>();
  const format = typeof raw.format === 'string' ? raw.format : 'table';
  if (format !== 'table' && format !== 'json' && format !== 'csv')
    throw new CvmError(
      'usage',
      `--format: ${JSON.stringify(format)} is not a format (expected table, json or csv)`,
    );
  const lang = typeof raw.lang === 'string' ? raw.lang : 'en';
  if (lang !== 'en' && lang !== 'sv')
    throw new CvmError('usage', `--lang: ${JSON.stringify(lang)} is not supported (expected en or sv)`);
  return {
    db: typeof raw.db === 'string' ? raw.db : undefined,
    format,
    lang,
    currency: typeof raw.currency === 'string' ? raw.currency : lang === 'sv' ? 'kr' : '',
    verbose: raw.verbose === true,
  };
}

export function outputOptions(options: GlobalOptions): OutputOptions {
  return { format: options.format, lang: options.lang, currency: options.currency };
}

/** Prints a result to stdout in the selected format. */
export function print(printable: Printable, options: GlobalOptions): void {
  process.stdout.write(render(printable, outputOptions(options)) + '\n');
}
