/**
 * The key-accounts port: the accounts, their scorecard assessments, forecasts and renewal record, read as
 * compact rows (a key-account portfolio holds tens to thousands of accounts, never millions). The math on
 * them (retention probability, CLV, sensitivity, backtest) lives in `core/accounts/`.
 *
 * An assessment is one account on one day: when several assessors scored the account that day, each factor
 * is the mean of their values (core floors a mean between steps, docs/metrics.md "Scorecard").
 */
import type { IsoDay } from '../../core/dates';
import type { AccountForecast } from '../../core/accounts/finance';
import type { SCORECARD_FACTORS } from '../../core/kinds';

/** A scorecard factor column of the assessments table (`business_lines` …). */
export type FactorColumn = (typeof SCORECARD_FACTORS)[number];

/** One key account. */
export interface KeyAccountRow {
  accountId: string;
  name: string;
  /** the account manager */
  manager: string;
  /** the customer the account is (`accounts.customer_id`), when given */
  customerId?: string;
}

/** One account's assessment on one day. */
export interface AssessmentRow {
  accountId: string;
  assessedOn: IsoDay;
  /** how many assessors scored the account that day */
  assessors: number;
  /** each factor's value; the mean over the day's assessors */
  values: Record<FactorColumn, number>;
}

/** One renewal that fell due: renewed (true) or lost (false). */
export interface RenewalRow {
  accountId: string;
  dueOn: IsoDay;
  renewed: boolean;
}

/** The scorecard saved in the store: its JSON text (checked by core before it was saved), when and by whom. */
export interface SavedScorecard {
  definition: string;
  /** an ISO timestamp */
  savedAt: string;
  savedBy: string;
}

/** What the key-account reports read; one implementation per backend. */
export interface KeyAccountsPort {
  /** Every key account, by account id. */
  accounts(): Promise<KeyAccountRow[]>;
  /** The latest assessment day of the store; null when there are no assessments. */
  latestAssessmentDate(): Promise<IsoDay | null>;
  /** Per account, its latest assessment on or before `asOf` (accounts without one are absent), by account id. */
  latestAssessments(asOf: IsoDay): Promise<AssessmentRow[]>;
  /** Every assessment, by account id and day. */
  assessmentHistory(): Promise<AssessmentRow[]>;
  /** Per account, its forecast years in year order (money in major units), by account id. */
  forecasts(): Promise<AccountForecast[]>;
  /** Every renewal, by account id and due day. */
  renewals(): Promise<RenewalRow[]>;
  /** The scorecard saved in the store, or null (the reports then use the default). */
  savedScorecard(): Promise<SavedScorecard | null>;
  /** Replaces the saved scorecard; null removes it (back to the default). */
  saveScorecard(scorecard: SavedScorecard | null): Promise<void>;
}
