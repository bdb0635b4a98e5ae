/**
 * The loyalty-programme effect (seed 002: "Does membership in a loyalty program affect customer
 * behavior?"; docs/metrics.md, "Loyalty-programme effect"). Customers carry an optional membership start
 * date (`member_since`); three comparisons, each per value tier and in total:
 *
 * (a) **naive**: members (member_since ≤ as-of day) against non-members as of the as-of day. Customers,
 *     frequency (purchases per customer per year) and volume (revenue per customer per year) per tier of the
 *     current window; retention (share of the previous window's active customers active again in the
 *     current one) per tier of the previous window, as the retention report has it.
 * (b) **before / after joining**: every member who joined in calendar month m is followed over the w whole
 *     months before m ("before") and the w whole months after m ("after"); the month of joining itself is in
 *     neither. Retention before = share of the customers active in the w months before "before" ("pre")
 *     active in "before"; retention after = share of those active in "before" active in "after". A member
 *     takes part when the after window has ended by the as-of day and the customer was known (first purchase
 *     or `acquired_on`) on the before window's first day; the others are counted, never silently dropped.
 * (c) **matched**: every such member against the non-members of the same cell: same month of joining (so
 *     the same calendar windows), same value tier in the before window (ranked among every customer active
 *     in it; not active is a cell of its own), same tenure band on the before window's first day
 *     (TENURE_BANDS) and the same answer to "bought in the month of joining?" (members often join at a
 *     purchase, which shows they were still buying then; a control must show the same). Controls are customers without a membership start by the end of the after window who
 *     meet the same history rule. Difference in differences per cell: (member after − member before) −
 *     (control after − control before), averaged over the matched members (cells weighted by their members);
 *     a member whose cell has no control is unmatched and counted.
 *
 * Members choose to join: the customers who join are those who buy more anyway (self-selection), so the
 * naive comparison overstates the effect; a note says so with every report.
 */
import { assert } from '../errors';
import { addDays, daysInMonth, type IsoDay, type Window } from '../dates';
import { perYear, ratio, type WindowMonths } from './basis';
import { msg, type Message } from '../messages/catalogue';

/** Tenure bands for matching: days from the customer's first purchase (or `acquired_on`) to the before window. */
export const TENURE_BANDS: readonly { name: string; fromDays: number }[] = [
  { name: 'under 1 year', fromDays: 0 },
  { name: '1–2 years', fromDays: 365 },
  { name: '2–5 years', fromDays: 730 },
  { name: '5 years or more', fromDays: 1826 },
];

/** Index into TENURE_BANDS of a tenure of `days` days. */
export function tenureBand(days: number): number {
  let band = 0;
  TENURE_BANDS.forEach((b, i) => {
    if (days >= b.fromDays) band = i;
  });
  return band;
}

/** Month index of a day: year × 12 + month − 1. */
export function monthIndex(day: IsoDay): number {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return y * 12 + m - 1;
}

/** The last day of month index `m`. */
export function monthEnd(m: number): IsoDay {
  const year = Math.floor(m / 12);
  const month = m - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(daysInMonth(year, month)).padStart(2, '0')}`;
}

/** The windows around joining in month `m` (comparison (b) and (c)). */
export interface JoinWindows {
  month: number;
  /** the w months before `before`: retention before joining counts its active customers */
  pre: Window;
  /** the w whole months before the month of joining */
  before: Window;
  /** the month of joining (in neither window) */
  joining: Window;
  /** the w whole months after the month of joining */
  after: Window;
  /** the before window's first day: a customer known on it (first purchase or acquired_on) has the history */
  historyDay: IsoDay;
}

export function joinWindows(month: number, windowMonths: WindowMonths): JoinWindows {
  assert(Number.isInteger(month) && Number.isInteger(windowMonths) && windowMonths > 0, 'join month');
  const w = windowMonths;
  return {
    month,
    pre: { startExclusive: monthEnd(month - 2 * w - 1), endInclusive: monthEnd(month - w - 1) },
    before: { startExclusive: monthEnd(month - w - 1), endInclusive: monthEnd(month - 1) },
    joining: { startExclusive: monthEnd(month - 1), endInclusive: monthEnd(month) },
    after: { startExclusive: monthEnd(month), endInclusive: monthEnd(month + w) },
    historyDay: addDays(monthEnd(month - w - 1), 1),
  };
}

/** True when members who joined in month `month` can be followed: the after window ends by `asOf`. */
export function joinMonthComplete(month: number, windowMonths: WindowMonths, asOf: IsoDay): boolean {
  return monthEnd(month + windowMonths) <= asOf;
}

/** Purchases and revenue of a group of customers active in a window. */
export interface GroupSums {
  customers: number;
  purchases: number;
  revenue: number;
}

/** Customers active in the previous window and how many of them are active in the current one. */
export interface RetentionSums {
  previous: number;
  retained: number;
}

/** What the store hands over for the naive comparison, per tier (index 0 = highest). */
export interface NaiveSums {
  /** per tier of the current window: members and non-members active in it */
  current: { members: GroupSums; nonMembers: GroupSums }[];
  /** per tier of the previous window: members and non-members active in it and retained */
  retention: { members: RetentionSums; nonMembers: RetentionSums }[];
}

/**
 * One cell of the before / after data: the customers of one month of joining, value tier in the before
 * window (null = not active in it), tenure band and side (members who joined that month, or controls).
 */
export interface JoinCell {
  month: number;
  tier: number | null;
  band: number;
  /** a purchase in the month of joining */
  boughtInMonth: boolean;
  member: boolean;
  customers: number;
  beforePurchases: number;
  beforeRevenue: number;
  afterPurchases: number;
  afterRevenue: number;
  /** active in pre; active in before; active in pre and before; active in before and after */
  activePre: number;
  activeBefore: number;
  preAndBefore: number;
  beforeAndAfter: number;
}

/** Members who cannot be followed before and after joining, and why. */
export interface JoinLeftOut {
  /** joined so recently that the w months after the month of joining have not ended by the as-of day */
  tooRecent: number;
  /** not known (first purchase or acquired_on) on the first day of the w months before joining */
  shortHistory: number;
}

/** Members and non-members of the naive comparison, and the figures of one group. */
export interface GroupFigures {
  customers: number;
  /** purchases per customer per year */
  frequency: number | null;
  /** revenue per customer per year */
  volume: number | null;
  /** customers active in the previous window (of this tier there), and the share active again */
  previousActive: number;
  retention: number | null;
}

export interface NaiveRow {
  tier: string;
  members: GroupFigures;
  nonMembers: GroupFigures;
  /** members − non-members */
  frequencyDifference: number | null;
  volumeDifference: number | null;
  retentionDifference: number | null;
}

/** Before / after joining: the members of one tier of the before window (tier null = not active there). */
export interface BeforeAfterRow {
  tier: string | null;
  members: number;
  frequencyBefore: number | null;
  frequencyAfter: number | null;
  volumeBefore: number | null;
  volumeAfter: number | null;
  /** denominators: members active in pre, in before */
  retentionBase: { before: number; after: number };
  retentionBefore: number | null;
  retentionAfter: number | null;
}

/** One figure of the matched comparison: members' and controls' before and after, and the DiD. */
export interface MatchedFigure {
  memberBefore: number | null;
  memberAfter: number | null;
  controlBefore: number | null;
  controlAfter: number | null;
  /** (memberAfter − memberBefore) − (controlAfter − controlBefore) */
  did: number | null;
}

export interface MatchedRow {
  tier: string | null;
  /** members with at least one control in their cell */
  matchedMembers: number;
  /** control observations in those cells (a non-member is a control once per month of joining it matches) */
  controls: number;
  /** members whose cell has no control */
  unmatchedMembers: number;
  frequency: MatchedFigure;
  volume: MatchedFigure;
  /** over the matched cells where members and controls had customers active in pre and in before */
  retentionMembers: number;
  retention: MatchedFigure;
}

export interface ProgrammeEffect {
  naive: { tiers: NaiveRow[]; total: NaiveRow };
  beforeAfter: { tiers: BeforeAfterRow[]; total: BeforeAfterRow; leftOut: JoinLeftOut };
  matched: { tiers: MatchedRow[]; total: MatchedRow };
  notes: Message[];
}

const NO_GROUP: GroupSums = { customers: 0, purchases: 0, revenue: 0 };
const NO_RETENTION: RetentionSums = { previous: 0, retained: 0 };

const addGroup = (a: GroupSums, b: GroupSums): GroupSums => ({
  customers: a.customers + b.customers,
  purchases: a.purchases + b.purchases,
  revenue: a.revenue + b.revenue,
});
const addRetention = (a: RetentionSums, b: RetentionSums): RetentionSums => ({
  previous: a.previous + b.previous,
  retained: a.retained + b.retained,
});

const minus = (a: number | null, b: number | null): number | null =>
  a === null || b === null ? null : a - b;

function group(g: GroupSums, r: RetentionSums, yearly: number): GroupFigures {
  const per = (x: number): number | null => {
    const v = ratio(x, g.customers);
    return v === null ? null : v * yearly;
  };
  return {
    customers: g.customers,
    frequency: per(g.purchases),
    volume: per(g.revenue),
    previousActive: r.previous,
    retention: ratio(r.retained, r.previous),
  };
}

function naiveRow(
  tier: string,
  g: { members: GroupSums; nonMembers: GroupSums },
  r: { members: RetentionSums; nonMembers: RetentionSums },
  yearly: number,
): NaiveRow {
  const members = group(g.members, r.members, yearly);
  const nonMembers = group(g.nonMembers, r.nonMembers, yearly);
  return {
    tier,
    members,
    nonMembers,
    frequencyDifference: minus(members.frequency, nonMembers.frequency),
    volumeDifference: minus(members.volume, nonMembers.volume),
    retentionDifference: minus(members.retention, nonMembers.retention),
  };
}

/** Sums of cells (one side) for the before / after figures. */
interface SideSums {
  customers: number;
  beforePurchases: number;
  beforeRevenue: number;
  afterPurchases: number;
  afterRevenue: number;
  activePre: number;
  activeBefore: number;
  preAndBefore: number;
  beforeAndAfter: number;
}

const NO_SIDE: SideSums = {
  customers: 0,
  beforePurchases: 0,
  beforeRevenue: 0,
  afterPurchases: 0,
  afterRevenue: 0,
  activePre: 0,
  activeBefore: 0,
  preAndBefore: 0,
  beforeAndAfter: 0,
};

function addSide(a: SideSums, c: SideSums): SideSums {
  return {
    customers: a.customers + c.customers,
    beforePurchases: a.beforePurchases + c.beforePurchases,
    beforeRevenue: a.beforeRevenue + c.beforeRevenue,
    afterPurchases: a.afterPurchases + c.afterPurchases,
    afterRevenue: a.afterRevenue + c.afterRevenue,
    activePre: a.activePre + c.activePre,
    activeBefore: a.activeBefore + c.activeBefore,
    preAndBefore: a.preAndBefore + c.preAndBefore,
    beforeAndAfter: a.beforeAndAfter + c.beforeAndAfter,
  };
}

function beforeAfterRow(tier: string | null, s: SideSums, yearly: number): BeforeAfterRow {
  const per = (x: number): number | null => {
    const v = ratio(x, s.customers);
    return v === null ? null : v * yearly;
  };
  return {
    tier,
    members: s.customers,
    frequencyBefore: per(s.beforePurchases),
    frequencyAfter: per(s.afterPurchases),
    volumeBefore: per(s.beforeRevenue),
    volumeAfter: per(s.afterRevenue),
    retentionBase: { before: s.activePre, after: s.activeBefore },
    retentionBefore: ratio(s.preAndBefore, s.activePre),
    retentionAfter: ratio(s.beforeAndAfter, s.activeBefore),
  };
}

/** Weighted sums of the matched comparison over a set of cells. */
interface MatchedSums {
  matched: number;
  controls: number;
  unmatched: number;
  /** Σ weight × cell mean, for member and control, before and after: frequency (purchases), volume, retention */
  f: [number, number, number, number];
  v: [number, number, number, number];
  r: [number, number, number, number];
  retentionWeight: number;
}

const noMatched = (): MatchedSums => ({
  matched: 0,
  controls: 0,
  unmatched: 0,
  f: [0, 0, 0, 0],
  v: [0, 0, 0, 0],
  r: [0, 0, 0, 0],
  retentionWeight: 0,
});

function matchedFigure(sums: readonly number[], weight: number, scale: number): MatchedFigure {
  if (weight === 0)
    return { memberBefore: null, memberAfter: null, controlBefore: null, controlAfter: null, did: null };
  const [mb, ma, cb, ca] = sums.map((x) => (x / weight) * scale) as [number, number, number, number];
  return { memberBefore: mb, memberAfter: ma, controlBefore: cb, controlAfter: ca, did: ma - mb - (ca - cb) };
}

function matchedRow(tier: string | null, s: MatchedSums, yearly: number): MatchedRow {
  return {
    tier,
    matchedMembers: s.matched,
    controls: s.controls,
    unmatchedMembers: s.unmatched,
    frequency: matchedFigure(s.f, s.matched, yearly),
    volume: matchedFigure(s.v, s.matched, yearly),
    retentionMembers: s.retentionWeight,
    retention: matchedFigure(s.r, s.retentionWeight, 1),
  };
}

const cellKey = (c: JoinCell): string => `${c.month}|${c.tier ?? '-'}|${c.band}|${c.boughtInMonth ? 1 : 0}`;

/**
 * The three comparisons from the store's sums. `names` are the tiers (index 0 = highest); rows of (b) and
 * (c) come per tier of the before window, then one for the customers not active in it (tier null).
 */
export function programmeEffect(
  names: readonly string[],
  naive: NaiveSums,
  cells: readonly JoinCell[],
  leftOut: JoinLeftOut,
  windowMonths: WindowMonths,
  counts: { members: number; joinedAfterAsOf: number },
): ProgrammeEffect {
  const yearly = perYear(windowMonths);
  const pairs = { members: NO_GROUP, nonMembers: NO_GROUP };
  const noRet = { members: NO_RETENTION, nonMembers: NO_RETENTION };
  const tiers = names.map((name, i) =>
    naiveRow(name, naive.current[i] ?? pairs, naive.retention[i] ?? noRet, yearly),
  );
  const allCurrent = naive.current.reduce(
    (a, c) => ({ members: addGroup(a.members, c.members), nonMembers: addGroup(a.nonMembers, c.nonMembers) }),
    pairs,
  );
  const allRetention = naive.retention.reduce(
    (a, r) => ({
      members: addRetention(a.members, r.members),
      nonMembers: addRetention(a.nonMembers, r.nonMembers),
    }),
    noRet,
  );
  const naiveTotal = naiveRow('total', allCurrent, allRetention, yearly);

  // (b) before / after: the members' cells, per tier of the before window
  const slots = names.length + 1; // the last slot: not active in the before window
  const slotOf = (c: JoinCell): number => {
    assert(c.tier === null || (c.tier >= 0 && c.tier < names.length), `tier ${c.tier}`);
    return c.tier ?? names.length;
  };
  const tierName = (slot: number): string | null => (slot < names.length ? (names[slot] ?? null) : null);
  const memberSides = Array.from({ length: slots }, () => NO_SIDE);
  for (const c of cells) if (c.member) memberSides[slotOf(c)] = addSide(memberSides[slotOf(c)] ?? NO_SIDE, c);
  const beforeAfter = {
    tiers: memberSides.map((s, slot) => beforeAfterRow(tierName(slot), s, yearly)),
    total: beforeAfterRow('total', memberSides.reduce(addSide, NO_SIDE), yearly),
    leftOut,
  };

  // (c) matched: members and controls of the same cell
  const controls = new Map<string, JoinCell>();
  for (const c of cells) if (!c.member && c.customers > 0) controls.set(cellKey(c), c);
  const matched = Array.from({ length: slots }, noMatched);
  for (const m of cells) {
    if (!m.member || m.customers === 0) continue;
    const s = matched[slotOf(m)] as MatchedSums;
    const c = controls.get(cellKey(m));
    if (c === undefined) {
      s.unmatched += m.customers;
      continue;
    }
    const n = m.customers;
    s.matched += n;
    s.controls += c.customers;
    const mean = (x: number, d: number): number => x / d;
    s.f[0] += n * mean(m.beforePurchases, n);
    s.f[1] += n * mean(m.afterPurchases, n);
    s.f[2] += n * mean(c.beforePurchases, c.customers);
    s.f[3] += n * mean(c.afterPurchases, c.customers);
    s.v[0] += n * mean(m.beforeRevenue, n);
    s.v[1] += n * mean(m.afterRevenue, n);
    s.v[2] += n * mean(c.beforeRevenue, c.customers);
    s.v[3] += n * mean(c.afterRevenue, c.customers);
    if (m.activePre > 0 && m.activeBefore > 0 && c.activePre > 0 && c.activeBefore > 0) {
      s.retentionWeight += n;
      s.r[0] += n * mean(m.preAndBefore, m.activePre);
      s.r[1] += n * mean(m.beforeAndAfter, m.activeBefore);
      s.r[2] += n * mean(c.preAndBefore, c.activePre);
      s.r[3] += n * mean(c.beforeAndAfter, c.activeBefore);
    }
  }
  const total = matched.reduce((a, s) => {
    const add4 = (x: number[], y: number[]): [number, number, number, number] =>
      x.map((v, i) => v + (y[i] ?? 0)) as [number, number, number, number];
    return {
      matched: a.matched + s.matched,
      controls: a.controls + s.controls,
      unmatched: a.unmatched + s.unmatched,
      f: add4(a.f, s.f),
      v: add4(a.v, s.v),
      r: add4(a.r, s.r),
      retentionWeight: a.retentionWeight + s.retentionWeight,
    };
  }, noMatched());
  const matchedTable = {
    tiers: matched.map((s, slot) => matchedRow(tierName(slot), s, yearly)),
    total: matchedRow('total', total, yearly),
  };

  const notes: Message[] = [msg('programme.self-selection')];
  if (counts.members === 0) notes.push(msg('programme.no-members'));
  if (counts.joinedAfterAsOf > 0)
    notes.push(msg('programme.joined-after-as-of', { customers: counts.joinedAfterAsOf }));
  if (leftOut.tooRecent > 0 || leftOut.shortHistory > 0)
    notes.push(
      msg('programme.left-out', {
        followed: beforeAfter.total.members,
        tooRecent: leftOut.tooRecent,
        shortHistory: leftOut.shortHistory,
        months: windowMonths,
      }),
    );
  if (total.unmatched > 0)
    notes.push(msg('programme.unmatched', { unmatched: total.unmatched, matched: total.matched }));
  if (total.matched > total.retentionWeight)
    notes.push(msg('programme.retention-cells', { members: total.retentionWeight, matched: total.matched }));
  return { naive: { tiers, total: naiveTotal }, beforeAfter, matched: matchedTable, notes };
}
