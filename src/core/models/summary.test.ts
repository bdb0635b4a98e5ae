import { describe, expect, it } from 'vitest';
import { compressSummary, indexSummaryPatterns, summaryCustomers, summaryMaxX } from './summary';

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

describe('indexSummaryPatterns', () => {
  it('groups identical (x, tx, T) in order of first appearance, with weights and each row’s pattern', () => {
    const x = Float64Array.from([2, 0, 2, 2, 0, 1]);
    const tx = Float64Array.from([3.5, 0, 3.5, 3.5, 0, 1 / 7]);
    const T = Float64Array.from([10, 10, 10, 12, 10, 2 / 7]);
    const { patterns, index } = indexSummaryPatterns(x, tx, T, Float64Array.from([1, 2, 3, 4, 5, 6]));
    expect(Array.from(patterns.x)).toEqual([2, 0, 2, 1]);
    expect(Array.from(patterns.tx)).toEqual([3.5, 0, 3.5, 1 / 7]);
    expect(Array.from(patterns.T)).toEqual([10, 10, 12, 2 / 7]);
    expect(Array.from(patterns.weight)).toEqual([4, 7, 4, 6]);
    expect(Array.from(index)).toEqual([0, 1, 0, 2, 1, 3]);
  });

  it('agrees with compressSummary on 100 000 rows with many collisions', () => {
    const n = 100_000;
    const x = Float64Array.from({ length: n }, (_, i) => i % 7);
    const T = Float64Array.from({ length: n }, (_, i) => ((i * 7919) % 1000) / 7);
    const tx = Float64Array.from({ length: n }, (_, i) => (x[i]! === 0 ? 0 : Math.min(T[i]!, (i % 13) / 7)));
    const { patterns, index } = indexSummaryPatterns(x, tx, T);
    const reference = compressSummary(Array.from(x, (xi, i) => ({ x: xi, tx: tx[i]!, T: T[i]! })));
    expect(patterns).toEqual(reference);
    for (let i = 0; i < n; i += 997) {
      const j = index[i]!;
      expect([patterns.x[j], patterns.tx[j], patterns.T[j]]).toEqual([x[i], tx[i], T[i]]);
    }
  });
});
