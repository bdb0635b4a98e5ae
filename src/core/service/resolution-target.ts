/**
 * Resolution-time targets of complaints (docs/domain.md: "share resolved within the target, default 24 h"; seed
 * 001: "the best indicator of the time for resolving a claim is considered to be a period of up to 24
 * hours").
 *
 * Decisions a reader needs:
 * - "Within" is inclusive: a complaint resolved in exactly 24 h meets a 24 h target.
 * - The share's denominator is every complaint judged, and a complaint **still open** at the as-of instant
 *   (given as `null`) counts as **not** within the target, however young it is, so a growing backlog can
 *   never raise the share.
 * - A complaint's target is its priority's, else its category's, else the default (24 h): priority is the
 *   service level agreed with the customer, so it wins over the kind of problem.
 */
import { assert } from '../errors';

/** Default resolution target in hours. */
export const DEFAULT_TARGET_HOURS = 24;

/** Targets in hours; `byPriority` wins over `byCategory`, which wins over `defaultHours` (24). */
export interface ResolutionTargets {
  defaultHours?: number;
  byCategory?: Readonly<Record<string, number>>;
  byPriority?: Readonly<Record<string, number>>;
}

/** The target in hours of a complaint with `category` and `priority` (either may be null). */
export function targetHoursFor(
  targets: ResolutionTargets,
  category: string | null,
  priority: string | null,
): number {
  const byPriority = priority === null ? undefined : targets.byPriority?.[priority];
  const byCategory = category === null ? undefined : targets.byCategory?.[category];
  const hours = byPriority ?? byCategory ?? targets.defaultHours ?? DEFAULT_TARGET_HOURS;
  assert(Number.isFinite(hours) && hours > 0, `resolution target ${hours} h`);
  return hours;
}

/** True when a complaint resolved after `hours` (null: still open) meets `targetHours`. */
export function isWithinTarget(hours: number | null, targetHours: number): boolean {
  return hours !== null && hours <= targetHours;
}

/**
 * The headline "resolved within 24 h" share: of `hours` (resolution times in hours, `null` for a complaint
 * still open at the as-of instant), the fraction ≤ `targetHours` (default 24). Open complaints stay in the
 * denominator. Null when there are no complaints.
 */
export function shareWithinTarget(
  hours: readonly (number | null)[],
  targetHours = DEFAULT_TARGET_HOURS,
): number | null {
  return withinTargetShare(
    hours.filter((h): h is number => h !== null),
    hours.length,
    targetHours,
  );
}

/**
 * The same share from the resolution hours of the resolved complaints only and the number of all
 * complaints (open ones included), as a store returns them: within / `complaints`; null when 0.
 */
export function withinTargetShare(
  resolvedHours: ArrayLike<number>,
  complaints: number,
  targetHours = DEFAULT_TARGET_HOURS,
): number | null {
  assert(resolvedHours.length <= complaints, 'more resolution times than complaints');
  if (complaints === 0) return null;
  return countWithinTarget(resolvedHours, targetHours) / complaints;
}

/** How many of `resolvedHours` meet `targetHours` (inclusive). */
export function countWithinTarget(
  resolvedHours: ArrayLike<number>,
  targetHours = DEFAULT_TARGET_HOURS,
): number {
  let within = 0;
  for (let i = 0; i < resolvedHours.length; i++)
    if (isWithinTarget(resolvedHours[i]!, targetHours)) within += 1;
  return within;
}
