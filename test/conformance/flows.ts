/**
 * Hand-computed store-level cases: every flow category, returns, window boundaries, a customer whose only
 * purchase is on the as-of day, ties at a tier boundary, an empty tier, zero churn and the margin measure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flowsReport, type FlowsReport } from '../../src/app/reports/flows';
import { portfolioReport } from '../../src/app/reports/portfolio';
import type { OpenStore, TestStore } from './load';
import { storeWith, type Row } from './load';
import { portfolio } from './input';
import { renderMessages } from '../../src/core/messages/catalogue';

/** The suite, on stores opened by `open`. */
export function flowsSuite(open: OpenStore): void {
  const HALVES = 'A:50,B:50';

  // As of 2025-12-31: F12 = 2024, S12 = 2025. F12 values c1 1 000, c2 800, c3 100, c4 60 → N 4, cut-offs
  // [2, 4]: A = c1, c2; B = c3, c4. S12 values c1 900, c3 500, c5 70, c8 60, c2 50, c7 30, c6 20 (30 − 10)
  // → N 7, cut-offs [⌈3.5⌉ = 4, 7]: A = c1, c3, c5, c8; B = c2, c7, c6.
  const LOG: Row[] = [
    ['c1', '2024-03-01', 1000],
    ['c1', '2025-02-01', 450],
    ['c1', '2025-08-01', 450],
    ['c2', '2024-05-05', 800],
    ['c2', '2025-05-05', 50],
    ['c3', '2024-06-01', 100],
    ['c3', '2025-06-01', 500],
    ['c4', '2024-12-31', 60], // the last day of F12
    ['c4', '2025-03-03', -20], // a return only: not active in S12, so lost
    ['c5', '2023-05-05', 40],
    ['c5', '2025-04-04', 70],
    ['c6', '2025-07-07', 30],
    ['c6', '2025-07-08', -10], // a return: net revenue 20, still one purchase
    ['c7', '2025-12-31', 30], // the only purchase, on the as-of day
    ['c8', '2023-12-31', 40], // the day before F12 starts: bought before F12, so won back
    ['c8', '2025-01-01', 60], // the first day of S12
  ];

  describe('flows on a hand-computed log', () => {
    let store: TestStore;
    let flows: FlowsReport;
    beforeAll(async () => {
      store = await storeWith(open, LOG);
      flows = await flowsReport(store.analytics, portfolio({ tiers: HALVES }));
    });
    afterAll(async () => {
      await store.close();
    });

    it('uses the latest order date as the as-of day', () => {
      expect(flows.asOf).toBe('2025-12-31');
      expect(flows.cutoffs).toEqual({ previous: [2, 4], current: [4, 7] });
    });

    it('puts every customer in its flow with its purchases and net revenue', () => {
      const cells = flows.flows
        .filter((f) => f.customers > 0)
        .map((f) => [f.from, f.to, f.kind, f.customers, f.purchases, f.revenue]);
      expect(cells).toEqual([
        ['A', 'A', 'retained', 1, 2, 900],
        ['B', 'A', 'upgraded', 1, 1, 500],
        ['wonBack', 'A', 'wonBack', 2, 2, 130],
        ['A', 'B', 'downgraded', 1, 1, 50],
        ['new', 'B', 'new', 2, 2, 50],
        ['B', 'lost', 'lost', 1, 1, 60],
      ]);
      expect(flows.previous.map((p) => [p.tier, p.customers, p.purchases, p.revenue])).toEqual([
        ['A', 2, 2, 1800],
        ['B', 2, 2, 160],
      ]);
      expect(flows.current.map((p) => [p.tier, p.customers, p.revenue, p.revenuePerCustomer])).toEqual([
        ['A', 4, 1530, 382.5],
        ['B', 3, 100, 100 / 3],
      ]);
      expect(flows.total).toMatchObject({ customers: 7, purchases: 8, revenue: 1630 });
      // Empty cells are listed with null revenue per customer, never NaN.
      expect(flows.flows.find((f) => f.from === 'new' && f.to === 'A')).toMatchObject({
        customers: 0,
        revenuePerCustomer: null,
      });
    });

    it('reports returning customers as new when asked not to look before the previous window', async () => {
      const r = await store.analytics.tierFlows({
        current: flows.windows.current,
        previous: flows.windows.previous,
        measure: 'revenue',
        tiers: [
          { name: 'A', sharePpm: 500_000 },
          { name: 'B', sharePpm: 500_000 },
        ],
        distinguishWonBack: false,
      });
      expect(r.cells.filter((c) => c.to === 0 && typeof c.from !== 'number')).toEqual([
        { from: 'new', to: 0, customers: 2, purchases: 2, revenue: 130, margin: 0 },
      ]);
    });

    it('gives null duration for zero churn and the figures of the other tier', async () => {
      const p = await portfolioReport(store.analytics, portfolio({ tiers: HALVES }));
      const [a, b] = p.tiers;
      expect(a).toMatchObject({
        tier: 'A',
        customers: 4,
        retention: 1,
        duration: null,
        clv: null,
        value: null,
      });
      expect(b).toMatchObject({ tier: 'B', customers: 3, retention: 0.5, duration: 2, value: 200 });
      expect(b!.clv).toBeCloseTo(200 / 3, 9);
      expect(b!.clvIndex).toBe(1);
      expect(a!.clvIndex).toBeNull();
      expect(p.total).toMatchObject({
        retention: 0.75,
        duration: 4,
        value: null,
        previousCustomers: 4,
        lost: 1,
      });
      expect(p.total.clv).toBeCloseTo((1630 / 7) * 4, 9);
      expect(renderMessages(p.notes, 'en')).toEqual([
        // c4: only a return (-20) in S12
        "left out as not active (only returns, no purchase, in the window): 1 customer in the current window, 0 customers in the previous one; their returns are in no tier's revenue",
        'A: duration undefined: no customer was lost (zero churn), so the lifetime is unbounded',
        'portfolio value undefined: a tier value is undefined',
      ]);
      expect(JSON.stringify(p)).not.toMatch(/NaN|Infinity/);
    });

    it('moves the windows with --as-of, in days that do not depend on the time zone', async () => {
      // As of 2025-12-30: c7 (2025-12-31) is not there yet, and S12 starts on 2024-12-31, so c4's
      // purchase of 2024-12-31 is in S12 and c4 is active in both windows.
      const earlier = await flowsReport(store.analytics, portfolio({ tiers: HALVES, asOf: '2025-12-30' }));
      expect(earlier.windows.current).toEqual({ startExclusive: '2024-12-30', endInclusive: '2025-12-30' });
      expect(earlier.total.customers).toBe(7);
      expect(earlier.flows.find((f) => f.to === 'lost' && f.customers > 0)).toBeUndefined();
    });
  });

  describe('tier edge cases in the store', () => {
    it('puts tied customers at a boundary together in the higher tier', async () => {
      const store = await storeWith(open, [
        ['a', '2025-06-01', 100],
        ['b', '2025-06-01', 50],
        ['c', '2025-06-02', 50],
        ['d', '2025-06-03', 10],
      ]);
      const flows = await flowsReport(store.analytics, portfolio({ tiers: 'A:25,B:25,C:50' }));
      expect(flows.current.map((t) => t.customers)).toEqual([1, 2, 1]);
      expect(flows.current.map((t) => t.revenue)).toEqual([100, 100, 10]);
      await store.close();
    });

    it('leaves a tier empty when there are too few customers, with null figures and notes', async () => {
      const store = await storeWith(open, [
        ['a', '2024-06-01', 100],
        ['a', '2025-06-01', 100],
      ]);
      const p = await portfolioReport(store.analytics, portfolio({ tiers: HALVES }));
      expect(p.tiers.map((t) => [t.customers, t.retention, t.value])).toEqual([
        [1, 1, null],
        [0, null, 0],
      ]);
      expect(renderMessages(p.notes, 'en')).toContain(
        'B: retention and duration undefined: no customers in the previous window',
      );
      expect(renderMessages(p.notes, 'en')).toContain('B: no members in the current window; tier value 0');
      await store.close();
    });

    it('ranks by margin with --value margin and notes transactions without margin', async () => {
      // Revenue ranks x above y; margin ranks y above x. z has no margin on one transaction (counted as 0).
      const store = await storeWith(open, [
        ['x', '2025-03-01', 1000, 50],
        ['y', '2025-03-01', 500, 200],
        ['z', '2025-03-01', 100, 20],
        ['z', '2025-03-02', 100, null],
      ]);
      const byRevenue = await flowsReport(store.analytics, portfolio({ tiers: 'Top:33,Rest:67' }));
      const byMargin = await flowsReport(
        store.analytics,
        portfolio({ tiers: 'Top:33,Rest:67', value: 'margin' }),
      );
      expect(byRevenue.current[0]).toMatchObject({ customers: 1, revenue: 1000 });
      expect(byMargin.current[0]).toMatchObject({ customers: 1, revenue: 500, margin: 200 });
      expect(renderMessages(byMargin.notes, 'en')).toEqual([
        'the window (2023-03-02, 2024-03-02] starts before the first transaction (2025-03-01): customers who bought only before the data began are not seen there',
        '1 transaction in the windows has no margin; counted as margin 0',
        'no customers were active in the previous window',
      ]);
      await store.close();
    });

    it('keeps a stray future row from moving the default as-of day, and refuses days outside the data', async () => {
      // A log of 2024–2025 with one row dated 2031: with today = 2026-01-15 the default as-of day is the
      // latest order up to today (2025-12-31), and the 2031 row is counted in a note.
      const store = await storeWith(open, [
        ['c1', '2024-03-01', 100],
        ['c1', '2025-03-01', 100],
        ['c2', '2025-12-31', 50],
        ['c3', '2031-06-01', 10],
      ]);
      try {
        const r = await flowsReport(store.analytics, portfolio({ today: '2026-01-15', tiers: 'A:50,B:50' }));
        expect(r.asOf).toBe('2025-12-31');
        expect(renderMessages(r.notes, 'en')[0]).toBe(
          '1 transaction is dated after today (2026-01-15), the latest on 2031-06-01; the as-of day is the latest order date up to today (2025-12-31): give an as-of day to include them',
        );
        expect(r.total.customers).toBe(2);
        await expect(flowsReport(store.analytics, portfolio({ asOf: '1990-01-01' }))).rejects.toMatchObject({
          option: { field: 'asOf', value: '1990-01-01' },
          message:
            '1990-01-01 is before the first transaction (2024-03-01); the data covers 2024-03-01 to 2031-06-01',
        });
        await expect(flowsReport(store.analytics, portfolio({ asOf: '2040-12-31' }))).rejects.toMatchObject({
          option: { field: 'asOf' },
          message:
            'the window (2039-12-31, 2040-12-31] holds no transactions; the data covers 2024-03-01 to 2031-06-01',
        });
      } finally {
        await store.close();
      }
    });

    it('counts a free order (amount 0) as a purchase: the customer is alive; a return alone is not', async () => {
      // F12: f 100, g 50, h 30. S12: f a free order (0), g a return only (−20), h nothing.
      // f is retained (its free order is a purchase), g and h are lost: retention 1/3.
      const store = await storeWith(open, [
        ['f', '2024-05-01', 100],
        ['g', '2024-05-01', 50],
        ['h', '2024-05-01', 30],
        ['f', '2025-06-01', 0],
        ['g', '2025-06-02', -20],
      ]);
      try {
        const r = await flowsReport(store.analytics, portfolio({ asOf: '2025-12-31', tiers: 'A:50,B:50' }));
        expect(r.total).toMatchObject({ customers: 1, purchases: 1, revenue: 0 });
        expect(r.lost.customers).toBe(2);
        const p = await portfolioReport(store.analytics, portfolio({ asOf: '2025-12-31', tiers: 'All:100' }));
        expect(p.total.retention).toBeCloseTo(1 / 3, 12);
      } finally {
        await store.close();
      }
    });

    it('refuses margin as the value when most transactions have none, saying how many', async () => {
      // 3 of the 4 transactions lack a margin (75 % > 50 %): every customer would rank on 0.
      const store = await storeWith(open, [
        ['x', '2025-03-01', 1000, null],
        ['y', '2025-03-01', 500, null],
        ['z', '2025-03-01', 100, 20],
        ['z', '2025-03-02', 100, null],
      ]);
      try {
        for (const report of [flowsReport, portfolioReport]) {
          const refused = report(store.analytics, portfolio({ value: 'margin' }));
          await expect(refused).rejects.toMatchObject({
            code: 'invalid-input',
            option: { field: 'value', value: 'margin' },
            message:
              'margin is missing on 3 of the 4 transactions in the windows (75 %, more than 50 %); rank by revenue, or import the margins',
          });
        }
        const byRevenue = await portfolioReport(store.analytics, portfolio({}));
        expect(byRevenue.tiers.reduce((s, t) => s + t.customers, 0)).toBe(3);
      } finally {
        await store.close();
      }
    });

    it('refuses an empty store without --as-of and reports an empty window with it', async () => {
      const store = await storeWith(open, []);
      await expect(portfolioReport(store.analytics, portfolio({}))).rejects.toMatchObject({
        code: 'not-found',
      });
      const p = await portfolioReport(store.analytics, portfolio({ asOf: '2025-12-31' }));
      expect(p.total).toMatchObject({ customers: 0, retention: null, duration: null, clv: null, value: 0 });
      expect(JSON.stringify(p)).not.toMatch(/NaN|Infinity/);
      await store.close();
    });
  });

  describe('flows when the customers file knows relationships older than the transaction log', () => {
    it('counts a customer acquired before the previous window as won back, not new', async () => {
      const store = await storeWith(open, LOG);
      try {
        // c6 and c7 have no purchase before S12 in the log; the customers file says c6 has been a customer
        // since 2022 (its older orders are outside the export), c7 since mid-2025.
        await store.land(
          'customers',
          ['customer_id', 'acquired_on'],
          [
            ['c6', '2022-03-01'],
            ['c7', '2025-06-01'],
          ],
        );
        const flows = await flowsReport(store.analytics, portfolio({ tiers: HALVES }));
        const intoB = flows.flows
          .filter((f) => f.to === 'B' && f.customers > 0)
          .map((f) => [f.from, f.customers, f.revenue]);
        expect(intoB).toEqual([
          ['A', 1, 50],
          ['wonBack', 1, 20],
          ['new', 1, 30],
        ]);
      } finally {
        await store.close();
      }
    });
  });
}
