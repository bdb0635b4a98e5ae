/**
 * `report satisfaction`: NPS, CSAT and CES of the current window, the previous window's figures, and
 * whether the change is significant (DOMAIN.md, "Service and satisfaction KPIs"; docs/metrics.md). The store
 * counts answers per kind and score; core computes every figure and test from the counts.
 *
 * The decision a reader needs: NPS flags fewer than 30 answers (core `NPS_SMALL_SAMPLE`); CSAT and CES get
 * the same warning at the same threshold, so that a reader sees one rule for all three.
 */
import type { IsoDay, Window } from '../../core/dates';
import { reportWindows, type WindowMonths } from '../../core/kpi/basis';
import { meanChange, type ChangeTest } from '../../core/kpi/change-test';
import { countNpsHistogram, nps, npsChange, NPS_SMALL_SAMPLE, type Nps } from '../../core/kpi/nps';
import { ces, csat, csatChange, type Ces, type Csat } from '../../core/kpi/satisfaction';
import { expandScores } from '../../core/kpi/stats';
import type { ServicePort, SurveyScores } from '../../data/service/types';
import { NOT_ACTIVE_TIER } from './service';
import type { ServiceInput } from '../options/service';
import { latestAsOf } from './basis';
import { msg, type Message } from '../../core/messages/catalogue';

export interface SatisfactionReport {
  asOf: IsoDay;
  windowMonths: WindowMonths;
  windows: { current: Window; previous: Window };
  nps: Nps & { previous: { score: number | null; n: number }; change: ChangeTest };
  csat: Csat & { previous: { share: number | null; n: number }; change: ChangeTest };
  ces: Ces & { previous: { mean: number | null; n: number }; change: ChangeTest };
  /** per value tier of the respondents in the current window; null unless tiers were asked for */
  byTier: SatisfactionTierRow[] | null;
  notes: Message[];
}

/** NPS, CSAT and CES of the respondents of one value tier (or of those not active in the window). */
export interface SatisfactionTierRow {
  tier: string;
  nps: Pick<Nps, 'n' | 'promoters' | 'passives' | 'detractors' | 'score' | 'marginOfError' | 'smallSample'>;
  csat: Pick<Csat, 'n' | 'satisfied' | 'share' | 'interval'> & { smallSample: boolean };
  ces: Pick<Ces, 'n' | 'mean' | 'interval' | 'lowEffortShare'> & { smallSample: boolean };
}

export async function satisfactionReport(
  service: ServicePort,
  input: Pick<ServiceInput, 'asOf' | 'windowMonths' | 'today' | 'tiers'>,
): Promise<SatisfactionReport> {
  const { asOf, notes: asOfNotes } = await latestAsOf(service, input.asOf, input.today);
  const { current, previous } = reportWindows(asOf, input.windowMonths);
  const now = await service.surveyScores(current);
  const before = await service.surveyScores(previous);
  const npsNow = nps(countNpsHistogram(now.nps));
  const npsBefore = nps(countNpsHistogram(before.nps));
  const csatScores = { now: expandScores(now.csat), before: expandScores(before.csat) };
  const cesScores = { now: expandScores(now.ces), before: expandScores(before.ces) };
  const csatNow = csat(csatScores.now);
  const csatBefore = csat(csatScores.before);
  const cesNow = ces(cesScores.now);
  const cesBefore = ces(cesScores.before);
  const tiers = input.tiers;
  const byTier =
    tiers === undefined
      ? null
      : (await service.surveyScoresByTier({ window: current, current, tiers })).map(
          (scores, i): SatisfactionTierRow => tierRow(tiers[i]?.name ?? NOT_ACTIVE_TIER, scores),
        );
  return {
    asOf,
    windowMonths: input.windowMonths,
    windows: { current, previous },
    nps: {
      ...npsNow,
      previous: { score: npsBefore.score, n: npsBefore.n },
      change: npsChange(npsBefore, npsNow),
    },
    csat: {
      ...csatNow,
      previous: { share: csatBefore.share, n: csatBefore.n },
      change: csatChange(csatBefore, csatNow),
    },
    ces: {
      ...cesNow,
      previous: { mean: cesBefore.mean, n: cesBefore.n },
      change: meanChange(cesScores.before, cesScores.now),
    },
    byTier,
    notes: [
      ...asOfNotes,
      ...(npsNow.note === null ? [] : [npsNow.note]),
      ...smallSampleNote('CSAT', csatNow.n, csatNow.note),
      ...smallSampleNote('CES', cesNow.n, cesNow.note),
      ...(byTier === null ? [] : tierNotes(byTier)),
    ],
  };
}

function smallSampleNote(kpi: 'CSAT' | 'CES', n: number, note: Message | null): Message[] {
  if (n > 0 && n < NPS_SMALL_SAMPLE)
    return [msg('satisfaction.small-sample', { kpi, n, minimum: NPS_SMALL_SAMPLE })];
  return note === null ? [] : [note];
}

const small = (n: number): boolean => n > 0 && n < NPS_SMALL_SAMPLE;

function tierRow(tier: string, scores: SurveyScores): SatisfactionTierRow {
  const n = nps(countNpsHistogram(scores.nps));
  const c = csat(expandScores(scores.csat));
  const e = ces(expandScores(scores.ces));
  return {
    tier,
    nps: {
      n: n.n,
      promoters: n.promoters,
      passives: n.passives,
      detractors: n.detractors,
      score: n.score,
      marginOfError: n.marginOfError,
      smallSample: n.smallSample,
    },
    csat: { n: c.n, satisfied: c.satisfied, share: c.share, interval: c.interval, smallSample: small(c.n) },
    ces: {
      n: e.n,
      mean: e.mean,
      interval: e.interval,
      lowEffortShare: e.lowEffortShare,
      smallSample: small(e.n),
    },
  };
}

/** One note per KPI naming the tiers whose figure rests on fewer than 30 answers. */
function tierNotes(rows: readonly SatisfactionTierRow[]): Message[] {
  return (['nps', 'csat', 'ces'] as const).flatMap((kpi) => {
    const thin = rows.filter((r) => r[kpi].smallSample).map((r) => ({ tier: r.tier, n: r[kpi].n }));
    return thin.length === 0
      ? []
      : [
          msg('satisfaction.tier-small', {
            kpi: kpi === 'nps' ? 'NPS' : kpi === 'csat' ? 'CSAT' : 'CES',
            tiers: thin,
            minimum: NPS_SMALL_SAMPLE,
          }),
        ];
  });
}
