import { describe, expect, it } from 'vitest';
import {
  assignTiers,
  competitionRanks,
  DECILE_TIERS,
  DEFAULT_TIERS,
  percentText,
  tierCutoffs,
  tierOfRank,
  tierSizes,
} from './tiers';

describe('tier cut-offs', () => {
  it('reproduces the cut-offs of the seed windows by ⌈N × cumulative share⌉', () => {
    // F12: 94 387 × 5 % = 4 719.35 → 4 720; × 20 % = 18 877.4 → 18 878; × 70 % = 66 070.9 → 66 071
    expect(tierCutoffs(94_387, DEFAULT_TIERS)).toEqual([4_720, 18_878, 66_071, 94_387]);
    // S12: 101 811 × 5 % = 5 090.55 → 5 091; × 20 % = 20 362.2 → 20 363; × 70 % = 71 267.7 → 71 268
    expect(tierCutoffs(101_811, DEFAULT_TIERS)).toEqual([5_091, 20_363, 71_268, 101_811]);
  });

  it('gives the seed F12 Middle/Bottom sizes one customer apart from the seed when nobody ties', () => {
    // The seed has Middle 47 194 / Bottom 28 315; the rule alone gives 47 193 / 28 316.
    expect(tierSizes(94_387, DEFAULT_TIERS)).toEqual([4_720, 14_158, 47_193, 28_316]);
    expect(tierSizes(101_811, DEFAULT_TIERS)).toEqual([5_091, 15_272, 50_905, 30_543]);
  });

  it('is exact where a floating-point product would round the wrong way', () => {
    // 100 × 0.07 = 7.000000000000001 in doubles, so a floating-point ceil would give 8.
    const tiers = [
      { name: 'a', sharePpm: 70_000 },
      { name: 'b', sharePpm: 930_000 },
    ];
    expect(tierCutoffs(100, tiers)).toEqual([7, 100]);
    expect(tierCutoffs(100, DECILE_TIERS)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100]);
  });

  it('handles no customers and one customer', () => {
    expect(tierCutoffs(0, DEFAULT_TIERS)).toEqual([0, 0, 0, 0]);
    expect(tierCutoffs(1, DEFAULT_TIERS)).toEqual([1, 1, 1, 1]);
  });

  it('rejects shares that do not sum to 100 % as a bug (options are validated before)', () => {
    expect(() => tierCutoffs(10, [{ name: 'a', sharePpm: 500_000 }])).toThrow(/sum to 500000/);
  });
});

describe('tier assignment', () => {
  it('ranks descending with competition ranks', () => {
    expect(competitionRanks([10, 50, 50, 100, 10])).toEqual([4, 2, 2, 1, 4]);
  });

  it('puts tied customers at a boundary together in the higher tier', () => {
    // 4 customers, 25/25/50: cut-offs 1, 2, 4. Values 100, 50, 50, 10 → ranks 1, 2, 2, 4.
    const tiers = [
      { name: 'A', sharePpm: 250_000 },
      { name: 'B', sharePpm: 250_000 },
      { name: 'C', sharePpm: 500_000 },
    ];
    expect(assignTiers([100, 50, 50, 10], tiers)).toEqual([0, 1, 1, 2]);
    // Without the tie the third customer falls to C.
    expect(assignTiers([100, 50, 49, 10], tiers)).toEqual([0, 1, 2, 2]);
    // A tie across the top boundary lifts both into A, and a tier can end up empty.
    expect(assignTiers([100, 100, 50, 10], tiers)).toEqual([0, 0, 2, 2]);
  });

  it('finds the tier of a rank', () => {
    expect(tierOfRank(4_720, [4_720, 18_878, 66_071, 94_387])).toBe(0);
    expect(tierOfRank(4_721, [4_720, 18_878, 66_071, 94_387])).toBe(1);
    expect(tierOfRank(66_072, [4_720, 18_878, 66_071, 94_387])).toBe(3);
  });

  it('names shares without trailing zeros', () => {
    expect(percentText(50_000)).toBe('5');
    expect(percentText(125_000)).toBe('12.5');
    expect(percentText(333_333)).toBe('33.3333');
  });
});
