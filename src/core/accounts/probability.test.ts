import { describe, expect, it } from 'vitest';
import { CvmError } from '../errors';
import { SCORECARD_FACTORS } from '../kinds';
import { factorProbability, probabilityHistory, retentionProbability } from './probability';
import { DEFAULT_SCORECARD as D } from './scorecard';
import { parseScorecard } from './scorecard-parse';

const p = (factorId: string, value: number): number => factorProbability(D, factorId, value);
const steps = (factorId: string, cases: [number, number][]): void => {
  for (const [value, probability] of cases)
    expect(p(factorId, value), `${factorId} ${value}`).toBe(probability);
};

describe('Table 3, every step (Ryals & Knox 2007)', () => {
  it('1. relationships with other parts of the company: 0=40 %, 1=60 %, 2=80 %, >2=90 %', () => {
    steps('other_relationships', [
      [0, 0.4],
      [1, 0.6],
      [2, 0.8],
      [3, 0.9],
      [4, 0.9],
      [50, 0.9],
    ]);
  });

  it('2. business lines: 1=40 %, 2=50 %, 3=60 %, 4=70 %, 5 to 10=80 %, >10=90 %', () => {
    steps('business_lines', [
      [1, 0.4],
      [2, 0.5],
      [3, 0.6],
      [4, 0.7],
    ]);
    for (let lines = 5; lines <= 10; lines++) expect(p('business_lines', lines)).toBe(0.8);
    steps('business_lines', [
      [11, 0.9],
      [40, 0.9],
    ]);
  });

  it('3. longevity in years: <3=40 %, 3=60 %, 4=70 %, 5=80 %, >5=90 %', () => {
    steps('relationship_years', [
      [0, 0.4],
      [0.5, 0.4],
      [1, 0.4],
      [2, 0.4],
      [2.99, 0.4],
    ]);
    steps('relationship_years', [
      [3, 0.6],
      [4, 0.7],
      [5, 0.8],
      [6, 0.9],
      [16, 0.9],
    ]);
  });

  it('4, 5, 8, 9. subjective scales: 1=40 %, 2=60 %, 3=70 %, 4=80 %, 5=90 %', () => {
    for (const id of [
      'broker_relationship',
      'relationship_quality',
      'knowledge_of_company',
      'knowledge_of_industry',
    ])
      steps(id, [
        [1, 0.4],
        [2, 0.6],
        [3, 0.7],
        [4, 0.8],
        [5, 0.9],
      ]);
  });

  it('6, 7. contacts: 1=50 %, 2=60 %, 3=80 %, >3=90 %', () => {
    for (const id of ['contacts_at_customer', 'contacts_at_company'])
      steps(id, [
        [1, 0.5],
        [2, 0.6],
        [3, 0.8],
        [4, 0.9],
        [8, 0.9],
        [10, 0.9],
      ]);
  });

  it('floors values between steps: 3.5 years reads as 3, 5.5 as 5, 2.5 contacts as 2, grade 4.5 as 4', () => {
    expect(p('relationship_years', 3.5)).toBe(0.6);
    expect(p('relationship_years', 5.5)).toBe(0.8);
    expect(p('relationship_years', 5.999)).toBe(0.8);
    expect(p('contacts_at_customer', 2.5)).toBe(0.6);
    expect(p('relationship_quality', 4.5)).toBe(0.8);
  });

  it('rejects values outside the domain, naming the factor, the value and the domain', () => {
    expect(() => p('other_relationships', -1)).toThrow(
      'factor other_relationships: -1 is outside its domain; expected a count of 0 or more',
    );
    expect(() => p('business_lines', 0)).toThrow('expected a count of 1 or more');
    expect(() => p('broker_relationship', 0)).toThrow('expected a grade from 1 (very poor) to 5 (excellent)');
    expect(() => p('broker_relationship', 6)).toThrow('factor broker_relationship: 6 is outside its domain');
    expect(() => p('relationship_years', -0.5)).toThrow('expected years of 0 or more');
    expect(() => p('contacts_at_company', Number.NaN)).toThrow('NaN is outside its domain');
    expect(() => p('colour', 1)).toThrow(CvmError);
  });

  it('uses the assessment column names as factor ids, in the paper order', () => {
    expect(D.factors.map((f) => f.id)).toEqual([...SCORECARD_FACTORS]);
    expect(D.factors.filter((f) => f.subjective).map((f) => f.id)).toEqual([
      'broker_relationship',
      'relationship_quality',
      'knowledge_of_company',
      'knowledge_of_industry',
    ]);
  });
});

// Table 2's minimum and maximum values of the 10 accounts studied.
const TABLE_2_MIN = {
  other_relationships: 0,
  business_lines: 3,
  relationship_years: 0.5,
  broker_relationship: 1,
  relationship_quality: 1,
  contacts_at_customer: 2,
  contacts_at_company: 3,
  knowledge_of_company: 1,
  knowledge_of_industry: 1,
};
const TABLE_2_MAX = {
  other_relationships: 3,
  business_lines: 10,
  relationship_years: 16,
  broker_relationship: 5,
  relationship_quality: 5,
  contacts_at_customer: 8,
  contacts_at_company: 10,
  knowledge_of_company: 5,
  knowledge_of_industry: 5,
};

describe('retention probability', () => {
  it("scores Table 2's weakest profile at (.4+.6+.4+.4+.4+.6+.8+.4+.4)/9 = 4.4/9 = 48.9 %", () => {
    const r = retentionProbability(D, TABLE_2_MIN);
    expect(r.factors.map((f) => f.probability)).toEqual([0.4, 0.6, 0.4, 0.4, 0.4, 0.6, 0.8, 0.4, 0.4]);
    expect(r.probability).toBeCloseTo(4.4 / 9, 12);
    expect(r.clamped).toBe(false);
  });

  it("scores Table 2's strongest profile at (8 × .9 + .8)/9 = 88.9 %, so the paper's 68–82 % lies inside", () => {
    const r = retentionProbability(D, TABLE_2_MAX);
    expect(r.probability).toBeCloseTo(8 / 9, 12);
    expect(r.probability).toBeGreaterThan(0.82);
    expect(retentionProbability(D, TABLE_2_MIN).probability).toBeLessThan(0.68);
  });

  it('weights the mean and clamps it to the bounds', () => {
    const def = parseScorecard(
      {
        ...D,
        bounds: { min: 0.5, max: 0.85 },
        factors: D.factors.map((f) => ({
          ...f,
          weight: f.id === 'business_lines' ? 3 : f.id === 'relationship_years' ? 0 : 1,
        })),
      },
      'test',
    );
    const weak = retentionProbability(def, TABLE_2_MIN);
    // weights 1, 3, 0, 1 … 1 (sum 10): (.4 + 3 × .6 + 0 × .4 + .4 + .4 + .6 + .8 + .4 + .4) / 10 = 5.2 / 10
    expect(weak.mean).toBeCloseTo(0.52, 12);
    expect(weak.probability).toBeCloseTo(0.52, 12);
    const strong = retentionProbability(def, TABLE_2_MAX);
    // (.9 + 3 × .8 + 0 × .9 + 6 × .9) / 10 = .87 → clamped to .85
    expect(strong.mean).toBeCloseTo(0.87, 12);
    expect(strong.probability).toBe(0.85);
    expect(strong.clamped).toBe(true);
  });

  it('clamps a profile below 40 % up to the bound', () => {
    const def = parseScorecard({ ...D, bounds: { min: 0.55, max: 0.9 } }, 'test');
    expect(retentionProbability(def, TABLE_2_MIN).probability).toBe(0.55);
  });

  it('names the account and the factor when a value is missing', () => {
    const { business_lines: _, ...rest } = TABLE_2_MIN;
    expect(() => retentionProbability(D, rest, 'account B: ')).toThrow(
      'account B: factor business_lines has no value; expected a count of 1 or more',
    );
  });
});

describe('probability history', () => {
  const weak = {
    other_relationships: 0, // 0.4
    business_lines: 1, // 0.4
    relationship_years: 1, // 0.4
    broker_relationship: 1, // 0.4
    relationship_quality: 1, // 0.4
    contacts_at_customer: 1, // 0.5
    contacts_at_company: 1, // 0.5
    knowledge_of_company: 1, // 0.4
    knowledge_of_industry: 1, // 0.4
  };

  it('scores every assessment in day order with the change from the one before', () => {
    // weak: (7 × 0.4 + 2 × 0.5) / 9 = 3.8 / 9; five business lines (0.8 instead of 0.4): 4.2 / 9
    const history = probabilityHistory(D, [
      { assessedOn: '2025-06-30', values: { ...weak, business_lines: 5 } },
      { assessedOn: '2024-06-30', values: weak },
    ]);
    expect(history.map((h) => h.assessedOn)).toEqual(['2024-06-30', '2025-06-30']);
    expect(history[0]!.retentionProbability).toBeCloseTo(3.8 / 9, 12);
    expect(history[0]!.change).toBeNull();
    expect(history[1]!.retentionProbability).toBeCloseTo(4.2 / 9, 12);
    expect(history[1]!.change).toBeCloseTo(0.4 / 9, 12);
    expect(probabilityHistory(D, [])).toEqual([]);
  });

  it('names the account and the assessment day of a value outside its domain', () => {
    expect(() =>
      probabilityHistory(
        D,
        [{ assessedOn: '2024-06-30', values: { ...weak, relationship_quality: 7 } }],
        'account KA01: ',
      ),
    ).toThrow(/account KA01: assessment of 2024-06-30: .*relationship_quality/);
  });
});
