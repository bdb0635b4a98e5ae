/**
 * One customer through the store (the customer page): their rows of every table, orders per month, and
 * their value tier in each window, ranked among the window's active customers exactly as the value reports
 * rank them; hand-computed. The search finds ids by prefix, with `%` and `_` taken literally.
 *
 * Windows of 12 months as of 2025-12-31. Current (2024-12-31, 2025-12-31]: B 500, A 150, C 150, D 20
 * → 4 active, ranks 1, 2, 2, 4; tiers Top:25,Mid:50,Low:25 cut at ⌈1⌉ = 1, ⌈3⌉ = 3, 4 → B Top, A and C Mid,
 * D Low. Previous (2023-12-31, 2024-12-31]: A 300, E 200, B 100; D only returned goods (−40), so is not
 * active → 3 active, cut at ⌈0.75⌉ = 1, ⌈2.25⌉ = 3, 3 → A Top, E and B Mid. The window before: nobody.
 */
import { renderMessages } from '../../src/core/messages/catalogue';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerReport } from '../../src/app/customers/report';
import { customerInput } from '../../src/app/options/customer';
import { parseOptions } from '../../src/app/options/parse';
import { storeWith, type OpenStore, type TestStore } from './load';

export function customerSuite(open: OpenStore): void {
  describe('one customer', () => {
    let store: TestStore;
    beforeAll(async () => {
      store = await storeWith(open, [
        ['A', '2024-05-01', 300],
        ['A', '2025-03-01', 100, 40],
        ['A', '2025-11-15', 50],
        ['B', '2024-06-01', 100],
        ['B', '2025-06-01', 500],
        ['C', '2025-07-01', 150],
        ['D', '2024-02-01', -40],
        ['D', '2025-08-01', 20],
        ['E', '2024-03-01', 200],
      ]);
      await store.land(
        'customers',
        ['customer_id', 'name', 'acquired_on', 'region', 'channel'],
        [
          ['A', 'Anna AB', '2024-01-15', 'North', 'web'],
          ['AB', 'Abba HB', null, null, null],
          ['A%1', 'Percent', null, null, null],
          ['B', 'Bo AB', null, 'South', null],
        ],
      );
      await store.land(
        'complaints',
        ['complaint_id', 'customer_id', 'opened_at', 'resolved_at', 'category', 'outcome', 'satisfaction'],
        [
          ['k2', 'A', '2025-12-01 08:00:00', null, 'delivery', null, null],
          ['k1', 'A', '2025-04-01 09:30:00', '2025-04-02 10:00:00', 'billing', 'accepted', '4'],
          ['k3', 'B', '2025-04-01 09:30:00', null, 'billing', null, null],
        ],
      );
      await store.land(
        'surveys',
        ['response_id', 'customer_id', 'answered_on', 'kind', 'score', 'comment'],
        [
          ['s2', 'A', '2025-06-01', 'csat', '4', null],
          ['s1', 'A', '2025-05-01', 'nps', '9', 'quick, friendly'],
        ],
      );
      await store.land(
        'contracts',
        ['contract_id', 'customer_id', 'start_date', 'end_date', 'product_line', 'annual_fee'],
        [
          ['c1', 'A', '2024-01-01', null, 'el', '1200.50'],
          ['c0', 'A', '2022-01-01', '2023-12-31', 'gas', null],
        ],
      );
      await store.land(
        'accounts',
        ['account_id', 'name', 'account_manager', 'customer_id'],
        [
          ['KA2', 'A Group', 'bo', 'A'],
          ['KA1', 'A Corp', 'anna', 'A'],
          ['KA3', 'Other', 'bo', 'B'],
          ['KA4', 'Nobody', 'bo', 'K'],
        ],
      );
    });
    afterAll(async () => {
      await store.close();
    });

    const options = (customerId: string, extra: Record<string, string> = {}) =>
      parseOptions(customerInput, {
        customerId,
        asOf: '2025-12-31',
        tiers: 'Top:25,Mid:50,Low:25',
        windows: '3',
        ...extra,
      });

    it("gives a customer's rows of every table, orders per month and the tier of each window", async () => {
      const r = await customerReport(store.unit, options('A'));
      expect(r.customer).toEqual({
        customerId: 'A',
        name: 'Anna AB',
        acquiredOn: '2024-01-15',
        region: 'North',
        channel: 'web',
      });
      expect(r.months).toEqual([
        { month: '2024-05', orders: 1, revenue: 300, margin: 0 },
        { month: '2025-03', orders: 1, revenue: 100, margin: 40 },
        { month: '2025-11', orders: 1, revenue: 50, margin: 0 },
      ]);
      expect(r.summary).toEqual({
        orders: 3,
        revenue: 450,
        margin: 40,
        firstMonth: '2024-05',
        lastMonth: '2025-11',
        complaints: 2,
        openComplaints: 1,
        surveys: 2,
        contracts: 2,
      });
      expect(r.tiers).toEqual([
        {
          window: { startExclusive: '2022-12-31', endInclusive: '2023-12-31' },
          tier: null,
          rank: null,
          activeCustomers: 0,
          purchases: 0,
          value: 0,
        },
        {
          window: { startExclusive: '2023-12-31', endInclusive: '2024-12-31' },
          tier: 'Top',
          rank: 1,
          activeCustomers: 3,
          purchases: 1,
          value: 300,
        },
        {
          window: { startExclusive: '2024-12-31', endInclusive: '2025-12-31' },
          tier: 'Mid',
          rank: 2,
          activeCustomers: 4,
          purchases: 2,
          value: 150,
        },
      ]);
      expect(r.complaints).toEqual([
        {
          complaintId: 'k1',
          openedAt: '2025-04-01 09:30:00',
          resolvedAt: '2025-04-02 10:00:00',
          category: 'billing',
          outcome: 'accepted',
          satisfaction: 4,
        },
        {
          complaintId: 'k2',
          openedAt: '2025-12-01 08:00:00',
          resolvedAt: null,
          category: 'delivery',
          outcome: null,
          satisfaction: null,
        },
      ]);
      expect(r.surveys).toEqual([
        { responseId: 's1', answeredOn: '2025-05-01', kind: 'nps', score: 9, comment: 'quick, friendly' },
        { responseId: 's2', answeredOn: '2025-06-01', kind: 'csat', score: 4, comment: null },
      ]);
      expect(r.contracts).toEqual([
        {
          contractId: 'c0',
          startDate: '2022-01-01',
          endDate: '2023-12-31',
          productLine: 'gas',
          annualFee: null,
        },
        { contractId: 'c1', startDate: '2024-01-01', endDate: null, productLine: 'el', annualFee: 1200.5 },
      ]);
      expect(r.keyAccounts).toEqual([
        { accountId: 'KA1', name: 'A Corp', manager: 'anna' },
        { accountId: 'KA2', name: 'A Group', manager: 'bo' },
      ]);
      // repeat purchases as of 2025-12-31: A (3 purchase days, x = 2) and B (x = 1); D's −40 is a return,
      // not a purchase, and C, E bought once: 2 < 10, so no fit, and the page says so instead of a figure
      expect(r.model).toBeNull();
      expect(renderMessages(r.notes, 'en')).toEqual([
        'too little history to fit BG/NBD as of 2025-12-31: 2 customers have a repeat purchase (at least 10 needed), so no P(alive) or CLV is shown',
      ]);
    });

    it('ranks ties alike, leaves out windows of returns only, and values by margin on request', async () => {
      const tiersOf = async (id: string, extra: Record<string, string> = {}) =>
        (await customerReport(store.unit, options(id, extra))).tiers.map((t) => [t.tier, t.rank]);
      expect(await tiersOf('C')).toEqual([
        [null, null],
        [null, null],
        ['Mid', 2],
      ]);
      expect(await tiersOf('B')).toEqual([
        [null, null],
        ['Mid', 3],
        ['Top', 1],
      ]);
      // D returned goods in the previous window: not active there, and not in the customers table
      const d = await customerReport(store.unit, options('D'));
      expect(d.tiers.map((t) => [t.tier, t.rank, t.purchases, t.value])).toEqual([
        [null, null, 0, 0],
        [null, null, 0, -40],
        ['Low', 4, 1, 20],
      ]);
      expect(d.customer).toBeNull();
      expect(renderMessages(d.notes, 'en')).toEqual([
        'D is not in the customers table: only the rows of other tables are shown',
        'too little history to fit BG/NBD as of 2025-12-31: 2 customers have a repeat purchase (at least 10 needed), so no P(alive) or CLV is shown',
      ]);
      // by margin, A (40) leads the current window alone: the others' margins are 0
      expect(await tiersOf('A', { value: 'margin' })).toEqual([
        [null, null],
        ['Top', 1],
        ['Top', 1],
      ]);
    });

    it('shows a viewer only the key accounts they may see, and answers a missing customer alike', async () => {
      const managed = await customerReport(store.unit, options('A'), { kind: 'managed-by', manager: 'bo' });
      expect(managed.keyAccounts).toEqual([{ accountId: 'KA2', name: 'A Group', manager: 'bo' }]);
      const none = await customerReport(store.unit, options('A'), { kind: 'none' });
      expect(none.keyAccounts).toEqual([]);
      // K is only named by a key account: that link alone does not make a customer
      await expect(customerReport(store.unit, options('K'))).rejects.toThrow('no customer "K" in the store');
      await expect(customerReport(store.unit, options('Z'))).rejects.toThrow('no customer "Z" in the store');
    });

    it('searches customer ids by prefix, taking % and _ literally', async () => {
      expect(await store.unit.customers.search('A', 10)).toEqual(['A', 'A%1', 'AB']);
      expect(await store.unit.customers.search('A', 2)).toEqual(['A', 'A%1']);
      expect(await store.unit.customers.search('A%', 10)).toEqual(['A%1']);
      expect(await store.unit.customers.search('%', 10)).toEqual([]);
      expect(await store.unit.customers.search('_', 10)).toEqual([]);
      expect(await store.unit.customers.search('D', 10)).toEqual([]);
    });
  });
}
