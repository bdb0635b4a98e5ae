import { describe, expect, it } from 'vitest';
import { cellText, dateText, numberText } from './xlsx';

describe('XLSX cell text', () => {
  it('writes numbers without float artefacts or exponents', () => {
    expect(numberText(0.1 + 0.2)).toBe('0.3');
    expect(numberText(1598.37)).toBe('1598.37');
    expect(numberText(-12.5)).toBe('-12.5');
    expect(numberText(1e-7)).toBe('0.0000001');
    expect(numberText(1e21)).toBe('1000000000000000000000');
  });

  it('writes date cells as ISO days or wall-clock times, whatever the zone of the machine', () => {
    expect(dateText(new Date(Date.UTC(2024, 1, 29)))).toBe('2024-02-29');
    expect(dateText(new Date(Date.UTC(2024, 0, 5, 10, 29, 59, 999)))).toBe('2024-01-05 10:30:00');
  });

  it('reads formulas, rich text, hyperlinks, booleans and errors', () => {
    expect(cellText({ formula: 'A1*2', result: 3196.74 })).toBe('3196.74');
    expect(cellText({ richText: [{ text: 'Acme' }, { text: ' AB' }] })).toBe('Acme AB');
    expect(cellText({ text: 'site', hyperlink: 'https://example.com' })).toBe('site');
    expect(cellText(true)).toBe('true');
    expect(cellText({ error: '#DIV/0!' })).toBe('#DIV/0!');
    expect(cellText(null)).toBeNull();
  });
});
