import { CaseStatus } from '../enforcement-case/case-status';
import { PenaltyKind } from '../enforcement-case/penalty-kind';
import { expectDomainError } from '../../../platform/testing/expect-domain-error';
import { openSubgraphTestbed, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import { A_FINE, everything, NATIONAL, OFFICER, procedure, SUPERVISOR } from '../enforcement.fixture';
import { enforcementSubgraph } from '../enforcement.subgraph';

// The penalty procedure's last step; the steps before it are in penalty-procedure.service.spec.ts.
describe('PenaltyProcedureService: execution (执行)', () => {
  let testbed: TestbedOf<typeof enforcementSubgraph>;
  beforeEach(async () => {
    testbed = await openSubgraphTestbed(enforcementSubgraph);
  });
  afterEach(() => testbed.close());
  it('records a fine’s payment in full with its receipt, nothing else for a fine', async () => {
    const decided = await procedure(testbed.services).decided(A_FINE);
    const caseNumber = decided.caseNumber;
    const before = await everything(testbed.dataSource);
    for (const [field, input] of [
      ['paidFen', { caseNumber, paymentReference: 'JK1' }],
      ['paidFen', { caseNumber, paidFen: 499_999, paymentReference: 'JK1' }],
      ['paymentReference', { caseNumber, paidFen: 500_000 }],
    ] as const) {
      const refused = await expectDomainError(testbed.services.penalties.recordExecution(NATIONAL, input, OFFICER));
      expect([field, refused.extensions]).toEqual([field, expect.objectContaining({ code: 'BAD_USER_INPUT', field })]);
    }
    expect(await everything(testbed.dataSource)).toEqual(before);
    expect(
      await testbed.services.penalties.recordExecution(
        NATIONAL,
        { caseNumber, paidFen: 500_000, paymentReference: 'JK1', note: '当场缴纳' },
        OFFICER,
      ),
    ).toMatchObject({
      status: CaseStatus.EXECUTED,
      paidFen: 500_000,
      executionNote: '当场缴纳',
    });
    expect(
      (
        await expectDomainError(
          testbed.services.penalties.recordExecution(
            NATIONAL,
            { caseNumber, paidFen: 500_000, paymentReference: 'JK1' },
            OFFICER,
          ),
        )
      ).extensions,
    ).toMatchObject({
      reason: 'ILLEGAL_TRANSITION',
    });
  });

  it('records other penalties without a payment, and refuses one for no penalty', async () => {
    const warning = await procedure(testbed.services).decided({ penalty: PenaltyKind.WARNING });
    const paid = await expectDomainError(
      testbed.services.penalties.recordExecution(
        NATIONAL,
        { caseNumber: warning.caseNumber, paidFen: 100, paymentReference: 'JK1' },
        OFFICER,
      ),
    );
    expect(paid.extensions).toMatchObject({ field: 'paidFen' });
    expect(
      await testbed.services.penalties.recordExecution(
        NATIONAL,
        { caseNumber: warning.caseNumber, note: '决定书已送达' },
        OFFICER,
      ),
    ).toMatchObject({ status: CaseStatus.EXECUTED, paidFen: null });
    const none = await procedure(testbed.services).investigating();
    await testbed.services.penalties.decide(
      NATIONAL,
      { caseNumber: none.caseNumber, penalty: PenaltyKind.NO_PENALTY, decisionSummary: '不予处罚' },
      SUPERVISOR,
    );
    expect(
      (
        await expectDomainError(
          testbed.services.penalties.recordExecution(NATIONAL, { caseNumber: none.caseNumber }, OFFICER),
        )
      ).extensions,
    ).toMatchObject({ code: 'CONFLICT', reason: 'NOTHING_TO_EXECUTE' });
  });
});
