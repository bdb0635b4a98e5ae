/**
 * What complaints are about and who makes them (docs/domain.md, "Service and satisfaction KPIs"; seed 001:
 * "analysis of the reasons for the occurrence of complaints"): causes ranked with their cumulative share
 * (a Pareto table), repeat complainants, accepted vs refused, and satisfaction after resolution.
 *
 * Decisions a reader needs: causes are the complaint `category`; a complaint without one is counted under
 * "uncategorised". Causes rank by count descending, ties by name, so the table is the same for any row
 * order. A cause is in the **vital few** when the causes ranked above it hold less than 80 % of the
 * complaints, i.e. the smallest top group reaching 80 %.
 */

/** The fields these figures read from a complaint. */
export interface ComplaintFacts {
  customerId: string;
  category: string | null;
  outcome: 'accepted' | 'refused' | null;
  /** 1–5 after resolution, or null */
  satisfaction: number | null;
}

/** The name under which complaints without a category are counted. */
export const UNCATEGORISED = 'uncategorised';

/** One cause in the Pareto table; shares are fractions of all complaints. */
export interface CauseRow {
  cause: string;
  complaints: number;
  share: number;
  /** share of this cause and all ranked above it */
  cumulativeShare: number;
  /** true while the causes above it hold less than 80 % */
  vitalFew: boolean;
}

/** Causes of `complaints` ranked by count (ties by name) with cumulative shares; empty without complaints. */
export function rankCauses(complaints: readonly ComplaintFacts[]): CauseRow[] {
  const counts = new Map<string, number>();
  for (const c of complaints) {
    const cause = c.category ?? UNCATEGORISED;
    counts.set(cause, (counts.get(cause) ?? 0) + 1);
  }
  return rankCauseCounts([...counts].map(([cause, n]) => ({ cause, complaints: n })));
}

/** Complaints counted per cause (what a store's `GROUP BY category` returns); a null cause is uncategorised. */
export interface CauseCount {
  cause: string | null;
  complaints: number;
}

/** The Pareto table of complaints already counted per cause; same rules as `rankCauses`. */
export function rankCauseCounts(counted: readonly CauseCount[]): CauseRow[] {
  const counts = new Map<string, number>();
  for (const c of counted) {
    const cause = c.cause ?? UNCATEGORISED;
    counts.set(cause, (counts.get(cause) ?? 0) + c.complaints);
  }
  const total = [...counts.values()].reduce((s, n) => s + n, 0);
  const ranked = [...counts]
    .filter(([, n]) => n > 0)
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0));
  let above = 0;
  return ranked.map(([cause, n]) => {
    const row = {
      cause,
      complaints: n,
      share: n / total,
      cumulativeShare: (above + n) / total,
      vitalFew: above / total < 0.8,
    };
    above += n;
    return row;
  });
}

/** Complainants and those with two or more complaints. */
export interface RepeatComplainants {
  /** distinct customers with a complaint */
  complainants: number;
  /** customers with ≥ 2 complaints */
  repeat: number;
  /** repeat / complainants; null without complainants */
  repeatShare: number | null;
  /** complaints made by repeat complainants */
  complaintsByRepeat: number;
}

/** Distinct complainants and repeat complainants (≥ 2 complaints) among `complaints`. */
export function repeatComplainants(complaints: readonly ComplaintFacts[]): RepeatComplainants {
  const byCustomer = new Map<string, number>();
  for (const c of complaints) byCustomer.set(c.customerId, (byCustomer.get(c.customerId) ?? 0) + 1);
  const histogram = new Map<number, number>();
  for (const n of byCustomer.values()) histogram.set(n, (histogram.get(n) ?? 0) + 1);
  return repeatFromHistogram([...histogram].map(([complaints, customers]) => ({ complaints, customers })));
}

/** How many customers made exactly `complaints` complaints (a histogram a store's SQL returns). */
export interface ComplaintsPerCustomer {
  complaints: number;
  customers: number;
}

/** Repeat complainants from the histogram of complaints per customer; same figures as `repeatComplainants`. */
export function repeatFromHistogram(histogram: readonly ComplaintsPerCustomer[]): RepeatComplainants {
  let complainants = 0;
  let repeat = 0;
  let complaintsByRepeat = 0;
  for (const h of histogram) {
    if (h.complaints < 1) continue;
    complainants += h.customers;
    if (h.complaints >= 2) {
      repeat += h.customers;
      complaintsByRepeat += h.complaints * h.customers;
    }
  }
  return {
    complainants,
    repeat,
    repeatShare: complainants === 0 ? null : repeat / complainants,
    complaintsByRepeat,
  };
}

/** Decided outcomes: accepted vs refused; undecided ones are counted apart. */
export interface Outcomes {
  accepted: number;
  refused: number;
  undecided: number;
  /** accepted / (accepted + refused); null when none is decided */
  acceptedShare: number | null;
}

/** Accepted, refused and undecided complaints. */
export function outcomes(complaints: readonly ComplaintFacts[]): Outcomes {
  const accepted = complaints.filter((c) => c.outcome === 'accepted').length;
  const refused = complaints.filter((c) => c.outcome === 'refused').length;
  return outcomeShares({ accepted, refused, undecided: complaints.length - accepted - refused });
}

/** Outcomes from counts: adds `acceptedShare` = accepted / (accepted + refused), null when none is decided. */
export function outcomeShares(counts: { accepted: number; refused: number; undecided: number }): Outcomes {
  const decided = counts.accepted + counts.refused;
  return { ...counts, acceptedShare: decided === 0 ? null : counts.accepted / decided };
}

/** Mean 1–5 satisfaction of `resolved` complaints that carry a score, and how many did; null mean when none. */
export function satisfactionAfterResolution(resolved: readonly ComplaintFacts[]): {
  n: number;
  mean: number | null;
} {
  const scores = resolved.flatMap((c) => (c.satisfaction === null ? [] : [c.satisfaction]));
  return {
    n: scores.length,
    mean: scores.length === 0 ? null : scores.reduce((s, v) => s + v, 0) / scores.length,
  };
}

/** How many causes each value tier lists in the service report's per-tier table. */
export const TOP_CAUSES_PER_TIER = 3;

/** Complaints counted per group (value tier) and cause; a null cause is uncategorised. */
export interface GroupCauseCount extends CauseCount {
  group: number;
}

/** One of a group's top causes; `share` is a fraction of the group's complaints. */
export interface GroupCause {
  cause: string;
  complaints: number;
  share: number;
}

/**
 * Each group's (0 … groups − 1) `top` causes ranked as `rankCauseCounts` ranks them (count descending,
 * ties by name), with the share of the group's own complaints; an empty list for a group without any.
 */
export function topCausesByGroup(
  counted: readonly GroupCauseCount[],
  groups: number,
  top: number = TOP_CAUSES_PER_TIER,
): GroupCause[][] {
  return Array.from({ length: groups }, (_, g) =>
    rankCauseCounts(counted.filter((c) => c.group === g))
      .slice(0, top)
      .map((c) => ({ cause: c.cause, complaints: c.complaints, share: c.share })),
  );
}
