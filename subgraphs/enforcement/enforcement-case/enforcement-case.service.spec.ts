import { expect } from '@jest/globals';
import type { RegionScope } from '../../../platform/auth/region-scope';
import { pageRequest } from '../../../platform/graphql/connection';
import { chinaDate, chinaToday, chinaYear } from '../../../platform/time/china-time';
import { expectDomainError } from '../../../platform/testing/expect-domain-error';
import { openSubgraphTestbed, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import {
  A_FINE,
  CARRIER,
  everything,
  filing,
  HANGZHOU,
  JIANGSU,
  KUNSHAN,
  NANJING,
  NATIONAL,
  OFFICER,
  PERSON_ID,
  procedure,
  SHANGHAI,
  SUPERVISOR,
  ZHEJIANG,
} from '../enforcement.fixture';
import { enforcementSubgraph } from '../enforcement.subgraph';
import { CaseNumberSequence } from './case-number-sequence.entity';
import { CaseShare } from './case-share.entity';
import { CaseStatus } from './case-status';
import { CaseStep } from './case-step.entity';
import { CaseStepAction } from './case-step-action';
import { addDays } from './decision-deadline';
import { EnforcementCase } from './enforcement-case.entity';
import type { EnforcementCaseService } from './enforcement-case.service';
import { PenaltyKind } from './penalty-kind';

const YEAR = chinaYear();

describe('EnforcementCaseService', () => {
  let testbed: TestbedOf<typeof enforcementSubgraph>;
  let cases: EnforcementCaseService;
  let story: ReturnType<typeof procedure>;
  beforeEach(async () => {
    testbed = await openSubgraphTestbed(enforcementSubgraph);
    cases = testbed.services.cases;
    story = procedure(testbed.services);
  });
  afterEach(async () => {
    await testbed.close();
  });

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
      await testbed.close();
      testbed = await openSubgraphTestbed(enforcementSubgraph, { environment: { CASE_DECISION_DAYS: '30' } });
      const opened = await procedure(testbed.services).opened();
      expect(opened.decisionDueDate).toBe(addDays(chinaDate(opened.filingApprovedAt!), 30));
    });
  });

  describe('case numbers', () => {
    it('run sequentially per region and year, each region counting on its own', async () => {
      await testbed.dataSource
        .getRepository(CaseNumberSequence)
        .insert({ regionCode: '320102', year: YEAR - 1, lastSerial: 57 });
      const numbers: string[] = [];
      for (const regionCode of ['320102', '320102', '330106', '320102', '330106']) {
        numbers.push(
          (
            await cases.file(
              NATIONAL,
              filing({ regionCode, creditCode: regionCode === '330106' ? HANGZHOU : CARRIER }),
              OFFICER,
            )
          ).caseNumber,
        );
      }
      expect(numbers).toEqual([
        `320102${YEAR}000001`,
        `320102${YEAR}000002`,
        `330106${YEAR}000001`,
        `320102${YEAR}000003`,
        `330106${YEAR}000002`,
      ]);
      const lastYear = await testbed.dataSource
        .getRepository(CaseNumberSequence)
        .findOneByOrFail({ regionCode: '320102', year: YEAR - 1 });
      expect(lastYear.lastSerial).toBe(57);
    });

    it('are not used up by a filing that rolls back', async () => {
      expect((await cases.file(NATIONAL, filing(), OFFICER)).caseNumber).toBe(`320102${YEAR}000001`);
      // The filing's step cannot be written: the whole filing, its number included, rolls back.
      jest.spyOn(cases.access, 'recordSteps').mockRejectedValueOnce(new Error('step table unavailable'));
      await expect(cases.file(NATIONAL, filing(), OFFICER)).rejects.toThrow('step table unavailable');
      expect((await cases.file(NATIONAL, filing(), OFFICER)).caseNumber).toBe(`320102${YEAR}000002`);
      expect(await testbed.dataSource.getRepository(EnforcementCase).count()).toBe(2);
      expect(await testbed.dataSource.getRepository(CaseStep).count()).toBe(2);
    });
  });

  describe('refuses bad input before writing anything', () => {
    const nothing = {
      cases: [],
      steps: 0,
      sequences: [],
      shares: [],
      evidence: [],
      transfers: [],
      assistance: [],
      outbox: 0,
    };

    it('a case against nobody', async () => {
      const refused = await expectDomainError(
        cases.file(NATIONAL, { regionCode: '320102', cause: '无主体案件' }, OFFICER),
      );
      expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'creditCode' });
      expect(refused.message).toMatch(/plateNumber or partyName/);
      expect(await everything(testbed.dataSource)).toEqual(nothing);
    });

    it('a resident ID number whose check character is wrong, naming partyIdNumber', async () => {
      const wrongCheck = PERSON_ID.slice(0, 17) + (PERSON_ID[17] === '0' ? '1' : '0');
      const refused = await expectDomainError(
        cases.file(NATIONAL, filing({ creditCode: null, partyName: '张三', partyIdNumber: wrongCheck }), OFFICER),
      );
      expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'partyIdNumber' });
      expect(refused.message).toMatch(/check character/);
      expect(await everything(testbed.dataSource)).toEqual(nothing);
    });

    it('a party name without the ID number, and the reverse', async () => {
      const withoutId = await expectDomainError(cases.file(NATIONAL, filing({ partyName: '张三' }), OFFICER));
      expect(withoutId.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'partyIdNumber' });
      const withoutName = await expectDomainError(cases.file(NATIONAL, filing({ partyIdNumber: PERSON_ID }), OFFICER));
      expect(withoutName.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'partyName' });
      expect(await everything(testbed.dataSource)).toEqual(nothing);
    });

    it.each([
      ['regionCode', { regionCode: '329999' }],
      ['creditCode', { creditCode: '91320102MA1MY0R10A' }],
      ['plateNumber', { plateNumber: '苏I12345' }],
      ['cause', { cause: '   ' }],
    ])('a bad %s', async (field, overrides) => {
      const refused = await expectDomainError(cases.file(NATIONAL, filing(overrides), OFFICER));
      expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await everything(testbed.dataSource)).toEqual(nothing);
    });

    it('a refusal without reasons, and a version that is no version', async () => {
      const filed = await cases.file(NATIONAL, filing(), OFFICER);
      const before = await everything(testbed.dataSource);
      expect(
        (
          await expectDomainError(
            cases.rejectFiling(NATIONAL, { caseNumber: filed.caseNumber, reason: ' ' }, SUPERVISOR),
          )
        ).extensions,
      ).toMatchObject({ field: 'reason' });
      expect(
        (
          await expectDomainError(
            cases.approveFiling(NATIONAL, { caseNumber: filed.caseNumber, expectedVersion: 0 }, SUPERVISOR),
          )
        ).extensions,
      ).toMatchObject({ field: 'expectedVersion' });
      expect(await everything(testbed.dataSource)).toEqual(before);
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

  describe('events', () => {
    it('writes case.filed when the filing is approved, without personal information', async () => {
      const filed = await cases.file(
        NATIONAL,
        filing({ plateNumber: '苏A12345', partyName: '张三', partyIdNumber: PERSON_ID }),
        OFFICER,
      );
      expect(await testbed.outboxMessages()).toEqual([]);
      const approved = await cases.approveFiling(NATIONAL, { caseNumber: filed.caseNumber }, SUPERVISOR);
      const rows = await testbed.outboxMessages();
      expect(rows.map((row) => [row.type, row.subscriber])).toEqual([['case.filed', 'statistics']]);
      expect(rows[0].envelope).toMatchObject({ type: 'case.filed', source: 'enforcement' });
      expect(rows[0].envelope.payload).toEqual({
        caseNumber: filed.caseNumber,
        regionCode: '320102',
        creditCode: CARRIER,
        plateNumber: '苏A12345',
        filedAt: approved.filingApprovedAt!.toISOString(),
      });
      const everyEnvelope = JSON.stringify(rows.map((row) => row.envelope));
      expect(everyEnvelope).not.toContain('张三');
      expect(everyEnvelope).not.toContain(PERSON_ID);
    });

    it('publishes nothing for a refused filing, investigation, the penalty procedure before the decision, execution, closing or dismissal', async () => {
      await cases.rejectFiling(
        NATIONAL,
        { caseNumber: (await cases.file(NATIONAL, filing(), OFFICER)).caseNumber, reason: '不予立案' },
        SUPERVISOR,
      );
      const ready = await story.readyToDecide();
      await cases.dismiss(NATIONAL, { caseNumber: (await story.opened()).caseNumber, reason: '撤销' }, SUPERVISOR);
      expect((await testbed.outboxMessages()).map((row) => `${row.type}:${row.subscriber}`)).toEqual([
        'case.filed:statistics',
        'case.filed:statistics',
      ]);
      await testbed.services.penalties.decide(
        NATIONAL,
        { caseNumber: ready.caseNumber, ...A_FINE, decisionSummary: '罚款' },
        SUPERVISOR,
      );
      await testbed.services.penalties.recordExecution(
        NATIONAL,
        { caseNumber: ready.caseNumber, paidFen: 500_000, paymentReference: 'JK1' },
        OFFICER,
      );
      await cases.close(NATIONAL, { caseNumber: ready.caseNumber }, SUPERVISOR);
      expect((await testbed.outboxMessages()).map((row) => `${row.type}:${row.subscriber}`)).toEqual([
        'case.filed:statistics',
        'case.filed:statistics',
        'case.decided:credit',
        'case.decided:statistics',
        'case.decided:licensing',
      ]);
    });
  });

  describe('lists', () => {
    async function fileAcrossRegions(): Promise<Record<string, EnforcementCase>> {
      const nanjing = await story.opened();
      const kunshan = await story.opened(filing({ regionCode: '320583', creditCode: KUNSHAN }));
      const hangzhou = await story.opened(filing({ regionCode: '330106', creditCode: HANGZHOU }));
      const decided = await story.decided(A_FINE, filing({ regionCode: '320583', creditCode: KUNSHAN }));
      const investigating = await story.investigating(filing({ regionCode: '330106', creditCode: HANGZHOU }));
      const pending = await cases.file(NATIONAL, filing({ regionCode: '320102' }), OFFICER);
      const dismissed = await story.opened(filing({ regionCode: '330106', creditCode: HANGZHOU }));
      await cases.dismiss(NATIONAL, { caseNumber: dismissed.caseNumber, reason: '撤销' }, SUPERVISOR);
      return { nanjing, kunshan, hangzhou, decided, investigating, pending, dismissed };
    }

    it('filter by handling region (a province includes its cities and counties) and status, newest first, paged', async () => {
      const filed = await fileAcrossRegions();
      const jiangsu = await cases.list(NATIONAL, { regionCode: '320000', status: null }, pageRequest({}));
      expect(jiangsu.edges.map((edge) => edge.node.caseNumber)).toEqual(
        [filed.pending, filed.decided, filed.kunshan, filed.nanjing].map((found) => found.caseNumber),
      );
      const kunshanFiled = await cases.list(
        NATIONAL,
        { regionCode: '320583', status: CaseStatus.FILED },
        pageRequest({}),
      );
      expect(kunshanFiled.edges.map((edge) => edge.node.caseNumber)).toEqual([filed.kunshan.caseNumber]);

      const first = await cases.list(NATIONAL, { regionCode: null, status: null }, pageRequest({ first: 4 }));
      const second = await cases.list(
        NATIONAL,
        { regionCode: null, status: null },
        pageRequest({ first: 4, after: first.pageInfo.endCursor }),
      );
      expect(first.totalCount).toBe(7);
      expect(first.pageInfo.hasNextPage).toBe(true);
      expect(second.pageInfo.hasNextPage).toBe(false);
      const ids = [...first.edges, ...second.edges].map((edge) => edge.node.id);
      expect(ids).toEqual([...ids].sort((left, right) => right - left));
      expect(new Set(ids).size).toBe(7);

      const refused = await expectDomainError(
        cases.list(NATIONAL, { regionCode: '329999', status: null }, pageRequest({})),
      );
      expect(refused.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'regionCode' });
    });

    it('show as overdue only undecided cases whose decision due date has passed, pending filings included', async () => {
      const filed = await fileAcrossRegions();
      expect((await cases.listOverdue(NATIONAL, null, pageRequest({}))).totalCount).toBe(0);
      const later = chinaDate(new Date(Date.now() + 91 * 24 * 3600_000));
      const overdue = await cases.listOverdue(NATIONAL, null, pageRequest({}), later);
      expect(overdue.edges.map((edge) => edge.node.caseNumber)).toEqual(
        [filed.pending, filed.investigating, filed.hangzhou, filed.kunshan, filed.nanjing].map(
          (found) => found.caseNumber,
        ),
      );
      const zhejiang = await cases.listOverdue(NATIONAL, '330000', pageRequest({}), later);
      expect(zhejiang.edges.map((edge) => edge.node.caseNumber)).toEqual(
        [filed.investigating, filed.hangzhou].map((found) => found.caseNumber),
      );
      // On the due date itself a case is not yet overdue.
      expect((await cases.listOverdue(NATIONAL, null, pageRequest({}), filed.nanjing.decisionDueDate)).totalCount).toBe(
        0,
      );
    });
  });

  describe('loaders', () => {
    it('page the cases of many enterprises and vehicles in two statements, whatever their number', async () => {
      for (let index = 0; index < 3; index += 1)
        await cases.file(NATIONAL, filing({ plateNumber: '苏A12345' }), OFFICER);
      await cases.file(
        NATIONAL,
        filing({ regionCode: '330106', creditCode: HANGZHOU, plateNumber: '浙A23456' }),
        OFFICER,
      );

      const statementsFor = async (codes: string[]) => {
        const loader = cases.createEnterpriseCasesLoader(NATIONAL, pageRequest({ first: 2 }));
        const start = testbed.statements();
        const pages = await Promise.all(codes.map((code) => loader.load(code)));
        return { pages, statements: testbed.statements() - start };
      };
      const alone = await statementsFor([CARRIER]);
      const together = await statementsFor([CARRIER, HANGZHOU, KUNSHAN]);
      expect(alone.statements).toBe(2);
      expect(together.statements).toBe(2);
      const [carrier, hangzhou, nobody] = together.pages;
      expect(carrier).toEqual(alone.pages[0]);
      expect([carrier.totalCount, carrier.edges.length, carrier.pageInfo.hasNextPage]).toEqual([3, 2, true]);
      expect(hangzhou.totalCount).toBe(1);
      expect(nobody).toMatchObject({ totalCount: 0, edges: [] });

      const vehicles = await cases
        .createVehicleCasesLoader(NATIONAL, pageRequest({}))
        .loadMany(['苏A12345', '浙A23456']);
      expect(vehicles.map((page) => (page instanceof Error ? page : page.totalCount))).toEqual([3, 1]);
    });

    it('read the steps of many cases in one statement', async () => {
      const one = await story.investigating();
      const two = await cases.file(NATIONAL, filing(), OFFICER);
      const loader = cases.createStepsLoader(NATIONAL);
      const start = testbed.statements();
      const [oneSteps, twoSteps] = await Promise.all([loader.load(one.id), loader.load(two.id)]);
      expect(testbed.statements() - start).toBe(1);
      expect(oneSteps.map((step) => step.toStatus)).toEqual([
        CaseStatus.FILING_PENDING,
        CaseStatus.FILED,
        CaseStatus.INVESTIGATING,
      ]);
      expect(twoSteps.map((step) => step.toStatus)).toEqual([CaseStatus.FILING_PENDING]);
    });
  });

  describe('the party', () => {
    it('is stored in full (GraphQL masks it, see the schema spec)', async () => {
      const filed = await cases.file(
        NATIONAL,
        filing({ creditCode: null, partyName: '欧阳明华', partyIdNumber: PERSON_ID }),
        OFFICER,
      );
      expect([filed.partyName, filed.partyIdNumber]).toEqual(['欧阳明华', PERSON_ID]);
      const [stored] = await testbed.dataSource.query<Array<{ party_name: string; party_id_number: string }>>(
        'SELECT party_name, party_id_number FROM enforcement_case',
      );
      expect(stored).toEqual({ party_name: '欧阳明华', party_id_number: PERSON_ID });
    });
  });

  describe('sharing a case with another region', () => {
    const REASON = '车辆登记地在江苏，请协助核查';

    /** A Hangzhou (西湖区) case with the Hangzhou vehicle, shared by Zhejiang with Jiangsu. */
    async function sharedWithJiangsu(): Promise<EnforcementCase> {
      const hangzhou = await story.opened(
        filing({ regionCode: '330106', creditCode: HANGZHOU, plateNumber: '浙A23456' }),
      );
      await cases.share(
        ZHEJIANG,
        { caseNumber: hangzhou.caseNumber, regionCode: '320000', reason: REASON },
        'zj-enforcement-supervisor',
      );
      return hangzhou;
    }

    /** What a caller in `scope` sees of the case: lookup, lists with their counts, child pages, steps and shares. */
    async function seenBy(scope: RegionScope, shared: EnforcementCase) {
      const numbers = (connection: { edges: Array<{ node: EnforcementCase }> }) =>
        connection.edges.map((edge) => edge.node.caseNumber);
      const listed = await cases.list(scope, { regionCode: null, status: null }, pageRequest({}));
      const zhejiangOnly = await cases.list(scope, { regionCode: '330000', status: CaseStatus.FILED }, pageRequest({}));
      const overdue = await cases.listOverdue(scope, null, pageRequest({}), '2999-01-01');
      const enterprise = await cases.createEnterpriseCasesLoader(scope, pageRequest({})).load(HANGZHOU);
      const vehicle = await cases.createVehicleCasesLoader(scope, pageRequest({})).load('浙A23456');
      return {
        lookup: (await cases.find(scope, shared.caseNumber))?.caseNumber ?? null,
        list: [numbers(listed).includes(shared.caseNumber), listed.totalCount],
        handledInZhejiang: [numbers(zhejiangOnly), zhejiangOnly.totalCount],
        overdue: [numbers(overdue).includes(shared.caseNumber), overdue.totalCount],
        enterprise: [numbers(enterprise), enterprise.totalCount],
        vehicle: [numbers(vehicle), vehicle.totalCount],
        steps: (await cases.createStepsLoader(scope).load(shared.id)).map((step) => step.action),
        sharedWith: (await cases.createSharesLoader(scope).load(shared.id)).map((share) => share.regionCode),
      };
    }

    it('makes the case visible, read-only, to the region shared with and to no other', async () => {
      const own = await story.opened(filing({ regionCode: '320102' }));
      const shared = await sharedWithJiangsu();
      expect(await seenBy(JIANGSU, shared)).toEqual({
        lookup: shared.caseNumber,
        list: [true, 2],
        // The region filter still means the handling region: Zhejiang's cases Jiangsu sees are the shared one.
        handledInZhejiang: [[shared.caseNumber], 1],
        overdue: [true, 2],
        enterprise: [[shared.caseNumber], 1],
        vehicle: [[shared.caseNumber], 1],
        steps: [CaseStepAction.FILING_SUBMITTED, CaseStepAction.FILING_APPROVED, CaseStepAction.SHARED],
        sharedWith: ['320000'],
      });
      const jiangsuOnly = await cases.list(JIANGSU, { regionCode: '320000', status: null }, pageRequest({}));
      expect(jiangsuOnly.edges.map((edge) => edge.node.caseNumber)).toEqual([own.caseNumber]);

      const nothing = {
        lookup: null,
        list: [false, 0],
        handledInZhejiang: [[], 0],
        overdue: [false, 0],
        enterprise: [[], 0],
        vehicle: [[], 0],
        steps: [],
        sharedWith: [],
      };
      expect(await seenBy(SHANGHAI, shared)).toEqual(nothing);
      // A share with the province reaches callers whose scope holds 320000, not a city's officers.
      expect(await seenBy(NANJING, shared)).toEqual({ ...nothing, list: [false, 1], overdue: [false, 1] });
      expect((await seenBy(ZHEJIANG, shared)).lookup).toBe(shared.caseNumber);
      expect((await cases.list(NATIONAL, { regionCode: null, status: null }, pageRequest({}))).totalCount).toBe(2);
    });

    it('hides the case from the region again once the share is revoked, and allows sharing anew', async () => {
      const shared = await sharedWithJiangsu();
      const revoked = await cases.revokeShare(
        ZHEJIANG,
        { caseNumber: shared.caseNumber, regionCode: '320000' },
        'zj-enforcement-supervisor',
      );
      expect(revoked).toMatchObject({ caseNumber: shared.caseNumber, status: CaseStatus.FILED, version: 2 });
      expect(await seenBy(JIANGSU, shared)).toMatchObject({
        lookup: null,
        list: [false, 0],
        enterprise: [[], 0],
        vehicle: [[], 0],
        steps: [],
        sharedWith: [],
      });
      expect(await testbed.dataSource.getRepository(CaseShare).findOneByOrFail({ caseId: shared.id })).toMatchObject({
        regionCode: '320000',
        revokedBy: 'zj-enforcement-supervisor',
        revokedAt: expect.any(Date),
      });
      const steps = await cases.createStepsLoader(ZHEJIANG).load(shared.id);
      expect(steps.slice(2).map((step) => [step.action, step.fromStatus, step.toStatus, step.comment])).toEqual([
        [CaseStepAction.SHARED, CaseStatus.FILED, CaseStatus.FILED, `shared with 320000: ${REASON}`],
        [CaseStepAction.SHARE_REVOKED, CaseStatus.FILED, CaseStatus.FILED, 'share with 320000 revoked'],
      ]);

      const before = await everything(testbed.dataSource);
      const again = await expectDomainError(
        cases.revokeShare(
          ZHEJIANG,
          { caseNumber: shared.caseNumber, regionCode: '320000' },
          'zj-enforcement-supervisor',
        ),
      );
      expect(again.extensions).toMatchObject({ code: 'NOT_FOUND' });
      expect(await everything(testbed.dataSource)).toEqual(before);

      await cases.share(
        ZHEJIANG,
        { caseNumber: shared.caseNumber, regionCode: '320000', reason: '再次请求协助核查' },
        'zj-enforcement-supervisor',
      );
      expect((await seenBy(JIANGSU, shared)).lookup).toBe(shared.caseNumber);
    });

    it('lets only the handling region act: FORBIDDEN to the region shared with, NOT_FOUND to any other', async () => {
      const shared = await sharedWithJiangsu();
      const before = await everything(testbed.dataSource);
      const caseNumber = shared.caseNumber;
      const { penalties } = testbed.services;
      const attempts: Array<[string, (scope: RegionScope) => Promise<unknown>]> = [
        ['startInvestigation', (scope) => cases.startInvestigation(scope, { caseNumber }, OFFICER)],
        [
          'propose',
          (scope) => penalties.propose(scope, { caseNumber, penalty: PenaltyKind.WARNING, summary: '警告' }, OFFICER),
        ],
        [
          'decide',
          (scope) =>
            penalties.decide(
              scope,
              { caseNumber, penalty: PenaltyKind.NO_PENALTY, decisionSummary: '不予处罚' },
              SUPERVISOR,
            ),
        ],
        ['close', (scope) => cases.close(scope, { caseNumber }, SUPERVISOR)],
        ['dismiss', (scope) => cases.dismiss(scope, { caseNumber, reason: '撤销' }, SUPERVISOR)],
        [
          'extendDeadline',
          (scope) => cases.extendDeadline(scope, { caseNumber, days: 10, reason: '延期' }, SUPERVISOR),
        ],
        [
          'share',
          (scope) => cases.share(scope, { caseNumber, regionCode: '310000', reason: '请上海协助核查' }, SUPERVISOR),
        ],
        ['revokeShare', (scope) => cases.revokeShare(scope, { caseNumber, regionCode: '320000' }, SUPERVISOR)],
      ];
      for (const [action, attempt] of attempts) {
        const byJiangsu = await expectDomainError(attempt(JIANGSU));
        expect([action, byJiangsu.extensions, byJiangsu.message]).toEqual([
          action,
          expect.objectContaining({ code: 'FORBIDDEN' }),
          `Case ${caseNumber} is shared with your region for reading; only the handling region 330106 acts on it`,
        ]);
        const byShanghai = await expectDomainError(attempt(SHANGHAI));
        expect([action, byShanghai.extensions]).toEqual([action, expect.objectContaining({ code: 'NOT_FOUND' })]);
      }
      expect(await everything(testbed.dataSource)).toEqual(before);
      expect(await cases.startInvestigation(ZHEJIANG, { caseNumber }, 'zj-enforcement-officer')).toMatchObject({
        status: CaseStatus.INVESTIGATING,
        version: 3,
      });
    });

    it('refuses a region that sees the case already, a bad region or reason, and a second active share, writing nothing', async () => {
      const shared = await sharedWithJiangsu();
      const before = await everything(testbed.dataSource);
      const caseNumber = shared.caseNumber;
      const refusals: Array<[string, Parameters<EnforcementCaseService['share']>[1], Record<string, string>]> = [
        [
          'the handling region itself',
          { caseNumber, regionCode: '330106', reason: REASON },
          { code: 'BAD_USER_INPUT', field: 'regionCode' },
        ],
        [
          'the city above it',
          { caseNumber, regionCode: '330100', reason: REASON },
          { code: 'BAD_USER_INPUT', field: 'regionCode' },
        ],
        [
          'its province',
          { caseNumber, regionCode: '330000', reason: REASON },
          { code: 'BAD_USER_INPUT', field: 'regionCode' },
        ],
        [
          'an unknown region',
          { caseNumber, regionCode: '329999', reason: REASON },
          { code: 'BAD_USER_INPUT', field: 'regionCode' },
        ],
        [
          'the national code',
          { caseNumber, regionCode: '000000', reason: REASON },
          { code: 'BAD_USER_INPUT', field: 'regionCode' },
        ],
        [
          'a reason under four characters',
          { caseNumber, regionCode: '310000', reason: ' 核查 ' },
          { code: 'BAD_USER_INPUT', field: 'reason' },
        ],
        [
          'a reason over 500 characters',
          { caseNumber, regionCode: '310000', reason: '查'.repeat(501) },
          { code: 'BAD_USER_INPUT', field: 'reason' },
        ],
        [
          'an active share again',
          { caseNumber, regionCode: '320000', reason: '重复共享' },
          { code: 'CONFLICT', reason: 'ALREADY_SHARED' },
        ],
        [
          'a case nobody filed',
          { caseNumber: `330106${YEAR}999999`, regionCode: '310000', reason: REASON },
          { code: 'NOT_FOUND' },
        ],
      ];
      for (const [what, input, expected] of refusals) {
        const refused = await expectDomainError(cases.share(ZHEJIANG, input, 'zj-enforcement-supervisor'));
        expect([what, refused.extensions]).toEqual([what, expect.objectContaining(expected)]);
      }
      expect(await everything(testbed.dataSource)).toEqual(before);
      // A sibling county is not within the handling region: sharing there is allowed.
      await cases.share(
        ZHEJIANG,
        { caseNumber, regionCode: '330102', reason: '请上城区协助核查' },
        'zj-enforcement-supervisor',
      );
      expect((await cases.createSharesLoader(ZHEJIANG).load(shared.id)).map((share) => share.regionCode)).toEqual([
        '320000',
        '330102',
      ]);
    });

    it('of two identical shares at once, writes one and refuses the other', async () => {
      const hangzhou = await cases.file(NATIONAL, filing({ regionCode: '330106', creditCode: HANGZHOU }), OFFICER);
      const input = { caseNumber: hangzhou.caseNumber, regionCode: '320000', reason: REASON };
      const outcomes = await Promise.allSettled([
        cases.share(ZHEJIANG, input, 'one'),
        cases.share(ZHEJIANG, input, 'two'),
      ]);
      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
      expect(await testbed.dataSource.getRepository(CaseShare).countBy({ caseId: hangzhou.id })).toBe(1);
    });

    it('shows a region that sees the case only through a share just the shares within its scope, in one statement', async () => {
      const shared = await sharedWithJiangsu();
      await cases.share(
        ZHEJIANG,
        { caseNumber: shared.caseNumber, regionCode: '310000', reason: '请上海协助核查' },
        'zj-enforcement-supervisor',
      );
      await cases.share(
        ZHEJIANG,
        { caseNumber: shared.caseNumber, regionCode: '320583', reason: '请昆山协助核查' },
        'zj-enforcement-supervisor',
      );
      const other = await cases.file(NATIONAL, filing({ regionCode: '330106', creditCode: HANGZHOU }), OFFICER);
      await cases.share(
        ZHEJIANG,
        { caseNumber: other.caseNumber, regionCode: '320100', reason: '请南京协助核查' },
        'zj-enforcement-supervisor',
      );

      const sharesSeenBy = async (scope: RegionScope) => {
        const loader = cases.createSharesLoader(scope);
        const start = testbed.statements();
        const shares = await Promise.all([loader.load(shared.id), loader.load(other.id)]);
        expect(testbed.statements() - start).toBe(1);
        return shares.map((ofCase) => ofCase.map((share) => share.regionCode));
      };
      expect(await sharesSeenBy(ZHEJIANG)).toEqual([['320000', '310000', '320583'], ['320100']]);
      expect(await sharesSeenBy(NATIONAL)).toEqual([['320000', '310000', '320583'], ['320100']]);
      expect(await sharesSeenBy(JIANGSU)).toEqual([['320000', '320583'], ['320100']]);
      expect(await sharesSeenBy(NANJING)).toEqual([[], ['320100']]);
      expect(await sharesSeenBy(SHANGHAI)).toEqual([['310000'], []]);
    });
  });

  describe("the caller's region scope", () => {
    it('hides cases handled outside it, from lookups, lists, child pages and actions alike', async () => {
      const nanjing = await story.opened(filing({ regionCode: '320102' }));
      const kunshan = await story.opened(filing({ regionCode: '320583' }));
      expect((await cases.find(NANJING, nanjing.caseNumber))?.caseNumber).toBe(nanjing.caseNumber);
      expect(await cases.find(NANJING, kunshan.caseNumber)).toBeNull();

      const listed = await cases.list(NANJING, { regionCode: null, status: null }, pageRequest({}));
      expect(listed.edges.map((edge) => edge.node.caseNumber)).toEqual([nanjing.caseNumber]);
      expect((await cases.list(NANJING, { regionCode: '320500', status: null }, pageRequest({}))).totalCount).toBe(0);
      expect((await cases.list(NANJING, { regionCode: '320000', status: null }, pageRequest({}))).totalCount).toBe(1);
      expect((await cases.listOverdue(NANJING, null, pageRequest({}), '2999-01-01')).totalCount).toBe(1);

      const page = await cases.createEnterpriseCasesLoader(NANJING, pageRequest({})).load(CARRIER);
      expect(page.edges.map((edge) => edge.node.caseNumber)).toEqual([nanjing.caseNumber]);
      expect(page.totalCount).toBe(1);

      const before = await everything(testbed.dataSource);
      const hidden = await expectDomainError(
        cases.startInvestigation(NANJING, { caseNumber: kunshan.caseNumber }, OFFICER),
      );
      expect(hidden.extensions).toMatchObject({ code: 'NOT_FOUND' });
      const elsewhere = await expectDomainError(
        cases.file(NANJING, filing({ regionCode: '330106', creditCode: HANGZHOU }), OFFICER),
      );
      expect(elsewhere.extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect(await everything(testbed.dataSource)).toEqual(before);
      expect((await cases.startInvestigation(NANJING, { caseNumber: nanjing.caseNumber }, OFFICER)).status).toBe(
        CaseStatus.INVESTIGATING,
      );
    });
  });
});
