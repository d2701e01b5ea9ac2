import { expect } from '@jest/globals';
import { SYSTEM_SCOPE } from '../../../platform/auth/region-scope';
import { DEMO_ENTERPRISES } from '../../../platform/demo/demo-dataset';
import type { DomainError } from '../../../platform/errors/domain-error';
import { attachStandInMaterials } from '../attachment/stand-in-materials';
import { PermitMaterial } from '../attachment/permit-material.entity';
import { scopeIn } from '../../../platform/testing/callers';
import { expectDomainError } from '../../../platform/testing/expect-domain-error';
import { openSubgraphTestbed, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import { licensingStandIns, type LicensingStandIns, OFFICER, REVIEWER } from '../licensing.fixture';
import { licensingSubgraph } from '../licensing.subgraph';
import { investmentProjectCheckCharacter } from '../platforms/investment-project-code';
import { ApplicationStatus, ReviewRecommendation } from './application-status';
import { ApplicationTransition } from './application-transition.entity';
import type { SubmitPermitApplicationInput } from './inputs/permit-application.inputs';
import { PermitApplication } from './permit-application.entity';
import { PERMIT_KINDS, PermitKind } from './permit-kind';
import { Permit } from './permit.entity';
import { materialsToAttach } from './required-materials';

// 受理 needs every required material, or one notice naming everything missing (一次性告知); a permit is
// never approved while one is missing. For every kind of permit.

const JIANGSU = scopeIn('320000');
const PROJECT_BODY = '2025-320500-48-01-00012';
const PROJECT = `${PROJECT_BODY}${investmentProjectCheckCharacter(PROJECT_BODY.replace(/-/g, ''))}`;

const SUBMISSIONS: Readonly<Record<PermitKind, SubmitPermitApplicationInput>> = {
  ROAD_PASSENGER_TRANSPORT: {
    creditCode: DEMO_ENTERPRISES[1].creditCode,
    kind: PermitKind.ROAD_PASSENGER_TRANSPORT,
    scope: '省际班车客运',
    regionCode: DEMO_ENTERPRISES[1].regionCode,
  },
  ROAD_FREIGHT_TRANSPORT: {
    creditCode: DEMO_ENTERPRISES[0].creditCode,
    kind: PermitKind.ROAD_FREIGHT_TRANSPORT,
    scope: '普通货运',
    regionCode: DEMO_ENTERPRISES[0].regionCode,
  },
  HAZARDOUS_GOODS_TRANSPORT: {
    creditCode: DEMO_ENTERPRISES[0].creditCode,
    kind: PermitKind.HAZARDOUS_GOODS_TRANSPORT,
    scope: '危险货物运输(3类)',
    hazardClasses: ['3'],
    regionCode: DEMO_ENTERPRISES[0].regionCode,
  },
  HIGHWAY_CONSTRUCTION: {
    creditCode: DEMO_ENTERPRISES[3].creditCode,
    kind: PermitKind.HIGHWAY_CONSTRUCTION,
    scope: 'S58沪宜高速太仓段改扩建工程',
    regionCode: '320500',
    investmentProjectCode: PROJECT,
  },
  CROSS_PROVINCE_OVERSIZE_TRANSPORT: {
    creditCode: DEMO_ENTERPRISES[4].creditCode,
    kind: PermitKind.CROSS_PROVINCE_OVERSIZE_TRANSPORT,
    scope: '南京—杭州 变压器运输 车货总质量98吨',
    regionCode: '320000',
    routeProvinceCodes: ['320000', '330000'],
  },
};

describe('required materials (申请材料)', () => {
  let testbed: TestbedOf<typeof licensingSubgraph>;
  let outside: LicensingStandIns;
  beforeEach(async () => {
    outside = licensingStandIns();
    testbed = await openSubgraphTestbed(licensingSubgraph, { externals: outside.externals });
    for (const enterprise of DEMO_ENTERPRISES) await testbed.services.enterprises.register(SYSTEM_SCOPE, enterprise);
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

  const permits = () => testbed.services.permits;
  const submit = (kind: PermitKind) => permits().submit(JIANGSU, SUBMISSIONS[kind], OFFICER);
  const transitions = (application: PermitApplication) =>
    testbed.dataSource.getRepository(ApplicationTransition).countBy({ applicationId: application.id });

  it('leaves out only what a national platform confirms', () => {
    expect(materialsToAttach({ kind: PermitKind.HIGHWAY_CONSTRUCTION }).map((material) => material.code)).not.toContain(
      'INVESTMENT_PROJECT_APPROVAL',
    );
    for (const kind of Object.values(PermitKind).filter((kind) => kind !== PermitKind.HIGHWAY_CONSTRUCTION))
      expect(materialsToAttach({ kind })).toEqual(PERMIT_KINDS[kind].materials);
  });

  describe.each(Object.values(PermitKind))('%s', (kind) => {
    it('is not accepted with one material of those required; the refusal names every missing one in Chinese', async () => {
      const application = await submit(kind);
      const required = materialsToAttach(application);
      await attachStandInMaterials(
        testbed.services.materials,
        JIANGSU,
        application,
        OFFICER,
        required.slice(1).map((material) => material.code),
      );
      const refusal: DomainError = await expectDomainError(
        permits().accept(JIANGSU, { applicationNumber: application.applicationNumber }, OFFICER),
      );
      expect(refusal.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'MATERIALS_MISSING',
        missingMaterials: required.slice(1).map(({ code, name }) => ({ code, name })),
      });
      for (const material of required.slice(1)) expect(refusal.message).toContain(material.name);
      const unchanged = await testbed.dataSource
        .getRepository(PermitApplication)
        .findOneByOrFail({ id: application.id });
      expect(unchanged).toMatchObject({ status: ApplicationStatus.SUBMITTED, version: application.version });
      expect(await transitions(application)).toBe(1);
    });

    it('is returned only with one notice naming everything missing, resubmitted once all of it is attached, then accepted', async () => {
      const application = await submit(kind);
      const [first, ...missing] = materialsToAttach(application);
      await attachStandInMaterials(
        testbed.services.materials,
        JIANGSU,
        application,
        OFFICER,
        missing.map((material) => material.code),
      );
      const incomplete = await expectDomainError(
        permits().returnForCorrection(
          JIANGSU,
          {
            applicationNumber: application.applicationNumber,
            missingMaterialCodes: missing.slice(1).map((material) => material.code),
            note: '请补正',
          },
          OFFICER,
        ),
      );
      expect(incomplete.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'missingMaterialCodes',
        reason: 'NOTICE_INCOMPLETE',
        missingMaterials: [{ code: missing[0].code, name: missing[0].name }],
      });
      // The notice may also name an attached material that needs correcting. Materials count as corrected
      // when attached after the return (whole seconds): the return is dated a second before this one.
      const codes = [first, ...missing].map((material) => material.code);
      outside.clock.now = new Date(Math.floor(Date.now() / 1000) * 1000 - 1000);
      const returned = await permits().returnForCorrection(
        JIANGSU,
        { applicationNumber: application.applicationNumber, missingMaterialCodes: codes, note: '请一次性补正' },
        OFFICER,
      );
      expect(returned.status).toBe(ApplicationStatus.RETURNED);
      expect(
        (
          await expectDomainError(
            permits().accept(JIANGSU, { applicationNumber: application.applicationNumber }, OFFICER),
          )
        ).extensions,
      ).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
      const early = await expectDomainError(
        permits().resubmit(JIANGSU, { applicationNumber: application.applicationNumber }, OFFICER),
      );
      expect(early.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'MATERIALS_STILL_MISSING',
        missingMaterials: expect.arrayContaining(missing.map(({ code, name }) => ({ code, name }))),
      });
      for (const material of missing) expect(early.message).toContain(material.code);
      await attachStandInMaterials(testbed.services.materials, JIANGSU, application, OFFICER);
      await permits().resubmit(JIANGSU, { applicationNumber: application.applicationNumber }, OFFICER);
      const accepted = await permits().accept(JIANGSU, { applicationNumber: application.applicationNumber }, OFFICER);
      expect(accepted.status).toBe(ApplicationStatus.ACCEPTED);
    });

    it('is never approved while a material is missing (one lost after acceptance, as in data from before the rule)', async () => {
      const application = await submit(kind);
      await attachStandInMaterials(testbed.services.materials, JIANGSU, application, OFFICER);
      await permits().accept(JIANGSU, { applicationNumber: application.applicationNumber }, OFFICER);
      if (PERMIT_KINDS[kind].reviewRequired) {
        await permits().review(
          JIANGSU,
          {
            applicationNumber: application.applicationNumber,
            recommendation: ReviewRecommendation.APPROVE,
            opinion: '符合条件',
          },
          REVIEWER,
        );
      }
      const lost = materialsToAttach(application)[0];
      await testbed.dataSource
        .getRepository(PermitMaterial)
        .delete({ applicationId: application.id, materialCode: lost.code });
      const action = { applicationNumber: application.applicationNumber };
      const refusal = await expectDomainError(
        PERMIT_KINDS[kind].parallelApprovalByRoute
          ? permits().approveSegment(JIANGSU, { ...action, provinceCode: '320000', comment: null }, REVIEWER)
          : permits().approve(JIANGSU, action, REVIEWER),
      );
      expect(refusal.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'MATERIALS_MISSING',
        missingMaterials: [{ code: lost.code, name: lost.name }],
      });
      expect(await testbed.dataSource.getRepository(Permit).count()).toBe(0);
    });
  });
});
