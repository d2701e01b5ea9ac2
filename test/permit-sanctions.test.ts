import { act, attachAll, OFFICER, REVIEWER, jiangsuApplicant, submitFor } from './harness/permit-workflow';
import { eventually, query, tokenFor } from './harness/single-window.client';
import { decideThroughProcedure } from './harness/story';

// A permit suspended by an enforcement decision naming it (case.decided).
// Helpers and the officers who act: test/harness/permit-workflow.ts.

describe('the permit workflow through the gateway: sanctions from enforcement', () => {
  let jiangsuEnterprise: { creditCode: string; regionCode: string };

  beforeAll(async () => {
    jiangsuEnterprise = await jiangsuApplicant();
  });

  const submit = (kind: string, extra: Record<string, unknown> = {}) => submitFor(jiangsuEnterprise, kind, extra);

  it('suspends a permit when enforcement decides a case with PERMIT_SUSPENSION naming it', async () => {
    const { application: submitted } = await submit('ROAD_FREIGHT_TRANSPORT');
    await attachAll(submitted.applicationNumber, 'ROAD_FREIGHT_TRANSPORT');
    await act(OFFICER, 'acceptPermitApplication', { applicationNumber: submitted.applicationNumber });
    const { permit } = await act(REVIEWER, 'approvePermitApplication', {
      applicationNumber: submitted.applicationNumber,
    });
    const officer = await tokenFor('nj-enforcement-officer');
    const filed = await query<{ fileCase: { case: { caseNumber: string } } }>(
      officer,
      `mutation ($input: FileCaseInput!) { fileCase(input: $input) { case { caseNumber } } }`,
      { input: { regionCode: '320104', cause: '超限运输，拒不接受检测', creditCode: jiangsuEnterprise.creditCode } },
    );
    const caseNumber = filed.fileCase.case.caseNumber;
    // The rest of the penalty procedure (filing approval, legal review, notice) as one caller holding every role.
    await decideThroughProcedure(
      await tokenFor('ministry-admin'),
      caseNumber,
      { penalty: 'PERMIT_SUSPENSION', permitNumber: permit!.number },
      '暂扣道路运输经营许可证三个月',
    );
    const suspended = await eventually(async () => {
      const data = await query<{
        permit: {
          status: string;
          statusHistory: Array<{ toStatus: string; actor: string; caseNumber: string | null }>;
        };
      }>(
        await tokenFor(REVIEWER),
        `query ($number: String!) { permit(number: $number) { status statusHistory { toStatus actor caseNumber } } }`,
        { number: permit!.number },
      );
      expect(data.permit.status).toBe('SUSPENDED');
      return data.permit;
    }, 30_000);
    expect(suspended.statusHistory).toEqual([
      { toStatus: 'SUSPENDED', actor: 'system:enforcement-decision', caseNumber },
    ]);
  });
});
