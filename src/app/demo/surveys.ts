/**
 * Demo survey responses (NPS 0–10, CSAT 1–5, CES 1–7), S0000001… in order of answering. A sample of
 * purchases is followed by an answered survey of one kind. All three scores come from one latent attitude
 * on a 0–10 scale, which is higher for customers with a low dropout probability p and lower right before a
 * customer leaves or after a complaint. That is what makes the scores predict retention: promoters retain
 * better than detractors, satisfied customers better than dissatisfied ones, low effort better than high.
 */
import { fromEpochDay } from '../../core/dates';
import { bernoulli, categorical, createRandom, exponential, normal, type Random } from '../../core/random';
import type { CustomerTraits } from './customers';
import type { CustomerLife } from './lives';
import type { Purchase } from './orders';
import type { DemoModel } from './params';
import { makeId, type Row } from './rows';
import { SURVEY_COMMENTS } from './vocabulary';

type SurveyKind = 'nps' | 'csat' | 'ces';
const KINDS: readonly SurveyKind[] = ['nps', 'csat', 'ces'];
const KIND_WEIGHTS = [50, 30, 20];
const COMMENT_SHARE = 0.3;

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, Math.round(x)));

/** Mean and standard deviation of ln(p + 0.01) over the customers, to standardise loyalty. */
function logDropoutScale(lives: readonly CustomerLife[]): { mean: number; sd: number } {
  let sum = 0;
  let sumSq = 0;
  for (const life of lives) {
    const x = Math.log(life.p + 0.01);
    sum += x;
    sumSq += x * x;
  }
  const mean = sum / Math.max(1, lives.length);
  return { mean, sd: Math.sqrt(Math.max(1e-9, sumSq / Math.max(1, lives.length) - mean * mean)) };
}

/** The score of one kind from the latent attitude `y` (0–10). */
function score(rng: Random, kind: SurveyKind, y: number): number {
  switch (kind) {
    case 'nps':
      // detractors use the whole low end of the scale: stretch below 6
      return clamp(y < 6 ? y - 0.8 * (6 - y) : y, 0, 10);
    case 'csat':
      return clamp(1 + 0.45 * (y - 1) + normal(rng, 0, 0.4), 1, 5);
    case 'ces':
      return clamp(7.6 - 0.6 * y + normal(rng, 0, 0.6), 1, 7);
  }
}

function comment(rng: Random, kind: SurveyKind, value: number): string | null {
  const low = kind === 'nps' ? value <= 6 : kind === 'csat' ? value <= 2 : value >= 5;
  const high = kind === 'nps' ? value >= 9 : kind === 'csat' ? value === 5 : value <= 2;
  if ((!low && !high) || !bernoulli(rng, COMMENT_SHARE)) return null;
  const list = SURVEY_COMMENTS[low ? 'low' : 'high'];
  return list[Math.floor(rng.next() * list.length)] ?? null;
}

/** Survey rows (canonical column order, sorted by answer day). */
export function makeSurveys(
  purchases: readonly Purchase[],
  lives: readonly CustomerLife[],
  traits: readonly CustomerTraits[],
  model: DemoModel,
  seed: number,
  endDay: number,
): Row[] {
  const rng = createRandom(seed, 'surveys');
  const kindOf = categorical(KIND_WEIGHTS);
  const scale = logDropoutScale(lives);
  const answers: { day: number; cells: Row }[] = [];
  for (const purchase of purchases) {
    if (!bernoulli(rng, model.surveyRate)) continue;
    const day = purchase.day + 1 + Math.floor(exponential(rng, 1 / 3));
    if (day > endDay) continue;
    const life = lives[purchase.customer] as CustomerLife;
    const loyalty = Math.max(-2.5, Math.min(2.5, (scale.mean - Math.log(life.p + 0.01)) / scale.sd));
    const y =
      7.7 +
      0.9 * loyalty -
      (purchase.beforeDropout ? 2 : 0) -
      (purchase.complaint ? 1.5 : 0) +
      normal(rng, 0, 1.5);
    const kind = KINDS[kindOf(rng)] ?? 'nps';
    const value = score(rng, kind, y);
    const text = comment(rng, kind, value);
    answers.push({
      day,
      cells: ['', (traits[purchase.customer] as CustomerTraits).id, fromEpochDay(day), kind, value, text],
    });
  }
  answers.sort((x, y) => x.day - y.day);
  const width = Math.max(7, String(answers.length).length);
  return answers.map((a, i) => [makeId('S', i + 1, width), ...a.cells.slice(1)]);
}
