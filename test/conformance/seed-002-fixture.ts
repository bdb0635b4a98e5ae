/**
 * Seed 002's worked example ("Customer Flows between value segments", "Customer portfolio value and CLV")
 * as constants, and a deterministic generator of a transaction log whose flows match the seed's flow table
 * cell for cell: customers, purchases and revenue of every inflow cell, customers and previous-window
 * revenue of every lost cell, and the F12 table (customers, purchases, revenue per F12 tier).
 *
 * As of 2025-12-31: S12 = 2025, F12 = 2024. Won-back customers also bought once in 2023; new customers buy
 * only in 2025; lost customers only in 2024. Every customer's window value lies within ±20 % of its group's
 * average, and the group averages of different tiers are far apart, so the tier ordering holds in both
 * windows. The two lowest Middle values of each window are equal (the tie that makes the seed's Middle sizes
 * 47 194 and 50 906; see docs/metrics.md). The seed gives no purchases for lost customers (its column repeats
 * the revenue), so each F12 tier's purchases are split between lost and continuing customers in proportion
 * to their numbers.
 */
import { addDays } from '../../src/core/dates';

export const SEED_AS_OF = '2025-12-31';
export const SEED_TIER_NAMES = ['Super 5%', 'Top 15%', 'Middle 50%', 'Bottom 30%'];

/** [customers, purchases, revenue kr] */
export type Cell = readonly [number, number, number];
export type Source = 0 | 1 | 2 | 3 | 'wonBack' | 'new';

/** Per S12 tier, the inflow rows: from F12 tier 0…3 (the diagonal is "retained"), won back, new. */
export const SEED_INFLOWS: readonly Readonly<Record<Source, Cell>>[] = [
  {
    0: [1_050, 11_229, 14_743_845],
    1: [1_144, 9_776, 13_625_342],
    2: [1_240, 8_947, 14_357_412],
    3: [295, 1_895, 3_359_976],
    wonBack: [402, 1_897, 4_463_065],
    new: [960, 4_882, 11_189_015],
  },
  {
    0: [1_297, 7_913, 7_541_385],
    1: [2_913, 16_423, 16_360_635],
    2: [4_753, 23_032, 25_918_292],
    3: [1_414, 6_097, 7_638_275],
    wonBack: [1_607, 5_185, 8_660_955],
    new: [3_288, 10_182, 18_027_988],
  },
  {
    0: [1_494, 4_488, 3_318_635],
    1: [5_529, 16_812, 11_879_925],
    2: [16_200, 44_062, 32_368_584],
    3: [7_129, 17_612, 13_364_190],
    wonBack: [8_567, 15_856, 15_748_194],
    new: [11_987, 21_747, 23_038_893],
  },
  {
    0: [340, 519, 140_971],
    1: [1_847, 2_667, 767_805],
    2: [8_295, 11_481, 3_345_222],
    3: [5_877, 8_145, 2_236_881],
    wonBack: [7_030, 8_514, 2_721_190],
    new: [7_153, 8_749, 2_878_719],
  },
];

/** The seed's S12 tier totals. */
export const SEED_CURRENT: readonly Cell[] = [
  [5_091, 38_626, 61_738_655],
  [15_272, 68_832, 84_147_530],
  [50_906, 120_577, 99_718_421],
  [30_542, 40_075, 12_090_788],
];

/** Lost customers per F12 tier: [customers, F12 revenue kr]. */
export const SEED_LOST: readonly (readonly [number, number])[] = [
  [539, 6_031_206],
  [2_725, 14_053_033],
  [16_706, 29_162_765],
  [13_600, 4_878_755],
];

/** The seed's F12 table per F12 tier. */
export const SEED_PREVIOUS: readonly Cell[] = [
  [4_720, 35_239, 57_411_588],
  [14_158, 62_949, 76_432_835],
  [47_194, 111_596, 88_757_383],
  [28_315, 38_150, 10_566_154],
];

export const SEED_SOURCES: readonly Source[] = [0, 1, 2, 3, 'wonBack', 'new'];

/** F12 purchases of lost customers per F12 tier: the tier's purchases split in proportion to customers. */
export function lostPurchases(tier: number): number {
  const [customers, purchases] = SEED_PREVIOUS[tier]!;
  return Math.round((purchases * SEED_LOST[tier]![0]) / customers);
}

/**
 * `n` values in öre summing exactly to `total`, spread evenly over about ±20 % of the average, ascending and
 * distinct, except that the two lowest are equal when `tieLowest` (the difference goes to the highest).
 */
export function spreadValues(n: number, total: number, tieLowest = false): number[] {
  const step = Math.max(1, Math.floor((0.4 * total) / n / Math.max(1, n - 1)));
  const base = Math.floor((total - (step * n * (n - 1)) / 2) / n);
  const values = Array.from({ length: n }, (_, k) => base + step * k);
  // The remainder, fewer than n öre, goes one each to the highest values: they stay distinct and ascending.
  let rest = total - values.reduce((s, v) => s + v, 0);
  for (let k = n - 1; rest > 0; k = k === 0 ? n - 1 : k - 1, rest--) values[k]! += 1;
  if (tieLowest && n >= 3) {
    values[n - 1]! += values[1]! - values[0]!;
    values[1] = values[0]!;
  }
  return values;
}

/** `total` split into `n` whole counts differing by at most one, larger first. */
export function splitCount(total: number, n: number): number[] {
  const q = Math.floor(total / n);
  return Array.from({ length: n }, (_, k) => q + (k < total - q * n ? 1 : 0));
}

export interface FixtureCustomer {
  id: string;
  /** F12 tier and S12 tier (null = not active) */
  previousTier: number | null;
  currentTier: number | null;
  source: Source | 'lost';
  previous?: { value: number; purchases: number };
  current?: { value: number; purchases: number };
}

interface Group {
  values: number[];
  purchases: number[];
}

function group(n: number, purchases: number, revenueKr: number, tieLowest = false): Group {
  return { values: spreadValues(n, revenueKr * 100, tieLowest), purchases: splitCount(purchases, n) };
}

/** The customers of the fixture, with their window values in öre and purchase counts. */
export function seedCustomers(): FixtureCustomer[] {
  const out: FixtureCustomer[] = [];
  let next = 0;
  const id = (): string => `c${String(++next).padStart(6, '0')}`;
  // F12: per F12 tier one group of continuing and one of lost customers. The lowest Middle F12 values are
  // the lost Middle customers' (about 1 746 kr against 1 955 kr), so that group carries the tie.
  const continuing: Group[] = [];
  const lost: Group[] = [];
  for (let i = 0; i < 4; i++) {
    const [customers, purchases, revenue] = SEED_PREVIOUS[i]!;
    const [lostCustomers, lostRevenue] = SEED_LOST[i]!;
    lost.push(group(lostCustomers, lostPurchases(i), lostRevenue, i === 2));
    continuing.push(group(customers - lostCustomers, purchases - lostPurchases(i), revenue - lostRevenue));
  }
  const taken = [0, 0, 0, 0];
  for (let j = 0; j < 4; j++) {
    // S12: the lowest Middle S12 values are the won-back customers' (about 1 838 kr average).
    for (const source of SEED_SOURCES) {
      const [n, purchases, revenue] = SEED_INFLOWS[j]![source];
      const cell = group(n, purchases, revenue, j === 2 && source === 'wonBack');
      for (let k = 0; k < n; k++) {
        const customer: FixtureCustomer = {
          id: id(),
          previousTier: typeof source === 'number' ? source : null,
          currentTier: j,
          source,
          current: { value: cell.values[k]!, purchases: cell.purchases[k]! },
        };
        if (typeof source === 'number') {
          const c = continuing[source]!;
          const at = taken[source]!++;
          customer.previous = { value: c.values[at]!, purchases: c.purchases[at]! };
        }
        out.push(customer);
      }
    }
  }
  for (let i = 0; i < 4; i++) {
    const g = lost[i]!;
    g.values.forEach((value, k) =>
      out.push({
        id: id(),
        previousTier: i,
        currentTier: null,
        source: 'lost',
        previous: { value, purchases: g.purchases[k]! },
      }),
    );
  }
  return out;
}

/** A transaction row: ids, ISO day and amount in öre. */
export interface FixtureTransaction {
  orderId: string;
  customerId: string;
  orderDate: string;
  amountOre: number;
}

/** Spreads a customer's purchases in a window (ending `end`, `days` long) over its days, value split in öre. */
function purchases(
  customer: string,
  seq: number,
  value: number,
  count: number,
  end: string,
  days: number,
): Omit<FixtureTransaction, 'orderId'>[] {
  const amounts = splitCount(value, count);
  return amounts.map((amountOre, k) => ({
    customerId: customer,
    orderDate: addDays(end, -((seq * 7 + k * 53) % days)),
    amountOre,
  }));
}

/** The whole transaction log (about 534 000 rows). */
export function seedTransactions(customers = seedCustomers()): FixtureTransaction[] {
  const rows: FixtureTransaction[] = [];
  const push = (r: Omit<FixtureTransaction, 'orderId'>): void => {
    rows.push({ orderId: `o${rows.length + 1}`, ...r });
  };
  customers.forEach((c, seq) => {
    if (c.previous)
      for (const r of purchases(c.id, seq, c.previous.value, c.previous.purchases, '2024-12-31', 366))
        push(r);
    if (c.current)
      for (const r of purchases(c.id, seq, c.current.value, c.current.purchases, '2025-12-31', 365)) push(r);
    if (c.source === 'wonBack') push({ customerId: c.id, orderDate: '2023-06-15', amountOre: 10_000 });
  });
  return rows;
}

/** The log as CSV text with the store's column names (amount with two decimals). */
export function toCsv(rows: readonly FixtureTransaction[]): string {
  const lines = ['order_id,customer_id,order_date,amount'];
  for (const r of rows) {
    const sign = r.amountOre < 0 ? '-' : '';
    const ore = Math.abs(r.amountOre);
    lines.push(
      `${r.orderId},${r.customerId},${r.orderDate},${sign}${Math.floor(ore / 100)}.${String(ore % 100).padStart(2, '0')}`,
    );
  }
  return lines.join('\n') + '\n';
}
