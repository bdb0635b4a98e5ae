/**
 * The contract reports (`report subscription|products|product-churn`): contractual activity (a contract in
 * force on a day), revenue from the contracts' annual fees or their linked invoices, tiers ranked by
 * current-window revenue. Every report says its basis (`contracts`), the as-of day, the previous day of
 * holdings (the current window's exclusive start), the windows and the revenue source.
 */
import type { IsoDay, Window } from '../../core/dates';
import { CvmError, invalidOption } from '../../core/errors';
import { reportWindows, type WindowMonths } from '../../core/kpi/basis';
import {
  productChurn,
  productsTable,
  subscriptionPortfolio,
  type ProductChurnRow,
  type ProductsTable,
  type SubscriptionPortfolio,
} from '../../core/kpi/contracts';
import type { ContractPortfolioResult, ContractRevenue, ContractsPort } from '../../data/contracts/types';
import type { TenureBucket } from '../../core/kpi/tenure';
import type { ContractReportInput } from '../options/contracts';
import { msg, type Message } from '../../core/messages/catalogue';

/** What every contract report carries about how it was computed. */
export interface ContractBasis {
  basis: 'contracts';
  asOf: IsoDay;
  /** holdings "before": the day the current window starts after (exclusive start) */
  previousDay: IsoDay;
  windowMonths: WindowMonths;
  windows: { current: Window; previous: Window };
  revenue: ContractRevenue;
  tierNames: string[];
  /** customers with a contract in force on the as-of day / on the previous day */
  activeCurrent: number;
  activePrevious: number;
}

/** The as-of day, windows and revenue source of a contract report, with notes on how they were chosen. */
export interface ResolvedContracts {
  asOf: IsoDay;
  windows: { current: Window; previous: Window };
  revenue: ContractRevenue;
  notes: Message[];
}

/** Resolves the as-of day (default: the latest contract start or end up to today) and the revenue source. */
export async function resolveContracts(
  port: ContractsPort,
  input: Pick<ContractReportInput, 'asOf' | 'today' | 'windowMonths' | 'revenue'>,
): Promise<ResolvedContracts> {
  const dates = await port.contractDates(input.today ?? null);
  if (dates === null) throw new CvmError('not-found', msg('contracts.none'));
  const notes: Message[] = [];
  let asOf = input.asOf;
  if (asOf === undefined) {
    asOf = dates.lastUpToToday ?? dates.last;
    if (dates.afterToday > 0)
      notes.push(msg('contracts.after-today', { count: dates.afterToday, today: input.today ?? '', asOf }));
  } else if (asOf < dates.first)
    throw invalidOption(
      'asOf',
      asOf,
      `a day from ${dates.first}`,
      msg('contracts.as-of-before-first', { asOf, first: dates.first, last: dates.last }),
    );
  const windows = reportWindows(asOf, input.windowMonths);
  const revenue: ContractRevenue = input.revenue ?? (dates.withFee > 0 ? 'fees' : 'invoices');
  if (input.revenue === 'fees' && dates.withFee === 0)
    throw invalidOption(
      'revenue',
      'fees',
      'invoices, or contracts with an annual_fee column',
      msg('contracts.no-fees'),
    );
  if (windows.previous.startExclusive < dates.first)
    notes.push(msg('contracts.before-first', { first: dates.first }));
  return { asOf, windows: { current: windows.current, previous: windows.previous }, revenue, notes };
}

/**
 * Resolves the as-of day and the revenue source, and runs the contracts port's query (with tenure groups
 * built from the current window's start by `tenure`, when given).
 */
export async function computeBasis(
  port: ContractsPort,
  input: ContractReportInput,
  tenure?: (currentStart: IsoDay) => TenureBucket[],
): Promise<{ basis: ContractBasis; result: ContractPortfolioResult; notes: Message[] }> {
  const { asOf, windows, revenue, notes } = await resolveContracts(port, input);
  const result = await port.contractPortfolio({
    asOf,
    current: windows.current,
    previous: windows.previous,
    windowMonths: input.windowMonths,
    tiers: input.tiers,
    revenue,
    ...(tenure ? { tenureBuckets: tenure(windows.current.startExclusive) } : {}),
  });
  if (result.contractsWithoutFee > 0)
    notes.push(msg('contracts.without-fee', { count: result.contractsWithoutFee }));
  if (result.unlinkedInvoices > 0)
    notes.push(
      msg('contracts.unlinked-invoices', {
        unlinked: result.unlinkedInvoices,
        linked: result.linkedInvoices,
      }),
    );
  if (revenue === 'invoices' && result.linkedInvoices === 0) notes.push(msg('contracts.no-linked-invoice'));
  return {
    basis: {
      basis: 'contracts',
      asOf,
      previousDay: windows.current.startExclusive,
      windowMonths: input.windowMonths,
      windows: { current: windows.current, previous: windows.previous },
      revenue,
      tierNames: input.tiers.map((t) => t.name),
      activeCurrent: result.activeCurrent,
      activePrevious: result.activePrevious,
    },
    result,
    notes,
  };
}

export interface SubscriptionReport extends ContractBasis, SubscriptionPortfolio {}

/** `report subscription`: seed 002's subscription portfolio table per tier. */
export async function subscriptionReport(
  port: ContractsPort,
  input: ContractReportInput,
): Promise<SubscriptionReport> {
  const { basis, result, notes } = await computeBasis(port, input);
  const table = subscriptionPortfolio(basis.tierNames, result.current, result.previous, basis.windowMonths);
  return { ...basis, ...table, notes: [...notes, ...table.notes] };
}

export interface ProductsReport extends ContractBasis, ProductsTable {
  notes: Message[];
}

/** `report products`: products per customer per tier, cross-sell and down-sell between the two days. */
export async function productsReport(
  port: ContractsPort,
  input: ContractReportInput,
): Promise<ProductsReport> {
  const { basis, result, notes } = await computeBasis(port, input);
  return { ...basis, ...productsTable(basis.tierNames, result.current, result.previous), notes };
}

export interface ProductChurnReport extends ContractBasis {
  lines: ProductChurnRow[];
  notes: Message[];
}

/** `report product-churn`: per product line, who ended it and whether they stayed as customers. */
export async function productChurnReport(
  port: ContractsPort,
  input: ContractReportInput,
): Promise<ProductChurnReport> {
  const { basis, result, notes } = await computeBasis(port, input);
  return { ...basis, lines: productChurn(result.lines), notes };
}
