/** The options of the demo data set (`cvm demo`, `cvm start`, and the server's demo loader). */
import { z } from 'zod';
import { DEFAULT_DEMO_OPTIONS } from '../demo/params';
import { MAX_CUSTOMERS, MAX_YEARS } from '../demo/generate';
import { field, rawValue, wholeNumber } from './parse';
import { isoDay } from './report';

export const demoInput = z.object({
  customers: field(wholeNumber(1, MAX_CUSTOMERS), DEFAULT_DEMO_OPTIONS.customers),
  seed: field(wholeNumber(0), DEFAULT_DEMO_OPTIONS.seed),
  end: field(isoDay, DEFAULT_DEMO_OPTIONS.end),
  years: field(wholeNumber(2, MAX_YEARS), DEFAULT_DEMO_OPTIONS.years),
  out: z.string().optional(),
  replace: rawValue.transform((v) => v === true || v === 'true'),
});
export type DemoInput = z.output<typeof demoInput>;
