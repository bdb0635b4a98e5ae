/**
 * Demo customers: one row per simulated life, numbered C000001… in order of acquisition, with a Swedish
 * name, region, acquisition channel and needs group. The needs group and channel are returned as traits too,
 * because they shape the customer's orders (product mix, basket size, order channel).
 */
import { fromEpochDay } from '../../core/dates';
import { bernoulli, categorical, createRandom, uniform, type Random } from '../../core/random';
import type { CustomerLife } from './lives';
import { makeId, roundMoney, type Row } from './rows';
import { CUSTOMER_CHANNELS, FIRST_NAMES, LAST_NAMES, NEEDS_GROUPS, REGIONS } from './vocabulary';

/** A customer's id and the traits its orders depend on. */
export interface CustomerTraits {
  id: string;
  /** index into NEEDS_GROUPS */
  needsGroup: number;
  /** index into CUSTOMER_CHANNELS */
  channel: number;
}

/** Digits of the customer number: at least 6, more for very large demos. */
export function customerIdWidth(count: number): number {
  return Math.max(6, String(count).length);
}

function pickFrom(list: readonly string[], rng: Random): string {
  return list[Math.floor(rng.next() * list.length)] as string;
}

/** Customer rows (canonical column order) and traits, one per life, in the lives' order. */
export function makeCustomers(
  lives: readonly CustomerLife[],
  seed: number,
  joinDays: readonly (number | null)[] = [],
): { rows: Row[]; traits: CustomerTraits[] } {
  const rng = createRandom(seed, 'customers');
  // a stream of its own, so that the other columns stay as they were before the column existed
  const wallet = createRandom(seed, 'wallet');
  const region = categorical(REGIONS.map(([, w]) => w));
  const channel = categorical(CUSTOMER_CHANNELS.map(([, w]) => w));
  const needs = categorical(NEEDS_GROUPS.map(([, w]) => w));
  const width = customerIdWidth(lives.length);
  const rows: Row[] = [];
  const traits: CustomerTraits[] = [];
  lives.forEach((life, i) => {
    const id = makeId('C', i + 1, width);
    const t: CustomerTraits = { id, needsGroup: needs(rng), channel: channel(rng) };
    const name = `${pickFrom(FIRST_NAMES, rng)} ${pickFrom(LAST_NAMES, rng)}`;
    rows.push([
      id,
      name,
      fromEpochDay(life.acquiredDay),
      REGIONS[region(rng)]?.[0] ?? null,
      CUSTOMER_CHANNELS[t.channel]?.[0] ?? null,
      NEEDS_GROUPS[t.needsGroup]?.[0] ?? null,
      null, // account_manager: retail customers have none
      // category_spend: half the customers carry an estimate of their yearly spend in the category
      bernoulli(wallet, 0.5) ? roundMoney(uniform(wallet, 3_000, 30_000)) : null,
      // member_since: the day the customer joined the loyalty programme (programme.ts), if it did
      joinDays[i] === null || joinDays[i] === undefined ? null : fromEpochDay(joinDays[i]),
    ]);
    traits.push(t);
  });
  return { rows, traits };
}
