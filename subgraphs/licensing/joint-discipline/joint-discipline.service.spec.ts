import { randomUUID } from 'node:crypto';
import { SYSTEM_SCOPE } from '../../../platform/auth/region-scope';
import { DEMO_ENTERPRISES } from '../../../platform/demo/demo-dataset';
import type { EventEnvelope, EventPayloads } from '../../../platform/outbox/domain-event';
import { applyEventOnce } from '../../../platform/outbox/event-inbox';
import { scopeIn } from '../../../platform/testing/callers';
import { expectDomainError } from '../../../platform/testing/expect-domain-error';
import { openSubgraphTestbed, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import { attachStandInMaterials } from '../attachment/stand-in-materials';
import { licensingStandIns, OFFICER, REVIEWER } from '../licensing.fixture';
import { licensingSubgraph } from '../licensing.subgraph';
import { PermitKind } from '../permit/permit-kind';
import { seriousDishonestyRules, SeriousDishonestyRule } from './serious-dishonesty-rule';

const CARRIER = DEMO_ENTERPRISES[0]; // 320102
const JIANGSU = scopeIn('320000');

function listChanged(version: number, listed: boolean, entryId = 'entry-1'): EventEnvelope<'credit.list-changed'> {
  const payload: EventPayloads['credit.list-changed'] = {
    entryId,
    version,
    list: 'SERIOUS_DISHONESTY',
    creditCode: CARRIER.creditCode,
    listed,
    criterion: 'PERMIT_REVOKED',
    startedAt: '2026-11-02T02:00:00.000Z',
    plannedRemovalAt: '2029-11-02T02:00:00.000Z',
    removedAt: listed ? null : '2026-11-20T02:00:00.000Z',
  };
  return {
    id: randomUUID(),
    type: 'credit.list-changed',
    source: 'credit',
    occurredAt: new Date().toISOString(),
    payload,
  };
}

describe('joint discipline (联合惩戒) at approval', () => {
  let testbed: TestbedOf<typeof licensingSubgraph>;
  const handlers = () => licensingSubgraph.eventHandlers!(testbed.services);
  const hear = (envelope: EventEnvelope) => applyEventOnce(testbed.dataSource, handlers(), envelope);

  async function acceptedApplication(kind: PermitKind, scope: string): Promise<string> {
    const application = await testbed.services.permits.submit(
      JIANGSU,
      {
        creditCode: CARRIER.creditCode,
        kind,
        scope,
        regionCode: '320102',
        hazardClasses: kind === PermitKind.HAZARDOUS_GOODS_TRANSPORT ? ['3'] : null,
      },
      OFFICER,
    );
    await attachStandInMaterials(testbed.services.materials, JIANGSU, application, OFFICER);
    await testbed.services.permits.accept(JIANGSU, { applicationNumber: application.applicationNumber }, OFFICER);
    return application.applicationNumber;
  }

  beforeEach(async () => {
    testbed = await openSubgraphTestbed(licensingSubgraph, { externals: licensingStandIns().externals });
    await testbed.services.enterprises.register(SYSTEM_SCOPE, CARRIER);
  });
  afterEach(async () => {
    await testbed.close();
  });

  it('refuses a kind whose rule refuses, while the applicant is listed, and leaves the application as it was', async () => {
    await hear(listChanged(1, true));
    const applicationNumber = await acceptedApplication(PermitKind.HAZARDOUS_GOODS_TRANSPORT, '危险货物运输(3类)');
    const error = await expectDomainError(
      testbed.services.permits.approve(JIANGSU, { applicationNumber, jointDisciplineReason: '理由' }, REVIEWER),
    );
    expect(error.extensions).toMatchObject({ code: 'CONFLICT', reason: 'SERIOUS_DISHONESTY' });
    expect(error.message).toContain('严重失信主体名单');
    const application = await testbed.services.permits.findApplication(JIANGSU, applicationNumber);
    expect(application?.status).toBe('ACCEPTED');
  });

  it('asks the reason where the rule allows approval, and records it on the history', async () => {
    await hear(listChanged(1, true));
    const applicationNumber = await acceptedApplication(PermitKind.ROAD_FREIGHT_TRANSPORT, '普通货运');
    const missing = await expectDomainError(testbed.services.permits.approve(JIANGSU, { applicationNumber }, REVIEWER));
    expect(missing.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'jointDisciplineReason' });
    const { permit } = await testbed.services.permits.approve(
      JIANGSU,
      { applicationNumber, jointDisciplineReason: '已履行行政处罚并完成整改，保障地方应急运力' },
      REVIEWER,
    );
    expect(permit?.number).toBeTruthy();
    const application = await testbed.services.permits.findApplication(JIANGSU, applicationNumber);
    const history = await testbed.services.permits.queries.createHistoryLoader(JIANGSU).load(application!.id);
    expect(history.map((step) => step.comment).join('\n')).toContain(
      '仍予许可的理由: 已履行行政处罚并完成整改，保障地方应急运力',
    );
  });

  it('follows the newest version of an entry: a removal lifts the rule, a late older version changes nothing', async () => {
    await hear(listChanged(1, true));
    await hear(listChanged(2, false));
    await hear(listChanged(1, true)); // redelivered late under a new event id
    const applicationNumber = await acceptedApplication(PermitKind.HAZARDOUS_GOODS_TRANSPORT, '危险货物运输(3类)');
    const { permit } = await testbed.services.permits.approve(JIANGSU, { applicationNumber }, REVIEWER);
    expect(permit?.number).toBeTruthy();
  });

  it('reads per-kind rules from JOINT_DISCIPLINE_RULES over the defaults, and refuses a malformed setting', () => {
    expect(seriousDishonestyRules(undefined).ROAD_FREIGHT_TRANSPORT).toBe(SeriousDishonestyRule.REASON_REQUIRED);
    const rules = seriousDishonestyRules('ROAD_FREIGHT_TRANSPORT=REFUSE, HAZARDOUS_GOODS_TRANSPORT = REASON_REQUIRED');
    expect(rules.ROAD_FREIGHT_TRANSPORT).toBe(SeriousDishonestyRule.REFUSE);
    expect(rules.HAZARDOUS_GOODS_TRANSPORT).toBe(SeriousDishonestyRule.REASON_REQUIRED);
    expect(rules.ROAD_PASSENGER_TRANSPORT).toBe(SeriousDishonestyRule.REFUSE);
    expect(() => seriousDishonestyRules('ROAD_FREIGHT=REFUSE')).toThrow(/JOINT_DISCIPLINE_RULES/);
    expect(() => seriousDishonestyRules('ROAD_FREIGHT_TRANSPORT=MAYBE')).toThrow(/JOINT_DISCIPLINE_RULES/);
  });
});
