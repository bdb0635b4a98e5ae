import { describe, expect, it } from 'vitest';
import { computePortfolio } from './portfolio';
import { simulateRetention } from './loyalty';
import { renderMessages } from '../messages/catalogue';

const portfolio = computePortfolio({
  windowMonths: 12,
  measure: 'revenue',
  tierNames: ['Super 5%', 'Bottom'],
  current: [
    { customers: 5_091, purchases: 38_626, revenue: 61_738_655, margin: 0 },
    { customers: 10, purchases: 10, revenue: 1_000, margin: 0 },
  ],
  previous: [
    { customers: 4_720, lost: 539 },
    { customers: 20, lost: 2 },
  ],
});

describe('retention what-if', () => {
  it('raises retention by Δ points and recomputes duration, CLV and value', () => {
    const s = simulateRetention(portfolio, 5);
    const superTier = s.tiers[0]!;
    // Super: 88.58 % → 93.58 %, duration 1 / 0.0642 = 15.58 years instead of 8.76.
    const r = 1 - 539 / 4_720 + 0.05;
    expect(superTier.newRetention).toBeCloseTo(r, 12);
    expect(superTier.newDuration).toBeCloseTo(1 / (1 - r), 9);
    expect(superTier.newClv).toBeCloseTo((61_738_655 / 5_091) * (1 / (1 - r)), 6);
    expect(superTier.newValue).toBeCloseTo(61_738_655 / (1 - r), 3);
    expect(superTier.change).toBeCloseTo((1 - (1 - 539 / 4_720)) / (1 - r) - 1, 9);
    // Bottom: 90 % + 5 points = 95 %: duration 10 → 20, value doubles.
    expect(s.tiers[1]!.newDuration).toBeCloseTo(20, 9);
    expect(s.tiers[1]!.change).toBeCloseTo(1, 9);
    expect(s.newValue).toBeCloseTo(superTier.newValue! + 20_000, 3);
    expect(s.change).toBeCloseTo(s.newValue! / s.value! - 1, 12);
    expect(renderMessages(s.notes, 'en')).toEqual([]);
  });

  it('caps retention at 100 % (unbounded duration is null) and floors it at 0', () => {
    const up = simulateRetention(portfolio, 10);
    expect(up.tiers[1]).toMatchObject({ newRetention: 1, newDuration: null, newClv: null, newValue: null });
    expect(up.newValue).toBeNull();
    expect(renderMessages(up.notes, 'en')).toEqual([
      'Bottom: retention reaches 100 %, the duration is unbounded',
    ]);
    const down = simulateRetention(portfolio, -100);
    expect(down.tiers.map((t) => [t.newRetention, t.newDuration])).toEqual([
      [0, 1],
      [0, 1],
    ]);
    expect(renderMessages(down.notes, 'en')).toEqual([
      'Super 5%: retention 88.6 % -100 points is below 0 %; clamped to 0 %',
      'Bottom: retention 90.0 % -100 points is below 0 %; clamped to 0 %',
    ]);
    const over = simulateRetention(portfolio, 30);
    expect(renderMessages(over.notes, 'en')[0]).toBe(
      'Super 5%: retention 88.6 % + 30 points is above 100 %; clamped to 100 %',
    );
  });
});
