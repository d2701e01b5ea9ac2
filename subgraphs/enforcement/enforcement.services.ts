import type { DataSource } from 'typeorm';
import type { EventOutbox } from '../../platform/outbox/event-outbox';
import type { FileStore } from '../../platform/storage/file-store';
import { CaseNumberSequence } from './enforcement-case/case-number-sequence.entity';
import { CaseShare } from './enforcement-case/case-share.entity';
import { CaseStep } from './enforcement-case/case-step.entity';
import { EnforcementCase } from './enforcement-case/enforcement-case.entity';
import { EnforcementCaseService } from './enforcement-case/enforcement-case.service';
import type { EnforcementServices } from './enforcement.context';
import type { EnforcementSettings } from './enforcement.settings';
import { CaseEvidence } from './evidence/case-evidence.entity';
import { CaseEvidenceService } from './evidence/case-evidence.service';
import { AssistanceRequest } from './exchange/assistance-request.entity';
import { AssistanceService } from './exchange/assistance.service';
import { CaseTransfer } from './exchange/case-transfer.entity';
import { CaseTransferService } from './exchange/case-transfer.service';
import { PenaltyProcedureService } from './penalty/penalty-procedure.service';

/** The tables of the enforcement cases (the messaging tables are the kit's). */
export const ENFORCEMENT_ENTITIES = [
  EnforcementCase,
  CaseStep,
  CaseShare,
  CaseNumberSequence,
  CaseEvidence,
  CaseTransfer,
  AssistanceRequest,
];

/** The services of the cases themselves; the overload records' (`createOverloadServices`) are built on their `cases`. */
export type CaseServices = Omit<EnforcementServices, 'overload' | 'vehicleRegistry'>;

/** The cases' services over one data source, one `CaseAccess` (who sees and acts on a case) shared by all. */
export function createEnforcementServices(
  dataSource: DataSource,
  outbox: EventOutbox,
  files: FileStore,
  settings: EnforcementSettings,
): CaseServices {
  const cases = new EnforcementCaseService(dataSource, outbox, settings);
  const evidence = new CaseEvidenceService(dataSource, cases.access, files);
  return {
    cases,
    penalties: new PenaltyProcedureService(dataSource, outbox, cases.access, settings),
    evidence,
    transfers: new CaseTransferService(dataSource, cases.access, evidence, outbox),
    assistance: new AssistanceService(dataSource, cases.access, evidence, outbox),
  };
}
