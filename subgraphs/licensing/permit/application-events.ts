import type { EntityManager } from 'typeorm';
import type { EventOutbox } from '../../../platform/outbox/event-outbox';
import { chinaDate } from '../../../platform/time/china-time';
import type { WorkingCalendar } from '../../../platform/time/working-calendar';
import { ApplicationStatus, DEADLINE_RUNNING } from './application-status';
import { PermitApplication } from './permit-application.entity';

/** The statuses that end an application with a decision, and the outcome each is published as. */
const OUTCOME: Partial<Record<ApplicationStatus, 'APPROVED' | 'REFUSED'>> = {
  [ApplicationStatus.APPROVED]: 'APPROVED',
  [ApplicationStatus.REJECTED]: 'REFUSED',
};

/** Working days from `from` to `to` on the calendar the deadlines use: 0 when decided the day it started. */
export function decisionWorkingDays(calendar: WorkingCalendar, from: Date, to: Date): number {
  return Math.max(0, calendar.workingDaysBetween(chinaDate(from), chinaDate(to)));
}

/** 00:00 China time of the day after `dueDate` (YYYY-MM-DD): when an undecided application became overdue. */
export function overdueFrom(dueDate: string): Date {
  const nextDay = new Date(Date.parse(`${dueDate}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return new Date(`${nextDay}T00:00:00+08:00`);
}

/**
 * The events an application raises for statistics, written to the outbox in the transaction of the change:
 * received on submission, decided when a move ends it approved or refused, overdue once when its
 * deadline passed undecided. Codes and facts only.
 */
export class ApplicationEvents {
  constructor(
    private readonly outbox: EventOutbox,
    private readonly calendar: WorkingCalendar,
  ) {}

  async received(manager: EntityManager, application: PermitApplication): Promise<void> {
    await this.outbox.publish(manager, 'permit-application.received', {
      applicationNumber: application.applicationNumber,
      kind: application.kind,
      regionCode: application.regionCode,
      receivedAt: application.submittedAt.toISOString(),
    });
  }

  /** After a move from `fromStatus`: publishes the decision when the move decided the application. */
  async afterMove(manager: EntityManager, fromStatus: ApplicationStatus, moved: PermitApplication): Promise<void> {
    const outcome = OUTCOME[moved.status];
    if (outcome === undefined || OUTCOME[fromStatus] !== undefined || moved.decidedAt === null) return;
    const decidedAt = moved.decidedAt;
    const started = moved.acceptedAt ?? moved.submittedAt;
    const overdue = moved.decisionDueDate !== null && chinaDate(decidedAt) > moved.decisionDueDate;
    await this.outbox.publish(manager, 'permit-application.decided', {
      applicationNumber: moved.applicationNumber,
      kind: moved.kind,
      regionCode: moved.regionCode,
      outcome,
      receivedAt: moved.submittedAt.toISOString(),
      acceptedAt: moved.acceptedAt?.toISOString() ?? null,
      decidedAt: decidedAt.toISOString(),
      decisionDueDate: moved.decisionDueDate,
      workingDays: decisionWorkingDays(this.calendar, started, decidedAt),
      overdue,
    });
    // Decided late before the sweep saw it: it went overdue all the same.
    if (overdue) await this.overdue(manager, moved, decidedAt, { stillUndecided: false });
  }

  /**
   * Publishes that the application's deadline passed, unless that was published before: the guarded
   * UPDATE lets one of the sweep and a late decision do it, once.
   */
  async overdue(
    manager: EntityManager,
    application: PermitApplication,
    now: Date,
    options: { stillUndecided: boolean },
  ): Promise<boolean> {
    if (application.decisionDueDate === null) return false;
    // Without a new version: an officer's view of the application stays current.
    const query = manager
      .createQueryBuilder()
      .update(PermitApplication)
      .set({ overdueAnnouncedAt: now, version: () => 'version' })
      .where('id = :id AND overdue_announced_at IS NULL', { id: application.id });
    // The sweep's pick may have been decided in time since: then it is not announced.
    if (options.stillUndecided) query.andWhere('status IN (:...running)', { running: [...DEADLINE_RUNNING] });
    const marked = await query.execute();
    if (marked.affected !== 1) return false;
    await this.outbox.publish(manager, 'permit-application.overdue', {
      applicationNumber: application.applicationNumber,
      kind: application.kind,
      regionCode: application.regionCode,
      decisionDueDate: application.decisionDueDate,
      overdueAt: overdueFrom(application.decisionDueDate).toISOString(),
    });
    return true;
  }
}
