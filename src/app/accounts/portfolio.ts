/**
 * The key-account portfolio as core needs it: every account of the accounts table with its latest
 * assessment on or before the as-of day and its forecast, and notes on the accounts left out for lack of
 * either. The default as-of day is the latest assessment day in the store (no report reads the clock).
 */
import type { AccountInput } from '../../core/accounts/portfolio';
import type { IsoDay } from '../../core/dates';
import { CvmError } from '../../core/errors';
import type { KeyAccountsPort } from '../../data/accounts/types';
import { loadScorecard, type LoadedScorecard } from './scorecard';
import { msg, type Message } from '../../core/messages/catalogue';

/** An account ready for core, with what the reports print beside it. */
export interface LoadedAccount extends AccountInput {
  name: string;
  manager: string;
  assessedOn: IsoDay;
}

export interface LoadedPortfolio {
  asOf: IsoDay;
  scorecard: LoadedScorecard;
  accounts: LoadedAccount[];
  notes: Message[];
}

/** The as-of day: the one given, else the latest assessment day; a store without assessments needs one given. */
export async function resolveAccountsAsOf(port: KeyAccountsPort, asOf: IsoDay | undefined): Promise<IsoDay> {
  if (asOf !== undefined) return asOf;
  const latest = await port.latestAssessmentDate();
  if (latest === null) throw new CvmError('not-found', msg('accounts.no-assessments'));
  return latest;
}

const listIds = (ids: readonly string[]): string =>
  ids.length <= 5 ? ids.join(', ') : `${ids.slice(0, 5).join(', ')} and ${ids.length - 5} more`;

/** Reads the scorecard, the accounts, their latest assessments and their forecasts. */
export async function loadPortfolio(
  port: KeyAccountsPort,
  input: { asOf?: IsoDay | undefined; scorecardFile?: string | undefined },
): Promise<LoadedPortfolio> {
  const scorecard = await loadScorecard(input.scorecardFile, port);
  const asOf = await resolveAccountsAsOf(port, input.asOf);
  const [accounts, assessments, forecasts] = await Promise.all([
    port.accounts(),
    port.latestAssessments(asOf),
    port.forecasts(),
  ]);
  const assessed = new Map(assessments.map((a) => [a.accountId, a]));
  const forecast = new Map(forecasts.map((f) => [f.accountId, f.years]));
  const known = new Set(accounts.map((a) => a.accountId));
  const loaded: LoadedAccount[] = [];
  const unassessed: string[] = [];
  const unforecast: string[] = [];
  for (const a of accounts) {
    const assessment = assessed.get(a.accountId);
    const years = forecast.get(a.accountId);
    if (assessment === undefined) unassessed.push(a.accountId);
    else if (years === undefined) unforecast.push(a.accountId);
    else
      loaded.push({
        accountId: a.accountId,
        name: a.name,
        manager: a.manager,
        assessedOn: assessment.assessedOn,
        values: assessment.values,
        forecast: years,
      });
  }
  const notes: Message[] = [];
  if (unassessed.length > 0)
    notes.push(msg('accounts.unassessed', { count: unassessed.length, asOf, ids: listIds(unassessed) }));
  if (unforecast.length > 0)
    notes.push(msg('accounts.unforecast', { count: unforecast.length, ids: listIds(unforecast) }));
  const strangers = [
    ...new Set([...assessments, ...forecasts].map((r) => r.accountId).filter((id) => !known.has(id))),
  ];
  if (strangers.length > 0)
    notes.push(msg('accounts.strangers', { count: strangers.length, ids: listIds(strangers) }));
  return { asOf, scorecard, accounts: loaded, notes };
}
