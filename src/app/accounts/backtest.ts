/**
 * `accounts backtest`: the scorecard's probabilities checked against observed renewals (Ryals & Knox 2007,
 * conclusions). Each renewal due on or before the as-of day is scored with the account's latest assessment
 * strictly before its due day (an assessment on the day may already know the outcome); renewals without
 * one are counted as unscored. Brier score, log loss, AUC, a calibration table over the scorecard's bounds,
 * and factor weights learnt by logistic regression once there are enough outcomes (core `MIN_OUTCOMES`).
 */
import {
  auc,
  brierScore,
  calibrationTable,
  logLoss,
  type CalibrationBin,
} from '../../core/accounts/backtest';
import { learnWeights, type LearnedWeights } from '../../core/accounts/learn-weights';
import { retentionProbability } from '../../core/accounts/probability';
import type { IsoDay } from '../../core/dates';
import type { AssessmentRow, KeyAccountsPort } from '../../data/accounts/types';
import { loadScorecard } from './scorecard';
import { msg, type Message } from '../../core/messages/catalogue';

/** One renewal with the probability predicted before it fell due. */
export interface OutcomeJson {
  account: string;
  dueOn: IsoDay;
  renewed: boolean;
  assessedOn: IsoDay;
  predicted: number;
}

export interface BacktestReport {
  /** renewals due on or before this day count */
  asOf: IsoDay | null;
  scorecard: { source: string; version: string };
  /** scored renewals, renewed of them, and renewals without an earlier assessment */
  outcomes: number;
  renewed: number;
  unscored: number;
  brier: number | null;
  logLoss: number | null;
  auc: number | null;
  calibration: CalibrationBin[];
  weights: LearnedWeights;
  scored: OutcomeJson[];
  notes: Message[];
}

/** The latest assessment of each account strictly before `day`, from a history in account and day order. */
function assessmentBefore(history: readonly AssessmentRow[], day: IsoDay): AssessmentRow | undefined {
  let found: AssessmentRow | undefined;
  for (const a of history) if (a.assessedOn < day) found = a;
  return found;
}

export async function backtestReport(
  port: KeyAccountsPort,
  input: { asOf?: IsoDay | undefined; scorecardFile?: string | undefined },
): Promise<BacktestReport> {
  const { source, scorecard: def } = await loadScorecard(input.scorecardFile, port);
  const [history, renewals] = await Promise.all([port.assessmentHistory(), port.renewals()]);
  const byAccount = new Map<string, AssessmentRow[]>();
  for (const a of history) byAccount.set(a.accountId, [...(byAccount.get(a.accountId) ?? []), a]);
  const due = renewals.filter((r) => input.asOf === undefined || r.dueOn <= input.asOf);
  const asOf =
    input.asOf ?? due.reduce<IsoDay | null>((m, r) => (m === null || r.dueOn > m ? r.dueOn : m), null);
  const scored: OutcomeJson[] = [];
  const labelled: { values: AssessmentRow['values']; renewed: boolean }[] = [];
  for (const r of due) {
    const assessment = assessmentBefore(byAccount.get(r.accountId) ?? [], r.dueOn);
    if (assessment === undefined) continue;
    const where = `account ${r.accountId}, assessment of ${assessment.assessedOn}: `;
    scored.push({
      account: r.accountId,
      dueOn: r.dueOn,
      renewed: r.renewed,
      assessedOn: assessment.assessedOn,
      predicted: retentionProbability(def, assessment.values, where).probability,
    });
    labelled.push({ values: assessment.values, renewed: r.renewed });
  }
  const predicted = scored.map((s) => s.predicted);
  const outcomes = scored.map((s) => s.renewed);
  const range: [number, number] = def.bounds.max > def.bounds.min ? [def.bounds.min, def.bounds.max] : [0, 1];
  const weights = learnWeights(def, labelled);
  const unscored = due.length - scored.length;
  const notes: Message[] = [];
  if (unscored > 0) notes.push(msg('backtest.unscored', { unscored, due: due.length }));
  if (!weights.enough) notes.push(msg('backtest.no-weights', { reason: weights.reason }));
  return {
    asOf,
    scorecard: { source, version: def.version },
    outcomes: scored.length,
    renewed: outcomes.filter(Boolean).length,
    unscored,
    brier: brierScore(predicted, outcomes),
    logLoss: logLoss(predicted, outcomes),
    auc: auc(predicted, outcomes),
    calibration: calibrationTable(predicted, outcomes, { range }),
    weights,
    scored,
    notes,
  };
}
