/** The store table of each kind (the DDL is in migrations.ts; test/store/schema.test.ts holds the two together). */
import type { KindName } from '../../core/kinds';

export const TABLES: Readonly<Record<KindName, string>> = {
  customers: 'customers',
  transactions: 'transactions',
  contracts: 'contracts',
  complaints: 'complaints',
  surveys: 'survey_responses',
  accounts: 'key_accounts',
  assessments: 'assessments',
  forecasts: 'account_forecasts',
  renewals: 'renewals',
  invoices: 'invoices',
};
