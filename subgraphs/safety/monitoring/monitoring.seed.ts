import type { DataSource } from 'typeorm';
import { SYSTEM_SCOPE } from '../../../platform/auth/region-scope';
import { VehicleCategory } from '../../../platform/codes/vehicle-category';
import type { Logger } from '../../../platform/observability/logger';
import { SafetyVehicle } from '../registry/safety-vehicle.entity';
import type { VehiclePositionInput } from './inputs/submit-vehicle-positions.input';
import { VehicleLatestPosition } from './vehicle-position.entity';
import type { VehiclePositionService } from './vehicle-position.service';

// The demo fleet of networked monitoring (联网联控): the demo carriers' tankers, and a route each drives.

const NANJING_CARRIER = '91320102MA1MY0R10Q';
const HANGZHOU_CARRIER = '91330100MA27Y8P30J';

interface DemoVehicle {
  plateNumber: string;
  ownerCreditCode: string;
  regionCode: string;
  /** Where it starts (WGS-84) and which way it goes, in degrees per position. */
  start: [number, number];
  step: [number, number];
  speed: number;
}

export const DEMO_FLEET: readonly DemoVehicle[] = [
  // Nanjing to Suzhou along the G42, a little above the hazardous-goods limit: a speeding alert.
  {
    plateNumber: '苏A12345',
    ownerCreditCode: NANJING_CARRIER,
    regionCode: '320102',
    start: [118.8, 32.05],
    step: [0.006, -0.001],
    speed: 86,
  },
  {
    plateNumber: '苏A12345D',
    ownerCreditCode: NANJING_CARRIER,
    regionCode: '320102',
    start: [118.9, 32.0],
    step: [0.005, -0.001],
    speed: 62,
  },
  {
    plateNumber: '浙A5F678',
    ownerCreditCode: HANGZHOU_CARRIER,
    regionCode: '330100',
    start: [120.15, 30.28],
    step: [-0.004, 0.003],
    speed: 58,
  },
];

/**
 * The demo tankers in safety's vehicle registry (only where licensing's events have not put them yet) and
 * ten minutes of positions each, through the service, so the demo starts with positions and an alert.
 */
export async function seedMonitoring(
  dataSource: DataSource,
  positions: VehiclePositionService,
  logger: Logger,
  now = new Date(),
): Promise<void> {
  if ((await dataSource.getRepository(VehicleLatestPosition).count()) > 0) return;
  await dataSource
    .createQueryBuilder()
    .insert()
    .into(SafetyVehicle)
    .values(
      DEMO_FLEET.map((vehicle) => ({
        plateNumber: vehicle.plateNumber,
        ownerCreditCode: vehicle.ownerCreditCode,
        regionCode: vehicle.regionCode,
        category: VehicleCategory.HAZARDOUS_GOODS,
        transportCertificateNumber: `演示${vehicle.plateNumber}`,
        certificateStatus: 'VALID' as const,
        approvedLoadKg: 30_000,
        hazardClasses: '3,8',
        changedAt: new Date('2026-01-01T00:00:00Z'),
      })),
    )
    .orIgnore()
    .updateEntity(false)
    .execute();
  // Yesterday two of the three stood at their depots with the terminal on (online, 在线), the third was silent:
  // the first day the online rate (上线率) settles.
  const yesterday = [DEMO_FLEET[0], DEMO_FLEET[2]].flatMap((vehicle) =>
    [0, 1].map((minute) => ({
      ...demoPosition(vehicle, 0, new Date(now.getTime() - 86_400_000 + minute * 60_000)),
      speed: 0,
    })),
  );
  const trip = Array.from({ length: 20 }, (_, round) =>
    DEMO_FLEET.map((vehicle) => demoPosition(vehicle, round, new Date(now.getTime() - (20 - round) * 30_000))),
  ).flat();
  trip.unshift(...yesterday);
  const answer = await positions.submit(SYSTEM_SCOPE, trip, now);
  logger.info('demo positions seeded', { accepted: answer.acceptedCount, alerts: answer.alertsRaised });
}

export function demoPosition(vehicle: DemoVehicle, round: number, time: Date): VehiclePositionInput {
  // Back and forth along the route, 100 positions each way.
  const leg = round % 200;
  const along = leg < 100 ? leg : 200 - leg;
  return {
    plateNumber: vehicle.plateNumber,
    time,
    longitude: Number((vehicle.start[0] + vehicle.step[0] * along).toFixed(6)),
    latitude: Number((vehicle.start[1] + vehicle.step[1] * along).toFixed(6)),
    speed: vehicle.speed + (round % 5),
    heading: leg < 100 ? 100 : 280,
  };
}

/**
 * `npm start`'s stand-in for the provincial platform: every `intervalSeconds` one position per demo tanker,
 * through the service (SAFETY_DEMO_POSITIONS_SECONDS; 0, the default elsewhere, sends nothing).
 */
export function startDemoSender(
  positions: VehiclePositionService,
  intervalSeconds: number,
  logger: Logger,
): () => Promise<void> {
  let round = 20;
  let running: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(async () => {
      round += 1;
      const now = new Date();
      try {
        await positions.submit(
          SYSTEM_SCOPE,
          DEMO_FLEET.map((vehicle) => demoPosition(vehicle, round, now)),
          now,
        );
      } catch (error) {
        logger.warn('demo positions failed', { error: error instanceof Error ? error.message : String(error) });
      }
    });
  }, intervalSeconds * 1000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
