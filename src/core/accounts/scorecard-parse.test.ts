import { describe, expect, it } from 'vitest';
import { CvmError } from '../errors';
import { DEFAULT_SCORECARD } from './scorecard';
import { parseScorecard } from './scorecard-parse';

/** The default scorecard as a user would edit it: plain JSON. */
const json = (): Record<string, unknown> & { factors: Record<string, unknown>[] } =>
  JSON.parse(JSON.stringify(DEFAULT_SCORECARD)) as Record<string, unknown> & {
    factors: Record<string, unknown>[];
  };

const withFactor = (id: string, change: Record<string, unknown>): unknown => {
  const j = json();
  j.factors = j.factors.map((f) => (f.id === id ? { ...f, ...change } : f));
  return j;
};

describe('parseScorecard', () => {
  it('reads the default scorecard back unchanged', () => {
    expect(parseScorecard(json(), 'default.json')).toEqual(DEFAULT_SCORECARD);
  });

  it('fills defaults: weight 1, bounds 40–90 %, min 0, no action', () => {
    const j = json();
    delete j.bounds;
    j.factors = j.factors.map(({ weight: _w, action: _a, subjective: _s, ...f }) =>
      f.min === 0 ? { ...f, min: undefined } : f,
    );
    const def = parseScorecard(j, 'lean.json');
    expect(def.bounds).toEqual({ min: 0.4, max: 0.9 });
    expect(def.factors.every((f) => f.weight === 1 && f.action === null)).toBe(true);
    expect(def.factors.find((f) => f.id === 'other_relationships')?.min).toBe(0);
    expect(def.factors.find((f) => f.id === 'knowledge_of_industry')?.subjective).toBe(true);
    // without min a count starts at 0, so Table 3's business lines (from 1) no longer cover the domain
    expect(() => parseScorecard(withFactor('business_lines', { min: undefined }), 'lean.json')).toThrow(
      'lean.json: factor business_lines: step 1 starts at 1, which leaves 0…0 uncovered; expected it to start at 0',
    );
  });

  const lines = [
    { from: 1, to: 1, probability: 0.4 },
    { from: 2, to: 4, probability: 0.6 },
    { from: 5, to: null, probability: 0.9 },
  ];

  it.each([
    [
      'a gap',
      { steps: [lines[0], lines[1], { ...lines[2], from: 6 }] },
      'x.json: factor business_lines: step 3 starts at 6, which leaves 5…5 uncovered; expected it to start at 5',
    ],
    [
      'an overlap',
      { steps: [lines[0], { ...lines[1], from: 1 }, lines[2]] },
      'x.json: factor business_lines: step 2 starts at 1, which overlaps the step before; expected it to start at 2',
    ],
    [
      'a domain start not covered',
      { steps: [{ ...lines[0], from: 2, to: 2 }, { ...lines[1], from: 3 }, lines[2]] },
      'step 1 starts at 2, which leaves 1…1 uncovered; expected it to start at 1',
    ],
    [
      'values above the last step',
      { steps: [lines[0], lines[1], { ...lines[2], to: 10 }] },
      'the last step ends at 10, so values above it have no probability; expected "to": null',
    ],
    [
      'an open step in the middle',
      { steps: [lines[0], { ...lines[1], to: null }, lines[2]] },
      'step 2 is open-ended',
    ],
    [
      'a reversed step',
      { steps: [lines[0], { ...lines[1], to: 1 }, lines[2]] },
      'step 2 runs from 2 to 1; expected to ≥ from',
    ],
    [
      'a negative weight',
      { weight: -1 },
      'x.json: factor business_lines: weight -1 is not allowed; expected a number ≥ 0',
    ],
    [
      'a probability above 1',
      { steps: [lines[0], lines[1], { ...lines[2], probability: 90 }] },
      'x.json: factor business_lines, steps[2].probability:',
    ],
    ['an unknown value kind', { kind: 'percent' }, 'x.json: factor business_lines, kind:'],
    [
      'an unknown group',
      { group: 'misc' },
      'group "misc" is not defined; expected one of overall, account, knowledge',
    ],
  ])('rejects %s', (_name, change, message) => {
    expect(() => parseScorecard(withFactor('business_lines', change), 'x.json')).toThrow(message);
  });

  it('rejects a scale that does not end at 5 or runs past it', () => {
    const scale = (to: number): unknown =>
      withFactor('broker_relationship', { steps: [{ from: 1, to, probability: 0.5 }] });
    expect(() => parseScorecard(scale(4), 'x.json')).toThrow(
      'the last step ends at 4; expected it to end at 5',
    );
    expect(() => parseScorecard(scale(6), 'x.json')).toThrow('step 1 ends at 6; expected at most 5');
  });

  it('rejects inverted bounds, all-zero weights, duplicate factors', () => {
    expect(() => parseScorecard({ ...json(), bounds: { min: 0.9, max: 0.4 } }, 'x.json')).toThrow(
      'x.json: bounds are inverted (min 0.9 > max 0.4); expected min ≤ max',
    );
    const zero = json();
    zero.factors = zero.factors.map((f) => ({ ...f, weight: 0 }));
    expect(() => parseScorecard(zero, 'x.json')).toThrow('every factor has weight 0');
    const twice = json();
    twice.factors = [...twice.factors, twice.factors[0]!];
    expect(() => parseScorecard(twice, 'x.json')).toThrow('factor other_relationships appears twice');
  });

  it('throws CvmError invalid-input for a wrong shape', () => {
    try {
      parseScorecard({ version: 'v', groups: [] }, 'x.json');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(CvmError);
      expect((e as CvmError).code).toBe('invalid-input');
      expect((e as CvmError).message).toMatch(/^x\.json: groups: /);
    }
  });
});
