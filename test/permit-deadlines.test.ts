import { join } from 'node:path';
import { loadWorkingCalendar } from '../platform/time/working-calendar';
import { PROJECT_ROOT } from './harness/service-processes';
import {
  act,
  attachAll,
  attempt,
  refusal,
  OFFICER,
  REVIEWER,
  jiangsuApplicant,
  submitFor,
} from './harness/permit-workflow';
import { graphql, query, tokenFor } from './harness/single-window.client';

// The decision deadline: extension (延长审查期限) and the overdue and soon-due queues.
// Helpers and the officers who act: test/harness/permit-workflow.ts.

describe('the permit workflow through the gateway: deadlines', () => {
  let jiangsuEnterprise: { creditCode: string; regionCode: string };

  beforeAll(async () => {
    jiangsuEnterprise = await jiangsuApplicant();
  });

  const submit = (kind: string, extra: Record<string, unknown> = {}) => submitFor(jiangsuEnterprise, kind, extra);

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
    const calendar = loadWorkingCalendar(join(PROJECT_ROOT, 'platform', 'time', 'working-calendar.json'));
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
});
