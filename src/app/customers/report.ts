/**
 * The customer page (`cvm customer ID`, `GET /api/customers/:id`): what the store holds about one customer
 * (orders per month, complaints, survey answers, contracts), their value tier in each of the last windows
 * (core `tierPath`, placed exactly as the portfolio report places every customer) and the key accounts
 * linked to them, as the viewer may see them: all of them, only those a manager manages, or none; and
 * their P(alive) and predicted CLV from BG/NBD and Gamma-Gamma fitted as of the as-of day (`model.ts`; the
 * caller may hand in a fit it keeps, so that the fit is not redone for every customer).
 */
import { msg, type Message } from '../../core/messages/catalogue';
import type { IsoDay, Window } from '../../core/dates';
import { windowBack } from '../../core/dates';
import { CvmError } from '../../core/errors';
import { tierPath, type TierStep } from '../../core/kpi/customer';
import type { ValueMeasure } from '../../core/kpi/basis';
import type {
  CustomerComplaint,
  CustomerContract,
  CustomerKeyAccount,
  CustomerMonth,
  CustomerRow,
  CustomerSurvey,
} from '../../data/customers/types';
import type { StoreUnit } from '../../data/store';
import type { CustomerInput } from '../options/customer';
import { resolveAsOf } from '../reports/basis';
import {
  customerModel,
  fitCustomerModel,
  type CustomerModel,
  type CustomerModelFit,
  type CustomerModelInput,
} from './model';

/** The fit for a customer page's model options: fitted now, or taken from where the face keeps it. */
export type CustomerModelSource = (input: CustomerModelInput) => Promise<CustomerModelFit>;

/** Which key accounts linked to the customer the viewer may see. */
export type KeyAccountView = { kind: 'all' } | { kind: 'none' } | { kind: 'managed-by'; manager: string };

export interface CustomerReport {
  customerId: string;
  asOf: IsoDay;
  windowMonths: number;
  value: ValueMeasure;
  customer: CustomerRow | null;
  summary: {
    orders: number;
    revenue: number;
    margin: number;
    firstMonth: string | null;
    lastMonth: string | null;
    complaints: number;
    openComplaints: number;
    surveys: number;
    contracts: number;
  };
  months: CustomerMonth[];
  tiers: TierStep[];
  complaints: CustomerComplaint[];
  surveys: CustomerSurvey[];
  contracts: CustomerContract[];
  keyAccounts: CustomerKeyAccount[];
  /** P(alive) and CLV; null (with a note) when there is no fit or no history of the customer */
  model: CustomerModel | null;
  notes: Message[];
}

/** The same answer for a customer that does not exist, whoever asks. */
export function noSuchCustomer(id: string): CvmError {
  return new CvmError('not-found', msg('customer.none', { id }));
}

export async function customerReport(
  unit: StoreUnit,
  input: CustomerInput,
  view: KeyAccountView = { kind: 'all' },
  models?: CustomerModelSource,
): Promise<CustomerReport> {
  const { asOf, notes } = await resolveAsOf(unit.analytics, input.asOf, input.today);
  const windows: Window[] = Array.from({ length: input.windows }, (_, k) =>
    windowBack(asOf, input.windowMonths, k),
  );
  const data = await unit.customers.customer(input.customerId, windows, input.value);
  if (!data.found) throw noSuchCustomer(input.customerId);
  const keyAccounts =
    view.kind === 'all'
      ? data.keyAccounts
      : view.kind === 'none'
        ? []
        : data.keyAccounts.filter((k) => k.manager === view.manager);
  const sum = (f: (m: CustomerMonth) => number): number =>
    Math.round(data.months.reduce((s, m) => s + f(m), 0) * 100) / 100;
  const modelInput: CustomerModelInput = {
    calibrationEnd: asOf,
    timeUnit: 'week',
    horizonMonths: input.horizonMonths,
    discountRate: input.discountRate,
  };
  const fitted = await (models ?? ((m) => fitCustomerModel(unit, m)))(modelInput);
  const predicted = customerModel(fitted, input.customerId);
  const later = data.months.filter((m) => m.month > asOf.slice(0, 7)).length;
  return {
    customerId: input.customerId,
    asOf,
    windowMonths: input.windowMonths,
    value: input.value,
    customer: data.customer,
    summary: {
      orders: data.months.reduce((s, m) => s + m.orders, 0),
      revenue: sum((m) => m.revenue),
      margin: sum((m) => m.margin),
      firstMonth: data.months[0]?.month ?? null,
      lastMonth: data.months.at(-1)?.month ?? null,
      complaints: data.complaints.length,
      openComplaints: data.complaints.filter((c) => c.resolvedAt === null).length,
      surveys: data.surveys.length,
      contracts: data.contracts.length,
    },
    months: data.months,
    tiers: tierPath(windows, data.standing, input.tiers),
    complaints: data.complaints,
    surveys: data.surveys,
    contracts: data.contracts,
    keyAccounts,
    model: predicted.model,
    notes: [
      ...notes,
      ...(data.customer === null ? [msg('customer.not-in-customers', { customerId: input.customerId })] : []),
      ...(later > 0 ? [msg('customer.months-after', { months: later, asOf })] : []),
      ...predicted.notes,
    ],
  };
}

/** Customer ids starting with `prefix` (the customers table), for the search box. */
export function searchCustomers(
  unit: Pick<StoreUnit, 'customers'>,
  input: { q: string; limit: number },
): Promise<string[]> {
  return unit.customers.search(input.q, input.limit);
}
