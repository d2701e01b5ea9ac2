import { SYSTEM_SCOPE } from '../kit/auth/region-scope';
import { DEMO_ENTERPRISES, DEMO_VEHICLES } from '../kit/demo/demo-dataset';
import type { SubgraphDependencies } from '../kit/subgraph-server';
import { Enterprise } from './enterprise/enterprise.entity';
import type { LicensingServices } from './licensing.context';
import { PermitKind } from './permit/permit-kind';
import { DEMO_PROJECT_APPROVED_WITH_AWARD } from './platforms/demo-platform-data';
import { DomainError } from '../kit/errors/domain-error';

const SEED_ACTOR = 'demo-seed';

type DemoOutcome = 'submitted' | 'accepted' | 'approved' | 'rejected';

// [enterprise index, kind, scope, where the application ends up]
const DEMO_APPLICATIONS: ReadonlyArray<[number, PermitKind, string, DemoOutcome]> = [
  [0, PermitKind.HAZARDOUS_GOODS_TRANSPORT, '危险货物运输(2类1项、3类)', 'approved'],
  [0, PermitKind.ROAD_FREIGHT_TRANSPORT, '普通货运', 'submitted'],
  [1, PermitKind.ROAD_PASSENGER_TRANSPORT, '省际班车客运、包车客运', 'approved'],
  [2, PermitKind.ROAD_FREIGHT_TRANSPORT, '普通货运、货物专用运输(集装箱)', 'approved'],
  [2, PermitKind.CROSS_PROVINCE_OVERSIZE_TRANSPORT, '苏州—杭州 变压器运输 总质量96吨', 'accepted'],
  [3, PermitKind.HIGHWAY_CONSTRUCTION, 'S58沪宜高速太仓段改扩建工程', 'accepted'],
  [3, PermitKind.ROAD_FREIGHT_TRANSPORT, '普通货运', 'rejected'],
  [4, PermitKind.CROSS_PROVINCE_OVERSIZE_TRANSPORT, '南京—合肥 盾构机运输 总质量120吨', 'approved'],
  [5, PermitKind.ROAD_FREIGHT_TRANSPORT, '普通货运', 'approved'],
  [6, PermitKind.HAZARDOUS_GOODS_TRANSPORT, '危险货物运输(3类、8类)', 'approved'],
  [7, PermitKind.ROAD_PASSENGER_TRANSPORT, '市际班车客运', 'submitted'],
];

/** Seeds the registry and applications once, through the services, so permits raise their events. */
export async function seedLicensing(services: LicensingServices, { dataSource, logger }: SubgraphDependencies): Promise<void> {
  if ((await dataSource.getRepository(Enterprise).count()) > 0) return;
  for (const enterprise of DEMO_ENTERPRISES) await services.enterprises.register(SYSTEM_SCOPE, enterprise);
  for (const vehicle of DEMO_VEHICLES) await services.vehicles.register(SYSTEM_SCOPE, vehicle);
  for (const [enterpriseIndex, kind, scope, outcome] of DEMO_APPLICATIONS) {
    const enterprise = DEMO_ENTERPRISES[enterpriseIndex];
    // A construction application names its project, which the investment platform (simulated locally) confirms.
    const project = kind === PermitKind.HIGHWAY_CONSTRUCTION ? { investmentProjectCode: DEMO_PROJECT_APPROVED_WITH_AWARD } : {};
    const application = await services.permits
      .submit(SYSTEM_SCOPE, { creditCode: enterprise.creditCode, kind, scope, regionCode: enterprise.regionCode, ...project }, SEED_ACTOR)
      .catch((error: unknown) => {
        if (!(error instanceof DomainError && error.extensions.code === 'SERVICE_UNAVAILABLE')) throw error;
        logger.warn('demo construction application skipped: the investment platform simulator is not running (dist/subgraphs/licensing/platforms/simulators.main.js)', { scope });
        return null;
      });
    if (!application) continue;
    const action = { applicationNumber: application.applicationNumber };
    if (outcome === 'submitted') continue;
    if (outcome === 'rejected') {
      await services.permits.reject(SYSTEM_SCOPE, { ...action, reason: '申请材料中车辆技术等级评定证明不符合要求' }, SEED_ACTOR);
      continue;
    }
    await services.permits.accept(SYSTEM_SCOPE, action, SEED_ACTOR);
    if (outcome === 'approved') await services.permits.approve(SYSTEM_SCOPE, action, SEED_ACTOR);
  }
  logger.info('demo data seeded', { enterprises: DEMO_ENTERPRISES.length, applications: DEMO_APPLICATIONS.length });
}
