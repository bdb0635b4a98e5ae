// The worked example of docs/metrics.md ("Key accounts"), number for number.
import { describe, expect, it } from 'vitest';
import { portfolioWhatIf, rankActions } from './actions';
import { directionalPolicyMatrix } from './dpm';
import { valuePortfolio, type AccountInput } from './portfolio';
import { DEFAULT_SCORECARD as D } from './scorecard';
import { accountSensitivities } from './sensitivity';

const years = (costToServe: number, claimsCost: number) =>
  [1, 2, 3].map((year) => ({ year, revenue: 1000, costToServe, claimsCost }));

const NORTH: AccountInput = {
  accountId: 'North',
  values: {
    other_relationships: 2,
    business_lines: 6,
    relationship_years: 7,
    broker_relationship: 4,
    relationship_quality: 4,
    contacts_at_customer: 4,
    contacts_at_company: 4,
    knowledge_of_company: 4,
    knowledge_of_industry: 4,
  },
  forecast: years(200, 500),
};
const SOUTH: AccountInput = {
  accountId: 'South',
  values: {
    other_relationships: 0,
    business_lines: 3,
    relationship_years: 3.5,
    broker_relationship: 2,
    relationship_quality: 3,
    contacts_at_customer: 2,
    contacts_at_company: 3,
    knowledge_of_company: 2,
    knowledge_of_industry: 3,
  },
  forecast: years(300, 550),
};
const RATES = { discountRate: 0.12, wacc: 0.048 };

describe('docs/metrics.md key-account worked example', () => {
  const t = valuePortfolio(D, [NORTH, SOUTH], RATES);
  const [n, s] = t.rows;

  it('probabilities: North 7.5/9 = 83.33 %, South 5.6/9 = 62.22 % (3.5 years read as 3)', () => {
    expect(n!.probability).toBeCloseTo(0.833333, 6);
    expect(s!.probability).toBeCloseTo(0.622222, 6);
  });

  it('CLV at 12 %, at 4.8 % and the change', () => {
    expect(n!.clvDiscountRate).toBeCloseTo(720.55, 2);
    expect(n!.clvWacc).toBeCloseTo(820.05, 2);
    expect(s!.clvDiscountRate).toBeCloseTo(360.27, 2);
    expect(s!.clvWacc).toBeCloseTo(410.02, 2);
    expect(n!.waccVsDiscountChange).toBeCloseTo(0.1381, 4);
  });

  it('probability-adjusted and survival CLV; South turns negative', () => {
    expect(n!.clvProbabilityAdjusted).toBeCloseTo(364.46, 2);
    expect(n!.adjustedToWacc).toBeCloseTo(0.4444, 4);
    expect(s!.clvProbabilityAdjusted).toBeCloseTo(-622.63, 2);
    expect(s!.adjustedToWacc).toBeCloseTo(-1.5185, 4);
    expect(n!.clvSurvival).toBeCloseTo(16.79, 2);
    expect(s!.clvSurvival).toBeCloseTo(-1167.94, 2);
    expect(t.turnsNegative).toEqual(['South']);
  });

  it('risk-adjusted rates 2.94 % and 6.66 % around a mean risk of 27.22 %', () => {
    expect(t.meanRisk).toBeCloseTo(0.272222, 6);
    expect(n!.riskAdjustedRate).toBeCloseTo(0.029388, 6);
    expect(s!.riskAdjustedRate).toBeCloseTo(0.066612, 6);
    expect(n!.clvRiskAdjustedRate).toBeCloseTo(849.58, 2);
    expect(s!.clvRiskAdjustedRate).toBeCloseTo(396.1, 2);
  });

  it('totals', () => {
    expect(t.totals.clvDiscountRate).toBeCloseTo(1080.82, 2);
    expect(t.totals.clvWacc).toBeCloseTo(1230.07, 2);
    expect(t.totals.clvProbabilityAdjusted).toBeCloseTo(-258.16, 2);
    expect(t.totals.adjustedToWacc).toBeCloseTo(-0.2099, 4); // −258.16 / 1 230.07
  });

  it('actions: South first (other relationships 0 → 1, +60.74), North business lines 6 → 11 (+30.37)', () => {
    const actions = rankActions(D, accountSensitivities(D, [NORTH, SOUTH], RATES.wacc));
    expect(actions[0]).toMatchObject({ accountId: 'South', factorId: 'other_relationships', toValue: 1 });
    expect(actions[0]!.clvGain).toBeCloseTo(60.74, 2);
    const lines = actions.find((a) => a.accountId === 'North' && a.factorId === 'business_lines');
    expect(lines).toMatchObject({ fromValue: 6, toValue: 11 });
    expect(lines!.clvGain).toBeCloseTo(30.37, 2);
  });

  it('what-if, every account one more business line: only South moves (3 → 4), −258.16 → −227.79', () => {
    const w = portfolioWhatIf(D, [NORTH, SOUTH], RATES.wacc, { factorId: 'business_lines', delta: 1 });
    expect(w.accountsChanged).toBe(1);
    expect(w.totalBefore).toBeCloseTo(-258.16, 2);
    expect(w.totalAfter).toBeCloseTo(-227.79, 2);
    expect(w.negativeAfter).toBe(1);
  });

  it('DPM: North strategic, South streamline; by grades North (4 − 1)/4 = .75, South (2.5 − 1)/4 = .375', () => {
    const dpm = directionalPolicyMatrix(D, t.rows, [NORTH, SOUTH]);
    expect(dpm.points.map((p) => p.quadrant)).toEqual(['strategic', 'streamline']);
    expect(dpm.attractivenessSplit).toBeCloseTo((364.46 - 622.63) / 2, 1);
    const grades = directionalPolicyMatrix(D, t.rows, [NORTH, SOUTH], { strength: 'scale-factors' });
    expect(grades.points.map((p) => p.strength)).toEqual([0.75, 0.375]);
    const fixed = directionalPolicyMatrix(D, t.rows, [NORTH, SOUTH], {
      splits: { attractiveness: 0, strength: 0.6 },
    });
    expect(fixed.points.map((p) => p.quadrant)).toEqual(['strategic', 'maintain']);
  });
});
