import DataLoader from 'dataloader';
import { In, MoreThanOrEqual, type DataSource, type EntityManager } from 'typeorm';
import { narrowedPrefix, withinPrefix, type RegionScope } from '../../../platform/auth/region-scope';
import { assertRegionCode, assertText } from '../../../platform/codes/assert-input';
import { inTransaction } from '../../../platform/database/data-source.factory';
import { invalidInput, notFound } from '../../../platform/errors/domain-error';
import { toConnection, type Connection, type PageRequest } from '../../../platform/graphql/connection';
import type { EventOutbox } from '../../../platform/outbox/event-outbox';
import { wholeSeconds } from '../../../platform/time/whole-seconds';
import { conflict } from '../safety.errors';
import type {
  AcknowledgeSafetyAlertInput,
  CloseSafetyAlertInput,
  EscalateSafetyAlertInput,
} from './inputs/safety-alert-action.inputs';
import { SAFETY_ALERT_TRANSITIONS, SafetyAlert, SafetyAlertStatus } from './safety-alert.entity';

export interface SafetyAlertFilter {
  regionCode: string | null;
  status: SafetyAlertStatus | null;
}

const OPEN_STATUSES = [SafetyAlertStatus.OPEN, SafetyAlertStatus.ACKNOWLEDGED];
const DAY_MS = 86_400_000;

/**
 * The safety officers' work queue of monitoring alerts. An alert belongs to the region that certified the
 * vehicle: its officers (and their province's, and national scope) see and handle it; nobody else sees it.
 */
export class SafetyAlertService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
  ) {}

  /** Alerts in the caller's scope, newest first, by region and status. */
  async list(scope: RegionScope, filter: SafetyAlertFilter, page: PageRequest): Promise<Connection<SafetyAlert>> {
    if (filter.regionCode !== null) assertRegionCode('regionCode', filter.regionCode);
    const prefix = narrowedPrefix(scope, filter.regionCode);
    if (prefix === null) return toConnection([], 0, page);
    const where = {
      ...withinPrefix('regionCode', prefix),
      ...(filter.status ? { status: filter.status } : {}),
    };
    const repository = this.dataSource.getRepository(SafetyAlert);
    const [rows, totalCount] = await Promise.all([
      repository
        .createQueryBuilder('alert')
        .where(where)
        .andWhere(page.afterId === null ? '1 = 1' : 'alert.id < :afterId', { afterId: page.afterId })
        .orderBy('alert.id', 'DESC')
        .limit(page.limit + 1)
        .getMany(),
      repository.countBy(where),
    ]);
    return toConnection(rows, totalCount, page);
  }

  async acknowledge(scope: RegionScope, input: AcknowledgeSafetyAlertInput, actor: string): Promise<SafetyAlert> {
    return inTransaction(this.dataSource, (manager) =>
      this.transition(manager, scope, input, SafetyAlertStatus.ACKNOWLEDGED, {
        acknowledgedBy: actor,
        acknowledgedAt: wholeSeconds(),
      }),
    );
  }

  async close(scope: RegionScope, input: CloseSafetyAlertInput, actor: string): Promise<SafetyAlert> {
    assertText('disposition', input.disposition, 1000);
    return inTransaction(this.dataSource, (manager) =>
      this.transition(manager, scope, input, SafetyAlertStatus.CLOSED, {
        handledBy: actor,
        handledAt: wholeSeconds(),
        disposition: input.disposition,
      }),
    );
  }

  /** Hands the alert to enforcement: `safety-alert.escalated`, committed with the status change. */
  async escalate(scope: RegionScope, input: EscalateSafetyAlertInput, actor: string): Promise<SafetyAlert> {
    assertText('reason', input.reason, 1000);
    return inTransaction(this.dataSource, async (manager) => {
      const escalatedAt = wholeSeconds();
      const alert = await this.transition(manager, scope, input, SafetyAlertStatus.ESCALATED, {
        handledBy: actor,
        handledAt: escalatedAt,
        disposition: input.reason,
      });
      await this.outbox.publish(manager, 'safety-alert.escalated', {
        alertId: alert.id,
        kind: alert.kind,
        plateNumber: alert.plateNumber,
        ownerCreditCode: alert.ownerCreditCode,
        regionCode: alert.regionCode,
        occurredAt: alert.occurredAt.toISOString(),
        description: alert.descriptionZh,
        escalatedBy: actor,
        escalatedAt: escalatedAt.toISOString(),
      });
      return alert;
    });
  }

  /** Open and acknowledged alerts of many vehicles, in one statement; only those in the caller's scope. */
  createOpenAlertsLoader(scope: RegionScope): DataLoader<string, SafetyAlert[]> {
    return new DataLoader(async (plates) => {
      const rows = await this.dataSource.getRepository(SafetyAlert).find({
        where: {
          plateNumber: In([...plates]),
          status: In(OPEN_STATUSES),
          ...withinPrefix('regionCode', scope.prefix),
        },
        order: { id: 'DESC' },
      });
      return plates.map((plate) => rows.filter((row) => row.plateNumber === plate));
    });
  }

  /** Alerts of many enterprises' vehicles raised in the last 30 days, counted in one statement. */
  createLast30DaysCountLoader(scope: RegionScope, now = new Date()): DataLoader<string, number> {
    return new DataLoader(async (creditCodes) => {
      const query = this.dataSource
        .getRepository(SafetyAlert)
        .createQueryBuilder('alert')
        .select('alert.ownerCreditCode', 'creditCode')
        .addSelect('COUNT(*)', 'alerts')
        .where({
          ownerCreditCode: In([...creditCodes]),
          occurredAt: MoreThanOrEqual(new Date(now.getTime() - 30 * DAY_MS)),
          ...withinPrefix('regionCode', scope.prefix),
        })
        .groupBy('alert.ownerCreditCode');
      const counts = new Map(
        (await query.getRawMany<{ creditCode: string; alerts: string | number }>()).map((row) => [
          row.creditCode,
          Number(row.alerts),
        ]),
      );
      return creditCodes.map((creditCode) => counts.get(creditCode) ?? 0);
    });
  }

  private async transition(
    manager: EntityManager,
    scope: RegionScope,
    input: AcknowledgeSafetyAlertInput,
    target: SafetyAlertStatus,
    changes: Partial<SafetyAlert>,
  ): Promise<SafetyAlert> {
    const current = await this.load(manager, scope, input.alertId);
    if (input.expectedVersion !== undefined && input.expectedVersion !== null) {
      if (!Number.isInteger(input.expectedVersion) || input.expectedVersion < 1)
        throw invalidInput('expectedVersion', 'must be a positive integer');
      if (input.expectedVersion !== current.version)
        throw conflict(
          'STALE_VERSION',
          `Alert ${current.id} has changed since version ${input.expectedVersion}; reload it`,
        );
    }
    if (!SAFETY_ALERT_TRANSITIONS[current.status].includes(target))
      throw conflict('ILLEGAL_TRANSITION', `Alert ${current.id} is ${current.status} and cannot become ${target}`);
    const result = await manager
      .createQueryBuilder()
      .update(SafetyAlert)
      .set({ ...changes, status: target, version: () => 'version + 1' })
      .where('id = :id AND version = :version AND status = :status', {
        id: current.id,
        version: current.version,
        status: current.status,
      })
      .execute();
    if (result.affected !== 1)
      throw conflict('STALE_VERSION', `Alert ${current.id} was changed by someone else; reload it`);
    return this.load(manager, scope, input.alertId);
  }

  /** An alert in the caller's scope; any other does not exist for them. */
  private async load(manager: EntityManager, scope: RegionScope, alertId: number): Promise<SafetyAlert> {
    if (!Number.isSafeInteger(alertId) || alertId < 1) throw invalidInput('alertId', 'must be a positive integer');
    const alert = await manager.findOneBy(SafetyAlert, { id: alertId, ...withinPrefix('regionCode', scope.prefix) });
    if (!alert) throw notFound('Safety alert', String(alertId));
    return alert;
  }
}
