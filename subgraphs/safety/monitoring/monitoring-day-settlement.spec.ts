import { VehicleCategory } from '../../../platform/codes/vehicle-category';
import type { EventPayloads } from '../../../platform/outbox/domain-event';
import { testbedPerTest, type TestbedOf } from '../../../platform/testing/subgraph-testbed';
import { SafetyVehicle } from '../registry/safety-vehicle.entity';
import { safetySubgraph } from '../safety.subgraph';
import { settleMonitoringDays } from './monitoring-day-settlement';
import { VehicleOnlineDay } from './vehicle-position.entity';

describe('settling monitoring days for the online rate', () => {
  let database: TestbedOf<typeof safetySubgraph>;
  testbedPerTest(safetySubgraph, (testbed) => {
    database = testbed;
  });

  const vehicle = (plateNumber: string, regionCode: string, category: VehicleCategory) => ({
    plateNumber,
    ownerCreditCode: '91320102MA1MY0R10Q',
    regionCode,
    category,
    transportCertificateNumber: `证${plateNumber}`,
    certificateStatus: 'VALID' as const,
    approvedLoadKg: 30_000,
    hazardClasses: '3',
    changedAt: new Date('2026-01-01T00:00:00Z'),
  });
  const settle = (at: string) => settleMonitoringDays(database.dataSource, database.dependencies.outbox, new Date(at));
  const closedDays = async () =>
    (await database.outboxMessages())
      .filter((message) => message.type === 'monitoring.day-closed')
      .map((message) => message.envelope.payload as EventPayloads['monitoring.day-closed'])
      .map((day) => [day.day, day.regionCode, day.monitoredVehicles, day.onlineVehicles]);

  it('settles yesterday on a first run, each region once, key vehicles only, and fills a gap later', async () => {
    await database.dataSource
      .getRepository(SafetyVehicle)
      .insert([
        vehicle('苏A00001', '320102', VehicleCategory.HAZARDOUS_GOODS),
        vehicle('苏A00002', '320102', VehicleCategory.SCHEDULED_COACH),
        vehicle('苏A00003', '320102', VehicleCategory.FREIGHT),
        vehicle('苏E00001', '320583', VehicleCategory.HAZARDOUS_GOODS),
      ]);
    await database.dataSource.getRepository(VehicleOnlineDay).insert([
      { day: '2026-03-09', plateNumber: '苏A00001' },
      { day: '2026-03-09', plateNumber: '苏A00003' },
      { day: '2026-03-12', plateNumber: '苏E00001' },
    ]);
    // 10 March, 08:00 China time: 9 March closed.
    expect(await settle('2026-03-10T00:00:00Z')).toBe(2);
    expect(await settle('2026-03-10T00:01:00Z')).toBe(0);
    // Down for two days: on the 13th, the 10th to the 12th are settled too.
    expect(await settle('2026-03-13T00:00:00Z')).toBe(6);
    expect(await closedDays()).toEqual([
      ['2026-03-09', '320102', 2, 1],
      ['2026-03-09', '320583', 1, 0],
      ['2026-03-10', '320102', 2, 0],
      ['2026-03-10', '320583', 1, 0],
      ['2026-03-11', '320102', 2, 0],
      ['2026-03-11', '320583', 1, 0],
      ['2026-03-12', '320102', 2, 0],
      ['2026-03-12', '320583', 1, 1],
    ]);
  });
});
