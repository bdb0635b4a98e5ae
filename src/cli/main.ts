/**
 * The `cvm` command line: argv → app → output. The only place that calls process.exit and the one place
 * that maps error codes to exit codes: 0 ok, 1 failure, 2 bad usage or input.
 */
import { Command, CommanderError, Option } from 'commander';
import packageJson from '../../package.json';
import { CvmError, optionMessage, type ErrorCode } from '../core/errors';
import { cliOption } from './context';
import { registerAccounts } from './commands/accounts';
import { registerImport } from './commands/import';
import { registerModels } from './commands/model';
import { registerReports } from './commands/report';
import { registerSimulate } from './commands/simulate';
import { registerDemo } from './commands/demo';
import { registerInfo } from './commands/info';
import { registerKpi } from './commands/kpi';
import { registerStart } from './commands/start';

const EXIT_CODES: Record<ErrorCode, number> = {
  'invalid-input': 2,
  'not-found': 1,
  conflict: 1,
  'data-source': 1,
};

export function buildProgram(): Command {
  const program = new Command('cvm')
    .description(
      'Customer value management: value tiers, flows, retention, CLV, key-account risk and service KPIs',
    )
    .option('--db <file>', 'database file (default: $CVM_DB or ./cvm.duckdb)')
    .addOption(
      new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'),
    )
    .addOption(new Option('--lang <lang>', 'labels and number format').choices(['en', 'sv']).default('en'))
    .option('--currency <suffix>', 'currency suffix for money in tables (default: none, "kr" with --lang sv)')
    .option(
      '--table <name>',
      'the table of a report to print (csv prints one: the first by default); an unknown name lists them',
    )
    .option('--verbose', 'show progress details and stack traces', false)
    .version(packageJson.version, '-V, --version', 'print the version of cvm')
    .showHelpAfterError()
    .exitOverride();
  registerImport(program);
  registerReports(program);
  registerSimulate(program);
  registerAccounts(program);
  registerModels(program);
  registerKpi(program);
  registerDemo(program);
  registerInfo(program);
  registerStart(program);
  for (const command of program.commands) command.exitOverride();
  return program;
}

async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // help and version are "errors" to commander; they already printed what they had to
      return error.exitCode === 0 ? 0 : 2;
    }
    const verbose = argv.includes('--verbose');
    if (error instanceof CvmError) {
      process.stderr.write(`cvm: ${optionMessage(error, cliOption)}\n`);
      if (verbose && error.stack) process.stderr.write(error.stack + '\n');
      return EXIT_CODES[error.code];
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `cvm: internal error: ${message.split('\n')[0]}${verbose ? '' : ' (run with --verbose for details)'}\n`,
    );
    if (verbose && error instanceof Error && error.stack) process.stderr.write(error.stack + '\n');
    return 1;
  }
}

// Ctrl-C: every write runs in a transaction (an import, the whole demo), so stopping here keeps nothing of
// an unfinished one; say so instead of dying silently. 130 is the shell's code for an interrupt.
process.on('SIGINT', () => {
  process.stderr.write('cvm: interrupted; nothing of an unfinished import or demo was kept\n');
  process.exit(130);
});

process.exitCode = await main(process.argv);
