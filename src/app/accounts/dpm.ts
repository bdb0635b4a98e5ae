/**
 * `accounts dpm`: the directional policy matrix of the key accounts (Ryals & Knox 2007, after McDonald):
 * attractiveness = a risk-counted CLV (probability-adjusted by default), strength = the relationship's
 * strength (the retention probability by default), split at the portfolio medians into strategic,
 * develop, maintain and streamline. The points a scatter chart plots, with the splits as its cross lines.
 */
import {
  directionalPolicyMatrix,
  type DpmAttractiveness,
  type DpmQuadrant,
  type DpmStrength,
} from '../../core/accounts/dpm';
import { valuePortfolio } from '../../core/accounts/portfolio';
import type { IsoDay } from '../../core/dates';
import type { KeyAccountsPort } from '../../data/accounts/types';
import type { DpmInput } from '../options/accounts';
import { loadPortfolio } from './portfolio';
import { msg, type Message } from '../../core/messages/catalogue';

export interface DpmPointJson {
  account: string;
  name: string;
  /** major currency units */
  attractiveness: number | null;
  /** 0–1 */
  strength: number | null;
  quadrant: DpmQuadrant | null;
}

export interface DpmReport {
  asOf: IsoDay;
  attractiveness: DpmAttractiveness;
  strength: DpmStrength;
  /** the portfolio medians the quadrants are cut at; null without accounts */
  splits: { attractiveness: number | null; strength: number | null };
  points: DpmPointJson[];
  /** accounts per quadrant */
  quadrants: Record<DpmQuadrant, number>;
  notes: Message[];
}

export async function dpmReport(port: KeyAccountsPort, input: DpmInput): Promise<DpmReport> {
  const { asOf, scorecard, accounts, notes } = await loadPortfolio(port, input);
  const def = scorecard.scorecard;
  const table = valuePortfolio(def, accounts, { discountRate: input.discountRate, wacc: input.wacc });
  const dpm = directionalPolicyMatrix(def, table.rows, accounts, {
    attractiveness: input.attractiveness,
    strength: input.strength,
  });
  const names = new Map(accounts.map((a) => [a.accountId, a.name]));
  const quadrants: Record<DpmQuadrant, number> = { strategic: 0, develop: 0, maintain: 0, streamline: 0 };
  for (const p of dpm.points) if (p.quadrant) quadrants[p.quadrant]++;
  return {
    asOf,
    attractiveness: input.attractiveness,
    strength: input.strength,
    splits: { attractiveness: dpm.attractivenessSplit, strength: dpm.strengthSplit },
    points: dpm.points.map((p) => ({
      account: p.accountId,
      name: names.get(p.accountId) ?? '',
      attractiveness: p.attractiveness,
      strength: p.strength,
      quadrant: p.quadrant,
    })),
    quadrants,
    notes: dpm.points.length === 0 ? [...notes, msg('accounts.none-complete')] : notes,
  };
}
