/**
 * `report programme`: the loyalty-programme effect (seed 002: "Does membership in a loyalty program affect
 * customer behavior?"; docs/metrics.md, "Loyalty-programme effect"): members against non-members as of the
 * as-of day, members before and after joining, and a matched difference in differences, per value tier.
 * On orders; customers carry the optional `member_since`.
 */
import type { IsoDay, Window } from '../../core/dates';
import type { ValueMeasure, WindowMonths } from '../../core/kpi/basis';
import { programmeEffect, TENURE_BANDS, type ProgrammeEffect } from '../../core/kpi/programme';
import { invalidOption } from '../../core/errors';
import type { AnalyticsPort } from '../../data/analytics/types';
import type { ReportInput } from '../options/report';
import { missingMarginNote, resolveBasis } from './basis';
import type { Message } from '../../core/messages/catalogue';
import { msg } from '../../core/messages/catalogue';

export interface ProgrammeReport extends Omit<ProgrammeEffect, 'notes'> {
  basis: 'orders';
  asOf: IsoDay;
  windowMonths: WindowMonths;
  value: ValueMeasure;
  current: Window;
  previous: Window;
  /** customers with member_since on or before the as-of day; those joining later count as non-members */
  members: number;
  joinedAfterAsOf: number;
  /** the tenure bands of the matching, from the given number of days on */
  tenureBands: { name: string; fromDays: number }[];
  notes: Message[];
}

export async function programmeReport(
  analytics: AnalyticsPort,
  input: ReportInput,
): Promise<ProgrammeReport> {
  if (input.basis === 'contracts')
    throw invalidOption('basis', 'contracts', 'orders', msg('basis.programme-orders-only'));
  const basis = await resolveBasis(analytics, input, 'both');
  const result = await analytics.programme({
    asOf: basis.asOf,
    current: basis.current,
    previous: basis.previous,
    windowMonths: basis.windowMonths,
    measure: basis.measure,
    tiers: basis.tiers,
  });
  const effect = programmeEffect(
    basis.tiers.map((t) => t.name),
    result.naive,
    result.cells,
    result.leftOut,
    basis.windowMonths,
    { members: result.members, joinedAfterAsOf: result.joinedAfterAsOf },
  );
  const margin = missingMarginNote(basis.measure, result.missingMargin, result.transactions);
  return {
    basis: 'orders',
    asOf: basis.asOf,
    windowMonths: basis.windowMonths,
    value: basis.measure,
    current: basis.current,
    previous: basis.previous,
    members: result.members,
    joinedAfterAsOf: result.joinedAfterAsOf,
    tenureBands: TENURE_BANDS.map((b) => ({ ...b })),
    naive: effect.naive,
    beforeAfter: effect.beforeAfter,
    matched: effect.matched,
    notes: [...basis.coverage, ...(margin ? [margin] : []), ...effect.notes],
  };
}
