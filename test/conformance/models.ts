/**
 * The models port, through the port: the CDNOW 1/10 sample log landed as transactions gives the published
 * calibration summary (weeks, calibration end 1997-09-30), the compressed patterns carry the same customers,
 * and the hand-computed cases pin same-day merging, returns, the time units and the holdout counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCdnowLog, readCdnowSpend, readCdnowSummary } from '../cdnow-fixture';
import { openTestStore, storeWith, type OpenStore, type TestStore } from './load';

export function modelsSuite(open: OpenStore): void {
  describe('models port: CDNOW 1/10 sample', () => {
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

    it('builds the published calibration summary (x, recency, T to 2 decimals, mean repeat spend)', async () => {
      const s = await store.unit.models.customerSummaries({ calibrationEnd: '1997-09-30', timeUnit: 'week' });
      const published = readCdnowSummary();
      const spend = readCdnowSpend();
      expect(s.customerIds).toHaveLength(2357);
      let repeatBuyers = 0;
      s.customerIds.forEach((id, i) => {
        const p = published[Number(id) - 1]!;
        const where = `customer ${id}`;
        expect(s.x[i], where).toBe(p.x);
        expect(Math.abs(s.tx[i]! - p.tx), where).toBeLessThan(0.005 + 1e-9);
        expect(Math.abs(s.T[i]! - p.T), where).toBeLessThan(0.005 + 1e-9);
        expect(Math.abs(s.monetary[i]! - spend[Number(id) - 1]!.mbar), where).toBeLessThan(0.005 + 1e-9);
        expect(s.holdout[i]).toBe(0);
        if (p.x > 0) repeatBuyers++;
      });
      expect(repeatBuyers).toBe(946);
    });

    it('compresses the same customers into weighted (x, tx, T) patterns', async () => {
      const patterns = await store.unit.models.summaryPatterns({
        calibrationEnd: '1997-09-30',
        timeUnit: 'week',
      });
      const total = patterns.weight.reduce((a, b) => a + b, 0);
      expect(total).toBe(2357);
      expect(patterns.x.length).toBeLessThan(2357);
      const repeat = patterns.x.reduce((n, x, i) => n + (x > 0 ? patterns.weight[i]! : 0), 0);
      expect(repeat).toBe(946);
    });

    it('counts holdout purchase days up to the holdout end', async () => {
      const s = await store.unit.models.customerSummaries({
        calibrationEnd: '1997-09-30',
        holdoutEnd: '1998-06-30',
        timeUnit: 'week',
      });
      expect(s.customerIds).toHaveLength(2357);
      // counted from the log: distinct (customer, day) after the calibration end, 1,882 of 1,959 transactions
      const days = new Set(
        readCdnowLog()
          .filter((t) => t.day > '1997-09-30')
          .map((t) => `${t.customerId} ${t.day}`),
      );
      expect(days.size).toBe(1882);
      expect(s.holdout.reduce((a, b) => a + b, 0)).toBe(1882);
      const daily = await store.unit.models.repeatPurchasesByDay({
        calibrationEnd: '1997-09-30',
        holdoutEnd: '1998-06-30',
        timeUnit: 'week',
      });
      const sum = (days: string[]): number =>
        days.reduce((n, d, i) => n + (d <= '1997-09-30' ? daily.repeats[i]! : 0), 0);
      expect(sum(daily.days)).toBe(s.x.reduce((a, b) => a + b, 0));
      expect(daily.repeats.reduce((a, b) => a + b, 0)).toBe(s.x.reduce((a, b) => a + b, 1882));
      expect(daily.days[daily.days.length - 1]! <= '1998-06-30').toBe(true);
      expect(s.holdout[s.customerIds.indexOf('1')]).toBe([...days].filter((d) => d.startsWith('1 ')).length);
    });
  });

  describe('models port: orders without an amount', () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await openTestStore(open);
      await store.land(
        'transactions',
        ['order_id', 'customer_id', 'order_date', 'amount'],
        [
          ['d1', 'd', '2025-01-01', '10'],
          ['d2', 'd', '2025-01-10', null], // a purchase of unknown amount
          ['d3', 'd', '2025-01-20', '30'],
          ['d4', 'd', '2025-01-20', null], // same day as a known amount: the day's spend is 30
          ['d5', 'd', '2025-01-25', null],
          ['e1', 'e', '2025-01-05', null], // no amount ever: a customer all the same
          ['e2', 'e', '2025-01-06', null],
          ['f1', 'f', '2025-01-02', null], // a first day without an amount: nothing to leave out of the mean
          ['f2', 'f', '2025-01-12', '20'],
          ['f3', 'f', '2025-01-22', '40'],
          ['g1', 'g', '2025-01-03', '5'], // a first day of two orders, one without an amount: spend 5
          ['g2', 'g', '2025-01-03', null],
          ['g3', 'g', '2025-01-13', '50'],
        ],
      );
    });
    afterAll(async () => {
      await store.close();
    });

    it('count for frequency and recency; the mean spend is over the repeat days with a known amount', async () => {
      const s = await store.unit.models.customerSummaries({ calibrationEnd: '2025-02-05', timeUnit: 'day' });
      expect(s.customerIds).toEqual(['d', 'e', 'f', 'g']);
      expect(Array.from(s.x)).toEqual([3, 1, 2, 1]);
      expect(Array.from(s.tx)).toEqual([24, 1, 20, 10]);
      expect(Array.from(s.T)).toEqual([35, 31, 34, 33]);
      // d: repeat days 01-10 (unknown), 01-20 (30), 01-25 (unknown): 30 / 1; e: no known repeat spend;
      // f: repeat days 01-12 (20) and 01-22 (40): 60 / 2; g: the one repeat day 01-13 (50)
      expect(Array.from(s.monetary)).toEqual([30, 0, 30, 50]);
      const daily = await store.unit.models.repeatPurchasesByDay({
        calibrationEnd: '2025-02-05',
        timeUnit: 'day',
      });
      // d 3, e 1, f 2, g 1
      expect(daily.repeats.reduce((a, b) => a + b, 0)).toBe(7);
    });
  });

  describe('models port: hand-computed summaries', () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await storeWith(open, [
        ['a', '2025-01-01', 10],
        ['a', '2025-01-01', 5], // same day: one purchase of 15
        ['a', '2025-01-15', 20],
        ['a', '2025-01-29', 40],
        ['a', '2025-02-05', -40], // a return is not a purchase
        ['a', '2025-03-01', 7], // holdout
        ['a', '2025-03-02', 8], // holdout
        ['a', '2025-04-01', 9], // after the holdout end
        ['b', '2025-01-22', 0], // a zero-value order is a purchase
        ['c', '2025-02-10', 30], // first purchase after the calibration end: not a customer yet
      ]);
    });
    afterAll(async () => {
      await store.close();
    });

    it('merges same-day purchases, skips returns and counts in the time unit', async () => {
      const days = await store.unit.models.customerSummaries({
        calibrationEnd: '2025-02-05',
        holdoutEnd: '2025-03-31',
        timeUnit: 'day',
      });
      expect(days.customerIds).toEqual(['a', 'b']);
      expect(Array.from(days.x)).toEqual([2, 0]);
      expect(Array.from(days.tx)).toEqual([28, 0]);
      expect(Array.from(days.T)).toEqual([35, 14]);
      expect(Array.from(days.monetary)).toEqual([30, 0]);
      expect(Array.from(days.holdout)).toEqual([2, 0]);
      const weeks = await store.unit.models.customerSummaries({
        calibrationEnd: '2025-02-05',
        timeUnit: 'week',
      });
      expect(Array.from(weeks.tx)).toEqual([4, 0]);
      expect(Array.from(weeks.T)).toEqual([5, 2]);
      expect(Array.from(weeks.holdout)).toEqual([0, 0]);
      const months = await store.unit.models.customerSummaries({
        calibrationEnd: '2025-02-05',
        timeUnit: 'month',
      });
      expect(months.T[0]).toBeCloseTo(35 / 30.4375, 12);
    });

    it('returns empty arrays when nobody bought by the calibration end', async () => {
      const s = await store.unit.models.summaryPatterns({ calibrationEnd: '2024-12-31', timeUnit: 'week' });
      expect(s.x).toHaveLength(0);
      expect(s.weight).toHaveLength(0);
    });

    it('rejects a holdout end before the calibration end', async () => {
      await expect(
        store.unit.models.customerSummaries({
          calibrationEnd: '2025-02-05',
          holdoutEnd: '2025-01-31',
          timeUnit: 'week',
        }),
      ).rejects.toThrow(/holdout end 2025-01-31 is before the calibration end 2025-02-05/);
    });
  });
}
