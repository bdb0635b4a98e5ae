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
import { help } from '../help';

export function registerDelete(program: Command): void {
  program
    .command('delete')
    .description(help('help.delete'))
    .requiredOption('--customer <id>', help('help.delete.customer'))
    .option('--dry-run', help('help.delete.dry-run'))
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
