import { SYSTEM_SCOPE } from '../../platform/auth/region-scope';
import type { SubgraphDependencies } from '../../platform/subgraph-server';
import type { SafetyServices } from './safety.context';
import { PackingGroup } from './waybill/dangerous-goods';
import type { CreateWaybillInput } from './waybill/inputs/create-waybill.input';
import { Waybill, WaybillStatus } from './waybill/waybill.entity';

const SEED_ACTOR = 'demo-seed';

const NANJING_CARRIER = '91320102MA1MY0R10Q';
const HANGZHOU_CARRIER = '91330100MA27Y8P30J';

// The people on board (驾驶人员, 押运人员) and the loader; the qualification numbers are made-up resident IDs.
const NANJING_CREW = {
  loaderName: '南京龙潭危化品装卸站',
  driverName: '张建国',
  driverQualificationNumber: '320102198001011238',
  escortName: '李明',
  escortQualificationNumber: '320102198505052340',
};
const HANGZHOU_CREW = {
  loaderName: '杭州之江储运装卸站',
  driverName: '王海',
  driverQualificationNumber: '330100197903033457',
  escortName: '陈静',
  escortQualificationNumber: '330100198808084568',
};

// Shipments of the two demo hazardous-goods carriers, and where each ends up.
const DEMO_WAYBILLS: ReadonlyArray<[CreateWaybillInput, WaybillStatus]> = [
  [
    {
      carrierCreditCode: NANJING_CARRIER,
      ...NANJING_CREW,
      shipperName: '南京扬子石化销售有限公司',
      consigneeName: '杭州西湖能源加油站',
      plateNumber: '苏A12345',
      goodsName: '汽油',
      unNumber: 'UN1203',
      hazardClass: '3',
      packingGroup: PackingGroup.II,
      quantityKg: 18_000,
      originRegionCode: '320102',
      destinationRegionCode: '330106',
    },
    WaybillStatus.ARRIVED,
  ],
  [
    {
      carrierCreditCode: NANJING_CARRIER,
      ...NANJING_CREW,
      shipperName: '南京金陵氯碱化工有限公司',
      consigneeName: '苏州工业园区净水有限公司',
      plateNumber: '苏A12345D',
      goodsName: '液氯',
      unNumber: 'UN1017',
      hazardClass: '2.3',
      packingGroup: null,
      quantityKg: 10_000,
      originRegionCode: '320102',
      destinationRegionCode: '320500',
    },
    WaybillStatus.IN_TRANSIT,
  ],
  [
    {
      carrierCreditCode: NANJING_CARRIER,
      ...NANJING_CREW,
      shipperName: '南京金陵氯碱化工有限公司',
      consigneeName: '苏州吴中精细化工有限公司',
      plateNumber: '苏A12345',
      goodsName: '硫酸',
      unNumber: 'UN1830',
      hazardClass: '8',
      packingGroup: PackingGroup.II,
      quantityKg: 25_000,
      originRegionCode: '320102',
      destinationRegionCode: '320500',
    },
    WaybillStatus.CREATED,
  ],
  [
    {
      carrierCreditCode: HANGZHOU_CARRIER,
      ...HANGZHOU_CREW,
      shipperName: '杭州之江油品储运有限公司',
      consigneeName: '湖州长兴物流园加油站',
      plateNumber: '浙AD12345',
      goodsName: '柴油',
      unNumber: 'UN1202',
      hazardClass: '3',
      packingGroup: PackingGroup.III,
      quantityKg: 30_000,
      originRegionCode: '330100',
      destinationRegionCode: '330106',
    },
    WaybillStatus.ARRIVED,
  ],
  [
    {
      carrierCreditCode: HANGZHOU_CARRIER,
      ...HANGZHOU_CREW,
      shipperName: '杭州萧山精细化工有限公司',
      consigneeName: '杭州西湖印染有限公司',
      plateNumber: '浙A5F678',
      goodsName: '氢氧化钠溶液',
      unNumber: 'UN1824',
      hazardClass: '8',
      packingGroup: PackingGroup.II,
      quantityKg: 22_000,
      originRegionCode: '330100',
      destinationRegionCode: '330106',
    },
    WaybillStatus.IN_TRANSIT,
  ],
];

/**
 * Seeds the demo waybills once, through the service, so each raises `waybill.created`; recorded without the
 * registry checks, since licensing announces the demo registry only after the subgraphs have started.
 */
export async function seedSafety(
  services: SafetyServices,
  { dataSource, logger }: SubgraphDependencies,
): Promise<void> {
  if ((await dataSource.getRepository(Waybill).count()) > 0) return;
  for (const [input, outcome] of DEMO_WAYBILLS) {
    const { waybillNumber } = await services.waybills.recordDemoShipment(input, SEED_ACTOR);
    if (outcome === WaybillStatus.CREATED) continue;
    await services.waybills.depart(SYSTEM_SCOPE, { waybillNumber });
    if (outcome === WaybillStatus.ARRIVED) await services.waybills.arrive(SYSTEM_SCOPE, { waybillNumber });
  }
  logger.info('demo data seeded', { waybills: DEMO_WAYBILLS.length });
}
