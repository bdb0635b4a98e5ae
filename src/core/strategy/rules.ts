/**
 * The customer-strategy rules: lifecycle thresholds, loyalty thresholds, the named value × loyalty segments,
 * the situation triggers and the action per trigger × segment, with suppression. They are data: a JSON or
 * YAML file whose sections replace the defaults below (docs/metrics.md, "Customer strategy"). `parseRules`
 * checks the shape; `checkRules` what a shape cannot say (segments cover every tier × loyalty level once,
 * actions name known triggers and segments and never two actions for one trigger × segment). Every problem
 * is an `invalid-input` CvmError naming the source, the rule and what was expected.
 */
import { z } from 'zod';
import { assert, CvmError, quoteValue } from '../errors';
import { msg } from '../messages/catalogue';
import type { Message } from '../messages/message';
import { issueMessage } from '../zod-issue';
import { DEFAULT_TIERS } from '../kpi/tiers';

export const LOYALTY_LEVELS = ['high', 'medium', 'low'] as const;
export type LoyaltyLevel = (typeof LOYALTY_LEVELS)[number];

export const PHASES = ['new', 'growing', 'mature', 'declining', 'atRisk', 'lapsed', 'wonBack'] as const;
export type Phase = (typeof PHASES)[number];

export const TRIGGERS = [
  'new-customer',
  'first-invoice',
  'unpaid-invoice',
  'complaint',
  'complaint-late',
  'detractor',
  'tier-downgrade',
  'lapsing',
  'retention-fell',
] as const;
export type TriggerName = (typeof TRIGGERS)[number];

/** The segment of customers without a purchase in the current window (no value tier). */
export const INACTIVE = 'inactive';

export interface LifecycleRules {
  /** first purchase fewer than this many days before the as-of day: new */
  newDays: number;
  /** a customer's own purchase interval is at least this many days */
  minIntervalDays: number;
  /** the interval of a customer with one purchase day */
  defaultIntervalDays: number;
  /** days since the last purchase > factor × own interval: at risk / lapsed */
  atRiskFactor: number;
  lapsedFactor: number;
  /** current value < declineRatio × previous value: declining; > growthRatio ×: growing */
  declineRatio: number;
  growthRatio: number;
  /** with P(alive) from a fitted model: below this, at risk */
  atRiskPAlive: number;
}

export interface LoyaltyRules {
  /** P(alive) ≥ highPAlive: high; < lowPAlive: low (loyalty basis palive) */
  highPAlive: number;
  lowPAlive: number;
  /** an NPS answer counts for the nps basis when at most this many days old */
  npsMaxAgeDays: number;
}

export interface SegmentRule {
  name: string;
  /** value tier names (of the current window) */
  tiers: string[];
  loyalty: LoyaltyLevel[];
}

export interface TriggerRules {
  'new-customer': { days: number };
  'first-invoice': { days: number };
  'unpaid-invoice': { graceDays: number };
  complaint: { days: number };
  'complaint-late': { days: number; targetHours: number };
  detractor: { days: number; maxScore: number };
  'tier-downgrade': Record<string, never>;
  lapsing: { factor: number };
  /** a key account's latest assessment (within `days`) scores a retention probability `minDrop` or more below the one before */
  'retention-fell': { days: number; minDrop: number };
}

export interface ActionRule {
  /** stable name of the rule; goes into the export */
  id: string;
  trigger: TriggerName;
  /** segment names (or `inactive`); absent: every segment */
  segments?: string[] | undefined;
  action: string;
  channel: string;
  /** a marketing message (suppressed while a complaint is open) rather than service */
  marketing: boolean;
}

export interface SuppressionRules {
  /** at most one action per customer in this many days (exported actions are remembered) */
  cooldownDays: number;
  /** no marketing action while the customer has an open complaint */
  noMarketingWithOpenComplaint: boolean;
}

export interface StrategyRules {
  lifecycle: LifecycleRules;
  loyalty: LoyaltyRules;
  segments: SegmentRule[];
  triggers: TriggerRules;
  actions: ActionRule[];
  suppression: SuppressionRules;
}

const [SUPER, TOP, MIDDLE, BOTTOM] = DEFAULT_TIERS.map((t) => t.name) as [string, string, string, string];
const AT_RISK: LoyaltyLevel[] = ['medium', 'low'];
const ROYALS = ['Royals', 'Royals at risk'];
const OTHERS = ['Loyals', 'Drifters', 'Low-value loyals', 'Low-value drifters'];

/** The defaults: Gartner-style named cells for the default tiers (Super 5 %, Top 15 %, Middle 50 %, Bottom 30 %). */
export const DEFAULT_RULES: StrategyRules = {
  lifecycle: {
    newDays: 90,
    minIntervalDays: 30,
    defaultIntervalDays: 365,
    atRiskFactor: 1.5,
    lapsedFactor: 3,
    declineRatio: 0.8,
    growthRatio: 1.2,
    atRiskPAlive: 0.3,
  },
  loyalty: { highPAlive: 0.7, lowPAlive: 0.3, npsMaxAgeDays: 365 },
  segments: [
    { name: 'Royals', tiers: [SUPER, TOP], loyalty: ['high'] },
    { name: 'Royals at risk', tiers: [SUPER, TOP], loyalty: AT_RISK },
    { name: 'Loyals', tiers: [MIDDLE], loyalty: ['high'] },
    { name: 'Drifters', tiers: [MIDDLE], loyalty: AT_RISK },
    { name: 'Low-value loyals', tiers: [BOTTOM], loyalty: ['high'] },
    { name: 'Low-value drifters', tiers: [BOTTOM], loyalty: AT_RISK },
  ],
  triggers: {
    'new-customer': { days: 30 },
    'first-invoice': { days: 30 },
    'unpaid-invoice': { graceDays: 14 },
    complaint: { days: 7 },
    'complaint-late': { days: 30, targetHours: 24 },
    detractor: { days: 30, maxScore: 6 },
    'tier-downgrade': {},
    lapsing: { factor: 1.5 },
    'retention-fell': { days: 90, minDrop: 0.05 },
  },
  actions: [
    {
      id: 'royal-detractor-call',
      trigger: 'detractor',
      segments: ROYALS,
      action: 'Call within 48 h by the account team',
      channel: 'phone',
      marketing: false,
    },
    {
      id: 'detractor-follow-up',
      trigger: 'detractor',
      segments: [...OTHERS, INACTIVE],
      action: 'Service follow-up: ask what went wrong',
      channel: 'email',
      marketing: false,
    },
    {
      id: 'late-complaint-escalation',
      trigger: 'complaint-late',
      action: 'Escalate the complaint to a team leader and apologise',
      channel: 'phone',
      marketing: false,
    },
    {
      id: 'royal-complaint-call',
      trigger: 'complaint',
      segments: ROYALS,
      action: 'Personal call from the account team about the complaint',
      channel: 'phone',
      marketing: false,
    },
    {
      id: 'complaint-confirmation',
      trigger: 'complaint',
      segments: [...OTHERS, INACTIVE],
      action: 'Confirm the complaint with a resolution date',
      channel: 'email',
      marketing: false,
    },
    {
      id: 'key-account-review',
      trigger: 'retention-fell',
      action: 'Account plan review with the account manager: what lowered the retention probability',
      channel: 'account manager',
      marketing: false,
    },
    {
      id: 'payment-reminder',
      trigger: 'unpaid-invoice',
      action: 'Payment reminder',
      channel: 'email',
      marketing: false,
    },
    {
      id: 'first-invoice-explained',
      trigger: 'first-invoice',
      action: 'Explain the first invoice',
      channel: 'email',
      marketing: false,
    },
    {
      id: 'royal-retention-call',
      trigger: 'lapsing',
      segments: ROYALS,
      action: 'Retention call with a personal offer',
      channel: 'phone',
      marketing: true,
    },
    {
      id: 'win-back-offer',
      trigger: 'lapsing',
      segments: ['Loyals', 'Drifters', INACTIVE],
      action: 'Win-back offer',
      channel: 'email',
      marketing: true,
    },
    {
      id: 'reactivation-reminder',
      trigger: 'lapsing',
      segments: ['Low-value loyals', 'Low-value drifters'],
      action: 'Reactivation reminder in the newsletter',
      channel: 'email',
      marketing: true,
    },
    {
      id: 'royal-account-review',
      trigger: 'tier-downgrade',
      segments: ROYALS,
      action: 'Account review meeting',
      channel: 'phone',
      marketing: true,
    },
    {
      id: 'downgrade-check-in',
      trigger: 'tier-downgrade',
      segments: OTHERS,
      action: 'Check-in with offers matched to past purchases',
      channel: 'email',
      marketing: true,
    },
    {
      id: 'royal-welcome-call',
      trigger: 'new-customer',
      segments: ROYALS,
      action: 'Personal welcome call',
      channel: 'phone',
      marketing: true,
    },
    {
      id: 'welcome-series',
      trigger: 'new-customer',
      segments: [...OTHERS, INACTIVE],
      action: 'Welcome series',
      channel: 'email',
      marketing: true,
    },
  ],
  suppression: { cooldownDays: 30, noMarketingWithOpenComplaint: true },
};

const positive = z.number().positive();
const days = z.number().int().min(1);

const lifecycleSchema = z.strictObject({
  newDays: days,
  minIntervalDays: days,
  defaultIntervalDays: days,
  atRiskFactor: positive,
  lapsedFactor: positive,
  declineRatio: positive,
  growthRatio: positive,
  atRiskPAlive: z.number().min(0).max(1),
});

const loyaltySchema = z.strictObject({
  highPAlive: z.number().min(0).max(1),
  lowPAlive: z.number().min(0).max(1),
  npsMaxAgeDays: days,
});

const segmentSchema = z.strictObject({
  name: z.string().trim().min(1),
  tiers: z.array(z.string().min(1)).min(1),
  loyalty: z.array(z.string()).min(1),
});

const TRIGGER_SCHEMAS = {
  'new-customer': z.strictObject({ days }),
  'first-invoice': z.strictObject({ days }),
  'unpaid-invoice': z.strictObject({ graceDays: z.number().int().min(0) }),
  complaint: z.strictObject({ days }),
  'complaint-late': z.strictObject({ days, targetHours: positive }),
  detractor: z.strictObject({ days, maxScore: z.number().int().min(0).max(10) }),
  'tier-downgrade': z.strictObject({}),
  lapsing: z.strictObject({ factor: positive }),
  'retention-fell': z.strictObject({ days, minDrop: z.number().gt(0).max(1) }),
} as const;

const actionSchema = z.strictObject({
  id: z.string().trim().min(1),
  trigger: z.string().min(1),
  segments: z.array(z.string().min(1)).min(1).optional(),
  action: z.string().trim().min(1),
  channel: z.string().trim().min(1),
  marketing: z.boolean().optional(),
});

const suppressionSchema = z.strictObject({
  cooldownDays: z.number().int().min(0),
  noMarketingWithOpenComplaint: z.boolean(),
});

const SECTIONS = ['lifecycle', 'loyalty', 'segments', 'triggers', 'actions', 'suppression'] as const;

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** The first zod issue as "source: where.path: message". */
function issueError(error: z.ZodError, source: string | Message, where: string): CvmError {
  const issue = error.issues[0];
  assert(issue !== undefined, 'a failed parse has an issue');
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  return new CvmError('invalid-input', issueMessage(issue, source, `${where}${path}`));
}

function check<T>(schema: z.ZodType<T>, value: unknown, source: string | Message, where: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw issueError(parsed.error, source, where);
  return parsed.data;
}

/**
 * Reads rules (JSON or YAML already parsed) from `source` (a file name, for messages): each section given
 * replaces the default section; within `lifecycle`, `loyalty`, `triggers` and `suppression` each setting
 * given replaces its default. Unknown sections, settings and triggers are errors naming them.
 */
export function parseRules(json: unknown, source: string | Message): StrategyRules {
  if (!isObject(json))
    throw new CvmError('invalid-input', msg('rules.not-object', { source, sections: SECTIONS.join(', ') }));
  for (const key of Object.keys(json))
    if (!(SECTIONS as readonly string[]).includes(key))
      throw new CvmError(
        'invalid-input',
        msg('rules.unknown-section', { source, section: quoteValue(key), sections: SECTIONS.join(', ') }),
      );
  const lifecycle = check(
    lifecycleSchema,
    { ...DEFAULT_RULES.lifecycle, ...(json.lifecycle as object | undefined) },
    source,
    'lifecycle',
  );
  const loyalty = check(
    loyaltySchema,
    { ...DEFAULT_RULES.loyalty, ...(json.loyalty as object | undefined) },
    source,
    'loyalty',
  );
  if (loyalty.lowPAlive > loyalty.highPAlive)
    throw new CvmError(
      'invalid-input',
      msg('rules.loyalty-order', { source, low: loyalty.lowPAlive, high: loyalty.highPAlive }),
    );
  if (lifecycle.atRiskFactor > lifecycle.lapsedFactor)
    throw new CvmError(
      'invalid-input',
      msg('rules.lifecycle-order', {
        source,
        atRisk: lifecycle.atRiskFactor,
        lapsed: lifecycle.lapsedFactor,
      }),
    );
  if (lifecycle.declineRatio > lifecycle.growthRatio)
    throw new CvmError(
      'invalid-input',
      msg('rules.growth-order', { source, decline: lifecycle.declineRatio, growth: lifecycle.growthRatio }),
    );
  const triggers = { ...DEFAULT_RULES.triggers } as Record<string, unknown>;
  if (json.triggers !== undefined) {
    if (!isObject(json.triggers))
      throw new CvmError('invalid-input', msg('rules.triggers-not-object', { source }));
    for (const [name, settings] of Object.entries(json.triggers)) {
      if (!(TRIGGERS as readonly string[]).includes(name))
        throw new CvmError(
          'invalid-input',
          msg('rules.unknown-trigger', { source, trigger: quoteValue(name), triggers: TRIGGERS.join(', ') }),
        );
      const schema = TRIGGER_SCHEMAS[name as TriggerName] as z.ZodType;
      const base = DEFAULT_RULES.triggers[name as TriggerName];
      triggers[name] = check(schema, { ...base, ...(settings as object | null) }, source, `trigger ${name}`);
    }
  }
  const segments =
    json.segments === undefined
      ? DEFAULT_RULES.segments
      : check(z.array(segmentSchema).min(1), json.segments, source, 'segments').map((s, i) => {
          const bad = s.loyalty.find((l) => !(LOYALTY_LEVELS as readonly string[]).includes(l));
          if (bad !== undefined)
            throw new CvmError(
              'invalid-input',
              msg('rules.segment-loyalty', {
                source,
                segment: quoteValue(s.name),
                index: i,
                loyalty: quoteValue(bad),
                levels: LOYALTY_LEVELS.join(', '),
              }),
            );
          return { name: s.name, tiers: s.tiers, loyalty: s.loyalty as LoyaltyLevel[] };
        });
  const actions =
    json.actions === undefined
      ? DEFAULT_RULES.actions
      : check(z.array(actionSchema), json.actions, source, 'actions').map((a, i): ActionRule => {
          if (!(TRIGGERS as readonly string[]).includes(a.trigger))
            throw new CvmError(
              'invalid-input',
              msg('rules.action-trigger', {
                source,
                action: quoteValue(a.id),
                index: i,
                trigger: quoteValue(a.trigger),
                triggers: TRIGGERS.join(', '),
              }),
            );
          return {
            id: a.id,
            trigger: a.trigger as TriggerName,
            segments: a.segments,
            action: a.action,
            channel: a.channel,
            marketing: a.marketing ?? false,
          };
        });
  const suppression = check(
    suppressionSchema,
    { ...DEFAULT_RULES.suppression, ...(json.suppression as object | undefined) },
    source,
    'suppression',
  );
  return {
    lifecycle,
    loyalty,
    segments,
    triggers: triggers as unknown as TriggerRules,
    actions,
    suppression,
  };
}

/**
 * Checks the rules against the value tiers in use: every segment names known tiers, no two segments share
 * a tier × loyalty cell, every cell has a segment, segment names are unique and not `inactive`; every action
 * names known segments, action ids are unique, and no two actions of one trigger share a segment (which
 * would make the choice depend on the order of the file). `source` names the rules in messages.
 */
export function checkRules(
  rules: StrategyRules,
  tierNames: readonly string[],
  source: string | Message,
): void {
  const names = new Set<string>();
  const owner = new Map<string, string>();
  for (const s of rules.segments) {
    if (s.name === INACTIVE)
      throw new CvmError(
        'invalid-input',
        msg('rules.reserved-segment', { source, name: quoteValue(INACTIVE) }),
      );
    if (names.has(s.name))
      throw new CvmError('invalid-input', msg('rules.segment-twice', { source, name: quoteValue(s.name) }));
    names.add(s.name);
    for (const tier of s.tiers) {
      if (!tierNames.includes(tier))
        throw new CvmError(
          'invalid-input',
          msg('rules.segment-tier', {
            source,
            segment: quoteValue(s.name),
            tier: quoteValue(tier),
            tierNames: tierNames.map((t) => JSON.stringify(t)).join(', '),
          }),
        );
      for (const level of s.loyalty) {
        const cell = `${tier} × ${level}`;
        const other = owner.get(cell);
        if (other !== undefined)
          throw new CvmError(
            'invalid-input',
            msg('rules.segments-overlap', {
              source,
              other: quoteValue(other),
              segment: quoteValue(s.name),
              cell,
            }),
          );
        owner.set(cell, s.name);
      }
    }
  }
  for (const tier of tierNames)
    for (const level of LOYALTY_LEVELS)
      if (!owner.has(`${tier} × ${level}`))
        throw new CvmError(
          'invalid-input',
          msg('rules.cell-uncovered', { source, cell: `${tier} × ${level}` }),
        );
  const known = new Set([...names, INACTIVE]);
  const ids = new Set<string>();
  const taken = new Map<string, string>();
  for (const a of rules.actions) {
    if (ids.has(a.id))
      throw new CvmError('invalid-input', msg('rules.action-twice', { source, id: quoteValue(a.id) }));
    ids.add(a.id);
    for (const s of a.segments ?? [])
      if (!known.has(s))
        throw new CvmError(
          'invalid-input',
          msg('rules.action-segment', {
            source,
            action: quoteValue(a.id),
            segment: quoteValue(s),
            known: [...known].map((k) => JSON.stringify(k)).join(', '),
          }),
        );
    for (const s of a.segments ?? [...known]) {
      const key = `${a.trigger}\u0000${s}`;
      const other = taken.get(key);
      if (other !== undefined)
        throw new CvmError(
          'invalid-input',
          msg('rules.actions-clash', {
            source,
            other: quoteValue(other),
            action: quoteValue(a.id),
            trigger: a.trigger,
            segment: quoteValue(s),
          }),
        );
      taken.set(key, a.id);
    }
  }
}
