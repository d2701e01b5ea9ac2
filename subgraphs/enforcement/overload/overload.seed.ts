import { SYSTEM_SCOPE } from '../../../platform/auth/region-scope';
import type { SubgraphDependencies } from '../../../platform/subgraph-server';
import type { EnforcementServices } from '../enforcement.context';
import type { OverloadRecordInput } from './inputs/submit-overload-records.input';
import { OverloadRecord } from './overload-record.entity';
import { wholeSeconds } from '../../../platform/time/whole-seconds';

/** The demo weigh station: 江宁区 (320115), Nanjing, serial 0001, run by the `weigh-station-js-0001` client. */
export const DEMO_STATION_CODE = '3201150001';
export const DEMO_STATION_CLIENT = 'weigh-station-js-0001';

/**
 * A morning at the demo station, relative to the seeding time: 苏E88888 twice overloaded (one draft case),
 * 苏A9L628 within its limit, 浙A23456 above its limit but within the tolerance.
 */
export function demoOverloadRecords(now: Date): OverloadRecordInput[] {
  const hoursAgo = (hours: number) => new Date(wholeSeconds(now).getTime() - hours * 3600_000);
  return [
    {
      stationCode: DEMO_STATION_CODE,
      stationRecordId: 'JN0001-DEMO-0001',
      detectedAt: hoursAgo(5),
      plateNumber: '苏E88888',
      axleCount: 6,
      grossWeightKg: 55_200,
      limitKg: 49_000,
    },
    {
      stationCode: DEMO_STATION_CODE,
      stationRecordId: 'JN0001-DEMO-0002',
      detectedAt: hoursAgo(4),
      plateNumber: '苏A9L628',
      axleCount: 5,
      grossWeightKg: 41_000,
    },
    {
      stationCode: DEMO_STATION_CODE,
      stationRecordId: 'JN0001-DEMO-0003',
      detectedAt: hoursAgo(3),
      plateNumber: '浙A23456',
      axleCount: 2,
      grossWeightKg: 18_600,
    },
    {
      stationCode: DEMO_STATION_CODE,
      stationRecordId: 'JN0001-DEMO-0004',
      detectedAt: hoursAgo(1),
      plateNumber: '苏E88888',
      axleCount: 6,
      grossWeightKg: 53_800,
      limitKg: 49_000,
    },
  ];
}

/** Seeds the demo station's records once, through the service, so the overloads open their draft case and its event. */
export async function seedOverloadRecords(
  services: EnforcementServices,
  { dataSource, logger }: Pick<SubgraphDependencies, 'dataSource' | 'logger'>,
): Promise<void> {
  if ((await dataSource.getRepository(OverloadRecord).count()) > 0) return;
  const seeded = await services.overload.submit(
    SYSTEM_SCOPE,
    { clientId: DEMO_STATION_CLIENT, actor: 'demo-seed' },
    demoOverloadRecords(new Date()),
  );
  logger.info('demo overload records seeded', { accepted: seeded.acceptedCount });
}
