/**
 * `report flows`: the flows of customers between the value tiers of the previous and the current window
 * (seed 002, "Customer Flows between value segments"), as the cells of a tier × tier matrix plus new, won
 * back and lost, which is also what a Sankey diagram needs.
 */
import type { IsoDay, Window } from '../../core/dates';
import { ratio, type ValueMeasure, type WindowMonths } from '../../core/kpi/basis';
import { buildFlowTable, type Activity, type FlowKind } from '../../core/kpi/flows';
import type { ActivityBasis } from '../../core/kpi/basis';
import type { AnalyticsPort } from '../../data/analytics/types';
import type { ContractsPort } from '../../data/contracts/types';
import { tierFlowsOn } from './activity';
import type { ReportInput } from '../options/report';
import { msg, type Message } from '../../core/messages/catalogue';

/** Customers, purchases and revenue of a group; revenue per customer is per window (as in the seed). */
export interface ActivityJson {
  customers: number;
  purchases: number;
  revenue: number;
  /** only with value = margin */
  margin?: number;
  revenuePerCustomer: number | null;
}

export interface FlowJson extends ActivityJson {
  /** a previous-window tier name, "new" or "wonBack" */
  from: string;
  /** a current-window tier name or "lost" */
  to: string;
  kind: FlowKind;
}

export interface FlowsReport {
  /** what made a customer active: orders in the window, or a contract in force on the day */
  basis: ActivityBasis;
  asOf: IsoDay;
  windowMonths: WindowMonths;
  value: ValueMeasure;
  windows: { current: Window; previous: Window };
  /** every cell, zero-filled: per current tier the inflows (from each previous tier, won back, new), then lost */
  flows: FlowJson[];
  /** current-window totals per tier (the seed's tier total rows) */
  current: (ActivityJson & { tier: string })[];
  /** previous-window totals per tier (the seed's F12 table) */
  previous: (ActivityJson & { tier: string })[];
  /** all lost customers, with their previous-window activity */
  lost: ActivityJson;
  /** all customers active in the current window */
  total: ActivityJson;
  /** rank cut-offs applied: tier k holds competition ranks ≤ cutoffs[k] */
  cutoffs: { previous: number[]; current: number[] };
  notes: Message[];
}

function activityJson(a: Activity, measure: ValueMeasure): ActivityJson {
  return {
    customers: a.customers,
    purchases: a.purchases,
    revenue: a.revenue,
    ...(measure === 'margin' ? { margin: a.margin } : {}),
    revenuePerCustomer: ratio(a.revenue, a.customers),
  };
}

/** The flows on orders, or on contracts (`input.basis`, or the default from what the store holds). */
export async function flowsReport(
  analytics: AnalyticsPort,
  input: ReportInput,
  contracts?: ContractsPort,
): Promise<FlowsReport> {
  const on = await tierFlowsOn(analytics, contracts, input, { distinguishWonBack: true });
  const { basis, flows: result } = on;
  const names = basis.tiers.map((t) => t.name);
  const table = buildFlowTable(result.cells, names.length);
  const name = (index: number | string): string =>
    typeof index === 'number' ? (names[index] ?? '?') : index;
  const rows = [...table.inflows.flatMap((i) => i.rows), ...table.lost.rows];
  const notes: Message[] = [...on.notes];
  if (result.activePrevious === 0) notes.push(msg('flows.no-previous'));
  if (result.activeCurrent === 0) notes.push(msg('flows.no-current'));
  return {
    basis: on.activity,
    asOf: basis.asOf,
    windowMonths: basis.windowMonths,
    value: basis.measure,
    windows: { current: basis.current, previous: basis.previous },
    flows: rows.map((r) => ({
      from: name(r.from),
      to: name(r.to),
      kind: r.kind,
      ...activityJson(r, basis.measure),
    })),
    current: table.inflows.map((i) => ({ tier: name(i.tier), ...activityJson(i.total, basis.measure) })),
    previous: result.previousTiers.map((a, i) => ({ tier: name(i), ...activityJson(a, basis.measure) })),
    lost: activityJson(table.lost.total, basis.measure),
    total: activityJson(table.currentTotal, basis.measure),
    cutoffs: { previous: result.cutoffsPrevious, current: result.cutoffsCurrent },
    notes,
  };
}
