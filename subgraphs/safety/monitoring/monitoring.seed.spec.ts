import { openSubgraphTestbed } from '../../../platform/testing/subgraph-testbed';
import type { SafetyTestbed } from '../safety.fixture';
import { safetySubgraph } from '../safety.subgraph';
import { SafetyVehicle } from '../registry/safety-vehicle.entity';
import type { EventPayloads } from '../../../platform/outbox/domain-event';
import { chinaDate } from '../../../platform/time/china-time';
import { settleMonitoringDays } from './monitoring-day-settlement';
import { seedMonitoring } from './monitoring.seed';
import { SafetyAlert, SafetyAlertKind } from './safety-alert.entity';
import { VehicleLatestPosition, VehiclePosition } from './vehicle-position.entity';

describe('the monitoring demo seed', () => {
  let testbed: SafetyTestbed;
  beforeAll(async () => {
    testbed = await openSubgraphTestbed(safetySubgraph);
    await seedMonitoring(testbed.dataSource, testbed.services.positions, testbed.dependencies.logger);
  });
  afterAll(async () => {
    await testbed.close();
  });

  it('gives the three demo tankers ten minutes of positions and 苏A12345 its speeding alert', async () => {
    expect(await testbed.dataSource.getRepository(SafetyVehicle).count()).toBe(3);
    // Sixty of today's trip, two each of the two tankers that stood online yesterday.
    expect(await testbed.dataSource.getRepository(VehiclePosition).count()).toBe(64);
    expect(await testbed.dataSource.getRepository(VehicleLatestPosition).count()).toBe(3);
    const alerts = await testbed.dataSource.getRepository(SafetyAlert).find();
    expect(alerts.map((alert) => [alert.plateNumber, alert.kind])).toEqual([['苏A12345', SafetyAlertKind.SPEEDING]]);
  });

  it('does nothing once positions exist', async () => {
    await seedMonitoring(testbed.dataSource, testbed.services.positions, testbed.dependencies.logger);
    expect(await testbed.dataSource.getRepository(VehiclePosition).count()).toBe(64);
  });

  it('settles yesterday once per region for statistics: 320102 had one of two tankers online, 330100 its one', async () => {
    const yesterday = chinaDate(new Date(Date.now() - 86_400_000));
    // Just after midnight in China, today's ten-minute trip began yesterday: its tanker was online then too.
    const vehicles = await testbed.dataSource.getRepository(SafetyVehicle).find();
    const onlineYesterday = new Set(
      (await testbed.dataSource.getRepository(VehiclePosition).find())
        .filter((position) => chinaDate(position.recordedAt) === yesterday)
        .map((position) => position.plateNumber),
    );
    const online = (region: string) =>
      vehicles.filter((vehicle) => vehicle.regionCode === region && onlineYesterday.has(vehicle.plateNumber)).length;
    const tripStartedYesterday = chinaDate(new Date(Date.now() - 10 * 60_000)) === yesterday;
    expect(online('320102')).toBe(tripStartedYesterday ? 2 : 1);
    const settle = () => settleMonitoringDays(testbed.dataSource, testbed.dependencies.outbox);
    expect(await settle()).toBe(2);
    expect(await settle()).toBe(0);
    const closed = (await testbed.outboxMessages())
      .filter((message) => message.type === 'monitoring.day-closed')
      .map((message) => message.envelope.payload as EventPayloads['monitoring.day-closed']);
    expect(closed.sort((a, b) => (a.regionCode < b.regionCode ? -1 : 1))).toEqual([
      {
        day: yesterday,
        regionCode: '320102',
        monitoredVehicles: 2,
        onlineVehicles: online('320102'),
      },
      {
        day: yesterday,
        regionCode: '330100',
        monitoredVehicles: 1,
        onlineVehicles: 1,
      },
    ]);
    const raised = (await testbed.outboxMessages()).filter((message) => message.type === 'safety-alert.raised');
    expect(raised.map((message) => message.envelope.payload)).toEqual([
      expect.objectContaining({ kind: SafetyAlertKind.SPEEDING, regionCode: '320102' }),
    ]);
  });
});
