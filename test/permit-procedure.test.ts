import { join } from 'node:path';
import { loadWorkingCalendar } from '../platform/time/working-calendar';
import { DEMO_PROJECT_APPROVED_WITH_AWARD } from '../subgraphs/licensing/platforms/demo-platform-data';
import { chinaToday } from '../platform/time/china-time';
import { sm3Hex } from '../platform/storage/file-store';
import { PROJECT_ROOT } from './harness/service-processes';
import {
  act,
  attempt,
  refusal,
  application,
  steps,
  PDF,
  attach,
  attachAll,
  OFFICER,
  REVIEWER,
  ZJ_REVIEWER,
  jiangsuApplicant,
  submitFor,
  type WorkflowMutation,
} from './harness/permit-workflow';
import { query, requestSqlStatements, tokenFor } from './harness/single-window.client';

// Submission, acceptance or return, review and decision of single-authority permits; concurrent decisions; roles and regions.
// Helpers and the officers who act: test/harness/permit-workflow.ts.

describe('the permit workflow through the gateway: the procedure', () => {
  let jiangsuEnterprise: { creditCode: string; regionCode: string };

  beforeAll(async () => {
    jiangsuEnterprise = await jiangsuApplicant();
  });

  const submit = (kind: string, extra: Record<string, unknown> = {}) => submitFor(jiangsuEnterprise, kind, extra);

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
    const calendar = loadWorkingCalendar(join(PROJECT_ROOT, 'platform', 'time', 'working-calendar.json'));
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

  it("keeps each new operation to its roles and the caller's region", async () => {
    const { application: submitted } = await submit('ROAD_FREIGHT_TRANSPORT');
    const number = submitted.applicationNumber;
    const cases: Array<[string, WorkflowMutation, Record<string, unknown>, string]> = [
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

  it('reads the parts of a page of applications in statements that do not grow with the page', async () => {
    const token = await tokenFor('ministry-admin');
    const LIST = `query ($first: Int) { permitApplications(regionCode: "320000", first: $first) { totalCount edges { node {
      applicationNumber workingDaysLeft applicant { name } history { action actor } materials { sm3Digest } routeSegments { provinceCode status }
      returnNotice { note missingMaterials { code } } review { opinion } deadlineExtension { status } requiredMaterials { code } } } } }`;
    // Twenty applications in the province, whatever other test files have submitted before this one.
    const { permitApplications } = await query<{ permitApplications: { totalCount: number } }>(
      token,
      `{ permitApplications(regionCode: "320000", first: 1) { totalCount } }`,
    );
    for (let count = permitApplications.totalCount; count < 20; count += 1) await submit('ROAD_FREIGHT_TRANSPORT');
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
});
