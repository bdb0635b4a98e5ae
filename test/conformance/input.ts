/** Typed report inputs from options as a user types them, parsed by the same schemas the CLI uses. */
import { parseOptions } from '../../src/app/options/parse';
import {
  cohortInput,
  concentrationInput,
  loyaltyDepthInput,
  portfolioInput,
  programmeInput,
  retentionInput,
  type CohortInput,
  type LoyaltyDepthInput,
  type ReportInput,
  type RetentionInput,
} from '../../src/app/options/report';

type Raw = Record<string, string | undefined>;

export const portfolio = (raw: Raw = {}): ReportInput => parseOptions(portfolioInput, raw);
export const concentration = (raw: Raw = {}): ReportInput => parseOptions(concentrationInput, raw);
export const retention = (raw: Raw = {}): RetentionInput => parseOptions(retentionInput, raw);
export const cohorts = (raw: Raw = {}): CohortInput => parseOptions(cohortInput, raw);
export const loyaltyDepth = (raw: Raw = {}): LoyaltyDepthInput => parseOptions(loyaltyDepthInput, raw);
export const programme = (raw: Raw = {}): ReportInput => parseOptions(programmeInput, raw);
