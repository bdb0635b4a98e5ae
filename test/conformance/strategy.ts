/**
 * The customer-strategy port through the store: the per-customer states of a hand-written fixture (every
 * column, with the boundaries: a purchase on a window's last day, a free order, a return-only customer,
 * acquired_on before the log, complaints resolved in exactly and just over 24 h, an open one past the
 * target, two NPS answers on one day, an invoice paid after the as-of day), and the action log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toEpochDay, windowBack } from '../../src/core/dates';
import type { CustomerStates } from '../../src/core/strategy/states';
import { openTestStore, type OpenStore, type TestStore } from './load';

const AS_OF = '2025-12-31';
const d = (day: string): number => toEpochDay(day);

/** One customer's entry of every column, by customer id. */
function byCustomer(states: CustomerStates): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  states.customerIds.forEach((id, i) => {
    const row: Record<string, number> = {};
    for (const [key, column] of Object.entries(states))
      if (column instanceof Float64Array) row[key] = column[i] ?? NaN;
    out[id] = row;
  });
  return out;
}

/** The suite, on stores opened by `open`. */
export function strategySuite(open: OpenStore): void {
  describe('customer strategy', () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await openTestStore(open);
      await store.land(
        'transactions',
        ['order_id', 'customer_id', 'order_date', 'amount', 'margin'],
        [
          ['a1', 'A', '2023-06-01', '100.00', '10.00'],
          ['a2', 'A', '2024-06-01', '200.00', '20.00'],
          ['a3', 'A', '2025-06-01', '300.00', null],
          ['a4', 'A', '2025-06-01', '50.00', '5.00'],
          ['a5', 'A', '2025-07-01', '-20.00', '-2.00'],
          ['b1', 'B', '2025-03-01', '-10.00', null],
          ['b2', 'B', '2026-01-05', '80.00', null],
          ['c1', 'C', '2025-12-31', '0.00', null],
          ['d1', 'D', '2024-12-31', '50.00', '7.50'],
        ],
      );
      await store.land(
        'customers',
        ['customer_id', 'acquired_on'],
        [
          ['A', '2022-01-01'],
          ['C', '2026-01-01'],
          ['D', null],
        ],
      );
      await store.land(
        'complaints',
        ['complaint_id', 'customer_id', 'opened_at', 'resolved_at'],
        [
          // open at the end of the as-of day for 38 h: past the 24 h target
          ['k1', 'A', '2025-12-30 10:00:00', null],
          // resolved in 25 h: late
          ['k2', 'A', '2025-11-01 08:00:00', '2025-11-02 09:00:00'],
          // resolved after the as-of day: open at its end, for 16 h only
          ['k3', 'C', '2025-12-31 08:00:00', '2026-01-02 08:00:00'],
          // open for exactly 24 h at the end of the as-of day: not past the target
          ['k4', 'D', '2025-12-31 00:00:00', null],
          // resolved in exactly 24 h: not late
          ['k5', 'D', '2025-06-01 10:00:00', '2025-06-02 10:00:00'],
          // in the previous window
          ['k6', 'D', '2024-03-01 10:00:00', '2024-03-01 11:00:00'],
        ],
      );
      await store.land(
        'surveys',
        ['response_id', 'customer_id', 'answered_on', 'kind', 'score'],
        [
          ['r1', 'A', '2024-11-01', 'nps', 9],
          ['r2', 'A', '2025-12-20', 'nps', 3],
          ['r5', 'A', '2025-12-30', 'csat', 5],
          // two answers on one day: the later response id counts
          ['r3', 'C', '2025-12-31', 'nps', 10],
          ['r4', 'C', '2025-12-31', 'nps', 2],
          ['r6', 'D', '2026-01-02', 'nps', 0],
        ],
      );
      await store.land(
        'invoices',
        ['invoice_id', 'customer_id', 'issued_on', 'due_on', 'paid_on', 'amount'],
        [
          ['i1', 'A', '2025-10-01', '2025-10-31', '2025-10-20', '80.00'],
          ['i2', 'A', '2025-11-15', '2025-12-15', null, '100.00'],
          ['i3', 'A', '2025-12-01', '2025-12-31', null, '50.00'],
          ['i4', 'A', '2025-11-01', '2025-11-30', '2026-01-05', '25.00'],
          ['i5', 'C', '2026-01-10', '2026-02-10', null, '10.00'],
        ],
      );
    });
    afterAll(async () => {
      await store.close();
    });

    const query = (measure: 'revenue' | 'margin') => ({
      asOf: AS_OF,
      current: windowBack(AS_OF, 12, 0),
      previous: windowBack(AS_OF, 12, 1),
      earlier: windowBack(AS_OF, 12, 2),
      measure,
      complaintTargetHours: 24,
    });

    it('computes every column per customer with a purchase on or before the as-of day', async () => {
      const states = await store.unit.strategy.customerStates(query('revenue'));
      expect([...states.customerIds].sort()).toEqual(['A', 'C', 'D']);
      const s = byCustomer(states);
      expect(s.A).toEqual({
        firstPurchase: d('2022-01-01'),
        lastPurchase: d('2025-06-01'),
        lastPurchasePrevious: d('2024-06-01'),
        purchaseDays: 3,
        purchaseDaysPrevious: 2,
        purchasesCurrent: 2,
        purchasesPrevious: 1,
        purchasesEarlier: 1,
        valueCurrent: 330,
        valuePrevious: 200,
        valueEarlier: 100,
        revenueCurrent: 330,
        revenuePrevious: 200,
        complaintsCurrent: 2,
        complaintsPrevious: 0,
        lastComplaintOpened: d('2025-12-30'),
        openComplaintSince: d('2025-12-30'),
        overdueComplaintSince: d('2025-12-30'),
        lateResolvedDay: d('2025-11-02'),
        npsDay: d('2025-12-20'),
        npsScore: 3,
        npsDayPrevious: d('2024-11-01'),
        npsScorePrevious: 9,
        firstInvoice: d('2025-10-01'),
        unpaidDue: d('2025-11-30'),
        unpaidAmount: 175,
      });
      expect(s.C).toMatchObject({
        // acquired_on after the first purchase does not move it
        firstPurchase: d('2025-12-31'),
        lastPurchase: d('2025-12-31'),
        lastPurchasePrevious: NaN,
        purchaseDays: 1,
        purchaseDaysPrevious: 0,
        purchasesCurrent: 1,
        valueCurrent: 0,
        openComplaintSince: d('2025-12-31'),
        overdueComplaintSince: NaN,
        lateResolvedDay: NaN,
        npsDay: d('2025-12-31'),
        npsScore: 2,
        npsDayPrevious: NaN,
        firstInvoice: NaN,
        unpaidDue: NaN,
        unpaidAmount: 0,
      });
      expect(s.D).toMatchObject({
        firstPurchase: d('2024-12-31'),
        lastPurchasePrevious: d('2024-12-31'),
        purchasesCurrent: 0,
        purchasesPrevious: 1,
        valuePrevious: 50,
        complaintsCurrent: 2,
        complaintsPrevious: 1,
        openComplaintSince: d('2025-12-31'),
        overdueComplaintSince: NaN,
        lateResolvedDay: NaN,
        npsDay: NaN,
      });
    });

    it('sums margins for the margin measure, a missing margin as 0', async () => {
      const s = byCustomer(await store.unit.strategy.customerStates(query('margin')));
      expect(s.A).toMatchObject({
        valueCurrent: 3,
        valuePrevious: 20,
        valueEarlier: 10,
        revenueCurrent: 330,
      });
      expect(s.D).toMatchObject({ valuePrevious: 7.5 });
    });

    it('logs exported actions once per suggestion and as-of day, and reads them up to a day', async () => {
      const port = store.unit.strategy;
      const row = {
        suggestionId: 'nba-1',
        customerId: 'A',
        actionId: 'welcome-series',
        asOf: '2025-12-01',
        exportedAt: '2025-12-01T08:00:00.000Z',
      };
      await port.logActions([row, { ...row, suggestionId: 'nba-2', customerId: 'C' }]);
      await port.logActions([row, { ...row, suggestionId: 'nba-3', asOf: '2025-12-31' }]);
      expect(await port.actionLog('2025-12-30')).toEqual([
        row,
        { ...row, suggestionId: 'nba-2', customerId: 'C' },
      ]);
      expect((await port.actionLog('2025-12-31')).map((r) => r.suggestionId)).toEqual([
        'nba-1',
        'nba-2',
        'nba-3',
      ]);
    });
  });
}
