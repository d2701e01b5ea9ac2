import { SYSTEM_SCOPE } from '../../platform/auth/region-scope';
import type { EventEnvelope } from '../../platform/outbox/domain-event';
import { OutboxMessage } from '../../platform/outbox/outbox-message.entity';
import { pageRequest } from '../../platform/graphql/connection';
import { createLogger } from '../../platform/observability/logger';
import { openSubgraphTestbed, type TestbedOf } from '../../platform/testing/subgraph-testbed';
import { type LicensingStandIns, licensingStandIns } from './licensing.fixture';
import { licensingSubgraph } from './licensing.subgraph';
import { seedLicensing } from './licensing.seed';
import { DEMO_PROJECT_APPROVED_WITH_AWARD } from './platforms/demo-platform-data';
import { ApplicationStatus } from './permit/application-status';
import { PermitApplication } from './permit/permit-application.entity';
import { Permit, PermitStatus } from './permit/permit.entity';

const SEEDED_CARRIER = '91320102MA1MY0R10Q';

describe('the licensing demo seed', () => {
  let testbed: TestbedOf<typeof licensingSubgraph>;
  let outside: LicensingStandIns;
  const seed = () =>
    seedLicensing(testbed.services, { dataSource: testbed.dataSource, logger: createLogger('spec', 'error') });
  const statuses = async () =>
    new Set(
      (await testbed.dataSource.getRepository(PermitApplication).find()).map((application) => application.status),
    );
  beforeEach(async () => {
    outside = licensingStandIns();
    testbed = await openSubgraphTestbed(licensingSubgraph, { externals: outside.externals });
  });
  afterEach(async () => {
    await testbed.close();
  });

  it('shows applications in every status, permits suspended and revoked, an overdue one and an extension', async () => {
    outside.platforms.investmentDown = true;
    await seed();
    expect([...(await statuses())].sort()).toEqual(Object.values(ApplicationStatus).sort());
    const permits = await testbed.dataSource.getRepository(Permit).find();
    expect(permits.map((permit) => permit.status).sort()).toEqual(
      expect.arrayContaining([PermitStatus.SUSPENDED, PermitStatus.REVOKED, PermitStatus.VALID]),
    );
    const overdue = await testbed.services.permits.listOverdue(
      SYSTEM_SCOPE,
      { regionCode: null, officer: null },
      pageRequest({}),
    );
    expect(overdue.totalCount).toBe(1);
    expect(
      await testbed.dataSource.getRepository(PermitApplication).countBy({ extensionStatus: 'APPROVED' as never }),
    ).toBe(1);
    // The seeded carrier's newest permit stays its hazardous-goods permit, in force (the single-window tests read it).
    const carrier = await testbed.services.permits
      .createHolderPagesLoader(SYSTEM_SCOPE, pageRequest({}))
      .load(SEEDED_CARRIER);
    expect(carrier.edges[0].node).toMatchObject({ kind: 'HAZARDOUS_GOODS_TRANSPORT', status: PermitStatus.VALID });
  });

  it('gives statistics applications received, and decisions that took working days, one of them late', async () => {
    outside.platforms.investmentDown = true;
    await seed();
    const payloads = async <
      TType extends 'permit-application.received' | 'permit-application.decided' | 'permit-application.overdue',
    >(
      type: TType,
    ) =>
      (await testbed.dataSource.getRepository(OutboxMessage).findBy({ eventType: type })).map(
        (message) => (JSON.parse(message.envelope) as EventEnvelope<TType>).payload,
      );
    expect(await payloads('permit-application.received')).toHaveLength(
      await testbed.dataSource.getRepository(PermitApplication).count(),
    );
    const decided = await payloads('permit-application.decided');
    expect(decided.filter((payload) => payload.overdue)).toHaveLength(1);
    // The one decided late is announced overdue by its decision; the one still waiting, by the first sweep.
    expect(await payloads('permit-application.overdue')).toHaveLength(1);
    expect(await testbed.services.permits.overdue.sweep()).toBe(1);
    expect(decided.filter((payload) => payload.outcome === 'REFUSED')).toHaveLength(1);
    // The lower median of the seeded decisions is above 0 working days.
    const days = decided.map((payload) => payload.workingDays).sort((left, right) => left - right);
    expect(days[Math.ceil(days.length / 2) - 1]).toBeGreaterThan(0);
  });

  it('takes the construction application to review when the investment platform knows the demo project', async () => {
    outside.platforms.projects.set(DEMO_PROJECT_APPROVED_WITH_AWARD, {
      projectCode: DEMO_PROJECT_APPROVED_WITH_AWARD,
      name: 'S58沪宜高速太仓段改扩建工程',
      regionCode: '320500',
      approvalStatus: 'APPROVED',
    });
    await seed();
    const construction = await testbed.dataSource
      .getRepository(PermitApplication)
      .findOneByOrFail({ kind: 'HIGHWAY_CONSTRUCTION' as never });
    expect(construction.status).toBe(ApplicationStatus.REVIEWED);
    expect(await statuses()).not.toContain(ApplicationStatus.AWAITING_EXTERNAL_VERIFICATION);
  });

  it('seeds the rest when the platform refuses the demo project', async () => {
    await seed();
    expect(
      await testbed.dataSource.getRepository(PermitApplication).countBy({ kind: 'HIGHWAY_CONSTRUCTION' as never }),
    ).toBe(0);
    expect(await testbed.dataSource.getRepository(PermitApplication).count()).toBe(18);
  });
});
