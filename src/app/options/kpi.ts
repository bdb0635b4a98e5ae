/**
 * Options of the KPI board: `kpi set` (a target, deadline and owner for a catalogue KPI), `kpi unset` and
 * `kpi status`.
 */
import { z } from 'zod';
import type { IsoDay } from '../../core/dates';
import type { WindowMonths } from '../../core/kpi/basis';
import { KPI_CATALOGUE } from '../../core/kpi/catalogue';
import type { Target } from '../../core/kpi/targets';
import { fail, field, optionalField, requiredField, type Parsed } from './parse';
import { isoDay, windowMonths } from './report';
import { msg, renderMessage } from '../../core/messages/catalogue';

const KPI_IDS = KPI_CATALOGUE.map((k) => k.id);

/** A KPI id of the catalogue. */
export function kpiId(text: string): Parsed<string> {
  return KPI_IDS.includes(text) ? { ok: text } : fail(text, 'a KPI of the catalogue', KPI_IDS.join(', '));
}

/** A finite number. */
export function targetValue(text: string): Parsed<number> {
  const n = Number(text);
  return text !== '' && Number.isFinite(n) ? { ok: n } : fail(text, 'a number');
}

/** A normal range `LOW..HIGH` with LOW ≤ HIGH. */
export function targetRange(text: string): Parsed<{ low: number; high: number }> {
  const m = /^(-?[0-9.]+)\.\.(-?[0-9.]+)$/.exec(text);
  const low = Number(m?.[1]);
  const high = Number(m?.[2]);
  if (!m || !Number.isFinite(low) || !Number.isFinite(high)) return fail(text, 'a range', 'LOW..HIGH');
  if (low > high) return fail(text, 'a range with low ≤ high', 'LOW..HIGH with LOW ≤ HIGH');
  return { ok: { low, high } };
}

/** A non-empty name. */
export function ownerName(text: string): Parsed<string> {
  return text === '' ? fail(text, 'a name') : { ok: text };
}

export const kpiSetSchema = z.object({
  kpi: requiredField(kpiId, `a KPI of the catalogue (${KPI_IDS.join(', ')})`),
  target: optionalField(targetValue),
  range: optionalField(targetRange),
  deadline: requiredField(isoDay, 'YYYY-MM-DD'),
  owner: requiredField(ownerName, 'a name'),
});

export interface KpiSetInput {
  kpi: string;
  target: Target;
  deadline: IsoDay;
  owner: string;
}

/** `kpi set`: exactly one of `{option:target}` and `{option:range}`. */
export const kpiSetInput = kpiSetSchema.transform((o, ctx): KpiSetInput => {
  if ((o.target === undefined) === (o.range === undefined)) {
    ctx.addIssue({
      code: 'custom',
      path: ['target'],
      message: renderMessage(msg('option.target-or-range'), 'en'),
      params: {
        expected: 'one of {option:target} and {option:range}',
        value: o.target,
        detail: msg('option.target-or-range'),
      },
    });
    return z.NEVER;
  }
  const target: Target =
    o.range === undefined ? { kind: 'value', value: o.target ?? 0 } : { kind: 'range', ...o.range };
  return { kpi: o.kpi, target, deadline: o.deadline, owner: o.owner };
});

/** `kpi unset`: the KPI whose target is removed. */
export const kpiUnsetInput = z
  .object({ kpi: requiredField(kpiId, `a KPI of the catalogue (${KPI_IDS.join(', ')})`) })
  .transform((o): { kpi: string } => ({ kpi: o.kpi }));

export interface KpiStatusInput {
  asOf?: IsoDay | undefined;
  today?: IsoDay | undefined;
}

/** `kpi status`. */
export const kpiStatusInput = z
  .object({ asOf: optionalField(isoDay), today: optionalField(isoDay) })
  .transform((o): KpiStatusInput => ({ asOf: o.asOf, today: o.today }));

export interface KpiQualityInput {
  asOf?: IsoDay | undefined;
  today?: IsoDay | undefined;
  windowMonths: WindowMonths;
}

/** `kpi quality`. */
export const kpiQualityInput = z
  .object({ asOf: optionalField(isoDay), today: optionalField(isoDay), window: field(windowMonths, 12) })
  .transform((o): KpiQualityInput => ({ asOf: o.asOf, today: o.today, windowMonths: o.window }));
