/**
 * A hand-computed loyalty-programme case: five members, one future member and five non-members, three-month
 * windows as of 2025-12-31, tiers A:50,B:50 (docs/metrics.md, "Loyalty-programme effect"; every figure is
 * worked out in test/conformance/programme.ts).
 */
export const PROGRAMME_OPTIONS = { asOf: '2025-12-31', window: '3', tiers: 'A:50,B:50' } as const;

export const PROGRAMME_CUSTOMERS = {
  columns: ['customer_id', 'acquired_on', 'member_since'],
  rows: [
    ['m1', null, '2025-06-10'],
    ['m2', null, '2025-06-20'],
    ['m3', null, '2025-11-15'], // joined too recently to be followed for three months after
    ['m4', null, '2025-06-05'], // first purchase after the before window starts: too little history
    ['m5', null, '2026-02-01'], // joins after the as-of day: a non-member on it
    ['m6', null, '2025-06-25'], // not active in the months before joining
    ['n1', null, null],
    ['n2', '2023-05-01', null], // acquired long before: another tenure band
    ['n3', null, null],
    ['n4', null, null],
    ['n5', null, null], // bought in June, like m1: m1's control
  ],
} as const;

export const PROGRAMME_TRANSACTIONS = {
  columns: ['order_id', 'customer_id', 'order_date', 'amount'],
  rows: [
    ['a1', 'm1', '2025-01-15', '100'],
    ['a2', 'm1', '2025-03-10', '100'],
    ['a3', 'm1', '2025-04-10', '100'],
    ['a4', 'm1', '2025-06-10', '50'], // the month of joining: in neither window
    ['a5', 'm1', '2025-07-05', '200'],
    ['a6', 'm1', '2025-08-05', '200'],
    ['a7', 'm1', '2025-09-05', '200'],
    ['a8', 'm1', '2025-10-10', '300'],
    ['a9', 'm1', '2025-11-10', '300'],
    ['b1', 'm2', '2024-06-01', '40'],
    ['b2', 'm2', '2025-04-01', '60'],
    ['b3', 'm2', '2025-08-01', '60'],
    ['b4', 'm2', '2025-09-01', '60'],
    ['b5', 'm2', '2025-12-01', '100'],
    ['c1', 'm3', '2025-10-01', '500'],
    ['d1', 'm4', '2025-04-01', '80'],
    ['d2', 'm4', '2025-07-01', '80'],
    ['e1', 'm5', '2025-01-05', '100'],
    ['e2', 'm5', '2025-10-05', '100'],
    ['f1', 'm6', '2024-12-15', '40'],
    ['f2', 'm6', '2025-09-15', '40'],
    ['g1', 'n1', '2025-02-01', '100'],
    ['g2', 'n1', '2025-03-20', '150'],
    ['g3', 'n1', '2025-05-20', '150'],
    ['g4', 'n1', '2025-08-20', '150'],
    ['g5', 'n1', '2025-10-20', '150'],
    ['g6', 'n1', '2025-10-25', '-40'], // a return: revenue, not a purchase
    ['h1', 'n2', '2025-04-15', '50'],
    ['i1', 'n3', '2025-08-01', '70'],
    ['i2', 'n3', '2025-11-01', '70'],
    ['j1', 'n4', '2025-01-20', '100'],
    ['j2', 'n4', '2025-04-20', '90'],
    ['k1', 'n5', '2025-01-25', '100'],
    ['k2', 'n5', '2025-04-25', '120'],
    ['k3', 'n5', '2025-06-15', '50'],
  ],
} as const;
