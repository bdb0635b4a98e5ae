/**
 * The `cvm` command line: argv → app → output. The only place that calls process.exit and the one place
 * that maps error codes to exit codes: 0 ok, 1 failure, 2 bad usage or input.
 */
import { CommanderError } from 'commander';
import { CvmError, optionMessage, type ErrorCode } from '../core/errors';
import { msg, renderMessage } from '../core/messages/catalogue';
import { cliOption } from './context';
import { langOf } from './help';
import { buildProgram } from './program';

const EXIT_CODES: Record<ErrorCode, number> = {
  'invalid-input': 2,
  'not-found': 1,
  conflict: 1,
  'data-source': 1,
};

async function main(argv: string[]): Promise<number> {
  const program = await buildProgram(argv);
  const lang = langOf(argv);
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
      process.stderr.write(`cvm: ${optionMessage(error, cliOption, lang)}\n`);
      if (verbose && error.stack) process.stderr.write(error.stack + '\n');
      return EXIT_CODES[error.code];
    }
    const message = error instanceof Error ? error.message : String(error);
    const text = renderMessage(
      msg('cli.internal-error', { message: message.split('\n')[0] ?? '', verbose }),
      lang,
    );
    process.stderr.write(`cvm: ${text}\n`);
    if (verbose && error instanceof Error && error.stack) process.stderr.write(error.stack + '\n');
    return 1;
  }
}

// Ctrl-C: every write runs in a transaction (an import, the whole demo), so stopping here keeps nothing of
// an unfinished one; say so instead of dying silently. 130 is the shell's code for an interrupt.
process.on('SIGINT', () => {
  process.stderr.write(`cvm: ${renderMessage(msg('cli.interrupted'), langOf(process.argv))}\n`);
  process.exit(130);
});

process.exitCode = await main(process.argv);
