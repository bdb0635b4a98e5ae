/**
 * Staged customer values (`stageValues`, `dropValues`) and the tier cut on them (`--value clv`): a
 * hand-computed case whose staged values reverse the revenue ranking, and the portfolio, flows and
 * concentration ranked by predicted CLV on the CDNOW sample log, checked against the CLVs the model
 * use case (`fitAndPredict`, what `cvm model predict` writes) gives as of each window's end.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fitAndPredict } from '../../src/app/models/predict';
import { concentrationReport } from '../../src/app/reports/concentration';
import { flowsReport } from '../../src/app/reports/flows';
import { portfolioReport } from '../../src/app/reports/portfolio';
import { competitionRanks, tierCutoffs, tierOfRank } from '../../src/core/kpi/tiers';
import { renderMessages } from '../../src/core/messages/catalogue';
import { readCdnowLog } from '../cdnow-fixture';
import { concentration, portfolio } from './input';
import { openTestStore, storeWith, type OpenStore, type TestStore } from './load';

const HALVES = [
  { name: 'Top', sharePpm: 500_000 },
  { name: 'Rest', sharePpm: 500_000 },
];
const F12 = { startExclusive: '2023-12-31', endInclusive: '2024-12-31' };
const S12 = { startExclusive: '2024-12-31', endInclusive: '2025-12-31' };

/** A staged value as the store ranks and sums it: an exact decimal to a millionth. */
const toMillionth = (v: number): number => Math.round(v * 1e6) / 1e6;

export function valuesSuite(open: OpenStore): void {
  describe('staged customer values', () => {
    it('rank the tiers of both windows instead of revenue, and their sums travel with the cells', async () => {
      // revenue ranks F12 a 100, e 70, b 50, c 10 and S12 a 100, b 50, d 30, c 10; the staged values
      // reverse it: F12 c 30, e 5, b 2, a 1 and S12 c 40, d 20, b 2, a 1 (f bought before F12 only)
      const s = await storeWith(open, [
        ['a', '2024-03-01', 100],
        ['a', '2025-03-01', 100],
        ['b', '2024-03-01', 50],
        ['b', '2025-03-01', 50],
        ['c', '2024-03-01', 10],
        ['c', '2025-03-01', 10],
        ['d', '2025-03-01', 30],
        ['e', '2024-03-01', 70],
        ['f', '2023-05-01', 20],
      ]);
      const previous = await s.analytics.stageValues({
        customerIds: ['a', 'b', 'c', 'e', 'f'],
        values: Float64Array.from([1, 2, 30, 5, 1000]),
      });
      const current = await s.analytics.stageValues({
        customerIds: ['a', 'b', 'c', 'd', 'f'],
        values: Float64Array.from([1, 2, 40, 20, 1000]),
      });
      expect([previous.customers, current.customers]).toEqual([5, 5]);
      const query = { current: S12, previous: F12, measure: 'revenue' as const, tiers: HALVES };
      const byRevenue = await s.analytics.tierFlows(query);
      const key = (c: { from: unknown; to: unknown; customers: number }): string =>
        `${String(c.from)}>${String(c.to)}:${c.customers}`;
      expect(byRevenue.cells.map(key).sort()).toEqual(['0>0:1', '0>lost:1', '1>0:1', '1>1:1', 'new>1:1']);
      const r = await s.analytics.tierFlows({ ...query, values: { previous, current } });
      expect([r.activePrevious, r.activeCurrent, r.cutoffsPrevious, r.cutoffsCurrent]).toEqual([
        4,
        4,
        [2, 4],
        [2, 4],
      ]);
      const cells = [...r.cells].sort((x, y) => key(x).localeCompare(key(y)));
      expect(cells).toEqual([
        { from: 0, to: 0, customers: 1, purchases: 1, revenue: 10, margin: 0, valueSum: 40 },
        { from: 0, to: 'lost', customers: 1, purchases: 1, revenue: 70, margin: 0, valueSum: 5 },
        { from: 1, to: 1, customers: 2, purchases: 2, revenue: 150, margin: 0, valueSum: 3 },
        { from: 'new', to: 0, customers: 1, purchases: 1, revenue: 30, margin: 0, valueSum: 20 },
      ]);
      expect(r.previousTiers).toEqual([
        { customers: 2, purchases: 2, revenue: 80, margin: 0, valueSum: 35 },
        { customers: 2, purchases: 2, revenue: 150, margin: 0, valueSum: 3 },
      ]);
      // concentration of S12 on the staged values: c 40, d 20 | b 2, a 1
      const c = await s.analytics.concentration({
        window: S12,
        measure: 'revenue',
        tiers: HALVES,
        lorenzPoints: 4,
        topPercents: [25],
        values: current,
      });
      expect([c.curve.n, c.curve.total]).toEqual([4, 63]);
      expect(c.tiers).toEqual([
        { customers: 2, revenue: 40, value: 60, min: 20, max: 40 },
        { customers: 2, revenue: 150, value: 3, min: 1, max: 2 },
      ]);
      await s.analytics.dropValues(previous);
      await s.analytics.dropValues(current);
      await s.analytics.dropValues(current); // gone already: nothing to do
      await s.close();
    });

    it('refuses a value that is not finite and a customer given twice', async () => {
      const s = await storeWith(open, []);
      await expect(
        s.analytics.stageValues({ customerIds: ['a', 'b'], values: Float64Array.from([1, Number.NaN]) }),
      ).rejects.toThrow('the value of customer "b" is NaN');
      await expect(
        s.analytics.stageValues({ customerIds: ['a', 'a'], values: Float64Array.from([1, 2]) }),
      ).rejects.toThrow('customer "a" is given twice');
      await s.close();
    });
  });

  describe('value clv on the CDNOW sample log', () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await openTestStore(open);
      await store.land(
        'transactions',
        ['order_id', 'customer_id', 'order_date', 'amount'],
        readCdnowLog().map((t) => [t.orderId, t.customerId, t.day, t.amount]),
      );
    });
    afterAll(async () => {
      await store.close();
    });

    /** The model use case's CLV of every customer as of `end` (12 months, 10 %, weeks), by id. */
    async function predicted(end: string): Promise<Map<string, number>> {
      const f = await fitAndPredict(
        { model: 'bgnbd', calibrationEnd: end, timeUnit: 'week', horizonMonths: 12, discountRate: 0.1 },
        store.unit,
      );
      expect(f.purchaseFit.converged && f.spendFit?.converged).toBe(true);
      return new Map(f.customers.customerIds.map((id, i) => [id, toMillionth(f.predictions.clv[i]!)]));
    }

    /** Active customers of a window (a purchase in it) cut into tiers by `clv`, as core's rule says. */
    function expectedTiers(
      window: { startExclusive: string; endInclusive: string },
      clv: Map<string, number>,
      tiers: readonly { sharePpm: number; name: string }[],
    ): { members: string[][]; sums: number[]; revenue: number[] } {
      const revenue = new Map<string, number>();
      for (const t of readCdnowLog())
        if (t.day > window.startExclusive && t.day <= window.endInclusive)
          revenue.set(t.customerId, (revenue.get(t.customerId) ?? 0) + Number(t.amount));
      const ids = [...revenue.keys()];
      const values = ids.map((id) => clv.get(id)!);
      const ranks = competitionRanks(values);
      const cutoffs = tierCutoffs(ids.length, tiers);
      const members = tiers.map(() => [] as string[]);
      const sums = tiers.map(() => 0);
      const money = tiers.map(() => 0);
      ids.forEach((id, i) => {
        const t = tierOfRank(ranks[i]!, cutoffs);
        members[t]!.push(id);
        sums[t]! += values[i]!;
        money[t]! += revenue.get(id)!;
      });
      return { members, sums, revenue: money };
    }

    it('ranks the portfolio and the flows by each window’s predicted CLV', async () => {
      // windows of 1998-06-30: S12 (1997-06-30, 1998-06-30], F12 (1996-06-30, 1997-06-30]
      const [atF, atS] = [await predicted('1997-06-30'), await predicted('1998-06-30')];
      const input = portfolio({ asOf: '1998-06-30', value: 'clv' });
      const p = await portfolioReport(store.analytics, input, undefined, store.unit.models);
      const cut = (w: typeof S12, clv: Map<string, number>) => expectedTiers(w, clv, input.tiers);
      const s = cut({ startExclusive: '1997-06-30', endInclusive: '1998-06-30' }, atS);
      const f = cut({ startExclusive: '1996-06-30', endInclusive: '1997-06-30' }, atF);
      expect(p.value).toBe('clv');
      expect(p.clv?.fits.map((x) => [x.window, x.asOf, x.customers])).toEqual([
        ['previous', '1997-06-30', 2357],
        ['current', '1998-06-30', 2357],
      ]);
      // 812 customers bought in S12: cut-offs ⌈812 × 5, 20, 70, 100 %⌉ = 41, 163, 569, 812 (no ties there);
      // all 2,357 bought in F12 (the sample's customers all began in Q1 1997)
      expect(p.tiers.map((t) => t.customers)).toEqual([41, 122, 406, 243]);
      expect(p.tiers.reduce((n, t) => n + t.previousCustomers, 0)).toBe(2357);
      expect(p.tiers.map((t) => t.customers)).toEqual(s.members.map((m) => m.length));
      p.tiers.forEach((t, i) => {
        expect(t.value!, t.tier).toBeCloseTo(s.sums[i]!, 6);
        expect(t.clv!, t.tier).toBeCloseTo(s.sums[i]! / s.members[i]!.length, 9);
        expect(t.revenue, t.tier).toBeCloseTo(s.revenue[i]!, 6);
      });
      // retention per current tier: the tier's F12 members (cut on the F12 CLVs) still active in S12
      const activeS = new Set(s.members.flat());
      p.tiers.forEach((t, i) => {
        const members = f.members[i]!;
        expect(t.previousCustomers, t.tier).toBe(members.length);
        expect(t.lost, t.tier).toBe(members.filter((id) => !activeS.has(id)).length);
      });
      expect(p.total.value!).toBeCloseTo(
        s.sums.reduce((a, b) => a + b, 0),
        6,
      );
      const notes = renderMessages(p.notes, 'en');
      expect(notes[0]).toMatch(/^the window \(1996-06-30, 1997-06-30\] starts before the first transaction/);
      expect(notes[1]).toContain('tiers rank customers by predicted CLV');
      expect(notes[1]).toContain('over the next 12 months discounted at 10 % a year');
      expect(notes[1]).toContain('the values are model predictions, not observed revenue');
      expect(notes[2]).toMatch(/^previous window, fitted as of 1997-06-30: BG\/NBD on 2,357 customers \(r /);
      expect(notes[3]).toMatch(/^current window, fitted as of 1998-06-30: BG\/NBD on 2,357 customers \(r /);

      const fl = await flowsReport(store.analytics, input, undefined, store.unit.models);
      expect(fl.current.map((t) => t.customers)).toEqual(s.members.map((m) => m.length));
      expect(fl.previous.map((t) => t.customers)).toEqual(f.members.map((m) => m.length));
      fl.previous.forEach((t, i) => expect(t.clv!, t.tier).toBeCloseTo(f.sums[i]!, 6));
      const flow = fl.flows.find((x) => x.from === p.tiers[0]!.tier && x.to === p.tiers[0]!.tier)!;
      const stayed = f.members[0]!.filter((id) => s.members[0]!.includes(id));
      expect(flow.customers).toBe(stayed.length);
      expect(flow.clv!).toBeCloseTo(
        stayed.reduce((sum, id) => sum + atS.get(id)!, 0),
        6,
      );
    });

    it('ranks the concentration deciles by predicted CLV, with its horizon and discount rate', async () => {
      const input = concentration({ asOf: '1998-06-30', value: 'clv', horizon: '24', discountRate: '5' });
      const r = await concentrationReport(store.analytics, input, undefined, store.unit.models);
      const f = await fitAndPredict(
        {
          model: 'bgnbd',
          calibrationEnd: '1998-06-30',
          timeUnit: 'week',
          horizonMonths: 24,
          discountRate: 0.05,
        },
        store.unit,
      );
      const clv = new Map(f.customers.customerIds.map((id, i) => [id, toMillionth(f.predictions.clv[i]!)]));
      const s = expectedTiers({ startExclusive: '1997-06-30', endInclusive: '1998-06-30' }, clv, input.tiers);
      expect(r.value).toBe('clv');
      expect([r.clv?.horizonMonths, r.clv?.discountRate]).toEqual([24, 0.05]);
      expect(r.customers).toBe(s.members.flat().length);
      expect(r.total).toBeCloseTo(
        s.sums.reduce((a, b) => a + b, 0),
        6,
      );
      r.tiers.forEach((t, i) => {
        expect(t.customers, t.tier).toBe(s.members[i]!.length);
        expect(t.value, t.tier).toBeCloseTo(s.sums[i]!, 6);
      });
    });

    it('refuses with too little history to fit: 9 repeat buyers as of the previous window’s end', async () => {
      const s = await storeWith(open, [
        ...Array.from({ length: 9 }, (_, i) => [
          [`r${i}`, '2024-02-01', 10 + i] as const,
          [`r${i}`, '2024-05-01', 20] as const,
          [`r${i}`, '2025-05-01', 20] as const,
        ]).flat(),
        ['n1', '2025-06-01', 10],
      ]);
      const input = portfolio({ asOf: '2025-12-31', value: 'clv' });
      await expect(portfolioReport(s.analytics, input, undefined, s.unit.models)).rejects.toThrow(
        "too little history to fit the CLV models as of 2024-12-31 (the previous window's end)",
      );
      await s.close();
    });
  });
}
