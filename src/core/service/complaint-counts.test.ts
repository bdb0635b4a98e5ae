import { describe, expect, it } from 'vitest';
import {
  outcomeShares,
  outcomes,
  rankCauseCounts,
  rankCauses,
  repeatComplainants,
  repeatFromHistogram,
  topCausesByGroup,
  type ComplaintFacts,
} from './complaint-causes';
import { countWithinTarget, shareWithinTarget, withinTargetShare } from './resolution-target';

const facts = (customerId: string, category: string | null): ComplaintFacts => ({
  customerId,
  category,
  outcome: null,
  satisfaction: null,
});

describe('complaint figures from counts', () => {
  it("lists each group's top causes with their share of the group's complaints", () => {
    // group 0: delivery 3, billing 2, none 2, quality 1 (8): top 3 are delivery 3/8, then billing and
    // uncategorised tied at 2/8, by name; group 1: none; group 2: quality 1 of 1
    const top = topCausesByGroup(
      [
        { group: 0, cause: 'billing', complaints: 2 },
        { group: 0, cause: 'delivery', complaints: 3 },
        { group: 0, cause: null, complaints: 2 },
        { group: 0, cause: 'quality', complaints: 1 },
        { group: 2, cause: 'quality', complaints: 1 },
      ],
      3,
    );
    expect(top).toEqual([
      [
        { cause: 'delivery', complaints: 3, share: 0.375 },
        { cause: 'billing', complaints: 2, share: 0.25 },
        { cause: 'uncategorised', complaints: 2, share: 0.25 },
      ],
      [],
      [{ cause: 'quality', complaints: 1, share: 1 }],
    ]);
    expect(topCausesByGroup([{ group: 0, cause: 'a', complaints: 1 }], 1, 0)).toEqual([[]]);
  });

  it('ranks causes counted per category as rankCauses ranks the complaints', () => {
    // delivery 3, billing 1 + 1 (two rows of one cause), none 1: 6 complaints
    const counted = rankCauseCounts([
      { cause: 'billing', complaints: 1 },
      { cause: 'delivery', complaints: 3 },
      { cause: null, complaints: 1 },
      { cause: 'billing', complaints: 1 },
      { cause: 'quality', complaints: 0 },
    ]);
    expect(counted.map((c) => [c.cause, c.complaints, c.cumulativeShare, c.vitalFew])).toEqual([
      ['delivery', 3, 3 / 6, true],
      ['billing', 2, 5 / 6, true],
      ['uncategorised', 1, 1, false],
    ]);
    const listed = [
      facts('a', 'delivery'),
      facts('b', 'billing'),
      facts('c', 'delivery'),
      facts('d', null),
      facts('e', 'billing'),
      facts('f', 'delivery'),
    ];
    expect(rankCauses(listed)).toEqual(counted);
  });

  it('finds repeat complainants from the histogram of complaints per customer', () => {
    // 3 customers with one complaint, 2 with two, 1 with four: 6 complainants, 3 repeat making 8 complaints
    const r = repeatFromHistogram([
      { complaints: 1, customers: 3 },
      { complaints: 2, customers: 2 },
      { complaints: 4, customers: 1 },
    ]);
    expect(r).toEqual({ complainants: 6, repeat: 3, repeatShare: 0.5, complaintsByRepeat: 8 });
    const listed = ['a', 'b', 'c', 'd', 'd', 'e', 'e', 'f', 'f', 'f', 'f'].map((c) => facts(c, null));
    expect(repeatComplainants(listed)).toEqual(r);
    expect(repeatFromHistogram([]).repeatShare).toBeNull();
  });

  it('gives the accepted share of decided outcomes from counts', () => {
    expect(outcomeShares({ accepted: 3, refused: 1, undecided: 5 }).acceptedShare).toBe(0.75);
    expect(outcomeShares({ accepted: 0, refused: 0, undecided: 2 }).acceptedShare).toBeNull();
    expect(outcomes([{ ...facts('a', null), outcome: 'refused' }])).toEqual({
      accepted: 0,
      refused: 1,
      undecided: 0,
      acceptedShare: 0,
    });
  });
});

describe('share within target from the resolved hours and the count of complaints', () => {
  it('equals shareWithinTarget with the open complaints as null', () => {
    // 10 and 24 h meet 24 h (inclusive), 25 h does not, one is open: 2 of 4
    expect(withinTargetShare(new Float64Array([10, 24, 25]), 4)).toBe(0.5);
    expect(shareWithinTarget([10, 24, 25, null])).toBe(0.5);
    expect(countWithinTarget([10, 24, 25], 25)).toBe(3);
    expect(withinTargetShare([], 0)).toBeNull();
    expect(() => withinTargetShare([1, 2], 1)).toThrow(/more resolution times than complaints/);
  });
});
