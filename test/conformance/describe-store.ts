/**
 * The store conformance suite: every port method, fed through the port, on the seed 002 fixture and the
 * hand-computed cases (value reports and key accounts). Each backend runs it with one `describeStore`
 * call; the figures must be identical.
 * The store conformance suite: every port method, fed through the port, on the seed 002 fixture, the CDNOW
 * sample log and the hand-computed cases. Each backend runs it with one `describeStore` call; the figures must be identical.
 */
import { describe } from 'vitest';
import { accountsSuite } from './accounts';
import { concentrationSuite } from './concentration';
import { contractsSuite } from './contracts';
import { customerSuite } from './customer';
import { eraseSuite } from './erase';
import { flowsSuite } from './flows';
import { kpiSuite } from './kpi';
import { loyaltyDepthSuite } from './loyalty-depth';
import type { OpenStore } from './load';
import { modelsSuite } from './models';
import { portSuite } from './ports';
import { programmeSuite } from './programme';
import { retentionSuite } from './retention';
import { seed002Suite } from './seed-002';
import { serviceSuite } from './service';
import { usersSuite } from './users';
import { strategySuite } from './strategy';
import { valuesSuite } from './values';

export function describeStore(name: string, open: OpenStore): void {
  describe(`store conformance: ${name}`, () => {
    portSuite(open);
    flowsSuite(open);
    retentionSuite(open);
    concentrationSuite(open);
    seed002Suite(open);
    serviceSuite(open);
    accountsSuite(open);
    modelsSuite(open);
    kpiSuite(open);
    usersSuite(open);
    contractsSuite(open);
    loyaltyDepthSuite(open);
    programmeSuite(open);
    strategySuite(open);
    customerSuite(open);
    eraseSuite(open);
    valuesSuite(open);
  });
}
