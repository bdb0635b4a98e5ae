import { describe, expect, it } from 'vitest';
import { compareLoyalCustomer } from './loyal-customer';

describe('ordinary versus loyal customer', () => {
  it('reproduces the seed: 4 × 500 × 2.5 = 5 000 against 5 × 600 × 3 = 9 000, +80 %', () => {
    const c = compareLoyalCustomer(
      { frequency: 4, basket: 500, years: 2.5 },
      { frequency: 5, basket: 600, years: 3 },
    );
    expect(c.ordinary).toEqual({ frequency: 4, basket: 500, years: 2.5, perYear: 2_000, lifetime: 5_000 });
    expect(c.loyal).toEqual({ frequency: 5, basket: 600, years: 3, perYear: 3_000, lifetime: 9_000 });
    expect(c.difference).toBe(4_000);
    expect(c.change).toBeCloseTo(0.8, 12);
  });

  it('has no relative change when the ordinary customer brings nothing', () => {
    expect(
      compareLoyalCustomer({ frequency: 0, basket: 500, years: 2 }, { frequency: 1, basket: 1, years: 1 })
        .change,
    ).toBeNull();
  });
});
