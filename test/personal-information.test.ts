import { graphql, query, tokenFor } from './harness/single-window.client';

const CASE = `query ($caseNumber: String!) { enforcementCase(caseNumber: $caseNumber) { caseNumber partyName partyIdNumber } }`;
type CaseData = {
  enforcementCase: { caseNumber: string; partyName: string | null; partyIdNumber: string | null } | null;
};
const PURPOSE = { 'x-purpose': 'ENFORCEMENT_INVESTIGATION', 'x-purpose-reason': encodeURIComponent('核实当事人身份') };

describe('personal information of a case party', () => {
  let caseNumber: string;
  beforeAll(async () => {
    const filed = await query<{ fileCase: { case: { caseNumber: string } } }>(
      await tokenFor('ministry-admin'),
      `mutation ($input: FileCaseInput!) { fileCase(input: $input) { case { caseNumber } } }`,
      {
        input: {
          regionCode: '320102',
          cause: '驾驶员未随车携带道路运输证',
          partyName: '李小龙',
          partyIdNumber: '320102199001011232',
        },
      },
    );
    caseNumber = filed.fileCase.case.caseNumber;
  });

  it('is masked for an enforcement officer', async () => {
    const data = await query<CaseData>(await tokenFor('nj-enforcement-officer'), CASE, { caseNumber });
    expect(data.enforcementCase).toMatchObject({ partyName: '李**', partyIdNumber: '3201**********1232' });
  });

  it('is masked for a pii-reader who declared no purpose', async () => {
    const data = await query<CaseData>(await tokenFor('js-pii-officer'), CASE, { caseNumber });
    expect(data.enforcementCase).toMatchObject({ partyName: '李**', partyIdNumber: '3201**********1232' });
  });

  it('is shown in full to a pii-reader who declared a purpose, and the purpose is recorded', async () => {
    const result = await graphql<CaseData>(
      CASE,
      { caseNumber },
      { token: await tokenFor('js-pii-officer'), headers: PURPOSE },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.enforcementCase).toMatchObject({ partyName: '李小龙', partyIdNumber: '320102199001011232' });
  });

  it('refuses a resident ID number whose check character is wrong, naming the field', async () => {
    const result = await graphql(
      `
        mutation ($input: FileCaseInput!) {
          fileCase(input: $input) {
            case {
              caseNumber
            }
          }
        }
      `,
      { input: { regionCode: '320102', cause: '测试', partyName: '李小龙', partyIdNumber: '320102199001011237' } },
      { token: await tokenFor('ministry-admin') },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'partyIdNumber' });
  });
});
