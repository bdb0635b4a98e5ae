/**
 * Counts, value and KPIs per group of customers: the value × loyalty matrix and its named segments, the
 * movement between segments from the previous window's end (F12) to the as-of day (S12), and the base KPIs
 * (retention, churn, duration, revenue per customer, NPS, complaint rate) cut by tier, lifecycle phase
 * and segment. Money is summed in whole cents, so totals do not depend on the order of the customers.
 */
import type { Tier } from '../kpi/tiers';
import { SEGMENT_ABSENT, SEGMENT_INACTIVE, segmentName, type Snapshot } from './classify';
import { INACTIVE, LOYALTY_LEVELS, PHASES, type LoyaltyLevel, type SegmentRule } from './rules';
import type { CustomerStates } from './states';

const cents = (x: number): number => Math.round(x * 100);
const share = (a: number, b: number): number | null => (b > 0 ? a / b : null);

export interface MatrixCell {
  tier: string;
  loyalty: LoyaltyLevel;
  segment: string;
  customers: number;
  value: number;
  customerShare: number | null;
  valueShare: number | null;
}

export interface SegmentRow {
  segment: string;
  customers: number;
  value: number;
  revenue: number;
  customerShare: number | null;
  valueShare: number | null;
  valuePerCustomer: number | null;
}

export interface MovementRow {
  /** segment at the previous window's end, `inactive`, or `new` (no purchase by then) */
  from: string;
  /** segment at the as-of day, or `inactive` */
  to: string;
  customers: number;
  /** value in the previous and the current window */
  valueBefore: number;
  valueNow: number;
}

export interface SegmentSummary {
  matrix: MatrixCell[];
  segments: SegmentRow[];
  movement: MovementRow[];
  /** active customers in the current window and their value */
  active: number;
  value: number;
}

/** The value × loyalty matrix, the segments with the `inactive` row, and the F12 → S12 movement. */
export function segmentSummary(
  states: CustomerStates,
  current: Snapshot,
  previous: Snapshot,
  tiers: readonly Tier[],
  segments: readonly SegmentRule[],
): SegmentSummary {
  const levels = LOYALTY_LEVELS.length;
  const cellCount = new Array<number>(tiers.length * levels).fill(0);
  const cellValue = new Array<number>(tiers.length * levels).fill(0);
  const segCount = new Array<number>(segments.length + 1).fill(0);
  const segValue = new Array<number>(segments.length + 1).fill(0);
  const segRevenue = new Array<number>(segments.length + 1).fill(0);
  const moves = new Map<
    string,
    { from: number; to: number; customers: number; before: number; now: number }
  >();
  let active = 0;
  let value = 0;
  for (let i = 0; i < current.present.length; i++) {
    if (current.present[i] !== 1) continue;
    const seg = current.segment[i] ?? SEGMENT_INACTIVE;
    const v = cents(states.valueCurrent[i] ?? 0);
    const slot = seg === SEGMENT_INACTIVE ? segments.length : seg;
    segCount[slot]!++;
    segValue[slot]! += v;
    segRevenue[slot]! += cents(states.revenueCurrent[i] ?? 0);
    const t = current.tier[i] ?? -1;
    if (t >= 0) {
      active++;
      value += v;
      const cell = t * levels + (current.loyalty[i] ?? 0);
      cellCount[cell]!++;
      cellValue[cell]! += v;
    }
    const from = previous.segment[i] ?? SEGMENT_ABSENT;
    const key = `${from}|${seg}`;
    const m = moves.get(key) ?? { from, to: seg, customers: 0, before: 0, now: 0 };
    m.customers++;
    m.before += cents(states.valuePrevious[i] ?? 0);
    m.now += v;
    moves.set(key, m);
  }
  const owner = new Map<string, string>();
  for (const s of segments)
    for (const t of s.tiers) for (const l of s.loyalty) owner.set(`${t}|${l}`, s.name);
  const matrix: MatrixCell[] = [];
  tiers.forEach((tier, t) =>
    LOYALTY_LEVELS.forEach((loyalty, l) => {
      const k = t * levels + l;
      matrix.push({
        tier: tier.name,
        loyalty,
        segment: owner.get(`${tier.name}|${loyalty}`) ?? '',
        customers: cellCount[k] ?? 0,
        value: (cellValue[k] ?? 0) / 100,
        customerShare: share(cellCount[k] ?? 0, active),
        valueShare: share(cellValue[k] ?? 0, value),
      });
    }),
  );
  const rows: SegmentRow[] = [...segments.map((s) => s.name), INACTIVE].map((name, k) => ({
    segment: name,
    customers: segCount[k] ?? 0,
    value: (segValue[k] ?? 0) / 100,
    revenue: (segRevenue[k] ?? 0) / 100,
    // shares of the active customers and their value; the inactive row has none
    customerShare: k < segments.length ? share(segCount[k] ?? 0, active) : null,
    valueShare: k < segments.length ? share(segValue[k] ?? 0, value) : null,
    valuePerCustomer: k < segments.length ? share((segValue[k] ?? 0) / 100, segCount[k] ?? 0) : null,
  }));
  // order: by the segment rules, then inactive, then new
  const position = (code: number): number =>
    code >= 0 ? code : code === SEGMENT_INACTIVE ? segments.length : segments.length + 1;
  const movement = [...moves.values()]
    .sort((a, b) => position(a.from) - position(b.from) || position(a.to) - position(b.to))
    .map((m) => ({
      from: segmentName(m.from, segments),
      to: segmentName(m.to, segments),
      customers: m.customers,
      valueBefore: m.before / 100,
      valueNow: m.now / 100,
    }));
  return { matrix, segments: rows, movement, active, value: value / 100 };
}

/** The base KPIs of one group. */
export interface GroupKpis {
  group: string;
  /** customers in the group at the as-of day */
  customers: number;
  /** of them active in the current window */
  active: number;
  /** customers in the group at the previous window's end that were active in the previous window, and of them still active */
  previous: number;
  retained: number;
  retention: number | null;
  churn: number | null;
  /** years: window length / churn */
  duration: number | null;
  /** net revenue of the group's active customers per active customer per year */
  revenuePerCustomer: number | null;
  /** of the members' latest NPS answers in the current window: % promoters − % detractors */
  npsAnswers: number;
  nps: number | null;
  /** complaints opened in the current window per 1 000 members */
  complaints: number;
  complaintsPer1000: number | null;
}

export interface KpiCuts {
  tiers: GroupKpis[];
  phases: GroupKpis[];
  segments: GroupKpis[];
}

/**
 * The base KPIs by group. A group's members are its customers at the as-of day (size, revenue, NPS,
 * complaints); its retention is measured on its customers at the previous window's end, like the
 * portfolio's per-tier retention: of those active in the previous window, the share active in the current.
 */
function kpisBy(
  labels: readonly string[],
  now: ArrayLike<number>,
  before: ArrayLike<number>,
  slot: (code: number) => number,
  states: CustomerStates,
  current: Snapshot,
  previous: Snapshot,
  windowMonths: number,
): GroupKpis[] {
  const k = labels.length;
  const customers = new Array<number>(k).fill(0);
  const active = new Array<number>(k).fill(0);
  const revenue = new Array<number>(k).fill(0);
  const prev = new Array<number>(k).fill(0);
  const retained = new Array<number>(k).fill(0);
  const answers = new Array<number>(k).fill(0);
  const promoters = new Array<number>(k).fill(0);
  const detractors = new Array<number>(k).fill(0);
  const complaints = new Array<number>(k).fill(0);
  const start = current.days.currentStart;
  for (let i = 0; i < current.present.length; i++) {
    if (current.present[i] === 1) {
      const g = slot(now[i] ?? -9);
      if (g >= 0) {
        customers[g]!++;
        if ((states.purchasesCurrent[i] ?? 0) > 0) {
          active[g]!++;
          revenue[g]! += cents(states.revenueCurrent[i] ?? 0);
        }
        const day = states.npsDay[i] ?? NaN;
        if (day > start) {
          answers[g]!++;
          const score = states.npsScore[i] ?? 0;
          if (score >= 9) promoters[g]!++;
          else if (score <= 6) detractors[g]!++;
        }
        complaints[g]! += states.complaintsCurrent[i] ?? 0;
      }
    }
    if (previous.present[i] === 1 && (states.purchasesPrevious[i] ?? 0) > 0) {
      const g = slot(before[i] ?? -9);
      if (g >= 0) {
        prev[g]!++;
        if ((states.purchasesCurrent[i] ?? 0) > 0) retained[g]!++;
      }
    }
  }
  return labels.map((group, g) => {
    const retention = share(retained[g] ?? 0, prev[g] ?? 0);
    const churn = retention === null ? null : 1 - retention;
    return {
      group,
      customers: customers[g] ?? 0,
      active: active[g] ?? 0,
      previous: prev[g] ?? 0,
      retained: retained[g] ?? 0,
      retention,
      churn,
      duration: churn === null || churn === 0 ? null : windowMonths / 12 / churn,
      revenuePerCustomer:
        (active[g] ?? 0) > 0 ? (revenue[g]! / 100 / active[g]!) * (12 / windowMonths) : null,
      npsAnswers: answers[g] ?? 0,
      nps: (answers[g] ?? 0) > 0 ? (100 * (promoters[g]! - detractors[g]!)) / answers[g]! : null,
      complaints: complaints[g] ?? 0,
      complaintsPer1000: (customers[g] ?? 0) > 0 ? (1000 * complaints[g]!) / customers[g]! : null,
    };
  });
}

/** The base KPIs cut by tier (plus `inactive`), by lifecycle phase and by segment (plus `inactive`). */
export function kpiCuts(
  states: CustomerStates,
  current: Snapshot,
  previous: Snapshot,
  tiers: readonly Tier[],
  segments: readonly SegmentRule[],
  windowMonths: number,
): KpiCuts {
  const tierLabels = [...tiers.map((t) => t.name), INACTIVE];
  const segLabels = [...segments.map((s) => s.name), INACTIVE];
  const tierSlot = (c: number): number => (c >= 0 ? c : tiers.length);
  const segSlot = (c: number): number => (c >= 0 ? c : c === SEGMENT_INACTIVE ? segments.length : -1);
  return {
    tiers: kpisBy(tierLabels, current.tier, previous.tier, tierSlot, states, current, previous, windowMonths),
    phases: kpisBy(PHASES, current.phase, previous.phase, (c) => c, states, current, previous, windowMonths),
    segments: kpisBy(
      segLabels,
      current.segment,
      previous.segment,
      segSlot,
      states,
      current,
      previous,
      windowMonths,
    ),
  };
}

/** Customers per lifecycle phase and per tier (rows phases, columns tiers and `inactive`). */
export function phaseByTier(current: Snapshot, tierCount: number): number[][] {
  const out = PHASES.map(() => new Array<number>(tierCount + 1).fill(0));
  for (let i = 0; i < current.present.length; i++) {
    if (current.present[i] !== 1) continue;
    const p = current.phase[i] ?? -1;
    const t = current.tier[i] ?? -1;
    if (p >= 0) out[p]![t >= 0 ? t : tierCount]!++;
  }
  return out;
}
