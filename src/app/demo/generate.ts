/**
 * The demo data set as rows per kind: a pure function of the options (and the model's parameters), so
 * the same seed gives the same data. The retailer produces customers, transactions, complaints and survey
 * responses; its B2B arm the key accounts with their assessments, forecasts and renewals. Contracts are left
 * out: the retailer is non-contractual.
 */
import { parseIsoDay, toEpochDay } from '../../core/dates';
import { CvmError } from '../../core/errors';
import { makeKeyAccounts } from './accounts';
import { makeComplaints } from './complaints';
import { makeCustomers } from './customers';
import { simulateLives } from './lives';
import { makeOrders } from './orders';
import { DEFAULT_MODEL, type DemoModel, type DemoOptions } from './params';
import type { DemoTables } from './rows';
import { makeSurveys } from './surveys';

const MAX_CUSTOMERS = 5_000_000;
const MAX_YEARS = 20;

/** Checks options a user typed; throws `usage` naming the option, the value and what is expected. */
export function validateDemoOptions(options: DemoOptions): DemoOptions {
  const { customers, seed, years } = options;
  if (!Number.isInteger(customers) || customers < 1 || customers > MAX_CUSTOMERS)
    throw new CvmError('usage', `--customers: ${customers} is not a whole number from 1 to ${MAX_CUSTOMERS}`);
  if (!Number.isSafeInteger(seed) || seed < 0)
    throw new CvmError('usage', `--seed: ${seed} is not a whole number ≥ 0`);
  if (!Number.isInteger(years) || years < 2 || years > MAX_YEARS)
    throw new CvmError(
      'usage',
      `--years: ${years} is not a whole number from 2 to ${MAX_YEARS} (two years are the least that show retention)`,
    );
  let end: string;
  try {
    end = parseIsoDay(options.end, '--end');
  } catch (error) {
    throw new CvmError('usage', error instanceof Error ? error.message : String(error));
  }
  return { customers, seed, years, end };
}

/** Generates every demo table. */
export function generateDemo(options: DemoOptions, model: DemoModel = DEFAULT_MODEL): DemoTables {
  const checked = validateDemoOptions(options);
  const endDay = toEpochDay(checked.end);
  const lives = simulateLives(checked, model);
  const customers = makeCustomers(lives, checked.seed);
  const orders = makeOrders(lives, customers.traits, model, checked.seed, endDay);
  const complaints = makeComplaints(orders.purchases, customers.traits, checked.seed, endDay);
  const surveys = makeSurveys(orders.purchases, lives, customers.traits, model, checked.seed, endDay);
  const accounts = makeKeyAccounts(checked.seed, checked.end);
  return {
    customers: customers.rows,
    transactions: orders.rows,
    complaints,
    surveys,
    accounts: accounts.accounts,
    assessments: accounts.assessments,
    forecasts: accounts.forecasts,
    renewals: accounts.renewals,
  };
}
