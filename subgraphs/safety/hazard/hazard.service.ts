import type { DataSource, EntityManager } from 'typeorm';
import { inScope, type RegionScope } from '../../../platform/auth/region-scope';
import { assertCreditCode, assertRegionCode, assertText } from '../../../platform/codes/assert-input';
import { inTransaction } from '../../../platform/database/data-source.factory';
import { forbidden, invalidInput, notFound } from '../../../platform/errors/domain-error';
import type { EventOutbox } from '../../../platform/outbox/event-outbox';
import type { FileStore, StoredFile } from '../../../platform/storage/file-store';
import { decodeDocument, type DecodedDocument } from '../../../platform/storage/uploaded-document';
import { chinaDate, chinaToday } from '../../../platform/time/china-time';
import { wholeSeconds } from '../../../platform/time/whole-seconds';
import type { WorkingCalendar } from '../../../platform/time/working-calendar';
import type { SafetyReportSink } from '../national-platform/safety-report';
import type { HazardSettings } from '../safety.config';
import { SAFETY_ERRORS } from '../safety.errors';
import { HazardEvidence, HazardEvidenceStage } from './hazard-evidence.entity';
import {
  HAZARD_STEPS,
  HazardLevel,
  HazardStatus,
  HazardStep,
  hazardStepRefusal,
  rectificationDeadline,
} from './hazard-rules';
import { HiddenHazard } from './hidden-hazard.entity';
import type {
  HazardDocumentInput,
  RecordSafetyInspectionInput,
  ReportHazardRectificationInput,
  VerifyHazardRectificationInput,
} from './inputs/hazard.inputs';
import { SafetyInspection } from './safety-inspection.entity';

export const MAX_HAZARDS_PER_INSPECTION = 50;
export const MAX_HAZARD_DOCUMENTS = 10;
const TEXT_MAX_LENGTH = 1000;

/** The identifier a major hazard's reports carry to the national platform. */
export function hazardReportId(hazard: Pick<HiddenHazard, 'id'>): string {
  return `hidden-hazard-${hazard.id}`;
}

/** A positive whole-number id from a GraphQL ID, or null. */
export function recordIdOf(value: string): number | null {
  if (!/^[1-9]\d{0,9}$/.test(value)) return null;
  const id = Number(value);
  return id <= 2_147_483_647 ? id : null;
}

function assertDate(field: string, value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value)
    throw invalidInput(field, 'must be a date YYYY-MM-DD');
  return value;
}

function decodeAll(field: string, documents: readonly HazardDocumentInput[], min: number): DecodedDocument[] {
  if (documents.length < min || documents.length > MAX_HAZARD_DOCUMENTS)
    throw invalidInput(field, `must hold ${min} to ${MAX_HAZARD_DOCUMENTS} documents`);
  return documents.map((document, index) => decodeDocument(`${field}.${index}`, document));
}

interface ValidatedHazard {
  level: HazardLevel;
  description: string;
  evidence: DecodedDocument[];
}

/**
 * Hidden hazards (隐患排查治理): an officer records an inspection and the hazards it found, each with a
 * rectification deadline in working days; the rectification is reported with evidence and verified by a
 * second officer. Evidence goes to the platform's file store, its SM3 digest to hazard_evidence. A major
 * hazard is reported to the national platform when found and when closed, in the same transaction.
 */
export class HazardService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly files: FileStore,
    private readonly reports: SafetyReportSink,
    private readonly calendar: WorkingCalendar,
    private readonly settings: HazardSettings,
    private readonly outbox: EventOutbox,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async recordInspection(
    scope: RegionScope,
    input: RecordSafetyInspectionInput,
    actor: string,
  ): Promise<SafetyInspection> {
    assertCreditCode('creditCode', input.creditCode);
    assertRegionCode('regionCode', input.regionCode);
    const inspectedOn = assertDate('inspectedOn', input.inspectedOn);
    const now = wholeSeconds(this.clock());
    if (inspectedOn > chinaToday(now)) throw invalidInput('inspectedOn', 'must not be in the future');
    if (input.inspectors.length < 1 || input.inspectors.length > 10)
      throw invalidInput('inspectors', 'must name 1 to 10 inspecting officers');
    const inspectors = input.inspectors.map((name, index) => assertText(`inspectors.${index}`, name, 50)).join('、');
    const findings = assertText('findings', input.findings, 2000);
    if (input.hazards.length > MAX_HAZARDS_PER_INSPECTION)
      throw invalidInput('hazards', `may hold at most ${MAX_HAZARDS_PER_INSPECTION} hazards`);
    const hazards: ValidatedHazard[] = input.hazards.map((hazard, index) => ({
      level: hazard.level,
      description: assertText(`hazards.${index}.description`, hazard.description, TEXT_MAX_LENGTH),
      evidence: decodeAll(`hazards.${index}.evidence`, hazard.evidence ?? [], 0),
    }));
    if (!inScope(scope, input.regionCode))
      throw forbidden(`You may record inspections only of enterprises within region ${scope.region}`);
    // Stored before the rows: a failed transaction leaves an unreferenced file, never a row without its file.
    const stored = await Promise.all(
      hazards.map((hazard) => Promise.all(hazard.evidence.map((document) => this.files.put(document.bytes)))),
    );
    return inTransaction(this.dataSource, async (manager) => {
      const inspection = manager.create(SafetyInspection, {
        creditCode: input.creditCode,
        regionCode: input.regionCode,
        inspectedOn,
        inspectors,
        findings,
        recordedBy: actor,
        recordedAt: now,
      });
      await manager.insert(SafetyInspection, inspection);
      const found: HiddenHazard[] = [];
      for (const [index, hazard] of hazards.entries()) {
        const row = manager.create(HiddenHazard, {
          inspectionId: inspection.id,
          creditCode: input.creditCode,
          regionCode: input.regionCode,
          level: hazard.level,
          description: hazard.description,
          status: HazardStatus.OPEN,
          foundOn: inspectedOn,
          deadline: rectificationDeadline(this.calendar, this.settings, hazard.level, inspectedOn),
          foundBy: actor,
          rectificationReportedBy: null,
          rectificationReportedAt: null,
          rectificationNote: null,
          verifiedBy: null,
          verifiedAt: null,
          verificationNote: null,
          closedAt: null,
          reportedVersions: 0,
          overduePublishedAt: null,
          createdAt: now,
          version: 1,
        });
        await manager.insert(HiddenHazard, row);
        found.push(row);
        await this.attach(manager, row.id, HazardEvidenceStage.FOUND, hazard.evidence, stored[index], actor, now);
        if (row.level === HazardLevel.MAJOR) await this.report(manager, row, 'FOUND');
      }
      await this.outbox.publishMany(
        manager,
        'hazard.found',
        found.map((row) => ({
          hazardId: row.id,
          regionCode: row.regionCode,
          level: row.level,
          foundOn: row.foundOn,
          deadline: row.deadline,
          recordedAt: now.toISOString(),
        })),
      );
      return inspection;
    });
  }

  async reportRectification(
    scope: RegionScope,
    input: ReportHazardRectificationInput,
    actor: string,
  ): Promise<HiddenHazard> {
    const id = this.hazardId(input.hazardId);
    const note = assertText('note', input.note, TEXT_MAX_LENGTH);
    const evidence = decodeAll('evidence', input.evidence, 1);
    // Checked before the files are stored, and again in the transaction.
    const before = await this.load(this.dataSource.manager, scope, id);
    this.refuseStep(before, HazardStep.REPORT_RECTIFICATION, actor, input.expectedVersion);
    const stored = await Promise.all(evidence.map((document) => this.files.put(document.bytes)));
    return inTransaction(this.dataSource, async (manager) => {
      const now = wholeSeconds(this.clock());
      const hazard = await this.step(
        manager,
        scope,
        id,
        HazardStep.REPORT_RECTIFICATION,
        actor,
        input.expectedVersion,
        {
          rectificationReportedBy: actor,
          rectificationReportedAt: now,
          rectificationNote: note,
        },
      );
      await this.attach(manager, id, HazardEvidenceStage.RECTIFIED, evidence, stored, actor, now);
      return hazard;
    });
  }

  async verifyRectification(
    scope: RegionScope,
    input: VerifyHazardRectificationInput,
    actor: string,
  ): Promise<HiddenHazard> {
    const id = this.hazardId(input.hazardId);
    const note = assertText('note', input.note, TEXT_MAX_LENGTH);
    const stepTaken = input.passed ? HazardStep.VERIFY_PASSED : HazardStep.VERIFY_FAILED;
    return inTransaction(this.dataSource, async (manager) => {
      const now = wholeSeconds(this.clock());
      const hazard = await this.step(manager, scope, id, stepTaken, actor, input.expectedVersion, {
        verifiedBy: actor,
        verifiedAt: now,
        verificationNote: note,
        closedAt: input.passed ? now : null,
      });
      if (hazard.status === HazardStatus.CLOSED && hazard.level === HazardLevel.MAJOR)
        await this.report(manager, hazard, 'CLOSED');
      if (hazard.status === HazardStatus.CLOSED)
        await this.outbox.publish(manager, 'hazard.closed', {
          hazardId: hazard.id,
          regionCode: hazard.regionCode,
          level: hazard.level,
          deadline: hazard.deadline,
          closedAt: now.toISOString(),
          late: chinaDate(now) > hazard.deadline,
          overdueCounted: hazard.overduePublishedAt !== null,
        });
      return hazard;
    });
  }

  /** The bytes of a piece of evidence, checked against its SM3 digest (CONFLICT, DIGEST_MISMATCH if altered). */
  async evidenceContent(evidence: HazardEvidence): Promise<Buffer> {
    return this.files.read(evidence.storageReference, evidence.sm3Digest, `Hazard evidence ${evidence.id}`);
  }

  private hazardId(value: string): number {
    const id = recordIdOf(value);
    if (id === null) throw invalidInput('hazardId', 'is not a hazard identifier');
    return id;
  }

  /** A hazard of an enterprise in the caller's scope; any other does not exist for them. */
  private async load(manager: EntityManager, scope: RegionScope, id: number): Promise<HiddenHazard> {
    const hazard = await manager.findOneBy(HiddenHazard, { id });
    if (!hazard || !inScope(scope, hazard.regionCode)) throw notFound('HiddenHazard', String(id));
    return hazard;
  }

  private refuseStep(
    hazard: HiddenHazard,
    stepTaken: HazardStep,
    actor: string,
    expectedVersion: number | null | undefined,
  ): void {
    if (expectedVersion !== undefined && expectedVersion !== null && expectedVersion !== hazard.version)
      throw SAFETY_ERRORS.conflict(
        'STALE_VERSION',
        `Hazard ${hazard.id} has changed since version ${expectedVersion}; reload it`,
      );
    const refusal = hazardStepRefusal(hazard.status, stepTaken, actor, {
      inspectedBy: hazard.foundBy,
      rectificationReportedBy: hazard.rectificationReportedBy,
    });
    if (refusal) throw SAFETY_ERRORS.error(refusal.kind, refusal.message);
  }

  /** Moves the hazard one step, only from the status read and at the version read (one of two racers wins). */
  private async step(
    manager: EntityManager,
    scope: RegionScope,
    id: number,
    stepTaken: HazardStep,
    actor: string,
    expectedVersion: number | null | undefined,
    changes: Partial<HiddenHazard>,
  ): Promise<HiddenHazard> {
    const current = await this.load(manager, scope, id);
    this.refuseStep(current, stepTaken, actor, expectedVersion);
    const result = await manager
      .createQueryBuilder()
      .update(HiddenHazard)
      .set({ ...changes, status: HAZARD_STEPS[stepTaken].to, version: () => 'version + 1' })
      .where('id = :id AND version = :version AND status = :status', {
        id,
        version: current.version,
        status: current.status,
      })
      .execute();
    if (result.affected !== 1)
      throw SAFETY_ERRORS.conflict('STALE_VERSION', `Hazard ${id} was changed by someone else; reload it`);
    return manager.findOneByOrFail(HiddenHazard, { id });
  }

  private async attach(
    manager: EntityManager,
    hazardId: number,
    stage: HazardEvidenceStage,
    documents: readonly DecodedDocument[],
    stored: readonly StoredFile[],
    actor: string,
    now: Date,
  ): Promise<void> {
    if (documents.length === 0) return;
    await manager.insert(
      HazardEvidence,
      documents.map((document, index) => ({
        hazardId,
        stage,
        fileName: document.fileName,
        sizeBytes: stored[index].sizeBytes,
        sm3Digest: stored[index].sm3Digest,
        storageReference: stored[index].storageReference,
        uploadedBy: actor,
        uploadedAt: now,
      })),
    );
  }

  /** The next version of a major hazard's report: facts and codes only, never the free-text description. */
  private async report(manager: EntityManager, hazard: HiddenHazard, event: 'FOUND' | 'CLOSED'): Promise<void> {
    const version = hazard.reportedVersions + 1;
    await this.reports.record(manager, {
      reportType: 'MAJOR_HAZARD',
      reportId: hazardReportId(hazard),
      version,
      regionCode: hazard.regionCode,
      payload: {
        event,
        hazardId: hazard.id,
        inspectionId: hazard.inspectionId,
        creditCode: hazard.creditCode,
        regionCode: hazard.regionCode,
        level: hazard.level,
        status: hazard.status,
        foundOn: hazard.foundOn,
        deadline: hazard.deadline,
        closedAt: hazard.closedAt ? hazard.closedAt.toISOString() : null,
      },
    });
    // The version column stays: recording a report is not a change a caller must reload for.
    await manager
      .createQueryBuilder()
      .update(HiddenHazard)
      .set({ reportedVersions: version, version: () => 'version' })
      .where('id = :id', { id: hazard.id })
      .execute();
  }
}
