/**
 * Do complainants stay? (docs/domain.md, "Service and satisfaction KPIs": "retention of complainants vs
 * non-complainants … per value tier"). Of the customers active in the previous window, those with a complaint
 * opened in it (complainants) and the others; retention = share active again in the current window, per
 * previous-window value tier and in total, with the pooled two-proportion z-test of the difference
 * (complainants − others; change-test.ts).
 *
 * The decision a reader needs: a complainant who was not active in the previous window (complained without
 * buying) is not in the base, as in every retention figure; the groups never overlap.
 */
import { proportionChange, undefinedTest, type ChangeTest } from '../kpi/change-test';

/** Customers of a previous-window tier and group (complained or not), and how many were retained. */
export interface RetentionCount {
  /** index of the previous-window tier, 0 = highest */
  tier: number;
  complained: boolean;
  customers: number;
  retained: number;
}

export interface GroupRetention {
  customers: number;
  retained: number;
  /** retained / customers; null without customers */
  retention: number | null;
}

export interface ComplainantRetention {
  complainants: GroupRetention;
  others: GroupRetention;
  /** complainants' retention − the others'; null when either is undefined */
  difference: number | null;
  /** is the difference more than noise (5 %, two-sided)? */
  test: ChangeTest;
}

function group(customers: number, retained: number): GroupRetention {
  return { customers, retained, retention: customers === 0 ? null : retained / customers };
}

function compare(rows: readonly RetentionCount[]): ComplainantRetention {
  const sum = (complained: boolean, key: 'customers' | 'retained'): number =>
    rows.filter((r) => r.complained === complained).reduce((s, r) => s + r[key], 0);
  const complainants = group(sum(true, 'customers'), sum(true, 'retained'));
  const others = group(sum(false, 'customers'), sum(false, 'retained'));
  return {
    complainants,
    others,
    difference:
      complainants.retention === null || others.retention === null
        ? null
        : complainants.retention - others.retention,
    test:
      complainants.customers === 0 || others.customers === 0
        ? undefinedTest(null, null, 'difference undefined: a group has no customers')
        : proportionChange(others.retained, others.customers, complainants.retained, complainants.customers),
  };
}

/** Complainants against the others, per tier (`tierCount` tiers, empty ones included) and in total. */
export function complainantRetention(
  counts: readonly RetentionCount[],
  tierCount: number,
): { tiers: ComplainantRetention[]; total: ComplainantRetention } {
  return {
    tiers: Array.from({ length: tierCount }, (_, k) => compare(counts.filter((c) => c.tier === k))),
    total: compare(counts),
  };
}
