import { randomUUID } from 'node:crypto';
import { SYSTEM_SCOPE } from '../../../platform/auth/region-scope';
import { DEMO_ENTERPRISES } from '../../../platform/demo/demo-dataset';
import type { EventEnvelope, EventPayloads } from '../../../platform/outbox/domain-event';
import { applyEventOnce } from '../../../platform/outbox/event-inbox';
import { licensingSubgraph } from '../licensing.subgraph';
import { scopeIn } from '../../../platform/testing/callers';
import { expectDomainError } from '../../../platform/testing/expect-domain-error';
import { openSubgraphTestbed, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import { licensingStandIns, type LicensingStandIns, OFFICER, REVIEWER } from '../licensing.fixture';
import { OutboxMessage } from '../../../platform/outbox/outbox-message.entity';
import { PermitStatusChange } from './permit-status-change.entity';
import { PermitKind } from './permit-kind';
import { Permit, PermitStatus } from './permit.entity';
import { attachStandInMaterials } from '../attachment/stand-in-materials';

const CARRIER = DEMO_ENTERPRISES[0]; // 320102
const JIANGSU = scopeIn('320000');
const ZHEJIANG = scopeIn('330000');

function caseDecided(
  permitNumber: string | null,
  penalty: string,
  caseNumber = '320102202600000' + String(Math.floor(Math.random() * 9) + 1),
): EventEnvelope<'case.decided'> {
  const payload: EventPayloads['case.decided'] = {
    caseNumber,
    regionCode: '320102',
    creditCode: CARRIER.creditCode,
    plateNumber: null,
    cause: '超限运输',
    penalty,
    fineFen: null,
    permitNumber,
    summary: '超限运输情节严重',
    decidedAt: new Date().toISOString(),
  };
  return {
    id: randomUUID(),
    type: 'case.decided',
    source: 'enforcement',
    occurredAt: new Date().toISOString(),
    payload,
  };
}

describe('PermitSanctionService: suspension, restoration and revocation', () => {
  let testbed: TestbedOf<typeof licensingSubgraph>;
  let outside: LicensingStandIns;
  let permitNumber: string;
  // The subgraph's own wiring of the event; the handler uses only the permit sanctions.
  const handlers = () => licensingSubgraph.eventHandlers!(testbed.services);
  const statusOf = async () =>
    (await testbed.dataSource.getRepository(Permit).findOneByOrFail({ number: permitNumber })).status;
  const changes = async () =>
    (await testbed.dataSource.getRepository(PermitStatusChange).find({ order: { id: 'ASC' } })).map((change) => [
      change.fromStatus,
      change.toStatus,
      change.actor,
      change.caseNumber,
    ]);

  beforeEach(async () => {
    outside = licensingStandIns();
    testbed = await openSubgraphTestbed(licensingSubgraph, { externals: outside.externals });
    await testbed.services.enterprises.register(SYSTEM_SCOPE, CARRIER);
    const application = await testbed.services.permits.submit(
      JIANGSU,
      {
        creditCode: CARRIER.creditCode,
        kind: PermitKind.HAZARDOUS_GOODS_TRANSPORT,
        scope: '危险货物运输(3类)',
        hazardClasses: ['3'],
        regionCode: '320102',
      },
      OFFICER,
    );
    await attachStandInMaterials(testbed.services.materials, JIANGSU, application, OFFICER);
    await testbed.services.permits.accept(JIANGSU, { applicationNumber: application.applicationNumber }, OFFICER);
    permitNumber = (
      await testbed.services.permits.approve(JIANGSU, { applicationNumber: application.applicationNumber }, REVIEWER)
    ).permit!.number;
  });
  afterEach(async () => {
    await testbed.close();
  });

  it('lets a reviewer of the issuing region suspend, restore and revoke, recording each change', async () => {
    const sanctions = testbed.services.permitSanctions;
    expect((await sanctions.suspend(JIANGSU, { permitNumber, reason: '车辆未按规定检测' }, REVIEWER)).status).toBe(
      PermitStatus.SUSPENDED,
    );
    expect((await sanctions.restore(JIANGSU, { permitNumber, reason: '已整改' }, REVIEWER)).status).toBe(
      PermitStatus.VALID,
    );
    expect((await sanctions.revoke(JIANGSU, { permitNumber, reason: '以欺骗手段取得许可' }, REVIEWER)).status).toBe(
      PermitStatus.REVOKED,
    );
    const final = await expectDomainError(sanctions.restore(JIANGSU, { permitNumber, reason: '恢复' }, REVIEWER));
    expect(final.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
    expect(await changes()).toEqual([
      ['VALID', 'SUSPENDED', 'js-licensing-reviewer', null],
      ['SUSPENDED', 'VALID', 'js-licensing-reviewer', null],
      ['VALID', 'REVOKED', 'js-licensing-reviewer', null],
    ]);
    const history = await sanctions
      .createStatusHistoryLoader(JIANGSU)
      .load((await testbed.dataSource.getRepository(Permit).findOneByOrFail({ number: permitNumber })).id);
    expect(history.map((change) => change.reason)).toEqual(['车辆未按规定检测', '已整改', '以欺骗手段取得许可']);
    // Credit and safety hear each change (permit.status-changed), without the reasons, which stay in licensing.
    const told = (
      await testbed.dataSource
        .getRepository(OutboxMessage)
        .findBy({ eventType: 'permit.status-changed', subscriber: 'credit' })
    )
      .map((message) => JSON.parse(message.envelope) as EventEnvelope<'permit.status-changed'>)
      .map(({ payload }) => [payload.permitNumber, payload.fromStatus, payload.toStatus, payload.caseNumber]);
    expect(told).toEqual([
      [permitNumber, 'VALID', 'SUSPENDED', null],
      [permitNumber, 'SUSPENDED', 'VALID', null],
      [permitNumber, 'VALID', 'REVOKED', null],
    ]);
  });

  it('refuses other regions (the permit does not exist for them) and officers without the deciding role', async () => {
    const sanctions = testbed.services.permitSanctions;
    expect(
      (await expectDomainError(sanctions.suspend(ZHEJIANG, { permitNumber, reason: '暂扣' }, REVIEWER))).extensions,
    ).toMatchObject({ code: 'NOT_FOUND' });
    expect(
      (await expectDomainError(sanctions.suspend(JIANGSU, { permitNumber, reason: '暂扣' }, OFFICER))).extensions,
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      (await expectDomainError(sanctions.suspend(JIANGSU, { permitNumber, reason: ' ' }, REVIEWER))).extensions,
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(await changes()).toEqual([]);
  });

  it("applies enforcement's case.decided once: suspension, a repeated suspension, then revocation", async () => {
    const suspension = caseDecided(permitNumber, 'PERMIT_SUSPENSION', '320102202600001');
    expect(await applyEventOnce(testbed.dataSource, handlers(), suspension)).toBe('applied');
    expect(await statusOf()).toBe(PermitStatus.SUSPENDED);
    expect(await applyEventOnce(testbed.dataSource, handlers(), suspension)).toBe('duplicate');
    // Another decision suspending the same permit leaves it as it is.
    expect(
      await applyEventOnce(
        testbed.dataSource,
        handlers(),
        caseDecided(permitNumber, 'PERMIT_SUSPENSION', '320102202600002'),
      ),
    ).toBe('applied');
    expect(
      await applyEventOnce(
        testbed.dataSource,
        handlers(),
        caseDecided(permitNumber, 'PERMIT_REVOCATION', '320102202600003'),
      ),
    ).toBe('applied');
    expect(await statusOf()).toBe(PermitStatus.REVOKED);
    expect(await changes()).toEqual([
      ['VALID', 'SUSPENDED', 'system:enforcement-decision', '320102202600001'],
      ['SUSPENDED', 'REVOKED', 'system:enforcement-decision', '320102202600003'],
    ]);
  });

  it('ignores decisions that do not act on a permit it holds', async () => {
    for (const envelope of [
      caseDecided(null, 'FINE'),
      caseDecided(permitNumber, 'WARNING'),
      caseDecided('3201022026HY999999', 'PERMIT_REVOCATION'),
    ]) {
      expect(await applyEventOnce(testbed.dataSource, handlers(), envelope)).toBe('applied');
    }
    expect(await statusOf()).toBe(PermitStatus.VALID);
    expect(await changes()).toEqual([]);
  });
});
