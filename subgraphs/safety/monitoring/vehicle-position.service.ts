import { In, type DataSource } from 'typeorm';
import { inScope, type RegionScope } from '../../../platform/auth/region-scope';
import { isKeyVehicle } from '../../../platform/codes/vehicle-category';
import { bulkInsert } from '../../../platform/database/bulk-insert';
import { inTransaction } from '../../../platform/database/data-source.factory';
import { invalidInput } from '../../../platform/errors/domain-error';
import type { EventPayloads } from '../../../platform/outbox/domain-event';
import type { EventOutbox } from '../../../platform/outbox/event-outbox';
import { chinaDate } from '../../../platform/time/china-time';
import { SafetyVehicle } from '../registry/safety-vehicle.entity';
import type { MonitoringSettings } from '../safety.config';
import type { VehiclePositionInput } from './inputs/submit-vehicle-positions.input';
import { advance, FRESH_STATE, type DerivedAlert, type MonitoringState } from './monitoring-rules';
import { SafetyAlert, SafetyAlertStatus } from './safety-alert.entity';
import { VehicleLatestPosition, VehicleOnlineDay, VehiclePosition } from './vehicle-position.entity';
import {
  PositionOutcome,
  PositionProblemCode,
  type PositionResult,
  type SubmitVehiclePositionsPayload,
} from './vehicle-position.payload';
import {
  checkPosition,
  MAX_POSITIONS_PER_BATCH,
  samePosition,
  type CheckedPosition,
} from './vehicle-position.validation';

type Verdict = Pick<PositionResult, 'outcome' | 'problems'>;

const ACCEPTED: Verdict = { outcome: PositionOutcome.ACCEPTED, problems: [] };
const DUPLICATE: Verdict = { outcome: PositionOutcome.DUPLICATE, problems: [] };

function rejected(index: number, field: string, code: PositionProblemCode, message: string): Verdict {
  return { outcome: PositionOutcome.REJECTED, problems: [{ field: `positions[${index}].${field}`, code, message }] };
}

function positionKey(plateNumber: string, recordedAt: Date): string {
  return `${plateNumber}\u0000${recordedAt.getTime()}`;
}

const LATEST_PROPERTIES = [
  'recordedAt',
  'longitudeE6',
  'latitudeE6',
  'speedDkmh',
  'heading',
  'alarmFlags',
  'drivingSince',
  'stoppedSince',
  'speedingSince',
  'speedingAlerted',
  'fatigueAlerted',
  'nightAlertDate',
  'offlineAlertedAt',
] as const;

function stateOf(latest: VehicleLatestPosition | undefined): MonitoringState {
  if (!latest) return FRESH_STATE;
  return {
    recordedAt: latest.recordedAt,
    drivingSince: latest.drivingSince,
    stoppedSince: latest.stoppedSince,
    speedingSince: latest.speedingSince,
    speedingAlerted: Boolean(latest.speedingAlerted),
    fatigueAlerted: Boolean(latest.fatigueAlerted),
    nightAlertDate: latest.nightAlertDate,
  };
}

/** What statistics hears of a new alert: its kind, region and time, nothing of the vehicle. */
export function raisedEvent(alert: Partial<SafetyAlert>): EventPayloads['safety-alert.raised'] {
  return { kind: alert.kind!, regionCode: alert.regionCode!, occurredAt: alert.occurredAt!.toISOString() };
}

/**
 * Key vehicles' positions from the provincial monitoring platform (重点营运车辆联网联控): each position
 * accepted, recognised as a duplicate or rejected on its own, the accepted ones run through the alert rules
 * in time order per plate. Built for a high insert rate: per batch two reads (the plates' registry rows and
 * latest positions, plus one for resubmitted old positions if any) and one transaction of one multi-row
 * statement per table.
 */
export class VehiclePositionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: MonitoringSettings,
    private readonly outbox: EventOutbox,
  ) {}

  async submit(
    scope: RegionScope,
    inputs: readonly VehiclePositionInput[],
    now = new Date(),
  ): Promise<SubmitVehiclePositionsPayload> {
    if (inputs.length === 0) throw invalidInput('positions', 'must hold at least one position');
    if (inputs.length > MAX_POSITIONS_PER_BATCH)
      throw invalidInput(
        'positions',
        `must hold at most ${MAX_POSITIONS_PER_BATCH} positions; send the rest in another batch`,
      );
    const verdicts = new Map<number, Verdict>();
    const checked: CheckedPosition[] = [];
    inputs.forEach((input, index) => {
      const outcome = checkPosition(input, index, now, this.settings);
      if ('problems' in outcome) verdicts.set(index, { outcome: PositionOutcome.REJECTED, problems: outcome.problems });
      else checked.push(outcome.position);
    });

    const plates = [...new Set(checked.map((position) => position.plateNumber))];
    const [vehicles, latest] =
      plates.length === 0
        ? [new Map<string, SafetyVehicle>(), new Map<string, VehicleLatestPosition>()]
        : await Promise.all([
            this.dataSource
              .getRepository(SafetyVehicle)
              .findBy({ plateNumber: In(plates) })
              .then((rows) => new Map(rows.map((row) => [row.plateNumber, row]))),
            this.dataSource
              .getRepository(VehicleLatestPosition)
              .findBy({ plateNumber: In(plates) })
              .then((rows) => new Map(rows.map((row) => [row.plateNumber, row]))),
          ]);

    // Per plate in time order; the batch's own order does not matter.
    const byPlate = new Map<string, CheckedPosition[]>();
    for (const position of checked) {
      const vehicle = vehicles.get(position.plateNumber);
      if (!vehicle) {
        verdicts.set(
          position.index,
          rejected(
            position.index,
            'plateNumber',
            PositionProblemCode.UNKNOWN_VEHICLE,
            'is not in the safety vehicle registry',
          ),
        );
      } else if (!inScope(scope, vehicle.regionCode)) {
        verdicts.set(
          position.index,
          rejected(
            position.index,
            'plateNumber',
            PositionProblemCode.OUTSIDE_REGION,
            `is certified in region ${vehicle.regionCode}, outside your region ${scope.region}`,
          ),
        );
      } else {
        byPlate.set(position.plateNumber, [...(byPlate.get(position.plateNumber) ?? []), position]);
      }
    }

    const fresh: CheckedPosition[] = [];
    const older: CheckedPosition[] = [];
    const repeats: Array<{ repeat: CheckedPosition; first: CheckedPosition }> = [];
    for (const [plateNumber, positions] of byPlate) {
      positions.sort(
        (left, right) => left.recordedAt.getTime() - right.recordedAt.getTime() || left.index - right.index,
      );
      const latestAt = latest.get(plateNumber)?.recordedAt.getTime() ?? Number.NEGATIVE_INFINITY;
      let previous: CheckedPosition | null = null;
      for (const position of positions) {
        if (previous && previous.recordedAt.getTime() === position.recordedAt.getTime()) {
          repeats.push({ repeat: position, first: previous });
          continue;
        }
        previous = position;
        if (position.recordedAt.getTime() <= latestAt) older.push(position);
        else fresh.push(position);
      }
    }
    for (const [index, verdict] of await this.judgeOlder(older)) verdicts.set(index, verdict);

    const alerts = await this.store(fresh, vehicles, latest, now);
    for (const position of fresh) verdicts.set(position.index, ACCEPTED);
    // Sent twice in one batch: answered like the first, or refused when the values differ.
    for (const { repeat, first } of repeats) {
      const firstVerdict = verdicts.get(first.index)!;
      if (!samePosition(first, repeat)) {
        verdicts.set(
          repeat.index,
          rejected(
            repeat.index,
            'time',
            PositionProblemCode.CONFLICTING_DUPLICATE,
            `repeats positions[${first.index}] of the plate at this time with other values`,
          ),
        );
      } else if (firstVerdict.outcome === PositionOutcome.REJECTED) {
        verdicts.set(repeat.index, {
          outcome: PositionOutcome.REJECTED,
          problems: firstVerdict.problems.map((problem) => ({
            ...problem,
            field: problem.field.replace(`positions[${first.index}]`, `positions[${repeat.index}]`),
          })),
        });
      } else verdicts.set(repeat.index, DUPLICATE);
    }

    const results = inputs.map((input, index) => ({ index, plateNumber: input.plateNumber, ...verdicts.get(index)! }));
    const count = (outcome: PositionOutcome) => results.filter((result) => result.outcome === outcome).length;
    return {
      acceptedCount: count(PositionOutcome.ACCEPTED),
      duplicateCount: count(PositionOutcome.DUPLICATE),
      rejectedCount: count(PositionOutcome.REJECTED),
      alertsRaised: alerts,
      results,
    };
  }

  /** Positions not newer than their plate's latest: a resubmission (DUPLICATE) or out of order (REJECTED). */
  private async judgeOlder(older: readonly CheckedPosition[]): Promise<Map<number, Verdict>> {
    const verdicts = new Map<number, Verdict>();
    if (older.length === 0) return verdicts;
    const stored = await this.dataSource.getRepository(VehiclePosition).findBy({
      plateNumber: In([...new Set(older.map((position) => position.plateNumber))]),
      recordedAt: In(
        [...new Set(older.map((position) => position.recordedAt.getTime()))].map((time) => new Date(time)),
      ),
    });
    const byKey = new Map(stored.map((row) => [positionKey(row.plateNumber, row.recordedAt), row]));
    for (const position of older) {
      const found = byKey.get(positionKey(position.plateNumber, position.recordedAt));
      if (!found) {
        verdicts.set(
          position.index,
          rejected(
            position.index,
            'time',
            PositionProblemCode.OUT_OF_ORDER,
            'is older than the latest position stored for the plate',
          ),
        );
      } else if (samePosition(found, position)) {
        verdicts.set(position.index, DUPLICATE);
      } else {
        verdicts.set(
          position.index,
          rejected(
            position.index,
            'time',
            PositionProblemCode.CONFLICTING_DUPLICATE,
            'a position of the plate at this time was stored with other values; a stored position is never changed',
          ),
        );
      }
    }
    return verdicts;
  }

  /** Runs the rules and writes positions, latest rows, online days and alerts in one transaction; the alert count. */
  private async store(
    fresh: readonly CheckedPosition[],
    vehicles: ReadonlyMap<string, SafetyVehicle>,
    latest: ReadonlyMap<string, VehicleLatestPosition>,
    now: Date,
  ): Promise<number> {
    if (fresh.length === 0) return 0;
    const states = new Map<string, MonitoringState>();
    const lastOf = new Map<string, CheckedPosition>();
    const alertRows: Array<Partial<SafetyAlert>> = [];
    const onlineDays = new Map<string, { day: string; plateNumber: string }>();
    const raisedAt = new Date(Math.floor(now.getTime() / 1000) * 1000);
    for (const position of fresh) {
      const vehicle = vehicles.get(position.plateNumber)!;
      const before = states.get(position.plateNumber) ?? stateOf(latest.get(position.plateNumber));
      const previousDay = before.recordedAt ? chinaDate(before.recordedAt) : null;
      const day = chinaDate(position.recordedAt);
      if (day !== previousDay)
        onlineDays.set(`${day}\u0000${position.plateNumber}`, { day, plateNumber: position.plateNumber });
      const { state, alerts } = advance(
        before,
        { recordedAt: position.recordedAt, speedKmh: position.speedDkmh / 10 },
        position.plateNumber,
        vehicle.category,
        this.settings,
      );
      states.set(position.plateNumber, state);
      lastOf.set(position.plateNumber, position);
      // Only the key vehicles ("两客一危") are watched; an ordinary truck's positions are kept, not judged.
      if (isKeyVehicle(vehicle.category))
        alertRows.push(...alerts.map((alert) => this.alertRow(alert, position, vehicle, raisedAt)));
    }
    const latestRows = [...lastOf.values()].map((position) => {
      const state = states.get(position.plateNumber)!;
      return {
        plateNumber: position.plateNumber,
        recordedAt: position.recordedAt,
        longitudeE6: position.longitudeE6,
        latitudeE6: position.latitudeE6,
        speedDkmh: position.speedDkmh,
        heading: position.heading,
        alarmFlags: position.alarmFlags,
        drivingSince: state.drivingSince,
        stoppedSince: state.stoppedSince,
        speedingSince: state.speedingSince,
        speedingAlerted: state.speedingAlerted,
        fatigueAlerted: state.fatigueAlerted,
        nightAlertDate: state.nightAlertDate,
        offlineAlertedAt: null,
      };
    });
    await inTransaction(this.dataSource, async (manager) => {
      await bulkInsert(
        manager,
        VehiclePosition,
        fresh.map((position) => ({
          plateNumber: position.plateNumber,
          recordedAt: position.recordedAt,
          longitudeE6: position.longitudeE6,
          latitudeE6: position.latitudeE6,
          speedDkmh: position.speedDkmh,
          heading: position.heading,
          alarmFlags: position.alarmFlags,
        })),
        { ignoreDuplicates: true },
      );
      await bulkInsert(manager, VehicleLatestPosition, latestRows, { updateOnDuplicate: LATEST_PROPERTIES });
      await bulkInsert(manager, VehicleOnlineDay, [...onlineDays.values()], { ignoreDuplicates: true });
      await bulkInsert(manager, SafetyAlert, alertRows);
      await this.outbox.publishMany(manager, 'safety-alert.raised', alertRows.map(raisedEvent));
    });
    return alertRows.length;
  }

  private alertRow(
    alert: DerivedAlert,
    position: CheckedPosition,
    vehicle: SafetyVehicle,
    raisedAt: Date,
  ): Partial<SafetyAlert> {
    return {
      kind: alert.kind,
      plateNumber: position.plateNumber,
      ownerCreditCode: vehicle.ownerCreditCode,
      regionCode: vehicle.regionCode,
      occurredAt: alert.occurredAt,
      longitude: position.longitudeE6 / 1_000_000,
      latitude: position.latitudeE6 / 1_000_000,
      descriptionZh: alert.descriptionZh,
      descriptionEn: alert.descriptionEn,
      status: SafetyAlertStatus.OPEN,
      raisedAt,
      version: 1,
    };
  }
}
