import { SYSTEM_SCOPE } from '../../../platform/auth/region-scope';
import { DEMO_ENTERPRISES } from '../../../platform/demo/demo-dataset';
import { pageRequest } from '../../../platform/graphql/connection';
import { scopeIn } from '../../../platform/testing/callers';
import { expectDomainError } from '../../../platform/testing/expect-domain-error';
import { openSubgraphTestbed, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import { licensingStandIns, type LicensingStandIns, OFFICER, REVIEWER, ZJ_REVIEWER } from '../licensing.fixture';
import { licensingSubgraph } from '../licensing.subgraph';
import { ApplicationStatus } from './application-status';
import type { SubmitPermitApplicationInput } from './inputs/permit-application.inputs';
import { PermitKind } from './permit-kind';
import { Permit } from './permit.entity';
import type { PermitService } from './permit.service';
import { attachStandInMaterials } from '../attachment/stand-in-materials';

// 跨省大件运输并联许可: the origin province handles the application; every province on the route decides its
// own segment; the permit is issued when all have approved, and one refusal refuses the application.

const HEAVY_HAULIER = DEMO_ENTERPRISES[4]; // 南京大件运输有限公司, 320100
const JIANGSU = scopeIn('320000');
const ZHEJIANG = scopeIn('330000');
const ANHUI = scopeIn('340000');
const HANGZHOU = scopeIn('330100');
const SHANGHAI = scopeIn('310000');

function oversize(overrides: Partial<SubmitPermitApplicationInput> = {}): SubmitPermitApplicationInput {
  return {
    creditCode: HEAVY_HAULIER.creditCode,
    kind: PermitKind.CROSS_PROVINCE_OVERSIZE_TRANSPORT,
    scope: '南京—杭州—合肥 变压器运输 车货总质量98吨',
    regionCode: '320000',
    routeProvinceCodes: ['320000', '330000', '340000'],
    ...overrides,
  };
}

describe('PermitService: cross-province oversize transport, approved in parallel along the route', () => {
  let testbed: TestbedOf<typeof licensingSubgraph>;
  let outside: LicensingStandIns;
  let permits: PermitService;
  beforeEach(async () => {
    outside = licensingStandIns();
    testbed = await openSubgraphTestbed(licensingSubgraph, { externals: outside.externals });
    permits = testbed.services.permits;
    await testbed.services.enterprises.register(SYSTEM_SCOPE, HEAVY_HAULIER);
  });
  afterEach(async () => {
    await testbed.close();
  });

  const accepted = async () => {
    const application = await permits.submit(JIANGSU, oversize(), OFFICER);
    await attachStandInMaterials(testbed.services.materials, JIANGSU, application, OFFICER);
    return permits.accept(JIANGSU, { applicationNumber: application.applicationNumber }, OFFICER);
  };
  const segmentsOf = async (scope = JIANGSU, id: number) =>
    (await permits.createSegmentsLoader(scope).load(id)).map((segment) => [
      segment.provinceCode,
      segment.status,
      segment.decidedBy,
    ]);

  it('checks the route: the origin province handles it, at least two distinct provinces, the origin among them', async () => {
    const cases: Array<[Partial<SubmitPermitApplicationInput>, string, RegExp]> = [
      [{ regionCode: '320100' }, 'regionCode', /must be the origin province/],
      [{ routeProvinceCodes: ['320000'] }, 'routeProvinceCodes', /at least two provinces/],
      [{ routeProvinceCodes: ['320000', '330100'] }, 'routeProvinceCodes', /330100 is not a province/],
      [{ routeProvinceCodes: ['320000', '330000', '320000'] }, 'routeProvinceCodes', /more than once/],
      [{ routeProvinceCodes: ['330000', '340000'] }, 'routeProvinceCodes', /must include the handling province 320000/],
      [{ routeProvinceCodes: null }, 'routeProvinceCodes', /at least two provinces/],
    ];
    for (const [overrides, field, message] of cases) {
      const refusal = await expectDomainError(permits.submit(JIANGSU, oversize(overrides), OFFICER));
      expect(refusal.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(refusal.message).toMatch(message);
    }
  });

  it('is visible to every province on the route and to nobody else, in lookups and lists', async () => {
    const application = await accepted();
    for (const scope of [JIANGSU, ZHEJIANG, ANHUI])
      expect(await permits.findApplication(scope, application.applicationNumber)).not.toBeNull();
    // Zhejiang's city officers are not its province; Shanghai is not on the route.
    for (const scope of [HANGZHOU, SHANGHAI])
      expect(await permits.findApplication(scope, application.applicationNumber)).toBeNull();
    const listed = await permits.listApplications(
      ZHEJIANG,
      { regionCode: null, status: null, officer: null },
      pageRequest({}),
    );
    expect(listed.edges.map((edge) => edge.node.applicationNumber)).toEqual([application.applicationNumber]);
    expect(
      (await permits.listApplications(SHANGHAI, { regionCode: null, status: null, officer: null }, pageRequest({})))
        .totalCount,
    ).toBe(0);
    expect(await permits.createSegmentsLoader(SHANGHAI).load(application.id)).toEqual([]);
  });

  it('lets a province on the route act only on its own segment', async () => {
    const application = await accepted();
    const accept = await expectDomainError(
      permits.withdraw(ZHEJIANG, { applicationNumber: application.applicationNumber, reason: '撤回' }, OFFICER),
    );
    expect(accept.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const other = await expectDomainError(
      permits.approveSegment(
        ZHEJIANG,
        { applicationNumber: application.applicationNumber, provinceCode: '320000' },
        ZJ_REVIEWER,
      ),
    );
    expect(other.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      (
        await expectDomainError(
          permits.approveSegment(
            SHANGHAI,
            { applicationNumber: application.applicationNumber, provinceCode: '310000' },
            REVIEWER,
          ),
        )
      ).extensions,
    ).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      (
        await expectDomainError(
          permits.approveSegment(
            JIANGSU,
            { applicationNumber: application.applicationNumber, provinceCode: '310000' },
            REVIEWER,
          ),
        )
      ).extensions,
    ).toMatchObject({
      code: 'FORBIDDEN',
    });
    const whole = await expectDomainError(
      permits.approve(JIANGSU, { applicationNumber: application.applicationNumber }, REVIEWER),
    );
    expect(whole.extensions).toMatchObject({ code: 'CONFLICT', reason: 'PARALLEL_APPROVAL' });
  });

  it('issues the permit only when every province has approved its segment', async () => {
    const application = await accepted();
    const first = await permits.approveSegment(
      JIANGSU,
      { applicationNumber: application.applicationNumber, provinceCode: '320000', comment: '夜间通行' },
      REVIEWER,
    );
    expect(first).toMatchObject({ permit: null, application: { status: ApplicationStatus.ACCEPTED } });
    const again = await expectDomainError(
      permits.approveSegment(
        JIANGSU,
        { applicationNumber: application.applicationNumber, provinceCode: '320000' },
        REVIEWER,
      ),
    );
    expect(again.extensions).toMatchObject({ code: 'CONFLICT', reason: 'SEGMENT_ALREADY_DECIDED' });
    const second = await permits.approveSegment(
      ZHEJIANG,
      { applicationNumber: application.applicationNumber, provinceCode: '330000', comment: '路政护送' },
      ZJ_REVIEWER,
    );
    expect(second.permit).toBeNull();
    expect(await testbed.dataSource.getRepository(Permit).count()).toBe(0);

    const last = await permits.approveSegment(
      ANHUI,
      { applicationNumber: application.applicationNumber, provinceCode: '340000' },
      { username: 'ah-licensing-reviewer', roles: new Set(['licensing-reviewer']) },
    );
    expect(last.application).toMatchObject({
      status: ApplicationStatus.APPROVED,
      decidedBy: 'ah-licensing-reviewer',
      decisionComment: '320000: 夜间通行; 330000: 路政护送',
    });
    expect(last.permit).toMatchObject({ regionCode: '320000', kind: PermitKind.CROSS_PROVINCE_OVERSIZE_TRANSPORT });
    expect(await segmentsOf(JIANGSU, application.id)).toEqual([
      ['320000', 'APPROVED', 'js-licensing-reviewer'],
      ['330000', 'APPROVED', 'zj-licensing-reviewer'],
      ['340000', 'APPROVED', 'ah-licensing-reviewer'],
    ]);
  });

  it('refuses the whole application when one province refuses, after which nothing more is decided', async () => {
    const application = await accepted();
    await permits.approveSegment(
      JIANGSU,
      { applicationNumber: application.applicationNumber, provinceCode: '320000' },
      REVIEWER,
    );
    expect(
      (
        await expectDomainError(
          permits.refuseSegment(
            ZHEJIANG,
            { applicationNumber: application.applicationNumber, provinceCode: '330000' },
            ZJ_REVIEWER,
          ),
        )
      ).extensions,
    ).toMatchObject({
      field: 'comment',
    });
    const refused = await permits.refuseSegment(
      ZHEJIANG,
      { applicationNumber: application.applicationNumber, provinceCode: '330000', comment: '沿线桥梁承载能力不足' },
      ZJ_REVIEWER,
    );
    expect(refused).toMatchObject({ status: ApplicationStatus.REJECTED, decidedBy: 'zj-licensing-reviewer' });
    expect(refused.decisionComment).toBe('浙江省(330000) refused its segment: 沿线桥梁承载能力不足');
    const late = await expectDomainError(
      permits.approveSegment(
        ANHUI,
        { applicationNumber: application.applicationNumber, provinceCode: '340000' },
        REVIEWER,
      ),
    );
    expect(late.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
    expect(await segmentsOf(ANHUI, application.id)).toEqual([
      ['320000', 'APPROVED', 'js-licensing-reviewer'],
      ['330000', 'REFUSED', 'zj-licensing-reviewer'],
      ['340000', 'PENDING', null],
    ]);
    expect(await testbed.dataSource.getRepository(Permit).count()).toBe(0);
  });

  it('serializes segment decisions arriving together, so the last one issues the permit exactly once', async () => {
    const application = await accepted();
    await Promise.all([
      permits.approveSegment(
        JIANGSU,
        { applicationNumber: application.applicationNumber, provinceCode: '320000' },
        REVIEWER,
      ),
      permits.approveSegment(
        ZHEJIANG,
        { applicationNumber: application.applicationNumber, provinceCode: '330000' },
        ZJ_REVIEWER,
      ),
      permits.approveSegment(
        ANHUI,
        { applicationNumber: application.applicationNumber, provinceCode: '340000' },
        REVIEWER,
      ),
    ]);
    expect((await permits.findApplication(JIANGSU, application.applicationNumber))!.status).toBe(
      ApplicationStatus.APPROVED,
    );
    expect(
      await testbed.dataSource.getRepository(Permit).countBy({ applicationNumber: application.applicationNumber }),
    ).toBe(1);
  });
});
