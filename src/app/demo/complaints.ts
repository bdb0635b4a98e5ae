/**
 * Demo complaints (reklamationer), R000001… in order of opening, one per purchase that the customer lives
 * marked as leading to a complaint (see lives.ts: a complaint raises the chance of dropping out). Cases of
 * customers who then leave were handled worse: slower and refused more often. Resolution time is a
 * mixture: most cases are closed within hours (the 24 h target is met for about four in five), the rest
 * take days to weeks, a few stall and a few are never closed. Cases not resolved by the end of the log are
 * open: no resolution time, outcome or satisfaction. Satisfaction falls with slow handling and refusals.
 */
import {
  bernoulli,
  categorical,
  createRandom,
  exponential,
  lognormal,
  normal,
  type Random,
} from '../../core/random';
import type { CustomerTraits } from './customers';
import type { Purchase } from './orders';
import { dayStart, formatTimestamp, makeId, type Row } from './rows';
import { COMPLAINT_CATEGORIES, COMPLAINT_CHANNELS, PRIORITIES } from './vocabulary';

const HOUR = 3600;
/** relative frequency of opening hours 0–23: office and evening hours, little at night */
const HOUR_WEIGHTS = [1, 0.5, 0.3, 0.3, 0.3, 0.5, 1, 3, 8, 10, 10, 9, 8, 9, 9, 8, 8, 7, 6, 6, 5, 4, 3, 2];
/** share handled on the fast track; the rest need investigation */
const FAST_SHARE = 0.88;
const STALLED_SHARE = 0.02;
/** cases that fall through the cracks and are never closed: the old end of the open backlog */
const FORGOTTEN_SHARE = 0.022;

/** Resolution time in hours of one case. */
function resolutionHours(rng: Random, priorityFactor: number, churner: boolean): number {
  if (bernoulli(rng, FORGOTTEN_SHARE)) return Infinity;
  if (bernoulli(rng, STALLED_SHARE)) return 24 * (20 + 100 * rng.next());
  const fast = bernoulli(rng, churner ? FAST_SHARE - 0.15 : FAST_SHARE);
  const hours = fast ? lognormal(rng, Math.log(4.5), 0.75) : lognormal(rng, Math.log(80), 0.9);
  return Math.max(0.25, hours * priorityFactor);
}

/** Satisfaction 1–5 after resolution: lower when slow, refused, or the customer is about to leave. */
function satisfaction(rng: Random, hours: number, refused: boolean, churner: boolean): number {
  const slow = Math.max(0, Math.log2(hours / 24));
  const score = 4.4 - (refused ? 1.8 : 0) - 0.5 * slow - (churner ? 0.4 : 0) + normal(rng, 0, 0.7);
  return Math.min(5, Math.max(1, Math.round(score)));
}

/** Complaint rows (canonical column order, sorted by opening time). */
export function makeComplaints(
  purchases: readonly Purchase[],
  traits: readonly CustomerTraits[],
  seed: number,
  endDay: number,
): Row[] {
  const rng = createRandom(seed, 'complaints');
  const hour = categorical(HOUR_WEIGHTS);
  const category = categorical(COMPLAINT_CATEGORIES.map(([, w]) => w));
  const channel = categorical(COMPLAINT_CHANNELS.map(([, w]) => w));
  const priority = categorical(PRIORITIES.map(([, w]) => w));
  const endOfLog = dayStart(endDay + 1); // resolved after this moment = still open
  const cases: { opened: number; cells: Row }[] = [];
  for (const purchase of purchases) {
    if (!purchase.complaint) continue;
    const churner = purchase.beforeDropout;
    const day = purchase.day + Math.floor(exponential(rng, 1 / 4));
    if (day > endDay) continue;
    const opened = dayStart(day) + hour(rng) * HOUR + Math.floor(rng.next() * HOUR);
    const [prio, , factor] = PRIORITIES[priority(rng)] ?? ['normal', 1, 1];
    const hours = resolutionHours(rng, factor, churner);
    const resolved = opened + Math.round(hours * HOUR); // Infinity for a forgotten case
    const response = opened + Math.round(Math.min(hours, lognormal(rng, Math.log(1.2), 1)) * HOUR);
    const refused = bernoulli(rng, churner ? 0.4 : 0.2);
    const answered = bernoulli(rng, 0.8);
    const open = resolved >= endOfLog;
    cases.push({
      opened,
      cells: [
        '',
        (traits[purchase.customer] as CustomerTraits).id,
        formatTimestamp(opened),
        response < endOfLog ? formatTimestamp(response) : null,
        open ? null : formatTimestamp(resolved),
        COMPLAINT_CATEGORIES[category(rng)]?.[0] ?? null,
        prio,
        COMPLAINT_CHANNELS[channel(rng)]?.[0] ?? null,
        open ? null : refused ? 'refused' : 'accepted',
        open || !answered ? null : satisfaction(rng, hours, refused, churner),
      ],
    });
  }
  cases.sort((x, y) => x.opened - y.opened);
  const width = Math.max(6, String(cases.length).length);
  return cases.map((c, i) => [makeId('R', i + 1, width), ...c.cells.slice(1)]);
}
