import type { DataSource } from 'typeorm';
import type { RegionScope } from '../../../platform/auth/region-scope';
import { assertText } from '../../../platform/codes/assert-input';
import { inTransaction } from '../../../platform/database/data-source.factory';
import { invalidInput } from '../../../platform/errors/domain-error';
import { conflict } from '../licensing.errors';
import type { WorkingCalendar } from '../../../platform/time/working-calendar';
import type { Actor } from './actor';
import { assertExpectedVersion, given, optionalText } from './application-input';
import { kindOf, type ApplicationStateMachine } from './application-state-machine';
import { ApplicationAction, ExtensionStatus } from './application-status';
import type { DecideDeadlineExtensionInput, RequestDeadlineExtensionInput } from './inputs/permit-application.inputs';
import type { PermitApplication } from './permit-application.entity';

function assertExtensionRequested(application: PermitApplication): void {
  if (application.extensionStatus !== ExtensionStatus.REQUESTED) {
    throw conflict('NO_EXTENSION_REQUESTED', `No extension of ${application.applicationNumber} awaits a decision`);
  }
}

/**
 * Extending the decision deadline (延长审查期限): the handling officer asks once, before the deadline
 * passes; a reviewer approves (the due date moves by the kind's extension working days) or refuses.
 * The application keeps its status; each step is a move with its own transition record.
 */
export class DeadlineExtensionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly machine: ApplicationStateMachine,
    private readonly calendar: WorkingCalendar,
  ) {}

  /** The handling officer asks, once and before the deadline passes, for more time to decide. */
  async requestExtension(
    scope: RegionScope,
    input: RequestDeadlineExtensionInput,
    actor: Actor,
  ): Promise<PermitApplication> {
    assertExpectedVersion(input);
    const reason = assertText('reason', input.reason, 500);
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.machine.loadToActOn(manager, scope, input.applicationNumber);
      return this.machine.move(manager, current, input, actor, {
        action: ApplicationAction.REQUEST_EXTENSION,
        step: 'accept',
        target: current.status,
        changes: {
          extensionStatus: ExtensionStatus.REQUESTED,
          extensionReason: reason,
          extensionRequestedBy: actor.username,
          extensionRequestedAt: this.machine.now(),
        },
        comment: reason,
        guard: (application) => {
          if (application.extensionStatus !== null) {
            throw conflict(
              'EXTENSION_ALREADY_REQUESTED',
              `The decision deadline of ${application.applicationNumber} may be extended once, and an extension was already ${application.extensionStatus.toLowerCase()}`,
            );
          }
          if (application.decisionDueDate === null || application.decisionDueDate < this.machine.today()) {
            throw conflict(
              'DEADLINE_PASSED',
              `The decision deadline of ${application.applicationNumber} (${application.decisionDueDate}) has passed; it can no longer be extended`,
            );
          }
        },
      });
    });
  }

  async approveExtension(
    scope: RegionScope,
    input: DecideDeadlineExtensionInput,
    actor: Actor,
  ): Promise<PermitApplication> {
    assertExpectedVersion(input);
    const comment = optionalText('comment', input.comment, 500);
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.machine.loadToActOn(manager, scope, input.applicationNumber);
      const definition = kindOf(current.kind);
      const extended =
        current.decisionDueDate === null
          ? null
          : this.calendar.addWorkingDays(current.decisionDueDate, definition.extensionWorkingDays);
      return this.machine.move(manager, current, input, actor, {
        action: ApplicationAction.APPROVE_EXTENSION,
        step: 'decide',
        target: current.status,
        changes: {
          extensionStatus: ExtensionStatus.APPROVED,
          extensionDecidedBy: actor.username,
          extensionDecidedAt: this.machine.now(),
          extensionComment: comment,
          decisionDueDate: extended,
        },
        comment: [
          `decision due ${current.decisionDueDate} -> ${extended} (+${definition.extensionWorkingDays} working days)`,
          comment,
        ]
          .filter(given)
          .join(': '),
        guard: (application) => assertExtensionRequested(application),
      });
    });
  }

  async refuseExtension(
    scope: RegionScope,
    input: DecideDeadlineExtensionInput,
    actor: Actor,
  ): Promise<PermitApplication> {
    assertExpectedVersion(input);
    if (!given(input.comment) || input.comment.trim() === '')
      throw invalidInput('comment', 'is required when refusing an extension');
    const comment = assertText('comment', input.comment, 500);
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.machine.loadToActOn(manager, scope, input.applicationNumber);
      return this.machine.move(manager, current, input, actor, {
        action: ApplicationAction.REFUSE_EXTENSION,
        step: 'decide',
        target: current.status,
        changes: {
          extensionStatus: ExtensionStatus.REFUSED,
          extensionDecidedBy: actor.username,
          extensionDecidedAt: this.machine.now(),
          extensionComment: comment,
        },
        comment,
        guard: (application) => assertExtensionRequested(application),
      });
    });
  }
}
