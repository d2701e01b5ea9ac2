import type { DataSource } from 'typeorm';
import { describeError, type Logger } from '../../../platform/observability/logger';
import type { EventOutbox } from '../../../platform/outbox/event-outbox';
import { wholeSeconds } from '../../../platform/time/whole-seconds';
import { SafetyVehicle } from '../registry/safety-vehicle.entity';
import type { MonitoringSettings } from '../safety.config';
import { Waybill, WaybillStatus } from '../waybill/waybill.entity';
import { SafetyAlert, SafetyAlertKind, SafetyAlertStatus } from './safety-alert.entity';
import { VehicleLatestPosition, VehicleOnlineDay, VehiclePosition } from './vehicle-position.entity';
import { raisedEvent } from './vehicle-position.service';
import { settleMonitoringDays } from './monitoring-day-settlement';

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3600_000;

/**
 * Vehicles carrying hazardous goods (an IN_TRANSIT waybill) whose terminal has been silent for the offline
 * period get one OFFLINE alert per silence (车辆离线); the next position clears the mark. Returns how many.
 */
export async function raiseOfflineAlerts(
  dataSource: DataSource,
  outbox: EventOutbox,
  settings: MonitoringSettings,
  now = new Date(),
): Promise<number> {
  const silentSince = new Date(now.getTime() - settings.offlineMinutes * 60_000);
  const silent = await dataSource
    .getRepository(VehicleLatestPosition)
    .createQueryBuilder('latest')
    .innerJoinAndMapOne('latest.vehicle', SafetyVehicle, 'vehicle', 'vehicle.plateNumber = latest.plateNumber')
    .where('latest.recordedAt < :silentSince', { silentSince })
    .andWhere('latest.offlineAlertedAt IS NULL')
    .andWhere(
      `latest.plateNumber IN (${dataSource
        .getRepository(Waybill)
        .createQueryBuilder('waybill')
        .select('waybill.plateNumber')
        .where('waybill.status = :inTransit')
        .getQuery()})`,
      { inTransit: WaybillStatus.IN_TRANSIT },
    )
    .limit(1000)
    .getMany();
  if (silent.length === 0) return 0;
  const raisedAt = wholeSeconds(now);
  await dataSource.transaction(async (manager) => {
    const alerts = silent.map((latest) => {
      const vehicle = (latest as VehicleLatestPosition & { vehicle: SafetyVehicle }).vehicle;
      const silentMinutes = Math.round((now.getTime() - latest.recordedAt.getTime()) / 60_000);
      const lastSeen = new Date(latest.recordedAt.getTime() + CHINA_OFFSET_MS)
        .toISOString()
        .slice(0, 16)
        .replace('T', ' ');
      return {
        kind: SafetyAlertKind.OFFLINE,
        plateNumber: latest.plateNumber,
        ownerCreditCode: vehicle.ownerCreditCode,
        regionCode: vehicle.regionCode,
        occurredAt: latest.recordedAt,
        longitude: latest.longitudeE6 / 1_000_000,
        latitude: latest.latitudeE6 / 1_000_000,
        descriptionZh: `车辆离线：危险货物运输车辆 ${latest.plateNumber} 运单在途，自 ${lastSeen}（北京时间）起 ${silentMinutes} 分钟未上报定位。`,
        descriptionEn: `Offline: ${latest.plateNumber} has a waybill in transit and has sent no position for ${silentMinutes} minutes, since ${lastSeen} China time.`,
        status: SafetyAlertStatus.OPEN,
        raisedAt,
      };
    });
    await manager.createQueryBuilder().insert().into(SafetyAlert).values(alerts).updateEntity(false).execute();
    await outbox.publishMany(manager, 'safety-alert.raised', alerts.map(raisedEvent));
    await manager
      .createQueryBuilder()
      .update(VehicleLatestPosition)
      .set({ offlineAlertedAt: raisedAt })
      .where('plate_number IN (:...plates)', { plates: silent.map((latest) => latest.plateNumber) })
      .andWhere('offline_alerted_at IS NULL')
      .execute();
  });
  return silent.length;
}

function partitionName(dayStart: number): string {
  return `p${new Date(dayStart).toISOString().slice(0, 10).replace(/-/g, '')}`;
}

/**
 * Keeps positions for the retention period. On MySQL the table is partitioned by day (UTC days, by
 * TO_DAYS): the job adds the next days' partitions ahead of time (splitting the catch-all) and drops whole
 * days past the retention, which costs no row deletes. On the embedded database it deletes old rows.
 */
export async function applyPositionRetention(
  dataSource: DataSource,
  settings: MonitoringSettings,
  now = new Date(),
): Promise<void> {
  const cutoff = new Date(now.getTime() - settings.retentionDays * DAY_MS);
  await dataSource
    .getRepository(VehicleOnlineDay)
    .createQueryBuilder()
    .delete()
    .where('day < :day', {
      day: new Date(cutoff.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10),
    })
    .execute();
  if (dataSource.options.type !== 'mysql') {
    await dataSource
      .getRepository(VehiclePosition)
      .createQueryBuilder()
      .delete()
      .where('recorded_at < :cutoff', { cutoff })
      .execute();
    return;
  }
  const table = dataSource.getMetadata(VehiclePosition).tableName;
  const partitions = await dataSource.query<Array<{ name: string; bound: string }>>(
    `SELECT PARTITION_NAME AS name, PARTITION_DESCRIPTION AS bound FROM information_schema.PARTITIONS
     WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND PARTITION_NAME IS NOT NULL`,
    [table],
  );
  const names = new Set(partitions.map((partition) => partition.name));
  if (!names.has('pmax')) return; // not partitioned (an older install): nothing to manage
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  // Three days ahead, so a clock skew or a late job never writes into the catch-all.
  const wanted = [0, 1, 2, 3].map((ahead) => today + ahead * DAY_MS).filter((day) => !names.has(partitionName(day)));
  if (wanted.length > 0) {
    const definitions = wanted
      .map(
        (day) =>
          `PARTITION ${partitionName(day)} VALUES LESS THAN (TO_DAYS('${new Date(day + DAY_MS).toISOString().slice(0, 10)}'))`,
      )
      .join(', ');
    await dataSource.query(
      `ALTER TABLE \`${table}\` REORGANIZE PARTITION pmax INTO (${definitions}, PARTITION pmax VALUES LESS THAN MAXVALUE)`,
    );
  }
  const cutoffName = partitionName(Math.floor(cutoff.getTime() / DAY_MS) * DAY_MS);
  const expired = partitions.map((partition) => partition.name).filter((name) => name !== 'pmax' && name < cutoffName);
  if (expired.length > 0) await dataSource.query(`ALTER TABLE \`${table}\` DROP PARTITION ${expired.join(', ')}`);
}

/** Runs the offline check every `offlineCheckSeconds` and the retention hourly; returns their stop. */
export function startMonitoringJobs(
  dataSource: DataSource,
  outbox: EventOutbox,
  settings: MonitoringSettings,
  logger: Logger,
): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  let lastRetention = 0;
  const run = () => {
    running = running.then(async () => {
      try {
        const raised = await raiseOfflineAlerts(dataSource, outbox, settings);
        if (raised > 0) logger.info('offline alerts raised', { raised });
        const settled = await settleMonitoringDays(dataSource, outbox);
        if (settled > 0) logger.info('monitoring days settled', { settled });
        if (Date.now() - lastRetention > 3600_000) {
          await applyPositionRetention(dataSource, settings);
          lastRetention = Date.now();
        }
      } catch (error) {
        logger.warn('monitoring job failed', { error: describeError(error) });
      }
    });
  };
  run();
  const timer = setInterval(run, settings.offlineCheckSeconds * 1000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
