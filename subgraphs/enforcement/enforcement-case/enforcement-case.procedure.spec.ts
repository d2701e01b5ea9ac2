import { expect } from '@jest/globals';
import { pageRequest } from '../../../platform/graphql/connection';
import { chinaDate, chinaToday, chinaYear } from '../../../platform/time/china-time';
import { expectDomainError } from '../../../platform/testing/expect-domain-error';
import {
  A_FINE,
  CARRIER,
  enforcementPerTest,
  everything,
  filing,
  NATIONAL,
  OFFICER,
  procedure,
  SUPERVISOR,
  type EnforcementSpec,
  type EnforcementTestbed,
} from '../enforcement.fixture';
import { CaseStatus } from './case-status';
import { CaseStep } from './case-step.entity';
import { CaseStepAction } from './case-step-action';
import { addDays } from './decision-deadline';
import type { EnforcementCaseService } from './enforcement-case.service';
import { PenaltyKind } from './penalty-kind';

// The case procedure step by step: filing, approval or refusal, investigation, closing or dismissal, the
// decision deadline, and the conflicts that leave a case as it was. The penalty steps: penalty/.

const YEAR = chinaYear();

describe('EnforcementCaseService', () => {
  let testbed: EnforcementTestbed, cases: EnforcementCaseService, story: EnforcementSpec['story'];
  const reopen = enforcementPerTest((spec) => ({ testbed, cases, story } = spec));

  describe('the procedure', () => {
    it('takes a case from filing through approval, investigation, proposal, notice, statement, decision and payment to closing, recording every step', async () => {
      const filed = await cases.file(NATIONAL, filing({ plateNumber: '苏A12345' }), OFFICER);
      expect(filed).toMatchObject({
        caseNumber: `320102${YEAR}000001`,
        regionCode: '320102',
        status: CaseStatus.FILING_PENDING,
        creditCode: CARRIER,
        plateNumber: '苏A12345',
        penalty: null,
        fineFen: null,
        filedBy: OFFICER,
        filingApprovedBy: null,
        version: 1,
      });
      const approved = await cases.approveFiling(
        NATIONAL,
        { caseNumber: filed.caseNumber, expectedVersion: 1, comment: '同意立案' },
        SUPERVISOR,
      );
      expect(approved).toMatchObject({ status: CaseStatus.FILED, filingApprovedBy: SUPERVISOR, version: 2 });
      // The decision period runs from the approval (立案之日), 90 days by default.
      expect(approved.decisionDueDate).toBe(addDays(chinaDate(approved.filingApprovedAt!), 90));

      const investigating = await cases.startInvestigation(
        NATIONAL,
        { caseNumber: filed.caseNumber, expectedVersion: 2, comment: '现场检查' },
        OFFICER,
      );
      expect(investigating).toMatchObject({ status: CaseStatus.INVESTIGATING, version: 3 });
      const { penalties } = testbed.services;
      const proposed = await penalties.propose(
        NATIONAL,
        { caseNumber: filed.caseNumber, expectedVersion: 3, ...A_FINE, summary: '拟处罚款伍仟元' },
        OFFICER,
      );
      expect(proposed).toMatchObject({
        status: CaseStatus.PENALTY_PROPOSED,
        proposedPenalty: PenaltyKind.FINE,
        proposedFineFen: 500_000,
        legalReviewRequired: false,
        version: 4,
      });
      const notified = await penalties.notify(NATIONAL, { caseNumber: filed.caseNumber, expectedVersion: 4 }, OFFICER);
      expect(notified).toMatchObject({
        status: CaseStatus.NOTIFIED,
        hearingAvailable: false,
        responseDueDate: addDays(chinaToday(), 5),
        version: 5,
      });
      const stated = await penalties.recordStatement(
        NATIONAL,
        { caseNumber: filed.caseNumber, expectedVersion: 5, statement: '对违法事实无异议' },
        OFFICER,
      );
      expect(stated).toMatchObject({
        status: CaseStatus.NOTIFIED,
        partyStatement: '对违法事实无异议',
        hearingWaived: false,
        version: 6,
      });
      const decided = await penalties.decide(
        NATIONAL,
        { caseNumber: filed.caseNumber, expectedVersion: 6, ...A_FINE, decisionSummary: '处罚款人民币伍仟元' },
        SUPERVISOR,
      );
      expect(decided).toMatchObject({
        status: CaseStatus.DECIDED,
        version: 7,
        penalty: PenaltyKind.FINE,
        fineFen: 500_000,
        decisionSummary: '处罚款人民币伍仟元',
        decidedBy: SUPERVISOR,
      });
      const executed = await penalties.recordExecution(
        NATIONAL,
        { caseNumber: filed.caseNumber, expectedVersion: 7, paidFen: 500_000, paymentReference: 'JK0001' },
        OFFICER,
      );
      expect(executed).toMatchObject({
        status: CaseStatus.EXECUTED,
        paidFen: 500_000,
        paymentReference: 'JK0001',
        version: 8,
      });
      const closed = await cases.close(NATIONAL, { caseNumber: filed.caseNumber, expectedVersion: 8 }, SUPERVISOR);
      expect(closed).toMatchObject({ status: CaseStatus.CLOSED, version: 9, fineFen: 500_000 });
      expect(closed.closedAt).toBeInstanceOf(Date);

      const steps = await cases.createStepsLoader(NATIONAL).load(filed.id);
      expect(steps.map((step) => [step.action, step.fromStatus, step.toStatus, step.actor, step.regionCode])).toEqual([
        [CaseStepAction.FILING_SUBMITTED, null, CaseStatus.FILING_PENDING, OFFICER, '320102'],
        [CaseStepAction.FILING_APPROVED, CaseStatus.FILING_PENDING, CaseStatus.FILED, SUPERVISOR, '320102'],
        [CaseStepAction.INVESTIGATION_STARTED, CaseStatus.FILED, CaseStatus.INVESTIGATING, OFFICER, '320102'],
        [CaseStepAction.PENALTY_PROPOSED, CaseStatus.INVESTIGATING, CaseStatus.PENALTY_PROPOSED, OFFICER, '320102'],
        [CaseStepAction.PARTY_NOTIFIED, CaseStatus.PENALTY_PROPOSED, CaseStatus.NOTIFIED, OFFICER, '320102'],
        [CaseStepAction.STATEMENT_RECORDED, CaseStatus.NOTIFIED, CaseStatus.NOTIFIED, OFFICER, '320102'],
        [CaseStepAction.DECIDED, CaseStatus.NOTIFIED, CaseStatus.DECIDED, SUPERVISOR, '320102'],
        [CaseStepAction.EXECUTED, CaseStatus.DECIDED, CaseStatus.EXECUTED, OFFICER, '320102'],
        [CaseStepAction.CLOSED, CaseStatus.EXECUTED, CaseStatus.CLOSED, SUPERVISOR, '320102'],
      ]);
      expect(steps.map((step) => step.comment)).toEqual([
        null,
        '同意立案',
        '现场检查',
        'FINE 500000 fen: 拟处罚款伍仟元',
        `FINE 500000 fen notified; statement and defence until ${addDays(chinaToday(), 5)}`,
        'statement recorded',
        '处罚款人民币伍仟元',
        '500000 fen paid, receipt JK0001',
        null,
      ]);
    });

    it('refuses a filing with its reasons (不予立案), after which the case cannot move on', async () => {
      const filed = await cases.file(NATIONAL, filing(), OFFICER);
      const refused = await cases.rejectFiling(
        NATIONAL,
        { caseNumber: filed.caseNumber, reason: '不属于本机关管辖' },
        SUPERVISOR,
      );
      expect(refused).toMatchObject({
        status: CaseStatus.NOT_FILED,
        filingRejectionReason: '不属于本机关管辖',
        filingApprovedBy: SUPERVISOR,
        version: 2,
      });
      for (const attempt of [
        cases.approveFiling(NATIONAL, { caseNumber: filed.caseNumber }, SUPERVISOR),
        cases.startInvestigation(NATIONAL, { caseNumber: filed.caseNumber }, OFFICER),
        cases.dismiss(NATIONAL, { caseNumber: filed.caseNumber, reason: '撤销' }, SUPERVISOR),
      ]) {
        expect((await expectDomainError(attempt)).extensions).toMatchObject({
          code: 'CONFLICT',
          reason: 'ILLEGAL_TRANSITION',
        });
      }
    });

    it('dismisses an opened, undecided case with its reason, after which it cannot move on', async () => {
      const opened = await story.opened();
      const dismissed = await cases.dismiss(
        NATIONAL,
        { caseNumber: opened.caseNumber, reason: '违法事实不能成立' },
        SUPERVISOR,
      );
      expect(dismissed).toMatchObject({
        status: CaseStatus.DISMISSED,
        dismissalReason: '违法事实不能成立',
        penalty: null,
        version: 3,
      });
      expect(dismissed.closedAt).toBeInstanceOf(Date);
      const refused = await expectDomainError(
        cases.startInvestigation(NATIONAL, { caseNumber: opened.caseNumber }, OFFICER),
      );
      expect(refused.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
    });

    it('closes a case decided with no penalty at once, and refuses to close a penalty not yet carried out', async () => {
      const open = await story.investigating();
      await testbed.services.penalties.decide(
        NATIONAL,
        {
          caseNumber: open.caseNumber,
          penalty: PenaltyKind.NO_PENALTY,
          decisionSummary: '违法行为轻微并及时改正，不予处罚',
        },
        SUPERVISOR,
      );
      expect(await cases.close(NATIONAL, { caseNumber: open.caseNumber }, SUPERVISOR)).toMatchObject({
        status: CaseStatus.CLOSED,
      });

      const decided = await story.decided();
      const before = await everything(testbed.dataSource);
      const refused = await expectDomainError(cases.close(NATIONAL, { caseNumber: decided.caseNumber }, SUPERVISOR));
      expect(refused.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_EXECUTED' });
      expect(await everything(testbed.dataSource)).toEqual(before);
    });

    it('says NOT_FOUND for an action on a case that does not exist', async () => {
      const refused = await expectDomainError(
        cases.startInvestigation(NATIONAL, { caseNumber: `320102${YEAR}999999` }, OFFICER),
      );
      expect(refused.extensions).toMatchObject({ code: 'NOT_FOUND' });
    });
  });

  describe('the decision deadline', () => {
    it('extends the due date with a supervisor’s approval, adding up, and refuses once the case is decided', async () => {
      const open = await story.investigating();
      const first = await cases.extendDeadline(
        NATIONAL,
        { caseNumber: open.caseNumber, expectedVersion: open.version, days: 30, reason: '案情复杂，需补充调查' },
        SUPERVISOR,
      );
      expect(first).toMatchObject({
        decisionDueDate: addDays(open.decisionDueDate, 30),
        deadlineExtensionDays: 30,
        status: CaseStatus.INVESTIGATING,
        version: open.version + 1,
      });
      const second = await cases.extendDeadline(
        NATIONAL,
        { caseNumber: open.caseNumber, days: 15, reason: '等待协查答复' },
        SUPERVISOR,
      );
      expect(second).toMatchObject({ decisionDueDate: addDays(open.decisionDueDate, 45), deadlineExtensionDays: 45 });
      const steps = await cases.createStepsLoader(NATIONAL).load(open.id);
      expect(
        steps.filter((step) => step.action === CaseStepAction.DEADLINE_EXTENDED).map((step) => step.comment),
      ).toEqual([
        `decision due date ${open.decisionDueDate} -> ${addDays(open.decisionDueDate, 30)} (+30 days): 案情复杂，需补充调查`,
        `decision due date ${addDays(open.decisionDueDate, 30)} -> ${addDays(open.decisionDueDate, 45)} (+15 days): 等待协查答复`,
      ]);
      // An extension takes a case out of the overdue list until the new date passes.
      expect(
        (await cases.listOverdue(NATIONAL, null, pageRequest({}), addDays(open.decisionDueDate, 1))).totalCount,
      ).toBe(0);
      expect(
        (await cases.listOverdue(NATIONAL, null, pageRequest({}), addDays(open.decisionDueDate, 46))).totalCount,
      ).toBe(1);

      const decided = await story.decided();
      const refused = await expectDomainError(
        cases.extendDeadline(NATIONAL, { caseNumber: decided.caseNumber, days: 10, reason: '延期' }, SUPERVISOR),
      );
      expect(refused.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
      for (const [field, days, reason] of [
        ['days', 0, '延期'],
        ['days', 91, '延期'],
        ['days', 1.5, '延期'],
        ['reason', 10, ' '],
      ] as const) {
        const bad = await expectDomainError(
          cases.extendDeadline(NATIONAL, { caseNumber: open.caseNumber, days, reason }, SUPERVISOR),
        );
        expect([field, bad.extensions]).toEqual([field, expect.objectContaining({ code: 'BAD_USER_INPUT', field })]);
      }
    });

    it('counts the configured number of days from the approval', async () => {
      await reopen({ environment: { CASE_DECISION_DAYS: '30' } });
      const opened = await procedure(testbed.services).opened();
      expect(opened.decisionDueDate).toBe(addDays(chinaDate(opened.filingApprovedAt!), 30));
    });
  });

  describe('refuses with CONFLICT and leaves the case as it was', () => {
    it('investigating a filing not yet approved (ILLEGAL_TRANSITION)', async () => {
      const filed = await cases.file(NATIONAL, filing(), OFFICER);
      const before = await everything(testbed.dataSource);
      const refused = await expectDomainError(
        cases.startInvestigation(NATIONAL, { caseNumber: filed.caseNumber }, OFFICER),
      );
      expect(refused.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
      expect(refused.message).toBe(
        `Case ${filed.caseNumber} is FILING_PENDING and cannot become INVESTIGATING (INVESTIGATION_STARTED)`,
      );
      expect(await everything(testbed.dataSource)).toEqual(before);
    });

    it('acting on a version someone else has already moved on (STALE_VERSION)', async () => {
      const opened = await story.opened();
      await cases.startInvestigation(NATIONAL, { caseNumber: opened.caseNumber, expectedVersion: 2 }, OFFICER);
      const before = await everything(testbed.dataSource);
      const refused = await expectDomainError(
        cases.dismiss(NATIONAL, { caseNumber: opened.caseNumber, expectedVersion: 2, reason: '撤销' }, SUPERVISOR),
      );
      expect(refused.extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
      expect(await everything(testbed.dataSource)).toEqual(before);
      expect(await cases.find(NATIONAL, opened.caseNumber)).toMatchObject({
        status: CaseStatus.INVESTIGATING,
        version: 3,
        dismissalReason: null,
      });
    });

    it('approving twice', async () => {
      const opened = await story.opened();
      const refused = await expectDomainError(
        cases.approveFiling(NATIONAL, { caseNumber: opened.caseNumber }, SUPERVISOR),
      );
      expect(refused.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
    });

    it('of two officers moving one case at once, one succeeds', async () => {
      const opened = await story.opened();
      const outcomes = await Promise.allSettled([
        cases.startInvestigation(NATIONAL, { caseNumber: opened.caseNumber, expectedVersion: 2 }, 'one'),
        cases.dismiss(NATIONAL, { caseNumber: opened.caseNumber, expectedVersion: 2, reason: '撤销' }, 'two'),
      ]);
      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(await testbed.dataSource.getRepository(CaseStep).countBy({ caseId: opened.id })).toBe(3);
    });
  });
});
