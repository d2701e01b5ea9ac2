import { Not } from 'typeorm';
import { SYSTEM_SCOPE } from '../../../platform/auth/region-scope';
import { DEMO_ENTERPRISES } from '../../../platform/demo/demo-dataset';
import { OutboxMessage } from '../../../platform/outbox/outbox-message.entity';
import { scopeIn } from '../../../platform/testing/callers';
import { expectDomainError } from '../../../platform/testing/expect-domain-error';
import { openSubgraphTestbed, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import { licensingStandIns, type LicensingStandIns, OFFICER, REVIEWER } from '../licensing.fixture';
import { licensingSubgraph } from '../licensing.subgraph';
import { investmentProjectCheckCharacter } from '../platforms/investment-project-code';
import { ApplicationStatus, ExternalVerification, ReviewRecommendation } from './application-status';
import { ApplicationTransition } from './application-transition.entity';
import { PermitApplication } from './permit-application.entity';
import { PermitKind } from './permit-kind';
import { Permit } from './permit.entity';
import type { PermitService } from './permit.service';
import { attachStandInMaterials } from '../attachment/stand-in-materials';

// 公路建设项目施工许可: the project checked at the national investment project platform on submission, the
// tender award at the public resource trading platform before approval, the result reported back after
// the decision; while a platform is down the application waits visibly and is re-checked.

const BUILDER = DEMO_ENTERPRISES[3]; // 苏州交通建设工程有限公司, 320500
const JIANGSU = scopeIn('320000');

function projectCode(serial: string): string {
  const body = `2025-320500-48-01-${serial}`;
  return `${body}${investmentProjectCheckCharacter(body.replace(/-/g, ''))}`;
}
const PROJECT = projectCode('00012');

describe('PermitService: highway construction permits and the national platforms', () => {
  let testbed: TestbedOf<typeof licensingSubgraph>;
  let outside: LicensingStandIns;
  let permits: PermitService;
  beforeEach(async () => {
    outside = licensingStandIns();
    testbed = await openSubgraphTestbed(licensingSubgraph, { externals: outside.externals });
    permits = testbed.services.permits;
    await testbed.services.enterprises.register(SYSTEM_SCOPE, BUILDER);
    outside.platforms.projects.set(PROJECT, {
      projectCode: PROJECT,
      name: 'S58沪宜高速太仓段改扩建工程',
      regionCode: '320500',
      approvalStatus: 'APPROVED',
    });
    outside.platforms.awards.set(PROJECT, {
      projectCode: PROJECT,
      noticeNumber: 'JSZB-2026-0412',
      winningBidderCreditCode: '91320000MA1XXXXX0X',
      awardedAt: '2026-04-12',
    });
  });
  afterEach(async () => {
    await testbed.close();
  });

  const submit = (code: string | null = PROJECT) =>
    permits.submit(
      JIANGSU,
      {
        creditCode: BUILDER.creditCode,
        kind: PermitKind.HIGHWAY_CONSTRUCTION,
        scope: 'S58沪宜高速太仓段改扩建工程',
        regionCode: '320500',
        investmentProjectCode: code,
      },
      OFFICER,
    );
  const reviewed = async () => {
    const application = await submit();
    await attachStandInMaterials(testbed.services.materials, JIANGSU, application, OFFICER);
    await permits.accept(JIANGSU, { applicationNumber: application.applicationNumber }, OFFICER);
    return permits.review(
      JIANGSU,
      {
        applicationNumber: application.applicationNumber,
        recommendation: ReviewRecommendation.APPROVE,
        opinion: '施工图设计已批复，资金已落实',
      },
      REVIEWER,
    );
  };
  const counts = async () => ({
    applications: await testbed.dataSource.getRepository(PermitApplication).count(),
    transitions: await testbed.dataSource.getRepository(ApplicationTransition).count(),
    permits: await testbed.dataSource.getRepository(Permit).count(),
    // The setup's enterprise.registered is not the procedure's.
    outbox: await testbed.dataSource.getRepository(OutboxMessage).countBy({ eventType: Not('enterprise.registered') }),
  });

  describe('on submission', () => {
    it('refuses a missing, malformed, unknown or unapproved project code, naming the field and writing nothing', async () => {
      outside.platforms.projects.set(projectCode('00099'), {
        projectCode: projectCode('00099'),
        name: '在审项目',
        regionCode: '320500',
        approvalStatus: 'PENDING',
      });
      const cases: Array<[string | null, RegExp]> = [
        [null, /is required for a highway construction permit/],
        ['2025-320500-48-01-0001', /shape/],
        [projectCode('00077'), /is not known to the national investment project approval platform/],
        [projectCode('00099'), /is PENDING on the national investment project approval platform, not APPROVED/],
      ];
      for (const [code, message] of cases) {
        const refusal = await expectDomainError(submit(code));
        expect(refusal.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'investmentProjectCode' });
        expect(refusal.message).toMatch(message);
      }
      expect(await counts()).toEqual({ applications: 0, transitions: 0, permits: 0, outbox: 0 });
    });

    it('waits visibly while the investment platform is down, is never accepted meanwhile, and moves on when it answers', async () => {
      outside.platforms.investmentDown = true;
      const waiting = await submit();
      expect(waiting).toMatchObject({
        status: ApplicationStatus.AWAITING_EXTERNAL_VERIFICATION,
        pendingVerification: ExternalVerification.PROJECT_APPROVAL,
      });
      // What officers see names the platform, never its address or the network error.
      expect(waiting.verificationNote).toBe(
        'national investment project platform is unavailable; the application waits and is checked again',
      );
      expect(
        (await expectDomainError(permits.accept(JIANGSU, { applicationNumber: waiting.applicationNumber }, OFFICER)))
          .extensions,
      ).toMatchObject({ reason: 'ILLEGAL_TRANSITION' });

      // Still down: it stays, the attempt noted without a new version.
      expect(await permits.recheckExternalVerifications()).toEqual({ checked: 1, moved: 0 });
      const stillWaiting = await permits.findApplication(JIANGSU, waiting.applicationNumber);
      expect(stillWaiting).toMatchObject({
        status: ApplicationStatus.AWAITING_EXTERNAL_VERIFICATION,
        version: waiting.version,
      });

      outside.platforms.investmentDown = false;
      expect(await permits.recheckExternalVerifications()).toEqual({ checked: 1, moved: 1 });
      const confirmed = await permits.findApplication(JIANGSU, waiting.applicationNumber);
      expect(confirmed).toMatchObject({ status: ApplicationStatus.SUBMITTED, pendingVerification: null });
      expect(confirmed!.verificationNote).toMatch(/is approved at the national investment project platform/);
      const history = await testbed.dataSource
        .getRepository(ApplicationTransition)
        .find({ where: { applicationId: waiting.id }, order: { id: 'ASC' } });
      expect(history.map((row) => [row.action, row.toStatus, row.actor])).toEqual([
        ['SUBMIT', 'SUBMITTED', 'js-licensing-officer'],
        ['AWAIT_EXTERNAL_VERIFICATION', 'AWAITING_EXTERNAL_VERIFICATION', 'js-licensing-officer'],
        ['EXTERNAL_VERIFICATION_PASSED', 'SUBMITTED', 'system:platform-recheck'],
      ]);
    });

    it('returns the application with a notice when the platform, back, answers that the project is not approved', async () => {
      outside.platforms.investmentDown = true;
      const waiting = await submit();
      outside.platforms.investmentDown = false;
      outside.platforms.projects.set(PROJECT, {
        projectCode: PROJECT,
        name: 'S58沪宜高速太仓段改扩建工程',
        regionCode: '320500',
        approvalStatus: 'REJECTED',
      });
      await permits.recheckExternalVerifications();
      expect(await permits.findApplication(JIANGSU, waiting.applicationNumber)).toMatchObject({
        status: ApplicationStatus.RETURNED,
        returnedMaterialCodes: 'INVESTMENT_PROJECT_APPROVAL',
        returnedBy: 'system:platform-recheck',
      });
    });
  });

  describe('before approval', () => {
    it('approves only with the tender award on record, and reports the decision in the deciding transaction', async () => {
      const application = await reviewed();
      const { application: approved, permit } = await permits.approve(
        JIANGSU,
        { applicationNumber: application.applicationNumber, conditions: '按批复的施工图施工' },
        REVIEWER,
      );
      expect(approved.status).toBe(ApplicationStatus.APPROVED);
      expect(outside.platforms.reports).toEqual([
        {
          inTransaction: true,
          report: {
            applicationNumber: application.applicationNumber,
            projectCode: PROJECT,
            decision: 'APPROVED',
            permitNumber: permit!.number,
            decidedAt: approved.decidedAt!.toISOString(),
            authorityRegionCode: '320500',
            comment: '按批复的施工图施工',
          },
        },
      ]);
    });

    it('refuses approval when no award is on record, writing nothing', async () => {
      const application = await reviewed();
      outside.platforms.awards.clear();
      const before = await counts();
      const refusal = await expectDomainError(
        permits.approve(JIANGSU, { applicationNumber: application.applicationNumber }, REVIEWER),
      );
      expect(refusal.extensions).toMatchObject({ code: 'CONFLICT', reason: 'TENDER_AWARD_MISSING' });
      expect(await counts()).toEqual(before);
      expect(outside.platforms.reports).toEqual([]);
    });

    it('never approves unverified: while the trading platform is down the approval waits, and completes when the award is found', async () => {
      const application = await reviewed();
      outside.platforms.tradingDown = true;
      const { application: waiting, permit } = await permits.approve(
        JIANGSU,
        { applicationNumber: application.applicationNumber, conditions: '汛期停止路基施工' },
        REVIEWER,
      );
      expect(permit).toBeNull();
      expect(waiting).toMatchObject({
        status: ApplicationStatus.AWAITING_EXTERNAL_VERIFICATION,
        pendingVerification: ExternalVerification.TENDER_AWARD,
        pendingApprovalBy: 'js-licensing-reviewer',
        permitNumber: null,
      });
      expect(await testbed.dataSource.getRepository(Permit).count()).toBe(0);
      await permits.recheckExternalVerifications();
      expect((await permits.findApplication(JIANGSU, application.applicationNumber))!.status).toBe(
        ApplicationStatus.AWAITING_EXTERNAL_VERIFICATION,
      );
      expect(outside.platforms.reports).toEqual([]);

      outside.platforms.tradingDown = false;
      await permits.recheckExternalVerifications();
      const approved = await permits.findApplication(JIANGSU, application.applicationNumber);
      expect(approved).toMatchObject({
        status: ApplicationStatus.APPROVED,
        decidedBy: 'js-licensing-reviewer',
        decisionComment: '汛期停止路基施工',
        pendingVerification: null,
      });
      expect(
        await testbed.dataSource.getRepository(Permit).countBy({ applicationNumber: application.applicationNumber }),
      ).toBe(1);
      expect(outside.certificates.issued).toHaveLength(1);
      expect(outside.platforms.reports.map((entry) => [entry.report.decision, entry.inTransaction])).toEqual([
        ['APPROVED', true],
      ]);
      // A further round finds nothing waiting: the approval completed once.
      expect(await permits.recheckExternalVerifications()).toEqual({ checked: 0, moved: 0 });
    });

    it('goes back to review when the platform, back, has no award: the approval is not completed', async () => {
      const application = await reviewed();
      outside.platforms.tradingDown = true;
      await permits.approve(JIANGSU, { applicationNumber: application.applicationNumber }, REVIEWER);
      outside.platforms.tradingDown = false;
      outside.platforms.awards.clear();
      await permits.recheckExternalVerifications();
      expect(await permits.findApplication(JIANGSU, application.applicationNumber)).toMatchObject({
        status: ApplicationStatus.REVIEWED,
        pendingVerification: null,
        permitNumber: null,
      });
      expect(await testbed.dataSource.getRepository(Permit).count()).toBe(0);
    });

    it('can still be refused or withdrawn while it waits', async () => {
      const application = await reviewed();
      outside.platforms.tradingDown = true;
      await permits.approve(JIANGSU, { applicationNumber: application.applicationNumber }, REVIEWER);
      const refused = await permits.reject(
        JIANGSU,
        { applicationNumber: application.applicationNumber, reason: '施工单位资质不符合要求' },
        REVIEWER,
      );
      expect(refused).toMatchObject({ status: ApplicationStatus.REJECTED, pendingVerification: null });
      expect(outside.platforms.reports.map((entry) => entry.report.decision)).toEqual(['REJECTED']);
    });

    it('decides nothing when the decision cannot be queued for reporting', async () => {
      const application = await reviewed();
      outside.platforms.reporterFails = true;
      const before = await counts();
      await expect(
        permits.approve(JIANGSU, { applicationNumber: application.applicationNumber }, REVIEWER),
      ).rejects.toThrow('report outbox unavailable');
      expect(await counts()).toEqual(before);
      expect((await permits.findApplication(JIANGSU, application.applicationNumber))!.status).toBe(
        ApplicationStatus.REVIEWED,
      );
    });
  });
});
