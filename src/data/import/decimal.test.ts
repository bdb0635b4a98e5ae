import { describe, expect, it } from 'vitest';
import { detectDecimal } from './decimal';

describe('detectDecimal', () => {
  it('reads the separator that comes last, or is not followed by exactly three digits', () => {
    expect(detectDecimal(['1 598,37', '12', '7,5'], '.')).toBe(',');
    expect(detectDecimal(['1.598,37'], '.')).toBe(',');
    expect(detectDecimal(['1,598.37', '0.1'], ',')).toBe('.');
    expect(detectDecimal(['\u00a0-12,50'], '.')).toBe(',');
  });

  it('takes ambiguous and non-numeric values as no evidence, then falls back', () => {
    expect(detectDecimal(['1,598', '2.000', '1.598.370', '12', '12,5O', 'n/a'], ',')).toBe(',');
    expect(detectDecimal(['1,598', '12,5O'], '.')).toBe('.');
  });

  it('lets the majority decide', () => {
    expect(detectDecimal(['1.5', '2.25', '3,75'], ',')).toBe('.');
  });

  it('looks through currency codes, symbols and accounting parentheses', () => {
    expect(detectDecimal(['99,00 kr', 'kr 12,50', '(3,75)', '€ 1,5'], '.')).toBe(',');
    expect(detectDecimal(['$12.50', 'SEK 1 234'], ',')).toBe('.');
  });
});
