/** `cvm kpi list|set|unset|status|quality`: the KPI board (docs/metrics.md, "KPI board and status"). */
import type { Command } from 'commander';
import { kpiList, kpiStatus, removeKpiTarget, setKpiTarget } from '../../app/kpi/board';
import { kpiQualityInput, kpiSetInput, kpiStatusInput, kpiUnsetInput } from '../../app/options/kpi';
import { parseOptions } from '../../app/options/parse';
import { globalOptions, localToday, print, withCliUnit } from '../context';
import { kpiListPrintable, kpiQualityPrintable, kpiStatusPrintable } from '../views/kpi';

type Options = Record<string, string | undefined>;

export function registerKpi(program: Command): void {
  const kpi = program.command('kpi').description('the KPI board: targets, deadlines, owners and status');
  kpi
    .command('list')
    .description('the KPI catalogue with the targets set')
    .action(async (_options: Options, command: Command) => {
      const global = globalOptions(command);
      const list = await withCliUnit(global, (unit) => kpiList(unit));
      print(kpiListPrintable(list, global.lang), global);
    });
  kpi
    .command('set <kpi>')
    .description('set a KPI target with a deadline and an owner (replaces the one it had)')
    .option('--target <n>', 'the value to reach')
    .option('--range <low..high>', 'a normal range instead of a value')
    .option('--deadline <day>', 'deadline YYYY-MM-DD')
    .option('--owner <name>', 'who answers for the KPI')
    .action(async (id: string, options: Options, command: Command) => {
      const global = globalOptions(command);
      const input = parseOptions(kpiSetInput, { ...options, kpi: id });
      await withCliUnit(global, (unit) => setKpiTarget(unit, input, new Date().toISOString()), {
        create: true,
      });
      const list = await withCliUnit(global, (unit) => kpiList(unit));
      print(kpiListPrintable(list, global.lang), global);
    });
  kpi
    .command('unset <kpi>')
    .description('remove a KPI from the board (its target, deadline and owner; snapshots are kept)')
    .action(async (id: string, _options: Options, command: Command) => {
      const global = globalOptions(command);
      const input = parseOptions(kpiUnsetInput, { kpi: id });
      await withCliUnit(global, (unit) => removeKpiTarget(unit, input.kpi));
      const list = await withCliUnit(global, (unit) => kpiList(unit));
      print(kpiListPrintable(list, global.lang), global);
    });
  kpi
    .command('status')
    .description('each KPI with a target: value, trend and on track / at risk / off track')
    .option('--as-of <day>', 'report date YYYY-MM-DD (default: the latest order date)')
    .action(async (options: Options, command: Command) => {
      const global = globalOptions(command);
      const input = parseOptions(kpiStatusInput, { ...options, today: localToday() });
      const report = await withCliUnit(global, (unit) => kpiStatus(unit, input, new Date().toISOString()));
      print(kpiStatusPrintable(report, global.lang), global);
    });
  kpi
    .command('quality')
    .description(
      'how good each KPI is: n and 95 % interval, detectable change, gap to target, what it predicts',
    )
    .option('--as-of <day>', 'report date YYYY-MM-DD (default: the latest order date)')
    .option('--window <months>', 'window length in whole months (12, 6, 3, 1 …)', '12')
    .action(async (options: Options, command: Command) => {
      const global = globalOptions(command);
      const input = parseOptions(kpiQualityInput, { ...options, today: localToday() });
      const { kpiQualityReport } = await import('../../app/kpi/quality');
      const report = await withCliUnit(global, (unit) => kpiQualityReport(unit, input));
      print(kpiQualityPrintable(report, global.lang), global);
    });
}
