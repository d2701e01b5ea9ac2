import { SYSTEM_SCOPE } from '../../platform/auth/region-scope';
import type { SubgraphDependencies } from '../../platform/subgraph-server';
import { chinaDate } from '../../platform/time/china-time';
import { AccidentSeverity } from './accident/accident-severity';
import { Accident } from './accident/accident.entity';
import { HazardLevel } from './hazard/hazard-rules';
import { SafetyInspection } from './hazard/safety-inspection.entity';
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

const DAY_MS = 86_400_000;
/** A small stand-in for a photo: demo evidence is stored and digested like any other. */
const DEMO_PHOTO = (caption: string) => ({
  fileName: `${caption}.jpg`,
  contentBase64: Buffer.from(`demo evidence: ${caption}`).toString('base64'),
});

/**
 * Seeds the demo waybills once, through the service, so each raises `waybill.created`; recorded without the
 * registry checks, since licensing announces the demo registry only after the subgraphs have started.
 */
async function seedWaybills(services: SafetyServices): Promise<number> {
  for (const [input, outcome] of DEMO_WAYBILLS) {
    const { waybillNumber } = await services.waybills.recordDemoShipment(input, SEED_ACTOR);
    if (outcome === WaybillStatus.CREATED) continue;
    await services.waybills.depart(SYSTEM_SCOPE, { waybillNumber });
    if (outcome === WaybillStatus.ARRIVED) await services.waybills.arrive(SYSTEM_SCOPE, { waybillNumber });
  }
  return DEMO_WAYBILLS.length;
}

/**
 * Two inspections: the Nanjing carrier's a month ago, with a general hazard now overdue and a major one
 * (reported to the national platform); the Hangzhou carrier's last week, its hazard rectified and waiting
 * for a second officer's verification (ministry-admin may verify it: demo-seed inspected and reported).
 */
async function seedHazards(services: SafetyServices): Promise<number> {
  const daysAgo = (days: number) => chinaDate(new Date(Date.now() - days * DAY_MS));
  await services.hazards.recordInspection(
    SYSTEM_SCOPE,
    {
      creditCode: NANJING_CARRIER,
      regionCode: '320102',
      inspectedOn: daysAgo(30),
      inspectors: ['王安检 执法证号32010203', '陈安检 执法证号32010207'],
      findings: '检查危险货物运输车辆停车场及罐车安全附件：消防器材过期，一辆液氯罐车紧急切断装置失效。',
      hazards: [
        {
          level: HazardLevel.GENERAL,
          description: '停车场灭火器超过有效期 (extinguishers in the depot past their date)',
          evidence: [DEMO_PHOTO('extinguisher')],
        },
        {
          level: HazardLevel.MAJOR,
          description: '苏A12345D 罐车紧急切断装置失效 (emergency shut-off valve of the tanker fails)',
          evidence: [DEMO_PHOTO('shut-off-valve')],
        },
      ],
    },
    SEED_ACTOR,
  );
  const hangzhou = await services.hazards.recordInspection(
    SYSTEM_SCOPE,
    {
      creditCode: HANGZHOU_CARRIER,
      regionCode: '330100',
      inspectedOn: daysAgo(7),
      inspectors: ['赵安检 执法证号33010011'],
      findings: '检查驾驶员安全教育记录：11月份安全教育未记录。',
      hazards: [
        {
          level: HazardLevel.GENERAL,
          description: '驾驶员月度安全教育记录缺失 (monthly safety training not recorded)',
        },
      ],
    },
    SEED_ACTOR,
  );
  const [rectifiable] = await services.hazardQueries.createInspectionHazardsLoader().load(hangzhou.id);
  await services.hazards.reportRectification(
    SYSTEM_SCOPE,
    {
      hazardId: String(rectifiable.id),
      note: '已补开安全教育会议并补记录 (training held and recorded)',
      evidence: [DEMO_PHOTO('training-record')],
    },
    SEED_ACTOR,
  );
  return 2;
}

/** A tanker's rear-end collision on the way to Suzhou, first reported and then followed up (续报). */
async function seedAccidents(services: SafetyServices): Promise<number> {
  // The liquid chlorine on 苏A12345D, on its way from Nanjing to Suzhou.
  const transit = (
    await services.waybills.list(
      SYSTEM_SCOPE,
      { regionCode: '320102', status: WaybillStatus.IN_TRANSIT },
      {
        limit: 1,
        afterId: null,
      },
    )
  ).edges[0]?.node;
  const accident = await services.accidents.report(
    SYSTEM_SCOPE,
    {
      plateNumber: '苏A12345D',
      creditCode: NANJING_CARRIER,
      occurredAt: new Date(Date.now() - 2 * 3600_000),
      regionCode: '320505',
      location: 'G2京沪高速苏州段K1198+500处，上海方向 (G2 near Suzhou, towards Shanghai)',
      summary: '液氯罐车被后车追尾，罐体完好无泄漏，后车驾驶员受伤送医。(rear-ended, no leak, one driver injured)',
      severity: AccidentSeverity.GENERAL,
      deaths: 0,
      injuries: 1,
      directLossFen: 8_500_000,
      waybillNumber: transit?.waybillNumber ?? null,
    },
    SEED_ACTOR,
  );
  await services.accidents.update(
    SYSTEM_SCOPE,
    {
      accidentId: String(accident.id),
      expectedVersion: accident.version,
      severity: AccidentSeverity.GENERAL,
      deaths: 0,
      injuries: 2,
      directLossFen: 12_000_000,
      note: '续报：前车驾驶员经检查亦受伤；直接经济损失核定为12万元。(follow-up: a second injury, loss assessed)',
    },
    SEED_ACTOR,
  );
  return 1;
}

/** Seeds each kind of demo record once, so a schema seeded before the kind existed gets it too. */
export async function seedSafety(
  services: SafetyServices,
  { dataSource, logger }: SubgraphDependencies,
): Promise<void> {
  const seeded: Record<string, number> = {};
  if ((await dataSource.getRepository(Waybill).count()) === 0) seeded.waybills = await seedWaybills(services);
  if ((await dataSource.getRepository(SafetyInspection).count()) === 0)
    seeded.inspections = await seedHazards(services);
  if ((await dataSource.getRepository(Accident).count()) === 0) seeded.accidents = await seedAccidents(services);
  if (Object.keys(seeded).length > 0) logger.info('demo data seeded', seeded);
}
