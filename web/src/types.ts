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

/** How predicted CLVs were made, with value = clv. */
export interface ClvBasis {
  model: string;
  horizonMonths: number;
  discountRate: number;
  timeUnit: string;
}

export interface PortfolioReport {
  asOf: string;
  windowMonths: number;
  value: string;
  clv?: ClvBasis;
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
  clv?: ClvBasis;
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
  resolutionDistribution: {
    fromHours: number;
    toHours: number | null;
    complaints: number;
    share: number | null;
  }[];
  clock: 'calendar' | 'business';
  openBacklog: { open: number; ageMedianHours: number | null; ageMaxHours: number | null };
  causes: { cause: string; complaints: number; share: number; cumulativeShare: number; vitalFew: boolean }[];
  trend: {
    month: string;
    opened: number;
    resolved: number;
    medianResolutionHours: number | null;
    withinTargetShare: number | null;
  }[];
  byTier: {
    tiers: {
      tier: string;
      customers: number | null;
      complainants: number;
      complaints: number;
      ratePer1000Customers: number | null;
      medianResolutionHours: number | null;
      resolvedWithinTarget: number | null;
      firstResponse: {
        n: number;
        medianHours: number | null;
        meanHours: number | null;
        p90Hours: number | null;
      };
      causes: { cause: string; complaints: number; share: number }[];
    }[];
    retention: {
      tiers: (GroupRetentionRow & { tier: string })[];
      total: GroupRetentionRow;
    };
  } | null;
  notes: string[];
}

export interface GroupRetentionRow {
  complainants: { customers: number; retained: number; retention: number | null };
  others: { customers: number; retained: number; retention: number | null };
  difference: number | null;
  test: { pValue: number | null; significant: boolean | null } | null;
}

export interface SatisfactionTierRow {
  tier: string;
  nps: { n: number; score: number | null; marginOfError: number | null; smallSample: boolean };
  csat: { n: number; share: number | null; smallSample: boolean };
  ces: { n: number; mean: number | null; smallSample: boolean };
}

export interface KpiQualityReport {
  asOf: string;
  rows: {
    id: string;
    label: { en: string; sv: string };
    unit: string;
    n: number;
    value: number | null;
    interval: { low: number; high: number } | null;
    minimumDetectableChange: number | null;
    validityGap: number | null;
    auc: number | null;
    laggedCorrelation: number | null;
    notes: string[];
  }[];
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
  byTier: SatisfactionTierRow[] | null;
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
  rates: { discountRate: number; wacc: number; waccSource: 'default' | 'given' | 'components' };
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
  /** `default`, `saved` (in the store) or a file name */
  source: string;
  savedAt?: string;
  savedBy?: string;
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
  /** rows still stored; null for imports made before rows carried their import id (they cannot be undone) */
  rowsStored?: number | null;
  state?: 'active' | 'undone' | 'replaced';
}

/** What `POST /api/imports/:id/undo` removed. */
export interface UndoneImport {
  importId: number;
  kind: string;
  source: string;
  rowsRemoved: number;
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

export interface SubscriptionRow {
  tier: string;
  customers: number;
  revenuePerCustomer: number | null;
  productsPerCustomer: number | null;
  tenureYears: number | null;
  retention: RetentionFigures;
  ski: number | null;
  skiSource: 'ski' | 'csat' | null;
  nps: { score: number | null; marginOfError: number | null; n: number };
  clvIndex: number | null;
  clvTotal: number | null;
}

export interface SubscriptionReport {
  asOf: string;
  tiers: SubscriptionRow[];
  total: SubscriptionRow;
  notes: string[];
}

export interface ProductsRow {
  tier: string;
  customers: number;
  productsPerCustomer: number | null;
  holdingShares: [number, number, number, number] | null;
  previousCustomers: number;
  retained: number;
  crossSellRate: number | null;
  downSellRate: number | null;
}

export interface ProductsReport {
  asOf: string;
  tiers: ProductsRow[];
  total: ProductsRow;
  notes: string[];
}

export interface ProductChurnRow {
  line: string;
  holdersBefore: number;
  holdersAfter: number;
  churn: number | null;
  leftRate: number | null;
  stayedRate: number | null;
  added: number;
}

export interface ProductChurnReport {
  asOf: string;
  lines: ProductChurnRow[];
  notes: string[];
}

export interface LoyaltyDepthRow {
  tier: string;
  customers: number;
  tenureYears: number | null;
  frequency: number | null;
  volume: number | null;
  depth: number | null;
  shareOfWallet: number | null;
}

export interface LoyaltyDepthCustomer {
  customerId: string;
  rank: number;
  tier: string;
  value: number;
  tenureYears: number;
  frequency: number;
  volume: number;
  depth: number;
  categorySpend: number | null;
  shareOfWallet: number | null;
}

export interface LoyaltyDepthReport {
  asOf: string;
  tiers: LoyaltyDepthRow[];
  total: LoyaltyDepthRow;
  customers: LoyaltyDepthCustomer[];
  notes: string[];
}

/** `DELETE /api/customers/:id` (`cvm delete --customer ID`): rows per kind removed, or counted in a dry run. */
export interface CustomerErasure {
  customerId: string;
  dryRun: boolean;
  kinds: {
    kind:
      | 'customers'
      | 'transactions'
      | 'contracts'
      | 'complaints'
      | 'surveys'
      | 'invoices'
      | 'actions'
      | 'accounts';
    table: string;
    action: 'deleted' | 'unlinked';
    rows: number;
  }[];
  rowsDeleted: number;
  notes: string[];
}

/** `GET /api/customers/:id`: one customer (docs/metrics.md, "Customer page"). */
export interface CustomerReport {
  customerId: string;
  asOf: string;
  windowMonths: number;
  value: 'revenue' | 'margin';
  customer: {
    customerId: string;
    name: string | null;
    acquiredOn: string | null;
    region: string | null;
    channel: string | null;
  } | null;
  summary: {
    orders: number;
    revenue: number;
    margin: number;
    firstMonth: string | null;
    lastMonth: string | null;
    complaints: number;
    openComplaints: number;
    surveys: number;
    contracts: number;
  };
  months: { month: string; orders: number; revenue: number; margin: number }[];
  tiers: {
    window: { startExclusive: string; endInclusive: string };
    tier: string | null;
    rank: number | null;
    activeCustomers: number;
    purchases: number;
    value: number;
  }[];
  complaints: {
    complaintId: string;
    openedAt: string;
    resolvedAt: string | null;
    category: string | null;
    outcome: string | null;
    satisfaction: number | null;
  }[];
  surveys: { responseId: string; answeredOn: string; kind: string; score: number; comment: string | null }[];
  contracts: {
    contractId: string;
    startDate: string;
    endDate: string | null;
    productLine: string | null;
    annualFee: number | null;
  }[];
  keyAccounts: { accountId: string; name: string; manager: string }[];
  /** P(alive) and predicted CLV (BG/NBD + Gamma-Gamma as of the as-of day); null, with a note, without */
  model: {
    model: string;
    name: string;
    spendModel: string | null;
    calibrationEnd: string;
    timeUnit: 'day' | 'week' | 'month';
    horizonMonths: number;
    horizon: number;
    discountRate: number;
    fittedCustomers: number;
    x: number;
    tx: number;
    T: number;
    monetary: number | null;
    pAlive: number;
    expectedPurchases: number;
    expectedSpend: number | null;
    clv: number | null;
  } | null;
  notes: string[];
}

/** `GET /api/reports/programme` (`cvm report programme`): the loyalty-programme effect. */
export interface ProgrammeGroup {
  customers: number;
  frequency: number | null;
  volume: number | null;
  previousActive: number;
  retention: number | null;
}

export interface ProgrammeNaiveRow {
  tier: string;
  members: ProgrammeGroup;
  nonMembers: ProgrammeGroup;
  frequencyDifference: number | null;
  volumeDifference: number | null;
  retentionDifference: number | null;
}

export interface ProgrammeBeforeAfterRow {
  tier: string | null;
  members: number;
  frequencyBefore: number | null;
  frequencyAfter: number | null;
  volumeBefore: number | null;
  volumeAfter: number | null;
  retentionBefore: number | null;
  retentionAfter: number | null;
}

export interface ProgrammeMatchedFigure {
  memberBefore: number | null;
  memberAfter: number | null;
  controlBefore: number | null;
  controlAfter: number | null;
  did: number | null;
}

export interface ProgrammeMatchedRow {
  tier: string | null;
  matchedMembers: number;
  controls: number;
  unmatchedMembers: number;
  retentionMembers: number;
  frequency: ProgrammeMatchedFigure;
  volume: ProgrammeMatchedFigure;
  retention: ProgrammeMatchedFigure;
}

export interface ProgrammeReport {
  asOf: string;
  windowMonths: number;
  members: number;
  joinedAfterAsOf: number;
  naive: { tiers: ProgrammeNaiveRow[]; total: ProgrammeNaiveRow };
  beforeAfter: {
    tiers: ProgrammeBeforeAfterRow[];
    total: ProgrammeBeforeAfterRow;
    leftOut: { tooRecent: number; shortHistory: number };
  };
  matched: { tiers: ProgrammeMatchedRow[]; total: ProgrammeMatchedRow };
  notes: string[];
}
