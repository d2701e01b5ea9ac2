import { openSubgraphTestbed } from '../../../platform/testing/subgraph-testbed';
import type { SafetyTestbed } from '../safety.fixture';
import { safetySubgraph } from '../safety.subgraph';
import { SafetyVehicle } from '../registry/safety-vehicle.entity';
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
    expect(await testbed.dataSource.getRepository(VehiclePosition).count()).toBe(60);
    expect(await testbed.dataSource.getRepository(VehicleLatestPosition).count()).toBe(3);
    const alerts = await testbed.dataSource.getRepository(SafetyAlert).find();
    expect(alerts.map((alert) => [alert.plateNumber, alert.kind])).toEqual([['苏A12345', SafetyAlertKind.SPEEDING]]);
  });

  it('does nothing once positions exist', async () => {
    await seedMonitoring(testbed.dataSource, testbed.services.positions, testbed.dependencies.logger);
    expect(await testbed.dataSource.getRepository(VehiclePosition).count()).toBe(60);
  });
});
