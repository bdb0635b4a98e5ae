/**
 * `cvm customer ID`: one customer's page: profile, tier per window, orders per month, complaints, survey
 * answers, contracts and linked key accounts (the CLI is the operator's: every key account is shown), and
 * their P(alive) and predicted CLV from BG/NBD and Gamma-Gamma fitted on the store as of the as-of day.
 */
import type { Command } from 'commander';
import { customerReport } from '../../app/customers/report';
import { customerInput } from '../../app/options/customer';
import { parseOptions } from '../../app/options/parse';
import { globalOptions, localToday, print, withCliUnit } from '../context';
import { customerPrintable } from '../views/customer';

export function registerCustomer(program: Command): void {
  program
    .command('customer')
    .description(
      'one customer: history, tier per window, P(alive) and predicted CLV, complaints, survey answers, contracts, key accounts',
    )
    .argument('<id>', 'the customer id')
    .option('--as-of <day>', 'YYYY-MM-DD (default: the latest order date up to today)')
    .option('--window <months>', 'window length in months', '12')
    .option('--windows <n>', 'how many windows the tier path goes back, the current one included', '4')
    .option('--tiers <spec>', 'tier shares, e.g. Super:5,Top:15,Middle:50,Bottom:30 or deciles')
    .option('--value <measure>', 'revenue or margin', 'revenue')
    .option('--horizon <months>', 'months ahead of the predicted purchases and CLV', '12')
    .option('--discount-rate <percent>', 'yearly discount rate of the predicted CLV, in percent', '10')
    .action(async (id: string, options: Record<string, string>, command: Command) => {
      const global = globalOptions(command);
      const input = parseOptions(customerInput, { ...options, customerId: id, today: localToday() });
      const report = await withCliUnit(global, (unit) => customerReport(unit, input));
      print(customerPrintable(report, global.lang), global);
    });
}
