import type { EventEnvelope, EventPayloads } from '../../../platform/outbox/domain-event';
import { OutboxMessage } from '../../../platform/outbox/outbox-message.entity';
import { OFFICER, REVIEWER } from '../licensing.fixture';
import { JIANGSU, permitsPerTest, type PermitSpec } from './permit.fixture';

// The events statistics counts applications from: received on submission, decided when approved or
// refused, with the working days taken on the deadline calendar and whether the deadline had passed.

describe('PermitService: events of received and decided applications', () => {
  let testbed: PermitSpec['testbed'],
    outside: PermitSpec['outside'],
    permits: PermitSpec['permits'],
    submitted: PermitSpec['submitted'],
    accepted: PermitSpec['accepted'];
  permitsPerTest((spec) => ({ testbed, outside, permits, submitted, accepted } = spec));

  async function published<
    TType extends 'permit-application.received' | 'permit-application.decided' | 'permit-application.overdue',
  >(type: TType): Promise<Array<EventPayloads[TType]>> {
    const messages = await testbed.dataSource.getRepository(OutboxMessage).find({
      where: { eventType: type },
      order: { id: 'ASC' },
    });
    expect(messages.every((message) => message.subscriber === 'statistics')).toBe(true);
    return messages.map((message) => (JSON.parse(message.envelope) as EventEnvelope<TType>).payload);
  }

  it('publishes each submission once as received, under its kind and handling region', async () => {
    const application = await submitted();
    expect(await published('permit-application.received')).toEqual([
      {
        applicationNumber: application.applicationNumber,
        kind: 'ROAD_FREIGHT_TRANSPORT',
        regionCode: '320102',
        receivedAt: '2026-09-15T02:00:00.000Z',
      },
    ]);
    expect(await published('permit-application.decided')).toEqual([]);
  });

  it('publishes an approval in time with the working days from acceptance, on the working-day calendar', async () => {
    const application = await accepted();
    // Tuesday 15 September to Tuesday 22 September: five weekdays and Sunday 20th, worked for National Day (调休).
    outside.clock.now = new Date('2026-09-22T02:00:00Z');
    await permits.approve(JIANGSU, { applicationNumber: application.applicationNumber }, REVIEWER);
    expect(await published('permit-application.decided')).toEqual([
      {
        applicationNumber: application.applicationNumber,
        kind: 'ROAD_FREIGHT_TRANSPORT',
        regionCode: '320102',
        outcome: 'APPROVED',
        receivedAt: '2026-09-15T02:00:00.000Z',
        acceptedAt: '2026-09-15T02:00:00.000Z',
        decidedAt: '2026-09-22T02:00:00.000Z',
        decisionDueDate: '2026-10-19',
        workingDays: 6,
        overdue: false,
      },
    ]);
  });

  it('publishes a refusal the day after the due date as overdue, and one on the due date as not', async () => {
    const late = await accepted();
    const onTime = await accepted();
    outside.clock.now = new Date('2026-10-19T08:00:00Z');
    await permits.reject(JIANGSU, { applicationNumber: onTime.applicationNumber, reason: '不符合法定条件' }, REVIEWER);
    outside.clock.now = new Date('2026-10-20T02:00:00Z');
    await permits.reject(JIANGSU, { applicationNumber: late.applicationNumber, reason: '不符合法定条件' }, REVIEWER);
    expect(
      (await published('permit-application.decided')).map(({ outcome, workingDays, overdue }) => ({
        outcome,
        workingDays,
        overdue,
      })),
    ).toEqual([
      { outcome: 'REFUSED', workingDays: 20, overdue: false },
      { outcome: 'REFUSED', workingDays: 21, overdue: true },
    ]);
  });

  it('announces an application undecided past its deadline once, by the sweep, without a new version', async () => {
    const waiting = await accepted();
    const decidedLate = await accepted();
    // On the due date nothing is overdue yet.
    outside.clock.now = new Date('2026-10-19T08:00:00Z');
    expect(await permits.overdue.sweep()).toBe(0);
    // Two days later (the first day past the deadline began at 00:00 China time on 20 October): one is
    // decided before the sweep comes, which announces it; the sweep announces the other.
    outside.clock.now = new Date('2026-10-21T02:00:00Z');
    await permits.approve(JIANGSU, { applicationNumber: decidedLate.applicationNumber }, REVIEWER);
    expect(await permits.overdue.sweep()).toBe(1);
    expect(await permits.overdue.sweep()).toBe(0);
    expect(await published('permit-application.overdue')).toEqual([
      {
        applicationNumber: decidedLate.applicationNumber,
        kind: 'ROAD_FREIGHT_TRANSPORT',
        regionCode: '320102',
        decisionDueDate: '2026-10-19',
        overdueAt: '2026-10-19T16:00:00.000Z',
      },
      {
        applicationNumber: waiting.applicationNumber,
        kind: 'ROAD_FREIGHT_TRANSPORT',
        regionCode: '320102',
        decisionDueDate: '2026-10-19',
        overdueAt: '2026-10-19T16:00:00.000Z',
      },
    ]);
    // The officer's version still holds; deciding it late announces nothing more.
    await permits.approve(
      JIANGSU,
      { applicationNumber: waiting.applicationNumber, expectedVersion: waiting.version },
      REVIEWER,
    );
    expect(await published('permit-application.overdue')).toHaveLength(2);
    expect((await published('permit-application.decided')).map((payload) => payload.overdue)).toEqual([true, true]);
  });

  it('counts a refusal before acceptance (不予受理) from the submission; a withdrawal is no decision', async () => {
    const refused = await submitted();
    const withdrawn = await submitted();
    outside.clock.now = new Date('2026-09-17T02:00:00Z');
    await permits.reject(
      JIANGSU,
      { applicationNumber: refused.applicationNumber, reason: '不属于本机关职权' },
      REVIEWER,
    );
    await permits.withdraw(JIANGSU, { applicationNumber: withdrawn.applicationNumber, reason: '企业撤回' }, OFFICER);
    expect(await published('permit-application.decided')).toEqual([
      expect.objectContaining({
        applicationNumber: refused.applicationNumber,
        outcome: 'REFUSED',
        acceptedAt: null,
        decisionDueDate: null,
        workingDays: 2,
        overdue: false,
      }),
    ]);
    expect(await published('permit-application.received')).toHaveLength(2);
  });
});
