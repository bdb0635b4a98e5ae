import { describe, expect, it } from 'vitest';
import { compressSummary, summaryCustomers, summaryMaxX } from './summary';

describe('compressSummary', () => {
  it('merges identical (x, tx, T) patterns into weights, in order of first appearance', () => {
    const s = compressSummary([
      { x: 0, tx: 0, T: 39 },
      { x: 2, tx: 30.43, T: 38.86 },
      { x: 0, tx: 0, T: 39 },
      { x: 2, tx: 30.43, T: 38.86, weight: 3 },
      { x: 2, tx: 30.43, T: 38 },
    ]);
    expect(Array.from(s.x)).toEqual([0, 2, 2]);
    expect(Array.from(s.tx)).toEqual([0, 30.43, 30.43]);
    expect(Array.from(s.T)).toEqual([39, 38.86, 38]);
    expect(Array.from(s.weight)).toEqual([2, 4, 1]);
    expect(summaryCustomers(s)).toBe(7);
    expect(summaryMaxX(s)).toBe(2);
  });

  it('is empty for no rows', () => {
    const s = compressSummary([]);
    expect(s.x.length).toBe(0);
    expect(summaryCustomers(s)).toBe(0);
    expect(summaryMaxX(s)).toBe(0);
  });

  it('rejects impossible rows with a message naming the row and the value', () => {
    expect(() =>
      compressSummary([
        { x: 1, tx: 1, T: 2 },
        { x: 1.5, tx: 1, T: 2 },
      ]),
    ).toThrow(/summary row 2: x = 1.5 is not a whole number/);
    expect(() => compressSummary([{ x: 1, tx: 3, T: 2 }])).toThrow(
      /tx = 3, T = 2; expected finite 0 ≤ tx ≤ T/,
    );
    expect(() => compressSummary([{ x: 1, tx: Number.NaN, T: 2 }])).toThrow(/row 1/);
    expect(() => compressSummary([{ x: 1, tx: 1, T: 2, weight: -1 }])).toThrow(/weight = -1/);
  });
});
