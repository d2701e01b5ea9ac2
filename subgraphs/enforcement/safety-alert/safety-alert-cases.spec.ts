import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '../../../platform/outbox/domain-event';
import { openSubgraphTestbed, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import { CaseStatus } from '../enforcement-case/case-status';
import { EnforcementCase } from '../enforcement-case/enforcement-case.entity';
import { enforcementSubgraph } from '../enforcement.subgraph';
import { SAFETY_ALERT_FILER } from './safety-alert-cases.handlers';

function escalated(alertId: number): EventEnvelope<'safety-alert.escalated'> {
  return {
    id: randomUUID(),
    type: 'safety-alert.escalated',
    source: 'safety',
    occurredAt: '2026-12-01T03:00:00.000Z',
    payload: {
      alertId,
      kind: 'FATIGUE_DRIVING',
      plateNumber: '苏A12345',
      ownerCreditCode: '91320102MA1MY0R10Q',
      regionCode: '320104',
      occurredAt: '2026-12-01T02:00:00.000Z',
      description: '疲劳驾驶：车辆 苏A12345 连续驾驶 260 分钟。',
      escalatedBy: 'js-safety-officer',
      escalatedAt: '2026-12-01T03:00:00.000Z',
    },
  };
}

describe('escalated monitoring alerts (safety-alert.escalated -> a draft case)', () => {
  let testbed: TestbedOf<typeof enforcementSubgraph>;
  beforeEach(async () => {
    testbed = await openSubgraphTestbed(enforcementSubgraph);
  });
  afterEach(async () => {
    await testbed.close();
  });
  const cases = () => testbed.dataSource.getRepository(EnforcementCase).find({ order: { id: 'ASC' } });

  it('opens one draft in the certifying region, awaiting filing approval, however often delivered', async () => {
    const event = escalated(7);
    expect(await testbed.deliver(event)).toBe('applied');
    expect(await testbed.deliver(event)).toBe('duplicate');
    const [draft, ...others] = await cases();
    expect(others).toEqual([]);
    expect(draft).toMatchObject({
      regionCode: '320104',
      status: CaseStatus.FILING_PENDING,
      plateNumber: '苏A12345',
      creditCode: '91320102MA1MY0R10Q',
      filedBy: SAFETY_ALERT_FILER,
    });
    expect(draft.cause).toContain('疲劳驾驶');
    expect(draft.cause).toContain('#7');
  });

  it('numbers drafts of two alerts from the region’s serial', async () => {
    await testbed.deliver(escalated(8));
    await testbed.deliver(escalated(9));
    const numbers = (await cases()).map((found) => found.caseNumber);
    expect(new Set(numbers).size).toBe(2);
  });
});
