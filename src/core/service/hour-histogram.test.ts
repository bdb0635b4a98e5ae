import { describe, expect, it } from 'vitest';
import { hourHistogram } from './hour-histogram';

describe('hourHistogram', () => {
  it('bins resolution hours closed on the right, so that the bins up to 24 h meet a 24 h target', () => {
    const bins = hourHistogram([0, 4, 4.5, 24, 24.01, 72, 200, 8]);
    expect(bins.map((b) => [b.fromHours, b.toHours, b.complaints])).toEqual([
      [0, 4, 2], // 0 and exactly 4
      [4, 8, 2], // 4.5 and 8
      [8, 24, 1], // exactly 24
      [24, 48, 1], // 24.01
      [48, 72, 1],
      [72, 168, 0],
      [168, null, 1],
    ]);
    expect(bins[0]!.share).toBe(0.25);
    expect(hourHistogram([])[0]).toEqual({ fromHours: 0, toHours: 4, complaints: 0, share: null });
  });
});
