/**
 * Monthly trend of complaints: per calendar month of opening, how many were opened, how many of those were
 * resolved by the as-of instant, their median resolution time and the share within target.
 *
 * The decision a reader needs: a complaint belongs to the month in which it was **opened**, in the report's
 * time zone (UTC unless given), and every month from the first to the last is listed, empty months
 * included (0 complaints, null figures), so a chart's axis has no holes.
 */
import { addMonths } from '../dates';
import { median } from '../kpi/stats';
import type { JudgedComplaint } from './complaint-state';
import { localDay } from './time-zone';

/** One month of the trend; `month` is "YYYY-MM", hours on the report's clock. */
export interface ComplaintMonth {
  month: string;
  opened: number;
  /** of the month's complaints, resolved by the as-of instant */
  resolved: number;
  /** median resolution hours of those; null when none is resolved */
  medianResolutionHours: number | null;
  /** within target / opened (open ones count as not within); null when none was opened */
  withinTargetShare: number | null;
}

/** Monthly buckets of `judged` complaints by month of opening in `timeZone`; empty without complaints. */
export function complaintTrend(judged: readonly JudgedComplaint[], timeZone = 'UTC'): ComplaintMonth[] {
  const byMonth = new Map<string, JudgedComplaint[]>();
  for (const j of judged) {
    const month = localDay(j.record.openedAt, timeZone).slice(0, 7);
    const list = byMonth.get(month) ?? [];
    list.push(j);
    byMonth.set(month, list);
  }
  const months = [...byMonth.keys()].sort();
  const first = months[0];
  const last = months[months.length - 1];
  if (first === undefined || last === undefined) return [];
  const out: ComplaintMonth[] = [];
  for (let day = `${first}-01`; day.slice(0, 7) <= last; day = addMonths(day, 1)) {
    const month = day.slice(0, 7);
    const list = byMonth.get(month) ?? [];
    const hours = list.flatMap((j) => (j.resolutionHours === null ? [] : [j.resolutionHours]));
    out.push({
      month,
      opened: list.length,
      resolved: list.filter((j) => j.state === 'resolved').length,
      medianResolutionHours: median(hours),
      withinTargetShare: list.length === 0 ? null : list.filter((j) => j.withinTarget).length / list.length,
    });
  }
  return out;
}
