/**
 * The command line in Swedish: `--lang sv` (anywhere, also `--lang=sv`) gives Swedish help for every
 * command, commander's headings and errors in Swedish, and the CLI's own errors from the catalogue; English
 * stays commander's own wording. Runs the built bin/cvm.mjs; the program walk builds it in process.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Help, type Command } from 'commander';
import { describe, expect, it } from 'vitest';
import packageJson from '../package.json';
import { COMMAND_NAMES, buildProgram } from '../src/cli/program';
import { cliOn } from './cli';
import { sourceFiles } from './sources';

const cvm = cliOn(join(mkdtempSync(join(tmpdir(), 'cvm-cli-sv-')), 'cli.duckdb'));

describe('help with --lang sv', () => {
  it('is Swedish at the top level: headings, usage, options with their choices and defaults, commands', () => {
    const run = cvm('--lang', 'sv', '--help');
    expect(run.status).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('Användning: cvm [flaggor] [kommando]');
    expect(lines).toContain('Flaggor:');
    expect(lines).toContain('Kommandon:');
    expect(run.stdout).toMatch(
      /--format <format> +utdataformat \(val: "table", "json", "csv", standard:\s+"table"\)/,
    );
    expect(run.stdout).toMatch(/-h, --help +visa hjälp för kommandot/);
    expect(run.stdout).toMatch(/help \[kommando\] +visa hjälp för ett kommando/);
    expect(run.stdout).toMatch(/report +rapporter: portfolio/);
    expect(run.stdout).not.toMatch(/Usage|Options:|Commands:|display help|default:/);
  });

  it('is Swedish for a command and a subcommand, with --lang=sv too and --lang after the command', () => {
    const report = cvm('--lang=sv', 'report', '--help');
    expect(report.status).toBe(0);
    expect(report.stdout).toMatch(/^Användning: cvm report \[flaggor\] \[kommando\]\n/);
    expect(report.stdout).toMatch(
      /portfolio \[flaggor\] +medlemmar, retention, varaktighet, CLV och värde per/,
    );
    const portfolio = cvm('report', 'portfolio', '--help', '--lang', 'sv');
    expect(portfolio.status).toBe(0);
    expect(portfolio.stdout).toMatch(/^Användning: cvm report portfolio \[flaggor\]\n/);
    expect(portfolio.stdout).toMatch(
      /--window <months> +fönstrets längd i hela månader \(12, 6, 3, 1 …\)\s+\(standard: "12"\)/,
    );
    expect(portfolio.stdout).toContain('rapportdag ÅÅÅÅ-MM-DD');
    // `help NAME` loads the command it names in full, like `NAME --help`
    expect(cvm('--lang', 'sv', 'help', 'report').stdout).toBe(report.stdout);
    const imports = cvm('--lang', 'sv', 'import', '--help');
    expect(imports.stdout).toMatch(/\nArgument:\n +kind +vad filen innehåller\n/);
  });

  it('stays commander’s English without --lang sv', () => {
    const run = cvm('report', 'portfolio', '--help');
    expect(run.stdout).toMatch(/^Usage: cvm report portfolio \[options\]\n/);
    expect(run.stdout).toMatch(
      /--window <months> +window length in whole months \(12, 6, 3, 1 …\)\s+\(default: "12"\)/,
    );
    expect(run.stdout).toMatch(/-h, --help +display help for command/);
  });

  it('shows the Swedish help on stderr for `cvm --lang sv` without a command, and the version as it is', () => {
    const bare = cvm('--lang', 'sv');
    expect(bare.status).toBe(2);
    expect(bare.stderr).toMatch(/^Användning: cvm \[flaggor\] \[kommando\]\n/);
    const version = cvm('--lang', 'sv', '--version');
    expect(version).toEqual({ status: 0, stdout: `${packageJson.version}\n`, stderr: '' });
  });
});

describe('commander’s errors with --lang sv', () => {
  /** The first line of stderr (commander then prints the command's help, in Swedish too). */
  const error = (...args: string[]): { status: number | null; first: string; rest: string } => {
    const run = cvm('--lang', 'sv', ...args);
    const [first = '', ...rest] = run.stderr.split('\n');
    return { status: run.status, first, rest: rest.join('\n') };
  };

  it('words an unknown option with commander’s suggestion', () => {
    const run = cvm('--lang', 'sv', 'report', 'portfolio', '--windw', '3');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /^fel: okänd flagga '--windw'\n\(Menade du --window\?\)\n\nAnvändning: cvm report portfolio/,
    );
    const english = cvm('report', 'portfolio', '--windw', '3');
    expect(english.stderr).toMatch(/^error: unknown option '--windw'\n\(Did you mean --window\?\)\n\nUsage:/);
    expect(english.status).toBe(2);
  });

  it('words an unknown command with its suggestion', () => {
    const run = cvm('--lang', 'sv', 'reprot');
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^fel: okänt kommando 'reprot'\n\(Menade du report\?\)\n/);
    expect(error('segmnts').first).toBe("fel: okänt kommando 'segmnts'");
  });

  it('words a missing argument, a missing option value and a missing required option', () => {
    expect(error('import', 'transactions')).toMatchObject({
      status: 2,
      first: "fel: argumentet 'file' saknas",
    });
    expect(error('report', 'portfolio', '--window')).toMatchObject({
      status: 2,
      first: "fel: flaggan '--window <months>' saknar sitt värde",
    });
    const missing = error('delete');
    expect(missing).toMatchObject({ status: 2, first: "fel: flaggan '--customer <id>' måste anges" });
    expect(missing.rest).toContain('Användning: cvm delete [flaggor]');
  });

  it('words an invalid choice and excess arguments', () => {
    expect(error('--format', 'xml', 'info')).toMatchObject({
      status: 2,
      first:
        "fel: värdet 'xml' för flaggan '--format <format>' är ogiltigt. Tillåtna val är table, json, csv.",
    });
    expect(error('info', 'extra')).toMatchObject({
      status: 2,
      first: "fel: för många argument till 'info'. Väntade 0 argument men fick 1.",
    });
    expect(error('customer', 'c1', 'c2')).toMatchObject({
      status: 2,
      first: "fel: för många argument till 'customer'. Väntade 1 argument men fick 2.",
    });
    expect(cvm('info', 'extra').stderr).toMatch(
      /^error: too many arguments for 'info'\. Expected 0 arguments but got 1\.\n/,
    );
  });
});

describe('the CLI’s own errors with --lang sv', () => {
  it('are catalogue messages rendered in Swedish, with the option names as typed', () => {
    expect(cvm('--lang', 'sv', 'accounts', 'scorecard', '--save', '--reset')).toMatchObject({
      status: 2,
      stderr: 'cvm: ange --save eller --reset, inte båda\n',
    });
    expect(cvm('--lang', 'sv', 'model', 'fit', 'sbg')).toMatchObject({
      status: 2,
      stderr:
        'cvm: --summary: sbg anpassas på en fil med antal kvarvarande per kohort (period, surviving) eller livslängder (periods, churned): ange den med --summary\n',
    });
    // the bucket simulation prints one table, `bucket`: another name lists it
    const table = cvm(
      '--lang',
      'sv',
      '--table',
      'nope',
      'simulate',
      'bucket',
      '--acquisition',
      '10',
      '--churn',
      '5',
    );
    expect(table).toMatchObject({
      status: 2,
      stderr: 'cvm: --table: "nope" är inte en tabell i den här utdatan (bucket)\n',
    });
    expect(cvm('--table', 'nope', 'simulate', 'bucket', '--acquisition', '10', '--churn', '5').stderr).toBe(
      'cvm: --table: "nope" is not a table of this output (bucket)\n',
    );
  });
});

/** Every command of a program, the program first, with its path of names. */
function commandsOf(command: Command, path: string[] = []): [string, Command][] {
  const here = [...path, command.name()];
  return [[here.join(' '), command], ...command.commands.flatMap((c) => commandsOf(c, here))];
}

/** The descriptions `--help` shows of a command: its own, its arguments', options' and subcommands'. */
function descriptions(command: Command): Map<string, string> {
  const help = new Help();
  const out = new Map<string, string>([['(command)', command.description()]]);
  for (const a of help.visibleArguments(command)) out.set(`<${a.name()}>`, a.description);
  for (const o of help.visibleOptions(command)) out.set(o.flags, o.description);
  for (const c of help.visibleCommands(command)) out.set(`command ${c.name()}`, c.description());
  return out;
}

/** A text of option names, kinds and other words the user types only: the same in both languages. */
const identifiersOnly = (text: string): boolean =>
  text
    .split(/[\s,;:()]+/)
    .every((word) => word === '' || /^(--?[\w-]+|[a-z]+[-_][\w-]*|[\W\d]+)$/.test(word));

describe('every command and option', () => {
  it('has a description in English and in Swedish, and the Swedish is not the English', async () => {
    const checked: string[] = [];
    const untranslated: string[] = [];
    for (const name of COMMAND_NAMES) {
      const en = commandsOf(await buildProgram(['node', 'cvm', name]));
      const sv = new Map(commandsOf(await buildProgram(['node', 'cvm', '--lang', 'sv', name])));
      for (const [path, command] of en) {
        const svCommand = sv.get(path);
        expect(svCommand, path).toBeDefined();
        const svTexts = descriptions(svCommand as Command);
        for (const [what, text] of descriptions(command)) {
          const where = `${path} ${what}`;
          checked.push(where);
          expect(text, where).not.toBe('');
          const svText = svTexts.get(what);
          expect(svText, where).toBeTruthy();
          if (svText === text && !identifiersOnly(text)) untranslated.push(`${where}: ${text}`);
        }
      }
    }
    expect(untranslated).toEqual([]);
    // every command loaded in full once: the top level (18 commands and help) and every subcommand's options
    expect(new Set(checked).size).toBeGreaterThan(250);
  });
});

describe('the command line’s source', () => {
  it('writes no user-facing text of its own: descriptions, errors and lines come from the catalogue', () => {
    const root = resolve('src', 'cli');
    const files = sourceFiles(root);
    expect(files.length).toBeGreaterThan(20);
    const written = [
      // a CvmError or an option problem with written text
      /new CvmError\(\s*'[\w-]+',\s*[`'"]/g,
      /invalidOption\(\s*[^,()]+,\s*[^,()]+,\s*(?:'[^']*'|`[^`]*`|[^,()]+),\s*[`'"]/g,
      // a description of a command, argument or option written as text
      /\.(?:description|summary)\(\s*[`'"]/g,
      /\.(?:option|requiredOption|argument|helpOption)\(\s*'[^']*',\s*[`'"]/g,
      /new Option\(\s*'[^']*',\s*[`'"]/g,
    ];
    // a line written to stdout or stderr with words in it (`cvm: ${…}` and `cvm import: ${…}` name the program)
    const line = /process\.std(?:out|err)\.write\(\s*(['"`])((?:(?!\1)[^\\]|\\.)*)\1/g;
    const wordy = (literal: string): boolean =>
      /[A-Za-z]{2,}/.test(
        literal
          .replace(/\$\{[^}]*\}/g, '')
          .replace(/\\[nt]/g, '')
          .replace(/^cvm( import)?: /, ''),
      );
    const offenders = files.flatMap((path) => {
      const text = readFileSync(path, 'utf8');
      const at = (index: number): string =>
        `${path.slice(root.length + 1)}:${text.slice(0, index).split('\n').length}`;
      return [
        ...written.flatMap((pattern) => [...text.matchAll(pattern)].map((m) => at(m.index))),
        ...[...text.matchAll(line)].filter((m) => wordy(m[2] ?? '')).map((m) => at(m.index)),
      ];
    });
    expect(offenders).toEqual([]);
  });
});
