/**
 * Orders without an amount count as activity; the value reports refuse data that mostly lacks amounts
 * (issue 7, item 9). Customers whose only transactions in a window are returns are counted in the notes
 * (item 3). The service and satisfaction reports choose their default as-of day as the value reports do:
 * one stray row dated years ahead cannot move it (item 2).
 */
import { describe, expect, it } from 'vitest';
import { parseOptions } from '../../src/app/options/parse';
import { cohortInput, portfolioInput, retentionInput } from '../../src/app/options/report';
import { serviceInput } from '../../src/app/options/service';
import { cohortReport } from '../../src/app/reports/cohorts';
import { flowsReport } from '../../src/app/reports/flows';
import { portfolioReport } from '../../src/app/reports/portfolio';
import { retentionReport } from '../../src/app/reports/retention';
import { satisfactionReport } from '../../src/app/reports/satisfaction';
import { serviceReport } from '../../src/app/reports/service';
import { load, tempDir, withMemoryStore, write } from '../import/helpers';
import { renderMessages } from '../../src/core/messages/catalogue';

const dir = tempDir('activity');

describe('orders without an amount', () => {
  // a: 2024-03 and 2025-03; b: 2024-04 only (lost); c: 2025-12-31 only (new)
  const log = write(
    dir,
    'log.csv',
    ['customer_id,order_date', 'a,2024-03-01', 'b,2024-04-01', 'a,2025-03-01', 'c,2025-12-31'].join('\n'),
  );

  it('import, count as activity in retention and cohorts, and the value reports refuse', async () => {
    await withMemoryStore(async (store) => {
      expect(await load(store, 'transactions', log)).toMatchObject({ imported: 4, rejected: 0 });
      const retention = await retentionReport(store.analytics, parseOptions(retentionInput, {}));
      // previous window (2024): a, b active; current (2025): a, c. Retained: a → 1 of 2.
      expect(retention.asOf).toBe('2025-12-31');
      expect(retention.overall).toMatchObject({ previous: 2, retained: 1, lost: 1, retention: 0.5 });
      expect(renderMessages(retention.notes, 'en')).toContain(
        '4 of the 4 transactions have no amount (100 %): they count as purchases with value 0; the value tiers and revenue figures rank and sum them as 0',
      );
      const cohorts = await cohortReport(store.analytics, parseOptions(cohortInput, { window: '12' }));
      expect(renderMessages(cohorts.notes, 'en')[0]).toMatch(/^4 of the 4 transactions have no amount/);
      await expect(portfolioReport(store.analytics, parseOptions(portfolioInput, {}))).rejects.toThrow(
        'this report ranks customers by value, but 4 of the 4 transactions have no amount (100 %, more than 50 %); ' +
          'import the amounts, or use the reports that need none: retention (trend and tenure) and cohorts (retention)',
      );
    });
  });
});

describe('customers with only returns in a window', () => {
  it('are left out of the tiers and counted in the notes', async () => {
    const path = write(
      dir,
      'returns.csv',
      [
        'customer_id,order_date,amount',
        'a,2024-03-01,100',
        'b,2024-04-01,50',
        'b,2025-02-01,-50', // b: only a return in 2025 → lost, and left out of the current tiers
        'c,2025-05-01,-20', // c: only a return, in 2025 → left out
        'a,2025-03-01,90',
      ].join('\n'),
    );
    await withMemoryStore(async (store) => {
      await load(store, 'transactions', path);
      const input = parseOptions(portfolioInput, { asOf: '2025-12-31' });
      const flows = await flowsReport(store.analytics, input);
      expect(renderMessages(flows.notes, 'en')).toContain(
        "left out as not active (only returns, no purchase, in the window): 2 customers in the current window, 0 customers in the previous one; their returns are in no tier's revenue",
      );
      expect(flows.total).toMatchObject({ customers: 1, revenue: 90 });
      const portfolio = await portfolioReport(store.analytics, input);
      expect(
        renderMessages(portfolio.notes, 'sv').some((n) => n.startsWith('utelämnade som inte aktiva')),
      ).toBe(true);
    });
  });
});

describe('the default as-of day of the service and satisfaction reports', () => {
  it('is the latest order date up to today, whatever a stray row dated years ahead says', async () => {
    const orders = write(
      dir,
      'orders.csv',
      ['customer_id,order_date,amount', 'a,2025-06-30,10', 'b,2031-06-01,10'].join('\n'),
    );
    const complaints = write(
      dir,
      'complaints.csv',
      ['complaint_id,customer_id,opened_at,resolved_at', 'k1,a,2025-06-01 10:00,2025-06-01 20:00'].join('\n'),
    );
    await withMemoryStore(async (store) => {
      await load(store, 'transactions', orders);
      await load(store, 'complaints', complaints);
      const input = parseOptions(serviceInput, { window: '3', today: '2026-11-27' });
      const service = await serviceReport(store.service, input);
      expect(service).toMatchObject({ asOf: '2025-06-30', complaints: 1, resolved: 1 });
      expect(renderMessages(service.notes, 'en').slice(0, 2)).toEqual([
        'as of 2025-06-30: the latest order date up to today (2026-11-27); give an as-of day for another',
        '1 transaction is dated after today, the latest on 2031-06-01; they do not move the as-of day',
      ]);
      const satisfaction = await satisfactionReport(store.service, input);
      expect(satisfaction.asOf).toBe('2025-06-30');
    });
  });
});
