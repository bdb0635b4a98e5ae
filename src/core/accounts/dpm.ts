/**
 * Directional policy matrix of the key accounts (Ryals & Knox 2007, conclusions, after McDonald 1990):
 * attractiveness = the account's risk-adjusted CLV, strength = the relationship's strength, and a quadrant
 * per account. Splits default to the portfolio medians, so half the accounts sit on each side (ties go to
 * the upper side); pass fixed splits to compare portfolios over time.
 *
 * Quadrants: strategic (attractive, strong: invest), develop (attractive, weak: build the relationship),
 * maintain (less attractive, strong: keep at lower cost), streamline (less attractive, weak: a lower
 * service level, as the paper's team did for C and J).
 */
import { CvmError } from '../errors';
import { msg } from '../messages/catalogue';
import type { AccountInput, PortfolioRow } from './portfolio';
import type { Scorecard } from './scorecard';

/** Which CLV is the attractiveness (all at WACC-based rates). */
export type DpmAttractiveness = 'probability-adjusted' | 'survival' | 'risk-adjusted-rate';
/** Strength: the retention probability, or the subjective 1–5 grades' mean mapped to 0–1 by (mean − 1) / 4. */
export type DpmStrength = 'retention' | 'scale-factors';
export type DpmQuadrant = 'strategic' | 'develop' | 'maintain' | 'streamline';

/** One account in the matrix. */
export interface DpmPoint {
  accountId: string;
  /** major currency units; null when the chosen CLV is undefined for the account */
  attractiveness: number | null;
  /** 0–1 */
  strength: number | null;
  quadrant: DpmQuadrant | null;
}

/** The matrix: points in row order and the splits used (null when no account has the figure). */
export interface Dpm {
  points: DpmPoint[];
  attractivenessSplit: number | null;
  strengthSplit: number | null;
}

function median(values: readonly (number | null)[]): number | null {
  const sorted = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function quadrant(
  a: number | null,
  s: number | null,
  aSplit: number | null,
  sSplit: number | null,
): DpmQuadrant | null {
  if (a === null || s === null || aSplit === null || sSplit === null) return null;
  if (a >= aSplit) return s >= sSplit ? 'strategic' : 'develop';
  return s >= sSplit ? 'maintain' : 'streamline';
}

/**
 * Places each account of a portfolio table in the matrix.
 * @param accounts the same accounts (for their scale grades when `strength` is `scale-factors`)
 * @throws CvmError('invalid-input') when an account of the table is missing from `accounts`
 */
export function directionalPolicyMatrix(
  def: Scorecard,
  rows: readonly PortfolioRow[],
  accounts: readonly AccountInput[],
  options: {
    attractiveness?: DpmAttractiveness;
    strength?: DpmStrength;
    splits?: { attractiveness: number; strength: number };
  } = {},
): Dpm {
  const byId = new Map(accounts.map((a) => [a.accountId, a]));
  const scales = def.factors.filter((f) => f.kind === 'scale1to5');
  const attractiveness = rows.map((r) => {
    switch (options.attractiveness ?? 'probability-adjusted') {
      case 'probability-adjusted':
        return r.clvProbabilityAdjusted;
      case 'survival':
        return r.clvSurvival;
      case 'risk-adjusted-rate':
        return r.clvRiskAdjustedRate;
    }
  });
  const strength = rows.map((r): number | null => {
    if ((options.strength ?? 'retention') === 'retention') return r.probability;
    const account = byId.get(r.accountId);
    if (account === undefined)
      throw new CvmError('invalid-input', msg('scorecard.no-values', { account: r.accountId }));
    if (scales.length === 0) return null;
    const mean =
      scales.reduce((s, f) => s + Math.floor(account.values[f.id] ?? Number.NaN), 0) / scales.length;
    return Number.isFinite(mean) ? (mean - 1) / 4 : null;
  });
  const aSplit = options.splits?.attractiveness ?? median(attractiveness);
  const sSplit = options.splits?.strength ?? median(strength);
  return {
    points: rows.map((r, i) => {
      const a = attractiveness[i] ?? null;
      const s = strength[i] ?? null;
      return {
        accountId: r.accountId,
        attractiveness: a,
        strength: s,
        quadrant: quadrant(a, s, aSplit, sSplit),
      };
    }),
    attractivenessSplit: aSplit,
    strengthSplit: sSplit,
  };
}
