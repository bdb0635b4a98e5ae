/**
 * The relationship risk scorecard (Ryals & Knox 2007, Tables 2 and 3): groups of factors, each with a step
 * table from the factor's value to a retention probability, optional weights and the bounds the account's
 * probability is held to. `DEFAULT_SCORECARD` is the paper's Table 3; `parseScorecard` reads an edited one.
 *
 * Steps are inclusive ranges of whole values (`from`…`to`, `to: null` = "and above"). **A value between two
 * steps is floored to whole units first** (3.5 years reads as 3, 2.5 contacts as 2, a scale mean of 3.5 as 3):
 * the probability is a claim that the account will renew, so a relationship has to reach a step to earn it.
 * Rounding up would credit a year not yet completed or a contact not yet made and overstate retention; the
 * floor is the conservative choice and reads "completed years" the way age is read. It also reads the
 * paper's "> 5 years" as "6 or more completed years".
 */
import type { SCORECARD_FACTORS } from '../kinds';

/**
 * What a factor's value counts: `count` whole things (≥ `min`), `years` of relationship (≥ `min`, any
 * fraction, floored), `scale1to5` a subjective grade 1 very poor … 5 excellent.
 */
export type ValueKind = 'count' | 'years' | 'scale1to5';

/** One row of a step table: values `from`…`to` (inclusive whole units; `to` null = and above) → probability. */
export interface ScorecardStep {
  from: number;
  to: number | null;
  /** retention probability as a fraction (0.6 = 60 %) */
  probability: number;
}

/** One risk factor of the scorecard. */
export interface ScorecardFactor {
  /** the assessment column that holds its value (`business_lines` …) */
  id: string;
  label: string;
  /** id of its group */
  group: string;
  kind: ValueKind;
  /** smallest allowed value (0 for counts and years unless set; 1 for scales) */
  min: number;
  /** scored confidentially by the account's own manager (the paper's factors 4, 5, 8, 9) */
  subjective: boolean;
  /** non-negative weight in the account's mean (1 = the paper's plain average) */
  weight: number;
  /** what a manager does to move the factor up (null: nothing to do, e.g. relationship years) */
  action: string | null;
  /** step table in ascending order, covering every whole value from `min` (to 5 for scales) */
  steps: readonly ScorecardStep[];
}

/** A group of factors (overall relationship, account relationship, knowledge of the customer). */
export interface ScorecardGroup {
  id: string;
  label: string;
}

/** A complete scorecard: the default or one read by `parseScorecard`. */
export interface Scorecard {
  /** names the scorecard and its edition, stored with every probability computed from it */
  version: string;
  groups: readonly ScorecardGroup[];
  factors: readonly ScorecardFactor[];
  /** an account's probability is clamped to [min, max] (the paper: 0.40–0.90) */
  bounds: { min: number; max: number };
}

/** Default probability bounds (Ryals & Knox 2007, section 4.3: no account below 40 % or at 100 %). */
export const DEFAULT_BOUNDS = { min: 0.4, max: 0.9 } as const;

type FactorId = (typeof SCORECARD_FACTORS)[number];

const steps = (...rows: [number, number | null, number][]): ScorecardStep[] =>
  rows.map(([from, to, probability]) => ({ from, to, probability }));

// Table 3: factors 4, 5, 8, 9 share one scale; 6 and 7 share one count table.
const SCALE = steps([1, 1, 0.4], [2, 2, 0.6], [3, 3, 0.7], [4, 4, 0.8], [5, 5, 0.9]);
const CONTACTS = steps([1, 1, 0.5], [2, 2, 0.6], [3, 3, 0.8], [4, null, 0.9]);

const factor = (
  id: FactorId,
  label: string,
  group: string,
  kind: ValueKind,
  table: ScorecardStep[],
  action: string | null,
): ScorecardFactor => ({
  id,
  label,
  group,
  kind,
  min: table[0]?.from ?? 0,
  subjective: kind === 'scale1to5',
  weight: 1,
  action,
  steps: table,
});

/**
 * The paper's scorecard (Ryals & Knox 2007, Table 2 factors, Table 3 probabilities), unweighted, bounded to
 * 40–90 %. Counts start where Table 3 starts: 0 other relationships, 1 business line, 1 contact.
 */
export const DEFAULT_SCORECARD: Scorecard = {
  version: 'ryals-knox-2007-table-3',
  groups: [
    { id: 'overall', label: 'Overall relationship' },
    { id: 'account', label: 'Account relationship' },
    { id: 'knowledge', label: 'Knowledge of customer' },
  ],
  factors: [
    factor(
      'other_relationships',
      'Relationships with other parts of the company',
      'overall',
      'count',
      steps([0, 0, 0.4], [1, 1, 0.6], [2, 2, 0.8], [3, null, 0.9]),
      'introduce the customer to other parts of the company',
    ),
    factor(
      'business_lines',
      'Business lines (products) bought',
      'overall',
      'count',
      steps([1, 1, 0.4], [2, 2, 0.5], [3, 3, 0.6], [4, 4, 0.7], [5, 10, 0.8], [11, null, 0.9]),
      'cross-sell another business line',
    ),
    factor(
      'relationship_years',
      'Longevity of the relationship (years)',
      'overall',
      'years',
      steps([0, 2, 0.4], [3, 3, 0.6], [4, 4, 0.7], [5, 5, 0.8], [6, null, 0.9]),
      null,
    ),
    factor(
      'broker_relationship',
      "Company's relationship with the broker",
      'account',
      'scale1to5',
      SCALE,
      'strengthen the relationship with the broker',
    ),
    factor(
      'relationship_quality',
      'Quality of relationship with the customer',
      'account',
      'scale1to5',
      SCALE,
      'improve the quality of the relationship with the customer',
    ),
    factor(
      'contacts_at_customer',
      'Contacts the company has at the customer',
      'account',
      'count',
      CONTACTS,
      'build more contacts at the customer',
    ),
    factor(
      'contacts_at_company',
      'Contacts the customer has at the company',
      'account',
      'count',
      CONTACTS,
      'give the customer more contacts at the company',
    ),
    factor(
      'knowledge_of_company',
      "Understanding of the customer's company",
      'knowledge',
      'scale1to5',
      SCALE,
      "learn more about the customer's company",
    ),
    factor(
      'knowledge_of_industry',
      "Understanding of the customer's industry",
      'knowledge',
      'scale1to5',
      SCALE,
      "learn more about the customer's industry",
    ),
  ],
  bounds: { ...DEFAULT_BOUNDS },
};

/** Smallest and largest whole value a factor accepts (largest null: unbounded). */
export function factorDomain(f: Pick<ScorecardFactor, 'kind' | 'min'>): { min: number; max: number | null } {
  return f.kind === 'scale1to5' ? { min: 1, max: 5 } : { min: f.min, max: null };
}

/** Finds a factor by id, or undefined. */
export function findFactor(def: Scorecard, factorId: string): ScorecardFactor | undefined {
  return def.factors.find((f) => f.id === factorId);
}
