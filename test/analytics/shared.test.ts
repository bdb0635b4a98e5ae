/**
 * The work the value reports repeat, shared per state of the data (app/reports/shared.ts, the server's
 * cache per data version): the flows and the portfolio report read one computation of the tier flows,
 * every report one reading of the order dates, and the figures are those of the unshared port.
 */
import { describe, expect, it } from 'vitest';
import { parseOptions } from '../../src/app/options/parse';
import { portfolioInput } from '../../src/app/options/report';
import { flowsReport } from '../../src/app/reports/flows';
import { portfolioReport } from '../../src/app/reports/portfolio';
import { sharedAnalytics, type Share } from '../../src/app/reports/shared';
import type { AnalyticsPort } from '../../src/data/analytics/types';
import { load, tempDir, withMemoryStore, write } from '../import/helpers';

const dir = tempDir('shared');

/** A memo like the server's cache within one data version, counting what it computed. */
function memo(): { share: Share; computed: string[] } {
  const values = new Map<string, Promise<unknown>>();
  const computed: string[] = [];
  const share: Share = <T>(key: string, compute: () => Promise<T>): Promise<T> => {
    if (!values.has(key)) {
      computed.push(key.split(' ')[0] ?? key);
      values.set(key, compute());
    }
    return values.get(key) as Promise<T>;
  };
  return { share, computed };
}

/** The port with its tier-flow computations counted. */
function counting(port: AnalyticsPort): { port: AnalyticsPort; flows: () => number } {
  let n = 0;
  const view = Object.create(port) as AnalyticsPort;
  view.tierFlows = (query) => {
    n++;
    return port.tierFlows(query);
  };
  return { port: view, flows: () => n };
}

describe('shared tier flows', () => {
  // Windows as of 2025-12-31: 2024 (previous) and 2025 (current). w bought in 2023 and 2025: won back;
  // n only in 2025: new; l only in 2024: lost; a, b, c in both.
  const path = write(
    dir,
    'tx.csv',
    [
      'customer_id,order_date,amount',
      'a,2024-02-01,500',
      'a,2025-02-01,400',
      'b,2024-03-01,200',
      'b,2025-03-01,300',
      'c,2024-04-01,50',
      'c,2025-04-01,60',
      'l,2024-05-01,80',
      'w,2023-06-01,90',
      'w,2025-06-01,700',
      'n,2025-07-01,30.55',
      'n,2025-08-01,10.10',
    ].join('\n'),
  );

  it('give the portfolio the figures of its own computation, from the one computation of the flows', async () => {
    await withMemoryStore(async (store) => {
      expect(await load(store, 'transactions', path)).toMatchObject({ imported: 11, rejected: 0 });
      const input = parseOptions(portfolioInput, { tiers: '50,50' });
      const direct = await portfolioReport(store.analytics, input);
      const directFlows = await flowsReport(store.analytics, input);

      const { share, computed } = memo();
      const { port, flows } = counting(store.analytics);
      const shared = sharedAnalytics(port, share);
      const sharedFlows = await flowsReport(shared, input);
      const sharedPortfolio = await portfolioReport(shared, input);
      expect(flows()).toBe(1);
      expect(computed.filter((k) => k === 'tierFlows')).toHaveLength(1);
      expect(computed.filter((k) => k === 'orderDates')).toHaveLength(1);
      expect(sharedFlows).toEqual(directFlows);
      expect(sharedPortfolio).toEqual(direct);

      // The flows tell w (won back) from n (new); the portfolio counts both as new inflow into the
      // current tiers: 5 current customers (a, b, c, w, n), revenue 400 + 300 + 60 + 700 + 40.65.
      expect(JSON.stringify(directFlows)).toContain('wonBack');
      expect(sharedPortfolio.total.customers).toBe(5);
      expect(sharedPortfolio.total.revenue).toBe(1500.65);
      expect(sharedPortfolio.total.previousCustomers).toBe(4);
      expect(sharedPortfolio.total.lost).toBe(1);
    });
  });

  it('in the other order too: the portfolio first, then the flows', async () => {
    await withMemoryStore(async (store) => {
      await load(store, 'transactions', path);
      const input = parseOptions(portfolioInput, {});
      const { share } = memo();
      const { port, flows } = counting(store.analytics);
      const shared = sharedAnalytics(port, share);
      expect(await portfolioReport(shared, input)).toEqual(await portfolioReport(store.analytics, input));
      expect(await flowsReport(shared, input)).toEqual(await flowsReport(store.analytics, input));
      // two computations of the unshared port above, one shared
      expect(flows()).toBe(1);
    });
  });
});
