/**
 * The JSON shapes the dashboard reads, as documented in docs/metrics.md (`cvm … --format json` prints the
 * same). Only the fields the pages use are declared; the dashboard depends on the API, not on src/.
 */
export interface TierRow {
  tier: string;
  customers: number;
  purchases: number;
  revenue: number;
  purchasesPerCustomer: number | null;
  revenuePerPurchase: number | null;
  revenuePerCustomer: number | null;
  retention: number | null;
  churn: number | null;
  duration: number | null;
  clv: number | null;
  clvIndex?: number | null;
  value: number | null;
  previousCustomers: number;
  lost: number;
  meanClv?: number | null;
}

export interface PortfolioReport {
  asOf: string;
  windowMonths: number;
  value: string;
  tiers: TierRow[];
  total: TierRow;
  notes: string[];
}

export interface FlowCell {
  from: string;
  to: string;
  kind: string;
  customers: number;
  purchases: number;
  revenue: number;
  revenuePerCustomer: number | null;
}

export interface FlowsReport {
  asOf: string;
  flows: FlowCell[];
  current: { tier: string; customers: number; revenue: number }[];
  previous: { tier: string; customers: number; revenue: number }[];
  lost: { customers: number; revenue: number };
  notes: string[];
}

export interface RetentionFigures {
  previous: number;
  retained: number;
  lost: number;
  retention: number | null;
  churn: number | null;
  duration: number | null;
}

export interface RetentionReport {
  asOf: string;
  overall: RetentionFigures;
  tiers: (RetentionFigures & { tier: string })[];
  trend: { asOf: string; overall: RetentionFigures; tiers: (RetentionFigures & { tier: string })[] }[];
  tenure: {
    rows: (RetentionFigures & { fromYears: number; toYears: number | null })[];
    earlyChurnRatio: number | null;
  };
  notes: string[];
}

export interface CohortsReport {
  asOf: string;
  cohorts: {
    cohort: string;
    customers: number;
    periods: { period: number; customers: number; retention: number | null; revenue: number }[];
  }[];
  notes: string[];
}

export interface ConcentrationReport {
  asOf: string;
  customers: number;
  total: number;
  gini: number | null;
  top: { percent: number; customers: number; value: number; share: number | null }[];
  lorenz: { customerShare: number; valueShare: number }[];
  tiers: {
    tier: string;
    customers: number;
    value: number;
    share: number | null;
    cumulativeShare: number | null;
  }[];
  notes: string[];
}

export interface ServiceReport {
  asOf: string;
  targetHours: number;
  complaints: number;
  resolved: number;
  open: number;
  medianResolutionHours: number | null;
  meanResolutionHours: number | null;
  p90ResolutionHours: number | null;
  resolvedWithinTarget: number | null;
  openBacklog: { open: number; ageMedianHours: number | null; ageMaxHours: number | null };
  causes: { cause: string; complaints: number; share: number; cumulativeShare: number; vitalFew: boolean }[];
  trend: {
    month: string;
    opened: number;
    resolved: number;
    medianResolutionHours: number | null;
    withinTargetShare: number | null;
  }[];
  notes: string[];
}

export interface Change {
  difference: number | null;
  significant: boolean;
}

export interface SatisfactionReport {
  asOf: string;
  nps: {
    n: number;
    score: number | null;
    marginOfError: number | null;
    promoterShare: number | null;
    detractorShare: number | null;
    previous: { score: number | null; n: number } | null;
    change: Change | null;
  };
  csat: {
    n: number;
    share: number | null;
    interval: { low: number; high: number } | null;
    previous: { share: number | null; n: number } | null;
  };
  ces: {
    n: number;
    mean: number | null;
    interval: { low: number; high: number } | null;
    previous: { mean: number | null; n: number } | null;
  };
  notes: string[];
}

export interface KpiStatusRow {
  id: string;
  owner: string | null;
  deadline: string | null;
  current: number | null;
  previous: number | null;
  status: string;
  trend: string | null;
  change: number | null;
  label: { en: string; sv: string };
  unit: string;
  target: { kind: string; value: number } | null;
  note: string | null;
}

export interface KpiStatus {
  asOf: string;
  rows: KpiStatusRow[];
  warnings: string[];
}

export interface Headline {
  asOf: string;
  customers: number;
  activeCustomers: number;
  revenue: number;
  orders: number;
  complaints: number;
  resolvedWithin24hShare: number | null;
  nps: number | null;
  npsResponses: number;
  keyAccounts: number;
}

export interface AccountRow {
  account: string;
  name: string;
  manager: string;
  assessedOn: string;
  retentionProbability: number;
  clvDiscountRate: number;
  clvWacc: number;
  clvProbabilityAdjusted: number;
  clvSurvival: number | null;
  turnsNegative: boolean;
  factors: { factor: string; value: number; probability: number }[];
}

export interface AccountsReport {
  asOf: string;
  accounts: AccountRow[];
  totals: { clvDiscountRate: number; clvWacc: number; clvProbabilityAdjusted: number };
  notes: string[];
}

export interface ScorecardFactor {
  id: string;
  label: string;
  group: string;
  kind: 'count' | 'years' | 'scale1to5';
  min: number;
  subjective: boolean;
  weight: number;
  steps: { from: number; to: number | null; probability: number }[];
}

export interface Scorecard {
  version: string;
  factors: ScorecardFactor[];
  bounds: { min: number; max: number };
}

export interface SensitivityReport {
  accounts: {
    account: string;
    name: string;
    retentionProbability: number;
    clvProbabilityAdjusted: number;
    factors: {
      factor: string;
      value: number;
      up: { toValue: number; probability: number; clvChange: number } | null;
      down: { toValue: number; probability: number; clvChange: number } | null;
    }[];
  }[];
}

export interface DpmReport {
  splits: { attractiveness: number; strength: number };
  points: { account: string; name: string; attractiveness: number; strength: number; quadrant: string }[];
}

export interface SimulateRetention {
  deltaPoints: number;
  tiers: {
    tier: string;
    customers: number;
    retention: number | null;
    newRetention: number | null;
    clv: number | null;
    newClv: number | null;
    value: number | null;
    newValue: number | null;
    change: number | null;
  }[];
  total: { value: number | null; newValue: number | null; change: number | null };
  notes: string[];
}

export interface ImportLogRow {
  id?: number;
  importId?: number;
  kind: string;
  source: string;
  importedAt: string;
  rowsImported: number;
  rowsRejected: number;
}

export interface RejectRow {
  row?: number;
  line?: number;
  column?: string;
  value?: unknown;
  reason?: string;
}

export interface ImportResult {
  kind: string;
  source?: string;
  imported: number;
  rejected: number;
  /** one line per bad value: file, row, line, column, value and what was expected */
  problems?: string[];
  /** where the rejected rows can be fetched as CSV (row, line, column, value, reason); null when none */
  rejectsPath?: string | null;
  importId?: number;
  warnings?: string[];
}
