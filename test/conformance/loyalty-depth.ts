/** The depth of loyalty through the store: a hand-computed case of the five behavioural dimensions. */
import { describe, expect, it } from 'vitest';
import { loyaltyDepthReport } from '../../src/app/reports/loyalty-depth';
import { loyaltyDepth } from './input';
import type { OpenStore } from './load';
import { openTestStore } from './load';
import { renderMessages } from '../../src/core/messages/catalogue';

export function loyaltyDepthSuite(open: OpenStore): void {
  describe('depth of loyalty', () => {
    it('gives tenure, frequency, volume, depth and share of wallet per tier', async () => {
      const store = await openTestStore(open);
      try {
        await store.land(
          'customers',
          ['customer_id', 'acquired_on', 'category_spend'],
          [
            ['p1', null, '1500'],
            ['p2', '2020-01-01', null], // acquired before its first logged purchase
            ['p3', null, '40'], // spends more than the estimate
          ],
        );
        await store.land(
          'transactions',
          ['order_id', 'customer_id', 'order_date', 'amount', 'product_line'],
          [
            ['o1', 'p1', '2023-03-01', '100', 'x'], // before the window: tenure only
            ['o2', 'p1', '2025-02-01', '500', 'x'],
            ['o3', 'p1', '2025-03-01', '300', 'y'],
            ['o4', 'p1', '2025-04-01', '-50', 'x'], // a return: revenue, not a purchase
            ['o5', 'p2', '2025-06-01', '200', 'x'],
            ['o6', 'p2', '2025-07-01', '100', 'x'],
            ['o7', 'p3', '2025-09-01', '50', null], // no product line: no depth
            ['o8', 'p4', '2024-05-01', '80', 'x'], // not active in the window
          ],
        );
        // Revenue in the window: p1 750, p2 300, p3 50 → A {p1, p2}, B {p3} (cut-offs ⌈1.5⌉ = 2, 3).
        const r = await loyaltyDepthReport(
          store.analytics,
          loyaltyDepth({ asOf: '2025-12-31', tiers: 'A:50,B:50', customers: 'all' }),
        );
        const [a, b] = r.tiers;
        // tenure: p1 2023-03-01 → 2025-12-31 = 1036 days, p2 2020-01-01 → 2191 days, p3 2025-09-01 → 121
        expect(a).toMatchObject({ customers: 2, frequency: 2, volume: 525, depth: 1.5, walletCustomers: 1 });
        expect(a!.tenureYears).toBeCloseTo((1036 + 2191) / 2 / 365.25, 12);
        expect(a!.shareOfWallet).toBeCloseTo(0.5, 12);
        expect(b).toMatchObject({ customers: 1, frequency: 1, volume: 50, depth: 0, walletAbove: 1 });
        expect(b!.tenureYears).toBeCloseTo(121 / 365.25, 12);
        expect(b!.shareOfWallet).toBeCloseTo(1.25, 12);
        expect(r.total.shareOfWallet).toBeCloseTo(800 / 1540, 12);
        expect(r.total.meanShareOfWallet).toBeCloseTo(0.875, 12);
        expect(renderMessages(r.notes, 'en').join(' ')).toMatch(
          /from the 2 of 3 customers with a category_spend estimate/,
        );
        // per customer, most valuable first: the same dimensions for each one alone
        expect(
          r.customers.map((c) => [c.customerId, c.rank, c.tier, c.value, c.frequency, c.volume, c.depth]),
        ).toEqual([
          ['p1', 1, 'A', 750, 2, 750, 2],
          ['p2', 2, 'A', 300, 2, 300, 1],
          ['p3', 3, 'B', 50, 1, 50, 0],
        ]);
        expect(r.customers.map((c) => [c.categorySpend, c.shareOfWallet])).toEqual([
          [1500, 0.5],
          [null, null],
          [40, 1.25],
        ]);
        expect(r.customers[1]!.tenureYears).toBeCloseTo(2191 / 365.25, 12);
        const two = await loyaltyDepthReport(
          store.analytics,
          loyaltyDepth({ asOf: '2025-12-31', tiers: 'A:50,B:50', customers: '2', window: '6' }),
        );
        // six months (2025-06-30, 2025-12-31]: p2 100 (o6; o5 is in June), p3 50; p1 not active; per year × 2
        expect(two.customers.map((c) => [c.customerId, c.frequency, c.volume])).toEqual([
          ['p2', 2, 200],
          ['p3', 2, 100],
        ]);
        const none = await loyaltyDepthReport(store.analytics, loyaltyDepth({ asOf: '2025-12-31' }));
        expect(none.customers).toEqual([]);
      } finally {
        await store.close();
      }
    });
  });
}
