/**
 * Steering the demo's key accounts into the paper's observed range of retention probability (68–82 %),
 * with core's scorecard (`core/accounts`, the paper's Table 3). The demo snaps relationship years to values
 * where every reasonable rule for values between steps reads alike (see `snapYears`).
 */
import { retentionProbability } from '../../core/accounts/probability';
import { DEFAULT_SCORECARD } from '../../core/accounts/scorecard';

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

/** The retention probability core's default scorecard (the paper's Table 3) gives the factors. */
export function scorecardProbability(f: Factors): number {
  return retentionProbability(DEFAULT_SCORECARD, {
    other_relationships: f.otherRelationships,
    business_lines: f.businessLines,
    relationship_years: f.relationshipYears,
    broker_relationship: f.brokerRelationship,
    relationship_quality: f.relationshipQuality,
    contacts_at_customer: f.contactsAtCustomer,
    contacts_at_company: f.contactsAtCompany,
    knowledge_of_company: f.knowledgeOfCompany,
    knowledge_of_industry: f.knowledgeOfIndustry,
  }).probability;
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
