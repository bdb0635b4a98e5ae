/**
 * Is a change in a survey KPI between two periods more than noise? Two independent samples, normal
 * approximation, 5 % two-sided: z = difference / standard error, p = 2 (1 − Φ(|z|)), significant when
 * p < 0.05. `npsChange` (nps.ts) supplies the NPS standard error; shares such as CSAT use the pooled
 * two-proportion z-test here, z = (p₂ − p₁) / √(p̂ (1 − p̂)(1 / n₁ + 1 / n₂)) with p̂ = (x₁ + x₂) / (n₁ + n₂).
 *
 * When a period has no answers, or both periods have zero variance (everyone gave the same answer), the test
 * is undefined: z, p and `significant` are null with a note, never NaN or Infinity.
 */
import { mean, sampleSd, twoSidedP } from './stats';

/** A difference between two periods and its test; `difference` is later − earlier. */
export interface ChangeTest {
  /** later − earlier, in the KPI's unit (NPS points, or a fraction for shares); null when either is undefined */
  difference: number | null;
  /** standard error of the difference in the same unit; null when undefined */
  standardError: number | null;
  /** difference / standardError; null when the standard error is 0 or undefined */
  z: number | null;
  /** two-sided p-value; null with z */
  pValue: number | null;
  /** pValue < 0.05; null with z */
  significant: boolean | null;
  /** why z is null; null otherwise */
  note: string | null;
}

/**
 * Pooled two-proportion z-test for a change in a share (CSAT: satisfied / answers) from `x1` of `n1` to
 * `x2` of `n2`.
 */
export function proportionChange(x1: number, n1: number, x2: number, n2: number): ChangeTest {
  if (n1 === 0 || n2 === 0) return undefinedTest(null, null, 'change undefined: a period has no answers');
  const pooled = (x1 + x2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  return zTest(x2 / n2 - x1 / n1, se);
}

/**
 * Change of a mean score (e.g. CES) from `earlier` to `later` answers: z = (m₂ − m₁) / √(s₁²/n₁ + s₂²/n₂)
 * (unpooled, large samples). Undefined with fewer than two answers in a period.
 */
export function meanChange(earlier: readonly number[], later: readonly number[]): ChangeTest {
  const m1 = mean(earlier);
  const m2 = mean(later);
  const s1 = sampleSd(earlier);
  const s2 = sampleSd(later);
  const difference = m1 === null || m2 === null ? null : m2 - m1;
  if (difference === null || s1 === null || s2 === null)
    return undefinedTest(difference, null, 'change undefined: a period has fewer than two answers');
  return zTest(difference, Math.sqrt((s1 * s1) / earlier.length + (s2 * s2) / later.length));
}

/** The z-test of `difference` with standard error `se` (same unit); undefined when se = 0. */
export function zTest(difference: number, se: number): ChangeTest {
  if (se === 0) return undefinedTest(difference, se, 'test undefined: no variation in either period');
  const z = difference / se;
  const pValue = twoSidedP(z);
  return { difference, standardError: se, z, pValue, significant: pValue < 0.05, note: null };
}

/** A test that cannot be computed, with the reason. */
export function undefinedTest(difference: number | null, se: number | null, note: string): ChangeTest {
  return { difference, standardError: se, z: null, pValue: null, significant: null, note };
}
