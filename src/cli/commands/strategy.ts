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

type Options = Record<string, string | undefined>;

const TIERS_HELP =
  'tier shares in percent: 5,15,50,30 (default), Super:5,Top:15,Middle:50,Bottom:30 or deciles (other tiers need --rules)';

function common(command: Command): Command {
  return command
    .option('--as-of <day>', 'as-of day YYYY-MM-DD (default: the latest order date)')
    .option('--window <months>', 'window length in whole months (12, 6, 3 …)', '12')
    .option('--tiers <spec>', TIERS_HELP)
    .option('--value <measure>', 'value that ranks customers: revenue (default) or margin')
    .option('--rules <file>', 'strategy rules as JSON or YAML (default: the built-in rules, docs/metrics.md)')
    .option('--loyalty <basis>', 'loyalty basis: behaviour (default), nps or palive (fits BG/NBD)')
    .option('--out <dir>', 'write every table (or the --table one) to <dir>/<name>.csv instead of printing');
}

export function registerSegments(program: Command): void {
  common(
    program.command('segments').description('value × loyalty segments, movement from F12 to S12'),
  ).action(async (options: Options, command: Command) => {
    const global = globalOptions(command);
    const { out, ...rest } = options;
    const input = parseOptions(strategyInput, { ...rest, today: localToday() });
    const report = await withCliUnit(global, (unit) => segmentsReport(unit, input));
    const printable = segmentsPrintable(report, global.lang);
    if (out === undefined) print(printable, global);
    else writeTables(printable, out, global);
  });
}

export function registerLifecycle(program: Command): void {
  common(
    program
      .command('lifecycle')
      .description('lifecycle phases per customer, per tier, and KPIs per phase, tier and segment'),
  ).action(async (options: Options, command: Command) => {
    const global = globalOptions(command);
    const { out, ...rest } = options;
    const input = parseOptions(strategyInput, { ...rest, today: localToday() });
    const report = await withCliUnit(global, (unit) => lifecycleReport(unit, input));
    const printable = lifecyclePrintable(report, global.lang);
    if (out === undefined) print(printable, global);
    else writeTables(printable, out, global);
  });
}

export function registerActions(program: Command): void {
  common(program.command('actions').description('next best actions ranked by value at stake, with reasons'))
    .option('--export <file>', 'write every suggestion to FILE (CSV, or JSON by .json) and remember them')
    .option('--limit <n>', 'suggestions in the table and the JSON', '50')
    .option('--trigger <name>', 'only suggestions of this trigger (list and export)')
    .option('--segment <name>', 'only customers of this segment (or inactive)')
    .option('--tier <name>', 'only customers of this value tier (or inactive)')
    .option('--channel <name>', 'only actions on this channel')
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
