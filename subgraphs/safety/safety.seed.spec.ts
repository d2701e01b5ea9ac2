import { OutboxMessage } from '../../platform/outbox/outbox-message.entity';
import { seedSafety } from './safety.seed';
import { openSubgraphTestbed, type TestbedOf } from '../../platform/testing/subgraph-testbed';
import { safetySubgraph } from './safety.subgraph';
import { Waybill, WaybillStatus } from './waybill/waybill.entity';
import { chinaDate } from '../../platform/time/china-time';
import { Accident } from './accident/accident.entity';
import { HazardLevel, HazardStatus, isOverdue } from './hazard/hazard-rules';
import { HiddenHazard } from './hazard/hidden-hazard.entity';
import { SafetyPlatformDelivery } from './national-platform/safety-platform-delivery.entity';

describe('the safety demo seed', () => {
  let database: TestbedOf<typeof safetySubgraph>;
  beforeAll(async () => {
    database = await openSubgraphTestbed(safetySubgraph);
    await seedSafety(database.services, database.dependencies);
  });
  afterAll(async () => {
    await database.close();
  });

  async function waybillsOf(carrierCreditCode: string): Promise<Waybill[]> {
    return database.dataSource.getRepository(Waybill).find({ where: { carrierCreditCode }, order: { id: 'ASC' } });
  }

  it('gives the Nanjing carrier exactly three waybills, one in each working status, on its two vehicles', async () => {
    const nanjing = await waybillsOf('91320102MA1MY0R10Q');
    expect(nanjing).toHaveLength(3);
    expect(nanjing.map((waybill) => waybill.status).sort()).toEqual([
      WaybillStatus.ARRIVED,
      WaybillStatus.CREATED,
      WaybillStatus.IN_TRANSIT,
    ]);
    expect(new Set(nanjing.map((waybill) => waybill.plateNumber))).toEqual(new Set(['苏A12345', '苏A12345D']));
    expect(
      nanjing.every((waybill) => waybill.originRegionCode === '320102' && waybill.waybillNumber.startsWith('YD320102')),
    ).toBe(true);
    const arrived = nanjing.find((waybill) => waybill.status === WaybillStatus.ARRIVED)!;
    expect(arrived.departedAt).not.toBeNull();
    expect(arrived.arrivedAt).not.toBeNull();
  });

  it('gives the Hangzhou carrier two waybills from 330100 on its vehicles', async () => {
    const hangzhou = await waybillsOf('91330100MA27Y8P30J');
    expect(hangzhou).toHaveLength(2);
    expect(new Set(hangzhou.map((waybill) => waybill.plateNumber))).toEqual(new Set(['浙AD12345', '浙A5F678']));
    expect(hangzhou.every((waybill) => waybill.originRegionCode === '330100')).toBe(true);
  });

  it('raises waybill.created for every seeded waybill, through the service', async () => {
    const messages = await database.dataSource.getRepository(OutboxMessage).findBy({ eventType: 'waybill.created' });
    expect(messages).toHaveLength(5);
    expect(messages.every((message) => message.subscriber === 'statistics')).toBe(true);
  });

  it('seeds an overdue general hazard, a major one reported to the national platform, and one awaiting verification', async () => {
    const hazards = await database.dataSource.getRepository(HiddenHazard).find({ order: { id: 'ASC' } });
    expect(hazards.map((hazard) => [hazard.creditCode, hazard.level, hazard.status])).toEqual([
      ['91320102MA1MY0R10Q', HazardLevel.GENERAL, HazardStatus.OPEN],
      ['91320102MA1MY0R10Q', HazardLevel.MAJOR, HazardStatus.OPEN],
      ['91330100MA27Y8P30J', HazardLevel.GENERAL, HazardStatus.RECTIFIED],
    ]);
    const today = chinaDate(new Date());
    expect(isOverdue(hazards[0].status, hazards[0].deadline, today)).toBe(true);
    const deliveries = await database.dataSource.getRepository(SafetyPlatformDelivery).find({ order: { id: 'ASC' } });
    expect(deliveries.map((row) => [row.reportType, row.version])).toEqual([
      // The demo petrol shipment from Nanjing to Hangzhou left and arrived: a cross-province summary twice.
      ['CROSS_PROVINCE_WAYBILL', 1],
      ['CROSS_PROVINCE_WAYBILL', 2],
      ['MAJOR_HAZARD', 1],
      ['ACCIDENT', 1],
      ['ACCIDENT', 2],
    ]);
  });

  it('seeds an accident on the chlorine tanker with its waybill and a follow-up', async () => {
    const [accident] = await database.dataSource.getRepository(Accident).find();
    expect([accident.plateNumber, accident.version, accident.injuries]).toEqual(['苏A12345D', 2, 2]);
    const waybill = await database.dataSource
      .getRepository(Waybill)
      .findOneByOrFail({ waybillNumber: accident.waybillNumber ?? '' });
    expect(waybill.goodsName).toBe('液氯');
  });

  it('does nothing when waybills already exist', async () => {
    await seedSafety(database.services, database.dependencies);
    expect(await database.dataSource.getRepository(Waybill).count()).toBe(5);
    // Statistics heard of the five waybills and the three hazards once.
    expect(await database.dataSource.getRepository(OutboxMessage).count()).toBe(8);
    expect(await database.dataSource.getRepository(HiddenHazard).count()).toBe(3);
    expect(await database.dataSource.getRepository(Accident).count()).toBe(1);
  });
});
