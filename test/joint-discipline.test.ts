import { attachRequiredMaterials } from './harness/permit-materials';
import { eventually, graphql, query, tokenFor } from './harness/single-window.client';
import { story } from './harness/story';

// Joint discipline (联合惩戒), the first part: the licensing reviewer who decides an application reads the
// applicant's credit file in the same view, through the gateway (credit's answer, not a copy in licensing).

const APPLICATION = `query ($number: String!) {
  permitApplication(applicationNumber: $number) {
    applicationNumber status
    applicant { creditCode creditProfile { score rating records(first: 5) { edges { node { kind sourceReference } } } } }
  } }`;

interface ApplicationView {
  permitApplication: {
    applicationNumber: string;
    applicant: {
      creditCode: string;
      creditProfile: { score: number; rating: string; records: { edges: Array<{ node: { kind: string } }> } };
    };
  };
}

describe('joint discipline: the reviewer sees the applicant’s credit', () => {
  let applicationNumber: string;
  let creditCode: string;
  let caseNumber: string;
  beforeAll(async () => {
    const admin = await tokenFor('ministry-admin');
    const enterprise = await story(admin).enterprise('320104', '联合惩戒测试运输有限公司');
    creditCode = enterprise.creditCode;
    [caseNumber] = await enterprise.withDecidedCases(1, 2_000_000);
    const submitted = await query<{ submitPermitApplication: { application: { applicationNumber: string } } }>(
      admin,
      `mutation ($input: SubmitPermitApplicationInput!) { submitPermitApplication(input: $input) { application { applicationNumber } } }`,
      { input: { creditCode, kind: 'ROAD_FREIGHT_TRANSPORT', scope: '普通货运', regionCode: '320104' } },
    );
    applicationNumber = submitted.submitPermitApplication.application.applicationNumber;
    await attachRequiredMaterials(admin, applicationNumber, 'ROAD_FREIGHT_TRANSPORT');
  });

  it('shows the reviewer the applicant’s rating and its penalty in the application', async () => {
    const reviewer = await tokenFor('js-licensing-reviewer');
    const view = await eventually(async () => {
      const data = await query<ApplicationView>(reviewer, APPLICATION, { number: applicationNumber });
      expect(data.permitApplication.applicant.creditProfile.records.edges).toHaveLength(1);
      expect(data.permitApplication.applicant.creditProfile.score).toBeLessThan(100);
      return data.permitApplication;
    });
    expect(view.applicant.creditCode).toBe(creditCode);
    expect(view.applicant.creditProfile.records.edges[0].node).toMatchObject({
      kind: 'ADMINISTRATIVE_PENALTY',
      sourceReference: caseNumber,
    });
  });

  it('still refuses the credit file to a licensing officer, who does not decide', async () => {
    const officer = await tokenFor('js-licensing-officer');
    const result = await graphql<ApplicationView>(APPLICATION, { number: applicationNumber }, { token: officer });
    expect(result.errors?.map((error) => error.extensions?.code)).toContain('FORBIDDEN');
    expect(result.data?.permitApplication?.applicationNumber).toBe(applicationNumber);
  });
});
