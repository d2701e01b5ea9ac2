import type { EventEnvelope } from '../../../platform/outbox/domain-event';
import { OutboxMessage } from '../../../platform/outbox/outbox-message.entity';
import { expectDomainError } from '../../../platform/testing/expect-domain-error';
import { OFFICER, REVIEWER } from '../licensing.fixture';
import { ApplicationStatus, ReviewRecommendation } from './application-status';
import { ApplicationTransition } from './application-transition.entity';
import {
  actions,
  everything,
  freight,
  JIANGSU,
  NANJING_CARRIER,
  permitsPerTest,
  type PermitSpec,
} from './permit.fixture';
import { PermitKind } from './permit-kind';

// Deciding an application: acceptance, review, approval with the permit and its certificate in one
// transaction, the conflicts and roles that refuse a step, and withdrawal.

describe('PermitService: the procedure', () => {
  let testbed: PermitSpec['testbed'],
    outside: PermitSpec['outside'],
    permits: PermitSpec['permits'],
    submitted: PermitSpec['submitted'],
    accepted: PermitSpec['accepted'];
  permitsPerTest((spec) => ({ testbed, outside, permits, submitted, accepted } = spec));

  it('submits, accepts with the deadline in working days, approves and issues the permit with its certificate in one transaction', async () => {
    const application = await submitted();
    expect(application).toMatchObject({
      status: ApplicationStatus.SUBMITTED,
      submittedBy: 'js-licensing-officer',
      version: 1,
      decisionDueDate: null,
    });

    const acceptance = await permits.accept(
      JIANGSU,
      { applicationNumber: application.applicationNumber, expectedVersion: 1 },
      OFFICER,
    );
    expect(acceptance).toMatchObject({
      status: ApplicationStatus.ACCEPTED,
      handlingOfficer: 'js-licensing-officer',
      decisionDueDate: '2026-10-19',
      version: 2,
    });
    expect(permits.workingDaysLeft(acceptance)).toBe(20);

    const { application: approved, permit } = await permits.approve(
      JIANGSU,
      { applicationNumber: application.applicationNumber, expectedVersion: 2, conditions: '限普通货运' },
      REVIEWER,
    );
    expect(approved).toMatchObject({
      status: ApplicationStatus.APPROVED,
      decidedBy: 'js-licensing-reviewer',
      decisionComment: '限普通货运',
      permitNumber: permit!.number,
    });
    expect(permit).toMatchObject({
      kind: PermitKind.ROAD_FREIGHT_TRANSPORT,
      creditCode: NANJING_CARRIER.creditCode,
      regionCode: '320102',
      validFrom: '2026-09-15',
      validUntil: '2030-09-14',
    });
    expect(outside.certificates.issued).toEqual([{ permitNumber: permit!.number, inTransaction: true }]);
    const outbox = await testbed.dataSource.getRepository(OutboxMessage).findBy({ eventType: 'permit.issued' });
    // One event, one row per subscriber.
    expect(outbox.map((message) => message.subscriber).sort()).toEqual(['credit', 'safety', 'statistics']);
    expect(
      new Set(
        outbox.map((message) => (JSON.parse(message.envelope) as EventEnvelope<'permit.issued'>).payload.permitNumber),
      ),
    ).toEqual(new Set([permit!.number]));
    // What credit publishes under 双公示 comes with the event: the holder's name, the matter, its basis, the validity.
    expect((JSON.parse(outbox[0].envelope) as EventEnvelope<'permit.issued'>).payload).toMatchObject({
      enterpriseName: NANJING_CARRIER.name,
      matter: '道路货物运输经营许可',
      legalBasis: '道路运输条例; 道路货物运输及站场管理规定',
      validFrom: '2026-09-15',
      validUntil: '2030-09-14',
    });
    const registered = await testbed.dataSource
      .getRepository(OutboxMessage)
      .findBy({ eventType: 'enterprise.registered' });
    expect(
      registered.some(
        (message) =>
          (JSON.parse(message.envelope) as EventEnvelope<'enterprise.registered'>).payload.creditCode ===
          NANJING_CARRIER.creditCode,
      ),
    ).toBe(true);
    expect(await actions(testbed.dataSource, application.id)).toEqual([
      'SUBMIT:->SUBMITTED',
      'ACCEPT:SUBMITTED>ACCEPTED',
      'APPROVE:ACCEPTED>APPROVED',
      'ISSUE:APPROVED>APPROVED',
    ]);
    const issue = await testbed.dataSource
      .getRepository(ApplicationTransition)
      .findOneByOrFail({ applicationId: application.id, action: 'ISSUE' as never });
    expect(issue.comment).toBe(
      `Permit ${permit!.number} issued, valid 2026-09-15 to 2030-09-14; electronic certificate CERT-${permit!.number}`,
    );
  });

  it('writes nothing when the certificate cannot be issued: no permit without its certificate', async () => {
    const application = await accepted();
    const before = await everything(testbed.dataSource);
    outside.certificates.fails = true;
    await expect(
      permits.approve(JIANGSU, { applicationNumber: application.applicationNumber }, REVIEWER),
    ).rejects.toThrow('signing key unavailable');
    expect(await everything(testbed.dataSource)).toEqual(before);
  });

  it('refuses a stale version and an illegal step with CONFLICT, writing nothing', async () => {
    const application = await accepted();
    const before = await everything(testbed.dataSource);
    const stale = await expectDomainError(
      permits.approve(JIANGSU, { applicationNumber: application.applicationNumber, expectedVersion: 1 }, REVIEWER),
    );
    expect(stale.extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    const illegal = await expectDomainError(
      permits.accept(JIANGSU, { applicationNumber: application.applicationNumber }, OFFICER),
    );
    expect(illegal.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
    expect(illegal.message).toBe(
      `Application ${application.applicationNumber} is ACCEPTED; ACCEPT is not possible now`,
    );
    expect(await everything(testbed.dataSource)).toEqual(before);
  });

  it('lets exactly one of two decisions on the same version win', async () => {
    const application = await accepted();
    const input = { applicationNumber: application.applicationNumber, expectedVersion: application.version };
    const outcomes = await Promise.allSettled([
      permits.approve(JIANGSU, { ...input, conditions: null }, REVIEWER),
      permits.reject(JIANGSU, { ...input, reason: '经营场所不符合要求' }, REVIEWER),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const loser = outcomes.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected')!;
    expect(loser.reason).toMatchObject({ extensions: { code: 'CONFLICT', reason: 'STALE_VERSION' } });
    expect(
      await testbed.dataSource.getRepository(ApplicationTransition).countBy({ applicationId: application.id }),
    ).toBe(outcomes[0].status === 'fulfilled' ? 4 : 3);
  });

  it("checks each step against the kind's roles", async () => {
    const application = await accepted();
    const refusal = await expectDomainError(
      permits.approve(JIANGSU, { applicationNumber: application.applicationNumber }, OFFICER),
    );
    expect(refusal.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(refusal.message).toBe('Only licensing-reviewer may decide ROAD_FREIGHT_TRANSPORT applications');
    expect((await expectDomainError(permits.submit(JIANGSU, freight(), REVIEWER))).extensions).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  describe('review before decision', () => {
    const passenger = () =>
      freight({
        creditCode: NANJING_CARRIER.creditCode,
        kind: PermitKind.ROAD_PASSENGER_TRANSPORT,
        scope: '省际班车客运',
      });

    it('needs a review opinion first where the kind requires one', async () => {
      const application = await accepted(passenger());
      const early = await expectDomainError(
        permits.approve(JIANGSU, { applicationNumber: application.applicationNumber }, REVIEWER),
      );
      expect(early.extensions).toMatchObject({ code: 'CONFLICT', reason: 'REVIEW_REQUIRED' });
      const reviewed = await permits.review(
        JIANGSU,
        {
          applicationNumber: application.applicationNumber,
          recommendation: ReviewRecommendation.APPROVE,
          opinion: '车辆、驾驶员条件符合要求',
        },
        REVIEWER,
      );
      expect(reviewed).toMatchObject({
        status: ApplicationStatus.REVIEWED,
        reviewRecommendation: 'APPROVE',
        reviewedBy: 'js-licensing-reviewer',
      });
      const { application: approved } = await permits.approve(
        JIANGSU,
        { applicationNumber: application.applicationNumber },
        REVIEWER,
      );
      expect(approved.status).toBe(ApplicationStatus.APPROVED);
      expect(await actions(testbed.dataSource, application.id)).toEqual([
        'SUBMIT:->SUBMITTED',
        'ACCEPT:SUBMITTED>ACCEPTED',
        'REVIEW:ACCEPTED>REVIEWED',
        'APPROVE:REVIEWED>APPROVED',
        'ISSUE:APPROVED>APPROVED',
      ]);
    });
  });

  describe('withdrawal', () => {
    it('is possible until the decision and not after it', async () => {
      const pending = await accepted();
      expect(
        (
          await permits.withdraw(
            JIANGSU,
            { applicationNumber: pending.applicationNumber, reason: '企业暂停该项业务' },
            OFFICER,
          )
        ).status,
      ).toBe(ApplicationStatus.WITHDRAWN);
      const decided = await accepted();
      await permits.approve(JIANGSU, { applicationNumber: decided.applicationNumber }, REVIEWER);
      expect(
        (
          await expectDomainError(
            permits.withdraw(JIANGSU, { applicationNumber: decided.applicationNumber, reason: '撤回' }, OFFICER),
          )
        ).extensions,
      ).toMatchObject({
        code: 'CONFLICT',
        reason: 'ILLEGAL_TRANSITION',
      });
    });
  });
});
