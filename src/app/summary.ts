/**
 * The headline `cvm start` prints under the info tables: a handful of figures over the last 12 months as
 * of the latest order date (the default as-of day, ARCHITECTURE.md). The dashboard will replace it.
 */
import { addDays, windowBack, type IsoDay, type Window } from '../core/dates';
import { countNpsHistogram, nps } from '../core/kpi/nps';
import { withinTargetShare } from '../core/service/resolution-target';
import { zonedInstant } from '../core/service/time-zone';
import type { KeyAccountsPort } from '../data/accounts/types';
import type { AnalyticsPort } from '../data/analytics/types';
import type { TableInfo } from '../data/info';
import type { StoreUnit } from '../data/store';
import { CvmError, errorText } from '../core/errors';
import { msg } from '../core/messages/catalogue';
import type { Message } from '../core/messages/message';
import { accountsReport } from './accounts/report';
import { getInfo, type InfoReport } from './info';
import { accountsInput } from './options/accounts';
import { parseOptions } from './options/parse';
import { portfolioInput } from './options/report';
import { portfolioReport, type PortfolioReport } from './reports/portfolio';
import type { Share } from './reports/shared';
import { contractReportInput } from './options/contracts';
import { subscriptionReport, type SubscriptionReport } from './reports/contracts';

export interface Headline {
  asOf: IsoDay;
  /** the last 12 months: asOf − 12 months < day ≤ asOf */
  window: Window;
  customers: number;
  activeCustomers: number;
  /** net revenue of the customers active in the window, major currency units */
  revenue: number;
  orders: number;
  complaints: number;
  /** complaints opened in the window resolved within 24 h by the end of the as-of day; null without complaints */
  resolvedWithin24hShare: number | null;
  /** % promoters − % detractors (−100…100); null without answers */
  nps: number | null;
  npsResponses: number;
  keyAccounts: number;
}

/**
 * The headline, or null when no transactions are loaded (there is no as-of day to compute it on). `tables`
 * is what `store.meta.tables()` returned, when the caller has it already.
 */
export async function getHeadline(store: StoreUnit, tables?: readonly TableInfo[]): Promise<Headline | null> {
  const transactions = (tables ?? (await store.meta.tables())).find((t) => t.kind === 'transactions');
  const asOf = transactions?.to ?? null;
  if (asOf === null) return null;
  const window = windowBack(asOf, 12, 0);
  const c = await store.summary.headline(window);
  // Complaints opened in the window's days (UTC), judged at the end of the as-of day, as `report service`.
  const fromMs = zonedInstant(addDays(window.startExclusive, 1), 0, 'UTC');
  const complaints = await store.service.complaints({
    fromMs,
    asOfMs: zonedInstant(addDays(asOf, 1), 0, 'UTC'),
    bucketStartsMs: [fromMs],
  });
  const score = nps(countNpsHistogram((await store.service.surveyScores(window)).nps));
  return {
    asOf,
    window,
    customers: c.customers,
    activeCustomers: c.activeCustomers,
    revenue: c.revenue,
    orders: c.orders,
    complaints: complaints.complaints,
    resolvedWithin24hShare: withinTargetShare(complaints.resolutionHours, complaints.complaints, 24),
    nps: score.score,
    npsResponses: score.n,
    keyAccounts: c.keyAccounts,
  };
}

/** The key accounts that are positive at WACC but negative once probability-adjusted. */
export interface NegativeAccounts {
  asOf: string;
  /** accounts valued */
  accounts: number;
  turnsNegative: { account: string; name: string; clvWacc: number; clvProbabilityAdjusted: number }[];
}

/** What `cvm start` prints and `GET /api/summary` answers. */
export interface StartSummary {
  info: InfoReport;
  headline: Headline | null;
  portfolio: PortfolioReport | null;
  /** the subscription portfolio of the contract customers, when the store holds contracts */
  subscription: SubscriptionReport | null;
  keyAccounts: NegativeAccounts | null;
}

/**
 * The summary of what is loaded: the info tables, the headline over the last 12 months, the portfolio value
 * report as of the latest order, the subscription portfolio when the store holds contracts, and the key accounts that turn negative once risk is counted. `accounts` is
 * the key-account port to value (an account manager's own accounts only: the headline then counts those);
 * when the key accounts cannot be valued, `onNote` hears why (`spell` spells option names) and the rest is
 * still returned. `analytics` is the port the portfolio is computed on (the server's shares the tier flows
 * with the portfolio and flows reports, app/reports/shared.ts); `share` keeps what does not depend on who
 * asks (the info tables, the headline before its key-account count, the subscription portfolio) once per
 * state of the data, so that the summary of each role costs little more than its key accounts.
 */
export async function getSummary(
  unit: StoreUnit,
  options: {
    accounts?: KeyAccountsPort;
    analytics?: AnalyticsPort;
    share?: Share;
    onNote?: (note: Message) => void;
    spell?: (field: string) => string;
  } = {},
): Promise<StartSummary> {
  const accounts = options.accounts ?? unit.accounts;
  const share: Share = options.share ?? ((_key, compute) => compute());
  const info = await share('summary info', () => getInfo(unit));
  const found = await share('summary headline', () => getHeadline(unit, info.tables));
  const headline =
    found && accounts !== unit.accounts
      ? { ...found, keyAccounts: (await accounts.accounts()).length }
      : found;
  const portfolio = headline
    ? await portfolioReport(
        options.analytics ?? unit.analytics,
        parseOptions(portfolioInput, { asOf: headline.asOf }),
      )
    : null;
  const contracts = info.tables.some((t) => t.kind === 'contracts' && t.rows > 0);
  const subscription = contracts
    ? await share(`summary subscription ${headline?.asOf ?? ''}`, () =>
        subscriptionReport(
          unit.contracts,
          parseOptions(contractReportInput, headline ? { asOf: headline.asOf } : {}),
        ),
      ).catch((error: unknown) => {
        if (!(error instanceof CvmError)) throw error;
        options.onNote?.(
          msg('progress.summary.contracts-left-out', { reason: errorText(error, options.spell) }),
        );
        return null;
      })
    : null;
  const assessed = info.tables.some((t) => t.kind === 'assessments' && t.rows > 0);
  const r = assessed
    ? await accountsReport(accounts, parseOptions(accountsInput, {})).catch((error: unknown) => {
        if (!(error instanceof CvmError)) throw error;
        options.onNote?.(
          msg('progress.summary.key-accounts-left-out', { reason: errorText(error, options.spell) }),
        );
        return null;
      })
    : null;
  const keyAccounts: NegativeAccounts | null =
    r === null
      ? null
      : {
          asOf: r.asOf,
          accounts: r.accounts.length,
          turnsNegative: r.accounts
            .filter((a) => a.turnsNegative)
            .map((a) => ({
              account: a.account,
              name: a.name,
              clvWacc: a.clvWacc,
              clvProbabilityAdjusted: a.clvProbabilityAdjusted,
            })),
        };
  return { info, headline, portfolio, subscription, keyAccounts };
}
