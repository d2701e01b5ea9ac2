import { graphql, query, tokenFor } from './harness/single-window.client';
import { attachRequiredMaterials } from './harness/permit-materials';
import { newCreditCode } from './harness/story';

const REGISTER = `mutation ($input: RegisterEnterpriseInput!) { registerEnterprise(input: $input) { enterprise { creditCode } } }`;
const LOOKUP = `query ($code: String!) { enterprise(creditCode: $code) { creditCode } }`;

function enterpriseInput(overrides: Record<string, unknown>) {
  return {
    creditCode: newCreditCode(),
    name: '校验测试有限公司',
    legalRepresentative: '测试人',
    regionCode: '320102',
    address: '测试路2号',
    ...overrides,
  };
}

describe('bad input', () => {
  it('refuses a credit code whose check character is wrong, naming the field, and stores nothing', async () => {
    const token = await tokenFor('js-licensing-officer');
    const valid = newCreditCode();
    const wrongCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    const result = await graphql(REGISTER, { input: enterpriseInput({ creditCode: wrongCheck }) }, { token });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'creditCode' });
    expect(result.errors?.[0]?.message).toMatch(/creditCode .*check character/);
    expect(JSON.stringify(result.errors)).not.toMatch(/at .*\.js|stacktrace/);
  });

  it('refuses a region code that is not in GB/T 2260 and registers nothing', async () => {
    const token = await tokenFor('js-licensing-officer');
    const creditCode = newCreditCode();
    const result = await graphql(REGISTER, { input: enterpriseInput({ creditCode, regionCode: '329999' }) }, { token });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'regionCode' });
    const after = await query<{ enterprise: unknown }>(await tokenFor('ministry-admin'), LOOKUP, { code: creditCode });
    expect(after.enterprise).toBeNull();
  });

  it('refuses a malformed plate number', async () => {
    const token = await tokenFor('js-licensing-officer');
    const result = await graphql(
      `
        mutation ($input: RegisterVehicleInput!) {
          registerVehicle(input: $input) {
            vehicle {
              plateNumber
            }
          }
        }
      `,
      {
        input: {
          plateNumber: '苏I12345',
          ownerCreditCode: '91320102MA1MY0R10Q',
          vehicleType: '货车',
          category: 'FREIGHT',
          approvedLoadKg: 20000,
          transportCertificateNumber: '1',
          regionCode: '320102',
        },
      },
      { token },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'plateNumber' });
  });

  it('refuses a malformed credit code in a lookup', async () => {
    const result = await graphql(LOOKUP, { code: 'not-a-code' }, { token: await tokenFor('ministry-admin') });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'creditCode' });
  });

  it('refuses a page size over the maximum', async () => {
    const result = await graphql(
      `
        {
          enterprises(first: 1000) {
            totalCount
          }
        }
      `,
      {},
      { token: await tokenFor('ministry-admin') },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });

  it('refuses registering the same enterprise twice with CONFLICT', async () => {
    const token = await tokenFor('js-licensing-officer');
    const input = enterpriseInput({});
    await query(token, REGISTER, { input });
    const again = await graphql(REGISTER, { input }, { token });
    expect(again.errors?.[0]?.extensions?.code).toBe('CONFLICT');
  });

  it('refuses an illegal transition with CONFLICT and leaves the application as it was', async () => {
    const token = await tokenFor('ministry-admin');
    const submitted = await query<{ submitPermitApplication: { application: { applicationNumber: string } } }>(
      token,
      `mutation { submitPermitApplication(input: { creditCode: "91320583MA1NQ2W40E", kind: ROAD_FREIGHT_TRANSPORT, scope: "普通货运", regionCode: "320583" }) { application { applicationNumber } } }`,
    );
    const applicationNumber = submitted.submitPermitApplication.application.applicationNumber;
    const approveUnaccepted = await graphql(
      `
        mutation ($input: ApprovePermitApplicationInput!) {
          approvePermitApplication(input: $input) {
            permit {
              number
            }
          }
        }
      `,
      { input: { applicationNumber } },
      { token },
    );
    expect(approveUnaccepted.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
    const now = await query<{ permitApplication: { status: string; permitNumber: string | null; version: number } }>(
      token,
      `query ($number: String!) { permitApplication(applicationNumber: $number) { status permitNumber version } }`,
      { number: applicationNumber },
    );
    expect(now.permitApplication).toEqual({ status: 'SUBMITTED', permitNumber: null, version: 1 });
  });

  it('lets exactly one of two concurrent decisions on one application win', async () => {
    const token = await tokenFor('ministry-admin');
    const submitted = await query<{ submitPermitApplication: { application: { applicationNumber: string } } }>(
      token,
      `mutation { submitPermitApplication(input: { creditCode: "91320583MA1NQ2W40E", kind: ROAD_FREIGHT_TRANSPORT, scope: "普通货运", regionCode: "320583" }) { application { applicationNumber } } }`,
    );
    const applicationNumber = submitted.submitPermitApplication.application.applicationNumber;
    await attachRequiredMaterials(token, applicationNumber, 'ROAD_FREIGHT_TRANSPORT');
    await query(
      token,
      `mutation ($input: ApplicationActionInput!) { acceptPermitApplication(input: $input) { application { status } } }`,
      { input: { applicationNumber } },
    );
    const [approve, reject] = await Promise.all([
      graphql(
        `
          mutation ($input: ApprovePermitApplicationInput!) {
            approvePermitApplication(input: $input) {
              application {
                status
              }
            }
          }
        `,
        { input: { applicationNumber, expectedVersion: 2 } },
        { token },
      ),
      graphql(
        `
          mutation ($input: RejectPermitApplicationInput!) {
            rejectPermitApplication(input: $input) {
              application {
                status
              }
            }
          }
        `,
        { input: { applicationNumber, expectedVersion: 2, reason: '材料不全' } },
        { token },
      ),
    ]);
    const outcomes = [approve, reject].map((result) => (result.errors ? result.errors[0].extensions?.code : 'OK'));
    expect(outcomes.sort()).toEqual(['CONFLICT', 'OK']);
  });
});

describe('roles', () => {
  it('refuse a mutation to an officer whose role does not allow it', async () => {
    const result = await graphql(
      REGISTER,
      { input: enterpriseInput({}) },
      { token: await tokenFor('js-safety-officer') },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
