/**
 * The command line in the language of `--lang`: help texts from the catalogue (`core/messages/cli.ts`),
 * commander's headings and option details in that language (`SwedishHelp`), and commander's own errors
 * worded by the catalogue (`CvmCommand`). The language is known before the program is built (`langOf`),
 * so every description is written in it when a command registers.
 */
import type { Argument } from 'commander';
import { Command, Help, Option, type ErrorOptions } from 'commander';
import { msg, renderMessage, type Message, type MessageKey } from '../core/messages/catalogue';
import type { HelpKey } from '../core/messages/cli';
import { Message as MessageClass, type Lang } from '../core/messages/message';

/** The language `--lang sv` (or `--lang=sv`) anywhere on the command line asks for; English otherwise. */
export function langOf(argv: readonly string[]): Lang {
  const i = argv.indexOf('--lang');
  const value = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
  return value === 'sv' ? 'sv' : 'en';
}

/** The language help texts are written in while the program is built (set by `buildProgram`). */
let helpLang: Lang = 'en';

export function setHelpLanguage(lang: Lang): void {
  helpLang = lang;
}

/** A help text of the catalogue in the program's language. */
export function help(key: HelpKey): string {
  return renderMessage(new MessageClass(key, {}), helpLang);
}

/** A message in the program's language (help texts with parameters). */
export function helpMessage(message: Message): string {
  return renderMessage(message, helpLang);
}

const sv = (message: Message): string => renderMessage(message, 'sv');
const words = (key: MessageKey): string => sv(new MessageClass(key, {}));

/** Commander's headings as it passes them to `styleTitle`, and their catalogue keys. */
const HEADINGS: Readonly<Record<string, MessageKey>> = {
  'Usage:': 'cli.heading.usage',
  'Options:': 'cli.heading.options',
  'Arguments:': 'cli.heading.arguments',
  'Commands:': 'cli.heading.commands',
  'Global Options:': 'cli.heading.global-options',
};

/** The placeholders of commander's usage line. */
const USAGE_WORDS: Readonly<Record<string, MessageKey>> = {
  '[options]': 'cli.usage.options',
  '[command]': 'cli.usage.command',
};

/** A usage line or a subcommand's term with commander's placeholders (`[options]` …) in Swedish. */
function usageWords(usage: string): string {
  return usage
    .split(' ')
    .map((word) => {
      const key = USAGE_WORDS[word];
      return key === undefined ? word : words(key);
    })
    .join(' ');
}

/** Commander's help with its headings, usage placeholders and option details in Swedish. */
export class SwedishHelp extends Help {
  override styleTitle(str: string): string {
    const key = HEADINGS[str];
    return super.styleTitle(key === undefined ? str : words(key));
  }

  override commandUsage(cmd: Command): string {
    return usageWords(super.commandUsage(cmd));
  }

  override subcommandTerm(cmd: Command): string {
    return usageWords(super.subcommandTerm(cmd));
  }

  /** What commander adds after an option's description (choices, default …), worded in Swedish. */
  override optionDescription(option: Option): string {
    const extra: string[] = [];
    if (option.argChoices) extra.push(sv(msg('cli.help.choices', { choices: quoted(option.argChoices) })));
    if (option.defaultValue !== undefined) {
      const show =
        option.required ||
        option.optional ||
        (option.isBoolean() && typeof option.defaultValue === 'boolean');
      if (show) extra.push(sv(msg('cli.help.default', { value: defaultText(option) })));
    }
    if (option.presetArg !== undefined && option.optional)
      extra.push(sv(msg('cli.help.preset', { value: JSON.stringify(option.presetArg) })));
    if (option.envVar !== undefined) extra.push(sv(msg('cli.help.env', { name: option.envVar })));
    return withExtra(option.description, extra);
  }

  override argumentDescription(argument: Argument): string {
    const extra: string[] = [];
    if (argument.argChoices)
      extra.push(sv(msg('cli.help.choices', { choices: quoted(argument.argChoices) })));
    if (argument.defaultValue !== undefined)
      extra.push(sv(msg('cli.help.default', { value: defaultText(argument) })));
    return withExtra(argument.description, extra);
  }
}

function quoted(choices: readonly string[]): string {
  return choices.map((choice) => JSON.stringify(choice)).join(', ');
}

function defaultText(o: { defaultValueDescription?: string; defaultValue?: unknown }): string {
  return o.defaultValueDescription || JSON.stringify(o.defaultValue);
}

function withExtra(description: string, extra: readonly string[]): string {
  if (extra.length === 0) return description;
  const more = `(${extra.join(', ')})`;
  return description ? `${description} ${more}` : more;
}

/** Commander's methods that raise its errors (not in its typings: they are its own, marked private). */
interface Raisers {
  unknownOption(flag: string): void;
  unknownCommand(): void;
  missingArgument(name: string): void;
  optionMissingArgument(option: Option): void;
  missingMandatoryOptionValue(option: Option): void;
  _excessArguments(received: string[]): void;
  _callParseArg(target: Option | Argument, value: string, previous: unknown, message: string): unknown;
}

const commander = Command.prototype as unknown as Raisers;

/**
 * Commander's "(Did you mean …?)" after its message `english`, which starts with `prefix`: the name or
 * names it suggests. Commander finds them (it knows the candidates); only its wording is replaced.
 */
function suggestion(english: string, prefix: string): { near: string | null; many: boolean } {
  const tail = english.startsWith(prefix) ? english.slice(prefix.length) : '';
  const found = /^\n\(Did you mean (one of )?(.+)\?\)$/.exec(tail);
  return found ? { near: found[2] ?? null, many: found[1] !== undefined } : { near: null, many: false };
}

/**
 * The program's commands: subcommands are made of the same class, the help is Swedish with `--lang sv`, and
 * commander's errors are worded by the catalogue in that language. Each method that raises an error notes
 * its facts (the flag, the argument …) and commander's own method raises it; `error` then words it. The exit
 * codes and error codes stay commander's.
 */
export class CvmCommand extends Command {
  /** The catalogue's wording of the error being raised, from commander's English message. */
  private wording: ((english: string) => Message) | undefined;

  constructor(
    name: string | undefined,
    readonly lang: Lang,
  ) {
    super(name);
  }

  override createCommand(name?: string): Command {
    return new CvmCommand(name, this.lang);
  }

  override createHelp(): Help {
    return Object.assign(this.lang === 'sv' ? new SwedishHelp() : new Help(), this.configureHelp());
  }

  override error(message: string, errorOptions?: ErrorOptions): never {
    const wording = this.wording;
    this.wording = undefined;
    const text =
      wording !== undefined && this.lang !== 'en' ? renderMessage(wording(message), this.lang) : message;
    return super.error(text, errorOptions);
  }

  private raise(wording: (english: string) => Message, raise: () => unknown): unknown {
    this.wording = wording;
    try {
      return raise();
    } finally {
      this.wording = undefined;
    }
  }

  unknownOption(flag: string): void {
    this.raise(
      (english) =>
        msg('cli.error.unknown-option', { flag, ...suggestion(english, `error: unknown option '${flag}'`) }),
      () => commander.unknownOption.call(this, flag),
    );
  }

  unknownCommand(): void {
    const name = this.args[0] ?? '';
    this.raise(
      (english) =>
        msg('cli.error.unknown-command', {
          name,
          ...suggestion(english, `error: unknown command '${name}'`),
        }),
      () => commander.unknownCommand.call(this),
    );
  }

  missingArgument(name: string): void {
    this.raise(
      () => msg('cli.error.missing-argument', { name }),
      () => commander.missingArgument.call(this, name),
    );
  }

  optionMissingArgument(option: Option): void {
    this.raise(
      () => msg('cli.error.option-missing-argument', { flags: option.flags }),
      () => commander.optionMissingArgument.call(this, option),
    );
  }

  missingMandatoryOptionValue(option: Option): void {
    this.raise(
      () => msg('cli.error.missing-mandatory-option', { flags: option.flags }),
      () => commander.missingMandatoryOptionValue.call(this, option),
    );
  }

  _excessArguments(received: string[]): void {
    const command = this.parent ? this.name() : null;
    const expected = this.registeredArguments.length;
    this.raise(
      () => msg('cli.error.excess-arguments', { command, expected, received: received.length }),
      () => commander._excessArguments.call(this, received),
    );
  }

  _callParseArg(target: Option | Argument, value: string, previous: unknown, message: string): unknown {
    const choices = target.argChoices;
    if (!(target instanceof Option) || choices === undefined)
      return commander._callParseArg.call(this, target, value, previous, message);
    return this.raise(
      () => msg('cli.error.invalid-choice', { flags: target.flags, value, choices: choices.join(', ') }),
      () => commander._callParseArg.call(this, target, value, previous, message),
    );
  }
}
