/**
 * `cvm delete --customer ID [--dry-run]`: erases one customer (docs/import.md, "Erasing a customer"): their
 * rows of every kind that holds a customer id, in one transaction, with how many rows of each kind went.
 */
import type { Command } from 'commander';
import { eraseCustomer } from '../../app/customers/erase';
import { eraseCustomerInput } from '../../app/options/customer';
import { parseOptions } from '../../app/options/parse';
import { globalOptions, print, withCliUnit } from '../context';
import { erasurePrintable } from '../views/customer';

export function registerDelete(program: Command): void {
  program
    .command('delete')
    .description('erase one customer: their rows of every kind, counted per kind (--dry-run counts only)')
    .requiredOption('--customer <id>', 'the customer id')
    .option('--dry-run', 'count the rows that would go and change nothing')
    .action(async (options: { customer: string; dryRun?: boolean }, command: Command) => {
      const global = globalOptions(command);
      const input = parseOptions(eraseCustomerInput, {
        customerId: options.customer,
        dryRun: options.dryRun === true,
      });
      const erased = await withCliUnit(global, (unit) => eraseCustomer(unit, input));
      print(erasurePrintable(erased, global.lang), global);
    });
}
