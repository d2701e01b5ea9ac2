import DataLoader from 'dataloader';
import { In, type DataSource, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { inScope, narrowedPrefix, withinPrefix, type RegionScope } from '../../../platform/auth/region-scope';
import { assertInteger, assertRegionCode, assertText } from '../../../platform/codes/assert-input';
import { inTransaction } from '../../../platform/database/data-source.factory';
import { listPage } from '../../../platform/database/list-page';
import { isUniqueViolation } from '../../../platform/database/sql-dialect';
import { forbidden, invalidInput, notFound } from '../../../platform/errors/domain-error';
import type { EventOutbox } from '../../../platform/outbox/event-outbox';
import { toConnection, type Connection, type PageRequest } from '../../../platform/graphql/connection';
import type { FileStore } from '../../../platform/storage/file-store';
import { chinaDate } from '../../../platform/time/china-time';
import { CreditRecordSource } from '../credit-record/credit-record-kind';
import { CreditRecord } from '../credit-record/credit-record.entity';
import { conflict } from '../credit.errors';
import { CreditDisclosure } from '../disclosure/credit-disclosure.entity';
import { disclosureIdOf } from '../disclosure/disclosure-correction.service';
import { DisclosureKind, DisclosureRevisionKind } from '../disclosure/disclosure-kind';
import type { DisclosureRevisions } from '../disclosure/disclosure-revisions';
import type { CreditChange, CreditChangeSink } from '../national-platform/credit-change';
import { CreditRepairApplication } from './credit-repair-application.entity';
import { CreditRepairAttachment } from './credit-repair-attachment.entity';
import type { CreditRepairListener } from './credit-repair-listener';
import type { ApplyForCreditRepairInput, DecideCreditRepairInput } from './inputs/credit-repair.inputs';
import { decodeDocument, MAX_EVIDENCE_DOCUMENTS, type DecodedDocument } from './repair-documents';
import { CreditRepairAttachmentKind, CreditRepairState } from './repair-state';

const TEXT_MAX_LENGTH = 1000;

export interface CreditRepairFilter {
  state: CreditRepairState | null;
  regionCode: string | null;
}

/** What the national platform receives of a repair application's version: codes and dates, no free text. */
function repairChange(application: CreditRepairApplication): CreditChange {
  return {
    recordType: 'REPAIR',
    recordId: String(application.id),
    version: application.version,
    payload: {
      disclosureId: String(application.disclosureId),
      creditCode: application.creditCode,
      documentNumber: application.documentNumber,
      authorityCode: application.authorityCode,
      state: application.state,
      filedAt: application.filedAt.toISOString(),
      decidedAt: application.decidedAt?.toISOString() ?? null,
    },
  };
}

/**
 * Credit repair (信用修复) after the NDRC's measures: once a penalty has been public for its minimum
 * period, the enterprise (through a credit officer for now) applies with the penalty executed, a
 * commitment letter and corrective evidence; a credit officer of the deciding region approves, which
 * ends the display and takes the penalty out of the rating, or refuses, with reasons. Documents go to the
 * platform's file store (as permit materials do), their SM3 digests to credit_repair_attachment.
 */
export class CreditRepairService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly files: FileStore,
    private readonly revisions: DisclosureRevisions,
    private readonly sink: CreditChangeSink,
    private readonly listener: CreditRepairListener,
    private readonly outbox: EventOutbox,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async apply(scope: RegionScope, input: ApplyForCreditRepairInput, actor: string): Promise<CreditRepairApplication> {
    const disclosureId = disclosureIdOf(input.disclosureId);
    if (disclosureId === null) throw invalidInput('disclosureId', 'is not a disclosure identifier');
    if (input.penaltyExecuted !== true)
      throw invalidInput('penaltyExecuted', 'must be true: repair is possible only once the penalty was executed');
    const executionStatement = assertText('executionStatement', input.executionStatement, TEXT_MAX_LENGTH);
    const letter = decodeDocument('commitmentLetter', input.commitmentLetter);
    if (input.correctiveEvidence.length < 1 || input.correctiveEvidence.length > MAX_EVIDENCE_DOCUMENTS)
      throw invalidInput('correctiveEvidence', `must hold 1 to ${MAX_EVIDENCE_DOCUMENTS} documents`);
    const evidence = input.correctiveEvidence.map((document, index) =>
      decodeDocument(`correctiveEvidence.${index}`, document),
    );
    // Checked before the files are stored, and again in the transaction.
    await this.repairable(this.dataSource.manager, scope, disclosureId);
    const documents: Array<[CreditRepairAttachmentKind, DecodedDocument]> = [
      [CreditRepairAttachmentKind.COMMITMENT_LETTER, letter],
      ...evidence.map((document): [CreditRepairAttachmentKind, DecodedDocument] => [
        CreditRepairAttachmentKind.CORRECTIVE_EVIDENCE,
        document,
      ]),
    ];
    // Stored before the rows: a failed transaction leaves an unreferenced file, never a row without its file.
    const stored = await Promise.all(documents.map(([, document]) => this.files.put(document.bytes)));
    const open = () =>
      conflict('REPAIR_APPLICATION_OPEN', `Disclosure ${disclosureId} already has a pending repair application`);
    try {
      return await inTransaction(this.dataSource, async (manager) => {
        const disclosure = await this.repairable(manager, scope, disclosureId);
        const now = this.clock();
        const application = manager.create(CreditRepairApplication, {
          disclosureId,
          openDisclosureId: disclosureId,
          creditCode: disclosure.creditCode,
          documentNumber: disclosure.documentNumber,
          authorityCode: disclosure.authorityCode,
          state: CreditRepairState.PENDING,
          version: 1,
          penaltyExecuted: true,
          executionStatement,
          filedBy: actor,
          filedAt: now,
          decidedBy: null,
          decidedAt: null,
          decisionReason: null,
        });
        await manager.insert(CreditRepairApplication, application);
        await manager.insert(
          CreditRepairAttachment,
          documents.map(([kind, document], index) => ({
            applicationId: application.id,
            kind,
            fileName: document.fileName,
            sizeBytes: stored[index].sizeBytes,
            sm3Digest: stored[index].sm3Digest,
            storageReference: stored[index].storageReference,
            uploadedAt: now,
          })),
        );
        await this.sink.record(manager, repairChange(application));
        return application;
      });
    } catch (error) {
      // Two applications for one disclosure at once: the unique open_disclosure_id lets one in.
      if (isUniqueViolation(error)) throw open();
      throw error;
    }
  }

  /** Approval: the display ends (a REPAIRED version), the penalty stops counting, lists hear of it. */
  approve(scope: RegionScope, input: DecideCreditRepairInput, actor: string): Promise<CreditRepairApplication> {
    return this.decide(scope, input, actor, CreditRepairState.APPROVED);
  }

  refuse(scope: RegionScope, input: DecideCreditRepairInput, actor: string): Promise<CreditRepairApplication> {
    return this.decide(scope, input, actor, CreditRepairState.REFUSED);
  }

  /** Applications newest first, of deciding authorities within the officer's region (and the region asked for). */
  async list(
    scope: RegionScope,
    filter: CreditRepairFilter,
    page: PageRequest,
  ): Promise<Connection<CreditRepairApplication>> {
    if (filter.regionCode !== null) assertRegionCode('regionCode', filter.regionCode);
    const prefix = narrowedPrefix(scope, filter.regionCode);
    if (prefix === null) return toConnection([], 0, page);
    const where: FindOptionsWhere<CreditRepairApplication> = { ...withinPrefix('authorityCode', prefix) };
    if (filter.state !== null) where.state = filter.state;
    return listPage(this.dataSource.getRepository(CreditRepairApplication), where, page);
  }

  /** Attachments of many applications, oldest first, in one statement. */
  createAttachmentsLoader(): DataLoader<number, CreditRepairAttachment[]> {
    return new DataLoader(async (applicationIds) => {
      const attachments = await this.dataSource.getRepository(CreditRepairAttachment).find({
        where: { applicationId: In([...applicationIds]) },
        order: { id: 'ASC' },
      });
      return applicationIds.map((id) => attachments.filter((attachment) => attachment.applicationId === id));
    });
  }

  /** Disclosures of many applications in one statement. */
  createDisclosureLoader(): DataLoader<number, CreditDisclosure | null> {
    return new DataLoader(async (ids) => {
      const disclosures = await this.dataSource.getRepository(CreditDisclosure).findBy({ id: In([...ids]) });
      return ids.map((id) => disclosures.find((disclosure) => disclosure.id === id) ?? null);
    });
  }

  private async decide(
    scope: RegionScope,
    input: DecideCreditRepairInput,
    actor: string,
    state: CreditRepairState.APPROVED | CreditRepairState.REFUSED,
  ): Promise<CreditRepairApplication> {
    const reason = assertText('reason', input.reason ?? '', TEXT_MAX_LENGTH);
    const id = disclosureIdOf(input.id);
    if (id === null) throw invalidInput('id', 'is not a repair application identifier');
    assertInteger('expectedVersion', input.expectedVersion, 1, 2_147_483_647);
    return inTransaction(this.dataSource, async (manager) => {
      const application = await manager.findOneBy(CreditRepairApplication, { id });
      if (!application) throw notFound('Repair application', input.id);
      if (!inScope(scope, application.authorityCode))
        throw forbidden(
          `The penalty was decided by ${application.authorityCode}; only credit officers of that region decide its repair`,
        );
      if (application.state !== CreditRepairState.PENDING)
        throw conflict('ILLEGAL_TRANSITION', `Repair application ${id} is ${application.state} already`);
      const now = this.clock();
      const result = await manager
        .createQueryBuilder()
        .update(CreditRepairApplication)
        .set({
          state,
          version: input.expectedVersion + 1,
          openDisclosureId: null,
          decidedBy: actor,
          decidedAt: now,
          decisionReason: reason,
        })
        .where('id = :id AND version = :version AND state = :pending', {
          id,
          version: input.expectedVersion,
          pending: CreditRepairState.PENDING,
        })
        .execute();
      if (result.affected !== 1)
        throw conflict('STALE_VERSION', `Repair application ${id} changed after version ${input.expectedVersion}`);
      const decided = await manager.findOneByOrFail(CreditRepairApplication, { id });
      if (state === CreditRepairState.APPROVED) await this.repair(manager, decided, reason, actor, now);
      await this.sink.record(manager, repairChange(decided));
      await this.outbox.publish(manager, 'credit.repair-decided', {
        applicationId: String(decided.id),
        regionCode: decided.authorityCode,
        approved: state === CreditRepairState.APPROVED,
        filedAt: decided.filedAt.toISOString(),
        decidedAt: now.toISOString(),
      });
      return decided;
    });
  }

  private async repair(
    manager: EntityManager,
    application: CreditRepairApplication,
    reason: string,
    actor: string,
    now: Date,
  ): Promise<void> {
    const disclosure = await manager.findOneByOrFail(CreditDisclosure, { id: application.disclosureId });
    const repaired =
      disclosure.displayEndedAt === null
        ? await this.revisions.revise(
            manager,
            disclosure,
            { displayEndedAt: now },
            { kind: DisclosureRevisionKind.REPAIRED, reason, actor },
          )
        : disclosure;
    // The penalty's credit record stays in the file (nothing is deleted) but no longer counts in the score.
    await manager.update(
      CreditRecord,
      { source: CreditRecordSource.ENFORCEMENT_DECISION, sourceReference: application.documentNumber },
      { repairedAt: now },
    );
    await this.listener.repaired(manager, repaired, actor);
  }

  /** A penalty disclosure of the officer's region, still shown and past its minimum period, without an open application. */
  private async repairable(manager: EntityManager, scope: RegionScope, id: number): Promise<CreditDisclosure> {
    const disclosure = await manager.findOneBy(CreditDisclosure, { id });
    if (!disclosure) throw notFound('Disclosure', String(id));
    if (!inScope(scope, disclosure.authorityCode))
      throw forbidden(
        `Disclosure ${id} was decided by ${disclosure.authorityCode}; repair is applied for with a credit officer of that region`,
      );
    if (
      disclosure.kind !== DisclosureKind.ADMINISTRATIVE_PENALTY ||
      disclosure.repairableFrom === null ||
      disclosure.publishedAt === null ||
      disclosure.displayEndedAt !== null ||
      disclosure.publicUntil <= this.clock()
    )
      throw conflict('REPAIR_NOT_APPLICABLE', `Disclosure ${id} is not a penalty on public display`);
    if (this.clock() < disclosure.repairableFrom)
      throw conflict(
        'REPAIR_NOT_YET_POSSIBLE',
        `Repair of disclosure ${id} may be applied for from ${chinaDate(disclosure.repairableFrom)} (China Standard Time), after its minimum publicity period (可申请信用修复日期: ${chinaDate(disclosure.repairableFrom)})`,
      );
    if (await manager.existsBy(CreditRepairApplication, { openDisclosureId: id }))
      throw conflict('REPAIR_APPLICATION_OPEN', `Disclosure ${id} already has a pending repair application`);
    return disclosure;
  }
}
