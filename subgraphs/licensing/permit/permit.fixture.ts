import type { DataSource } from 'typeorm';
import { SYSTEM_SCOPE } from '../../../platform/auth/region-scope';
import { DEMO_ENTERPRISES } from '../../../platform/demo/demo-dataset';
import { OutboxMessage } from '../../../platform/outbox/outbox-message.entity';
import { scopeIn } from '../../../platform/testing/callers';
import { testbedPerTest, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import { attachStandInMaterials } from '../attachment/stand-in-materials';
import { licensingStandIns, OFFICER, type LicensingStandIns } from '../licensing.fixture';
import { licensingSubgraph } from '../licensing.subgraph';
import type { Actor } from './actor';
import { ApplicationTransition } from './application-transition.entity';
import type { SubmitPermitApplicationInput } from './inputs/permit-application.inputs';
import { PermitApplication } from './permit-application.entity';
import { PermitKind } from './permit-kind';
import { Permit } from './permit.entity';
import type { PermitService } from './permit.service';

// For specs only: enterprises, regions and seed helpers of the permit procedure specs
// (the testbed itself is platform/testing/subgraph-testbed.ts, the stand-ins ../licensing.fixture.ts).

export const NANJING_CARRIER = DEMO_ENTERPRISES[0]; // 320102
export const KUNSHAN_CARRIER = DEMO_ENTERPRISES[2]; // 320583
export const HANGZHOU_CARRIER = DEMO_ENTERPRISES[5]; // 330106
export const JIANGSU = scopeIn('320000');
export const ZHEJIANG = scopeIn('330000');
export const NANJING = scopeIn('320100');

/** Tuesday 15 September 2026, 10:00 China time: 20 working days later is Monday 19 October (see the calendar spec). */
export const ACCEPTANCE_DAY = new Date('2026-09-15T02:00:00Z');

export function freight(overrides: Partial<SubmitPermitApplicationInput> = {}): SubmitPermitApplicationInput {
  return {
    creditCode: NANJING_CARRIER.creditCode,
    kind: PermitKind.ROAD_FREIGHT_TRANSPORT,
    scope: '普通货运',
    regionCode: NANJING_CARRIER.regionCode,
    ...overrides,
  };
}

/** Everything the workflow writes, to show a refused action wrote nothing. */
export async function everything(dataSource: DataSource) {
  return {
    applications: await dataSource.getRepository(PermitApplication).find({ order: { id: 'ASC' } }),
    transitions: await dataSource.getRepository(ApplicationTransition).count(),
    permits: await dataSource.getRepository(Permit).count(),
    outbox: await dataSource.getRepository(OutboxMessage).count(),
  };
}

/** An application's transitions, oldest first, as `ACTION:FROM>TO`. */
export async function actions(dataSource: DataSource, applicationId: number): Promise<string[]> {
  const rows = await dataSource
    .getRepository(ApplicationTransition)
    .find({ where: { applicationId }, order: { id: 'ASC' } });
  return rows.map((row) => `${row.action}:${row.fromStatus ?? '-'}>${row.toStatus}`);
}

/** What a permit procedure spec works with in one test. */
export interface PermitSpec {
  testbed: TestbedOf<typeof licensingSubgraph>;
  /** The stand-ins, their clock at ACCEPTANCE_DAY. */
  outside: LicensingStandIns;
  permits: PermitService;
  /** A submitted application with every material its kind requires attached. */
  submitted: (input?: SubmitPermitApplicationInput, actor?: Actor) => Promise<PermitApplication>;
  /** A submitted application, accepted by the officer. */
  accepted: (input?: SubmitPermitApplicationInput) => Promise<PermitApplication>;
}

/**
 * A fresh licensing testbed for every test of the enclosing describe block, the Nanjing, Kunshan and Hangzhou
 * carriers registered, handed to `use`.
 */
export function permitsPerTest(use: (spec: PermitSpec) => void): void {
  let outside: LicensingStandIns;
  testbedPerTest(
    licensingSubgraph,
    async (testbed) => {
      const permits = testbed.services.permits;
      for (const enterprise of [NANJING_CARRIER, KUNSHAN_CARRIER, HANGZHOU_CARRIER])
        await testbed.services.enterprises.register(SYSTEM_SCOPE, enterprise);
      const submitted = async (input = freight(), actor: Actor = OFFICER) => {
        const application = await permits.submit(JIANGSU, input, actor);
        await attachStandInMaterials(testbed.services.materials, JIANGSU, application, OFFICER);
        return application;
      };
      const accepted = async (input = freight()) => {
        const application = await submitted(input);
        return permits.accept(JIANGSU, { applicationNumber: application.applicationNumber }, OFFICER);
      };
      use({ testbed, outside, permits, submitted, accepted });
    },
    () => {
      outside = licensingStandIns(ACCEPTANCE_DAY);
      return { externals: outside.externals };
    },
  );
}
