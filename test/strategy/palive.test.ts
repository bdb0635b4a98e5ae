/**
 * Loyalty from a fitted model's P(alive) (`--loyalty palive`) on the CDNOW 1/10 sample (2,357 customers,
 * first purchases in the first quarter of 1997) as of 1997-09-30, the calibration end of Fader, Hardie &
 * Lee (2005): BG/NBD fitted in weeks on the store's purchases gives the published parameters, and each
 * customer's loyalty is P(alive) ≥ 0.7 high, < 0.3 low, medium between, computed here with the core
 * formula from the fitted parameters and each customer's (x, t_x, T) in weeks: those of the store agree
 * with the published summary (rounded to two decimals there, which moves one customer across 0.7).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCustomers } from '../../src/app/models/data';
import { fitModel } from '../../src/app/models/fit';
import { fitInput } from '../../src/app/options/models';
import { parseOptions } from '../../src/app/options/parse';
import { strategyInput } from '../../src/app/options/strategy';
import { openStore } from '../../src/app/open-store';
import { segmentsReport } from '../../src/app/strategy/reports';
import { pAliveBgNbd, type BgNbdParams } from '../../src/core/models/bg-nbd';
import type { Store } from '../../src/data/store';
import { readCdnowLog, readCdnowSummary } from '../cdnow-fixture';
import { landRows } from '../conformance/load';

let store: Store;
beforeAll(async () => {
  store = await openStore(':memory:');
  await store.unit((unit) =>
    landRows(
      unit,
      'transactions',
      ['order_id', 'customer_id', 'order_date', 'amount'],
      readCdnowLog().map((t) => [t.orderId, t.customerId, t.day, t.amount]),
    ),
  );
}, 60_000);
afterAll(async () => {
  await store.close();
});

describe('loyalty from P(alive)', () => {
  it('classifies every CDNOW customer by its BG/NBD P(alive) at the published fit', async () => {
    const fit = await store.unit((unit) =>
      fitModel('bgnbd', parseOptions(fitInput, { model: 'bgnbd', calibrationEnd: '1997-09-30' }), unit),
    );
    const params = fit.params as unknown as BgNbdParams;
    expect(params.r).toBeCloseTo(0.243, 3);
    expect(params.alpha).toBeCloseTo(4.414, 3);
    expect(params.a).toBeCloseTo(0.793, 3);
    expect(params.b).toBeCloseTo(2.426, 2);
    const level = (p: number) => (p >= 0.7 ? 'high' : p < 0.3 ? 'low' : 'medium');
    const { customers } = await store.unit((unit) =>
      loadCustomers({ calibrationEnd: '1997-09-30', timeUnit: 'week' }, unit),
    );
    const expected = { high: 0, medium: 0, low: 0 };
    customers.customerIds.forEach((_, i) => {
      expected[level(pAliveBgNbd(params, customers.x[i]!, customers.tx[i]!, customers.T[i]!))]++;
    });
    const published = { high: 0, medium: 0, low: 0 };
    for (const c of readCdnowSummary()) published[level(pAliveBgNbd(params, c.x, c.tx, c.T))]++;
    expect(published).toEqual({ high: 1703, medium: 453, low: 201 });
    expect(expected).toEqual({ high: 1702, medium: 454, low: 201 });
    const report = await store.unit((unit) =>
      segmentsReport(
        unit,
        parseOptions(strategyInput, { asOf: '1997-09-30', loyalty: 'palive', today: '1997-09-30' }),
      ),
    );
    // every customer bought within the 12 months: all are ranked, all have a model figure
    expect(report.active).toBe(2357);
    expect(report.loyalty).toMatchObject({
      basis: 'palive',
      customers: { palive: 2357, behaviour: 0, nps: 0 },
    });
    const got = { high: 0, medium: 0, low: 0 };
    for (const cell of report.matrix) got[cell.loyalty] += cell.customers;
    expect(got).toEqual(expected);
    // customers without a repeat purchase have P(alive) 1 in BG/NBD: high loyalty
    const oneTime = readCdnowSummary().filter((c) => c.x === 0).length;
    expect(oneTime).toBe(1411);
    expect(expected.high).toBeGreaterThan(oneTime);
    expect(expected.low).toBeGreaterThan(0);
  }, 120_000);
});
