/**
 * The `cvm` command line: argv → app → output. The only place that calls process.exit and the one place
 * that maps error codes to exit codes: 0 ok, 1 failure, 2 bad usage or input.
 */
import { Command, CommanderError, Option } from 'commander';
import packageJson from '../../package.json';
import { CvmError, optionMessage, type ErrorCode } from '../core/errors';
import type { Lang } from '../core/messages/message';
import { cliOption } from './context';

/** A top-level command: its one-line description, and how to load its module and register it in full. */
interface CommandEntry {
  description: string;
  load: () => Promise<(program: Command) => void>;
}

/**
 * The commands, loaded on demand: only the command that runs is imported (with the use cases, zod schemas,
 * models and readers behind it); the others are listed by name and description, so `cvm --help` starts on
 * commander alone. The descriptions here are the ones `cvm --help` shows.
 */
const COMMANDS: Record<string, CommandEntry> = {
  import: {
    description: 'load a CSV, XLSX, Parquet or JSON file of one kind',
    load: async () => (await import('./commands/import')).registerImport,
  },
  imports: {
    description: 'the import log: list imports, undo one',
    load: async () => (await import('./commands/imports')).registerImports,
  },
  report: {
    description:
      'reports: portfolio, flows, retention, cohorts, concentration, service, satisfaction, subscription, products, product-churn, loyalty-depth, programme',
    load: async () => (await import('./commands/report')).registerReports,
  },
  simulate: {
    description: 'loyalty what-ifs: retention, leaking bucket, loyal customer',
    load: async () => (await import('./commands/simulate')).registerSimulate,
  },
  customer: {
    description:
      'one customer: history, tier per window, complaints, survey answers, contracts, key accounts',
    load: async () => (await import('./commands/customer')).registerCustomer,
  },
  delete: {
    description: 'erase one customer: their rows of every kind, counted per kind (--dry-run counts only)',
    load: async () => (await import('./commands/delete')).registerDelete,
  },
  accounts: {
    description: 'key accounts: relationship risk, CLV, sensitivity, backtest, scorecard, policy matrix',
    load: async () => (await import('./commands/accounts')).registerAccounts,
  },
  model: {
    description: 'probabilistic CLV: fit BG/NBD, Pareto/NBD, Gamma-Gamma …, predict, validate',
    load: async () => (await import('./commands/model')).registerModels,
  },
  kpi: {
    description: 'the KPI board: targets, deadlines, owners and status',
    load: async () => (await import('./commands/kpi')).registerKpi,
  },
  segments: {
    description: 'value × loyalty segments with named cells, and movement between them',
    load: async () => (await import('./commands/strategy')).registerSegments,
  },
  lifecycle: {
    description: 'lifecycle phases, and KPIs per phase, tier and segment',
    load: async () => (await import('./commands/strategy')).registerLifecycle,
  },
  actions: {
    description: 'next best actions from situation triggers, ranked by value at stake; --export',
    load: async () => (await import('./commands/strategy')).registerActions,
  },
  demo: {
    description: 'build and load a realistic, deterministic demo data set (docs/demo.md)',
    load: async () => (await import('./commands/demo')).registerDemo,
  },
  info: {
    description: 'what is loaded: rows and date ranges per table, and the latest imports',
    load: async () => (await import('./commands/info')).registerInfo,
  },
  start: {
    description: 'build the demo into an empty database, summarise it, then serve the dashboard and API',
    load: async () => (await import('./commands/start')).registerStart,
  },
  summary: {
    description: 'summarise what is loaded: data, headline, portfolio, key accounts turning negative',
    load: async () => (await import('./commands/start')).registerSummary,
  },
  serve: {
    description: 'serve the HTTP API and the dashboard on this store until Ctrl-C',
    load: async () => (await import('./commands/serve')).registerServe,
  },
  user: {
    description: 'users of the HTTP API: add, list, remove, set-role',
    load: async () => (await import('./commands/user')).registerUser,
  },
};

/** Global options that take a value: their value is not the command's name. */
const VALUE_OPTIONS = new Set(['--db', '--format', '--lang', '--currency', '--table']);

/** The command named in `argv` (after node and the script), if any. */
function commandIn(argv: readonly string[]): string | undefined {
  for (let i = 2; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (VALUE_OPTIONS.has(arg)) i++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

const EXIT_CODES: Record<ErrorCode, number> = {
  'invalid-input': 2,
  'not-found': 1,
  conflict: 1,
  'data-source': 1,
};

/** The program with the command `argv` names registered in full, and the others by name. */
export async function buildProgram(argv: readonly string[]): Promise<Command> {
  const program = new Command('cvm')
    .description(
      'Customer value management: value tiers, flows, retention, CLV, key-account risk and service KPIs',
    )
    .option('--db <location>', 'DuckDB file or postgres:// URL (default: $CVM_DB or ./cvm.duckdb)')
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
  const named = commandIn(argv);
  for (const [name, entry] of Object.entries(COMMANDS)) {
    if (name === named) (await entry.load())(program);
    else program.command(name).description(entry.description);
  }
  for (const command of program.commands) command.exitOverride();
  return program;
}

/** The language an error is shown in: `--lang sv` (or `--lang=sv`) anywhere on the command line. */
function langOf(argv: readonly string[]): Lang {
  const i = argv.indexOf('--lang');
  const value = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
  return value === 'sv' ? 'sv' : 'en';
}

async function main(argv: string[]): Promise<number> {
  const program = await buildProgram(argv);
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
      process.stderr.write(`cvm: ${optionMessage(error, cliOption, langOf(argv))}\n`);
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
