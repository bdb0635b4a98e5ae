/**
 * Erasure of one data subject (`cvm delete --customer ID`, `DELETE /api/customers/:id`): every row of the
 * customer in the kinds that hold a customer id goes, the key accounts linked to them are unlinked, and the
 * data version goes up (so cached reports recompute), all in one transaction. A dry run counts the same rows
 * and changes nothing. docs/import.md, "Erasing a customer".
 */
import { msg, type Message } from '../../core/messages/catalogue';
import type { ErasedRows } from '../../data/customers/types';
import type { StoreUnit } from '../../data/store';
import type { EraseCustomerInput } from '../options/customer';
import { noSuchCustomer } from './report';

export type { ErasedRows } from '../../data/customers/types';

export interface CustomerErasure {
  customerId: string;
  dryRun: boolean;
  /** one entry per kind, in a fixed order; `rows` is what went (or, in a dry run, would go) */
  kinds: ErasedRows[];
  /** rows deleted over every kind (unlinked key accounts not included) */
  rowsDeleted: number;
  notes: Message[];
}

export function eraseCustomer(
  unit: Pick<StoreUnit, 'atomically' | 'customers' | 'users'>,
  input: EraseCustomerInput,
): Promise<CustomerErasure> {
  return unit.atomically(async () => {
    const kinds = await unit.customers.erase(input.customerId, input.dryRun);
    const rowsDeleted = kinds.reduce((sum, k) => sum + (k.action === 'deleted' ? k.rows : 0), 0);
    // Nothing held the id: the same answer as the customer page gives (a rollback of nothing).
    if (rowsDeleted === 0 && kinds.every((k) => k.rows === 0)) throw noSuchCustomer(input.customerId);
    if (!input.dryRun) await unit.users.bumpDataVersion();
    const counts = {
      customerId: input.customerId,
      rows: rowsDeleted,
      accounts: kinds.find((k) => k.kind === 'accounts')?.rows ?? 0,
    };
    const notes = [msg(input.dryRun ? 'customer.erase-dry-run' : 'customer.erased', counts)];
    return { customerId: input.customerId, dryRun: input.dryRun, kinds, rowsDeleted, notes };
  });
}
