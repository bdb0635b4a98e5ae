/**
 * `cvm demo`: builds the deterministic demo data set (a Swedish retailer and a key-account portfolio) and
 * loads it through the ordinary import. Progress goes to stderr so that `--format json` stays parseable.
 */
import type { Command } from 'commander';
import { buildDemo, type DemoRequest, type DemoResult } from '../../app/demo/build';
import { DEFAULT_DEMO_OPTIONS } from '../../app/demo/params';
import { demoInput } from '../../app/options/demo';
import { parseOptions } from '../../app/options/parse';
import { globalOptions, print, withCliUnit } from '../context';
import { inBoth, l } from '../views/labels';
import { formatNumber, type Lang, type Printable } from '../output';
import { help } from '../help';
import { renderMessage } from '../../core/messages/catalogue';
import type { Message } from '../../core/messages/message';

interface DemoFlags {
  customers: string;
  seed: string;
  end: string;
  years: string;
  out?: string;
  replace?: boolean;
}

/** The demo request `cvm demo` and `cvm start` build from their flags. */
export function demoRequest(flags: Partial<DemoFlags>, onProgress?: (message: Message) => void): DemoRequest {
  return { ...parseOptions(demoInput, flags), onProgress };
}

/** Writes a progress line to stderr, where it does not mix with the printed result. */
export function stderrLine(message: string): void {
  process.stderr.write(`cvm: ${message}\n`);
}

/** Writes a message to stderr in `lang`, as a progress line. */
export const stderrMessage =
  (lang: Lang) =>
  (message: Message): void =>
    stderrLine(renderMessage(message, lang));

/** The elapsed time of a demo build, one line. */
export function demoTimeLine(result: DemoResult, lang: Lang): string {
  const s = (x: number): string => formatNumber(x, 1, lang);
  const { generate, write, load, total } = result.seconds;
  return lang === 'sv'
    ? `demodata byggt och laddat på ${s(total)} s (generering ${s(generate)} s, skrivning ${s(write)} s, laddning ${s(load)} s)`
    : `demo built and loaded in ${s(total)} s (generate ${s(generate)} s, write ${s(write)} s, load ${s(load)} s)`;
}

export function demoPrintable(result: DemoResult, lang: Lang): Printable {
  const { customers, seed, end, years } = result.options;
  return {
    json: result,
    tables: [
      {
        name: 'files',
        title: l(
          `Demo data: ${formatNumber(customers, 0, lang)} customers, seed ${seed}, ${years} years ending ${end}`,
          `Demodata: ${formatNumber(customers, 0, lang)} kunder, seed ${seed}, ${years} år till ${end}`,
        ),
        columns: [
          { key: 'kind', label: l('Kind', 'Typ'), type: 'text' },
          { key: 'rows', label: l('Rows', 'Rader'), type: 'int' },
          { key: 'file', label: l('File', 'Fil'), type: 'text' },
        ],
        rows: result.loaded.map((k) => ({ ...k, file: result.out ? k.file : '' })),
        notes: [
          inBoth((lang) => demoTimeLine(result, lang)),
          ...(result.out
            ? []
            : [
                l(
                  'files removed (use --out to keep them)',
                  'filerna togs bort (ange --out för att behålla dem)',
                ),
              ]),
        ],
      },
    ],
  };
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(help('help.list.demo'))
    .option('--customers <n>', help('help.demo.customers'), String(DEFAULT_DEMO_OPTIONS.customers))
    .option('--seed <n>', help('help.demo.seed'), String(DEFAULT_DEMO_OPTIONS.seed))
    .option('--end <date>', help('help.demo.end'), DEFAULT_DEMO_OPTIONS.end)
    .option('--years <n>', help('help.demo.years'), String(DEFAULT_DEMO_OPTIONS.years))
    .option('--out <dir>', help('help.demo.out'))
    .option('--replace', help('help.demo.replace'), false)
    .action(async (flags: DemoFlags, command: Command) => {
      const options = globalOptions(command);
      const request = demoRequest(flags, stderrMessage(options.lang));
      const result = await withCliUnit(options, (unit) => buildDemo(unit, request), { create: true });
      print(demoPrintable(result, options.lang), options);
    });
}
