/**
 * `cvm user add|list|remove|set-role`: the users of the HTTP API (`cvm serve`). A password is read from
 * stdin with `--password-stdin` (one line), else asked for on the terminal without echo. Every change is
 * written to the audit log as made by `cli`.
 */
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { addUserInput, removeUserInput, setRoleInput } from '../../app/options/users';
import { parseOptions } from '../../app/options/parse';
import { addUser, listUsers, removeUser, setUserRole, type Actor } from '../../app/users';
import { CvmError } from '../../core/errors';
import { globalOptions, print, withCliUnit } from '../context';
import { l } from '../views/labels';
import { usersPrintable } from '../views/users';
import { help } from '../help';
import { msg, renderMessage, type Lang } from '../../core/messages/catalogue';

const actor = (): Actor => ({ username: 'cli', now: new Date().toISOString() });

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

/** Asks for a password on the terminal, twice, without echoing it. */
async function prompt(username: string, lang: Lang): Promise<string> {
  if (!process.stdin.isTTY) throw new CvmError('invalid-input', msg('cli.user.no-terminal'));
  const ask = (question: string): Promise<string> =>
    new Promise((resolve) => {
      const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
      const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput.bind(rl);
      let asked = false;
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
        if (!asked) write(s);
      };
      rl.question(question, (answer) => {
        rl.close();
        process.stderr.write('\n');
        resolve(answer);
      });
      asked = true;
    });
  const first = await ask(renderMessage(msg('cli.user.password-prompt', { username }), lang));
  const again = await ask(renderMessage(msg('cli.user.password-again'), lang));
  if (first !== again) throw new CvmError('invalid-input', msg('cli.user.passwords-differ'));
  return first;
}

export function registerUser(program: Command): void {
  const user = program.command('user').description(help('help.list.user'));
  user
    .command('list')
    .description(help('help.user.list'))
    .action(async (_options: unknown, command: Command) => {
      const global = globalOptions(command);
      const users = await withCliUnit(global, (unit) => listUsers(unit));
      print(usersPrintable(users, global.lang), global);
    });
  user
    .command('add <username>')
    .description(help('help.user.add'))
    .option('--role <role>', help('help.user.add.role'))
    .option('--display-name <name>', help('help.user.add.display-name'))
    .option('--password-stdin', help('help.user.add.password-stdin'))
    .action(
      async (
        username: string,
        options: { role?: string; displayName?: string; passwordStdin?: boolean },
        command: Command,
      ) => {
        const global = globalOptions(command);
        // the name and role are checked before the password is asked for
        parseOptions(setRoleInput, { username, role: options.role });
        const password = options.passwordStdin ? await readStdin() : await prompt(username, global.lang);
        const input = parseOptions(addUserInput, {
          username,
          role: options.role,
          password,
          displayName: options.displayName,
        });
        const added = await withCliUnit(global, (unit) => addUser(unit, input, actor()), { create: true });
        print(usersPrintable(added, global.lang, l('User added', 'Användare tillagd')), global);
      },
    );
  user
    .command('set-role <username> <role>')
    .description(help('help.user.set-role'))
    .action(async (username: string, role: string, _options: unknown, command: Command) => {
      const global = globalOptions(command);
      const input = parseOptions(setRoleInput, { username, role });
      const changed = await withCliUnit(global, (unit) => setUserRole(unit, input, actor()));
      print(usersPrintable(changed, global.lang, l('Role changed', 'Roll ändrad')), global);
    });
  user
    .command('remove <username>')
    .description(help('help.user.remove'))
    .action(async (username: string, _options: unknown, command: Command) => {
      const global = globalOptions(command);
      const input = parseOptions(removeUserInput, { username });
      const removed = await withCliUnit(global, (unit) => removeUser(unit, input.username, actor()));
      print(usersPrintable(removed, global.lang, l('User removed', 'Användare borttagen')), global);
    });
}
