/**
 * Demo key accounts in the style of Ryals & Knox (2007): a B2B portfolio of 14–18 accounts (KA01…), each
 * with its manager, one or two scorecard assessments by that manager, a five-year forecast and its renewal
 * record. Each account has a latent relationship strength; the nine factors are drawn around it within the
 * paper's observed ranges (Table 2) until the scorecard probability lies in the observed 68–82 %.
 *
 * Forecast sizes follow Table 1: CLVs at a 12 % discount rate from about 150 k to 5 M kr. Two accounts are
 * built like the paper's C and J: weak relationships and costs plus claims close to revenue, so their CLV
 * turns negative once revenue is weighted by the retention probability. Past renewals: each account's
 * share of refusals is fixed from its probability p, spread wider than the scorecard (renewal rate
 * 0.75 + 2.5·(p − 0.75)), so stronger accounts clearly renewed more often and a calibration check finds the
 * scorecard right on average but too cautious: the slope a statistical estimate of the weights would fix.
 */
import { addMonths, fromEpochDay, toEpochDay, type IsoDay } from '../../core/dates';
import { assert } from '../../core/errors';
import { createRandom, integer, normal, uniform, type Random } from '../../core/random';
import { roundMoney, type Row } from './rows';
import { scorecardProbability, snapYears, type Factors } from './scorecard-steer';
import { ACCOUNT_MANAGERS, COMPANY_STEMS, COMPANY_TRADES } from './vocabulary';

const DISCOUNT_RATE = 0.12;
const FORECAST_YEARS = 5;
/** CLV at the discount rate of the smallest and largest account (Table 1: 157 k … 4.63 M) */
const MIN_CLV = 160_000;
const MAX_CLV = 4_600_000;
const PROBABILITY_RANGE = [0.68, 0.82] as const;
/** the weak accounts' probability must stay below their cost ratio for the adjusted CLV to turn negative */
const RISKY_PROBABILITY_MAX = 0.72;
/** how much more spread the observed renewal rates are than the scorecard's probabilities */
const RENEWAL_SLOPE = 2.5;

export interface KeyAccountRows {
  accounts: Row[];
  assessments: Row[];
  forecasts: Row[];
  renewals: Row[];
}

const clampRound = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, Math.round(x)));

function shuffled<T>(rng: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Factors drawn around strength `s` (0 weak … 1 strong), within the ranges of the paper's Table 2. */
function drawFactors(rng: Random, s: number): Factors {
  const subjective = (): number => clampRound(1 + 4 * s + normal(rng, 0, 0.9), 1, 5);
  const lines = [3, 3, 4, 4, 4, 4, 4, 6, 6, 10]; // Table 4: most accounts hold 4 lines
  const atCustomer = clampRound(2 + 4.5 * s ** 1.5 + normal(rng, 0, 0.8), 2, 8);
  return {
    otherRelationships: clampRound(3 * s + normal(rng, 0, 0.7), 0, 3),
    businessLines:
      lines[clampRound((s + normal(rng, 0, 0.2)) * lines.length - 0.5, 0, lines.length - 1)] ?? 4,
    relationshipYears: snapYears(0.5 + 15.5 * Math.min(1, Math.max(0, s + normal(rng, 0, 0.25))) ** 1.3),
    brokerRelationship: subjective(),
    relationshipQuality: subjective(),
    contactsAtCustomer: atCustomer,
    contactsAtCompany: clampRound(atCustomer + normal(rng, 0.3, 0.8), 3, 10),
    knowledgeOfCompany: subjective(),
    knowledgeOfIndustry: subjective(),
  };
}

/** Draws factors until their probability lies in `[lo, hi]`. */
function factorsWithin(rng: Random, s: number, lo: number, hi: number): Factors {
  for (let attempt = 0; attempt < 100_000; attempt++) {
    const f = drawFactors(rng, s);
    const p = scorecardProbability(f);
    if (p >= lo && p <= hi) return f;
  }
  assert(false, `no scorecard within ${lo}–${hi} for strength ${s}`);
}

/** The second assessment a year on: one more year, and a few scores moved by one step. */
function reassess(rng: Random, f: Factors, s: number, lo: number, hi: number): Factors {
  for (let attempt = 0; attempt < 100_000; attempt++) {
    const move = (x: number, lo: number, hi: number): number =>
      rng.next() < 0.3 ? clampRound(x + (rng.next() < 0.3 + 0.4 * s ? 1 : -1), lo, hi) : x;
    const next: Factors = {
      ...f,
      relationshipYears: snapYears(f.relationshipYears + 1),
      brokerRelationship: move(f.brokerRelationship, 1, 5),
      relationshipQuality: move(f.relationshipQuality, 1, 5),
      contactsAtCustomer: move(f.contactsAtCustomer, 2, 8),
      knowledgeOfCompany: move(f.knowledgeOfCompany, 1, 5),
    };
    const p = scorecardProbability(next);
    if (p >= lo && p <= hi) return next;
  }
  assert(false, `no second assessment within ${lo}–${hi}`);
}

function factorCells(f: Factors): Row {
  return [
    f.otherRelationships,
    f.businessLines,
    f.relationshipYears,
    f.brokerRelationship,
    f.relationshipQuality,
    f.contactsAtCustomer,
    f.contactsAtCompany,
    f.knowledgeOfCompany,
    f.knowledgeOfIndustry,
  ];
}

/** Five forecast years whose CLV at 12 % is about `clv`, with costs plus claims a share `costRatio` of revenue. */
function forecastRows(rng: Random, id: string, clv: number, costRatio: number): Row[] {
  const growth = uniform(rng, -0.02, 0.06);
  let factor = 0;
  for (let t = 1; t <= FORECAST_YEARS; t++) factor += (1 + growth) ** (t - 1) / (1 + DISCOUNT_RATE) ** t;
  const firstRevenue = clv / ((1 - costRatio) * factor);
  const serviceShare = uniform(rng, 0.25, 0.4); // the rest of the cost is claims, as at an insurer
  const rows: Row[] = [];
  for (let year = 1; year <= FORECAST_YEARS; year++) {
    const revenue = firstRevenue * (1 + growth) ** (year - 1) * (1 + normal(rng, 0, 0.02));
    const cost = revenue * costRatio;
    rows.push([
      id,
      year,
      roundMoney(revenue),
      roundMoney(cost * serviceShare),
      roundMoney(cost * (1 - serviceShare) * (1 + normal(rng, 0, 0.04))),
    ]);
  }
  return rows;
}

/** Annual renewals on the account's anniversary over its past years (at most eight). */
function renewalRows(rng: Random, id: string, years: number, p: number, end: IsoDay): Row[] {
  const anniversary = toEpochDay(end) - integer(rng, 20, 360);
  const count = Math.min(8, Math.floor(years));
  const rate = Math.min(0.95, Math.max(0.4, 0.75 + RENEWAL_SLOPE * (p - 0.75)));
  const refusals = new Set(shuffled(rng, [...Array(count).keys()]).slice(0, Math.round((1 - rate) * count)));
  const rows: Row[] = [];
  for (let k = count - 1; k >= 0; k--) {
    const due = addMonths(fromEpochDay(anniversary), -12 * k);
    rows.push([id, due, !refusals.has(k)]);
  }
  return rows;
}

/** All key-account rows of the demo (canonical column order). */
export function makeKeyAccounts(seed: number, end: IsoDay): KeyAccountRows {
  const rng = createRandom(seed, 'accounts');
  const count = integer(rng, 14, 18);
  const stems = shuffled(rng, COMPANY_STEMS);
  const trades = shuffled(rng, COMPANY_TRADES);
  const managers = shuffled(rng, ACCOUNT_MANAGERS);
  const risky = new Set(shuffled(rng, [...Array(count).keys()]).slice(0, 2));
  // the other accounts' CLVs spread evenly on a log scale over the paper's range, in random order
  const sizes = shuffled(
    rng,
    Array.from({ length: count - 2 }, (_, k) => MIN_CLV * (MAX_CLV / MIN_CLV) ** (k / (count - 3))),
  );
  const out: KeyAccountRows = { accounts: [], assessments: [], forecasts: [], renewals: [] };
  for (let i = 0; i < count; i++) {
    const id = `KA${String(i + 1).padStart(2, '0')}`;
    const manager = managers[i % managers.length] as string;
    const weak = risky.has(i);
    const s = weak ? uniform(rng, 0.1, 0.25) : uniform(rng, 0.3, 0.95);
    const [lo, hi] = [PROBABILITY_RANGE[0], weak ? RISKY_PROBABILITY_MAX : PROBABILITY_RANGE[1]];
    const first = factorsWithin(rng, s, lo, hi);
    const firstOn = addMonths(end, -12 - integer(rng, 0, 2));
    out.accounts.push([id, `${stems[i]} ${trades[i]}`, manager, null]);
    out.assessments.push([id, firstOn, manager, ...factorCells(first)]);
    let latest = first;
    if (rng.next() < 0.5) {
      latest = reassess(rng, first, s, lo, hi);
      const secondOn = addMonths(firstOn, 11 + integer(rng, 0, 1));
      out.assessments.push([id, secondOn, manager, ...factorCells(latest)]);
    }
    const clv = weak ? uniform(rng, 300_000, 480_000) : (sizes.pop() as number) * uniform(rng, 0.95, 1.05);
    const costRatio = weak ? uniform(rng, 0.8, 0.86) : uniform(rng, 0.45, 0.62);
    out.forecasts.push(...forecastRows(rng, id, clv, costRatio));
    out.renewals.push(...renewalRows(rng, id, latest.relationshipYears, scorecardProbability(latest), end));
  }
  return out;
}
