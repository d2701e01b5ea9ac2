import { SYSTEM_SCOPE } from '../../platform/auth/region-scope';
import { DEMO_ENTERPRISES, DEMO_VEHICLES } from '../../platform/demo/demo-dataset';
import { DomainError } from '../../platform/errors/domain-error';
import type { SubgraphDependencies } from '../../platform/subgraph-server';
import { attachStandInMaterials } from './attachment/stand-in-materials';
import { Enterprise } from './enterprise/enterprise.entity';
import type { LicensingServices } from './licensing.context';
import type { Actor } from './permit/actor';
import { ApplicationStatus, ReviewRecommendation } from './permit/application-status';
import { PermitKind } from './permit/permit-kind';
import type { PermitService } from './permit/permit.service';
import { DEMO_PROJECT_APPROVED_WITH_AWARD, DEMO_PROJECT_AWARD_RECORDS_MIGRATING } from './platforms/demo-platform-data';

type SeededServices = Pick<LicensingServices, 'enterprises' | 'vehicles' | 'permits' | 'permitSanctions' | 'materials'>;

/** The materials the returned demo application lacks, all named in its notice. */
const RETURNED_FOR = ['PARKING_SITE_PROOF', 'EMERGENCY_PLAN'];
const NOT_ACCEPTED: readonly DemoOutcome[] = ['submitted', 'rejected', 'withdrawn'];
const SEED_ACTOR: Actor = { username: 'demo-seed', roles: new Set(['licensing-officer', 'licensing-reviewer']) };
const DAY_MS = 86_400_000;

type DemoOutcome =
  | 'submitted'
  | 'returned'
  | 'accepted'
  | 'overdue'
  | 'extended'
  | 'reviewed'
  | 'approved'
  | 'rejected'
  | 'withdrawn'
  | 'suspended'
  | 'revoked'
  | 'first-segment-approved';

interface DemoApplication {
  enterprise: number;
  kind: PermitKind;
  scope: string;
  outcome: DemoOutcome;
  /** For a cross-province transport: the provinces on the route, the handling (origin) province first. */
  route?: string[];
  /** For a highway construction permit: its investment project (default: the approved one with an award). */
  projectCode?: string;
  /** For a hazardous-goods transport permit: the GB 6944 classes covered. */
  hazardClasses?: string[];
  /**
   * Submitted (and accepted) this many days before the seeding, decided at it: statistics then shows
   * working days taken to decide, and one decided after its deadline.
   */
  startedDaysAgo?: number;
}

// The first eleven are the original demo facts (other tests rely on the seeded permits, e.g. the
// hazardous-goods permit of 91320102MA1MY0R10Q being its newest); the rest show every other state.
const DEMO_APPLICATIONS: readonly DemoApplication[] = [
  {
    enterprise: 0,
    kind: PermitKind.HAZARDOUS_GOODS_TRANSPORT,
    scope: '危险货物运输(2类、3类、8类)',
    hazardClasses: ['2', '3', '8'],
    outcome: 'approved',
  },
  { enterprise: 0, kind: PermitKind.ROAD_FREIGHT_TRANSPORT, scope: '普通货运', outcome: 'submitted' },
  {
    enterprise: 1,
    kind: PermitKind.ROAD_PASSENGER_TRANSPORT,
    scope: '省际班车客运、包车客运',
    outcome: 'approved',
    startedDaysAgo: 12,
  },
  {
    enterprise: 2,
    kind: PermitKind.ROAD_FREIGHT_TRANSPORT,
    scope: '普通货运、货物专用运输(集装箱)',
    outcome: 'approved',
  },
  {
    enterprise: 2,
    kind: PermitKind.CROSS_PROVINCE_OVERSIZE_TRANSPORT,
    scope: '苏州—杭州 变压器运输 总质量96吨',
    outcome: 'first-segment-approved',
    route: ['320000', '330000'],
  },
  { enterprise: 3, kind: PermitKind.HIGHWAY_CONSTRUCTION, scope: 'S58沪宜高速太仓段改扩建工程', outcome: 'reviewed' },
  { enterprise: 3, kind: PermitKind.ROAD_FREIGHT_TRANSPORT, scope: '普通货运', outcome: 'rejected', startedDaysAgo: 3 },
  {
    enterprise: 4,
    kind: PermitKind.CROSS_PROVINCE_OVERSIZE_TRANSPORT,
    scope: '南京—合肥 盾构机运输 总质量120吨',
    outcome: 'approved',
    route: ['320000', '340000'],
  },
  // Accepted some forty days ago, past its twenty working days: decided late (超期办结).
  {
    enterprise: 5,
    kind: PermitKind.ROAD_FREIGHT_TRANSPORT,
    scope: '普通货运',
    outcome: 'approved',
    startedDaysAgo: 40,
  },
  {
    enterprise: 6,
    kind: PermitKind.HAZARDOUS_GOODS_TRANSPORT,
    scope: '危险货物运输(3类、8类)',
    hazardClasses: ['3', '8'],
    outcome: 'approved',
    startedDaysAgo: 9,
  },
  { enterprise: 7, kind: PermitKind.ROAD_PASSENGER_TRANSPORT, scope: '市际班车客运', outcome: 'submitted' },
  {
    enterprise: 5,
    kind: PermitKind.HAZARDOUS_GOODS_TRANSPORT,
    scope: '危险货物运输(3类)',
    hazardClasses: ['3'],
    outcome: 'returned',
  },
  { enterprise: 2, kind: PermitKind.ROAD_FREIGHT_TRANSPORT, scope: '普通货运(昆山分公司)', outcome: 'overdue' },
  { enterprise: 4, kind: PermitKind.ROAD_FREIGHT_TRANSPORT, scope: '大型物件运输(一类)', outcome: 'extended' },
  { enterprise: 1, kind: PermitKind.ROAD_FREIGHT_TRANSPORT, scope: '普通货运', outcome: 'withdrawn' },
  { enterprise: 6, kind: PermitKind.ROAD_FREIGHT_TRANSPORT, scope: '普通货运', outcome: 'accepted' },
  {
    enterprise: 7,
    kind: PermitKind.ROAD_FREIGHT_TRANSPORT,
    scope: '普通货运',
    outcome: 'suspended',
    startedDaysAgo: 7,
  },
  {
    enterprise: 3,
    kind: PermitKind.HAZARDOUS_GOODS_TRANSPORT,
    scope: '危险货物运输(9类)',
    hazardClasses: ['9'],
    outcome: 'revoked',
  },
  { enterprise: 1, kind: PermitKind.ROAD_PASSENGER_TRANSPORT, scope: '旅游包车客运', outcome: 'reviewed' },
  // Approved after review, it waits for the award the trading platform cannot confirm yet.
  {
    enterprise: 3,
    kind: PermitKind.HIGHWAY_CONSTRUCTION,
    scope: '苏州工业园区星湖街快速化改造工程',
    outcome: 'approved',
    projectCode: DEMO_PROJECT_AWARD_RECORDS_MIGRATING,
  },
];

/** Seeds the registry and applications once, through the services, so permits raise their events. */
export async function seedLicensing(
  services: SeededServices,
  { dataSource, logger }: Pick<SubgraphDependencies, 'dataSource' | 'logger'>,
): Promise<void> {
  if ((await dataSource.getRepository(Enterprise).count()) > 0) return;
  for (const enterprise of DEMO_ENTERPRISES) await services.enterprises.register(SYSTEM_SCOPE, enterprise);
  for (const vehicle of DEMO_VEHICLES) await services.vehicles.register(SYSTEM_SCOPE, vehicle);
  for (const demo of DEMO_APPLICATIONS) {
    try {
      await seedApplication(services, demo);
    } catch (error) {
      // A platform that knows no such project refuses the demo construction application; the rest stands.
      if (!(error instanceof DomainError)) throw error;
      logger.warn('demo application not seeded', { kind: demo.kind, scope: demo.scope, error: error.message });
    }
  }
  logger.info('demo data seeded', { enterprises: DEMO_ENTERPRISES.length, applications: DEMO_APPLICATIONS.length });
}

async function seedApplication(services: SeededServices, demo: DemoApplication): Promise<void> {
  const enterprise = DEMO_ENTERPRISES[demo.enterprise];
  // An overdue application was submitted and accepted long enough ago for its deadline to have passed.
  const permits: PermitService =
    demo.outcome === 'overdue' ? services.permits.asOf(() => new Date(Date.now() - 45 * DAY_MS)) : services.permits;
  // One started earlier is submitted and accepted on a clock turned back, and decided now.
  const { startedDaysAgo } = demo;
  const early =
    startedDaysAgo === undefined ? permits : permits.asOf(() => new Date(Date.now() - startedDaysAgo * DAY_MS));
  const submitted = await early.submit(
    SYSTEM_SCOPE,
    {
      creditCode: enterprise.creditCode,
      kind: demo.kind,
      scope: demo.scope,
      regionCode: demo.route ? demo.route[0] : enterprise.regionCode,
      investmentProjectCode:
        demo.kind === PermitKind.HIGHWAY_CONSTRUCTION ? (demo.projectCode ?? DEMO_PROJECT_APPROVED_WITH_AWARD) : null,
      routeProvinceCodes: demo.route ?? null,
      hazardClasses: demo.hazardClasses ?? null,
    },
    SEED_ACTOR,
  );
  const action = { applicationNumber: submitted.applicationNumber };
  // With the investment platform (simulator) not running the construction application waits for it: that is its demo state then.
  if (submitted.status === ApplicationStatus.AWAITING_EXTERNAL_VERIFICATION) return;
  // Applications the office accepts have every material (受理 needs them all); the returned one lacks what
  // its notice names; those still waiting, refused before acceptance or withdrawn have none.
  if (demo.outcome === 'returned') {
    await attachStandInMaterials(services.materials, SYSTEM_SCOPE, submitted, SEED_ACTOR, RETURNED_FOR);
  } else if (!NOT_ACCEPTED.includes(demo.outcome)) {
    await attachStandInMaterials(services.materials, SYSTEM_SCOPE, submitted, SEED_ACTOR);
  }
  switch (demo.outcome) {
    case 'submitted':
      return;
    case 'returned':
      await permits.returnForCorrection(
        SYSTEM_SCOPE,
        {
          ...action,
          missingMaterialCodes: [...RETURNED_FOR],
          note: '停车场地租赁合同已过期；请补充事故应急救援预案。',
        },
        SEED_ACTOR,
      );
      return;
    case 'rejected':
      await permits.reject(SYSTEM_SCOPE, { ...action, reason: '申请材料中车辆技术等级评定证明不符合要求' }, SEED_ACTOR);
      return;
    case 'withdrawn':
      await permits.withdraw(SYSTEM_SCOPE, { ...action, reason: '企业调整经营计划，申请撤回' }, SEED_ACTOR);
      return;
    default:
      break;
  }
  await early.accept(SYSTEM_SCOPE, action, SEED_ACTOR);
  switch (demo.outcome) {
    case 'accepted':
    case 'overdue':
      return;
    case 'extended':
      await permits.requestExtension(SYSTEM_SCOPE, { ...action, reason: '需对拟投入车辆进行现场核查' }, SEED_ACTOR);
      await permits.approveExtension(SYSTEM_SCOPE, { ...action, comment: '同意延长十个工作日' }, SEED_ACTOR);
      return;
    case 'first-segment-approved':
      await permits.approveSegment(
        SYSTEM_SCOPE,
        { ...action, provinceCode: demo.route![0], comment: '夜间通行，路政护送' },
        SEED_ACTOR,
      );
      return;
    default:
      break;
  }
  if (demo.route) {
    for (const provinceCode of demo.route)
      await permits.approveSegment(SYSTEM_SCOPE, { ...action, provinceCode, comment: null }, SEED_ACTOR);
    return;
  }
  if (
    demo.kind === PermitKind.ROAD_PASSENGER_TRANSPORT ||
    demo.kind === PermitKind.HIGHWAY_CONSTRUCTION ||
    demo.outcome === 'reviewed'
  ) {
    await permits.review(
      SYSTEM_SCOPE,
      { ...action, recommendation: ReviewRecommendation.APPROVE, opinion: '申请材料齐全，符合法定条件' },
      SEED_ACTOR,
    );
  }
  if (demo.outcome === 'reviewed') return;
  const { permit } = await permits.approve(SYSTEM_SCOPE, action, SEED_ACTOR);
  if (!permit) return;
  if (demo.outcome === 'suspended') {
    await services.permitSanctions.suspend(
      SYSTEM_SCOPE,
      { permitNumber: permit.number, reason: '年度核查发现车辆未按规定进行技术检测，暂扣至整改完成' },
      SEED_ACTOR,
    );
  } else if (demo.outcome === 'revoked') {
    await services.permitSanctions.revoke(
      SYSTEM_SCOPE,
      { permitNumber: permit.number, reason: '以欺骗手段取得许可，依法撤销' },
      SEED_ACTOR,
    );
  }
}
