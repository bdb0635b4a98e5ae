/** The first problem zod found, as a catalogue message (zod's own English text, rendered in Swedish too). */
import type { z } from 'zod';
import { msg } from './messages/catalogue';
import type { Message } from './messages/message';

/**
 * `source: at: problem` for a zod issue.
 * @param source names the input (a file name)
 * @param at where in it, e.g. `lifecycle.atRiskFactor` or a message such as "factor business_lines, steps[2]"
 */
export function issueMessage(
  issue: z.core.$ZodIssue,
  source: string | Message,
  at: string | Message,
): Message {
  const i = issue as unknown as Record<string, unknown>;
  const limit = typeof i.minimum === 'number' ? i.minimum : typeof i.maximum === 'number' ? i.maximum : null;
  const keys = Array.isArray(i.keys) ? i.keys.map(String) : [];
  const values = Array.isArray(i.values) ? i.values.map((v) => JSON.stringify(v)) : [];
  return msg('input.issue', {
    source,
    at,
    message: issue.message,
    code: issue.code,
    expected: typeof i.expected === 'string' ? i.expected : null,
    received: /received (\w+)$/.exec(issue.message)?.[1] ?? null,
    origin: typeof i.origin === 'string' ? i.origin : null,
    limit,
    inclusive: i.inclusive !== false,
    list:
      issue.code === 'unrecognized_keys' ? keys.map((k) => JSON.stringify(k)).join(', ') : values.join('|'),
    count: issue.code === 'unrecognized_keys' ? keys.length : values.length,
  });
}
