import type { EntityManager } from 'typeorm';
import type { EventEnvelope, EventPayloads, EventType } from '../../../platform/outbox/domain-event';
import { EventOutbox } from '../../../platform/outbox/event-outbox';
import { chinaToday } from '../../../platform/time/china-time';
import { CaseStatus } from '../enforcement-case/case-status';
import { CaseStepAction } from '../enforcement-case/case-step-action';
import { addDays } from '../enforcement-case/decision-deadline';
import { EnforcementCase } from '../enforcement-case/enforcement-case.entity';
import { PenaltyKind } from '../enforcement-case/penalty-kind';
import { expectDomainError } from '../../../platform/testing/expect-domain-error';
import { openSubgraphTestbed, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import {
  A_FINE,
  A_MAJOR_FINE,
  CARRIER,
  everything,
  filing,
  NATIONAL,
  OFFICER,
  procedure,
  SUPERVISOR,
} from '../enforcement.fixture';
import { enforcementSubgraph } from '../enforcement.subgraph';
import type { PenaltyProcedureService } from './penalty-procedure.service';

const REVOCATION = { penalty: PenaltyKind.PERMIT_REVOCATION, permitNumber: '3201022026WH000123' } as const;

describe('PenaltyProcedureService', () => {
  let testbed: TestbedOf<typeof enforcementSubgraph>;
  let penalties: PenaltyProcedureService;
  let story: ReturnType<typeof procedure>;
  beforeEach(async () => {
    testbed = await openSubgraphTestbed(enforcementSubgraph);
    penalties = testbed.services.penalties;
    story = procedure(testbed.services);
  });
  afterEach(async () => {
    await testbed.close();
  });

  /** Moves the notice's response due date into the past, as if the period had run out. */
  async function periodOver(caseNumber: string): Promise<void> {
    await testbed.dataSource
      .getRepository(EnforcementCase)
      .update({ caseNumber }, { responseDueDate: addDays(chinaToday(), -1) });
  }

  describe('legal review (法制审核)', () => {
    it('is required for a fine at or above the configured amount and for a permit penalty, not below it', async () => {
      const atThreshold = await penalties.propose(
        NATIONAL,
        {
          caseNumber: (await story.investigating()).caseNumber,
          penalty: PenaltyKind.FINE,
          fineFen: 1_000_000,
          summary: '拟罚款',
        },
        OFFICER,
      );
      expect(atThreshold).toMatchObject({ status: CaseStatus.LEGAL_REVIEW, legalReviewRequired: true });
      const below = await penalties.propose(
        NATIONAL,
        {
          caseNumber: (await story.investigating()).caseNumber,
          penalty: PenaltyKind.FINE,
          fineFen: 999_999,
          summary: '拟罚款',
        },
        OFFICER,
      );
      expect(below).toMatchObject({ status: CaseStatus.PENALTY_PROPOSED, legalReviewRequired: false });
      const revocation = await penalties.propose(
        NATIONAL,
        { caseNumber: (await story.investigating()).caseNumber, ...REVOCATION, summary: '拟吊销' },
        OFFICER,
      );
      expect(revocation).toMatchObject({
        status: CaseStatus.LEGAL_REVIEW,
        proposedPermitNumber: REVOCATION.permitNumber,
      });
      const warning = await penalties.propose(
        NATIONAL,
        { caseNumber: (await story.investigating()).caseNumber, penalty: PenaltyKind.WARNING, summary: '拟警告' },
        OFFICER,
      );
      expect(warning).toMatchObject({ status: CaseStatus.PENALTY_PROPOSED, legalReviewRequired: false });
    });

    it('follows the configured threshold', async () => {
      await testbed.close();
      testbed = await openSubgraphTestbed(enforcementSubgraph, { environment: { CASE_MAJOR_FINE_FEN: '300000' } });
      const open = await procedure(testbed.services).investigating();
      expect(
        await testbed.services.penalties.propose(
          NATIONAL,
          { caseNumber: open.caseNumber, ...A_FINE, summary: '拟罚款' },
          OFFICER,
        ),
      ).toMatchObject({ status: CaseStatus.LEGAL_REVIEW });
    });

    it('returns the case to investigation, or passes it to the notice, recording the opinion', async () => {
      const open = await story.investigating();
      await penalties.propose(
        NATIONAL,
        { caseNumber: open.caseNumber, ...A_MAJOR_FINE, summary: '拟罚款贰万元' },
        OFFICER,
      );
      const returned = await penalties.review(
        NATIONAL,
        { caseNumber: open.caseNumber, approved: false, opinion: '证据不足，补充调查' },
        SUPERVISOR,
      );
      expect(returned).toMatchObject({
        status: CaseStatus.INVESTIGATING,
        legalReviewApproved: false,
        legalReviewOpinion: '证据不足，补充调查',
      });
      // Notifying a returned proposal is refused: it must be proposed (and reviewed) again.
      expect(
        (await expectDomainError(penalties.notify(NATIONAL, { caseNumber: open.caseNumber }, OFFICER))).extensions,
      ).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
      const again = await penalties.propose(
        NATIONAL,
        { caseNumber: open.caseNumber, ...A_MAJOR_FINE, summary: '补充调查后拟罚款贰万元' },
        OFFICER,
      );
      expect(again).toMatchObject({
        status: CaseStatus.LEGAL_REVIEW,
        legalReviewApproved: null,
        legalReviewOpinion: null,
      });
      const passed = await penalties.review(
        NATIONAL,
        { caseNumber: open.caseNumber, approved: true, opinion: '事实清楚，证据确凿' },
        SUPERVISOR,
      );
      expect(passed).toMatchObject({
        status: CaseStatus.PENALTY_PROPOSED,
        legalReviewApproved: true,
        legalReviewedBy: SUPERVISOR,
      });
      const steps = await testbed.services.cases.createStepsLoader(NATIONAL).load(open.id);
      expect(steps.slice(3).map((step) => [step.action, step.toStatus])).toEqual([
        [CaseStepAction.PENALTY_PROPOSED, CaseStatus.LEGAL_REVIEW],
        [CaseStepAction.LEGAL_REVIEW_RETURNED, CaseStatus.INVESTIGATING],
        [CaseStepAction.PENALTY_PROPOSED, CaseStatus.LEGAL_REVIEW],
        [CaseStepAction.LEGAL_REVIEW_PASSED, CaseStatus.PENALTY_PROPOSED],
      ]);
    });

    it('is refused on a case that is not awaiting it', async () => {
      const open = await story.investigating();
      const before = await everything(testbed.dataSource);
      const refused = await expectDomainError(
        penalties.review(NATIONAL, { caseNumber: open.caseNumber, approved: true, opinion: '同意' }, SUPERVISOR),
      );
      expect(refused.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
      expect(await everything(testbed.dataSource)).toEqual(before);
    });
  });

  describe('the notice and the party’s rights (告知, 陈述申辩, 听证)', () => {
    it('gives a minor penalty statement and defence until the response due date, and keeps the decision until then', async () => {
      const notified = await story.notified(A_FINE);
      expect(notified).toMatchObject({
        status: CaseStatus.NOTIFIED,
        hearingAvailable: false,
        responseDueDate: addDays(chinaToday(), 5),
      });
      const early = await expectDomainError(
        penalties.decide(NATIONAL, { caseNumber: notified.caseNumber, ...A_FINE, decisionSummary: '罚款' }, SUPERVISOR),
      );
      expect(early.extensions).toMatchObject({ code: 'CONFLICT', reason: 'RESPONSE_PERIOD_OPEN' });
      expect(early.message).toBe(
        `The party may state its case on case ${notified.caseNumber} until ${addDays(chinaToday(), 5)}`,
      );
      // No hearing for a minor penalty.
      expect(
        (await expectDomainError(penalties.requestHearing(NATIONAL, { caseNumber: notified.caseNumber }, OFFICER)))
          .extensions,
      ).toMatchObject({ reason: 'NO_HEARING_RIGHT' });
      // Once the party has stated its case (it has no hearing to give up), the decision may follow.
      await penalties.recordStatement(
        NATIONAL,
        { caseNumber: notified.caseNumber, statement: '请求从轻处罚' },
        OFFICER,
      );
      expect(
        await penalties.decide(
          NATIONAL,
          { caseNumber: notified.caseNumber, ...A_FINE, decisionSummary: '罚款' },
          SUPERVISOR,
        ),
      ).toMatchObject({ status: CaseStatus.DECIDED });
    });

    it('lets the decision follow a silent party once the response period is over', async () => {
      const notified = await story.notified(A_MAJOR_FINE);
      await periodOver(notified.caseNumber);
      expect(
        await penalties.decide(
          NATIONAL,
          { caseNumber: notified.caseNumber, ...A_MAJOR_FINE, decisionSummary: '罚款' },
          SUPERVISOR,
        ),
      ).toMatchObject({ status: CaseStatus.DECIDED });
    });

    it('gives a major penalty a hearing: asked for in time, held, then decided', async () => {
      const notified = await story.notified(A_MAJOR_FINE);
      expect(notified).toMatchObject({ hearingAvailable: true });
      // A statement without giving up the hearing keeps the period open.
      await penalties.recordStatement(
        NATIONAL,
        { caseNumber: notified.caseNumber, statement: '对罚款数额有异议' },
        OFFICER,
      );
      expect(
        (
          await expectDomainError(
            penalties.decide(
              NATIONAL,
              { caseNumber: notified.caseNumber, ...A_MAJOR_FINE, decisionSummary: '罚款' },
              SUPERVISOR,
            ),
          )
        ).extensions,
      ).toMatchObject({
        reason: 'RESPONSE_PERIOD_OPEN',
      });
      const hearing = await penalties.requestHearing(
        NATIONAL,
        { caseNumber: notified.caseNumber, comment: '当事人书面申请听证' },
        OFFICER,
      );
      expect(hearing).toMatchObject({ status: CaseStatus.HEARING, hearingRequestedBy: OFFICER });
      expect(
        (
          await expectDomainError(
            penalties.decide(
              NATIONAL,
              { caseNumber: notified.caseNumber, ...A_MAJOR_FINE, decisionSummary: '罚款' },
              SUPERVISOR,
            ),
          )
        ).extensions,
      ).toMatchObject({
        reason: 'ILLEGAL_TRANSITION',
      });
      const future = await expectDomainError(
        penalties.recordHearing(
          NATIONAL,
          { caseNumber: notified.caseNumber, heldAt: new Date(Date.now() + 3600_000), record: '听证' },
          SUPERVISOR,
        ),
      );
      expect(future.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'heldAt' });
      const heard = await penalties.recordHearing(
        NATIONAL,
        { caseNumber: notified.caseNumber, heldAt: new Date(), record: '当事人到场陈述申辩' },
        SUPERVISOR,
      );
      expect(heard).toMatchObject({ status: CaseStatus.HEARD, hearingRecord: '当事人到场陈述申辩' });
      // After the hearing the fine may be lowered, never raised.
      const raised = await expectDomainError(
        penalties.decide(
          NATIONAL,
          { caseNumber: notified.caseNumber, penalty: PenaltyKind.FINE, fineFen: 2_000_001, decisionSummary: '罚款' },
          SUPERVISOR,
        ),
      );
      expect(raised.extensions).toMatchObject({ code: 'CONFLICT', reason: 'HEAVIER_THAN_NOTIFIED' });
      expect(
        await penalties.decide(
          NATIONAL,
          {
            caseNumber: notified.caseNumber,
            penalty: PenaltyKind.FINE,
            fineFen: 1_500_000,
            decisionSummary: '听证后酌减',
          },
          SUPERVISOR,
        ),
      ).toMatchObject({
        status: CaseStatus.DECIDED,
        fineFen: 1_500_000,
      });
    });

    it('refuses a hearing asked for after the response due date, or after the party gave it up', async () => {
      const late = await story.notified(A_MAJOR_FINE);
      await periodOver(late.caseNumber);
      expect(
        (await expectDomainError(penalties.requestHearing(NATIONAL, { caseNumber: late.caseNumber }, OFFICER)))
          .extensions,
      ).toMatchObject({ code: 'CONFLICT', reason: 'HEARING_REQUEST_LATE' });
      const waived = await story.readyToDecide(A_MAJOR_FINE);
      expect(
        (await expectDomainError(penalties.requestHearing(NATIONAL, { caseNumber: waived.caseNumber }, OFFICER)))
          .extensions,
      ).toMatchObject({ code: 'CONFLICT', reason: 'HEARING_WAIVED' });
      expect(
        (
          await expectDomainError(
            penalties.recordStatement(NATIONAL, { caseNumber: waived.caseNumber, statement: '再次陈述' }, OFFICER),
          )
        ).extensions,
      ).toMatchObject({
        code: 'CONFLICT',
        reason: 'STATEMENT_RECORDED',
      });
    });
  });

  describe('the decision', () => {
    it('stays within the penalty notified: a lighter kind is allowed, another permit or a heavier kind is not', async () => {
      const revocation = await story.readyToDecide(REVOCATION);
      const otherPermit = await expectDomainError(
        penalties.decide(
          NATIONAL,
          {
            caseNumber: revocation.caseNumber,
            penalty: PenaltyKind.PERMIT_REVOCATION,
            permitNumber: '3201022026WH000999',
            decisionSummary: '吊销',
          },
          SUPERVISOR,
        ),
      );
      expect(otherPermit.extensions).toMatchObject({ reason: 'HEAVIER_THAN_NOTIFIED' });
      expect(
        await penalties.decide(
          NATIONAL,
          {
            caseNumber: revocation.caseNumber,
            penalty: PenaltyKind.PERMIT_SUSPENSION,
            permitNumber: REVOCATION.permitNumber,
            decisionSummary: '暂扣',
          },
          SUPERVISOR,
        ),
      ).toMatchObject({
        penalty: PenaltyKind.PERMIT_SUSPENSION,
      });
      const warning = await story.readyToDecide({ penalty: PenaltyKind.WARNING });
      const fine = await expectDomainError(
        penalties.decide(NATIONAL, { caseNumber: warning.caseNumber, ...A_FINE, decisionSummary: '罚款' }, SUPERVISOR),
      );
      expect(fine.extensions).toMatchObject({ reason: 'HEAVIER_THAN_NOTIFIED' });
    });

    it('of no penalty follows the investigation directly; a penalty needs the notice first', async () => {
      const open = await story.investigating();
      const refused = await expectDomainError(
        penalties.decide(NATIONAL, { caseNumber: open.caseNumber, ...A_FINE, decisionSummary: '罚款' }, SUPERVISOR),
      );
      expect(refused.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOTICE_REQUIRED' });
      expect(
        await penalties.decide(
          NATIONAL,
          { caseNumber: open.caseNumber, penalty: PenaltyKind.NO_PENALTY, decisionSummary: '不予处罚' },
          SUPERVISOR,
        ),
      ).toMatchObject({
        status: CaseStatus.DECIDED,
        penalty: PenaltyKind.NO_PENALTY,
      });
    });

    it('writes case.decided for credit, statistics and licensing at the decision, with the penalty, fine and permit', async () => {
      const ready = await story.readyToDecide(REVOCATION, filing({ plateNumber: '苏A12345' }));
      expect((await testbed.outboxMessages()).filter((row) => row.type === 'case.decided')).toEqual([]);
      const decided = await penalties.decide(
        NATIONAL,
        { caseNumber: ready.caseNumber, ...REVOCATION, decisionSummary: '吊销道路运输经营许可证' },
        SUPERVISOR,
      );
      const rows = (await testbed.outboxMessages()).filter((row) => row.type === 'case.decided');
      expect(rows.map((row) => row.subscriber).sort()).toEqual(['credit', 'licensing', 'statistics']);
      expect(new Set(rows.map((row) => row.envelope.id)).size).toBe(1);
      expect(rows[0].envelope.payload).toEqual({
        caseNumber: ready.caseNumber,
        regionCode: '320102',
        creditCode: CARRIER,
        plateNumber: '苏A12345',
        cause: ready.cause,
        penalty: 'PERMIT_REVOCATION',
        fineFen: null,
        permitNumber: REVOCATION.permitNumber,
        summary: '吊销道路运输经营许可证',
        decidedAt: decided.decidedAt!.toISOString(),
        // Filed by an officer, not opened from weigh-station records.
        overloadExcessPercent: null,
      });
    });

    it('commits the decision and its event together: when the event cannot be written the case stays undecided', async () => {
      let failDecided = false;
      class FailingOutbox extends EventOutbox {
        override async publish<TType extends EventType>(
          manager: EntityManager,
          type: TType,
          payload: EventPayloads[TType],
        ): Promise<EventEnvelope<TType>> {
          const envelope = await super.publish(manager, type, payload);
          if (failDecided && type === 'case.decided') throw new Error('outbox unavailable');
          return envelope;
        }
      }
      await testbed.close();
      testbed = await openSubgraphTestbed(enforcementSubgraph, {
        createOutbox: (dataSource, transport) =>
          new FailingOutbox(
            dataSource,
            transport,
            { source: 'enforcement', pollIntervalMs: 60_000, maxBackoffMs: 1 },
            { debug() {}, info() {}, warn() {}, error() {} },
          ),
      });
      const ready = await procedure(testbed.services).readyToDecide();
      const before = await everything(testbed.dataSource);
      failDecided = true;
      await expect(
        testbed.services.penalties.decide(
          NATIONAL,
          { caseNumber: ready.caseNumber, ...A_FINE, decisionSummary: '罚款' },
          SUPERVISOR,
        ),
      ).rejects.toThrow('outbox unavailable');
      expect(await everything(testbed.dataSource)).toEqual(before);
      expect(await testbed.services.cases.find(NATIONAL, ready.caseNumber)).toMatchObject({
        status: CaseStatus.NOTIFIED,
        penalty: null,
        version: ready.version,
      });
    });

    it('refuses a fine without its amount, or an amount or permit that does not fit the penalty, writing nothing', async () => {
      const ready = await story.readyToDecide();
      const before = await everything(testbed.dataSource);
      const caseNumber = ready.caseNumber;
      const attempts: Array<[string, Parameters<PenaltyProcedureService['decide']>[1]]> = [
        ['fineFen', { caseNumber, penalty: PenaltyKind.FINE, decisionSummary: '罚款' }],
        ['fineFen', { caseNumber, penalty: PenaltyKind.FINE, fineFen: 0, decisionSummary: '罚款' }],
        ['fineFen', { caseNumber, penalty: PenaltyKind.FINE, fineFen: 100.5, decisionSummary: '罚款' }],
        ['fineFen', { caseNumber, penalty: PenaltyKind.WARNING, fineFen: 100, decisionSummary: '警告' }],
        ['permitNumber', { caseNumber, penalty: PenaltyKind.PERMIT_REVOCATION, decisionSummary: '吊销' }],
        [
          'permitNumber',
          { caseNumber, penalty: PenaltyKind.WARNING, permitNumber: '3201022026WH000123', decisionSummary: '警告' },
        ],
        ['decisionSummary', { caseNumber, penalty: PenaltyKind.WARNING, decisionSummary: '' }],
        ['expectedVersion', { caseNumber, expectedVersion: 0, penalty: PenaltyKind.WARNING, decisionSummary: '警告' }],
      ];
      for (const [field, input] of attempts) {
        const refused = await expectDomainError(penalties.decide(NATIONAL, input, SUPERVISOR));
        expect([field, refused.extensions]).toEqual([
          field,
          expect.objectContaining({ code: 'BAD_USER_INPUT', field }),
        ]);
      }
      const proposal = await expectDomainError(
        penalties.propose(NATIONAL, { caseNumber, penalty: PenaltyKind.NO_PENALTY, summary: '不予处罚' }, OFFICER),
      );
      expect(proposal.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'penalty' });
      expect(await everything(testbed.dataSource)).toEqual(before);
    });
  });
});
