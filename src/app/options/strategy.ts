/**
 * The options of the customer-strategy commands (`segments`, `lifecycle`, `actions`): the value-report
 * options (as-of day, window, tiers, value measure), the rules file, the loyalty basis and, for actions,
 * the export file and how many suggestions to show.
 */
import type { z } from 'zod';
import type { LoyaltyBasis } from '../../core/strategy/classify';
import { TRIGGERS, type TriggerName } from '../../core/strategy/rules';
import { fail, field, oneOf, optionalField, wholeNumber, type Parsed } from './parse';
import { reportOptionsSchema, type ReportInput } from './report';

function text(what: string) {
  return (value: string): Parsed<string> => (value.trim() === '' ? fail(value, what) : { ok: value.trim() });
}

function filePath(text: string): Parsed<string> {
  return text === '' ? fail(text, 'a file name') : { ok: text };
}

export const LOYALTY_BASES: readonly LoyaltyBasis[] = ['behaviour', 'nps', 'palive'];

export interface StrategyInput extends ReportInput {
  /** a rules file (JSON or YAML); absent: the defaults */
  rulesFile?: string | undefined;
  loyalty: LoyaltyBasis;
}

export interface ActionsInput extends StrategyInput {
  /** write the suggestions to this file (CSV, or JSON by the .json extension) and log them */
  exportFile?: string | undefined;
  /** suggestions in the JSON and the table (the export holds all) */
  limit: number;
  /** only suggestions of this trigger, segment, tier (or `inactive`) and channel (list and export) */
  trigger?: TriggerName | undefined;
  segment?: string | undefined;
  tier?: string | undefined;
  channel?: string | undefined;
}

const strategySchema = reportOptionsSchema.extend({
  rules: optionalField(filePath),
  loyalty: field(oneOf<LoyaltyBasis>(LOYALTY_BASES, 'a loyalty basis'), 'behaviour'),
});

function toStrategyInput(o: z.output<typeof strategySchema>): StrategyInput {
  return {
    asOf: o.asOf,
    today: o.today,
    windowMonths: o.window,
    tiers: o.tiers,
    value: o.value,
    rulesFile: o.rules,
    loyalty: o.loyalty,
  };
}

/** `cvm segments` and `cvm lifecycle`. */
export const strategyInput = strategySchema.transform(toStrategyInput);

/** `cvm actions`. */
export const actionsInput = strategySchema
  .extend({
    export: optionalField(filePath),
    limit: field(wholeNumber(1), 50),
    trigger: optionalField(oneOf<TriggerName>(TRIGGERS, 'a trigger')),
    segment: optionalField(text('a segment name')),
    tier: optionalField(text('a tier name or inactive')),
    channel: optionalField(text('a channel')),
  })
  .transform((o): ActionsInput => ({
    ...toStrategyInput(o),
    exportFile: o.export,
    limit: o.limit,
    trigger: o.trigger,
    segment: o.segment,
    tier: o.tier,
    channel: o.channel,
  }));
