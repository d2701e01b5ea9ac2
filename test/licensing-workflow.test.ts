import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadWorkingCalendar } from '../subgraphs/licensing/calendar/working-calendar';
import { DEMO_PROJECT_APPROVED_WITH_AWARD } from '../subgraphs/licensing/platforms/demo-platform-data';
import { chinaToday } from '../platform/time/china-time';
import { sm3Hex } from '../platform/storage/file-store';
import { readState } from './harness/harness-state';
import { PROJECT_ROOT } from './harness/service-processes';
import {
  eventually,
  graphql,
  query,
  requestSqlStatements,
  tokenFor,
  type GraphQLResponse,
} from './harness/single-window.client';
import { attachRequiredMaterials } from './harness/permit-materials';
import { decideThroughProcedure, story } from './harness/story';

// The permit workflow through the gateway, as the officers who do each step: js-licensing-officer
// (江苏省 320000) submits, accepts and returns; js-licensing-reviewer reviews and decides; on a route
// through Zhejiang, zj-licensing-reviewer (浙江省 330000) decides Zhejiang's segment.

const APPLICATION_FIELDS = `applicationNumber status version regionCode handlingOfficer decisionDueDate workingDaysLeft permitNumber decidedBy decisionComment
  history { action fromStatus toStatus actor comment }`;

interface Application {
  applicationNumber: string;
  status: string;
  version: number;
  regionCode: string;
  handlingOfficer: string | null;
  decisionDueDate: string | null;
  workingDaysLeft: number | null;
  permitNumber: string | null;
  decidedBy: string | null;
  decisionComment: string | null;
  history: Array<{
    action: string;
    fromStatus: string | null;
    toStatus: string;
    actor: string;
    comment: string | null;
  }>;
}

type Payload = {
  application: Application;
  permit: { number: string; status: string; kind: string; regionCode: string } | null;
};

const MUTATIONS: Record<string, string> = {
  submitPermitApplication: 'SubmitPermitApplicationInput',
  acceptPermitApplication: 'ApplicationActionInput',
  returnPermitApplication: 'ReturnPermitApplicationInput',
  resubmitPermitApplication: 'ResubmitPermitApplicationInput',
  reviewPermitApplication: 'ReviewPermitApplicationInput',
  approvePermitApplication: 'ApprovePermitApplicationInput',
  rejectPermitApplication: 'RejectPermitApplicationInput',
  withdrawPermitApplication: 'WithdrawPermitApplicationInput',
  requestDeadlineExtension: 'RequestDeadlineExtensionInput',
  approveDeadlineExtension: 'DecideDeadlineExtensionInput',
  refuseDeadlineExtension: 'DecideDeadlineExtensionInput',
  approveRouteSegment: 'RouteSegmentDecisionInput',
  refuseRouteSegment: 'RouteSegmentDecisionInput',
};

function document(mutation: string): string {
  return `mutation ($input: ${MUTATIONS[mutation]}!) { ${mutation}(input: $input) { application { ${APPLICATION_FIELDS} } permit { number status kind regionCode } } }`;
}

/** Runs a workflow mutation as `username`; fails the test on any error. */
async function act(username: string, mutation: string, input: Record<string, unknown>): Promise<Payload> {
  const data = await query<Record<string, Payload>>(await tokenFor(username), document(mutation), { input });
  return data[mutation];
}

/** The same, returning the raw response for refusals. */
async function attempt(
  username: string,
  mutation: string,
  input: Record<string, unknown>,
): Promise<GraphQLResponse<Record<string, Payload>>> {
  return graphql<Record<string, Payload>>(document(mutation), { input }, { token: await tokenFor(username) });
}

function refusal(response: GraphQLResponse<unknown>): { code?: string; reason?: string; field?: string } {
  expect(response.errors).toHaveLength(1);
  return response.errors![0].extensions ?? {};
}

async function application(username: string, applicationNumber: string): Promise<Application | null> {
  const data = await query<{ permitApplication: Application | null }>(
    await tokenFor(username),
    `query ($number: String!) { permitApplication(applicationNumber: $number) { ${APPLICATION_FIELDS} } }`,
    { number: applicationNumber },
  );
  return data.permitApplication;
}

const steps = (found: Application) => found.history.map((entry) => `${entry.action}:${entry.toStatus}:${entry.actor}`);
const PDF = (text: string) => Buffer.from(`%PDF-1.7\n${text}\n`).toString('base64');

async function attach(username: string, applicationNumber: string, materialCode: string, text = materialCode) {
  const data = await query<{
    attachPermitMaterial: { material: { id: string; sm3Digest: string; sizeBytes: number; materialName: string } };
  }>(
    await tokenFor(username),
    `mutation ($input: AttachPermitMaterialInput!) { attachPermitMaterial(input: $input) { material { id sm3Digest sizeBytes materialName } } }`,
    { input: { applicationNumber, materialCode, fileName: `${materialCode}.pdf`, contentBase64: PDF(text) } },
  );
  return data.attachPermitMaterial.material;
}

const OFFICER = 'js-licensing-officer';
/** Attaches every material the kind requires but those named, as the officer. */
const attachAll = async (applicationNumber: string, kind: string, except: string[] = []) =>
  attachRequiredMaterials(await tokenFor(OFFICER), applicationNumber, kind as never, except);
const REVIEWER = 'js-licensing-reviewer';
const ZJ_REVIEWER = 'zj-licensing-reviewer';

describe('the permit workflow through the gateway', () => {
  let jiangsuEnterprise: { creditCode: string; regionCode: string };

  beforeAll(async () => {
    jiangsuEnterprise = await story(await tokenFor(OFFICER)).enterprise('320104', '许可流程测试运输有限公司');
  });

  const submit = (kind: string, extra: Record<string, unknown> = {}) =>
    act(OFFICER, 'submitPermitApplication', {
      creditCode: jiangsuEnterprise.creditCode,
      kind,
      scope: '许可流程测试',
      regionCode: '320104',
      ...extra,
    });

  it('road freight: submitted with materials, accepted with its deadline, approved and issued', async () => {
    const { application: submitted } = await submit('ROAD_FREIGHT_TRANSPORT');
    expect(submitted).toMatchObject({ status: 'SUBMITTED', version: 1, decisionDueDate: null });
    const material = await attach(OFFICER, submitted.applicationNumber, 'APPLICATION_FORM', '道路货物运输经营申请表');
    expect(material).toMatchObject({
      materialName: '道路货物运输经营申请表',
      sm3Digest: sm3Hex(Buffer.from(PDF('道路货物运输经营申请表'), 'base64')),
    });
    await attachAll(submitted.applicationNumber, 'ROAD_FREIGHT_TRANSPORT', ['APPLICATION_FORM']);

    const { application: accepted } = await act(OFFICER, 'acceptPermitApplication', {
      applicationNumber: submitted.applicationNumber,
      expectedVersion: 1,
    });
    // 20 working days from today on the shipped calendar (the calendar spec checks the arithmetic by hand).
    const calendar = loadWorkingCalendar(
      join(PROJECT_ROOT, 'subgraphs', 'licensing', 'calendar', 'working-calendar.json'),
    );
    expect(accepted).toMatchObject({
      status: 'ACCEPTED',
      handlingOfficer: OFFICER,
      decisionDueDate: calendar.addWorkingDays(chinaToday(), 20),
      workingDaysLeft: 20,
    });

    const { application: approved, permit } = await act(REVIEWER, 'approvePermitApplication', {
      applicationNumber: submitted.applicationNumber,
      expectedVersion: 2,
      conditions: '限普通货运',
    });
    expect(approved).toMatchObject({
      status: 'APPROVED',
      decidedBy: REVIEWER,
      decisionComment: '限普通货运',
      permitNumber: permit!.number,
      workingDaysLeft: null,
    });
    expect(permit).toMatchObject({ status: 'VALID', kind: 'ROAD_FREIGHT_TRANSPORT', regionCode: '320104' });
    expect(steps(approved)).toEqual([
      'SUBMIT:SUBMITTED:js-licensing-officer',
      'ACCEPT:ACCEPTED:js-licensing-officer',
      'APPROVE:APPROVED:js-licensing-reviewer',
      'ISSUE:APPROVED:js-licensing-reviewer',
    ]);
  });

  it('road passenger: returned once with everything missing, corrected, resubmitted, reviewed and approved', async () => {
    const { application: submitted } = await submit('ROAD_PASSENGER_TRANSPORT');
    await attachAll(submitted.applicationNumber, 'ROAD_PASSENGER_TRANSPORT', ['DRIVER_QUALIFICATIONS', 'ROUTE_PLAN']);
    const { application: returned } = await act(OFFICER, 'returnPermitApplication', {
      applicationNumber: submitted.applicationNumber,
      missingMaterialCodes: ['DRIVER_QUALIFICATIONS', 'ROUTE_PLAN'],
      note: '驾驶员从业资格证缺失；请补充班车客运线路方案',
    });
    expect(returned.status).toBe('RETURNED');
    const notice = await query<{
      permitApplication: {
        returnNotice: { missingMaterials: Array<{ code: string; name: string }>; note: string; returnedBy: string };
      };
    }>(
      await tokenFor(OFFICER),
      `query ($number: String!) { permitApplication(applicationNumber: $number) { returnNotice { missingMaterials { code name } note returnedBy } } }`,
      { number: submitted.applicationNumber },
    );
    expect(notice.permitApplication.returnNotice).toEqual({
      missingMaterials: [
        { code: 'DRIVER_QUALIFICATIONS', name: '拟聘用驾驶员的驾驶证和从业资格证' },
        { code: 'ROUTE_PLAN', name: '拟经营的班车客运线路、站点和班次方案' },
      ],
      note: '驾驶员从业资格证缺失；请补充班车客运线路方案',
      returnedBy: OFFICER,
    });
    expect(
      refusal(await attempt(OFFICER, 'resubmitPermitApplication', { applicationNumber: submitted.applicationNumber })),
    ).toMatchObject({ code: 'CONFLICT', reason: 'MATERIALS_STILL_MISSING' });
    await attach(OFFICER, submitted.applicationNumber, 'DRIVER_QUALIFICATIONS');
    await attach(OFFICER, submitted.applicationNumber, 'ROUTE_PLAN');
    await act(OFFICER, 'resubmitPermitApplication', {
      applicationNumber: submitted.applicationNumber,
      comment: '已补正',
    });
    await act(OFFICER, 'acceptPermitApplication', { applicationNumber: submitted.applicationNumber });
    expect(
      refusal(await attempt(REVIEWER, 'approvePermitApplication', { applicationNumber: submitted.applicationNumber })),
    ).toMatchObject({ code: 'CONFLICT', reason: 'REVIEW_REQUIRED' });
    await act(REVIEWER, 'reviewPermitApplication', {
      applicationNumber: submitted.applicationNumber,
      recommendation: 'APPROVE',
      opinion: '客车、驾驶员和线路方案符合条件',
    });
    const { application: approved, permit } = await act(REVIEWER, 'approvePermitApplication', {
      applicationNumber: submitted.applicationNumber,
    });
    expect(permit?.kind).toBe('ROAD_PASSENGER_TRANSPORT');
    expect(approved.history.map((entry) => entry.action)).toEqual([
      'SUBMIT',
      'RETURN',
      'RESUBMIT',
      'ACCEPT',
      'REVIEW',
      'APPROVE',
      'ISSUE',
    ]);
  });

  it('hazardous goods: deadline extended once with approval, approved, then suspended and revoked by a reviewer', async () => {
    const { application: submitted } = await submit('HAZARDOUS_GOODS_TRANSPORT');
    await attachAll(submitted.applicationNumber, 'HAZARDOUS_GOODS_TRANSPORT');
    const { application: accepted } = await act(OFFICER, 'acceptPermitApplication', {
      applicationNumber: submitted.applicationNumber,
    });
    await act(OFFICER, 'requestDeadlineExtension', {
      applicationNumber: submitted.applicationNumber,
      reason: '需对专用停车场地进行现场核查',
    });
    const { application: extended } = await act(REVIEWER, 'approveDeadlineExtension', {
      applicationNumber: submitted.applicationNumber,
      comment: '同意',
    });
    const calendar = loadWorkingCalendar(
      join(PROJECT_ROOT, 'subgraphs', 'licensing', 'calendar', 'working-calendar.json'),
    );
    expect(extended.decisionDueDate).toBe(calendar.addWorkingDays(accepted.decisionDueDate!, 10));
    expect(
      refusal(
        await attempt(OFFICER, 'requestDeadlineExtension', {
          applicationNumber: submitted.applicationNumber,
          reason: '再延',
        }),
      ),
    ).toMatchObject({
      reason: 'EXTENSION_ALREADY_REQUESTED',
    });
    const { permit } = await act(REVIEWER, 'approvePermitApplication', {
      applicationNumber: submitted.applicationNumber,
    });

    const as = async (username: string, mutation: string, reason: string) => {
      const response = await graphql<
        Record<string, { permit: { status: string; statusHistory: Array<{ toStatus: string; actor: string }> } }>
      >(
        `mutation ($input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $input) { permit { status statusHistory { toStatus actor } } } }`,
        { input: { permitNumber: permit!.number, reason } },
        { token: await tokenFor(username) },
      );
      return response;
    };
    expect(refusal(await as(OFFICER, 'suspendPermit', '暂扣'))).toMatchObject({ code: 'FORBIDDEN' });
    const verify = async () => {
      const certificate = await query<{ permit: { certificate: { certificateId: string } } }>(
        await tokenFor(REVIEWER),
        `query ($number: String!) { permit(number: $number) { certificate { certificateId } } }`,
        { number: permit!.number },
      );
      const verified = await graphql<{ verifyCertificate: { status: string } }>(
        `
          query ($id: String!) {
            verifyCertificate(id: $id) {
              status
            }
          }
        `,
        { id: certificate.permit.certificate.certificateId },
        { token: await tokenFor('js-credit-officer') },
      );
      return verified.data?.verifyCertificate.status;
    };
    // The electronic certificate issued with the approval follows the permit's standing, for anyone verifying it
    // (signed in here: the anonymous allowance of this test machine's address belongs to the certificates test).
    expect(await verify()).toBe('VALID');
    expect((await as(REVIEWER, 'suspendPermit', '车辆未按规定检测')).data?.suspendPermit.permit.status).toBe(
      'SUSPENDED',
    );
    expect(await verify()).toBe('SUSPENDED');
    const revoked = await as(REVIEWER, 'revokePermit', '拒不整改');
    expect(revoked.data?.revokePermit.permit).toEqual({
      status: 'REVOKED',
      statusHistory: [
        { toStatus: 'SUSPENDED', actor: REVIEWER },
        { toStatus: 'REVOKED', actor: REVIEWER },
      ],
    });
    expect(refusal(await as(REVIEWER, 'restorePermit', '恢复'))).toMatchObject({
      code: 'CONFLICT',
      reason: 'ILLEGAL_TRANSITION',
    });
    expect(await verify()).toBe('REVOKED');
  });

  it('highway construction: the project confirmed at the investment platform, reviewed, approved with the tender award on record', async () => {
    const malformed = await attempt(OFFICER, 'submitPermitApplication', {
      creditCode: jiangsuEnterprise.creditCode,
      kind: 'HIGHWAY_CONSTRUCTION',
      scope: '宁杭高速改扩建',
      regionCode: '320104',
      investmentProjectCode: '2025-320104-48-01-0001',
    });
    expect(refusal(malformed)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'investmentProjectCode' });
    const { application: submitted } = await submit('HIGHWAY_CONSTRUCTION', {
      investmentProjectCode: DEMO_PROJECT_APPROVED_WITH_AWARD,
    });
    expect(submitted.status).toBe('SUBMITTED');
    await attachAll(submitted.applicationNumber, 'HIGHWAY_CONSTRUCTION');
    await act(OFFICER, 'acceptPermitApplication', { applicationNumber: submitted.applicationNumber });
    expect(
      refusal(await attempt(REVIEWER, 'approvePermitApplication', { applicationNumber: submitted.applicationNumber })),
    ).toMatchObject({ code: 'CONFLICT', reason: 'REVIEW_REQUIRED' });
    await act(REVIEWER, 'reviewPermitApplication', {
      applicationNumber: submitted.applicationNumber,
      recommendation: 'APPROVE',
      opinion: '施工图设计已批复，资金已落实',
    });
    const { application: approved, permit } = await act(REVIEWER, 'approvePermitApplication', {
      applicationNumber: submitted.applicationNumber,
      conditions: '按批复的施工图施工',
    });
    expect(permit).toMatchObject({ kind: 'HIGHWAY_CONSTRUCTION', status: 'VALID' });
    expect(approved.history.map((entry) => entry.action)).toEqual(['SUBMIT', 'ACCEPT', 'REVIEW', 'APPROVE', 'ISSUE']);
    expect(approved.history[4].comment).toMatch(/^Permit \S+ issued, valid .*; electronic certificate ZZ-320000-/);
  });

  describe('cross-province oversize transport (并联许可)', () => {
    let haulier: { creditCode: string };
    beforeAll(async () => {
      haulier = await story(await tokenFor(OFFICER)).enterprise('320100', '并联许可测试大件运输有限公司');
    });
    const submitRoute = async () => {
      const { application: submitted } = await act(OFFICER, 'submitPermitApplication', {
        creditCode: haulier.creditCode,
        kind: 'CROSS_PROVINCE_OVERSIZE_TRANSPORT',
        scope: '南京—杭州 变压器 车货总质量96吨',
        regionCode: '320000',
        routeProvinceCodes: ['320000', '330000'],
      });
      await attachAll(submitted.applicationNumber, 'CROSS_PROVINCE_OVERSIZE_TRANSPORT');
      await act(OFFICER, 'acceptPermitApplication', { applicationNumber: submitted.applicationNumber });
      return submitted.applicationNumber;
    };

    it('is seen by each province on the route, each approving its own segment; the last approval issues the permit', async () => {
      const number = await submitRoute();
      expect(await application(ZJ_REVIEWER, number)).toMatchObject({ status: 'ACCEPTED', regionCode: '320000' });
      // Hangzhou's city officer is not the province on the route.
      expect(await application('zj-licensing-officer', number)).toBeNull();
      const listed = await query<{ permitApplications: { edges: Array<{ node: { applicationNumber: string } }> } }>(
        await tokenFor(ZJ_REVIEWER),
        `{ permitApplications(status: ACCEPTED, first: 100) { edges { node { applicationNumber } } } }`,
      );
      expect(listed.permitApplications.edges.map((edge) => edge.node.applicationNumber)).toContain(number);

      expect(
        refusal(
          await attempt(ZJ_REVIEWER, 'approveRouteSegment', { applicationNumber: number, provinceCode: '320000' }),
        ),
      ).toMatchObject({ code: 'FORBIDDEN' });
      expect(
        refusal(await attempt(ZJ_REVIEWER, 'rejectPermitApplication', { applicationNumber: number, reason: '不同意' })),
      ).toMatchObject({ code: 'FORBIDDEN' });
      const first = await act(REVIEWER, 'approveRouteSegment', {
        applicationNumber: number,
        provinceCode: '320000',
        comment: '夜间通行',
      });
      expect(first).toMatchObject({ application: { status: 'ACCEPTED' }, permit: null });
      const last = await act(ZJ_REVIEWER, 'approveRouteSegment', {
        applicationNumber: number,
        provinceCode: '330000',
        comment: '路政护送',
      });
      expect(last.application).toMatchObject({
        status: 'APPROVED',
        decidedBy: ZJ_REVIEWER,
        decisionComment: '320000: 夜间通行; 330000: 路政护送',
      });
      expect(last.permit).toMatchObject({
        kind: 'CROSS_PROVINCE_OVERSIZE_TRANSPORT',
        regionCode: '320000',
        status: 'VALID',
      });
      const segments = await query<{
        permitApplication: { routeSegments: Array<{ provinceCode: string; status: string; decidedBy: string }> };
      }>(
        await tokenFor(ZJ_REVIEWER),
        `query ($number: String!) { permitApplication(applicationNumber: $number) { routeSegments { provinceCode status decidedBy } } }`,
        { number },
      );
      expect(segments.permitApplication.routeSegments).toEqual([
        { provinceCode: '320000', status: 'APPROVED', decidedBy: REVIEWER },
        { provinceCode: '330000', status: 'APPROVED', decidedBy: ZJ_REVIEWER },
      ]);
    });

    it('is refused as a whole when one province refuses its segment', async () => {
      const number = await submitRoute();
      await act(REVIEWER, 'approveRouteSegment', { applicationNumber: number, provinceCode: '320000' });
      const { application: refused, permit } = await act(ZJ_REVIEWER, 'refuseRouteSegment', {
        applicationNumber: number,
        provinceCode: '330000',
        comment: '沿线桥梁承载能力不足',
      });
      expect(permit).toBeNull();
      expect(refused).toMatchObject({
        status: 'REJECTED',
        decisionComment: '浙江省(330000) refused its segment: 沿线桥梁承载能力不足',
      });
      expect(refused.history.map((entry) => entry.action)).toEqual([
        'SUBMIT',
        'ACCEPT',
        'APPROVE_SEGMENT',
        'REFUSE_SEGMENT',
      ]);
    });
  });

  it('lets exactly one of two concurrent decisions on the same version win', async () => {
    const { application: submitted } = await submit('ROAD_FREIGHT_TRANSPORT');
    await attachAll(submitted.applicationNumber, 'ROAD_FREIGHT_TRANSPORT');
    const { application: accepted } = await act(OFFICER, 'acceptPermitApplication', {
      applicationNumber: submitted.applicationNumber,
    });
    const input = { applicationNumber: submitted.applicationNumber, expectedVersion: accepted.version };
    const responses = await Promise.all([
      attempt(REVIEWER, 'approvePermitApplication', input),
      attempt('ministry-admin', 'rejectPermitApplication', { ...input, reason: '经营场所不符合要求' }),
      attempt(REVIEWER, 'approvePermitApplication', { ...input, conditions: '限普通货运' }),
    ]);
    const won = responses.filter((response) => !response.errors);
    expect(won).toHaveLength(1);
    for (const lost of responses.filter((response) => response.errors))
      expect(refusal(lost)).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    const final = (await application(REVIEWER, submitted.applicationNumber))!;
    expect(final.history.filter((entry) => ['APPROVE', 'REJECT'].includes(entry.action))).toHaveLength(1);
    const permits = await query<{ enterprise: { permits: { edges: Array<{ node: { applicationNumber: string } }> } } }>(
      await tokenFor(REVIEWER),
      `query ($code: String!) { enterprise(creditCode: $code) { permits(first: 100) { edges { node { applicationNumber } } } } }`,
      { code: jiangsuEnterprise.creditCode },
    );
    expect(
      permits.enterprise.permits.edges.filter((edge) => edge.node.applicationNumber === submitted.applicationNumber),
    ).toHaveLength(final.status === 'APPROVED' ? 1 : 0);
  });

  it('lists overdue and soon-due applications per region and officer', async () => {
    const { application: submitted } = await submit('ROAD_FREIGHT_TRANSPORT');
    await attachAll(submitted.applicationNumber, 'ROAD_FREIGHT_TRANSPORT');
    await act(OFFICER, 'acceptPermitApplication', { applicationNumber: submitted.applicationNumber });
    const token = await tokenFor(REVIEWER);
    const numbers = async (field: string, args: string) => {
      const data = await query<
        Record<string, { edges: Array<{ node: { applicationNumber: string; workingDaysLeft: number } }> }>
      >(token, `{ ${field}(${args}, first: 100) { edges { node { applicationNumber workingDaysLeft } } } }`);
      return data[field].edges.map((edge) => edge.node);
    };
    expect(
      await numbers('dueSoonPermitApplications', `regionCode: "320104", withinWorkingDays: 20, officer: "${OFFICER}"`),
    ).toContainEqual({ applicationNumber: submitted.applicationNumber, workingDaysLeft: 20 });
    expect(
      (
        await numbers('dueSoonPermitApplications', `regionCode: "320104", withinWorkingDays: 19, officer: "${OFFICER}"`)
      ).map((node) => node.applicationNumber),
    ).not.toContain(submitted.applicationNumber);
    expect(
      (
        await numbers(
          'dueSoonPermitApplications',
          `regionCode: "320104", withinWorkingDays: 20, officer: "someone-else"`,
        )
      ).map((node) => node.applicationNumber),
    ).not.toContain(submitted.applicationNumber);
    // The demo data holds one application accepted in 320583 long enough ago to be overdue.
    const overdue = await numbers('overduePermitApplications', 'regionCode: "320000"');
    expect(overdue.length).toBeGreaterThanOrEqual(1);
    expect(overdue.every((node) => node.workingDaysLeft < 0)).toBe(true);
    expect(overdue.map((node) => node.applicationNumber)).not.toContain(submitted.applicationNumber);
    expect(await numbers('overduePermitApplications', 'regionCode: "330000"')).toEqual([]);
    const pending = await numbers('pendingPermitApplications', `officer: "${OFFICER}"`);
    expect(pending.map((node) => node.applicationNumber)).toContain(submitted.applicationNumber);
  });

  describe('materials', () => {
    it('reads a material back checked against its SM3 digest, and refuses it named once the file was altered', async () => {
      const { application: submitted } = await submit('ROAD_FREIGHT_TRANSPORT');
      const material = await attach(
        OFFICER,
        submitted.applicationNumber,
        'SAFETY_MANAGEMENT_RULES',
        '安全生产管理制度 第一版',
      );
      const read = (username: string) =>
        tokenFor(username).then((token) =>
          graphql<{ permitMaterialContent: string | null }>(
            `
              query ($id: ID!) {
                permitMaterialContent(id: $id)
              }
            `,
            { id: material.id },
            { token },
          ),
        );
      expect(Buffer.from((await read(REVIEWER)).data!.permitMaterialContent!, 'base64').toString()).toBe(
        '%PDF-1.7\n安全生产管理制度 第一版\n',
      );
      // Materials are for licensing staff: other departments are refused, other regions find nothing.
      expect(refusal(await read('nj-enforcement-officer'))).toMatchObject({ code: 'FORBIDDEN' });
      expect((await read('zj-licensing-officer')).data?.permitMaterialContent).toBeNull();

      const file = findStoredFile(join(readState().dataDirectory, 'files', 'licensing'), material.sm3Digest);
      writeFileSync(file, '%PDF-1.7\n安全生产管理制度 篡改版\n');
      const tampered = await read(REVIEWER);
      expect(refusal(tampered)).toMatchObject({ code: 'CONFLICT', reason: 'DIGEST_MISMATCH' });
      expect(tampered.errors![0].message).toBe(
        `Material ${material.id} (SAFETY_MANAGEMENT_RULES, SAFETY_MANAGEMENT_RULES.pdf) of application ${submitted.applicationNumber} does not match its recorded SM3 digest: it was altered after it was stored`,
      );
    });

    it('refuses a material over 5 MiB with a clear error naming the field', async () => {
      const { application: submitted } = await submit('ROAD_FREIGHT_TRANSPORT');
      const response = await graphql(
        `
          mutation ($input: AttachPermitMaterialInput!) {
            attachPermitMaterial(input: $input) {
              material {
                id
              }
            }
          }
        `,
        {
          input: {
            applicationNumber: submitted.applicationNumber,
            materialCode: 'APPLICATION_FORM',
            fileName: 'scan.pdf',
            contentBase64: Buffer.alloc(5 * 1024 * 1024 + 1, 1).toString('base64'),
          },
        },
        { token: await tokenFor(OFFICER) },
      );
      expect(refusal(response)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'contentBase64' });
      expect(response.errors![0].message).toBe(
        'contentBase64 is 5.0 MiB (5242881 bytes); a material may be at most 5.0 MiB (5242880 bytes)',
      );
    });
  });

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

  it('reads the parts of a page of applications in statements that do not grow with the page', async () => {
    const token = await tokenFor('ministry-admin');
    const LIST = `query ($first: Int) { permitApplications(regionCode: "320000", first: $first) { totalCount edges { node {
      applicationNumber workingDaysLeft applicant { name } history { action actor } materials { sm3Digest } routeSegments { provinceCode status }
      returnNotice { note missingMaterials { code } } review { opinion } deadlineExtension { status } requiredMaterials { code } } } } }`;
    const statementsFor = async (first: number) => {
      const before = await requestSqlStatements();
      const data = await query<{ permitApplications: { edges: unknown[] } }>(token, LIST, { first });
      expect(data.permitApplications.edges).toHaveLength(first);
      return (await requestSqlStatements()) - before;
    };
    const two = await statementsFor(2);
    const twenty = await statementsFor(20);
    expect(two).toBeGreaterThan(0);
    expect(twenty).toBe(two);
  });

  it("keeps each new operation to its roles and the caller's region", async () => {
    const { application: submitted } = await submit('ROAD_FREIGHT_TRANSPORT');
    const number = submitted.applicationNumber;
    const cases: Array<[string, string, Record<string, unknown>, string]> = [
      [
        REVIEWER,
        'returnPermitApplication',
        { applicationNumber: number, missingMaterialCodes: ['APPLICATION_FORM'], note: '缺申请表' },
        'FORBIDDEN',
      ],
      [
        OFFICER,
        'reviewPermitApplication',
        { applicationNumber: number, recommendation: 'APPROVE', opinion: '同意' },
        'FORBIDDEN',
      ],
      [OFFICER, 'approveDeadlineExtension', { applicationNumber: number }, 'FORBIDDEN'],
      [REVIEWER, 'withdrawPermitApplication', { applicationNumber: number, reason: '撤回' }, 'FORBIDDEN'],
      [
        'nj-enforcement-officer',
        'requestDeadlineExtension',
        { applicationNumber: number, reason: '延期' },
        'FORBIDDEN',
      ],
      [
        'zj-licensing-officer',
        'returnPermitApplication',
        { applicationNumber: number, missingMaterialCodes: ['APPLICATION_FORM'], note: '缺申请表' },
        'NOT_FOUND',
      ],
      ['zj-licensing-officer', 'withdrawPermitApplication', { applicationNumber: number, reason: '撤回' }, 'NOT_FOUND'],
      [
        ZJ_REVIEWER,
        'reviewPermitApplication',
        { applicationNumber: number, recommendation: 'APPROVE', opinion: '同意' },
        'NOT_FOUND',
      ],
    ];
    for (const [username, mutation, input, code] of cases) {
      expect({ username, mutation, ...refusal(await attempt(username, mutation, input)) }).toMatchObject({
        username,
        mutation,
        code,
      });
    }
    expect((await application(OFFICER, number))!.history).toHaveLength(1);
    const kinds = await query<{
      permitKinds: Array<{ kind: string; decisionWorkingDays: number; decideRoles: string[] }>;
    }>(await tokenFor(OFFICER), `{ permitKinds { kind decisionWorkingDays decideRoles } }`);
    expect(kinds.permitKinds).toHaveLength(5);
    expect(kinds.permitKinds.find((kind) => kind.kind === 'HAZARDOUS_GOODS_TRANSPORT')).toEqual({
      kind: 'HAZARDOUS_GOODS_TRANSPORT',
      decisionWorkingDays: 20,
      decideRoles: ['licensing-reviewer'],
    });
  });
});

/** The stored file whose SM3 digest is `digest`, under the file store's licensing directory. */
function findStoredFile(directory: string, digest: string): string {
  for (const name of readdirSync(directory)) {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) {
      try {
        return findStoredFile(path, digest);
      } catch {
        continue;
      }
    }
    if (sm3Hex(readFileSync(path)) === digest) return path;
  }
  throw new Error(`no stored file with digest ${digest} under ${directory}`);
}
