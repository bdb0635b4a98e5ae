/**
 * The per-customer pass of the loyalty-programme effect (docs/metrics.md, "Loyalty-programme effect"): from
 * every customer's transactions as typed columns, the naive sums per tier × side and the before / after cells
 * that `programmeEffect` turns into figures. Both stores hand over the same columns, so the tier thresholds,
 * the matching and the cells are computed once, here.
 *
 * Money arrives in exact integer minor units (cents) held in doubles; every sum stays an exact integer below
 * 2^53 and is divided by 100 once, at the end, so no figure depends on the order customers arrive in.
 *
 * Tiers: a customer's competition rank is within the cut-off c exactly when its value is at least the c-th
 * highest value of the ranked customers, so each tier's threshold is found by selection (no sort, no ranks)
 * and a value compared with the thresholds gives the tier of its rank (tiers.ts, `tierOfRank`).
 */
import { assert } from '../errors';
import { toEpochDay, type IsoDay, type Window } from '../dates';
import {
  joinMonthComplete,
  joinWindows,
  monthIndex,
  TENURE_BANDS,
  type JoinCell,
  type JoinLeftOut,
  type NaiveSums,
} from './programme';
import { tierCutoffs, type Tier } from './tiers';

/** Every customer (one row each, any order) and its transactions, as the store reads them. */
export interface ProgrammeCustomers {
  /** the epoch day the customer is known from (first purchase on or before the as-of day, or acquired_on when earlier); NaN for neither */
  since: Float64Array;
  /** the epoch day of `member_since`; NaN without one */
  joined: Float64Array;
  /** customer i's transactions are entries starts[i] … starts[i + 1] − 1 of the columns below */
  starts: Int32Array;
  /** every transaction after `ProgrammeSpec.from` up to the as-of day: epoch day */
  day: Float64Array;
  /** amount in minor units (an exact integer; < 0 is a return, ≥ 0 a purchase) */
  amount: Float64Array;
  /** the value that ranks, in minor units: the amount, or the margin (a missing margin as 0) */
  value: Float64Array;
  /** per customer: its transactions in the previous and current windows without a margin */
  withoutMargin: Float64Array;
}

export interface ProgrammeSpec {
  asOf: IsoDay;
  current: Window;
  previous: Window;
  windowMonths: number;
  tiers: readonly Tier[];
  /** the transactions handed over are every one dated after this day (and on or before the as-of day) */
  from: IsoDay;
}

export interface ProgrammeSums {
  naive: NaiveSums;
  /** ordered by month of joining, tier (not active last), tenure band, bought in the month, side */
  cells: JoinCell[];
  leftOut: JoinLeftOut;
  /** customers with member_since on or before the as-of day, and after it */
  members: number;
  joinedAfterAsOf: number;
  /** transactions in the previous and current windows of the customers with a purchase there, and of them without a margin */
  transactions: number;
  missingMargin: number;
}

/** The first day of month index `m` as an epoch day. */
function monthStartDay(m: number): number {
  const year = Math.floor(m / 12);
  return Math.round(Date.UTC(year, m - year * 12, 1) / 86_400_000);
}

/**
 * The day after which the store hands over transactions: the start of the previous window, or of the pre
 * window of the first month of joining that can be followed (`firstMemberSince`: the earliest member_since
 * on or before the as-of day), when earlier.
 */
export function programmeScanFrom(
  previous: Window,
  windowMonths: number,
  asOf: IsoDay,
  firstMemberSince: IsoDay | null,
): IsoDay {
  if (firstMemberSince === null) return previous.startExclusive;
  const m = monthIndex(firstMemberSince);
  if (!joinMonthComplete(m, windowMonths, asOf)) return previous.startExclusive;
  const pre = joinWindows(m, windowMonths).pre.startExclusive;
  return pre < previous.startExclusive ? pre : previous.startExclusive;
}

/** The month index (year × 12 + month − 1) of an epoch day, by the civil calendar's arithmetic. */
export function monthIndexOfEpochDay(day: number): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9; // 1 … 12
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year * 12 + month - 1;
}

/**
 * A prefix sum of one customer's month sums at month offset x (the sum of the months before x), when the
 * customer's months are lo … hi and X holds the prefix sums at lo + 1 … hi + 1: 0 up to lo, the total after hi.
 */
function prefix(X: Float64Array, x: number, lo: number, hi: number): number {
  return x <= lo ? 0 : x > hi ? (X[hi + 1] as number) : (X[x] as number);
}

/**
 * Rearranges a[lo … hi] so that a[k] holds the value a sort ascending would put there, with nothing
 * greater before it and nothing smaller after it (Floyd and Rivest's selection: a sample narrows the range
 * first, so a search costs about 1.5 comparisons per value).
 */
function select(a: Float64Array, lo: number, hi: number, k: number): void {
  let left = lo;
  let right = hi;
  while (right > left) {
    if (right - left > 600) {
      const n = right - left + 1;
      const i = k - left + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (i - n / 2 < 0 ? -1 : 1);
      select(
        a,
        Math.max(left, Math.floor(k - (i * s) / n + sd)),
        Math.min(right, Math.floor(k + ((n - i) * s) / n + sd)),
        k,
      );
    }
    const t = a[k] as number;
    let i = left;
    let j = right;
    swap(a, left, k);
    if ((a[right] as number) > t) swap(a, left, right);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while ((a[i] as number) < t) i++;
      while ((a[j] as number) > t) j--;
    }
    if (a[left] === t) swap(a, left, j);
    else {
      j++;
      swap(a, j, right);
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i] as number;
  a[i] = a[j] as number;
  a[j] = t;
}

/**
 * The tier thresholds of `n` ranked values (reordered in place): for each tier but the last, the value at its
 * cut-off rank (the c-th highest), or null when the cut-off is 0 (the tier is empty).
 */
export function tierThresholds(values: Float64Array, n: number, tiers: readonly Tier[]): (number | null)[] {
  const cuts = tierCutoffs(n, tiers).slice(0, -1);
  const out: (number | null)[] = cuts.map(() => null);
  // the c-th highest is at n − c ascending; from the largest cut-off down, each search stays above the last
  let lo = 0;
  for (let k = cuts.length - 1; k >= 0; k--) {
    const c = cuts[k] as number;
    if (c === 0) continue;
    const at = n - c;
    select(values, lo, n - 1, at);
    out[k] = values[at] as number;
    lo = at;
  }
  return out;
}

/** The tier (0 = highest) of `value` under `thresholds`; the last tier when no threshold is reached. */
function tierOf(value: number, thresholds: readonly (number | null)[]): number {
  for (let k = 0; k < thresholds.length; k++) {
    const t = thresholds[k];
    if (t !== null && t !== undefined && value >= t) return k;
  }
  return thresholds.length;
}

const FIELDS = 9; // customers, bp, brev, ap, arev, apre, abefore, prebefore, beforeafter

/** The naive sums, the cells and the members left out, from every customer's transactions. */
export function programmeSums(data: ProgrammeCustomers, spec: ProgrammeSpec): ProgrammeSums {
  const w = spec.windowMonths;
  const n = data.since.length;
  assert(
    data.joined.length === n && data.withoutMargin.length === n && data.starts.length === n + 1,
    'programme columns',
  );
  // the columns as locals: the loops below read them millions of times
  const { starts, withoutMargin } = data;
  const txDay = data.day;
  const txAmount = data.amount;
  const txValue = data.value;
  const sinceDay = data.since;
  const joinedDay = data.joined;
  const tierCount = spec.tiers.length;
  const asOfDay = toEpochDay(spec.asOf);
  const fromDay = toEpochDay(spec.from);
  const prevDay = toEpochDay(spec.previous.startExclusive);
  const curDay = toEpochDay(spec.current.startExclusive);
  assert(fromDay <= prevDay, `transactions from ${spec.from} miss the previous window`);

  // members, and the months of joining whose after window has ended
  const asOfMonth = monthIndex(spec.asOf);
  const lastComplete = joinMonthComplete(asOfMonth - w, w, spec.asOf) ? asOfMonth - w : asOfMonth - w - 1;
  // the month index of an epoch day
  const monthOfDay = (d: number): number => monthIndexOfEpochDay(d);
  let members = 0;
  let joinedAfterAsOf = 0;
  let tooRecent = 0;
  const joinMonth = new Float64Array(n).fill(NaN);
  const monthSet = new Set<number>();
  for (let i = 0; i < n; i++) {
    const j = joinedDay[i] as number;
    if (Number.isNaN(j)) continue;
    if (j > asOfDay) {
      joinedAfterAsOf++;
      continue;
    }
    members++;
    const m = monthOfDay(j);
    if (m > lastComplete) tooRecent++;
    else {
      joinMonth[i] = m;
      monthSet.add(m);
    }
  }
  const months = [...monthSet].sort((a, b) => a - b);
  const K = months.length;
  const firstMonth = months[0] ?? 0;
  const m0 = firstMonth - 2 * w; // the first month of the month sums
  const m1 = (months[K - 1] ?? 0) + w; // and the last
  const L = K === 0 ? 0 : m1 - m0 + 1;
  if (K > 0) assert(fromDay < monthStartDay(m0), `transactions from ${spec.from} miss month ${m0}`);
  // the month of each transaction day from fromDay + 1 on, by a table
  const dayMonth = new Int32Array(Math.max(0, asOfDay - fromDay));
  if (K > 0) {
    let m = monthOfDay(fromDay + 1);
    let next = monthStartDay(m + 1);
    for (let d = fromDay + 1; d <= asOfDay; d++) {
      if (d >= next) {
        m++;
        next = monthStartDay(m + 1);
      }
      dayMonth[d - fromDay - 1] = m - m0;
    }
  }
  const kOfMonth = new Int32Array(L).fill(-1);
  months.forEach((m, k) => (kOfMonth[m - m0] = k));
  // per month of joining: the history day (the before window's first day), the day after the after window
  const hday = months.map((m) => monthStartDay(m - w));
  const afterEnd = months.map((m) => monthStartDay(m + w + 1)); // a control joins on or after this, or never

  // month sums of one customer (offsets from m0) as prefix sums over the months it has (span[0] … span[1])
  const mp = new Float64Array(L);
  const mr = new Float64Array(L);
  const mv = new Float64Array(L);
  const P = new Float64Array(L + 1);
  const R = new Float64Array(L + 1);
  const V = new Float64Array(L + 1);
  const span = new Int32Array(2);
  // each transaction's month offset (−1 outside the months) and naive window (1 previous, 2 current), once
  const txMonth = new Int32Array(txDay.length);
  const txSide = new Uint8Array(txDay.length);
  for (let t = 0; t < txMonth.length; t++) {
    const d = txDay[t] as number;
    txSide[t] = d <= prevDay || d > asOfDay ? 0 : d > curDay ? 2 : 1;
    const x = d - fromDay - 1;
    const idx = K === 0 || x < 0 || x >= dayMonth.length ? -1 : (dayMonth[x] as number);
    txMonth[t] = idx < 0 || idx >= L ? -1 : idx;
  }
  // kFrom[x]: the first month of joining at month offset x or later
  const kFrom = new Int32Array(L + 1);
  for (let x = L, k = K; x >= 0; x--) {
    while (k > 0 && (months[k - 1] as number) - m0 >= x) k--;
    kFrom[x] = k;
  }
  const kAt = (x: number): number => (x <= 0 ? 0 : x >= L ? K : (kFrom[x] as number));
  /** Sums one customer's transactions into P, R and V; false when none falls in the months. */
  const monthSums = (s: number, e: number): boolean => {
    let lo = L;
    let hi = -1;
    for (let t = s; t < e; t++) {
      const idx = txMonth[t] as number;
      if (idx < 0) continue;
      const a = txAmount[t] as number;
      if (a >= 0) mp[idx] = (mp[idx] as number) + 1;
      mr[idx] = (mr[idx] as number) + a;
      mv[idx] = (mv[idx] as number) + (txValue[t] as number);
      if (idx < lo) lo = idx;
      if (idx > hi) hi = idx;
    }
    return prefixSums(lo, hi);
  };
  /** Prefix sums P, R and V over the month sums lo … hi (then cleared); false when there are none. */
  const prefixSums = (lo: number, hi: number): boolean => {
    if (hi < 0) return false;
    let p = 0;
    let r = 0;
    let v = 0;
    for (let idx = lo; idx <= hi; idx++) {
      p += mp[idx] as number;
      r += mr[idx] as number;
      v += mv[idx] as number;
      P[idx + 1] = p;
      R[idx + 1] = r;
      V[idx + 1] = v;
      mp[idx] = 0;
      mr[idx] = 0;
      mv[idx] = 0;
    }
    span[0] = lo;
    span[1] = hi;
    return true;
  };

  // pass 1: the naive sums per customer, and the before-window values of every customer active there
  const cp = new Float64Array(n);
  const crev = new Float64Array(n);
  const cv = new Float64Array(n);
  const pp = new Float64Array(n);
  const pv = new Float64Array(n);
  let nCurrent = 0;
  let nPrevious = 0;
  let transactions = 0;
  let missingMargin = 0;
  // per month of joining, the before-window values of the customers active in it
  const ranked = months.map(() => new Float64Array(1024));
  const rankedCount = new Int32Array(K);
  for (let i = 0; i < n; i++) {
    const s = starts[i] as number;
    const e = starts[i + 1] as number;
    let c = 0;
    let r = 0;
    let v = 0;
    let q = 0;
    let u = 0;
    let inWindows = 0;
    let lo = L;
    let hi = -1;
    // the naive windows and the month sums in one loop
    for (let t = s; t < e; t++) {
      const side = txSide[t] as number;
      const idx = txMonth[t] as number;
      if (side === 0 && idx < 0) continue;
      const a = txAmount[t] as number;
      const value = txValue[t] as number;
      if (side === 2) {
        inWindows++;
        if (a >= 0) c++;
        r += a;
        v += value;
      } else if (side === 1) {
        inWindows++;
        if (a >= 0) q++;
        u += value;
      }
      if (idx >= 0) {
        if (a >= 0) mp[idx] = (mp[idx] as number) + 1;
        mr[idx] = (mr[idx] as number) + a;
        mv[idx] = (mv[idx] as number) + value;
        if (idx < lo) lo = idx;
        if (idx > hi) hi = idx;
      }
    }
    cp[i] = c;
    crev[i] = r;
    cv[i] = v;
    pp[i] = q;
    pv[i] = u;
    if (c > 0) nCurrent++;
    if (q > 0) nPrevious++;
    if (c > 0 || q > 0) {
      transactions += inWindows;
      missingMargin += withoutMargin[i] as number;
    }
    if (!prefixSums(lo, hi)) continue;
    // the months of joining whose before window (at − w … at − 1) meets the months lo … hi
    const kEnd = kAt(hi + w + 1);
    for (let k = kAt(lo + 1); k < kEnd; k++) {
      const at = (months[k] as number) - m0;
      if (prefix(P, at, lo, hi) === prefix(P, at - w, lo, hi)) continue; // no purchase in it
      let list = ranked[k] as Float64Array;
      const count = rankedCount[k] as number;
      if (count === list.length) {
        const grown = new Float64Array(list.length * 2);
        grown.set(list);
        list = ranked[k] = grown;
      }
      list[count] = prefix(V, at, lo, hi) - prefix(V, at - w, lo, hi);
      rankedCount[k] = count + 1;
    }
  }

  // the naive comparison: thresholds of both windows, then sums per tier × side
  const currentValues = new Float64Array(nCurrent);
  const previousValues = new Float64Array(nPrevious);
  for (let i = 0, a = 0, b = 0; i < n; i++) {
    if ((cp[i] as number) > 0) currentValues[a++] = cv[i] as number;
    if ((pp[i] as number) > 0) previousValues[b++] = pv[i] as number;
  }
  const currentCuts = tierThresholds(currentValues, nCurrent, spec.tiers);
  const previousCuts = tierThresholds(previousValues, nPrevious, spec.tiers);
  // per tier × side (0 non-member, 1 member): customers, purchases, revenue; previous, retained
  const cur = new Float64Array(tierCount * 2 * 3);
  const ret = new Float64Array(tierCount * 2 * 2);
  for (let i = 0; i < n; i++) {
    const member = (joinedDay[i] as number) <= asOfDay ? 1 : 0;
    if ((cp[i] as number) > 0) {
      const at = (tierOf(cv[i] as number, currentCuts) * 2 + member) * 3;
      cur[at] = (cur[at] as number) + 1;
      cur[at + 1] = (cur[at + 1] as number) + (cp[i] as number);
      cur[at + 2] = (cur[at + 2] as number) + (crev[i] as number);
    }
    if ((pp[i] as number) > 0) {
      const at = (tierOf(pv[i] as number, previousCuts) * 2 + member) * 2;
      ret[at] = (ret[at] as number) + 1;
      if ((cp[i] as number) > 0) ret[at + 1] = (ret[at + 1] as number) + 1;
    }
  }
  const group = (t: number, side: number) => {
    const at = (t * 2 + side) * 3;
    return {
      customers: cur[at] as number,
      purchases: cur[at + 1] as number,
      revenue: (cur[at + 2] as number) / 100,
    };
  };
  const retention = (t: number, side: number) => {
    const at = (t * 2 + side) * 2;
    return { previous: ret[at] as number, retained: ret[at + 1] as number };
  };
  const naive: NaiveSums = {
    current: spec.tiers.map((_, t) => ({ members: group(t, 1), nonMembers: group(t, 0) })),
    retention: spec.tiers.map((_, t) => ({ members: retention(t, 1), nonMembers: retention(t, 0) })),
  };
  const counts = { members, joinedAfterAsOf, transactions, missingMargin };
  if (K === 0) return { naive, cells: [], leftOut: { tooRecent, shortHistory: 0 }, ...counts };

  // thresholds of the before windows
  const thresholds = ranked.map((r, k) => tierThresholds(r, rankedCount[k] as number, spec.tiers));

  // pass 2: every customer known on a month's history day that joined in it (member) or had not joined by
  // the end of its after window (control), into its cell: month × tier × band × bought in month × side
  const slots = tierCount + 1;
  const bands = TENURE_BANDS.length;
  const bandFrom = TENURE_BANDS.map((b) => b.fromDays);
  const acc = new Float64Array(K * slots * bands * 4 * FIELDS);
  let shortHistory = 0;
  for (let i = 0; i < n; i++) {
    const since = sinceDay[i] as number;
    const joined = joinedDay[i] as number;
    const jm = joinMonth[i] as number;
    const kJoin = Number.isNaN(jm) ? -1 : (kOfMonth[jm - m0] as number);
    if (kJoin >= 0 && !(since <= (hday[kJoin] as number))) shortHistory++; // NaN since: never known
    // the history days grow with the month: skip the months the customer was not yet known on
    let kFirst = 0;
    while (kFirst < K && !(since <= (hday[kFirst] as number))) kFirst++; // NaN since: never known
    if (kFirst === K) continue;
    const s = starts[i] as number;
    const e = starts[i + 1] as number;
    const active = monthSums(s, e);
    const lo = span[0] as number;
    const hi = span[1] as number;
    for (let k = kFirst; k < K; k++) {
      const h = hday[k] as number;
      let member = 0;
      if (k === kJoin) member = 1;
      else if (!Number.isNaN(joined) && joined < (afterEnd[k] as number)) continue; // neither side
      const tenure = h - since;
      let band = 0;
      for (let b = 1; b < bands; b++) if (tenure >= (bandFrom[b] as number)) band = b;
      let cell: number;
      const at = (months[k] as number) - m0;
      // no month of pre, before, the month of joining or after: not active, nothing to sum
      if (!active || at - 2 * w > hi || at + w < lo)
        cell = ((k * slots + tierCount) * bands + band) * 4 + member;
      else {
        // month offsets: pre at − 2w … at − w − 1, before at − w … at − 1, joining at, after at + 1 … at + w
        const p0 = prefix(P, at - 2 * w, lo, hi);
        const p1 = prefix(P, at - w, lo, hi);
        const p2 = prefix(P, at, lo, hi);
        const p3 = prefix(P, at + 1, lo, hi);
        const p4 = prefix(P, at + w + 1, lo, hi);
        const prep = p1 - p0;
        const bp = p2 - p1;
        const jp = p3 - p2;
        const ap = p4 - p3;
        const tier =
          bp > 0
            ? tierOf(prefix(V, at, lo, hi) - prefix(V, at - w, lo, hi), thresholds[k] as (number | null)[])
            : tierCount;
        cell = ((k * slots + tier) * bands + band) * 4 + (jp > 0 ? 2 : 0) + member;
        const o = cell * FIELDS;
        acc[o + 1] = (acc[o + 1] as number) + bp;
        acc[o + 2] = (acc[o + 2] as number) + prefix(R, at, lo, hi) - prefix(R, at - w, lo, hi);
        acc[o + 3] = (acc[o + 3] as number) + ap;
        acc[o + 4] = (acc[o + 4] as number) + prefix(R, at + w + 1, lo, hi) - prefix(R, at + 1, lo, hi);
        if (prep > 0) acc[o + 5] = (acc[o + 5] as number) + 1;
        if (bp > 0) acc[o + 6] = (acc[o + 6] as number) + 1;
        if (prep > 0 && bp > 0) acc[o + 7] = (acc[o + 7] as number) + 1;
        if (bp > 0 && ap > 0) acc[o + 8] = (acc[o + 8] as number) + 1;
      }
      acc[cell * FIELDS] = (acc[cell * FIELDS] as number) + 1;
    }
  }
  const cells: JoinCell[] = [];
  for (let cell = 0; cell * FIELDS < acc.length; cell++) {
    const o = cell * FIELDS;
    if (acc[o] === 0) continue;
    const member = cell % 2;
    const bought = (cell >> 1) % 2;
    const band = Math.floor(cell / 4) % bands;
    const slot = Math.floor(cell / (4 * bands)) % slots;
    const k = Math.floor(cell / (4 * bands * slots));
    cells.push({
      month: months[k] as number,
      tier: slot === tierCount ? null : slot,
      band,
      boughtInMonth: bought === 1,
      member: member === 1,
      customers: acc[o] as number,
      beforePurchases: acc[o + 1] as number,
      beforeRevenue: (acc[o + 2] as number) / 100,
      afterPurchases: acc[o + 3] as number,
      afterRevenue: (acc[o + 4] as number) / 100,
      activePre: acc[o + 5] as number,
      activeBefore: acc[o + 6] as number,
      preAndBefore: acc[o + 7] as number,
      beforeAndAfter: acc[o + 8] as number,
    });
  }
  return { naive, cells, leftOut: { tooRecent, shortHistory }, ...counts };
}
