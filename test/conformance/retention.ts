/**
 * Retention trend, tenure and cohorts through the store: hand-computed cases, and the trend's block
 * machinery checked against the independent flows query at every point of a generated log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates';
import { cohortReport } from '../../src/app/reports/cohorts';
import { flowsReport } from '../../src/app/reports/flows';
import { retentionReport } from '../../src/app/reports/retention';
import type { OpenStore, TestStore } from './load';
import { storeWith, type Row } from './load';
import { portfolio, retention, cohorts } from './input';

/** The suite, on stores opened by `open`. */
export function retentionSuite(open: OpenStore): void {
  describe('retention by tenure', () => {
    it('groups customers active in F12 by years since their first purchase', async () => {
      const store = await storeWith(open, [
        ['t1', '2024-05-01', 10],
        ['t1', '2025-05-01', 10],
        ['t2', '2024-07-01', 10],
        ['t3', '2023-03-01', 10],
        ['t3', '2024-03-01', 10],
        ['t3', '2025-03-01', 10],
        ['t4', '2020-01-01', 10],
        ['t4', '2024-01-01', 10],
        ['t4', '2025-01-01', 10],
        ['t5', '2019-06-01', 10],
        ['t5', '2024-06-01', 10],
        ['t6', '2022-12-31', 10], // first purchase exactly two years before S12 starts: tenure 2–3
        ['t6', '2024-02-02', 10],
      ]);
      const r = await retentionReport(store.analytics, retention({ asOf: '2025-12-31', years: '1' }));
      expect(r.tenure.rows.map((t) => [t.fromYears, t.toYears, t.previous, t.retained])).toEqual([
        [0, 1, 2, 1],
        [1, 2, 1, 1],
        [2, 3, 1, 0],
        [3, 4, 0, 0],
        [4, 5, 1, 1],
        [5, null, 1, 0],
      ]);
      // Early churn 1/3 against later churn 2/3.
      expect(r.tenure.earlyChurnRatio).toBeCloseTo(0.5, 12);
      expect(r.overall).toMatchObject({ previous: 6, retained: 3, retention: 0.5, duration: 2 });
      await store.close();
    });
  });

  describe('acquisition cohorts', () => {
    it('follows each cohort period by period from every member’s own first month', async () => {
      const store = await storeWith(open, [
        ['k0', '2024-11-01', 10], // 2024-Q4: before the first cohort asked for
        ['k0', '2025-02-02', 10],
        ['k1', '2025-01-15', 100],
        ['k1', '2025-04-10', 50],
        ['k1', '2025-10-01', 30], // period 3 of a cohort whose period 3 is not over for all: left out
        ['k2', '2025-03-20', 200],
        ['k2', '2025-05-01', -20], // a return in k2's period 0 (months March–May)
        ['k2', '2025-06-15', 80],
        ['k3', '2025-05-05', 40],
      ]);
      const r = await cohortReport(store.analytics, cohorts({ asOf: '2025-12-31', window: '3', years: '1' }));
      expect(r.cohorts.map((c) => [c.cohort, c.customers, c.periods.length])).toEqual([
        ['2025-Q1', 2, 3],
        ['2025-Q2', 1, 2],
      ]);
      expect(r.cohorts[0]!.periods).toEqual([
        { period: 0, customers: 2, retention: 1, revenue: 280, revenueRetention: 1 },
        { period: 1, customers: 2, retention: 1, revenue: 130, revenueRetention: 130 / 280 },
        { period: 2, customers: 0, retention: 0, revenue: 0, revenueRetention: 0 },
      ]);
      expect(r.cohorts[1]!.periods.map((p) => p.customers)).toEqual([1, 0]);
      await store.close();
    });
  });

  /** A deterministic pseudo-random log: 600 customers over five years with varied frequency and spend. */
  function generatedLog(): Row[] {
    let seed = 12345;
    const next = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const rows: Row[] = [];
    for (let c = 0; c < 600; c++) {
      const start = Math.floor(next() * 1_600);
      const life = Math.floor(next() * 900) + 1;
      const n = 1 + Math.floor(next() * 8);
      for (let k = 0; k < n; k++) {
        const day = addDays('2021-01-01', start + Math.floor(next() * life));
        if (day > '2025-12-31') continue;
        rows.push([`g${c}`, day, Math.round(next() * 50_000) / 100 - (next() < 0.05 ? 300 : 0)]);
      }
    }
    return rows;
  }

  describe('windows of any length, stepping from a month end', () => {
    it('reports 6-month windows and keeps trend points on month ends', async () => {
      // As of 2025-06-30 with 6-month windows: S6 = (2024-12-31, 2025-06-30], F6 = (2024-06-30, 2024-12-31].
      // c1 and c4 are retained, c2 (last day of F6) is lost, c3 is new: retention 2/3, duration 1/(1/3) × 6/12.
      // Point 1 (step 3) ends on 2025-03-31, not 03-30: its windows are (2024-09-30, 2025-03-31] and
      // (2024-03-31, 2024-09-30]; c1 and c4 bought in the earlier one, c1 again on 2025-03-31 → 1/2.
      const store = await storeWith(open, [
        ['c1', '2024-08-01', 100],
        ['c1', '2025-03-31', 50],
        ['c2', '2024-12-31', 80],
        ['c3', '2025-01-01', 30],
        ['c4', '2024-07-01', 20],
        ['c4', '2025-06-30', 10],
      ]);
      try {
        const r = await retentionReport(
          store.analytics,
          retention({ window: '6', step: '3', years: '1', tiers: 'A:50,B:50' }),
        );
        expect(r.windowMonths).toBe(6);
        expect(r.overall).toMatchObject({ previous: 3, retained: 2, lost: 1 });
        expect(r.overall.retention).toBeCloseTo(2 / 3, 12);
        expect(r.overall.duration).toBeCloseTo(1.5, 12);
        expect(r.trend.map((p) => p.asOf)).toEqual(['2025-06-30', '2025-03-31', '2024-12-31', '2024-09-30']);
        expect(r.trend[1]!.overall).toMatchObject({ previous: 2, retained: 1 });
        const flows = await flowsReport(store.analytics, portfolio({ window: '6', tiers: 'A:50,B:50' }));
        expect(flows.windows.previous).toEqual({ startExclusive: '2024-06-30', endInclusive: '2024-12-31' });
      } finally {
        await store.close();
      }
    });
  });

  describe('retention trend', () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await storeWith(open, generatedLog());
    });
    afterAll(async () => {
      await store.close();
    });

    it('agrees at every quarterly point with the flows between that point’s windows', async () => {
      const r = await retentionReport(store.analytics, retention({ asOf: '2025-12-31' }));
      expect(r.trend.map((p) => p.asOf)).toEqual([
        '2025-12-31',
        '2025-09-30',
        '2025-06-30',
        '2025-03-31',
        '2024-12-31',
        '2024-09-30',
        '2024-06-30',
        '2024-03-31',
        '2023-12-31',
        '2023-09-30',
        '2023-06-30',
        '2023-03-31',
      ]);
      for (const point of r.trend) {
        const flows = await flowsReport(store.analytics, portfolio({ asOf: point.asOf }));
        const lost = flows.flows.filter((f) => f.to === 'lost').map((f) => f.customers);
        expect(
          point.tiers.map((t) => [t.previous, t.lost]),
          point.asOf,
        ).toEqual(flows.previous.map((p, i) => [p.customers, lost[i]]));
      }
      expect(r.trend[0]!.overall.previous).toBeGreaterThan(50);
    });

    it('steps monthly over quarterly windows', async () => {
      const r = await retentionReport(
        store.analytics,
        retention({
          asOf: '2025-12-31',
          window: '3',
          step: '1',
          years: '1',
        }),
      );
      expect(r.trend).toHaveLength(12);
      for (const point of [r.trend[0]!, r.trend[5]!]) {
        const flows = await flowsReport(store.analytics, portfolio({ asOf: point.asOf, window: '3' }));
        expect(point.overall.previous).toBe(flows.previous.reduce((s, p) => s + p.customers, 0));
        expect(point.overall.lost).toBe(flows.lost.customers);
        // Quarterly retention is per quarter, never compounded; the duration is 1 / churn quarters.
        expect(point.overall.retention).toBeCloseTo(1 - point.overall.lost / point.overall.previous, 12);
        expect(point.overall.duration).toBeCloseTo(0.25 / (1 - point.overall.retention!), 12);
      }
    });
  });
}
