/** Concentration through the store: a hand-computed case with a net-negative customer. */
import { describe, expect, it } from 'vitest';
import { concentrationReport } from '../../src/app/reports/concentration';
import { storeWith } from './load';
import type { OpenStore } from './load';
import { concentration } from './input';
import { renderMessages } from '../../src/core/messages/catalogue';

/** The suite, on stores opened by `open`. */
export function concentrationSuite(open: OpenStore): void {
  describe('concentration', () => {
    it('gives Lorenz points, top shares, Gini and deciles', async () => {
      // S12 values 60, 30, 10 and −5 (a purchase of 10 and a return of 15): clipped ascending 0, 10, 30, 60.
      const store = await storeWith(open, [
        ['a', '2025-02-01', 60],
        ['b', '2025-02-01', 30],
        ['c', '2025-02-01', 10],
        ['d', '2025-02-01', 10],
        ['d', '2025-03-01', -15],
        ['e', '2024-02-01', 999], // only in F12: not in this window
      ]);
      const r = await concentrationReport(store.analytics, concentration({ asOf: '2025-12-31' }));
      expect([r.customers, r.total]).toEqual([4, 100]);
      expect(r.gini).toBeCloseTo(0.5, 12);
      expect(r.top).toEqual([
        { percent: 1, customers: 1, value: 60, share: 0.6 },
        { percent: 5, customers: 1, value: 60, share: 0.6 },
        { percent: 10, customers: 1, value: 60, share: 0.6 },
        { percent: 20, customers: 1, value: 60, share: 0.6 },
        { percent: 50, customers: 2, value: 90, share: 0.9 },
      ]);
      expect(r.lorenz).toEqual([
        { customerShare: 0, valueShare: 0 },
        { customerShare: 0.25, valueShare: 0 },
        { customerShare: 0.5, valueShare: 0.1 },
        { customerShare: 0.75, valueShare: 0.4 },
        { customerShare: 1, valueShare: 1 },
      ]);
      // Deciles of 4 customers: cut-offs 1,1,2,2,2,3,3,4,4,4 → ranks 1, 2, 3, 4 in deciles 1, 3, 6, 8.
      expect(r.tiers.map((t) => t.customers)).toEqual([1, 0, 1, 0, 0, 1, 0, 1, 0, 0]);
      expect(r.tiers[7]).toMatchObject({ tier: 'Decile 8', revenue: -5, min: -5, max: -5 });
      expect(r.tiers[0]).toMatchObject({ share: 60 / 95, cumulativeShare: 60 / 95 });
      expect(r.tiers[9]!.cumulativeShare).toBeCloseTo(1, 12);
      expect(renderMessages(r.notes, 'en')).toEqual([
        'the as-of day is 305 days after the latest transaction (2025-03-01): the current window is only partly covered by the data',
        '1 customer has a net value below 0, counted as 0 in the curve, the shares and Gini',
      ]);
      await store.close();
    });
  });
}
