/**
 * The loaded demo data, checked with plain SQL: integrity and value ranges, and the properties the demo
 * promises (docs/demo.md) on a reduced size of 20,000 customers, with tolerances wide enough for its noise.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCORECARD_FACTORS } from '../../src/core/kinds';
import { accountClvs, demoProperties, probabilityOfRow, type DemoProperties } from './properties';
import { loadDemo, type LoadedDemo } from './setup';

const CUSTOMERS = 20_000;
const END = '2025-12-31';

let demo: LoadedDemo;
let props: DemoProperties;
const count = async (sql: string): Promise<number> => (await demo.db.one<{ n: number }>(sql)).n;

beforeAll(async () => {
  demo = await loadDemo(CUSTOMERS);
  props = await demoProperties(demo.db, END);
});
afterAll(async () => demo?.dispose());

describe(`demo data (${CUSTOMERS.toLocaleString('en')} customers)`, () => {
  it('has exactly the requested customers, unique ids, and only known customers in other tables', async () => {
    expect(await count('SELECT count(DISTINCT customer_id) AS n FROM customers')).toBe(CUSTOMERS);
    expect(await count('SELECT count(*) - count(DISTINCT order_id) AS n FROM transactions')).toBe(0);
    expect(await count('SELECT count(*) - count(DISTINCT complaint_id) AS n FROM complaints')).toBe(0);
    expect(await count('SELECT count(*) - count(DISTINCT response_id) AS n FROM survey_responses')).toBe(0);
    for (const table of ['transactions', 'complaints', 'survey_responses'])
      expect(
        await count(`SELECT count(*) AS n FROM ${table} t ANTI JOIN customers c USING (customer_id)`),
        table,
      ).toBe(0);
    // every customer bought inside the log, on or after its acquisition day; the log ends on END
    expect(await count('SELECT count(DISTINCT customer_id) AS n FROM transactions WHERE amount > 0')).toBe(
      CUSTOMERS,
    );
    expect(
      await count(`SELECT count(*) AS n FROM transactions t JOIN customers c USING (customer_id)
                   WHERE t.order_date < c.acquired_on OR t.order_date > DATE '${END}'
                      OR t.order_date <= DATE '${END}' - INTERVAL 36 MONTH`),
    ).toBe(0);
  });

  it('keeps amounts, margins and returns consistent', async () => {
    expect(await count('SELECT count(*) AS n FROM transactions WHERE amount > 0 AND amount < 19')).toBe(0);
    // margin is 25–45 % of the amount, up to rounding both to the öre
    expect(
      await count(`SELECT count(*) AS n FROM transactions
                   WHERE abs(margin) < abs(amount) * 0.25 - 0.01 OR abs(margin) > abs(amount) * 0.45 + 0.01`),
    ).toBe(0);
    // a return is "<order id>-R": same customer and product line, later, and at most the amount bought
    expect(
      await count("SELECT count(*) AS n FROM transactions WHERE amount < 0 AND order_id LIKE '%-R'"),
    ).toBe(await count('SELECT count(*) AS n FROM transactions WHERE amount < 0'));
    expect(
      await count(`SELECT count(*) AS n FROM transactions r LEFT JOIN transactions p
                     ON p.order_id = replace(r.order_id, '-R', '')
                   WHERE r.amount < 0 AND (p.order_id IS NULL OR p.customer_id <> r.customer_id
                     OR p.product_line <> r.product_line OR p.order_date >= r.order_date OR -r.amount > p.amount)`),
    ).toBe(0);
    expect(props.returnShare).toBeGreaterThan(0.02);
    expect(props.returnShare).toBeLessThan(0.06);
  });

  it('keeps complaint times in order and scores in range', async () => {
    expect(
      await count(`SELECT count(*) AS n FROM complaints
                   WHERE first_response_at < opened_at OR resolved_at < first_response_at OR resolved_at < opened_at
                      OR opened_at >= DATE '${END}' + 1 OR resolved_at >= DATE '${END}' + 1`),
    ).toBe(0);
    // open cases have no outcome and no satisfaction; closed ones always an outcome
    expect(
      await count(`SELECT count(*) AS n FROM complaints WHERE (resolved_at IS NULL) <> (outcome IS NULL)
                     OR (resolved_at IS NULL AND satisfaction IS NOT NULL)
                     OR satisfaction NOT BETWEEN 1 AND 5 OR outcome NOT IN ('accepted', 'refused')`),
    ).toBe(0);
    const ranges = await demo.db.all<{ kind: string; lo: number; hi: number }>(
      'SELECT kind, min(score) AS lo, max(score) AS hi FROM survey_responses GROUP BY kind ORDER BY kind',
    );
    expect(ranges).toEqual([
      { kind: 'ces', lo: 1, hi: 7 },
      { kind: 'csat', lo: 1, hi: 5 },
      { kind: 'nps', lo: 0, hi: 10 },
    ]);
  });

  it('retains its value tiers close to 89 / 81 / 65 / 52 %', () => {
    const target = [0.89, 0.81, 0.65, 0.52];
    props.tierRetention.forEach((r, i) =>
      expect(Math.abs(r - target[i]!), `tier ${i + 1}: ${r}`).toBeLessThan(0.04),
    );
    expect(props.tierSizes.reduce((a, b) => a + b, 0)).toBeGreaterThan(0.5 * CUSTOMERS);
  });

  it('concentrates revenue and mixes new, won-back and retained customers like real retail', () => {
    expect(props.top20Share).toBeGreaterThan(0.6);
    expect(props.top20Share).toBeLessThan(0.75);
    expect(props.newShareS12).toBeGreaterThan(0.15);
    expect(props.newShareS12).toBeLessThan(0.3);
    expect(props.wonBackShareS12).toBeGreaterThan(0.1);
    expect(props.wonBackShareS12).toBeLessThan(0.25);
    expect(props.purchasesPerActive).toBeGreaterThan(2.2);
    expect(props.purchasesPerActive).toBeLessThan(3.2);
    expect(props.revenuePerPurchase).toBeGreaterThan(800);
    expect(props.revenuePerPurchase).toBeLessThan(1100);
  });

  it('handles most complaints within 24 h, leaves a few open, and complainants churn more', () => {
    expect(props.within24h).toBeGreaterThan(0.75);
    expect(props.within24h).toBeLessThan(0.85);
    expect(props.openShare).toBeGreaterThan(0.015);
    expect(props.openShare).toBeLessThan(0.04);
    expect(props.complainantsPerActive).toBeGreaterThan(0.03);
    expect(props.complainantsPerActive).toBeLessThan(0.06);
    expect(props.complainantRetention).toBeLessThan(props.otherRetention - 0.08);
    expect(props.satisfactionAccepted - props.satisfactionRefused).toBeGreaterThan(1);
    expect(props.satisfactionFast - props.satisfactionSlow).toBeGreaterThan(0.5);
    expect(props.topTwoCategoryShare).toBeGreaterThan(0.5);
  });

  it('has survey scores that predict retention', () => {
    expect(props.promoterRetention - props.detractorRetention).toBeGreaterThan(0.1);
    expect(props.nps).toBeGreaterThan(5);
    expect(props.nps).toBeLessThan(35);
    expect(props.npsResponses).toBeGreaterThan(500);
    expect(props.csatSatisfiedShare).toBeGreaterThan(0.6);
    expect(props.cesMean).toBeGreaterThan(2);
    expect(props.cesMean).toBeLessThan(4);
  });

  it('has 12–20 key accounts in the ranges of Ryals & Knox (2007), two of them negative once risk counts', async () => {
    const accounts = await count('SELECT count(*) AS n FROM key_accounts');
    expect(accounts).toBeGreaterThanOrEqual(12);
    expect(accounts).toBeLessThanOrEqual(20);
    const ranges: Record<string, [number, number]> = {
      other_relationships: [0, 3],
      business_lines: [3, 10],
      relationship_years: [0.5, 16],
      broker_relationship: [1, 5],
      relationship_quality: [1, 5],
      contacts_at_customer: [2, 8],
      contacts_at_company: [3, 10],
      knowledge_of_company: [1, 5],
      knowledge_of_industry: [1, 5],
    };
    for (const factor of SCORECARD_FACTORS) {
      const [lo, hi] = ranges[factor]!;
      expect(
        await count(`SELECT count(*) AS n FROM assessments WHERE ${factor} NOT BETWEEN ${lo} AND ${hi}`),
        factor,
      ).toBe(0);
    }
    // assessed by the account's own manager, once or twice
    expect(
      await count(`SELECT count(*) AS n FROM assessments a JOIN key_accounts k USING (account_id)
                   WHERE a.assessor <> k.account_manager`),
    ).toBe(0);
    const perAccount = await demo.db.all<{ n: number }>(
      'SELECT count(*) AS n FROM assessments GROUP BY account_id',
    );
    expect(perAccount).toHaveLength(accounts);
    expect(new Set(perAccount.map((r) => r.n))).toEqual(new Set([1, 2]));

    const clvs = await accountClvs(demo.db, probabilityOfRow);
    expect(clvs).toHaveLength(accounts);
    for (const a of clvs) {
      expect(a.years, a.account_id).toBe(5);
      expect(a.p, a.account_id).toBeGreaterThanOrEqual(0.68 - 1e-9);
      expect(a.p, a.account_id).toBeLessThanOrEqual(0.82 + 1e-9);
      expect(a.clv12, a.account_id).toBeGreaterThan(140_000);
      expect(a.clv12, a.account_id).toBeLessThan(5_200_000);
    }
    const negative = clvs.filter((a) => a.adjusted < 0);
    expect(negative).toHaveLength(2);
    for (const a of negative) expect(a.p).toBeLessThanOrEqual(0.72 + 1e-9);
    // the portfolio loses about half its value once relationship risk is counted (paper: 41.6 % kept)
    const wacc = await demo.db.one<{ v: number }>(
      'SELECT sum((revenue - cost_to_serve - claims_cost) / pow(1.048, year)) AS v FROM account_forecasts',
    );
    const kept = clvs.reduce((s, a) => s + a.adjusted, 0) / wacc.v;
    expect(kept).toBeGreaterThan(0.3);
    expect(kept).toBeLessThan(0.65);
  });

  it('has renewal records where stronger accounts renewed more often', async () => {
    const clvs = await accountClvs(demo.db, probabilityOfRow);
    const median = [...clvs.map((a) => a.p)].sort((x, y) => x - y)[Math.floor(clvs.length / 2)]!;
    const strong = new Set(clvs.filter((a) => a.p >= median).map((a) => a.account_id));
    const rows = await demo.db.all<{ account_id: string; renewed: boolean }>(
      'SELECT account_id, renewed FROM renewals',
    );
    const rate = (inStrong: boolean): number => {
      const group = rows.filter((r) => strong.has(r.account_id) === inStrong);
      return group.filter((r) => r.renewed).length / group.length;
    };
    expect(rows.length).toBeGreaterThan(40);
    expect(rate(true) - rate(false)).toBeGreaterThan(0.08);
  });
});
