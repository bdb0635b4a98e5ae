/**
 * An account manager's view of the key-account port: only the accounts they manage (the `account_manager`
 * column equals their username), with only those accounts' assessments, forecasts and renewals. Every
 * key-account use case run on it sees a portfolio of their accounts alone, so lists, totals, the policy
 * matrix and the backtest never include, count or name another manager's account.
 */
import type { IsoDay } from '../../core/dates';
import type { KeyAccountsPort } from '../../data/accounts/types';

export function accountsManagedBy(port: KeyAccountsPort, manager: string): KeyAccountsPort {
  let ids: Promise<Set<string>> | undefined;
  const own = (): Promise<Set<string>> =>
    (ids ??= port
      .accounts()
      .then((rows) => new Set(rows.filter((r) => r.manager === manager).map((r) => r.accountId))));
  const keep = async <T extends { accountId: string }>(rows: Promise<T[]>): Promise<T[]> => {
    const mine = await own();
    return (await rows).filter((r) => mine.has(r.accountId));
  };
  return {
    accounts: async () => (await port.accounts()).filter((r) => r.manager === manager),
    latestAssessmentDate: async () => {
      const days = (await keep(port.assessmentHistory())).map((r) => r.assessedOn);
      return days.length === 0 ? null : days.reduce((a, b): IsoDay => (b > a ? b : a));
    },
    latestAssessments: (asOf) => keep(port.latestAssessments(asOf)),
    assessmentHistory: () => keep(port.assessmentHistory()),
    forecasts: () => keep(port.forecasts()),
    renewals: () => keep(port.renewals()),
    // the scorecard is the company's, the same for every manager
    savedScorecard: () => port.savedScorecard(),
    saveScorecard: (scorecard) => port.saveScorecard(scorecard),
  };
}
