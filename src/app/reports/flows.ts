/**
 * `report flows`: the flows of customers between the value tiers of the previous and the current window
 * (seed 002, "Customer Flows between value segments"), as the cells of a tier × tier matrix plus new, won
 * back and lost, which is also what a Sankey diagram needs.
 */
import type { IsoDay, Window } from '../../core/dates';
import { ratio, type ValueBasis, type WindowMonths } from '../../core/kpi/basis';
import { buildFlowTable, type Activity, type FlowKind } from '../../core/kpi/flows';
import type { ActivityBasis } from '../../core/kpi/basis';
import type { AnalyticsPort } from '../../data/analytics/types';
import type { ModelsPort } from '../../data/models/types';
import type { ClvBasisJson } from './clv-basis';
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
  /**
   * only with value = clv: the customers' predicted CLVs summed (inflows and current tiers as of the
   * current window's end; lost customers and previous tiers as of the previous window's end)
   */
  clv?: number;
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
  value: ValueBasis;
  /** with value = clv: the CLV's model, horizon, discount rate, time unit and each window's fits */
  clv?: ClvBasisJson;
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

function activityJson(a: Activity, measure: ValueBasis): ActivityJson {
  return {
    customers: a.customers,
    purchases: a.purchases,
    revenue: a.revenue,
    ...(measure === 'margin' ? { margin: a.margin } : {}),
    revenuePerCustomer: ratio(a.revenue, a.customers),
    ...(measure === 'clv' ? { clv: a.valueSum ?? 0 } : {}),
  };
}

/** The flows on orders, or on contracts (`input.basis`, or the default from what the store holds). */
export async function flowsReport(
  analytics: AnalyticsPort,
  input: ReportInput,
  contracts?: ContractsPort,
  models?: ModelsPort,
): Promise<FlowsReport> {
  const on = await tierFlowsOn(analytics, contracts, input, { distinguishWonBack: true, models });
  const { basis, flows: result } = on;
  const measure: ValueBasis = on.clv === null ? basis.measure : 'clv';
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
    value: measure,
    ...(on.clv === null ? {} : { clv: on.clv }),
    windows: { current: basis.current, previous: basis.previous },
    flows: rows.map((r) => ({
      from: name(r.from),
      to: name(r.to),
      kind: r.kind,
      ...activityJson(r, measure),
    })),
    current: table.inflows.map((i) => ({ tier: name(i.tier), ...activityJson(i.total, measure) })),
    previous: result.previousTiers.map((a, i) => ({ tier: name(i), ...activityJson(a, measure) })),
    lost: activityJson(table.lost.total, measure),
    total: activityJson(table.currentTotal, measure),
    cutoffs: { previous: result.cutoffsPrevious, current: result.cutoffsCurrent },
    notes,
  };
}
