/**
 * The demo data set's options and the parameters of its generating model. The purchase process is BG/NBD
 * (Fader, Hardie & Lee 2005) and spend is Gamma-Gamma (Fader, Hardie & Lee 2005, "RFM and CLV"), so the
 * probabilistic models in the product can be checked against known true values; the parameters were tuned
 * so that the value tiers retain like the course example (about 89 / 81 / 65 / 52 %). docs/demo.md lists
 * what the defaults produce.
 */
import type { IsoDay } from '../../core/dates';

/** What a user chooses with `cvm demo`. */
export interface DemoOptions {
  /** customers in the customers file, i.e. everyone with at least one order in the order log */
  customers: number;
  seed: number;
  /** last day of the order log (the as-of day of the data) */
  end: IsoDay;
  /** length of the order log in years */
  years: number;
}

export const DEFAULT_DEMO_OPTIONS: DemoOptions = {
  customers: 100_000,
  seed: 42,
  end: '2025-12-31',
  years: 3,
};

/** Parameters of the generating model; symbols as in the papers. */
export interface DemoModel {
  /** purchase rate λ (purchases per year while alive) ~ Gamma(shape r, rate α) */
  r: number;
  alpha: number;
  /** dropout probability after each purchase p ~ Beta(a, b) */
  a: number;
  b: number;
  /** spend per purchase z ~ Gamma(shape p, rate ν) with ν ~ Gamma(shape q, rate γ): E[z | ν] = p / ν, in kr */
  spendP: number;
  spendQ: number;
  spendGamma: number;
  /** years of history simulated before the order log starts, so the initial base is in a steady state */
  burnInYears: number;
  /** yearly growth of the number of customers acquired per month */
  acquisitionGrowth: number;
  /** relative acquisition per calendar month, January first */
  acquisitionSeasonality: readonly number[];
  /** share of purchases partly or wholly returned */
  returnShare: number;
  /** probability that a purchase leads to a complaint */
  complaintRate: number;
  /** h: after a complaint the dropout probability is p + (1 − p)·h instead of p */
  complaintDropout: number;
  /** probability that a purchase is followed by an answered survey */
  surveyRate: number;
}

export const DEFAULT_MODEL: DemoModel = {
  r: 0.6,
  alpha: 0.28,
  a: 0.24,
  b: 2.6,
  spendP: 2.3,
  spendQ: 2.5,
  spendGamma: 620,
  burnInYears: 10,
  acquisitionGrowth: 0.03,
  acquisitionSeasonality: [1.25, 0.8, 0.9, 0.95, 1, 0.9, 0.8, 0.9, 1, 1.05, 1.2, 1.35],
  returnShare: 0.04,
  complaintRate: 0.016,
  complaintDropout: 0.35,
  surveyRate: 0.06,
};
