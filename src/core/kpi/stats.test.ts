import { describe, expect, it } from 'vitest';
import {
  mean,
  median,
  normalCdf,
  normalQuantile,
  quantile,
  quantileOfSorted,
  sampleSd,
  sortedValues,
  twoSidedP,
} from './stats';

describe('descriptive statistics', () => {
  it('interpolates percentiles linearly between order statistics (type 7)', () => {
    const oneToTen = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    // h = (10 − 1) × 0.9 = 8.1 → x₍₉₎ + 0.1 × (x₍₁₀₎ − x₍₉₎) = 9 + 0.1 = 9.1 (1-based order statistics)
    expect(quantile(oneToTen, 0.9)).toBeCloseTo(9.1, 12);
    // h = 9 × 0.25 = 2.25 → 3 + 0.25 × 1 = 3.25
    expect(quantile(oneToTen, 0.25)).toBeCloseTo(3.25, 12);
    expect(quantile(oneToTen, 0)).toBe(1);
    expect(quantile(oneToTen, 1)).toBe(10);
    // 2, 4, 10, 30 (unsorted input): p90 h = 3 × 0.9 = 2.7 → 10 + 0.7 × 20 = 24
    expect(quantile([30, 2, 10, 4], 0.9)).toBeCloseTo(24, 12);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(quantile([], 0.5)).toBeNull();
  });

  it('gives the mean and the sample standard deviation', () => {
    // 2, 4, 4, 4, 5, 5, 7, 9: mean 5, Σ(x − 5)² = 32, s = √(32 / 7) = 2.13809
    const x = [2, 4, 4, 4, 5, 5, 7, 9];
    expect(mean(x)).toBe(5);
    expect(sampleSd(x)).toBeCloseTo(Math.sqrt(32 / 7), 12);
    expect(mean([])).toBeNull();
    expect(sampleSd([3])).toBeNull();
  });
});

describe('normal distribution', () => {
  it('matches tabulated values of Φ and Φ⁻¹', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021, 6);
    expect(normalCdf(-1)).toBeCloseTo(0.1586553, 6);
    expect(twoSidedP(1.96)).toBeCloseTo(0.0499958, 6);
    expect(twoSidedP(-2.5758)).toBeCloseTo(0.01, 5);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.8)).toBeCloseTo(0.8416212, 6);
    expect(normalQuantile(0.01)).toBeCloseTo(-2.3263479, 6);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293, 6);
    expect(normalCdf(normalQuantile(0.3))).toBeCloseTo(0.3, 7);
  });
});

describe('percentiles of typed arrays', () => {
  it('sorts numerically once and gives the same type-7 percentiles', () => {
    // 10, 2, 33, 4 sorted numerically (not as text): 2, 4, 10, 33; median 7, p90 = 10 + 0.7 × 23 = 26.1
    const sorted = sortedValues(new Float64Array([10, 2, 33, 4]));
    expect(Array.from(sorted)).toEqual([2, 4, 10, 33]);
    expect(quantileOfSorted(sorted, 0.5)).toBe(7);
    expect(quantileOfSorted(sorted, 0.9)).toBeCloseTo(26.1, 12);
    expect(median(new Float64Array([10, 2, 33, 4]))).toBe(7);
    expect(mean(new Float64Array([1, 2]))).toBe(1.5);
  });
});
