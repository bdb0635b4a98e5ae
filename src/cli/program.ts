/**
 * The `cvm` program: its global options and its commands, with every description in the language of
 * `--lang` (help texts of the catalogue, `core/messages/cli.ts`).
 */
import type { Command } from 'commander';
import { Option } from 'commander';
import packageJson from '../../package.json';
import { msg } from '../core/messages/catalogue';
import type { HelpKey } from '../core/messages/cli';
import { CvmCommand, help, helpMessage, langOf, setHelpLanguage } from './help';

/** A top-level command: its one-line description, and how to load its module and register it in full. */
interface CommandEntry {
  description: HelpKey;
  load: () => Promise<(program: Command) => void>;
}

/**
 * The commands, loaded on demand: only the command that runs is imported (with the use cases, zod schemas,
 * models and readers behind it); the others are listed by name and description, so `cvm --help` starts on
 * commander alone. The descriptions here are the ones `cvm --help` shows.
 */
const COMMANDS: Record<string, CommandEntry> = {
  import: {
    description: 'help.list.import',
    load: async () => (await import('./commands/import')).registerImport,
  },
  imports: {
    description: 'help.list.imports',
    load: async () => (await import('./commands/imports')).registerImports,
  },
  report: {
    description: 'help.list.report',
    load: async () => (await import('./commands/report')).registerReports,
  },
  simulate: {
    description: 'help.list.simulate',
    load: async () => (await import('./commands/simulate')).registerSimulate,
  },
  customer: {
    description: 'help.list.customer',
    load: async () => (await import('./commands/customer')).registerCustomer,
  },
  delete: {
    description: 'help.list.delete',
    load: async () => (await import('./commands/delete')).registerDelete,
  },
  accounts: {
    description: 'help.list.accounts',
    load: async () => (await import('./commands/accounts')).registerAccounts,
  },
  model: {
    description: 'help.list.model',
    load: async () => (await import('./commands/model')).registerModels,
  },
  kpi: {
    description: 'help.list.kpi',
    load: async () => (await import('./commands/kpi')).registerKpi,
  },
  segments: {
    description: 'help.list.segments',
    load: async () => (await import('./commands/strategy')).registerSegments,
  },
  lifecycle: {
    description: 'help.list.lifecycle',
    load: async () => (await import('./commands/strategy')).registerLifecycle,
  },
  actions: {
    description: 'help.list.actions',
    load: async () => (await import('./commands/strategy')).registerActions,
  },
  demo: {
    description: 'help.list.demo',
    load: async () => (await import('./commands/demo')).registerDemo,
  },
  info: {
    description: 'help.list.info',
    load: async () => (await import('./commands/info')).registerInfo,
  },
  start: {
    description: 'help.list.start',
    load: async () => (await import('./commands/start')).registerStart,
  },
  summary: {
    description: 'help.list.summary',
    load: async () => (await import('./commands/start')).registerSummary,
  },
  serve: {
    description: 'help.list.serve',
    load: async () => (await import('./commands/serve')).registerServe,
  },
  user: {
    description: 'help.list.user',
    load: async () => (await import('./commands/user')).registerUser,
  },
};

/** The names of the top-level commands. */
export const COMMAND_NAMES: readonly string[] = Object.keys(COMMANDS);

/** Global options that take a value: their value is not the command's name. */
const VALUE_OPTIONS = new Set(['--db', '--format', '--lang', '--currency', '--table']);

/** The command named in `argv` (after node and the script), if any; `help NAME` names NAME. */
function commandIn(argv: readonly string[]): string | undefined {
  let help = false;
  for (let i = 2; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (VALUE_OPTIONS.has(arg)) i++;
    else if (arg === 'help' && !help) help = true;
    else if (!arg.startsWith('-')) return arg;
  }
  return help ? 'help' : undefined;
}

/**
 * The program with the command `argv` names registered in full, and the others by name, described in the
 * language of `--lang` in `argv`.
 */
export async function buildProgram(argv: readonly string[]): Promise<Command> {
  const lang = langOf(argv);
  setHelpLanguage(lang);
  const program = new CvmCommand('cvm', lang)
    .description(help('help.cvm'))
    .helpOption('-h, --help', help('help.cvm.help'))
    .helpCommand(`help ${helpMessage(msg('cli.usage.command'))}`, help('help.cvm.help-command'))
    .option('--db <location>', help('help.cvm.db'))
    .addOption(
      new Option('--format <format>', help('help.cvm.format'))
        .choices(['table', 'json', 'csv'])
        .default('table'),
    )
    .addOption(new Option('--lang <lang>', help('help.cvm.lang')).choices(['en', 'sv']).default('en'))
    .option('--currency <suffix>', help('help.cvm.currency'))
    .option('--table <name>', help('help.cvm.table'))
    .option('--verbose', help('help.cvm.verbose'), false)
    .version(packageJson.version, '-V, --version', help('help.cvm.version'))
    .showHelpAfterError()
    .exitOverride();
  const named = commandIn(argv);
  for (const [name, entry] of Object.entries(COMMANDS)) {
    if (name === named) {
      const register = await entry.load();
      // another program may have been built meanwhile: describe this one in its own language
      setHelpLanguage(lang);
      register(program);
    } else program.command(name).description(help(entry.description));
  }
  for (const command of program.commands) command.exitOverride();
  return program;
}
