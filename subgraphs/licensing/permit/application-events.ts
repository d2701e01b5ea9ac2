import type { EntityManager } from 'typeorm';
import type { EventOutbox } from '../../../platform/outbox/event-outbox';
import { chinaDate } from '../../../platform/time/china-time';
import type { WorkingCalendar } from '../../../platform/time/working-calendar';
import { ApplicationStatus } from './application-status';
import type { PermitApplication } from './permit-application.entity';

/** The statuses that end an application with a decision, and the outcome each is published as. */
const OUTCOME: Partial<Record<ApplicationStatus, 'APPROVED' | 'REFUSED'>> = {
  [ApplicationStatus.APPROVED]: 'APPROVED',
  [ApplicationStatus.REJECTED]: 'REFUSED',
};

/** Working days from `from` to `to` on the calendar the deadlines use: 0 when decided the day it started. */
export function decisionWorkingDays(calendar: WorkingCalendar, from: Date, to: Date): number {
  return Math.max(0, calendar.workingDaysBetween(chinaDate(from), chinaDate(to)));
}

/**
 * The events an application raises for statistics, written to the outbox in the transaction of the move:
 * received on submission, decided when a move ends it approved or refused. Codes and facts only.
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
      overdue: moved.decisionDueDate !== null && chinaDate(decidedAt) > moved.decisionDueDate,
    });
  }
}
