/**
 * The demo data set as rows per kind: a pure function of the options (and the model's parameters), so
 * the same seed gives the same data. The retailer produces customers, transactions, complaints and survey
 * responses; its B2B arm the key accounts with their assessments, forecasts and renewals; its energy arm the
 * contracts of a share of the customers (electricity, gas, home insurance: `contracts.ts`).
 */
import { parseIsoDay, toEpochDay } from '../../core/dates';
import { CvmError, invalidOption } from '../../core/errors';
import { makeKeyAccounts } from './accounts';
import { makeComplaints } from './complaints';
import { makeContracts } from './contracts';
import { makeCustomers } from './customers';
import { logWindow, simulateLives } from './lives';
import { joinProgramme } from './programme';
import { makeOrders } from './orders';
import { DEFAULT_MODEL, type DemoModel, type DemoOptions } from './params';
import type { DemoTables } from './rows';
import { makeSurveys } from './surveys';
import { msg } from '../../core/messages/catalogue';

export const MAX_CUSTOMERS = 5_000_000;
export const MAX_YEARS = 20;

/** Checks the options; throws an option problem naming the option, the value and what is expected. */
export function validateDemoOptions(options: DemoOptions): DemoOptions {
  const { customers, seed, years } = options;
  if (!Number.isInteger(customers) || customers < 1 || customers > MAX_CUSTOMERS)
    throw invalidOption('customers', customers, `a whole number from 1 to ${MAX_CUSTOMERS}`);
  if (!Number.isSafeInteger(seed) || seed < 0) throw invalidOption('seed', seed, 'a whole number ≥ 0');
  if (!Number.isInteger(years) || years < 2 || years > MAX_YEARS)
    throw invalidOption(
      'years',
      years,
      `a whole number from 2 to ${MAX_YEARS}`,
      msg('demo.years', { years, max: MAX_YEARS }),
    );
  let end: string;
  try {
    end = parseIsoDay(options.end);
  } catch (error) {
    if (!(error instanceof CvmError)) throw error;
    throw invalidOption('end', options.end, 'a date (expected YYYY-MM-DD)');
  }
  return { customers, seed, years, end };
}

/** Generates every demo table. */
export function generateDemo(options: DemoOptions, model: DemoModel = DEFAULT_MODEL): DemoTables {
  const checked = validateDemoOptions(options);
  const endDay = toEpochDay(checked.end);
  const programme = joinProgramme(simulateLives(checked, model), checked.seed, logWindow(checked));
  const lives = programme.lives;
  const customers = makeCustomers(lives, checked.seed, programme.joinDays);
  const orders = makeOrders(lives, customers.traits, model, checked.seed, endDay);
  const complaints = makeComplaints(orders.purchases, customers.traits, checked.seed, endDay);
  const surveys = makeSurveys(orders.purchases, lives, customers.traits, model, checked.seed, endDay);
  const accounts = makeKeyAccounts(checked.seed, checked.end);
  return {
    customers: customers.rows,
    transactions: orders.rows,
    contracts: makeContracts(customers.traits, checked.seed, endDay),
    complaints,
    surveys,
    accounts: accounts.accounts,
    assessments: accounts.assessments,
    forecasts: accounts.forecasts,
    renewals: accounts.renewals,
  };
}
