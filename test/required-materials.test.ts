import { PERMIT_KINDS, PermitKind } from '../subgraphs/licensing/permit/permit-kind';
import { materialsToAttach } from '../subgraphs/licensing/permit/required-materials';
import { DEMO_PROJECT_APPROVED_WITH_AWARD } from '../subgraphs/licensing/platforms/demo-platform-data';
import { attachRequiredMaterials } from './harness/permit-materials';
import { graphql, query, tokenFor, type GraphQLResponse } from './harness/single-window.client';
import { story } from './harness/story';

// 受理 needs every material the kind requires, or one notice naming everything missing (一次性告知) with the
// application waiting for corrections; resubmission needs what the notice named. Per permit kind, through
// the gateway, as the Jiangsu licensing officer. (That a permit is never approved while a material is
// missing is checked in subgraphs/licensing/permit/required-materials.spec.ts: through the graph an
// application cannot reach a decision without them.)

const OFFICER = 'js-licensing-officer';
const APPLICATION = `applicationNumber status version returnNotice { missingMaterials { code name } }`;

interface Application {
  applicationNumber: string;
  status: string;
  version: number;
  returnNotice: { missingMaterials: Array<{ code: string; name: string }> } | null;
}

async function act(
  mutation: string,
  inputType: string,
  input: Record<string, unknown>,
): Promise<GraphQLResponse<Record<string, { application: Application }>>> {
  return graphql(
    `mutation ($input: ${inputType}!) { ${mutation}(input: $input) { application { ${APPLICATION} } } }`,
    { input },
    { token: await tokenFor(OFFICER) },
  );
}

async function read(applicationNumber: string): Promise<Application> {
  const data = await query<{ permitApplication: Application }>(
    await tokenFor(OFFICER),
    `query ($number: String!) { permitApplication(applicationNumber: $number) { ${APPLICATION} } }`,
    { number: applicationNumber },
  );
  return data.permitApplication;
}

describe.each(Object.values(PermitKind))('required materials of %s', (kind) => {
  let applicationNumber: string;
  const required = materialsToAttach({ kind });
  const [first, ...missing] = required;

  beforeAll(async () => {
    const enterprise = await story(await tokenFor(OFFICER)).enterprise('320104', '材料齐全测试运输有限公司');
    const extra =
      kind === PermitKind.HIGHWAY_CONSTRUCTION
        ? { investmentProjectCode: DEMO_PROJECT_APPROVED_WITH_AWARD }
        : PERMIT_KINDS[kind].parallelApprovalByRoute
          ? { regionCode: '320000', routeProvinceCodes: ['320000', '330000'] }
          : kind === PermitKind.HAZARDOUS_GOODS_TRANSPORT
            ? { hazardClasses: ['3'] }
            : {};
    const submitted = await act('submitPermitApplication', 'SubmitPermitApplicationInput', {
      creditCode: enterprise.creditCode,
      kind,
      scope: '材料测试',
      regionCode: '320104',
      ...extra,
    });
    expect(submitted.errors).toBeUndefined();
    applicationNumber = submitted.data!.submitPermitApplication.application.applicationNumber;
    await attachRequiredMaterials(
      await tokenFor(OFFICER),
      applicationNumber,
      kind,
      missing.map((material) => material.code),
    );
  });

  it(`is not accepted with 1 of its ${required.length} materials: CONFLICT naming each missing one, code and Chinese name`, async () => {
    const refused = await act('acceptPermitApplication', 'ApplicationActionInput', { applicationNumber });
    expect(refused.errors).toHaveLength(1);
    expect(refused.errors![0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'MATERIALS_MISSING',
      missingMaterials: missing.map(({ code, name }) => ({ code, name })),
    });
    expect(refused.errors![0].message).toMatch(/^申请材料不齐全，缺少：/);
    for (const material of missing) expect(refused.errors![0].message).toContain(material.name);
    expect(await read(applicationNumber)).toMatchObject({ status: 'SUBMITTED', version: 1 });
  });

  it('is returned only with a notice naming everything missing at once (一次性告知), and waits for the corrections', async () => {
    const incomplete = await act('returnPermitApplication', 'ReturnPermitApplicationInput', {
      applicationNumber,
      missingMaterialCodes: missing.slice(1).map((material) => material.code),
      note: '请补正',
    });
    expect(incomplete.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'missingMaterialCodes',
      reason: 'NOTICE_INCOMPLETE',
      missingMaterials: [{ code: missing[0].code, name: missing[0].name }],
    });
    const returned = await act('returnPermitApplication', 'ReturnPermitApplicationInput', {
      applicationNumber,
      missingMaterialCodes: missing.map((material) => material.code),
      note: '请一次性补正所列材料',
    });
    expect(returned.errors).toBeUndefined();
    expect(returned.data!.returnPermitApplication.application).toMatchObject({
      status: 'RETURNED',
      returnNotice: { missingMaterials: missing.map(({ code, name }) => ({ code, name })) },
    });
    const early = await act('resubmitPermitApplication', 'ResubmitPermitApplicationInput', { applicationNumber });
    expect(early.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'MATERIALS_STILL_MISSING',
      missingMaterials: missing.map(({ code, name }) => ({ code, name })),
    });
  });

  it('is resubmitted and accepted once every material is attached', async () => {
    await attachRequiredMaterials(await tokenFor(OFFICER), applicationNumber, kind, [first.code]);
    const resubmitted = await act('resubmitPermitApplication', 'ResubmitPermitApplicationInput', {
      applicationNumber,
    });
    expect(resubmitted.errors).toBeUndefined();
    const accepted = await act('acceptPermitApplication', 'ApplicationActionInput', { applicationNumber });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptPermitApplication.application.status).toBe('ACCEPTED');
  });
});
