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
        [
          'complaint_id',
          'customer_id',
          'opened_at',
          'first_response_at',
          'resolved_at',
          'satisfaction',
          'category',
        ],
        [
          // the previous window: p1 (Top, retained) and p2 twice (Bottom, lost) complained
          ['q1', 'p1', '2025-02-01 10:00:00', null, '2025-02-01 12:00:00', null, 'billing'],
          ['q2', 'p2', '2025-02-15 10:00:00', null, '2025-02-16 10:00:00', null, 'billing'],
          ['q3', 'p2', '2025-03-01 10:00:00', null, null, null, 'billing'],
          // the current window: n1 (Top) 22 h and 48 h, answered after 1 h and 4 h, both about delivery;
          // p3 (Bottom) 10 h answered after 2 h (billing), then one resolved and answered after the as-of
          // instant (open, awaiting, uncategorised); p4 (not active now) 2 h, its answer stamped before the
          // opening (not measurable)
          ['c1', 'n1', '2025-04-20 10:00:00', '2025-04-20 11:00:00', '2025-04-21 08:00:00', 4, 'delivery'],
          ['c2', 'n1', '2025-05-01 10:00:00', '2025-05-01 14:00:00', '2025-05-03 10:00:00', 2, 'delivery'],
          ['c3', 'p3', '2025-06-10 10:00:00', '2025-06-10 12:00:00', '2025-06-10 20:00:00', null, 'billing'],
          ['c4', 'p3', '2025-06-29 10:00:00', '2025-07-01 10:00:00', '2025-07-02 10:00:00', 3, null],
          ['c5', 'p4', '2025-05-05 10:00:00', '2025-05-05 09:00:00', '2025-05-05 12:00:00', 5, 'billing'],
        ],
      );
      // survey answers of the current window by the respondent's current tier; n1's 0 of March is before it
      const answers: [string, string, string, number][] = [
        ['n1', '2025-04-15', 'nps', 10],
        ['n1', '2025-05-15', 'nps', 9],
        ['n1', '2025-06-15', 'nps', 6],
        ['n1', '2025-03-01', 'nps', 0],
        ['p1', '2025-05-01', 'csat', 5],
        ['p1', '2025-05-02', 'csat', 3],
        ['p3', '2025-06-01', 'nps', 7],
        ['p3', '2025-06-02', 'ces', 2],
        ['p3', '2025-06-03', 'ces', 6],
        ['p4', '2025-04-01', 'nps', 0],
      ];
      await store.land(
        'surveys',
        ['response_id', 'customer_id', 'answered_on', 'kind', 'score'],
        answers.map(([customer, day, kind, score], i) => [`s${i + 1}`, customer, day, kind, score]),
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
          // first responses 1 h and 4 h: median and mean 2.5, p90 = 1 + 0.9 × (4 − 1) = 3.7
          firstResponse: { n: 2, medianHours: 2.5, meanHours: 2.5, p90Hours: expect.closeTo(3.7, 12) },
          causes: [{ cause: 'delivery', complaints: 2, share: 1 }],
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
          // c3 answered after 2 h; c4 awaits an answer at the as-of instant
          firstResponse: { n: 1, medianHours: 2, meanHours: 2, p90Hours: 2 },
          // billing and uncategorised 1 of 2 each, tied: by name
          causes: [
            { cause: 'billing', complaints: 1, share: 0.5 },
            { cause: 'uncategorised', complaints: 1, share: 0.5 },
          ],
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
          // c5's answer is stamped before its opening: not measured
          firstResponse: { n: 0, medianHours: null, meanHours: null, p90Hours: null },
          causes: [{ cause: 'billing', complaints: 1, share: 1 }],
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

    it('gives NPS with its margin, CSAT and CES per tier of the respondents, flagging small n', async () => {
      const r = await satisfactionReport(
        store.unit.service,
        input({ asOf: '2025-06-30', window: '3', tiers: 'Top:50,Bottom:50' }),
      );
      const [top, bottom, inactive] = r.byTier!;
      // Top (n1, p1): NPS 10, 9, 6 → 100 × (2 − 1) / 3; margin 196 × √((1 − 1/9) / 3); CSAT 5, 3 → 1 of 2
      expect(top).toMatchObject({
        tier: 'Top',
        nps: { n: 3, promoters: 2, passives: 0, detractors: 1, smallSample: true },
        csat: { n: 2, satisfied: 1, share: 0.5, smallSample: true },
        ces: { n: 0, mean: null, smallSample: false },
      });
      expect(top!.nps.score).toBeCloseTo(100 / 3, 12);
      expect(top!.nps.marginOfError).toBeCloseTo(196 * Math.sqrt(8 / 27), 10);
      // Bottom (p3): one passive → NPS 0 ± 0; CES 2, 6 → mean 4, low effort 1 of 2
      expect(bottom).toMatchObject({
        tier: 'Bottom',
        nps: { n: 1, passives: 1, score: 0, marginOfError: 0 },
        csat: { n: 0, share: null },
        ces: { n: 2, mean: 4, lowEffortShare: 0.5, smallSample: true },
      });
      // p4 bought nothing in the window: one detractor
      expect(inactive).toMatchObject({ tier: 'not active', nps: { n: 1, score: -100 } });
      const notes = renderMessages(r.notes, 'en');
      expect(notes).toContain(
        'NPS per tier from fewer than 30 answers in Top (3), Bottom (1), not active (1): not reliable',
      );
      expect(notes).toContain('CES per tier from fewer than 30 answers in Bottom (2): not reliable');
      expect(renderMessages(r.notes, 'sv')).toContain(
        'CES per kundkategori från färre än 30 svar i Bottom (2): inte tillförlitligt',
      );
      // the tiers' answers are the window's: 5 NPS answers in all
      expect(r.nps.n).toBe(5);
      const plain = await satisfactionReport(store.unit.service, input({ asOf: '2025-06-30', window: '3' }));
      expect(plain.byTier).toBeNull();
    });
  });
  describe('business hours and targets per category and priority', () => {
    let store: TestStore;
    beforeAll(async () => {
      // Stockholm: CET (UTC+1) until 2026-03-29, CEST (UTC+2) until 2026-10-25, CET again. Office
      // Monday–Friday 08:00–17:00 local. x1 (500) is Top, x2 (100) Bottom of Top:50,Bottom:50 as of
      // 2026-10-31 over 12 months; x3–x5 bought nothing in the window.
      store = await storeWith(open, [
        ['x1', '2026-06-01', 500],
        ['x2', '2026-06-02', 100],
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
          'priority',
        ],
        [
          // Fri 16:00 CET → Mon 09:00 CEST across the spring-forward weekend: business 1 + 1 = 2 h,
          // calendar 64 h; answered after 0.5 h
          [
            'b1',
            'x1',
            '2026-03-27 15:00:00',
            '2026-03-27 15:30:00',
            '2026-03-30 07:00:00',
            'delivery',
            'high',
          ],
          // Fri 12:00 CEST → Mon 12:00 CET across the fall-back weekend: business 5 + 4 = 9 h, calendar
          // 73 h; answered Mon 08:30 CET: business 5 + 0.5 = 5.5 h, calendar 69.5 h
          ['b2', 'x2', '2026-10-23 10:00:00', '2026-10-26 07:30:00', '2026-10-26 11:00:00', 'billing', null],
          // Thu 15:00 CEST → Tue 10:00 CEST over Good Friday, the weekend and Easter Monday (holidays):
          // business 2 + 2 = 4 h, calendar 115 h
          ['b3', 'x3', '2026-04-02 13:00:00', null, '2026-04-07 08:00:00', 'billing', 'low'],
          // Saturday to Sunday: business 0 h, calendar 24 h
          ['b4', 'x4', '2026-05-09 10:00:00', null, '2026-05-10 10:00:00', null, null],
          // still open at the as-of instant (2026-10-31 23:00 UTC)
          ['b5', 'x5', '2026-10-30 09:00:00', null, null, 'delivery', null],
        ],
      );
    });
    afterAll(async () => {
      await store.close();
    });

    const base = { asOf: '2026-10-31', window: '12', timeZone: 'Europe/Stockholm' };
    const office = { ...base, businessHours: 'true', holidays: '2026-04-03,2026-04-06' };

    it('ships each complaint of the period judged at the as-of instant, with codes and tiers', async () => {
      const asOfMs = Date.parse('2026-10-31T23:00:00Z');
      const t = await store.unit.service.complaintTimes({
        fromMs: Date.parse('2025-10-31T23:00:00Z'),
        asOfMs,
        tiers: {
          current: { startExclusive: '2025-10-31', endInclusive: '2026-10-31' },
          tiers: [
            { name: 'Top', sharePpm: 500_000 },
            { name: 'Bottom', sharePpm: 500_000 },
          ],
        },
      });
      expect([...t.openedMs]).toEqual(
        [
          '2026-03-27T15:00Z',
          '2026-04-02T13:00Z',
          '2026-05-09T10:00Z',
          '2026-10-23T10:00Z',
          '2026-10-30T09:00Z',
        ].map((d) => Date.parse(d)),
      );
      expect([...t.resolvedMs].map((v) => (Number.isNaN(v) ? null : new Date(v).toISOString()))).toEqual([
        '2026-03-30T07:00:00.000Z',
        '2026-04-07T08:00:00.000Z',
        '2026-05-10T10:00:00.000Z',
        '2026-10-26T11:00:00.000Z',
        null,
      ]);
      expect([...t.respondedMs].map((v) => (Number.isNaN(v) ? null : v))).toEqual([
        Date.parse('2026-03-27T15:30Z'),
        null,
        null,
        Date.parse('2026-10-26T07:30Z'),
        null,
      ]);
      expect([...t.category].map((c) => t.categories[c] ?? null)).toEqual([
        'delivery',
        'billing',
        null,
        'billing',
        'delivery',
      ]);
      expect([...t.priority].map((c) => t.priorities[c] ?? null)).toEqual(['high', 'low', null, null, null]);
      expect([...t.tier!]).toEqual([0, 2, 2, 1, 2]);
    });

    it('measures business hours across weekends, holidays and both DST changes', async () => {
      const r = await serviceReport(store.unit.service, input(office));
      expect(r.clock).toBe('business');
      expect(r.businessHours).toEqual({
        timeZone: 'Europe/Stockholm',
        opens: '08:00',
        closes: '17:00',
        workingDays: [1, 2, 3, 4, 5],
        holidays: ['2026-04-03', '2026-04-06'],
      });
      // business hours 0, 2, 4, 9: median 3, mean 3.75, p90 = 4 + 0.7 × (9 − 4) = 7.5
      expect([r.medianResolutionHours, r.meanResolutionHours]).toEqual([3, 3.75]);
      expect(r.p90ResolutionHours).toBeCloseTo(7.5, 12);
      // all four resolved within 24 business hours; b5 is open: 4 of 5
      expect([r.withinTarget, r.resolvedWithinTarget]).toEqual([4, 0.8]);
      // first responses 0.5 and 5.5 business hours; b3, b4 and b5 await one
      expect(r.firstResponse).toEqual({ n: 2, medianHours: 3, meanHours: 3, p90Hours: 5, awaiting: 3 });
      const march = r.trend.find((m) => m.month === '2026-03')!;
      const october = r.trend.find((m) => m.month === '2026-10')!;
      expect(march).toEqual({
        month: '2026-03',
        opened: 1,
        resolved: 1,
        medianResolutionHours: 2,
        withinTargetShare: 1,
      });
      expect(october).toEqual({
        month: '2026-10',
        opened: 2,
        resolved: 1,
        medianResolutionHours: 9,
        withinTargetShare: 0.5,
      });
    });

    it('gives the same figures in calendar hours with or without per-complaint measuring', async () => {
      const sql = await serviceReport(store.unit.service, input(base));
      // calendar hours 24, 64, 73, 115: median 68.5; only b4 within 24 h
      expect([sql.clock, sql.medianResolutionHours, sql.withinTarget]).toEqual(['calendar', 68.5, 1]);
      const measured = await serviceReport(
        store.unit.service,
        input({ ...base, targetByCategory: 'unused=1' }),
      );
      expect({ ...measured, targets: sql.targets }).toEqual(sql);
    });

    it('judges each complaint against its priority’s, else its category’s, else the default target', async () => {
      const targets = { targetByCategory: 'billing=5', targetByPriority: 'high=1' };
      // business: b1 high 2 h > 1 missed; b2 billing 9 h > 5 missed; b3 low has no target of its own, so
      // billing's 5: 4 h within; b4 default 24: 0 h within; b5 open: 2 of 5
      const business = await serviceReport(store.unit.service, input({ ...office, ...targets }));
      expect([business.withinTarget, business.resolvedWithinTarget]).toEqual([2, 0.4]);
      expect(business.targets).toEqual({ byCategory: { billing: 5 }, byPriority: { high: 1 } });
      // calendar: 64 > 1, 73 > 5, 115 > 5 missed; b4 24 ≤ 24 within: 1 of 5
      const calendar = await serviceReport(store.unit.service, input({ ...base, ...targets }));
      expect([calendar.withinTarget, calendar.resolvedWithinTarget]).toEqual([1, 0.2]);
    });

    it('measures the per-tier figures on the same clock and targets', async () => {
      const r = await serviceReport(
        store.unit.service,
        input({ ...office, tiers: 'Top:50,Bottom:50', targetByPriority: 'high=1' }),
      );
      expect(
        r.byTier!.tiers.map((t) => [t.tier, t.complaints, t.medianResolutionHours, t.resolvedWithinTarget]),
      ).toEqual([
        ['Top', 1, 2, 0], // b1: 2 business hours against its 1 h
        ['Bottom', 1, 9, 1], // b2: 9 h against 24 h
        ['not active', 3, 2, 2 / 3], // b3 4 h, b4 0 h within; b5 open
      ]);
      // first responses in business hours: b1 0.5 h (Top), b2 5.5 h (Bottom); b3–b5 await one
      expect(r.byTier!.tiers.map((t) => [t.firstResponse.n, t.firstResponse.medianHours])).toEqual([
        [1, 0.5],
        [1, 5.5],
        [0, null],
      ]);
      // not active: b3 billing, b4 uncategorised, b5 delivery, a third each, ranked by name
      expect(r.byTier!.tiers[2]!.causes.map((c) => [c.cause, c.complaints])).toEqual([
        ['billing', 1],
        ['delivery', 1],
        ['uncategorised', 1],
      ]);
    });
  });
}
