import { describe, expect, it } from 'vitest';
import { addMoney } from './basis';
import { buildFlowTable, completeFlowCells, flowKind, flowOf, type FlowCell } from './flows';

describe('flows', () => {
  it('classifies every flow category', () => {
    expect(flowOf(null, 1, false)).toEqual({ from: 'new', to: 1 });
    expect(flowOf(null, 1, true)).toEqual({ from: 'wonBack', to: 1 });
    expect(flowOf(2, 2, true)).toEqual({ from: 2, to: 2 });
    expect(flowOf(0, null, true)).toEqual({ from: 0, to: 'lost' });
    expect(flowOf(null, null, true)).toBeNull();
    expect(flowKind(2, 2)).toBe('retained');
    expect(flowKind(2, 0)).toBe('upgraded');
    expect(flowKind(0, 3)).toBe('downgraded');
    expect(flowKind('new', 0)).toBe('new');
    expect(flowKind('wonBack', 3)).toBe('wonBack');
    expect(flowKind(1, 'lost')).toBe('lost');
  });

  it('lays out every cell in the seed order, zero-filled and with duplicates summed', () => {
    const cells: FlowCell[] = [
      { from: 'new', to: 0, customers: 1, purchases: 2, revenue: 30, margin: 3 },
      { from: 1, to: 'lost', customers: 2, purchases: 2, revenue: 8, margin: 1 },
      { from: 'new', to: 0, customers: 1, purchases: 1, revenue: 10, margin: 1 },
    ];
    const all = completeFlowCells(cells, 2);
    expect(all.map((c) => `${c.from}>${c.to}`)).toEqual([
      '0>0',
      '1>0',
      'wonBack>0',
      'new>0',
      '0>1',
      '1>1',
      'wonBack>1',
      'new>1',
      '0>lost',
      '1>lost',
    ]);
    expect(all[3]).toEqual({ from: 'new', to: 0, customers: 2, purchases: 3, revenue: 40, margin: 4 });
    expect(all[0]).toEqual({ from: 0, to: 0, customers: 0, purchases: 0, revenue: 0, margin: 0 });
    expect(() => completeFlowCells([{ ...all[0]!, to: 5 }], 2)).toThrow(/outside 2 tiers/);
  });

  it('builds the table with totals and revenue per customer (null for an empty cell)', () => {
    const table = buildFlowTable(
      [
        { from: 0, to: 0, customers: 2, purchases: 6, revenue: 600, margin: 0 },
        { from: 1, to: 0, customers: 1, purchases: 2, revenue: 150, margin: 0 },
        { from: 'new', to: 1, customers: 4, purchases: 4, revenue: 100, margin: 0 },
        { from: 1, to: 'lost', customers: 3, purchases: 3, revenue: 45, margin: 0 },
      ],
      2,
    );
    expect(table.inflows[0]!.total).toEqual({ customers: 3, purchases: 8, revenue: 750, margin: 0 });
    expect(table.inflows[0]!.rows.map((r) => [r.kind, r.revenuePerCustomer])).toEqual([
      ['retained', 300],
      ['upgraded', 150],
      ['wonBack', null],
      ['new', null],
    ]);
    expect(table.inflows[1]!.rows.map((r) => r.kind)).toEqual(['downgraded', 'retained', 'wonBack', 'new']);
    expect(table.lost.total).toEqual({ customers: 3, purchases: 3, revenue: 45, margin: 0 });
    expect(table.lost.rows[1]!.revenuePerCustomer).toBe(15);
    expect(table.currentTotal).toEqual({ customers: 7, purchases: 12, revenue: 850, margin: 0 });
  });
});

describe('money sums', () => {
  it('stay exact to the cent', () => {
    expect(addMoney(0.1, 0.2)).toBe(0.3);
    expect(addMoney(57_411_587.37, 0.63)).toBe(57_411_588);
  });
});
