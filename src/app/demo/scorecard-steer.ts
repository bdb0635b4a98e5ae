/**
 * The retention probability of the relationship risk scorecard (Ryals & Knox 2007, Table 3), used only to
 * steer the demo's key accounts into the paper's observed range (68–82 %). The demo keeps this private copy
 * of the scorecard until the product's scorecard lands in core. It avoids the values where step rules
 * could differ (3.5 years, 2.5 contacts), so any reasonable rule gives the same probability for the
 * generated factors.
 */

/** Factor values of one assessment, in the order of SCORECARD_FACTORS. */
export interface Factors {
  otherRelationships: number;
  businessLines: number;
  relationshipYears: number;
  brokerRelationship: number;
  relationshipQuality: number;
  contactsAtCustomer: number;
  contactsAtCompany: number;
  knowledgeOfCompany: number;
  knowledgeOfIndustry: number;
}

/** Steps as [largest value of the step, probability]; values above the last step get `above`. */
type Steps = readonly (readonly [number, number])[];

function step(value: number, steps: Steps, above: number): number {
  for (const [upTo, probability] of steps) if (value <= upTo) return probability;
  return above;
}

const OTHER: Steps = [
  [0, 0.4],
  [1, 0.6],
  [2, 0.8],
];
const LINES: Steps = [
  [1, 0.4],
  [2, 0.5],
  [3, 0.6],
  [4, 0.7],
  [10, 0.8],
];
const YEARS: Steps = [
  [2.99, 0.4],
  [3, 0.6],
  [4, 0.7],
  [5, 0.8],
];
const SUBJECTIVE: Steps = [
  [1, 0.4],
  [2, 0.6],
  [3, 0.7],
  [4, 0.8],
];
const CONTACTS: Steps = [
  [1, 0.5],
  [2, 0.6],
  [3, 0.8],
];

/** Plain average of the nine factor probabilities, bounded to 40–90 % (the paper's rule). */
export function scorecardProbability(f: Factors): number {
  const parts = [
    step(f.otherRelationships, OTHER, 0.9),
    step(f.businessLines, LINES, 0.9),
    step(f.relationshipYears, YEARS, 0.9),
    step(f.brokerRelationship, SUBJECTIVE, 0.9),
    step(f.relationshipQuality, SUBJECTIVE, 0.9),
    step(f.contactsAtCustomer, CONTACTS, 0.9),
    step(f.contactsAtCompany, CONTACTS, 0.9),
    step(f.knowledgeOfCompany, SUBJECTIVE, 0.9),
    step(f.knowledgeOfIndustry, SUBJECTIVE, 0.9),
  ];
  const mean = parts.reduce((sum, x) => sum + x, 0) / parts.length;
  return Math.min(0.9, Math.max(0.4, mean));
}

/**
 * Relationship years snapped to values every step rule reads alike: half years below 3, whole years from
 * 3 to 6 (the steps), half years above.
 */
export function snapYears(years: number): number {
  if (years < 2.5) return Math.max(0.5, Math.floor(years * 2) / 2);
  if (years < 6) return Math.max(3, Math.round(years));
  return Math.min(16, Math.round(years * 2) / 2);
}
