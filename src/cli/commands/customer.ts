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
import { help } from '../help';

export function registerCustomer(program: Command): void {
  program
    .command('customer')
    .description(help('help.customer'))
    .argument('<id>', help('help.customer.id'))
    .option('--as-of <day>', help('help.customer.as-of'))
    .option('--window <months>', help('help.customer.window'), '12')
    .option('--windows <n>', help('help.customer.windows'), '4')
    .option('--tiers <spec>', help('help.customer.tiers'))
    .option('--value <measure>', help('help.customer.value'), 'revenue')
    .option('--horizon <months>', help('help.customer.horizon'), '12')
    .option('--discount-rate <percent>', help('help.customer.discount-rate'), '10')
    .action(async (id: string, options: Record<string, string>, command: Command) => {
      const global = globalOptions(command);
      const input = parseOptions(customerInput, { ...options, customerId: id, today: localToday() });
      const report = await withCliUnit(global, (unit) => customerReport(unit, input));
      print(customerPrintable(report, global.lang), global);
    });
}
