import DataLoader from 'dataloader';
import type { DataSource, EntityManager } from 'typeorm';
import type { RegionScope } from '../../../platform/auth/region-scope';
import { assertText } from '../../../platform/codes/assert-input';
import { inTransaction } from '../../../platform/database/data-source.factory';
import { invalidInput } from '../../../platform/errors/domain-error';
import { sm3Hex, type FileStore, type StoredFile } from '../../../platform/storage/file-store';
import { byCase, CaseAccess, now } from '../enforcement-case/case-access';
import { CaseStepAction } from '../enforcement-case/case-step-action';
import { EnforcementCase } from '../enforcement-case/enforcement-case.entity';
import { AssistanceRequest } from '../exchange/assistance-request.entity';
import { CaseEvidence } from './case-evidence.entity';
import type { CaseEvidenceContent } from './case-evidence.payload';
import { EvidenceKind } from './evidence-kind';
import type { AddCaseEvidenceInput, EvidenceItemInput } from './inputs/add-case-evidence.input';
import { wholeSeconds } from '../../../platform/time/whole-seconds';

/** The largest file GraphQL carries as base64 within the subgraphs' 1 MiB request bodies. */
export const EVIDENCE_MAX_BYTES = 512 * 1024;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const UNSAFE_FILE_NAME = /[/\\\u0000-\u001f\u007f]/;
// Clocks of collecting devices drift; a minute ahead is not the future.
const CLOCK_TOLERANCE_MS = 60_000;

/** An item checked and decoded, ready to store. */
export interface EvidenceItem {
  kind: EvidenceKind;
  title: string;
  fileName: string;
  bytes: Buffer;
  collectedAt: Date;
}

/** Checks an item of evidence as given, before anything is stored; BAD_USER_INPUT names the field. */
export function validateEvidenceItem(input: EvidenceItemInput): EvidenceItem {
  if (!Object.values(EvidenceKind).includes(input.kind)) throw invalidInput('kind', 'is not a known kind of evidence');
  const title = assertText('title', input.title, 200);
  const fileName = assertText('fileName', input.fileName, 200);
  if (UNSAFE_FILE_NAME.test(fileName) || fileName === '.' || fileName === '..')
    throw invalidInput('fileName', 'must be a plain file name, without a path or control characters');
  const content = input.contentBase64.replace(/\s+/g, '');
  if (content.length === 0 || !BASE64.test(content))
    throw invalidInput('contentBase64', 'must be non-empty standard base64');
  const bytes = Buffer.from(content, 'base64');
  if (bytes.length > EVIDENCE_MAX_BYTES)
    throw invalidInput('contentBase64', `must decode to at most ${EVIDENCE_MAX_BYTES} bytes`);
  if (!(input.collectedAt instanceof Date) || Number.isNaN(input.collectedAt.getTime()))
    throw invalidInput('collectedAt', 'must be a date and time');
  if (input.collectedAt.getTime() > Date.now() + CLOCK_TOLERANCE_MS)
    throw invalidInput('collectedAt', 'must not be in the future');
  return {
    kind: input.kind,
    title,
    fileName,
    bytes,
    collectedAt: wholeSeconds(input.collectedAt),
  };
}

/** How an item is named in errors, so an officer can find the one that no longer matches its digest. */
export function evidenceName(evidence: CaseEvidence, caseNumber: string): string {
  return `Evidence ${evidence.id} "${evidence.title}" (${evidence.fileName}) of case ${caseNumber}`;
}

/**
 * Evidence (证据): files in the kit's file store, metadata and SM3 digest here. Reading the bytes and
 * handing items over to another region (a transfer, an assistance answer) checks them against the digest.
 */
export class CaseEvidenceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly files: FileStore,
  ) {}

  /** Evidence of many cases in the case file, oldest first, one statement per request; only items the caller may see. */
  createEvidenceLoader(scope: RegionScope): DataLoader<number, CaseEvidence[]> {
    return new DataLoader(async (caseIds) => {
      const query = this.dataSource
        .createQueryBuilder(CaseEvidence, 'evidence')
        .innerJoin(EnforcementCase, 'enforcementCase', 'enforcementCase.id = evidence.caseId')
        .where('evidence.caseId IN (:...caseIds)', { caseIds: [...caseIds] })
        .andWhere('evidence.handedOverAt IS NOT NULL')
        .orderBy('evidence.id', 'ASC');
      this.access.whereVisible(query, scope);
      this.access.whereChildVisible(query, scope, 'evidence.regionCode');
      return byCase(caseIds, await query.getMany());
    });
  }

  /** Stores an item collected by the handling region on a case it is investigating. */
  async add(
    scope: RegionScope,
    input: AddCaseEvidenceInput,
    actor: string,
  ): Promise<{ evidence: CaseEvidence; case: EnforcementCase }> {
    const item = validateEvidenceItem(input);
    // Checked before the file is written, so a refused item leaves nothing in the store; checked again under the lock.
    const seen = await this.access.loadToActOn(this.dataSource.manager, scope, input.caseNumber);
    this.access.assertStep(seen, CaseStepAction.EVIDENCE_ADDED, seen.status);
    const stored = await this.store(item);
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.access.loadToActOn(manager, scope, input.caseNumber, { lock: true });
      this.access.assertStep(current, CaseStepAction.EVIDENCE_ADDED, current.status);
      const addedAt = now();
      const evidence = await this.insert(manager, current, item, stored, actor, addedAt, {
        regionCode: current.regionCode,
        assistanceRequestId: null,
        handedOverAt: addedAt,
      });
      await this.access.recordStep(manager, {
        caseId: current.id,
        action: CaseStepAction.EVIDENCE_ADDED,
        fromStatus: current.status,
        toStatus: current.status,
        actor,
        regionCode: current.regionCode,
        occurredAt: addedAt,
        comment: `${item.kind} "${item.title}" (${item.fileName}, ${stored.sizeBytes} bytes, SM3 ${stored.sm3Digest})`,
      });
      return { evidence, case: current };
    });
  }

  /** Writes the row of an item whose bytes are in the store: in the case file, or held for an assistance request until it is answered. */
  async insert(
    manager: EntityManager,
    enforcementCase: EnforcementCase,
    item: EvidenceItem,
    stored: StoredFile,
    actor: string,
    addedAt: Date,
    placement: Pick<CaseEvidence, 'regionCode' | 'assistanceRequestId' | 'handedOverAt'>,
  ): Promise<CaseEvidence> {
    const evidence = manager.create(CaseEvidence, {
      caseId: enforcementCase.id,
      kind: item.kind,
      title: item.title,
      fileName: item.fileName,
      sizeBytes: stored.sizeBytes,
      sm3Digest: stored.sm3Digest,
      storageReference: stored.storageReference,
      collectedAt: item.collectedAt,
      addedBy: actor,
      addedAt,
      ...placement,
    });
    return manager.save(evidence);
  }

  /** Puts an item's bytes into the file store, outside any transaction (a file is not rolled back). */
  async store(item: EvidenceItem): Promise<StoredFile> {
    return this.files.put(item.bytes);
  }

  /**
   * The bytes of an item, checked against its digest: an item of the case file the caller may see, or
   * one collected for an assistance request asked of the caller's region. Null when there is none.
   */
  async content(scope: RegionScope, id: string): Promise<CaseEvidenceContent | null> {
    const evidenceId = Number(id);
    if (!/^\d{1,10}$/.test(id) || !Number.isSafeInteger(evidenceId)) return null;
    const found = (await this.findInCaseFile(scope, evidenceId)) ?? (await this.findForAssistance(scope, evidenceId));
    if (!found) return null;
    const { caseNumber } = await this.dataSource.manager.findOneByOrFail(EnforcementCase, { id: found.caseId });
    const bytes = await this.files.read(found.storageReference, found.sm3Digest, evidenceName(found, caseNumber));
    return { evidence: found, contentBase64: bytes.toString('base64'), sm3Digest: sm3Hex(bytes) };
  }

  /** Reads every item back and checks it against its digest, before items change hands; the error names the first that fails. */
  async verify(items: readonly CaseEvidence[], caseNumber: string): Promise<void> {
    for (const item of items)
      await this.files.read(item.storageReference, item.sm3Digest, evidenceName(item, caseNumber));
  }

  private async findInCaseFile(scope: RegionScope, evidenceId: number): Promise<CaseEvidence | null> {
    const query = this.dataSource
      .createQueryBuilder(CaseEvidence, 'evidence')
      .innerJoin(EnforcementCase, 'enforcementCase', 'enforcementCase.id = evidence.caseId')
      .where('evidence.id = :evidenceId', { evidenceId })
      .andWhere('evidence.handedOverAt IS NOT NULL');
    this.access.whereVisible(query, scope);
    this.access.whereChildVisible(query, scope, 'evidence.regionCode');
    return query.getOne();
  }

  private async findForAssistance(scope: RegionScope, evidenceId: number): Promise<CaseEvidence | null> {
    const query = this.dataSource
      .createQueryBuilder(CaseEvidence, 'evidence')
      .innerJoin(AssistanceRequest, 'assistance', 'assistance.id = evidence.assistanceRequestId')
      .where('evidence.id = :evidenceId', { evidenceId });
    if (scope.prefix !== '')
      query.andWhere('assistance.assistingRegionCode LIKE :assisting', { assisting: `${scope.prefix}%` });
    return query.getOne();
  }
}
