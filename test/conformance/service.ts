/**
 * The service port through the port: complaints judged at the as-of instant (open, resolved after it,
 * exactly 24 h, opened before the window, answered after it), survey answers on the windows' edges, and the
 * service, satisfaction and headline figures checked against hand computation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOptions } from '../../src/app/options/parse';
import { serviceInput, type ServiceInput } from '../../src/app/options/service';
import { satisfactionReport } from '../../src/app/reports/satisfaction';
import { serviceReport } from '../../src/app/reports/service';
import { getHeadline } from '../../src/app/summary';
import { storeWith, type OpenStore, type TestStore } from './load';
import { renderMessages } from '../../src/core/messages/catalogue';

const input = (raw: Record<string, string> = {}): ServiceInput => parseOptions(serviceInput, raw);

/** The suite, on stores opened by `open`. */
export function serviceSuite(open: OpenStore): void {
  describe('service and satisfaction through the service port', () => {
    let store: TestStore;
    beforeAll(async () => {
      // Window of 3 months as of 2025-06-30: (2025-03-30, 2025-06-30] (June 30 less three months is
      // March 30). Active: c1, c2, c3 (c4 buys on the previous window's last day, c5 only returns):
      // 3 customers, 4 purchases.
      store = await storeWith(open, [
        ['c1', '2025-04-05', 100],
        ['c1', '2025-05-01', 50],
        ['c2', '2025-06-01', 20],
        ['c3', '2025-06-30', 10],
        ['c4', '2025-03-30', 10],
        ['c5', '2025-05-05', -5],
      ]);
      await store.land(
        'complaints',
        [
          'complaint_id',
          'customer_id',
          'opened_at',
          'first_response_at',
          'resolved_at',
          'category',
          'outcome',
          'satisfaction',
        ],
        [
          // resolved in exactly 24 h: within; first response after 2 h
          [
            'k1',
            'c1',
            '2025-04-01 10:00:00',
            '2025-04-01 12:00:00',
            '2025-04-02 10:00:00',
            'delivery',
            'accepted',
            5,
          ],
          // 48 h
          [
            'k2',
            'c1',
            '2025-04-10 08:00:00',
            '2025-04-10 09:00:00',
            '2025-04-12 08:00:00',
            'delivery',
            'refused',
            2,
          ],
          // 10 h
          [
            'k3',
            'c2',
            '2025-05-05 00:00:00',
            '2025-05-05 06:00:00',
            '2025-05-05 10:00:00',
            'billing',
            'accepted',
            4,
          ],
          // still open at the as-of instant (2025-07-01 00:00 UTC): age 252 h
          ['k4', 'c3', '2025-06-20 12:00:00', null, null, 'delivery', null, null],
          // resolved after the as-of instant: open, age 48 h; its satisfaction does not count yet
          [
            'k5',
            'c2',
            '2025-06-29 00:00:00',
            '2025-06-29 04:00:00',
            '2025-07-02 00:00:00',
            'quality',
            'accepted',
            5,
          ],
          // opened before the window and still open: backlog only, age 2 472 h
          ['k6', 'c4', '2025-03-20 00:00:00', null, null, 'billing', null, null],
          // before the window and resolved (24 h): in the 12-month headline only
          ['k7', 'c5', '2025-02-01 00:00:00', null, '2025-02-02 00:00:00', 'billing', null, null],
          // opened an hour before the as-of instant, answered after it: open, awaiting, age 1 h
          ['k8', 'c6', '2025-06-30 23:00:00', '2025-07-01 01:00:00', null, null, null, null],
        ],
      );
      const answers: [string, string, number][] = [
        // current window: the NPS worked example 10, 10, 9, 9, 9, 8, 7, 6, 3, 0
        ...[10, 10, 9, 9, 9, 8, 7, 6, 3, 0].map((s): [string, string, number] => ['2025-05-01', 'nps', s]),
        // previous window (2024-12-30, 2025-03-30], its last day included
        ['2025-01-15', 'nps', 10],
        ['2025-02-15', 'nps', 6],
        ['2025-03-30', 'nps', 6],
        ['2025-03-01', 'nps', 8],
        // after the as-of day: in no window
        ['2025-07-01', 'nps', 0],
        ...[5, 5, 4, 4, 4, 4, 4, 4, 2, 1].map((s): [string, string, number] => ['2025-06-30', 'csat', s]),
        ['2025-02-01', 'csat', 5],
        ['2025-02-01', 'csat', 3],
        ...[1, 2, 2, 3, 5, 6].map((s): [string, string, number] => ['2025-04-01', 'ces', s]),
      ];
      await store.land(
        'surveys',
        ['response_id', 'customer_id', 'answered_on', 'kind', 'score'],
        answers.map(([day, kind, score], i) => [`r${i + 1}`, `c${(i % 5) + 1}`, day, kind, score]),
      );
    });
    afterAll(async () => {
      await store.close();
    });

    it('counts active, purchases and repeat customers of a window (returns are not purchases)', async () => {
      // (2025-03-30, 2025-06-30]: c1 buys twice, c2 and c3 once; c4 buys on the day before, c5 only returns
      expect(
        await store.unit.service.activity({ startExclusive: '2025-03-30', endInclusive: '2025-06-30' }),
      ).toEqual({ activeCustomers: 3, orders: 4, repeatCustomers: 1 });
      expect(
        await store.unit.service.activity({ startExclusive: '2024-01-01', endInclusive: '2024-12-31' }),
      ).toEqual({ activeCustomers: 0, orders: 0, repeatCustomers: 0 });
    });

    it('computes the complaints KPIs as of the end of the as-of day', async () => {
      const r = await serviceReport(store.unit.service, input({ window: '3' }));
      // k1, k2, k3, k4, k5, k8 opened in the window; k1–k3 resolved by the as-of instant
      expect(r).toMatchObject({
        asOf: '2025-06-30',
        asOfInstant: '2025-07-01T00:00:00.000Z',
        complaints: 6,
        resolved: 3,
        open: 3,
        activeCustomers: 3,
        orders: 4,
        ratePer1000Customers: 2000, // 1 000 × 6 / 3
        ratePer1000Orders: 1500, // 1 000 × 6 / 4
        targetHours: 24,
        withinTarget: 2, // k1 (exactly 24 h) and k3 (10 h)
      });
      // resolution hours 10, 24, 48: median 24, mean 82 / 3, p90 = 24 + 0.8 × (48 − 24) = 43.2
      expect(r.medianResolutionHours).toBe(24);
      expect(r.meanResolutionHours).toBeCloseTo(82 / 3, 12);
      expect(r.p90ResolutionHours).toBeCloseTo(43.2, 12);
      // within 24 h: 2 of 6, the three open ones count as missed
      expect(r.resolvedWithinTarget).toBeCloseTo(2 / 6, 12);
      // first responses 1, 2, 4, 6 h (k5 answered before the as-of instant); k4 and k8 await one
      expect(r.firstResponse).toEqual({ n: 4, medianHours: 3, meanHours: 3.25, p90Hours: 5.4, awaiting: 2 });
      // backlog k8 1 h, k5 48 h, k4 252 h, k6 2 472 h: median (48 + 252) / 2 = 150
      expect(r.openBacklog).toEqual({ open: 4, ageMedianHours: 150, ageMaxHours: 2472 });
      // delivery 3, then billing, quality, uncategorised 1 each by name; vital few while < 80 % above
      expect(r.causes.map((c) => [c.cause, c.complaints, c.cumulativeShare, c.vitalFew])).toEqual([
        ['delivery', 3, 3 / 6, true],
        ['billing', 1, 4 / 6, true],
        ['quality', 1, 5 / 6, true],
        ['uncategorised', 1, 1, false],
      ]);
      // c1 (k1, k2) and c2 (k3, k5) complain twice; c3 and c6 once
      expect(r.repeat).toEqual({ complainants: 4, repeat: 2, repeatShare: 0.5, complaintsByRepeat: 4 });
      expect(r.outcomes).toEqual({ accepted: 3, refused: 1, undecided: 2, acceptedShare: 0.75 });
      // k1 5, k2 2, k3 4; k5 is not resolved by the as-of instant
      expect(r.satisfactionAfterResolution.n).toBe(3);
      expect(r.satisfactionAfterResolution.mean).toBeCloseTo(11 / 3, 12);
      // every month of the window in its zone: a window ending on a month end is whole months (April–June)
      expect(r.trend).toEqual([
        { month: '2025-04', opened: 2, resolved: 2, medianResolutionHours: 36, withinTargetShare: 0.5 },
        { month: '2025-05', opened: 1, resolved: 1, medianResolutionHours: 10, withinTargetShare: 1 },
        { month: '2025-06', opened: 3, resolved: 0, medianResolutionHours: null, withinTargetShare: 0 },
      ]);
      expect(renderMessages(r.notes, 'en')).toEqual([
        'as of 2025-06-30: the latest order date; give an as-of day for another',
      ]);
    });

    it('takes the target and the time zone of the as-of day', async () => {
      const wider = await serviceReport(store.unit.service, input({ window: '3', targetHours: '48' }));
      expect([wider.withinTarget, wider.resolvedWithinTarget]).toEqual([3, 0.5]);
      // Stockholm (UTC+2 in summer): the as-of day ends at 22:00 UTC, so k8 (23:00 UTC) is not yet opened;
      // backlog k5 46 h, k4 250 h, k6 2 470 h
      const sthlm = await serviceReport(
        store.unit.service,
        input({ window: '3', timeZone: 'Europe/Stockholm' }),
      );
      expect(sthlm.asOfInstant).toBe('2025-06-30T22:00:00.000Z');
      expect(sthlm.complaints).toBe(5);
      expect(sthlm.openBacklog).toEqual({ open: 3, ageMedianHours: 250, ageMaxHours: 2470 });
      const empty = await serviceReport(store.unit.service, input({ asOf: '2024-01-31', window: '1' }));
      expect(empty).toMatchObject({ complaints: 0, resolvedWithinTarget: null, medianResolutionHours: null });
      expect(renderMessages(empty.notes, 'en')[0]).toMatch(/no complaints in the window/);
    });

    it('computes NPS, CSAT and CES with the change from the previous window', async () => {
      const r = await satisfactionReport(store.unit.service, input({ window: '3' }));
      // 5 promoters, 2 passives, 3 detractors: NPS 100 × (0.5 − 0.3) = 20, margin 196 × √(0.76 / 10)
      expect(r.nps).toMatchObject({ promoters: 5, passives: 2, detractors: 3, n: 10, smallSample: true });
      expect(r.nps.score).toBeCloseTo(20, 12);
      expect(r.nps.marginOfError).toBeCloseTo(196 * Math.sqrt(0.076), 10);
      // previous: 10, 8, 6, 6 (the 6 of 2025-03-30 included): NPS 100 × (1 − 2) / 4 = −25.
      // SE = 100 √(0.6875 / 4 + 0.76 / 10) = 49.7870, z = 45 / 49.7870 = 0.90385
      expect(r.nps.previous).toEqual({ score: -25, n: 4 });
      expect(r.nps.change.difference).toBeCloseTo(45, 12);
      expect(r.nps.change.standardError).toBeCloseTo(49.787, 4);
      expect(r.nps.change.significant).toBe(false);
      // CSAT 8 of 10 satisfied, Wilson [0.4902, 0.9433], mean 3.7 → index 67.5; previous 1 of 2
      expect(r.csat).toMatchObject({ n: 10, satisfied: 8, share: 0.8 });
      expect(r.csat.interval!.low).toBeCloseTo(0.4902, 4);
      expect(r.csat.interval!.high).toBeCloseTo(0.9433, 4);
      expect(r.csat.index).toBeCloseTo(67.5, 12);
      expect(r.csat.previous).toEqual({ share: 0.5, n: 2 });
      // pooled p̂ = 9 / 12, SE = √(0.1875 × (1/2 + 1/10)) = 0.335410, z = 0.3 / 0.335410 = 0.894427
      expect(r.csat.change.z).toBeCloseTo(0.894427, 6);
      // CES 1, 2, 2, 3, 5, 6: mean 19 / 6, low effort 4 of 6; no answers before: change undefined
      expect(r.ces.mean).toBeCloseTo(19 / 6, 12);
      expect(r.ces.lowEffortShare).toBeCloseTo(4 / 6, 12);
      expect(r.ces.previous).toEqual({ mean: null, n: 0 });
      expect(r.ces.change.z).toBeNull();
      expect(renderMessages(r.notes, 'en')).toHaveLength(4);
      expect(renderMessages(r.notes, 'en')[0]).toBe(
        'as of 2025-06-30: the latest order date; give an as-of day for another',
      );
      expect(renderMessages(r.notes, 'en')[1]).toMatch(/NPS from only 10 answers/);
    });

    it('gives the headline share within 24 h and NPS with the core rules', async () => {
      // 12 months as of 2025-06-30: k1–k8 opened; k1 (24 h), k3 (10 h), k7 (24 h) within: 3 of 8.
      // NPS over both windows: 6 promoters, 3 passives, 5 detractors of 14 → 100 × 1 / 14
      const h = (await getHeadline(store.unit))!;
      expect(h.complaints).toBe(8);
      expect(h.resolvedWithin24hShare).toBeCloseTo(3 / 8, 12);
      expect(h.npsResponses).toBe(14);
      expect(h.nps).toBeCloseTo(100 / 14, 12);
    });
  });
  describe('complaints per value tier and the retention of complainants', () => {
    let store: TestStore;
    beforeAll(async () => {
      // 3 months as of 2025-06-30: current (2025-03-31, 2025-06-30], previous (2024-12-31, 2025-03-31];
      // tiers Top 50 % / Bottom 50 %. Previous: p1 100, p4 80 (Top), p2 50, p3 10 (Bottom).
      // Current: n1 500, p1 300 (Top), p3 20, n2 5 (Bottom); p2 and p4 are lost.
      store = await storeWith(open, [
        ['p1', '2025-01-10', 100],
        ['p1', '2025-05-01', 300],
        ['p2', '2025-02-10', 50],
        ['p3', '2025-03-01', 10],
        ['p3', '2025-06-01', 20],
        ['p4', '2025-02-20', 80],
        ['n1', '2025-04-10', 500],
        ['n2', '2025-05-05', 5],
      ]);
      await store.land(
        'complaints',
        ['complaint_id', 'customer_id', 'opened_at', 'resolved_at', 'satisfaction'],
        [
          // the previous window: p1 (Top, retained) and p2 twice (Bottom, lost) complained
          ['q1', 'p1', '2025-02-01 10:00:00', '2025-02-01 12:00:00', null],
          ['q2', 'p2', '2025-02-15 10:00:00', '2025-02-16 10:00:00', null],
          ['q3', 'p2', '2025-03-01 10:00:00', null, null],
          // the current window: n1 (Top) 22 h and 48 h; p3 (Bottom) 10 h, then one resolved after the
          // as-of instant (open); p4 (not active now) 2 h
          ['c1', 'n1', '2025-04-20 10:00:00', '2025-04-21 08:00:00', 4],
          ['c2', 'n1', '2025-05-01 10:00:00', '2025-05-03 10:00:00', 2],
          ['c3', 'p3', '2025-06-10 10:00:00', '2025-06-10 20:00:00', null],
          ['c4', 'p3', '2025-06-29 10:00:00', '2025-07-02 10:00:00', 3],
          ['c5', 'p4', '2025-05-05 10:00:00', '2025-05-05 12:00:00', 5],
        ],
      );
    });
    afterAll(async () => {
      await store.close();
    });

    it('gives the complaint KPIs per current tier and the complainants not active in the window', async () => {
      const r = await serviceReport(
        store.unit.service,
        input({ asOf: '2025-06-30', window: '3', tiers: 'Top:50,Bottom:50' }),
      );
      expect(r.byTier!.tiers).toEqual([
        // 2 complaints of 2 customers → 1 000 per 1 000; hours 22, 48 → median 35; 1 of 2 within 24 h;
        // satisfaction 4 and 2 → 3
        {
          tier: 'Top',
          customers: 2,
          complainants: 1,
          complaints: 2,
          ratePer1000Customers: 1000,
          medianResolutionHours: 35,
          resolvedWithinTarget: 0.5,
          satisfactionAfterResolution: 3,
        },
        // c3 within (10 h), c4 open at the as-of instant: missed, and its score not counted yet
        {
          tier: 'Bottom',
          customers: 2,
          complainants: 1,
          complaints: 2,
          ratePer1000Customers: 1000,
          medianResolutionHours: 10,
          resolvedWithinTarget: 0.5,
          satisfactionAfterResolution: null,
        },
        {
          tier: 'not active',
          customers: null,
          complainants: 1,
          complaints: 1,
          ratePer1000Customers: null,
          medianResolutionHours: 2,
          resolvedWithinTarget: 1,
          satisfactionAfterResolution: 5,
        },
      ]);
    });

    it("compares the retention of the previous window's complainants with the others, per previous tier", async () => {
      const r = await serviceReport(
        store.unit.service,
        input({ asOf: '2025-06-30', window: '3', tiers: 'Top:50,Bottom:50' }),
      );
      const b = r.byTier!.retention;
      expect(b.previous).toEqual({ startExclusive: '2024-12-31', endInclusive: '2025-03-31' });
      // Top: complainant p1 retained (1 / 1), p4 lost (0 / 1); Bottom: complainant p2 lost, p3 retained
      expect(b.tiers.map((t) => [t.tier, t.complainants, t.others, t.difference])).toEqual([
        ['Top', { customers: 1, retained: 1, retention: 1 }, { customers: 1, retained: 0, retention: 0 }, 1],
        [
          'Bottom',
          { customers: 1, retained: 0, retention: 0 },
          { customers: 1, retained: 1, retention: 1 },
          -1,
        ],
      ]);
      // in total 1 of 2 each: difference 0, pooled p̂ ½, SE √(¼ × (½ + ½)) = ½, z 0, p 1
      expect(b.total.difference).toBe(0);
      expect(b.total.test).toMatchObject({ standardError: 0.5, z: 0, pValue: 1, significant: false });
      const plain = await serviceReport(store.unit.service, input({ asOf: '2025-06-30', window: '3' }));
      expect(plain.byTier).toBeNull();
    });
  });
}
