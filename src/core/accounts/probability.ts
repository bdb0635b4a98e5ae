/**
 * An account's retention probability from its scorecard values (Ryals & Knox 2007, section 4.3): each
 * factor's value is read in its step table, and the account's probability is the (weighted) mean of the
 * factor probabilities, clamped to the scorecard's bounds. The paper uses the plain average (all weights 1)
 * and the bounds 40–90 %. Values between steps are floored first (see scorecard.ts for why).
 */
import { assert, CvmError } from '../errors';
import { msg } from '../messages/catalogue';
import type { Message } from '../messages/message';
import { factorDomain, findFactor, type Scorecard, type ScorecardFactor } from './scorecard';

/** One factor's part in an account's probability. */
export interface FactorScore {
  factorId: string;
  /** the value as given (before flooring) */
  value: number;
  /** the step table's probability for the floored value */
  probability: number;
  weight: number;
}

/** An account's retention probability with its per-factor breakdown. */
export interface RetentionProbability {
  /** weighted mean of the factor probabilities, clamped to the scorecard's bounds (a fraction) */
  probability: number;
  /** the weighted mean before clamping */
  mean: number;
  /** true when the bounds changed the mean */
  clamped: boolean;
  factors: FactorScore[];
}

/** Where a problem is, for messages: `msg('scorecard.where-account', { account })` ("account B: "). */
export type ScoreWhere = string | Message;

/**
 * Index of the step a value falls in, after flooring it to whole units; throws when the value is outside
 * the factor's domain (negative counts, scale 0 or 6, not a number).
 * @param where names the account in the message ("account B: ")
 */
export function stepIndex(f: ScorecardFactor, value: number, where: ScoreWhere = ''): number {
  const domain = factorDomain(f);
  if (!Number.isFinite(value) || value < domain.min || (domain.max !== null && value > domain.max))
    throw new CvmError(
      'invalid-input',
      msg('scorecard.outside-domain', {
        where,
        factor: f.id,
        value: String(value),
        kind: f.kind,
        min: f.min,
      }),
    );
  const whole = Math.floor(value);
  const steps = f.steps;
  for (let i = 0; i < steps.length; i++) {
    const to = (steps[i] as { to: number | null }).to;
    if (to === null || whole <= to) return i;
  }
  // parseScorecard guarantees the steps cover the domain; reaching here means a hand-built scorecard does not
  throw new CvmError('invalid-input', msg('scorecard.no-step', { where, factor: f.id, value }));
}

/**
 * The retention probability the step table gives one factor value (a fraction).
 * @throws CvmError('invalid-input') for an unknown factor or a value outside the factor's domain
 */
export function factorProbability(def: Scorecard, factorId: string, value: number): number {
  const f = findFactor(def, factorId);
  if (f === undefined)
    throw new CvmError(
      'invalid-input',
      msg('scorecard.unknown-factor', { factor: factorId, factors: def.factors.map((x) => x.id).join(', ') }),
    );
  return (f.steps[stepIndex(f, value)] as { probability: number }).probability;
}

/** Clamps a mean probability to the scorecard's bounds. */
export function clampToBounds(def: Scorecard, mean: number): number {
  return Math.min(def.bounds.max, Math.max(def.bounds.min, mean));
}

/**
 * An account's retention probability: Σ wᵢ·pᵢ / Σ wᵢ over the scorecard's factors, clamped to its bounds.
 * @param values one value per factor id (other keys are ignored)
 * @param where names the account in messages ("account B: ")
 * @throws CvmError('invalid-input') when a factor's value is missing or outside its domain
 */
export function retentionProbability(
  def: Scorecard,
  values: Readonly<Record<string, number | null | undefined>>,
  where: ScoreWhere = '',
): RetentionProbability {
  let weighted = 0;
  let weights = 0;
  const factors = def.factors.map((f): FactorScore => {
    const value = values[f.id];
    if (value === undefined || value === null)
      throw new CvmError(
        'invalid-input',
        msg('scorecard.no-value', { where, factor: f.id, kind: f.kind, min: f.min }),
      );
    const probability = (f.steps[stepIndex(f, value, where)] as { probability: number }).probability;
    weighted += f.weight * probability;
    weights += f.weight;
    return { factorId: f.id, value, probability, weight: f.weight };
  });
  assert(weights > 0, `scorecard ${def.version} has no positive weight`);
  const mean = weighted / weights;
  const probability = clampToBounds(def, mean);
  return { probability, mean, clamped: probability !== mean, factors };
}

/** One assessment's retention probability in an account's history, and the change from the one before. */
export interface ProbabilityPoint {
  assessedOn: string;
  retentionProbability: number;
  /** probability − the previous assessment's; null for the first */
  change: number | null;
}

/**
 * The retention probability of each of an account's assessments, in day order (docs/metrics.md, "Retention
 * probability"): the scorecard applied to every assessment as it applies to the latest. `where` prefixes
 * errors (e.g. "account A1: ").
 */
export function probabilityHistory(
  def: Scorecard,
  assessments: readonly { assessedOn: string; values: Readonly<Record<string, number | null | undefined>> }[],
  where: ScoreWhere = '',
): ProbabilityPoint[] {
  const sorted = [...assessments].sort((a, b) =>
    a.assessedOn < b.assessedOn ? -1 : a.assessedOn > b.assessedOn ? 1 : 0,
  );
  let previous: number | null = null;
  return sorted.map((a) => {
    const p = retentionProbability(
      def,
      a.values,
      msg('scorecard.where-assessment', { where, assessedOn: a.assessedOn }),
    ).probability;
    const point = {
      assessedOn: a.assessedOn,
      retentionProbability: p,
      change: previous === null ? null : p - previous,
    };
    previous = p;
    return point;
  });
}
