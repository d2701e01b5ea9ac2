import { VehicleCategory } from '../../../platform/codes/vehicle-category';
import { openSubgraphTestbed } from '../../../platform/testing/subgraph-testbed';
import { JIANGSU, NATIONAL, type SafetyTestbed } from '../safety.fixture';
import { safetySubgraph } from '../safety.subgraph';
import { SafetyVehicle } from '../registry/safety-vehicle.entity';
import type { VehiclePositionInput } from './inputs/submit-vehicle-positions.input';
import { SafetyAlert, SafetyAlertKind, SafetyAlertStatus } from './safety-alert.entity';
import { VehicleLatestPosition, VehiclePosition } from './vehicle-position.entity';

const NOW = new Date('2026-12-01T02:30:00Z');

/** A key vehicle in safety's registry, as licensing's events would leave it. */
export function registryVehicle(
  plateNumber: string,
  category: VehicleCategory,
  regionCode = '320104',
  ownerCreditCode = '91320102MA1MY0R10Q',
): SafetyVehicle {
  return Object.assign(new SafetyVehicle(), {
    plateNumber,
    ownerCreditCode,
    regionCode,
    category,
    transportCertificateNumber: `苏交运管${plateNumber}`,
    certificateStatus: 'VALID',
    approvedLoadKg: null,
    hazardClasses: category === VehicleCategory.HAZARDOUS_GOODS ? '3' : null,
    changedAt: new Date('2026-01-01T00:00:00Z'),
  });
}

function at(plateNumber: string, time: string, speed = 60): VehiclePositionInput {
  return { plateNumber, time: new Date(time), longitude: 118.8, latitude: 32.06, speed, heading: 90 };
}

describe('submitting key vehicles’ positions', () => {
  let testbed: SafetyTestbed;
  beforeEach(async () => {
    testbed = await openSubgraphTestbed(safetySubgraph);
    await testbed.dataSource
      .getRepository(SafetyVehicle)
      .save([
        registryVehicle('苏A12345', VehicleCategory.HAZARDOUS_GOODS),
        registryVehicle('苏A8K001', VehicleCategory.SCHEDULED_COACH),
        registryVehicle('浙A5F678', VehicleCategory.HAZARDOUS_GOODS, '330106', '91330100MA27Y8P30J'),
      ]);
  });
  afterEach(async () => {
    await testbed.close();
  });
  const submit = (positions: VehiclePositionInput[], scope = JIANGSU) =>
    testbed.services.positions.submit(scope, positions, NOW);
  const outcomes = (payload: Awaited<ReturnType<typeof submit>>) =>
    payload.results.map((result) =>
      [result.outcome, ...result.problems.map((problem) => `${problem.field} ${problem.code}`)].join(' '),
    );

  it('answers each position on its own, never refusing the batch for one', async () => {
    const payload = await submit([
      at('苏A12345', '2026-12-01T02:00:00Z'),
      { ...at('苏A12345', '2026-12-01T02:00:30Z'), longitude: 200 },
      at('苏B99999', '2026-12-01T02:00:00Z'),
      at('浙A5F678', '2026-12-01T02:00:00Z'),
      at('苏A8K001', '2026-12-01T02:00:00Z'),
    ]);
    expect(outcomes(payload)).toEqual([
      'ACCEPTED',
      'REJECTED positions[1].longitude OUTSIDE_CHINA',
      'REJECTED positions[2].plateNumber UNKNOWN_VEHICLE',
      'REJECTED positions[3].plateNumber OUTSIDE_REGION',
      'ACCEPTED',
    ]);
    expect(payload).toMatchObject({ acceptedCount: 2, duplicateCount: 0, rejectedCount: 3 });
  });

  it('recognises a resubmission as DUPLICATE, and refuses an older position as OUT_OF_ORDER', async () => {
    await submit([at('苏A12345', '2026-12-01T02:00:00Z'), at('苏A12345', '2026-12-01T02:01:00Z')]);
    const again = await submit([
      at('苏A12345', '2026-12-01T02:00:00Z'),
      at('苏A12345', '2026-12-01T02:00:30Z'),
      at('苏A12345', '2026-12-01T02:01:00Z', 61),
      at('苏A12345', '2026-12-01T02:01:30Z'),
      at('苏A12345', '2026-12-01T02:01:30Z'),
    ]);
    expect(outcomes(again)).toEqual([
      'DUPLICATE',
      'REJECTED positions[1].time OUT_OF_ORDER',
      'REJECTED positions[2].time CONFLICTING_DUPLICATE',
      'ACCEPTED',
      'DUPLICATE',
    ]);
    expect(await testbed.dataSource.getRepository(VehiclePosition).count()).toBe(3);
    const latest = await testbed.dataSource
      .getRepository(VehicleLatestPosition)
      .findOneByOrFail({ plateNumber: '苏A12345' });
    expect(latest.recordedAt.toISOString()).toBe('2026-12-01T02:01:30.000Z');
  });

  it('takes a batch in any order: each plate’s positions are judged in time order', async () => {
    const payload = await submit([at('苏A12345', '2026-12-01T02:01:00Z'), at('苏A12345', '2026-12-01T02:00:00Z')]);
    expect(outcomes(payload)).toEqual(['ACCEPTED', 'ACCEPTED']);
  });

  it('raises a speeding alert across batches, from state kept in the database, for the certifying region', async () => {
    await submit([at('苏A12345', '2026-12-01T02:00:00Z', 90), at('苏A12345', '2026-12-01T02:00:30Z', 92)]);
    const second = await submit([at('苏A12345', '2026-12-01T02:01:00Z', 95)]);
    expect(second.alertsRaised).toBe(1);
    const [alert] = await testbed.dataSource.getRepository(SafetyAlert).find();
    expect(alert).toMatchObject({
      kind: SafetyAlertKind.SPEEDING,
      plateNumber: '苏A12345',
      regionCode: '320104',
      status: SafetyAlertStatus.OPEN,
      version: 1,
    });
    expect(alert.occurredAt.toISOString()).toBe('2026-12-01T02:01:00.000Z');
    expect([alert.longitude, alert.latitude]).toEqual([118.8, 32.06]);
  });

  it('moves an alert OPEN -> ACKNOWLEDGED -> CLOSED with versions, and refuses what does not follow', async () => {
    await submit(
      [0, 30, 60].map((second) =>
        at('苏A12345', new Date(Date.parse('2026-12-01T02:00:00Z') + second * 1000).toISOString(), 95),
      ),
    );
    const [raised] = await testbed.dataSource.getRepository(SafetyAlert).find();
    const acknowledged = await testbed.services.alerts.acknowledge(
      JIANGSU,
      { alertId: raised.id, expectedVersion: 1 },
      'js-safety-officer',
    );
    expect(acknowledged).toMatchObject({
      status: SafetyAlertStatus.ACKNOWLEDGED,
      version: 2,
      acknowledgedBy: 'js-safety-officer',
    });
    await expect(
      testbed.services.alerts.close(
        JIANGSU,
        { alertId: raised.id, expectedVersion: 1, disposition: '已电话提醒驾驶员减速' },
        'x',
      ),
    ).rejects.toMatchObject({ extensions: { code: 'CONFLICT', reason: 'STALE_VERSION' } });
    const closed = await testbed.services.alerts.close(
      JIANGSU,
      { alertId: raised.id, expectedVersion: 2, disposition: '已电话提醒驾驶员减速' },
      'x',
    );
    expect(closed).toMatchObject({ status: SafetyAlertStatus.CLOSED, disposition: '已电话提醒驾驶员减速' });
    await expect(
      testbed.services.alerts.escalate(NATIONAL, { alertId: raised.id, reason: '多次超速' }, 'x'),
    ).rejects.toMatchObject({ extensions: { code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' } });
    await expect(
      testbed.services.alerts.acknowledge(
        { region: '330000', prefix: '33', national: false },
        { alertId: raised.id },
        'x',
      ),
    ).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });

  it('writes a batch in a fixed number of statements, however many plates it holds', async () => {
    const vehicles = Array.from({ length: 40 }, (_, index) =>
      registryVehicle(`苏A${String(20000 + index)}`, VehicleCategory.HAZARDOUS_GOODS),
    );
    await testbed.dataSource.getRepository(SafetyVehicle).save(vehicles);
    const batch = vehicles.flatMap((vehicle) => [
      at(vehicle.plateNumber, '2026-12-01T02:00:00Z'),
      at(vehicle.plateNumber, '2026-12-01T02:00:30Z'),
    ]);
    const before = testbed.statements();
    const payload = await submit(batch);
    expect(payload.acceptedCount).toBe(80);
    // Two reads; in the transaction: positions, latest, online days (plus BEGIN and COMMIT).
    expect(testbed.statements() - before).toBeGreaterThanOrEqual(5);
    expect(testbed.statements() - before).toBeLessThanOrEqual(7);
  });
});
