import { describe, expect, it } from 'vitest';
import { bernoulli, createRandom, integer, uniform } from '../random';
import { fitLogistic, learnWeights, type LabelledAssessment } from './learn-weights';
import { factorProbability } from './probability';
import { DEFAULT_SCORECARD as D } from './scorecard';
import { renderMessages } from '../messages/catalogue';

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

describe('fitLogistic', () => {
  it('recovers known coefficients from seeded simulated data (n = 20 000, standard errors ≈ 0.1)', () => {
    const rng = createRandom(11, 'logistic');
    const truth = { intercept: -3, coefficients: [4, -2, 0] };
    const x: number[][] = [];
    const y: boolean[] = [];
    for (let i = 0; i < 20_000; i++) {
      const row = [uniform(rng, 0.4, 0.9), uniform(rng, 0.4, 0.9), uniform(rng, 0.4, 0.9)];
      x.push(row);
      y.push(
        bernoulli(rng, sigmoid(truth.intercept + row.reduce((s, v, j) => s + v * truth.coefficients[j]!, 0))),
      );
    }
    const fit = fitLogistic(x, y, 1e-8);
    expect(fit.converged).toBe(true);
    expect(fit.iterations).toBeLessThan(15);
    expect(fit.intercept).toBeCloseTo(truth.intercept, 0);
    fit.coefficients.forEach((c, j) => expect(Math.abs(c - truth.coefficients[j]!)).toBeLessThan(0.35));
  });

  it('shrinks coefficients towards 0 as λ grows and stays finite on separable data', () => {
    const x = [[0.4], [0.5], [0.8], [0.9]];
    const y = [false, false, true, true];
    const loose = fitLogistic(x, y, 0.01);
    const tight = fitLogistic(x, y, 10);
    expect(loose.converged && tight.converged).toBe(true);
    expect(Number.isFinite(loose.coefficients[0]!)).toBe(true);
    expect(tight.coefficients[0]!).toBeGreaterThan(0);
    expect(tight.coefficients[0]!).toBeLessThan(loose.coefficients[0]!);
  });
});

/** Accounts with random factor values whose renewal depends only on business lines and contacts at the customer. */
function simulate(n: number, seed: number): LabelledAssessment[] {
  const rng = createRandom(seed, 'renewals');
  return Array.from({ length: n }, () => {
    const values = {
      other_relationships: integer(rng, 0, 3),
      business_lines: integer(rng, 1, 12),
      relationship_years: uniform(rng, 0.5, 16),
      broker_relationship: integer(rng, 1, 5),
      relationship_quality: integer(rng, 1, 5),
      contacts_at_customer: integer(rng, 1, 5),
      contacts_at_company: integer(rng, 1, 5),
      knowledge_of_company: integer(rng, 1, 5),
      knowledge_of_industry: integer(rng, 1, 5),
    };
    const z =
      -10 +
      8 * factorProbability(D, 'business_lines', values.business_lines) +
      6 * factorProbability(D, 'contacts_at_customer', values.contacts_at_customer);
    return { values, renewed: bernoulli(rng, sigmoid(z)) };
  });
}

describe('learnWeights', () => {
  it('finds the two factors that matter and beats the unweighted scorecard on held-out accounts', () => {
    const r = learnWeights(D, simulate(3_000, 5), { lambda: 0.01 });
    expect(r.enough).toBe(true);
    if (!r.enough) return;
    const byId = Object.fromEntries(r.factors.map((f) => [f.factorId, f]));
    expect(byId.business_lines!.coefficient).toBeGreaterThan(6.5);
    expect(byId.business_lines!.coefficient).toBeLessThan(9.5);
    expect(byId.contacts_at_customer!.coefficient).toBeGreaterThan(4.5);
    expect(byId.contacts_at_customer!.coefficient).toBeLessThan(7.5);
    for (const f of r.factors)
      if (f.factorId !== 'business_lines' && f.factorId !== 'contacts_at_customer')
        expect(Math.abs(f.coefficient)).toBeLessThan(1.5);
    // weights average 1; the two real drivers carry most of the nine
    expect(r.factors.reduce((s, f) => s + (f.weight ?? 0), 0)).toBeCloseTo(9, 9);
    expect(byId.business_lines!.weight! + byId.contacts_at_customer!.weight!).toBeGreaterThan(7);
    expect(r.heldOut.folds).toBe(5);
    expect(r.heldOut.model.auc!).toBeGreaterThan(r.heldOut.scorecard.auc! + 0.05);
    expect(r.heldOut.model.brier!).toBeLessThan(r.heldOut.scorecard.brier!);
    expect(r.converged).toBe(true);
  });

  it('is deterministic for a seed', () => {
    const rows = simulate(200, 9);
    expect(learnWeights(D, rows, { seed: 3 })).toEqual(learnWeights(D, rows, { seed: 3 }));
  });

  it('declines with fewer than 30 outcomes, or when only one outcome occurs', () => {
    expect(renderMessages(learnWeights(D, simulate(29, 1)), 'en')).toEqual({
      enough: false,
      reason: '29 renewal outcomes; at least 30 are needed',
    });
    const all = simulate(40, 2).map((r) => ({ ...r, renewed: true }));
    expect(renderMessages(learnWeights(D, all), 'sv')).toEqual({
      enough: false,
      reason: 'alla 40 utfall är förnyelser; båda behövs',
    });
  });
});
