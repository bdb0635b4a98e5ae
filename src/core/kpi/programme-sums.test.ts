import { describe, expect, it } from 'vitest';
import { fromEpochDay, inWindow, toEpochDay, windowBack, type IsoDay } from '../dates';
import {
  joinMonthComplete,
  joinWindows,
  monthIndex,
  tenureBand,
  type JoinCell,
  type NaiveSums,
} from './programme';
import {
  monthIndexOfEpochDay,
  programmeScanFrom,
  programmeSums,
  tierThresholds,
  type ProgrammeCustomers,
} from './programme-sums';
import { tierCutoffs, tierOfRank, type Tier } from './tiers';

/** A small deterministic generator (LCG), so every run tests the same data. */
function random(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
}

interface Tx {
  day: IsoDay;
  cents: number;
  valueCents: number;
  /** no margin: its value (margin) counts as 0 */
  noMargin: boolean;
}

interface Customer {
  acquired: IsoDay | null;
  joined: IsoDay | null;
  txs: Tx[];
}

/** Competition ranks (1 = highest, ties share the smallest), computed by counting: no sort, no selection. */
function ranks(values: number[]): number[] {
  return values.map((v) => 1 + values.filter((x) => x > v).length);
}

const TIERS: Tier[] = [
  { name: 'A', sharePpm: 100_000 },
  { name: 'B', sharePpm: 250_000 },
  { name: 'C', sharePpm: 650_000 },
];

/**
 * The reference: the rules of docs/metrics.md applied customer by customer with ISO-day window tests
 * (core `inWindow`, `joinWindows`) over every transaction, ranks by counting, sums of integer cents.
 */
function reference(customers: Customer[], asOf: IsoDay, w: number, tiers: Tier[]) {
  const current = windowBack(asOf, w, 0);
  const previous = windowBack(asOf, w, 1);
  const purchases = (c: Customer, win: { startExclusive: IsoDay; endInclusive: IsoDay }) =>
    c.txs.filter((t) => inWindow(t.day, win) && t.cents >= 0).length;
  const sum = (c: Customer, win: { startExclusive: IsoDay; endInclusive: IsoDay }, f: (t: Tx) => number) =>
    c.txs.filter((t) => inWindow(t.day, win)).reduce((s, t) => s + f(t), 0);
  const tierOf = (values: number[]) => {
    const r = ranks(values);
    const cuts = tierCutoffs(values.length, tiers);
    return r.map((x) => tierOfRank(x, cuts));
  };
  const isMember = (c: Customer) => c.joined !== null && c.joined <= asOf;
  // naive
  const naive: NaiveSums = {
    current: tiers.map(() => ({
      members: { customers: 0, purchases: 0, revenue: 0 },
      nonMembers: { customers: 0, purchases: 0, revenue: 0 },
    })),
    retention: tiers.map(() => ({
      members: { previous: 0, retained: 0 },
      nonMembers: { previous: 0, retained: 0 },
    })),
  };
  const activeNow = customers.filter((c) => purchases(c, current) > 0);
  const nowTiers = tierOf(activeNow.map((c) => sum(c, current, (t) => t.valueCents)));
  const revenueCents = tiers.map(() => [0, 0]);
  activeNow.forEach((c, i) => {
    const t = nowTiers[i] as number;
    const g = naive.current[t]!;
    const side = isMember(c) ? g.members : g.nonMembers;
    side.customers += 1;
    side.purchases += purchases(c, current);
    revenueCents[t]![isMember(c) ? 1 : 0]! += sum(c, current, (x) => x.cents);
  });
  naive.current.forEach((g, t) => {
    g.nonMembers.revenue = revenueCents[t]![0]! / 100;
    g.members.revenue = revenueCents[t]![1]! / 100;
  });
  const activeThen = customers.filter((c) => purchases(c, previous) > 0);
  const thenTiers = tierOf(activeThen.map((c) => sum(c, previous, (t) => t.valueCents)));
  activeThen.forEach((c, i) => {
    const r = naive.retention[thenTiers[i] as number]!;
    const side = isMember(c) ? r.members : r.nonMembers;
    side.previous += 1;
    if (purchases(c, current) > 0) side.retained += 1;
  });
  // before / after
  const since = (c: Customer): IsoDay | null => {
    const first = c.txs
      .filter((t) => t.cents >= 0 && t.day <= asOf)
      .map((t) => t.day)
      .sort()[0];
    if (first === undefined) return c.acquired;
    if (c.acquired === null) return first;
    return c.acquired < first ? c.acquired : first;
  };
  const months = [...new Set(customers.filter(isMember).map((c) => monthIndex(c.joined as IsoDay)))].sort(
    (a, b) => a - b,
  );
  const complete = months.filter((m) => joinMonthComplete(m, w, asOf));
  const cells = new Map<string, JoinCell>();
  let shortHistory = 0;
  let tooRecent = 0;
  for (const c of customers)
    if (isMember(c) && !joinMonthComplete(monthIndex(c.joined as IsoDay), w, asOf)) tooRecent++;
  for (const m of complete) {
    const win = joinWindows(m, w);
    const inBefore = customers.filter((c) => purchases(c, win.before) > 0);
    const beforeTiers = tierOf(inBefore.map((c) => sum(c, win.before, (t) => t.valueCents)));
    const tierOfCustomer = new Map(inBefore.map((c, i) => [c, beforeTiers[i] as number]));
    const revenue = new Map<string, [number, number]>();
    for (const c of customers) {
      const member = c.joined !== null && inWindow(c.joined, win.joining);
      const control = c.joined === null || c.joined > win.after.endInclusive;
      if (!member && !control) continue;
      const s = since(c);
      if (s === null || s > win.historyDay) {
        if (member) shortHistory++;
        continue;
      }
      const band = tenureBand(toEpochDay(win.historyDay) - toEpochDay(s));
      const tier = tierOfCustomer.get(c) ?? null;
      const bought = purchases(c, win.joining) > 0;
      const key = `${m}|${tier ?? 'z'}|${band}|${bought}|${member}`;
      const cell = cells.get(key) ?? {
        month: m,
        tier,
        band,
        boughtInMonth: bought,
        member,
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
      const pre = purchases(c, win.pre);
      const before = purchases(c, win.before);
      const after = purchases(c, win.after);
      cell.customers += 1;
      cell.beforePurchases += before;
      cell.afterPurchases += after;
      const r = revenue.get(key) ?? [0, 0];
      r[0] += sum(c, win.before, (t) => t.cents);
      r[1] += sum(c, win.after, (t) => t.cents);
      revenue.set(key, r);
      if (pre > 0) cell.activePre += 1;
      if (before > 0) cell.activeBefore += 1;
      if (pre > 0 && before > 0) cell.preAndBefore += 1;
      if (before > 0 && after > 0) cell.beforeAndAfter += 1;
      cells.set(key, cell);
    }
    for (const [key, [b, a]] of revenue) {
      const cell = cells.get(key) as JoinCell;
      cell.beforeRevenue = b / 100;
      cell.afterRevenue = a / 100;
    }
  }
  // ordered as the report reads them: month, tier (not active last), band, bought, side
  const order = (c: JoinCell) => [c.month, c.tier ?? 1e9, c.band, c.boughtInMonth ? 1 : 0, c.member ? 1 : 0];
  const sorted = [...cells.values()].sort((x, y) => {
    const a = order(x);
    const b = order(y);
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] as number) - (b[i] as number);
    return 0;
  });
  // transactions in both windows of the customers with a purchase there, and those without a margin
  const both = { startExclusive: previous.startExclusive, endInclusive: asOf };
  const naiveCustomers = customers.filter((c) => purchases(c, both) > 0);
  const inBoth = naiveCustomers.flatMap((c) => c.txs.filter((t) => inWindow(t.day, both)));
  return {
    naive,
    transactions: inBoth.length,
    missingMargin: inBoth.filter((t) => t.noMargin).length,
    cells: sorted,
    leftOut: { tooRecent, shortHistory },
    members: customers.filter(isMember).length,
    joinedAfterAsOf: customers.filter((c) => c.joined !== null && c.joined > asOf).length,
    current,
    previous,
    since,
  };
}

/** Random customers over 2021–2025: ties in values, returns, late members, members without history. */
function customersOf(seed: number, count: number): Customer[] {
  const r = random(seed);
  const start = toEpochDay('2021-01-01');
  const span = toEpochDay('2025-12-31') - start;
  return Array.from({ length: count }, (): Customer => {
    const first = start + Math.floor(r() * span);
    const n = r() < 0.15 ? 0 : 1 + Math.floor(r() * 12);
    const txs = Array.from({ length: n }, (): Tx => {
      const cents = (r() < 0.08 ? -1 : 1) * 100 * (1 + Math.floor(r() * 6)) + (r() < 0.3 ? 55 : 0);
      const noMargin = r() < 0.1;
      return {
        day: fromEpochDay(first + Math.floor(r() * Math.min(900, start + span + 40 - first))),
        cents,
        valueCents: noMargin ? 0 : Math.round(cents * 0.3),
        noMargin,
      };
    });
    const acquired = r() < 0.3 ? fromEpochDay(first - Math.floor(r() * 800)) : null;
    const joined = r() < 0.3 ? fromEpochDay(first + Math.floor(r() * 1100)) : null;
    return { acquired, joined, txs };
  });
}

/** The store's columns: since, member_since, and every transaction after `from` up to the as-of day. */
function columnsOf(
  customers: Customer[],
  asOf: IsoDay,
  from: IsoDay,
  previous: IsoDay,
  since: (c: Customer) => IsoDay | null,
) {
  const starts = new Int32Array(customers.length + 1);
  const day: number[] = [];
  const amount: number[] = [];
  const value: number[] = [];
  customers.forEach((c, i) => {
    starts[i] = day.length;
    for (const t of c.txs)
      if (t.day > from && t.day <= asOf) {
        day.push(toEpochDay(t.day));
        amount.push(t.cents);
        value.push(t.valueCents);
      }
  });
  starts[customers.length] = day.length;
  const epoch = (d: IsoDay | null) => (d === null ? NaN : toEpochDay(d));
  const data: ProgrammeCustomers = {
    since: Float64Array.from(customers, (c) => epoch(since(c))),
    joined: Float64Array.from(customers, (c) => epoch(c.joined)),
    starts,
    day: Float64Array.from(day),
    amount: Float64Array.from(amount),
    value: Float64Array.from(value),
    withoutMargin: Float64Array.from(
      customers,
      (c) => c.txs.filter((t) => t.noMargin && t.day > previous && t.day <= asOf).length,
    ),
  };
  return data;
}

describe('the programme sums from per-customer columns', () => {
  const cases: { asOf: IsoDay; w: number; seed: number }[] = [
    { asOf: '2025-12-31', w: 12, seed: 1 },
    { asOf: '2025-12-31', w: 3, seed: 2 },
    { asOf: '2025-11-17', w: 6, seed: 3 },
    { asOf: '2025-03-31', w: 1, seed: 4 },
    { asOf: '2024-02-29', w: 4, seed: 5 },
  ];
  for (const { asOf, w, seed } of cases)
    it(`match the rules applied customer by customer (as of ${asOf}, ${w}-month windows)`, () => {
      const customers = customersOf(seed, 700);
      const want = reference(customers, asOf, w, TIERS);
      const firstMember = customers
        .map((c) => c.joined)
        .filter((d): d is IsoDay => d !== null && d <= asOf)
        .sort()[0];
      const from = programmeScanFrom(want.previous, w, asOf, firstMember ?? null);
      // customers in another order give the same sums
      const shuffled = [...customers].reverse();
      for (const list of [customers, shuffled]) {
        const got = programmeSums(columnsOf(list, asOf, from, want.previous.startExclusive, want.since), {
          asOf,
          current: want.current,
          previous: want.previous,
          windowMonths: w,
          tiers: TIERS,
          from,
        });
        expect(got.naive).toEqual(want.naive);
        expect(got.cells).toEqual(want.cells);
        expect(got.leftOut).toEqual(want.leftOut);
        expect(got.members).toBe(want.members);
        expect(got.joinedAfterAsOf).toBe(want.joinedAfterAsOf);
        expect([got.transactions, got.missingMargin]).toEqual([want.transactions, want.missingMargin]);
      }
      // the data exercise what they should: members followed and matched, short history, too recent
      expect(want.cells.some((c) => c.member && c.tier !== null)).toBe(true);
      expect(want.cells.filter((c) => !c.member).length).toBeGreaterThan(0);
      expect(want.leftOut.tooRecent).toBeGreaterThan(0);
      expect(want.leftOut.shortHistory).toBeGreaterThan(0);
      expect(want.missingMargin).toBeGreaterThan(0);
    });

  it('refuses transactions that start after the months it needs', () => {
    const customers = customersOf(9, 50);
    const want = reference(customers, '2025-12-31', 3, TIERS);
    expect(() =>
      programmeSums(columnsOf(customers, '2025-12-31', '2025-06-30', '2025-06-30', want.since), {
        asOf: '2025-12-31',
        current: want.current,
        previous: want.previous,
        windowMonths: 3,
        tiers: TIERS,
        from: '2025-06-30',
      }),
    ).toThrow(/miss/);
  });
});

describe('tier thresholds by selection', () => {
  it('are the values at the cut-off ranks, ties included', () => {
    const r = random(7);
    for (let round = 0; round < 80; round++) {
      // small lists, and long ones (the search narrows by a sample above 600 values), few and many distinct values
      const n = round < 50 ? 1 + Math.floor(r() * 60) : 601 + Math.floor(r() * 20_000);
      const spread = round % 2 === 0 ? 8 : 1_000_000;
      const values = Array.from({ length: n }, () => Math.floor(r() * spread));
      const got = tierThresholds(Float64Array.from(values), n, TIERS);
      const desc = [...values].sort((a, b) => b - a);
      const want = tierCutoffs(n, TIERS)
        .slice(0, -1)
        .map((c) => (c === 0 ? null : (desc[c - 1] as number)));
      expect(got).toEqual(want);
    }
  });
});

describe('the month of an epoch day', () => {
  it('is the month of its ISO day, every day from 1899 to 2101', () => {
    for (let d = toEpochDay('1899-01-01'); d <= toEpochDay('2101-12-31'); d++)
      if (monthIndexOfEpochDay(d) !== monthIndex(fromEpochDay(d)))
        expect([fromEpochDay(d), monthIndexOfEpochDay(d)]).toEqual([
          fromEpochDay(d),
          monthIndex(fromEpochDay(d)),
        ]);
  });
});

describe('the scan start', () => {
  it('is the pre window of the first month of joining that can be followed, or the previous window', () => {
    const previous = windowBack('2025-12-31', 3, 1);
    expect(programmeScanFrom(previous, 3, '2025-12-31', null)).toBe('2025-06-30');
    // joined 2024-02: pre = 2023-08 … 2023-10, so transactions after 2023-07-31
    expect(programmeScanFrom(previous, 3, '2025-12-31', '2024-02-10')).toBe('2023-07-31');
    // joined 2025-10: its after window ends 2026-01-31, after the as-of day
    expect(programmeScanFrom(previous, 3, '2025-12-31', '2025-10-01')).toBe('2025-06-30');
  });
});
