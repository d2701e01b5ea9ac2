import DataLoader from 'dataloader';
import { In, type DataSource, type SelectQueryBuilder } from 'typeorm';
import { narrowedPrefix, type RegionScope } from '../../../platform/auth/region-scope';
import { assertRegionCode } from '../../../platform/codes/assert-input';
import { VehicleCategory } from '../../../platform/codes/vehicle-category';
import { invalidInput } from '../../../platform/errors/domain-error';
import { SafetyVehicle } from '../registry/safety-vehicle.entity';
import { VehicleLatestPosition, VehicleOnlineDay, VehiclePosition } from './vehicle-position.entity';
import { positionView, type OnlineRate, type VehiclePositionView } from './vehicle-position.view';

const KEY_CATEGORIES = [
  VehicleCategory.SCHEDULED_COACH,
  VehicleCategory.CHARTER_COACH,
  VehicleCategory.HAZARDOUS_GOODS,
];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function rate(day: string, keyVehicles: number, onlineVehicles: number): OnlineRate {
  return { day, keyVehicles, onlineVehicles, rate: keyVehicles === 0 ? null : onlineVehicles / keyVehicles };
}

export function assertDay(field: string, day: string): void {
  if (!DAY.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`)))
    throw invalidInput(field, 'must be a date YYYY-MM-DD');
}

/** Reads of the monitoring data for officers: latest positions and online rates, batched per request. */
export class MonitoringReadService {
  constructor(private readonly dataSource: DataSource) {}

  /** Latest positions of many plates in one statement; null for a vehicle outside the caller's scope. */
  createLatestPositionLoader(scope: RegionScope): DataLoader<string, VehiclePositionView | null> {
    return new DataLoader(async (plates) => {
      const query = this.dataSource
        .getRepository(VehicleLatestPosition)
        .createQueryBuilder('latest')
        .innerJoin(SafetyVehicle, 'vehicle', 'vehicle.plateNumber = latest.plateNumber')
        .where({ plateNumber: In([...plates]) });
      this.inScope(query, scope.prefix);
      const byPlate = new Map((await query.getMany()).map((row) => [row.plateNumber, positionView(row)]));
      return plates.map((plate) => byPlate.get(plate) ?? null);
    });
  }

  /**
   * The positions a vehicle reported in the `minutes` before an instant (an accident's), newest first, at
   * most `limit` each, for many vehicles and instants in one statement: a UNION of keyed range reads on the
   * position table's (plate, time) key. Empty for a vehicle outside the caller's scope.
   */
  createTrackBeforeLoader(
    scope: RegionScope,
    minutes: number,
    limit: number,
  ): DataLoader<{ plateNumber: string; before: Date }, VehiclePositionView[], string> {
    return new DataLoader(
      async (keys) => {
        const driver = this.dataSource.driver;
        const escape = (name: string) => driver.escape(name);
        const metadata = this.dataSource.getMetadata(VehiclePosition);
        const positions = escape(metadata.tablePath);
        // Times bound and read as TypeORM would, so both dialects compare and parse them alike.
        const time = metadata.findColumnWithPropertyName('recordedAt')!;
        const vehicles = escape(this.dataSource.getMetadata(SafetyVehicle).tablePath);
        const parameters: unknown[] = [];
        const parts = keys.map((key, index) => {
          parameters.push(
            key.plateNumber,
            driver.preparePersistentValue(new Date(key.before.getTime() - minutes * 60_000), time),
            driver.preparePersistentValue(key.before, time),
            `${scope.prefix}%`,
          );
          return `SELECT * FROM (SELECT ${index} AS key_index, position.* FROM ${positions} position
            WHERE position.plate_number = ? AND position.recorded_at >= ? AND position.recorded_at <= ?
              AND EXISTS (SELECT 1 FROM ${vehicles} vehicle WHERE vehicle.plate_number = position.plate_number
                AND vehicle.region_code LIKE ?)
            ORDER BY position.recorded_at DESC LIMIT ${Number(limit)}) part${index}`;
        });
        const rows = await this.dataSource.query<Array<Record<string, unknown>>>(parts.join(' UNION ALL '), parameters);
        const tracks = keys.map((): VehiclePositionView[] => []);
        for (const row of rows) {
          tracks[Number(row.key_index)].push(
            positionView({
              recordedAt: driver.prepareHydratedValue(row.recorded_at, time) as Date,
              longitudeE6: Number(row.longitude_e6),
              latitudeE6: Number(row.latitude_e6),
              speedDkmh: Number(row.speed_dkmh),
              heading: Number(row.heading),
              alarmFlags: Number(row.alarm_flags),
            } as VehicleLatestPosition),
          );
        }
        return tracks.map((track) => track.sort((a, b) => b.time.getTime() - a.time.getTime()));
      },
      { cacheKeyFn: (key) => `${key.plateNumber}|${key.before.toISOString()}` },
    );
  }

  /** Online rates of many enterprises for one day, in one statement; their key vehicles within scope only. */
  createEnterpriseOnlineRateLoader(scope: RegionScope, day: string): DataLoader<string, OnlineRate> {
    return new DataLoader(async (creditCodes) => {
      const query = this.keyVehiclesOnline(day)
        .addSelect('vehicle.ownerCreditCode', 'creditCode')
        .andWhere('vehicle.ownerCreditCode IN (:...creditCodes)', { creditCodes: [...creditCodes] })
        .groupBy('vehicle.ownerCreditCode');
      this.inScope(query, scope.prefix);
      const rows = await query.getRawMany<{ creditCode: string; keyVehicles: string; onlineVehicles: string }>();
      const byCode = new Map(rows.map((row) => [row.creditCode, row]));
      return creditCodes.map((creditCode) => {
        const row = byCode.get(creditCode);
        return rate(day, Number(row?.keyVehicles ?? 0), Number(row?.onlineVehicles ?? 0));
      });
    });
  }

  /** The online rate of a region (vehicles by their certifying region) on a day. */
  async regionOnlineRate(scope: RegionScope, regionCode: string | null, day: string): Promise<OnlineRate> {
    assertDay('day', day);
    if (regionCode !== null) assertRegionCode('regionCode', regionCode);
    const prefix = narrowedPrefix(scope, regionCode);
    if (prefix === null) return rate(day, 0, 0);
    const query = this.keyVehiclesOnline(day);
    this.inScope(query, prefix);
    const row = await query.getRawOne<{ keyVehicles: string; onlineVehicles: string }>();
    return rate(day, Number(row?.keyVehicles ?? 0), Number(row?.onlineVehicles ?? 0));
  }

  private keyVehiclesOnline(day: string): SelectQueryBuilder<SafetyVehicle> {
    return this.dataSource
      .getRepository(SafetyVehicle)
      .createQueryBuilder('vehicle')
      .leftJoin(VehicleOnlineDay, 'online', 'online.plateNumber = vehicle.plateNumber AND online.day = :day', { day })
      .select('COUNT(*)', 'keyVehicles')
      .addSelect('COUNT(online.plateNumber)', 'onlineVehicles')
      .where('vehicle.category IN (:...keyCategories)', { keyCategories: KEY_CATEGORIES });
  }

  private inScope<TEntity extends object>(query: SelectQueryBuilder<TEntity>, prefix: string): void {
    if (prefix !== '') query.andWhere('vehicle.regionCode LIKE :vehiclePrefix', { vehiclePrefix: `${prefix}%` });
  }
}
