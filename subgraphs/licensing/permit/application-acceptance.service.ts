import type { DataSource } from 'typeorm';
import type { RegionScope } from '../../../platform/auth/region-scope';
import { assertText } from '../../../platform/codes/assert-input';
import { inTransaction } from '../../../platform/database/data-source.factory';
import { invalidInput } from '../../../platform/errors/domain-error';
import { conflict } from '../licensing.errors';
import { chinaDate } from '../../../platform/time/china-time';
import type { WorkingCalendar } from '../../../platform/time/working-calendar';
import type { Actor } from './actor';
import { assertExpectedVersion } from './application-input';
import { kindOf, type ApplicationStateMachine } from './application-state-machine';
import { ApplicationAction, ApplicationStatus } from './application-status';
import type { ApplicationActionInput, ReturnPermitApplicationInput } from './inputs/permit-application.inputs';
import type { PermitApplication } from './permit-application.entity';
import { assertNoticeNamesEverythingMissing, assertRequiredMaterials } from './required-materials';
import { wholeSeconds } from '../../../platform/time/whole-seconds';

/**
 * The office's first step on a submitted application (受理): accept it, which starts the decision deadline
 * counted in working days, or return it once with one notice of everything missing (一次性告知).
 */
export class ApplicationAcceptanceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly machine: ApplicationStateMachine,
    private readonly calendar: WorkingCalendar,
  ) {}

  /** Accepts (受理) a submitted application: the decision deadline is counted from today in working days. */
  async accept(scope: RegionScope, input: ApplicationActionInput, actor: Actor): Promise<PermitApplication> {
    assertExpectedVersion(input);
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.machine.loadToActOn(manager, scope, input.applicationNumber);
      const acceptedAt = this.machine.now();
      return this.machine.move(manager, current, input, actor, {
        action: ApplicationAction.ACCEPT,
        step: 'accept',
        target: ApplicationStatus.ACCEPTED,
        changes: {
          acceptedAt,
          handlingOfficer: actor.username,
          decisionDueDate: this.calendar.addWorkingDays(
            chinaDate(acceptedAt),
            kindOf(current.kind).decisionWorkingDays,
          ),
        },
        comment: null,
        guard: (application) => assertRequiredMaterials(manager, application, 'accept'),
      });
    });
  }

  /**
   * Returns a submitted application with one notice listing everything missing (一次性告知). Only once:
   * after the resubmission the office accepts or refuses it.
   */
  async returnForCorrection(
    scope: RegionScope,
    input: ReturnPermitApplicationInput,
    actor: Actor,
  ): Promise<PermitApplication> {
    assertExpectedVersion(input);
    const note = assertText('note', input.note, 1000);
    if (!Array.isArray(input.missingMaterialCodes) || input.missingMaterialCodes.length === 0) {
      throw invalidInput(
        'missingMaterialCodes',
        'must name at least one material: the notice lists everything missing at once',
      );
    }
    const codes = input.missingMaterialCodes.map((code) => code.trim());
    const duplicates = codes.filter((code, index) => codes.indexOf(code) !== index);
    if (duplicates.length > 0)
      throw invalidInput('missingMaterialCodes', `names ${duplicates.join(', ')} more than once`);
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.machine.loadToActOn(manager, scope, input.applicationNumber);
      const definition = kindOf(current.kind);
      // Whole seconds, as materials' upload times are kept: one attached right after the return counts.
      const returnedAt = wholeSeconds(this.machine.now());
      return this.machine.move(manager, current, input, actor, {
        action: ApplicationAction.RETURN,
        step: 'accept',
        target: ApplicationStatus.RETURNED,
        changes: {
          returnedMaterialCodes: codes.join(','),
          returnNote: note,
          returnedBy: actor.username,
          returnedAt,
          handlingOfficer: actor.username,
        },
        comment: `${note} [missing: ${codes.join(', ')}]`,
        guard: async (application) => {
          const unknown = codes.filter((code) => !definition.materials.some((material) => material.code === code));
          if (unknown.length > 0) {
            throw invalidInput(
              'missingMaterialCodes',
              `names materials ${definition.kind} does not require: ${unknown.join(', ')} (see permitKinds)`,
            );
          }
          if (application.returnedAt !== null) {
            throw conflict(
              'ALREADY_RETURNED',
              `Application ${application.applicationNumber} was already returned once with everything missing (一次性告知); accept it or refuse it`,
            );
          }
          await assertNoticeNamesEverythingMissing(manager, application, codes);
        },
      });
    });
  }
}
