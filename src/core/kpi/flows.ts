/**
 * Customer flows between value tiers of two consecutive windows (docs/domain.md, "Flows between tiers";
 * seed 002, "Customer Flows between value segments"). Every customer active in the previous or the current
 * window makes exactly one flow:
 *
 * | flow | previous window | current window |
 * |---|---|---|
 * | new | not active, and no purchase ever before the current window | active |
 * | won back | not active, but a purchase before the previous window | active |
 * | retained | tier t | tier t |
 * | upgraded | tier t | a higher tier |
 * | downgraded | tier t | a lower tier |
 * | lost | tier t | not active |
 *
 * Inflow cells (everything that ends in a current tier) carry current-window purchases and revenue; lost
 * cells carry the lost customers' previous-window purchases and revenue, as in the seed.
 */
import { addMoney, ratio } from './basis';

/** Where a flow comes from: a previous-window tier index (0 = highest), or not active then. */
export type FlowSource = number | 'new' | 'wonBack';
/** Where a flow goes: a current-window tier index (0 = highest), or not active any more. */
export type FlowTarget = number | 'lost';
/** The kind of a flow, see the table in the header. */
export type FlowKind = 'retained' | 'upgraded' | 'downgraded' | 'wonBack' | 'new' | 'lost';

/** Sums over a set of customers. Money in major currency units. */
export interface Activity {
  customers: number;
  /** transactions with amount >= 0 */
  purchases: number;
  /** net sum of amounts, returns included */
  revenue: number;
  /** net sum of margins; transactions without a margin count as 0 */
  margin: number;
  /**
   * the sum of the customers' own values that cut the tiers when they are not a window sum (predicted CLV
   * under `--value clv`); absent otherwise
   */
  valueSum?: number;
}

/** Customers making one flow and their activity (current window for inflows, previous for lost). */
export interface FlowCell extends Activity {
  from: FlowSource;
  to: FlowTarget;
}

/** The activity of no customers. */
export const NO_ACTIVITY: Activity = { customers: 0, purchases: 0, revenue: 0, margin: 0 };

/** Sums activities. */
export function addActivity(a: Activity, b: Activity): Activity {
  return {
    customers: a.customers + b.customers,
    purchases: a.purchases + b.purchases,
    revenue: addMoney(a.revenue, b.revenue),
    margin: addMoney(a.margin, b.margin),
    ...(a.valueSum === undefined && b.valueSum === undefined
      ? {}
      : { valueSum: (a.valueSum ?? 0) + (b.valueSum ?? 0) }),
  };
}

/**
 * The flow of one customer from its tiers in the two windows (null = not active) and whether it bought
 * anything before the previous window; null when it is active in neither window.
 */
export function flowOf(
  previousTier: number | null,
  currentTier: number | null,
  purchasedBefore: boolean,
): { from: FlowSource; to: FlowTarget } | null {
  if (currentTier !== null)
    return { from: previousTier ?? (purchasedBefore ? 'wonBack' : 'new'), to: currentTier };
  return previousTier === null ? null : { from: previousTier, to: 'lost' };
}

/** The kind of a flow. A lower tier index is a higher tier, so from 2 to 0 is an upgrade. */
export function flowKind(from: FlowSource, to: FlowTarget): FlowKind {
  if (to === 'lost') return 'lost';
  if (from === 'new' || from === 'wonBack') return from;
  if (from === to) return 'retained';
  return from > to ? 'upgraded' : 'downgraded';
}

/**
 * Every flow cell for `tierCount` tiers in the seed's order, zero-filled where no customer moved and with
 * duplicates summed: per current tier the inflows from each previous tier (highest first), won back, new;
 * then lost per previous tier.
 */
export function completeFlowCells(cells: readonly FlowCell[], tierCount: number): FlowCell[] {
  const key = (from: FlowSource, to: FlowTarget): string => `${from}>${to}`;
  const sums = new Map<string, Activity>();
  for (const cell of cells) {
    const k = key(cell.from, cell.to);
    sums.set(k, addActivity(sums.get(k) ?? NO_ACTIVITY, cell));
  }
  const out: FlowCell[] = [];
  const push = (from: FlowSource, to: FlowTarget): void => {
    out.push({ from, to, ...(sums.get(key(from, to)) ?? NO_ACTIVITY) });
    sums.delete(key(from, to));
  };
  for (let to = 0; to < tierCount; to++) {
    for (let from = 0; from < tierCount; from++) push(from, to);
    push('wonBack', to);
    push('new', to);
  }
  for (let from = 0; from < tierCount; from++) push(from, 'lost');
  if (sums.size > 0) throw new Error(`internal error: flow cells outside ${tierCount} tiers`);
  return out;
}

/** A flow cell as a table row: its kind and revenue per customer (null for an empty cell). */
export interface FlowRow extends FlowCell {
  kind: FlowKind;
  revenuePerCustomer: number | null;
}

/** A flow cell with its kind and revenue per customer (null for an empty cell). */
export function flowRow(cell: FlowCell): FlowRow {
  return {
    ...cell,
    kind: flowKind(cell.from, cell.to),
    revenuePerCustomer: ratio(cell.revenue, cell.customers),
  };
}

/** The seed's flow table: per current tier its inflow rows and total, then the lost rows and total. */
export interface FlowTable {
  inflows: { tier: number; rows: FlowRow[]; total: Activity }[];
  lost: { rows: FlowRow[]; total: Activity };
  /** all customers active in the current window */
  currentTotal: Activity;
}

/** Builds the flow table from flow cells (any order, missing cells are empty). */
export function buildFlowTable(cells: readonly FlowCell[], tierCount: number): FlowTable {
  const rows = completeFlowCells(cells, tierCount).map(flowRow);
  const sum = (subset: readonly FlowRow[]): Activity => subset.reduce(addActivity, NO_ACTIVITY);
  const inflows = Array.from({ length: tierCount }, (_, tier) => {
    const tierRows = rows.filter((r) => r.to === tier);
    return { tier, rows: tierRows, total: sum(tierRows) };
  });
  const lostRows = rows.filter((r) => r.to === 'lost');
  return {
    inflows,
    lost: { rows: lostRows, total: sum(lostRows) },
    currentTotal: inflows.map((i) => i.total).reduce(addActivity, NO_ACTIVITY),
  };
}
