import { In, type DataSource } from 'typeorm';
import { VehicleCategory } from '../../../platform/codes/vehicle-category';
import type { EventOutbox } from '../../../platform/outbox/event-outbox';
import { chinaDate } from '../../../platform/time/china-time';
import { wholeSeconds } from '../../../platform/time/whole-seconds';
import { SafetyVehicle } from '../registry/safety-vehicle.entity';
import { MonitoringDaySettlement } from './monitoring-day-settlement.entity';
import { VehicleOnlineDay } from './vehicle-position.entity';

const DAY_MS = 86_400_000;
const KEY_CATEGORIES = [
  VehicleCategory.SCHEDULED_COACH,
  VehicleCategory.CHARTER_COACH,
  VehicleCategory.HAZARDOUS_GOODS,
];

/** How many closed days back a region is still settled when its first key vehicles appear for them. */
export const SETTLED_DAYS_BACK = 7;

/**
 * Settles the closed China days since the last settled one (at most SETTLED_DAYS_BACK days back): for each
 * certifying region with key vehicles (两客一危) not yet settled for a day, how many key vehicles the
 * registry holds and how many of them sent a position that day, published to statistics as
 * `monitoring.day-closed` in the transaction that records the settlement. Returns how many were settled.
 * The registry is read as it stands, not as it stood that day: a day is settled within a minute of its end.
 */
export async function settleMonitoringDays(
  dataSource: DataSource,
  outbox: EventOutbox,
  now = new Date(),
): Promise<number> {
  let settled = 0;
  // From the last day settled (a gap while safety was down is filled), on a first run from yesterday only.
  const last = await dataSource
    .getRepository(MonitoringDaySettlement)
    .createQueryBuilder('settlement')
    .select('MAX(settlement.day)', 'day')
    .getRawOne<{ day: string | null }>();
  for (let back = SETTLED_DAYS_BACK; back >= 1; back -= 1) {
    const day = chinaDate(new Date(now.getTime() - back * DAY_MS));
    if (back > 1 && (!last?.day || day < last.day)) continue;
    const counts = await dataSource
      .getRepository(SafetyVehicle)
      .createQueryBuilder('vehicle')
      .leftJoin(VehicleOnlineDay, 'online', 'online.plateNumber = vehicle.plateNumber AND online.day = :day', { day })
      .select('vehicle.regionCode', 'regionCode')
      .addSelect('COUNT(*)', 'monitoredVehicles')
      .addSelect('COUNT(online.plateNumber)', 'onlineVehicles')
      .where({ category: In(KEY_CATEGORIES) })
      .groupBy('vehicle.regionCode')
      .getRawMany<{ regionCode: string; monitoredVehicles: string | number; onlineVehicles: string | number }>();
    if (counts.length === 0) continue;
    const done = new Set(
      (
        await dataSource.getRepository(MonitoringDaySettlement).find({ select: { regionCode: true }, where: { day } })
      ).map((row) => row.regionCode),
    );
    const fresh = counts
      .filter((row) => !done.has(row.regionCode))
      .map((row) => ({
        day,
        regionCode: row.regionCode,
        monitoredVehicles: Number(row.monitoredVehicles),
        onlineVehicles: Number(row.onlineVehicles),
      }));
    if (fresh.length === 0) continue;
    const settledAt = wholeSeconds(now);
    // Of two safety processes settling at once, the primary key lets one in; the other's transaction fails whole.
    await dataSource.transaction(async (manager) => {
      await manager
        .createQueryBuilder()
        .insert()
        .into(MonitoringDaySettlement)
        .values(fresh.map((row) => ({ ...row, settledAt })))
        .updateEntity(false)
        .execute();
      await outbox.publishMany(manager, 'monitoring.day-closed', fresh);
    });
    settled += fresh.length;
  }
  return settled;
}
