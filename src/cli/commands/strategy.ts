/**
 * `cvm segments`, `cvm lifecycle`, `cvm actions [--export FILE]`: customer strategy from value and loyalty
 * (docs/metrics.md, "Customer strategy"). argv → options schema → app → Printable.
 */
import type { Command } from 'commander';
import { parseOptions } from '../../app/options/parse';
import { actionsInput, strategyInput } from '../../app/options/strategy';
import { actionsReport, lifecycleReport, segmentsReport } from '../../app/strategy/reports';
import { globalOptions, localToday, print, withCliUnit, writeTables } from '../context';
import { actionsPrintable, lifecyclePrintable, segmentsPrintable } from '../views/strategy';
import { help } from '../help';

type Options = Record<string, string | undefined>;

function common(command: Command): Command {
  return command
    .option('--as-of <day>', help('help.strategy.as-of'))
    .option('--window <months>', help('help.strategy.window'), '12')
    .option('--tiers <spec>', help('help.strategy.tiers'))
    .option('--value <measure>', help('help.report.value'))
    .option('--rules <file>', help('help.strategy.rules'))
    .option('--loyalty <basis>', help('help.strategy.loyalty'))
    .option('--out <dir>', help('help.report.out'));
}

export function registerSegments(program: Command): void {
  common(program.command('segments').description(help('help.segments'))).action(
    async (options: Options, command: Command) => {
      const global = globalOptions(command);
      const { out, ...rest } = options;
      const input = parseOptions(strategyInput, { ...rest, today: localToday() });
      const report = await withCliUnit(global, (unit) => segmentsReport(unit, input));
      const printable = segmentsPrintable(report, global.lang);
      if (out === undefined) print(printable, global);
      else writeTables(printable, out, global);
    },
  );
}

export function registerLifecycle(program: Command): void {
  common(program.command('lifecycle').description(help('help.lifecycle'))).action(
    async (options: Options, command: Command) => {
      const global = globalOptions(command);
      const { out, ...rest } = options;
      const input = parseOptions(strategyInput, { ...rest, today: localToday() });
      const report = await withCliUnit(global, (unit) => lifecycleReport(unit, input));
      const printable = lifecyclePrintable(report, global.lang);
      if (out === undefined) print(printable, global);
      else writeTables(printable, out, global);
    },
  );
}

export function registerActions(program: Command): void {
  common(program.command('actions').description(help('help.actions')))
    .option('--export <file>', help('help.actions.export'))
    .option('--limit <n>', help('help.actions.limit'), '50')
    .option('--trigger <name>', help('help.actions.trigger'))
    .option('--segment <name>', help('help.actions.segment'))
    .option('--tier <name>', help('help.actions.tier'))
    .option('--channel <name>', help('help.actions.channel'))
    .action(async (options: Options, command: Command) => {
      const global = globalOptions(command);
      const { out, ...rest } = options;
      const input = parseOptions(actionsInput, { ...rest, today: localToday() });
      const report = await withCliUnit(global, (unit) =>
        actionsReport(unit, input, global.lang, new Date().toISOString()),
      );
      const printable = actionsPrintable(report, global.lang, input.limit);
      if (out === undefined) print(printable, global);
      else writeTables(printable, out, global);
    });
}
