/**
 * Reads an edited scorecard (JSON already parsed) and checks it: the shape with zod, then the rules a shape
 * cannot say — every factor's steps cover its whole value domain with no gap and no overlap, bounds are not
 * inverted, weights are non-negative and not all zero, ids are unique and groups exist. Every problem is a
 * `CvmError('invalid-input')` naming the source, the factor, the value and what was expected.
 */
import { z } from 'zod';
import { assert, CvmError } from '../errors';
import { msg } from '../messages/catalogue';
import type { Message } from '../messages/message';
import { issueMessage } from '../zod-issue';
import { DEFAULT_BOUNDS, factorDomain, type Scorecard, type ScorecardFactor } from './scorecard';

const fraction = z.number().min(0).max(1);
const wholeNumber = z.number().int();

const stepSchema = z.object({
  from: wholeNumber,
  to: wholeNumber.nullable().optional(),
  probability: fraction,
});

const factorSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  group: z.string().min(1),
  kind: z.enum(['count', 'years', 'scale1to5']),
  min: wholeNumber.optional(),
  subjective: z.boolean().optional(),
  weight: z.number().optional(),
  action: z.string().min(1).nullable().optional(),
  steps: z.array(stepSchema).min(1),
});

const scorecardSchema = z.object({
  version: z.string().min(1),
  groups: z.array(z.object({ id: z.string().min(1), label: z.string().min(1) })).min(1),
  factors: z.array(factorSchema).min(1),
  bounds: z.object({ min: fraction, max: fraction }).optional(),
});

/** Names a zod issue's path in the user's terms: `factor business_lines, steps[2].probability`. */
function describePath(json: unknown, path: readonly PropertyKey[]): string | Message {
  if (path[0] === 'factors' && typeof path[1] === 'number') {
    const raw = (json as { factors?: unknown[] }).factors?.[path[1]] as { id?: unknown } | undefined;
    const name = typeof raw?.id === 'string' ? raw.id : `#${path[1] + 1}`;
    const rest = path.slice(2).map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`));
    return msg('scorecard.path-factor', {
      factor: name,
      rest: rest.length > 0 ? rest.join('').replace(/^\./, '') : null,
    });
  }
  return path.length > 0 ? path.map(String).join('.') : msg('scorecard.path-root');
}

/** Checks one factor's steps against its domain; returns the factor with defaults filled in. */
function checkFactor(raw: z.infer<typeof factorSchema>, where: Message): ScorecardFactor {
  const min = raw.kind === 'scale1to5' ? 1 : (raw.min ?? 0);
  if (min < 0) throw new CvmError('invalid-input', msg('scorecard.min-negative', { where, min }));
  const domain = factorDomain({ kind: raw.kind, min });
  const weight = raw.weight ?? 1;
  if (!Number.isFinite(weight) || weight < 0)
    throw new CvmError('invalid-input', msg('scorecard.weight', { where, weight }));
  let expected = domain.min;
  raw.steps.forEach((s, i) => {
    const last = i === raw.steps.length - 1;
    const to = s.to ?? null;
    if (s.from !== expected) {
      throw new CvmError(
        'invalid-input',
        msg('scorecard.step-start', { where, step: i + 1, from: s.from, expected, gap: s.from > expected }),
      );
    }
    if (to === null && !last)
      throw new CvmError('invalid-input', msg('scorecard.step-open', { where, step: i + 1 }));
    if (to !== null && to < s.from)
      throw new CvmError(
        'invalid-input',
        msg('scorecard.step-order', { where, step: i + 1, from: s.from, to }),
      );
    if (to !== null && domain.max !== null && to > domain.max)
      throw new CvmError(
        'invalid-input',
        msg('scorecard.step-above-scale', { where, step: i + 1, to, max: domain.max }),
      );
    if (last && domain.max === null && to !== null)
      throw new CvmError('invalid-input', msg('scorecard.last-step-closed', { where, to }));
    if (last && domain.max !== null && to !== domain.max)
      throw new CvmError(
        'invalid-input',
        msg('scorecard.last-step-end', { where, to: String(to), max: domain.max }),
      );
    expected = (to ?? expected) + 1;
  });
  return {
    id: raw.id,
    label: raw.label,
    group: raw.group,
    kind: raw.kind,
    min,
    subjective: raw.subjective ?? raw.kind === 'scale1to5',
    weight,
    action: raw.action ?? null,
    steps: raw.steps.map((s) => ({ from: s.from, to: s.to ?? null, probability: s.probability })),
  };
}

/**
 * Reads and checks a scorecard.
 * @param json the parsed JSON (see `DEFAULT_SCORECARD` for the shape; `weight` defaults to 1, `bounds` to
 *   0.40–0.90, `min` to 0, `subjective` to true for scales, `action` to null)
 * @param source names the input in messages (a file name)
 * @throws CvmError('invalid-input') naming the factor, the value and what was expected
 */
export function parseScorecard(json: unknown, source: string | Message): Scorecard {
  const parsed = scorecardSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    assert(issue !== undefined, 'a failed parse has an issue');
    throw new CvmError('invalid-input', issueMessage(issue, source, describePath(json, issue.path)));
  }
  const raw = parsed.data;
  const groupIds = new Set<string>();
  for (const g of raw.groups) {
    if (groupIds.has(g.id))
      throw new CvmError('invalid-input', msg('scorecard.group-twice', { source, group: g.id }));
    groupIds.add(g.id);
  }
  const seen = new Set<string>();
  const factors = raw.factors.map((f) => {
    const where = msg('scorecard.where-factor', { source, factor: f.id });
    if (seen.has(f.id)) throw new CvmError('invalid-input', msg('scorecard.factor-twice', { where }));
    seen.add(f.id);
    if (!groupIds.has(f.group))
      throw new CvmError(
        'invalid-input',
        msg('scorecard.no-group', { where, group: f.group, groups: [...groupIds].join(', ') }),
      );
    return checkFactor(f, where);
  });
  if (factors.every((f) => f.weight === 0))
    throw new CvmError('invalid-input', msg('scorecard.all-weights-zero', { source }));
  const bounds = raw.bounds ?? DEFAULT_BOUNDS;
  if (bounds.min > bounds.max)
    throw new CvmError(
      'invalid-input',
      msg('scorecard.bounds', { source, min: bounds.min, max: bounds.max }),
    );
  return {
    version: raw.version,
    groups: raw.groups.map((g) => ({ id: g.id, label: g.label })),
    factors,
    bounds: { min: bounds.min, max: bounds.max },
  };
}
