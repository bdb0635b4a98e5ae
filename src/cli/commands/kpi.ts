/** `cvm kpi list|set|unset|status|quality`: the KPI board (docs/metrics.md, "KPI board and status"). */
import type { Command } from 'commander';
import { kpiList, kpiStatus, removeKpiTarget, setKpiTarget } from '../../app/kpi/board';
import { kpiQualityInput, kpiSetInput, kpiStatusInput, kpiUnsetInput } from '../../app/options/kpi';
import { parseOptions } from '../../app/options/parse';
import { globalOptions, localToday, print, withCliUnit } from '../context';
import { kpiListPrintable, kpiQualityPrintable, kpiStatusPrintable } from '../views/kpi';
import { help } from '../help';

type Options = Record<string, string | undefined>;

export function registerKpi(program: Command): void {
  const kpi = program.command('kpi').description(help('help.kpi'));
  kpi
    .command('list')
    .description(help('help.kpi.list'))
    .action(async (_options: Options, command: Command) => {
      const global = globalOptions(command);
      const list = await withCliUnit(global, (unit) => kpiList(unit));
      print(kpiListPrintable(list, global.lang), global);
    });
  kpi
    .command('set <kpi>')
    .description(help('help.kpi.set'))
    .option('--target <n>', help('help.kpi.set.target'))
    .option('--range <low..high>', help('help.kpi.set.range'))
    .option('--deadline <day>', help('help.kpi.set.deadline'))
    .option('--owner <name>', help('help.kpi.set.owner'))
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
    .description(help('help.kpi.unset'))
    .action(async (id: string, _options: Options, command: Command) => {
      const global = globalOptions(command);
      const input = parseOptions(kpiUnsetInput, { kpi: id });
      await withCliUnit(global, (unit) => removeKpiTarget(unit, input.kpi));
      const list = await withCliUnit(global, (unit) => kpiList(unit));
      print(kpiListPrintable(list, global.lang), global);
    });
  kpi
    .command('status')
    .description(help('help.kpi.status'))
    .option('--as-of <day>', help('help.report.as-of'))
    .action(async (options: Options, command: Command) => {
      const global = globalOptions(command);
      const input = parseOptions(kpiStatusInput, { ...options, today: localToday() });
      const report = await withCliUnit(global, (unit) => kpiStatus(unit, input, new Date().toISOString()));
      print(kpiStatusPrintable(report, global.lang), global);
    });
  kpi
    .command('quality')
    .description(help('help.kpi.quality'))
    .option('--as-of <day>', help('help.report.as-of'))
    .option('--window <months>', help('help.report.window'), '12')
    .action(async (options: Options, command: Command) => {
      const global = globalOptions(command);
      const input = parseOptions(kpiQualityInput, { ...options, today: localToday() });
      const { kpiQualityReport } = await import('../../app/kpi/quality');
      const report = await withCliUnit(global, (unit) => kpiQualityReport(unit, input));
      print(kpiQualityPrintable(report, global.lang), global);
    });
}
