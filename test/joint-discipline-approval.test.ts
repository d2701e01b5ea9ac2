import { attachAll, OFFICER, REVIEWER, submitFor } from './harness/permit-workflow';
import { eventually, graphql, query, tokenFor } from './harness/single-window.client';
import { story } from './harness/story';

// Joint discipline (联合惩戒), the decision: a revoked permit puts the enterprise on credit's
// serious-dishonesty list (credit, automatically), credit tells licensing (credit.list-changed), and
// licensing then refuses the kinds that refuse listed applicants and asks a recorded reason for the others.
// Everything through the gateway, as the reviewer who decides.

const APPROVE = `mutation ($input: ApprovePermitApplicationInput!) {
  approvePermitApplication(input: $input) { application { status history { comment } } permit { number } } }`;

const VIEW = `query ($number: String!) {
  permitApplication(applicationNumber: $number) {
    jointDiscipline { applicantListed rule listings { list criterion startedAt } }
    applicant { creditProfile { rating listMemberships { criterion } publicPenalties { documentNumber fineFen } } }
  } }`;

interface ApproveAnswer {
  approvePermitApplication: {
    application: { status: string; history: Array<{ comment: string | null }> };
    permit: { number: string } | null;
  };
}

describe('joint discipline: approving for an enterprise on the serious-dishonesty list', () => {
  let applicant: { creditCode: string; regionCode: string };
  let penaltyCase: string;

  async function accepted(kind: string, scope: string): Promise<string> {
    const { application } = await submitFor(applicant, kind, { scope });
    await attachAll(application.applicationNumber, kind);
    await query(
      await tokenFor(OFFICER),
      `mutation ($input: ApplicationActionInput!) { acceptPermitApplication(input: $input) { application { status } } }`,
      { input: { applicationNumber: application.applicationNumber } },
    );
    return application.applicationNumber;
  }

  beforeAll(async () => {
    // The administrator holds every licensing role: registers, applies, accepts and approves the first permit.
    const enterprise = await story(await tokenFor('ministry-admin')).enterprise(
      '320104',
      '联合惩戒审批测试运输有限公司',
    );
    applicant = enterprise;
    const [permitNumber] = await enterprise.withPermits(1);
    // A fine of 5,000 yuan, publicly disclosed (双公示), which the reviewer sees among the open penalties.
    [penaltyCase] = await enterprise.withDecidedCases(1, 500_000);
    await query(
      await tokenFor(REVIEWER),
      `mutation ($input: RevokePermitInput!) { revokePermit(input: $input) { permit { status } } }`,
      { input: { permitNumber, reason: '以欺骗、贿赂等不正当手段取得许可' } },
    );
  });

  it('shows the listing in the application the reviewer decides, once credit has listed the enterprise', async () => {
    const applicationNumber = await accepted('ROAD_FREIGHT_TRANSPORT', '普通货运');
    const reviewer = await tokenFor(REVIEWER);
    const view = await eventually(async () => {
      const data = await query<{
        permitApplication: {
          jointDiscipline: {
            applicantListed: boolean;
            rule: string;
            listings: Array<{ list: string; criterion: string }>;
          };
          applicant: {
            creditProfile: {
              rating: string;
              listMemberships: Array<{ criterion: string }>;
              publicPenalties: Array<{ documentNumber: string; fineFen: number }>;
            };
          };
        };
      }>(reviewer, VIEW, { number: applicationNumber });
      expect(data.permitApplication.jointDiscipline.applicantListed).toBe(true);
      expect(data.permitApplication.applicant.creditProfile.publicPenalties).toHaveLength(1);
      return data.permitApplication;
    }, 30_000);
    // Licensing's own copy of the listing, and what approving takes for this kind.
    expect(view.jointDiscipline.rule).toBe('REASON_REQUIRED');
    expect(view.jointDiscipline.listings).toEqual([
      expect.objectContaining({ list: 'SERIOUS_DISHONESTY', criterion: 'PERMIT_REVOKED' }),
    ]);
    // Credit's answer in the same view: the list and the penalty on public display.
    expect(view.applicant.creditProfile.listMemberships).toEqual([{ criterion: 'PERMIT_REVOKED' }]);
    expect(view.applicant.creditProfile.publicPenalties).toEqual([{ documentNumber: penaltyCase, fineFen: 500_000 }]);
  });

  it('refuses a hazardous-goods permit to the listed applicant, leaving the application undecided', async () => {
    const applicationNumber = await accepted('HAZARDOUS_GOODS_TRANSPORT', '危险货物运输(3类)');
    const result = await graphql<ApproveAnswer>(
      APPROVE,
      { input: { applicationNumber, jointDisciplineReason: '企业已整改' } },
      { token: await tokenFor(REVIEWER) },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'SERIOUS_DISHONESTY' });
    expect(result.errors?.[0]?.message).toContain('严重失信主体名单');
    const status = await query<{ permitApplication: { status: string } }>(
      await tokenFor(REVIEWER),
      `query ($number: String!) { permitApplication(applicationNumber: $number) { status } }`,
      { number: applicationNumber },
    );
    expect(status.permitApplication.status).toBe('ACCEPTED');
  });

  it('approves a freight permit only with a reason, and records the reason on the history', async () => {
    const applicationNumber = await accepted('ROAD_FREIGHT_TRANSPORT', '普通货运');
    const reviewer = await tokenFor(REVIEWER);
    const missing = await graphql<ApproveAnswer>(APPROVE, { input: { applicationNumber } }, { token: reviewer });
    expect(missing.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'jointDisciplineReason' });
    const approved = await query<ApproveAnswer>(reviewer, APPROVE, {
      input: { applicationNumber, jointDisciplineReason: '经集体讨论，企业已履行处罚并完成整改，准予许可' },
    });
    expect(approved.approvePermitApplication.permit?.number).toBeTruthy();
    expect(approved.approvePermitApplication.application.history.map((step) => step.comment).join('\n')).toContain(
      '仍予许可的理由: 经集体讨论，企业已履行处罚并完成整改，准予许可',
    );
  });
});
