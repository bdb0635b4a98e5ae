/**
 * The contract reports through the store: seed 002's subscription portfolio table (Top / Mid / Low:
 * customers, revenue per customer, products per customer) rebuilt from a contract fixture of 684 000
 * customers, and a hand-computed case for retention, duration, CLV, SKI, NPS, holdings, cross-sell,
 * down-sell and product-level churn, invoices as revenue, overlapping contracts and bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOptions } from '../../src/app/options/parse';
import { contractReportInput, type ContractReportInput } from '../../src/app/options/contracts';
import { productChurnReport, productsReport, subscriptionReport } from '../../src/app/reports/contracts';
import { cohortReport } from '../../src/app/reports/cohorts';
import { concentrationReport } from '../../src/app/reports/concentration';
import { flowsReport } from '../../src/app/reports/flows';
import { loyaltyDepthReport } from '../../src/app/reports/loyalty-depth';
import { portfolioReport } from '../../src/app/reports/portfolio';
import { retentionReport } from '../../src/app/reports/retention';
import type { Cell } from '../../src/data/import/types';
import { cohorts, concentration, loyaltyDepth, portfolio, retention } from './input';
import type { OpenStore, TestStore } from './load';
import { openTestStore } from './load';
import { renderMessages } from '../../src/core/messages/catalogue';

const input = (raw: Record<string, string | undefined> = {}): ContractReportInput =>
  parseOptions(contractReportInput, raw);

const CONTRACT_COLUMNS = [
  'contract_id',
  'customer_id',
  'start_date',
  'end_date',
  'product_line',
  'annual_fee',
] as const;

/** contract: customer, start, end (exclusive, null = open), product line, annual fee */
type Contract = readonly [string, string, string | null, string | null, number | null];

async function landContracts(store: TestStore, contracts: readonly Contract[]): Promise<void> {
  await store.land(
    'contracts',
    CONTRACT_COLUMNS,
    contracts.map(([customer, start, end, line, fee], i): Cell[] => [
      `k${i + 1}`,
      customer,
      start,
      end,
      line,
      fee === null ? null : String(fee),
    ]),
  );
}

/**
 * Seed 002, "Customer Portfolio value subscription based - including NPS/SKI": Top 137 000 customers at
 * 1 347 a year with 2.0 products each, Mid 205 000 at 662 with 1.5, Low 342 000 at 337 with 1.0. Every
 * customer holds open-ended contracts since 2020 whose annual fees sum to the tier's revenue per customer;
 * half of Mid hold two lines, half one.
 */
function seedContracts(): Contract[] {
  const rows: Contract[] = [];
  const start = '2020-01-01';
  for (let i = 0; i < 137_000; i++) {
    rows.push([`T${i}`, start, null, 'el', 700], [`T${i}`, start, null, 'gas', 647]);
  }
  for (let i = 0; i < 205_000; i++) {
    if (i % 2 === 0) rows.push([`M${i}`, start, null, 'el', 400], [`M${i}`, start, null, 'gas', 262]);
    else rows.push([`M${i}`, start, null, 'el', 662]);
  }
  for (let i = 0; i < 342_000; i++) rows.push([`L${i}`, start, null, 'el', 337]);
  return rows;
}

export function contractsSuite(open: OpenStore): void {
  describe('seed 002 subscription portfolio', () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await openTestStore(open);
      await landContracts(store, seedContracts());
    }, 120_000);
    afterAll(async () => {
      await store.close();
    });

    it('gives the seed’s customers, revenue and products per customer per segment', async () => {
      // 137 000 / 684 000 = 20.0292… %: the Top share to four decimals puts the cut-off exactly at 137 000
      // (⌈684 000 × 0.200292⌉), the Mid cut-off at 342 000 (⌈684 000 × 0.5⌉).
      const r = await subscriptionReport(
        store.unit.contracts,
        input({ asOf: '2025-12-31', tiers: 'Top:20.0292,Mid:29.9708,Low:50' }),
      );
      expect(r.basis).toBe('contracts');
      expect(r.revenue).toBe('fees');
      expect(r.tiers.map((t) => [t.tier, t.customers, t.revenuePerCustomer, t.productsPerCustomer])).toEqual([
        ['Top', 137_000, 1_347, 2.0],
        ['Mid', 205_000, 662, 1.5],
        ['Low', 342_000, 337, 1.0],
      ]);
      expect(r.total.customers).toBe(684_000);
      // The total revenue per customer is the customer-weighted mean of the tiers' figures:
      // (137 000 × 1 347 + 205 000 × 662 + 342 000 × 337) / 684 000 = 435 503 000 / 684 000 = 636.70.
      // The seed's total row prints "436": the total revenue, 435.5 million, not a per-customer figure.
      expect(r.total.revenue).toBe(435_503_000);
      expect(r.total.revenuePerCustomer).toBeCloseTo(435_503_000 / 684_000, 9);
      expect(r.total.productsPerCustomer).toBeCloseTo(923_500 / 684_000, 12);
      // Nobody left: retention 100 %, so duration and CLV are undefined, with a note.
      expect(r.total.retention).toMatchObject({ previous: 684_000, retained: 684_000, retention: 1 });
      expect(r.total.retention.duration).toBeNull();
      expect(r.tiers[0]!.clv).toBeNull();
      expect(renderMessages(r.notes, 'en').join(' ')).toMatch(/CLV index undefined/);
    });
  });

  describe('hand-computed contract customers', () => {
    let store: TestStore;
    // As of 2025-12-31 with 12-month windows: current (2024-12-31, 2025-12-31], previous
    // (2023-12-31, 2024-12-31] (366 days); holdings before = on 2024-12-31.
    const contracts: Contract[] = [
      ['A', '2020-01-01', null, 'el', 1200],
      ['A', '2020-01-01', null, 'gas', 600],
      ['B', '2021-01-01', null, 'el', 1000],
      ['B', '2025-10-20', null, 'home', 400], // 73 days in the window: 400 × 73 / 365 = 80 (cross-sell)
      ['C', '2022-01-01', '2025-03-01', 'el', 1100], // lost
      ['D', '2023-01-01', null, 'el', 500],
      ['D', '2023-01-01', '2025-05-27', 'gas', 300], // 146 days: 120 (down-sell, stays a customer)
      ['E', '2025-03-15', null, 'gas', 400], // new: 292 days: 320
      ['F', '2019-06-01', '2025-09-01', 'home', 200], // lost
      ['G', '2020-01-01', '2024-06-01', 'el', 700], // ended before the previous day: not seen
      ['H', '2022-01-01', '2025-01-01', 'gas', 350], // in force on 2024-12-31 only
      ['H', '2025-01-01', null, 'home', 350], // switched gas → home: cross- and down-sell
      ['J', '2020-01-01', null, 'el', 100],
    ];
    beforeAll(async () => {
      store = await openTestStore(open);
      await landContracts(store, contracts);
      await store.land(
        'surveys',
        ['response_id', 'customer_id', 'answered_on', 'kind', 'score'],
        [
          ['s1', 'A', '2025-03-01', 'nps', '10'],
          ['s2', 'B', '2025-04-01', 'nps', '9'],
          ['s3', 'D', '2025-05-01', 'nps', '3'],
          ['s4', 'A', '2025-06-01', 'csat', '5'],
          ['s5', 'B', '2025-06-01', 'csat', '4'],
          ['s6', 'E', '2025-07-01', 'nps', '8'],
          ['s7', 'J', '2025-08-01', 'nps', '0'],
          ['s8', 'H', '2025-09-01', 'csat', '2'],
          ['s9', 'C', '2025-02-01', 'nps', '10'], // C is not active on the as-of day
          ['s10', 'A', '2024-06-01', 'nps', '0'], // previous window
          // SKI asked as its own survey (0–100) in the Lo tier only: Lo shows their mean, Hi CSAT rescaled
          ['s11', 'E', '2025-07-15', 'ski', '70'],
          ['s12', 'J', '2025-08-15', 'ski', '81'],
          ['s13', 'G', '2025-08-15', 'ski', '5'], // G is not active on the as-of day
        ],
      );
    });
    afterAll(async () => {
      await store.close();
    });
    const opts = { asOf: '2025-12-31', tiers: 'Hi:50,Lo:50' };

    it('ranks, retains and values the tiers of the subscription portfolio', async () => {
      const r = await subscriptionReport(store.unit.contracts, input(opts));
      expect(r.previousDay).toBe('2024-12-31');
      // Now: A 1800, B 1080, D 620, H 350, E 320, J 100 → Hi {A, B, D}, Lo {H, E, J}.
      // Before: A 1800, C 1100, B 1000, D 800, H 350, F 200, J 100 → Hi {A, C, B, D}, Lo {H, F, J}.
      expect([r.activeCurrent, r.activePrevious]).toEqual([6, 7]);
      const [hi, lo] = r.tiers;
      // Hi: CSAT 5 and 4 → 100 × (4.5 − 1) / 4 = 87.5; Lo: its SKI answers 70 and 81 → 75.5 (H's CSAT 2 unused)
      expect(hi).toMatchObject({ customers: 3, revenue: 3500, skiSource: 'csat', skiAnswers: 2, ski: 87.5 });
      expect(hi!.revenuePerCustomer).toBeCloseTo(3500 / 3, 9);
      expect(hi!.productsPerCustomer).toBeCloseTo(5 / 3, 12);
      expect(hi!.retention).toMatchObject({ previous: 4, retained: 3, retention: 0.75, duration: 4 });
      expect(hi!.clv).toBeCloseTo((3500 / 3) * 4, 9);
      expect(hi!.clvTotal).toBeCloseTo(14_000, 9);
      expect(hi!.tenureYears).toBeCloseTo((2191 + 1825 + 1095) / 3 / 365.25, 12);
      expect(hi!.nps).toMatchObject({ promoters: 2, passives: 0, detractors: 1, n: 3 });
      expect(hi!.nps.score).toBeCloseTo(100 / 3, 9);
      expect(lo).toMatchObject({ customers: 3, revenue: 770, productsPerCustomer: 1 });
      expect(lo).toMatchObject({ skiSource: 'ski', skiAnswers: 2, ski: 75.5 });
      expect(lo!.retention.retention).toBeCloseTo(2 / 3, 12);
      expect(lo!.retention.duration).toBeCloseTo(3, 12);
      expect(lo!.clv).toBeCloseTo(770, 9);
      expect(lo!.clvIndex).toBe(1);
      expect(hi!.clvIndex).toBeCloseTo(4666.666666666667 / 770, 9);
      expect(lo!.nps).toMatchObject({ passives: 1, detractors: 1, n: 2, score: -50 });
      const t = r.total;
      expect(t).toMatchObject({ customers: 6, revenue: 4270 });
      expect(t.revenuePerCustomer).toBeCloseTo(4270 / 6, 9);
      expect(t.retention).toMatchObject({ previous: 7, retained: 5 });
      expect(t.retention.duration).toBeCloseTo(3.5, 12);
      expect(t.clvTotal).toBeCloseTo(16_310, 9);
      expect(t.clv).toBeCloseTo(16_310 / 6, 9);
      expect(t.nps).toMatchObject({ n: 5, score: 0 });
      // The total has SKI answers, so it is their mean; the note says the tiers' sources differ.
      expect(t).toMatchObject({ skiSource: 'ski', skiAnswers: 2, ski: 75.5 });
      expect(renderMessages(r.notes, 'en').join(' ')).toMatch(/SKI: tiers with ski survey answers/);
    });

    it('counts products per customer, cross-sell and down-sell per tier', async () => {
      const r = await productsReport(store.unit.contracts, input(opts));
      const [hi, lo] = r.tiers;
      expect(hi).toMatchObject({
        customers: 3,
        holdings: [1, 2, 0, 0],
        previousCustomers: 4,
        retained: 3,
        crossSell: 1, // B added home
        downSell: 1, // D dropped gas
      });
      expect(hi!.productsBefore).toBeCloseTo(5 / 3, 12);
      expect(hi!.productsAfter).toBeCloseTo(5 / 3, 12);
      expect(hi!.crossSellRate).toBeCloseTo(1 / 3, 12);
      expect(lo).toMatchObject({
        customers: 3,
        holdings: [3, 0, 0, 0],
        previousCustomers: 3,
        retained: 2,
        crossSell: 1, // H switched: both
        downSell: 1,
        productsBefore: 1,
        productsAfter: 1,
      });
      expect(r.total).toMatchObject({ customers: 6, retained: 5, crossSell: 2, downSell: 2 });
    });

    it('splits product churn into customers who left and customers who stayed with other products', async () => {
      const r = await productChurnReport(store.unit.contracts, input(opts));
      expect(
        r.lines.map((l) => [l.line, l.holdersBefore, l.holdersAfter, l.ended, l.left, l.stayed, l.added]),
      ).toEqual([
        ['el', 5, 4, 1, 1, 0, 0], // C left
        ['gas', 3, 2, 2, 0, 2, 1], // D and H churned on gas, stayed as customers; E added it
        ['home', 1, 2, 1, 1, 0, 2], // F left; B and H added it
      ]);
      expect(r.lines[0]!.churn).toBeCloseTo(1 / 5, 12);
      expect(r.lines[1]!.retainedAsCustomer).toBe(1);
      expect(r.lines[1]!.churn).toBeCloseTo(2 / 3, 12);
    });

    it('gives retention, trend and tenure on the contract basis, by default on a store without orders', async () => {
      const r = await retentionReport(
        store.analytics,
        retention({ asOf: '2025-12-31', tiers: 'Hi:50,Lo:50', years: '1' }),
        store.unit.contracts,
      );
      expect(r.basis).toBe('contracts');
      expect(r.overall).toMatchObject({ previous: 7, retained: 5, lost: 2 });
      expect(r.tiers.map((t) => [t.tier, t.previous, t.retained])).toEqual([
        ['Hi', 4, 3],
        ['Lo', 3, 2],
      ]);
      // Each point compares the day 12 months before with the point: C (ended 2025-03-01) is lost at
      // every point, F (ended 2025-09-01) from 2025-09-30 on; G (ended 2024-06-01) is active on
      // 2024-03-31 only, so it counts before the 2025-03-31 point and is lost there.
      expect(r.trend.map((p) => [p.asOf, p.overall.previous, p.overall.retained])).toEqual([
        ['2025-12-31', 7, 5],
        ['2025-09-30', 7, 5],
        ['2025-06-30', 7, 6],
        ['2025-03-31', 8, 6],
      ]);
      // first contract start against 2024-12-31: D 1–2 years, C and H 2–3, B 3–4, A and J 4–5, F 5+
      expect(r.tenure.rows.map((t) => [t.fromYears, t.previous, t.retained])).toEqual([
        [0, 0, 0],
        [1, 1, 1],
        [2, 2, 1],
        [3, 1, 1],
        [4, 2, 2],
        [5, 1, 0],
      ]);
    });

    it('counts the trend points per tier before in one pass, as the report per point does', async () => {
      // The previous windows hold every fee whole: ranked A 1800, C 1100, B 1000, D 800 (G 700 on
      // 2024-03-31 only), H 350, F 200, J 100; Hi is the first ⌈n / 2⌉ = 4. Retained: C ended 2025-03-01,
      // F 2025-09-01, G 2024-06-01.
      const points = ['2025-09-30', '2025-06-30', '2025-03-31'].map((asOf, j) => ({
        asOf,
        previousDay: ['2024-09-30', '2024-06-30', '2024-03-31'][j]!,
        previous: {
          startExclusive: ['2023-09-30', '2023-06-30', '2023-03-31'][j]!,
          endInclusive: ['2024-09-30', '2024-06-30', '2024-03-31'][j]!,
        },
      }));
      const counts = await store.unit.contracts.contractRetentionTrend({
        points,
        windowMonths: 12,
        tiers: input(opts).tiers,
      });
      expect(
        counts
          .map((c) => [c.point, c.tier, c.previous, c.retained])
          .sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!),
      ).toEqual([
        [0, 0, 4, 3], // Hi {A, C, B, D}: C lost
        [0, 1, 3, 2], // Lo {H, F, J}: F lost
        [1, 0, 4, 3],
        [1, 1, 3, 3],
        [2, 0, 4, 3],
        [2, 1, 4, 3], // Lo {G, H, F, J}: G lost
      ]);
    });

    it('gives the flows and the portfolio on the contract basis, consistent with the subscription table', async () => {
      const f = await flowsReport(
        store.analytics,
        portfolio({ asOf: '2025-12-31', tiers: 'Hi:50,Lo:50', basis: 'contracts' }),
        store.unit.contracts,
      );
      expect(f.basis).toBe('contracts');
      const cells = f.flows
        .filter((x) => x.customers > 0)
        .map((x) => [x.from, x.to, x.customers, x.purchases, x.revenue]);
      expect(cells).toEqual([
        ['Hi', 'Hi', 3, 5, 3500], // A, B, D: lines held now 2 + 2 + 1
        ['Lo', 'Lo', 2, 2, 450], // H, J
        ['new', 'Lo', 1, 1, 320], // E
        ['Hi', 'lost', 1, 1, 1100], // C, with its previous-window revenue
        ['Lo', 'lost', 1, 1, 200], // F
      ]);
      const p = await portfolioReport(
        store.analytics,
        portfolio({ asOf: '2025-12-31', tiers: 'Hi:50,Lo:50', basis: 'contracts' }),
        store.unit.contracts,
      );
      const s = await subscriptionReport(store.unit.contracts, input(opts));
      expect(p.tiers.map((t) => t.clv)).toEqual(s.tiers.map((t) => t.clv));
      expect(p.tiers[0]!.retention).toBe(0.75);
      await expect(
        portfolioReport(
          store.analytics,
          portfolio({ asOf: '2025-12-31', basis: 'contracts', value: 'margin' }),
          store.unit.contracts,
        ),
      ).rejects.toThrow(/contracts carry no margin/);
    });

    it('gives the concentration of the contract customers by their revenue of the window', async () => {
      const r = await concentrationReport(
        store.analytics,
        concentration({ asOf: '2025-12-31', tiers: 'Hi:50,Lo:50', basis: 'contracts' }),
        store.unit.contracts,
      );
      // Active now, fees of the window: J 100, E 320, H 350, D 620, B 1080, A 1800 (as the subscription table).
      expect(r).toMatchObject({ basis: 'contracts', asOf: '2025-12-31', customers: 6, total: 4270 });
      // Gini = 2 Σ i·x(i) / (n Σ x) − (n + 1) / n, x ascending: Σ i·x = 100 + 640 + 1050 + 2480 + 5400 + 10800
      expect(r.gini).toBeCloseTo((2 * 20_470) / (6 * 4270) - 7 / 6, 12);
      expect(r.tiers.map((t) => [t.tier, t.customers, t.value])).toEqual([
        ['Hi', 3, 3500],
        ['Lo', 3, 770],
      ]);
      await expect(
        concentrationReport(
          store.analytics,
          concentration({ asOf: '2025-12-31', basis: 'contracts', value: 'margin' }),
          store.unit.contracts,
        ),
      ).rejects.toThrow(/contracts carry no margin/);
    });

    it('follows the cohorts of first contract starts period by period, fees pro rata to the days in force', async () => {
      const r = await cohortReport(
        store.analytics,
        cohorts({ asOf: '2025-12-31', window: '3', cohort: 'quarter', years: '3', basis: 'contracts' }),
        store.unit.contracts,
      );
      expect(r.basis).toBe('contracts');
      // First contracts since 2023-01: D (2023-01-01) and E (2025-03-15); the others started earlier.
      expect(r.cohorts.map((c) => [c.cohort, c.customers, c.periods.length])).toEqual([
        ['2023-Q1', 1, 11],
        ['2025-Q1', 1, 3],
      ]);
      const d = r.cohorts[0]!.periods;
      // D: el 500 + gas 300 a year, a quarter each: 125 + 75; gas ends 2025-05-27, 56 of Q2's 91 days
      expect(d[0]).toMatchObject({ customers: 1, retention: 1, revenue: 200 });
      expect(d[9]!.revenue).toBeCloseTo(125 + (300 * 3 * 56) / (12 * 91), 9);
      expect(d[10]!.revenue).toBeCloseTo(125, 9);
      expect(d[10]!.revenueRetention).toBeCloseTo(125 / 200, 12);
      // E: gas 400 from 2025-03-15; its periods count from March: 78 of 92 days, then whole quarters
      const e = r.cohorts[1]!.periods;
      expect(e[0]!.revenue).toBeCloseTo((400 * 3 * 78) / (12 * 92), 9);
      expect(e.slice(1).map((p) => [p.customers, p.revenue])).toEqual([
        [1, 100],
        [1, 100],
      ]);
    });

    it('refuses the contract basis for the depth of loyalty, which counts purchases', async () => {
      await expect(
        loyaltyDepthReport(store.analytics, loyaltyDepth({ asOf: '2025-12-31', basis: 'contracts' })),
      ).rejects.toThrow(/depth of loyalty is computed from orders/);
    });

    it('defaults the as-of day to the latest contract start or end up to today', async () => {
      const r = await productChurnReport(store.unit.contracts, input({ today: '2025-12-31' }));
      expect(r.asOf).toBe('2025-10-20');
    });

    it('refuses an as-of day before the first contract and fees when no contract has one', async () => {
      await expect(subscriptionReport(store.unit.contracts, input({ asOf: '2019-01-01' }))).rejects.toThrow(
        /2019-01-01 is before the first contract start \(2019-06-01\)/,
      );
    });
  });

  describe('ties at a tier cut-off', () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await openTestStore(open);
      await landContracts(store, [
        ['P', '2020-01-01', null, 'el', 500],
        ['Q', '2020-01-01', null, 'el', 500],
        ['R', '2020-01-01', null, 'el', 500],
        ['S', '2020-01-01', '2025-06-01', 'el', 500],
        ['T', '2020-01-01', null, 'el', 100],
      ]);
    });
    afterAll(async () => {
      await store.close();
    });

    it('puts every customer tied at the cut-off in the higher tier (competition ranks)', async () => {
      const r = await subscriptionReport(
        store.unit.contracts,
        input({ asOf: '2025-12-31', tiers: 'Hi:50,Lo:50' }),
      );
      // Now P, Q, R 500 and T 100: cut-off ⌈4 / 2⌉ = 2, but P, Q and R share rank 1. Before, S too:
      // cut-off ⌈5 / 2⌉ = 3 and four customers at rank 1.
      expect(r.tiers.map((t) => [t.customers, t.retention.previous, t.retention.retained])).toEqual([
        [3, 4, 3],
        [1, 1, 1],
      ]);
      const trend = await store.unit.contracts.contractRetentionTrend({
        points: [
          {
            asOf: '2025-06-30',
            previousDay: '2024-06-30',
            previous: { startExclusive: '2023-06-30', endInclusive: '2024-06-30' },
          },
        ],
        windowMonths: 12,
        tiers: input({ tiers: 'Hi:50,Lo:50' }).tiers,
      });
      expect(trend.map((c) => [c.tier, c.previous, c.retained]).sort((a, b) => a[0]! - b[0]!)).toEqual([
        [0, 4, 3], // S ended 2025-06-01
        [1, 1, 1],
      ]);
    });
  });

  describe('equal fee revenues made of different contracts', () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await openTestStore(open);
      await landContracts(store, [
        ['U', '2025-01-29', null, 'el', 100],
        ['U', '2025-01-29', null, 'gas', 200],
        ['V', '2025-01-29', null, 'el', 300],
      ]);
    });
    afterAll(async () => {
      await store.close();
    });

    it('ties them exactly: fees are summed as whole cent-days and scaled once', async () => {
      // January 2025 with a 1-month window: 3 days in force of 31. U: (10 000 + 20 000) × 3 cent-days, V:
      // 30 000 × 3, both × 1 / (12 × 31 × 100) = 2.4193…; as doubles added per contract, 100 × 3 / 372 +
      // 200 × 3 / 372 is one unit in the last place below 300 × 3 / 372 and would rank U second.
      const r = await subscriptionReport(
        store.unit.contracts,
        input({ asOf: '2025-01-31', window: '1', tiers: 'Hi:50,Lo:50' }),
      );
      expect(r.activeCurrent).toBe(2);
      expect(r.tiers.map((t) => t.customers)).toEqual([2, 0]);
      expect(r.tiers[0]!.revenue).toBeCloseTo((2 * 90_000) / 37_200, 12);
    });
  });

  describe('invoice revenues added in different orders', () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await openTestStore(open);
      await landContracts(store, [
        ['A', '2020-01-01', null, 'el', null],
        ['B', '2020-01-01', null, 'el', null],
      ]);
      // the same three amounts, landed in opposite orders: as doubles (0.1 + 0.2) + 0.3 = 0.6000000000000001
      // but (0.3 + 0.2) + 0.1 = 0.6
      await store.land(
        'transactions',
        ['order_id', 'customer_id', 'order_date', 'amount', 'product_line'],
        [
          ['a1', 'A', '2025-02-01', '0.10', 'el'],
          ['a2', 'A', '2025-03-01', '0.20', 'el'],
          ['a3', 'A', '2025-04-01', '0.30', 'el'],
          ['b1', 'B', '2025-02-01', '0.30', 'el'],
          ['b2', 'B', '2025-03-01', '0.20', 'el'],
          ['b3', 'B', '2025-04-01', '0.10', 'el'],
        ],
      );
    });
    afterAll(async () => {
      await store.close();
    });

    it('are summed exactly: equal revenues tie, and the totals do not depend on the order', async () => {
      const r = await subscriptionReport(
        store.unit.contracts,
        input({ asOf: '2025-12-31', tiers: 'Hi:50,Lo:50' }),
      );
      expect(r.revenue).toBe('invoices');
      expect(r.tiers.map((t) => t.customers)).toEqual([2, 0]);
      expect(r.tiers[0]!.revenue).toBe(1.2);
    });
  });

  describe('fee revenues of a cohort added in different orders', () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await openTestStore(open);
      // a whole month in force: each contract's month is fee / 12, i.e. 0.10, 0.20 and 0.30; added as doubles
      // in this order the six give 1.2000000000000002, not 1.2
      await landContracts(store, [
        ['F', '2025-01-01', null, 'a', 1.2],
        ['F', '2025-01-01', null, 'b', 2.4],
        ['F', '2025-01-01', null, 'c', 3.6],
        ['G', '2025-01-01', null, 'c', 3.6],
        ['G', '2025-01-01', null, 'b', 2.4],
        ['G', '2025-01-01', null, 'a', 1.2],
      ]);
    });
    afterAll(async () => {
      await store.close();
    });

    it('sums them exactly: the fees as whole cent-days, scaled once', async () => {
      const r = await cohortReport(
        store.analytics,
        cohorts({ asOf: '2025-01-31', window: '1', cohort: 'month', years: '1', basis: 'contracts' }),
        store.unit.contracts,
      );
      expect(r.cohorts.map((c) => [c.cohort, c.customers])).toEqual([['2025-01', 2]]);
      expect(r.cohorts[0]!.periods[0]!.revenue).toBe(1.2);
    });
  });

  describe('more product lines than one mask holds', () => {
    let store: TestStore;
    const lines = Array.from({ length: 31 }, (_, i) => `l${String(i).padStart(2, '0')}`);
    beforeAll(async () => {
      store = await openTestStore(open);
      await landContracts(store, [
        ...lines.map((line): Contract => ['K1', '2020-01-01', null, line, 10]),
        ['K2', '2020-01-01', '2025-06-01', 'l00', 500], // switches l00 → l01: stays a customer
        ['K2', '2025-03-01', null, 'l01', 100],
        ['K3', '2020-01-01', '2025-02-01', 'l02', 50], // leaves
      ]);
    });
    afterAll(async () => {
      await store.close();
    });

    it('gives the same sums from the stage per customer and line', async () => {
      const options = input({ asOf: '2025-12-31', tiers: 'All:100' });
      const s = await subscriptionReport(store.unit.contracts, options);
      // K1 31 × 10; K2 l00 151 days of 2025 × 500 / 365 and l01 306 days × 100 / 365
      expect(s.tiers[0]).toMatchObject({ customers: 2, productsPerCustomer: 16 });
      expect(s.tiers[0]!.revenue).toBeCloseTo(310 + (500 * 151 + 100 * 306) / 365, 9);
      expect(s.tiers[0]!.retention).toMatchObject({ previous: 3, retained: 2 });
      const p = await productsReport(store.unit.contracts, options);
      expect(p.total).toMatchObject({ customers: 2, retained: 2, crossSell: 1, downSell: 1 });
      const c = await productChurnReport(store.unit.contracts, options);
      expect(c.lines).toHaveLength(31);
      expect(
        c.lines
          .slice(0, 4)
          .map((l) => [l.line, l.holdersBefore, l.holdersAfter, l.ended, l.left, l.stayed, l.added]),
      ).toEqual([
        ['l00', 2, 1, 1, 0, 1, 0], // K2 churned on l00, stayed
        ['l01', 1, 2, 0, 0, 0, 1], // K2 added l01
        ['l02', 2, 1, 1, 1, 0, 0], // K3 left
        ['l03', 1, 1, 0, 0, 0, 0],
      ]);
    });
  });

  describe('revenue from invoices, overlapping contracts', () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await openTestStore(open);
      await landContracts(store, [
        ['X', '2020-01-01', null, 'el', null],
        ['Y', '2020-01-01', null, 'gas', null],
        ['Z', '2020-01-01', null, null, null], // no product line: links every invoice of Z
        ['O', '2020-01-01', null, 'el', null],
        ['O', '2025-06-01', null, 'el', null], // overlaps O's first el contract: one product held
        ['V', '2020-01-01', '2023-01-01', 'el', null], // V left in 2023 …
        ['V', '2025-06-01', null, 'el', null], // … and came back: won back
      ]);
      await store.land(
        'transactions',
        ['order_id', 'customer_id', 'order_date', 'amount', 'product_line'],
        [
          ['i1', 'X', '2025-02-01', '100', 'el'],
          ['i2', 'X', '2025-03-01', '50', 'gas'], // X holds no gas contract: not linked
          ['i3', 'X', '2025-04-01', '30', null], // no product line: linked to X's contracts
          ['i4', 'X', '2024-05-01', '80', 'el'], // previous window
          ['i5', 'Y', '2025-05-01', '40', 'gas'],
          ['i6', 'Z', '2025-06-01', '25', 'water'],
          ['i7', 'W', '2025-07-01', '99', 'el'], // W has no contract
          ['i8', 'O', '2025-07-01', '60', 'el'],
        ],
      );
    });
    afterAll(async () => {
      await store.close();
    });

    it('sums linked invoices, notes the unlinked ones and counts an overlapping line once', async () => {
      const r = await subscriptionReport(
        store.unit.contracts,
        input({ asOf: '2025-12-31', tiers: 'All:100' }),
      );
      expect(r.revenue).toBe('invoices');
      expect(r.tiers[0]).toMatchObject({ customers: 5, revenue: 255, productsPerCustomer: 1 });
      expect(renderMessages(r.notes, 'en').join(' ')).toMatch(
        /2 invoices in the two windows link to no contract .* 6 are/,
      );
    });

    it('values the contract customers by their linked invoices in the concentration', async () => {
      const r = await concentrationReport(
        store.analytics,
        concentration({ asOf: '2025-12-31', tiers: 'All:100', basis: 'contracts' }),
        store.unit.contracts,
      );
      // X 100 + 30, Y 40, Z 25, O 60, V 0 (back since June, no invoice): as the subscription table
      expect(r).toMatchObject({ basis: 'contracts', customers: 5, total: 255 });
      expect(renderMessages(r.notes, 'en').join(' ')).toMatch(/from linked invoices/);
    });

    it('tells a won-back customer from a new one', async () => {
      const f = await flowsReport(
        store.analytics,
        portfolio({ asOf: '2025-12-31', tiers: 'All:100', basis: 'contracts' }),
        store.unit.contracts,
      );
      expect(f.flows.filter((x) => x.customers > 0).map((x) => [x.from, x.to, x.customers])).toEqual([
        ['All', 'All', 4],
        ['wonBack', 'All', 1],
      ]);
      // the store holds orders too: orders stay the default, with a note
      const o = await flowsReport(store.analytics, portfolio({ asOf: '2025-12-31' }), store.unit.contracts);
      expect(o.basis).toBe('orders');
      expect(renderMessages(o.notes, 'en')[0]).toMatch(/the store holds contracts too/);
    });

    it('refuses revenue from fees when no contract has a fee', async () => {
      await expect(
        subscriptionReport(store.unit.contracts, input({ asOf: '2025-12-31', revenue: 'fees' })),
      ).rejects.toThrow(/no contract in the store has an annual_fee/);
    });
  });
}
