import type { EntityManager } from 'typeorm';
import type { EventHandlers } from '../../../platform/outbox/event-inbox';
import type { EventPayloads } from '../../../platform/outbox/domain-event';
import { chinaYear } from '../../../platform/time/china-time';
import { wholeSeconds } from '../../../platform/time/whole-seconds';
import { CaseNumberSequence } from '../enforcement-case/case-number-sequence.entity';
import type { EnforcementCaseService } from '../enforcement-case/enforcement-case.service';
import type { EnforcementServices } from '../enforcement.context';

/** The service account a draft from a monitoring alert is filed by (as stations' drafts are by theirs). */
export const SAFETY_ALERT_FILER = 'safety-monitoring';

/** The case's cause (案由): what the alert said, and where it came from. */
export function safetyAlertCause(payload: EventPayloads['safety-alert.escalated']): string {
  return `${payload.description}（重点营运车辆动态监控报警 #${payload.alertId}，由 ${payload.escalatedBy} 移交执法）`;
}

/**
 * Opens a draft case (FILING_PENDING, awaiting a supervisor's filing approval) in the vehicle's certifying
 * region for an escalated monitoring alert, like a weigh station's overload draft. Runs in the inbox
 * transaction: a redelivered event finds its inbox row and opens nothing.
 */
export async function openSafetyAlertDraft(
  manager: EntityManager,
  cases: EnforcementCaseService,
  payload: EventPayloads['safety-alert.escalated'],
): Promise<{ id: number; caseNumber: string }> {
  const filedAt = wholeSeconds(new Date(payload.escalatedAt));
  // The region's serial row for the year, made here: this transaction numbers the case with it.
  await manager
    .createQueryBuilder()
    .insert()
    .into(CaseNumberSequence)
    .values({ regionCode: payload.regionCode, year: chinaYear(filedAt), lastSerial: 0 })
    .orIgnore()
    .updateEntity(false)
    .execute();
  const [filed] = await cases.submitFilings(
    manager,
    [
      {
        regionCode: payload.regionCode,
        cause: safetyAlertCause(payload),
        creditCode: payload.ownerCreditCode,
        plateNumber: payload.plateNumber,
        partyName: null,
        partyIdNumber: null,
        comment: `opened from safety alert #${payload.alertId} (${payload.kind})`,
      },
    ],
    SAFETY_ALERT_FILER,
    filedAt,
  );
  return filed;
}

export function safetyAlertEventHandlers(services: EnforcementServices): EventHandlers {
  return {
    'safety-alert.escalated': async (manager, envelope) => {
      await openSafetyAlertDraft(manager, services.cases, envelope.payload);
    },
  };
}
